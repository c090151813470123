//! While the reader types, the search index looks for a term only among the words an
//! earlier term matched, when that term narrows to it (`Term::narrows`). These tests hold
//! narrowing to what it must guarantee: a term never narrows to one that matches a word it
//! does not, and typing with narrowing finds exactly what a fresh index finds.

mod common;

use std::collections::BTreeSet;

use common::real_site;
use geul_build::{search_docs, SearchIndexFile};
use geul_core::{
    search::SearchIndex,
    search::Syllable,
    search::{folded, Query, Term},
};

fn term(typed: &str) -> Term {
    let query = Query::parse(typed);
    let [term] = query.terms.as_slice() else {
        panic!("{typed:?} is not one term");
    };
    term.clone()
}

/// The syllable `s` with `consonant` typed after it, when the IME makes that its final
/// (`라` + ㅇ → `랑`, `알` + ㄱ → `앍`).
fn attach(s: Syllable, consonant: char) -> Option<Syllable> {
    (0..28u8)
        .map(|final_| Syllable { final_, ..s })
        .find(|&with| {
            if s.final_ == 0 {
                with.final_jamo() == Some(consonant)
            } else {
                s.grows_into(with) && with.split_final() == Some((s, consonant))
            }
        })
}

/// What the box shows after each key while a reader types `word` with a 2-beolsik IME:
/// `라인` → ㄹ, 라, 랑, 라이, 라인 (the ㅇ is the final of 라 until the vowel after it).
fn ime_states(word: &str) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    let mut states = Vec::new();
    let mut typed = String::new();
    for (at, &c) in chars.iter().enumerate() {
        let Some(s) = Syllable::of(c) else {
            typed.push(c);
            states.push(typed.clone());
            continue;
        };
        let attached = at.checked_sub(1).and_then(|before| {
            let previous = Syllable::of(chars[before])?;
            attach(previous, s.initial_jamo())
        });
        match attached {
            Some(with) => {
                let mut shown: String = typed.clone();
                shown.pop();
                shown.push(with.to_char());
                states.push(shown);
            }
            None => states.push(format!("{typed}{}", s.initial_jamo())),
        }
        states.push(format!("{typed}{}", s.open().to_char()));
        if let Some((single, _)) = s.split_final().filter(|(rest, _)| rest.final_ != 0) {
            states.push(format!("{typed}{}", single.to_char()));
        }
        if s.final_ != 0 {
            states.push(format!("{typed}{c}"));
        }
        typed.push(c);
    }
    states
}

#[test]
fn the_ime_states_are_those_a_reader_sees() {
    assert_eq!(ime_states("라인"), ["ㄹ", "라", "랑", "라이", "라인"]);
    assert_eq!(ime_states("알고"), ["ㅇ", "아", "알", "앍", "알고"]);
    assert_eq!(ime_states("닭"), ["ㄷ", "다", "달", "닭"]);
    assert_eq!(ime_states("k8s"), ["k", "k8", "k8s"]);
}

#[test]
fn typing_further_narrows() {
    for (before, after) in [
        ("ㄹ", "라"),
        ("라", "랑"),
        ("랑", "라이"),
        ("라이", "라인"),
        ("라", "라인"),
        ("코", "콛"),
        ("콛", "코드"),
        ("알", "앍"),
        ("앍", "알고"),
        ("달", "닭"),
        ("ㄹ", "ㄹㅇ"),
        ("ㄹㅇ", "라ㅇ"),
        ("ㅋㅋ", "ㅋㅋㅇ"),
        ("k", "k8"),
        ("k8", "k8s"),
        ("m", "mlops"),
        ("카카오", "카카오톡"),
    ] {
        assert!(term(before).narrows(&term(after)), "{before} → {after}");
    }
}

#[test]
fn a_term_does_not_narrow_to_one_it_cannot_vouch_for() {
    for (before, after) in [
        ("라인", "라"),
        ("콛", "코스"),
        ("닥", "닭"),
        ("라", "ㄹ"),
        ("ㄹㅇ", "ㄹ"),
        ("k8s", "k8"),
        ("코ㄷ", "콛"),
        ("라인", "라이"),
        ("a", "b"),
    ] {
        assert!(!term(before).narrows(&term(after)), "{before} → {after}");
    }
}

