//! A real link (`<a href>` under the base path) that navigates inside the app on a plain
//! click and leaves modified clicks (new tab, new window) to the browser.

use yew::prelude::*;
use yew_router::prelude::*;
use yew_router::query::Raw;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct AppLinkProps {
    pub to: Route,
    /// Query string without `?`; empty for none.
    #[prop_or_default]
    pub query: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    /// Marks a link that stands for a tag (`data-tag`), for styling and tests.
    #[prop_or_default]
    pub data_tag: Option<AttrValue>,
    /// Marks a link that stands for a category (`data-category`).
    #[prop_or_default]
    pub data_category: Option<AttrValue>,
    #[prop_or_default]
    pub children: Html,
}

/// The `href` for a route and query under the router's base path.
pub fn href(navigator: Option<&Navigator>, to: &Route, query: &str) -> String {
    let base = navigator.and_then(Navigator::basename).unwrap_or_default();
    let path = format!("{base}{}", to.to_path());
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// Navigates to the route with the query (pushes a history entry, no reload).
pub fn navigate(navigator: &Navigator, to: &Route, query: &str) {
    if query.is_empty() {
        navigator.push(to);
    } else {
        let _ = navigator.push_with_query(to, Raw(query));
    }
}

#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let navigator = use_navigator();
    let href = href(navigator.as_ref(), &props.to, &props.query);
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        Callback::from(move |event: MouseEvent| {
            let modified =
                event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if modified || event.button() != 0 {
                return;
            }
            if let Some(navigator) = &navigator {
                event.prevent_default();
                navigate(navigator, &to, &query);
            }
        })
    };
    html! {
        <a {href} class={props.class.clone()} {onclick}
           data-tag={props.data_tag.clone()} data-category={props.data_category.clone()}>{ props.children.clone() }</a>
    }
}
