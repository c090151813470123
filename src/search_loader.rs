//! Fetches the search documents the first time the reader searches, and prepares them once.

use std::cell::RefCell;
use std::rc::Rc;

use geul_content::search::{Prepared, SearchDocs};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

thread_local! {
    static DOCS: RefCell<Option<Rc<Vec<Prepared>>>> = const { RefCell::new(None) };
}

/// The prepared documents, if they have arrived.
pub fn loaded_docs() -> Option<Rc<Vec<Prepared>>> {
    DOCS.with(|docs| docs.borrow().clone())
}

/// Fetches and prepares the documents at `path` (relative to `<base href>`).
pub async fn load_docs(path: &str) -> Result<Rc<Vec<Prepared>>, String> {
    if let Some(docs) = loaded_docs() {
        return Ok(docs);
    }
    let fail = |_| "network error".to_owned();
    let response = JsFuture::from(gloo::utils::window().fetch_with_str(path))
        .await
        .map_err(fail)?;
    let response: Response = response.dyn_into().map_err(fail)?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(fail)?)
        .await
        .map_err(fail)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let docs = SearchDocs::from_bytes(&bytes).map_err(|_| "damaged search documents".to_owned())?;
    let prepared = Rc::new(docs.docs.iter().map(Prepared::new).collect::<Vec<_>>());
    DOCS.with(|docs| *docs.borrow_mut() = Some(prepared.clone()));
    Ok(prepared)
}
