//! The post index: what the app knows about every post before opening one.
//!
//! The build script produces a [`SiteIndex`] and embeds it in the app: every post's facet
//! ids, and the cards ([`PostMeta`]) of the first [`CARD_CHUNK_POSTS`] posts. The other
//! cards are [`CardChunk`] files, fetched as their posts are shown; the bodies are files
//! named in [`PostMeta::body_path`], fetched only when a post is opened.

use crate::ui_text::AppText;
use crate::wire::{Damaged, FileKind, Reader, Writer};

/// Whether a filter button stands for a tag or a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Category,
    Tag,
}

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

    /// The date the way English readers write it: `Feb 1, 2021`.
    pub fn english(&self) -> String {
        const MONTHS: [&str; 12] = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        let month = usize::from(self.month).wrapping_sub(1);
        let month = MONTHS.get(month).copied().unwrap_or("?");
        format!("{month} {}, {}", self.day, self.year)
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
    /// Length of that file in bytes: a body that arrives cut short or re-encoded is refused.
    pub body_bytes: u32,
    /// Positions in [`SiteIndex::facets`] of this post's categories, then its tags, each in
    /// the author's order.
    /// The filter works on these numbers, so it never compares or hashes strings.
    pub facet_ids: Vec<u32>,
}

impl PostMeta {
    /// The body from the bytes of its file, if they are the file the build wrote: as long,
    /// and UTF-8. A body cut short on the way, or re-encoded, is `None`.
    pub fn body_from(&self, bytes: Vec<u8>) -> Option<String> {
        if bytes.len() != self.body_bytes as usize {
            return None;
        }
        String::from_utf8(bytes).ok()
    }

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
        w.u32(self.body_bytes);
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
            body_bytes: r.u32()?,
            facet_ids: r.u32_list()?,
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

/// How many posts' cards share one card chunk. The app embeds the first chunk, so the
/// list's first page shows without a request, and fetches the others as their posts are
/// shown: a large site then loads a small share of its cards up front instead of all.
pub const CARD_CHUNK_POSTS: usize = 64;

/// What the app embeds: enough to filter, count and order every post, and the cards of the
/// first [`CARD_CHUNK_POSTS`]. Posts are numbered by their place in the display order
/// (pinned, then newest first, then undated).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SiteIndex {
    /// The site's name (from `site.toml`).
    pub title: String,
    /// The site's language (`site.toml`'s `language`), which picks the interface's words
    /// ([`SiteIndex::app_text`]).
    pub language: String,
    /// Every post's facet ids ([`PostMeta::facet_ids`]), one post after the other: one
    /// allocation rather than one per post, so 100,000 posts read in a few milliseconds.
    facet_ids: Vec<u32>,
    /// Where each post's facet ids end in `facet_ids`.
    facet_ends: Vec<u32>,
    /// Every category, then every tag, each group ordered by popularity then name: the order
    /// of the filter buttons, fixed at build time so the page never sorts.
    pub facets: Vec<Facet>,
    /// Site-relative path of the search index (content-hashed), fetched on first search.
    pub search_path: String,
    /// The cards of the first [`CARD_CHUNK_POSTS`] posts.
    pub first_cards: Vec<PostMeta>,
    /// Site-relative paths of the other card chunks ([`CardChunk`], content-hashed): chunk
    /// `i` here holds the cards of posts `(i + 1) * CARD_CHUNK_POSTS ..`.
    pub card_chunks: Vec<String>,
}

/// The cards of [`CARD_CHUNK_POSTS`] consecutive posts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardChunk {
    pub cards: Vec<PostMeta>,
}

impl CardChunk {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::file(FileKind::CardChunk);
        w.list(&self.cards, |w, post| post.write(w));
        w.bytes
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<CardChunk, Damaged> {
        let mut r = Reader::file(bytes, FileKind::CardChunk)?;
        let cards = r.list(PostMeta::read).filter(|_| r.is_done());
        cards
            .map(|cards| CardChunk { cards })
            .ok_or(Damaged::Garbled)
    }
}

