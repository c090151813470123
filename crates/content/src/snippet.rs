//! Result snippets: the text around a search match, with the match apart so the view can
//! mark it.

use crate::hangul::compose_conjoining;
use crate::search::{fold, Query};

/// A snippet of `text` around the earliest match of any term, if one matches there:
/// (before, match, after) as written, see [`snippet`].
pub fn text_snippet(text: &str, query: &Query, around: Around) -> Option<(String, String, String)> {
    let original: Vec<char> = compose_conjoining(text).chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| fold(c)).collect();
    let first = query
        .terms
        .iter()
        .filter_map(|term| term.find(&folded))
        .min_by_key(|range| range.start)?;
    Some(snippet(&original, first, around))
}

/// How many characters a snippet keeps on each side of its match.
#[derive(Clone, Copy, Debug)]
pub struct Around {
    pub before: usize,
    pub after: usize,
}

/// The text around a match, for a result snippet: (before, match, after), with at most
/// `around` characters on each side and an ellipsis where the text was cut.
pub fn snippet(
    chars: &[char],
    range: std::ops::Range<usize>,
    around: Around,
) -> (String, String, String) {
    let end = range.end.min(chars.len());
    let start = range.start.min(end);
    let from = start.saturating_sub(around.before);
    let to = (end + around.after).min(chars.len());
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
        let three = Around {
            before: 3,
            after: 3,
        };
        let (before, hit, after) = snippet(&chars("가나다라마바사 아자차카타파하"), 8..10, three);
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("…바사 ", "아자", "차카타…")
        );
        let ten = Around {
            before: 10,
            after: 10,
        };
        let (before, _, after) = snippet(&chars("짧은\n글"), 0..2, ten);
        assert_eq!((before.as_str(), after.as_str()), ("", " 글"));
    }

    #[test]
    fn snippets_can_keep_less_before_the_match_than_after() {
        let chars: Vec<char> = "가나다라마바사 아자차카타파하".chars().collect();
        let around = Around {
            before: 1,
            after: 5,
        };
        let (before, hit, after) = snippet(&chars, 8..10, around);
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("… ", "아자", "차카타파하")
        );
    }

    #[test]
    fn a_text_snippets_its_first_match_as_written() {
        let text = "Kubernetes와 MLOps를 다루는 AWS 이야기";
        let four = Around {
            before: 4,
            after: 4,
        };
        let (before, hit, after) = text_snippet(text, &Query::parse("aws mlops"), four).unwrap();
        assert_eq!(
            (before.as_str(), hit.as_str(), after.as_str()),
            ("…es와 ", "MLOps", "를 다루…")
        );
        assert_eq!(text_snippet(text, &Query::parse("없음"), four), None);
    }
}
