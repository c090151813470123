//! The site-wide pages the build writes whole: the archive by year and month, every tag and
//! every category (Chirpy's `[top, sub]` nested), with the counts their own pages show.

use std::fs;

use geul_build::{load_site_with, site_pages, ReadOptions, SiteConfig};
use geul_core::{Overview, Route};

fn site_with(posts: &[(&str, &str)]) -> geul_build::Site {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("posts");
    fs::create_dir_all(&folder).unwrap();
    for (file, front) in posts {
        let text = format!("---\ntitle: 글 {file}\n{front}\n---\n본문\n");
        fs::write(folder.join(file), text).unwrap();
    }
    load_site_with(&folder, dir.path(), &config(), &ReadOptions::default()).unwrap()
}

fn config() -> SiteConfig {
    let text = "base_url = \"https://example.github.io/geul/\"\n";
    SiteConfig::parse(std::path::Path::new("site.toml"), text).unwrap()
}

fn overview(site: &geul_build::Site, which: Overview) -> &str {
    let (_, html) = site.overviews.iter().find(|(o, _)| *o == which).unwrap();
    html
}

/// The text of `html` with its tags removed, runs of spaces as one.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_archive_groups_dated_posts_by_year_and_month_newest_first() {
    let site = site_with(&[
        ("2023-12-24-a.md", "date: 2023-12-24"),
        ("2024-03-02-b.md", "date: 2024-03-02"),
        ("2024-03-20-c.md", "date: 2024-03-20"),
        ("2024-01-05-d.md", "date: 2024-01-05\npin: true"),
        ("undated.md", ""),
    ]);
    let archive = overview(&site, Overview::Archives);
    assert_eq!(
        text(archive),
        "2024년 3 개 3월 2 개 20일 글 2024-03-20-c.md 2일 글 2024-03-02-b.md \
         1월 1 개 5일 글 2024-01-05-d.md \
         2023년 1 개 12월 1 개 24일 글 2023-12-24-a.md",
        "a pinned post keeps its place in time; an undated one has none"
    );
    assert!(archive.contains(
        "<li><time datetime=\"2024-03-20\">20일</time> <a href=\"/geul/posts/c/\">글 2024-03-20-c.md</a></li>"
    ));
}

#[test]
fn tags_are_listed_most_used_first_and_categories_nest_as_chirpy_does() {
    let site = site_with(&[
        (
            "2024-01-01-a.md",
            "tags: [Rust, CLI]\ncategories: [개발, Rust]",
        ),
        ("2024-02-01-b.md", "tags: [rust]\ncategories: [개발, 웹]"),
        ("2024-03-01-c.md", "tags: [회고]\ncategories: [개발]"),
        ("2024-04-01-d.md", "tags: [회고, rust]\ncategories: [일상]"),
    ]);
    assert_eq!(
        text(overview(&site, Overview::Tags)),
        "rust 3 개 회고 2 개 CLI 1 개",
        "the spelling most posts use"
    );
    let categories = overview(&site, Overview::Categories);
    assert_eq!(
        text(categories),
        "개발 3 개 Rust 1 개 웹 1 개 일상 1 개",
        "by name, each sub-category under its top one"
    );
    assert!(
        categories.contains(
            "<li><a href=\"/geul/categories/개발/\">개발</a> <span class=\"overview__count\">3\
             <span class=\"visually-hidden\">개</span></span><ul><li><a \
             href=\"/geul/categories/rust/\">Rust</a>"
        ),
        "Rust is under 개발, linked to its own page: {categories}"
    );
}

#[test]
fn each_overview_is_a_page_and_in_the_sitemap() {
    let site = site_with(&[("2024-01-01-a.md", "tags: [Rust]")]);
    let pages = site_pages(&site, &config());
    for overview in Overview::ALL {
        let page = pages
            .iter()
            .find(|page| page.route == Route::Overview(overview))
            .unwrap();
        assert_eq!(page.file, format!("{}/index.html", overview.folder()));
        assert!(page.head.contains(&format!(
            "<title>{} · geul</title>",
            overview.title(&geul_core::ui_text::KOREAN_APP)
        )));
    }
    let sitemap = &geul_build::sitemaps(&pages, &config())[0].1;
    assert!(
        sitemap.contains("<loc>https://example.github.io/geul/archives/</loc>"),
        "{sitemap}"
    );
}
