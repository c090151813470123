//! A word's signature lets a search skip it without reading it, so it must never skip a
//! word the term matches: checked here for every term a reader can type toward any piece
//! of up to four characters of any word of the five real posts.

mod common;

use std::collections::BTreeSet;

use common::real_site;
use geul_build::search_docs;
use geul_core::{
    search::{folded, word_signature, Query},
    search::{initial_of, Syllable},
};

/// What the box holds while a reader types `piece`: each prefix, with the last syllable
/// also as its lone initial and as the syllable without its final; and its initials.
fn typed_toward(piece: &[char]) -> Vec<String> {
    let mut typed = Vec::new();
    for end in 1..=piece.len() {
        let head: String = piece[..end - 1].iter().collect();
        let last = piece[end - 1];
        typed.push(format!("{head}{last}"));
        if let Some(syllable) = Syllable::of(last) {
            typed.push(format!("{head}{}", syllable.initial_jamo()));
            typed.push(format!("{head}{}", syllable.open().to_char()));
        }
    }
    let initials: Option<String> = piece.iter().map(|&c| initial_of(c)).collect();
    typed.extend(initials);
    typed
}

#[test]
fn no_word_a_term_matches_is_skipped_by_its_signature() {
    let site = real_site();
    let mut words = BTreeSet::new();
    for doc in search_docs(&site.posts) {
        for text in [&doc.title, &doc.facets, &doc.text] {
            words.extend(text.split_whitespace().map(folded));
        }
    }
    let (mut checked, mut hangul, mut latin, mut digits) = (0, 0, 0, 0);
    for word in &words {
        let signature = word_signature(word);
        for start in 0..word.len() {
            for end in start + 1..=word.len().min(start + 4) {
                for typed in typed_toward(&word[start..end]) {
                    let query = Query::parse(&typed);
                    let [term] = query.terms.as_slice() else {
                        continue;
                    };
                    if term.find(word).is_none() {
                        continue;
                    }
                    let wanted = term.signature();
                    assert_eq!(
                        signature & wanted,
                        wanted,
                        "{typed:?} matches {:?}, but the signature would skip it",
                        word.iter().collect::<String>()
                    );
                    checked += 1;
                    let first = typed.chars().next().expect("not empty");
                    if Syllable::of(first).is_some() || initial_of(first).is_some() {
                        hangul += 1;
                    } else if first.is_ascii_digit() {
                        digits += 1;
                    } else if first.is_ascii_alphabetic() {
                        latin += 1;
                    }
                }
            }
        }
    }
    // Every kind of term was tried, many times.
    assert!(checked > 100_000, "{checked} matches checked");
    assert!(
        hangul > 10_000 && latin > 1_000 && digits > 50,
        "{hangul} {latin} {digits}"
    );
}

#[test]
fn a_latin_term_passes_over_number_words() {
    // Titles like `… #5855` give every post a number word; a term typed in letters must not
    // read them, whichever bit its letter shares with a digit.
    let numbers: Vec<Vec<char>> = (0..10_000).map(|n| folded(&format!("#{n}"))).collect();
    for letter in ('a'..='z').chain('A'..='Z') {
        let query = Query::parse(&letter.to_string());
        let wanted = query.terms[0].signature();
        let read = numbers
            .iter()
            .filter(|word| word_signature(word) & wanted == wanted)
            .count();
        assert_eq!(read, 0, "{letter:?} would read {read} number words");
    }
}
