//! A real link (`<a href>` under the base path) that navigates inside the app on a plain
//! click and leaves modified clicks (new tab, new window) to the browser.

use yew::prelude::*;

use crate::route::Route;
use crate::router::navigator;

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

#[component]
pub fn AppLink(props: &AppLinkProps) -> Html {
    let navigator = navigator();
    let href = navigator.href(&props.to, &props.query);
    let onclick = {
        let to = props.to.clone();
        let query = props.query.clone();
        Callback::from(move |event: MouseEvent| {
            let modified =
                event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if modified || event.button() != 0 {
                return;
            }
            event.prevent_default();
            navigator.push(&to, &query);
        })
    };
    html! {
        <a {href} class={props.class.clone()} {onclick}
           data-tag={props.data_tag.clone()} data-category={props.data_category.clone()}>{ props.children.clone() }</a>
    }
}
