//! Pages that send a reader from an old address to a post: every path in its
//! `redirect_from`, and the address Chirpy gave it (`/posts/:title/`, the file name's case
//! kept) when geul's own differs. Each is a small static page with a meta refresh, the
//! canonical link and a visible link; none is in the sitemap or anywhere else.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::config::SiteConfig;
use crate::error::ContentError;
use crate::post::Post;
use crate::render::markdown::escape_html;

/// One redirect page: the file it is written to (site-relative) and its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub file: String,
    pub html: String,
}

/// Paths that belong to the site itself, never to a redirect.
const TAKEN: [&str; 6] = [
    "index.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "content/",
];

/// Every post's redirect pages. An old path that is not a plain path of the site, or that
/// two posts (or a page of the site) claim, is an error naming the post's file.
pub fn redirects(posts: &[Post], config: &SiteConfig) -> Result<Vec<Redirect>, Vec<ContentError>> {
    let mut claimed: HashMap<String, PathBuf> = HashMap::new();
    let own_pages: Vec<String> = posts
        .iter()
        .map(|post| format!("posts/{}/index.html", post.meta.slug))
        .collect();
    let mut errors = Vec::new();
    let mut pages = Vec::new();
    for post in posts {
        let chirpy = post
            .chirpy_title
            .as_deref()
            .filter(|title| *title != post.meta.slug)
            .map(|title| (format!("/posts/{title}/"), None));
        let written = post
            .redirect_from
            .iter()
            .map(|path| (path.clone(), Some(post.redirect_line)));
        for (path, line) in written.chain(chirpy) {
            let error = |message: String| {
                ContentError::new(
                    &post.file,
                    line.unwrap_or(1),
                    format!("redirect_from {path}: {message}"),
                )
            };
            let Some(file) = redirect_file(&path) else {
                errors.push(error(
                    "not a path of the site (write it as `/old/path/` or `/old/page.html`)".into(),
                ));
                continue;
            };
            let taken = TAKEN
                .iter()
                .any(|taken| file == *taken || file.starts_with(taken))
                || own_pages.contains(&file);
            if taken {
                // The Chirpy address of a post whose geul address is the same but for case
                // would only shadow a page; a path written by hand is the author's mistake.
                if line.is_some() {
                    errors.push(error("that is a page of the site itself".into()));
                }
                continue;
            }
            if let Some(first) = claimed.get(&file) {
                if line.is_some() {
                    errors.push(error(format!("{} already leads there", first.display())));
                }
                continue;
            }
            claimed.insert(file.clone(), post.file.clone());
            pages.push(Redirect {
                html: redirect_page(post, config),
                file,
            });
        }
    }
    if errors.is_empty() {
        Ok(pages)
    } else {
        Err(errors)
    }
}

/// The file for an old path: `/old/` → `old/index.html`, `/2021/01/a.html` kept as it is.
/// `None` for anything that is not a plain path inside the site.
fn redirect_file(path: &str) -> Option<String> {
    let path = path.trim();
    let inner = path.trim_start_matches('/');
    let plain = !inner.is_empty()
        && !path.contains(['?', '#', '\\'])
        && !path.contains("://")
        && inner
            .split('/')
            .all(|part| !part.starts_with('.') && !part.chars().any(char::is_control));
    if !plain {
        return None;
    }
    if inner.ends_with(".html") {
        Some(inner.to_owned())
    } else {
        Some(format!("{}/index.html", inner.trim_end_matches('/')))
    }
}

/// A page that sends the reader on at once, and says where in case it does not.
fn redirect_page(post: &Post, config: &SiteConfig) -> String {
    let path = format!("posts/{}/", post.meta.slug);
    let local = format!("{}{path}", config.base_path());
    let canonical = config.url(&crate::publish::pages::percent_encode_path(&path));
    let title = escape_html(&post.meta.title);
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">\n\
         <title>{title}</title>\n<link rel=\"canonical\" href=\"{canonical}\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={local}\">\n</head>\n<body>\n\
         <p><a href=\"{local}\">{title}</a></p>\n</body>\n</html>\n",
        lang = escape_html(&config.language),
        canonical = escape_html(&canonical),
        local = escape_html(&local),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_paths_become_files_of_the_site() {
        assert_eq!(redirect_file("/old/").as_deref(), Some("old/index.html"));
        assert_eq!(redirect_file("old").as_deref(), Some("old/index.html"));
        assert_eq!(
            redirect_file("/2021/02/01/a.html").as_deref(),
            Some("2021/02/01/a.html")
        );
        for bad in [
            "/",
            "/../etc/",
            "/.git/x/",
            "https://a.com/x/",
            "/a?b=1",
            "",
        ] {
            assert_eq!(redirect_file(bad), None, "{bad}");
        }
    }
}
