//! The five real posts as a site: order, index, body files, and the filter over them
//! (their search: `site_search.rs`).

mod common;

use common::real_index::{cards, count, slugs, tags};
use common::{demo_site_root, real_site as site};
use geul_build::write_site_files;
use geul_core::{facet_counts, FacetKind, Mode, Selection, SiteIndex};

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
    write_site_files(&site, &demo_site_root(), out.path()).unwrap();
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
        // The body and what follows its text (sharing, where to read on), after a link to
        // the stylesheet of bodies and the script that works their buttons, both published
        // too.
        let file = std::fs::read_to_string(out.path().join(path)).unwrap();
        let (link, rest) = file.split_once('>').unwrap();
        let (script, body) = rest.split_once("</script>").unwrap();
        assert_eq!(body, format!("{}{}", post.html, post.after_text));
        assert!(post.after_text.starts_with("<div class=\"share\">"));
        assert!(post.after_text.contains("<nav class=\"reading-on\""));
        let script = script
            .strip_prefix("<script type=\"module\" src=\"")
            .and_then(|rest| rest.strip_suffix("\">"))
            .unwrap();
        assert!(script.starts_with("content/enhance-") && script.ends_with(".js"));
        assert!(out.path().join(script).is_file());
        let style = link
            .strip_prefix("<link rel=\"stylesheet\" href=\"")
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap();
        assert!(style.starts_with("content/style-") && style.ends_with(".css"));
        assert!(out.path().join(style).is_file());
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
fn with_nothing_selected_each_count_is_every_post_carrying_the_facet() {
    use geul_core::facet_counts_among;
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
