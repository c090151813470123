//! URL slugs. Hangul and other letters are kept (browsers show them readably); everything
//! else becomes a single `-`.

/// Lower-cases Latin letters, keeps letters and digits of any script, joins the rest with `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.extend(c.to_lowercase());
        } else {
            pending_dash = true;
        }
    }
    slug
}

/// Splits a Jekyll post file stem `2021-02-01-line-developer` into its date and the rest.
pub fn split_dated_stem(stem: &str) -> (Option<&str>, &str) {
    let bytes = stem.as_bytes();
    let dated = bytes.len() > 11
        && bytes[10] == b'-'
        && crate::parse::date::parse_ymd(&stem[..10]).is_some();
    if dated {
        (Some(&stem[..10]), &stem[11..])
    } else {
        (None, stem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_is_lowercased_and_punctuation_collapses() {
        assert_eq!(slugify("Hello,  World!"), "hello-world");
        assert_eq!(slugify("--MLOps__engineer--"), "mlops-engineer");
    }

    #[test]
    fn hangul_is_kept() {
        assert_eq!(slugify("나도 LINE 개발자입니다."), "나도-line-개발자입니다");
    }

    #[test]
    fn jekyll_stems_lose_their_date() {
        assert_eq!(
            split_dated_stem("2021-02-01-line-developer"),
            (Some("2021-02-01"), "line-developer")
        );
        assert_eq!(
            split_dated_stem("lablup-eight-months"),
            (None, "lablup-eight-months")
        );
        assert_eq!(
            split_dated_stem("2021-02-31-not-a-date"),
            (None, "2021-02-31-not-a-date")
        );
    }
}
