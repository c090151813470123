//! What search engines read about a post beyond its OpenGraph tags: JSON-LD for a
//! `BlogPosting` (title, description, dates, author, image, tags) and a `BreadcrumbList`
//! (the blog, then the post), in the static page's head.

use crate::config::SiteConfig;
use crate::post::Post;

/// The `<script type="application/ld+json">` of a post's page, at `url` (absolute).
pub fn post_json_ld(config: &SiteConfig, post: &Post, url: &str, image: Option<&str>) -> String {
    let meta = &post.meta;
    let author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    let mut fields = vec![
        ("@type", json_string("BlogPosting")),
        ("headline", json_string(&meta.title)),
        ("description", json_string(&meta.excerpt)),
        ("mainEntityOfPage", json_string(url)),
        ("url", json_string(url)),
        ("inLanguage", json_string(&config.language)),
        (
            "author",
            object(&[
                ("@type", json_string("Person")),
                ("name", json_string(author)),
            ]),
        ),
    ];
    if let Some(date) = meta.date {
        fields.push(("datePublished", json_string(&date.iso())));
    }
    if let Some(updated) = post.updated.or(meta.date) {
        fields.push(("dateModified", json_string(&updated.iso())));
    }
    if let Some(image) = image {
        fields.push(("image", json_string(image)));
    }
    if !meta.tags.is_empty() {
        let tags: Vec<String> = meta.tags.iter().map(|tag| json_string(tag)).collect();
        fields.push(("keywords", format!("[{}]", tags.join(","))));
    }
    let crumb = |position: u32, name: &str, item: &str| {
        object(&[
            ("@type", json_string("ListItem")),
            ("position", position.to_string()),
            ("name", json_string(name)),
            ("item", json_string(item)),
        ])
    };
    let breadcrumbs = object(&[
        ("@type", json_string("BreadcrumbList")),
        (
            "itemListElement",
            format!(
                "[{},{}]",
                crumb(1, &config.title, &config.url("")),
                crumb(2, &meta.title, url)
            ),
        ),
    ]);
    format!(
        "<script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\"@graph\":[{},{breadcrumbs}]}}</script>\n",
        object(&fields)
    )
}

/// `{"key":value,…}` from values already written as JSON.
fn object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", json_string(key)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A JSON string. `<` is escaped too, so no text can close the script element.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '\n' => out.push_str("\\n"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_close_the_script_or_break_the_json() {
        assert_eq!(
            json_string("a \"b\" \\ </script>\n\u{1}"),
            "\"a \\\"b\\\" \\\\ \\u003c/script>\\n\\u0001\""
        );
    }
}
