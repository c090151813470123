//! The stylesheet of what only post bodies use (`style/content.css`): callouts, figures,
//! image classes, embeds. Each body file starts with a link to it, so the static post page
//! and the app's view load it with the body, and the list's first load never does.

use std::sync::OnceLock;

use crate::site::content_hash;
use crate::site::BODY_DIR;

/// The stylesheet's text.
pub const CONTENT_STYLE: &str = include_str!("../../../../style/content.css");

/// Its site-relative path, named by its content: `content/style-<hash>.css`.
pub fn content_style_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| format!("{BODY_DIR}/style-{}.css", content_hash(CONTENT_STYLE)))
}

/// The link each body file starts with.
pub fn content_style_link() -> String {
    format!(
        "<link rel=\"stylesheet\" href=\"{}\">",
        content_style_path()
    )
}
