//! Static pages and the feed built from the five real posts.

mod common;

use common::{publishing_config, real_site, repo_root};
use geul_build::{
    assemble, atom_feed, site_pages, Page, Policy, Site, SiteConfig, PARTS_SEPARATOR,
};
use geul_core::{FacetKind, Route};

fn site() -> Site {
    real_site()
}

fn config() -> SiteConfig {
    publishing_config()
}

fn page<'a>(pages: &'a [Page], file: &str) -> &'a Page {
    pages
        .iter()
        .find(|p| p.file == file)
        .unwrap_or_else(|| panic!("no page {file}"))
}

#[test]
fn one_page_per_post_tag_category_plus_list_overviews_and_not_found() {
    let site = site();
    let pages = site_pages(&site, &config());
    assert_eq!(pages.len(), 1 + 5 + site.facets.len() + 3 + 1);
    for file in [
        "index.html",
        "archives/index.html",
        "tags/index.html",
        "categories/index.html",
        "posts/line-developer/index.html",
        "tags/이직/index.html",
        "categories/career/index.html",
        "404.html",
    ] {
        page(&pages, file);
    }
}

#[test]
fn a_post_page_carries_its_meta_tags() {
    let site = site();
    let pages = site_pages(&site, &config());
    let post = page(&pages, "posts/data-scientist-job-change/index.html");
    for expected in [
        "<title>2년차 데이터사이언티스트의 이직 도전기 · 글 모음</title>",
        "<link rel=\"canonical\" href=\"https://user.github.io/geul/posts/data-scientist-job-change/\">",
        "<meta property=\"og:type\" content=\"article\">",
        "<meta property=\"article:published_time\" content=\"2021-11-14\">",
        "<meta property=\"article:tag\" content=\"jobs\">",
        "<meta name=\"description\" content=\"2년차 데이터사이언티스트로서 이직을 준비하고 있습니다.",
        "href=\"https://user.github.io/geul/feed.xml\"",
        "<meta property=\"og:site_name\" content=\"글 모음\">",
    ] {
        assert!(post.head.contains(expected), "missing {expected} in\n{}", post.head);
    }
    // Its body is the app's post view, rendered at build time (tests/static_pages.rs).
    assert_eq!(
        post.route,
        Route::Post {
            slug: "data-scientist-job-change".into()
        }
    );
}

#[test]
fn list_and_facet_pages_are_titled_and_described_for_what_they_list() {
    let site = site();
    let pages = site_pages(&site, &config());
    let tag_page = page(&pages, "tags/회고/index.html");
    assert!(
        tag_page
            .head
            .contains("<title>태그 #회고 · 글 모음</title>"),
        "{}",
        tag_page.head
    );
    assert!(tag_page
        .head
        .contains("<meta name=\"description\" content=\"태그 #회고: 글 2개\">"));
    assert_eq!(tag_page.route, Route::facet(FacetKind::Tag, "회고"));
    let category = page(&pages, "categories/career/index.html");
    assert!(category
        .head
        .contains("<title>분류 career · 글 모음</title>"));
    assert_eq!(page(&pages, "index.html").route, Route::Home);
    assert_eq!(page(&pages, "404.html").route, Route::NotFound);
}

#[test]
fn text_is_escaped_in_attributes_and_content() {
    let pages = site_pages(&site(), &config());
    let home = page(&pages, "index.html");
    assert!(home.head.contains("content=\"설명 &amp; 소개\""));
    assert!(page(&pages, "posts/kakao-mlops-interview/index.html")
        .head
        .contains("카카오 분석 &amp; MLOps"));
}

