//! `cargo xtask test`: the project's single test command.
//!
//! 1. setup, browser deps, node modules
//! 2. cargo fmt --check
//! 3. clippy (host and wasm32)
//! 4. cargo test
//! 5. a minute of fuzzing (nightly)
//! 6. the fixture site: it publishes only the site, its first load is within the budget
//! 7. the README's build of `posts/`, which never fails on size
//! 8. a growing blog: the fixture with 50 more posts, built by the README's command
//! 9. the blog's browser tests, on the build of `posts/`, whatever it holds
//! 10. the engine's browser tests, on the demo site (`tests/demo-site/`)
//! 11. the fixture's browser tests: its policy, failures a reader can read, a post moved
//!     from Chirpy, the owner's settings (profile, comments), no axe violation, print,
//!     reading on, the reader's features (theme, keys, overviews, contents, sharing)
//! 12. a site in English (`tests/english-site/`), in the browser
//! 13. a build that panics on purpose, in the browser
//! 14. a generated 150-post site, built by the README's command, in the browser

use std::path::{Path, PathBuf};
use std::process::Command;

use geul_build::{POSTS_DIR_ENV, SITE_DIR_ENV};

use crate::site::{self, Build};
use crate::util::{self, heading, run, run_status, Error, Result};
use crate::{browser, corpus, fixture, preview, tools};

pub const PAGES_BASE: &str = "/geul/";

/// The demo site the project ships: the engine's browser tests run on it, and generated
/// sites take their sentences from its posts, whatever a fork keeps in `posts/`.
pub const DEMO_SITE: &str = "tests/demo-site";
const DEMO_POSTS: &str = "tests/demo-site/posts";

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
    let total = match (checks, browser_tests) {
        (true, true) => 14,
        (true, false) => 8,
        _ => 10,
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

        step(&format!(
            "fuzzing: the post pipeline for {FUZZ_SECONDS} s (cargo fuzz, nightly)"
        ));
        crate::fuzz::run_for(FUZZ_SECONDS)?;
    }

    step("the fixture site: it publishes only the site, and its first load is within the budget");
    let (fixture_site, _) = fixture::build_and_check(PAGES_BASE)?;
    let fixture_dist = PathBuf::from(fixture::DIST_DIR);

    step(&format!(
        "the README's build of posts/ for GitHub Pages ({PAGES_BASE})"
    ));
    let dist = util::repo_root().join(site::DIST_DIR);
    site::build(PAGES_BASE, &dist, site::Unpublished::default())?;

    step("a growing blog: the fixture with 50 more posts, built by the README's command");
    let grown = grown_fixture(&fixture_site)?;
    let grown_dist = util::repo_root().join("target/grown-dist");
    readme_build(&grown, None, &grown_dist)?;
    let pages = std::fs::read_dir(grown_dist.join("posts")).map_or(0, Iterator::count);
    if pages < GROWN_BY + 5 {
        return Err(Error::new(format!(
            "the grown fixture's build has {pages} post pages, not the fixture's and {GROWN_BY} more"
        )));
    }
    println!("grown fixture: {pages} post pages, built and reported without failing");

    if browser_tests {
        step("the blog in the browser: every page of posts/ answers with its title, nothing fails");
        browser_tests_against_preview(&dist, BLOG_TESTS, &util::repo_root())?;

        step("the demo site in the browser: list, filters, search, routing, takeover, publishing");
        let demo_site = util::repo_root().join(DEMO_SITE);
        let demo_dist = release_build(&demo_site, None, "target/demo-dist")?;
        browser_tests_against_preview(&demo_dist, &[], &demo_site)?;
        // Its five posts' pages, static copy against the app's view, as on the fixture.
        browser_tests_against_preview(&demo_dist, &[STATIC_VS_APP], &demo_site)?;

        step("browser tests on the fixture site: its policy, and failures the reader can read");
        browser_tests_against_preview(
            &util::repo_root().join(&fixture_dist),
            FIXTURE_SITE_TESTS,
            &fixture_site,
        )?;

        step("a site in English: every word of the interface, date and count");
        let english_site = util::repo_root().join(ENGLISH_SITE);
        let english_dist = release_build(&english_site, None, "target/english-dist")?;
        browser_tests_against_preview(&english_dist, ENGLISH_SITE_TESTS, &english_site)?;

        step("a build that panics on purpose: the reader gets a notice, never a blank page");
        let panic_dist =
            release_build(&fixture_site, Some("panic-on-purpose"), "target/panic-dist")?;
        browser_tests_against_preview(&panic_dist, PANIC_TESTS, &fixture_site)?;

        step("a generated 150-post site, built by the README's command (paging, card chunks)");
        let large = large_site()?;
        browser_tests_against_preview(&large, LARGE_SITE_TESTS, &util::repo_root())?;
    }

    println!();
    println!("all checks passed");
    Ok(())
}

/// The release build of `site` for the browser tests, with the app's `features`, into `dist`
/// (relative to the repository); returns where it is.
fn release_build(site: &Path, features: Option<&str>, dist: &str) -> Result<PathBuf> {
    site::build_site(&Build {
        site: Some(site.to_path_buf()),
        features: features.map(str::to_owned),
        ..Build::new(PAGES_BASE, dist)
    })?;
    Ok(util::repo_root().join(dist))
}

fn hint(e: Error, text: &str) -> Error {
    Error::with_code(format!("{}\nhint: {text}", e.message), e.code)
}

