//! The real posts' index, read the way the list reads it.

use geul_core::{facet_counts, filter_post_ids, FacetKind, Mode, PostMeta, Selection, SiteIndex};

/// Every post's card: a site of five posts embeds them all in its first card chunk.
pub fn cards(index: &SiteIndex) -> &[PostMeta] {
    assert_eq!(
        index.first_cards.len(),
        index.len(),
        "all five cards embedded"
    );
    &index.first_cards
}

/// The slugs of the posts the facets in `selection` let through, in list order.
pub fn slugs(index: &SiteIndex, selection: &Selection) -> Vec<String> {
    listed(index, &filter_post_ids(index, selection))
}

/// The count shown beside one facet under `selection`.
pub fn count(index: &SiteIndex, selection: &Selection, kind: FacetKind, value: &str) -> usize {
    facet_counts(index, selection)
        .into_iter()
        .find(|f| f.facet.kind == kind && f.facet.value == value)
        .unwrap_or_else(|| panic!("no facet {value}"))
        .count
}

/// A selection of these tags, combined by `mode`.
pub fn tags(values: &[&str], mode: Mode) -> Selection {
    Selection {
        tags: values.iter().map(|v| v.to_string()).collect(),
        mode,
        ..Selection::default()
    }
}

/// The slugs of the posts at `shown` (places in the list).
pub fn listed(index: &SiteIndex, shown: &[usize]) -> Vec<String> {
    shown
        .iter()
        .map(|&i| cards(index)[i].slug.clone())
        .collect()
}
