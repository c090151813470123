//! Where the reader is on the list: the document's title, the scroll position kept per
//! query, and how far "더 보기" went.

use std::cell::RefCell;

use geul_core::{titles, Facet, LIST_PAGE_SIZE};
use yew::prelude::*;

use crate::data::site_index::app_text;
use crate::router::has_navigated;

thread_local! {
    /// Where the reader had scrolled the list, for the query it was scrolled under.
    static LIST_SCROLL: RefCell<(String, f64)> = const { RefCell::new((String::new(), 0.0)) };
    /// How many posts "더 보기" had shown, for the query: coming back shows them again.
    static LIST_LIMIT: RefCell<(String, usize)> = const { RefCell::new((String::new(), 0)) };
}

/// Coming back to the same list (back button, "목록으로") returns to where the reader was;
/// the document's title follows the page: the list, or a tag's or category's.
#[hook]
pub fn use_list_place(query: &str, facet: Option<&'static Facet>) {
    use_effect_with((query.to_owned(), facet), |(query, facet)| {
        let title = facet.map(|facet| titles::facet_page(facet.kind, &facet.value, app_text()));
        crate::document::set_title(title.as_deref(), crate::app::site_name());
        let window = gloo::utils::window();
        LIST_SCROLL.with(|saved| {
            let mut saved = saved.borrow_mut();
            // The list the app started on keeps wherever the reader scrolled its static copy.
            if &saved.0 == query && has_navigated() {
                window.scroll_to_with_x_and_y(0.0, saved.1);
            } else {
                *saved = (query.clone(), 0.0);
            }
        });
        // Kept as the reader scrolls: reading scrollY when the list changes would force a
        // layout in the middle of every keystroke.
        let listener = gloo::events::EventListener::new(&window, "scroll", |_| {
            let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
            LIST_SCROLL.with(|saved| saved.borrow_mut().1 = y);
        });
        move || drop(listener)
    });
}

/// How many posts the list shows, and what "더 보기" does: more of the same list; another
/// query starts again from one page.
#[hook]
pub fn use_list_limit(query: &str) -> (usize, Callback<MouseEvent>) {
    let saved_limit = LIST_LIMIT.with(|saved| saved.borrow().clone());
    let limit = if saved_limit.0 == query {
        saved_limit.1.max(LIST_PAGE_SIZE)
    } else {
        LIST_PAGE_SIZE
    };
    let more_shown = use_state(|| 0u32); // only to render again after "더 보기"
    let query = query.to_owned();
    let on_more = Callback::from(move |_: MouseEvent| {
        LIST_LIMIT.with(|saved| *saved.borrow_mut() = (query.clone(), limit + LIST_PAGE_SIZE));
        more_shown.set(*more_shown + 1);
    });
    (limit, on_more)
}