impl SiteIndex {
    /// The index of `posts` (in display order), whose cards after the first chunk are
    /// published at `card_chunks`.
    pub fn new(
        title: String,
        language: String,
        posts: &[PostMeta],
        facets: Vec<Facet>,
        search_path: String,
        card_chunks: Vec<String>,
    ) -> SiteIndex {
        let mut index = SiteIndex {
            title,
            language,
            facets,
            search_path,
            card_chunks,
            first_cards: posts.iter().take(CARD_CHUNK_POSTS).cloned().collect(),
            ..SiteIndex::default()
        };
        for post in posts {
            index.facet_ids.extend(&post.facet_ids);
            index.facet_ends.push(index.facet_ids.len() as u32);
        }
        index
    }

    /// Number of posts.
    pub fn len(&self) -> usize {
        self.facet_ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facet_ends.is_empty()
    }

    /// The facet ids of post `post` (see [`PostMeta::facet_ids`]).
    pub fn post_facets(&self, post: usize) -> &[u32] {
        let start = post
            .checked_sub(1)
            .map_or(0, |before| self.facet_ends[before] as usize);
        &self.facet_ids[start..self.facet_ends[post] as usize]
    }

    /// The compact binary form embedded in the app (see [`crate::wire`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::file(FileKind::SiteIndex);
        w.str(&self.title);
        w.str(&self.language);
        // How many ids each post has (small numbers, which compress to almost nothing),
        // rather than where they end (numbers up to 300,000 at 100,000 posts, which do not).
        let mut start = 0;
        w.list(&self.facet_ends, |w, &end| {
            w.u32(end - start);
            start = end;
        });
        w.list(&self.facet_ids, |w, &id| w.u32(id));
        w.list(&self.facets, |w, facet| {
            w.bool(facet.kind == FacetKind::Tag);
            w.str(&facet.value);
            w.str(&facet.slug);
            w.u32(facet.total);
        });
        w.str(&self.search_path);
        w.list(&self.first_cards, |w, post| post.write(w));
        w.list(&self.card_chunks, |w, path| w.str(path));
        w.bytes
    }

    /// Reads the form written by [`SiteIndex::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<SiteIndex, Damaged> {
        let mut r = Reader::file(bytes, FileKind::SiteIndex)?;
        let index = (|| {
            Some(SiteIndex {
                title: r.string()?,
                language: r.string()?,
                facet_ends: {
                    // Written as each post's count; kept as where each post's ids end.
                    let mut ends = r.u32_list()?;
                    let mut end = 0u32;
                    for count in &mut ends {
                        end = end.checked_add(*count)?;
                        *count = end;
                    }
                    ends
                },
                facet_ids: r.u32_list()?,
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
                first_cards: r.list(PostMeta::read)?,
                card_chunks: r.list(Reader::string)?,
            })
        })();
        // Every post's ids must lie inside the table, so `post_facets` never fails.
        let index = index.filter(|index| {
            index
                .facet_ends
                .last()
                .is_none_or(|&end| end as usize <= index.facet_ids.len())
        });
        index.filter(|_| r.is_done()).ok_or(Damaged::Garbled)
    }

    /// The app's words in the site's language.
    pub fn app_text(&self) -> &'static AppText {
        AppText::for_language(&self.language)
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
    fn a_body_is_taken_only_whole_and_as_written() {
        let body = "<p>본문</p>";
        let meta = PostMeta {
            slug: "a".into(),
            title: "a".into(),
            date: None,
            tags: vec![],
            categories: vec![],
            pinned: false,
            excerpt: String::new(),
            reading_minutes: 1,
            body_path: "content/a.html".into(),
            body_bytes: body.len() as u32,
            facet_ids: vec![],
        };
        assert_eq!(
            meta.body_from(body.as_bytes().to_vec()).as_deref(),
            Some(body)
        );
        let cut = body.as_bytes()[..body.len() - 4].to_vec();
        assert_eq!(meta.body_from(cut), None);
        // `본` as EUC-KR (B1 BB) in place of its two first UTF-8 bytes: same length, not UTF-8.
        let mut garbled = body.as_bytes().to_vec();
        garbled[3..5].copy_from_slice(&[0xB1, 0xBB]);
        assert_eq!(meta.body_from(garbled), None);
    }

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
        assert_eq!(date.english(), "Feb 1, 2021");
    }
}
