//! The list: every post, narrowed by the tags and categories in the URL query.

use std::cell::RefCell;
use std::rc::Rc;

use geul_core::{
    list_results, parse_selection, percent_encode,
    search::Query,
    search::SearchIndex,
    search::{text_snippet, Around},
    selection_query, titles, Facet, Route, Selection, LIST_PAGE_SIZE,
};
use yew::prelude::*;

use crate::components::empty_state::empty_state;
use crate::components::kept::Kept;
use crate::components::post_card::{card_placeholder, post_card};
use crate::components::result_count::result_count;
use crate::components::search_box::search_box;
use crate::data::cards::{card, fetch_cards};
use crate::data::search::{chunks_to_fetch, load_chunk, load_index, loaded_index, loaded_text};
use crate::data::site_index::site_index;
use crate::list_facets::{show_chosen_facets, use_facet_bar};
use crate::list_keys::use_list_keys;
use crate::router::{has_navigated, navigator, use_location, write_pending_url};

/// The text a result quotes around its match. A card shows three lines of it (the same room
/// as an excerpt, so nothing moves when the snippet replaces it); with little before the
/// match, the match is on the first line even on a phone (about 20 characters a line).
const SNIPPET_AROUND: Around = Around {
    before: 12,
    after: 140,
};
/// How long typing must pause before the address bar follows the search, the filter
/// buttons are counted for it, the texts for snippets are fetched and the whole page of
/// results is shown.
const PAUSE_MS: u32 = 200;
/// Cards that follow every keystroke: about what a screen shows below the search box.
/// Laying out and painting a card is most of what a keystroke costs the browser, so the
/// rest of the page waits for typing to pause.
const CARDS_WHILE_TYPING: usize = 4;

