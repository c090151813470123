//! One facet for one name however it is typed: `Rust`, `rust` and `RUST`, or `머신러닝` and
//! `머신 러닝`, are the same tag. Every post then shows the spelling most posts use (on a
//! tie, the one of the post listed first), and the build names the files that spell it
//! otherwise, so the author can make them agree.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::error::ContentWarning;
use crate::post::Post;
use geul_core::FacetKind;

/// What spellings of one name share: lower case, no spaces.
pub fn spelling_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Files named in a warning before "and N more".
const FILES_NAMED: usize = 5;

/// Rewrites every post's tags and categories to one spelling per name; `posts` in display
/// order. Returns a warning for each spelling that was changed, at its first file.
pub fn unify_spellings(posts: &mut [Post]) -> Vec<ContentWarning> {
    let mut warnings = Vec::new();
    for kind in [FacetKind::Category, FacetKind::Tag] {
        warnings.extend(unify(posts, kind));
    }
    warnings
}

/// Who writes one spelling: the posts (by position), in display order.
type Writers = Vec<usize>;

fn names(post: &mut Post, kind: FacetKind) -> &mut Vec<String> {
    match kind {
        FacetKind::Category => &mut post.meta.categories,
        FacetKind::Tag => &mut post.meta.tags,
    }
}

fn unify(posts: &mut [Post], kind: FacetKind) -> Vec<ContentWarning> {
    // key → spellings in order of first use, each with the posts that write it.
    let mut spellings: HashMap<String, Vec<(String, Writers)>> = HashMap::new();
    for (position, post) in posts.iter_mut().enumerate() {
        for name in names(post, kind).iter() {
            let variants = spellings.entry(spelling_key(name)).or_default();
            match variants.iter_mut().find(|(spelling, _)| spelling == name) {
                Some((_, writers)) => writers.push(position),
                None => variants.push((name.clone(), vec![position])),
            }
        }
    }
    let mut chosen: HashMap<String, String> = HashMap::new();
    let mut warnings = Vec::new();
    for (key, variants) in spellings {
        if variants.len() < 2 {
            continue;
        }
        // Most writers first; on a tie, the spelling whose first post is listed first.
        let (_, (best, best_writers)) = variants
            .iter()
            .enumerate()
            .max_by(|(i, (_, a)), (j, (_, b))| {
                a.len().cmp(&b.len()).then(b[0].cmp(&a[0])).then(j.cmp(i))
            })
            .expect("two or more");
        for (spelling, writers) in &variants {
            if spelling == best {
                continue;
            }
            let first = &posts[writers[0]];
            let line = match kind {
                FacetKind::Category => first.categories_line,
                FacetKind::Tag => first.tags_line,
            };
            let files = |writers: &[usize]| named_files(writers.iter().map(|&p| &posts[p].file));
            let also = match writers.len() {
                1 => String::new(),
                _ => format!(" (also in {})", files(&writers[1..])),
            };
            warnings.push(ContentWarning::new(
                &first.file,
                line,
                format!(
                    "{} `{spelling}`{also} is shown as `{best}`, the spelling of {}",
                    kind_word(kind),
                    files(best_writers)
                ),
            ));
        }
        chosen.insert(key, best.clone());
    }
    if chosen.is_empty() {
        return warnings;
    }
    for post in posts.iter_mut() {
        let names = names(post, kind);
        let mut seen = HashSet::with_capacity(names.len());
        let unified: Vec<String> = names
            .drain(..)
            .map(|name| chosen.get(&spelling_key(&name)).cloned().unwrap_or(name))
            .filter(|name| seen.insert(name.clone()))
            .collect();
        *names = unified;
    }
    warnings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    warnings
}

fn kind_word(kind: FacetKind) -> &'static str {
    match kind {
        FacetKind::Category => "category",
        FacetKind::Tag => "tag",
    }
}

/// `a.md, b.md and 3 more`.
fn named_files<'a>(files: impl ExactSizeIterator<Item = &'a PathBuf>) -> String {
    let total = files.len();
    let mut named: Vec<String> = files
        .take(FILES_NAMED)
        .map(|file| file.display().to_string())
        .collect();
    if total > FILES_NAMED {
        named.push(format!("{} more", total - FILES_NAMED));
    }
    named.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_spaces_do_not_make_another_name() {
        assert_eq!(spelling_key("Rust"), spelling_key("RUST"));
        assert_eq!(spelling_key("머신 러닝"), spelling_key("머신러닝"));
        assert_eq!(spelling_key(" Machine  Learning"), "machinelearning");
        assert_ne!(spelling_key("C++"), spelling_key("C#"));
    }
}
