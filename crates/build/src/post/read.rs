//! Reading a post file: its front matter, dates and slug, before anything is rendered.
//! From these the site decides which posts are published, and where each one lives.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use crate::error::ContentError;
use crate::parse::date::{parse_date, parse_ymd, SiteZone};
use crate::parse::front_matter::{self, FrontMatter};
use crate::parse::slug::{slugify, split_dated_stem};
use geul_core::PostDate;

/// A post file read as far as the site needs before rendering any post: its front matter,
/// dates and slug. From these the site decides which posts are published, and where each
/// one lives.
#[derive(Debug, Clone)]
pub struct PostSource {
    /// The file, as named in messages.
    pub file: PathBuf,
    /// The front matter's YAML (empty without front matter).
    pub(super) yaml: String,
    /// The text after the front matter, and the file's line it starts on.
    pub(super) body: String,
    pub(super) body_line: usize,
    pub front_matter: FrontMatter,
    /// The file name without its extension, composed (NFC): `2023-11-20-name`.
    pub stem: String,
    pub date: Option<PostDate>,
    /// `last_modified_at`.
    pub updated: Option<PostDate>,
    pub slug: String,
}

impl PostSource {
    /// The file's line of a top-level front matter key (1 when it has none).
    pub fn key_line(&self, key: &str) -> usize {
        front_matter::key_line(&self.yaml, key).map_or(1, |line| line + 1)
    }

    /// Whether the post is left out of the site: `published: false`, or dated after `now`
    /// (seconds since 1970).
    pub fn left_out(&self, options: &ReadOptions) -> Option<LeftOut> {
        if !self.front_matter.published && !options.drafts {
            return Some(LeftOut::Unpublished);
        }
        let future = self
            .date
            .as_ref()
            .is_some_and(|date| date.timestamp > options.now);
        (future && !options.future).then_some(LeftOut::Future)
    }
}

/// Which posts a build includes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Posts with `published: false` are included too.
    pub drafts: bool,
    /// Posts dated after `now` are included too.
    pub future: bool,
    /// The build's time, in seconds since 1970.
    pub now: i64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| {
                i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)
            });
        ReadOptions {
            drafts: false,
            future: false,
            now,
        }
    }
}

/// Why a post is not published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    Unpublished,
    Future,
}

/// Reads a post's front matter, dates (in `zone` unless they name an offset) and slug.
pub fn read_post(file: &Path, source: &str, zone: &SiteZone) -> Result<PostSource, ContentError> {
    let error = |line: usize, message: String| ContentError::new(file, line, message);
    let source = normalize_source(source);
    let split = front_matter::split(&source).map_err(|_unclosed| {
        error(
            1,
            "front matter opens with `---` but is never closed: add a line `---` after the last key".into(),
        )
    })?;
    let yaml = split.yaml.unwrap_or_default();
    // Line n of the YAML is line n + 1 of the file (after the opening `---`).
    let yaml_line = |line: usize| line + 1;
    let key_line = |key: &str| front_matter::key_line(yaml, key).map_or(1, yaml_line);
    let fm: FrontMatter = front_matter::parse(yaml).map_err(|(line, message)| {
        error(
            line.map_or(1, yaml_line),
            format!("invalid front matter: {message}"),
        )
    })?;

    // A name typed on macOS may come decomposed (NFD); its slug must be the one a reader types.
    let stem: String = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .nfc()
        .collect();
    let (file_date, stem_slug) = split_dated_stem(&stem);

    let date: Option<PostDate> = match (&fm.date, file_date) {
        (Some(text), _) => {
            Some(parse_date(text, zone).map_err(|message| error(key_line("date"), message))?)
        }
        (None, Some(prefix)) => {
            let (year, month, day) = parse_ymd(prefix).expect("split_dated_stem checked the date");
            Some(
                parse_date(&format!("{year:04}-{month:02}-{day:02}"), zone)
                    .map_err(|message| error(1, message))?,
            )
        }
        (None, None) => None,
    };
    let updated = match &fm.last_modified_at {
        Some(text) => Some(
            parse_date(text, zone)
                .map_err(|message| error(key_line("last_modified_at"), message))?,
        ),
        None => None,
    };

    let slug = match &fm.slug {
        Some(written) => match slugify(written) {
            slug if slug.is_empty() => {
                return Err(error(
                    key_line("slug"),
                    format!("slug \"{written}\" has no letters or digits"),
                ))
            }
            slug => slug,
        },
        None => slugify(stem_slug),
    };
    if slug.is_empty() {
        return Err(error(
            1,
            "cannot make a URL slug from this file name; add a `slug:` key".into(),
        ));
    }
    Ok(PostSource {
        file: file.to_path_buf(),
        yaml: yaml.to_owned(),
        body: split.body.to_owned(),
        body_line: split.body_line,
        front_matter: fm,
        stem,
        date,
        updated,
        slug,
    })
}

/// The text as geul reads it: composed Hangul (NFC), and every line ending a plain `\n`
/// (a file saved with `\r\n`, or with `\r` alone by old Mac editors, reads the same).
pub fn normalize_source(source: &str) -> String {
    let composed: String = source.nfc().collect();
    if composed.contains('\r') {
        composed.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        composed
    }
}
