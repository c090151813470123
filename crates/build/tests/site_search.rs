//! The five real posts searched: the index against the scan, the text chunks, and the list
//! that combines a search with the facets.

mod common;

use common::real_index::{cards, count, listed, tags};
use common::real_site as site;
use geul_build::Site;
use geul_core::{FacetKind, Mode, Selection, SiteIndex};

#[test]
fn search_finds_the_real_posts_the_korean_way() {
    use geul_core::search::SearchIndex;
    use geul_core::search::{rank, Prepared, Query};
    let site = site();
    assert!(site.search_path.starts_with("content/search-") && site.search_path.ends_with(".bin"));
    let index = SearchIndex::from_bytes(&site.search_bytes).unwrap();
    let prepared: Vec<Prepared> = geul_build::search_docs(&site.posts)
        .iter()
        .map(Prepared::new)
        .collect();
    let posts = site.metas();
    let found = |query: &str| -> Vec<String> {
        let query = Query::parse(query);
        let ranked = index.search(&query);
        assert_eq!(
            ranked,
            rank(&prepared, 0..prepared.len(), &query),
            "the index agrees with the scan"
        );
        ranked.into_iter().map(|i| posts[i].slug.clone()).collect()
    };
    assert_eq!(found("래블업"), ["lablup-eight-months"]);
    assert!(
        found("라인").contains(&"line-developer".to_owned()),
        "{:?}",
        found("라인")
    );
    assert_eq!(
        found("카카오 면접")[0],
        "kakao-mlops-interview",
        "title match first"
    );
    assert!(found("ㄹㅂㅇ").contains(&"lablup-eight-months".to_owned()));
    assert!(
        found("콛").contains(&"kakao-mlops-interview".to_owned()),
        "코드 in the interview notes"
    );
    assert!(found("kubernetes").contains(&"kraft-technologies-first-year".to_owned()));
    assert!(found("없는단어입니다").is_empty());
    for query in [
        "ㄹ",
        "라",
        "다",
        "MLOps 엔지니어",
        "k8s",
        "AWS",
        "ㅋㅋㅇ",
        "데이터 사이언티스트",
    ] {
        found(query);
    }
}

#[test]
fn text_chunks_hold_every_text_in_order() {
    use geul_core::search::{SearchIndex, TextChunk, TEXT_CHUNK_POSTS};
    let site = site();
    let index = SearchIndex::from_bytes(&site.search_bytes).unwrap();
    let paths: Vec<&String> = site.text_chunks.iter().map(|(path, _)| path).collect();
    assert_eq!(index.text_chunks.iter().collect::<Vec<_>>(), paths);
    let texts: Vec<String> = site
        .text_chunks
        .iter()
        .flat_map(|(_, bytes)| TextChunk::from_bytes(bytes).unwrap().texts)
        .collect();
    let expected: Vec<String> = site.posts.iter().map(|post| post.text.clone()).collect();
    assert_eq!(texts, expected);
    assert_eq!(
        site.text_chunks.len(),
        site.posts.len().div_ceil(TEXT_CHUNK_POSTS)
    );
}

#[test]
fn counts_under_a_search_only_count_the_posts_it_found() {
    use geul_core::facet_counts_among;
    let index = site().index();
    let lablup = cards(&index)
        .iter()
        .position(|p| p.slug == "lablup-eight-months")
        .unwrap();
    let only_lablup = vec![lablup];
    let count_among = |selection: &Selection, kind: FacetKind, value: &str| {
        facet_counts_among(&index, selection, Some(&only_lablup))
            .into_iter()
            .find(|f| f.facet.kind == kind && f.facet.value == value)
            .unwrap()
            .count
    };
    let none = Selection::default();
    let lablup_tags = &cards(&index)[lablup].tags;
    for facet in &index.facets {
        let carried = match facet.kind {
            FacetKind::Tag => lablup_tags.contains(&facet.value),
            FacetKind::Category => cards(&index)[lablup].categories.contains(&facet.value),
        };
        assert_eq!(
            count_among(&none, facet.kind, &facet.value),
            usize::from(carried),
            "{}",
            facet.value
        );
    }
    // Under OR, adding a facet can only bring in posts the search found.
    let mlops_or = tags(&["MLOps"], Mode::Or);
    assert_eq!(count_among(&mlops_or, FacetKind::Tag, "이직"), 1);
    assert_eq!(count(&index, &mlops_or, FacetKind::Tag, "이직"), 3);
}

fn search_index(site: &Site) -> geul_core::search::SearchIndex {
    geul_core::search::SearchIndex::from_bytes(&site.search_bytes).unwrap()
}

/// The real posts' index and their list under `selection`, searched with their index.
fn list_for(selection: &Selection) -> (SiteIndex, geul_core::ListResults) {
    let site = site();
    let (index, search) = (site.index(), search_index(&site));
    let list = geul_core::list_results(&index, selection, Some(&search));
    (index, list)
}

#[test]
fn the_list_combines_search_and_facets_and_counts_within_the_search() {
    use geul_core::list_results;
    let selection = Selection {
        search: "카카오".into(),
        ..tags(&["MLOps"], Mode::And)
    };
    let (index, list) = list_for(&selection);
    assert_eq!(
        listed(&index, &list.shown),
        ["kakao-mlops-interview", "kraft-technologies-first-year"],
        "both MLOps posts mention 카카오; the title match first"
    );
    let facets = list.facet_counts(&index, &selection);
    let count = |value: &str| {
        facets
            .iter()
            .find(|f| f.facet.value == value)
            .unwrap()
            .count
    };
    assert_eq!(count("면접"), 1);
    assert_eq!(list.layout_query, None);

    // Before the index arrives the search text waits and the facets still apply.
    let waiting = list_results(&index, &selection, None);
    assert_eq!(
        listed(&index, &waiting.shown),
        ["kraft-technologies-first-year", "kakao-mlops-interview"]
    );
}

#[test]
fn with_no_facet_selected_a_search_counts_the_posts_it_shows() {
    let selection = Selection {
        search: "카카오".into(),
        ..Selection::default()
    };
    let (index, list) = list_for(&selection);
    assert!(!list.shown.is_empty() && list.shown.len() < index.len());
    for facet in list.facet_counts(&index, &selection) {
        let carrying = list
            .shown
            .iter()
            .filter(|&&at| {
                let post = &cards(&index)[at];
                match facet.facet.kind {
                    FacetKind::Tag => post.tags.contains(&facet.facet.value),
                    FacetKind::Category => post.categories.contains(&facet.facet.value),
                }
            })
            .count();
        assert_eq!(facet.count, carrying, "{}", facet.facet.value);
    }
}

#[test]
fn latin_typed_in_the_wrong_layout_is_tried_as_hangul_only_when_it_finds_nothing() {
    use geul_core::list_results;
    let site = site();
    let (index, search) = (site.index(), search_index(&site));
    let typed = |text: &str| Selection {
        search: text.into(),
        ..Selection::default()
    };
    let list = list_results(&index, &typed("fkdls"), Some(&search));
    assert_eq!(list.layout_query.as_deref(), Some("라인"));
    assert!(listed(&index, &list.shown).contains(&"line-developer".to_owned()));
    let aws = list_results(&index, &typed("aws"), Some(&search));
    assert_eq!(aws.layout_query, None, "AWS is in the posts as typed");
    assert!(!aws.shown.is_empty());
    let nothing = list_results(&index, &typed("qqqqq"), Some(&search));
    assert!(nothing.shown.is_empty() && nothing.layout_query.is_none());
}
