//! The site's URL shapes, below its base path: defined once, for the app's router and for
//! the pages, feed and sitemaps the build writes.

use crate::model::FacetKind;

/// Every kind of page; matched by hand (a general route table would cost the app's wasm
/// for a few fixed shapes).
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
    /// A page the build writes whole ([`Overview`]): `archives/`, `tags/`, `categories/`.
    Overview(Overview),
    /// Anything else.
    NotFound,
}

/// The pages that show the whole site at a glance, written by the build: every post by
/// year and month, and every tag and category with its count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overview {
    Archives,
    Tags,
    Categories,
}

impl Overview {
    pub const ALL: [Overview; 3] = [Overview::Archives, Overview::Tags, Overview::Categories];

    /// The page's folder below the base, without slashes.
    pub fn folder(self) -> &'static str {
        match self {
            Overview::Archives => "archives",
            Overview::Tags => "tags",
            Overview::Categories => "categories",
        }
    }

    /// The page's heading and title, in `text`'s language.
    pub fn title(self, text: &crate::ui_text::AppText) -> &'static str {
        match self {
            Overview::Archives => text.archives,
            Overview::Tags => text.tags,
            Overview::Categories => text.categories,
        }
    }

    /// The file, beside the page, that holds what the page shows, for the app to fetch.
    pub fn content_file(self) -> String {
        format!("{}/content.html", self.folder())
    }
}

impl Route {
    /// The page of a tag or category.
    pub fn facet(kind: FacetKind, slug: &str) -> Route {
        let slug = slug.to_owned();
        match kind {
            FacetKind::Tag => Route::Tag { slug },
            FacetKind::Category => Route::Category { slug },
        }
    }

    /// The path below the base: `/`, `/posts/<slug>/`, …
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Post { slug } => format!("/posts/{slug}/"),
            Route::Tag { slug } => format!("/tags/{slug}/"),
            Route::Category { slug } => format!("/categories/{slug}/"),
            Route::Overview(page) => format!("/{}/", page.folder()),
            Route::NotFound => "/404/".to_owned(),
        }
    }

    /// The path relative to the site's root, as files and absolute URLs are named:
    /// `posts/<slug>/`, or empty for the list.
    pub fn site_path(&self) -> String {
        self.to_path()[1..].to_owned()
    }

    /// `path` is relative to the base path; a missing trailing slash is accepted.
    pub fn recognize(path: &str) -> Route {
        // `posts/a/index.html` is the same page as `posts/a/` (GitHub Pages serves both).
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let segments: Vec<&str> = path
            .split('/')
            .filter(|segment| !segment.is_empty())
            .collect();
        match segments.as_slice() {
            [] => Route::Home,
            ["archives"] => Route::Overview(Overview::Archives),
            ["tags"] => Route::Overview(Overview::Tags),
            ["categories"] => Route::Overview(Overview::Categories),
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
        }
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
        assert_eq!(Route::recognize("/posts/line-developer/"), post);
        assert_eq!(Route::recognize("/posts/line-developer"), post);
        assert_eq!(post.to_path(), "/posts/line-developer/");
        assert_eq!(post.site_path(), "posts/line-developer/");
        assert_eq!(Route::Home.site_path(), "");
    }

    #[test]
    fn unknown_paths_are_not_found() {
        assert_eq!(Route::recognize("/nope/deeper"), Route::NotFound);
        assert_eq!(Route::recognize("/posts/"), Route::NotFound);
        assert_eq!(Route::recognize("/archives/2024/"), Route::NotFound);
        assert_eq!(Route::recognize("/"), Route::Home);
        assert_eq!(Route::recognize(""), Route::Home);
        assert_eq!(Route::recognize("/index.html"), Route::Home);
        assert_eq!(
            Route::recognize("/posts/a/index.html"),
            Route::Post { slug: "a".into() }
        );
        assert_eq!(Route::recognize("/posts/a/b/"), Route::NotFound);
        assert_eq!(
            Route::recognize("/tags/mlops"),
            Route::facet(FacetKind::Tag, "mlops")
        );
        assert_eq!(
            Route::recognize("/categories/career/"),
            Route::facet(FacetKind::Category, "career")
        );
    }

    #[test]
    fn every_route_reads_back_from_its_own_path() {
        for route in [
            Route::Home,
            Route::Post { slug: "a".into() },
            Route::facet(FacetKind::Tag, "회고"),
            Route::facet(FacetKind::Category, "career"),
            Route::Overview(Overview::Archives),
            Route::Overview(Overview::Tags),
            Route::Overview(Overview::Categories),
            Route::NotFound,
        ] {
            assert_eq!(Route::recognize(&route.to_path()), route);
        }
    }
}
