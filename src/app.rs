//! The page frame (header and the routed view) and the view for each route. The foot of
//! the page is the build's, after the app's mount point (`geul_build::FOOTER_FILE`).

use geul_core::dom_ids::MAIN;
use geul_core::{percent_decode, FacetKind, Overview, Route};
use yew::prelude::*;

use crate::data::site_index::{app_text, site_index};
use crate::document::move_focus_to_main;
use crate::pages::home::Home;
use crate::pages::not_found::not_found;
use crate::pages::post::{overview_page, post_page};
use crate::router::{home_url, route_url, use_location, Router};
use crate::static_page;

/// The site's name from `site.toml` (via the index): header and document titles.
pub fn site_name() -> &'static str {
    site_index().map_or("geul", |index| index.title.as_str())
}

#[component]
pub fn App() -> Html {
    // After the first render of the app and of its view.
    use_effect_with((), |_| crate::takeover::finish_unclaimed());
    let text = app_text();
    let content = match site_index() {
        Ok(_) => html! { <Routed /> },
        Err(reason) => html! {
            <section class="notice notice--error">
                <h1>{ text.index_unreadable }</h1>
                <p>{ text.rebuild_site }{ reason }</p>
            </section>
        },
    };
    // A static page's skip link names the page itself: a bare `#main` would resolve
    // against `<base href>` and lead to the list. The app's follows the click instead.
    let skip_target = match static_page::current() {
        Some(page) => AttrValue::from(format!("{}{}#{MAIN}", page.base, page.served_at)),
        None => AttrValue::Static("#main"), // `MAIN`
    };
    html! {
        <Router>
            <a class="skip-link" href={skip_target} onclick={focus_main()}>{ text.skip_to_content }</a>
            <header class="site-header">
                <a class="site-header__name" href={home_url()}>{ text.site_mark }<span>{ site_name() }</span></a>
                { site_nav() }
            </header>
            <main id={MAIN} tabindex="-1">{ content }</main>
        </Router>
    }
}

/// The site-wide pages, and the theme switch (index.html's first script handles it, so it
/// works on a static page before the app starts).
fn site_nav() -> Html {
    let text = app_text();
    let link = |overview: Overview| {
        html! {
            <a href={route_url(&Route::Overview(overview))}>{ overview.title(text) }</a>
        }
    };
    html! {
        <>
            <nav class="site-nav">
                { for Overview::ALL.into_iter().map(link) }
            </nav>
            <button type="button" class="theme-switch" aria-label={text.theme_switch}
                    title={text.theme_switch}>
                <span aria-hidden="true">{ "◐" }</span>
            </button>
        </>
    }
}

/// Moves focus to the main content, without following the link (see `skip_target`).
fn focus_main() -> Callback<MouseEvent> {
    Callback::from(|event: MouseEvent| {
        event.prevent_default();
        move_focus_to_main();
    })
}

/// The view for the current location. The views set the document's title as they are
/// shown; a static page carries its own.
#[component]
fn Routed() -> Html {
    switch(Route::recognize(&use_location().path))
}

fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Tag { slug } => facet_list(FacetKind::Tag, &slug),
        Route::Category { slug } => facet_list(FacetKind::Category, &slug),
        Route::Post { slug } => post_page(&slug),
        Route::Overview(overview) => overview_page(overview),
        Route::NotFound => not_found(),
    }
}

/// The list narrowed to the tag or category whose page this is, or not found.
fn facet_list(kind: FacetKind, url_slug: &str) -> Html {
    let slug = percent_decode(url_slug);
    match site_index()
        .ok()
        .and_then(|index| index.facet_by_slug(kind, &slug))
    {
        Some(facet) => html! { <Home {facet} /> },
        None => not_found(),
    }
}
