//! Raw HTML in a post, before the sanitizer: nesting bounded, images checked.

use super::{media, nesting, MAX_DEPTH};
use crate::render::images::ImageResolver;
use geul_core::ui_text::UiText;

pub(super) fn flattened_warning() -> String {
    format!(
        "nesting deeper than {MAX_DEPTH} levels (lists, quotes or HTML elements) is shown \
         flattened"
    )
}

/// Raw HTML as the post may have it: nesting bounded, images checked.
pub(super) fn raw_html(
    raw: &str,
    line: usize,
    depth: &mut nesting::HtmlDepth,
    images: &dyn ImageResolver,
    ui_text: &UiText,
    warnings: &mut Vec<(usize, String)>,
) -> String {
    let (raw, deeper) = depth.filter(raw);
    if deeper {
        warnings.push((line, flattened_warning()));
    }
    if !media::contains_img(&raw) {
        return raw.into_owned();
    }
    let (rewritten, image_warnings) = media::rewrite_raw_images(&raw, images, ui_text);
    warnings.extend(image_warnings.into_iter().map(|warning| (line, warning)));
    rewritten
}
