//! One post in the list: title link, date, reading time, excerpt, categories and tags.

use geul_content::{PostMeta, Selection};
use yew::prelude::*;

use crate::components::app_link::AppLink;
use crate::components::facet_links::facet_links;
use crate::components::post_info::post_info;
use crate::route::Route;

/// A stateless view function (see `post_info` for why it is not a component).
/// `selection` is the list's, so a tag click adds to it.
pub fn post_card(post: &PostMeta, selection: &Selection) -> Html {
    let to = Route::Post {
        slug: post.slug.clone(),
    };
    html! {
        <article key={post.slug.clone()} class={classes!("post-card", post.pinned.then_some("post-card--pinned"))} data-slug={post.slug.clone()}>
            <h2 class="post-card__title">
                if post.pinned {
                    <span class="pin-badge">{ "고정" }</span>
                }
                <AppLink {to}>{ &post.title }</AppLink>
            </h2>
            { post_info(post) }
            <p class="post-card__excerpt">{ &post.excerpt }</p>
            { facet_links(post, selection) }
        </article>
    }
}
