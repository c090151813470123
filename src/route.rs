//! The app's URLs, relative to the site's base path (`<base href>`).

use std::collections::HashMap;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::home::Home;
use crate::pages::not_found::not_found;
use crate::pages::post::post_page;

/// The app's routes. `Routable` is implemented by hand: the derived matcher builds a
/// general route table at run time and costs about 11 KB of wasm for these three shapes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list; filters live in the query (`?tags=…&categories=…&mode=…`).
    Home,
    /// One post: `posts/<slug>/` (the slug as it appears in the URL).
    Post { slug: String },
    /// Anything else.
    NotFound,
}

impl Routable for Route {
    fn from_path(path: &str, _params: &HashMap<&str, &str>) -> Option<Self> {
        Self::recognize(path)
    }

    fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Post { slug } => format!("/posts/{slug}/"),
            Route::NotFound => "/404/".to_owned(),
        }
    }

    fn routes() -> Vec<&'static str> {
        vec!["/", "/posts/:slug/", "/404/"]
    }

    fn not_found_route() -> Option<Self> {
        Some(Route::NotFound)
    }

    /// `path` is relative to the base path; a missing trailing slash is accepted.
    fn recognize(path: &str) -> Option<Self> {
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        Some(match segments.as_slice() {
            [] | ["index.html"] => Route::Home,
            ["posts", slug] => Route::Post {
                slug: (*slug).to_owned(),
            },
            _ => Route::NotFound,
        })
    }
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Post { slug } => post_page(&slug),
        Route::NotFound => not_found(),
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
        assert_eq!(Route::recognize("/posts/a/b/"), Some(Route::NotFound));
    }
}
