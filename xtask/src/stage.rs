//! `cargo xtask stage`: Trunk's `post_build` hook (see Trunk.toml).
//!
//! Trunk runs hooks with the directory holding Trunk.toml (the repo root) as
//! working directory, after it wrote index.html into the staging directory it
//! passes as `TRUNK_STAGING_DIR`, and before it moves that directory to `dist/`.
//! The hook copies the site tree the app's build script wrote (post bodies and
//! the like, in `${CARGO_TARGET_DIR:-target}/geul-content/`) into the staging
//! directory and copies index.html to 404.html, so GitHub Pages serves the app
//! for unknown paths.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

use geul::prerender::StaticSite;
use geul_build::{
    assemble, mermaid_dir, page_parts_dir, site_files_dir, site_root, Policy, SiteConfig,
    FOOTER_FILE, INDEX_FILE, PARTS_SEPARATOR,
};

use crate::util::{self, Error, Result};

/// The directory the app's build script writes the site tree into (its own answer, so
/// the two never disagree on `CARGO_TARGET_DIR`).
fn content_dir() -> PathBuf {
    site_files_dir(&util::repo_root())
}

/// The directory the build script writes the static pages' parts into.
fn pages_dir() -> PathBuf {
    page_parts_dir(&util::repo_root())
}

/// Entry point of the hook: reads `TRUNK_STAGING_DIR` from the environment.
pub fn run_hook() -> Result<()> {
    let staging = env::var_os("TRUNK_STAGING_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .ok_or_else(|| {
            Error::new(
                "TRUNK_STAGING_DIR is not set: `cargo xtask stage` is Trunk's post_build hook, \
                 run it through `cargo xtask build` or `cargo xtask serve`",
            )
        })?;
    let config = SiteConfig::load(&site_root(&util::repo_root()).join("site.toml"))
        .map_err(|e| Error::new(e.to_string()))?;
    let release = env::var("TRUNK_PROFILE").is_ok_and(|profile| profile == "release");
    // Before the pages are made from index.html, so every page loads the minified JS.
    if release {
        let minified = crate::minify::minify_js(&staging)?;
        println!("stage: minified {minified} JS file(s) with terser");
    }
    // `trunk serve` (a debug build) injects its live-reload script after this hook, where
    // no policy could name it; published builds are release builds.
    // The pages' links start where Trunk serves the app (its `<base href>`), which the
    // build's `--public-url` sets; `site.toml`'s address names the canonical URLs.
    let public_url = env::var("TRUNK_PUBLIC_URL").ok();
    let base = public_url
        .as_deref()
        .filter(|url| url.starts_with('/'))
        .unwrap_or(config.base_path());
    let site = static_site(&content_dir(), &pages_dir(), base)?;
    let (copied, pages) = stage(
        &content_dir(),
        &pages_dir(),
        &staging,
        &config,
        release,
        |path| site.render(path),
    )?;
    println!(
        "stage: copied {copied} file(s) from {} and wrote {pages} page(s) into {}",
        content_dir().display(),
        staging.display()
    );
    Ok(())
}

/// The app's views, ready to render the pages of the site the build script wrote.
fn static_site(content: &Path, pages: &Path, base: &str) -> Result<StaticSite> {
    let index_file = pages.join(INDEX_FILE);
    let index = fs::read(&index_file)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", index_file.display())))?;
    let content = content.to_owned();
    let read = move |site_path: &str| {
        let file = content.join(site_path);
        fs::read(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))
    };
    StaticSite::install(&index, base, read).map_err(Error::new)
}

