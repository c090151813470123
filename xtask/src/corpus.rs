//! `cargo xtask corpus`: synthetic sites for the search benchmark.
//!
//! Every post is made of sentences taken from the five real posts in `posts/`, so the
//! text is real Korean with the real mix of Latin terms; titles, tags, categories and
//! dates are drawn from fixed pools. The same `--posts` and `--seed` always give the same
//! files, byte for byte.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use geul_build::load_site;

use crate::util::{self, Error, Result};

/// Tags with how often they are drawn (weights): a few popular ones, many rare ones, as on
/// a real blog.
const TAGS: &[(&str, u32)] = &[
    ("MLOps", 30),
    ("회고", 25),
    ("이직", 25),
    ("면접", 20),
    ("데이터", 20),
    ("Kubernetes", 12),
    ("AWS", 12),
    ("Python", 12),
    ("스타트업", 10),
    ("커리어", 10),
    ("머신러닝", 10),
    ("딥러닝", 8),
    ("Airflow", 6),
    ("Spark", 6),
    ("Docker", 6),
    ("k8s", 5),
    ("CI/CD", 5),
    ("추천시스템", 4),
    ("자연어처리", 4),
    ("코딩테스트", 4),
    ("부트캠프", 3),
    ("대학원", 3),
    ("연봉", 3),
    ("리더십", 2),
    ("Kafka", 2),
    ("GPU", 2),
    ("LLM", 2),
    ("모니터링", 2),
    ("SQL", 2),
    ("jobs", 1),
];

const CATEGORIES: &[(&str, u32)] = &[
    ("career", 30),
    ("MLOps", 15),
    ("회고", 12),
    ("면접", 10),
    ("데이터", 8),
    ("ETC", 5),
    ("Jobs", 3),
    ("LINE", 2),
];

/// Title endings, after two or three words from a sentence.
const TITLE_ENDS: &[&str] = &[
    "이야기",
    "회고",
    "후기",
    "정리",
    "에 대하여",
    "돌아보기",
    "기록",
    "메모",
];

/// SplitMix64: tiny, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `range` (inclusive start, exclusive end).
    fn below(&mut self, end: u64) -> u64 {
        self.next() % end
    }

    fn between(&mut self, start: u64, end: u64) -> u64 {
        start + self.below(end - start)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn weighted<'a>(&mut self, items: &'a [(&'a str, u32)]) -> &'a str {
        let total: u64 = items.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut roll = self.below(total);
        for &(item, weight) in items {
            if roll < u64::from(weight) {
                return item;
            }
            roll -= u64::from(weight);
        }
        unreachable!("the roll is below the total")
    }
}

/// The sentences of the real posts: split after `.`, `?` or `!` and at line ends, at least
/// ten characters, with some Hangul, each once.
pub fn sentences_of(texts: &[String]) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    for text in texts {
        let mut current = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let ends = c == '\n'
                || (matches!(c, '.' | '?' | '!') && chars.peek().is_none_or(|n| n.is_whitespace()));
            if c != '\n' {
                current.push(c);
            }
            if ends || chars.peek().is_none() {
                let sentence = current.split_whitespace().collect::<Vec<_>>().join(" ");
                let hangul = sentence.chars().any(|c| ('가'..='힣').contains(&c));
                if sentence.chars().count() >= 10 && hangul && !sentences.contains(&sentence) {
                    sentences.push(sentence);
                }
                current.clear();
            }
        }
    }
    sentences
}

