//! Date and reading time of a post, in Korean.

use geul_content::PostMeta;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PostInfoProps {
    pub post: &'static PostMeta,
}

#[component]
pub fn PostInfo(props: &PostInfoProps) -> Html {
    let post = props.post;
    html! {
        <p class="post-info">
            if let Some(date) = &post.date {
                <time datetime={date.iso()}>{ date.korean() }</time>
            }
            <span class="reading-time">{ format!("{}분 분량", post.reading_minutes) }</span>
        </p>
    }
}
