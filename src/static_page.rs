//! Whether the views are rendering a static page at build time ([`crate::prerender`])
//! rather than running in the browser. The few places where the static copy must differ
//! from the app (links instead of filter buttons, a `<form>` for the search box) ask
//! [`is_static`]. The wasm is built without the `ssr` feature: there the answer is a
//! constant and those branches are compiled out.

/// The page being rendered: its base path (no trailing slash) and its location below it.
#[derive(Clone, Debug, Default)]
pub struct StaticPage {
    pub base: String,
    pub path: String,
    pub query: String,
    /// Where the page is served, below the base: its path, but for `404.html`, which
    /// answers every address the site lacks.
    pub served_at: String,
}

#[cfg(feature = "ssr")]
thread_local! {
    static CURRENT: std::cell::RefCell<Option<StaticPage>> = const { std::cell::RefCell::new(None) };
    /// The posts (places in the display order) whose cards the page shows.
    static SHOWN: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The static page being rendered, if any.
pub fn current() -> Option<StaticPage> {
    #[cfg(feature = "ssr")]
    return CURRENT.with(|current| current.borrow().clone());
    #[cfg(not(feature = "ssr"))]
    None
}

/// Whether the views are rendering a static page.
pub fn is_static() -> bool {
    #[cfg(feature = "ssr")]
    return CURRENT.with(|current| current.borrow().is_some());
    #[cfg(not(feature = "ssr"))]
    false
}

/// Notes the posts whose cards the page shows, for `data-posts` (the app loads their
/// cards before it takes over).
pub fn record_shown(_posts: &[usize]) {
    #[cfg(feature = "ssr")]
    SHOWN.with(|shown| shown.borrow_mut().extend_from_slice(_posts));
}

/// Starts rendering `page` (or ends, with `None`); returns the posts the last page showed.
#[cfg(feature = "ssr")]
pub fn set(page: Option<StaticPage>) -> Vec<usize> {
    CURRENT.with(|current| *current.borrow_mut() = page);
    SHOWN.with(|shown| std::mem::take(&mut *shown.borrow_mut()))
}
