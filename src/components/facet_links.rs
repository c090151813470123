//! A post's categories and tags as links that filter the list by them.

use geul_core::{selection_query, Facet, FacetKind, PostMeta, Route, Selection};
use yew::prelude::*;

use crate::data::site_index::{app_text, site_index};
use crate::router::navigator;
use crate::static_page::is_static;

/// A stateless view function (see `post_info` for why it is not a component). `base` is the
/// selection a click adds to: the list's current one, or none on a post page.
pub fn facet_links(post: &PostMeta, base: &Selection) -> Html {
    let Ok(index) = site_index() else {
        return Html::default();
    };
    if post.facet_ids.is_empty() {
        return Html::default();
    }
    let link = |facet: &Facet| {
        let (kind, value) = (facet.kind, &facet.value);
        // Without JavaScript, a facet is a page of its own.
        let href = if is_static() {
            navigator().href(&Route::facet(kind, &facet.slug), "")
        } else {
            navigator().href(&Route::Home, &selection_query(&base.with(kind, value)))
        };
        let tag = (kind == FacetKind::Tag).then(|| AttrValue::from(value.clone()));
        let category = (kind == FacetKind::Category).then(|| AttrValue::from(value.clone()));
        let (class, label) = match kind {
            FacetKind::Category => ("category-link", value.clone()),
            FacetKind::Tag => ("tag-link", format!("#{value}")),
        };
        html! {
            <li>
                <a {href} {class} data-tag={tag} data-category={category}>{ label }</a>
            </li>
        }
    };
    html! {
        <ul class="facet-links" aria-label={app_text().facet_links}>
            { for post.facet_ids.iter().filter_map(|&id| index.facets.get(id as usize)).map(link) }
        </ul>
    }
}
