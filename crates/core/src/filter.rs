//! Narrowing the list by tags and categories, and the counts shown on each filter button.

use crate::model::{Facet, FacetKind, SiteIndex};

/// How several selected facets combine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// A post must carry every selected tag and category (narrowing; the default).
    #[default]
    And,
    /// A post must carry at least one of them.
    Or,
}

impl Mode {
    /// The value used in the URL (`mode=and|or`).
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::And => "and",
            Mode::Or => "or",
        }
    }
}

/// The reader's current choice of tags, categories and mode.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Selected tags, in the order they were selected.
    pub tags: Vec<String>,
    /// Selected categories, in the order they were selected.
    pub categories: Vec<String>,
    /// How the selected facets combine.
    pub mode: Mode,
    /// The search box's text (`q=`); empty when not searching.
    pub search: String,
}

impl Selection {
    /// True when nothing is selected (the mode alone does not narrow anything).
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.categories.is_empty()
    }

    fn values_mut(&mut self, kind: FacetKind) -> &mut Vec<String> {
        match kind {
            FacetKind::Tag => &mut self.tags,
            FacetKind::Category => &mut self.categories,
        }
    }

    /// Whether this facet is selected.
    pub fn contains(&self, kind: FacetKind, value: &str) -> bool {
        let values = match kind {
            FacetKind::Tag => &self.tags,
            FacetKind::Category => &self.categories,
        };
        values.iter().any(|selected| selected == value)
    }

    /// The selection with this facet switched on or off.
    pub fn toggled(&self, kind: FacetKind, value: &str) -> Selection {
        let mut next = self.clone();
        let values = next.values_mut(kind);
        match values.iter().position(|selected| selected == value) {
            Some(position) => {
                values.remove(position);
            }
            None => values.push(value.to_owned()),
        }
        next
    }

    /// The selection with this facet added (unchanged if already selected).
    pub fn with(&self, kind: FacetKind, value: &str) -> Selection {
        if self.contains(kind, value) {
            self.clone()
        } else {
            self.toggled(kind, value)
        }
    }

    /// The same facets combined with another mode.
    pub fn with_mode(&self, mode: Mode) -> Selection {
        Selection {
            mode,
            ..self.clone()
        }
    }

    /// The selection as facet ids of `index`; `None` for a value no post carries.
    fn resolve(&self, index: &SiteIndex) -> Vec<Option<u32>> {
        let categories = self.categories.iter().map(|c| (FacetKind::Category, c));
        let tags = self.tags.iter().map(|t| (FacetKind::Tag, t));
        categories
            .chain(tags)
            .map(|(kind, value)| index.facet_id(kind, value))
            .collect()
    }
}

/// A selection resolved against an index, ready to test many posts quickly.
struct Matcher {
    wanted: Vec<Option<u32>>,
    mode: Mode,
}

impl Matcher {
    fn new(index: &SiteIndex, selection: &Selection) -> Self {
        Matcher {
            wanted: selection.resolve(index),
            mode: selection.mode,
        }
    }

    /// Whether a post with these facet ids is let through.
    fn matches(&self, post_facets: &[u32]) -> bool {
        if self.wanted.is_empty() {
            return true;
        }
        // An unknown facet is carried by no post.
        // A post has a handful of facets: a linear look beats sorting them.
        let carries = |id: &Option<u32>| id.is_some_and(|id| post_facets.contains(&id));
        match self.mode {
            Mode::And => self.wanted.iter().all(carries),
            Mode::Or => self.wanted.iter().any(carries),
        }
    }
}

/// How many posts the list shows at first, and how many more each "더 보기" adds (ten, as
/// Chirpy and PaperMod page their lists). Static pages show the first ones too, so a large
/// site's pages stay small.
pub const LIST_PAGE_SIZE: usize = 10;

/// Positions (in the index) of the posts the facets let through, in index order.
pub fn filter_post_ids(index: &SiteIndex, selection: &Selection) -> Vec<usize> {
    filter_ids(index, selection, 0..index.len())
}

