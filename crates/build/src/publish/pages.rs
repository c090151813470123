//! Static HTML for every page of the site, so each URL answers 200 with its content readable
//! without JavaScript, and link previews and search engines see titles and descriptions.
//!
//! The markup mirrors what the app renders (same elements and classes), inside
//! `<div id="prerendered">`. When the app starts it takes the post body from there instead of
//! fetching it, removes the node and renders the same view in the same task, so nothing
//! flashes or appears twice. The build script writes each page as head + body parts; the
//! post-build step puts them into Trunk's `index.html` with [`assemble`].

use crate::config::SiteConfig;
use geul_core::{
    dom_ids::{CATEGORY_FILTERS, MAIN, MOUNT, PRERENDERED, SEARCH_INPUT, TAG_FILTERS},
    labels::{CLEAR_FILTERS, FILTERS, MATCH_ALL, MATCH_ANY, MODE_SWITCH},
    FacetKind, LIST_PAGE_SIZE,
};

/// What the static copy's search box says when it cannot search: JavaScript is off, or
/// the app failed to start (`style/main.css`).
const SEARCH_NEEDS_SCRIPT: &str = "검색은 JavaScript가 켜져 있어야 동작합니다.";
use crate::post::Post;
use crate::render::markdown::escape_html as esc;
use crate::site::Site;
use geul_core::{Facet, PostMeta};

/// One page of the static site.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// Output file, site-relative: `index.html`, `posts/<slug>/index.html`, `404.html`.
    pub file: String,
    /// Everything that replaces the template's `<title>`: title, meta and link tags.
    pub head: String,
    /// The prerendered view, placed right after the app's mount point.
    pub body: String,
}

/// Separates head and body in the parts file the build script writes for each page.
pub const PARTS_SEPARATOR: &str = "\n<!--geul:body-->\n";

impl Page {
    /// The page as one parts file (head, separator, body).
    pub fn to_parts(&self) -> String {
        format!("{}{PARTS_SEPARATOR}{}", self.head, self.body)
    }
}

/// The site-relative directory of a facet's page: `tags/mlops/`.
pub fn facet_path(facet: &Facet) -> String {
    let kind = match facet.kind {
        FacetKind::Tag => "tags",
        FacetKind::Category => "categories",
    };
    format!("{kind}/{}/", facet.slug)
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
    let metas: Vec<(usize, &PostMeta)> = site
        .posts
        .iter()
        .map(|post| &post.meta)
        .enumerate()
        .collect();
    let mut pages = vec![list_page(config, &metas, &site.facets, None)];
    pages.extend(
        site.posts
            .iter()
            .enumerate()
            .map(|(position, post)| post_page(config, post, position, &site.facets)),
    );
    let mut posts_by_facet: Vec<Vec<(usize, &PostMeta)>> = vec![Vec::new(); site.facets.len()];
    for &(position, post) in &metas {
        for &id in &post.facet_ids {
            posts_by_facet[id as usize].push((position, post));
        }
    }
    for (facet, posts) in site.facets.iter().zip(&posts_by_facet) {
        pages.push(list_page(config, posts, &site.facets, Some(facet)));
    }
    pages.push(not_found_page(config));
    pages
}

