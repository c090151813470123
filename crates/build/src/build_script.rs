//! What the app's `build.rs` runs: parse `posts/`, embed the index, write the bodies.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process;

use crate::config::{SiteConfig, BASE_URL_ENV};
use crate::error::{ContentError, ContentWarning};
use crate::post::ReadOptions;
use crate::publish::analytics::analytics_html;
use crate::publish::feeds::{atom_feed, robots, sitemaps};
use crate::publish::pages::site_pages;
use crate::publish::redirects::{redirects, Redirect};
use crate::publish::vendor::{copy_mermaid, MERMAID_PACKAGE};
use crate::site::{load_site_with, write_site_files, Site};

/// Environment variable naming the folder that holds the site (`posts/`, `assets/`,
/// `site.toml`): the repository by default. Tests build fixture sites this way. Relative to
/// the repository, or absolute.
pub const SITE_DIR_ENV: &str = "GEUL_SITE_DIR";

/// Environment variable naming another posts folder (relative to the repository, or
/// absolute); the benchmark builds generated posts this way.
pub const POSTS_DIR_ENV: &str = "GEUL_POSTS_DIR";

/// The folder that holds the site: `$GEUL_SITE_DIR`, or the repository.
pub fn site_root(repository: &Path) -> PathBuf {
    env::var_os(SITE_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| repository.to_path_buf(), |dir| repository.join(dir))
}

/// Environment variables that include posts with `published: false`, and posts dated in
/// the future (`cargo xtask build --drafts --future`): set to `1`.
pub const DRAFTS_ENV: &str = "GEUL_DRAFTS";
pub const FUTURE_ENV: &str = "GEUL_FUTURE";

/// The posts this build includes: the environment's choice, at the current time.
pub fn read_options() -> ReadOptions {
    let set = |name: &str| env::var(name).is_ok_and(|value| value == "1");
    ReadOptions {
        drafts: set(DRAFTS_ENV),
        future: set(FUTURE_ENV),
        ..ReadOptions::default()
    }
}

/// File name of the encoded index, in `OUT_DIR` (the app includes it with `include_bytes!`)
/// and beside the pages' parts (the post-build step renders the pages from it).
pub const INDEX_FILE: &str = "site-index.bin";

/// Where the files published beside the app are written: `<target>/geul-content/`.
/// The Trunk post-build hook copies this folder into the site.
pub fn site_files_dir(manifest_dir: &Path) -> PathBuf {
    let target = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| manifest_dir.join("target"));
    let target = if target.is_absolute() {
        target
    } else {
        manifest_dir.join(target)
    };
    target.join("geul-content")
}

/// Where the static pages' parts are written (`<file>.parts`: the head, and the route whose
/// view the post-build step renders), with the index, for the post-build step to put into
/// Trunk's `index.html` with [`crate::publish::pages::assemble`].
pub fn page_parts_dir(manifest_dir: &Path) -> PathBuf {
    site_files_dir(manifest_dir).with_file_name("geul-pages")
}

/// Runs the content build for the crate being compiled. Errors stop the build with
/// `file:line: message` lines; warnings (missing images, …) are shown by Cargo.
pub fn run() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("run by Cargo"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("run by Cargo"));
    println!("cargo:rerun-if-env-changed={SITE_DIR_ENV}");
    let root = site_root(&manifest_dir);
    // The benchmark builds synthetic corpora from elsewhere; sites use `posts/`.
    println!("cargo:rerun-if-env-changed={POSTS_DIR_ENV}");
    let posts_dir = env::var_os(POSTS_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| root.join("posts"), |dir| manifest_dir.join(dir));
    println!("cargo:rerun-if-changed={}", posts_dir.display());
    // Cargo reruns a build script on every build while a watched path is missing, which on
    // a large site costs minutes; a new `assets/` comes with posts that use it anyway.
    let assets = root.join("assets");
    if assets.exists() {
        println!("cargo:rerun-if-changed={}", assets.display());
    }
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
    let config_file = root.join("site.toml");
    println!("cargo:rerun-if-changed={}", config_file.display());
    println!("cargo:rerun-if-env-changed={BASE_URL_ENV}");
    println!("cargo:rerun-if-env-changed={DRAFTS_ENV}");
    println!("cargo:rerun-if-env-changed={FUTURE_ENV}");
    let config = SiteConfig::load(&config_file).unwrap_or_else(|error| fail(&[error]));

    let output = SiteOutput {
        files: site_files_dir(&manifest_dir),
        pages: page_parts_dir(&manifest_dir),
    };
    let built = build_site(&root, &posts_dir, &config, &output, &read_options())
        .unwrap_or_else(|errors| fail(&errors));
    for warning in &built.warnings {
        println!("cargo:warning={warning}");
    }
    if let Some(post) = built.diagrams.first() {
        let package = manifest_dir.join(MERMAID_PACKAGE);
        println!(
            "cargo:rerun-if-changed={}",
            package.join("package.json").display()
        );
        copy_mermaid(&package, &output.files)
            .unwrap_or_else(|message| fail(&[ContentError::new(post, 0, message)]));
    }
    std::fs::write(out_dir.join(INDEX_FILE), built.index).expect("write the post index");
}

