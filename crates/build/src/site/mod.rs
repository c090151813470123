//! The whole `posts/` folder → the index and the body files.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::error::{ContentError, ContentWarning};
use crate::post::{read_post, render_post, Post, PostSource, ReadOptions, RenderContext};
use crate::publish::comments::comments_html;
use crate::publish::footer::{footer_html, Avatar};
use crate::publish::overviews::overview_html;
use crate::publish::share::share_html;
use crate::render::images::{ImageResolver, ImageSource, SiteImages};
use crate::render::liquid::LiquidSite;
use crate::search_index::SearchIndexFile;
use geul_core::ui_text::UiText;
use geul_core::{
    search::SearchDoc,
    search::{TextChunk, TEXT_CHUNK_POSTS},
    CardChunk, Facet, Overview, PostMeta, SiteIndex, CARD_CHUNK_POSTS,
};

pub(crate) mod facet_spelling;
mod facets;
mod files;
mod media;
mod order;
mod post_files;
mod reading_on;

use facet_spelling::unify_spellings;
use facets::index_facets;

use files::{chunk_files, content_hash_bytes};
pub use files::{content_hash, write_site_files};
use media::PublishedMedia;
pub use media::{media_path, MediaFile, MEDIA_DIR};
pub use order::{display_order, newest_first};
use post_files::{find_post_files, left_out_warning, readable_post};
use reading_on::reading_on;

/// Folder (site-relative) that holds the rendered bodies.
pub const BODY_DIR: &str = "content";

/// Every post, parsed and ordered, ready to be written.
#[derive(Debug)]
pub struct Site {
    /// The posts in display order, `body_path` and `facet_ids` filled in.
    pub posts: Vec<Post>,
    /// The facet table the posts' `facet_ids` point into.
    pub facets: Vec<Facet>,
    /// The site's name and language, for the index.
    pub title: String,
    pub language: String,
    /// The search index, encoded, and its content-hashed path.
    pub search_bytes: Vec<u8>,
    pub search_path: String,
    /// The text chunks the index names, for snippets: (path, encoded chunk).
    pub text_chunks: Vec<(String, Vec<u8>)>,
    /// The card chunks after the first, which the app embeds: (path, encoded chunk).
    pub card_chunks: Vec<(String, Vec<u8>)>,
    /// Problems the build tolerates.
    pub warnings: Vec<ContentWarning>,
    /// Local media the posts use, to be published with them.
    pub images: Vec<MediaFile>,
    /// The foot of every page ([`crate::publish::footer`]).
    pub footer: String,
    /// What each site-wide page shows ([`crate::publish::overviews`]).
    pub overviews: Vec<(Overview, String)>,
}

impl Site {
    /// The index embedded in the app.
    pub fn index(&self) -> SiteIndex {
        SiteIndex::new(
            self.title.clone(),
            self.language.clone(),
            &self.metas(),
            self.facets.clone(),
            self.search_path.clone(),
            self.card_chunks
                .iter()
                .map(|(path, _)| path.clone())
                .collect(),
        )
    }

    /// Every post's card, in display order.
    pub fn metas(&self) -> Vec<PostMeta> {
        self.posts.iter().map(|post| post.meta.clone()).collect()
    }
}

/// Reads and parses every published post under `posts_dir`; images are looked up under
/// `site_root`. Every broken post is reported, not just the first.
pub fn load_site(posts_dir: &Path, site_root: &Path) -> Result<Site, Vec<ContentError>> {
    load_site_with(
        posts_dir,
        site_root,
        &SiteConfig::default(),
        &ReadOptions::default(),
    )
}

