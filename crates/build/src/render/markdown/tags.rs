//! Rewriting the tags of sanitized HTML, and escaping text into it.

/// Points the in-page links of sanitized `html` (`href="#x"`) at `page` (`posts/a/#x`):
/// with `<base href>` a bare `#x` would lead to the site's home. Only attributes change,
/// never text: outside its tags, sanitized HTML has no `<`, and inside one, values are
/// double-quoted.
pub fn point_in_page_links(html: &str, page: &str) -> String {
    let in_page = format!(" href=\"{page}#");
    rewrite_tags(html, |tag| tag.replace(" href=\"#", &in_page))
}

/// Serialized HTML with each tag (from its `<` to its `>`) passed through `rewrite`, and
/// its text left as it is. Outside its tags, sanitized HTML has no `<`, and inside one,
/// values are double-quoted.
pub(crate) fn rewrite_tags(html: &str, rewrite: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let mut in_value = false;
        let mut end = rest.len();
        for (at, byte) in rest.bytes().enumerate().skip(start) {
            match byte {
                b'"' => in_value = !in_value,
                b'>' if !in_value => {
                    end = at + 1;
                    break;
                }
                _ => {}
            }
        }
        out.push_str(&rewrite(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
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
