//! Fetches rendered post bodies (static, content-hashed files) and keeps them for the visit.

use std::cell::RefCell;
use std::collections::HashMap;

use geul_core::PostMeta;
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

/// Fetches a post's body (its path is resolved against `<base href>`). A file that is not
/// the one the build wrote (cut short, re-encoded) is refused, never shown.
pub async fn load_body(post: &PostMeta) -> Result<AttrValue, String> {
    if let Some(body) = cached_body(&post.body_path) {
        return Ok(body);
    }
    let bytes = crate::fetch::fetch_bytes(&post.body_path).await?;
    let text = post
        .body_from(bytes)
        .ok_or_else(|| "본문 파일이 손상되었습니다".to_owned())?;
    let body = AttrValue::from(text);
    BODIES.with(|bodies| {
        bodies
            .borrow_mut()
            .insert(post.body_path.clone(), body.clone())
    });
    Ok(body)
}
