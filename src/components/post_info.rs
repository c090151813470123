//! Date and reading time of a post, in Korean.

use geul_core::PostMeta;
use yew::prelude::*;

/// A plain view function rather than a component: it has no state, and every component
/// type adds its own copy of Yew's lifecycle code to the wasm (see docs/PERFORMANCE.md).
pub fn post_info(post: &PostMeta) -> Html {
    html! {
        <p class="post-info">
            if let Some(date) = &post.date {
                <time datetime={date.iso()}>{ date.korean() }</time>
            }
            <span class="reading-time">{ format!("{}분 분량", post.reading_minutes) }</span>
        </p>
    }
}
