//! geul's content logic, free of any web dependency.
//!
//! Always available (used by the browser app): the post index model, the tag/category
//! filter and its URL form. With the `build` feature (used by the build script and tests):
//! front matter, Markdown and plain-text rendering, sanitizing, excerpts, reading time and
//! the site loader.

pub mod dom_ids;
pub mod filter;
pub mod hangul;
pub mod highlight;
pub mod labels;
pub mod list;
pub mod model;
pub mod query;
pub mod search;
pub mod search_index;
pub mod snippet;
pub mod wire;

#[cfg(feature = "build")]
pub mod build_script;
#[cfg(feature = "build")]
pub mod config;
#[cfg(feature = "build")]
pub mod csp;
#[cfg(feature = "build")]
pub mod date;
#[cfg(feature = "build")]
pub mod error;
#[cfg(feature = "build")]
pub mod facet_spelling;
#[cfg(feature = "build")]
pub mod feeds;
#[cfg(feature = "build")]
pub mod front_matter;
#[cfg(feature = "build")]
pub mod images;
#[cfg(feature = "build")]
pub mod markdown;
#[cfg(feature = "build")]
pub mod pages;
#[cfg(feature = "build")]
pub mod plain_text;
#[cfg(feature = "build")]
pub mod post;
#[cfg(feature = "build")]
pub mod site;
#[cfg(feature = "build")]
pub mod slug;
#[cfg(feature = "build")]
pub mod text_stats;

pub use filter::{
    facet_counts, facet_counts_among, filter_ids, filter_post_ids, FacetCount, FacetKind, Mode,
    Selection, LIST_PAGE_SIZE,
};
pub use model::{CardChunk, Facet, PostDate, PostMeta, SiteIndex, CARD_CHUNK_POSTS};
pub use query::{parse_selection, selection_query};
