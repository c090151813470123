//! What a post shows before its text, written by the build into the body: its description,
//! when it was last changed, who wrote it, its cover image, and its table of contents. The
//! static page and the app show the body, so both show these, and the app's code does not
//! grow with them.

use geul_core::ui_text::UiText;
use geul_core::PostDate;

use super::images::{ImageResolver, ImageSource};
use super::markdown::escape_html;

/// A post's cover (Chirpy's `image`): the image, its alt text, and a small placeholder
/// shown blurred while it loads (`lqip`, usually a data URL).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cover {
    pub src: String,
    pub alt: String,
    pub placeholder: Option<String>,
    /// The image's width and height in pixels, when the build could read them.
    pub size: Option<(u32, u32)>,
}

impl Cover {
    /// The cover of an image found at `src`, with the alt text and placeholder Chirpy's
    /// `image: { path, alt, lqip }` gives (`lqip`: a data URL, or a file of the site).
    pub fn from_front_matter(
        src: &str,
        image: Option<&yaml_serde::Value>,
        images: &dyn ImageResolver,
    ) -> Cover {
        let placeholder = cover_text(image, "lqip").and_then(|lqip| {
            if lqip.starts_with("data:image/") {
                return Some(lqip);
            }
            match images.resolve(&lqip) {
                ImageSource::Found(src) => Some(src),
                _ => None,
            }
        });
        Cover {
            src: src.to_owned(),
            alt: cover_text(image, "alt").unwrap_or_default(),
            placeholder,
            size: images.size(src),
        }
    }
}

/// A text field of Chirpy's `image: { path, alt, lqip }`.
fn cover_text(value: Option<&yaml_serde::Value>, key: &str) -> Option<String> {
    let text = value?.get(key)?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Everything the lead may show.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lead<'a> {
    pub description: Option<&'a str>,
    pub updated: Option<PostDate>,
    pub authors: &'a [String],
    pub cover: Option<Cover>,
}

/// The lead's markup, its words in the site's language; empty when there is nothing to show.
pub fn lead_html(lead: &Lead, ui_text: &UiText) -> String {
    let mut html = String::new();
    if let Some(description) = lead
        .description
        .map(str::trim)
        .filter(|text| !text.is_empty())
    {
        html += &format!(
            "<p class=\"post-lead__description\">{}</p>",
            escape_html(description)
        );
    }
    let mut facts = Vec::new();
    if let Some(updated) = lead.updated {
        facts.push(format!(
            "{} <time datetime=\"{}\">{}</time>",
            ui_text.updated,
            updated.iso(),
            ui_text.app.date(&updated)
        ));
    }
    if !lead.authors.is_empty() {
        let names: Vec<String> = lead.authors.iter().map(|name| escape_html(name)).collect();
        facts.push(format!("{} {}", ui_text.authors, names.join(", ")));
    }
    if !facts.is_empty() {
        html += "<p class=\"post-lead__facts\">";
        html += &facts
            .iter()
            .map(|fact| format!("<span>{fact}</span>"))
            .collect::<String>();
        html += "</p>";
    }
    if let Some(cover) = &lead.cover {
        // The placeholder is a background the image covers once it has loaded.
        let placeholder = cover.placeholder.as_deref().map_or(String::new(), |url| {
            format!(
                " style=\"background-image: url(&quot;{}&quot;)\"",
                escape_html(url)
            )
        });
        let size = cover.size.map_or(String::new(), |(width, height)| {
            format!(" width=\"{width}\" height=\"{height}\"")
        });
        html += &format!(
            "<figure class=\"post-cover\"{placeholder}><img src=\"{}\" alt=\"{}\"{size}></figure>",
            escape_html(&cover.src),
            escape_html(&cover.alt)
        );
    }
    html
}

