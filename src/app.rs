//! The page frame: header, the routed view, footer.

use yew::prelude::*;

use crate::components::app_link::AppLink;
use crate::route::{switch, Route};
use crate::router::{use_location, Router};
use crate::site_index::site_index;

/// Shown in the header and in every document title.
pub const SITE_NAME: &str = "geul";

#[component]
pub fn App() -> Html {
    let content = match site_index() {
        Ok(_) => html! { <Routed /> },
        Err(reason) => html! {
            <section class="notice notice--error">
                <h1>{ "글 목록을 읽지 못했습니다" }</h1>
                <p>{ "사이트를 다시 빌드해 주세요. 원인: " }{ reason }</p>
            </section>
        },
    };
    html! {
        <Router>
            <a class="skip-link" href="#main">{ "본문으로 건너뛰기" }</a>
            <header class="site-header">
                <AppLink to={Route::Home} class={classes!("site-header__name")}>{ "글" }<span lang="en">{ SITE_NAME }</span></AppLink>
            </header>
            <main id="main" tabindex="-1">{ content }</main>
            <footer class="site-footer">
                <p>{ "geul — 브라우저에서 읽고 거르는 블로그" }</p>
            </footer>
        </Router>
    }
}

/// The view for the current location.
#[component]
fn Routed() -> Html {
    let location = use_location();
    switch(Route::recognize(&location.path).unwrap_or(Route::NotFound))
}

/// Sets `document.title` to `<page> · geul` (or just the site name).
pub fn set_document_title(page: Option<&str>) {
    let title = match page {
        Some(page) => format!("{page} · {SITE_NAME}"),
        None => SITE_NAME.to_owned(),
    };
    gloo::utils::document().set_title(&title);
}
