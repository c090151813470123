//! The live region that tells screen-reader users (and everyone) how many posts are shown.

use yew::prelude::*;

/// A stateless view function (see `post_info` for why it is not a component).
pub fn result_count(shown: usize, total: usize) -> Html {
    let text = if shown == total {
        format!("글 {total}개")
    } else {
        format!("글 {shown}개 (전체 {total}개 중)")
    };
    html! { <p class="result-count" role="status" aria-live="polite">{ text }</p> }
}
