//! Images in a post: Markdown's `![alt](src)` and raw `<img>` tags alike are checked
//! against the files that may be published ([`crate::render::images`]); anything not shown becomes
//! a labelled placeholder and a warning.

use crate::render::images::{ImageResolver, ImageSource};
use geul_core::ui_text::UiText;

use super::escape_html;

/// The markup for an image reference, and the warning if it is not shown.
pub fn image_html(
    dest: &str,
    alt: &str,
    images: &dyn ImageResolver,
    ui_text: &UiText,
) -> (String, Option<String>) {
    let source = images.resolve(dest);
    let warning = source
        .warning("image", dest)
        .map(|warning| format!("{warning} (shown as a placeholder)"));
    match source {
        ImageSource::Found(src) => (image_tag(&src, alt, images.size(&src)), None),
        _ => (missing_image_placeholder(alt, ui_text), warning),
    }
}

pub fn contains_img(html: &str) -> bool {
    html.as_bytes()
        .windows(4)
        .any(|window| window.eq_ignore_ascii_case(b"<img"))
}

/// Raw `<img>` tags get the same treatment as Markdown images. Returns the new HTML and
/// the warnings.
pub fn rewrite_raw_images(
    html: &str,
    images: &dyn ImageResolver,
    ui_text: &UiText,
) -> (String, Vec<String>) {
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut warnings = Vec::new();
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
        match attribute(tag, "src") {
            Some(src) => {
                let (markup, warning) = image_html(&src, &alt, images, ui_text);
                out.push_str(&markup);
                warnings.extend(warning);
            }
            None => out.push_str(tag),
        }
        copied = end;
        search_from = end;
    }
    out.push_str(&html[copied..]);
    (out, warnings)
}

/// An attribute's value in one HTML tag: `src="a.png"`, `src='a.png'` or `src=a.png`.
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
        return match value.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let inner = &value[1..];
                inner.find(quote).map(|close| inner[..close].to_owned())
            }
            _ => {
                let end = value
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(value.len());
                let unquoted = value[..end].trim_end_matches('/');
                (!unquoted.is_empty()).then(|| unquoted.to_owned())
            }
        };
    }
    None
}

/// What a reader sees instead of a broken-image icon: a framed box with the alt text.
pub fn missing_image_placeholder(alt: &str, ui_text: &UiText) -> String {
    let label = if alt.trim().is_empty() {
        ui_text.image
    } else {
        alt.trim()
    };
    let label = escape_html(label);
    format!(
        "<span class=\"img-missing\" role=\"img\" aria-label=\"{label}\">\
         <span class=\"img-missing__label\">{label}</span></span>"
    )
}

fn image_tag(src: &str, alt: &str, size: Option<(u32, u32)>) -> String {
    let size = size.map_or_else(String::new, |(width, height)| {
        format!(" width=\"{width}\" height=\"{height}\"")
    });
    format!(
        "<img src=\"{}\" alt=\"{}\" loading=\"lazy\"{size}>",
        escape_html(src),
        escape_html(alt)
    )
}

/// The size [`image_tag`] gave an image, and the tag without it.
pub fn without_size(html: &str) -> (String, Option<(u32, u32)>) {
    let sized = || {
        let (rest, height) = html.strip_suffix("\">")?.rsplit_once(" height=\"")?;
        let (rest, width) = rest.rsplit_once(" width=\"")?;
        let size = (width.strip_suffix('"')?.parse().ok()?, height.parse().ok()?);
        rest.starts_with("<img ")
            .then(|| (format!("{rest}>"), Some(size)))
    };
    sized().unwrap_or_else(|| (html.to_owned(), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_written_with_the_tag_comes_off_it() {
        let sized = image_tag("media/a.png", "그림", Some((640, 480)));
        assert_eq!(
            sized,
            "<img src=\"media/a.png\" alt=\"그림\" loading=\"lazy\" width=\"640\" height=\"480\">"
        );
        let plain = image_tag("media/a.png", "그림", None);
        assert_eq!(without_size(&sized), (plain.clone(), Some((640, 480))));
        assert_eq!(without_size(&plain), (plain, None));
    }

    #[test]
    fn attributes_quoted_or_not() {
        assert_eq!(
            attribute("<img src=\"a.png\">", "src").as_deref(),
            Some("a.png")
        );
        assert_eq!(
            attribute("<img src='a b.png'>", "src").as_deref(),
            Some("a b.png")
        );
        assert_eq!(
            attribute("<img src=/.env>", "src").as_deref(),
            Some("/.env")
        );
        assert_eq!(
            attribute("<img src=x.png/>", "src").as_deref(),
            Some("x.png")
        );
        assert_eq!(attribute("<img data-src=\"a\">", "src"), None);
    }
}
