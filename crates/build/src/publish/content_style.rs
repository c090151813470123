//! What only post bodies use, published beside them: the stylesheet (`style/content.css`:
//! callouts, figures, image classes, code, embeds) and the script (`static/enhance.js`:
//! copy buttons, embedded videos, diagrams, comments, sharing). Each body file starts with a link to the stylesheet and,
//! when its body has something to run, the script, so the static post page and the app's
//! view load them with the body, and the list's first load never does.

use std::sync::OnceLock;

use crate::publish::comments::COMMENTS_MARK;
use crate::publish::share::SHARE_MARK;
use crate::render::anchors::ANCHOR_MARK;
use crate::render::diagrams::DIAGRAM_MARK;
use crate::site::content_hash;
use crate::site::BODY_DIR;

/// The stylesheet's text.
pub const CONTENT_STYLE: &str = include_str!("../../../../style/content.css");

/// The script's text, with the folder it loads mermaid from (beside it, named by the
/// version, so a deploy with another mermaid never mixes the two).
pub fn body_script() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        include_str!("../../../../static/enhance.js").replace(
            "@MERMAID_FOLDER@",
            &crate::publish::vendor::mermaid_folder(),
        )
    })
}

/// The stylesheet's site-relative path, named by its content: `content/style-<hash>.css`.
pub fn content_style_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| format!("{BODY_DIR}/style-{}.css", content_hash(CONTENT_STYLE)))
}

/// The script's: `content/enhance-<hash>.js`.
pub fn body_script_path() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| format!("{BODY_DIR}/enhance-{}.js", content_hash(body_script())))
}

/// What a body file starts with: the stylesheet, and the script if `html` has a code block,
/// an embed, a diagram, comments, share buttons or section anchors. Markup geul writes itself; a post's own never has these classes,
/// which the sanitizer strips.
pub fn body_file_head(html: &str) -> String {
    let mut head = format!(
        "<link rel=\"stylesheet\" href=\"{}\">",
        content_style_path()
    );
    if html.contains("<div class=\"code\">")
        || html.contains("<div class=\"embed\"")
        || html.contains(DIAGRAM_MARK)
        || html.contains(COMMENTS_MARK)
        || html.contains(SHARE_MARK)
        || html.contains(ANCHOR_MARK)
    {
        head += &format!(
            "<script type=\"module\" src=\"{}\"></script>",
            body_script_path()
        );
    }
    head
}
