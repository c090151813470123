//! Hangul arithmetic for search: syllables into jamo and back, initial consonants
//! (choseong), and Latin keys typed on the standard 2-beolsik layout.
//!
//! Unicode arranges the 11,172 modern syllables as `0xAC00 + (L × 21 + V) × 28 + T`
//! (L: 19 initials, V: 21 medials, T: 27 finals or none), so all of this is arithmetic,
//! without tables of syllables.

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_COUNT: u32 = 11_172;
const MEDIALS: u32 = 21;
const FINALS: u32 = 28;

/// Initial consonants in Unicode order, as compatibility jamo (what keyboards type).
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
/// Medial vowels in Unicode order.
const VOWELS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
/// Final consonants in Unicode order (index 0 is "none").
const FINAL_JAMO: [char; 28] = [
    '\0', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ',
    'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// A syllable's parts: initial, medial and final index (final 0 = none).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Syllable {
    pub initial: u8,
    pub medial: u8,
    pub final_: u8,
}

impl Syllable {
    /// The parts of a precomposed Hangul syllable.
    pub fn of(c: char) -> Option<Syllable> {
        let index = (c as u32)
            .checked_sub(SYLLABLE_BASE)
            .filter(|&i| i < SYLLABLE_COUNT)?;
        Some(Syllable {
            initial: (index / (MEDIALS * FINALS)) as u8,
            medial: (index % (MEDIALS * FINALS) / FINALS) as u8,
            final_: (index % FINALS) as u8,
        })
    }

    /// The precomposed character.
    pub fn to_char(self) -> char {
        let code = SYLLABLE_BASE
            + (u32::from(self.initial) * MEDIALS + u32::from(self.medial)) * FINALS
            + u32::from(self.final_);
        char::from_u32(code).expect("in the syllable block")
    }

    /// The initial consonant as a compatibility jamo (`라` → `ㄹ`).
    pub fn initial_jamo(self) -> char {
        INITIALS[usize::from(self.initial)]
    }

    /// The same syllable without its final consonant (`콛` → `코`).
    pub fn open(self) -> Syllable {
        Syllable { final_: 0, ..self }
    }

    /// The final consonant as a compatibility jamo, if any.
    pub fn final_jamo(self) -> Option<char> {
        (self.final_ != 0).then(|| FINAL_JAMO[usize::from(self.final_)])
    }

    /// What an IME shows before the next vowel moves (part of) the final on: the syllable
    /// left behind and the next syllable's initial. `콛` is 코 + ㄷ (toward `코드`); of a
    /// double final only the second part moves, so `앍` is 알 + ㄱ (toward `알고`).
    pub fn split_final(self) -> Option<(Syllable, char)> {
        let final_ = self.final_jamo()?;
        if is_initial_jamo(final_) {
            return Some((self.open(), final_));
        }
        let &(kept, moved, _) = FINAL_PAIRS.iter().find(|pair| pair.2 == final_)?;
        let kept = FINAL_JAMO.iter().position(|&f| f == kept)? as u8;
        Some((
            Syllable {
                final_: kept,
                ..self
            },
            moved,
        ))
    }

    /// Whether typing one more consonant can turn this syllable into `other` by making its
    /// final a double one (`달` → `닭`, `갑` → `값`).
    pub fn grows_into(self, other: Syllable) -> bool {
        // Called for every syllable a term is compared with: the cheap test first.
        if self.open() != other.open() {
            return false;
        }
        let (Some(final_), Some(double)) = (self.final_jamo(), other.final_jamo()) else {
            return false;
        };
        FINAL_PAIRS
            .iter()
            .any(|&(first, _, pair)| first == final_ && pair == double)
    }
}

/// Whether `c` is a consonant that can begin a syllable, typed on its own (`ㄹ`).
pub fn is_initial_jamo(c: char) -> bool {
    INITIALS.contains(&c)
}

/// The initial consonant of a syllable, or `None` for any other character.
pub fn initial_of(c: char) -> Option<char> {
    Syllable::of(c).map(Syllable::initial_jamo)
}

/// Composes conjoining jamo (U+1100…, the decomposed NFD form of Hangul) into syllables,
/// leaving everything else as it is. This is Unicode's algorithmic Hangul composition.
pub fn compose_conjoining(text: &str) -> String {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        let code = c as u32;
        if let Some(&last) = out.last() {
            if (0x1161..=0x1175).contains(&code) && (0x1100..=0x1112).contains(&(last as u32)) {
                let syllable = Syllable {
                    initial: (last as u32 - 0x1100) as u8,
                    medial: (code - 0x1161) as u8,
                    final_: 0,
                };
                *out.last_mut().expect("checked") = syllable.to_char();
                continue;
            }
            if (0x11A8..=0x11C2).contains(&code) {
                if let Some(syllable) = Syllable::of(last).filter(|s| s.final_ == 0) {
                    let syllable = Syllable {
                        final_: (code - 0x11A7) as u8,
                        ..syllable
                    };
                    *out.last_mut().expect("checked") = syllable.to_char();
                    continue;
                }
            }
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// The jamo each key of the standard 2-beolsik (두벌식) layout types; Shift doubles five
/// consonants and two vowels.
fn key_jamo(key: char) -> Option<char> {
    const LOWER: &str = "ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ"; // a..z
    match key {
        'Q' => Some('ㅃ'),
        'W' => Some('ㅉ'),
        'E' => Some('ㄸ'),
        'R' => Some('ㄲ'),
        'T' => Some('ㅆ'),
        'O' => Some('ㅒ'),
        'P' => Some('ㅖ'),
        'a'..='z' | 'A'..='Z' => LOWER
            .chars()
            .nth(usize::from(key.to_ascii_lowercase() as u8 - b'a')),
        _ => None,
    }
}

fn vowel_index(c: char) -> Option<u8> {
    VOWELS.iter().position(|&v| v == c).map(|i| i as u8)
}

fn initial_index(c: char) -> Option<u8> {
    INITIALS.iter().position(|&v| v == c).map(|i| i as u8)
}

fn final_index(c: char) -> Option<u8> {
    FINAL_JAMO
        .iter()
        .skip(1)
        .position(|&v| v == c)
        .map(|i| i as u8 + 1)
}

/// Two vowels typed in a row that make one (`ㅗ` + `ㅏ` → `ㅘ`).
fn combine_vowels(first: char, second: char) -> Option<char> {
    Some(match (first, second) {
        ('ㅗ', 'ㅏ') => 'ㅘ',
        ('ㅗ', 'ㅐ') => 'ㅙ',
        ('ㅗ', 'ㅣ') => 'ㅚ',
        ('ㅜ', 'ㅓ') => 'ㅝ',
        ('ㅜ', 'ㅔ') => 'ㅞ',
        ('ㅜ', 'ㅣ') => 'ㅟ',
        ('ㅡ', 'ㅣ') => 'ㅢ',
        _ => return None,
    })
}

/// Two final consonants that make one (`ㄴ` + `ㅈ` → `ㄵ`), and back.
const FINAL_PAIRS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

/// What Latin text typed with the keyboard in Korean mode would have produced, the way a
/// 2-beolsik IME composes it (`fkdls` → `라인`, `auswjq` → `면접`). `None` if the text has
/// no letter to convert.
pub fn from_2beolsik(latin: &str) -> Option<String> {
    let mut out = String::new();
    // The syllable being composed: initial, medial, final (compatibility jamo).
    let mut initial: Option<char> = None;
    let mut medial: Option<char> = None;
    let mut final_: Option<char> = None;
    let mut converted = false;

    fn flush(
        out: &mut String,
        initial: &mut Option<char>,
        medial: &mut Option<char>,
        final_: &mut Option<char>,
    ) {
        match (initial.take(), medial.take(), final_.take()) {
            (Some(l), Some(v), t) => {
                let syllable = Syllable {
                    initial: initial_index(l).expect("initial"),
                    medial: vowel_index(v).expect("vowel"),
                    final_: t.and_then(final_index).unwrap_or(0),
                };
                out.push(syllable.to_char());
            }
            (l, v, _) => out.extend(l.into_iter().chain(v)),
        }
    }

    for key in latin.chars() {
        let Some(jamo) = key_jamo(key) else {
            flush(&mut out, &mut initial, &mut medial, &mut final_);
            out.push(key);
            continue;
        };
        converted = true;
        if vowel_index(jamo).is_some() {
            if let (Some(v), None) = (medial, final_) {
                if let Some(both) = combine_vowels(v, jamo) {
                    medial = Some(both);
                    continue;
                }
            }
            // A final consonant moves to the new syllable when a vowel follows (or its
            // second half, for a double final).
            let moved = match final_.take() {
                Some(t) => match FINAL_PAIRS.iter().find(|(_, _, pair)| *pair == t) {
                    Some(&(first, second, _)) => {
                        final_ = Some(first);
                        Some(second)
                    }
                    None => Some(t),
                },
                None => None,
            };
            if medial.is_some() || initial.is_none() && moved.is_none() {
                flush(&mut out, &mut initial, &mut medial, &mut final_);
            }
            if let Some(next_initial) = moved {
                flush(&mut out, &mut initial, &mut medial, &mut final_);
                initial = Some(next_initial);
            }
            medial = Some(jamo);
        } else if medial.is_none() {
            if initial.is_some() {
                flush(&mut out, &mut initial, &mut medial, &mut final_);
            }
            initial = Some(jamo);
        } else if initial.is_none() {
            flush(&mut out, &mut initial, &mut medial, &mut final_);
            initial = Some(jamo);
        } else {
            match final_ {
                None if final_index(jamo).is_some() => final_ = Some(jamo),
                Some(t) => match FINAL_PAIRS.iter().find(|(a, b, _)| *a == t && *b == jamo) {
                    Some(&(_, _, pair)) => final_ = Some(pair),
                    None => {
                        flush(&mut out, &mut initial, &mut medial, &mut final_);
                        initial = Some(jamo);
                    }
                },
                None => {
                    flush(&mut out, &mut initial, &mut medial, &mut final_);
                    initial = Some(jamo);
                }
            }
        }
    }
    flush(&mut out, &mut initial, &mut medial, &mut final_);
    converted.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_split_and_join() {
        let s = Syllable::of('콛').unwrap();
        assert_eq!(s.initial_jamo(), 'ㅋ');
        assert_eq!(s.open().to_char(), '코');
        assert_eq!(s.final_jamo(), Some('ㄷ'));
        assert_eq!(Syllable::of('A'), None);
        assert_eq!(initial_of('라'), Some('ㄹ'));
        assert!(is_initial_jamo('ㅋ') && !is_initial_jamo('ㅏ'));
    }

    #[test]
    fn decomposed_hangul_is_composed() {
        let nfd = "\u{1105}\u{1161}\u{110B}\u{1175}\u{11AB}"; // 라인, decomposed
        assert_eq!(compose_conjoining(nfd), "라인");
        assert_eq!(compose_conjoining("MLOps 라인"), "MLOps 라인");
    }

    #[test]
    fn latin_typed_in_korean_mode() {
        assert_eq!(from_2beolsik("fkdls").as_deref(), Some("라인"));
        assert_eq!(from_2beolsik("auswjq").as_deref(), Some("면접"));
        assert_eq!(from_2beolsik("zkzkdh").as_deref(), Some("카카오"));
        assert_eq!(from_2beolsik("dkssudgktpdy").as_deref(), Some("안녕하세요"));
        assert_eq!(from_2beolsik("ghkdtn").as_deref(), Some("황수"));
        assert_eq!(from_2beolsik("ekfr").as_deref(), Some("닭"));
        assert_eq!(from_2beolsik("ekfrl").as_deref(), Some("달기"));
        assert_eq!(from_2beolsik("ekfrdl").as_deref(), Some("닭이"));
        assert_eq!(from_2beolsik("Tkfk").as_deref(), Some("싸라"));
        assert_eq!(from_2beolsik("fkd ls").as_deref(), Some("랑 ㅣㄴ"));
        assert_eq!(from_2beolsik("123"), None);
    }
}
