//! The post index, embedded in the wasm by the build script and decoded once.

use std::sync::OnceLock;

use geul_content::SiteIndex;

static INDEX_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/site-index.bin"));

/// The decoded index, or why it could not be read (shown to the reader, never a blank page).
pub fn site_index() -> Result<&'static SiteIndex, &'static str> {
    static INDEX: OnceLock<Result<SiteIndex, String>> = OnceLock::new();
    INDEX
        .get_or_init(|| SiteIndex::from_bytes(INDEX_BYTES).map_err(|error| error.to_string()))
        .as_ref()
        .map_err(String::as_str)
}