/// [`load_site`] for the site `config` describes, with the posts `options` include.
pub fn load_site_with(
    posts_dir: &Path,
    site_root: &Path,
    config: &SiteConfig,
    options: &ReadOptions,
) -> Result<Site, Vec<ContentError>> {
    let shown_path = |path: &Path| {
        path.strip_prefix(site_root)
            .map(Path::to_path_buf)
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let real_root = site_root.canonicalize().ok();
    let zone = config.zone();
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    if let Err(e) = find_post_files(posts_dir, &mut files) {
        return Err(vec![ContentError::new(
            posts_dir,
            0,
            format!("cannot read the posts folder: {e}"),
        )]);
    }
    files.retain(|path| match readable_post(path, real_root.as_deref()) {
        Ok(readable) => readable,
        Err(why) => {
            warnings.push(ContentWarning::new(
                shown_path(path),
                1,
                format!("not read: {why}"),
            ));
            false
        }
    });
    files.sort();

    let mut errors = Vec::new();
    let mut sources: Vec<PostSource> = Vec::new();
    for path in files {
        let name = shown_path(&path);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                errors.push(ContentError::new(
                    &name,
                    1,
                    format!("cannot read the file as UTF-8 text: {e}"),
                ));
                continue;
            }
        };
        match read_post(&name, &text, &zone) {
            Ok(source) => match source.left_out(options) {
                None => sources.push(source),
                Some(why) => warnings.push(left_out_warning(&source, why)),
            },
            Err(error) => errors.push(error),
        }
    }

    let images = PublishedMedia::new(SiteImages::new(site_root));
    // Where each post lives, for `{% post_url %}`; slugs that clash are reported below.
    let post_pages: HashMap<String, String> = sources
        .iter()
        .map(|source| (source.stem.clone(), format!("posts/{}/", source.slug)))
        .collect();
    let liquid = LiquidSite {
        base_path: config.base_path(),
        base_url: &config.base_url,
        title: &config.title,
        description: &config.description,
        posts: &post_pages,
        text: UiText::for_language(&config.language),
    };
    let context = RenderContext {
        images: &images,
        liquid: Some(&liquid),
        text: liquid.text,
        contents: config.toc,
    };
    let mut posts: Vec<Post> = Vec::new();
    let mut slugs: HashMap<String, PathBuf> = HashMap::new();
    for source in &sources {
        let name = &source.file;
        if let Some(first) = slugs.get(&source.slug) {
            errors.push(ContentError::new(
                name,
                1,
                format!(
                    "slug \"{}\" is already used by {}{}: rename one file or give it a `slug:`",
                    source.slug,
                    first.display(),
                    encoding_note(first, name),
                ),
            ));
            continue;
        }
        slugs.insert(source.slug.clone(), name.clone());
        match render_post(source, &context) {
            Ok((post, post_warnings)) => {
                warnings.extend(post_warnings);
                posts.push(post);
            }
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let avatar = config.profile.avatar.trim();
    let avatar = (!avatar.is_empty())
        .then(|| match images.resolve(avatar) {
            ImageSource::Found(src) => Some(Avatar {
                size: images.size(&src),
                src,
            }),
            other => {
                let warning = other.warning("profile avatar", avatar).unwrap_or_default();
                warnings.push(ContentWarning::new(
                    "site.toml",
                    config.profile.avatar_line,
                    warning,
                ));
                None
            }
        })
        .flatten();
    let footer = footer_html(config, avatar.as_ref());
    let comments = comments_html(&config.comments, &config.language);
    let reading_on = reading_on(&posts, config.base_path(), liquid.text);
    let share = share_html(liquid.text);
    for (post, reading_on) in posts.iter_mut().zip(reading_on) {
        post.after_text = share.clone() + &reading_on;
        if post.takes_comments {
            post.after_text += &comments;
        }
    }
    let mut site = site_of_posts(posts, warnings, images.into_files());
    site.footer = footer;
    site.overviews = Overview::ALL
        .iter()
        .map(|&overview| {
            let html = overview_html(
                overview,
                &site.posts,
                &site.facets,
                config.base_path(),
                liquid.text,
            );
            (overview, html)
        })
        .collect();
    Ok(site)
}

/// The site of posts already parsed (slugs unique): ordered, facets indexed, search index
/// and chunks encoded. `images` are the local images the posts use.
pub fn site_of_posts(
    mut posts: Vec<Post>,
    mut warnings: Vec<ContentWarning>,
    images: Vec<MediaFile>,
) -> Site {
    posts.sort_by(|a, b| display_order(&a.meta, &b.meta));
    warnings.extend(unify_spellings(&mut posts));
    for post in &mut posts {
        let file = post.body_file();
        post.meta.body_path = format!("{BODY_DIR}/{}.html", content_hash(&file));
        post.meta.body_bytes = u32::try_from(file.len()).unwrap_or(u32::MAX);
    }
    let facets = index_facets(
        &mut posts
            .iter_mut()
            .map(|post| &mut post.meta)
            .collect::<Vec<_>>(),
    );
    let docs = search_docs(&posts);
    let text_chunks = chunk_files(
        "text",
        docs.chunks(TEXT_CHUNK_POSTS).map(|chunk| {
            let texts = chunk.iter().map(|doc| doc.text.clone()).collect();
            TextChunk { texts }.to_bytes()
        }),
    );
    let chunk_paths = text_chunks.iter().map(|(path, _)| path.clone()).collect();
    // The first chunk's cards are embedded in the app.
    let card_chunks = chunk_files(
        "cards",
        posts.chunks(CARD_CHUNK_POSTS).skip(1).map(|chunk| {
            let cards = chunk.iter().map(|post| post.meta.clone()).collect();
            CardChunk { cards }.to_bytes()
        }),
    );
    let search_bytes = SearchIndexFile::build(&docs, chunk_paths).to_bytes();
    let search_path = format!(
        "{BODY_DIR}/search-{}.bin",
        content_hash_bytes(&search_bytes)
    );
    Site {
        posts,
        facets,
        title: String::new(),
        language: String::new(),
        search_bytes,
        search_path,
        text_chunks,
        card_chunks,
        warnings,
        images,
        footer: String::new(),
        overviews: Vec::new(),
    }
}

/// Two names that look the same but are not: Hangul typed on macOS is often stored
/// decomposed (NFD), elsewhere composed (NFC).
fn encoding_note(first: &Path, second: &Path) -> &'static str {
    use unicode_normalization::UnicodeNormalization;
    let composed = |path: &Path| path.to_string_lossy().nfc().collect::<String>();
    if first != second && composed(first) == composed(second) {
        " (the two names differ only in how their Hangul is encoded, NFC and NFD; \
         keep one file)"
    } else {
        ""
    }
}

/// What search reads of each post, in display order.
pub fn search_docs(posts: &[Post]) -> Vec<SearchDoc> {
    posts
        .iter()
        .map(|post| SearchDoc {
            title: post.meta.title.clone(),
            facets: post
                .meta
                .categories
                .iter()
                .chain(&post.meta.tags)
                .cloned()
                .collect::<Vec<_>>()
                .join(" "),
            text: post.text.clone(),
        })
        .collect()
}
