//! What waits for typing to pause: the address bar, the filter buttons' counts, the texts
//! that result snippets quote, and the whole page of results.

use std::rc::Rc;

use geul_core::search::SearchIndex;
use geul_core::Selection;
use yew::prelude::*;

use crate::data::search::{chunks_to_fetch, load_chunk};
use crate::list_facets::Counted;
use crate::router::write_pending_url;

/// How long typing must pause before the address bar follows the search, the filter
/// buttons are counted for it, the texts for snippets are fetched and the whole page of
/// results is shown.
const PAUSE_MS: u32 = 200;

/// What the list shows as the reader types.
pub struct Pause {
    /// The posts on the page.
    pub shown: Vec<usize>,
    /// Whether snippets quote the search: it has words, and the index is here.
    pub quoting: bool,
    pub query: String,
    pub selection: Selection,
    pub search_index: UseStateHandle<Option<Rc<SearchIndex>>>,
    /// The selection the filter buttons were last counted for.
    pub counted: Counted,
    /// Bumped to render the list again when something arrives.
    pub arrived: UseStateHandle<u32>,
}

/// Once typing pauses, not on every key: the address is written, the filter buttons are
/// counted for the search, and the texts that snippets quote are fetched in chunks. The
/// index is in the dependencies too: when it arrives, the first results may be the very
/// posts the list already showed.
#[hook]
pub fn use_pause(pause: Pause) {
    let Pause {
        shown,
        quoting,
        query,
        selection: current,
        search_index,
        counted,
        arrived,
    } = pause;
    use_effect_with((shown, quoting, query), move |(shown, quoting, _)| {
        let (shown, quoting) = (shown.clone(), *quoting);
        let pause = gloo::timers::callback::Timeout::new(PAUSE_MS, move || {
            write_pending_url();
            if *counted.borrow() != current {
                *counted.borrow_mut() = current;
                arrived.set(*arrived + 1);
            }
            let Some(search_index) = (*search_index).clone().filter(|_| quoting) else {
                return;
            };
            for chunk in chunks_to_fetch(&search_index, &shown) {
                let (search_index, arrived) = (search_index.clone(), arrived.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if load_chunk(&search_index, chunk).await {
                        arrived.set(*arrived + 1);
                    }
                });
            }
        });
        move || drop(pause)
    });
}
