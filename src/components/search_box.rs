//! The search box: labelled, searching on every keystroke (also while the IME composes).

use geul_core::dom_ids::SEARCH_INPUT;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::data::site_index::app_text;
use crate::router::home_url;
use crate::static_page::is_static;

/// A stateless view function; `input` lets the list keep the box in step with the URL, and
/// `onfocus` lets it fetch what search needs before the first keystroke.
pub fn search_box(
    input: &NodeRef,
    on_search: &Callback<String>,
    onfocus: Callback<FocusEvent>,
) -> Html {
    let oninput = on_search.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default()
    });
    let onkeydown = {
        let on_search = on_search.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_search.emit(String::new());
            }
        })
    };
    let text = app_text();
    let label = html! { <label for={SEARCH_INPUT} class="search__label">{ text.search }</label> };
    let field = html! {
        <input id={SEARCH_INPUT} class="search__input" type="search" name="q" ref={input.clone()}
               placeholder={text.search_placeholder} autocomplete="off" spellcheck="false"
               {oninput} {onkeydown} {onfocus} />
    };
    if is_static() {
        // Without the app a search cannot run: the form still goes to the list, and the
        // note says why nothing is found (shown by `style/main.css` when the app is not
        // running).
        return html! {
            <>
                <form class="search" role="search" action={home_url()}>{ label }{ field }</form>
                <p class="search__needs-js">{ text.search_needs_js }</p>
            </>
        };
    }
    html! { <div class="search" role="search">{ label }{ field }</div> }
}
