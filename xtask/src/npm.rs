//! Node packages installed with `npm ci` from a committed package-lock.json (tests/e2e,
//! and the build tools in `.tools`), so every machine gets the same versions.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::util::{self, Result};

/// The version `dir/package-lock.json` pins for `package`, if it names it.
pub fn locked_version(dir: &Path, package: &str) -> Result<Option<String>> {
    let lock = util::read_json(&dir.join("package-lock.json"))?;
    Ok(pinned_in(&lock, package).map(str::to_string))
}

fn pinned_in<'a>(lock: &'a serde_json::Value, package: &str) -> Option<&'a str> {
    lock.get("packages")?
        .get(format!("node_modules/{package}"))?
        .get("version")?
        .as_str()
}

/// The version of `package` installed in `dir/node_modules`, if any.
pub fn installed_version(dir: &Path, package: &str) -> Option<String> {
    let manifest = dir.join("node_modules").join(package).join("package.json");
    // A missing or broken install is simply not installed: `npm ci` replaces it.
    let text = fs::read_to_string(manifest).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(manifest.get("version")?.as_str()?.to_string())
}

/// `npm ci` in `dir` (relative to the repo root): exactly what its lockfile says.
pub fn clean_install(dir: &str) -> Result<()> {
    util::run(
        Command::new("npm")
            .args(["ci", "--prefix", dir, "--no-audit", "--no-fund"])
            .stdin(Stdio::null()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_pinned_and_the_installed_version() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::write(
            dir.join("package-lock.json"),
            r#"{"packages": {"": {"version": "0.0.0"},
                "node_modules/playwright-core": { "version": "1.65.1", "dev": true }}}"#,
        )
        .unwrap();
        assert_eq!(
            locked_version(dir, "playwright-core").unwrap().as_deref(),
            Some("1.65.1")
        );
        assert_eq!(locked_version(dir, "terser").unwrap(), None);
        assert_eq!(installed_version(dir, "playwright-core"), None);
        let installed = dir.join("node_modules/playwright-core");
        fs::create_dir_all(&installed).unwrap();
        fs::write(installed.join("package.json"), r#"{"version": "1.60.0"}"#).unwrap();
        assert_eq!(
            installed_version(dir, "playwright-core").as_deref(),
            Some("1.60.0")
        );
    }
}
