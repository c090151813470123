//! A post's categories and tags as links that filter the list by them.

use geul_content::{selection_query, FacetKind, PostMeta, Selection};
use yew::prelude::*;

use crate::components::app_link::AppLink;
use crate::route::Route;

/// A stateless view function (see `post_info` for why it is not a component). `base` is the
/// selection a click adds to: the list's current one, or none on a post page.
pub fn facet_links(post: &PostMeta, base: &Selection) -> Html {
    if post.tags.is_empty() && post.categories.is_empty() {
        return Html::default();
    }
    let link = |kind: FacetKind, value: &String| {
        let query = selection_query(&base.with(kind, value));
        let tag = (kind == FacetKind::Tag).then(|| AttrValue::from(value.clone()));
        let category = (kind == FacetKind::Category).then(|| AttrValue::from(value.clone()));
        let (class, label) = match kind {
            FacetKind::Category => ("category-link", value.clone()),
            FacetKind::Tag => ("tag-link", format!("#{value}")),
        };
        html! {
            <li>
                <AppLink to={Route::Home} {query} class={classes!(class)} data_tag={tag} data_category={category}>
                    { label }
                </AppLink>
            </li>
        }
    };
    html! {
        <ul class="facet-links" aria-label="분류와 태그">
            { for post.categories.iter().map(|c| link(FacetKind::Category, c)) }
            { for post.tags.iter().map(|t| link(FacetKind::Tag, t)) }
        </ul>
    }
}
