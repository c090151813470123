//! Result snippets: the text around a search match, with the match apart so the view can
//! mark it.

use crate::hangul::compose_conjoining;
use crate::search::{fold, Query};

/// A snippet of `text` around the earliest match of any term, if one matches there:
/// (before, match, after) as written, see [`snippet`].
pub fn text_snippet(text: &str, query: &Query, radius: usize) -> Option<(String, String, String)> {
    let original: Vec<char> = compose_conjoining(text).chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| fold(c)).collect();
    let first = query
        .terms
        .iter()
        .filter_map(|term| term.find(&folded))
        .min_by_key(|range| range.start)?;
    Some(snippet(&original, first, radius))
}

/// The text around a match, for a result snippet: (before, match, after), with at most
/// `radius` characters on each side and an ellipsis where the text was cut.
pub fn snippet(
    chars: &[char],
    range: std::ops::Range<usize>,
    radius: usize,
) -> (String, String, String) {
    let end = range.end.min(chars.len());
    let start = range.start.min(end);
    let from = start.saturating_sub(radius);
    let to = (end + radius).min(chars.len());
    let flat = |part: &[char]| {
        part.iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c })
            .collect::<String>()
    };
    let before = format!(
        "{}{}",
        if from > 0 { "…" } else { "" },
        flat(&chars[from..start])
    );
    let after = format!(
        "{}{}",
        flat(&chars[end..to]),
        if to < chars.len() { "…" } else { "" }
    );
    (before, flat(&chars[start..end]), after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_around_the_match() {
        let chars = |text: &str| text.chars().collect::<Vec<_>>();
        let (before, hit, after) = snippet(&chars("가나다라마바사 아자차카타파하"), 8..10, 3);
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("…바사 ", "아자", "차카타…")
        );
        let (before, _, after) = snippet(&chars("짧은\n글"), 0..2, 10);
        assert_eq!((before.as_str(), after.as_str()), ("", " 글"));
    }

    #[test]
    fn a_text_snippets_its_first_match_as_written() {
        let text = "Kubernetes와 MLOps를 다루는 AWS 이야기";
        let (before, hit, after) = text_snippet(text, &Query::parse("aws mlops"), 4).unwrap();
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("…es와 ", "MLOps", "를 다루…")
        );
        assert_eq!(text_snippet(text, &Query::parse("없음"), 4), None);
    }
}
