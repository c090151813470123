//! One post's whole way through the build, and what every published file must keep. The
//! fuzz target (`fuzz/fuzz_targets/build_post.rs`) and the regression test of what it found
//! (`tests/fuzz_regressions.rs`) both run this file.
//!
//! Input: the bytes of the post. Not UTF-8: skipped (posts are read as UTF-8 text). A
//! first byte of 0x01 makes the rest the plain-text file `posts/fuzz.txt`; anything else
//! is `posts/fuzz.md`. A parse error is an accepted outcome; a broken invariant panics.

use std::path::Path;

use geul_build::{
    atom_feed, parse_post, site_of_posts, site_pages, sitemaps, SiteConfig, SiteImages,
};
use geul_core::dom_ids::RESERVED;

pub fn build_post(data: &[u8]) {
    let (file, data) = match data.split_first() {
        Some((1, rest)) => (Path::new("posts/fuzz.txt"), rest),
        _ => (Path::new("posts/fuzz.md"), data),
    };
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    // A root that does not exist: every local image is missing, nothing is read from disk.
    let images = SiteImages::new("/nonexistent");
    let Ok((post, warnings)) = parse_post(file, source, &images) else {
        return;
    };
    let html = post.html.clone();
    let site = site_of_posts(vec![post], warnings, Vec::new());
    let config = SiteConfig::default();
    let pages = site_pages(&site, &config);
    let feed = atom_feed(&site, &config);
    if let Err(error) = roxmltree::Document::parse(&feed) {
        panic!("feed.xml is not XML: {error}\n{feed}");
    }
    for (name, xml) in sitemaps(&pages, &config) {
        if let Err(error) = roxmltree::Document::parse(&xml) {
            panic!("{name} is not XML: {error}\n{xml}");
        }
    }
    check_post_html(&html);
}

/// What a sanitized post body never holds: elements that run script, style the page,
/// embed other pages or take input (the task boxes geul writes excepted), and the ids of
/// the page's own elements.
pub fn check_post_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    for element in ["<script", "<style", "<iframe", "<textarea", "<form"] {
        assert!(
            !lower.contains(element),
            "{element} in the post's HTML:\n{html}"
        );
    }
    for (at, _) in lower.match_indices("<input") {
        assert!(
            lower[at..].starts_with("<input type=\"checkbox\" disabled"),
            "an <input> other than a disabled checkbox in the post's HTML:\n{html}"
        );
    }
    // Only inside a tag: a post may show `id="main"` as text (text escapes `<`, not `"`).
    for tag in tags(html) {
        for id in RESERVED {
            assert!(
                !tag.contains(&format!(" id=\"{id}\"")),
                "the reserved id \"{id}\" on {tag} in the post's HTML:\n{html}"
            );
        }
    }
}

/// The tags of serialized HTML, each from its `<` to its `>`. Attribute values are
/// double-quoted; a `>` inside one does not end the tag.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || {
        let start = rest.find('<')?;
        let mut in_value = false;
        let mut end = rest.len();
        for (at, byte) in rest.bytes().enumerate().skip(start) {
            match byte {
                b'"' => in_value = !in_value,
                b'>' if !in_value => {
                    end = at + 1;
                    break;
                }
                _ => {}
            }
        }
        let tag = &rest[start..end];
        rest = &rest[end..];
        Some(tag)
    })
}
