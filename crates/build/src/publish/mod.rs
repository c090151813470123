//! What the site publishes besides the posts: every page's head and static copy, the feed,
//! the sitemaps and robots.txt, and each page's Content-Security-Policy.

pub(crate) mod analytics;
pub(crate) mod comments;
pub(crate) mod content_style;
pub(crate) mod csp;
pub(crate) mod feeds;
pub(crate) mod footer;
pub(crate) mod overviews;
pub(crate) mod pages;
pub(crate) mod redirects;
pub(crate) mod share;
pub(crate) mod structured_data;
pub(crate) mod vendor;