thread_local! {
    /// The list's last query, so "back to the list" from a post keeps the filter.
    static LAST_LIST_QUERY: RefCell<String> = const { RefCell::new(String::new()) };
    /// Where the reader had scrolled the list, for the query it was scrolled under.
    static LIST_SCROLL: RefCell<(String, f64)> = const { RefCell::new((String::new(), 0.0)) };
    /// How many posts "더 보기" had shown, for the query: coming back shows them again.
    static LIST_LIMIT: RefCell<(String, usize)> = const { RefCell::new((String::new(), 0)) };
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
    // Coming back to the same list (back button, "목록으로") returns to where the reader was.
    // The document's title follows the page: the list, or a tag's or category's.
    use_effect_with((query.clone(), props.facet), |(query, facet)| {
        let title = facet.map(|facet| titles::facet_page(facet.kind, &facet.value));
        crate::document::set_title(title.as_deref(), crate::app::site_name());
        let window = gloo::utils::window();
        LIST_SCROLL.with(|saved| {
            let mut saved = saved.borrow_mut();
            // The list the app started on keeps wherever the reader scrolled its static copy.
            if &saved.0 == query && has_navigated() {
                window.scroll_to_with_x_and_y(0.0, saved.1);
            } else {
                *saved = (query.clone(), 0.0);
            }
        });
        // Kept as the reader scrolls: reading scrollY when the list changes would force a
        // layout in the middle of every keystroke.
        let listener = gloo::events::EventListener::new(&window, "scroll", |_| {
            let y = gloo::utils::window().scroll_y().unwrap_or(0.0);
            LIST_SCROLL.with(|saved| saved.borrow_mut().1 = y);
        });
        move || drop(listener)
    });
    // "더 보기" shows more of the same list; another query starts again from one page.
    let saved_limit = LIST_LIMIT.with(|saved| saved.borrow().clone());
    let limit = if saved_limit.0 == query {
        saved_limit.1.max(LIST_PAGE_SIZE)
    } else {
        LIST_PAGE_SIZE
    };
    let more_shown = use_state(|| 0u32); // only to render again after "더 보기"
    let on_more = {
        let query = query.clone();
        Callback::from(move |_: MouseEvent| {
            LIST_LIMIT.with(|saved| *saved.borrow_mut() = (query.clone(), limit + LIST_PAGE_SIZE));
            more_shown.set(*more_shown + 1);
        })
    };
    // The URL is the only state the list is computed from (the search index, once loaded,
    // only makes the search text count).
    let mut selection = parse_selection(&query);
    if let Some(facet) = props.facet {
        selection = selection.with(facet.kind, &facet.value);
    }
    let selection = Rc::new(selection);
    LAST_LIST_QUERY.with(|last| last.borrow_mut().clone_from(&selection_query(&selection)));
    let heading = match props.facet {
        Some(facet) => titles::facet_page(facet.kind, &facet.value),
        None => crate::app::site_name().to_owned(),
    };

    // The search index is fetched when the box is first focused or a search arrives in
    // the URL; until it is there the list stays as it is and says search is on its way.
    let search_index = use_state(loaded_index);
    let search_failed = use_state(|| false);
    let searching = !selection.search.trim().is_empty();
    let load = {
        let (search_index, search_failed) = (search_index.clone(), search_failed.clone());
        Callback::from(move |()| load_search_index(search_index.clone(), search_failed.clone()))
    };
    {
        let load = load.clone();
        use_effect_with(searching, move |&searching| {
            if searching {
                load.emit(());
            }
        });
    }
    let on_focus = load.reform(|_: FocusEvent| ());
    // Snippets quote texts fetched in chunks, and cards after the first ones come in chunks
    // too; a render follows each chunk's arrival (and the filter buttons' recount when
    // typing pauses).
    let arrived = use_state(|| 0u32);
    let input = use_node_ref();
    {
        // The box follows the URL (back/forward, pasted links) but is never rewritten while
        // the reader types, so an IME composition is not interrupted.
        let (input, search) = (input.clone(), selection.search.clone());
        use_effect_with(search, move |search| {
            if let Some(input) = input.cast::<web_sys::HtmlInputElement>() {
                if &input.value() != search {
                    input.set_value(search);
                }
            }
        });
    }

    use_list_keys(input.clone());

    // Searching 100,000 posts takes milliseconds, so it runs again only when the selection
    // or the index changes, not on the renders that chunk arrivals cause.
    let results = use_memo(
        (selection.clone(), search_index.is_some()),
        |(selection, _)| list_results(index, selection, search_index.as_deref()),
    );
    let (facet_bar, counted) = use_facet_bar(index, &selection, &results, &search_index);
    // Taking over from the static copy (see `crate::takeover`), the filter bar comes a task
    // after the rest and the cards a task after it; the app is shown in place of the copy
    // once they are there. `held`: how many of the two are still to come.
    let held = use_state(|| if crate::takeover::claim() { 2u8 } else { 0 });
    {
        let held = held.clone();
        use_effect_with(*held, move |&still| {
            if still > 0 {
                wasm_bindgen_futures::spawn_local(async move {
                    crate::tasks::next_task().await;
                    held.set(still - 1);
                });
            } else {
                crate::takeover::finish();
                // On screen now (opened from a link, or come to from a post's tag): a
                // facet the link chose may be out of sight in its row. After the paint,
                // when reading the layout costs nothing more.
                crate::tasks::after_paint(show_chosen_facets);
            }
        });
    }
    // The counts lag only while the search text changes: that is, while the reader types.
    let typing = *counted.borrow() != *selection;
    let cards = if *held > 0 {
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
    {
        // Once typing pauses, not on every key: the filter buttons are counted for the
        // search, and the texts that snippets quote are fetched in chunks.
        let shown: Vec<usize> = ids.iter().take(limit).copied().collect();
        let (search_index, arrived) = (search_index.clone(), arrived.clone());
        // The index is in the dependencies too: when it arrives, the first results may be
        // the very posts the list already showed.
        let quoting = !used_query.is_empty() && search_index.is_some();
        let current = (*selection).clone();
        use_effect_with(
            (shown, quoting, query.clone()),
            move |(shown, quoting, _)| {
                let (shown, quoting) = (shown.clone(), *quoting);
                let pause = gloo::timers::callback::Timeout::new(PAUSE_MS, move || {
                    write_pending_url();
                    if *counted.borrow() != current {
                        *counted.borrow_mut() = current;
                        arrived.set(*arrived + 1);
                    }
                    let Some(search_index) = (*search_index).clone().filter(|_| quoting) else {
                        return;
                    };
                    for chunk in chunks_to_fetch(&search_index, &shown) {
                        let (search_index, arrived) = (search_index.clone(), arrived.clone());
                        wasm_bindgen_futures::spawn_local(async move {
                            if load_chunk(&search_index, chunk).await {
                                arrived.set(*arrived + 1);
                            }
                        });
                    }
                });
                move || drop(pause)
            },
        );
    }
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
            if *held < 2 {
                <Kept html={facet_bar} />
            }
            { search_box(&input, &on_search, on_focus) }
            if searching && search_index.is_none() {
                if *search_failed {
                    <p class="search__notice" role="alert">
                        { "검색을 불러오지 못했습니다. 다시 입력해 보세요." }
                    </p>
                } else {
                    <p class="search__notice" aria-busy="true">{ "검색을 준비하는 중…" }</p>
                }
            }
            if let Some(used) = &results.layout_query {
                <p class="search__notice">{ format!("‘{}’(으)로 바꿔 찾은 결과입니다.", used) }</p>
            }
            { result_count(ids.len(), total) }
            if ids.is_empty() {
                { empty_state(&on_clear) }
            } else {
                <section class="post-list" aria-label="글 목록">
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
                        { format!("더 보기 ({}개 남음)", ids.len() - limit) }
                    </button>
                }
            }
        </div>
    }
}

/// Starts fetching the search index unless it is there or on its way; `failed` tells the
/// list when the fetch did not work.
fn load_search_index(state: UseStateHandle<Option<Rc<SearchIndex>>>, failed: UseStateHandle<bool>) {
    thread_local!(static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if state.is_some() || STARTED.with(|started| started.replace(true)) {
        return;
    }
    failed.set(false);
    if let Ok(index) = site_index() {
        wasm_bindgen_futures::spawn_local(async move {
            match load_index(&index.search_path).await {
                // The first search and the list it gives run in a task of their own: on a large
                // site, reading the index and searching it in one task made a long task.
                Ok(loaded) => {
                    crate::tasks::next_task().await;
                    state.set(Some(loaded));
                }
                // The list says so and offers to try again.
                Err(_) => {
                    STARTED.with(|started| started.set(false));
                    failed.set(true);
                }
            }
        });
    }
}
