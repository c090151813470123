//! Fetching the site's own static files (relative to `<base href>`).

use std::future::Future;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// A short reason for the reader. JsValue's Debug form would pull float formatting into
/// the wasm; a string is enough.
fn describe(error: JsValue) -> String {
    error
        .as_string()
        .unwrap_or_else(|| "network error".to_owned())
}

/// GETs `path` and returns the response if it succeeded. The request starts at the call,
/// not at the first poll, so several can be on their way at once.
fn fetch_ok(path: &str) -> impl Future<Output = Result<Response, String>> {
    let request = JsFuture::from(gloo::utils::window().fetch_with_str(path));
    async move {
        let response: Response = request
            .await
            .map_err(describe)?
            .dyn_into()
            .map_err(describe)?;
        if response.ok() {
            Ok(response)
        } else {
            Err(format!("HTTP {}", response.status()))
        }
    }
}

/// The file at `path` as bytes (the request starts at the call, see [`fetch_ok`]).
pub fn fetch_bytes(path: &str) -> impl Future<Output = Result<Vec<u8>, String>> {
    let response = fetch_ok(path);
    async move {
        let buffer = JsFuture::from(response.await?.array_buffer().map_err(describe)?)
            .await
            .map_err(describe)?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
