//! Addresses written late. While the reader types a search, each keystroke shows a new
//! list at once, but writing the address bar costs the browser up to a millisecond and a
//! half: the address is written when typing pauses, or by the next push, and nobody reads
//! the address bar mid-word.

use geul_core::Route;
use wasm_bindgen::JsValue;

use super::{Location, Navigator};

thread_local! {
    /// The address shown but not written yet, and whether it gets a new history entry.
    static PENDING_URL: std::cell::RefCell<Option<(String, bool)>> = const { std::cell::RefCell::new(None) };
}

impl Navigator {
    /// Shows the route in place of the current history entry (while the reader types a
    /// search, so back does not step through every keystroke). The address is written by
    /// [`write_pending_url`], which the list calls when typing pauses, or by the next push:
    /// writing it costs the browser up to a millisecond and a half of every keystroke, and
    /// nobody reads the address bar mid-word.
    pub fn replace(&self, to: &Route, query: &str) {
        self.show_pending(to, query, false);
    }

    /// Shows the route at once and pushes its history entry right after the browser has
    /// painted it: the first key of a search must push one (back returns to the list it
    /// started from), and `pushState` costs that keystroke up to a millisecond and a half.
    pub fn push_after_paint(&self, to: &Route, query: &str) {
        // The entry being left gets its address first, as with `push`.
        write_pending_url();
        self.show_pending(to, query, true);
        crate::tasks::after_paint(write_pending_url);
    }

    /// Shows the route, leaving its address to [`write_pending_url`]; `new_entry` says it
    /// gets a history entry of its own (which a replace before it is written keeps).
    fn show_pending(&self, to: &Route, query: &str, new_entry: bool) {
        let url = self.href(to, query);
        PENDING_URL.with(|pending| {
            let mut pending = pending.borrow_mut();
            let new_entry = new_entry || pending.as_ref().is_some_and(|(_, push)| *push);
            *pending = Some((url, new_entry));
        });
        self.on_change.emit(Location {
            path: to.to_path(),
            query: query.to_owned(),
        });
    }
}

/// Writes the address that [`Navigator::replace`] or [`Navigator::push_after_paint`] left
/// pending, if any.
pub fn write_pending_url() {
    let Some((url, new_entry)) = PENDING_URL.with(|pending| pending.take()) else {
        return;
    };
    if let Ok(history) = gloo::utils::window().history() {
        let _ = if new_entry {
            history.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

/// Drops the pending address: it belonged to the history entry the reader just left.
pub(super) fn forget() {
    PENDING_URL.with(|pending| pending.take());
}
