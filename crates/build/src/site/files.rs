//! The files a site publishes beside the app, under content-hashed names.

use std::fs;
use std::io;
use std::path::Path;

use sha2::{Digest, Sha256};

use super::{Site, BODY_DIR};
use crate::publish::content_style::{
    body_script, body_script_path, content_style_path, CONTENT_STYLE,
};

/// Encoded chunks as content-hashed files: (`content/<kind>-<hash>.bin`, bytes).
pub(super) fn chunk_files(
    kind: &str,
    chunks: impl Iterator<Item = Vec<u8>>,
) -> Vec<(String, Vec<u8>)> {
    chunks
        .map(|bytes| {
            let path = format!("{BODY_DIR}/{kind}-{}.bin", content_hash_bytes(&bytes));
            (path, bytes)
        })
        .collect()
}

/// First 16 hex digits of the SHA-256 of the content: a new body gets a new file name, so
/// a cached old body is never served for a new deploy.
pub fn content_hash(content: &str) -> String {
    content_hash_bytes(content.as_bytes())
}

pub(super) fn content_hash_bytes(content: &[u8]) -> String {
    let digest = Sha256::digest(content);
    digest[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Writes the body files and the images the posts use under `out_dir` (site-relative
/// layout), replacing whatever an earlier build left there.
pub fn write_site_files(site: &Site, site_root: &Path, out_dir: &Path) -> io::Result<()> {
    if out_dir.exists() {
        fs::remove_dir_all(out_dir)?;
    }
    fs::create_dir_all(out_dir.join(BODY_DIR))?;
    for post in &site.posts {
        fs::write(out_dir.join(&post.meta.body_path), post.body_file())?;
    }
    fs::write(out_dir.join(content_style_path()), CONTENT_STYLE)?;
    fs::write(out_dir.join(body_script_path()), body_script())?;
    fs::write(out_dir.join(&site.search_path), &site.search_bytes)?;
    for (path, bytes) in site.text_chunks.iter().chain(&site.card_chunks) {
        fs::write(out_dir.join(path), bytes)?;
    }
    for (overview, html) in &site.overviews {
        let file = out_dir.join(overview.content_file());
        fs::create_dir_all(file.parent().expect("inside the site"))?;
        fs::write(file, html)?;
    }
    for media in &site.images {
        let target = out_dir.join(&media.published);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::copy(site_root.join(&media.source), target)?;
    }
    Ok(())
}