#[test]
fn pages_go_into_trunks_index_html_plain_or_minified() {
    let template = "<!DOCTYPE html><html lang=\"ko\"><head><title>geul</title><script src=\"/geul/app-1.js\"></script><script>boot()</script></head><body><div id=\"geul\"></div><p class=\"boot\">…</p></body></html>";
    // `echo -n 'boot()' | openssl dgst -sha256 -binary | base64`
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-MeZS89WlF0u+o0hCvHTBt4q1WHU+U+sJKgbdRUc36mY='; object-src 'none'; base-uri 'self'; form-action 'self'; img-src 'self' data: https:; frame-src https://www.youtube-nocookie.com https://player.twitch.tv https://player.bilibili.com; style-src 'self'; style-src-attr 'unsafe-inline'\">";
    let html = assemble(
        template,
        "<title>새 제목</title>",
        "<div id=\"prerendered\">본문</div>",
        "<footer>끝</footer>",
        "ko",
        &Policy::strict(),
    )
    .unwrap();
    assert_eq!(
        html,
        format!("<!DOCTYPE html><html lang=\"ko\"><head>{csp}<title>새 제목</title><script src=\"/geul/app-1.js\"></script><script>boot()</script></head><body><div id=\"geul\"></div><div id=\"prerendered\">본문</div><footer>끝</footer><p class=\"boot\">…</p></body></html>")
    );
    let minified =
        "<!doctype html><html lang=ko><title>geul</title><body><div id=geul></div></body>";
    let html = assemble(
        minified,
        "<title>t</title>",
        "<p>b</p>",
        "",
        "en",
        &Policy::strict(),
    )
    .unwrap();
    assert!(
        html.starts_with(
            "<!doctype html><html lang=\"en\"><meta http-equiv=\"Content-Security-Policy\""
        ) && html.ends_with("<title>t</title><body><div id=geul></div><p>b</p></body>"),
        "{html}"
    );
    assert_eq!(
        assemble(
            "<html><body></body></html>",
            "",
            "",
            "",
            "ko",
            &Policy::strict()
        ),
        None
    );
    // A script before the policy would run unchecked.
    let early_script = "<html><script>x()</script><title>a</title><div id=geul></div></html>";
    assert_eq!(
        assemble(early_script, "", "", "", "ko", &Policy::strict()),
        None
    );
    // Without the policy, for a development server that adds scripts of its own.
    let plain = assemble(
        minified,
        "<title>t</title>",
        "<p>b</p>",
        "",
        "en",
        &Policy::Off,
    )
    .unwrap();
    assert!(!plain.contains("Content-Security-Policy"), "{plain}");
}

#[test]
fn the_failure_notice_speaks_the_site_language_and_its_script_is_hashed_as_sent() {
    let template = "<html lang=\"ko\"><head><title>geul</title>\
                    <script>fail('@APP_FAILED@ <a>@RELOAD@</a>')</script></head>\
                    <body><div id=\"geul\"></div></body></html>";
    for (language, notice) in [
        (
            "ko",
            "fail('화면을 그리는 중에 문제가 생겼습니다. <a>새로 고침</a>')",
        ),
        (
            "en",
            "fail('Something went wrong while drawing the page. <a>Reload</a>')",
        ),
    ] {
        let html = assemble(
            template,
            "<title>t</title>",
            "",
            "",
            language,
            &Policy::strict(),
        )
        .unwrap();
        assert!(html.contains(notice), "{html}");
        let script: Vec<&str> = geul_build::inline_scripts(&html).collect();
        assert_eq!(script, [notice]);
        assert!(html.contains(&geul_build::csp_hash(notice)), "{html}");
    }
    for text in [&geul_core::ui_text::KOREAN, &geul_core::ui_text::ENGLISH] {
        for words in [text.app_failed, text.reload] {
            assert!(
                !words.contains(['\'', '"', '\\', '<', '>', '&']),
                "{words} goes into a JavaScript string of HTML"
            );
        }
    }
}

#[test]
fn parts_files_split_back_into_head_and_route() {
    let pages = site_pages(&site(), &config());
    for page in &pages {
        let parts = page.to_parts();
        let (head, path) = parts.split_once(PARTS_SEPARATOR).unwrap();
        assert_eq!(head, page.head);
        assert_eq!(Route::recognize(path), page.route, "{}", page.file);
    }
}

#[test]
fn the_feed_has_every_post_with_content_and_a_date_even_when_undated() {
    let site = site();
    let feed = atom_feed(&site, &config());
    assert!(feed.starts_with(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\""
    ));
    assert_eq!(feed.matches("<entry>").count(), 5);
    assert!(
        feed.contains("<link href=\"https://user.github.io/geul/posts/lablup-eight-months/\"/>")
    );
    assert!(feed.contains("<updated>2021-11-14T07:50:00Z</updated>"));
    // Undated posts take the newest post's date, so the feed stays valid.
    let undated = feed
        .split("<entry>")
        .find(|e| e.contains("lablup-eight-months"))
        .unwrap();
    assert!(undated.contains("<updated>2021-11-14T07:50:00Z</updated>"));
    assert!(undated.contains("<category term=\"스타트업\"/>"));
    assert!(
        !undated.contains("<published>"),
        "an undated post claims no publication date"
    );
    assert!(template_has_no_description());
    assert!(
        feed.contains("<content type=\"html\">&lt;p&gt;"),
        "content is escaped HTML"
    );
}

