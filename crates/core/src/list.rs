//! What the list shows for a selection: the facet filter and the search together, and the
//! filter buttons' counts under both.

use crate::filter::Selection;
use crate::filter::{facet_counts_among, filter_post_ids, narrowed_by_facets, FacetCount};
use crate::model::SiteIndex;
use crate::search::from_2beolsik;
use crate::search::{Query, SearchIndex};

/// The list for one selection.
#[derive(Debug, PartialEq)]
pub struct ListResults {
    /// Positions (in the index) of the posts shown, in the order shown: best first when
    /// searching, the index's order otherwise.
    pub shown: Vec<usize>,
    /// Under a search, the posts it found, whatever the facets; read only when the filter
    /// buttons are counted, once typing pauses.
    found: Option<Found>,
    /// The Hangul query used instead of the typed one when that was Latin typed in the
    /// wrong keyboard layout (`fkdls` → `라인`) and found nothing under the facets.
    pub layout_query: Option<String>,
}

/// The posts a search found, as the filter buttons count them.
#[derive(Debug, PartialEq)]
enum Found {
    /// The shown posts themselves: no facet is selected (kept once, not twice).
    Shown,
    /// Positions, more than are shown: the facets narrowed them.
    These(Vec<usize>),
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
        let among = self.found.as_ref().map(|found| match found {
            Found::Shown => &self.shown[..],
            Found::These(found) => &found[..],
        });
        facet_counts_among(index, selection, among)
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
    let narrow = |found: Vec<usize>| match narrowed_by_facets(index, selection, &found) {
        None => (found, Found::Shown),
        Some(shown) => (shown, Found::These(found)),
    };
    let (mut shown, mut found) = narrow(search.search(&query));
    let mut layout_query = None;
    if shown.is_empty() {
        let converted = from_2beolsik(&selection.search).filter(|c| c != &selection.search);
        if let Some(converted) = converted {
            let (shown_again, found_again) = narrow(search.search(&Query::parse(&converted)));
            if !shown_again.is_empty() {
                (shown, found, layout_query) = (shown_again, found_again, Some(converted));
            }
        }
    }
    ListResults {
        shown,
        found: Some(found),
        layout_query,
    }
}
