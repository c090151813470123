//! `cargo xtask bench-takeover`: the takeover on a throttled phone. It builds the demo site
//! (or takes a built one, `--dist`), writes a copy of it whose pages have no scripts, serves
//! both like GitHub Pages and opens a few pages of each on an emulated slow phone
//! (`tests/e2e/bench/takeover.mjs`). The table goes to stdout and `target/bench/takeover.md`;
//! `docs/BENCHMARKS.md` explains it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::site::{self, Build};
use crate::test::{DEMO_SITE, PAGES_BASE};
use crate::util::{self, run, Error, Result};
use crate::{browser, preview, tools};

const SCRIPT: &str = "tests/e2e/bench/takeover.mjs";
const SITE_DIST: &str = "target/bench/takeover-site";
const SCRIPTLESS_DIST: &str = "target/bench/takeover-scriptless";
const OUT: &str = "target/bench/takeover.md";

/// Measures `dist` (relative to the repository), or the demo site built afresh.
pub fn run_all(runs: usize, dist: Option<&Path>) -> Result<()> {
    if runs == 0 {
        return Err(Error::new("--runs must be at least 1"));
    }
    let root = util::repo_root();
    let dist = match dist {
        Some(dist) => root.join(dist),
        None => {
            tools::setup()?;
            util::heading("the demo site, release build");
            site::build_site(&Build {
                site: Some(root.join(DEMO_SITE)),
                ..Build::new(PAGES_BASE, SITE_DIST)
            })?;
            root.join(SITE_DIST)
        }
    };
    browser::ensure_system_deps()?;
    browser::ensure_node_modules()?;
    util::heading(&format!("{} without its scripts", dist.display()));
    let scriptless = root.join(SCRIPTLESS_DIST);
    if scriptless.exists() {
        fs::remove_dir_all(&scriptless)
            .map_err(|e| Error::new(format!("cannot clear {}: {e}", scriptless.display())))?;
    }
    let pages = copy_without_scripts(&dist, &scriptless)?;
    println!("{pages} pages written to {}", scriptless.display());

    util::heading(&format!(
        "{runs} openings of each page on a throttled phone"
    ));
    let site = preview::start(&dist, PAGES_BASE, 0)?;
    let bare = match preview::start(&scriptless, PAGES_BASE, 0) {
        Ok(bare) => bare,
        Err(e) => {
            site.stop();
            return Err(e);
        }
    };
    let measured = run(Command::new("node")
        .arg(SCRIPT)
        .arg(site.url())
        .arg(bare.url())
        .arg(runs.to_string())
        .arg(root.join(OUT))
        .env("CHROMIUM", browser::CHROMIUM));
    site.stop();
    bare.stop();
    measured?;
    println!("table written to {OUT}");
    Ok(())
}

/// Copies the site in `from` to `to`, every HTML page without its scripts; returns how many
/// pages it wrote.
fn copy_without_scripts(from: &Path, to: &Path) -> Result<usize> {
    if to.starts_with(from) {
        return Err(Error::new(format!(
            "{} is inside {}: the copy would copy itself",
            to.display(),
            from.display()
        )));
    }
    let mut pages = 0;
    let mut folders: Vec<(PathBuf, PathBuf)> = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((from, to)) = folders.pop() {
        fs::create_dir_all(&to)
            .map_err(|e| Error::new(format!("cannot create {}: {e}", to.display())))?;
        let entries = fs::read_dir(&from)
            .map_err(|e| Error::new(format!("cannot read {}: {e}", from.display())))?;
        for entry in entries {
            let path = entry.map_err(|e| Error::new(e.to_string()))?.path();
            let target = to.join(path.file_name().unwrap_or_default());
            if path.is_dir() {
                folders.push((path, target));
            } else if path.extension().is_some_and(|ext| ext == "html") {
                fs::write(&target, without_scripts(&util::read_text(&path)?))
                    .map_err(|e| Error::new(format!("cannot write {}: {e}", target.display())))?;
                pages += 1;
            } else {
                fs::copy(&path, &target)
                    .map_err(|e| Error::new(format!("cannot copy {}: {e}", path.display())))?;
            }
        }
    }
    Ok(pages)
}

