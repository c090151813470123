//! Page titles: the app's document title and the static pages' `<title>` and OpenGraph
//! tags say the same.

/// The title of the page for an address the site does not have.
pub const NOT_FOUND: &str = "페이지를 찾을 수 없습니다";

/// The title of a tag's or category's page: `태그 #회고`, `분류 career`.
pub fn facet_page(kind: crate::FacetKind, value: &str) -> String {
    match kind {
        crate::FacetKind::Tag => format!("태그 #{value}"),
        crate::FacetKind::Category => format!("분류 {value}"),
    }
}

/// A page's full title, `<page> · <site>`, or the site's name alone for the list.
pub fn full(page: Option<&str>, site: &str) -> String {
    match page {
        Some(page) if page != site => format!("{page} · {site}"),
        _ => site.to_owned(),
    }
}
