//! The search box: labelled, searching on every keystroke (also while the IME composes).

use geul_core::dom_ids::SEARCH_INPUT;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

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
    html! {
        <div class="search" role="search">
            <label for={SEARCH_INPUT} class="search__label">{ "검색" }</label>
            <input id={SEARCH_INPUT} class="search__input" type="search" ref={input.clone()}
                   placeholder="제목·태그·본문, 초성(ㄹㅇ)도 됩니다" autocomplete="off" spellcheck="false"
                   {oninput} {onkeydown} {onfocus} />
        </div>
    }
}
