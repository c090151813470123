//! Markdown → sanitized HTML, at build time.
//!
//! Besides plain pulldown-cmark rendering this: gives headings stable ids (for links and a
//! future table of contents), turns images that do not exist into a visible placeholder
//! (reporting the line), and passes everything through an allow-list sanitizer so raw HTML
//! in posts cannot run script.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::images::{ImageResolver, ImageSource};
use crate::slug::slugify;

/// The result of rendering one post body.
#[derive(Debug, Default, PartialEq)]
pub struct Rendered {
    /// Sanitized HTML, ready to be inserted into the page.
    pub html: String,
    /// The readable text (for reading time and search).
    pub text: String,
    /// The running text without headings, code or tables: what an excerpt is made from.
    pub prose: String,
    /// Images that were not found: (1-based line in the body, path as written).
    pub missing_images: Vec<(usize, String)>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
}

/// Renders a Markdown body.
pub fn render_markdown(body: &str, images: &dyn ImageResolver) -> Rendered {
    let body = untab_list_markers(body);
    let line_starts = line_starts(&body);
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);

    let mut events: Vec<Event> = Vec::new();
    let mut text = String::new();
    let mut prose = String::new();
    let mut outside_prose = 0usize; // depth of headings, code blocks and tables
    let mut missing_images = Vec::new();
    let mut image: Option<(String, usize, String)> = None; // (dest, line, alt)

    for (event, range) in Parser::new_ext(&body, options()).into_offset_iter() {
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let (dest, line, alt) = image.take().expect("inside an image");
                    let html = match images.resolve(&dest) {
                        ImageSource::Missing => {
                            missing_images.push((line, dest));
                            missing_image_placeholder(&alt)
                        }
                        ImageSource::Found(src) => image_tag(&src, &alt),
                    };
                    text.push_str(&alt);
                    events.push(Event::InlineHtml(html.into()));
                }
                _ => {}
            }
            continue;
        }
        let event = match event {
            Event::Html(raw) if contains_img(&raw) => {
                let (html, missing) = rewrite_raw_images(&raw, images);
                let line = line_of(range.start);
                missing_images.extend(missing.into_iter().map(|dest| (line, dest)));
                Event::Html(html.into())
            }
            Event::InlineHtml(raw) if contains_img(&raw) => {
                let (html, missing) = rewrite_raw_images(&raw, images);
                let line = line_of(range.start);
                missing_images.extend(missing.into_iter().map(|dest| (line, dest)));
                Event::InlineHtml(html.into())
            }
            other => other,
        };
        match &event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), line_of(range.start), String::new()));
                continue;
            }
            Event::Start(Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::Table(_)) => {
                outside_prose += 1
            }
            Event::End(TagEnd::Heading(_) | TagEnd::CodeBlock | TagEnd::Table) => {
                outside_prose = outside_prose.saturating_sub(1);
                text.push('\n');
            }
            Event::Text(t) | Event::Code(t) => {
                text.push_str(t);
                if outside_prose == 0 {
                    prose.push_str(t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                text.push(' ');
                prose.push(' ');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell)
            // A nested list starts inside its parent item's text: "좋았던 점" + "매우…".
            | Event::Start(Tag::List(_)) => {
                for out in [&mut text, &mut prose] {
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
        events.push(event);
    }

    assign_heading_ids(&mut events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    Rendered {
        html: sanitize(&html),
        text,
        prose,
        missing_images,
    }
}

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

/// Note-taking apps export bullet lists as `*` + TAB(s) + text. CommonMark reads five or
/// more columns after the marker as an indented code block, which is never what the author
/// meant; such list items are read as ordinary ones. Only the copy being rendered changes.
fn untab_list_markers(body: &str) -> String {
    let mut in_fence = false;
    body.split_inclusive('\n')
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
                return line.to_owned();
            }
            if in_fence {
                return line.to_owned();
            }
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let rest = &line[indent..];
            let marker_len = list_marker_len(rest);
            if marker_len > 0 && rest[marker_len..].starts_with([' ', '\t']) {
                let text = rest[marker_len..].trim_start_matches([' ', '\t']);
                format!("{}{} {}", &line[..indent], &rest[..marker_len], text)
            } else {
                line.to_owned()
            }
        })
        .collect()
}

