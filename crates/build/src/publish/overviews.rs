//! What the site-wide pages show ([`Overview`]): every post by year and month, every tag,
//! and every category under the one it belongs to. The build writes each once, as a file
//! beside its page (`archives/content.html`); the static page and the app both show that
//! file, so neither the app's wasm nor its first load grows with them.

use std::collections::BTreeMap;

use geul_core::ui_text::UiText;
use geul_core::{FacetKind, Overview, PostDate, Route};

use crate::post::Post;
use crate::render::markdown::escape_html as esc;
use geul_core::Facet;

/// The overview's HTML in `text`'s language; links start with `base` (`/geul/`). `posts`
/// are in display order, `facets` are the site's facet table.
pub fn overview_html(
    overview: Overview,
    posts: &[Post],
    facets: &[Facet],
    base: &str,
    text: &UiText,
) -> String {
    let count = |total: usize| {
        // What is counted is read, not shown (`2024년 3개`), as on the filters.
        format!(
            "<span class=\"overview__count\">{total}<span class=\"visually-hidden\">{}</span></span>",
            text.app.facet_posts.after(total)
        )
    };
    match overview {
        Overview::Archives => archives(posts, base, text, &count),
        Overview::Tags => tags(facets, base, &count),
        Overview::Categories => categories(posts, facets, base, &count),
    }
}

/// Dated posts, newest year and month first, with their counts. Undated posts have no place
/// in time; the list shows them.
fn archives(posts: &[Post], base: &str, text: &UiText, count: &dyn Fn(usize) -> String) -> String {
    let mut dated: Vec<(&PostDate, &Post)> = posts
        .iter()
        .filter_map(|post| post.meta.date.as_ref().map(|date| (date, post)))
        .collect();
    dated.sort_by_key(|(date, _)| std::cmp::Reverse(date.timestamp));
    let mut years: BTreeMap<std::cmp::Reverse<u16>, BTreeMap<std::cmp::Reverse<u8>, Vec<_>>> =
        BTreeMap::new();
    for (date, post) in dated {
        years
            .entry(std::cmp::Reverse(date.year))
            .or_default()
            .entry(std::cmp::Reverse(date.month))
            .or_default()
            .push((date, post));
    }
    let mut html = String::from("<div class=\"archives\">");
    for (std::cmp::Reverse(year), months) in &years {
        let total = months.values().map(Vec::len).sum();
        html += &format!(
            "<section class=\"archives__year\"><h2>{year}{} {}</h2>",
            text.archive_year,
            count(total)
        );
        for (std::cmp::Reverse(month), entries) in months {
            html += &format!(
                "<h3>{} {}</h3><ol class=\"archives__posts\">",
                text.archive_months[usize::from((*month).clamp(1, 12)) - 1],
                count(entries.len())
            );
            for (date, post) in entries {
                html += &format!(
                    "<li><time datetime=\"{}\">{}{}</time> <a href=\"{base}{}\">{}</a></li>",
                    date.iso(),
                    date.day,
                    text.archive_day,
                    esc(&post_path(post)),
                    esc(&post.meta.title)
                );
            }
            html += "</ol>";
        }
        html += "</section>";
    }
    html + "</div>"
}

fn post_path(post: &Post) -> String {
    Route::Post {
        slug: post.meta.slug.clone(),
    }
    .site_path()
}

fn facet_link(facet: &Facet, base: &str, count: &dyn Fn(usize) -> String) -> String {
    format!(
        "<a href=\"{base}{}\">{}</a> {}",
        esc(&Route::facet(facet.kind, &facet.slug).site_path()),
        esc(&facet.value),
        count(facet.total as usize)
    )
}

/// Every tag, the most used first.
fn tags(facets: &[Facet], base: &str, count: &dyn Fn(usize) -> String) -> String {
    let mut tags: Vec<&Facet> = facets
        .iter()
        .filter(|facet| facet.kind == FacetKind::Tag && facet.total > 0)
        .collect();
    tags.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.value.cmp(&b.value)));
    let mut html = String::from("<ul class=\"overview__facets\">");
    for facet in tags {
        html += &format!("<li>{}</li>", facet_link(facet, base, count));
    }
    html + "</ul>"
}

/// Chirpy's nesting: a post's first category holds its second (`[Dev, Rust]` puts Rust
/// under Dev). Each category's count is its own page's.
fn categories(
    posts: &[Post],
    facets: &[Facet],
    base: &str,
    count: &dyn Fn(usize) -> String,
) -> String {
    let by_value = |value: &str| {
        facets
            .iter()
            .find(|facet| facet.kind == FacetKind::Category && facet.value == value)
    };
    // By name, as Chirpy lists them.
    let mut tree: Vec<(&str, Vec<&str>)> = Vec::new();
    for post in posts {
        let mut names = post.meta.categories.iter().map(String::as_str);
        let Some(top) = names.next() else { continue };
        let at = match tree.iter().position(|(name, _)| *name == top) {
            Some(at) => at,
            None => {
                tree.push((top, Vec::new()));
                tree.len() - 1
            }
        };
        if let Some(sub) = names.next() {
            if sub != top && !tree[at].1.contains(&sub) {
                tree[at].1.push(sub);
            }
        }
    }
    let by_name = |a: &&str, b: &&str| a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b));
    tree.sort_by(|(a, _), (b, _)| by_name(a, b));
    let mut html = String::from("<ul class=\"overview__tree\">");
    for (top, mut subs) in tree {
        subs.sort_by(by_name);
        let Some(facet) = by_value(top) else { continue };
        html += &format!("<li>{}", facet_link(facet, base, count));
        let subs: Vec<&Facet> = subs.into_iter().filter_map(by_value).collect();
        if !subs.is_empty() {
            html += "<ul>";
            for sub in subs {
                html += &format!("<li>{}</li>", facet_link(sub, base, count));
            }
            html += "</ul>";
        }
        html += "</li>";
    }
    html + "</ul>"
}
