//! The live region that tells screen-reader users (and everyone) how many posts are shown.

use yew::prelude::*;

use crate::data::site_index::app_text;

/// A stateless view function (see `post_info` for why it is not a component).
pub fn result_count(shown: usize, total: usize) -> Html {
    let text = app_text().result_count(shown, total);
    html! { <p class="result-count" role="status" aria-live="polite">{ text }</p> }
}
