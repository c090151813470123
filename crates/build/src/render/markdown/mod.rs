//! Markdown → sanitized HTML, at build time.
//!
//! Besides plain pulldown-cmark rendering this: gives headings stable ids (for links and a
//! future table of contents), links footnotes both ways, turns images that are not shown
//! into a visible placeholder (reporting the line), shows raw-text tags written in prose as
//! text ([`raw_text`]), bounds how deeply a post nests ([`nesting`]), and passes everything
//! through an allow-list sanitizer so raw HTML in posts cannot run script.

mod attributes;
mod figures;
mod footnotes;
mod headings;
mod inline;
mod lists;
mod math;
mod media;
mod nesting;
mod raw_html;
mod raw_text;
mod sanitize;
mod tags;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, TextMergeWithOffset};

use crate::render::diagrams::{diagram_html, is_diagram};
use crate::render::highlight::{code_block_html, CodeBlock};
use crate::render::images::ImageResolver;
use crate::render::slots::Slots;
use geul_core::ui_text::UiText;

pub use inline::inline_text;
pub use media::missing_image_placeholder;
pub use nesting::MAX_DEPTH;
pub use raw_text::RAW_TEXT_TAGS;
pub(crate) use tags::rewrite_tags;
pub use tags::{escape_html, point_in_page_links};

use attributes::{claim, image_with, take_inline_list, unsupported};
use lists::untab_list_markers;
use raw_html::{flattened_warning, raw_html};
use raw_text::warn_once_per_tag;
use sanitize::bound_text_runs;

/// The result of rendering one post body.
#[derive(Debug, Default, PartialEq)]
pub struct Rendered {
    /// Sanitized HTML, ready to be inserted into the page.
    pub html: String,
    /// The readable text (for reading time and search).
    pub text: String,
    /// The running text without headings, code or tables: what an excerpt is made from.
    pub prose: String,
    /// What the author should know: (1-based line in the body, message).
    pub warnings: Vec<(usize, String)>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM
}

