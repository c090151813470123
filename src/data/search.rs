//! Fetches the search index the first time the reader searches, and the text chunks that
//! result snippets quote, each once per visit.

use std::cell::RefCell;
use std::rc::Rc;

use geul_core::search::{SearchIndex, TextChunk, TEXT_CHUNK_POSTS};

thread_local! {
    static INDEX: RefCell<Option<Rc<SearchIndex>>> = const { RefCell::new(None) };
    /// Text chunks by number; `Some` once asked for, filled in when they arrive.
    static CHUNKS: RefCell<Vec<Option<Option<Rc<TextChunk>>>>> = const { RefCell::new(Vec::new()) };
}

/// The index, if it has arrived.
pub fn loaded_index() -> Option<Rc<SearchIndex>> {
    INDEX.with(|index| index.borrow().clone())
}

/// Fetches and reads the index at `path` (relative to `<base href>`).
pub async fn load_index(path: &str) -> Result<Rc<SearchIndex>, String> {
    if let Some(index) = loaded_index() {
        return Ok(index);
    }
    let bytes = crate::data::fetch::fetch_bytes(path).await?;
    // On a large site, copying the file into the wasm's memory and reading it each take
    // long: in one task, slow machines held up input (docs/ARCHITECTURE.md, "Files").
    crate::tasks::next_task().await;
    let index = SearchIndex::from_vec(bytes)
        .ok()
        // An index of another build would name posts this one does not have.
        .filter(|index| {
            crate::data::site_index::site_index().is_ok_and(|site| site.len() == index.len())
        })
        .ok_or("damaged search index")?;
    let index = Rc::new(index);
    INDEX.with(|slot| *slot.borrow_mut() = Some(index.clone()));
    Ok(index)
}

/// The text of post `post` (position in the site index), if its chunk has arrived.
pub fn loaded_text(post: usize) -> Option<String> {
    CHUNKS.with(|chunks| {
        let chunks = chunks.borrow();
        let chunk = chunks.get(post / TEXT_CHUNK_POSTS)?.as_ref()?.as_ref()?;
        chunk.texts.get(post % TEXT_CHUNK_POSTS).cloned()
    })
}

/// The chunks holding these posts' texts that were never asked for, now marked as asked.
pub fn chunks_to_fetch(index: &SearchIndex, posts: &[usize]) -> Vec<usize> {
    CHUNKS.with(|chunks| {
        let mut chunks = chunks.borrow_mut();
        chunks.resize(index.text_chunks.len(), None);
        let mut wanted = Vec::new();
        for post in posts {
            if let Some(slot @ None) = chunks.get_mut(post / TEXT_CHUNK_POSTS) {
                *slot = Some(None);
                wanted.push(post / TEXT_CHUNK_POSTS);
            }
        }
        wanted
    })
}

/// Fetches one text chunk; true if it arrived.
pub async fn load_chunk(index: &SearchIndex, chunk: usize) -> bool {
    let texts = match crate::data::fetch::fetch_bytes(&index.text_chunks[chunk]).await {
        Ok(bytes) => TextChunk::from_bytes(&bytes).ok(),
        Err(_) => None,
    };
    match texts {
        Some(texts) => {
            CHUNKS.with(|chunks| chunks.borrow_mut()[chunk] = Some(Some(Rc::new(texts))));
            true
        }
        None => {
            // Asked for again on a later render.
            CHUNKS.with(|chunks| chunks.borrow_mut()[chunk] = None);
            false
        }
    }
}
