//! Every page of the static site, so each URL answers 200 with its content readable
//! without JavaScript, and link previews and search engines see titles and descriptions.
//!
//! The build writes each page's head here (title, description, canonical URL, OpenGraph)
//! and names the page by its route; the post-build step renders its body with the app's
//! own views (`geul::prerender`) and puts both into Trunk's `index.html` with [`assemble`].

use geul_core::dom_ids::MOUNT;
use geul_core::ui_text::UiText;
use geul_core::{titles, Facet, Overview, PostDate, PostMeta, Route};

use crate::config::SiteConfig;
use crate::post::Post;
use crate::publish::csp::Policy;
use crate::publish::structured_data::post_json_ld;
use crate::render::markdown::escape_html as esc;
use crate::site::Site;

/// One page of the static site.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Output file, site-relative: `index.html`, `posts/<slug>/index.html`, `404.html`.
    pub file: String,
    /// The page's address, whose view the app renders into it.
    pub route: Route,
    /// Everything that replaces the template's `<title>`: title, meta and link tags.
    pub head: String,
    /// When the page last changed, for the sitemap: a post's `last_modified_at`, else its
    /// date.
    pub lastmod: Option<PostDate>,
}

/// Separates the head from the route's path in the parts file the build script writes for
/// each page.
pub const PARTS_SEPARATOR: &str = "\n<!--geul:route-->\n";

impl Page {
    /// The page as one parts file: head, separator, the route's path below the base.
    pub fn to_parts(&self) -> String {
        format!("{}{PARTS_SEPARATOR}{}", self.head, self.route.to_path())
    }
}

