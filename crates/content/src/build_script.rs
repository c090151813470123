//! What the app's `build.rs` runs: parse `posts/`, embed the index, write the bodies.

use std::env;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process;

use crate::config::{SiteConfig, BASE_URL_ENV};
use crate::error::ContentError;
use crate::feeds::{atom_feed, robots, sitemaps};
use crate::pages::site_pages;
use crate::site::{load_site, write_site_files, Site};

/// Environment variable naming another posts folder (relative to the crate, or absolute).
pub const POSTS_DIR_ENV: &str = "GEUL_POSTS_DIR";

/// File name of the encoded index in `OUT_DIR` (the app includes it with `include_bytes!`).
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

/// Where the static pages' parts are written (`<file>.parts`, head and body), for the
/// post-build step to put into Trunk's `index.html` with [`crate::pages::assemble`].
pub fn page_parts_dir(manifest_dir: &Path) -> PathBuf {
    site_files_dir(manifest_dir).with_file_name("geul-pages")
}

/// Runs the content build for the crate being compiled. Errors stop the build with
/// `file:line: message` lines; warnings (missing images) are shown by Cargo.
pub fn run() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("run by Cargo"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("run by Cargo"));
    // The benchmark builds synthetic corpora from elsewhere; sites use `posts/`.
    println!("cargo:rerun-if-env-changed={POSTS_DIR_ENV}");
    let posts_dir = env::var_os(POSTS_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| manifest_dir.join("posts"), |dir| manifest_dir.join(dir));
    println!("cargo:rerun-if-changed={}", posts_dir.display());
    // Cargo reruns a build script on every build while a watched path is missing, which on
    // a large site costs minutes; a new `assets/` comes with posts that use it anyway.
    let assets = manifest_dir.join("assets");
    if assets.exists() {
        println!("cargo:rerun-if-changed={}", assets.display());
    }
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");
    let config_file = manifest_dir.join("site.toml");
    println!("cargo:rerun-if-changed={}", config_file.display());
    println!("cargo:rerun-if-env-changed={BASE_URL_ENV}");
    let config = SiteConfig::load(&config_file).unwrap_or_else(|error| fail(&[error]));

    let mut site = load_site(&posts_dir, &manifest_dir).unwrap_or_else(|errors| fail(&errors));
    site.title.clone_from(&config.title);
    for warning in &site.warnings {
        println!("cargo:warning={warning}");
    }

    let index = site.index().to_bytes();
    std::fs::write(out_dir.join(INDEX_FILE), index).expect("write the post index");
    let site_dir = site_files_dir(&manifest_dir);
    let parts_dir = page_parts_dir(&manifest_dir);
    if let Err(error) = write_all(&site, &config, &manifest_dir, &site_dir, &parts_dir) {
        eprintln!("error: cannot write the site files: {error}");
        process::exit(1);
    }
}

/// Bodies and images, the feed, sitemap and robots.txt, and every page's parts.
fn write_all(
    site: &Site,
    config: &SiteConfig,
    root: &Path,
    site_dir: &Path,
    parts_dir: &Path,
) -> io::Result<()> {
    write_site_files(site, root, site_dir)?;
    let pages = site_pages(site, config);
    fs::write(site_dir.join("feed.xml"), atom_feed(site, config))?;
    for (file, xml) in sitemaps(&pages, config) {
        fs::write(site_dir.join(file), xml)?;
    }
    fs::write(site_dir.join("robots.txt"), robots(config))?;
    if parts_dir.exists() {
        fs::remove_dir_all(parts_dir)?;
    }
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
