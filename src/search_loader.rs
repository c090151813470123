//! Fetches the search documents the first time the reader searches, and prepares them once.

use std::cell::RefCell;
use std::rc::Rc;

use geul_content::search::{Prepared, SearchDocs};

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
    let bytes = crate::fetch::fetch_bytes(path).await?;
    let docs = SearchDocs::from_bytes(&bytes).map_err(|_| "damaged search documents".to_owned())?;
    let prepared = Rc::new(docs.docs.iter().map(Prepared::new).collect::<Vec<_>>());
    DOCS.with(|docs| *docs.borrow_mut() = Some(prepared.clone()));
    Ok(prepared)
}
