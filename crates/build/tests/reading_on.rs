//! After each post's text: up to three related posts (most shared tags and categories,
//! then the newest) and the previous and next post by date, in the body file the static
//! page and the app both show.

use std::fs;

use geul_build::{load_site_with, ReadOptions, SiteConfig};

fn links(html: &str, class: &str) -> Vec<String> {
    let Some(start) = html.find(&format!("class=\"{class}\"")) else {
        return Vec::new();
    };
    let end = start + html[start..].find("</ul>").unwrap();
    html[start..end]
        .split("<a href=\"/geul/posts/")
        .skip(1)
        .map(|rest| rest[..rest.find('/').unwrap()].to_owned())
        .collect()
}

#[test]
fn related_posts_and_neighbours_by_date() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir_all(&posts).unwrap();
    for (file, front) in [
        ("2024-01-01-a.md", "tags: [Rust, CLI]"),
        ("2024-02-01-b.md", "tags: [rust]"),
        ("2024-03-01-c.md", "tags: [cli, rust]\ncategories: [개발]"),
        ("2024-04-01-d.md", "tags: [요리]"),
        ("undated.md", "tags: [요리]"),
    ] {
        fs::write(
            posts.join(file),
            format!("---\ntitle: 글 {file}\n{front}\n---\n본문\n"),
        )
        .unwrap();
    }
    let config = SiteConfig::parse(
        std::path::Path::new("site.toml"),
        "base_url = \"https://example.github.io/geul/\"\n",
    )
    .unwrap();
    let site = load_site_with(&posts, dir.path(), &config, &ReadOptions::default()).unwrap();
    let body = |slug: &str| {
        let post = site
            .posts
            .iter()
            .find(|post| post.meta.slug == slug)
            .unwrap();
        post.body_file()
    };
    assert_eq!(links(&body("a"), "reading-on__related"), ["c", "b"]);
    assert_eq!(
        links(&body("b"), "reading-on__related"),
        ["c", "a"],
        "a tie goes to the newer"
    );
    assert_eq!(links(&body("b"), "reading-on__sequence"), ["a", "c"]);
    assert!(body("b").contains("<li class=\"reading-on__older\"><span>이전 글</span><a href=\"/geul/posts/a/\" rel=\"prev\">글 2024-01-01-a.md</a></li>"));
    assert_eq!(
        links(&body("a"), "reading-on__sequence"),
        ["b"],
        "the oldest has no previous"
    );
    assert_eq!(links(&body("d"), "reading-on__related"), ["undated"]);
    assert_eq!(links(&body("d"), "reading-on__sequence"), ["c"]);
    assert_eq!(
        links(&body("undated"), "reading-on__sequence"),
        Vec::<String>::new(),
        "undated posts have no neighbours"
    );
    // Not in what the feed carries.
    let a = site
        .posts
        .iter()
        .find(|post| post.meta.slug == "a")
        .unwrap();
    assert!(!a.html.contains("reading-on"));
}
