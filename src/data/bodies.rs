//! Fetches rendered post bodies (static, content-hashed files) and keeps them for the visit.

use std::cell::RefCell;

use yew::AttrValue;

use crate::data::site_index::app_text;

thread_local! {
    /// By body path. A visit opens a handful of posts: looking through a list costs nothing
    /// next to a hash map's code in the wasm (docs/PERFORMANCE.md).
    static BODIES: RefCell<Vec<(String, AttrValue)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps a body that is already at hand (from the prerendered page), so it is not fetched.
pub fn remember_body(path: String, html: String) {
    keep(path, AttrValue::from(html));
}

fn keep(path: String, body: AttrValue) {
    BODIES.with(|bodies| bodies.borrow_mut().push((path, body)));
}

/// A body fetched before in this visit, if any.
pub fn cached_body(path: &str) -> Option<AttrValue> {
    BODIES.with(|bodies| {
        let bodies = bodies.borrow();
        let found = bodies.iter().find(|(kept, _)| kept == path);
        found.map(|(_, body)| body.clone())
    })
}

/// Forgets every body (a static page is rendered with its own body only).
#[cfg(feature = "ssr")]
pub fn forget_all() {
    BODIES.with(|bodies| bodies.borrow_mut().clear());
}

/// Fetches a body (its path is resolved against `<base href>`): a post's, whose length the
/// index gives (`expected_bytes`), or an overview's. A file that is not the one the build
/// wrote (cut short, re-encoded) is refused, never shown.
pub async fn load_body(path: &str, expected_bytes: Option<u32>) -> Result<AttrValue, String> {
    if let Some(body) = cached_body(path) {
        return Ok(body);
    }
    let bytes = crate::data::fetch::fetch_bytes(path).await?;
    let whole = expected_bytes.is_none_or(|expected| bytes.len() == expected as usize);
    let text = whole
        .then(|| String::from_utf8(bytes).ok())
        .flatten()
        .ok_or_else(|| app_text().body_damaged.to_owned())?;
    let body = AttrValue::from(text);
    keep(path.to_owned(), body.clone());
    Ok(body)
}
