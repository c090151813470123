//! A small History-API router: the current location below the site's base path, and a
//! navigator that pushes new entries without reloading.
//!
//! geul needs three things from a router: the path below `<base href>`, the raw query string,
//! and `pushState` + `popstate`. yew-router provides them too, but its history layer stores
//! state through serde-wasm-bindgen and a general route table, a tenth of the first-load
//! budget (docs/PERFORMANCE.md). This module is that subset.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use geul_core::Route;

use crate::static_page;

/// Where the reader is: the path below the base (starting with `/`) and the query (no `?`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub path: String,
    pub query: String,
}

/// Moves between locations; also builds their `href`s.
#[derive(Clone)]
pub struct Navigator {
    /// The base path without its trailing slash (`/geul`, or empty at the root).
    base: Rc<str>,
    on_change: Callback<Location>,
}

impl PartialEq for Navigator {
    fn eq(&self, other: &Self) -> bool {
        self.base == other.base && self.on_change == other.on_change
    }
}

impl Navigator {
    /// The URL of a route and query under the base path.
    pub fn href(&self, to: &Route, query: &str) -> String {
        self.url(&to.to_path(), query)
    }

    /// The URL of a path below the base, with a query (no `?`) unless it is empty.
    fn url(&self, path: &str, query: &str) -> String {
        if query.is_empty() {
            format!("{}{path}", self.base)
        } else {
            format!("{}{path}?{query}", self.base)
        }
    }

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

    /// Pushes a history entry for the route and shows it (no reload).
    pub fn push(&self, to: &Route, query: &str) {
        self.push_path(&to.to_path(), query);
    }

    /// [`Navigator::push`] for a path below the base.
    fn push_path(&self, path: &str, query: &str) {
        NAVIGATED.with(|navigated| navigated.set(true));
        // The entry being left gets its address first.
        write_pending_url();
        let url = self.url(path, query);
        // Going where the reader already is adds no history entry (e.g. a selected tag's link).
        let here = gloo::utils::window().location();
        let current = format!(
            "{}{}",
            here.pathname().unwrap_or_default(),
            here.search().unwrap_or_default()
        );
        if current == url {
            return;
        }
        let pushed = gloo::utils::window()
            .history()
            .and_then(|history| history.push_state_with_url(&JsValue::NULL, "", Some(&url)));
        match pushed {
            Ok(()) => self.on_change.emit(Location {
                path: path.to_owned(),
                query: query.to_owned(),
            }),
            // Without the History API, an ordinary page load still gets there.
            Err(_) => {
                let _ = gloo::utils::window().location().set_href(&url);
            }
        }
    }
}

thread_local! {
    /// Whether the reader has moved from the page the app started on (a push or back).
    static NAVIGATED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The address shown but not written yet, and whether it gets a new history entry.
    static PENDING_URL: std::cell::RefCell<Option<(String, bool)>> = const { std::cell::RefCell::new(None) };
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

/// Follows a plain click on a link to one of the app's own views inside the app, without
/// a reload. Links are plain `<a href>` elements: one listener on the document serves
/// them all, which costs a list of cards far less than a component and a listener per
/// link. Modified clicks (new tab, new window), links with a target or a download, and
/// links that leave the app (other sites, files, `#` anchors) are left to the browser.
fn follow_link(event: &web_sys::Event, navigator: &Navigator) {
    let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    let modified = click.ctrl_key() || click.meta_key() || click.shift_key() || click.alt_key();
    if modified || click.button() != 0 || click.default_prevented() {
        return;
    }
    let link = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("a[href]").ok().flatten());
    let Some(link) = link.filter(|l| !l.has_attribute("target") && !l.has_attribute("download"))
    else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    // The app writes its links as absolute paths below the base.
    let Some(below_base) = href.strip_prefix(&*navigator.base) else {
        return;
    };
    let (path, query) = below_base.split_once('?').unwrap_or((below_base, ""));
    let in_app = path.starts_with('/') && !path.starts_with("//") && !href.contains('#');
    if in_app && Route::recognize(path) != Route::NotFound {
        click.prevent_default();
        navigator.push_path(path, query);
    }
}

/// False until the reader leaves the page the app started on: until then the location is
/// the one the server answered for.
pub fn has_navigated() -> bool {
    NAVIGATED.with(|navigated| navigated.get())
}

/// The list's URL, for links drawn outside `<Router>` (the site header).
pub fn home_url() -> String {
    base_path() + "/"
}

/// The base path from the document's base URL (Trunk writes the public URL into
/// `<base href>`; the browser resolves relative and absolute forms alike), without the
/// trailing slash.
fn base_path() -> String {
    if let Some(page) = static_page::current() {
        return page.base;
    }
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    directory_of(&base).to_owned()
}

