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

use crate::util::{self, Error, Result};

pub const CONTENT_DIR_NAME: &str = "geul-content";

/// The directory the app's build script writes the site tree into.
pub fn content_dir() -> PathBuf {
    let target = env::var_os("CARGO_TARGET_DIR")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target"));
    util::repo_root().join(target).join(CONTENT_DIR_NAME)
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
    let copied = stage(&content_dir(), &staging)?;
    println!(
        "stage: copied {copied} file(s) from {} and wrote 404.html into {}",
        content_dir().display(),
        staging.display()
    );
    Ok(())
}

/// Copies `content` into `staging` and `staging/index.html` to `staging/404.html`.
/// Returns how many files came from `content`.
pub fn stage(content: &Path, staging: &Path) -> Result<usize> {
    if !content.is_dir() {
        return Err(Error::new(format!(
            "the site content directory {} is missing: the app's build script (build.rs) \
             should have written it during the cargo build. Did the build script run? \
             (If CARGO_TARGET_DIR is set, it must be the same for the build and this hook.)",
            content.display()
        )));
    }
    if !staging.is_dir() {
        return Err(Error::new(format!(
            "Trunk's staging directory {} does not exist",
            staging.display()
        )));
    }
    let copied = copy_tree(content, staging)?;
    let index = staging.join("index.html");
    let not_found = staging.join("404.html");
    fs::copy(&index, &not_found).map_err(|e| {
        Error::new(format!(
            "cannot copy {} to {}: {e}",
            index.display(),
            not_found.display()
        ))
    })?;
    Ok(copied)
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
        let meta = fs::metadata(&source).map_err(|e| io("inspect", &source, e))?;
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
    fn copies_tree_and_writes_404() {
        let tmp = tempfile::tempdir().unwrap();
        let content = tmp.path().join("geul-content");
        let staging = tmp.path().join("stage");
        fs::create_dir_all(content.join("content/깊은")).unwrap();
        fs::write(content.join("content/첫-글-ab12.html"), "<p>안녕</p>").unwrap();
        fs::write(content.join("content/깊은/x.txt"), "x").unwrap();
        fs::create_dir_all(&staging).unwrap();
        fs::write(staging.join("index.html"), "<html>app</html>").unwrap();

        assert_eq!(stage(&content, &staging).unwrap(), 2);
        assert_eq!(
            fs::read_to_string(staging.join("content/첫-글-ab12.html")).unwrap(),
            "<p>안녕</p>"
        );
        assert!(staging.join("content/깊은/x.txt").is_file());
        assert_eq!(
            fs::read_to_string(staging.join("404.html")).unwrap(),
            "<html>app</html>"
        );
    }

    #[test]
    fn missing_content_dir_is_a_clear_error() {
        let tmp = tempfile::tempdir().unwrap();
        let err = stage(&tmp.path().join("nope"), tmp.path()).unwrap_err();
        assert!(err.message.contains("build script"), "{}", err.message);
    }
}