fn list_marker_len(text: &str) -> usize {
    if text.starts_with(['*', '-', '+']) {
        return 1;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && text[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        0
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect()
}

/// Gives every heading an id from its text (`## 새로운 도전` → `새로운-도전`), unique per post.
fn assign_heading_ids(events: &mut [Event]) {
    let mut used: Vec<String> = Vec::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[index] {
            let mut heading_text = String::new();
            for event in &events[index + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => heading_text.push_str(t),
                    _ => {}
                }
            }
            let base = match slugify(&heading_text) {
                slug if slug.is_empty() => "section".to_owned(),
                slug => slug,
            };
            let mut candidate = base.clone();
            let mut n = 1;
            while used.contains(&candidate) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                *id = Some(CowStr::from(candidate.clone()));
            }
            used.push(candidate);
        }
        index += 1;
    }
}

/// Escapes text for use in HTML content or a double-quoted attribute.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn contains_img(html: &str) -> bool {
    html.to_ascii_lowercase().contains("<img")
}

/// Raw `<img>` tags in a post get the same treatment as Markdown images: a local file that
/// exists is served from its site path, one that does not becomes the placeholder.
/// Returns the new HTML and the missing paths.
fn rewrite_raw_images(html: &str, images: &dyn ImageResolver) -> (String, Vec<String>) {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut missing = Vec::new();
    let mut copied = 0;
    let mut search_from = 0;
    while let Some(found) = lower[search_from..].find("<img") {
        let start = search_from + found;
        let Some(length) = lower[start..].find('>') else {
            break;
        };
        let end = start + length + 1;
        let tag = &html[start..end];
        out.push_str(&html[copied..start]);
        let alt = attribute(tag, "alt").unwrap_or_default();
        match attribute(tag, "src").map(|src| (images.resolve(&src), src)) {
            Some((ImageSource::Missing, src)) => {
                missing.push(src);
                out.push_str(&missing_image_placeholder(&alt));
            }
            Some((ImageSource::Found(site_src), _)) => out.push_str(&image_tag(&site_src, &alt)),
            None => out.push_str(tag),
        }
        copied = end;
        search_from = end;
    }
    out.push_str(&html[copied..]);
    (out, missing)
}

/// A quoted attribute's value in one HTML tag (`src="a.png"` or `src='a.png'`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(name) {
        let at = from + found;
        from = at + name.len();
        let before_ok = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let value_start = tag.len() - rest.len() + 1;
        let value = tag[value_start..].trim_start();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &value[1..];
        return inner.find(quote).map(|close| inner[..close].to_owned());
    }
    None
}

/// What a reader sees instead of a broken-image icon: a framed box with the alt text.
fn missing_image_placeholder(alt: &str) -> String {
    let label = if alt.trim().is_empty() {
        "이미지"
    } else {
        alt.trim()
    };
    let label = escape_html(label);
    format!(
        "<span class=\"img-missing\" role=\"img\" aria-label=\"{label}\">\
         <span class=\"img-missing__label\">{label}</span></span>"
    )
}

fn image_tag(src: &str, alt: &str) -> String {
    format!(
        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\">",
        escape_html(src),
        escape_html(alt)
    )
}

/// Allow-list sanitizing: ordinary document markup stays, script and event handlers go,
/// and only safe URL schemes survive.
fn sanitize(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tag_attributes("img", &["loading"])
        .add_tag_attributes("span", &["role", "aria-label"])
        .add_allowed_classes("span", &["img-missing", "img-missing__label"])
        .add_tags(&["input"])
        .add_tag_attributes("input", &["type", "checked", "disabled"]);
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(heading, &["id"]);
    }
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct NoImages;

    impl ImageResolver for NoImages {
        fn resolve(&self, _: &str) -> ImageSource {
            ImageSource::Missing
        }
    }

    #[test]
    fn an_item_with_a_nested_list_does_not_run_into_it() {
        let rendered = render_markdown("- 좋았던 점\n  - 매우 성장하는 팀\n- 끝\n", &NoImages);
        assert_eq!(rendered.text, "좋았던 점\n매우 성장하는 팀\n끝\n");
        assert_eq!(rendered.prose, rendered.text);
    }
}