/// The directory a resolved base URL names, as a path without its trailing slash:
/// "https://host/geul/index.html?x" → "/geul", "https://host/" → "". From the slash after
/// the host to the last slash before the query or fragment, less any slashes it ends with;
/// byte positions rather than `split`, whose pattern machinery would come into the wasm for
/// this alone (docs/PERFORMANCE.md).
fn directory_of(base: &str) -> &str {
    let bytes = base.as_bytes();
    let start = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'/')
        .nth(2)
        .map_or(bytes.len(), |(at, _)| at);
    let path = &bytes[start..];
    let path = &path[..path
        .iter()
        .position(|&b| b == b'?' || b == b'#')
        .unwrap_or(path.len())];
    let mut end = path.iter().rposition(|&b| b == b'/').unwrap_or(0);
    while end > 0 && path[end - 1] == b'/' {
        end -= 1;
    }
    &base[start..start + end]
}

fn current_location(base: &str) -> Location {
    if let Some(page) = static_page::current() {
        return Location {
            path: page.path,
            query: page.query,
        };
    }
    let location = gloo::utils::window().location();
    let pathname = location.pathname().unwrap_or_default();
    let path = pathname.strip_prefix(base).unwrap_or(&pathname);
    let path = if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{path}")
    };
    let query = location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned();
    Location { path, query }
}

#[derive(Clone, PartialEq)]
struct RouterContext {
    location: Location,
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

/// Provides the location (as a context) and the navigator (see [`navigator`]) to everything
/// inside it.
#[component]
pub fn Router(props: &RouterProps) -> Html {
    let base: Rc<str> = use_memo((), |_| Rc::<str>::from(base_path()))
        .as_ref()
        .clone();
    let location = {
        let base = base.clone();
        // Compared before it is set: an IME committing the syllable it showed, or Esc in an
        // empty box, sends the same location again, and that must not render the page again.
        use_state_eq(move || current_location(&base))
    };
    let navigator = Navigator {
        base: base.clone(),
        on_change: {
            let location = location.clone();
            Callback::from(move |next| location.set(next))
        },
    };
    NAVIGATOR.with(|slot| *slot.borrow_mut() = Some(navigator.clone()));
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let popstate =
                gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                    // A pending address belonged to the entry the reader just left.
                    PENDING_URL.with(|pending| pending.take());
                    NAVIGATED.with(|navigated| navigated.set(true));
                    location.set(current_location(&base));
                });
            // gloo's listeners are passive unless told otherwise, and a passive listener
            // cannot keep the browser from following the link.
            let click = gloo::events::EventListener::new_with_options(
                &gloo::utils::document(),
                "click",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| follow_link(event, &navigator),
            );
            move || drop((popstate, click))
        });
    }
    let context = RouterContext {
        location: (*location).clone(),
    };
    html! {
        <ContextProvider<RouterContext> {context}>{ props.children.clone() }</ContextProvider<RouterContext>>
    }
}

/// The current location (re-renders the caller when it changes).
#[hook]
pub fn use_location() -> Location {
    use_context::<RouterContext>()
        .expect("inside <Router>")
        .location
}

thread_local! {
    /// The navigator of the one `<Router>`, for links: reading it from the context would
    /// make every link render again whenever the location changes, on every keystroke of a
    /// search, although a link only needs the base path and a way to push.
    static NAVIGATOR: std::cell::RefCell<Option<Navigator>> = const { std::cell::RefCell::new(None) };
}

/// The navigator (inside `<Router>`; it does not re-render the caller).
pub fn navigator() -> Navigator {
    NAVIGATOR.with(|slot| slot.borrow().clone().expect("inside <Router>"))
}

#[cfg(test)]
mod tests {
    use super::directory_of;

    #[test]
    fn the_base_directory_is_the_path_up_to_its_last_slash() {
        assert_eq!(directory_of("https://user.github.io/geul/"), "/geul");
        assert_eq!(
            directory_of("https://user.github.io/geul/index.html?q=1#x"),
            "/geul"
        );
        assert_eq!(directory_of("http://127.0.0.1:4321/a/b/c.html"), "/a/b");
        assert_eq!(directory_of("https://user.github.io/geul//"), "/geul");
    }

    #[test]
    fn a_site_at_the_root_has_an_empty_base() {
        assert_eq!(directory_of("https://user.github.io/"), "");
        assert_eq!(directory_of("https://user.github.io"), "");
        assert_eq!(directory_of("https://user.github.io/index.html"), "");
        assert_eq!(directory_of(""), "");
    }

    #[test]
    fn a_query_or_fragment_does_not_count_as_path() {
        assert_eq!(directory_of("https://host/a?next=/b/c"), "");
        assert_eq!(directory_of("https://host/a/#/b/"), "/a");
    }
}
