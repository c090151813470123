//! The page frame: header, the routed view, footer.

use geul_core::dom_ids::MAIN;
use yew::prelude::*;

use crate::route::{switch, Route};
use crate::router::{home_url, use_location, Router};
use crate::site_index::site_index;

/// The site's name from `site.toml` (via the index): header and document titles.
pub fn site_name() -> &'static str {
    site_index().map_or("geul", |index| index.title.as_str())
}

#[component]
pub fn App() -> Html {
    // After the first render of the app and of its view.
    use_effect_with((), |_| crate::takeover::finish_unclaimed());
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
            <a class="skip-link" href="#main" onclick={focus_main()}>{ "본문으로 건너뛰기" }</a>
            <header class="site-header">
                <a class="site-header__name" href={home_url()}>{ "글" }<span>{ site_name() }</span></a>
            </header>
            <main id={MAIN} tabindex="-1">{ content }</main>
            <footer class="site-footer">
                <p>{ "geul — 브라우저에서 읽고 거르는 블로그" }</p>
            </footer>
        </Router>
    }
}

/// Moves focus to the main content. A plain `#main` link would resolve against
/// `<base href>` and leave the page.
fn focus_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        move_focus_to_main();
    })
}

/// Focus on `<main>`, so keyboard and screen-reader users start reading the new view.
pub fn move_focus_to_main() {
    if let Some(main) = gloo::utils::document().get_element_by_id(MAIN) {
        use wasm_bindgen::JsCast;
        if let Ok(main) = main.dyn_into::<web_sys::HtmlElement>() {
            // Without preventScroll, focusing a <main> taller than the screen scrolls the
            // header away; the views choose where the page is scrolled.
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = main.focus_with_options(&options);
        }
    }
}

/// The view for the current location.
#[component]
fn Routed() -> Html {
    let location = use_location();
    switch(Route::recognize(&location.path).unwrap_or(Route::NotFound))
}

/// Sets `document.title` to `<page> · geul` (or just the site name). The list calls this on
/// every render, so on every keystroke of a search; setting an unchanged title still costs
/// the browser a tenth of a millisecond or more, so it is set only when it changes.
pub fn set_document_title(page: Option<&str>) {
    thread_local!(static SHOWN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
    let title = match page {
        Some(page) => format!("{page} · {}", site_name()),
        None => site_name().to_owned(),
    };
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        if *shown != title {
            gloo::utils::document().set_title(&title);
            *shown = title;
        }
    });
}
