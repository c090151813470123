//! Posts as careless authors write them: nothing they wrote is lost or mangled without a
//! word. Each case is a fixture with the output or message it must give.

mod common;

use std::fs;

use common::{parse, text_of};
use geul_build::{
    atom_feed, load_site, site_pages, sitemaps, ContentWarning, Site, SiteConfig, RAW_TEXT_TAGS,
};

fn markdown(body: &str) -> (String, Vec<ContentWarning>) {
    let (post, warnings) = parse("posts/a.md", &format!("---\ntitle: 글\n---\n{body}")).unwrap();
    (post.html, warnings)
}

/// A site of the given files (name, text) in a temporary repository.
fn site_of(files: &[(&str, &str)]) -> Result<Site, Vec<geul_build::ContentError>> {
    let dir = tempfile::tempdir().unwrap();
    let posts = dir.path().join("posts");
    fs::create_dir_all(&posts).unwrap();
    for (name, text) in files {
        fs::write(posts.join(name), text).unwrap();
    }
    load_site(&posts, dir.path())
}

#[test]
fn a_raw_text_tag_in_prose_is_text_and_what_follows_is_kept() {
    for tag in RAW_TEXT_TAGS {
        let (html, warnings) = markdown(&format!(
            "<{tag}> 태그를 설명합니다.\n\n## 다음 절\n\n끝 문단 **굵게**\n"
        ));
        assert!(
            html.contains(&format!("&lt;{tag}&gt; 태그를 설명합니다.")),
            "<{tag}>: {html}"
        );
        assert!(
            html.contains("<h2 id=\"다음-절\">다음 절<a class=\"heading-anchor\""),
            "<{tag}>: {html}"
        );
        assert!(html.contains("<strong>굵게</strong>"), "<{tag}>: {html}");
        assert_eq!(warnings.len(), 1, "<{tag}>: {warnings:?}");
        assert_eq!(warnings[0].line, 4);
        assert!(warnings[0]
            .message
            .contains(&format!("`<{tag}>` is shown as text")));
    }
}

#[test]
fn raw_text_tags_inline_and_closed_are_text_too() {
    let (html, warnings) = markdown(
        "본문 <script>와 </script>, 그리고 <textarea>를 씁니다.\n\n<title>제목</title>\n\n남은 글\n",
    );
    assert!(
        html.contains("본문 &lt;script&gt;와 &lt;/script&gt;, 그리고 &lt;textarea&gt;를 씁니다."),
        "{html}"
    );
    assert!(html.contains("&lt;title&gt;제목&lt;/title&gt;"), "{html}");
    assert!(html.contains("<p>남은 글</p>"), "{html}");
    let lines: Vec<(usize, bool)> = warnings
        .iter()
        .map(|w| (w.line, w.message.contains("<script>")))
        .collect();
    assert_eq!(lines, [(4, true), (4, false), (6, false)], "{warnings:?}");
}

