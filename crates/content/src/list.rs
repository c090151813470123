//! What the list shows for a selection: the facet filter and the search together, and the
//! filter buttons' counts under both.

use crate::filter::Selection;
use crate::filter::{facet_counts_among, filter_ids, filter_post_ids, FacetCount};
use crate::hangul::from_2beolsik;
use crate::model::SiteIndex;
use crate::search::Query;
use crate::search_index::SearchIndex;

/// The list for one selection.
#[derive(Debug, PartialEq)]
pub struct ListResults {
    /// Positions (in the index) of the posts shown, in the order shown: best first when
    /// searching, the index's order otherwise.
    pub shown: Vec<usize>,
    /// Under a search, the posts (positions) it found, whatever the facets; read only when
    /// the filter buttons are counted, once typing pauses.
    found: Option<Vec<usize>>,
    /// The Hangul query used instead of the typed one when that was Latin typed in the
    /// wrong keyboard layout (`fkdls` → `라인`) and found nothing under the facets.
    pub layout_query: Option<String>,
}

impl ListResults {
    /// Every tag and category with what it would show now (see
    /// [`crate::filter::facet_counts`]); under a search, only the posts it found count.
    /// Kept apart from the list itself so the app can count when typing pauses.
    pub fn facet_counts<'a>(
        &self,
        index: &'a SiteIndex,
        selection: &Selection,
    ) -> Vec<FacetCount<'a>> {
        facet_counts_among(index, selection, self.found.as_deref())
    }
}

/// The list under `selection`. Without a search index (not loaded yet) the search text is
/// left aside and only the facets apply.
pub fn list_results(
    index: &SiteIndex,
    selection: &Selection,
    search: Option<&SearchIndex>,
) -> ListResults {
    let query = Query::parse(&selection.search);
    let Some(search) = search.filter(|_| !query.is_empty()) else {
        return ListResults {
            shown: filter_post_ids(index, selection),
            found: None,
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
    ListResults {
        shown,
        found: Some(found),
        layout_query,
    }
}