/// The slugs of the feed's entries, in the feed's order.
fn feed_slugs(feed: &str) -> Vec<&str> {
    feed.split("<entry>")
        .skip(1)
        .map(|entry| {
            let link = entry.split("/posts/").nth(1).unwrap();
            &link[..link.find('/').unwrap()]
        })
        .collect()
}

#[test]
fn the_feed_carries_the_newest_posts_by_date_and_zero_means_every_post() {
    let site = site();
    let newest_first: Vec<&str> = {
        let mut dated: Vec<_> = site
            .posts
            .iter()
            .filter(|p| p.meta.date.is_some())
            .collect();
        dated.sort_by_key(|p| std::cmp::Reverse(p.meta.date.unwrap().timestamp));
        dated.iter().map(|p| p.meta.slug.as_str()).collect()
    };
    let undated = site.posts.len() - newest_first.len();
    assert!(
        newest_first.len() >= 2 && undated >= 1,
        "the seeds have dated and undated posts"
    );
    let one = atom_feed(
        &site,
        &SiteConfig {
            feed_posts: 1,
            ..config()
        },
    );
    assert_eq!(feed_slugs(&one), newest_first[..1]);
    // Undated posts come after every dated one.
    let limit = newest_first.len() + 1;
    let dated_then_one = atom_feed(
        &site,
        &SiteConfig {
            feed_posts: limit,
            ..config()
        },
    );
    let slugs = feed_slugs(&dated_then_one);
    assert_eq!(slugs.len(), limit);
    assert_eq!(slugs[..newest_first.len()], newest_first[..]);
    // The default leaves room for every post of a small site; 0 lifts the limit.
    let every = atom_feed(
        &site,
        &SiteConfig {
            feed_posts: 0,
            ..config()
        },
    );
    assert_eq!(feed_slugs(&every).len(), site.posts.len());
    assert_eq!(feed_slugs(&every)[..newest_first.len()], newest_first[..]);
    assert_eq!(config().feed_posts, geul_build::DEFAULT_FEED_POSTS);
}

#[test]
fn feed_posts_is_read_from_site_toml_and_must_be_a_count() {
    let file = std::path::Path::new("site.toml");
    let config = SiteConfig::parse(file, "feed_posts = 5\n").unwrap();
    assert_eq!(config.feed_posts, 5);
    let error = SiteConfig::parse(file, "title = \"x\"\nfeed_posts = -1\n").unwrap_err();
    assert!(error.to_string().starts_with("site.toml:2:"), "{error}");
}

/// Trunk's `index.html` is the template of every page: it must not bring a description of
/// its own, or every page would have two.
fn template_has_no_description() -> bool {
    let template = std::fs::read_to_string(repo_root().join("index.html")).unwrap();
    !template.contains("name=\"description\"")
}

#[test]
fn every_post_page_describes_the_post_and_its_place_in_json_ld() {
    let site = site();
    let config = config();
    let pages = site_pages(&site, &config);
    for post in &site.posts {
        let file = format!("posts/{}/index.html", post.meta.slug);
        let head = &page(&pages, &file).head;
        let start = head
            .find("<script type=\"application/ld+json\">")
            .unwrap_or_else(|| panic!("{file}: no JSON-LD"))
            + "<script type=\"application/ld+json\">".len();
        let end = start + head[start..].find("</script>").unwrap();
        let data: serde_json::Value = serde_json::from_str(&head[start..end]).unwrap();
        assert_eq!(data["@context"], "https://schema.org");
        let (posting, crumbs) = (&data["@graph"][0], &data["@graph"][1]);
        assert_eq!(posting["@type"], "BlogPosting", "{file}");
        assert_eq!(posting["headline"], post.meta.title.as_str(), "{file}");
        if let Some(date) = post.meta.date {
            assert_eq!(posting["datePublished"], date.iso().as_str(), "{file}");
        }
        assert_eq!(crumbs["@type"], "BreadcrumbList");
        let items = crumbs["itemListElement"].as_array().unwrap();
        assert_eq!(items.len(), 2);
        assert_eq!(items[0]["item"], config.url("").as_str());
        assert_eq!(items[1]["item"], posting["url"], "{file}");
        assert!(
            head.contains(&format!(
                "<link rel=\"canonical\" href=\"{}\">",
                posting["url"].as_str().unwrap()
            )),
            "{file}: the canonical URL"
        );
    }
}
