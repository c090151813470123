//! A small History-API router: the current location below the site's base path, and a
//! navigator that pushes new entries without reloading. The base path is read in `base`;
//! the address written late while the reader types, in `pending`.
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

mod base;
mod pending;

use base::base_path;
pub use pending::write_pending_url;

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

    /// Pushes a history entry for the route and shows it (no reload).
    pub fn push(&self, to: &Route, query: &str) {
        self.push_path(&to.to_path(), query);
    }

    /// [`Navigator::push`] for a path below the base.
    fn push_path(&self, path: &str, query: &str) {
        NAVIGATED.with(|navigated| navigated.set(true));
        // The entry being left gets its address first.
        pending::write_pending_url();
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
    if in_app && shows_in_app(&Route::recognize(path)) {
        click.prevent_default();
        navigator.push_path(path, query);
    }
}

/// Whether the app can show `route` from what it has. A post whose card is not here yet (a
/// link in another post's body, on a large site) is left to the browser: the server's page
/// for its address has everything.
fn shows_in_app(route: &Route) -> bool {
    match route {
        Route::NotFound => false,
        Route::Post { slug } => {
            crate::data::cards::find_card(&geul_core::percent_decode(slug)).is_some()
        }
        _ => true,
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

/// A route's URL, for links drawn outside `<Router>` (the site header).
pub fn route_url(route: &Route) -> String {
    base_path() + &route.to_path()
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
                    pending::forget();
                    NAVIGATED.with(|navigated| navigated.set(true));
                    let next = current_location(&base);
                    // An address the app cannot show from what it has: the server's page.
                    let route = Route::recognize(&next.path);
                    if route != Route::NotFound && !shows_in_app(&route) {
                        let _ = gloo::utils::window().location().reload();
                        return;
                    }
                    location.set(next);
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
