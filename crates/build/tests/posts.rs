//! The pipeline on each real post and on the forms people really write.

mod common;

use common::{fixture, paragraphs, parse, real_post};
use geul_build::Format;

#[test]
fn jekyll_front_matter_with_space_separated_categories() {
    let (post, warnings) = parse(
        "posts/2021-02-01-line-developer.md",
        &real_post("2021-02-01-line-developer.md"),
    )
    .unwrap();
    let meta = &post.meta;
    assert_eq!(meta.slug, "line-developer");
    assert_eq!(meta.title, "나도 LINE 개발자입니다.");
    assert_eq!(meta.date.unwrap().korean(), "2021년 2월 1일");
    assert_eq!(meta.categories, ["LINE", "career"]);
    assert!(meta.tags.is_empty());
    assert!(!meta.pinned);
    assert_eq!(post.format, Format::Markdown);
    assert!(post.html.contains(
        "<h2 id=\"새로운-도전을-시도해-보다\">새로운 도전을 시도해 보다<a class=\"heading-anchor\""
    ));
    // The two missing body images and the missing preview image (`image:`) are reported.
    assert_eq!(warnings.len(), 3, "{warnings:?}");
    assert_eq!(warnings[2].line, 6);
    assert!(warnings[2]
        .message
        .starts_with("preview image not found: /assets/images/landing/line-developer.png"));
    assert_eq!(post.image, None);
}

