//! The five real posts as a site: order, index, body files, and the filter over them.

mod common;

use common::repo_root;
use geul_content::site::{load_site, write_site_files, Site};
use geul_content::{
    facet_counts, filter_post_ids, FacetKind, Mode, PostMeta, Selection, SiteIndex,
};

fn site() -> Site {
    let root = repo_root();
    load_site(&root.join("posts"), &root).expect("the real posts build")
}

/// Every post's card: a site of five posts embeds them all in its first card chunk.
fn cards(index: &SiteIndex) -> &[PostMeta] {
    assert_eq!(
        index.first_cards.len(),
        index.len(),
        "all five cards embedded"
    );
    &index.first_cards
}

fn slugs(index: &SiteIndex, selection: &Selection) -> Vec<String> {
    listed(index, &filter_post_ids(index, selection))
}

fn count(index: &SiteIndex, selection: &Selection, kind: FacetKind, value: &str) -> usize {
    facet_counts(index, selection)
        .into_iter()
        .find(|f| f.facet.kind == kind && f.facet.value == value)
        .unwrap_or_else(|| panic!("no facet {value}"))
        .count
}

fn tags(values: &[&str], mode: Mode) -> Selection {
    Selection {
        tags: values.iter().map(|v| v.to_string()).collect(),
        mode,
        ..Selection::default()
    }
}

#[test]
fn newest_first_then_undated_by_title() {
    let index = site().index();
    let order: Vec<&str> = cards(&index).iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        order,
        [
            "data-scientist-job-change",
            "line-developer",
            "lablup-eight-months",
            "kraft-technologies-first-year",
            "kakao-mlops-interview",
        ]
    );
}

#[test]
fn bodies_are_content_hashed_files() {
    let site = site();
    let out = tempfile::tempdir().unwrap();
    write_site_files(&site, &repo_root(), out.path()).unwrap();
    let mut paths: Vec<&str> = site
        .posts
        .iter()
        .map(|p| p.meta.body_path.as_str())
        .collect();
    for (post, path) in site.posts.iter().zip(&paths) {
        assert!(
            path.starts_with("content/")
                && path.ends_with(".html")
                && path.len() == "content/.html".len() + 16
        );
        assert_eq!(
            std::fs::read_to_string(out.path().join(path)).unwrap(),
            post.html
        );
    }
    paths.dedup();
    assert_eq!(paths.len(), 5);
}

#[test]
fn the_index_survives_its_binary_form() {
    let index = site().index();
    let bytes = index.to_bytes();
    // Facet names travel once, in the facet table; posts carry facet ids.
    let mut without_names = index.clone();
    assert!(
        index.card_chunks.is_empty(),
        "five posts need no card chunk of their own"
    );
    for post in &mut without_names.first_cards {
        post.tags.clear();
        post.categories.clear();
    }
    assert_eq!(SiteIndex::from_bytes(&bytes).unwrap(), without_names);
    assert!(SiteIndex::from_bytes(&bytes[..bytes.len() / 2]).is_err());
}

#[test]
fn and_narrows_and_counts_what_adding_would_give() {
    let index = site().index();
    let mlops = tags(&["MLOps"], Mode::And);
    assert_eq!(
        slugs(&index, &mlops),
        ["kraft-technologies-first-year", "kakao-mlops-interview"]
    );
    assert_eq!(count(&index, &mlops, FacetKind::Tag, "MLOps"), 2);
    assert_eq!(count(&index, &mlops, FacetKind::Tag, "이직"), 1);
    assert_eq!(count(&index, &mlops, FacetKind::Tag, "jobs"), 0);
    assert_eq!(count(&index, &mlops, FacetKind::Category, "career"), 2);
    let both = tags(&["MLOps", "이직"], Mode::And);
    assert_eq!(slugs(&index, &both), ["kraft-technologies-first-year"]);
}

#[test]
fn or_widens_and_counts_what_adding_would_give() {
    let index = site().index();
    let either = tags(&["MLOps", "이직"], Mode::Or);
    assert_eq!(
        slugs(&index, &either),
        [
            "lablup-eight-months",
            "kraft-technologies-first-year",
            "kakao-mlops-interview"
        ]
    );
    assert_eq!(count(&index, &either, FacetKind::Tag, "jobs"), 4);
    assert_eq!(
        count(&index, &either, FacetKind::Tag, "MLOps"),
        2,
        "selected: shown posts carrying it"
    );
    assert_eq!(count(&index, &either, FacetKind::Category, "LINE"), 4);
}

#[test]
fn with_nothing_selected_counts_are_totals() {
    let index = site().index();
    let none = Selection::default();
    assert_eq!(slugs(&index, &none).len(), 5);
    assert_eq!(count(&index, &none, FacetKind::Category, "career"), 4);
    assert_eq!(count(&index, &none, FacetKind::Tag, "회고"), 2);
    assert_eq!(
        count(&index, &none.with_mode(Mode::Or), FacetKind::Tag, "회고"),
        2
    );
}

