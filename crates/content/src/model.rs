//! The post index: what the app knows about every post before opening one.
//!
//! The build script produces a [`SiteIndex`] and embeds it in the app; the bodies are
//! separate files named in [`PostMeta::body_path`], fetched only when a post is opened.

use crate::filter::FacetKind;
use crate::wire::{Damaged, Reader, Writer};

/// A publication date as the author wrote it, plus an instant for ordering.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PostDate {
    /// Calendar year, e.g. 2021.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
    /// Seconds since the Unix epoch (UTC); only used to order posts.
    pub timestamp: i64,
}

impl PostDate {
    /// The date the way Korean readers write it: `2021년 2월 1일`.
    pub fn korean(&self) -> String {
        format!("{}년 {}월 {}일", self.year, self.month, self.day)
    }

    /// The date for `<time datetime>`: `2021-02-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Everything the list view shows about one post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostMeta {
    /// URL segment: `posts/<slug>/`.
    pub slug: String,
    /// Title as shown in the list and as the post's heading.
    pub title: String,
    /// Publication date; `None` for undated posts, which are listed last.
    pub date: Option<PostDate>,
    /// Tags, in the order the author gave them. Build time only: the index the app embeds
    /// leaves the names out and carries [`PostMeta::facet_ids`], so each name is stored once.
    pub tags: Vec<String>,
    /// Categories, in the order the author gave them. Build time only, like `tags`.
    pub categories: Vec<String>,
    /// Pinned posts come first in the list.
    pub pinned: bool,
    /// Plain-text summary of about 150 characters.
    pub excerpt: String,
    /// Estimated reading time in whole minutes (at least 1).
    pub reading_minutes: u32,
    /// Site-relative path of the rendered body, content-hashed: `content/<hash>.html`.
    pub body_path: String,
    /// Positions in [`SiteIndex::facets`] of this post's categories, then its tags, each in
    /// the author's order.
    /// The filter works on these numbers, so it never compares or hashes strings.
    pub facet_ids: Vec<u32>,
}

impl PostMeta {
    /// Every field but the build-only names (`tags`, `categories`).
    fn write(&self, w: &mut Writer) {
        w.str(&self.slug);
        w.str(&self.title);
        w.bool(self.date.is_some());
        if let Some(date) = &self.date {
            w.u32(u32::from(date.year));
            w.u32(u32::from(date.month));
            w.u32(u32::from(date.day));
            w.i64(date.timestamp);
        }
        w.bool(self.pinned);
        w.str(&self.excerpt);
        w.u32(self.reading_minutes);
        w.str(&self.body_path);
        w.list(&self.facet_ids, |w, &id| w.u32(id));
    }

    fn read(r: &mut Reader) -> Option<PostMeta> {
        let slug = r.string()?;
        let title = r.string()?;
        let date = match r.bool()? {
            true => Some(PostDate {
                year: u16::try_from(r.u32()?).ok()?,
                month: u8::try_from(r.u32()?).ok()?,
                day: u8::try_from(r.u32()?).ok()?,
                timestamp: r.i64()?,
            }),
            false => None,
        };
        Some(PostMeta {
            slug,
            title,
            date,
            tags: Vec::new(),
            categories: Vec::new(),
            pinned: r.bool()?,
            excerpt: r.string()?,
            reading_minutes: r.u32()?,
            body_path: r.string()?,
            facet_ids: r.list(|r| r.u32())?,
        })
    }
}

/// A tag or a category, with how many posts carry it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Facet {
    pub kind: FacetKind,
    pub value: String,
    /// URL segment of the facet's own page: `tags/<slug>/` or `categories/<slug>/`.
    pub slug: String,
    /// Number of posts that carry it.
    pub total: u32,
}

/// All posts, already in display order (pinned, then newest first, then undated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteIndex {
    /// The site's name (from `site.toml`).
    pub title: String,
    /// The posts in display order.
    pub posts: Vec<PostMeta>,
    /// Every category, then every tag, each group ordered by popularity then name: the order
    /// of the filter buttons, fixed at build time so the page never sorts.
    pub facets: Vec<Facet>,
    /// Site-relative path of the search index (content-hashed), fetched on first search.
    pub search_path: String,
}

impl SiteIndex {
    /// The compact binary form embedded in the app (see [`crate::wire`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.str(&self.title);
        w.list(&self.posts, |w, post| post.write(w));
        w.list(&self.facets, |w, facet| {
            w.bool(facet.kind == FacetKind::Tag);
            w.str(&facet.value);
            w.str(&facet.slug);
            w.u32(facet.total);
        });
        w.str(&self.search_path);
        w.bytes
    }

    /// Reads the form written by [`SiteIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SiteIndex, Damaged> {
        let mut r = Reader::new(bytes);
        let index = (|| {
            Some(SiteIndex {
                title: r.string()?,
                posts: r.list(PostMeta::read)?,
                facets: r.list(|r| {
                    Some(Facet {
                        kind: if r.bool()? {
                            FacetKind::Tag
                        } else {
                            FacetKind::Category
                        },
                        value: r.string()?,
                        slug: r.string()?,
                        total: r.u32()?,
                    })
                })?,
                search_path: r.string()?,
            })
        })();
        index.filter(|_| r.is_done()).ok_or(Damaged)
    }

    /// The post with this slug, if any.
    pub fn post(&self, slug: &str) -> Option<&PostMeta> {
        self.posts.iter().find(|post| post.slug == slug)
    }

    /// The facet whose page is `tags/<slug>/` or `categories/<slug>/`.
    pub fn facet_by_slug(&self, kind: FacetKind, slug: &str) -> Option<&Facet> {
        self.facets
            .iter()
            .find(|facet| facet.kind == kind && facet.slug == slug)
    }

    /// The id of a facet, if any post carries it.
    pub fn facet_id(&self, kind: FacetKind, value: &str) -> Option<u32> {
        self.facets
            .iter()
            .position(|facet| facet.kind == kind && facet.value == value)
            .map(|position| position as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_date_has_no_leading_zeros() {
        let date = PostDate {
            year: 2021,
            month: 2,
            day: 1,
            timestamp: 0,
        };
        assert_eq!(date.korean(), "2021년 2월 1일");
        assert_eq!(date.iso(), "2021-02-01");
    }
}
