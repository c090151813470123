//! The app's URLs, relative to the site's base path (`<base href>`).

use geul_core::{percent_decode, FacetKind};

use yew::prelude::*;

use crate::pages::home::Home;
use crate::pages::not_found::not_found;
use crate::pages::post::post_page;
use crate::site_index::site_index;

/// The app's routes; matched by hand (a general route table would cost wasm for five
/// fixed shapes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list; filters live in the query (`?tags=…&categories=…&mode=…`).
    Home,
    /// One post: `posts/<slug>/` (the slug as it appears in the URL).
    Post { slug: String },
    /// The list narrowed to one tag: `tags/<slug>/` (a static page exists for each).
    Tag { slug: String },
    /// The list narrowed to one category: `categories/<slug>/`.
    Category { slug: String },
    /// Anything else.
    NotFound,
}

impl Route {
    /// The path below the base: `/`, `/posts/<slug>/`, …
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Post { slug } => format!("/posts/{slug}/"),
            Route::Tag { slug } => format!("/tags/{slug}/"),
            Route::Category { slug } => format!("/categories/{slug}/"),
            Route::NotFound => "/404/".to_owned(),
        }
    }

    /// `path` is relative to the base path; a missing trailing slash is accepted.
    pub fn recognize(path: &str) -> Option<Self> {
        // `posts/a/index.html` is the same page as `posts/a/` (GitHub Pages serves both).
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        Some(match segments.as_slice() {
            [] => Route::Home,
            ["posts", slug] => Route::Post {
                slug: (*slug).to_owned(),
            },
            ["tags", slug] => Route::Tag {
                slug: (*slug).to_owned(),
            },
            ["categories", slug] => Route::Category {
                slug: (*slug).to_owned(),
            },
            _ => Route::NotFound,
        })
    }
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Tag { slug } => facet_list(FacetKind::Tag, &slug),
        Route::Category { slug } => facet_list(FacetKind::Category, &slug),
        Route::Post { slug } => post_page(&slug),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn post_urls_with_and_without_trailing_slash() {
        let post = Route::Post {
            slug: "line-developer".into(),
        };
        assert_eq!(
            Route::recognize("/posts/line-developer/"),
            Some(post.clone())
        );
        assert_eq!(
            Route::recognize("/posts/line-developer"),
            Some(post.clone())
        );
        assert_eq!(post.to_path(), "/posts/line-developer/");
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::recognize("/nope/deeper"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/posts/"), Some(Route::NotFound));
        assert_eq!(Route::recognize("/"), Some(Route::Home));
        assert_eq!(Route::recognize(""), Some(Route::Home));
        assert_eq!(Route::recognize("/index.html"), Some(Route::Home));
        assert_eq!(
            Route::recognize("/posts/a/index.html"),
            Some(Route::Post { slug: "a".into() })
        );
        assert_eq!(Route::recognize("/posts/a/b/"), Some(Route::NotFound));
        assert_eq!(
            Route::recognize("/tags/mlops"),
            Some(Route::Tag {
                slug: "mlops".into()
            })
        );
        assert_eq!(
            Route::recognize("/categories/career/"),
            Some(Route::Category {
                slug: "career".into()
            })
        );
    }
}
