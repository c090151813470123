//! A post's body to safe HTML: Markdown, the media it names, sanitizing.

pub(crate) mod anchors;
pub(crate) mod diagrams;
pub(crate) mod embeds;
pub(crate) mod highlight;
pub(crate) mod images;
pub(crate) mod lead;
pub(crate) mod liquid;
pub(crate) mod markdown;
pub(crate) mod slots;
