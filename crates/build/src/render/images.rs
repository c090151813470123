//! Where a post's images come from, and which files may be published as media.
//!
//! Jekyll posts point at images in many ways: `/assets/a.png`, `../assets/a.png`,
//! `assets/a.png`. geul looks for every local path under the site root (the repository,
//! the folder that holds `posts/`) and serves found images from the same site-relative path.
//!
//! Only media are published: a file inside the repository (after following links), outside
//! hidden folders, not hidden itself, whose name says it is an image, audio, video or PDF.
//! Anything else a post names (`/.env`, `../site.toml`, `.git/config`, a link to
//! `/etc/passwd`) is never copied into the site; the post shows the missing-image
//! placeholder and the build says why.

use std::path::{Component, Path, PathBuf};

/// What an image reference turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum ImageSource {
    /// Use this `src` (site-relative for local files, unchanged for remote ones).
    Found(String),
    /// A local path that does not exist.
    Missing,
    /// A local file that exists but is not published, and why.
    Refused(Refusal),
}

/// Why a file a post names is not published.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The path, or the file a link leads to, is outside the repository.
    OutsideRepository,
    /// A hidden file, or a file in a hidden folder (`.git/`, `.env`).
    Hidden,
    /// Not an image, audio, video or PDF file.
    NotMedia,
}

impl Refusal {
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::OutsideRepository => "it leads outside the repository",
            Refusal::Hidden => "it is a hidden file or in a hidden folder",
            Refusal::NotMedia => "only images, audio, video and PDF files are published",
        }
    }
}

impl ImageSource {
    /// The build's warning for a reference that is not shown, if it is not.
    pub fn warning(&self, what: &str, dest: &str) -> Option<String> {
        match self {
            ImageSource::Found(_) => None,
            ImageSource::Missing => Some(format!("{what} not found: {dest}")),
            ImageSource::Refused(refusal) => Some(format!(
                "{what} not published: {dest}: {}",
                refusal.reason()
            )),
        }
    }
}

/// Decides what an image reference in a post points to.
pub trait ImageResolver {
    fn resolve(&self, dest: &str) -> ImageSource;

    /// The width and height, in pixels, of the image a [`ImageSource::Found`] names, if
    /// known.
    fn size(&self, _src: &str) -> Option<(u32, u32)> {
        None
    }
}

/// File name endings of the media a site may publish.
const MEDIA_EXTENSIONS: &[&str] = &[
    // images
    "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "bmp", "ico", "apng", //
    // audio
    "mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac", //
    // video
    "mp4", "m4v", "webm", "ogv", "mov", //
    "pdf",
];

/// True for a path whose name ends in a media extension (any case).
pub fn is_media_name(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            MEDIA_EXTENSIONS
                .iter()
                .any(|media| ext.eq_ignore_ascii_case(media))
        })
}

/// True if any part of a relative path is hidden (`.git`, `.env`).
fn has_hidden_part(path: &Path) -> bool {
    path.components().any(|part| match part {
        Component::Normal(name) => name.to_str().is_none_or(|name| name.starts_with('.')),
        _ => false,
    })
}

/// Resolves image paths against files under a site root.
#[derive(Debug, Clone)]
pub struct SiteImages {
    root: PathBuf,
    /// The root with every link followed, to tell whether a file is inside it.
    real_root: Option<PathBuf>,
}

impl SiteImages {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let real_root = root.canonicalize().ok();
        SiteImages { root, real_root }
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

    /// Whether the file at `site_path` may be published, following links.
    pub fn check(&self, site_path: &str) -> ImageSource {
        let written = Path::new(site_path);
        if has_hidden_part(written) {
            return ImageSource::Refused(Refusal::Hidden);
        }
        if !is_media_name(written) {
            return ImageSource::Refused(Refusal::NotMedia);
        }
        let file = self.file(site_path);
        let Ok(real) = file.canonicalize() else {
            return ImageSource::Missing;
        };
        let inside = self
            .real_root
            .as_ref()
            .and_then(|root| real.strip_prefix(root).ok());
        match inside {
            None => ImageSource::Refused(Refusal::OutsideRepository),
            Some(real) if has_hidden_part(real) => ImageSource::Refused(Refusal::Hidden),
            Some(real) if !is_media_name(real) => ImageSource::Refused(Refusal::NotMedia),
            Some(_) if !real.is_file() => ImageSource::Missing,
            Some(_) => ImageSource::Found(site_path.to_owned()),
        }
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
            Some(site_path) => self.check(&site_path),
            None => ImageSource::Missing,
        }
    }
}

