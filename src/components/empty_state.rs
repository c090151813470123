//! What the list shows when no post matches the filters.

use yew::prelude::*;

use crate::components::facet_bar::CLEAR_FILTERS;

/// A stateless view function (see `post_info` for why it is not a component).
pub fn empty_state(on_clear: &Callback<()>) -> Html {
    let onclick = on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="empty-state">
            <p class="empty-state__title">{ "조건에 맞는 글이 없어요." }</p>
            <p>{ "선택한 태그나 분류를 줄이거나, ‘하나라도 포함’으로 바꿔 보세요." }</p>
            <button type="button" class="clear-filters" {onclick}>{ CLEAR_FILTERS }</button>
        </div>
    }
}
