//! What the views do to the document around them: its title and where focus is. Called
//! from effects and event handlers, never while rendering (a static page is rendered where
//! there is no document).

use wasm_bindgen::JsCast;

/// Sets `document.title` to `<page> · <site>`, or the site's name alone.
pub fn set_title(page: Option<&str>, site: &str) {
    gloo::utils::document().set_title(&geul_core::titles::full(page, site));
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
