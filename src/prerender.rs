//! The static pages, rendered by the app's own views (natively, with Yew's server-side
//! renderer and no hydration): the build's stage step calls [`StaticSite::render`] for
//! every page. The app replaces the copy when it starts (`takeover`); where the copy must
//! differ, the views ask `static_page::is_static`.

use std::collections::HashMap;

use geul_core::dom_ids::PRERENDERED;
use geul_core::{percent_decode, CardChunk, Route};

use crate::data::{bodies, cards, site_index};
use crate::static_page::{self, StaticPage};
use crate::App;

/// Gives the bytes of a file the build wrote, by its site path.
type ReadFile = Box<dyn Fn(&str) -> Result<Vec<u8>, String>>;

/// What the views read, installed from the files the build wrote.
pub struct StaticSite {
    /// The base path, without its trailing slash (`/geul`, or empty at the root).
    base: String,
    read: ReadFile,
    /// Each post's place in the display order, by slug: looked up once per post page, so a
    /// site's pages are rendered in time that grows with their number, not its square.
    positions: HashMap<String, usize>,
}

impl StaticSite {
    /// `index`: the index the app embeds; `read` gives the bytes of a file the build wrote
    /// (card chunks and bodies) by its site path. Once per process.
    pub fn install(
        index: &[u8],
        base: &str,
        read: impl Fn(&str) -> Result<Vec<u8>, String> + 'static,
    ) -> Result<StaticSite, String> {
        site_index::install(index);
        let index = site_index::site_index().map_err(str::to_owned)?;
        let mut chunks = Vec::with_capacity(index.card_chunks.len());
        for path in &index.card_chunks {
            let chunk = CardChunk::from_bytes(&read(path)?)
                .map_err(|damage| format!("{path}: {damage}"))?;
            chunks.push(chunk);
        }
        cards::install_chunks(chunks);
        let positions = (0..index.len())
            .filter_map(|post| cards::card(post).map(|card| (card.slug.clone(), post)))
            .collect();
        Ok(StaticSite {
            base: base.trim_end_matches('/').to_owned(),
            read: Box::new(read),
            positions,
        })
    }

    /// Hands the views the body of the post at `route`, if it is one: its page shows it
    /// whole.
    fn keep_body(&self, route: &Route) -> Result<(), String> {
        bodies::forget_all();
        if let Route::Overview(overview) = route {
            let path = overview.content_file();
            let html =
                String::from_utf8((self.read)(&path)?).map_err(|_| format!("{path}: not UTF-8"))?;
            bodies::remember_body(path, html);
            return Ok(());
        }
        let Route::Post { slug } = route else {
            return Ok(());
        };
        let Some(post) = cards::find_card(&percent_decode(slug)) else {
            return Ok(());
        };
        let body = post
            .body_from((self.read)(&post.body_path)?)
            .ok_or_else(|| format!("{}: not the body the index names", post.body_path))?;
        bodies::remember_body(post.body_path.clone(), body);
        Ok(())
    }

    /// The static copy of the page at `path` (below the base, e.g. `/posts/a/`): the app's
    /// view inside `<div id="prerendered">`, whose `data-posts` names the posts whose cards
    /// it shows, for the app to load before it takes over.
    pub fn render(&self, path: &str) -> Result<String, String> {
        let route = Route::recognize(path);
        self.keep_body(&route)?;
        static_page::set(Some(StaticPage {
            base: self.base.clone(),
            path: path.to_owned(),
            query: String::new(),
            // `404.html` has no address of its own: its skip link leads to the list's main.
            served_at: if route == Route::NotFound { "/" } else { path }.to_owned(),
        }));
        let html = futures_executor::block_on(
            yew::LocalServerRenderer::<App>::new()
                .hydratable(false)
                .render(),
        );
        let mut shown = static_page::set(None);
        if let Route::Post { slug } = &route {
            shown.extend(self.positions.get(&percent_decode(slug)).copied());
        }
        let shown: Vec<String> = shown.iter().map(usize::to_string).collect();
        Ok(format!(
            "<div id=\"{PRERENDERED}\" data-posts=\"{}\">{html}</div>",
            shown.join(",")
        ))
    }
}
