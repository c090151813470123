//! What only geul's build runs: the posts read (front matter, dates, slugs, plain text),
//! rendered to safe HTML (Markdown, media, sanitizing), and the site's files written (the
//! index the app embeds, card and text chunks, bodies, the search index, every page's head
//! and static copy, the feed and sitemaps). The browser's side of these files is
//! `geul-core`.

mod build_script;
mod config;
mod error;
mod parse;
mod post;
mod publish;
mod render;
mod search_index;
mod site;

pub use build_script::{
    build_site, page_parts_dir, read_options, run, site_files_dir, site_root, Built, SiteOutput,
    DRAFTS_ENV, FOOTER_FILE, FUTURE_ENV, INDEX_FILE, POSTS_DIR_ENV, SITE_DIR_ENV,
};
pub use config::{Profile, SiteConfig, BASE_URL_ENV, DEFAULT_FEED_POSTS};
pub use error::{ContentError, ContentWarning};
pub use parse::front_matter::split as split_front_matter;
pub use post::{
    parse_post, read_post, render_post, Format, LeftOut, Post, PostSource, ReadOptions,
    RenderContext,
};
pub use publish::csp::{hash as csp_hash, inline_scripts, meta as csp_meta, Allowances, Policy};
pub use publish::feeds::{
    atom_feed, robots, sitemaps, sitemaps_within, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS,
};
pub use publish::pages::{assemble, site_pages, Page, PARTS_SEPARATOR};
pub use publish::vendor::{mermaid_dir, MERMAID_PACKAGE, MERMAID_VERSION};
pub use render::images::SiteImages;
pub use render::markdown::{MAX_DEPTH, RAW_TEXT_TAGS};
pub use search_index::SearchIndexFile;
pub use site::{
    load_site, load_site_with, media_path, search_docs, site_of_posts, write_site_files, MediaFile,
    Site, MEDIA_DIR,
};
