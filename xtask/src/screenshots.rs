//! `cargo xtask screenshots`: the README's pictures of the blog in `posts/` (the list in the
//! light and the dark theme, a post on a phone, a post with its contents beside it), taken
//! in headless Chromium from the release build served as GitHub Pages would serve it.

use std::process::Command;

use crate::site::{self, Build};
use crate::util::{self, run, Error, Result};
use crate::{browser, preview, tools};

const BASE: &str = "/geul/";
const SCRIPT: &str = "tests/e2e/screenshot.mjs";

pub fn take() -> Result<()> {
    tools::setup()?;
    browser::ensure_system_deps()?;
    browser::ensure_node_modules()?;
    let dist = util::repo_root().join("target/screenshots-dist");
    site::build_site(&Build::new(BASE, &dist))?;
    let server = preview::start(&dist, BASE, 0)?;
    let taken = run(Command::new("node")
        .arg(SCRIPT)
        .env("GEUL_BASE_URL", server.url())
        .env("CHROMIUM", browser::CHROMIUM));
    server.stop();
    taken.map_err(|e| Error::new(format!("{SCRIPT}: {e}")))?;
    println!("docs/screenshot*.png written");
    Ok(())
}