/// The page as a reader without the app gets it: every `<script>…</script>` gone, and the
/// `<link>`s that fetch a script or the wasm ahead (`modulepreload`, `preload` as `script`
/// or `fetch`). Nothing else changes, so the same CSS applies to the same markup.
pub fn without_scripts(html: &str) -> String {
    // ASCII lowercasing keeps every byte where it was.
    let lower = html.to_ascii_lowercase();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    while let Some(found) = lower[at..].find('<') {
        let start = at + found;
        let tail = &lower[start..];
        let end = if opens(tail, "script") {
            tail.find("</script>")
                .map(|e| start + e + "</script>".len())
        } else if opens(tail, "link") {
            tail.find('>')
                .map(|e| start + e + 1)
                .filter(|&end| fetches_script(&lower[start..end]))
        } else {
            None
        };
        match end {
            Some(end) => {
                out.push_str(&html[at..start]);
                at = end;
            }
            None => {
                out.push_str(&html[at..=start]);
                at = start + 1;
            }
        }
    }
    out.push_str(&html[at..]);
    out
}

/// Whether `tail` (lowercase, from a `<`) opens a `name` element.
fn opens(tail: &str, name: &str) -> bool {
    tail[1..].starts_with(name)
        && tail[1 + name.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
}

/// Whether a `<link …>` tag (lowercase) fetches a script or the wasm.
fn fetches_script(tag: &str) -> bool {
    let attribute = |name: &str| {
        tag.split(|c: char| c.is_ascii_whitespace() || c == '>')
            .find_map(|word| word.strip_prefix(name)?.strip_prefix('='))
            .map(|value| value.trim_matches(['"', '\'', '/']))
    };
    match attribute("rel") {
        Some("modulepreload") => true,
        Some("preload") => matches!(attribute("as"), Some("script" | "fetch")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_their_preloads_go_and_nothing_else() {
        let page = "<head><link href=/geul/main.css rel=stylesheet>\
            <script>(a=>{if(a<b)c()})(document)</script>\
            <SCRIPT type=module>import init from'/geul/geul.js';init()</SCRIPT>\
            <link crossorigin href=/geul/geul.js rel=modulepreload>\
            <link as=fetch crossorigin href=/geul/geul_bg.wasm rel=preload type=application/wasm>\
            <link rel=\"preload\" as=\"script\" href=\"/x.js\" />\
            <link rel=preload as=font href=/f.woff2>\
            <script type=\"application/ld+json\">{\"a\":1}</script></head>\
            <body><scripted-tag></scripted-tag><p>a < b, 글</p><linker></linker></body>";
        assert_eq!(
            without_scripts(page),
            "<head><link href=/geul/main.css rel=stylesheet>\
             <link rel=preload as=font href=/f.woff2></head>\
             <body><scripted-tag></scripted-tag><p>a < b, 글</p><linker></linker></body>"
        );
    }

    #[test]
    fn an_unclosed_script_is_left_as_it_is() {
        assert_eq!(without_scripts("<p>x</p><script>"), "<p>x</p><script>");
        assert_eq!(without_scripts("<"), "<");
    }

    #[test]
    fn the_copy_keeps_every_file_and_strips_every_page() {
        let from = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let to = out.path().join("site");
        fs::create_dir_all(from.path().join("posts/a")).unwrap();
        fs::write(from.path().join("index.html"), "<p>1</p><script>x</script>").unwrap();
        fs::write(
            from.path().join("posts/a/index.html"),
            "<script>y</script><p>2</p>",
        )
        .unwrap();
        fs::write(from.path().join("app.wasm"), [0u8, 97, 115, 109]).unwrap();
        assert_eq!(copy_without_scripts(from.path(), &to).unwrap(), 2);
        assert_eq!(
            fs::read_to_string(to.join("index.html")).unwrap(),
            "<p>1</p>"
        );
        assert_eq!(
            fs::read_to_string(to.join("posts/a/index.html")).unwrap(),
            "<p>2</p>"
        );
        assert_eq!(fs::read(to.join("app.wasm")).unwrap(), [0u8, 97, 115, 109]);
        assert!(copy_without_scripts(from.path(), &from.path().join("x")).is_err());
    }
}
