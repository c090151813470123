//! One post file → its metadata and rendered body.
//!
//! Format: `format: text|markdown` in the front matter decides; otherwise a `.txt` file is
//! plain text; otherwise [`looks_like_plain_text`] decides (one paragraph per line, no blank
//! lines). Title: the front matter `title`; otherwise the first heading, or the first line
//! when it is short enough to be a title. A first line that repeats the title is not shown
//! again in the body.

use std::path::{Path, PathBuf};

use crate::error::{ContentError, ContentWarning};
use crate::parse::date::SiteZone;
use crate::parse::front_matter;
use crate::parse::plain_text::{looks_like_plain_text, render_plain_text};
use crate::parse::slug::split_dated_stem;
use crate::parse::text_stats::{excerpt, reading_minutes};
use crate::parse::title::{blank_line, resolve_title};
use crate::publish::content_style::body_file_head;
use crate::render::anchors::add_heading_anchors;
use crate::render::images::{ImageResolver, ImageSource, PostMedia, WithinBasePath};
use crate::render::lead::{lead_html, table_of_contents, Cover, Lead};
use crate::render::liquid::{render_liquid, LiquidSite};
use crate::render::markdown::{point_in_page_links, render_markdown, Rendered};
use crate::render::slots::Slots;
use geul_core::ui_text::{UiText, KOREAN};
use geul_core::{PostDate, PostMeta};

mod read;

pub use read::{read_post, LeftOut, PostSource, ReadOptions};

/// Tags, and categories, a post may have. Every tag has a page listing every filter
/// button, so a post with a hundred thousand tags would write ten billion of them.
pub const MAX_FACETS_PER_POST: usize = 64;

/// How a post's body is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    /// One paragraph per line.
    Text,
}

/// A parsed post: list metadata, rendered body and readable text.
#[derive(Debug, Clone, PartialEq)]
pub struct Post {
    /// Metadata; `body_path` is filled in by the site once the body's hash is known.
    pub meta: PostMeta,
    /// Sanitized body HTML.
    pub html: String,
    /// Readable text of the body (title line excluded).
    pub text: String,
    /// The format the body was read in.
    pub format: Format,
    /// The preview image (front matter `image`) if it exists: a site path or a remote URL.
    pub image: Option<String>,
    /// When the post was last changed (`last_modified_at`).
    pub updated: Option<PostDate>,
    /// Old paths that lead to the post (`redirect_from`), and the line of that key.
    pub redirect_from: Vec<String>,
    pub redirect_line: usize,
    /// The `:title` of Chirpy's `/posts/:title/`: the file name's, case kept, or `slug`.
    pub chirpy_title: Option<String>,
    /// The file, as named in messages.
    pub file: PathBuf,
    /// Lines of the `tags` and `categories` keys (1 without front matter), for messages.
    pub tags_line: usize,
    pub categories_line: usize,
    /// Whether the post takes comments (`comments: false` turns them off).
    pub takes_comments: bool,
    /// What follows the text in the body file: the comments, when the site has them.
    pub after_text: String,
}

/// What rendering a post may look up.
pub struct RenderContext<'a> {
    /// Where the post's images are found.
    pub images: &'a dyn ImageResolver,
    /// What the post's Liquid may name; without it, Liquid is left as text.
    pub liquid: Option<&'a LiquidSite<'a>>,
    /// Whether posts get a table of contents (site.toml's `toc`); a post's `toc: false`
    /// still turns its own off.
    pub contents: bool,
    /// The words the build writes into the body, in the site's language.
    pub text: &'a UiText,
}

impl Post {
    /// Whether the body has a diagram for the browser to draw.
    pub fn has_diagram(&self) -> bool {
        self.html.contains(crate::render::diagrams::DIAGRAM_MARK)
    }

    /// The body's file as published: the stylesheet and script bodies use, then the body.
    pub fn body_file(&self) -> String {
        let body = format!("{}{}", self.html, self.after_text);
        format!("{}{body}", body_file_head(&body))
    }
}

/// From how many minutes of reading a post shows a progress bar.
pub const LONG_POST_MINUTES: u32 = 5;

/// Parses one post. `file` names the post in messages; its extension and stem matter.
pub fn parse_post(
    file: &Path,
    source: &str,
    images: &dyn ImageResolver,
) -> Result<(Post, Vec<ContentWarning>), ContentError> {
    let context = RenderContext {
        images,
        liquid: None,
        contents: true,
        text: &KOREAN,
    };
    render_post(&read_post(file, source, &SiteZone::default())?, &context)
}