/// Copies `content` into `staging`, then writes every page whose parts are in `pages`
/// (`posts/a/index.html.parts` → `posts/a/index.html`, `404.html.parts` → `404.html`) from
/// the app's `staging/index.html`, its body rendered by `render` from its route's path.
/// Returns how many files were copied and pages written.
pub fn stage(
    content: &Path,
    pages: &Path,
    staging: &Path,
    config: &SiteConfig,
    policy: bool,
    render: impl Fn(&str) -> std::result::Result<String, String>,
) -> Result<(usize, usize)> {
    for (dir, what) in [(content, "site content"), (pages, "static pages")] {
        if !dir.is_dir() {
            return Err(Error::new(format!(
                "the {what} directory {} is missing: the app's build script (build.rs) \
                 should have written it during the cargo build. Did the build script run? \
                 (If CARGO_TARGET_DIR is set, it must be the same for the build and this hook.)",
                dir.display()
            )));
        }
    }
    if !staging.is_dir() {
        return Err(Error::new(format!(
            "Trunk's staging directory {} does not exist",
            staging.display()
        )));
    }
    let copied = copy_tree(content, staging)?;
    // Mermaid is published for a site with diagrams.
    let policy = match policy {
        true => Policy::for_site(config, staging.join(mermaid_dir()).is_dir()),
        false => Policy::Off,
    };
    let index = staging.join("index.html");
    let template = fs::read_to_string(&index)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", index.display())))?;
    // A build of another version of geul may have written none.
    let footer = fs::read_to_string(pages.join(FOOTER_FILE)).unwrap_or_default();
    let mut written = 0;
    for parts_file in files_under(pages)? {
        let relative = parts_file.strip_prefix(pages).expect("listed under pages");
        let target = staging.join(relative.with_extension(""));
        let parts = fs::read_to_string(&parts_file)
            .map_err(|e| Error::new(format!("cannot read {}: {e}", parts_file.display())))?;
        let (head, path) = parts.split_once(PARTS_SEPARATOR).ok_or_else(|| {
            Error::new(format!(
                "{} names no page: it was written by another version of geul's build",
                parts_file.display()
            ))
        })?;
        let body =
            render(path).map_err(|e| Error::new(format!("{}: {e}", parts_file.display())))?;
        let html = assemble(&template, head, &body, &footer, &config.language, &policy)
            .ok_or_else(|| {
                Error::new(format!(
                    "{} has no <title> or no <div id=\"geul\"></div> to put the pages into",
                    index.display()
                ))
            })?;
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| Error::new(format!("cannot create {}: {e}", parent.display())))?;
        }
        fs::write(&target, html)
            .map_err(|e| Error::new(format!("cannot write {}: {e}", target.display())))?;
        written += 1;
    }
    Ok((copied, written))
}

