//! Keys on the list: ↓ and ↑ walk from the search box through the result titles and back.
//! Enter on a focused title opens it, as on any link. ("/" jumps to the box on every page,
//! static or not: index.html's first script.)

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The title link of each result card.
const TITLE_LINK: &str = ".post-card__title a";

/// Listens on the document while the list is shown; `input` is the search box.
#[hook]
pub fn use_list_keys(input: NodeRef) {
    use_effect_with((), move |_| {
        // Not passive: the arrows must not also scroll the page.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let listener = gloo::events::EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            options,
            move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let Some(input) = input.cast::<HtmlElement>() else {
                    return;
                };
                let active = gloo::utils::document().active_element();
                let target = match event.key().as_str() {
                    "ArrowDown" | "ArrowUp" => {
                        step(active.as_ref(), &input, event.key() == "ArrowDown")
                    }
                    _ => None,
                };
                if let Some(target) = target {
                    event.prevent_default();
                    let _ = target.focus();
                }
            },
        );
        move || drop(listener)
    });
}

/// Where an arrow key moves focus from `active`: only from the search box or a result title,
/// so arrows keep scrolling the page everywhere else.
fn step(active: Option<&Element>, input: &HtmlElement, down: bool) -> Option<HtmlElement> {
    let active = active?;
    let from_box = active == input.unchecked_ref::<Element>();
    let card = if from_box {
        None
    } else {
        let card = active.closest(".post-card").ok()??;
        // Only the title link walks; a tag link in a card keeps its usual keys.
        if !active.matches(TITLE_LINK).unwrap_or(false) {
            return None;
        }
        Some(card)
    };
    let next = match (card, down) {
        (None, true) => gloo::utils::document().query_selector(TITLE_LINK).ok()?,
        (None, false) => None,
        (Some(card), true) => card
            .next_element_sibling()?
            .query_selector(TITLE_LINK)
            .ok()?,
        (Some(card), false) => match card.previous_element_sibling() {
            Some(previous) => previous.query_selector(TITLE_LINK).ok()?,
            // Up from the first result goes back to the box.
            None => Some(input.clone().into()),
        },
    };
    next?.dyn_into::<HtmlElement>().ok()
}