/// How long the test suite fuzzes: long enough to run every kept input and explore a little.
const FUZZ_SECONDS: u64 = 60;

/// The browser tests of the blog, whatever `posts/` holds.
const BLOG_TESTS: &[&str] = &["tests/e2e/blog/pages.blog.mjs"];
/// Every page's static copy against the app's view: on the fixture and the demo site.
const STATIC_VS_APP: &str = "tests/e2e/fixture-site/static-vs-app.fixture.mjs";
/// The browser tests of the fixture site's build.
const FIXTURE_SITE_TESTS: &[&str] = &[
    "tests/e2e/fixture-site/policy.fixture.mjs",
    "tests/e2e/fixture-site/failures.fixture.mjs",
    "tests/e2e/fixture-site/chirpy.fixture.mjs",
    "tests/e2e/fixture-site/owner.fixture.mjs",
    "tests/e2e/fixture-site/accessibility.fixture.mjs",
    "tests/e2e/fixture-site/reader.fixture.mjs",
    "tests/e2e/fixture-site/print.fixture.mjs",
    "tests/e2e/fixture-site/reading-on.fixture.mjs",
    STATIC_VS_APP,
];
/// A site whose `language` is English, and its browser tests.
const ENGLISH_SITE: &str = "tests/english-site";
const ENGLISH_SITE_TESTS: &[&str] = &["tests/e2e/english-site/english.english.mjs"];
/// The browser tests of the build that panics on purpose.
const PANIC_TESTS: &[&str] = &["tests/e2e/fixture-site/panic.fixture.mjs"];
/// The browser tests that need more posts than the real five.
const LARGE_SITE_TESTS: &[&str] = &[
    "tests/e2e/large-site/paging.large.mjs",
    "tests/e2e/large-site/cards.large.mjs",
    "tests/e2e/large-site/phone.large.mjs",
];
/// More posts than the app embeds cards for (64), so the card chunks are tested too.
const LARGE_SITE_POSTS: usize = 150;
/// How many posts the fixture grows by to show that a growing blog still deploys.
const GROWN_BY: usize = 50;

/// The fixture site with [`GROWN_BY`] generated posts added (`target/grown-site`).
fn grown_fixture(fixture_site: &Path) -> Result<PathBuf> {
    let root = util::repo_root();
    let grown = root.join("target/grown-site");
    if grown.exists() {
        std::fs::remove_dir_all(&grown)
            .map_err(|e| Error::new(format!("cannot remove {}: {e}", grown.display())))?;
    }
    run(Command::new("cp").arg("-a").arg(fixture_site).arg(&grown))?;
    let generated = root.join("target/corpus/grown");
    corpus::generate(&root.join(DEMO_POSTS), &generated, GROWN_BY, 1)?;
    for entry in std::fs::read_dir(&generated)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", generated.display())))?
    {
        let path = entry.map_err(|e| Error::new(e.to_string()))?.path();
        let name = path.file_name().expect("a file has a name");
        std::fs::copy(&path, grown.join("posts").join(name))
            .map_err(|e| Error::new(format!("cannot copy {}: {e}", path.display())))?;
    }
    Ok(grown)
}

/// Runs the README's build command, `cargo xtask build`, on another site: it must succeed
/// whatever the site's size.
fn readme_build(site: &Path, posts: Option<&Path>, dist: &Path) -> Result<()> {
    let mut build = Command::new("cargo");
    build
        .args(["xtask", "build", "--public-url", PAGES_BASE, "--dist"])
        .arg(dist)
        .env(SITE_DIR_ENV, site);
    match posts {
        Some(posts) => build.env(POSTS_DIR_ENV, posts),
        None => build.env_remove(POSTS_DIR_ENV),
    };
    run(&mut build).map_err(|e| {
        Error::with_code(
            format!(
                "{}\nthe README's build must succeed however large a blog grows",
                e.message
            ),
            e.code,
        )
    })
}

/// Builds a site of generated posts into `target/e2e-large/` with the README's command (its
/// own dist, so `dist/` keeps the real site) and returns that directory.
fn large_site() -> Result<PathBuf> {
    let root = util::repo_root();
    let posts = root.join(format!("target/corpus/e2e-{LARGE_SITE_POSTS}"));
    corpus::generate(&root.join(DEMO_POSTS), &posts, LARGE_SITE_POSTS, 1)?;
    let dist = root.join("target/e2e-large");
    readme_build(&root, Some(&posts), &dist)?;
    Ok(dist)
}

/// Runs the browser tests (all of `tests/e2e/`, or the files in `only`) against `dist`
/// served like Pages. `site` is the folder of the site.toml it was built with: the tests
/// let pages load scripts from the hosts its settings name (comments, analytics), and from
/// nowhere else.
fn browser_tests_against_preview(dist: &Path, only: &[&str], site: &Path) -> Result<()> {
    let config = geul_build::SiteConfig::load(&site.join("site.toml"))
        .map_err(|error| Error::new(error.to_string()))?;
    let script_hosts = match geul_build::Policy::for_site(&config, false) {
        geul_build::Policy::On(allowed) => allowed.scripts,
        geul_build::Policy::Off => Vec::new(),
    };
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
        .env("CHROMIUM", browser::CHROMIUM)
        .env("GEUL_SCRIPT_HOSTS", script_hosts.join(" "));
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
