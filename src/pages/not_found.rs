//! Shown for any path the app does not know, including unknown post slugs.

use yew::prelude::*;

use crate::data::site_index::app_text;
use crate::router::navigator;
use geul_core::Route;

/// A view function, not a component: it has no state of its own.
pub fn not_found() -> Html {
    let text = app_text();
    html! {
        <section class="not-found">
            <h1>{ text.not_found }</h1>
            <p>{ text.not_found_hint }</p>
            <a class="home-link" href={navigator().href(&Route::Home, "")}>{ text.go_home }</a>
        </section>
    }
}