fn head(
    config: &SiteConfig,
    title: &str,
    description: &str,
    path: &str,
    og_type: &str,
    extra: &str,
) -> String {
    let full_title = if title == config.title {
        esc(title)
    } else {
        format!("{} · {}", esc(title), esc(&config.title))
    };
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

/// Header, main and footer around a view. `path` is the page's own site path: a bare `#main`
/// would resolve against `<base href>` and lead to the home page. `shown` are the positions
/// (in the display order) of the posts whose cards the view shows: the app fetches those
/// it does not embed before it takes over (`data-posts`).
fn frame(config: &SiteConfig, path: &str, main: &str, shown: &[usize]) -> String {
    let shown: Vec<String> = shown.iter().map(usize::to_string).collect();
    format!(
        "<div id=\"{PRERENDERED}\" data-posts=\"{shown}\">\
         <a class=\"skip-link\" href=\"{home}{own}#main\">본문으로 건너뛰기</a>\
         <header class=\"site-header\"><a class=\"site-header__name\" href=\"{home}\">글<span>{name}</span></a></header>\
         <main id=\"{MAIN}\" tabindex=\"-1\">{main}</main>\
         <footer class=\"site-footer\"><p>geul — 브라우저에서 읽고 거르는 블로그</p></footer>\
         </div>",
        home = esc(config.base_path()),
        own = esc(path),
        name = esc(&config.title),
        shown = shown.join(","),
    )
}

fn post_info(post: &PostMeta) -> String {
    let date = post.date.map_or(String::new(), |date| {
        format!("<time datetime=\"{}\">{}</time>", date.iso(), date.korean())
    });
    format!(
        "<p class=\"post-info\">{date}<span class=\"reading-time\">{}분 분량</span></p>",
        post.reading_minutes
    )
}

fn facet_links(config: &SiteConfig, post: &PostMeta, facets: &[Facet]) -> String {
    if post.facet_ids.is_empty() {
        return String::new();
    }
    let link = |facet: &Facet| {
        let (class, data, label) = match facet.kind {
            FacetKind::Category => ("category-link", "data-category", esc(&facet.value)),
            FacetKind::Tag => ("tag-link", "data-tag", format!("#{}", esc(&facet.value))),
        };
        format!(
            "<li><a href=\"{}{}\" class=\"{class}\" {data}=\"{}\">{label}</a></li>",
            esc(config.base_path()),
            esc(&facet_path(facet)),
            esc(&facet.value)
        )
    };
    // Categories first, then tags, each in the author's order (as the app shows them).
    let links: String = post
        .facet_ids
        .iter()
        .filter_map(|&id| facets.get(id as usize))
        .map(link)
        .collect();
    format!("<ul class=\"facet-links\" aria-label=\"분류와 태그\">{links}</ul>")
}

/// A post's own page, with its full body. `position` is the post's place in the display
/// order: the page names it in `data-posts`, for the app to load its card first.
pub fn post_page(config: &SiteConfig, post: &Post, position: usize, facets: &[Facet]) -> Page {
    let meta = &post.meta;
    let path = format!("posts/{}/", meta.slug);
    let mut extra = String::new();
    if let Some(date) = meta.date {
        extra += &format!(
            "<meta property=\"article:published_time\" content=\"{}\">\n",
            date.iso()
        );
    }
    for tag in &meta.tags {
        extra += &format!("<meta property=\"article:tag\" content=\"{}\">\n", esc(tag));
    }
    if let Some(image) = &post.image {
        let url = if crate::render::images::is_remote(image) {
            image.clone()
        } else {
            config.url(image)
        };
        extra += &format!("<meta property=\"og:image\" content=\"{}\">\n", esc(&url));
    }
    let main = format!(
        "<article class=\"post\" data-slug=\"{slug}\" data-body-path=\"{body_path}\">\
         <header class=\"post__header\"><h1 class=\"post__title\">{title}</h1>{info}{links}</header>\
         <div class=\"post__body\">{body}</div>\
         <footer class=\"post__footer\"><a href=\"{home}\" class=\"back-link\">← 목록으로</a></footer>\
         </article>",
        slug = esc(&meta.slug),
        body_path = esc(&meta.body_path),
        title = esc(&meta.title),
        info = post_info(meta),
        links = facet_links(config, meta, facets),
        body = post.html,
        home = esc(config.base_path()),
    );
    Page {
        file: format!("{path}index.html"),
        head: head(config, &meta.title, &meta.excerpt, &path, "article", &extra),
        body: frame(config, &path, &main, &[position]),
    }
}

/// The list of all posts (`facet: None`) or of one tag's or category's posts.
pub fn list_page(
    config: &SiteConfig,
    posts: &[(usize, &PostMeta)],
    facets: &[Facet],
    facet: Option<&Facet>,
) -> Page {
    let base = esc(config.base_path());
    let group = |kind: FacetKind, heading: &str, id: &str| {
        let buttons: String = facets
            .iter()
            .filter(|f| f.kind == kind)
            .map(|f| {
                let current = if facet.is_some_and(|selected| selected == f) { " aria-current=\"page\"" } else { "" };
                format!(
                    "<li><a class=\"facet\" href=\"{base}{}\"{current} aria-label=\"{value}, 글 {total}개\">{value}<span class=\"facet__count\">{total}</span></a></li>",
                    esc(&facet_path(f)),
                    value = esc(&f.value),
                    total = f.total
                )
            })
            .collect();
        format!(
            "<div class=\"facets__group\" role=\"group\" aria-labelledby=\"{id}\"><h2 class=\"facets__heading\" id=\"{id}\">{heading}</h2><ul class=\"facets__list\">{buttons}</ul></div>"
        )
    };
    let first_page = &posts[..posts.len().min(LIST_PAGE_SIZE)];
    let shown: Vec<usize> = first_page.iter().map(|&(position, _)| position).collect();
    let cards: String = first_page
        .iter()
        .map(|(_, post)| {
            format!(
                "<article class=\"post-card\" data-slug=\"{slug}\"><h2 class=\"post-card__title\">{pin}<a href=\"{base}posts/{slug}/\">{title}</a></h2>{info}<p class=\"post-card__excerpt\">{excerpt}</p>{links}</article>",
                slug = esc(&post.slug),
                pin = if post.pinned { "<span class=\"pin-badge\">고정</span>" } else { "" },
                title = esc(&post.title),
                info = post_info(post),
                excerpt = esc(&post.excerpt),
                links = facet_links(config, post, facets),
            )
        })
        .collect();
    let (file, title, description, path) = match facet {
        None => (
            "index.html".to_owned(),
            config.title.clone(),
            config.description.clone(),
            String::new(),
        ),
        Some(facet) => {
            let path = facet_path(facet);
            let label = match facet.kind {
                FacetKind::Tag => format!("태그 #{}", facet.value),
                FacetKind::Category => format!("분류 {}", facet.value),
            };
            let description = format!("{label}: 글 {}개", posts.len());
            (format!("{path}index.html"), label, description, path)
        }
    };
    // The app's controls, so nothing moves when it takes over: the mode switch is inert here
    // (and hidden without JavaScript, by a `<noscript>` style in `index.html`); clearing a
    // tag page's filter is a link home, which works without it.
    let clear = if facet.is_some() {
        format!("<a class=\"clear-filters\" href=\"{base}\">{CLEAR_FILTERS}</a>")
    } else {
        String::new()
    };
    let controls = format!(
        "<div class=\"facets__controls\"><div class=\"mode-switch\" role=\"group\" aria-label=\"{MODE_SWITCH}\">\
         <button type=\"button\" class=\"mode\" data-mode=\"and\" aria-pressed=\"true\" disabled>{MATCH_ALL}</button>\
         <button type=\"button\" class=\"mode\" data-mode=\"or\" aria-pressed=\"false\" disabled>{MATCH_ANY}</button></div>{clear}</div>"
    );
    let main = format!(
        "<div class=\"home\"><h1 class=\"visually-hidden\">{}</h1><nav class=\"facets\" aria-label=\"{FILTERS}\">{}{}{controls}</nav>\
         <form class=\"search\" role=\"search\" action=\"{base}\"><label for=\"{SEARCH_INPUT}\" class=\"search__label\">검색</label>\
         <input id=\"{SEARCH_INPUT}\" class=\"search__input\" type=\"search\" name=\"q\" autocomplete=\"off\"></form>\
         <p class=\"search__needs-js\">{SEARCH_NEEDS_SCRIPT}</p>\
         <p class=\"result-count\">글 {}개</p><section class=\"post-list\" aria-label=\"글 목록\">{cards}</section></div>",
        esc(&title),
        group(FacetKind::Category, "분류", CATEGORY_FILTERS),
        group(FacetKind::Tag, "태그", TAG_FILTERS),
        posts.len(),
    );
    Page {
        file,
        head: head(config, &title, &description, &path, "website", ""),
        body: frame(config, &path, &main, &shown),
    }
}

/// What GitHub Pages serves for any path without a file.
pub fn not_found_page(config: &SiteConfig) -> Page {
    let main = format!(
        "<section class=\"not-found\"><h1>페이지를 찾을 수 없습니다</h1><p>주소가 바뀌었거나 글이 옮겨졌을 수 있어요.</p>\
         <a href=\"{}\" class=\"home-link\">글 목록으로 가기</a></section>",
        esc(config.base_path())
    );
    let title = "페이지를 찾을 수 없습니다";
    Page {
        file: "404.html".to_owned(),
        head: format!(
            "<title>{title} · {}</title>\n<meta name=\"robots\" content=\"noindex\">\n",
            esc(&config.title)
        ),
        body: frame(config, "", &main, &[]),
    }
}

/// Puts a page into the app's `index.html`: its head replaces `<title>…</title>`, its body
/// follows the mount point `<div id="geul"></div>`, and `<html lang>` follows the site.
/// With `policy`, the page's Content-Security-Policy comes first in its head, before any
/// script ([`crate::publish::csp`]); a development server that injects scripts of its own (Trunk's
/// live reload) needs it left out. Works on Trunk's minified output too. `None` if the
/// template lacks either anchor, or has a script before its `<title>`.
pub fn assemble(
    template: &str,
    page_head: &str,
    page_body: &str,
    language: &str,
    policy: bool,
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
    out.push_str(&template[mount..]);
    if policy {
        out.insert_str(title_start, &crate::publish::csp::meta(&out));
    }
    let lang = format!("<html lang=\"{}\"", esc(language));
    Some(
        out.replacen("<html lang=\"ko\"", &lang, 1)
            .replacen("<html lang=ko", &lang, 1),
    )
}
