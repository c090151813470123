//! What the views show, and where it comes from: the embedded index, card chunks, post
//! bodies and the search index, fetched as they are needed and kept for the visit.

pub mod bodies;
pub mod cards;
pub mod fetch;
pub mod search;
pub mod site_index;
