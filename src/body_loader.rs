//! Fetches rendered post bodies (static, content-hashed files) and keeps them for the visit.

use std::cell::RefCell;
use std::collections::HashMap;

use yew::AttrValue;

thread_local! {
    static BODIES: RefCell<HashMap<String, AttrValue>> = RefCell::new(HashMap::new());
}

/// Keeps a body that is already at hand (from the prerendered page), so it is not fetched.
pub fn remember_body(path: String, html: String) {
    BODIES.with(|bodies| bodies.borrow_mut().insert(path, AttrValue::from(html)));
}

/// A body fetched before in this visit, if any.
pub fn cached_body(path: &str) -> Option<AttrValue> {
    BODIES.with(|bodies| bodies.borrow().get(path).cloned())
}

/// Fetches a body by its site-relative path (resolved against `<base href>`).
pub async fn load_body(path: &str) -> Result<AttrValue, String> {
    if let Some(body) = cached_body(path) {
        return Ok(body);
    }
    let text = crate::fetch::fetch_text(path).await?;
    let body = AttrValue::from(text);
    BODIES.with(|bodies| bodies.borrow_mut().insert(path.to_owned(), body.clone()));
    Ok(body)
}
