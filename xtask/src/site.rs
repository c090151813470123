//! `cargo xtask build`: `trunk build --release`, then the first-load report: gzip -9 sizes
//! of dist/index.html and every .js/.wasm/.css it references. A site past the budget still
//! builds (a growing blog must keep deploying); the build warns, and the test suite holds the
//! project's own fixture site to the budget ([`check_budget`]).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use geul_build::{DRAFTS_ENV, FUTURE_ENV, POSTS_DIR_ENV, SITE_DIR_ENV};

use crate::util::{self, run, Error, Result};

pub const DIST_DIR: &str = "dist";
/// First-load budget in bytes (1 KB = 1000 B).
pub const BUDGET_BYTES: usize = 130_000;

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct Build {
    pub public_url: String,
    /// Output folder, relative to the repository (`dist` by default).
    pub dist: PathBuf,
    /// The site folder (`posts/`, `assets/`, `site.toml`); the repository by default.
    pub site: Option<PathBuf>,
    /// Another posts folder (generated posts).
    pub posts: Option<PathBuf>,
    /// Cargo features of the app.
    pub features: Option<String>,
    /// Which unpublished posts are included.
    pub unpublished: Unpublished,
}

/// `--drafts` and `--future`: posts with `published: false`, and posts dated in the
/// future, are left out of a build unless these include them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Unpublished {
    pub drafts: bool,
    pub future: bool,
}

impl Unpublished {
    /// Sets (or clears, so the caller's environment never decides) the build script's
    /// variables.
    pub fn apply(self, command: &mut Command) {
        for (name, on) in [(DRAFTS_ENV, self.drafts), (FUTURE_ENV, self.future)] {
            if on {
                command.env(name, "1");
            } else {
                command.env_remove(name);
            }
        }
    }
}

impl Build {
    pub fn new(public_url: &str, dist: impl Into<PathBuf>) -> Build {
        Build {
            public_url: public_url.to_owned(),
            dist: dist.into(),
            ..Build::default()
        }
    }
}

/// `cargo xtask build`: the release site for the given public URL, and its first load.
/// Never fails on size: past the budget it warns. `GEUL_SITE_DIR` and `GEUL_POSTS_DIR`
/// in the environment choose another site, as for the build script itself.
pub fn build(public_url: &str, dist: &Path, unpublished: Unpublished) -> Result<()> {
    let from_env = |name: &str| {
        std::env::var_os(name)
            .filter(|dir| !dir.is_empty())
            .map(PathBuf::from)
    };
    let sizes = build_site(&Build {
        site: from_env(SITE_DIR_ENV),
        posts: from_env(POSTS_DIR_ENV),
        unpublished,
        ..Build::new(public_url, dist)
    })?;
    let total = total(&sizes);
    if total > BUDGET_BYTES {
        println!();
        println!(
            "warning: the first load is {}, over the {} budget by {}: every first visit \
             downloads it (docs/PERFORMANCE.md)",
            kb(total),
            kb(BUDGET_BYTES),
            kb(total - BUDGET_BYTES)
        );
    }
    Ok(())
}

/// Builds a release site and prints its first-load sizes.
pub fn build_site(spec: &Build) -> Result<Vec<FileSize>> {
    let mut trunk = Command::new("trunk");
    trunk
        .args([
            "build",
            "--release",
            "--public-url",
            &spec.public_url,
            "--dist",
        ])
        .arg(&spec.dist);
    if let Some(features) = &spec.features {
        trunk.args(["--features", features]);
    }
    // Set or cleared, so a value in the caller's environment never builds another site.
    for (name, value) in [(SITE_DIR_ENV, &spec.site), (POSTS_DIR_ENV, &spec.posts)] {
        match value {
            Some(dir) => trunk.env(name, dir),
            None => trunk.env_remove(name),
        };
    }
    spec.unpublished.apply(&mut trunk);
    run(&mut trunk)?;
    let dist = util::repo_root().join(&spec.dist);
    if !dist.join("404.html").is_file() {
        return Err(Error::new(format!(
            "{} is missing: Trunk's post_build hook (`cargo xtask stage`, see Trunk.toml) did not run",
            dist.join("404.html").display()
        )));
    }
    let sizes = first_load(&dist, &spec.public_url)?;
    print_report(&sizes);
    Ok(sizes)
}

