//! What the app's `build.rs` runs: parse `posts/`, embed the index, write the bodies.

use std::env;
use std::path::{Path, PathBuf};
use std::process;

use crate::site::{load_site, write_site_files};

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

/// Runs the content build for the crate being compiled. Errors stop the build with
/// `file:line: message` lines; warnings (missing images) are shown by Cargo.
pub fn run() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("run by Cargo"));
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("run by Cargo"));
    let posts_dir = manifest_dir.join("posts");
    println!("cargo:rerun-if-changed={}", posts_dir.display());
    println!(
        "cargo:rerun-if-changed={}",
        manifest_dir.join("assets").display()
    );
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");

    let site = match load_site(&posts_dir, &manifest_dir) {
        Ok(site) => site,
        Err(errors) => {
            eprintln!("geul could not build its posts:");
            for error in &errors {
                eprintln!("error: {error}");
                println!("cargo:warning=error: {error}");
            }
            process::exit(1);
        }
    };
    for warning in &site.warnings {
        println!("cargo:warning={warning}");
    }

    let index = site.index().to_bytes();
    std::fs::write(out_dir.join(INDEX_FILE), index).expect("write the post index");
    let site_dir = site_files_dir(&manifest_dir);
    if let Err(error) = write_site_files(&site, &manifest_dir, &site_dir) {
        eprintln!("error: cannot write {}: {error}", site_dir.display());
        process::exit(1);
    }
}
