//! The list's filter bar, kept out of a keystroke's way. While the reader types a search the
//! buttons keep the counts they show and are counted again once typing pauses, so a
//! keystroke changes only the list; and the bar is built again only when what it shows
//! changes (its callbacks read the selection when clicked, not when built).

use std::cell::RefCell;
use std::rc::Rc;

use geul_core::{
    list_results, search::SearchIndex, selection_query, FacetKind, ListResults, Mode, Selection,
    SiteIndex,
};
use yew::prelude::*;

use crate::components::facet_bar::{facet_bar, FacetBarProps};
use crate::router::navigator;
use geul_core::Route;

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

/// On a phone each filter group is one row that scrolls sideways (style/main.css), so a
/// facet chosen through a link (the thirtieth tag) can be out of sight in its row: the row
/// is scrolled to show it, and the reader sees what narrows the list. Called once the list
/// is on screen, never while the reader types: it reads the layout.
pub fn show_chosen_facets() {
    use wasm_bindgen::JsCast;
    const CHOSEN: [&str; 2] = [
        ".facets__list .facet[data-kind=\"category\"][aria-pressed=\"true\"]",
        ".facets__list .facet[data-kind=\"tag\"][aria-pressed=\"true\"]",
    ];
    for selector in CHOSEN {
        // The first chosen chip of the row, and the row (chip, item, list).
        let chip = gloo::utils::document()
            .query_selector(selector)
            .ok()
            .flatten();
        let Some(chip) = chip else { continue };
        let Some(row) = chip.parent_element().and_then(|item| item.parent_element()) else {
            continue;
        };
        let chip: &web_sys::HtmlElement = chip.unchecked_ref();
        // The row is the chip's offset parent (position: relative), so these are in the
        // row's content, whatever it is scrolled to. A row that wraps (a wider screen) is
        // never scrolled and shows every chip.
        let (left, right) = (chip.offset_left(), chip.offset_left() + chip.offset_width());
        let (seen_left, seen_right) = (row.scroll_left(), row.scroll_left() + row.client_width());
        if left < seen_left || right > seen_right {
            // Room for a bit of the chip before it, which says the row goes on that way.
            row.set_scroll_left(left - row.client_width() / 8);
        }
    }
}
