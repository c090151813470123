//! Korean-aware matching of a search query against text.
//!
//! - Terms are substrings, so particles and endings do not matter (`라인` finds `라인에서`).
//! - Several terms must all match (`카카오 면접`).
//! - A term of initial consonants only matches syllables by their initials (`ㄹㅇ` → `라인`).
//! - The last character may still be in composition: `콛` (코 + ㄷ on the way to 코드)
//!   finds `코드`, `앍` (알 + ㄱ, on the way to 알고) finds `알고`, `달` finds `닭`, `라`
//!   finds `락`, a lone `ㄷ` finds any syllable starting with ㄷ.
//! - Latin letters match without regard to case; decomposed (NFD) Hangul is composed first;
//!   every other character, `+`, `(` or `*` included, is matched as itself.

/// Longest query considered, in characters (the rest is ignored).
pub const MAX_QUERY_CHARS: usize = 200;

/// How the last character of a term may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    /// Exactly this character.
    Exact(char),
    /// A syllable with no final yet: any syllable with the same initial and vowel.
    Open(Syllable),
    /// A syllable whose final may yet change: the syllable itself, the same with a double
    /// final it can grow into (`달` → `닭`), or `rest` followed by a syllable starting with
    /// `moved` (`콛` → `코드`, `앍` → `알고`; see [`Syllable::split_final`]).
    WithFinal {
        syllable: Syllable,
        rest: char,
        moved: char,
    },
    /// A consonant typed on its own: any syllable that starts with it.
    Initial(char),
}

/// One search term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Term {
    /// Characters matched exactly, then a last character matched leniently.
    Text { head: Vec<char>, last: LastChar },
    /// Initial consonants of consecutive syllables (`ㄹㅇ`).
    Initials(Vec<char>),
}

/// The lenient last character of a text term (opaque; see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LastChar(Last);

/// A parsed query: every term must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

/// Characters compared without case. Latin only: Hangul has no case, and full Unicode case
/// tables would cost wasm for scripts these posts do not use (docs/PERFORMANCE.md).
pub(crate) fn fold(c: char) -> char {
    c.to_ascii_lowercase()
}

impl Query {
    /// Reads what the reader typed. Blank input gives an empty query, which matches all.
    pub fn parse(raw: &str) -> Query {
        let limited: String = raw.chars().take(MAX_QUERY_CHARS).collect();
        let text = compose_conjoining(&limited);
        let terms = text.split_whitespace().map(Term::parse).collect();
        Query { terms }
    }

    /// True when there is nothing to search for.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether every term occurs in `text`.
    pub fn matches(&self, text: &str) -> bool {
        let chars = folded(text);
        self.terms.iter().all(|term| term.find(&chars).is_some())
    }
}

/// The text as characters, case-folded and with decomposed Hangul composed, ready for
/// [`Term::find`]. (The build can store this so typing never re-reads bodies.)
pub fn folded(text: &str) -> Vec<char> {
    compose_conjoining(text).chars().map(fold).collect()
}

impl Term {
    fn parse(word: &str) -> Term {
        let chars: Vec<char> = word.chars().map(fold).collect();
        if chars.iter().all(|&c| is_initial_jamo(c)) {
            return Term::Initials(chars);
        }
        let (&last, head) = chars
            .split_last()
            .expect("split_whitespace gives no empty word");
        let last = match Syllable::of(last) {
            Some(s) if s.final_ == 0 => Last::Open(s),
            Some(s) => match s.split_final() {
                Some((rest, moved)) => Last::WithFinal {
                    syllable: s,
                    rest: rest.to_char(),
                    moved,
                },
                None => Last::Exact(last),
            },
            None if is_initial_jamo(last) => Last::Initial(last),
            None => Last::Exact(last),
        };
        Term::Text {
            head: head.to_vec(),
            last: LastChar(last),
        }
    }

