//! Excerpts and reading time, computed from a post's readable text.

/// Excerpts are at most this many characters (plus an ellipsis).
pub const EXCERPT_CHARS: usize = 150;

/// The first ~150 characters of the text on one line, cut between words where possible.
pub fn excerpt(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(EXCERPT_CHARS).collect();
    // Prefer a word boundary in the last fifth, so Korean words are not split mid-word.
    let boundary = cut
        .rfind(' ')
        .filter(|&at| cut[..at].chars().count() >= EXCERPT_CHARS * 4 / 5);
    let kept = boundary.map_or(cut.as_str(), |at| &cut[..at]);
    format!("{}…", kept.trim_end_matches([' ', ',', '.', '·']))
}

/// Korean, Chinese and Japanese characters read per minute.
///
/// Medium's published rule (help article "Read time"): about 265 words per minute for
/// space-separated languages and 500 characters per minute for Chinese, Japanese and Korean.
pub const CJK_CHARS_PER_MINUTE: f64 = 500.0;
/// Words per minute for text in Latin and other space-separated scripts (same source).
pub const WORDS_PER_MINUTE: f64 = 265.0;

/// Whether a character is counted one by one (Hangul, kana, CJK ideographs).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{1100}'..='\u{11FF}' // Hangul jamo
        | '\u{3130}'..='\u{318F}' // Hangul compatibility jamo
        | '\u{3040}'..='\u{30FF}' // Hiragana and Katakana
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
    )
}

/// Minutes to read the text, rounded, at least 1. Hangul and other CJK characters count at
/// 500 per minute; every whitespace-separated run of other letters or digits counts as a word.
pub fn reading_minutes(text: &str) -> u32 {
    let mut cjk_chars = 0usize;
    let mut words = 0usize;
    for token in text.split_whitespace() {
        let mut in_word = false;
        for c in token.chars() {
            if is_cjk(c) {
                cjk_chars += 1;
                in_word = false;
            } else if c.is_alphanumeric() {
                if !in_word {
                    words += 1;
                }
                in_word = true;
            } else {
                in_word = false;
            }
        }
    }
    let minutes = cjk_chars as f64 / CJK_CHARS_PER_MINUTE + words as f64 / WORDS_PER_MINUTE;
    (minutes.round() as u32).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_its_own_excerpt() {
        assert_eq!(excerpt("짧은 글\n\n입니다."), "짧은 글 입니다.");
    }

    #[test]
    fn long_text_is_cut_between_words_with_an_ellipsis() {
        let text = "가나다라 ".repeat(60);
        let cut = excerpt(&text);
        assert!(cut.ends_with('…'));
        assert!(cut.chars().count() <= EXCERPT_CHARS + 1);
        assert!(cut.trim_end_matches('…').ends_with("가나다라"));
    }

    #[test]
    fn text_without_spaces_is_cut_hard() {
        let cut = excerpt(&"가".repeat(400));
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
    }

    #[test]
    fn korean_reads_at_500_characters_a_minute() {
        assert_eq!(reading_minutes(&"가".repeat(1500)), 3);
        assert_eq!(reading_minutes(&"가".repeat(1700)), 3);
        assert_eq!(reading_minutes(&"가".repeat(1800)), 4);
    }

    #[test]
    fn english_reads_at_265_words_a_minute() {
        assert_eq!(reading_minutes(&"word ".repeat(530)), 2);
    }

    #[test]
    fn mixed_text_adds_both_and_never_says_zero() {
        assert_eq!(reading_minutes(""), 1);
        // 250 syllables (0.5 min) + 133 words (~0.5 min) ≈ 1 minute.
        let text = format!("{} {}", "가".repeat(250), "MLOps ".repeat(133));
        assert_eq!(reading_minutes(&text), 1);
        // Particles glued to Latin words: `MLOps를` is one word plus one syllable.
        assert_eq!(reading_minutes("MLOps를"), 1);
    }
}
