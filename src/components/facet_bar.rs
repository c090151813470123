//! The filter bar: category and tag toggle buttons with counts, the AND/OR switch and a
//! control that clears everything.

use geul_core::dom_ids::{CATEGORY_FILTERS, TAG_FILTERS};
use geul_core::{FacetCount, FacetKind, Mode, Route};
use yew::prelude::*;

use crate::data::site_index::app_text;
use crate::router::{home_url, navigator};
use crate::static_page::is_static;

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

/// How many digits wide a count is kept (its `data-width`, from 2): as wide as `widest`
/// would be. A search narrows the counts once typing pauses; were a button to narrow with
/// its count, the buttons could wrap onto fewer rows and the results below jump just as
/// the reader reaches for one. Modifiers are attributes, not classes: a class that is not
/// written out in full brings Yew's class-set code into the wasm.
fn count_width(widest: usize) -> Option<&'static str> {
    const WIDTHS: [&str; 5] = ["2", "3", "4", "5", "6"];
    let digits = widest.checked_ilog10().unwrap_or(0) as usize + 1;
    digits
        .checked_sub(2)
        .map(|at| WIDTHS[at.min(WIDTHS.len() - 1)])
}

/// A stateless view function (see `post_info` for why it is not a component).
pub fn facet_bar(props: FacetBarProps) -> Html {
    let text = app_text();
    // `total`: how many posts carry the facet; its count rarely exceeds that. `slug`: its
    // page's, for a facet some post carries.
    let button = |kind: FacetKind,
                  value: &str,
                  slug: Option<&str>,
                  count: usize,
                  total: usize,
                  selected: bool| {
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
        let empty = empty.then_some("");
        let width = count_width(count.max(total));
        // Read after the count (`개발 2개`): the name a screen reader gives the control
        // starts with what it shows, as voice control expects.
        let counted = text.facet_posts.after(count);
        if is_static() {
            // Without JavaScript, a facet is a page of its own.
            let href = slug.map(|slug| navigator().href(&Route::facet(kind, slug), ""));
            let current = selected.then_some("page");
            return html! {
                <li>
                    <a class="facet" data-empty={empty} {href} data-kind={data_kind}
                       data-value={value.to_owned()} aria-current={current}>
                        { value }
                        <span class="facet__count" data-width={width}>{ count }</span>
                        <span class="visually-hidden">{ counted }</span>
                    </a>
                </li>
            };
        }
        html! {
            <li>
                <button type="button" class="facet" data-empty={empty}
                        data-kind={data_kind} data-value={value.to_owned()}
                        aria-pressed={selected.to_string()} {onclick}>
                    { value }
                    <span class="facet__count" data-width={width}>{ count }</span>
                    <span class="visually-hidden">{ counted }</span>
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
                Some(f.facet.slug.as_str()),
                f.count,
                f.facet.total as usize,
                f.selected,
            )
        });
        let unknown = props.unknown.iter().filter(|(k, _)| *k == kind);
        let unknown = unknown.map(|(_, value)| button(kind, value, None, 0, 0, true));
        html! {
            <div class="facets__group" role="group" aria-labelledby={id.to_owned()}>
                <h2 class="facets__heading" id={id.to_owned()}>{ heading }</h2>
                <ul class="facets__list">{ for known.chain(unknown) }</ul>
            </div>
        }
    };
    let mode_button = |mode: Mode, label: &str| {
        let on_mode = props.on_mode.clone();
        // Inert on a static page, which lists one facet's posts at a time.
        html! {
            <button type="button" class="mode" data-mode={mode.as_str()} disabled={is_static()}
                    aria-pressed={(props.mode == mode).to_string()}
                    onclick={Callback::from(move |_: MouseEvent| on_mode.emit(mode))}>
                { label }
            </button>
        }
    };
    let on_clear = props.on_clear.reform(|_: MouseEvent| ());
    let clear = if is_static() {
        // A static page's filter is its facet: clearing it is the way home.
        html! { <a class="clear-filters" href={home_url()}>{ text.clear_filters }</a> }
    } else {
        html! { <button type="button" class="clear-filters" onclick={on_clear}>{ text.clear_filters }</button> }
    };
    html! {
        <nav class="facets" aria-label={text.filter_posts}>
            { group(FacetKind::Category, text.filter_categories, CATEGORY_FILTERS) }
            { group(FacetKind::Tag, text.filter_tags, TAG_FILTERS) }
            <div class="facets__controls">
                <div class="mode-switch" role="group" aria-label={text.mode_switch}>
                    { mode_button(Mode::And, text.mode_all) }
                    { mode_button(Mode::Or, text.mode_any) }
                </div>
                if props.has_selection {
                    { clear }
                }
            </div>
        </nav>
    }
}