#[test]
fn missing_images_become_placeholders_and_warnings_name_the_line() {
    let (post, warnings) = parse(
        "posts/2021-02-01-line-developer.md",
        &real_post("2021-02-01-line-developer.md"),
    )
    .unwrap();
    assert_eq!(warnings[0].line, 41);
    assert!(warnings[0]
        .message
        .contains("../assets/images/line-developer/tp.png"));
    assert_eq!(warnings[1].line, 138);
    assert_eq!(
        warnings[0].to_string().split(':').next(),
        Some("posts/2021-02-01-line-developer.md")
    );
    assert!(
        post.html
            .contains(r#"<span class="img-missing" role="img" aria-label="팀사진">"#),
        "{}",
        post.html
    );
    assert!(post.html.contains(r#"aria-label="라인""#));
    assert!(
        !post.html.contains("<img"),
        "no broken <img> may reach the page"
    );
}

#[test]
fn chirpy_front_matter_with_offset_lists_and_br() {
    let (post, warnings) = parse(
        "posts/2021-11-14-data-scientist-job-change.md",
        &real_post("2021-11-14-data-scientist-job-change.md"),
    )
    .unwrap();
    let meta = &post.meta;
    assert!(warnings.is_empty());
    assert_eq!(meta.slug, "data-scientist-job-change");
    assert_eq!(meta.title, "2년차 데이터사이언티스트의 이직 도전기");
    assert_eq!(meta.date.unwrap().iso(), "2021-11-14");
    assert_eq!(meta.categories, ["ETC", "Jobs"]);
    assert_eq!(meta.tags, ["jobs"]);
    assert!(post.html.contains("<br>"), "raw <br> is kept");
    assert!(post
        .html
        .contains(r#"<a href="https://luckyyowu.tistory.com/382" rel="noopener noreferrer">"#));
}

#[test]
fn no_front_matter_markdown_takes_its_title_from_the_first_heading() {
    let (post, _) = parse("interview-notes.md", &fixture("interview-notes.md")).unwrap();
    assert_eq!(post.meta.title, "인터뷰 복기");
    assert_eq!(post.meta.slug, "interview-notes");
    assert_eq!(post.meta.date, None);
    assert_eq!(post.format, Format::Markdown);
    assert!(
        !post.html.contains("인터뷰 복기<a"),
        "the title is not shown twice"
    );
    assert!(post
        .html
        .contains("인터뷰 예상 질문<a class=\"heading-anchor\""));
}

#[test]
fn tab_indented_bullets_are_list_items_not_code() {
    let (post, _) = parse("interview-notes.md", &fixture("interview-notes.md")).unwrap();
    assert!(
        post.html.contains("<li>카카오의 수많은 데이터를"),
        "{}",
        &post.html[..800]
    );
    assert!(!post.html.contains("<pre>"));
}

#[test]
fn no_front_matter_plain_text_reads_one_paragraph_per_line() {
    let source = fixture("first-year.md");
    let (post, _) = parse("first-year.md", &source).unwrap();
    assert_eq!(post.format, Format::Text);
    let first_line = source.lines().next().unwrap();
    assert_eq!(post.meta.title, first_line);
    assert_eq!(paragraphs(&post.html), source.lines().count() - 1);
    assert!(
        !post.html.contains(first_line),
        "the title line is not repeated in the body"
    );
    // After the progress bar of a post this long.
    assert!(post
        .html
        .trim_start_matches("<div class=\"reading-progress\" aria-hidden=\"true\"></div>")
        .starts_with("<p>극적인 시작을 할 수 있었던 2022년</p>"));
}

#[test]
fn plain_text_with_a_long_first_line_keeps_it_and_shortens_the_title() {
    let source = fixture("lablup.md");
    let (post, _) = parse("lablup.md", &source).unwrap();
    assert_eq!(post.format, Format::Text);
    assert_eq!(post.meta.title, "나는 2021 4월에 래블업에 입사했다.");
    assert_eq!(paragraphs(&post.html), source.lines().count());
}

#[test]
fn the_real_plain_text_posts_have_front_matter_titles_and_many_paragraphs() {
    for (file, min_paragraphs) in [
        ("kraft-technologies-first-year.md", 45),
        ("lablup-eight-months.md", 14),
    ] {
        let (post, _) = parse(&format!("posts/{file}"), &real_post(file)).unwrap();
        assert_eq!(post.format, Format::Text, "{file}");
        assert!(
            paragraphs(&post.html) >= min_paragraphs,
            "{file}: {}",
            paragraphs(&post.html)
        );
        assert!(
            !post.html.contains(&format!("<p>{}</p>", post.meta.title)),
            "{file}: title shown twice"
        );
    }
}

#[test]
fn format_key_and_txt_extension_override_detection() {
    let (post, _) = parse("a.md", "---\nformat: text\ntitle: 제목\n---\n하나\n\n둘").unwrap();
    assert_eq!(post.format, Format::Text);
    assert_eq!(paragraphs(&post.html), 2);
    let (post, _) = parse("b.txt", "제목\n# 이건 제목이 아닌 문장").unwrap();
    assert_eq!(post.format, Format::Text);
    assert_eq!(post.html, "<p># 이건 제목이 아닌 문장</p>\n");
    let (post, _) = parse("c.md", "---\nformat: markdown\n---\n가\n나\n다").unwrap();
    assert_eq!(post.format, Format::Markdown);
}

#[test]
fn excerpt_and_reading_time() {
    let (post, _) = parse(
        "posts/2021-02-01-line-developer.md",
        &real_post("2021-02-01-line-developer.md"),
    )
    .unwrap();
    assert!(post
        .meta
        .excerpt
        .starts_with("4년 간의 LG전자 MLOps 엔지니어로써의 일을 마치고"));
    assert!(post.meta.excerpt.chars().count() <= 151);
    assert!(!post.meta.excerpt.contains('\n'));
    // About 2,800 Hangul syllables (5.6 min at 500/min) and 150 Latin words (0.6 min).
    assert!(
        (5..=7).contains(&post.meta.reading_minutes),
        "{}",
        post.meta.reading_minutes
    );
}

#[test]
fn an_existing_preview_image_is_kept_in_both_chirpy_forms() {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("assets")).unwrap();
    std::fs::write(site.path().join("assets/cover.png"), b"png").unwrap();
    let images = geul_build::SiteImages::new(site.path());
    for front_matter in [
        "image: /assets/cover.png",
        "image:\n  path: ../assets/cover.png\n  alt: 표지",
    ] {
        let source = format!("---\n{front_matter}\n---\n본문");
        let (post, warnings) =
            geul_build::parse_post(std::path::Path::new("a.md"), &source, &images).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(post.image.as_deref(), Some("assets/cover.png"));
    }
}

#[test]
fn description_overrides_the_excerpt() {
    let (post, _) = parse("a.md", "---\ndescription: 요약입니다\n---\n본문").unwrap();
    assert_eq!(post.meta.excerpt, "요약입니다");
}

#[test]
fn slug_key_and_dated_file_names() {
    let (post, _) = parse(
        "2020-05-06-hello-world.md",
        "---\nslug: 안녕 세상\n---\n본문",
    )
    .unwrap();
    assert_eq!(post.meta.slug, "안녕-세상");
    assert_eq!(
        post.meta.date.unwrap().iso(),
        "2020-05-06",
        "Jekyll takes the date from the file name"
    );
}

#[test]
fn nfd_text_is_normalized() {
    let nfd = "\u{1100}\u{1161}\u{11A8}"; // 각, decomposed
    let (post, _) = parse(
        "a.md",
        &format!("---\ntitle: {nfd}\ntags: [{nfd}]\n---\n본문"),
    )
    .unwrap();
    assert_eq!(post.meta.title, "각");
    assert_eq!(post.meta.tags, ["각"]);
}

#[test]
fn a_markdown_first_line_gives_its_text_not_its_markup_as_title() {
    let (post, _) = parse("a.md", "[글](https://x.kr)을 보고 **정말** 놀랐다\n\n본문").unwrap();
    assert_eq!(post.meta.title, "글을 보고 정말 놀랐다");
    assert!(
        !post.html.contains("놀랐다"),
        "the title line is shown once, as the title"
    );
}

#[test]
fn an_image_or_code_first_line_is_never_the_title() {
    let (post, _) = parse("cover-post.md", "![표지](cover.png)\n\n본문").unwrap();
    assert_eq!(post.meta.title, "cover-post");
    assert!(
        post.html.contains("aria-label=\"표지\""),
        "the image stays in the body"
    );
    let (post, _) = parse("code-post.md", "```python\nprint(1)\n```\n\n끝").unwrap();
    assert_eq!(post.meta.title, "code-post");
    assert!(
        post.html.contains("<pre class=\"code__body"),
        "{}",
        post.html
    );
}

#[test]
fn a_title_repeated_without_its_full_stop_is_shown_once() {
    let (post, _) = parse(
        "a.md",
        "---\ntitle: 나도 개발자입니다.\n---\n# 나도 개발자입니다\n\n본문",
    )
    .unwrap();
    assert!(!post.html.contains("<h1"), "{}", post.html);
}

#[test]
fn in_page_links_name_the_post_so_the_base_url_cannot_redirect_them() {
    let (post, _) = parse(
        "anchors.md",
        "---\ntitle: t\n---\n[아래로](#끝)\n\n## 끝\n\n각주[^1]\n\n[^1]: 설명",
    )
    .unwrap();
    assert!(
        post.html.contains("href=\"posts/anchors/#%EB%81%9D\""),
        "{}",
        post.html
    );
    assert!(!post.html.contains("href=\"#"), "{}", post.html);
}

#[test]
fn tab_bullets_inside_code_fences_stay_as_written() {
    let (post, _) = parse("a.md", "---\ntitle: t\n---\n```\n-\tkeep\n```").unwrap();
    assert!(post.html.contains("-\tkeep"), "{}", post.html);
}
