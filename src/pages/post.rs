//! One post: heading, date, reading time, categories and tags, and the body, which is
//! fetched as a separate static file the first time the post is opened. A site-wide page
//! (`archives/`, `tags/`, `categories/`) is shown the same way: its heading, then the file
//! the build wrote for it (`crates/build/src/publish/overviews.rs`). One component for both,
//! as each component type carries its own copy of Yew's lifecycle code in the wasm.

use geul_core::{
    parse_selection, percent_decode,
    search::Query,
    search::{mark_matches, HIT_CLASS},
    Overview, PostMeta, Selection,
};
use yew::prelude::*;

use crate::components::facet_links::facet_links;
use crate::components::post_info::post_info;
use crate::data::bodies::{cached_body, load_body};
use crate::data::cards::find_card;
use crate::data::site_index::app_text;
use crate::pages::home::last_list_query;
use crate::pages::not_found::not_found;
use crate::router::{has_navigated, navigator, use_location};
use geul_core::Route;

/// The post whose slug is in the URL (possibly percent-encoded), or the not-found view.
/// A plain function: only the view below needs state.
pub fn post_page(url_slug: &str) -> Html {
    let slug = percent_decode(url_slug);
    match find_card(&slug) {
        Some(post) => html! { <PostView shown={Shown::Post(post)} /> },
        // A post's own page has its card loaded before the app starts, and a link to a post
        // whose card is not here is left to the browser (`router::follow_link`): this post
        // does not exist.
        None => not_found(),
    }
}

/// The archive, the tags or the categories.
pub fn overview_page(overview: Overview) -> Html {
    html! { <PostView shown={Shown::Overview(overview)} /> }
}

/// What the view shows.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Post(&'static PostMeta),
    Overview(Overview),
}

impl Shown {
    /// The file of what is shown below the heading.
    fn body_path(self) -> String {
        match self {
            Shown::Post(post) => post.body_path.clone(),
            Shown::Overview(overview) => overview.content_file(),
        }
    }

    fn title(self) -> &'static str {
        match self {
            Shown::Post(post) => &post.title,
            Shown::Overview(overview) => overview.title(app_text()),
        }
    }
}

#[derive(Properties, PartialEq)]
struct PostViewProps {
    shown: Shown,
}

#[derive(Clone, PartialEq)]
enum Body {
    Loading,
    Ready(AttrValue),
    Failed(String),
}

#[component]
fn PostView(props: &PostViewProps) -> Html {
    // The browser tests' build that shows what a reader sees when the app panics.
    #[cfg(feature = "panic-on-purpose")]
    panic!("a panic on purpose");
    let shown = props.shown;
    let body = use_state(|| cached_body(&shown.body_path()).map_or(Body::Loading, Body::Ready));
    let attempt = use_state(|| 0u32);
    // Opened from a search (`?q=…`): the matches are marked and the first is scrolled to.
    let search = parse_selection(&use_location().query).search;

    {
        let body = body.clone();
        use_effect_with((shown.body_path(), *attempt), move |(path, _)| {
            crate::document::set_title(Some(shown.title()), crate::app::site_name());
            // On the page the app started on, the reader may have scrolled the static copy
            // already (the app can start late); anywhere else a post opens at its top.
            if has_navigated() {
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            crate::document::move_focus_to_main();
            match cached_body(path) {
                Some(cached) => body.set(Body::Ready(cached)),
                None => {
                    body.set(Body::Loading);
                    let path = path.clone();
                    // A post's body has the length the index gives; an overview is not in
                    // the index.
                    let expected = match shown {
                        Shown::Post(post) => Some(post.body_bytes),
                        Shown::Overview(_) => None,
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        body.set(match load_body(&path, expected).await {
                            Ok(html) => Body::Ready(html),
                            Err(reason) => Body::Failed(reason),
                        });
                    });
                }
            }
        });
    }

    // Marking is a single pass over the body, and this view renders only when the body or
    // the location changes, so it is not memoized.
    let marked = match (&*body, shown) {
        (Body::Ready(html), Shown::Post(_)) => mark_matches(html, &Query::parse(&search)),
        _ => None,
    };
    use_effect_with((shown.body_path(), marked.is_some()), |&(_, marked)| {
        let selector = ".post__body mark.".to_owned() + HIT_CLASS;
        if let (true, Ok(Some(first))) = (marked, gloo::utils::document().query_selector(&selector))
        {
            first.scroll_into_view();
        }
    });

    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |_: MouseEvent| attempt.set(*attempt + 1))
    };
    // The script the body names (code blocks' copy buttons, embeds): inserted with the
    // body's HTML it would not run, but Yew creates its elements, and such a script runs.
    let script = match &*body {
        Body::Ready(html) => body_script(html),
        _ => None,
    };
    let text = app_text();
    let content = match &*body {
        Body::Loading => {
            html! { <p class="post__loading" aria-busy="true">{ text.body_loading }</p> }
        }
        Body::Ready(html) => {
            let html =
                Html::from_html_unchecked(marked.map_or_else(|| html.clone(), AttrValue::from));
            match shown {
                Shown::Post(_) => html! { <div class="post__body">{ html }</div> },
                Shown::Overview(_) => html! { <div class="overview__body">{ html }</div> },
            }
        }
        Body::Failed(reason) => html! {
            <div class="notice notice--error" role="alert">
                <p>{ text.body_failed }</p>
                <p class="notice__detail">{ reason }</p>
                <button type="button" class="retry" onclick={retry}>{ text.retry }</button>
            </div>
        },
    };

    let post = match shown {
        Shown::Post(post) => post,
        Shown::Overview(overview) => {
            return html! {
                // The file, for the app to take it from a static page (`browser.rs`).
                <section class="overview" data-body-path={overview.content_file()}>
                    <h1 class="overview__title">{ overview.title(text) }</h1>
                    { content }
                </section>
            };
        }
    };
    html! {
        // The body's file, for the app to take the body from a static page (`browser.rs`).
        <article class="post" data-slug={post.slug.clone()} data-body-path={post.body_path.clone()}>
            <header class="post__header">
                <h1 class="post__title">{ &post.title }</h1>
                { post_info(post) }
                { facet_links(post, &Selection::default()) }
            </header>
            { content }
            if let Some(src) = script {
                <script type="module" {src}></script>
            }
            <footer class="post__footer">
                <a class="back-link" href={navigator().href(&Route::Home, &last_list_query())}>
                    { text.back_to_list }
                </a>
            </footer>
        </article>
    }
}

/// The `src` of the script a body file names in its head (see the build's
/// `publish/content_style.rs`), if any. Bytes are compared directly: a substring search
/// would bring the standard library's pattern code into the wasm (docs/PERFORMANCE.md).
fn body_script(html: &str) -> Option<AttrValue> {
    const OPENING: &[u8] = b"<script type=\"module\" src=\"";
    let bytes = html.as_bytes();
    let start = bytes
        .windows(OPENING.len())
        .position(|window| window == OPENING)?
        + OPENING.len();
    let length = bytes[start..].iter().position(|&byte| byte == b'"')?;
    Some(AttrValue::from(html.get(start..start + length)?.to_owned()))
}
