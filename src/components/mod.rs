//! Reusable pieces of the views, one component (and one `Props`) per file.

pub mod empty_state;
pub mod facet_bar;
pub mod facet_links;
pub mod kept;
pub mod post_card;
pub mod post_info;
pub mod result_count;
pub mod search_box;
