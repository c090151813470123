//! The search index as the build writes it, and how the build makes it.

use std::collections::{BTreeSet, HashMap};

use geul_core::search::{
    folded, initial_of, Query, SearchDoc, SearchIndex, Syllable, FIELD_FACETS as FACETS,
    FIELD_TEXT as TEXT, FIELD_TITLE as TITLE,
};
use geul_core::{Damaged, FileKind, Reader, Writer};

#[cfg(test)]
mod tests;

/// A one-character term gets postings of its own when joining the postings of the words
/// it matches means reading at least this many bytes...
const SHORTCUT_MIN_JOIN_BYTES: usize = 64 * 1024;
/// ...and this many times the bytes of its own postings: the first keys that cost most,
/// for a few percent more index (docs/BENCHMARKS.md, "The search alone").
const SHORTCUT_MIN_SAVING: usize = 8;

/// The index as written by the build (see [`geul_core::Writer`]); the app reads it as a [`SearchIndex`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndexFile {
    /// Number of posts, in the site index's order.
    pub posts: u32,
    /// Every distinct folded word, each followed by a newline, in byte order; then the
    /// shortcuts (see `shortcuts`).
    pub words: String,
    /// For each word, its postings: (post − previous post) × 8 + field bits, as LEB128
    /// varints; the field bits say title (1), categories and tags (2) and text (4).
    pub postings: Vec<u8>,
    /// Where each word's postings end in `postings`.
    pub posting_ends: Vec<u32>,
    /// How many of the last words are shortcuts: a character whose one-character term (a
    /// lone `ㄹ`, `m`, `카`) matches so many words that the build joined their postings
    /// once. The first key of a search then reads one list instead of thousands, and no
    /// search scans the shortcuts as words.
    pub shortcuts: u32,
    /// Site-relative paths of the text chunks: chunk `i` holds the texts of posts
    /// `i * TEXT_CHUNK_POSTS ..`, for snippets.
    pub text_chunks: Vec<String>,
}

impl SearchIndexFile {
    /// Indexes the documents (in the site index's order); `chunk_paths` name the text chunks.
    pub fn build(docs: &[SearchDoc], chunk_paths: Vec<String>) -> SearchIndexFile {
        let mut file = SearchIndexFile::words_only(docs, chunk_paths);
        file.add_shortcuts(|join_bytes, own_bytes| {
            join_bytes >= SHORTCUT_MIN_JOIN_BYTES && join_bytes >= own_bytes * SHORTCUT_MIN_SAVING
        });
        file
    }

    /// The words and their postings, without shortcuts.
    fn words_only(docs: &[SearchDoc], chunk_paths: Vec<String>) -> SearchIndexFile {
        let mut by_word: HashMap<Vec<char>, Vec<(u32, u8)>> = HashMap::new();
        for (post, doc) in docs.iter().enumerate() {
            let mut fields_of: HashMap<&[char], u8> = HashMap::new();
            let texts = [
                (folded(&doc.title), TITLE),
                (folded(&doc.facets), FACETS),
                (folded(&doc.text), TEXT),
            ];
            for (chars, field) in &texts {
                for word in chars.split(|c| c.is_whitespace()).filter(|w| !w.is_empty()) {
                    *fields_of.entry(word).or_default() |= field;
                }
            }
            for (word, fields) in fields_of {
                by_word
                    .entry(word.to_vec())
                    .or_default()
                    .push((post as u32, fields));
            }
        }
        let mut words: Vec<(String, Vec<(u32, u8)>)> = by_word
            .into_iter()
            .map(|(word, mut postings)| {
                postings.sort_unstable();
                (word.into_iter().collect(), postings)
            })
            .collect();
        words.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut file = SearchIndexFile {
            posts: docs.len() as u32,
            text_chunks: chunk_paths,
            ..SearchIndexFile::default()
        };
        let mut all_postings = Writer::default();
        for (word, postings) in words {
            file.words.push_str(&word);
            file.words.push('\n');
            write_postings(&mut all_postings, postings.into_iter());
            file.posting_ends.push(all_postings.bytes.len() as u32);
        }
        file.postings = all_postings.bytes;
        file
    }

    /// Gives postings of their own to the one-character terms for which `worth_it(bytes
    /// read by joining its words' postings, bytes of its own postings)` holds. Candidates are every character of the words, each syllable's initial consonant and
    /// its syllable without a final: the states an IME passes through on the first key.
    fn add_shortcuts(&mut self, worth_it: impl Fn(usize, usize) -> bool) {
        let mut candidates = BTreeSet::new();
        for c in self.words.chars().filter(|c| *c != '\n') {
            candidates.insert(c);
            if let Some(syllable) = Syllable::of(c) {
                candidates.insert(syllable.open().to_char());
                candidates.extend(initial_of(c));
            }
        }
        let Ok(index) = SearchIndex::from_vec(self.to_bytes()) else {
            return; // words_only wrote it, so it reads
        };
        for c in candidates {
            let query = Query::parse(&c.to_string());
            let [term] = query.terms.as_slice() else {
                continue;
            };
            let join_bytes = index.join_bytes(term);
            // A shortcut smaller than nothing would not be worth it either: skip the join.
            if join_bytes == 0 || !worth_it(join_bytes, 0) {
                continue;
            }
            let fields = index.term_fields(term);
            let mut own = Writer::default();
            let hits = fields.iter().enumerate().filter(|(_, &f)| f != 0);
            write_postings(&mut own, hits.map(|(post, &f)| (post as u32, f)));
            if !worth_it(join_bytes, own.bytes.len()) {
                continue;
            }
            self.words.push(c);
            self.words.push('\n');
            self.postings.extend_from_slice(&own.bytes);
            self.posting_ends.push(self.postings.len() as u32);
            self.shortcuts += 1;
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::file(FileKind::SearchIndex);
        w.u32(self.posts);
        w.str(&self.words);
        w.bytes(&self.postings);
        w.list(&self.posting_ends, |w, &end| w.u32(end));
        w.u32(self.shortcuts);
        w.list(&self.text_chunks, |w, path| w.str(path));
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndexFile, Damaged> {
        let mut r = Reader::file(bytes, FileKind::SearchIndex)?;
        let file = (|| {
            Some(SearchIndexFile {
                posts: r.u32()?,
                words: r.string()?,
                postings: r.bytes()?.to_vec(),
                posting_ends: r.list(Reader::u32)?,
                shortcuts: r.u32()?,
                text_chunks: r.list(Reader::string)?,
            })
        })();
        file.filter(|_| r.is_done()).ok_or(Damaged::Garbled)
    }
}

/// Postings (post, field bits) in post order, as gaps × 8 + fields.
fn write_postings(w: &mut Writer, postings: impl Iterator<Item = (u32, u8)>) {
    let mut previous = 0;
    for (post, fields) in postings {
        w.u32((post - previous) * 8 + u32::from(fields));
        previous = post;
    }
}
