//! The filter bar: category and tag toggle buttons with counts, the AND/OR switch and a
//! control that clears everything.

use geul_core::{
    dom_ids::{CATEGORY_FILTERS, TAG_FILTERS},
    labels::{CLEAR_FILTERS, FILTERS, MATCH_ALL, MATCH_ANY, MODE_SWITCH},
    FacetCount, FacetKind, Mode,
};
use yew::prelude::*;

/// What the filter bar shows and what its controls do.
pub struct FacetBarProps<'a> {
    pub facets: &'a [FacetCount<'a>],
    /// Selected values that no post carries; shown pressed, with 0, so they can be removed.
    pub unknown: &'a [(FacetKind, String)],
    pub mode: Mode,
    pub has_selection: bool,
    pub on_toggle: Callback<(FacetKind, String)>,
    pub on_mode: Callback<Mode>,
    pub on_clear: Callback<()>,
}

/// The class that keeps a count as wide as `widest` would be. A search narrows the counts
/// once typing pauses; were a button to narrow with its count, the buttons could wrap onto
/// fewer rows and the results below jump just as the reader reaches for one.
fn count_width(widest: usize) -> Option<&'static str> {
    const WIDTHS: [&str; 5] = [
        "facet__count--2",
        "facet__count--3",
        "facet__count--4",
        "facet__count--5",
        "facet__count--6",
    ];
    let digits = widest.checked_ilog10().unwrap_or(0) as usize + 1;
    digits
        .checked_sub(2)
        .map(|at| WIDTHS[at.min(WIDTHS.len() - 1)])
}

/// A stateless view function (see `post_info` for why it is not a component).
pub fn facet_bar(props: FacetBarProps) -> Html {
    // `total`: how many posts carry the facet; its count rarely exceeds that.
    let button = |kind: FacetKind, value: &str, count: usize, total: usize, selected: bool| {
        let onclick = {
            let on_toggle = props.on_toggle.clone();
            let value = value.to_owned();
            Callback::from(move |_: MouseEvent| on_toggle.emit((kind, value.clone())))
        };
        let data_kind = match kind {
            FacetKind::Tag => "tag",
            FacetKind::Category => "category",
        };
        let empty = count == 0 && !selected;
        html! {
            <li>
                <button type="button" class={classes!("facet", empty.then_some("facet--empty"))}
                        data-kind={data_kind} data-value={value.to_owned()}
                        aria-pressed={selected.to_string()} {onclick}
                        aria-label={format!("{value}, 글 {count}개")}>
                    { value }
                    <span class={classes!("facet__count", count_width(count.max(total)))}>{ count }</span>
                </button>
            </li>
        }
    };
    let group = |kind: FacetKind, heading: &str, id: &str| {
        let known = props.facets.iter().filter(|f| f.facet.kind == kind);
        let known = known.map(|f| {
            button(
                kind,
                &f.facet.value,
                f.count,
                f.facet.total as usize,
                f.selected,
            )
        });
        let unknown = props.unknown.iter().filter(|(k, _)| *k == kind);
        let unknown = unknown.map(|(_, value)| button(kind, value, 0, 0, true));
        html! {
            <div class="facets__group" role="group" aria-labelledby={id.to_owned()}>
                <h2 class="facets__heading" id={id.to_owned()}>{ heading }</h2>
                <ul class="facets__list">{ for known.chain(unknown) }</ul>
            </div>
        }
    };
    let mode_button = |mode: Mode, label: &str| {
        let on_mode = props.on_mode.clone();
        html! {
            <button type="button" class="mode" data-mode={mode.as_str()}
                    aria-pressed={(props.mode == mode).to_string()}
                    onclick={Callback::from(move |_: MouseEvent| on_mode.emit(mode))}>
                { label }
            </button>
        }
    };
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    html! {
        <nav class="facets" aria-label={FILTERS}>
            { group(FacetKind::Category, "분류", CATEGORY_FILTERS) }
            { group(FacetKind::Tag, "태그", TAG_FILTERS) }
            <div class="facets__controls">
                <div class="mode-switch" role="group" aria-label={MODE_SWITCH}>
                    { mode_button(Mode::And, MATCH_ALL) }
                    { mode_button(Mode::Or, MATCH_ANY) }
                </div>
                if props.has_selection {
                    <button type="button" class="clear-filters" onclick={on_clear}>{ CLEAR_FILTERS }</button>
                }
            </div>
        </nav>
    }
}
