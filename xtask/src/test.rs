//! `cargo xtask test`: the project's single test command.
//!
//! 1. setup + browser deps + node modules   5. release build for /geul/ + size budget
//! 2. cargo fmt --check                      6. browser tests against the preview server
//! 3. clippy (host and wasm32)               7. a generated 150-post site, built and tested
//! 4. cargo test                                in the browser for what five posts cannot show

use std::path::{Path, PathBuf};
use std::process::Command;

use geul_content::build_script::POSTS_DIR_ENV;

use crate::util::{self, heading, run, run_status, Error, Result};
use crate::{browser, corpus, preview, site, tools};

pub const PAGES_BASE: &str = "/geul/";

#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Options {
    pub skip_browser: bool,
    pub only_browser: bool,
}

pub fn run_all(opts: Options) -> Result<()> {
    if opts.skip_browser && opts.only_browser {
        return Err(Error::new(
            "--skip-browser and --only-browser exclude each other",
        ));
    }
    let browser_tests = !opts.skip_browser;
    let checks = !opts.only_browser;
    let total = if !browser_tests {
        5
    } else if !checks {
        4
    } else {
        7
    };
    let mut n = 0;
    let mut step = |title: &str| {
        n += 1;
        heading(&format!("[{n}/{total}] {title}"));
    };

    step(if browser_tests {
        "setup: build tools, Chromium and fonts, node modules"
    } else {
        "setup: build tools"
    });
    tools::setup()?;
    if browser_tests {
        browser::ensure_system_deps()?;
        browser::ensure_node_modules()?;
    }

    if checks {
        step("formatting: cargo fmt --check");
        run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))
            .map_err(|e| hint(e, "run `cargo fmt --all` to fix the formatting"))?;

        step("lints: cargo clippy (host and wasm32)");
        run(Command::new("cargo").args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))?;
        run(Command::new("cargo").args([
            "clippy",
            "-p",
            "geul",
            "--target",
            tools::WASM_TARGET,
            "--",
            "-D",
            "warnings",
        ]))?;

        step("unit and integration tests: cargo test --workspace");
        let seeds = util::repo_root().join("../shared/seeds");
        if !seeds.is_dir() {
            // cargo test hides a passing test's output, so say it here.
            println!(
                "SKIPPED: {} is absent; the test that compares posts with the original texts \
                 passes without comparing",
                seeds.display()
            );
        }
        run(Command::new("cargo").args(["test", "--workspace"]))?;
    }

    step(&format!(
        "release build for GitHub Pages ({PAGES_BASE}) and first-load size"
    ));
    site::build(PAGES_BASE)?;

    if browser_tests {
        step("browser tests: node --test tests/e2e/ against the Pages-like preview");
        browser_tests_against_preview(&util::repo_root().join(site::DIST_DIR), &[])?;

        step("browser tests on a generated 150-post site (paging, card chunks)");
        let large = large_site()?;
        browser_tests_against_preview(&large, LARGE_SITE_TESTS)?;
    }

    println!();
    println!("all checks passed");
    Ok(())
}

fn hint(e: Error, text: &str) -> Error {
    Error::with_code(format!("{}\nhint: {text}", e.message), e.code)
}

/// The browser tests that need more posts than the real five.
const LARGE_SITE_TESTS: &[&str] = &[
    "tests/e2e/large-site/paging.large.mjs",
    "tests/e2e/large-site/cards.large.mjs",
    "tests/e2e/large-site/phone.large.mjs",
];
/// More posts than the app embeds cards for (64), so the card chunks are tested too.
const LARGE_SITE_POSTS: usize = 150;

/// Builds a site of generated posts into `target/e2e-large/` (its own dist, so `dist/`
/// keeps the real site) and returns that directory.
fn large_site() -> Result<PathBuf> {
    let root = util::repo_root();
    let posts = root.join(format!("target/corpus/e2e-{LARGE_SITE_POSTS}"));
    corpus::generate(&root.join("posts"), &posts, LARGE_SITE_POSTS, 1)?;
    let dist = root.join("target/e2e-large");
    run(Command::new("trunk")
        .args(["build", "--release", "--public-url", PAGES_BASE, "--dist"])
        .arg(&dist)
        .env(POSTS_DIR_ENV, &posts))?;
    Ok(dist)
}

/// Runs the browser tests (all of `tests/e2e/`, or the files in `only`) against `dist`
/// served like Pages.
fn browser_tests_against_preview(dist: &Path, only: &[&str]) -> Result<()> {
    let server = preview::start(dist, PAGES_BASE, 0)?;
    println!("preview: {}", server.url());
    let mut node = Command::new("node");
    node.arg("--test");
    // One file at a time (each starts a browser); Node 18 (Debian 12) lacks the flag and
    // runs files in parallel, which the tests also survive.
    let major = util::probe(Command::new("node").arg("--version"))
        .and_then(|v| {
            v.trim()
                .trim_start_matches('v')
                .split('.')
                .next()?
                .parse::<u32>()
                .ok()
        })
        .unwrap_or(0);
    if major >= 20 {
        node.arg("--test-concurrency=1");
    }
    if only.is_empty() {
        node.arg(format!("{}/", browser::E2E_DIR));
    } else {
        node.args(only);
    }
    node.env("GEUL_BASE_URL", server.url())
        .env("CHROMIUM", browser::CHROMIUM);
    let code = run_status(&mut node);
    server.stop();
    match code? {
        0 => Ok(()),
        code => Err(Error::with_code(
            format!("browser tests failed (node exited with {code})"),
            code,
        )),
    }
}
