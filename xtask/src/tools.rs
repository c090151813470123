//! Installing and locating the build tools: the wasm32 target, Trunk,
//! wasm-bindgen-cli (matching Cargo.lock), binaryen's wasm-opt (from npm), and
//! the crates themselves (`cargo fetch`, since Trunk builds offline).

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::util::{self, probe, run, Error, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Trunk 0.22 needs a newer rustc than we can assume, so stay on 0.21.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` package; its `wasm-opt --version` says `version 132`.
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
pub const WASM_OPT_VERSION: &str = "132";
/// terser from npm, for the JS glue (Trunk's minifier cannot parse it).
pub const TERSER_NPM_VERSION: &str = "5.51.2";
/// Where npm-installed tools live (git-ignored), relative to the repo root.
pub const TOOLS_DIR: &str = ".tools";

/// Puts `.tools/node_modules/.bin` and Cargo's bin directory in front of PATH
/// for this process and everything it starts (Trunk looks tools up on PATH).
pub fn prepare_path() {
    let mut dirs = vec![
        util::repo_root().join(TOOLS_DIR).join("node_modules/.bin"),
        cargo_bin_dir(),
    ];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    if let Ok(joined) = env::join_paths(dirs) {
        env::set_var("PATH", joined);
    }
}

fn cargo_bin_dir() -> PathBuf {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"));
    home.join("bin")
}

/// Installs whatever is missing; reuses tools whose version already matches.
pub fn setup() -> Result<()> {
    ensure_rust_parts()?;
    run(Command::new("cargo").arg("fetch"))?;
    let wasm_bindgen = lockfile_wasm_bindgen()?;
    check_trunk_pins(&wasm_bindgen)?;
    ensure_cargo_tool(
        "wasm-bindgen",
        &wasm_bindgen,
        &["wasm-bindgen-cli", "--version", &wasm_bindgen],
    )?;
    ensure_cargo_tool(
        "trunk",
        TRUNK_VERSION,
        &["trunk", "--version", TRUNK_VERSION, "--locked"],
    )?;
    ensure_npm_tools()?;
    println!(
        "setup: trunk {TRUNK_VERSION}, wasm-bindgen {wasm_bindgen}, wasm-opt version {WASM_OPT_VERSION}, target {WASM_TARGET} ready"
    );
    Ok(())
}

/// The wasm32 target plus rustfmt and clippy (used by `cargo xtask test`).
fn ensure_rust_parts() -> Result<()> {
    let Some(targets) = probe(Command::new("rustup").args(["target", "list", "--installed"]))
    else {
        println!("note: rustup not found; assuming the {WASM_TARGET} target, rustfmt and clippy are installed");
        return Ok(());
    };
    if !targets.lines().any(|l| l.trim() == WASM_TARGET) {
        run(Command::new("rustup").args(["target", "add", WASM_TARGET]))?;
    }
    let components = probe(Command::new("rustup").args(["component", "list", "--installed"]))
        .unwrap_or_default();
    let missing: Vec<&str> = ["rustfmt", "clippy"]
        .into_iter()
        .filter(|name| {
            !components
                .lines()
                .any(|l| l.trim() == *name || l.starts_with(&format!("{name}-")))
        })
        .collect();
    if !missing.is_empty() {
        run(Command::new("rustup")
            .args(["component", "add"])
            .args(&missing))?;
    }
    Ok(())
}

/// Reuses `<bin> --version` if it prints `<bin> <version>`, else `cargo install`s it.
pub fn ensure_cargo_tool(bin: &str, version: &str, install_args: &[&str]) -> Result<()> {
    let wanted = format!("{bin} {version}");
    let current = || probe(Command::new(bin).arg("--version")).map(|out| out.trim().to_string());
    match current() {
        Some(found) if found == wanted => {
            println!("ok: {wanted}");
            return Ok(());
        }
        Some(found) => println!("{bin}: found `{found}`, need `{wanted}`; installing"),
        None => println!("{bin}: not found; installing {wanted} (this takes a few minutes)"),
    }
    run(Command::new("cargo").arg("install").args(install_args))?;
    match current() {
        Some(found) if found == wanted => Ok(()),
        found => Err(Error::new(format!(
            "installed {bin} {version}, but `{bin} --version` now prints {:?}; \
             is another `{bin}` earlier on PATH than {}?",
            found.unwrap_or_default(),
            cargo_bin_dir().display()
        ))),
    }
}

fn wasm_opt_path() -> PathBuf {
    npm_bin("wasm-opt")
}

/// terser, which minifies the JS glue of release builds (see `minify.rs`).
pub fn terser_path() -> PathBuf {
    npm_bin("terser")
}

fn npm_bin(name: &str) -> PathBuf {
    util::repo_root()
        .join(TOOLS_DIR)
        .join("node_modules/.bin")
        .join(name)
}

/// wasm-opt and terser from npm, at the pinned versions.
fn ensure_npm_tools() -> Result<()> {
    let tools = [
        (wasm_opt_path(), format!("version {WASM_OPT_VERSION}")),
        (terser_path(), format!("terser {TERSER_NPM_VERSION}")),
    ];
    let all_current = || {
        tools.iter().all(|(path, wanted)| {
            probe(Command::new(path).arg("--version")).is_some_and(|out| out.contains(wanted))
        })
    };
    if all_current() {
        for (path, wanted) in &tools {
            println!("ok: {wanted} ({})", path.display());
        }
        return Ok(());
    }
    if probe(Command::new("npm").arg("--version")).is_none() {
        println!("missing: Node.js and npm (for wasm-opt and terser); installing with apt");
        crate::browser::apt_install(&["nodejs", "npm"])?;
    }
    run(Command::new("npm").args([
        "install",
        "--prefix",
        TOOLS_DIR,
        "--no-audit",
        "--no-fund",
        &format!("binaryen@{BINARYEN_NPM_VERSION}"),
        &format!("terser@{TERSER_NPM_VERSION}"),
    ]))?;
    if all_current() {
        return Ok(());
    }
    Err(Error::new(format!(
        "installed binaryen@{BINARYEN_NPM_VERSION} and terser@{TERSER_NPM_VERSION} into {TOOLS_DIR}, \
         but their `--version` does not print {:?}",
        tools.map(|(_, wanted)| wanted)
    )))
}

/// The `wasm-bindgen` version recorded in Cargo.lock.
pub fn lockfile_wasm_bindgen() -> Result<String> {
    let path = util::repo_root().join("Cargo.lock");
    let text = fs::read_to_string(&path).map_err(|e| {
        Error::new(format!(
            "cannot read {}: {e} (run `cargo fetch` to create it)",
            path.display()
        ))
    })?;
    locked_version(&text, "wasm-bindgen").ok_or_else(|| {
        Error::new(format!(
            "no `wasm-bindgen` package in {}; is the app crate depending on it?",
            path.display()
        ))
    })
}

/// Finds `version` of the `[[package]]` named `name` in a Cargo.lock text.
pub fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted_name = format!("name = \"{name}\"");
    lock.split("[[package]]").find_map(|block| {
        let mut lines = block.lines().map(str::trim);
        if !lines.clone().any(|l| l == wanted_name) {
            return None;
        }
        lines.find_map(|l| {
            l.strip_prefix("version = \"")
                .and_then(|v| v.strip_suffix('"'))
                .map(str::to_string)
        })
    })
}

/// Trunk.toml must pin the same wasm-bindgen as Cargo.lock (Trunk runs offline,
/// so it can only use the CLI we installed) and the wasm-opt we install.
pub fn check_trunk_pins(lock_wasm_bindgen: &str) -> Result<()> {
    let path = util::repo_root().join("Trunk.toml");
    let text = fs::read_to_string(&path)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))?;
    check_pins_in(&text, lock_wasm_bindgen)
}

fn check_pins_in(trunk_toml: &str, lock_wasm_bindgen: &str) -> Result<()> {
    let pinned = util::toml_value(trunk_toml, "tools", "wasm_bindgen").unwrap_or_default();
    if pinned != lock_wasm_bindgen {
        return Err(Error::new(format!(
            "Trunk.toml pins [tools] wasm_bindgen = {pinned:?}, but Cargo.lock has wasm-bindgen {lock_wasm_bindgen}.\n\
             They must be equal: set wasm_bindgen = \"{lock_wasm_bindgen}\" in Trunk.toml \
             (or pin the wasm-bindgen crate in Cargo.toml to {pinned:?})."
        )));
    }
    let wanted_opt = format!("version_{WASM_OPT_VERSION}");
    let pinned_opt = util::toml_value(trunk_toml, "tools", "wasm_opt").unwrap_or_default();
    if pinned_opt != wanted_opt {
        return Err(Error::new(format!(
            "Trunk.toml pins [tools] wasm_opt = {pinned_opt:?}, but xtask installs binaryen {BINARYEN_NPM_VERSION} \
             (wasm_opt = \"{wanted_opt}\"); make them agree"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
[[package]]
name = "wasm-bindgen-backend"
version = "0.2.999"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

    #[test]
    fn reads_the_exact_package_from_the_lockfile() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(LOCK, "yew"), None);
    }

    #[test]
    fn pin_check() {
        let good = "[build]\noffline = true\n[tools]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
        assert!(check_pins_in(good, "0.2.130").is_ok());
        let err = check_pins_in(good, "0.2.131").unwrap_err();
        assert!(err.message.contains("0.2.131"), "{}", err.message);
        let bad_opt = good.replace("version_132", "version_123");
        assert!(check_pins_in(&bad_opt, "0.2.130").is_err());
    }

    #[test]
    fn repo_trunk_toml_matches_lockfile() {
        let root = util::repo_root();
        let (Ok(toml), Ok(lock)) = (
            fs::read_to_string(root.join("Trunk.toml")),
            fs::read_to_string(root.join("Cargo.lock")),
        ) else {
            return;
        };
        let locked = locked_version(&lock, "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
        check_pins_in(&toml, &locked).unwrap();
    }
}
