//! A site-wide page (`archives/`, `tags/`, `categories/`): its heading, then what the build
//! wrote for it (`crates/build/src/publish/overviews.rs`), fetched the first time it is
//! shown. The static page shows the same file.

use geul_core::Overview;
use yew::prelude::*;

use crate::data::bodies::{cached_body, load_file};
use crate::data::site_index::app_text;
use crate::router::has_navigated;

#[derive(Properties, PartialEq)]
pub struct OverviewProps {
    pub overview: Overview,
}

#[derive(Clone, PartialEq)]
enum Content {
    Loading,
    Ready(AttrValue),
    Failed(String),
}

#[component]
pub fn OverviewView(props: &OverviewProps) -> Html {
    let overview = props.overview;
    let text = app_text();
    let title = overview.title(text);
    let content = use_state(|| {
        cached_body(&overview.content_file()).map_or(Content::Loading, Content::Ready)
    });
    {
        let content = content.clone();
        use_effect_with(overview, move |&overview| {
            crate::document::set_title(Some(overview.title(app_text())), crate::app::site_name());
            if has_navigated() {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            crate::document::move_focus_to_main();
            let path = overview.content_file();
            match cached_body(&path) {
                Some(cached) => content.set(Content::Ready(cached)),
                None => {
                    content.set(Content::Loading);
                    wasm_bindgen_futures::spawn_local(async move {
                        content.set(match load_file(&path).await {
                            Ok(html) => Content::Ready(html),
                            Err(reason) => Content::Failed(reason),
                        });
                    });
                }
            }
        });
    }
    let shown = match &*content {
        Content::Loading => {
            html! { <p class="post__loading" aria-busy="true">{ text.body_loading }</p> }
        }
        Content::Ready(html) => html! {
            <div class="overview__body">{ Html::from_html_unchecked(html.clone()) }</div>
        },
        Content::Failed(reason) => html! {
            <div class="notice notice--error" role="alert">
                <p>{ text.body_failed }</p>
                <p class="notice__detail">{ reason }</p>
            </div>
        },
    };
    html! {
        // The file, for the app to take it from a static page (`browser.rs`).
        <section class="overview" data-body-path={overview.content_file()}>
            <h1 class="overview__title">{ title }</h1>
            { shown }
        </section>
    }
}
