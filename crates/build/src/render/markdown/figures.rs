//! Chirpy's image captions: an `_italic_` line right after an image is its caption, and
//! the two become a `<figure>` with a `<figcaption>`.

use pulldown_cmark::{Event, Tag, TagEnd};

/// Rewrites every paragraph that is an image, a line break and one emphasised run into a
/// figure with that run as its caption.
pub fn caption_figures(events: &mut Vec<Event<'_>>) {
    // An attribute list taken off the text after an image leaves that text empty.
    events.retain(|event| !matches!(event, Event::Text(text) if text.is_empty()));
    let mut at = 0;
    while at + 5 < events.len() {
        let is_figure = matches!(events[at], Event::Start(Tag::Paragraph))
            && matches!(&events[at + 1], Event::InlineHtml(html) if is_image(html))
            && matches!(events[at + 2], Event::SoftBreak)
            && matches!(events[at + 3], Event::Start(Tag::Emphasis));
        let caption_end = is_figure
            .then(|| {
                events[at + 4..]
                    .iter()
                    .position(|event| matches!(event, Event::End(TagEnd::Emphasis)))
                    .map(|offset| at + 4 + offset)
            })
            .flatten()
            .filter(|&end| matches!(events.get(end + 1), Some(Event::End(TagEnd::Paragraph))));
        let Some(end) = caption_end else {
            at += 1;
            continue;
        };
        events[at] = Event::Html("<figure>".into());
        events[at + 2] = Event::Html("<figcaption>".into());
        events.remove(at + 3);
        // The caption's end moved one place back; its paragraph's end is the figure's.
        events[end - 1] = Event::Html("</figcaption>".into());
        events[end] = Event::Html("</figure>\n".into());
        at = end + 1;
    }
}

fn is_image(html: &str) -> bool {
    html.starts_with("<img ") || html.starts_with("<span class=\"img-missing\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_and_an_italic_line_make_a_figure() {
        let mut events = vec![
            Event::Start(Tag::Paragraph),
            Event::InlineHtml("<img src=\"a.png\" alt=\"a\">".into()),
            Event::SoftBreak,
            Event::Start(Tag::Emphasis),
            Event::Text("설명".into()),
            Event::End(TagEnd::Emphasis),
            Event::End(TagEnd::Paragraph),
        ];
        caption_figures(&mut events);
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        assert_eq!(
            html,
            "<figure><img src=\"a.png\" alt=\"a\"><figcaption>설명</figcaption></figure>\n"
        );
    }
}
