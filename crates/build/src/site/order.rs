//! The order the list shows posts in, which is also their number in the index.

use std::cmp::Ordering;

use geul_core::PostMeta;

/// Newer posts first, undated ones after every dated one.
pub fn newest_first(a: &PostMeta, b: &PostMeta) -> Ordering {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.timestamp.cmp(&x.timestamp),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Pinned first; then dated posts, newest first; then undated ones by title.
pub fn display_order(a: &PostMeta, b: &PostMeta) -> Ordering {
    b.pinned
        .cmp(&a.pinned)
        .then_with(|| newest_first(a, b))
        .then_with(|| a.title.cmp(&b.title))
        .then_with(|| a.slug.cmp(&b.slug))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geul_core::PostDate;

    fn meta(slug: &str, pinned: bool, timestamp: Option<i64>) -> PostMeta {
        PostMeta {
            slug: slug.into(),
            title: slug.into(),
            date: timestamp.map(|timestamp| PostDate {
                year: 2021,
                month: 1,
                day: 1,
                timestamp,
            }),
            tags: vec![],
            categories: vec![],
            pinned,
            excerpt: String::new(),
            reading_minutes: 1,
            body_path: String::new(),
            body_bytes: 0,
            facet_ids: vec![],
        }
    }

    #[test]
    fn pinned_first_then_newest_then_undated_by_title() {
        let mut posts = [
            meta("b-undated", false, None),
            meta("old", false, Some(10)),
            meta("a-undated", false, None),
            meta("pinned-undated", true, None),
            meta("new", false, Some(20)),
            meta("pinned-old", true, Some(1)),
        ];
        posts.sort_by(display_order);
        let order: Vec<&str> = posts.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(
            order,
            [
                "pinned-old",
                "pinned-undated",
                "new",
                "old",
                "a-undated",
                "b-undated"
            ]
        );
    }
}
