//! The list's filter bar, kept out of a keystroke's way. While the reader types a search the
//! buttons keep the counts they show and are counted again once typing pauses, so a
//! keystroke changes only the list; and the bar is built again only when what it shows
//! changes (its callbacks read the selection when clicked, not when built).

use std::cell::RefCell;
use std::rc::Rc;

use geul_content::list::{list_results, ListResults};
use geul_content::search_index::SearchIndex;
use geul_content::{selection_query, FacetKind, Mode, Selection, SiteIndex};
use yew::prelude::*;

use crate::components::facet_bar::{facet_bar, FacetBarProps};
use crate::route::Route;
use crate::router::navigator;

/// Whether two selections differ in their search text only.
fn only_search_differs(a: &Selection, b: &Selection) -> bool {
    a.search != b.search && a.tags == b.tags && a.categories == b.categories && a.mode == b.mode
}

/// The selection the filter buttons were last counted for. It follows the facets at once;
/// the list sets it to the current selection when typing pauses, and renders again.
pub type Counted = Rc<RefCell<Selection>>;

/// The filter bar for the list under `selection`, whose results are `results`.
#[hook]
pub fn use_facet_bar(
    index: &'static SiteIndex,
    selection: &Rc<Selection>,
    results: &Rc<ListResults>,
    search_index: &Option<Rc<SearchIndex>>,
) -> (Rc<Html>, Counted) {
    let counted = use_mut_ref(|| (**selection).clone());
    let typing = only_search_differs(&counted.borrow(), selection);
    if !typing {
        counted.borrow_mut().clone_from(selection);
    }
    let count_for = Rc::new(counted.borrow().clone());
    // What a click does depends on the selection at the time of the click.
    let latest = use_mut_ref(Selection::default);
    latest.borrow_mut().clone_from(selection);
    // Selected values no post carries (an old or mistyped link): shown so they can be removed.
    let unknown: Vec<(FacetKind, String)> = selection
        .categories
        .iter()
        .map(|c| (FacetKind::Category, c))
        .chain(selection.tags.iter().map(|t| (FacetKind::Tag, t)))
        .filter(|(kind, value)| index.facet_id(*kind, value).is_none())
        .map(|(kind, value)| (kind, value.clone()))
        .collect();
    let bar = use_memo(
        (
            count_for,
            search_index.is_some(),
            unknown,
            !selection.is_empty(),
        ),
        |(count_for, _, unknown, has_selection)| {
            let counts = if **count_for == **selection {
                results.facet_counts(index, count_for)
            } else {
                // The index arrived while the reader typed: count the last counted search.
                list_results(index, count_for, search_index.as_deref())
                    .facet_counts(index, count_for)
            };
            let go = move |next: Selection| navigator().push(&Route::Home, &selection_query(&next));
            let on_toggle = {
                let latest = latest.clone();
                Callback::from(move |(kind, value): (FacetKind, String)| {
                    let next = latest.borrow().toggled(kind, &value);
                    go(next)
                })
            };
            let on_mode = Callback::from(move |mode: Mode| {
                let next = latest.borrow().with_mode(mode);
                go(next)
            });
            facet_bar(FacetBarProps {
                facets: &counts,
                unknown,
                mode: count_for.mode,
                has_selection: *has_selection,
                on_toggle,
                on_mode,
                on_clear: Callback::from(move |()| go(Selection::default())),
            })
        },
    );
    (bar, counted)
}
