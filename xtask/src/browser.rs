//! What the browser tests need besides the site: Debian's Chromium, CJK fonts
//! (so Korean text renders), and the Node packages in tests/e2e.

use std::io::IsTerminal;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::npm;
use crate::util::{self, probe, run, Error, Result};

pub const CHROMIUM: &str = "/usr/bin/chromium";
const APT_PACKAGES: [&str; 3] = ["chromium", "chromium-driver", "fonts-noto-cjk"];
pub const E2E_DIR: &str = "tests/e2e";

/// Installs Chromium and the Noto CJK fonts with apt if either is missing.
pub fn ensure_system_deps() -> Result<()> {
    let have_chromium = Path::new(CHROMIUM).exists();
    let have_fonts = Command::new("dpkg")
        .args(["-s", "fonts-noto-cjk"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if have_chromium && have_fonts {
        println!("ok: {CHROMIUM} and fonts-noto-cjk present");
        return Ok(());
    }
    println!(
        "missing: {}{}; installing with apt",
        if have_chromium { "" } else { "chromium " },
        if have_fonts { "" } else { "fonts-noto-cjk" }
    );
    if probe(Command::new("apt-get").arg("--version")).is_none() {
        return Err(Error::new(format!(
            "apt-get not found: install Chromium (at {CHROMIUM}) and the Noto CJK fonts yourself, \
             or run on Debian/Ubuntu"
        )));
    }
    run(&mut apt(&["update"])?)?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"])?;
    install.args(APT_PACKAGES);
    run(&mut install)?;
    if !Path::new(CHROMIUM).exists() {
        return Err(Error::new(format!(
            "apt installed chromium, but {CHROMIUM} still does not exist"
        )));
    }
    Ok(())
}

/// Installs Debian packages (used for Node.js on a machine that lacks it).
pub fn apt_install(packages: &[&str]) -> Result<()> {
    if probe(Command::new("apt-get").arg("--version")).is_none() {
        return Err(Error::new(format!(
            "apt-get not found: install {} yourself",
            packages.join(" ")
        )));
    }
    run(&mut apt(&["update"])?)?;
    let mut install = apt(&["install", "-y", "--no-install-recommends"])?;
    install.args(packages);
    run(&mut install)
}

/// `apt-get <args>` as root, through sudo when we are not root.
fn apt(args: &[&str]) -> Result<Command> {
    let uid = probe(Command::new("id").arg("-u")).unwrap_or_default();
    let mut cmd = if uid.trim() == "0" {
        Command::new("apt-get")
    } else if probe(Command::new("sudo").arg("--version")).is_some() {
        let mut sudo = Command::new("sudo");
        // Without a terminal (CI, no stdin) sudo must not wait for a password.
        if !std::io::stdin().is_terminal() {
            sudo.arg("-n");
        }
        sudo.args(["env", "DEBIAN_FRONTEND=noninteractive", "apt-get"]);
        sudo
    } else {
        return Err(Error::new(format!(
            "need root to run apt-get {}: run as root or install sudo",
            args.join(" ")
        )));
    };
    cmd.args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdin(Stdio::null());
    Ok(cmd)
}

/// The browser tests' packages: the browser driver, and axe-core, which they inject.
const E2E_PACKAGES: [&str; 2] = ["playwright-core", "axe-core"];

/// `npm ci` in tests/e2e unless every package is already installed at the version
/// package-lock.json asks for.
pub fn ensure_node_modules() -> Result<()> {
    let dir = util::repo_root().join(E2E_DIR);
    let mut current = Vec::new();
    for package in E2E_PACKAGES {
        let wanted = npm::locked_version(&dir, package)?;
        let installed = npm::installed_version(&dir, package);
        match (wanted, installed) {
            (Some(wanted), Some(installed)) if wanted == installed => {
                current.push(format!("{package} {installed}"));
            }
            _ => break,
        }
    }
    if current.len() == E2E_PACKAGES.len() {
        println!("ok: {} in {E2E_DIR}/node_modules", current.join(", "));
        return Ok(());
    }
    if probe(Command::new("npm").arg("--version")).is_none() {
        return Err(Error::new(
            "npm not found: Node.js 20+ with npm is required for the browser tests",
        ));
    }
    npm::clean_install(E2E_DIR)
}