/// Percent-encodes each segment of a site path (`tags/회고/` → `tags/%ED%9A%8C%EA%B3%A0/`), so
/// canonical URLs, the feed and the sitemap spell a page's address the same way.
pub fn percent_encode_path(path: &str) -> String {
    path.split('/')
        .map(geul_core::percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Every page: the list, each post, each tag and category, and the not-found page.
pub fn site_pages(site: &Site, config: &SiteConfig) -> Vec<Page> {
    let mut pages = vec![list_page(config, site.posts.len(), None)];
    pages.extend(site.posts.iter().map(|post| post_page(config, post)));
    pages.extend(
        site.facets
            .iter()
            .map(|facet| list_page(config, facet.total as usize, Some(facet))),
    );
    pages.extend(
        site.overviews
            .iter()
            .map(|(overview, _)| overview_page(config, *overview)),
    );
    pages.push(not_found_page(config));
    pages
}

/// A site-wide page: the archive, the tags, the categories.
pub fn overview_page(config: &SiteConfig, overview: Overview) -> Page {
    let route = Route::Overview(overview);
    let path = route.site_path();
    let title = overview.title(&UiText::for_language(&config.language).app);
    Page {
        file: format!("{path}index.html"),
        head: head(config, title, &config.description, &path, "website", ""),
        route,
        lastmod: None,
    }
}

fn head(
    config: &SiteConfig,
    title: &str,
    description: &str,
    path: &str,
    og_type: &str,
    extra: &str,
) -> String {
    let full_title = esc(&titles::full(Some(title), &config.title));
    let url = esc(&config.url(&percent_encode_path(path)));
    let description = esc(description);
    let locale = if config.language == "ko" {
        "ko_KR"
    } else {
        config.language.as_str()
    };
    format!(
        "<title>{full_title}</title>\n\
         <meta name=\"description\" content=\"{description}\">\n\
         <link rel=\"canonical\" href=\"{url}\">\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" title=\"{site}\" href=\"{feed}\">\n\
         <meta property=\"og:site_name\" content=\"{site}\">\n\
         <meta property=\"og:title\" content=\"{title}\">\n\
         <meta property=\"og:description\" content=\"{description}\">\n\
         <meta property=\"og:url\" content=\"{url}\">\n\
         <meta property=\"og:type\" content=\"{og_type}\">\n\
         <meta property=\"og:locale\" content=\"{locale}\">\n\
         <meta name=\"twitter:card\" content=\"{card}\">\n{extra}",
        site = esc(&config.title),
        feed = esc(&config.url("feed.xml")),
        title = esc(title),
        card = if extra.contains("og:image") {
            "summary_large_image"
        } else {
            "summary"
        },
    )
}

/// A post's own page.
pub fn post_page(config: &SiteConfig, post: &Post) -> Page {
    let meta: &PostMeta = &post.meta;
    let route = Route::Post {
        slug: meta.slug.clone(),
    };
    let path = route.site_path();
    let mut extra = String::new();
    if let Some(date) = meta.date {
        extra += &format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            date.iso()
        );
    }
    if let Some(updated) = post.updated {
        extra += &format!(
            "<meta property=\"article:modified_time\" content=\"{}\">\n",
            updated.iso()
        );
    }
    for tag in &meta.tags {
        extra += &format!("<meta property=\"article:tag\" content=\"{}\">\n", esc(tag));
    }
    let image = post.image.as_ref().map(|image| {
        if crate::render::images::is_remote(image) {
            image.clone()
        } else {
            config.url(image)
        }
    });
    if let Some(url) = &image {
        extra += &format!("<meta property=\"og:image\" content=\"{}\">\n", esc(url));
    }
    let url = config.url(&percent_encode_path(&path));
    extra += &post_json_ld(config, post, &url, image.as_deref());
    Page {
        file: format!("{path}index.html"),
        head: head(config, &meta.title, &meta.excerpt, &path, "article", &extra),
        route,
        lastmod: post.updated.or(meta.date),
    }
}

/// The list of all `posts` posts (`facet: None`), or of one tag's or category's.
pub fn list_page(config: &SiteConfig, posts: usize, facet: Option<&Facet>) -> Page {
    let (route, title, description) = match facet {
        None => (
            Route::Home,
            config.title.clone(),
            config.description.clone(),
        ),
        Some(facet) => {
            let ui_text = UiText::for_language(&config.language);
            let title = titles::facet_page(facet.kind, &facet.value, &ui_text.app);
            let description = format!("{title}: {}", ui_text.app.posts.of(posts));
            (Route::facet(facet.kind, &facet.slug), title, description)
        }
    };
    let path = route.site_path();
    Page {
        file: format!("{path}index.html"),
        head: head(config, &title, &description, &path, "website", ""),
        route,
        lastmod: None,
    }
}

/// What GitHub Pages serves for any path without a file.
pub fn not_found_page(config: &SiteConfig) -> Page {
    let not_found = UiText::for_language(&config.language).app.not_found;
    let title = titles::full(Some(not_found), &config.title);
    Page {
        file: "404.html".to_owned(),
        head: format!(
            "<title>{}</title>\n<meta name=\"robots\" content=\"noindex\">\n",
            esc(&title)
        ),
        route: Route::NotFound,
        lastmod: None,
    }
}

/// Puts a page into the app's `index.html`: its head replaces `<title>…</title>`, its body
/// and then the site's `footer` follow the mount point `<div id="geul"></div>`, and
/// `<html lang>` follows the site.
/// The page's Content-Security-Policy ([`crate::publish::csp`]) comes first in its head,
/// before any script, unless `policy` is [`Policy::Off`]. Works on Trunk's minified output too. `None` if the
/// template lacks either anchor, or has a script before its `<title>`.
pub fn assemble(
    template: &str,
    page_head: &str,
    page_body: &str,
    footer: &str,
    language: &str,
    policy: &Policy,
) -> Option<String> {
    let title_start = template.find("<title>")?;
    let title_end = template[title_start..].find("</title>")? + title_start + "</title>".len();
    let mount = [
        format!("<div id=\"{MOUNT}\"></div>"),
        format!("<div id={MOUNT}></div>"),
    ]
    .iter()
    .find_map(|anchor| template.find(anchor.as_str()).map(|at| at + anchor.len()))?;
    if mount < title_end
        || template[..title_start]
            .to_ascii_lowercase()
            .contains("<script")
    {
        return None;
    }
    let mut out = String::with_capacity(template.len() + page_head.len() + page_body.len());
    out.push_str(&template[..title_start]);
    out.push_str(page_head);
    out.push_str(&template[title_end..mount]);
    out.push_str(page_body);
    out.push_str(footer);
    out.push_str(&template[mount..]);
    // The site's words go into the template's script before the policy hashes it.
    let text = UiText::for_language(language);
    let mut out =
        out.replacen("@APP_FAILED@", text.app_failed, 1)
            .replacen("@RELOAD@", text.reload, 1);
    out.insert_str(title_start, &crate::publish::csp::meta(&out, policy));
    let lang = format!("<html lang=\"{}\"", esc(language));
    Some(
        out.replacen("<html lang=\"ko\"", &lang, 1)
            .replacen("<html lang=ko", &lang, 1),
    )
}