/// Every `.parts` file below `dir`.
fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let entries =
        fs::read_dir(dir).map_err(|e| Error::new(format!("cannot read {}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry
            .map_err(|e| Error::new(format!("cannot read {}: {e}", dir.display())))?
            .path();
        if path.is_dir() {
            found.extend(files_under(&path)?);
        } else if path.extension().is_some_and(|ext| ext == "parts") {
            found.push(path);
        }
    }
    Ok(found)
}

fn copy_tree(from: &Path, to: &Path) -> Result<usize> {
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Error::new(format!("cannot {what} {}: {e}", path.display()))
    };
    fs::create_dir_all(to).map_err(|e| io("create", to, e))?;
    let mut count = 0;
    for entry in fs::read_dir(from).map_err(|e| io("read", from, e))? {
        let entry = entry.map_err(|e| io("read", from, e))?;
        let source = entry.path();
        let dest = to.join(entry.file_name());
        // The build script writes no links; one found here was not made by it.
        let meta = fs::symlink_metadata(&source).map_err(|e| io("inspect", &source, e))?;
        if meta.file_type().is_symlink() {
            return Err(Error::new(format!(
                "{} is a link; the site's files are never links",
                source.display()
            )));
        }
        if meta.is_dir() {
            count += copy_tree(&source, &dest)?;
        } else {
            fs::copy(&source, &dest).map_err(|e| io("copy", &source, e))?;
            count += 1;
        }
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_tree_and_writes_pages_from_the_template() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("geul-content");
        let pages = tmp.path().join("geul-pages");
        let staging = tmp.path().join("stage");
        fs::create_dir_all(content.join("content/깊은")).unwrap();
        fs::write(content.join("content/ab12.html"), "<p>안녕</p>").unwrap();
        fs::write(content.join("content/깊은/x.txt"), "x").unwrap();
        fs::create_dir_all(pages.join("posts/첫-글")).unwrap();
        let parts = |head: &str, path: &str| format!("{head}{PARTS_SEPARATOR}{path}");
        fs::write(
            pages.join("posts/첫-글/index.html.parts"),
            parts("<title>첫 글</title>", "/posts/첫-글/"),
        )
        .unwrap();
        fs::write(
            pages.join("404.html.parts"),
            parts("<title>없음</title>", "/404/"),
        )
        .unwrap();
        // The pages' views, as the app renders them.
        let render = |path: &str| match path {
            "/posts/첫-글/" => Ok("<p>본문</p>".to_owned()),
            _ => Ok(format!("<h1>없음 {path}</h1>")),
        };
        fs::create_dir_all(&staging).unwrap();
        let template = "<html lang=\"ko\"><head><title>geul</title></head><body><div id=\"geul\"></div></body></html>";
        fs::write(staging.join("index.html"), template).unwrap();

        assert_eq!(
            stage(
                &content,
                &pages,
                &staging,
                &SiteConfig::default(),
                true,
                render
            )
            .unwrap(),
            (2, 2)
        );
        assert_eq!(
            fs::read_to_string(staging.join("content/ab12.html")).unwrap(),
            "<p>안녕</p>"
        );
        assert!(staging.join("content/깊은/x.txt").is_file());
        assert_eq!(
            fs::read_to_string(staging.join("posts/첫-글/index.html")).unwrap(),
            format!("<html lang=\"ko\"><head>{}<title>첫 글</title></head><body><div id=\"geul\"></div><p>본문</p></body></html>", geul_build::csp_meta("", &Policy::strict()))
        );
        assert!(fs::read_to_string(staging.join("404.html"))
            .unwrap()
            .contains("<h1>없음 /404/</h1>"));
    }

    #[test]
    fn a_site_that_publishes_mermaid_allows_its_style_elements() {
        let tmp = tempfile::tempdir().unwrap();
        let (content, pages, staging) = (
            tmp.path().join("content-out"),
            tmp.path().join("pages"),
            tmp.path().join("staging"),
        );
        let policy_of = |staging: &Path| {
            fs::create_dir_all(staging).unwrap();
            let template = "<html><head><title>t</title></head><body><div id=geul></div></html>";
            fs::write(staging.join("index.html"), template).unwrap();
            stage(
                &content,
                &pages,
                staging,
                &SiteConfig::default(),
                true,
                |_| Ok(String::new()),
            )
            .unwrap();
            fs::read_to_string(staging.join("index.html")).unwrap()
        };
        fs::create_dir_all(&pages).unwrap();
        let parts = format!("<title>a</title>{PARTS_SEPARATOR}/");
        fs::write(pages.join("index.html.parts"), parts).unwrap();
        fs::create_dir_all(&content).unwrap();
        assert!(policy_of(&staging).contains("style-src 'self';"));
        fs::create_dir_all(content.join(mermaid_dir())).unwrap();
        fs::write(content.join(mermaid_dir()).join("mermaid.esm.min.mjs"), "").unwrap();
        let with_mermaid = policy_of(&tmp.path().join("staging-2"));
        assert!(with_mermaid.contains("style-src 'self' 'unsafe-inline';"));
    }

    #[test]
    fn missing_content_dir_is_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let err = stage(
            &tmp.path().join("nope"),
            tmp.path(),
            tmp.path(),
            &SiteConfig::default(),
            true,
            |_| Ok(String::new()),
        )
        .unwrap_err();
        assert!(err.message.contains("build script"), "{}", err.message);
    }
}
