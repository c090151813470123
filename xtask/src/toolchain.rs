//! The Rust toolchain: `rust-toolchain.toml` names it and its parts (rustfmt, clippy, the
//! wasm32 target), and rustup sets them up when Cargo first runs in the repository. Setup
//! only checks that the toolchain it runs on has them, for machines where rustup's
//! automatic installs are off.

use std::path::Path;
use std::process::Command;

use crate::util::{self, probe, run, Error, Result};

pub const TOOLCHAIN_FILE: &str = "rust-toolchain.toml";

/// The components and targets `rust-toolchain.toml` asks for.
#[derive(Debug, Default)]
struct Parts {
    components: Vec<String>,
    targets: Vec<String>,
}

impl Parts {
    fn read() -> Result<Parts> {
        let file = util::read_toml(&util::repo_root().join(TOOLCHAIN_FILE))?;
        Ok(Parts::of(&file))
    }

    fn of(file: &toml::Table) -> Parts {
        let list = |key: &str| -> Vec<String> {
            file.get("toolchain")
                .and_then(|toolchain| toolchain.get(key))
                .and_then(toml::Value::as_array)
                .map(|items| {
                    let names = items.iter().filter_map(toml::Value::as_str);
                    names.map(str::to_string).collect()
                })
                .unwrap_or_default()
        };
        Parts {
            components: list("components"),
            targets: list("targets"),
        }
    }

    /// What is not in rustup's `component list --installed` and `target list --installed`.
    fn missing_from(&self, components: &str, targets: &str) -> Parts {
        // Components are listed with their host (`rustfmt-x86_64-unknown-linux-gnu`).
        let has_component = |name: &String| {
            components
                .lines()
                .any(|l| l.trim() == name || l.starts_with(&format!("{name}-")))
        };
        let has_target = |name: &String| targets.lines().any(|l| l.trim() == name);
        Parts {
            components: self
                .components
                .iter()
                .filter(|c| !has_component(c))
                .cloned()
                .collect(),
            targets: self
                .targets
                .iter()
                .filter(|t| !has_target(t))
                .cloned()
                .collect(),
        }
    }

    fn is_empty(&self) -> bool {
        self.components.is_empty() && self.targets.is_empty()
    }

    fn describe(&self) -> String {
        let mut names = self.components.clone();
        names.extend(self.targets.iter().map(|t| format!("target {t}")));
        names.join(", ")
    }
}

/// The parts of the toolchain file missing from the toolchain Cargo runs xtask with.
fn missing(wanted: &Parts) -> Parts {
    let list = |what: &str| {
        probe(Command::new("rustup").args([what, "list", "--installed"])).unwrap_or_default()
    };
    wanted.missing_from(&list("component"), &list("target"))
}

/// Adds what the toolchain lacks of `rust-toolchain.toml`, and nothing else.
pub fn ensure_rust_parts() -> Result<()> {
    let wanted = Parts::read()?;
    let Some(active) = probe(Command::new("rustup").args(["show", "active-toolchain"])) else {
        return without_rustup(&wanted);
    };
    let active = active
        .split_whitespace()
        .next()
        .unwrap_or("the active toolchain")
        .to_string();
    let lacking = missing(&wanted);
    if lacking.is_empty() {
        println!("ok: {active} with {} ({TOOLCHAIN_FILE})", wanted.describe());
        return Ok(());
    }
    // `rustup component add` keeps the installed version; installing from the toolchain
    // file would update the whole channel to add one part.
    println!("{active} lacks {}; adding it", lacking.describe());
    if !lacking.components.is_empty() {
        run(Command::new("rustup")
            .args(["component", "add"])
            .args(&lacking.components))?;
    }
    if !lacking.targets.is_empty() {
        run(Command::new("rustup")
            .args(["target", "add"])
            .args(&lacking.targets))?;
    }
    let still = missing(&wanted);
    if still.is_empty() {
        return Ok(());
    }
    Err(Error::new(format!(
        "rustup added parts to {active}, but it still lacks {} that {TOOLCHAIN_FILE} asks for",
        still.describe()
    )))
}

/// Nothing reads the toolchain file without rustup; a Rust installed another way will do
/// as long as it can build for the targets.
fn without_rustup(wanted: &Parts) -> Result<()> {
    for target in &wanted.targets {
        let libdir =
            probe(Command::new("rustc").args(["--print", "target-libdir", "--target", target]));
        if !libdir.is_some_and(|dir| Path::new(dir.trim()).is_dir()) {
            return Err(Error::new(format!(
                "rustup not found, and this Rust has no standard library for {target}: \
                 install Rust with rustup (https://rustup.rs), which sets up what \
                 {TOOLCHAIN_FILE} asks for"
            )));
        }
    }
    println!(
        "note: rustup not found; assuming this Rust has {} ({TOOLCHAIN_FILE})",
        wanted.describe()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_what_the_toolchain_lacks() {
        let file = "[toolchain]\nchannel = \"stable\"\ncomponents = [\"rustfmt\", \"clippy\"]\n\
                    targets = [\"wasm32-unknown-unknown\"]\n";
        let wanted = Parts::of(&file.parse().unwrap());
        assert_eq!(wanted.components, names(&["rustfmt", "clippy"]));
        let components = "cargo-x86_64-unknown-linux-gnu\nrustfmt-x86_64-unknown-linux-gnu\n";
        let targets = "x86_64-unknown-linux-gnu\n";
        let lacking = wanted.missing_from(components, targets);
        assert_eq!(lacking.components, names(&["clippy"]));
        assert_eq!(lacking.targets, names(&["wasm32-unknown-unknown"]));
        let all = "rustfmt-x86_64-unknown-linux-gnu\nclippy-x86_64-unknown-linux-gnu\n";
        assert!(wanted
            .missing_from(all, "wasm32-unknown-unknown\n")
            .is_empty());
    }

    #[test]
    fn without_rustup_a_missing_target_is_a_clear_error() {
        let nowhere = Parts {
            components: Vec::new(),
            targets: names(&["no-such-target"]),
        };
        let err = without_rustup(&nowhere).unwrap_err();
        assert!(err.message.contains("rustup not found"), "{}", err.message);
        assert!(err.message.contains("no-such-target"), "{}", err.message);
        assert!(without_rustup(&Parts::default()).is_ok());
    }

    #[test]
    fn the_repository_toolchain_has_what_xtask_uses() {
        let wanted = Parts::read().unwrap();
        // `cargo xtask test` runs `cargo fmt` and clippy, and builds for wasm32.
        for component in ["rustfmt", "clippy"] {
            assert!(
                wanted.components.iter().any(|c| c == component),
                "{wanted:?}"
            );
        }
        assert!(
            wanted
                .targets
                .iter()
                .any(|t| t == crate::tools::WASM_TARGET),
            "{wanted:?}"
        );
    }
}
