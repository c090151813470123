//! The search index: every distinct word of the posts, with the posts and fields it occurs
//! in, written by the build and fetched on the first search.
//!
//! A term never contains whitespace, so wherever it matches a text it matches inside one
//! whitespace-separated word. Matching the term against each distinct word once and joining
//! the postings of the words it matches therefore finds exactly the posts that scanning
//! every text would ([`crate::search::rank`] is that scan, and the tests hold the two equal),
//! while reading a vocabulary that grows far slower than the posts do.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::search::{folded, word_signature, Query, SearchDoc, Term};
use crate::wire::{Damaged, Reader, Writer};

/// Where a word occurs in a post, as bits.
const TITLE: u8 = 1;
const FACETS: u8 = 2;
const TEXT: u8 = 4;

/// How many posts' texts share one text chunk (fetched for result snippets).
pub const TEXT_CHUNK_POSTS: usize = 64;

/// The index as written by the build (see [`crate::wire`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchIndexFile {
    /// Number of posts, in the site index's order.
    pub posts: u32,
    /// Every distinct folded word, each followed by a newline, in byte order.
    pub words: String,
    /// For each word, its postings: (post − previous post) × 8 + field bits, as LEB128
    /// varints; the field bits say title (1), categories and tags (2) and text (4).
    pub postings: Vec<u8>,
    /// Where each word's postings end in `postings`.
    pub posting_ends: Vec<u32>,
    /// Site-relative paths of the text chunks: chunk `i` holds the texts of posts
    /// `i * TEXT_CHUNK_POSTS ..`, for snippets.
    pub text_chunks: Vec<String>,
}

/// The texts of [`TEXT_CHUNK_POSTS`] consecutive posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextChunk {
    pub texts: Vec<String>,
}

impl TextChunk {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.list(&self.texts, |w, text| w.str(text));
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<TextChunk, Damaged> {
        let mut r = Reader::new(bytes);
        let texts = r
            .list(|r| r.string())
            .filter(|_| r.is_done())
            .ok_or(Damaged)?;
        Ok(TextChunk { texts })
    }
}

impl SearchIndexFile {
    /// Indexes the documents (in the site index's order); `chunk_paths` name the text chunks.
    pub fn build(docs: &[SearchDoc], chunk_paths: Vec<String>) -> SearchIndexFile {
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
            let mut previous = 0;
            for (post, fields) in postings {
                all_postings.u32((post - previous) * 8 + u32::from(fields));
                previous = post;
            }
            file.posting_ends.push(all_postings.bytes.len() as u32);
        }
        file.postings = all_postings.bytes;
        file
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.u32(self.posts);
        w.str(&self.words);
        w.bytes(&self.postings);
        w.list(&self.posting_ends, |w, &end| w.u32(end));
        w.list(&self.text_chunks, |w, path| w.str(path));
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndexFile, Damaged> {
        let mut r = Reader::new(bytes);
        let file = (|| {
            Some(SearchIndexFile {
                posts: r.u32()?,
                words: r.string()?,
                postings: r.bytes()?.to_vec(),
                posting_ends: r.list(|r| r.u32())?,
                text_chunks: r.list(|r| r.string())?,
            })
        })();
        file.filter(|_| r.is_done()).ok_or(Damaged)
    }
}

/// One word of the vocabulary, ready to be matched.
#[derive(Debug)]
struct Word {
    chars: Box<[char]>,
    signature: u64,
    postings: Range<usize>,
}

/// How many recent terms keep their joined postings (see [`SearchIndex::term_fields`]).
const RECENT_TERMS: usize = 4;

/// The index, read and ready to search.
#[derive(Debug)]
pub struct SearchIndex {
    posts: usize,
    words: Vec<Word>,
    postings: Vec<u8>,
    /// Paths of the text chunks (see [`SearchIndexFile::text_chunks`]).
    pub text_chunks: Vec<String>,
    /// The last terms searched, newest first, with the fields each post has them in: while
    /// the reader types the second word of `카카오 면접`, the first is not joined again.
    recent: RefCell<Vec<(Term, Rc<Vec<u8>>)>>,
}