/// A table of contents from the `<h2>` and `<h3>` of sanitized `html` that have ids,
/// skipping those marked `data-toc-skip`; `None` with fewer than two entries.
pub fn table_of_contents(html: &str, ui_text: &UiText) -> Option<String> {
    let mut entries: Vec<(u8, &str, String)> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let tag = &rest[at..];
        rest = &rest[at + 2..];
        let level = match tag.as_bytes().get(2) {
            Some(b'2') => 2,
            Some(b'3') => 3,
            _ => continue,
        };
        let Some(open_end) = tag.find('>') else { break };
        let open = &tag[..open_end];
        if !matches!(open.as_bytes().get(3), Some(b' ')) || open.contains(" data-toc-skip") {
            continue;
        }
        let Some(id) = attribute(open, "id") else {
            continue;
        };
        let close = format!("</h{level}>");
        let Some(inner_end) = tag.find(&close) else {
            break;
        };
        let text = text_of(&tag[open_end + 1..inner_end]);
        entries.push((level, id, text));
    }
    if entries.len() < 2 {
        return None;
    }
    let mut list = String::from("<ol>");
    let mut in_sub = false;
    for (index, (level, id, text)) in entries.iter().enumerate() {
        if *level == 3 && !in_sub && index > 0 {
            list.truncate(list.len() - "</li>".len());
            list += "<ol>";
            in_sub = true;
        } else if *level == 2 && in_sub {
            list += "</ol></li>";
            in_sub = false;
        }
        list += &format!("<li><a href=\"#{id}\">{text}</a></li>");
    }
    if in_sub {
        list += "</ol></li>";
    }
    list += "</ol>";
    Some(format!(
        "<nav class=\"toc\" aria-label=\"{label}\"><details><summary>{label}</summary>{list}</details></nav>",
        label = ui_text.contents
    ))
}

/// A double-quoted attribute's value in an opening tag.
fn attribute<'t>(open: &'t str, name: &str) -> Option<&'t str> {
    let start = open.find(&format!(" {name}=\""))? + name.len() + 3;
    let length = open[start..].find('"')?;
    Some(&open[start..start + length])
}

/// Serialized HTML's text, still escaped, without its tags.
fn text_of(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use geul_core::ui_text::{ENGLISH, KOREAN};

    #[test]
    fn the_contents_nest_h3_under_h2_and_skip_what_is_marked() {
        let html = "<h2 id=\"a\">가 <code>b</code></h2><p>x</p><h3 id=\"a-1\">나</h3>\
                    <h3 id=\"a-2\" data-toc-skip=\"\">숨김</h3><h2 id=\"c\">다 &amp; 라</h2>\
                    <h4 id=\"d\">깊음</h4>";
        assert_eq!(
            table_of_contents(html, &KOREAN).unwrap(),
            "<nav class=\"toc\" aria-label=\"목차\"><details><summary>목차</summary><ol>\
             <li><a href=\"#a\">가 b</a><ol><li><a href=\"#a-1\">나</a></li></ol></li>\
             <li><a href=\"#c\">다 &amp; 라</a></li></ol></details></nav>"
        );
        assert_eq!(
            table_of_contents("<h2 id=\"only\">하나</h2>", &KOREAN),
            None
        );
    }

    #[test]
    fn the_lead_shows_what_the_front_matter_gives() {
        let authors = ["구국원".to_owned(), "Kim & Lee".to_owned()];
        let lead = Lead {
            description: Some("한 줄 소개"),
            updated: Some(PostDate {
                year: 2024,
                month: 3,
                day: 9,
                timestamp: 0,
            }),
            authors: &authors,
            cover: Some(Cover {
                src: "assets/cover.png".into(),
                alt: "표지".into(),
                placeholder: Some("data:image/webp;base64,AAAA".into()),
                size: Some((1200, 630)),
            }),
        };
        assert_eq!(
            lead_html(&lead, &KOREAN),
            "<p class=\"post-lead__description\">한 줄 소개</p><p class=\"post-lead__facts\">\
             <span>수정 <time datetime=\"2024-03-09\">2024년 3월 9일</time></span>\
             <span>글쓴이 구국원, Kim &amp; Lee</span></p>\
             <figure class=\"post-cover\" style=\"background-image: url(&quot;data:image/webp;base64,AAAA&quot;)\">\
             <img src=\"assets/cover.png\" alt=\"표지\" width=\"1200\" height=\"630\"></figure>"
        );
        assert_eq!(lead_html(&Lead::default(), &KOREAN), "");
    }

    #[test]
    fn an_english_site_writes_its_lead_and_contents_in_english() {
        let authors = ["Kim".to_owned()];
        let lead = Lead {
            updated: Some(PostDate {
                year: 2024,
                month: 3,
                day: 9,
                timestamp: 0,
            }),
            authors: &authors,
            ..Lead::default()
        };
        assert_eq!(
            lead_html(&lead, &ENGLISH),
            "<p class=\"post-lead__facts\">\
             <span>Updated <time datetime=\"2024-03-09\">Mar 9, 2024</time></span>\
             <span>By Kim</span></p>"
        );
        let contents = table_of_contents("<h2 id=\"a\">a</h2><h2 id=\"b\">b</h2>", &ENGLISH);
        assert!(contents.unwrap().starts_with(
            "<nav class=\"toc\" aria-label=\"Contents\"><details><summary>Contents</summary>"
        ));
    }
}