/// File name of what every page ends with (its foot, and the analytics snippets), beside
/// the pages' parts.
pub const FOOTER_FILE: &str = "site-footer.html";

/// Where a build writes: the files published as they are, and the pages' parts.
#[derive(Debug, Clone)]
pub struct SiteOutput {
    pub files: PathBuf,
    pub pages: PathBuf,
}

/// What a build gives the app, and what it tolerated.
pub struct Built {
    /// The index the app embeds.
    pub index: Vec<u8>,
    pub warnings: Vec<ContentWarning>,
    /// The posts with a diagram, which need mermaid published beside them.
    pub diagrams: Vec<PathBuf>,
}

/// Builds the site in `root` (posts from `posts_dir`, those `options` include): every file published beside the app,
/// every page's parts, and the index. Errors name the file and the line.
pub fn build_site(
    root: &Path,
    posts_dir: &Path,
    config: &SiteConfig,
    output: &SiteOutput,
    options: &ReadOptions,
) -> Result<Built, Vec<ContentError>> {
    let mut site = load_site_with(posts_dir, root, config, options)?;
    site.title.clone_from(&config.title);
    site.language.clone_from(&config.language);
    let redirects = redirects(&site.posts, config)?;
    write_all(&site, config, root, output, &redirects).map_err(|error| {
        vec![ContentError::new(
            &output.files,
            0,
            format!("cannot write the site files: {error}"),
        )]
    })?;
    let index = site.index().to_bytes();
    // The stage step renders the pages from the same index the app embeds.
    fs::write(output.pages.join(INDEX_FILE), &index).map_err(|error| {
        vec![ContentError::new(
            &output.pages,
            0,
            format!("cannot write the post index: {error}"),
        )]
    })?;
    let diagrams = site
        .posts
        .iter()
        .filter(|post| post.has_diagram())
        .map(|post| post.file.clone())
        .collect();
    Ok(Built {
        index,
        warnings: site.warnings,
        diagrams,
    })
}

/// Bodies and images, redirect pages, the feed, sitemap and robots.txt, and every page's
/// parts.
fn write_all(
    site: &Site,
    config: &SiteConfig,
    root: &Path,
    output: &SiteOutput,
    redirects: &[Redirect],
) -> io::Result<()> {
    let (site_dir, parts_dir) = (&output.files, &output.pages);
    write_site_files(site, root, site_dir)?;
    for redirect in redirects {
        let file = site_dir.join(&redirect.file);
        fs::create_dir_all(file.parent().expect("inside the site"))?;
        fs::write(file, &redirect.html)?;
    }
    let pages = site_pages(site, config);
    fs::write(site_dir.join("feed.xml"), atom_feed(site, config))?;
    for (file, xml) in sitemaps(&pages, config) {
        fs::write(site_dir.join(file), xml)?;
    }
    fs::write(site_dir.join("robots.txt"), robots(config))?;
    if parts_dir.exists() {
        fs::remove_dir_all(parts_dir)?;
    }
    fs::create_dir_all(parts_dir)?;
    let page_end = site.footer.clone() + &analytics_html(&config.analytics);
    fs::write(parts_dir.join(FOOTER_FILE), page_end)?;
    for page in &pages {
        let file = parts_dir.join(format!("{}.parts", page.file));
        fs::create_dir_all(file.parent().expect("inside the parts dir"))?;
        fs::write(file, page.to_parts())?;
    }
    Ok(())
}

/// Stops the build, printing every error as `file:line: message`.
fn fail(errors: &[ContentError]) -> ! {
    eprintln!("geul could not build its posts:");
    for error in errors {
        eprintln!("error: {error}");
        println!("cargo:warning=error: {error}");
    }
    process::exit(1);
}
