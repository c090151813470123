//! What the browser runs: the post index and its wire format, the tag and category filter
//! with its URL form, the list, and Korean search (matching, the search index, snippets and
//! highlighting). Plain Rust, tested with `cargo test`; the build (`geul-build`) writes what
//! this crate reads.

pub mod dom_ids;
pub mod search;
pub mod titles;
pub mod ui_text;

mod filter;
mod list;
mod model;
mod query;
mod route;
mod wire;

pub use filter::{
    facet_counts, facet_counts_among, filter_ids, filter_post_ids, narrowed_by_facets, FacetCount,
    Mode, Selection, LIST_PAGE_SIZE,
};
pub use list::{list_results, ListResults};
pub use model::{CardChunk, Facet, FacetKind, PostDate, PostMeta, SiteIndex, CARD_CHUNK_POSTS};
pub use query::{parse_selection, percent_decode, percent_encode, selection_query};
pub use route::{Overview, Route};
pub use wire::{Damaged, FileKind, Reader, Writer, FORMAT_VERSION};
