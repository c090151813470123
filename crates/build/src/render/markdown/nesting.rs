//! Bounds on how deeply a post nests. The HTML parser behind the sanitizer looks through
//! the open elements at every tag, so its time grows with the depth times the length: a
//! line of 80,000 `* ` (a list 80,000 levels deep) took minutes. No writing nests anywhere
//! near [`MAX_DEPTH`]; past it, the deeper Markdown structure (lists, quotes, emphasis) and
//! raw HTML elements are left out and their text kept, and the build warns.

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{Event, TagEnd};

/// How many Markdown elements, and separately how many raw HTML elements, may be open at
/// once.
pub const MAX_DEPTH: usize = 32;

/// Keeps the Markdown structure at most [`MAX_DEPTH`] elements deep.
#[derive(Default)]
pub struct MarkdownDepth {
    /// For every open start tag, whether it was kept.
    kept: Vec<bool>,
    depth: usize,
}

impl MarkdownDepth {
    /// The event to render in place of `event`: itself, nothing (a start past the limit),
    /// or a line break (the end of a block past the limit, so its text stays apart).
    pub fn filter<'a>(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        match event {
            Event::Start(tag) => {
                let keep = self.depth < MAX_DEPTH;
                self.kept.push(keep);
                self.depth += usize::from(keep);
                keep.then_some(Event::Start(tag))
            }
            Event::End(end) => {
                if self.kept.pop().unwrap_or(true) {
                    self.depth = self.depth.saturating_sub(1);
                    Some(Event::End(end))
                } else if is_block(end) {
                    Some(Event::SoftBreak)
                } else {
                    None
                }
            }
            other => Some(other),
        }
    }
}

fn is_block(end: TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

/// Elements that never hold others (`<br>`), and those the HTML parser closes by itself
/// when a sibling opens (`<li>`, `<td>`, `<p>`): neither makes the page deeper.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option",
    "optgroup", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
];

/// Keeps the raw HTML of a post at most [`MAX_DEPTH`] elements deep.
#[derive(Default)]
pub struct HtmlDepth {
    open: Vec<String>,
    /// Opening tags left out, by name, so their closing tags go too.
    dropped: HashMap<String, usize>,
}

impl HtmlDepth {
    /// `html` without the opening tags that would nest past the limit and their closing
    /// tags; `true` if any was left out.
    pub fn filter<'a>(&mut self, html: &'a str) -> (Cow<'a, str>, bool) {
        let mut out = String::new();
        let mut copied = 0;
        let mut at = 0;
        while let Some(found) = html[at..].find('<') {
            let start = at + found;
            let (end, tag) = read_tag(html, start);
            at = end.max(start + 1);
            let Some(Tag {
                name,
                closing,
                self_closing,
            }) = tag
            else {
                continue;
            };
            let name = name.to_ascii_lowercase();
            if NOT_NESTING.contains(&name.as_str()) || self_closing {
                continue;
            }
            let keep = if closing {
                if let Some(position) = self.open.iter().rposition(|open| *open == name) {
                    self.open.truncate(position);
                    true
                } else {
                    match self.dropped.get_mut(&name) {
                        Some(count) if *count > 0 => {
                            *count -= 1;
                            false
                        }
                        _ => true,
                    }
                }
            } else if self.open.len() < MAX_DEPTH {
                self.open.push(name);
                true
            } else {
                *self.dropped.entry(name).or_default() += 1;
                false
            };
            if !keep {
                out.push_str(&html[copied..start]);
                copied = end;
            }
        }
        if copied == 0 {
            return (Cow::Borrowed(html), false);
        }
        out.push_str(&html[copied..]);
        (Cow::Owned(out), true)
    }
}

struct Tag<'a> {
    name: &'a str,
    closing: bool,
    self_closing: bool,
}

/// The tag starting at `html[start] == '<'`: where it ends, and what it is (`None` for a
/// comment, a declaration or a `<` that starts no tag). A tag cut off at the end of `html`
/// ends there.
fn read_tag(html: &str, start: usize) -> (usize, Option<Tag<'_>>) {
    let rest = &html[start..];
    if let Some(comment) = rest.strip_prefix("<!--") {
        let end = comment
            .find("-->")
            .map_or(html.len(), |at| start + 4 + at + 3);
        return (end, None);
    }
    if rest.starts_with("<!") || rest.starts_with("<?") {
        return (rest.find('>').map_or(html.len(), |at| start + at + 1), None);
    }
    let closing = rest.as_bytes().get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    let name_len = rest[name_start..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    if name_len == 0 || !rest.as_bytes()[name_start].is_ascii_alphabetic() {
        return (start + 1, None);
    }
    let name = &rest[name_start..name_start + name_len];
    let mut quote: Option<u8> = None;
    let mut end = html.len();
    for (offset, byte) in rest.bytes().enumerate().skip(name_start + name_len) {
        match (quote, byte) {
            (Some(open), byte) if byte == open => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(byte),
            (None, b'>') => {
                end = start + offset + 1;
                break;
            }
            _ => {}
        }
    }
    let self_closing = html[..end].ends_with("/>");
    let tag = Tag {
        name,
        closing,
        self_closing,
    };
    (end, Some(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_past_the_limit_loses_its_tags_not_its_text() {
        let html = "<div>".repeat(MAX_DEPTH + 3) + "글" + &"</div>".repeat(MAX_DEPTH + 3);
        let (kept, dropped) = HtmlDepth::default().filter(&html);
        assert!(dropped);
        assert_eq!(
            kept,
            "<div>".repeat(MAX_DEPTH) + "글" + &"</div>".repeat(MAX_DEPTH)
        );
    }

    #[test]
    fn siblings_and_elements_that_close_themselves_do_not_nest() {
        let html = "<ul>".to_owned() + &"<li>항목".repeat(100) + "</ul>" + &"<p>a</p>".repeat(100);
        let (kept, dropped) = HtmlDepth::default().filter(&html);
        assert!(!dropped);
        assert_eq!(kept, html);
        let quoted = "<a title=\"<div>\" href='>'>링크</a><br><img src=x/>";
        assert_eq!(HtmlDepth::default().filter(quoted).0, quoted);
    }

    #[test]
    fn markdown_past_the_limit_keeps_its_text_apart() {
        use pulldown_cmark::Parser;
        let body = "> ".repeat(MAX_DEPTH + 5) + "깊은 인용";
        let mut depth = MarkdownDepth::default();
        let events: Vec<Event> = Parser::new(&body).filter_map(|e| depth.filter(e)).collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(html.matches("<blockquote>").count(), MAX_DEPTH);
        assert_eq!(html.matches("</blockquote>").count(), MAX_DEPTH);
        assert!(html.contains("깊은 인용"), "{html}");
    }
}
