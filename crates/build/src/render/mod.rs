//! A post's body to safe HTML: Markdown, the media it names, sanitizing.

pub(crate) mod images;
pub(crate) mod markdown;
