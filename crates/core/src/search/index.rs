//! The search index: every distinct word of the posts, with the posts and fields it occurs
//! in, written by the build and fetched on the first search.
//!
//! A term never contains whitespace, so wherever it matches a text it matches inside one
//! whitespace-separated word. Matching the term against each distinct word once and joining
//! the postings of the words it matches therefore finds exactly the posts that scanning
//! every text would ([`crate::search::rank`] is that scan, and the tests hold the two equal),
//! while reading a vocabulary that grows far slower than the posts do.
//!
//! The first key of a search (`ㄹ`, `m`, `카`) matches a large share of the vocabulary,
//! and joining all those words' postings was the slowest keystroke of all. The build
//! therefore joins the costliest one-character terms once and stores the result as
//! shortcuts (the index writer's `SearchIndexFile::shortcuts`).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use super::{word_signature, Query, Term};
use crate::wire::{Damaged, FileKind, Reader, Writer};

/// Where a word occurs in a post, as bits.
pub const FIELD_TITLE: u8 = 1;
pub const FIELD_FACETS: u8 = 2;
pub const FIELD_TEXT: u8 = 4;

/// What a post's score gains from one term, by the fields the post has it in (the bits
/// above): a title counts above tags and categories, which count above the text. A post
/// without the term gains [`MISSING_TERM`] instead, which no score of found terms reaches
/// (255 terms at most, 8 bits each).
const SCORE_OF_FIELDS: [u32; 8] = {
    let mut table = [MISSING_TERM; 8];
    let mut fields = 1;
    while fields < 8 {
        table[fields] = ((fields as u32 & FIELD_TITLE as u32) << 16)
            | (((fields as u32 & FIELD_FACETS as u32) != 0) as u32) << 8
            | ((fields as u32 & FIELD_TEXT as u32) != 0) as u32;
        fields += 1;
    }
    table
};
const MISSING_TERM: u32 = 1 << 24;

/// How many posts' texts share one text chunk (fetched for result snippets).
pub const TEXT_CHUNK_POSTS: usize = 64;

/// One word of the vocabulary, ready to be matched.
#[derive(Debug)]
struct Word {
    /// Its characters, in [`SearchIndex::chars`].
    chars: Range<usize>,
    signature: u64,
    /// Its postings, in [`SearchIndex::bytes`].
    postings: Range<usize>,
}

/// How many recent terms keep their joined postings (see [`SearchIndex::term_fields`]).
const RECENT_TERMS: usize = 4;

/// A term searched lately, kept so that typing on does not search from scratch.
#[derive(Debug)]
struct Recent {
    term: Term,
    /// For every post, the fields (bits) it has the term in.
    fields: Rc<Vec<u8>>,
    /// The words (positions in [`SearchIndex::words`]) the term matched; `None` when its
    /// postings came from a shortcut, which matches words without reading them.
    words: Option<Rc<Vec<u32>>>,
}

/// The index, read and ready to search.
#[derive(Debug)]
pub struct SearchIndex {
    posts: usize,
    words: Vec<Word>,
    /// Every word's characters, one after the other: one allocation instead of one per
    /// word (100,000 of them at 100,000 posts).
    chars: Vec<char>,
    /// How many of the last words are shortcuts (see the index writer's `SearchIndexFile::shortcuts`).
    shortcuts: usize,
    /// The file as fetched. The postings are read where they are: on a large site, copying
    /// them would lengthen the task in which the index arrives.
    bytes: Vec<u8>,
    /// Paths of the text chunks (see `SearchIndexFile::text_chunks`).
    pub text_chunks: Vec<String>,
    /// The last terms searched, newest first: while the reader types the second word of
    /// `카카오 면접` the first is not joined again, and a term typed further (`라` → `라이`)
    /// reads only the words the shorter one matched.
    recent: RefCell<Vec<Recent>>,
}

impl SearchIndex {
    /// Reads an index written by the build's `SearchIndexFile::to_bytes`.
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, Damaged> {
        SearchIndex::from_vec(bytes.to_vec())
    }

    /// [`SearchIndex::from_bytes`], keeping `bytes` instead of copying from it.
    pub fn from_vec(bytes: Vec<u8>) -> Result<SearchIndex, Damaged> {
        let mut r = Reader::file(&bytes, FileKind::SearchIndex)?;
        // The same fields as `SearchIndexFile::from_bytes`, borrowed where they are big.
        let layout = (|| {
            let posts = r.u32()? as usize;
            let words = std::str::from_utf8(r.bytes()?).ok()?;
            let postings = r.bytes()?;
            let ends = r.list(Reader::u32)?;
            let shortcuts = r.u32()? as usize;
            let text_chunks = r.list(Reader::string)?;
            Some((posts, words, postings, ends, shortcuts, text_chunks))
        })();
        let (posts, words, postings, ends, shortcuts, text_chunks) =
            layout.filter(|_| r.is_done()).ok_or(Damaged::Garbled)?;
        let lines = words.split_terminator('\n');
        if lines.clone().count() != ends.len() || shortcuts > ends.len() {
            return Err(Damaged::Garbled);
        }
        let offset = postings.as_ptr() as usize - bytes.as_ptr() as usize;
        let mut chars = Vec::with_capacity(words.chars().count());
        let mut start = 0;
        let mut vocabulary = Vec::with_capacity(ends.len());
        for (word, &end) in lines.zip(&ends) {
            let end = end as usize;
            if end < start || end > postings.len() {
                return Err(Damaged::Garbled);
            }
            let first = chars.len();
            chars.extend(word.chars());
            vocabulary.push(Word {
                signature: word_signature(&chars[first..]),
                chars: first..chars.len(),
                postings: offset + start..offset + end,
            });
            start = end;
        }
        Ok(SearchIndex {
            posts,
            words: vocabulary,
            chars,
            shortcuts,
            bytes,
            text_chunks,
            recent: RefCell::default(),
        })
    }

