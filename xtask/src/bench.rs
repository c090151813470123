//! `cargo xtask bench`: the search benchmark. For each corpus size it writes a synthetic
//! corpus (`cargo xtask corpus`) and builds the release site from it; then, for each, it
//! states the first-load size, serves it like GitHub Pages and types queries in headless Chromium
//! (`tests/e2e/bench/search-keystrokes.mjs`); last, it times the search alone on every
//! site's index, natively (`crates/build/benches/search_keystrokes.rs`). The table goes to
//! stdout and `target/bench/results.md`; `docs/BENCHMARKS.md` explains it.

use std::fs;
use std::process::Command;

use geul_build::POSTS_DIR_ENV;

use crate::site::{first_load, kb};
use crate::util::{self, run, Error, Result};
use crate::{browser, corpus, preview, tools};

const BASE: &str = "/geul/";
const SCRIPT: &str = "tests/e2e/bench/search-keystrokes.mjs";

/// One corpus size's figures.
struct Row {
    posts: usize,
    first_load_gzip: usize,
    search_data_gzip: usize,
    keystrokes: serde_json::Value,
    /// The search alone, natively (`search_keystrokes` bench): p50 / p95 in ms.
    search_alone: serde_json::Value,
}

pub fn run_all(sizes: &[usize], rounds: usize) -> Result<()> {
    tools::setup()?;
    browser::ensure_system_deps()?;
    browser::ensure_node_modules()?;
    let root = util::repo_root();
    // Every site is built before any is measured: the 100,000-post build writes 1.8 GB in
    // 200,000 files, and the disk writing them back must not run beside the browser being
    // timed.
    let mut built = Vec::new();
    for &posts in sizes {
        util::heading(&format!("{posts} posts: corpus and build"));
        let corpus_dir = root.join(format!("target/corpus/{posts}"));
        corpus::generate(&root.join("posts"), &corpus_dir, posts, 1)?;
        let dist = root.join(format!("target/bench/{posts}"));
        run(Command::new("trunk")
            .args(["build", "--release", "--public-url", BASE, "--dist"])
            .arg(&dist)
            .env(POSTS_DIR_ENV, &corpus_dir))?;
        built.push((posts, dist));
    }
    run(&mut Command::new("sync"))?;
    let mut rows = Vec::new();
    for &(posts, ref dist) in &built {
        util::heading(&format!("{posts} posts: typing"));
        let first_load_gzip = first_load(dist, BASE)?.iter().map(|f| f.gzip).sum();
        let search_data_gzip = search_data_gzip(dist)?;
        let server = preview::start(dist, BASE, 0)?;
        let output = Command::new("node")
            .arg(SCRIPT)
            .arg(server.url())
            .arg(rounds.to_string())
            .env("CHROMIUM", browser::CHROMIUM)
            .output();
        server.stop();
        let output = output.map_err(|e| Error::new(format!("cannot run node: {e}")))?;
        if !output.status.success() {
            return Err(Error::new(format!(
                "{SCRIPT} failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        let keystrokes: serde_json::Value = serde_json::from_slice(&output.stdout)
            .map_err(|e| Error::new(format!("{SCRIPT} printed no JSON: {e}")))?;
        println!("{keystrokes}");
        rows.push(Row {
            posts,
            first_load_gzip,
            search_data_gzip,
            keystrokes,
            search_alone: serde_json::Value::Null,
        });
    }
    util::heading("the search alone, natively");
    let indexes: Vec<std::path::PathBuf> = built
        .iter()
        .map(|(_, dist)| search_index_file(dist))
        .collect::<Result<_>>()?;
    let output = Command::new("cargo")
        .args([
            "bench",
            "--quiet",
            "-p",
            "geul-build",
            "--bench",
            "search_keystrokes",
        ])
        .args(["--", "--rounds", &rounds.to_string()])
        .args(&indexes)
        .output()
        .map_err(|e| Error::new(format!("cannot run cargo bench: {e}")))?;
    if !output.status.success() {
        return Err(Error::new(format!(
            "the search_keystrokes bench failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    let lines = String::from_utf8_lossy(&output.stdout);
    for (row, line) in rows.iter_mut().zip(lines.lines()) {
        println!("{line}");
        row.search_alone = serde_json::from_str(line)
            .map_err(|e| Error::new(format!("search_keystrokes printed no JSON: {e}")))?;
    }
    let table = table(&rows);
    println!("\n{table}");
    let out = root.join("target/bench/results.md");
    fs::write(&out, &table)
        .map_err(|e| Error::new(format!("cannot write {}: {e}", out.display())))?;
    println!("written to {}", out.display());
    Ok(())
}

/// The files a built site's first search fetches (`content/search…`).
fn search_files(dist: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    let content = dist.join("content");
    let entries = fs::read_dir(&content)
        .map_err(|e| Error::new(format!("cannot read {}: {e}", content.display())))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::new(e.to_string()))?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with("search") {
            files.push(path);
        }
    }
    Ok(files)
}

/// The search index among them, which the native benchmark reads.
fn search_index_file(dist: &std::path::Path) -> Result<std::path::PathBuf> {
    search_files(dist)?
        .into_iter()
        .find(|path| path.extension().is_some_and(|ext| ext == "bin"))
        .ok_or_else(|| {
            Error::new(format!(
                "no search index in {}",
                dist.join("content").display()
            ))
        })
}

/// gzip -9 size of the search data file(s) the first search fetches.
fn search_data_gzip(dist: &std::path::Path) -> Result<usize> {
    let mut total = 0;
    for path in search_files(dist)? {
        let bytes = fs::read(&path).map_err(|e| Error::new(e.to_string()))?;
        total += util::gzip(&bytes, 9).len();
    }
    Ok(total)
}

fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| posts | first load (gzip) | search data (gzip) | keystrokes | painted p50 | painted p95 | painted max | ready p95 | longest task: open / index / typing | card swap p50 / p95 | search alone p50 / p95 |\n\
         |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let ms = |value: &serde_json::Value, key: &str| {
        value[key]
            .as_f64()
            .map_or("?".to_owned(), |v| format!("{v:.1} ms"))
    };
    // The search alone takes tenths of a millisecond at the smaller sizes.
    let fine_ms = |value: &serde_json::Value, key: &str| {
        value[key]
            .as_f64()
            .map_or("?".to_owned(), |v| format!("{v:.2} ms"))
    };
    for row in rows {
        let k = &row.keystrokes;
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} / {} / {} | {} / {} | {} / {} |\n",
            row.posts,
            kb(row.first_load_gzip),
            kb(row.search_data_gzip),
            k["keystrokes"],
            ms(k, "p50"),
            ms(k, "p95"),
            ms(k, "max"),
            ms(k, "readyP95"),
            ms(k, "longestOpenTask"),
            ms(k, "longestArrivalTask"),
            ms(k, "longestTask"),
            ms(k, "floorP50"),
            ms(k, "floorP95"),
            fine_ms(&row.search_alone, "p50"),
            fine_ms(&row.search_alone, "p95"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_search_files_are_found_among_a_sites_content() {
        let dist = std::env::temp_dir().join(format!("geul-bench-{}", std::process::id()));
        let content = dist.join("content");
        fs::create_dir_all(&content).unwrap();
        fs::write(content.join("text-1a2b.bin"), vec![7u8; 5000]).unwrap();
        fs::write(content.join("search-3c4d.bin"), b"index index index").unwrap();
        assert_eq!(
            search_index_file(&dist).unwrap(),
            content.join("search-3c4d.bin")
        );
        let gzip_of_index = util::gzip(b"index index index", 9).len();
        assert_eq!(
            search_data_gzip(&dist).unwrap(),
            gzip_of_index,
            "text chunks are not search data"
        );
        fs::remove_file(content.join("search-3c4d.bin")).unwrap();
        assert!(search_index_file(&dist).is_err(), "no index, a clear error");
        fs::remove_dir_all(&dist).unwrap();
    }
}
