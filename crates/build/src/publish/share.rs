//! After each post's text: copy its address, or share it where the browser can (the Web
//! Share API). The body script handles both and shows the second only where it works.

use geul_core::ui_text::UiText;

/// Marks a body that has the buttons, so it gets the body script.
pub const SHARE_MARK: &str = "<div class=\"share\">";

/// The buttons, their words in the site's language.
pub fn share_html(ui_text: &UiText) -> String {
    format!(
        "{SHARE_MARK}<button type=\"button\" class=\"share__copy\" data-copied=\"{copied}\">{copy}</button>\
         <button type=\"button\" class=\"share__native\" hidden>{share}</button></div>",
        copied = ui_text.link_copied,
        copy = ui_text.copy_link,
        share = ui_text.share,
    )
}