/// Local media named with the site's base path in front (`/geul/assets/a.png`, as
/// `{{ site.baseurl }}` writes it) are the files without it.
pub struct WithinBasePath<'a> {
    pub inner: &'a dyn ImageResolver,
    pub base_path: &'a str,
}

impl ImageResolver for WithinBasePath<'_> {
    fn resolve(&self, dest: &str) -> ImageSource {
        match dest.strip_prefix(self.base_path) {
            Some(rest) if self.base_path != "/" => self.inner.resolve(&format!("/{rest}")),
            _ => self.inner.resolve(dest),
        }
    }

    fn size(&self, src: &str) -> Option<(u32, u32)> {
        self.inner.size(src)
    }
}

/// Media a post names, as Jekyll and Chirpy find them: a path from `/` is the
/// repository's; a relative one is under the post's `media_subpath` if it has one, else in
/// the post's folder. A relative path not found there is looked for from the repository
/// too, as geul always has, so older posts keep their images.
pub struct PostMedia<'a> {
    pub inner: &'a dyn ImageResolver,
    /// The post file's folder, site-relative: `posts/2024`.
    pub folder: String,
    pub subpath: Option<String>,
}

impl ImageResolver for PostMedia<'_> {
    fn resolve(&self, dest: &str) -> ImageSource {
        if is_remote(dest) || dest.starts_with('/') {
            return self.inner.resolve(dest);
        }
        if let Some(subpath) = &self.subpath {
            return self.inner.resolve(&join_path(subpath, dest));
        }
        match self.inner.resolve(&join_path(&self.folder, dest)) {
            ImageSource::Missing => self.inner.resolve(dest),
            found_or_refused => found_or_refused,
        }
    }

    fn size(&self, src: &str) -> Option<(u32, u32)> {
        self.inner.size(src)
    }
}

/// `dir` + `relative`, with `.` and `..` taken away (never above the root), from `/`.
fn join_path(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in dir.split('/').chain(relative.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    format!("/{}", parts.join("/"))
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
    fn relative_paths_are_the_post_folder_s_or_under_its_media_subpath() {
        struct Only(&'static str);
        impl ImageResolver for Only {
            fn resolve(&self, dest: &str) -> ImageSource {
                if dest == self.0 {
                    ImageSource::Found(dest.trim_start_matches('/').to_owned())
                } else {
                    ImageSource::Missing
                }
            }
        }
        let media = |only, subpath: Option<&str>| PostMedia {
            inner: Box::leak(Box::new(Only(only))),
            folder: "posts/2024".into(),
            subpath: subpath.map(str::to_owned),
        };
        let found = |path: &str| ImageSource::Found(path.into());
        assert_eq!(
            media("/posts/2024/a.png", None).resolve("a.png"),
            found("posts/2024/a.png")
        );
        assert_eq!(
            media("/posts/img/a.png", None).resolve("../img/a.png"),
            found("posts/img/a.png")
        );
        assert_eq!(
            media("/assets/p1/a.png", Some("/assets/p1")).resolve("a.png"),
            found("assets/p1/a.png")
        );
        assert_eq!(
            media("/assets/a.png", Some("/assets/p1")).resolve("/assets/a.png"),
            found("assets/a.png")
        );
        // Not in the post's folder: from the repository, as before.
        assert_eq!(
            media("assets/a.png", None).resolve("assets/a.png"),
            found("assets/a.png")
        );
        assert_eq!(join_path("posts", "../../../etc/x"), "/etc/x");
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

    #[test]
    fn only_media_names_outside_hidden_folders_are_candidates() {
        let images = SiteImages::new("/nonexistent");
        for (dest, refusal) in [
            ("/.env", Refusal::Hidden),
            ("/.git/config", Refusal::Hidden),
            ("/assets/.hidden/a.png", Refusal::Hidden),
            ("../site.toml", Refusal::NotMedia),
            ("/Cargo.lock", Refusal::NotMedia),
            ("/posts/a.md", Refusal::NotMedia),
        ] {
            assert_eq!(
                images.resolve(dest),
                ImageSource::Refused(refusal),
                "{dest}"
            );
        }
        assert!(is_media_name(Path::new("a/B.JPG")));
        assert!(is_media_name(Path::new("talk.pdf")));
        assert!(!is_media_name(Path::new("png")));
    }
}
