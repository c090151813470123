//! Which files under `posts/` are read as posts, and what a post left out is told.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::ContentWarning;
use crate::post::{LeftOut, PostSource};

/// Files in `posts/` that are posts: Markdown and plain text, not hidden, not a README.
pub(super) fn is_post_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    !name.starts_with('.')
        && !name.eq_ignore_ascii_case("README.md")
        && matches!(extension, "md" | "markdown" | "txt")
}

/// Whether a post file may be read: a file, or a link to one, inside the repository. A link
/// that leads elsewhere (`posts/passwd.txt → /etc/passwd`) is never followed.
pub(super) fn readable_post(path: &Path, real_root: Option<&Path>) -> Result<bool, &'static str> {
    let Ok(metadata) = fs::symlink_metadata(path) else {
        return Ok(false);
    };
    if !metadata.file_type().is_symlink() {
        return Ok(metadata.is_file());
    }
    let target = path.canonicalize().map_err(|_| "it is a link to nothing")?;
    match real_root.and_then(|root| target.strip_prefix(root).ok()) {
        None => Err("it is a link to a file outside the repository"),
        Some(inside)
            if inside
                .components()
                .any(|part| part.as_os_str().to_string_lossy().starts_with('.')) =>
        {
            Err("it is a link into a hidden file or folder")
        }
        Some(_) => Ok(target.is_file()),
    }
}

/// Every post file under `dir`, in its subfolders too (as Jekyll reads `_posts/**`). Hidden
/// folders are skipped, and a link to a folder is not followed.
pub(super) fn find_post_files(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        let is_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if is_folder && !hidden {
            find_post_files(&path, found)?;
        } else if is_post_file(&path) {
            found.push(path);
        }
    }
    Ok(())
}

pub(super) fn left_out_warning(source: &PostSource, why: LeftOut) -> ContentWarning {
    let (key, reason, flag) = match why {
        LeftOut::Unpublished => ("published", "`published: false`", "--drafts"),
        LeftOut::Future => ("date", "dated in the future", "--future"),
    };
    ContentWarning::new(
        &source.file,
        source.key_line(key),
        format!("left out of the site: {reason} (`cargo xtask build {flag}` includes it)"),
    )
}
