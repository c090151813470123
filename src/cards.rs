//! The posts' cards (title, date, excerpt, …). The cards of the first posts come embedded
//! with the index; the others live in card chunks, fetched the first time one of their
//! posts is shown and kept for the rest of the visit.

use std::cell::RefCell;

use geul_content::{CardChunk, PostMeta, CARD_CHUNK_POSTS};
use yew::Callback;

use crate::site_index::site_index;

/// How long a card chunk that failed to arrive waits before the list asks for it again.
const RETRY_MS: u32 = 2_000;

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
/// failed, so that the view asks again.
pub fn fetch_cards(posts: impl IntoIterator<Item = usize>, arrived: &Callback<()>) {
    for chunk in posts.into_iter().filter_map(chunk_of) {
        if !matches!(slot(chunk), Slot::Missing) {
            continue;
        }
        set_slot(chunk, Slot::Asked);
        let arrived = arrived.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if load_chunk(chunk).await {
                arrived.emit(());
            } else {
                gloo::timers::callback::Timeout::new(RETRY_MS, move || arrived.emit(())).forget();
            }
        });
    }
}

/// Fetches the chunks holding these posts' cards that are not here; true when every card
/// is here afterwards.
pub async fn load_cards(posts: &[usize]) -> bool {
    let mut all_here = true;
    for &post in posts {
        if card(post).is_none() {
            all_here &= match chunk_of(post) {
                Some(chunk) => load_chunk(chunk).await,
                None => false,
            };
        }
    }
    all_here
}

/// Fetches one card chunk; true if it arrived and reads.
async fn load_chunk(chunk: usize) -> bool {
    let Some(path) = site_index()
        .ok()
        .and_then(|index| index.card_chunks.get(chunk))
    else {
        return false;
    };
    set_slot(chunk, Slot::Asked);
    let cards = match crate::fetch::fetch_bytes(path).await {
        Ok(bytes) => CardChunk::from_bytes(&bytes).ok(),
        Err(_) => None,
    };
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