/// Renders a Markdown body; `math` typesets its formulas (a post's `math: true`), and
/// `ui_text` gives the words geul adds (callouts, copy buttons, footnotes) in the site's
/// language. Markup geul writes itself (highlighted code, math) is held in `slots`, for
/// the caller to put back once the body is sanitized.
pub fn render_markdown(
    body: &str,
    images: &dyn ImageResolver,
    slots: &mut Slots,
    math: bool,
    ui_text: &UiText,
) -> Rendered {
    let body = untab_list_markers(body);
    let (body, shown_as_text) = raw_text::show_as_text(&body);
    let (body, mut block_lists) = attributes::take_block_attributes(&body);
    let mut formulas = math::Formulas::default();
    let body = if math {
        math::take_bracketed_math(&body, &mut formulas, slots)
    } else {
        body
    };
    let options = if math {
        options() | Options::ENABLE_MATH
    } else {
        options()
    };
    let line_starts = line_starts(&body);
    let line_of = |offset: usize| line_starts.partition_point(|&start| start <= offset);
    let mut warnings: Vec<(usize, String)> = Vec::new();
    warn_once_per_tag(&shown_as_text, &line_of, &mut warnings);

    let mut events: Vec<Event> = Vec::new();
    let mut text = String::new();
    let mut prose = String::new();
    let mut outside_prose = 0usize; // depth of headings, code blocks and tables
    let mut image: Option<(String, usize, String)> = None; // (dest, line, alt)
    let mut markdown_depth = nesting::MarkdownDepth::default();
    let mut html_depth = nesting::HtmlDepth::default();
    let mut first_flattened: Option<usize> = None;
    let mut footnotes = footnotes::Footnotes::default();
    // Whether each open blockquote is a callout; a paragraph's attribute list, for its image.
    let mut quotes: Vec<bool> = Vec::new();
    let mut paragraph_list: Option<(usize, attributes::Attributes)> = None;
    let end_line =
        |range: &std::ops::Range<usize>| line_of(range.end.saturating_sub(1).max(range.start));

    // A code block being read: (language, file name, no line numbers, its text).
    let mut code: Option<(String, Option<String>, bool, String)> = None;
    let mut parsed: Vec<(Event, std::ops::Range<usize>)> =
        TextMergeWithOffset::new(Parser::new_ext(&body, options).into_offset_iter()).collect();
    // `$$…$$` alone in its paragraph is displayed; inside text it is inline (kramdown).
    let displayed: Vec<bool> = (0..parsed.len())
        .map(|at| {
            matches!(parsed[at].0, Event::DisplayMath(_))
                && at > 0
                && matches!(parsed[at - 1].0, Event::Start(Tag::Paragraph))
                && matches!(parsed.get(at + 1), Some((Event::End(TagEnd::Paragraph), _)))
        })
        .collect();
    for at in 0..parsed.len() {
        let (event, range) = std::mem::replace(&mut parsed[at], (Event::SoftBreak, 0..0));
        if let Some((_, _, alt)) = image.as_mut() {
            match event {
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::End(TagEnd::Image) => {
                    let (dest, line, alt) = image.take().expect("inside an image");
                    let mut list = take_inline_list(parsed.get_mut(at + 1));
                    if list.is_none() {
                        list = paragraph_list.take().map(|(_, list)| list);
                    }
                    let (html, warning) = media::image_html(&dest, &alt, images, ui_text);
                    warnings.extend(warning.map(|warning| (line, warning)));
                    let html = match list {
                        Some(list) => image_with(html, &list, line, &mut warnings),
                        None => html,
                    };
                    text.push_str(&alt);
                    events.push(Event::InlineHtml(html.into()));
                }
                _ => {}
            }
            continue;
        }
        if let Some((_, _, _, code_text)) = code.as_mut() {
            match event {
                Event::Text(t) => code_text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let (language, file, no_line_numbers, code_text) =
                        code.take().expect("inside a code block");
                    // A diagram's source is not prose: search leaves it out.
                    let html = if is_diagram(&language) {
                        diagram_html(&code_text)
                    } else {
                        text.push_str(&code_text);
                        text.push('\n');
                        code_block_html(&CodeBlock {
                            language: &language,
                            code: &code_text,
                            file: file.as_deref(),
                            no_line_numbers,
                            text: ui_text,
                        })
                    };
                    events.push(Event::Html(format!("{}\n", slots.hold(html)).into()));
                }
                _ => {}
            }
            continue;
        }
        let event = match event {
            // A single `$` is a dollar sign in kramdown, as in prose.
            Event::InlineMath(latex) => Event::Text(format!("${latex}$").into()),
            Event::DisplayMath(latex) => {
                let display = if displayed[at] {
                    math_core::MathDisplay::Block
                } else {
                    math_core::MathDisplay::Inline
                };
                let line = line_of(range.start);
                Event::Text(formulas.push(&latex, display, line, slots).into())
            }
            Event::Start(Tag::BlockQuote(kind)) => {
                let list = claim(&mut block_lists, end_line(&range));
                let callout = match (&list, kind) {
                    (Some(list), _) if attributes::Callout::from_classes(list).is_some() => {
                        attributes::Callout::from_classes(list)
                    }
                    (_, Some(kind)) => Some(attributes::Callout::from_alert(kind)),
                    _ => None,
                };
                if let (Some(list), None) = (&list, callout) {
                    warnings.push((line_of(range.start), unsupported(list)));
                }
                quotes.push(callout.is_some());
                match callout {
                    Some(callout) => Event::Html(callout.open(ui_text).into()),
                    None => Event::Start(Tag::BlockQuote(None)),
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => match quotes.pop() {
                Some(true) => Event::Html("</div>".into()),
                _ => Event::End(TagEnd::BlockQuote(None)),
            },
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                mut attrs,
            }) => {
                // Chirpy keeps a heading out of the contents with `{: data-toc-skip='' }`.
                if let Some(list) = claim(&mut block_lists, end_line(&range)) {
                    if list.classes.is_empty()
                        && list.pairs.iter().all(|(key, _)| key == "data-toc-skip")
                    {
                        attrs.push(("data-toc-skip".into(), Some("".into())));
                    } else {
                        warnings.push((line_of(range.start), unsupported(&list)));
                    }
                }
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::Start(Tag::Paragraph) => {
                if let Some((line, list)) = paragraph_list.take() {
                    warnings.push((line, unsupported(&list)));
                }
                paragraph_list = claim(&mut block_lists, end_line(&range))
                    .map(|list| (line_of(range.start), list));
                Event::Start(Tag::Paragraph)
            }
            Event::End(TagEnd::Paragraph) => {
                if let Some((line, list)) = paragraph_list.take() {
                    warnings.push((line, unsupported(&list)));
                }
                Event::End(TagEnd::Paragraph)
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let list = claim(&mut block_lists, end_line(&range));
                if let Some(list) = &list {
                    let known = list.classes.iter().all(|class| class == "nolineno")
                        && list.pairs.iter().all(|(key, _)| key == "file");
                    if !known {
                        warnings.push((line_of(range.start), unsupported(list)));
                    }
                }
                let language = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => info
                        .split([' ', ',', '{'])
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                code = Some((
                    language,
                    list.as_ref()
                        .and_then(|list| list.get("file"))
                        .map(str::to_owned),
                    list.as_ref().is_some_and(|list| list.has_class("nolineno")),
                    String::new(),
                ));
                continue;
            }
            Event::Code(inline) => match take_inline_list(parsed.get_mut(at + 1)) {
                Some(list) if list.has_class("filepath") => {
                    text.push_str(&inline);
                    prose.push_str(&inline);
                    Event::InlineHtml(
                        format!("<code class=\"filepath\">{}</code>", escape_html(&inline)).into(),
                    )
                }
                Some(list) => {
                    warnings.push((line_of(range.start), unsupported(&list)));
                    Event::Code(inline)
                }
                None => Event::Code(inline),
            },
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some((dest_url.to_string(), line_of(range.start), String::new()));
                continue;
            }
            Event::Html(raw) => {
                let line = line_of(range.start);
                let html = raw_html(&raw, line, &mut html_depth, images, ui_text, &mut warnings);
                Event::Html(html.into())
            }
            Event::InlineHtml(raw) => {
                let line = line_of(range.start);
                let html = raw_html(&raw, line, &mut html_depth, images, ui_text, &mut warnings);
                Event::InlineHtml(html.into())
            }
            Event::FootnoteReference(label) => footnotes.reference(&label),
            Event::TaskListMarker(done) => Event::InlineHtml(
                if done {
                    sanitize::TASK_DONE
                } else {
                    sanitize::TASK_OPEN
                }
                .into(),
            ),
            other => other,
        };
        let is_start = matches!(event, Event::Start(_));
        let Some(event) = markdown_depth.filter(event) else {
            if is_start {
                first_flattened.get_or_insert(line_of(range.start));
            }
            continue;
        };
        match &event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                footnotes.start_note(label);
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
        if let Some(event) = footnotes.keep(event) {
            events.push(event);
        }
    }
    if let Some(line) = first_flattened {
        warnings.push((line, flattened_warning()));
    }
    for list in block_lists {
        warnings.push((list.line, unsupported(&list.attributes)));
    }
    warnings.extend(formulas.typeset(slots));
    // One warning for the post, at the first place flattened.
    warnings.sort_by_key(|(line, _)| *line);
    let flattened = flattened_warning();
    let mut seen_flattened = false;
    warnings.retain(|(_, warning)| {
        *warning != flattened || !std::mem::replace(&mut seen_flattened, true)
    });
    events.extend(footnotes.into_section(ui_text));

    figures::caption_figures(&mut events);
    headings::assign_heading_ids(&mut events);
    let mut html = String::with_capacity(body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, bound_text_runs(events).into_iter());
    Rendered {
        html: sanitize::sanitize(&html),
        text,
        prose,
        warnings,
    }
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect()
}

#[cfg(test)]
mod tests;
