//! Tags whose content an HTML parser reads as plain text, or drops, up to their closing tag
//! (`<script>`, `<textarea>`, …). Written in prose, as developers do ("<script> 태그를
//! 설명합니다"), one of them would swallow the rest of the post. Wherever the Markdown
//! parser sees one as raw HTML, its `<` is written as `&lt;`, so the tag shows as text.
//!
//! `<script>`, `<style>` and `<textarea>` at the start of a line open an HTML block that the
//! Markdown parser ends only at the closing tag, so what follows them is not Markdown until
//! they are escaped. Such a block is escaped at its first tag and the text parsed again;
//! a few rounds settle any real post. Past them, every remaining tag is escaped at once,
//! so the time stays bounded whatever the input.

use std::borrow::Cow;

use pulldown_cmark::{Event, Parser, Tag};

use super::options;

/// The tags whose content is not markup (raw text and RCDATA elements, and those an HTML
/// parser may treat so).
pub const RAW_TEXT_TAGS: [&str; 11] = [
    "script",
    "style",
    "template",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "plaintext",
    "noscript",
    "noembed",
    "noframes",
];

/// Those that open a Markdown HTML block running to their closing tag.
const BLOCK_SWALLOWING: [&str; 3] = ["script", "style", "textarea"];

const ROUNDS: usize = 4;

/// A tag shown as text: where it was (byte offset in the text given) and its name.
#[derive(Debug, PartialEq, Eq)]
pub struct ShownAsText {
    pub offset: usize,
    pub tag: &'static str,
}

/// The text with every raw-text tag the Markdown parser would pass on as HTML escaped,
/// and the tags escaped. Offsets are those of the returned text.
pub fn show_as_text(body: &str) -> (Cow<'_, str>, Vec<ShownAsText>) {
    if tags_in(body).next().is_none() {
        return (Cow::Borrowed(body), Vec::new());
    }
    let mut text = body.to_owned();
    let mut shown: Vec<ShownAsText> = Vec::new();
    for round in 1..=ROUNDS {
        let cuts = tags_to_escape(&text, round == ROUNDS);
        if cuts.is_empty() {
            break;
        }
        let mut escaped = String::with_capacity(text.len() + cuts.len() * 3);
        let mut copied = 0;
        for (at, _) in &cuts {
            escaped.push_str(&text[copied..*at]);
            escaped.push_str("&lt;");
            copied = at + 1;
        }
        escaped.push_str(&text[copied..]);
        // Earlier finds move by three bytes for every `<` escaped before them.
        for found in &mut shown {
            found.offset += 3 * cuts.partition_point(|(at, _)| *at < found.offset);
        }
        shown.extend(
            cuts.iter()
                .enumerate()
                .map(|(before, &(at, tag))| ShownAsText {
                    offset: at + 3 * before,
                    tag,
                }),
        );
        text = escaped;
    }
    shown.sort_by_key(|found| found.offset);
    (Cow::Owned(text), shown)
}

/// Offsets of the `<` to escape in this round, in order. Inside a block that a swallowing
/// tag opened, only that tag is escaped (unless `everything`): the rest was never read
/// as Markdown, and is read again in the next round.
fn tags_to_escape(text: &str, everything: bool) -> Vec<(usize, &'static str)> {
    let mut cuts = Vec::new();
    let mut swallowed_until = 0;
    let mut block_start: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::HtmlBlock) => block_start = Some(range.end),
            Event::Html(_) | Event::InlineHtml(_) => {
                let opens_block = block_start.take().is_some_and(|end| {
                    let first = tags_in(&text[range.clone()]).next();
                    let swallows = first.is_some_and(|(at, tag, closing)| {
                        !closing
                            && BLOCK_SWALLOWING.contains(&tag)
                            && text[range.start..range.start + at].trim().is_empty()
                    });
                    if swallows && !everything {
                        swallowed_until = end;
                    }
                    swallows
                });
                if range.start < swallowed_until && !opens_block && !everything {
                    continue;
                }
                for (at, tag, _) in tags_in(&text[range.clone()]) {
                    cuts.push((range.start + at, tag));
                    if opens_block && !everything {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Every opening or closing raw-text tag in `html`: (offset of its `<`, name, closing).
fn tags_in(html: &str) -> impl Iterator<Item = (usize, &'static str, bool)> + '_ {
    let bytes = html.as_bytes();
    less_than_signs(bytes).filter_map(move |at| {
        let closing = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(closing);
        let tag = RAW_TEXT_TAGS.iter().find(|name| {
            let end = name_start + name.len();
            bytes
                .get(name_start..end)
                .is_some_and(|written| written.eq_ignore_ascii_case(name.as_bytes()))
                && bytes.get(end).is_none_or(|&after| {
                    after.is_ascii_whitespace() || after == b'>' || after == b'/'
                })
        })?;
        Some((at, *tag, closing))
    })
}

fn less_than_signs(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter(|(_, &byte)| byte == b'<')
        .map(|(at, _)| at)
}

/// One warning for each raw-text tag name shown as text, at its first line, naming the
/// others.
pub(super) fn warn_once_per_tag(
    shown: &[ShownAsText],
    line_of: &dyn Fn(usize) -> usize,
    warnings: &mut Vec<(usize, String)>,
) {
    for tag in RAW_TEXT_TAGS {
        let mut lines: Vec<usize> = shown
            .iter()
            .filter(|found| found.tag == tag)
            .map(|found| line_of(found.offset))
            .collect();
        lines.dedup();
        let Some((&first, others)) = lines.split_first() else {
            continue;
        };
        let also = match others.len() {
            0 => String::new(),
            1..=5 => format!(
                " (also on line {})",
                others
                    .iter()
                    .map(usize::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            n => format!(" (and on {n} more lines)"),
        };
        warnings.push((
            first,
            format!(
                "`<{tag}>` is shown as text{also}: it is not run or rendered in a post; \
                 write it as `<{tag}>` in backticks to show it as code"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(body: &str) -> String {
        show_as_text(body).0.into_owned()
    }

    #[test]
    fn a_tag_in_prose_is_escaped_and_what_follows_stays_markdown() {
        assert_eq!(
            escaped("<script> 태그를 설명합니다\n\n## 다음\n"),
            "&lt;script> 태그를 설명합니다\n\n## 다음\n"
        );
        assert_eq!(
            escaped("본문 <textarea> 안에 </textarea> 끝"),
            "본문 &lt;textarea> 안에 &lt;/textarea> 끝"
        );
    }

    #[test]
    fn code_is_left_alone() {
        let body = "`<script>` 태그\n\n```html\n<script>alert(1)</script>\n```\n";
        assert_eq!(escaped(body), body);
    }

    #[test]
    fn code_after_a_swallowing_tag_stays_code() {
        let body = "<style> 설명\n\n```html\n<style>p {}</style>\n```\n";
        assert_eq!(
            escaped(body),
            "&lt;style> 설명\n\n```html\n<style>p {}</style>\n```\n"
        );
    }

    #[test]
    fn offsets_point_at_the_escaped_tags() {
        let (text, shown) = show_as_text("<script> a\n\n<style> b\n\n<xmp> c");
        let tags: Vec<&str> = shown.iter().map(|found| found.tag).collect();
        assert_eq!(tags, ["script", "style", "xmp"]);
        for found in &shown {
            assert!(
                text[found.offset..].starts_with("&lt;"),
                "{text:?} {found:?}"
            );
        }
    }

    #[test]
    fn names_must_end_where_the_tag_name_ends() {
        assert_eq!(escaped("<scripts> <titles>"), "<scripts> <titles>");
    }
}