#[test]
fn code_keeps_its_tags_as_code() {
    let (html, warnings) = markdown("`<script>` 태그\n\n```html\n<style>p {}</style>\n```\n");
    assert!(html.contains("<code>&lt;script&gt;</code>"), "{html}");
    assert!(text_of(&html).contains("<style>p {}</style>"), "{html}");
    assert!(!html.contains("<style"), "{html}");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn cr_only_and_mixed_line_endings_read_as_lf() {
    for source in [
        "---\rtitle: 맥의 글\rtags: [a]\r---\r첫 문단\r\r## 절\r",
        "---\r\ntitle: 맥의 글\ntags: [a]\r---\n첫 문단\r\n\r## 절\n",
    ] {
        let (post, warnings) = parse("posts/old-mac.md", source).unwrap();
        assert_eq!(post.meta.title, "맥의 글", "{source:?}");
        assert_eq!(post.meta.tags, ["a"]);
        assert!(!post.html.contains("title:"), "{}", post.html);
        assert!(post.html.contains("<p>첫 문단</p>"), "{}", post.html);
        assert!(
            post.html
                .contains("<h2 id=\"절\">절<a class=\"heading-anchor\""),
            "{}",
            post.html
        );
        assert!(warnings.is_empty());
    }
}

#[test]
fn a_decomposed_file_name_gets_the_composed_slug() {
    let decomposed = "2024-03-01-\u{1112}\u{116c}\u{1100}\u{1169}.md"; // 회고, NFD
    let site = site_of(&[(decomposed, "본문\n")]).unwrap();
    assert_eq!(site.posts[0].meta.slug, "회고");
}

#[test]
fn two_spellings_of_one_name_stop_the_build_naming_both() {
    let errors = site_of(&[
        ("\u{1112}\u{116c}\u{1100}\u{1169}.md", "하나\n"),
        ("회고.md", "둘\n"),
    ])
    .unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    let message = errors[0].to_string();
    assert!(
        message.contains("slug \"회고\" is already used by"),
        "{message}"
    );
    assert!(message.contains("NFC and NFD"), "{message}");
}

#[test]
fn tags_differing_in_case_or_spacing_are_one_facet() {
    let post = |tags: &str| format!("---\ntitle: t\ntags: [{tags}]\n---\n본문\n");
    let site = site_of(&[
        ("a.md", &post("Rust, 머신러닝")),
        ("b.md", &post("rust")),
        ("c.md", &post("RUST, rust")),
        ("d.md", &post("rust, 머신 러닝")),
    ])
    .unwrap();
    let tags: Vec<(&str, &str, u32)> = site
        .facets
        .iter()
        .map(|f| (f.value.as_str(), f.slug.as_str(), f.total))
        .collect();
    assert_eq!(tags, [("rust", "rust", 4), ("머신러닝", "머신러닝", 2)]);
    for post in &site.posts {
        assert!(post
            .meta
            .tags
            .iter()
            .all(|t| t == "rust" || t == "머신러닝"));
    }
    let warnings: Vec<String> = site.warnings.iter().map(ToString::to_string).collect();
    assert!(warnings.contains(&"posts/a.md:3: tag `Rust` is shown as `rust`, the spelling of posts/b.md, posts/c.md, posts/d.md".to_owned()), "{warnings:#?}");
    assert!(warnings.contains(&"posts/c.md:3: tag `RUST` is shown as `rust`, the spelling of posts/b.md, posts/c.md, posts/d.md".to_owned()), "{warnings:#?}");
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with("posts/d.md:3: tag `머신 러닝` is shown as `머신러닝`")),
        "{warnings:#?}"
    );
    assert_eq!(warnings.len(), 3);
}

