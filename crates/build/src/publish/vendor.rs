//! Scripts from npm that the site serves itself (no CDN): mermaid, for the pages that have
//! a diagram. `cargo xtask setup` installs the version named here (`.tools/package.json`);
//! the build copies its browser files beside the post bodies when some post needs them.

use std::fs;
use std::path::Path;

use crate::site::BODY_DIR;

/// The mermaid release the site serves; `.tools/package.json` pins the same one.
pub const MERMAID_VERSION: &str = "12.3.0";

/// Where npm installs it, relative to the repository.
pub const MERMAID_PACKAGE: &str = ".tools/node_modules/mermaid";

/// The folder mermaid is published in, relative to the body script beside it.
pub fn mermaid_folder() -> String {
    format!("mermaid-{MERMAID_VERSION}")
}

/// The same folder, site-relative: `content/mermaid-<version>`.
pub fn mermaid_dir() -> String {
    format!("{BODY_DIR}/{}", mermaid_folder())
}

/// The module browsers import, and the folder of the chunks it imports as it needs them
/// (each diagram type is one), both under the package's `dist/`.
const ENTRY: &str = "mermaid.esm.min.mjs";
const CHUNKS: &str = "chunks/mermaid.esm.min";

/// Copies mermaid's browser files from the installed `package` into `site_dir`'s
/// [`mermaid_dir`]; source maps stay behind. Returns how many files were copied, or a
/// message saying what to run.
pub fn copy_mermaid(package: &Path, site_dir: &Path) -> Result<usize, String> {
    let manifest = package.join("package.json");
    let installed = fs::read_to_string(&manifest)
        .ok()
        .and_then(|text| yaml_serde::from_str::<yaml_serde::Value>(&text).ok())
        .and_then(|json| json.get("version")?.as_str().map(str::to_owned));
    match installed {
        Some(version) if version == MERMAID_VERSION => {}
        found => {
            return Err(format!(
                "a post has a mermaid diagram, which needs mermaid {MERMAID_VERSION} in {} \
                 (found: {}): run `cargo xtask setup`",
                package.display(),
                found.as_deref().unwrap_or("none")
            ))
        }
    }
    let dist = package.join("dist");
    let target = site_dir.join(mermaid_dir());
    let io = |path: &Path, error: std::io::Error| format!("{}: {error}", path.display());
    fs::create_dir_all(target.join(CHUNKS)).map_err(|e| io(&target, e))?;
    fs::copy(dist.join(ENTRY), target.join(ENTRY)).map_err(|e| io(&dist.join(ENTRY), e))?;
    let mut copied = 1;
    let chunks = dist.join(CHUNKS);
    for entry in fs::read_dir(&chunks).map_err(|e| io(&chunks, e))? {
        let path = entry.map_err(|e| io(&chunks, e))?.path();
        if path.extension().is_some_and(|ext| ext == "mjs") {
            let name = path.file_name().expect("a file in the folder");
            fs::copy(&path, target.join(CHUNKS).join(name)).map_err(|e| io(&path, e))?;
            copied += 1;
        }
    }
    Ok(copied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package(version: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("package.json"),
            format!("{{\"name\": \"mermaid\", \"version\": \"{version}\"}}"),
        )
        .unwrap();
        let chunks = dir.path().join("dist").join(CHUNKS);
        fs::create_dir_all(&chunks).unwrap();
        fs::write(
            dir.path().join("dist").join(ENTRY),
            "import './chunks/x.mjs'",
        )
        .unwrap();
        fs::write(chunks.join("flowDiagram-X.mjs"), "export const a = 1").unwrap();
        fs::write(chunks.join("flowDiagram-X.mjs.map"), "{}").unwrap();
        dir
    }

    #[test]
    fn the_browser_files_are_copied_and_the_maps_left() {
        let package = package(MERMAID_VERSION);
        let site = tempfile::tempdir().unwrap();
        assert_eq!(copy_mermaid(package.path(), site.path()), Ok(2));
        let target = site.path().join(mermaid_dir());
        assert!(target.join(ENTRY).is_file());
        assert!(target.join(CHUNKS).join("flowDiagram-X.mjs").is_file());
        assert!(!target.join(CHUNKS).join("flowDiagram-X.mjs.map").exists());
    }

    #[test]
    fn another_version_or_none_asks_for_setup() {
        let site = tempfile::tempdir().unwrap();
        let other = package("11.0.0");
        let error = copy_mermaid(other.path(), site.path()).unwrap_err();
        assert!(error.contains("found: 11.0.0"), "{error}");
        assert!(error.contains("cargo xtask setup"), "{error}");
        let error = copy_mermaid(&site.path().join("missing"), site.path()).unwrap_err();
        assert!(error.contains("found: none"), "{error}");
    }
}
