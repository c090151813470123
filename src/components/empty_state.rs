//! What the list shows when no post matches the filters.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub on_clear: Callback<()>,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    let onclick = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <div class="empty-state">
            <p class="empty-state__title">{ "조건에 맞는 글이 없어요." }</p>
            <p>{ "선택한 태그나 분류를 줄이거나, ‘하나라도 포함’으로 바꿔 보세요." }</p>
            <button type="button" class="clear-filters" {onclick}>{ "필터 지우기" }</button>
        </div>
    }
}
