//! The post index: embedded in the wasm by the build script and installed by
//! `browser::start`, or read from the build's files by the stage step that renders the
//! static pages.

use std::cell::Cell;

use geul_core::ui_text::{AppText, KOREAN_APP};
use geul_core::SiteIndex;

thread_local! {
    /// Per thread: the app has one, and each test that renders static pages its own site.
    static INDEX: Cell<Option<&'static SiteIndex>> = const { Cell::new(None) };
    /// The app's words in the index's language, picked once rather than by every view.
    static TEXT: Cell<&'static AppText> = const { Cell::new(&KOREAN_APP) };
}

/// Decodes and keeps the index, before the first render. The decoder's own error text is
/// not worth its weight in the wasm: the index is written by the same build, so a failure
/// can only mean a build that went wrong.
pub fn install(bytes: &[u8]) {
    let index = SiteIndex::from_bytes(bytes)
        .ok()
        .map(|index| &*Box::leak(Box::new(index)));
    INDEX.with(|slot| slot.set(index));
    TEXT.with(|text| text.set(index.map_or(&KOREAN_APP, SiteIndex::app_text)));
}

/// The decoded index, or why it could not be read (shown to the reader, never a blank page).
pub fn site_index() -> Result<&'static SiteIndex, &'static str> {
    INDEX
        .with(Cell::get)
        .ok_or("the embedded post index is damaged")
}

/// The app's words, in the site's language (Korean, geul's default, when the index cannot
/// be read).
pub fn app_text() -> &'static AppText {
    TEXT.with(Cell::get)
}
