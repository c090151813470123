//! Fetches rendered post bodies (static, content-hashed files) and keeps them for the visit.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo::net::http::Request;
use yew::AttrValue;

thread_local! {
    static BODIES: RefCell<HashMap<String, AttrValue>> = RefCell::new(HashMap::new());
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
    let response = Request::get(path)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = AttrValue::from(response.text().await.map_err(|error| error.to_string())?);
    BODIES.with(|bodies| bodies.borrow_mut().insert(path.to_owned(), body.clone()));
    Ok(body)
}
