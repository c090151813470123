//! The live region that tells screen-reader users (and everyone) how many posts are shown.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultCountProps {
    pub shown: usize,
    pub total: usize,
}

#[component]
pub fn ResultCount(props: &ResultCountProps) -> Html {
    let text = if props.shown == props.total {
        format!("글 {}개", props.total)
    } else {
        format!("글 {}개 (전체 {}개 중)", props.shown, props.total)
    };
    html! { <p class="result-count" role="status" aria-live="polite">{ text }</p> }
}
