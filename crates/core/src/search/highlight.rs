//! Marks a search's matches inside a rendered post body, so a reader who opens a result
//! sees where the words are (the body is the build's sanitized HTML).

use std::ops::Range;

use super::hangul::compose_conjoining;
use super::{fold, Query};

/// Class of the `<mark>` elements added around matches.
pub const HIT_CLASS: &str = "search-hit";

/// `html` with every match of `query` in its text wrapped in `<mark class="search-hit">`,
/// or `None` when nothing matches. Tags and character references are copied untouched; a
/// match does not cross them.
pub fn mark_matches(html: &str, query: &Query) -> Option<String> {
    if query.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(html.len() + 256);
    let mut marked = false;
    let mut rest = html;
    while !rest.is_empty() {
        let end = if rest.starts_with('<') {
            tag_len(rest)
        } else if rest.starts_with('&') {
            reference_len(rest)
        } else {
            0
        };
        if end > 0 {
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find(['<', '&']).unwrap_or(rest.len());
        marked |= mark_text(&rest[..end], query, &mut out);
        rest = &rest[end..];
    }
    marked.then_some(out)
}

/// Length of the tag at the start of `html`, quoted attribute values included (they may
/// hold `>`).
fn tag_len(html: &str) -> usize {
    let mut quote = None;
    for (at, c) in html.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), _) if q == c => quote = None,
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    html.len()
}

/// Length of the character reference (`&amp;`, `&#39;`) at the start of `html`; a lone
/// `&` counts as one character of its own.
fn reference_len(html: &str) -> usize {
    let name = html[1..]
        .char_indices()
        .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == '#')
        .last()
        .map_or(0, |(at, c)| at + c.len_utf8());
    if name > 0 && html[1 + name..].starts_with(';') {
        name + 2
    } else {
        1
    }
}

/// Appends `text` to `out` with its matches marked; true if there was one.
fn mark_text(text: &str, query: &Query, out: &mut String) -> bool {
    let original: Vec<char> = compose_conjoining(text).chars().collect();
    let folded: Vec<char> = original.iter().map(|&c| fold(c)).collect();
    let (mut done, mut marked) = (0, false);
    for hit in Matches::new(&folded, query) {
        out.extend(&original[done..hit.start]);
        out.push_str("<mark class=\"");
        out.push_str(HIT_CLASS);
        out.push_str("\">");
        out.extend(&original[hit.clone()]);
        out.push_str("</mark>");
        done = hit.end;
        marked = true;
    }
    out.extend(&original[done..]);
    marked
}

/// The matches of a query's terms in a text (folded characters), in the order they start:
/// where two overlap, the one starting first (or, starting together, the longer) is taken
/// and the other left out. Each term is searched again only once the last match passed its
/// next one, so a long text costs one pass per term.
pub struct Matches<'a> {
    folded: &'a [char],
    terms: &'a [super::Term],
    /// Each term's next match at or after `done`; an empty range until it is looked for
    /// (a match is never empty).
    next: Vec<Option<Range<usize>>>,
    done: usize,
}

impl<'a> Matches<'a> {
    pub fn new(folded: &'a [char], query: &'a Query) -> Self {
        Matches {
            folded,
            terms: &query.terms,
            next: vec![Some(0..0); query.terms.len()],
            done: 0,
        }
    }
}

impl Iterator for Matches<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let (folded, done) = (self.folded, self.done);
        for (term, slot) in self.terms.iter().zip(self.next.iter_mut()) {
            if slot
                .as_ref()
                .is_some_and(|hit| hit.is_empty() || hit.start < done)
            {
                *slot = term
                    .find(&folded[done..])
                    .map(|found| found.start + done..found.end + done);
            }
        }
        let hit = self
            .next
            .iter()
            .flatten()
            .min_by_key(|hit| (hit.start, std::cmp::Reverse(hit.end)))
            .cloned()?;
        self.done = hit.end;
        Some(hit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(html: &str, query: &str) -> Option<String> {
        mark_matches(html, &Query::parse(query))
    }

    #[test]
    fn every_match_in_the_text_is_marked() {
        assert_eq!(
            marked("<p>라인에서 라인으로</p>", "라인").unwrap(),
            "<p><mark class=\"search-hit\">라인</mark>에서 <mark class=\"search-hit\">라인</mark>으로</p>"
        );
    }

    #[test]
    fn all_terms_and_the_korean_rules_apply() {
        let html = marked("<p>카카오 면접에서 코드를 봤다</p>", "ㅋㅋㅇ 콛").unwrap();
        assert!(
            html.contains("<mark class=\"search-hit\">카카오</mark>"),
            "{html}"
        );
        assert!(
            html.contains("<mark class=\"search-hit\">코드</mark>"),
            "{html}"
        );
    }

    #[test]
    fn tags_attributes_and_references_are_left_alone() {
        let html = r#"<p><a href="https://line.me/라인" title="a > 라인">링크</a> AT&amp;T &lt;aws&gt;</p>"#;
        let out = marked(html, "라인").map(|_| ());
        assert_eq!(out, None, "only attribute values contain 라인");
        let out = marked(html, "amp").map(|_| ());
        assert_eq!(out, None, "a reference is not text");
        let out = marked(html, "aws").unwrap();
        assert!(
            out.ends_with("&lt;<mark class=\"search-hit\">aws</mark>&gt;</p>"),
            "{out}"
        );
    }

    #[test]
    fn latin_is_marked_as_written_whatever_the_case() {
        let out = marked("<p>Kubernetes와 MLOps</p>", "mlops").unwrap();
        assert!(out.contains("<mark class=\"search-hit\">MLOps</mark>"));
    }

    #[test]
    fn nothing_to_mark_gives_none() {
        assert_eq!(marked("<p>본문</p>", "없음"), None);
        assert_eq!(marked("<p>본문</p>", "  "), None);
    }

    #[test]
    fn overlapping_terms_mark_the_earliest_longest_once() {
        let out = marked("<p>카카오톡</p>", "카카 카카오").unwrap();
        assert_eq!(out, "<p><mark class=\"search-hit\">카카오</mark>톡</p>");
    }
}
