//! The static pages, rendered by the app's own views (`geul::prerender`) on the project's
//! fixture site and on generated ones: what a reader without JavaScript gets, and what the
//! app takes over from.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use geul::prerender::StaticSite;
use geul_build::{build_site, load_site_with, ReadOptions, Site, SiteConfig, SiteOutput};
use geul_core::{CARD_CHUNK_POSTS, LIST_PAGE_SIZE};

/// A built site, and its views ready to render its pages (on this test's thread).
struct Rendered {
    _dir: tempfile::TempDir,
    site: Site,
    views: StaticSite,
    files: PathBuf,
}

impl Rendered {
    fn page(&self, path: &str) -> String {
        self.views.render(path).unwrap()
    }
}

fn fixture_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture-site")
}

/// Builds the site in `root` (posts from `posts`) as the build script does, with the
/// fixture's settings (published at `/geul/`).
fn render(root: &Path, posts: &Path) -> Rendered {
    let config = SiteConfig::load(&fixture_root().join("site.toml")).unwrap();
    assert_eq!(config.base_path(), "/geul/");
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let output = SiteOutput {
        files: files.clone(),
        pages: dir.path().join("pages"),
    };
    let built = build_site(root, posts, &config, &output, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let read_from = files.clone();
    let read = move |path: &str| fs::read(read_from.join(path)).map_err(|e| e.to_string());
    let views = StaticSite::install(&built.index, config.base_path(), read).unwrap();
    // Read as the build read it: Liquid names the configured base path.
    let site = load_site_with(posts, root, &config, &ReadOptions::default()).unwrap();
    Rendered {
        _dir: dir,
        site,
        views,
        files,
    }
}

fn fixture() -> Rendered {
    let root = fixture_root();
    render(&root, &root.join("posts"))
}

/// `data-posts` of a rendered page: the posts whose cards it shows.
fn shown(page: &str) -> Vec<usize> {
    let listed = page.split("data-posts=\"").nth(1).unwrap();
    let listed = &listed[..listed.find('"').unwrap()];
    listed
        .split(',')
        .filter(|n| !n.is_empty())
        .map(|n| n.parse().unwrap())
        .collect()
}

/// How many cards a page shows (a card is an `<article>` of class `post-card`).
fn cards(page: &str) -> usize {
    page.split("<article ")
        .skip(1)
        .filter(|tag| {
            let tag = &tag[..tag.find('>').unwrap()];
            tag.contains("class=\"post-card\"") || tag.contains("class=\"post-card ")
        })
        .count()
}

#[test]
fn the_list_shows_every_post_with_links_that_work_without_javascript() {
    let fixture = fixture();
    let list = fixture.page("/");
    let posts = fixture.site.posts.len();
    let every_post: Vec<String> = (0..posts).map(|position| position.to_string()).collect();
    assert!(
        list.starts_with(&format!(
            "<div id=\"prerendered\" data-posts=\"{}\">",
            every_post.join(",")
        )),
        "{list}"
    );
    assert_eq!(cards(&list), posts);
    assert!(list.contains(&format!(">글 {posts}개</p>")));
    // The pinned post leads, marked as the app marks it.
    let pinned = &fixture.site.posts[0].meta;
    assert!(pinned.pinned);
    let marked = format!(
        "<article data-pinned=\"\" data-slug=\"{}\" class=\"post-card\">",
        pinned.slug
    );
    assert!(list.contains(&marked), "{list}");
    assert_eq!(
        list.matches("data-pinned").count(),
        1,
        "only the pinned post is marked"
    );
    // Without JavaScript a filter is a page of its own: the bar's facets and the cards'
    // tags link to the tag and category pages.
    assert!(list.contains("<a href=\"/geul/tags/회고/\" data-kind=\"tag\" data-value=\"회고\" class=\"facet\">회고<span class=\"facet__count\">2</span><span class=\"visually-hidden\">개</span></a>"), "{list}");
    assert!(list.contains("<a href=\"/geul/categories/개발/\" data-category=\"개발\" class=\"category-link\">개발</a>"));
    // The search box is a form that reaches the list, with a word on why it finds nothing
    // without the app, and the mode switch is inert.
    assert!(list.contains("<form role=\"search\" action=\"/geul/\" class=\"search\">"));
    assert!(list.contains("name=\"q\" placeholder=\"제목·태그·본문, 초성(ㄹㅇ)도 됩니다\""));
    assert!(list
        .contains("<p class=\"search__needs-js\">검색은 JavaScript가 켜져 있어야 동작합니다.</p>"));
    assert_eq!(
        list.matches("disabled=\"disabled\" class=\"mode\"").count(),
        2
    );
    // No control that needs the app, and the skip link names the page itself.
    assert!(!list.contains("<button type=\"button\" class=\"clear-filters\""));
    assert!(list.contains("<a href=\"/geul/#main\" class=\"skip-link\">"));
}

#[test]
fn a_tag_page_counts_its_facets_as_the_app_does_under_its_tag() {
    let fixture = fixture();
    let page = fixture.page("/tags/회고/");
    assert!(page.contains("<h1 class=\"visually-hidden\">태그 #회고</h1>"));
    assert_eq!(cards(&page), 2);
    // Its own tag is the chosen one; the others count the posts the list would show with
    // them chosen too, as the app's buttons do once it takes over.
    assert!(
        page.contains(
            "aria-current=\"page\" class=\"facet\">회고<span class=\"facet__count\">2</span>"
        ),
        "{page}"
    );
    assert!(page.contains(
        "data-value=\"데이터\" class=\"facet\">데이터<span class=\"facet__count\">1</span>"
    ));
    assert!(page.contains(
        "<a data-empty=\"\" href=\"/geul/tags/면접/\" data-kind=\"tag\" data-value=\"면접\" \
         class=\"facet\">면접<span class=\"facet__count\">0</span>"
    ));
    // Clearing the filter is the way home.
    assert!(page.contains("<a href=\"/geul/\" class=\"clear-filters\">필터 지우기</a>"));
    let listed = shown(&page);
    assert_eq!(listed.len(), 2);
    for post in listed {
        assert!(fixture.site.posts[post]
            .meta
            .tags
            .iter()
            .any(|tag| tag == "회고"));
    }
}

#[test]
fn a_post_page_carries_its_whole_body_and_names_its_card() {
    let fixture = fixture();
    for (position, post) in fixture.site.posts.iter().enumerate() {
        let meta = &post.meta;
        let page = fixture.page(&format!("/posts/{}/", meta.slug));
        assert_eq!(shown(&page), [position], "{}", meta.slug);
        let skip = format!(
            "<a href=\"/geul/posts/{}/#main\" class=\"skip-link\">",
            meta.slug
        );
        assert!(page.contains(&skip), "the skip link stays on {}", meta.slug);
        let title = meta.title.replace('&', "&amp;").replace('<', "&lt;");
        assert!(
            page.contains(&format!("<h1 class=\"post__title\">{title}</h1>")),
            "{page}"
        );
        assert!(page.contains(&format!("data-body-path=\"{}\"", meta.body_path)));
        let body = fs::read_to_string(fixture.files.join(&meta.body_path)).unwrap();
        assert_eq!(body, post.body_file());
        assert!(
            page.contains(&format!("<div class=\"post__body\">{body}</div>")),
            "the whole body of {}",
            meta.slug
        );
    }
}

#[test]
fn an_unknown_address_gets_the_not_found_view() {
    let fixture = fixture();
    for path in ["/404/", "/posts/no-such-post/", "/tags/no-such-tag/"] {
        let page = fixture.page(path);
        assert!(
            page.contains("<section class=\"not-found\"><h1>페이지를 찾을 수 없습니다</h1>"),
            "{path}: {page}"
        );
        assert!(shown(&page).is_empty());
    }
    // `404.html` answers every address the site lacks: its skip link leads to a page that
    // exists.
    let not_found = fixture.page("/404/");
    assert!(not_found.contains("<a href=\"/geul/#main\" class=\"skip-link\">"));
}

/// Posts dated one a day, the `n % 7 == 0`-th also tagged `드문태그`.
fn generated(count: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir(&posts).unwrap();
    for n in 0..count {
        let (year, day) = (2020 + n / 365, n % 365);
        let date = format!("{year}-{:02}-{:02}", day / 28 + 1, day % 28 + 1);
        let tags = if n % 7 == 0 {
            "[공통, 드문태그]"
        } else {
            "[공통]"
        };
        let mut source = String::new();
        write!(
            source,
            "---\ntitle: 글 {n}번\ndate: {date} 09:00:00 +0900\ntags: {tags}\n---\n{n}번째 글의 본문입니다.\n"
        )
        .unwrap();
        fs::write(posts.join(format!("{date}-post-{n}.md")), source).unwrap();
    }
    (dir, posts)
}

#[test]
fn a_list_carries_its_first_page_of_posts_and_counts_them_all() {
    let count = LIST_PAGE_SIZE + 3;
    let (dir, posts) = generated(count);
    let site = render(dir.path(), &posts);
    for path in ["/", "/tags/공통/"] {
        let page = site.page(path);
        assert_eq!(cards(&page), LIST_PAGE_SIZE, "{path}");
        assert!(
            page.contains(&format!("글 {count}개")),
            "{path} states every post"
        );
        let newest = count - 1;
        assert!(
            page.contains(&format!(">글 {newest}번</a>")),
            "{path} starts with the newest"
        );
        assert!(
            !page.contains(">글 0번</a>"),
            "{path} leaves the oldest to the app"
        );
        // "더 보기" needs the app; without it the list is its first page.
        assert!(!page.contains("list-more"));
    }
}

#[test]
fn a_list_names_the_posts_it_shows_even_beyond_the_embedded_cards() {
    let (dir, posts) = generated(CARD_CHUNK_POSTS * 2 + 5);
    let site = render(dir.path(), &posts);
    assert_eq!(
        shown(&site.page("/")),
        (0..LIST_PAGE_SIZE).collect::<Vec<_>>()
    );
    let rare = site.page("/tags/드문태그/");
    let listed = shown(&rare);
    assert_eq!(listed.len(), LIST_PAGE_SIZE);
    assert!(listed.iter().all(|&post| site.site.posts[post]
        .meta
        .tags
        .contains(&"드문태그".to_owned())));
    // Cards from a chunk, not only the embedded ones, are rendered.
    assert!(listed.iter().any(|&post| post >= CARD_CHUNK_POSTS));
    assert_eq!(cards(&rare), LIST_PAGE_SIZE);
}

#[test]
fn text_is_escaped_in_attributes_and_content() {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir(&posts).unwrap();
    fs::write(
        posts.join("2024-01-01-tricky.md"),
        "---\ntitle: \"<b>굵게</b> & \\\"따옴표\\\"\"\ntags: [\"a&b\"]\n---\n본문.\n",
    )
    .unwrap();
    let site = render(dir.path(), &posts);
    let list = site.page("/");
    assert!(
        list.contains(">&lt;b&gt;굵게&lt;/b&gt; &amp; \"따옴표\"</a>"),
        "{list}"
    );
    assert!(list.contains("data-value=\"a&amp;b\""), "{list}");
    assert!(!list.contains("<b>굵게"));
}
