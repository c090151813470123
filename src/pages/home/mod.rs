//! The list: every post, narrowed by the tags and categories in the URL query.

use std::cell::RefCell;
use std::rc::Rc;

use geul_core::{
    list_results, parse_selection, percent_encode,
    search::Query,
    search::{text_snippet, Around},
    selection_query, titles, Facet, Route, Selection,
};
use yew::prelude::*;

mod pause;
mod place;
mod search;
mod stages;

use pause::{use_pause, Pause};
use place::{use_list_limit, use_list_place};
use search::{use_box_follows_url, use_search_index};
use stages::use_takeover_stages;

use crate::components::empty_state::empty_state;
use crate::components::kept::Kept;
use crate::components::post_card::{card_placeholder, post_card};
use crate::components::result_count::result_count;
use crate::components::search_box::search_box;
use crate::data::cards::{card, fetch_cards};
use crate::data::search::loaded_text;
use crate::data::site_index::app_text;
use crate::data::site_index::site_index;
use crate::list_facets::use_facet_bar;
use crate::list_keys::use_list_keys;
use crate::router::{navigator, use_location};

/// The text a result quotes around its match. A card shows three lines of it (the same room
/// as an excerpt, so nothing moves when the snippet replaces it); with little before the
/// match, the match is on the first line even on a phone (about 20 characters a line).
const SNIPPET_AROUND: Around = Around {
    before: 12,
    after: 140,
};
/// Cards that follow every keystroke: about what a screen shows below the search box.
/// Laying out and painting a card is most of what a keystroke costs the browser, so the
/// rest of the page waits for typing to pause.
const CARDS_WHILE_TYPING: usize = 4;

thread_local! {
    /// The list's last query, so "back to the list" from a post keeps the filter.
    static LAST_LIST_QUERY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The query the list had when the reader last saw it.
pub fn last_list_query() -> String {
    LAST_LIST_QUERY.with(|query| query.borrow().clone())
}

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// On a tag or category page: the facet the page stands for, always selected.
    #[prop_or_default]
    pub facet: Option<&'static Facet>,
}

#[component]
pub fn Home(props: &HomeProps) -> Html {
    // Fails the same way on every render, so the hooks below keep their order.
    let Ok(index) = site_index() else {
        return Html::default(); // App shows why instead of routing here.
    };
    let location = use_location();
    let navigator = navigator();
    let query = location.query;
    use_list_place(&query, props.facet);
    let (limit, on_more) = use_list_limit(&query);
    // The URL is the only state the list is computed from (the search index, once loaded,
    // only makes the search text count).
    let mut selection = parse_selection(&query);
    if let Some(facet) = props.facet {
        selection = selection.with(facet.kind, &facet.value);
    }
    let selection = Rc::new(selection);
    LAST_LIST_QUERY.with(|last| last.borrow_mut().clone_from(&selection_query(&selection)));
    let text = app_text();
    let heading = match props.facet {
        Some(facet) => titles::facet_page(facet.kind, &facet.value, text),
        None => crate::app::site_name().to_owned(),
    };

    let searching = !selection.search.trim().is_empty();
    let (search_index, search_failed, load) = use_search_index(searching);
    let on_focus = load.reform(|_: FocusEvent| ());
    // Snippets quote texts fetched in chunks, and cards after the first ones come in chunks
    // too; a render follows each chunk's arrival (and the filter buttons' recount when
    // typing pauses).
    let arrived = use_state(|| 0u32);
    let input = use_node_ref();
    use_box_follows_url(&input, &selection.search);
    use_list_keys(input.clone());

    // Searching 100,000 posts takes milliseconds, so it runs again only when the selection
    // or the index changes, not on the renders that chunk arrivals cause.
    let results = use_memo(
        (selection.clone(), search_index.is_some()),
        |(selection, _)| list_results(index, selection, search_index.as_deref()),
    );
    let (facet_bar, counted) = use_facet_bar(index, &selection, &results, &search_index);
    let held = use_takeover_stages();
    // The counts lag only while the search text changes: that is, while the reader types.
    let typing = *counted.borrow() != *selection;
    let cards = if held > 0 {
        0
    } else if typing {
        limit.min(CARDS_WHILE_TYPING)
    } else {
        limit
    };
    let ids = &results.shown;
    if crate::static_page::is_static() {
        crate::static_page::record_shown(&ids[..cards.min(ids.len())]);
    }
    // Cards not embedded come in chunks, fetched as their posts are shown.
    fetch_cards(ids.iter().take(cards).copied(), &{
        let arrived = arrived.clone();
        Callback::from(move |()| arrived.set(*arrived + 1))
    });
    let used_text = results.layout_query.as_deref().unwrap_or(&selection.search);
    let used_query = Query::parse(used_text);
    use_pause(Pause {
        shown: ids.iter().take(limit).copied().collect(),
        quoting: !used_query.is_empty() && search_index.is_some(),
        query: query.clone(),
        selection: (*selection).clone(),
        search_index: search_index.clone(),
        counted,
        arrived: arrived.clone(),
    });
    // Opening a result carries the query, so the post marks it.
    let post_query = if used_query.is_empty() {
        String::new()
    } else {
        "q=".to_owned() + &percent_encode(used_text.trim())
    };
    let total = index.len();

    let on_search = {
        let (navigator, selection) = (navigator.clone(), selection.clone());
        Callback::from(move |text: String| {
            load.emit(()); // after a failed fetch, typing tries again
            let next = Selection {
                search: text,
                ..(*selection).clone()
            };
            let query = selection_query(&next);
            // A new search is a new history entry; refining it is not.
            if selection.search.is_empty() {
                navigator.push_after_paint(&Route::Home, &query);
            } else {
                navigator.replace(&Route::Home, &query);
            }
        })
    };
    let on_clear = Callback::from(move |()| navigator.push(&Route::Home, ""));
    // A card's tag links add to the list's filters; the search is not carried, so they stay
    // the same while the reader types.
    let link_base = Selection {
        search: String::new(),
        ..(*selection).clone()
    };

    html! {
        <div class="home">
            <h1 class="visually-hidden">{ heading }</h1>
            if held < 2 {
                <Kept html={facet_bar} />
            }
            { search_box(&input, &on_search, on_focus) }
            if searching && search_index.is_none() {
                if *search_failed {
                    <p class="search__notice" role="alert">
                        { text.search_failed }
                    </p>
                } else {
                    <p class="search__notice" aria-busy="true">{ text.search_preparing }</p>
                }
            }
            if let Some(used) = &results.layout_query {
                <p class="search__notice">{ format!("{}{used}{}", text.search_rewritten.0, text.search_rewritten.1) }</p>
            }
            { result_count(ids.len(), total) }
            if ids.is_empty() {
                { empty_state(&on_clear) }
            } else {
                <section class="post-list" aria-label={text.post_list}>
                    { for ids.iter().take(cards).map(|&id| match card(id) {
                        Some(post) => {
                            let snippet = loaded_text(id).and_then(|text| text_snippet(&text, &used_query, SNIPPET_AROUND));
                            post_card(post, &link_base, &post_query, snippet)
                        }
                        None => card_placeholder(),
                    }) }
                </section>
                // A static page shows the first posts; the rest wait for the app.
                if !typing && ids.len() > limit && !crate::static_page::is_static() {
                    <button type="button" class="list-more" onclick={on_more}>
                        { text.more.of(ids.len() - limit) }
                    </button>
                }
            }
        </div>
    }
}
