//! Where to read on after a post, written by the build after its text so the static page
//! and the app show it and the app's code carries none of it: up to three related posts
//! (most shared tags and categories, then the newest), and the previous and next post by
//! date, as Chirpy has them.

use std::collections::HashMap;

use geul_core::ui_text::UiText;

use super::facet_spelling::spelling_key;
use crate::post::Post;
use crate::render::markdown::escape_html as esc;

/// How many related posts a post lists.
const RELATED: usize = 3;

/// The markup after each post's text, in the order of `posts`, its words in the site's
/// language; links start with `base_path` (`/geul/`).
pub fn reading_on(posts: &[Post], base_path: &str, ui_text: &UiText) -> Vec<String> {
    // Each post's tags and categories as numbers, their spellings unified.
    let mut ids: HashMap<(bool, String), usize> = HashMap::new();
    let facets: Vec<Vec<usize>> = posts
        .iter()
        .map(|post| {
            let tags = post.meta.tags.iter().map(|tag| (true, spelling_key(tag)));
            let categories = post
                .meta
                .categories
                .iter()
                .map(|c| (false, spelling_key(c)));
            let mut own: Vec<usize> = tags
                .chain(categories)
                .map(|key| {
                    let next = ids.len();
                    *ids.entry(key).or_insert(next)
                })
                .collect();
            own.sort_unstable();
            own.dedup();
            own
        })
        .collect();
    let mut carriers: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    for (post, own) in facets.iter().enumerate() {
        for &facet in own {
            carriers[facet].push(post);
        }
    }
    // Oldest first; undated posts have no neighbours.
    let mut by_date: Vec<usize> = (0..posts.len())
        .filter(|&at| posts[at].meta.date.is_some())
        .collect();
    by_date.sort_by_key(|&at| (posts[at].meta.date.map(|date| date.timestamp), at));
    let mut place = vec![None; posts.len()];
    for (order, &at) in by_date.iter().enumerate() {
        place[at] = Some(order);
    }
    let newest_first =
        |at: usize| std::cmp::Reverse(posts[at].meta.date.map(|date| date.timestamp));
    let mut shared = vec![0u32; posts.len()];
    let mut touched = Vec::new();
    (0..posts.len())
        .map(|at| {
            for &facet in &facets[at] {
                for &other in &carriers[facet] {
                    if other != at {
                        if shared[other] == 0 {
                            touched.push(other);
                        }
                        shared[other] += 1;
                    }
                }
            }
            // The best few in one pass: a popular tag touches most of the site, and sorting
            // every post it touches, for every post, grows with the square of the site.
            let rank =
                |other: usize| (std::cmp::Reverse(shared[other]), newest_first(other), other);
            let mut related: Vec<usize> = Vec::with_capacity(RELATED + 1);
            for &other in &touched {
                if related.len() == RELATED && rank(other) >= rank(related[RELATED - 1]) {
                    continue;
                }
                let at = related.partition_point(|&kept| rank(kept) < rank(other));
                related.insert(at, other);
                related.truncate(RELATED);
            }
            for other in touched.drain(..) {
                shared[other] = 0;
            }
            let older = place[at]
                .and_then(|order| order.checked_sub(1))
                .map(|order| by_date[order]);
            let newer = place[at].and_then(|order| by_date.get(order + 1).copied());
            markup(posts, base_path, &related, older, newer, ui_text)
        })
        .collect()
}

fn markup(
    posts: &[Post],
    base: &str,
    related: &[usize],
    older: Option<usize>,
    newer: Option<usize>,
    ui_text: &UiText,
) -> String {
    let link = |at: usize, rel: &str| {
        format!(
            "<a href=\"{base}posts/{}/\"{rel}>{}</a>",
            esc(&posts[at].meta.slug),
            esc(&posts[at].meta.title)
        )
    };
    if related.is_empty() && older.is_none() && newer.is_none() {
        return String::new();
    }
    let mut html = format!(
        "<nav class=\"reading-on\" aria-label=\"{}\">",
        ui_text.reading_on
    );
    if !related.is_empty() {
        html += &format!(
            "<h2 class=\"reading-on__title\">{}</h2><ul class=\"reading-on__related\">",
            ui_text.related
        );
        for &at in related {
            html += &format!("<li>{}</li>", link(at, ""));
        }
        html += "</ul>";
    }
    if older.is_some() || newer.is_some() {
        html += "<ul class=\"reading-on__sequence\">";
        if let Some(at) = older {
            html += &format!(
                "<li class=\"reading-on__older\"><span>{}</span>{}</li>",
                ui_text.older,
                link(at, " rel=\"prev\"")
            );
        }
        if let Some(at) = newer {
            html += &format!(
                "<li class=\"reading-on__newer\"><span>{}</span>{}</li>",
                ui_text.newer,
                link(at, " rel=\"next\"")
            );
        }
        html += "</ul>";
    }
    html + "</nav>"
}
