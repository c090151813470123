//! The ids the page frame and the app give their own elements. A post's headings and
//! footnotes get ids too, and must never take one of these: `### geul` would otherwise
//! give a second element the id of the app's mount point.

/// Where the app renders (`index.html`).
pub const MOUNT: &str = "geul";
/// The static copy of a page, replaced when the app takes over.
pub const PRERENDERED: &str = "prerendered";
/// The page's main content, the target of the skip link.
pub const MAIN: &str = "main";
/// The search box.
pub const SEARCH_INPUT: &str = "search-input";
/// The headings of the filter groups.
pub const CATEGORY_FILTERS: &str = "facets-categories";
pub const TAG_FILTERS: &str = "facets-tags";

/// Every id above.
pub const RESERVED: [&str; 6] = [
    MOUNT,
    PRERENDERED,
    MAIN,
    SEARCH_INPUT,
    CATEGORY_FILTERS,
    TAG_FILTERS,
];

/// Footnotes' ids start with these; heading ids are slugs, which never hold a `:`.
pub const FOOTNOTE_PREFIX: &str = "fn:";
pub const FOOTNOTE_REFERENCE_PREFIX: &str = "fnref:";
