//! Where a post's images come from, and which of them exist.
//!
//! Jekyll posts point at images in many ways: `/assets/a.png`, `../assets/a.png`,
//! `assets/a.png`. geul looks for every local path under the site root (the folder that
//! holds `posts/`) and serves found images from the same site-relative path.

use std::path::{Path, PathBuf};

/// What an image reference turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// Use this `src` (site-relative for local files, unchanged for remote ones).
    Found(String),
    /// A local path that does not exist.
    Missing,
}

/// Decides what an image reference in a post points to.
pub trait ImageResolver {
    fn resolve(&self, dest: &str) -> ImageSource;
}

/// Resolves image paths against files under a site root.
#[derive(Debug, Clone)]
pub struct SiteImages {
    root: PathBuf,
}

impl SiteImages {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        SiteImages { root: root.into() }
    }

    /// The site-relative path a local reference stands for, if it stays inside the site.
    pub fn site_path(dest: &str) -> Option<String> {
        let path = dest.split(['?', '#']).next().unwrap_or_default();
        let mut parts: Vec<&str> = Vec::new();
        for part in path.split('/') {
            match part {
                "" | "." | ".." => {} // leading `/`, `./` and `../` all mean "from the site root"
                part => parts.push(part),
            }
        }
        (!parts.is_empty()).then(|| parts.join("/"))
    }

    /// The file on disk behind a site-relative path.
    pub fn file(&self, site_path: &str) -> PathBuf {
        self.root.join(Path::new(site_path))
    }
}

/// True for references geul does not check: other hosts and inline data.
pub fn is_remote(dest: &str) -> bool {
    let lower = dest.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("//")
        || lower.starts_with("data:image/")
}

impl ImageResolver for SiteImages {
    fn resolve(&self, dest: &str) -> ImageSource {
        if is_remote(dest) {
            return ImageSource::Found(dest.to_owned());
        }
        match SiteImages::site_path(dest) {
            Some(site_path) if self.file(&site_path).is_file() => ImageSource::Found(site_path),
            _ => ImageSource::Missing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_and_absolute_forms_meet_at_the_site_root() {
        for dest in [
            "../assets/images/a.png",
            "/assets/images/a.png",
            "./assets/images/a.png?v=2",
        ] {
            assert_eq!(
                SiteImages::site_path(dest).as_deref(),
                Some("assets/images/a.png")
            );
        }
    }

    #[test]
    fn traversal_cannot_leave_the_site() {
        assert_eq!(
            SiteImages::site_path("../../../etc/passwd").as_deref(),
            Some("etc/passwd")
        );
    }

    #[test]
    fn remote_images_are_kept() {
        let images = SiteImages::new("/nonexistent");
        assert_eq!(
            images.resolve("https://example.com/a.png"),
            ImageSource::Found("https://example.com/a.png".into())
        );
        assert_eq!(images.resolve("../assets/a.png"), ImageSource::Missing);
    }
}
