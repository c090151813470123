//! The local media the posts use, published under names made from their content
//! (`media/diagram-<hash>.png`): a changed image gets a new address, so a reader's cache
//! never shows the old one, and an image many posts use is published once. Images whose
//! size can be read get `width` and `height`, so the text does not jump as they load.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::Path;

use super::files::content_hash_bytes;
use crate::render::images::{is_remote, ImageResolver, ImageSource, SiteImages};

/// The folder media are published in.
pub const MEDIA_DIR: &str = "media";

/// A file published as media: where it is in the repository, and its address in the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediaFile {
    /// Site-relative path of the file in the repository: `assets/img/a.png`.
    pub source: String,
    /// Site-relative path it is published at: `media/a-<hash>.png`.
    pub published: String,
}

/// Resolves like [`SiteImages`], and publishes every local file it finds.
pub(super) struct PublishedMedia {
    inner: SiteImages,
    /// By repository path: where each file is published, or why it is not.
    files: RefCell<BTreeMap<String, Result<MediaFile, ()>>>,
    /// By published path: the image's size in pixels, where it could be read.
    sizes: RefCell<HashMap<String, (u32, u32)>>,
}

impl PublishedMedia {
    pub fn new(inner: SiteImages) -> Self {
        PublishedMedia {
            inner,
            files: RefCell::default(),
            sizes: RefCell::default(),
        }
    }

    /// Every file to publish, each once.
    pub fn into_files(self) -> Vec<MediaFile> {
        let mut files: Vec<MediaFile> = self.files.into_inner().into_values().flatten().collect();
        files.sort_by(|a, b| a.published.cmp(&b.published));
        files.dedup_by(|a, b| a.published == b.published);
        files
    }

    fn publish(&self, source: &str) -> Result<MediaFile, ()> {
        let bytes = fs::read(self.inner.file(source)).map_err(drop)?;
        let published = media_path(source, &bytes);
        if let Ok(size) = imagesize::blob_size(&bytes) {
            let dimension = |pixels: usize| u32::try_from(pixels).ok().filter(|&n| n > 0);
            if let (Some(width), Some(height)) = (dimension(size.width), dimension(size.height)) {
                self.sizes
                    .borrow_mut()
                    .insert(published.clone(), (width, height));
            }
        }
        Ok(MediaFile {
            source: source.to_owned(),
            published,
        })
    }
}

impl ImageResolver for PublishedMedia {
    fn resolve(&self, dest: &str) -> ImageSource {
        let source = self.inner.resolve(dest);
        let ImageSource::Found(path) = &source else {
            return source;
        };
        if is_remote(path) {
            return source;
        }
        let published = self
            .files
            .borrow_mut()
            .entry(path.clone())
            .or_insert_with(|| self.publish(path))
            .clone();
        match published {
            Ok(file) => ImageSource::Found(file.published),
            // Found a moment ago, unreadable now: as good as missing.
            Err(()) => ImageSource::Missing,
        }
    }

    fn size(&self, src: &str) -> Option<(u32, u32)> {
        self.sizes.borrow().get(src).copied()
    }
}

/// Where the file at `source` (site-relative), holding `content`, is published:
/// `assets/img/구성 도.png` → `media/구성-도-<hash>.png`. The name is the one a reader sees
/// when saving it, without spaces or characters a URL must escape, letters of any script kept.
pub fn media_path(source: &str, content: &[u8]) -> String {
    let hash = content_hash_bytes(content);
    let path = Path::new(source);
    let stem: String = path
        .file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match stem.trim_matches('-') {
        "" => format!("{MEDIA_DIR}/{hash}.{extension}"),
        stem => format!("{MEDIA_DIR}/{stem}-{hash}.{extension}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // A 3×2 PNG: signature, then the IHDR chunk with width and height.
    const PNG: &[u8] = &[
        0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R', 0, 0,
        0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0, 0, 0, 0, 0,
    ];

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join("assets/img")).unwrap();
        fs::write(dir.path().join("assets/img/구성 도.png"), PNG).unwrap();
        fs::write(dir.path().join("assets/img/copy.PNG"), PNG).unwrap();
        fs::write(dir.path().join("assets/talk.pdf"), b"%PDF-1.4").unwrap();
        dir
    }

    #[test]
    fn media_are_published_under_their_content_s_name_with_their_size() {
        let dir = site();
        let media = PublishedMedia::new(SiteImages::new(dir.path()));
        let hash = content_hash_bytes(PNG);
        let ImageSource::Found(src) = media.resolve("/assets/img/구성 도.png") else {
            panic!("found");
        };
        assert_eq!(src, format!("media/구성-도-{hash}.png"));
        assert_eq!(media.size(&src), Some((3, 2)));
        // Another path to the same file, and the same file twice, publish it once.
        assert_eq!(
            media.resolve("../assets/img/구성 도.png"),
            ImageSource::Found(src.clone())
        );
        let ImageSource::Found(pdf) = media.resolve("assets/talk.pdf") else {
            panic!("found");
        };
        assert_eq!(media.size(&pdf), None);
        assert!(
            matches!(media.resolve("assets/img/copy.PNG"), ImageSource::Found(copy) if copy == format!("media/copy-{hash}.png"))
        );
        let files = media.into_files();
        assert_eq!(files.len(), 3, "{files:?}");
        assert!(files
            .iter()
            .any(|file| file.source == "assets/img/구성 도.png" && file.published == src));
    }

    #[test]
    fn missing_refused_and_remote_media_are_as_before() {
        let dir = site();
        let media = PublishedMedia::new(SiteImages::new(dir.path()));
        assert_eq!(media.resolve("/assets/none.png"), ImageSource::Missing);
        assert!(matches!(media.resolve("/.env"), ImageSource::Refused(_)));
        let remote = "https://example.com/a.png";
        assert_eq!(media.resolve(remote), ImageSource::Found(remote.into()));
        assert!(media.into_files().is_empty());
    }
}
