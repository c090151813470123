//! One post in the list: title link, date, reading time, excerpt, categories and tags.

use geul_content::{PostMeta, Selection};
use yew::prelude::*;

use crate::components::app_link::AppLink;
use crate::components::facet_links::FacetLinks;
use crate::components::post_info::PostInfo;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct PostCardProps {
    pub post: &'static PostMeta,
    /// The list's selection, so a tag click adds to it.
    pub selection: Selection,
}

#[component]
pub fn PostCard(props: &PostCardProps) -> Html {
    let post = props.post;
    let to = Route::Post {
        slug: post.slug.clone(),
    };
    html! {
        <article class={classes!("post-card", post.pinned.then_some("post-card--pinned"))} data-slug={post.slug.clone()}>
            <h2 class="post-card__title">
                if post.pinned {
                    <span class="pin-badge">{ "고정" }</span>
                }
                <AppLink {to}>{ &post.title }</AppLink>
            </h2>
            <PostInfo {post} />
            <p class="post-card__excerpt">{ &post.excerpt }</p>
            <FacetLinks {post} base={props.selection.clone()} />
        </article>
    }
}