#[test]
fn a_facet_no_post_carries_matches_nothing_under_and_and_is_ignored_under_or() {
    let index = site().index();
    let unknown = tags(&["없는태그"], Mode::And);
    assert!(slugs(&index, &unknown).is_empty());
    let either = tags(&["없는태그", "jobs"], Mode::Or);
    assert_eq!(slugs(&index, &either), ["data-scientist-job-change"]);
}

#[test]
fn every_post_knows_its_facet_ids() {
    let index = site().index();
    for (position, post) in cards(&index).iter().enumerate() {
        assert_eq!(index.post_facets(position), post.facet_ids);
        let named: Vec<(FacetKind, String)> = post
            .facet_ids
            .iter()
            .map(|&id| {
                (
                    index.facets[id as usize].kind,
                    index.facets[id as usize].value.clone(),
                )
            })
            .collect();
        let mut expected: Vec<(FacetKind, String)> = Vec::new();
        let categories = post
            .categories
            .iter()
            .map(|c| (FacetKind::Category, c.clone()));
        for facet in categories.chain(post.tags.iter().map(|t| (FacetKind::Tag, t.clone()))) {
            if !expected.contains(&facet) {
                expected.push(facet);
            }
        }
        assert_eq!(
            named, expected,
            "{}: categories then tags, as the author gave them",
            post.slug
        );
    }
}

#[test]
fn tags_and_categories_combine() {
    let index = site().index();
    let selection = tags(&["jobs"], Mode::And).toggled(FacetKind::Category, "career");
    assert!(slugs(&index, &selection).is_empty());
    assert_eq!(slugs(&index, &selection.with_mode(Mode::Or)).len(), 5);
}

#[test]
fn facets_are_grouped_and_ordered_by_popularity() {
    let index = site().index();
    let facets = facet_counts(&index, &Selection::default());
    let names: Vec<&str> = facets.iter().map(|f| f.facet.value.as_str()).collect();
    assert_eq!(&names[..4], ["career", "ETC", "Jobs", "LINE"]);
    assert_eq!(&names[4..7], ["MLOps", "이직", "회고"]);
    assert_eq!(facets.len(), 4 + 7);
}

#[test]
fn search_finds_the_real_posts_the_korean_way() {
    use geul_content::search::{rank, Prepared, Query};
    use geul_content::search_index::SearchIndex;
    let site = site();
    assert!(site.search_path.starts_with("content/search-") && site.search_path.ends_with(".bin"));
    let index = SearchIndex::from_bytes(&site.search_bytes).unwrap();
    let prepared: Vec<Prepared> = geul_content::site::search_docs(&site.posts)
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
    use geul_content::search_index::{SearchIndex, TextChunk, TEXT_CHUNK_POSTS};
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
fn with_nothing_selected_each_count_is_every_post_carrying_the_facet() {
    use geul_content::facet_counts_among;
    let index = site().index();
    let every_post: Vec<usize> = (0..index.len()).collect();
    // Counted post by post (a search that found every post) and from the index's totals.
    let read: Vec<usize> = facet_counts_among(&index, &Selection::default(), Some(&every_post))
        .iter()
        .map(|f| f.count)
        .collect();
    let unread: Vec<usize> = facet_counts(&index, &Selection::default())
        .iter()
        .map(|f| f.count)
        .collect();
    assert_eq!(read, unread);
    let carrying = |id: usize| {
        (0..index.len())
            .filter(|&post| index.post_facets(post).contains(&(id as u32)))
            .count()
    };
    assert_eq!(
        unread,
        (0..index.facets.len()).map(carrying).collect::<Vec<_>>()
    );
    assert!(unread.iter().all(|&count| count > 0));
}

#[test]
fn counts_under_a_search_only_count_the_posts_it_found() {
    use geul_content::facet_counts_among;
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

fn search_index(site: &Site) -> geul_content::search_index::SearchIndex {
    geul_content::search_index::SearchIndex::from_bytes(&site.search_bytes).unwrap()
}

fn listed(index: &SiteIndex, shown: &[usize]) -> Vec<String> {
    shown
        .iter()
        .map(|&i| cards(index)[i].slug.clone())
        .collect()
}

/// The real posts' index and their list under `selection`, searched with their index.
fn list_for(selection: &Selection) -> (SiteIndex, geul_content::list::ListResults) {
    let site = site();
    let (index, search) = (site.index(), search_index(&site));
    let list = geul_content::list::list_results(&index, selection, Some(&search));
    (index, list)
}

#[test]
fn the_list_combines_search_and_facets_and_counts_within_the_search() {
    use geul_content::list::list_results;
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
    use geul_content::list::list_results;
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
