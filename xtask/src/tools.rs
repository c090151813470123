//! Installing and locating the build tools: the Rust toolchain's parts, Trunk,
//! wasm-bindgen-cli (matching Cargo.lock), binaryen's wasm-opt (from npm), and
//! the crates themselves (`cargo fetch`, since Trunk builds offline).

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::npm;
use crate::util::{self, probe, run, Error, Result};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Trunk 0.22 needs a newer rustc than we can assume, so stay on 0.21.
pub const TRUNK_VERSION: &str = "0.21.14";
/// The npm `binaryen` package; its `wasm-opt --version` says `version 132`.
pub const BINARYEN_NPM_VERSION: &str = "132.0.0";
pub const WASM_OPT_VERSION: &str = "132";
/// terser from npm, for the JS glue (Trunk's minifier cannot parse it).
pub const TERSER_NPM_VERSION: &str = "5.51.2";
/// Where npm installs the tools from the committed package-lock.json, relative to the repo root.
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
    crate::toolchain::ensure_rust_parts()?;
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

/// The npm packages in `.tools`, at the versions its package-lock.json pins.
const NPM_TOOLS: [(&str, &str); 3] = [
    ("binaryen", BINARYEN_NPM_VERSION),
    ("terser", TERSER_NPM_VERSION),
    // Not a tool: the browser files a site with diagrams serves (geul-build copies them).
    ("mermaid", geul_build::MERMAID_VERSION),
];

