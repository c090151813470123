//! The facet table: every tag and category once, ordered for the filter bar, with a page
//! slug of its own; each post gets the ids of its facets.

use geul_core::{Facet, FacetKind, PostMeta};

/// Builds the facet table of an index and gives every post its facet ids.
pub fn index_facets(posts: &mut [&mut PostMeta]) -> Vec<Facet> {
    use std::collections::BTreeMap;

    let mut totals: BTreeMap<(FacetKind, String), u32> = BTreeMap::new();
    for post in posts.iter() {
        for key in facet_keys(post) {
            *totals.entry(key).or_default() += 1;
        }
    }
    let mut facets: Vec<Facet> = totals
        .into_iter()
        .map(|((kind, value), total)| Facet {
            kind,
            slug: String::new(),
            value,
            total,
        })
        .collect();
    facets.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.total.cmp(&a.total))
            .then_with(|| a.value.cmp(&b.value))
    });
    // Page slugs, unique per kind (`MLOps` and `mlops` become `mlops` and `mlops-2`).
    let mut taken: std::collections::BTreeSet<(FacetKind, String)> = Default::default();
    for facet in &mut facets {
        let base = match crate::parse::slug::slugify(&facet.value) {
            slug if slug.is_empty() => "facet".to_owned(),
            slug => slug,
        };
        let mut slug = base.clone();
        let mut n = 2;
        while !taken.insert((facet.kind, slug.clone())) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        facet.slug = slug;
    }
    let ids: BTreeMap<(FacetKind, &str), u32> = facets
        .iter()
        .enumerate()
        .map(|(id, facet)| ((facet.kind, facet.value.as_str()), id as u32))
        .collect();
    for post in posts.iter_mut() {
        let mut seen = std::collections::HashSet::new();
        post.facet_ids = facet_keys(post)
            .into_iter()
            .map(|(kind, value)| ids[&(kind, value.as_str())])
            .filter(|id| seen.insert(*id))
            .collect();
    }
    facets
}

fn facet_keys(post: &PostMeta) -> Vec<(FacetKind, String)> {
    let categories = post
        .categories
        .iter()
        .map(|c| (FacetKind::Category, c.clone()));
    let tags = post.tags.iter().map(|t| (FacetKind::Tag, t.clone()));
    categories.chain(tags).collect()
}
