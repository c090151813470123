//! Shown for any path the app does not know, including unknown post slugs.

use yew::prelude::*;

use crate::app::set_document_title;
use crate::route::Route;
use crate::router::navigator;

/// A view function, not a component: it has no state of its own.
pub fn not_found() -> Html {
    set_document_title(Some("페이지를 찾을 수 없습니다"));
    html! {
        <section class="not-found">
            <h1>{ "페이지를 찾을 수 없습니다" }</h1>
            <p>{ "주소가 바뀌었거나 글이 옮겨졌을 수 있어요." }</p>
            <a class="home-link" href={navigator().href(&Route::Home, "")}>{ "글 목록으로 가기" }</a>
        </section>
    }
}