    /// Number of posts indexed.
    pub fn len(&self) -> usize {
        self.posts
    }

    pub fn is_empty(&self) -> bool {
        self.posts == 0
    }

    /// The posts (positions in the site index) that match every term, best first: more
    /// terms in the title, then more in tags and categories, then more in the text; ties
    /// keep the index's order (pinned, newest). The same result as [`crate::search::rank`]
    /// over all posts.
    pub fn search(&self, query: &Query) -> Vec<usize> {
        // Each post's score: title, facet and text counts packed below bit 24 so that
        // comparing the numbers compares them in that order, and above it the terms the
        // post lacks. One addition per post and term, looked up by the fields: at 100,000
        // posts this loop is most of a keystroke's search.
        // The loops index instead of zipping or filtering iterators: at the size-optimised
        // level the app is built at, every step of an iterator adapter is a call.
        // (A `Vec`'s indexing is a call there too, a slice's is not.)
        let mut scores = vec![0u32; self.posts];
        for term in query.terms.iter().take(255) {
            let fields = self.term_fields(term);
            let (score, fields) = (scores.as_mut_slice(), fields.as_slice());
            let posts = score.len().min(fields.len());
            let mut post = 0;
            while post < posts {
                score[post] += SCORE_OF_FIELDS[usize::from(fields[post] & 7)];
                post += 1;
            }
        }
        best_first(scores, query.terms.len().min(255))
    }

    /// The words without the shortcuts, and the shortcut for `term` if it has one.
    fn shortcut_of(&self, term: &Term) -> (&[Word], Option<&Word>) {
        let (words, shortcuts) = self.words.split_at(self.words.len() - self.shortcuts);
        let key = term.as_single_char();
        let shortcut = shortcuts
            .iter()
            .find(|word| key.is_some_and(|c| self.chars[word.chars.clone()] == [c]));
        (words, shortcut)
    }

    /// Whether `word` contains `term`, whose [`Term::signature`] is `wanted` (worked out once
    /// for all the words); the signature skips most words without reading them.
    fn word_matches(&self, word: &Word, term: &Term, wanted: u64) -> bool {
        word.signature & wanted == wanted && term.find(&self.chars[word.chars.clone()]).is_some()
    }

    /// The postings that together hold `term`: its shortcut's if it has one, otherwise
    /// those of every word it matches.
    fn postings_of<'a>(&'a self, term: &'a Term) -> impl Iterator<Item = &'a Range<usize>> {
        let (words, shortcut) = self.shortcut_of(term);
        let words = shortcut.map_or(words, std::slice::from_ref);
        let wanted = term.signature();
        words
            .iter()
            .filter(move |word| shortcut.is_some() || self.word_matches(word, term, wanted))
            .map(|word| &word.postings)
    }

    /// How many bytes of postings finding `term` reads: the build weighs its shortcuts by it.
    pub fn join_bytes(&self, term: &Term) -> usize {
        self.postings_of(term).map(|range| range.len()).sum()
    }

