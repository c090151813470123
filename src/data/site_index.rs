//! The post index: embedded in the wasm by the build script and installed by
//! `browser::start`, or read from the build's files by the stage step that renders the
//! static pages.

use std::cell::Cell;

use geul_core::SiteIndex;

thread_local! {
    /// Per thread: the app has one, and each test that renders static pages its own site.
    static INDEX: Cell<Option<&'static SiteIndex>> = const { Cell::new(None) };
}

/// Decodes and keeps the index, before the first render. The decoder's own error text is
/// not worth its weight in the wasm: the index is written by the same build, so a failure
/// can only mean a build that went wrong.
pub fn install(bytes: &[u8]) {
    let index = SiteIndex::from_bytes(bytes)
        .ok()
        .map(|index| &*Box::leak(Box::new(index)));
    INDEX.with(|slot| slot.set(index));
}

/// The decoded index, or why it could not be read (shown to the reader, never a blank page).
pub fn site_index() -> Result<&'static SiteIndex, &'static str> {
    INDEX
        .with(Cell::get)
        .ok_or("the embedded post index is damaged")
}
