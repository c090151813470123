//! Raw HTML in posts: allowed markup stays, anything that could run script is removed or
//! shown as text.

mod common;

use common::parse;

fn body_html(markdown: &str) -> String {
    parse("a.md", &format!("---\ntitle: t\n---\n{markdown}"))
        .unwrap()
        .0
        .html
}

#[test]
fn script_tags_never_run_they_show_as_text() {
    let html = body_html("안녕 <script>alert(1)</script> 하세요\n\n<script>\nalert(2)\n</script>");
    assert!(!html.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 하세요"),
        "{html}"
    );
}

#[test]
fn event_handlers_are_removed() {
    let html = body_html(r#"<img src="x.png" onerror="alert(1)"> <b onclick="x()">굵게</b>"#);
    assert!(
        !html.contains("onerror") && !html.contains("onclick"),
        "{html}"
    );
    assert!(html.contains("<b>굵게</b>"));
}

#[test]
fn javascript_urls_never_reach_the_page() {
    let html = body_html("[링크](javascript:alert(1)) <a href=\"JaVaScRiPt:alert(2)\">x</a> [ok](https://example.com)");
    assert!(!html.to_lowercase().contains("javascript:"), "{html}");
    assert!(html.contains(r#"href="https://example.com""#));
}

#[test]
fn iframes_styles_and_forms_never_reach_the_page_as_elements() {
    let html = body_html(
        "<iframe src=\"https://evil\"></iframe><style>body{}</style><form><input type=text></form>",
    );
    for element in ["<iframe", "<style", "<form", "<input"] {
        assert!(!html.contains(element), "{element} in {html}");
    }
}

#[test]
fn line_breaks_and_ordinary_markup_survive() {
    let html = body_html("첫 줄<br>둘째 줄\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~취소~~");
    assert!(html.contains("<br>"));
    assert!(html.contains("<table>"));
    assert!(html.contains("<del>취소</del>"));
}

#[test]
fn plain_text_posts_escape_markup() {
    let (post, _) = parse("a.txt", "제목\n<script>alert(1)</script>\n<b>x</b>").unwrap();
    assert!(!post.html.contains("<script>") && post.html.contains("&lt;script&gt;"));
}

#[test]
fn a_raw_img_of_a_missing_file_becomes_the_placeholder_and_is_reported() {
    let (post, warnings) = parse(
        "a.md",
        "---\ntitle: t\n---\n본문\n\n<img src=\"../assets/없는.png\" alt=\"팀 사진\" onerror=\"x()\">",
    )
    .unwrap();
    assert!(
        post.html
            .contains("<span class=\"img-missing\" role=\"img\" aria-label=\"팀 사진\">"),
        "{}",
        post.html
    );
    assert!(!post.html.contains("<img"), "{}", post.html);
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, 6);
    assert!(warnings[0].message.contains("../assets/없는.png"));
}

#[test]
fn a_raw_img_from_another_host_is_kept_and_sanitized() {
    let html = body_html("<img src='https://example.com/a.png' alt=\"사진\" onerror=\"x()\">");
    assert!(html.contains("src=\"https://example.com/a.png\""), "{html}");
    assert!(!html.contains("onerror"), "{html}");
}
