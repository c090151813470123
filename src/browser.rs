//! Starting the app in the browser.

use crate::data::{bodies, cards, site_index};
use crate::{takeover, App};
use geul_core::dom_ids;

pub fn start(index: &[u8]) {
    site_index::install(index);
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id(dom_ids::MOUNT)
        .expect("index.html has the app's mount point");
    let prerendered = document.get_element_by_id(dom_ids::PRERENDERED);
    if let Some(prerendered) = &prerendered {
        keep_prerendered_body(prerendered);
    }
    // The app renders the view the static page shows with its cards: those of the first
    // posts are embedded; others are fetched first, while the static page stays on
    // screen. If they cannot be fetched, the static page stays: readable, its links
    // plain links.
    let shown = prerendered.as_ref().map(shown_posts).unwrap_or_default();
    // A page that shows cards is a list, whose takeover is spread over tasks.
    let staged = !shown.is_empty();
    if shown.iter().all(|&post| cards::card(post).is_some()) {
        wasm_bindgen_futures::spawn_local(async move {
            // Not in the task the wasm starts in: V8 compiles each function it calls for
            // the first time, and this task already paid for those that read the index.
            crate::tasks::next_task().await;
            take_over(root, prerendered, staged);
        });
    } else {
        wasm_bindgen_futures::spawn_local(async move {
            if cards::load_cards(&shown).await {
                take_over(root, prerendered, staged);
            }
        });
    }
}

/// Renders the app in place of the static copy (see `geul::takeover`).
fn take_over(root: web_sys::Element, prerendered: Option<web_sys::Element>, staged: bool) {
    takeover::begin(root.clone(), prerendered, staged);
    yew::Renderer::<App>::with_root(root).render();
    takeover::first_render_done();
}

/// The posts (positions in the index) whose cards the static page shows (`data-posts`).
fn shown_posts(prerendered: &web_sys::Element) -> Vec<usize> {
    let listed = prerendered.get_attribute("data-posts").unwrap_or_default();
    listed
        .split(',')
        .filter_map(|post| post.parse().ok())
        .collect()
}

/// A static post page (or overview) already holds the file it shows: hand it to the app
/// instead of fetching the same file again.
fn keep_prerendered_body(prerendered: &web_sys::Element) {
    let Some(article) = prerendered
        .query_selector("[data-body-path]")
        .ok()
        .flatten()
    else {
        return;
    };
    let body = article
        .query_selector(".post__body, .overview__body")
        .ok()
        .flatten();
    if let (Some(path), Some(body)) = (article.get_attribute("data-body-path"), body) {
        bodies::remember_body(path, body.inner_html());
    }
}
