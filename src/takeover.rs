//! Taking over from the static page. The app renders the view the static copy shows and
//! removes the copy before the browser paints again, so nothing flashes. A list is rendered
//! in three tasks (after the one the wasm starts in), into the app's root while it is still
//! hidden: everything but the filter bar and the cards, then the bar, then the cards; the
//! copy goes with the last. Each task then pays for only part of the first render, and of
//! V8 compiling the wasm's functions as they are first called, which on a slow machine
//! together made one long task (docs/BENCHMARKS.md).

use std::cell::{Cell, RefCell};

thread_local! {
    /// The app's root, hidden, and the static copy, while a list's takeover is under way.
    static PENDING: RefCell<Option<(web_sys::Element, web_sys::Element)>> = const { RefCell::new(None) };
    /// The static copy of a view that takes over in one go, removed after the first render.
    static REPLACED: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
    /// Whether a list has taken the takeover on, to finish it.
    static CLAIMED: Cell<bool> = const { Cell::new(false) };
}

/// Called before the app's first render into `root`, in place of `prerendered`: a list
/// (`staged`) renders into `root` hidden, and finishes in a later task ([`finish`]).
pub fn begin(root: web_sys::Element, prerendered: Option<web_sys::Element>, staged: bool) {
    match prerendered {
        Some(prerendered) if staged => {
            let _ = root.set_attribute("hidden", "");
            PENDING.with(|pending| *pending.borrow_mut() = Some((root, prerendered)));
        }
        prerendered => REPLACED.with(|replaced| *replaced.borrow_mut() = prerendered),
    }
}

/// Called right after the app's first render: a view that is not a list replaces the copy
/// now, in the same task, so the copy goes unseen. (If the app failed to start, the copy
/// would stay.)
pub fn first_render_done() {
    if let Some(prerendered) = REPLACED.with(|replaced| replaced.borrow_mut().take()) {
        prerendered.remove();
    }
}

/// Whether a list's takeover is under way, which the asking list then finishes: it renders
/// its filter bar and its cards in tasks of their own, then calls [`finish`].
pub fn claim() -> bool {
    let staged = PENDING.with(|pending| pending.borrow().is_some());
    CLAIMED.with(|claimed| claimed.set(staged));
    staged
}

/// Called once the app's first render is done: if no list took the takeover on (the
/// address was not a list's after all), the app is shown now.
pub fn finish_unclaimed() {
    if !CLAIMED.with(Cell::get) {
        finish();
    }
}

/// Shows the app in place of the static copy, once the list has rendered all of itself.
pub fn finish() {
    if let Some((root, prerendered)) = PENDING.with(|pending| pending.borrow_mut().take()) {
        prerendered.remove();
        let _ = root.remove_attribute("hidden");
    }
}
