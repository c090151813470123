//! geul's browser app: views, routing and the glue to the DOM. `main.rs` starts it in the
//! browser; with the `ssr` feature, the build's stage step renders the same views natively
//! into the static pages ([`prerender`]).

pub mod app;
#[cfg(target_family = "wasm")]
pub mod browser;
mod components;
pub mod data;
mod document;
mod list_facets;
mod list_keys;
mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
mod router;
mod static_page;
pub mod takeover;
pub mod tasks;

pub use app::App;
