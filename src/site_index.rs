//! The post index, embedded in the wasm by the build script and decoded once.

use std::sync::OnceLock;

use geul_core::SiteIndex;

static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/site-index.bin"));

/// The decoded index, or why it could not be read (shown to the reader, never a blank page).
pub fn site_index() -> Result<&'static SiteIndex, &'static str> {
    static INDEX: OnceLock<Option<SiteIndex>> = OnceLock::new();
    // The decoder's own error text is not worth its weight in the wasm: the index is written
    // by the same build, so a failure can only mean a build that went wrong.
    INDEX
        .get_or_init(|| SiteIndex::from_bytes(INDEX_BYTES).ok())
        .as_ref()
        .ok_or("the embedded post index is damaged")
}
