//! What the build adds to a post's body file around its text: the contents (unless the site
//! or the post turns them off), each section's `#` link, the progress bar of a long post,
//! the share buttons, and the body script that makes them work.

use std::fs;

use geul_build::{load_site_with, ReadOptions, SiteConfig};

fn body_files(site_toml: &str, posts: &[(&str, String)]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("posts");
    fs::create_dir_all(&folder).unwrap();
    for (file, text) in posts {
        fs::write(folder.join(file), text).unwrap();
    }
    let config = SiteConfig::parse(std::path::Path::new("site.toml"), site_toml).unwrap();
    let site = load_site_with(&folder, dir.path(), &config, &ReadOptions::default()).unwrap();
    site.posts
        .iter()
        .map(|post| (post.meta.slug.clone(), post.body_file()))
        .collect()
}

fn sections(front: &str) -> String {
    format!("---\ntitle: 글\n{front}---\n## 하나\n\n가\n\n## 둘\n\n나\n")
}

#[test]
fn sections_get_contents_and_anchors_unless_turned_off() {
    let posts = [
        ("2024-01-01-a.md", sections("")),
        ("2024-01-02-b.md", sections("toc: false\n")),
    ];
    let files = body_files("", &posts);
    let file = |slug: &str| &files.iter().find(|(s, _)| s == slug).unwrap().1;
    assert!(file("a").contains("<nav class=\"toc\""));
    assert!(
        !file("b").contains("<nav class=\"toc\""),
        "the post's own switch"
    );
    for slug in ["a", "b"] {
        assert!(
            file(slug).contains(&format!(
                "<h2 id=\"하나\">하나<a class=\"heading-anchor\" href=\"posts/{slug}/#하나\""
            )),
            "{}",
            file(slug)
        );
        assert!(file(slug).contains("<script type=\"module\" src=\"content/enhance-"));
    }
    let site_off = body_files("toc = false\n", &posts);
    assert!(
        site_off
            .iter()
            .all(|(_, file)| !file.contains("class=\"toc\"")),
        "the site's switch"
    );
}

#[test]
fn a_long_post_has_a_progress_bar_and_every_post_share_buttons() {
    let long = format!(
        "---\ntitle: 긴 글\n---\n{}\n",
        "가나다라마바사아자차 ".repeat(300)
    );
    let files = body_files(
        "",
        &[
            ("2024-01-01-long.md", long),
            ("2024-01-02-short.md", sections("")),
        ],
    );
    let file = |slug: &str| &files.iter().find(|(s, _)| s == slug).unwrap().1;
    assert!(file("long").contains("<div class=\"reading-progress\" aria-hidden=\"true\"></div>"));
    assert!(!file("short").contains("reading-progress"));
    for slug in ["long", "short"] {
        let share = file(slug)
            .find("<div class=\"share\">")
            .expect("share buttons");
        let reading_on = file(slug).find("<nav class=\"reading-on\"").unwrap();
        assert!(share < reading_on, "after the text, before reading on");
        assert!(file(slug).contains("class=\"share__native\" hidden>"));
    }
}
