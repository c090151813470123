//! Reading a post file: its front matter, dates, slugs, plain-text posts, and what is
//! measured of its text (excerpt, reading time).

pub(crate) mod date;
pub(crate) mod front_matter;
pub(crate) mod plain_text;
pub(crate) mod slug;
pub(crate) mod text_stats;
pub(crate) mod title;
