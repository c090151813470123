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
//! shortcuts ([`SearchIndexFile::shortcuts`]).

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use crate::search::{word_signature, Query, Term};
use crate::wire::{Damaged, Reader};

mod file;

pub use file::{SearchIndexFile, TextChunk};

/// Where a word occurs in a post, as bits.
const TITLE: u8 = 1;
const FACETS: u8 = 2;
const TEXT: u8 = 4;

/// What a post's score gains from one term, by the fields the post has it in (the bits
/// above): a title counts above tags and categories, which count above the text. A post
/// without the term gains [`MISSING_TERM`] instead, which no score of found terms reaches
/// (255 terms at most, 8 bits each).
const SCORE_OF_FIELDS: [u32; 8] = {
    let mut table = [MISSING_TERM; 8];
    let mut fields = 1;
    while fields < 8 {
        table[fields] = ((fields as u32 & TITLE as u32) << 16)
            | (((fields as u32 & FACETS as u32) != 0) as u32) << 8
            | ((fields as u32 & TEXT as u32) != 0) as u32;
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
    /// How many of the last words are shortcuts (see [`SearchIndexFile::shortcuts`]).
    shortcuts: usize,
    /// The file as fetched. The postings are read where they are: copying 20 MB of them
    /// (at 100,000 posts) would lengthen the task in which the index arrives.
    bytes: Vec<u8>,
    /// Paths of the text chunks (see [`SearchIndexFile::text_chunks`]).
    pub text_chunks: Vec<String>,
    /// The last terms searched, newest first: while the reader types the second word of
    /// `카카오 면접` the first is not joined again, and a term typed further (`라` → `라이`)
    /// reads only the words the shorter one matched.
    recent: RefCell<Vec<Recent>>,
}

impl SearchIndex {
    /// Reads an index written by [`SearchIndexFile::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, Damaged> {
        SearchIndex::from_vec(bytes.to_vec())
    }

    /// [`SearchIndex::from_bytes`], keeping `bytes` instead of copying from it.
    pub fn from_vec(bytes: Vec<u8>) -> Result<SearchIndex, Damaged> {
        let mut r = Reader::new(&bytes);
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
            layout.filter(|_| r.is_done()).ok_or(Damaged)?;
        let lines = words.split_terminator('\n');
        if lines.clone().count() != ends.len() || shortcuts > ends.len() {
            return Err(Damaged);
        }
        let offset = postings.as_ptr() as usize - bytes.as_ptr() as usize;
        let mut chars = Vec::with_capacity(words.chars().count());
        let mut start = 0;
        let mut vocabulary = Vec::with_capacity(ends.len());
        for (word, &end) in lines.zip(&ends) {
            let end = end as usize;
            if end < start || end > postings.len() {
                return Err(Damaged);
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
        let mut score = vec![0u32; self.posts];
        for term in query.terms.iter().take(255) {
            let fields = self.term_fields(term);
            for (score, &fields) in score.iter_mut().zip(fields.iter()) {
                *score += SCORE_OF_FIELDS[usize::from(fields & 7)];
            }
        }
        let hits: Vec<u32> = (0..score.len() as u32)
            .filter(|&post| score[post as usize] < MISSING_TERM)
            .collect();
        best_first(&hits, &score, query.terms.len().min(255))
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

    /// Whether `word` contains `term`; the signature skips most words without reading them.
    fn word_matches(&self, word: &Word, term: &Term) -> bool {
        let wanted = term.signature();
        word.signature & wanted == wanted && term.find(&self.chars[word.chars.clone()]).is_some()
    }

    /// The postings that together hold `term`: its shortcut's if it has one, otherwise
    /// those of every word it matches.
    fn postings_of<'a>(&'a self, term: &'a Term) -> impl Iterator<Item = &'a Range<usize>> {
        let (words, shortcut) = self.shortcut_of(term);
        let words = shortcut.map_or(words, std::slice::from_ref);
        words
            .iter()
            .filter(move |word| shortcut.is_some() || self.word_matches(word, term))
            .map(|word| &word.postings)
    }

    /// How many bytes of postings finding `term` reads.
    fn join_bytes(&self, term: &Term) -> usize {
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
        let matches = |&at: &u32| self.word_matches(&words[at as usize], term);
        match narrower {
            Some(candidates) => candidates.iter().copied().filter(matches).collect(),
            None => (0..words.len() as u32).filter(matches).collect(),
        }
    }

    /// For every post, the fields (bits) it contains `term` in; 0 for none.
    fn term_fields(&self, term: &Term) -> Rc<Vec<u8>> {
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
            let mut post = 0usize;
            let mut postings = Reader::new(&self.bytes[range.clone()]);
            while let Some(value) = postings.u32() {
                post += (value >> 3) as usize;
                if let Some(slot) = fields.get_mut(post) {
                    *slot |= (value & 7) as u8;
                }
            }
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

/// `hits` (in index order) by `score` (of a query of `terms` terms), highest first, ties in
/// index order. A score is three counts of at most `terms` each, so it has its own bucket
/// and the hits are placed by counting: at 100,000 hits several times faster than a
/// comparison sort or a search for each hit's bucket.
fn best_first(hits: &[u32], score: &[u32], terms: usize) -> Vec<usize> {
    let radix = terms + 1;
    let dense = radix.pow(3) <= 1 << 12;
    // A query of many words: its buckets are the distinct scores it gave, highest first.
    let mut levels: Vec<u32> = Vec::new();
    if !dense {
        for &post in hits {
            let wanted = score[post as usize];
            if let Err(at) = levels.binary_search_by(|level| wanted.cmp(level)) {
                levels.insert(at, wanted);
            }
        }
    }
    let buckets = if dense { radix.pow(3) } else { levels.len() };
    let bucket = |post: u32| {
        let wanted = score[post as usize];
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
    let mut starts = vec![0usize; buckets + 1];
    for &post in hits {
        starts[bucket(post) + 1] += 1;
    }
    for at in 1..starts.len() {
        starts[at] += starts[at - 1];
    }
    let mut ordered = vec![0; hits.len()];
    for &post in hits {
        let start = &mut starts[bucket(post)];
        ordered[*start] = post as usize;
        *start += 1;
    }
    ordered
}

#[cfg(test)]
mod tests;
