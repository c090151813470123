//! Result snippets: the text around a search's first match, with every match in it apart so
//! the view can mark them.

use std::ops::Range;

use super::hangul::compose_conjoining;
use super::highlight::Matches;
use super::{fold, Query};

/// How many characters a snippet keeps on each side of its first match.
#[derive(Clone, Copy, Debug)]
pub struct Around {
    pub before: usize,
    pub after: usize,
}

/// One run of a snippet's text, as written (whitespace flattened to spaces).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// Whether the run is a match of the query (the view marks it).
    pub hit: bool,
}

/// A snippet of `text` around the earliest match of any term, if one matches there: at
/// most `around` characters before that match and after it, an ellipsis where the text
/// was cut, and every match inside apart. A match that the cut would split is kept whole.
pub fn text_snippet(text: &str, query: &Query, around: Around) -> Option<Vec<Piece>> {
    let original: Vec<char> = compose_conjoining(text).chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| fold(c)).collect();
    let mut matches = Matches::new(&folded, query);
    let first = matches.next()?;
    let from = first.start.saturating_sub(around.before);
    let mut to = (first.end + around.after).min(original.len());
    let mut hits = vec![first];
    for hit in matches {
        if hit.start >= to {
            break;
        }
        to = to.max(hit.end);
        hits.push(hit);
    }
    Some(pieces(&original, from..to, &hits))
}

/// `chars[shown]` cut into plain runs and the `hits` inside it, with an ellipsis on each
/// side where `shown` stops short of the text.
fn pieces(chars: &[char], shown: Range<usize>, hits: &[Range<usize>]) -> Vec<Piece> {
    let mut out = Vec::with_capacity(2 * hits.len() + 1);
    let mut plain = String::new();
    if shown.start > 0 {
        plain.push('…');
    }
    let mut done = shown.start;
    for hit in hits {
        push_flat(&mut plain, &chars[done..hit.start]);
        let mut text = String::new();
        push_flat(&mut text, &chars[hit.clone()]);
        push_piece(&mut out, std::mem::take(&mut plain), false);
        push_piece(&mut out, text, true);
        done = hit.end;
    }
    push_flat(&mut plain, &chars[done..shown.end]);
    if shown.end < chars.len() {
        plain.push('…');
    }
    push_piece(&mut out, plain, false);
    out
}

/// Appends `part` to `out` with each whitespace character as a space (a snippet is one
/// line of prose).
fn push_flat(out: &mut String, part: &[char]) {
    out.extend(
        part.iter()
            .map(|&c| if c.is_whitespace() { ' ' } else { c }),
    );
}

fn push_piece(out: &mut Vec<Piece>, text: String, hit: bool) {
    if !text.is_empty() {
        out.push(Piece { text, hit });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet written out, each match in brackets.
    fn shown(text: &str, query: &str, before: usize, after: usize) -> Option<String> {
        let pieces = text_snippet(text, &Query::parse(query), Around { before, after })?;
        Some(
            pieces
                .iter()
                .map(|piece| match piece.hit {
                    true => format!("[{}]", piece.text),
                    false => piece.text.clone(),
                })
                .collect(),
        )
    }

    #[test]
    fn snippets_cut_around_the_first_match() {
        assert_eq!(
            shown("가나다라마바사 아자차카타파하", "아자", 3, 3).unwrap(),
            "…바사 [아자]차카타…"
        );
        assert_eq!(shown("짧은\n글", "짧은", 10, 10).unwrap(), "[짧은] 글");
    }

    #[test]
    fn snippets_can_keep_less_before_the_match_than_after() {
        assert_eq!(
            shown("가나다라마바사 아자차카타파하", "아자", 1, 5).unwrap(),
            "… [아자]차카타파하"
        );
    }

    #[test]
    fn a_text_snippets_its_first_match_as_written() {
        let text = "Kubernetes와 MLOps를 다루는 AWS 이야기";
        assert_eq!(
            shown(text, "aws mlops", 4, 4).unwrap(),
            "…es와 [MLOps]를 다루…"
        );
        assert_eq!(shown(text, "없음", 4, 4), None);
    }

    #[test]
    fn every_match_inside_the_snippet_is_marked() {
        let text = "데이터를 모으고, 데이터로 배우고, 카카오에서 면접을 봤다";
        assert_eq!(
            shown(text, "데이터", 0, 40).unwrap(),
            "[데이터]를 모으고, [데이터]로 배우고, 카카오에서 면접을 봤다"
        );
        assert_eq!(
            shown(text, "면접 ㅋㅋㅇ", 2, 40).unwrap(),
            "…, [카카오]에서 [면접]을 봤다",
            "every term, in the order they appear, choseong included"
        );
    }

    #[test]
    fn matches_past_the_cut_are_left_out_and_one_across_it_is_kept_whole() {
        let text = "라인 하나 라인 둘 라인 셋";
        assert_eq!(shown(text, "라인", 0, 6).unwrap(), "[라인] 하나 [라인]…");
        assert_eq!(shown(text, "라인", 0, 5).unwrap(), "[라인] 하나 [라인]…");
    }
}
