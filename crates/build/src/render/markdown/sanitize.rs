//! Allow-list sanitizing: ordinary document markup stays; script, event handlers and form
//! controls go; only safe URL schemes survive; ids are kept only where geul gave them.

use std::borrow::Cow;

use pulldown_cmark::Event;
use std::sync::OnceLock;

use geul_core::dom_ids::{FOOTNOTE_PREFIX, FOOTNOTE_REFERENCE_PREFIX, RESERVED};

/// Task list items' boxes are written as these before sanitizing, which removes every
/// form control a post writes, and become disabled checkboxes after it.
pub const TASK_OPEN: &str = "<span class=\"task-box\"></span>";
pub const TASK_DONE: &str = "<span class=\"task-box task-box--done\"></span>";
const CHECKBOX_OPEN: &str = "<input type=\"checkbox\" disabled> ";
const CHECKBOX_DONE: &str = "<input type=\"checkbox\" disabled checked> ";

pub fn sanitize(html: &str) -> String {
    static SANITIZER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    let clean = SANITIZER.get_or_init(builder).clean(html).to_string();
    // A class list the allow-list emptied (`<code class="language-rust">`) goes entirely.
    let clean = if clean.contains(" class=\"\"") {
        drop_empty_classes(&clean)
    } else {
        clean
    };
    if clean.contains("task-box") {
        clean
            .replace(TASK_OPEN, CHECKBOX_OPEN)
            .replace(TASK_DONE, CHECKBOX_DONE)
    } else {
        clean
    }
}

/// Removes ` class=""` from the tags of serialized HTML, never from its text.
fn drop_empty_classes(html: &str) -> String {
    super::rewrite_tags(html, |tag| tag.replace(" class=\"\"", ""))
}

fn builder() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tags(["section"])
        .add_tag_attributes("img", ["loading"])
        .add_tag_attributes("span", ["role", "aria-label"])
        .add_tag_attributes("section", ["aria-label"])
        .add_tag_attributes("a", ["id", "aria-label"])
        .add_tag_attributes("li", ["id"])
        .add_allowed_classes("span", ["img-missing", "img-missing__label"])
        .add_allowed_classes("span", ["task-box", "task-box--done"])
        .add_allowed_classes("sup", ["footnote-ref"])
        .add_allowed_classes("a", ["footnote-back"])
        .add_allowed_classes("section", ["footnotes"])
        .add_tag_attributes("div", ["role", "aria-label"])
        .add_allowed_classes(
            "div",
            [
                "callout",
                "callout--tip",
                "callout--info",
                "callout--warning",
                "callout--danger",
            ],
        )
        .add_allowed_classes("p", ["callout__label"])
        .add_allowed_classes("code", ["filepath"])
        .add_allowed_classes("img", super::attributes::IMAGE_CLASSES)
        .attribute_filter(keep_attribute);
    for heading in ["h1", "h2", "h3", "h4", "h5", "h6"] {
        builder.add_tag_attributes(heading, ["id", "data-toc-skip"]);
    }
    builder
}

/// Ids: a heading's may be any slug but the page's own; footnotes' carry their prefix.
fn keep_attribute<'u>(element: &str, attribute: &str, value: &'u str) -> Option<Cow<'u, str>> {
    if attribute != "id" {
        return Some(Cow::Borrowed(value));
    }
    let keep = match element {
        "a" => value.starts_with(FOOTNOTE_REFERENCE_PREFIX),
        "li" => value.starts_with(FOOTNOTE_PREFIX),
        _ => !value.contains(':') && !RESERVED.contains(&value),
    };
    keep.then_some(Cow::Borrowed(value))
}

/// The longest run of text the sanitizer's serializer gets in one piece. It looks for the
/// next `<` or `>` from every `&` (and every `·`, `©`, …) it escapes, to the end of the
/// text: on a megabyte of `&amp;` that took minutes. An empty comment between two pieces
/// keeps them apart as it parses, and is removed with the other comments.
const MAX_TEXT_RUN: usize = 4096;

pub(super) fn bound_text_runs(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut bounded = Vec::with_capacity(events.len());
    let mut run = 0;
    for event in events {
        let Event::Text(text) = event else {
            run = if matches!(event, Event::SoftBreak) {
                run + 1
            } else {
                0
            };
            bounded.push(event);
            continue;
        };
        if run + text.len() <= MAX_TEXT_RUN {
            run += text.len();
            bounded.push(Event::Text(text));
            continue;
        }
        let mut rest: &str = &text;
        while run + rest.len() > MAX_TEXT_RUN {
            let mut cut = MAX_TEXT_RUN.saturating_sub(run).min(rest.len());
            while !rest.is_char_boundary(cut) {
                cut -= 1;
            }
            if cut > 0 {
                bounded.push(Event::Text(rest[..cut].to_owned().into()));
            }
            bounded.push(Event::InlineHtml("<!---->".into()));
            rest = &rest[cut..];
            run = 0;
        }
        run += rest.len();
        bounded.push(Event::Text(rest.to_owned().into()));
    }
    bounded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_controls_go_and_task_boxes_stay() {
        let html = format!(
            "<ul><li>{TASK_DONE} 끝</li><li>{TASK_OPEN} 할 일</li></ul>\
             <input type=\"text\" name=\"q\"><button>누르기</button><select><option>a</option></select>"
        );
        assert_eq!(
            sanitize(&html),
            "<ul><li><input type=\"checkbox\" disabled checked>  끝</li>\
             <li><input type=\"checkbox\" disabled>  할 일</li></ul>누르기a"
        );
    }

    #[test]
    fn ids_are_kept_only_where_geul_gives_them() {
        assert_eq!(
            sanitize("<h2 id=\"geul\">a</h2><h2 id=\"회고\">b</h2><h3 id=\"fn:1\">c</h3>"),
            "<h2>a</h2><h2 id=\"회고\">b</h2><h3>c</h3>"
        );
        assert_eq!(
            sanitize("<p id=\"x\">p</p><a id=\"main\" href=\"#fn:1\">1</a><li id=\"fn:1\">n</li>"),
            "<p>p</p><a rel=\"noopener noreferrer\" href=\"#fn:1\">1</a><li id=\"fn:1\">n</li>"
        );
    }
}