impl SearchIndex {
    pub fn from_bytes(bytes: &[u8]) -> Result<SearchIndex, Damaged> {
        let file = SearchIndexFile::from_bytes(bytes)?;
        let lines = file.words.split_terminator('\n');
        if lines.clone().count() != file.posting_ends.len() {
            return Err(Damaged);
        }
        let mut start = 0;
        let mut words = Vec::with_capacity(file.posting_ends.len());
        for (word, &end) in lines.zip(&file.posting_ends) {
            let end = end as usize;
            if end < start || end > file.postings.len() {
                return Err(Damaged);
            }
            let chars: Box<[char]> = word.chars().collect();
            words.push(Word {
                signature: word_signature(&chars),
                chars,
                postings: start..end,
            });
            start = end;
        }
        Ok(SearchIndex {
            posts: file.posts as usize,
            words,
            postings: file.postings,
            text_chunks: file.text_chunks,
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
        let n = self.posts;
        // Terms matched so far by each post, and its score: title, facet and text counts
        // packed so that comparing the numbers compares them in that order.
        let mut terms_matched = vec![0u8; n];
        let mut score = vec![0u32; n];
        let terms = query.terms.len().min(255);
        for (done, term) in query.terms.iter().take(terms).enumerate() {
            let fields = self.term_fields(term);
            for ((matched, score), &fields) in
                terms_matched.iter_mut().zip(&mut score).zip(fields.iter())
            {
                if fields != 0 && usize::from(*matched) == done {
                    *matched += 1;
                    *score += u32::from(fields & TITLE) << 16
                        | u32::from(fields & FACETS != 0) << 8
                        | u32::from(fields & TEXT != 0);
                }
            }
        }
        let hits = (0..n).filter(|&post| usize::from(terms_matched[post]) == terms);
        best_first(hits, &score)
    }

    /// For every post, the fields (bits) it contains `term` in; 0 for none.
    fn term_fields(&self, term: &Term) -> Rc<Vec<u8>> {
        let mut recent = self.recent.borrow_mut();
        if let Some(at) = recent.iter().position(|(seen, _)| seen == term) {
            recent[..=at].rotate_right(1);
            return recent[0].1.clone();
        }
        let wanted = term.signature();
        let mut fields = vec![0u8; self.posts];
        for word in &self.words {
            if word.signature & wanted != wanted || term.find(&word.chars).is_none() {
                continue;
            }
            let mut post = 0usize;
            let mut postings = Reader::new(&self.postings[word.postings.clone()]);
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
        recent.insert(0, (term.clone(), fields.clone()));
        fields
    }
}

/// `hits` (in index order) by `score`, highest first, ties in index order. Scores take few
/// distinct values, so the posts are placed by counting rather than sorted: at 100,000
/// hits that is several times faster than a comparison sort.
fn best_first(hits: impl Iterator<Item = usize> + Clone, score: &[u32]) -> Vec<usize> {
    // Distinct scores, highest first, each with how many hits have it.
    let mut levels: Vec<(u32, usize)> = Vec::new();
    for post in hits.clone() {
        let key = std::cmp::Reverse(score[post]);
        match levels.binary_search_by_key(&key, |&(s, _)| std::cmp::Reverse(s)) {
            Ok(at) => levels[at].1 += 1,
            Err(at) => levels.insert(at, (score[post], 1)),
        }
    }
    // Where each score's posts start in the result.
    let mut next = 0;
    for level in &mut levels {
        (level.1, next) = (next, next + level.1);
    }
    let mut ordered = vec![0; next];
    for post in hits {
        let key = std::cmp::Reverse(score[post]);
        if let Ok(at) = levels.binary_search_by_key(&key, |&(s, _)| std::cmp::Reverse(s)) {
            ordered[levels[at].1] = post;
            levels[at].1 += 1;
        }
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{rank, Prepared};

    fn doc(title: &str, facets: &str, text: &str) -> SearchDoc {
        SearchDoc {
            title: title.into(),
            facets: facets.into(),
            text: text.into(),
        }
    }

    fn corpus() -> Vec<SearchDoc> {
        vec![
            doc(
                "라인에서의 2년",
                "career LINE",
                "저는 라인에서 MLOps 엔지니어로 일했습니다.",
            ),
            doc(
                "카카오 면접 후기",
                "MLOps 면접",
                "면접관을 만나 코드를 설명했다. k8s와 AWS.",
            ),
            doc(
                "회고",
                "회고 이직",
                "래블업에 입사했다. 레블업이라고 잘못 쓰기도 했다.",
            ),
            doc(
                "Kubernetes 정리",
                "k8s",
                "쿠버네티스(k8s) 클러스터를 c++ 없이 다뤘다.",
            ),
            doc("빈 글", "", ""),
        ]
    }

    const QUERIES: &[&str] = &[
        "라인",
        "라이",
        "라",
        "ㄹ",
        "ㄹㅇ",
        "ㅋㅋㅇ",
        "콛",
        "코ㄷ",
        "면접",
        "카카오 면접",
        "mlops 엔지니어",
        "K8S",
        "aws",
        "c++",
        "(k8s)",
        "래블업",
        "ㄹㅂㅇ",
        "없는말",
        "다",
        "클러스터를",
        "라인 없는말",
        "에서의",
    ];

    #[test]
    fn the_index_finds_what_scanning_every_text_finds_in_the_same_order() {
        let docs = corpus();
        let index =
            SearchIndex::from_bytes(&SearchIndexFile::build(&docs, vec![]).to_bytes()).unwrap();
        let prepared: Vec<Prepared> = docs.iter().map(Prepared::new).collect();
        for query in QUERIES {
            let query = Query::parse(query);
            assert_eq!(
                index.search(&query),
                rank(&prepared, 0..docs.len(), &query),
                "{query:?}"
            );
        }
    }

    #[test]
    fn typing_a_query_key_by_key_finds_what_a_fresh_index_finds() {
        // The index keeps recent terms' postings; every step must still be exact.
        let docs = corpus();
        let bytes = SearchIndexFile::build(&docs, vec![]).to_bytes();
        let typing = SearchIndex::from_bytes(&bytes).unwrap();
        let keystrokes = [
            "ㅋ",
            "카",
            "카ㅋ",
            "카카",
            "카카ㅇ",
            "카카오",
            "카카오 ",
            "카카오 ㅁ",
            "카카오 며",
            "카카오 면",
            "카카오 면ㅈ",
            "카카오 면저",
            "카카오 면접",
            "카카오",
            "면접 카카오",
            "ㄹ",
            "ㄹㅇ",
            "라",
            "라이",
            "라인",
            "라인 M",
            "라인 ML",
            "라인 MLOps",
            "k",
            "k8",
            "k8s",
            "",
        ];
        for typed in keystrokes {
            let query = Query::parse(typed);
            let fresh = SearchIndex::from_bytes(&bytes).unwrap();
            assert_eq!(typing.search(&query), fresh.search(&query), "{typed:?}");
        }
    }

    #[test]
    fn equal_scores_keep_the_index_order() {
        let score = [1, 5, 1, 0, 5, 3];
        assert_eq!(
            best_first([0, 1, 2, 4, 5].into_iter(), &score),
            [1, 4, 5, 0, 2]
        );
        assert_eq!(best_first(std::iter::empty(), &score), Vec::<usize>::new());
    }

    #[test]
    fn fields_rank_title_then_facets_then_text() {
        let docs = [
            doc("회고", "", "면접 이야기"),
            doc("다른 글", "면접", ""),
            doc("면접 준비", "", ""),
        ];
        let index =
            SearchIndex::from_bytes(&SearchIndexFile::build(&docs, vec![]).to_bytes()).unwrap();
        assert_eq!(index.search(&Query::parse("면접")), [2, 1, 0]);
    }

    #[test]
    fn damaged_files_are_refused_not_trusted() {
        let file = SearchIndexFile::build(&corpus(), vec!["content/text-a.bin".into()]);
        let bytes = file.to_bytes();
        assert!(SearchIndex::from_bytes(&bytes[..bytes.len() / 2]).is_err());
        let mut wrong = file.clone();
        wrong.posting_ends.pop();
        assert_eq!(
            SearchIndex::from_bytes(&wrong.to_bytes()).unwrap_err(),
            Damaged
        );
        let index = SearchIndex::from_bytes(&bytes).unwrap();
        assert_eq!(index.text_chunks, ["content/text-a.bin"]);
        assert_eq!(index.len(), 5);
    }
}