/// wasm-opt, terser and mermaid, with `npm ci` from `.tools/package-lock.json` unless the
/// installed ones already are the pinned versions.
fn ensure_npm_tools() -> Result<()> {
    let dir = util::repo_root().join(TOOLS_DIR);
    // Trunk.toml's wasm_opt follows these constants, so the lockfile must too.
    for (package, version) in NPM_TOOLS {
        let pinned = npm::locked_version(&dir, package)?;
        if pinned.as_deref() != Some(version) {
            return Err(Error::new(format!(
                "{TOOLS_DIR}/package-lock.json pins {package} {}, but xtask/src/tools.rs expects \
                 {version}; make them agree",
                pinned.as_deref().unwrap_or("nowhere")
            )));
        }
    }
    let tools = [
        (wasm_opt_path(), format!("version {WASM_OPT_VERSION}")),
        (terser_path(), format!("terser {TERSER_NPM_VERSION}")),
    ];
    let all_current = || {
        tools.iter().all(|(path, wanted)| {
            probe(Command::new(path).arg("--version")).is_some_and(|out| out.contains(wanted))
        }) && npm::installed_version(&dir, "mermaid").as_deref()
            == Some(geul_build::MERMAID_VERSION)
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
    npm::clean_install(TOOLS_DIR)?;
    if all_current() {
        return Ok(());
    }
    Err(Error::new(format!(
        "`npm ci` installed binaryen {BINARYEN_NPM_VERSION}, terser {TERSER_NPM_VERSION} and \
         mermaid {} into {TOOLS_DIR}, but their `--version` does not print {:?} or mermaid's \
         package.json names another version",
        geul_build::MERMAID_VERSION,
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
    locked_version(&util::parse_toml(&text, &path)?, "wasm-bindgen").ok_or_else(|| {
        Error::new(format!(
            "no `wasm-bindgen` package in {}; is the app crate depending on it?",
            path.display()
        ))
    })
}

/// The `version` of the first `[[package]]` named `name` in a parsed Cargo.lock.
pub fn locked_version(lock: &toml::Table, name: &str) -> Option<String> {
    let packages = lock.get("package")?.as_array()?;
    packages
        .iter()
        .find(|package| package.get("name").and_then(toml::Value::as_str) == Some(name))
        .and_then(|package| package.get("version")?.as_str())
        .map(str::to_string)
}

/// Trunk.toml must pin the same wasm-bindgen as Cargo.lock (Trunk runs offline,
/// so it can only use the CLI we installed) and the wasm-opt we install.
pub fn check_trunk_pins(lock_wasm_bindgen: &str) -> Result<()> {
    let trunk_toml = util::read_toml(&util::repo_root().join("Trunk.toml"))?;
    check_pins_in(&trunk_toml, lock_wasm_bindgen)
}

/// A string in Trunk.toml's `[tools]` table; empty when it is missing.
fn pinned_tool(trunk_toml: &toml::Table, key: &str) -> String {
    trunk_toml
        .get("tools")
        .and_then(|tools| tools.get(key))
        .and_then(toml::Value::as_str)
        .unwrap_or_default()
        .to_string()
}

fn check_pins_in(trunk_toml: &toml::Table, lock_wasm_bindgen: &str) -> Result<()> {
    let pinned = pinned_tool(trunk_toml, "wasm_bindgen");
    if pinned != lock_wasm_bindgen {
        return Err(Error::new(format!(
            "Trunk.toml pins [tools] wasm_bindgen = {pinned:?}, but Cargo.lock has wasm-bindgen {lock_wasm_bindgen}.\n\
             They must be equal: set wasm_bindgen = \"{lock_wasm_bindgen}\" in Trunk.toml \
             (or pin the wasm-bindgen crate in Cargo.toml to {pinned:?})."
        )));
    }
    let wanted_opt = format!("version_{WASM_OPT_VERSION}");
    let pinned_opt = pinned_tool(trunk_toml, "wasm_opt");
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

    fn parsed(text: &str) -> toml::Table {
        text.parse().unwrap()
    }

    #[test]
    fn reads_the_exact_package_from_the_lockfile() {
        let lock = parsed(LOCK);
        assert_eq!(
            locked_version(&lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(locked_version(&lock, "yew"), None);
    }

    #[test]
    fn pin_check() {
        let good = "[build]\noffline = true\n[tools]\nwasm_bindgen = \"0.2.130\" # pin\nwasm_opt = \"version_132\"\n";
        assert!(check_pins_in(&parsed(good), "0.2.130").is_ok());
        let err = check_pins_in(&parsed(good), "0.2.131").unwrap_err();
        assert!(err.message.contains("0.2.131"), "{}", err.message);
        let bad_opt = good.replace("version_132", "version_123");
        assert!(check_pins_in(&parsed(&bad_opt), "0.2.130").is_err());
        // A pin outside `[tools]` is no pin.
        let elsewhere = "[build]\nwasm_bindgen = \"0.2.130\"\nwasm_opt = \"version_132\"\n";
        let err = check_pins_in(&parsed(elsewhere), "0.2.130").unwrap_err();
        assert!(
            err.message.contains("wasm_bindgen = \"\""),
            "{}",
            err.message
        );
    }

    #[test]
    fn the_tools_lockfile_pins_what_xtask_expects() {
        let dir = util::repo_root().join(TOOLS_DIR);
        for (package, version) in NPM_TOOLS {
            let pinned = npm::locked_version(&dir, package).unwrap();
            assert_eq!(pinned.as_deref(), Some(version), "{package}");
        }
        let manifest = util::read_json(&dir.join("package.json")).unwrap();
        for (package, version) in NPM_TOOLS {
            assert_eq!(manifest["dependencies"][package], version, "{package}");
        }
    }

    #[test]
    fn repo_trunk_toml_matches_lockfile() {
        let root = util::repo_root();
        let (trunk_file, lock_file) = (root.join("Trunk.toml"), root.join("Cargo.lock"));
        // Cargo.lock may not exist yet; once both do, they must agree.
        if !trunk_file.is_file() || !lock_file.is_file() {
            return;
        }
        let trunk_toml = util::read_toml(&trunk_file).unwrap();
        let lock = util::read_toml(&lock_file).unwrap();
        let locked = locked_version(&lock, "wasm-bindgen").expect("wasm-bindgen in Cargo.lock");
        check_pins_in(&trunk_toml, &locked).unwrap();
    }
}
