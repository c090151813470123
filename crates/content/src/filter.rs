//! Narrowing the list by tags and categories, and the counts shown on each filter button.

use std::collections::{BTreeSet, HashMap};

use crate::model::PostMeta;

/// Whether a filter button stands for a tag or a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FacetKind {
    Tag,
    Category,
}

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
}

impl Selection {
    /// True when nothing is selected (the mode alone does not narrow anything).
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.categories.is_empty()
    }

    fn values(&self, kind: FacetKind) -> &Vec<String> {
        match kind {
            FacetKind::Tag => &self.tags,
            FacetKind::Category => &self.categories,
        }
    }

    /// Whether this facet is selected.
    pub fn contains(&self, kind: FacetKind, value: &str) -> bool {
        self.values(kind).iter().any(|selected| selected == value)
    }

    /// The selection with this facet switched on or off.
    pub fn toggled(&self, kind: FacetKind, value: &str) -> Selection {
        let mut next = self.clone();
        let values = match kind {
            FacetKind::Tag => &mut next.tags,
            FacetKind::Category => &mut next.categories,
        };
        if let Some(position) = values.iter().position(|selected| selected == value) {
            values.remove(position);
        } else {
            values.push(value.to_owned());
        }
        next
    }

    /// The selection with only this facet added (kept if already selected).
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

    /// Whether the post belongs in the list under this selection.
    pub fn matches(&self, post: &PostMeta) -> bool {
        if self.is_empty() {
            return true;
        }
        let mut wanted = self
            .tags
            .iter()
            .map(|tag| post.tags.contains(tag))
            .chain(self.categories.iter().map(|c| post.categories.contains(c)));
        match self.mode {
            Mode::And => wanted.all(|carried| carried),
            Mode::Or => wanted.any(|carried| carried),
        }
    }
}

/// The posts the list shows under this selection, in index order.
pub fn filter_posts<'a>(posts: &'a [PostMeta], selection: &Selection) -> Vec<&'a PostMeta> {
    posts
        .iter()
        .filter(|post| selection.matches(post))
        .collect()
}

/// One filter button: a facet, how many posts it stands for now, and whether it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    pub kind: FacetKind,
    pub value: String,
    /// For an unselected facet: how many posts the list would show if it were selected too.
    /// For a selected facet: how many of the shown posts carry it.
    pub count: usize,
    pub selected: bool,
}

fn facets_of(post: &PostMeta) -> impl Iterator<Item = (FacetKind, &String)> {
    let tags = post.tags.iter().map(|tag| (FacetKind::Tag, tag));
    let categories = post.categories.iter().map(|c| (FacetKind::Category, c));
    // A facet listed twice on one post counts once.
    tags.chain(categories).collect::<BTreeSet<_>>().into_iter()
}

/// Every tag and category with its count under the current selection.
///
/// Ordered by kind (categories first), then by how many posts carry the facet overall,
/// then by name, so buttons do not jump around while the reader clicks.
pub fn facet_counts(posts: &[PostMeta], selection: &Selection) -> Vec<FacetCount> {
    // One pass: how many shown and how many hidden posts carry each facet.
    let mut shown_with: HashMap<(FacetKind, &str), usize> = HashMap::new();
    let mut hidden_with: HashMap<(FacetKind, &str), usize> = HashMap::new();
    let mut shown_total = 0;
    for post in posts {
        let shown = selection.matches(post);
        shown_total += usize::from(shown);
        let counter = if shown {
            &mut shown_with
        } else {
            &mut hidden_with
        };
        for (kind, value) in facets_of(post) {
            *counter.entry((kind, value.as_str())).or_default() += 1;
        }
    }

    let mut all: Vec<(FacetKind, &str)> = shown_with
        .keys()
        .chain(hidden_with.keys())
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();

    let mut counts: Vec<(usize, FacetCount)> = all
        .into_iter()
        .map(|(kind, value)| {
            let shown = shown_with.get(&(kind, value)).copied().unwrap_or(0);
            let hidden = hidden_with.get(&(kind, value)).copied().unwrap_or(0);
            let selected = selection.contains(kind, value);
            let count = if selected || selection.is_empty() {
                shown
            } else {
                match selection.mode {
                    // Adding a facet under AND keeps the shown posts that carry it.
                    Mode::And => shown,
                    // Adding a facet under OR brings in the hidden posts that carry it.
                    Mode::Or => shown_total + hidden,
                }
            };
            let overall = shown + hidden;
            let facet = FacetCount {
                kind,
                value: value.to_owned(),
                count,
                selected,
            };
            (overall, facet)
        })
        .collect();
    counts.sort_by(|(overall_a, a), (overall_b, b)| {
        let category_first = |kind| kind == FacetKind::Tag;
        category_first(a.kind)
            .cmp(&category_first(b.kind))
            .then(overall_b.cmp(overall_a))
            .then_with(|| a.value.cmp(&b.value))
    });
    counts.into_iter().map(|(_, facet)| facet).collect()
}
