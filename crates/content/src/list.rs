//! What the list shows for a selection: the facet filter and the search together, and the
//! filter buttons' counts under both.

use crate::filter::Selection;
use crate::filter::{facet_counts, facet_counts_among, filter_ids, filter_post_ids, FacetCount};
use crate::hangul::from_2beolsik;
use crate::model::SiteIndex;
use crate::search::Query;
use crate::search_index::SearchIndex;

/// The list for one selection.
#[derive(Debug, PartialEq)]
pub struct ListResults<'a> {
    /// Positions (in the index) of the posts shown, in the order shown: best first when
    /// searching, the index's order otherwise.
    pub shown: Vec<usize>,
    /// Every tag and category with what it would show now (see [`facet_counts`]); under a
    /// search, only the posts the search found count.
    pub facets: Vec<FacetCount<'a>>,
    /// The Hangul query used instead of the typed one when that was Latin typed in the
    /// wrong keyboard layout (`fkdls` → `라인`) and found nothing under the facets.
    pub layout_query: Option<String>,
}

/// The list under `selection`. Without a search index (not loaded yet) the search text is
/// left aside and only the facets apply.
pub fn list_results<'a>(
    index: &'a SiteIndex,
    selection: &Selection,
    search: Option<&SearchIndex>,
) -> ListResults<'a> {
    let query = Query::parse(&selection.search);
    let Some(search) = search.filter(|_| !query.is_empty()) else {
        return ListResults {
            shown: filter_post_ids(index, selection),
            facets: facet_counts(index, selection),
            layout_query: None,
        };
    };
    let mut found = search.search(&query);
    let mut shown = filter_ids(index, selection, found.iter().copied());
    let mut layout_query = None;
    if shown.is_empty() {
        let converted = from_2beolsik(&selection.search).filter(|c| c != &selection.search);
        if let Some(converted) = converted {
            let again = search.search(&Query::parse(&converted));
            let shown_again = filter_ids(index, selection, again.iter().copied());
            if !shown_again.is_empty() {
                (found, shown, layout_query) = (again, shown_again, Some(converted));
            }
        }
    }
    let mut in_search = vec![false; index.posts.len()];
    for &post in &found {
        if let Some(slot) = in_search.get_mut(post) {
            *slot = true;
        }
    }
    ListResults {
        shown,
        facets: facet_counts_among(index, selection, |post| in_search[post]),
        layout_query,
    }
}
