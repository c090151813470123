//! Shown for any path the app does not know, including unknown post slugs.

use geul_core::titles;
use yew::prelude::*;

use crate::router::navigator;
use geul_core::Route;

/// A view function, not a component: it has no state of its own.
pub fn not_found() -> Html {
    html! {
        <section class="not-found">
            <h1>{ titles::NOT_FOUND }</h1>
            <p>{ "주소가 바뀌었거나 글이 옮겨졌을 수 있어요." }</p>
            <a class="home-link" href={navigator().href(&Route::Home, "")}>{ "글 목록으로 가기" }</a>
        </section>
    }
}