pub fn total(sizes: &[FileSize]) -> usize {
    sizes.iter().map(|s| s.gzip).sum()
}

/// The test suite's check of the budget.
pub fn check_budget(sizes: &[FileSize]) -> Result<()> {
    let total = total(sizes);
    if total > BUDGET_BYTES {
        return Err(Error::new(format!(
            "first-load size {} is over the {} budget by {} (gzip -9, 1 KB = 1000 B)",
            kb(total),
            kb(BUDGET_BYTES),
            kb(total - BUDGET_BYTES)
        )));
    }
    Ok(())
}

/// One file of the first load.
#[derive(Debug, PartialEq)]
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
}

/// index.html plus every local .js/.wasm/.css it references, with gzip -9 sizes.
pub fn first_load(dist: &Path, public_url: &str) -> Result<Vec<FileSize>> {
    let index_path = dist.join("index.html");
    let html = fs::read_to_string(&index_path)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", index_path.display())))?;
    let mut files = vec![("index.html".to_string(), index_path)];
    for url in referenced_assets(&html) {
        let Some(rel) = local_path(&url, public_url) else {
            continue;
        };
        if files.iter().any(|(name, _)| *name == rel) {
            continue;
        }
        let path: PathBuf = dist.join(&rel);
        if !path.is_file() {
            return Err(Error::new(format!(
                "index.html references {url:?}, but {} does not exist",
                path.display()
            )));
        }
        files.push((rel, path));
    }
    files
        .into_iter()
        .map(|(name, path)| {
            let bytes = fs::read(&path)
                .map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))?;
            Ok(FileSize {
                name,
                raw: bytes.len(),
                gzip: util::gzip(&bytes, 9).len(),
            })
        })
        .collect()
}

const FIRST_LOAD_EXTENSIONS: [&str; 3] = [".js", ".wasm", ".css"];

fn is_first_load_asset(url: &str) -> bool {
    let path = strip_query(url);
    !path.is_empty()
        && !path.contains(|c: char| c.is_whitespace() || "<>\"'`{}".contains(c))
        && FIRST_LOAD_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
}

