use super::*;
use geul_core::{
    search::{initial_of, Syllable},
    search::{rank, Prepared, SearchDoc},
};

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
    "앍",
    "싦",
    "코ㄷ",
    "면접",
    "카카오 면접",
    // More words than the counting buckets serve (see `best_first`).
    "라 다 에 이 라 다 에 이 라 다 에 이 라 다 에 이 라",
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
    let index = SearchIndex::from_bytes(&SearchIndexFile::build(&docs, vec![]).to_bytes()).unwrap();
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

/// The index with a shortcut for every one-character term that matches anything.
fn with_every_shortcut(docs: &[SearchDoc]) -> SearchIndexFile {
    let mut file = SearchIndexFile::words_only(docs, vec![]);
    file.add_shortcuts(|_, _| true);
    file
}

/// The characters that have a shortcut: the file's last words.
fn shortcut_keys(file: &SearchIndexFile) -> Vec<&str> {
    let words: Vec<&str> = file.words.lines().collect();
    words[words.len() - file.shortcuts as usize..].to_vec()
}

/// Every one-character query a reader can start with in `docs`: each character, and each
/// syllable's initial and open syllable.
fn first_keys(docs: &[SearchDoc]) -> Vec<String> {
    let mut keys = std::collections::BTreeSet::new();
    for doc in docs {
        for c in geul_core::search::folded(&format!("{} {} {}", doc.title, doc.facets, doc.text)) {
            keys.insert(c);
            if let Some(s) = Syllable::of(c) {
                keys.insert(s.open().to_char());
                keys.extend(initial_of(c));
            }
        }
    }
    keys.into_iter()
        .filter(|c| !c.is_whitespace())
        .map(String::from)
        .collect()
}

#[test]
fn shortcuts_find_what_joining_the_words_finds() {
    let docs = corpus();
    let file = with_every_shortcut(&docs);
    for c in ["ㄹ", "라", "면", "m", "8", "+"] {
        assert!(shortcut_keys(&file).contains(&c), "{c} has no shortcut");
    }
    let shortcuts = SearchIndex::from_bytes(&file.to_bytes()).unwrap();
    let words =
        SearchIndex::from_bytes(&SearchIndexFile::words_only(&docs, vec![]).to_bytes()).unwrap();
    let prepared: Vec<Prepared> = docs.iter().map(Prepared::new).collect();
    let queries = first_keys(&docs);
    let queries = queries
        .iter()
        .map(String::as_str)
        .chain(QUERIES.iter().copied());
    for typed in queries.chain(["ㄹ 라인", "M k", "카카오 ㅁ"]) {
        let query = Query::parse(typed);
        let found = shortcuts.search(&query);
        assert_eq!(found, words.search(&query), "{typed:?}");
        assert_eq!(found, rank(&prepared, 0..docs.len(), &query), "{typed:?}");
    }
}

#[test]
fn a_first_key_is_the_key_of_its_shortcut() {
    for key in first_keys(&corpus()) {
        let query = Query::parse(&key);
        let [term] = query.terms.as_slice() else {
            panic!("{key:?} is one term");
        };
        assert_eq!(term.as_single_char().map(String::from), Some(key));
    }
    for longer in ["라인", "ㄹㅇ", "c++", "k8"] {
        assert_eq!(
            Query::parse(longer).terms[0].as_single_char(),
            None,
            "{longer}"
        );
    }
}

#[test]
fn only_first_keys_that_match_many_words_get_a_shortcut() {
    // 40,000 words with ㄹ (라0_0 … 라1999_19), one post each: joining them reads far more
    // than the one list of 2,000 posts a shortcut holds.
    let docs: Vec<SearchDoc> = (0..2000)
        .map(|post| {
            let text: Vec<String> = (0..20).map(|k| format!("라{post}_{k}")).collect();
            doc("글", "", &format!("{} x", text.join(" ")))
        })
        .collect();
    let file = SearchIndexFile::build(&docs, vec![]);
    for c in ["ㄹ", "라", "_", "1"] {
        assert!(
            shortcut_keys(&file).contains(&c),
            "{c} should have a shortcut"
        );
    }
    // `x` and `글` are one word each: their join is already one list.
    for c in ["x", "글", "ㄱ", "그"] {
        assert!(!shortcut_keys(&file).contains(&c), "{c} should not");
    }
    let index = SearchIndex::from_bytes(&file.to_bytes()).unwrap();
    assert_eq!(index.search(&Query::parse("ㄹ")).len(), 2000);
    assert_eq!(index.search(&Query::parse("라1999_19")), [1999]);
    // The small corpus of the other tests needs none.
    assert_eq!(SearchIndexFile::build(&corpus(), vec![]).shortcuts, 0);
}

#[test]
fn fields_rank_title_then_facets_then_text() {
    let docs = [
        doc("회고", "", "면접 이야기"),
        doc("다른 글", "면접", ""),
        doc("면접 준비", "", ""),
    ];
    let index = SearchIndex::from_bytes(&SearchIndexFile::build(&docs, vec![]).to_bytes()).unwrap();
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
        Damaged::Garbled
    );
    let mut more_shortcuts_than_words = with_every_shortcut(&corpus());
    more_shortcuts_than_words.shortcuts = more_shortcuts_than_words.posting_ends.len() as u32 + 1;
    assert!(SearchIndex::from_bytes(&more_shortcuts_than_words.to_bytes()).is_err());
    let index = SearchIndex::from_bytes(&bytes).unwrap();
    assert_eq!(index.text_chunks, ["content/text-a.bin"]);
    assert_eq!(index.len(), 5);
}

#[test]
fn a_file_whose_postings_are_overwritten_never_panics() {
    // A whole file whose postings are overwritten, with every length still right.
    let mut file = SearchIndexFile::build(&corpus(), vec!["content/text-a.bin".into()]);
    for (at, byte) in file.postings.iter_mut().enumerate() {
        *byte = [0xff, 0x80, 0x7f, 0x00][at % 4];
    }
    let index = SearchIndex::from_bytes(&file.to_bytes()).unwrap();
    for query in ["라인", "ㄹ", "ㅋㅋㅇ", "k8s", "면접 코드", "a"] {
        let found = index.search(&Query::parse(query));
        assert!(found.iter().all(|&post| post < index.len()), "{query}");
    }
}