/// Renders a post that [`read_post`] read.
pub fn render_post(
    source: &PostSource,
    context: &RenderContext,
) -> Result<(Post, Vec<ContentWarning>), ContentError> {
    let file = source.file.as_path();
    let images = context.images;
    let error = |line: usize, message: String| ContentError::new(file, line, message);
    let fm = &source.front_matter;
    let key_line = |key: &str| source.key_line(key);
    let format = match fm.format.as_deref().map(str::trim) {
        Some("markdown" | "md") => Format::Markdown,
        Some("text" | "plain") => Format::Text,
        Some(other) => {
            return Err(error(
                key_line("format"),
                format!("unknown format \"{other}\": use `markdown` or `text`"),
            ))
        }
        None if file.extension().is_some_and(|ext| ext == "txt") => Format::Text,
        None if looks_like_plain_text(&source.body) => Format::Text,
        None => Format::Markdown,
    };

    let body_line = |line: usize| source.body_line + line - 1;
    let mut slots = Slots::for_source(&source.body);
    // `{{ site.baseurl }}/assets/a.png` names the file `assets/a.png`.
    let images = &WithinBasePath {
        inner: images,
        base_path: context.liquid.map_or("/", |site| site.base_path),
    };
    // A relative path is the post's folder's, or under its `media_subpath`.
    let post_folder = file
        .parent()
        .map(|folder| folder.to_string_lossy().into_owned());
    let images = &PostMedia {
        inner: images,
        folder: post_folder.unwrap_or_default(),
        subpath: fm.media_subpath.clone(),
    };
    let (liquid_body, liquid_warnings) = match context.liquid {
        Some(site) if fm.render_with_liquid => {
            render_liquid(&source.body, site, images, &mut slots)
                .map_err(|(line, message)| error(body_line(line), message))?
        }
        _ => (source.body.clone(), Vec::new()),
    };

    let (_, stem_slug) = split_dated_stem(&source.stem);
    let (title, title_line) = resolve_title(fm.title.as_deref(), &liquid_body, format, stem_slug);
    let body = blank_line(&liquid_body, title_line);

    let mut rendered: Rendered = match format {
        Format::Markdown => render_markdown(&body, images, &mut slots, fm.math, context.text),
        Format::Text => render_plain_text(&body),
    };
    rendered.html = slots.fill(&rendered.html);
    rendered.text = slots.strip_tokens(&rendered.text);
    rendered.prose = slots.strip_tokens(&rendered.prose);
    let mut warnings: Vec<ContentWarning> = liquid_warnings
        .iter()
        .chain(&rendered.warnings)
        .map(|(line, message)| ContentWarning::new(file, body_line(*line), message))
        .collect();

    let image = match preview_image(fm.image.as_ref()) {
        Some(dest) => match images.resolve(&dest) {
            ImageSource::Found(src) => Some(src),
            refused_or_missing => {
                let warning = refused_or_missing
                    .warning("preview image", &dest)
                    .expect("not found");
                warnings.push(ContentWarning::new(
                    file,
                    key_line("image"),
                    format!("{warning} (left out of link previews)"),
                ));
                None
            }
        },
        None => None,
    };

    let mut seen: std::collections::HashSet<String> = fm.categories.iter().cloned().collect();
    let mut categories = fm.categories.clone();
    categories.extend(
        fm.category
            .iter()
            .filter(|c| seen.insert((*c).clone()))
            .cloned(),
    );
    let mut tags = fm.tags.clone();
    for (names, key) in [(&mut categories, "categories"), (&mut tags, "tags")] {
        if names.len() > MAX_FACETS_PER_POST {
            warnings.push(ContentWarning::new(
                file,
                key_line(key),
                format!(
                    "{} {key}: only the first {MAX_FACETS_PER_POST} are kept",
                    names.len()
                ),
            ));
            names.truncate(MAX_FACETS_PER_POST);
        }
    }
    let excerpt = match fm.description.as_deref().map(str::trim) {
        Some(description) if !description.is_empty() => excerpt(description),
        _ => excerpt(&rendered.prose),
    };

    let meta = PostMeta {
        slug: source.slug.clone(),
        title,
        date: source.date,
        tags,
        categories,
        pinned: fm.pin,
        excerpt,
        reading_minutes: reading_minutes(&rendered.text),
        body_path: String::new(),
        body_bytes: 0,
        facet_ids: Vec::new(),
    };
    let cover = image
        .as_ref()
        .map(|src| Cover::from_front_matter(src, fm.image.as_ref(), images));
    let lead = lead_html(
        &Lead {
            description: fm.description.as_deref(),
            updated: source.updated,
            authors: &fm.authors,
            cover,
        },
        context.text,
    );
    let contents = if fm.toc && context.contents {
        table_of_contents(&rendered.html, context.text).unwrap_or_default()
    } else {
        String::new()
    };
    // A long post shows how far the reader is (style/content.css).
    let progress = if meta.reading_minutes >= LONG_POST_MINUTES {
        "<div class=\"reading-progress\" aria-hidden=\"true\"></div>"
    } else {
        ""
    };
    // In-page links (`#section`, footnotes, the contents, headings' anchors) must name the
    // post.
    let html = point_in_page_links(
        &format!(
            "{progress}{lead}{contents}{}",
            add_heading_anchors(&rendered.html, context.text)
        ),
        &format!("posts/{}/", meta.slug),
    );
    let post = Post {
        meta,
        html,
        text: rendered.text,
        format,
        image,
        updated: source.updated,
        redirect_from: fm.redirect_from.clone(),
        redirect_line: key_line("redirect_from"),
        chirpy_title: Some(fm.slug.clone().unwrap_or_else(|| stem_slug.to_owned()))
            .filter(|title| !title.trim().is_empty()),
        file: file.to_path_buf(),
        tags_line: key_line("tags"),
        categories_line: front_matter::key_line(&source.yaml, "categories")
            .or_else(|| front_matter::key_line(&source.yaml, "category"))
            .map_or(1, |line| line + 1),
        takes_comments: fm.comments,
        after_text: String::new(),
    };
    Ok((post, warnings))
}

/// Chirpy writes `image: /a.png` or `image: { path: /a.png, alt: … }`.
fn preview_image(value: Option<&yaml_serde::Value>) -> Option<String> {
    let value = value?;
    let path = value
        .as_str()
        .or_else(|| value.get("path").and_then(|path| path.as_str()))?;
    (!path.trim().is_empty()).then(|| path.trim().to_owned())
}
