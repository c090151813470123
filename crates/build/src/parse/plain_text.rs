//! Plain-text posts: one paragraph per line, as people write them in a notes app or a
//! blogging platform's editor, with no blank lines between paragraphs.

use crate::render::markdown::{escape_html, Rendered};

/// Heuristic for posts that do not say their format: three or more lines of text with no
/// blank line anywhere between them, no heading, fence, table or quote, and list-like lines
/// (`- `, `1. `, `<`) in the minority: a writer's "1. 첫째" inside prose does not turn a
/// plain-text post into Markdown. Markdown would join such lines into one wall of text,
/// which the author never meant.
pub fn looks_like_plain_text(body: &str) -> bool {
    let lines: Vec<&str> = body.trim().lines().collect();
    let list_like = lines.iter().filter(|line| starts_like_list(line)).count();
    lines.len() >= 3
        && lines.iter().all(|line| !line.trim().is_empty())
        && !lines.iter().any(|line| starts_like_markdown_block(line))
        && list_like * 2 < lines.len()
}

/// Block syntax that only Markdown writes.
fn starts_like_markdown_block(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with('#')
        || line.starts_with("```")
        || line.starts_with("~~~")
        || line.starts_with('>')
        || line.starts_with('|')
}

/// Lines that may be Markdown lists or HTML, or just prose that starts that way.
fn starts_like_list(line: &str) -> bool {
    let line = line.trim_start();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with("- ")
        || line.starts_with("* ")
        || line.starts_with("+ ")
        || line.starts_with('<')
        || (digits > 0 && line[digits..].starts_with(". "))
}

/// Every non-empty line becomes one escaped `<p>`.
pub fn render_plain_text(body: &str) -> Rendered {
    let mut html = String::with_capacity(body.len() + body.len() / 8);
    let mut text = String::with_capacity(body.len());
    for line in body.lines().map(str::trim).filter(|line| !line.is_empty()) {
        html.push_str("<p>");
        html.push_str(&escape_html(line));
        html.push_str("</p>\n");
        text.push_str(line);
        text.push('\n');
    }
    Rendered {
        html,
        prose: text.clone(),
        text,
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_without_blank_lines_are_plain_text() {
        assert!(looks_like_plain_text("첫 줄\n둘째 줄\n셋째 줄"));
    }

    #[test]
    fn markdown_with_paragraph_breaks_is_not() {
        assert!(!looks_like_plain_text("## 제목\n\n본문\n\n더"));
        assert!(!looks_like_plain_text("a\nb\n\nc\nd"));
    }

    #[test]
    fn a_tight_markdown_list_is_not_plain_text() {
        assert!(!looks_like_plain_text("할 일\n- 하나\n- 둘"));
        assert!(!looks_like_plain_text("# 제목\n본문\n끝"));
    }

    #[test]
    fn one_numbered_line_in_prose_keeps_a_post_plain_text() {
        assert!(looks_like_plain_text(
            "첫 문단이다.\n1. 이유는 이렇다.\n둘째 문단이다.\n셋째 문단이다."
        ));
    }

    #[test]
    fn two_lines_are_too_few_to_tell() {
        assert!(!looks_like_plain_text("한 줄\n두 줄"));
    }

    #[test]
    fn each_line_is_an_escaped_paragraph() {
        let rendered = render_plain_text("a < b\n\n  c & d  \n");
        assert_eq!(rendered.html, "<p>a &lt; b</p>\n<p>c &amp; d</p>\n");
        assert_eq!(rendered.text, "a < b\nc & d\n");
    }
}