    /// The words `term` matches, read from the fewest candidates known to hold them all:
    /// those of a recent term that `term` narrows (see [`Term::narrows`]), or else every word.
    /// `words` are the index's words without the shortcuts.
    fn matching_words(&self, term: &Term, words: &[Word], recent: &[Recent]) -> Vec<u32> {
        let narrower = recent
            .iter()
            .filter_map(|seen| seen.words.as_ref().filter(|_| seen.term.narrows(term)))
            .min_by_key(|words| words.len());
        let wanted = term.signature();
        let matches = |&at: &u32| self.word_matches(&words[at as usize], term, wanted);
        if let Some(candidates) = narrower {
            return candidates.iter().copied().filter(matches).collect();
        }
        // Every word: at 100,000 posts some 100,000 of them, most turned away by their
        // signature alone, which is therefore compared here, not in a call per word.
        let mut found = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let word = &words[at];
            if word.signature & wanted == wanted
                && term.find(&self.chars[word.chars.clone()]).is_some()
            {
                found.push(at as u32);
            }
            at += 1;
        }
        found
    }

    /// For every post, the fields (bits) it contains `term` in; 0 for none.
    pub fn term_fields(&self, term: &Term) -> Rc<Vec<u8>> {
        let mut recent = self.recent.borrow_mut();
        if let Some(at) = recent.iter().position(|seen| &seen.term == term) {
            recent[..=at].rotate_right(1);
            return recent[0].fields.clone();
        }
        let (all_words, shortcut) = self.shortcut_of(term);
        let (words, postings): (_, Vec<&Range<usize>>) = match shortcut {
            Some(shortcut) => (None, vec![&shortcut.postings]),
            None => {
                let words = self.matching_words(term, all_words, &recent);
                let postings = words.iter().map(|&at| &self.words[at as usize].postings);
                let postings = postings.collect();
                (Some(Rc::new(words)), postings)
            }
        };
        let mut fields = vec![0u8; self.posts];
        for range in postings {
            add_postings(&self.bytes[range.clone()], &mut fields);
        }
        let fields = Rc::new(fields);
        if recent.len() == RECENT_TERMS {
            recent.pop();
        }
        recent.insert(
            0,
            Recent {
                term: term.clone(),
                fields: fields.clone(),
                words,
            },
        );
        fields
    }
}

/// Adds to `fields` the field bits of the posts in `postings` (written by the build as gaps
/// × 8 + fields, base-128, low bits first). Most gaps take one byte, so the loop reads
/// byte by byte: at 100,000 posts a first key reads half a megabyte of postings, and a
/// general number reader called once per number took twice as long.
fn add_postings(postings: &[u8], fields: &mut [u8]) {
    let (mut post, mut value, mut shift) = (0usize, 0u32, 0u32);
    let mut at = 0;
    while at < postings.len() {
        let byte = postings[at];
        at += 1;
        if byte & 0x80 != 0 {
            // Bits past the 32nd come only from damage; they are dropped, not a panic.
            value |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            shift = shift.saturating_add(7);
            continue;
        }
        value |= u32::from(byte).checked_shl(shift).unwrap_or(0);
        post = post.saturating_add((value >> 3) as usize);
        if post < fields.len() {
            fields[post] |= (value & 7) as u8;
        }
        (value, shift) = (0, 0);
    }
}

/// The posts whose `score` (of a query of `terms` terms) is below [`MISSING_TERM`], highest
/// score first, ties in index order. A score is three counts of at most `terms` each, so it
/// has its own bucket and the hits are placed by counting: at 100,000 hits several times
/// faster than a comparison sort or a search for each hit's bucket. `score` is taken to
/// hold each post's bucket on the way.
fn best_first(mut score: Vec<u32>, terms: usize) -> Vec<usize> {
    const NOT_FOUND: u32 = u32::MAX;
    let radix = terms + 1;
    let dense = radix.pow(3) <= 1 << 12;
    // A query of many words: its buckets are the distinct scores it gave, highest first.
    let mut levels: Vec<u32> = Vec::new();
    if !dense {
        for &wanted in score.iter().filter(|&&wanted| wanted < MISSING_TERM) {
            if let Err(at) = levels.binary_search_by(|level| wanted.cmp(level)) {
                levels.insert(at, wanted);
            }
        }
    }
    let buckets = if dense { radix.pow(3) } else { levels.len() };
    let bucket = |wanted: u32| {
        if !dense {
            return levels
                .binary_search_by(|level| wanted.cmp(level))
                .unwrap_or(0);
        }
        let wanted = wanted as usize;
        let (title, facets, text) = (wanted >> 16, wanted >> 8 & 0xFF, wanted & 0xFF);
        buckets - 1 - ((title * radix + facets) * radix + text)
    };
    // Where each bucket's posts start in the result, highest bucket first.
    let mut bucket_starts = vec![0usize; buckets + 1];
    let (starts, score) = (bucket_starts.as_mut_slice(), score.as_mut_slice());
    let mut post = 0;
    while post < score.len() {
        let wanted = score[post];
        score[post] = if wanted < MISSING_TERM {
            let at = bucket(wanted);
            starts[at + 1] += 1;
            at as u32
        } else {
            NOT_FOUND
        };
        post += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    let mut best = vec![0; starts[buckets]];
    let ordered = best.as_mut_slice();
    post = 0;
    while post < score.len() {
        if let Some(start) = starts.get_mut(score[post] as usize) {
            ordered[*start] = post;
            *start += 1;
        }
        post += 1;
    }
    best
}

/// The texts of [`TEXT_CHUNK_POSTS`] consecutive posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextChunk {
    pub texts: Vec<String>,
}

impl TextChunk {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::file(FileKind::TextChunk);
        w.list(&self.texts, |w, text| w.str(text));
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<TextChunk, Damaged> {
        let mut r = Reader::file(bytes, FileKind::TextChunk)?;
        let texts = r
            .list(Reader::string)
            .filter(|_| r.is_done())
            .ok_or(Damaged::Garbled)?;
        Ok(TextChunk { texts })
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