    /// The first match in `text` (folded characters) as a character range.
    pub fn find(&self, text: &[char]) -> Option<std::ops::Range<usize>> {
        match self {
            Term::Initials(initials) => (0..text.len()).find_map(|start| {
                let window = text.get(start..start + initials.len())?;
                let all = window
                    .iter()
                    .zip(initials)
                    .all(|(&c, &i)| initial_of(c) == Some(i));
                all.then(|| start..start + initials.len())
            }),
            Term::Text { head, last } => (0..text.len()).find_map(|start| {
                let after_head = start + head.len();
                // A slice comparison calls `memcmp`, at every position: skipped when there
                // is no head (one character typed so far), the costliest terms to scan for.
                if !head.is_empty() && text.get(start..after_head)? != head.as_slice() {
                    return None;
                }
                let end = last_matches(last.0, text, after_head)?;
                Some(start..end)
            }),
        }
    }
}

impl Term {
    /// The character this term was typed as, when it is one character: the key of its
    /// shortcut in the search index (parsing that character gives this term back).
    pub fn as_single_char(&self) -> Option<char> {
        match self {
            Term::Initials(initials) if initials.len() == 1 => Some(initials[0]),
            Term::Text { head, last } if head.is_empty() => match last.0 {
                Last::Exact(c) | Last::Initial(c) => Some(c),
                Last::Open(s) | Last::WithFinal { syllable: s, .. } => Some(s.to_char()),
            },
            _ => None,
        }
    }
}

/// Where a match ends if the last character matches at `at`.
fn last_matches(last: Last, text: &[char], at: usize) -> Option<usize> {
    let c = *text.get(at)?;
    match last {
        Last::Exact(wanted) => (c == wanted).then_some(at + 1),
        Last::Initial(initial) => (initial_of(c) == Some(initial)).then_some(at + 1),
        Last::Open(open) => {
            let s = Syllable::of(c)?;
            (s.open() == open).then_some(at + 1)
        }
        Last::WithFinal {
            syllable,
            rest,
            moved,
        } => {
            let grown = || Syllable::of(c).is_some_and(|s| syllable.grows_into(s));
            if c == syllable.to_char() || grown() {
                return Some(at + 1);
            }
            let next = *text.get(at + 1)?;
            (c == rest && initial_of(next) == Some(moved)).then_some(at + 2)
        }
    }
}

/// What search reads of one post; the build indexes these.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchDoc {
    /// The title.
    pub title: String,
    /// Categories and tags, separated by spaces.
    pub facets: String,
    /// The readable text of the body (NFC, so characters line up with [`folded`]).
    pub text: String,
}

/// A document folded once: the reference scan that [`rank`] runs, which the index must
/// agree with, and what the build compares it against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub title: Vec<char>,
    pub facets: Vec<char>,
    pub text: Vec<char>,
}

impl Prepared {
    pub fn new(doc: &SearchDoc) -> Prepared {
        Prepared {
            title: folded(&doc.title),
            facets: folded(&doc.facets),
            text: folded(&doc.text),
        }
    }
}

/// The posts (positions in `docs`) among `candidates` that match every term, best first:
/// more terms in the title, then more in tags and categories, then more in the text; ties
/// keep the candidates' order (the list's: pinned, newest).
pub fn rank(
    docs: &[Prepared],
    candidates: impl Iterator<Item = usize>,
    query: &Query,
) -> Vec<usize> {
    let mut scored: Vec<(usize, [usize; 3])> = candidates
        .filter_map(|id| {
            let doc = docs.get(id)?;
            let mut score = [0usize; 3];
            for term in &query.terms {
                let hits =
                    [&doc.title, &doc.facets, &doc.text].map(|field| term.find(field).is_some());
                if !hits.iter().any(|hit| *hit) {
                    return None;
                }
                for (count, hit) in score.iter_mut().zip(hits) {
                    *count += usize::from(hit);
                }
            }
            Some((id, score))
        })
        .collect();
    scored.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
    scored.into_iter().map(|(id, _)| id).collect()
}

mod hangul;
mod highlight;
mod index;
mod narrow;
mod signature;
mod snippet;

pub use hangul::{compose_conjoining, from_2beolsik, initial_of, is_initial_jamo, Syllable};
pub use highlight::{mark_matches, Matches, HIT_CLASS};
pub use index::{SearchIndex, TextChunk, FIELD_FACETS, FIELD_TEXT, FIELD_TITLE, TEXT_CHUNK_POSTS};
pub use signature::word_signature;
pub use snippet::{text_snippet, Around, Piece};

#[cfg(test)]
mod tests;
