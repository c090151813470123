//! The list's state in the URL query: `?tags=a,b&categories=c&mode=and`.
//!
//! Values are comma-separated; each value is percent-encoded on its own (a comma inside a
//! tag becomes `%2C`), so the separator stays readable and every tag survives a round trip.
//! `mode` is written whenever something is selected or OR is chosen; a missing or unknown
//! mode means AND.

use crate::filter::{Mode, Selection};

/// Reads a query string (with or without the leading `?`). Unknown keys are ignored.
pub fn parse_selection(query: &str) -> Selection {
    let mut selection = Selection::default();
    for pair in query.trim_start_matches('?').split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "tags" => selection.tags = parse_list(value),
            "categories" => selection.categories = parse_list(value),
            "mode" if percent_decode(value).eq_ignore_ascii_case("or") => selection.mode = Mode::Or,
            "q" => selection.search = percent_decode(value),
            _ => {}
        }
    }
    selection
}

fn parse_list(value: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in value.split(',').map(percent_decode) {
        let item = item.trim();
        if !item.is_empty() && !items.iter().any(|seen| seen == item) {
            items.push(item.to_owned());
        }
    }
    items
}

/// Writes the selection as a query string without the leading `?`. The plain list (nothing
/// selected, default mode) has a clean URL; a chosen OR is kept even before any facet.
pub fn selection_query(selection: &Selection) -> String {
    let mut parts = Vec::new();
    if !selection.search.is_empty() {
        parts.push(format!("q={}", percent_encode(&selection.search)));
    }
    if selection.is_empty() && selection.mode == Mode::And {
        return parts.join("&");
    }
    if !selection.tags.is_empty() {
        parts.push(format!("tags={}", encode_list(&selection.tags)));
    }
    if !selection.categories.is_empty() {
        parts.push(format!("categories={}", encode_list(&selection.categories)));
    }
    parts.push(format!("mode={}", selection.mode.as_str()));
    parts.join("&")
}

fn encode_list(values: &[String]) -> String {
    values
        .iter()
        .map(|value| percent_encode(value))
        .collect::<Vec<_>>()
        .join(",")
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(HEX[usize::from(byte >> 4)] as char);
            out.push(HEX[usize::from(byte & 15)] as char);
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space, like HTML forms); malformed escapes are kept
/// as written and invalid UTF-8 is replaced rather than rejected.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex_digit(bytes[i + 1]), hex_digit(bytes[i + 2]))
            {
                (Some(high), Some(low)) => {
                    out.push(high << 4 | low);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The value of one hexadecimal digit, either case.
fn hex_digit(byte: u8) -> Option<u8> {
    match byte {
        b'0'..=b'9' => Some(byte - b'0'),
        b'a'..=b'f' => Some(byte - b'a' + 10),
        b'A'..=b'F' => Some(byte - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Mode;

    #[test]
    fn empty_query_selects_nothing_and_means_and() {
        assert_eq!(parse_selection(""), Selection::default());
        assert_eq!(parse_selection("?"), Selection::default());
        assert_eq!(selection_query(&Selection::default()), "");
    }

    #[test]
    fn escapes_decode_in_either_case_and_malformed_ones_stay() {
        assert_eq!(percent_decode("%ea%b0%80%EA%B0%80+a"), "가가 a");
        assert_eq!(percent_decode("100%zz%4"), "100%zz%4");
        assert_eq!(percent_encode("가 a/"), "%EA%B0%80%20a%2F");
    }

    #[test]
    fn korean_tags_round_trip_percent_encoded() {
        let selection = Selection {
            tags: vec!["MLOps".into(), "이직".into()],
            categories: vec!["career".into()],
            mode: Mode::Or,
            ..Selection::default()
        };
        let query = selection_query(&selection);
        assert_eq!(
            query,
            "tags=MLOps,%EC%9D%B4%EC%A7%81&categories=career&mode=or"
        );
        assert_eq!(parse_selection(&query), selection);
    }

    #[test]
    fn raw_korean_in_a_pasted_link_is_accepted() {
        let selection = parse_selection("?tags=MLOps,이직&mode=or");
        assert_eq!(selection.tags, ["MLOps", "이직"]);
        assert_eq!(selection.mode, Mode::Or);
    }

    #[test]
    fn a_comma_inside_a_tag_survives() {
        let selection = Selection {
            tags: vec!["a,b".into(), "c".into()],
            ..Selection::default()
        };
        assert_eq!(parse_selection(&selection_query(&selection)), selection);
    }

    #[test]
    fn duplicates_blanks_and_unknown_keys_are_dropped() {
        let selection = parse_selection("tags=a,,a,%20,b&utm_source=x&mode=AND");
        assert_eq!(selection.tags, ["a", "b"]);
        assert_eq!(selection.mode, Mode::And);
    }

    #[test]
    fn or_is_kept_before_anything_is_selected() {
        let selection = Selection::default().with_mode(Mode::Or);
        assert_eq!(selection_query(&selection), "mode=or");
        assert_eq!(parse_selection("mode=or"), selection);
    }

    #[test]
    fn the_search_text_travels_with_the_filters() {
        let selection = Selection {
            tags: vec!["MLOps".into()],
            search: "카카오 면접".into(),
            ..Selection::default()
        };
        let query = selection_query(&selection);
        assert_eq!(
            query,
            "q=%EC%B9%B4%EC%B9%B4%EC%98%A4%20%EB%A9%B4%EC%A0%91&tags=MLOps&mode=and"
        );
        assert_eq!(parse_selection(&query), selection);
        let only_search = Selection {
            search: "ㄹㅇ".into(),
            ..Selection::default()
        };
        assert_eq!(parse_selection(&selection_query(&only_search)), only_search);
        assert_eq!(parse_selection("q=a+b").search, "a b");
    }

    #[test]
    fn unknown_mode_falls_back_to_and() {
        assert_eq!(parse_selection("tags=a&mode=xor").mode, Mode::And);
    }

    #[test]
    fn malformed_escapes_are_kept_literally() {
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("a+b"), "a b");
    }
}
