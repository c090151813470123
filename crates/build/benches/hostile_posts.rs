//! How long the build takes over one hostile post: a site of that post alone is loaded
//! (front matter, Markdown, sanitizing, search index), and its pages, feed and sitemap are
//! written, as the build script does. Each case runs in a child process that is stopped at
//! the time limit, so an input that never ends still gives a row.
//!
//!   cargo bench -p geul-build --bench hostile_posts --profile build-script -- [--limit 60] [NAME…]
//!
//! `--profile build-script` compiles it the way Cargo compiles the build script
//! (`[profile.*.build-override]` in the workspace's Cargo.toml). Prints a Markdown table.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use geul_build::{atom_feed, load_site, site_pages, sitemaps, write_site_files, SiteConfig};

#[path = "hostile/cases.rs"]
mod cases;

/// Builds a one-post site from `source` under `dir`; returns what the build said.
fn build_one(dir: &Path, source: &str) -> String {
    let posts = dir.join("posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::write(posts.join("hostile.md"), source).unwrap();
    let site = match load_site(&posts, dir) {
        Ok(site) => site,
        Err(errors) => return format!("error: {}", errors[0]),
    };
    let config = SiteConfig::default();
    let pages = site_pages(&site, &config);
    std::hint::black_box(atom_feed(&site, &config));
    std::hint::black_box(sitemaps(&pages, &config));
    write_site_files(&site, dir, &dir.join("out")).unwrap();
    match site.warnings.first() {
        Some(warning) => format!("{} warning(s): {}", site.warnings.len(), warning.message),
        None => "ok".to_owned(),
    }
}

fn run_child(name: &str) {
    let case = cases::all()
        .into_iter()
        .find(|case| case.name == name)
        .unwrap_or_else(|| panic!("no case named {name}"));
    let dir = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let said = build_one(dir.path(), &case.source);
    let ms = start.elapsed().as_secs_f64() * 1000.0;
    let said: String = said.chars().take(90).collect();
    println!("{ms:.0}\t{}", said.replace(['\n', '|'], " "));
}

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if let Some(at) = args.iter().position(|a| a == "--case") {
        return run_child(&args[at + 1]);
    }
    let mut limit = Duration::from_secs(60);
    if let Some(at) = args.iter().position(|a| a == "--limit") {
        let seconds: u64 = args[at + 1].parse().expect("--limit takes seconds");
        limit = Duration::from_secs(seconds);
        args.drain(at..at + 2);
    }
    println!("| case | bytes | time | what the build said |");
    println!("|---|---:|---:|---|");
    for case in cases::all() {
        if !args.is_empty() && !args.iter().any(|name| name == case.name) {
            continue;
        }
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--case", case.name])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let start = Instant::now();
        let finished = loop {
            if child.try_wait().unwrap().is_some() {
                break true;
            }
            if start.elapsed() > limit {
                child.kill().unwrap();
                child.wait().unwrap();
                break false;
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        let (time, said) = if finished {
            let output = child.wait_with_output().unwrap();
            let text = String::from_utf8_lossy(&output.stdout).into_owned();
            match text.trim().split_once('\t') {
                Some((ms, said)) => (format!("{ms} ms"), said.to_owned()),
                None => ("—".to_owned(), "crashed".to_owned()),
            }
        } else {
            (format!("> {} s", limit.as_secs()), "stopped".to_owned())
        };
        println!(
            "| {} | {} | {time} | {said} |",
            case.name,
            case.source.len()
        );
    }
}
