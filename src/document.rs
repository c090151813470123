//! What the views do to the document around them: its title and where focus is. Called
//! from effects and event handlers, never while rendering (a static page is rendered where
//! there is no document).

use wasm_bindgen::JsCast;

/// Sets `document.title` to `<page> · <site>`, or the site's name alone. The list's effect
/// calls this as the reader types; setting an unchanged title still costs the browser
/// (docs/PERFORMANCE.md), so it is set only when it changes.
pub fn set_title(page: Option<&str>, site: &str) {
    thread_local!(static SHOWN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) });
    let title = geul_core::titles::full(page, site);
    SHOWN.with(|shown| {
        let mut shown = shown.borrow_mut();
        if *shown != title {
            gloo::utils::document().set_title(&title);
            *shown = title;
        }
    });
}

/// Focus on `<main>`, so keyboard and screen-reader users start reading the new view.
pub fn move_focus_to_main() {
    let main = gloo::utils::document().get_element_by_id(geul_core::dom_ids::MAIN);
    if let Some(main) = main.and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Without preventScroll, focusing a <main> taller than the screen scrolls the
        // header away; the views choose where the page is scrolled.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = main.focus_with_options(&options);
    }
}
