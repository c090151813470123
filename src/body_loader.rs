//! Fetches rendered post bodies (static, content-hashed files) and keeps them for the visit.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;
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
    // JsValue's Debug form would pull float formatting into the wasm; a string is enough.
    let describe = |error: wasm_bindgen::JsValue| {
        error
            .as_string()
            .unwrap_or_else(|| "network error".to_owned())
    };
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(path))
        .await
        .map_err(describe)?;
    let response: Response = response.dyn_into().map_err(describe)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe)?)
        .await
        .map_err(describe)?;
    let body = AttrValue::from(text.as_string().unwrap_or_default());
    BODIES.with(|bodies| bodies.borrow_mut().insert(path.to_owned(), body.clone()));
    Ok(body)
}