/// Every term of one or two characters, and every word of up to three, from characters
/// chosen for the matcher's cases: lone initials, open syllables, finals that move on,
/// finals that grow double, Latin and digits.
const ALPHABET: [char; 22] = [
    'ㄹ', 'ㅇ', 'ㄱ', 'ㄷ', '라', '락', '랅', '랄', '아', '알', '앍', '고', '이', '인', '다', '달',
    '닭', '드', '코', '콛', 'k', '8',
];

#[test]
fn no_term_narrows_to_one_that_matches_a_word_it_does_not() {
    let mut words: Vec<Vec<char>> = ALPHABET.iter().map(|&c| vec![c]).collect();
    for length in 2..=3 {
        let shorter: Vec<Vec<char>> = words
            .iter()
            .filter(|w| w.len() == length - 1)
            .cloned()
            .collect();
        for word in shorter {
            words.extend(ALPHABET.iter().map(|&c| [word.clone(), vec![c]].concat()));
        }
    }
    let mut typed: Vec<String> = ALPHABET.iter().map(char::to_string).collect();
    for &a in &ALPHABET {
        typed.extend(ALPHABET.iter().map(|&b| format!("{a}{b}")));
    }
    let terms: Vec<Term> = typed.iter().map(|t| term(t)).collect();
    // Which words each term matches, as bits.
    let matched: Vec<Vec<u64>> = terms
        .iter()
        .map(|term| {
            let mut bits = vec![0u64; words.len().div_ceil(64)];
            for (at, word) in words.iter().enumerate() {
                if term.find(word).is_some() {
                    bits[at / 64] |= 1 << (at % 64);
                }
            }
            bits
        })
        .collect();
    let mut narrowing = 0;
    for (wide, wide_matches) in terms.iter().zip(&matched) {
        for (at, (narrow, narrow_matches)) in terms.iter().zip(&matched).enumerate() {
            if !wide.narrows(narrow) {
                continue;
            }
            narrowing += 1;
            let missed = narrow_matches
                .iter()
                .zip(wide_matches)
                .enumerate()
                .find_map(|(block, (n, w))| {
                    let missed = n & !w;
                    (missed != 0).then(|| block * 64 + missed.trailing_zeros() as usize)
                });
            if let Some(word) = missed {
                panic!(
                    "{wide:?} narrows to {:?}, which matches {:?} and it does not",
                    typed[at],
                    words[word].iter().collect::<String>()
                );
            }
        }
    }
    // Not vacuous: a good share of the pairs narrow.
    assert!(narrowing > 1_000, "{narrowing} pairs narrow");
}

#[test]
fn typing_the_real_posts_words_finds_what_a_fresh_index_finds() {
    let site = real_site();
    let docs = search_docs(&site.posts);
    let bytes = SearchIndexFile::build(&docs, vec![]).to_bytes();
    let typing = SearchIndex::from_bytes(&bytes).unwrap();
    let words_of = |text: &str| -> BTreeSet<String> {
        text.split_whitespace()
            .map(|word| folded(word).into_iter().collect())
            .collect()
    };
    // Every word of the titles, tags and categories, and a twentieth of the bodies' words.
    let mut words = BTreeSet::new();
    let mut body_words = BTreeSet::new();
    for doc in &docs {
        words.extend(words_of(&doc.title));
        words.extend(words_of(&doc.facets));
        body_words.extend(words_of(&doc.text));
    }
    words.extend(body_words.into_iter().step_by(20));
    let mut keystrokes = 0;
    for word in &words {
        // Each word alone, then as the second word of a query, as a reader types them.
        for prefix in ["", "카카오 "] {
            for state in ime_states(word) {
                let query = Query::parse(&format!("{prefix}{state}"));
                let fresh = SearchIndex::from_bytes(&bytes).unwrap();
                assert_eq!(
                    typing.search(&query),
                    fresh.search(&query),
                    "{prefix}{state}"
                );
                keystrokes += 1;
            }
        }
    }
    assert!(keystrokes > 2_000, "{keystrokes} keystrokes typed");
}
