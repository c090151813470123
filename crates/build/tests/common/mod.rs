//! Shared helpers for the content tests.
#![allow(dead_code)]

pub mod real_index;

use std::path::{Path, PathBuf};

use geul_build::{
    load_site, parse_post, ContentError, ContentWarning, Post, Site, SiteConfig, SiteImages,
};

/// The repository root (the folder with `posts/`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// The demo site the project ships (`tests/demo-site/`): the five real posts that `posts/`
/// holds until a fork replaces them.
pub fn demo_site_root() -> PathBuf {
    repo_root().join("tests/demo-site")
}

/// The site of the five real posts of the demo site.
pub fn real_site() -> Site {
    let root = demo_site_root();
    load_site(&root.join("posts"), &root).unwrap()
}

/// A site configuration with every field that reaches a published file set.
pub fn publishing_config() -> SiteConfig {
    SiteConfig {
        title: "글 모음".into(),
        description: "설명 & 소개".into(),
        author: "작가".into(),
        language: "ko".into(),
        base_url: "https://user.github.io/geul/".into(),
        ..SiteConfig::default()
    }
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

pub fn real_post(file: &str) -> String {
    std::fs::read_to_string(demo_site_root().join("posts").join(file)).unwrap()
}

/// Parses `source` as if it were the file `name`, with images looked up in an empty site.
pub fn parse(name: &str, source: &str) -> Result<(Post, Vec<ContentWarning>), ContentError> {
    parse_post(
        Path::new(name),
        source,
        &SiteImages::new(repo_root().join("no-such-site")),
    )
}

pub fn paragraphs(html: &str) -> usize {
    html.matches("<p>").count()
}

/// What a reader sees of serialized HTML: the text without its tags, entities decoded.
pub fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}
