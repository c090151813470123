//! Word signatures: 64 bits that say which characters a word might contain, so that a
//! search reads only the words that could match its term.

use super::hangul::{initial_of, Syllable};
use super::{Last, Term};

/// Signature bits for the kind of a character: whether a word has any Hangul syllable, any
/// Latin letter, and any other character. They come first so that a Hangul term never reads
/// a word without Hangul, nor a Latin one a word without letters: a site's titles alone
/// bring a number word (`#5855`) per post, and a character's own bit, shared by chance with
/// a digit's (`k` with `4`), let a third of all words through.
const HANGUL_BIT: u64 = 1;
const LATIN_BIT: u64 = 2;
const OTHER_BIT: u64 = 4;
/// Bits left for the characters themselves.
const CHARACTER_BITS: u64 = 64 - 3;

fn kind_bit(c: char) -> u64 {
    if Syllable::of(c).is_some() {
        HANGUL_BIT
    } else if c.is_ascii_alphabetic() {
        LATIN_BIT
    } else {
        OTHER_BIT
    }
}

/// One bit of a 64-bit signature for a character: a multiplicative hash spread over the
/// bits after the kind bits.
fn signature_bit(c: char) -> u64 {
    let hash = u64::from((c as u32).wrapping_mul(0x9E37_79B1));
    1 << (3 + ((hash * CHARACTER_BITS) >> 32))
}

/// The signature of a word (folded characters): a bit for every character, for every
/// syllable's initial consonant and for every kind of character in it. A term can only
/// match a word whose signature has all the bits of [`Term::signature`], so most words
/// are passed over without being read.
pub fn word_signature(word: &[char]) -> u64 {
    word.iter().fold(0, |signature, &c| {
        let initial = initial_of(c).map_or(0, signature_bit);
        signature | signature_bit(c) | kind_bit(c) | initial
    })
}

impl Term {
    /// The bits every word this term matches has in its [`word_signature`].
    pub fn signature(&self) -> u64 {
        // Initials, a lone consonant and a syllable being typed match syllables only.
        match self {
            Term::Initials(initials) => initials
                .iter()
                .fold(HANGUL_BIT, |s, &i| s | signature_bit(i)),
            Term::Text { head, last } => {
                let last = match last.0 {
                    Last::Exact(c) => signature_bit(c) | kind_bit(c),
                    Last::Initial(i) => signature_bit(i) | HANGUL_BIT,
                    Last::Open(s) | Last::WithFinal { syllable: s, .. } => {
                        signature_bit(s.initial_jamo()) | HANGUL_BIT
                    }
                };
                head.iter()
                    .fold(last, |s, &c| s | signature_bit(c) | kind_bit(c))
            }
        }
    }
}