fn strip_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// URLs of .js/.wasm/.css files in `href`/`src` attributes and in quoted
/// strings (Trunk's loader script imports the JS and names the wasm inline).
pub fn referenced_assets(html: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut add = |url: &str| {
        if is_first_load_asset(url) && !found.iter().any(|f| f == url) {
            found.push(url.to_string());
        }
    };
    // Attributes, quoted or not.
    let lower = html.to_ascii_lowercase();
    for attr in ["href=", "src="] {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(attr) {
            let start = from + pos;
            from = start + attr.len();
            let before = lower[..start].chars().next_back();
            if !before.is_some_and(char::is_whitespace) {
                continue;
            }
            let rest = &html[from..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest
                    .split(|c: char| c.is_whitespace() || c == '>')
                    .next()
                    .unwrap_or(""),
            };
            add(value.trim());
        }
    }
    // Quoted strings anywhere (e.g. `import init from '/geul/geul-1a2b.js'`).
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let q = bytes[i];
        if q == b'"' || q == b'\'' {
            if let Some(len) = html[i + 1..].find(q as char) {
                let candidate = &html[i + 1..i + 1 + len];
                if is_first_load_asset(candidate) {
                    add(candidate);
                    i += len + 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    found
}

/// Maps an asset URL from index.html to a path inside dist/, or `None` for
/// other origins.
pub fn local_path(url: &str, public_url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("//") || lower.starts_with("data:") || lower.contains("://") {
        return None;
    }
    let path = strip_query(url);
    let base = format!("/{}/", public_url.trim_matches('/')).replace("//", "/");
    let rel = if let Some(rest) = path.strip_prefix(&base) {
        rest
    } else if let Some(rest) = path.strip_prefix('/') {
        rest
    } else {
        path.trim_start_matches("./")
    };
    util::percent_decode(rel)
}

pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

fn print_report(sizes: &[FileSize]) {
    let width = sizes.iter().map(|s| s.name.len()).max().unwrap_or(4).max(5);
    println!();
    println!("first-load size (gzip level 9; 1 KB = 1000 bytes):");
    println!("  {:<width$}  {:>10}  {:>10}", "file", "raw", "gzip");
    for s in sizes {
        println!(
            "  {:<width$}  {:>10}  {:>10}",
            s.name,
            kb(s.raw),
            kb(s.gzip)
        );
    }
    let raw: usize = sizes.iter().map(|s| s.raw).sum();
    let gzip: usize = sizes.iter().map(|s| s.gzip).sum();
    println!("  {:<width$}  {:>10}  {:>10}", "total", kb(raw), kb(gzip));
    let verdict = if gzip <= BUDGET_BYTES {
        "within budget"
    } else {
        "OVER BUDGET"
    };
    println!("  budget {} gzip: {verdict}", kb(BUDGET_BYTES));
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!DOCTYPE html><html lang="ko"><head>
<link rel="stylesheet" href="/geul/style-8c1d.css" integrity="sha384-x">
<link rel=modulepreload href=/geul/geul-1a2b.js crossorigin=anonymous>
<link rel="preload" href="/geul/geul-1a2b_bg.wasm" as="fetch" type="application/wasm">
<link rel="icon" href="/geul/favicon.ico">
<script src="https://example.com/x.js"></script>
<script type="module">
import init, * as bindings from '/geul/geul-1a2b.js';
const wasm = await init({ module_or_path: '/geul/geul-1a2b_bg.wasm' });
</script></head><body><p>Don't panic, it's fine.</p></body></html>"#;

    #[test]
    fn finds_first_load_assets() {
        assert_eq!(
            referenced_assets(INDEX),
            [
                "/geul/style-8c1d.css",
                "/geul/geul-1a2b.js",
                "/geul/geul-1a2b_bg.wasm",
                "https://example.com/x.js",
            ]
        );
    }

    #[test]
    fn maps_urls_into_dist() {
        let m = |u| local_path(u, "/geul/");
        assert_eq!(m("/geul/a-1.js").as_deref(), Some("a-1.js"));
        assert_eq!(m("/geul/a.css?v=1").as_deref(), Some("a.css"));
        assert_eq!(m("./x/%EA%B8%80.css").as_deref(), Some("x/글.css"));
        assert_eq!(m("https://example.com/x.js"), None);
        assert_eq!(local_path("/app.js", "/").as_deref(), Some("app.js"));
    }

    #[test]
    fn measures_index_and_assets() {
        let tmp = tempfile::tempdir().unwrap();
        let dist = tmp.path();
        fs::write(dist.join("index.html"), INDEX).unwrap();
        fs::write(dist.join("style-8c1d.css"), "body{}".repeat(50)).unwrap();
        fs::write(dist.join("geul-1a2b.js"), "export{}").unwrap();
        fs::write(dist.join("geul-1a2b_bg.wasm"), [0u8; 4000]).unwrap();
        let sizes = first_load(dist, "/geul/").unwrap();
        let names: Vec<&str> = sizes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "index.html",
                "style-8c1d.css",
                "geul-1a2b.js",
                "geul-1a2b_bg.wasm"
            ]
        );
        assert_eq!(sizes[3].raw, 4000);
        assert!(sizes[3].gzip < 100);

        fs::remove_file(dist.join("geul-1a2b.js")).unwrap();
        let err = first_load(dist, "/geul/").unwrap_err();
        assert!(err.message.contains("geul-1a2b.js"), "{}", err.message);
    }
}