/// One synthetic post as a Markdown file with Jekyll front matter.
fn post(rng: &mut Rng, number: usize, sentences: &[String]) -> String {
    let words: Vec<&str> = rng.pick(sentences).split_whitespace().collect();
    let take = (rng.between(2, 4) as usize).min(words.len());
    let title = format!(
        "{} {} #{number}",
        words[..take]
            .join(" ")
            .trim_end_matches(['.', ',', '?', '!']),
        rng.pick(TITLE_ENDS)
    );
    let mut tags: Vec<&str> = Vec::new();
    for _ in 0..rng.between(1, 5) {
        let tag = rng.weighted(TAGS);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let category = rng.weighted(CATEGORIES);
    // Any day from 2015 to 2026, so the list order is the date order of a real archive.
    let day = rng.below(12 * 365);
    let (year, month, date) = (2015 + day / 365, 1 + (day % 365) / 31 % 12, 1 + day % 28);
    let mut text = String::new();
    let _ = writeln!(text, "---");
    let _ = writeln!(text, "title: \"{}\"", title.replace('"', "'"));
    let _ = writeln!(text, "date: {year}-{month:02}-{date:02} 09:00:00 +0900");
    let _ = writeln!(text, "categories: [{category}]");
    let _ = writeln!(text, "tags: [{}]", tags.join(", "));
    let _ = writeln!(text, "---");
    for _ in 0..rng.between(2, 6) {
        let paragraph: Vec<&str> = (0..rng.between(1, 5))
            .map(|_| rng.pick(sentences).as_str())
            .collect();
        let _ = writeln!(text, "\n{}", paragraph.join(" "));
    }
    text
}

/// Writes `count` posts into `out` (emptied first), sentences taken from `real_posts`.
pub fn generate(real_posts: &Path, out: &Path, count: usize, seed: u64) -> Result<usize> {
    let root = util::repo_root();
    let site = load_site(real_posts, &root).map_err(|errors| {
        Error::new(format!(
            "cannot read the real posts in {}: {}",
            real_posts.display(),
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ))
    })?;
    let texts: Vec<String> = site.posts.iter().map(|post| post.text.clone()).collect();
    let sentences = sentences_of(&texts);
    if sentences.is_empty() {
        return Err(Error::new("the real posts have no sentences to sample"));
    }
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Error::new(format!("cannot {what} {}: {e}", path.display()))
    };
    if out.exists() {
        fs::remove_dir_all(out).map_err(|e| io("empty", out, e))?;
    }
    fs::create_dir_all(out).map_err(|e| io("create", out, e))?;
    let mut rng = Rng(seed);
    for number in 1..=count {
        let file = out.join(format!("post-{number:06}.md"));
        fs::write(&file, post(&mut rng, number, &sentences)).map_err(|e| io("write", &file, e))?;
    }
    Ok(sentences.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_enders_and_lines_and_keep_hangul_ones() {
        let texts = vec!["첫 번째 문장입니다. 두 번째 문장인가요? v1.2 버전은 그대로입니다\nshort\nEnglish only sentence here.".to_owned()];
        assert_eq!(
            sentences_of(&texts),
            [
                "첫 번째 문장입니다.",
                "두 번째 문장인가요?",
                "v1.2 버전은 그대로입니다"
            ]
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let sentences: Vec<String> = (0..50).map(|i| format!("문장 번호 {i} 입니다.")).collect();
        let make = |seed| {
            let mut rng = Rng(seed);
            (1..=20)
                .map(|n| post(&mut rng, n, &sentences))
                .collect::<Vec<_>>()
        };
        assert_eq!(make(7), make(7));
        assert_ne!(make(7), make(8));
    }

    #[test]
    fn generated_posts_are_valid_posts() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("posts");
        generate(
            &util::repo_root().join("tests/demo-site/posts"),
            &out,
            50,
            1,
        )
        .unwrap();
        let site = load_site(&out, tmp.path()).expect("the corpus builds");
        assert_eq!(site.posts.len(), 50);
        assert!(site
            .posts
            .iter()
            .all(|p| !p.meta.tags.is_empty() && p.meta.date.is_some()));
        assert!(site.facets.len() > 10, "tags and categories vary");
    }

    #[test]
    fn the_search_index_agrees_with_scanning_a_generated_corpus() {
        use geul_build::SearchIndexFile;
        use geul_core::search::SearchIndex;
        use geul_core::search::{rank, Prepared, Query};
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("posts");
        // Enough posts that the commonest first keys get shortcuts of their own.
        generate(
            &util::repo_root().join("tests/demo-site/posts"),
            &out,
            1000,
            3,
        )
        .unwrap();
        let site = load_site(&out, tmp.path()).unwrap();
        let file = SearchIndexFile::from_bytes(&site.search_bytes).unwrap();
        assert!(file.shortcuts > 0, "no shortcuts at 1,000 posts");
        let index = SearchIndex::from_bytes(&site.search_bytes).unwrap();
        let prepared: Vec<Prepared> = geul_build::search_docs(&site.posts)
            .iter()
            .map(Prepared::new)
            .collect();
        let queries = [
            "ㄹ",
            "라",
            "라ㅇ",
            "라이",
            "라인",
            "카카오 면접",
            "ㄹㅇ",
            "mlops 엔지니어",
            "k8s",
            "쿠버네티스",
            "데이터 사이언티스트",
            "콛",
            "ㅋ",
            "ㅇ",
            "ㄱ",
            "ㅅ",
            "이",
            "e",
            "a",
            "다",
            "면접관을",
            "회고",
            "#12",
            "없는말",
        ];
        let mut found_any = 0;
        for query in queries {
            let query = Query::parse(query);
            let ranked = index.search(&query);
            assert_eq!(
                ranked,
                rank(&prepared, 0..prepared.len(), &query),
                "{query:?}"
            );
            found_any += usize::from(!ranked.is_empty());
        }
        assert!(found_any > 12, "most queries find posts");
    }
}
