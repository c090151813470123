//! What the list shows when no post matches the filters.

use yew::prelude::*;

use crate::data::site_index::app_text;

/// A stateless view function (see `post_info` for why it is not a component).
pub fn empty_state(on_clear: &Callback<()>) -> Html {
    let onclick = on_clear.reform(|_: MouseEvent| ());
    let text = app_text();
    html! {
        <div class="empty-state">
            <p class="empty-state__title">{ text.no_match }</p>
            <p>{ text.no_match_hint }</p>
            <button type="button" class="clear-filters" {onclick}>{ text.clear_filters }</button>
        </div>
    }
}
