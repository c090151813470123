//! One post in the list: title link, date, reading time, excerpt, categories and tags.

use geul_core::{search::Piece, PostMeta, Selection};
use yew::prelude::*;

use crate::components::facet_links::facet_links;
use crate::components::post_info::post_info;
use crate::data::site_index::app_text;
use crate::router::navigator;
use geul_core::Route;

/// A stateless view function (see `post_info` for why it is not a component).
/// `selection` is the list's, so a tag click adds to it; `snippet`, when searching, replaces
/// the excerpt and marks the matches; `post_query` goes on the title link (`q=…` when searching,
/// so the post marks the matches too).
pub fn post_card(
    post: &PostMeta,
    selection: &Selection,
    post_query: &str,
    snippet: Option<Vec<Piece>>,
) -> Html {
    let href = navigator().href(
        &Route::Post {
            slug: post.slug.clone(),
        },
        post_query,
    );
    html! {
        // No key: while typing, the same card slots take new posts, which is cheaper than
        // removing and creating whole cards on every keystroke.
        <article class="post-card" data-pinned={post.pinned.then_some("")}
                 data-slug={post.slug.clone()}>
            <h2 class="post-card__title">
                if post.pinned {
                    <span class="pin-badge">{ app_text().pinned }</span>
                }
                <a {href}>{ &post.title }</a>
            </h2>
            { post_info(post) }
            if let Some(pieces) = snippet {
                <p class="post-card__excerpt post-card__snippet">
                    { for pieces.into_iter().map(|piece| match piece.hit {
                        true => html! { <mark>{ piece.text }</mark> },
                        false => Html::from(piece.text),
                    }) }
                </p>
            } else {
                <p class="post-card__excerpt">{ &post.excerpt }</p>
            }
            { facet_links(post, selection) }
        </article>
    }
}

/// A post whose card is still on its way (see `crate::data::cards`): a card's lines, empty, so
/// the list does not jump when it arrives (unless its title or tags wrap onto more lines).
pub fn card_placeholder() -> Html {
    html! {
        <article class="post-card post-card--loading" aria-busy="true">
            <h2 class="post-card__title">{ app_text().card_loading }</h2>
            <div aria-hidden="true">
                <p class="post-info">{ "\u{a0}" }</p>
                <p class="post-card__excerpt"></p>
                <p class="facet-links">{ "\u{a0}" }</p>
            </div>
        </article>
    }
}