/// The `candidates` (positions in the index) the facets let through, in the given order.
pub fn filter_ids(
    index: &SiteIndex,
    selection: &Selection,
    candidates: impl IntoIterator<Item = usize>,
) -> Vec<usize> {
    let matcher = Matcher::new(index, selection);
    let candidates = candidates.into_iter();
    // Nothing selected: every candidate stays, and no post needs reading (a search that
    // finds most of 100,000 posts would otherwise touch every one of them).
    if matcher.wanted.is_empty() {
        return candidates.collect();
    }
    candidates
        .filter(|&id| matcher.matches(index.post_facets(id)))
        .collect()
}

/// `found` (positions) narrowed by the facets, in the same order; `None` when the facets
/// let every post through, so a search's results need no copy.
pub fn narrowed_by_facets(
    index: &SiteIndex,
    selection: &Selection,
    found: &[usize],
) -> Option<Vec<usize>> {
    let matcher = Matcher::new(index, selection);
    if matcher.wanted.is_empty() {
        return None;
    }
    let kept = found.iter().copied();
    Some(
        kept.filter(|&id| matcher.matches(index.post_facets(id)))
            .collect(),
    )
}

/// One filter button: a facet, how many posts it stands for now, and whether it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount<'a> {
    pub facet: &'a Facet,
    /// For an unselected facet: how many posts the list would show if it were selected too.
    /// For a selected facet: how many of the shown posts carry it.
    pub count: usize,
    pub selected: bool,
}

/// Every tag and category, in the index's order, with its count under the selection.
/// One pass over the posts, whatever the number of facets.
pub fn facet_counts<'a>(index: &'a SiteIndex, selection: &Selection) -> Vec<FacetCount<'a>> {
    facet_counts_among(index, selection, None)
}

/// [`facet_counts`] when only some posts can be shown at all, whatever the facets: with
/// `among`, only those posts (positions in the index: the posts a search found), each once.
pub fn facet_counts_among<'a>(
    index: &'a SiteIndex,
    selection: &Selection,
    among: Option<&[usize]>,
) -> Vec<FacetCount<'a>> {
    let matcher = Matcher::new(index, selection);
    // Nothing selected and no search: every post is shown, and each facet's count is the
    // total the index holds, so opening the list reads no post.
    let everything = selection.is_empty() && among.is_none();
    let mut shown_with: Vec<usize> = index
        .facets
        .iter()
        .map(|facet| if everything { facet.total as usize } else { 0 })
        .collect();
    let mut hidden_with = vec![0usize; index.facets.len()];
    let mut shown_total = 0;
    // Counted when typing pauses, over up to every post of 100,000: plain loops over
    // slices, since at the app's size-optimised level each step of an iterator adapter is
    // a call.
    let posts = match among {
        _ if everything => 0,
        Some(among) => among.len(),
        None => index.len(),
    };
    let (shown_with_slice, hidden_with_slice) =
        (shown_with.as_mut_slice(), hidden_with.as_mut_slice());
    let mut at = 0;
    while at < posts {
        let position = match among {
            Some(among) => among[at],
            None => at,
        };
        let post = index.post_facets(position);
        at += 1;
        let shown = matcher.matches(post);
        shown_total += usize::from(shown);
        let counter = if shown {
            &mut *shown_with_slice
        } else {
            &mut *hidden_with_slice
        };
        let mut facet = 0;
        while facet < post.len() {
            if let Some(count) = counter.get_mut(post[facet] as usize) {
                *count += 1;
            }
            facet += 1;
        }
    }
    index
        .facets
        .iter()
        .enumerate()
        .map(|(id, facet)| {
            let selected = selection.contains(facet.kind, &facet.value);
            let count = match selection.mode {
                _ if selected || selection.is_empty() => shown_with[id],
                // Adding a facet under AND keeps the shown posts that carry it.
                Mode::And => shown_with[id],
                // Adding a facet under OR brings in the hidden posts that carry it.
                Mode::Or => shown_total + hidden_with[id],
            };
            FacetCount {
                facet,
                count,
                selected,
            }
        })
        .collect()
}
