//! One line of Markdown as plain text, for titles taken from the first line.

use pulldown_cmark::{Event, Parser, Tag};

use super::options;

/// The plain text of one line of Markdown if it is an ordinary paragraph (`**굵게**`,
/// `[링크](url)` → their text); `None` for an image, code, a list, a table, a quote or HTML.
pub fn inline_text(line: &str) -> Option<String> {
    let mut text = String::new();
    let mut events = Parser::new_ext(line.trim(), options());
    if !matches!(events.next(), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    for event in events {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Image { .. } | Tag::Paragraph)
            | Event::Html(_)
            | Event::InlineHtml(_) => return None,
            _ => {}
        }
    }
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}
