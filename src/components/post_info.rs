//! Date and reading time of a post, in the site's language.

use geul_core::PostMeta;
use yew::prelude::*;

use crate::data::site_index::app_text;

/// A plain view function rather than a component: it has no state, and every component
/// type adds its own copy of Yew's lifecycle code to the wasm (see docs/PERFORMANCE.md).
pub fn post_info(post: &PostMeta) -> Html {
    let text = app_text();
    html! {
        <p class="post-info">
            if let Some(date) = &post.date {
                <time datetime={date.iso()}>{ text.date(date) }</time>
            }
            <span class="reading-time">{ text.reading_time.of(post.reading_minutes as usize) }</span>
        </p>
    }
}
