//! The search index, fetched when the box is first focused or a search arrives in the URL,
//! and the box, which follows the URL.

use std::rc::Rc;

use geul_core::search::SearchIndex;
use yew::prelude::*;

use crate::data::search::{load_index, loaded_index};
use crate::data::site_index::site_index;

/// The search index once it is here, whether fetching it failed, and what starts the fetch.
/// Until it is here the list stays as it is and says search is on its way.
#[hook]
pub fn use_search_index(
    searching: bool,
) -> (
    UseStateHandle<Option<Rc<SearchIndex>>>,
    UseStateHandle<bool>,
    Callback<()>,
) {
    let search_index = use_state(loaded_index);
    let search_failed = use_state(|| false);
    let load = {
        let (search_index, search_failed) = (search_index.clone(), search_failed.clone());
        Callback::from(move |()| load_search_index(search_index.clone(), search_failed.clone()))
    };
    {
        let load = load.clone();
        use_effect_with(searching, move |&searching| {
            if searching {
                load.emit(());
            }
        });
    }
    (search_index, search_failed, load)
}

/// The box follows the URL (back/forward, pasted links) but is never rewritten while the
/// reader types, so an IME composition is not interrupted.
#[hook]
pub fn use_box_follows_url(input: &NodeRef, search: &str) {
    let input = input.clone();
    use_effect_with(search.to_owned(), move |search| {
        if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
            if &input.value() != search {
                input.set_value(search);
            }
        }
    });
}

/// Starts fetching the search index unless it is there or on its way; `failed` tells the
/// list when the fetch did not work.
fn load_search_index(state: UseStateHandle<Option<Rc<SearchIndex>>>, failed: UseStateHandle<bool>) {
    thread_local!(static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if state.is_some() || STARTED.with(|started| started.replace(true)) {
        return;
    }
    failed.set(false);
    if let Ok(index) = site_index() {
        wasm_bindgen_futures::spawn_local(async move {
            match load_index(&index.search_path).await {
                // The first search and the list it gives run in a task of their own: on a large
                // site, reading the index and searching it in one task made a long task.
                Ok(loaded) => {
                    crate::tasks::next_task().await;
                    state.set(Some(loaded));
                }
                // The list says so and offers to try again.
                Err(_) => {
                    STARTED.with(|started| started.set(false));
                    failed.set(true);
                }
            }
        });
    }
}
