//! Page titles: the app's document title and the static pages' `<title>` and OpenGraph
//! tags say the same. The title of the page for an address the site does not have is
//! [`AppText::not_found`].

use crate::ui_text::AppText;

/// The title of a tag's or category's page: `태그 #회고`, `분류 career`.
pub fn facet_page(kind: crate::FacetKind, value: &str, text: &AppText) -> String {
    let before = match kind {
        crate::FacetKind::Tag => text.tag_page,
        crate::FacetKind::Category => text.category_page,
    };
    format!("{before}{value}")
}

/// A page's full title, `<page> · <site>`, or the site's name alone for the list.
pub fn full(page: Option<&str>, site: &str) -> String {
    match page {
        Some(page) if page != site => format!("{page} · {site}"),
        _ => site.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui_text::{ENGLISH_APP as ENGLISH, KOREAN_APP as KOREAN};
    use crate::FacetKind;

    #[test]
    fn a_facet_page_is_titled_in_the_site_language() {
        assert_eq!(facet_page(FacetKind::Tag, "회고", &KOREAN), "태그 #회고");
        assert_eq!(
            facet_page(FacetKind::Category, "career", &KOREAN),
            "분류 career"
        );
        assert_eq!(facet_page(FacetKind::Tag, "rust", &ENGLISH), "Tag: #rust");
        assert_eq!(
            facet_page(FacetKind::Category, "career", &ENGLISH),
            "Category: career"
        );
    }
}
