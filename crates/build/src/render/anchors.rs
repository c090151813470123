//! Each section heading's `#` link: shown on hover and focus, it leads to the section and
//! the body script copies its address (`static/enhance.js`).

use geul_core::ui_text::UiText;

/// Marks a body that has anchors, so it gets the body script.
pub const ANCHOR_MARK: &str = "<a class=\"heading-anchor\"";

/// `html` (sanitized) with a `#` link at the end of every `<h2>`–`<h4>` that has an id,
/// labelled in the site's language.
pub fn add_heading_anchors(html: &str, ui_text: &UiText) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut rest = html;
    while let Some(at) = rest.find("<h") {
        let (before, tag) = rest.split_at(at);
        out.push_str(before);
        let level = tag.as_bytes().get(2).copied();
        let opens_section =
            matches!(level, Some(b'2'..=b'4')) && tag.as_bytes().get(3) == Some(&b' ');
        let anchored = opens_section
            .then(|| {
                let open_end = tag.find('>')?;
                let id = id_of(&tag[..open_end])?;
                let close = format!("</h{}>", char::from(level?));
                let inner_end = tag.find(&close)?;
                Some((id, inner_end, close.len()))
            })
            .flatten();
        match anchored {
            Some((id, inner_end, close_len)) => {
                out.push_str(&tag[..inner_end]);
                out.push_str(&format!(
                    "<a class=\"heading-anchor\" href=\"#{id}\" aria-label=\"{}\" data-copied=\"{}\">#</a>",
                    ui_text.copy_section_link, ui_text.link_copied
                ));
                out.push_str(&tag[inner_end..inner_end + close_len]);
                rest = &tag[inner_end + close_len..];
            }
            None => {
                out.push_str("<h");
                rest = &tag[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `id` of an opening tag, as written (escaped).
fn id_of(open: &str) -> Option<&str> {
    let start = open.find(" id=\"")? + " id=\"".len();
    let length = open[start..].find('"')?;
    Some(&open[start..start + length])
}

#[cfg(test)]
mod tests {
    use super::*;
    use geul_core::ui_text::KOREAN;

    #[test]
    fn sections_get_an_anchor_and_other_headings_do_not() {
        let html = "<h1>제목</h1><h2 id=\"a\">가 <code>b</code></h2><p>x</p><h3 id=\"a-1\">나</h3>\
                    <h5 id=\"deep\">깊음</h5><h2>id 없음</h2><hr>";
        assert_eq!(
            add_heading_anchors(html, &KOREAN),
            "<h1>제목</h1><h2 id=\"a\">가 <code>b</code><a class=\"heading-anchor\" href=\"#a\" \
             aria-label=\"이 절의 링크 복사\" data-copied=\"링크를 복사했습니다\">#</a></h2><p>x</p><h3 id=\"a-1\">나<a \
             class=\"heading-anchor\" href=\"#a-1\" aria-label=\"이 절의 링크 복사\" \
             data-copied=\"링크를 복사했습니다\">#</a></h3>\
             <h5 id=\"deep\">깊음</h5><h2>id 없음</h2><hr>"
        );
    }

    #[test]
    fn text_without_headings_is_unchanged() {
        for html in ["", "<p>h2</p>", "<hr><h", "<h2 id=\"x\">unclosed"] {
            assert_eq!(add_heading_anchors(html, &KOREAN), html);
        }
    }
}
