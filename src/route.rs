//! The app's URLs, relative to the site's base path (`<base href>`).

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::post::PostPage;

#[derive(Routable, Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list; filters live in the query (`?tags=…&categories=…&mode=…`).
    #[at("/")]
    Home,
    /// One post: `posts/<slug>/`.
    #[at("/posts/:slug/")]
    Post { slug: String },
    #[not_found]
    #[at("/404/")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Post { slug } => html! { <PostPage {slug} /> },
        Route::NotFound => html! { <NotFound /> },
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
    }
}
