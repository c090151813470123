//! Chirpy's front matter keys, as a post moved from a Jekyll blog uses them.

mod common;

use common::{parse, publishing_config};
use geul_build::{atom_feed, site_of_posts, site_pages, sitemaps};

const UPDATED_POST: &str = "---\ntitle: 고친 글\ndate: 2024-03-01 09:00:00 +0900\n\
                            last_modified_at: 2024-03-09 18:30:00 +0900\npin: yes\n---\n본문\n";

#[test]
fn last_modified_at_is_the_feed_entry_update_and_the_sitemap_lastmod() {
    let (post, _) = parse("posts/2024-03-01-fixed.md", UPDATED_POST).unwrap();
    assert!(post.meta.pinned, "`pin: yes` pins, as in Jekyll");
    let site = site_of_posts(vec![post], Vec::new(), Vec::new());
    let config = publishing_config();
    let feed = atom_feed(&site, &config);
    assert!(
        feed.contains("<published>2024-03-01T00:00:00Z</published>"),
        "{feed}"
    );
    assert!(
        feed.contains("<updated>2024-03-09T09:30:00Z</updated>\n<summary>"),
        "{feed}"
    );
    // The feed's own time is its newest change.
    assert!(
        feed.contains(
            "<id>https://user.github.io/geul/</id>\n<updated>2024-03-09T09:30:00Z</updated>"
        ),
        "{feed}"
    );

    let pages = site_pages(&site, &config);
    let (_, sitemap) = &sitemaps(&pages, &config)[0];
    assert!(
        sitemap.contains(
            "<url><loc>https://user.github.io/geul/posts/fixed/</loc>\
             <lastmod>2024-03-09T09:30:00Z</lastmod></url>"
        ),
        "{sitemap}"
    );
    let post_page = pages
        .iter()
        .find(|page| page.file == "posts/fixed/index.html")
        .unwrap();
    assert!(post_page
        .head
        .contains("<meta property=\"article:modified_time\" content=\"2024-03-09\">"));
}

#[test]
fn without_last_modified_at_the_date_is_the_lastmod() {
    let (post, _) = parse("posts/2024-03-01-plain.md", "---\ntitle: 글\n---\n본문\n").unwrap();
    let site = site_of_posts(vec![post], Vec::new(), Vec::new());
    let config = publishing_config();
    let pages = site_pages(&site, &config);
    let (_, sitemap) = &sitemaps(&pages, &config)[0];
    assert!(
        sitemap.contains("posts/plain/</loc><lastmod>2024-02-29T15:00:00Z</lastmod>"),
        "{sitemap}"
    );
    // The list and facet pages have no date of their own.
    assert!(
        sitemap.contains("<url><loc>https://user.github.io/geul/</loc></url>"),
        "{sitemap}"
    );
}

#[test]
fn a_bad_last_modified_at_names_its_line() {
    let error = parse(
        "posts/a.md",
        "---\ntitle: 글\nlast_modified_at: 어제\n---\n본문\n",
    )
    .unwrap_err();
    assert_eq!(error.line, 3);
    assert!(error.message.contains("unparseable date"), "{error}");
}