#[test]
fn control_characters_never_reach_an_xml_file() {
    let site = site_of(&[(
        "a.md",
        "---\ntitle: \"제목\\u0001 \\u0008끝\"\ntags: [\"t\\u000b\"]\n---\n본문\u{1}과 \u{7}벨 \u{fffe}\n",
    )])
    .unwrap();
    let config = SiteConfig::default();
    let feed = atom_feed(&site, &config);
    roxmltree::Document::parse(&feed).unwrap_or_else(|e| panic!("{e}\n{feed}"));
    assert!(feed.contains("<title>제목 끝</title>"), "{feed}");
    for (name, xml) in sitemaps(&site_pages(&site, &config), &config) {
        roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn footnotes_and_their_references_link_to_each_other() {
    let (post, _) = parse(
        "posts/notes.md",
        "---\ntitle: 주석\n---\n첫째[^a] 둘째[^B] 다시[^a]\n\n[^a]: 첫 주석\n[^b]: 둘째 주석\n\n## 다음\n",
    )
    .unwrap();
    let html = &post.html;
    for expected in [
        "첫째<sup class=\"footnote-ref\"><a href=\"posts/notes/#fn:1\" id=\"fnref:1\"",
        "둘째<sup class=\"footnote-ref\"><a href=\"posts/notes/#fn:2\" id=\"fnref:2\"",
        "다시<sup class=\"footnote-ref\"><a href=\"posts/notes/#fn:1\" id=\"fnref:1:2\"",
        "<li id=\"fn:1\">\n<p>첫 주석 <a class=\"footnote-back\" href=\"posts/notes/#fnref:1\"",
        "<li id=\"fn:2\">\n<p>둘째 주석 <a class=\"footnote-back\" href=\"posts/notes/#fnref:2\"",
    ] {
        assert!(html.contains(expected), "missing {expected} in {html}");
    }
    // The notes close the post, after the heading written below them.
    assert!(html.find("id=\"다음\"").unwrap() < html.find("id=\"fn:1\"").unwrap());
}

#[test]
fn heading_ids_never_take_the_page_own_ids() {
    let (html, _) = markdown("### geul\n\n## main\n\n<h2 id=\"prerendered\">날것</h2>\n");
    assert!(
        html.contains("<h3 id=\"geul-1\">geul<a class=\"heading-anchor\""),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"main-1\">main<a class=\"heading-anchor\""),
        "{html}"
    );
    assert!(html.contains("<h2>날것</h2>"), "{html}");
    for id in geul_core::dom_ids::RESERVED {
        assert!(!html.contains(&format!("id=\"{id}\"")), "{id} in {html}");
    }
}

#[test]
fn form_controls_are_stripped_but_task_lists_keep_their_boxes() {
    let (html, _) = markdown(
        "- [x] 끝낸 일\n- [ ] 남은 일\n\n<input type=\"text\" value=\"x\"> <button>보내기</button>\n",
    );
    assert!(
        html.contains("<li><input type=\"checkbox\" disabled checked> 끝낸 일</li>"),
        "{html}"
    );
    assert!(
        html.contains("<li><input type=\"checkbox\" disabled> 남은 일</li>"),
        "{html}"
    );
    assert_eq!(html.matches("<input").count(), 2, "{html}");
    assert!(
        !html.contains("type=\"text\"") && !html.contains("<button"),
        "{html}"
    );
    assert!(html.contains("보내기"), "{html}");
}

#[test]
fn an_unsupported_front_matter_shape_says_what_is_expected() {
    for (yaml, line, expected) in [
        ("title: t\ntags: {a: 1}", 3, "`tags` must be a list such as `[회고, MLOps]` or words separated by spaces, not a mapping"),
        ("categories:\n  - [a, b]", 2, "`categories` must be a list"),
        ("title: [a, b]", 2, "`title` must be text, not a list"),
        ("pin: maybe", 2, "`pin` must be `true` or `false` (or `yes`/`no`, `on`/`off`), not text"),
        ("date: {y: 2024}", 2, "`date` must be a date such as"),
        ("- a\n- b", 2, "front matter must be `key: value` lines, not a list"),
    ] {
        let error = parse("posts/a.md", &format!("---\n{yaml}\n---\n본문")).unwrap_err();
        assert_eq!(error.line, line, "{error}");
        assert!(error.message.contains(expected), "{error}");
    }
}

#[test]
fn deep_nesting_is_flattened_with_a_warning_and_its_text_kept() {
    let (html, warnings) = markdown(&("* ".repeat(80_000) + "깊은 항목"));
    assert!(html.contains("깊은 항목"));
    assert_eq!(html.matches("<ul>").count(), geul_build::MAX_DEPTH / 2);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].line, 4);
    assert!(warnings[0].message.contains("shown flattened"));
    let (html, warnings) = markdown(&("<div>".repeat(50_000) + "안쪽"));
    assert!(html.contains("안쪽"));
    assert!(html.matches("<div>").count() <= geul_build::MAX_DEPTH);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
}

#[test]
fn front_matter_nesting_past_the_limit_is_an_error_not_a_stall() {
    let yaml = format!(
        "title: t\nextra: {}{}",
        "[".repeat(40_000),
        "]".repeat(40_000)
    );
    let error = parse("posts/a.md", &format!("---\n{yaml}\n---\n본문")).unwrap_err();
    assert_eq!(error.line, 3);
    assert!(
        error
            .message
            .contains("brackets nest more than 32 levels deep"),
        "{error}"
    );
}
