//! The posts' cards (title, date, excerpt, …). The cards of the first posts come embedded
//! with the index; the others live in card chunks, fetched the first time one of their
//! posts is shown and kept for the rest of the visit.

use std::cell::RefCell;

use geul_core::{CardChunk, PostMeta, CARD_CHUNK_POSTS};
use yew::Callback;

use crate::data::site_index::site_index;

/// How long the list waits before it asks again for card chunks that failed to arrive…
const RETRY_MS: u32 = 2_000;
/// …doubling after every failure up to this.
const MAX_RETRY_MS: u32 = 60_000;

#[derive(Clone, Copy)]
enum Slot {
    Missing,
    Asked,
    /// Kept for the whole visit, so the views can hold `&'static` cards as they do the
    /// embedded ones.
    Ready(&'static [PostMeta]),
}

thread_local! {
    /// Slot `i` is the chunk at `SiteIndex::card_chunks[i]`: the cards of posts
    /// `(i + 1) * CARD_CHUNK_POSTS ..`.
    static CHUNKS: RefCell<Vec<Slot>> = const { RefCell::new(Vec::new()) };
    /// Whether a retry is waiting, and how long the next one waits.
    static RETRY: std::cell::Cell<(bool, u32)> = const { std::cell::Cell::new((false, RETRY_MS)) };
}

/// The slot of the chunk holding `post`'s card; `None` for the embedded first chunk.
fn chunk_of(post: usize) -> Option<usize> {
    (post / CARD_CHUNK_POSTS).checked_sub(1)
}

fn slot(chunk: usize) -> Slot {
    CHUNKS.with(|chunks| chunks.borrow().get(chunk).copied().unwrap_or(Slot::Missing))
}

fn set_slot(chunk: usize, value: Slot) {
    CHUNKS.with(|chunks| {
        let mut chunks = chunks.borrow_mut();
        if chunks.len() <= chunk {
            chunks.resize(chunk + 1, Slot::Missing);
        }
        chunks[chunk] = value;
    });
}

/// The card of post `post` (its place in the index), if it is here.
pub fn card(post: usize) -> Option<&'static PostMeta> {
    let cards = match chunk_of(post) {
        None => site_index().ok()?.first_cards.as_slice(),
        Some(chunk) => match slot(chunk) {
            Slot::Ready(cards) => cards,
            _ => return None,
        },
    };
    cards.get(post % CARD_CHUNK_POSTS)
}

/// The card with this slug, among the cards that are here.
pub fn find_card(slug: &str) -> Option<&'static PostMeta> {
    let is_it = |card: &&'static PostMeta| card.slug == slug;
    let first = site_index().ok()?.first_cards.iter().find(is_it);
    first.or_else(|| {
        CHUNKS.with(|chunks| {
            chunks.borrow().iter().find_map(|slot| match slot {
                Slot::Ready(cards) => cards.iter().find(is_it),
                _ => None,
            })
        })
    })
}

/// Starts fetching the chunks that hold these posts' cards and are neither here nor on
/// their way; `arrived` is called when each has arrived, or, after a pause, when one
/// failed, so that the view asks again. The requests start after the paint: a `fetch`
/// call costs the browser up to a millisecond, which the keystroke that showed the
/// placeholder would otherwise pay.
pub fn fetch_cards(posts: impl IntoIterator<Item = usize>, arrived: &Callback<()>) {
    let mut wanted = Vec::new();
    for chunk in posts.into_iter().filter_map(chunk_of) {
        if matches!(slot(chunk), Slot::Missing) {
            // Asked now, so the renders before the paint do not ask again.
            set_slot(chunk, Slot::Asked);
            wanted.push(chunk);
        }
    }
    if wanted.is_empty() {
        return;
    }
    let arrived = arrived.clone();
    crate::tasks::after_paint(move || {
        for chunk in wanted {
            let (load, arrived) = (load_chunk(chunk), arrived.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if load.await {
                    RETRY.with(|retry| retry.set((retry.get().0, RETRY_MS)));
                    arrived.emit(());
                } else {
                    retry_later(arrived);
                }
            });
        }
    });
}

/// Renders the view again after a pause, so it asks for the chunks still missing: one
/// pause at a time however many chunks failed, each twice as long as the last (up to a
/// minute) until a chunk arrives again, so a reader offline for long is not polled.
fn retry_later(arrived: Callback<()>) {
    let (waiting, pause) = RETRY.with(std::cell::Cell::get);
    if waiting {
        return;
    }
    RETRY.with(|retry| retry.set((true, (pause * 2).min(MAX_RETRY_MS))));
    gloo::timers::callback::Timeout::new(pause, move || {
        RETRY.with(|retry| retry.set((false, retry.get().1)));
        arrived.emit(());
    })
    .forget();
}

/// Fetches, all at once, the chunks holding these posts' cards that are not here; true
/// when every one of these cards is here afterwards.
pub async fn load_cards(posts: &[usize]) -> bool {
    // A page shows ten posts at most: a linear look keeps a sort out of the wasm.
    let mut chunks: Vec<usize> = Vec::new();
    for chunk in posts
        .iter()
        .filter(|&&post| card(post).is_none())
        .filter_map(|&post| chunk_of(post))
    {
        if !chunks.contains(&chunk) {
            chunks.push(chunk);
        }
    }
    let loads: Vec<_> = chunks.into_iter().map(load_chunk).collect();
    for load in loads {
        load.await;
    }
    posts.iter().all(|&post| card(post).is_some())
}

/// Starts fetching one card chunk (at the call); the future tells whether it arrived and
/// reads.
fn load_chunk(chunk: usize) -> impl std::future::Future<Output = bool> {
    let path = site_index()
        .ok()
        .and_then(|index| index.card_chunks.get(chunk));
    let request = path.map(|path| {
        set_slot(chunk, Slot::Asked);
        crate::data::fetch::fetch_bytes(path)
    });
    async move {
        let Some(request) = request else {
            return false;
        };
        let cards = request
            .await
            .ok()
            .and_then(|bytes| CardChunk::from_bytes(&bytes).ok());
        match cards {
            Some(chunk_cards) => {
                set_slot(
                    chunk,
                    Slot::Ready(Box::leak(chunk_cards.cards.into_boxed_slice())),
                );
                true
            }
            None => {
                set_slot(chunk, Slot::Missing);
                false
            }
        }
    }
}

/// Installs every card chunk at once (in the index's order), for rendering static pages.
#[cfg(feature = "ssr")]
pub fn install_chunks(chunks: Vec<CardChunk>) {
    for (chunk, cards) in chunks.into_iter().enumerate() {
        set_slot(
            chunk,
            Slot::Ready(Box::leak(cards.cards.into_boxed_slice())),
        );
    }
}
