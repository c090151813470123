//! geul's developer tasks, run as `cargo xtask <command>`.

mod bench;
mod bench_takeover;
mod browser;
mod corpus;
mod fixture;
mod fuzz;
mod glue_names;
mod import;
mod minify;
mod npm;
mod preview;
mod screenshots;
mod site;
mod stage;
mod test;
mod toolchain;
mod tools;
mod util;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use util::{run, Error, Result};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  setup                         install what is missing: wasm32 target, trunk, wasm-bindgen-cli
                                (matching Cargo.lock), wasm-opt (npm binaryen), crates (cargo fetch)
  serve   [--port 8080] [--drafts] [--future]
                                setup, then `trunk serve` at http://127.0.0.1:PORT/ (live reload)
  build   [--public-url /] [--dist dist] [--drafts] [--future]
                                setup, then a release build into dist/ and its first-load size
                                (gzip -9 of index.html + its .js/.wasm/.css); past the 130 KB
                                budget it warns, and still succeeds. --drafts includes posts
                                with `published: false`, --future posts dated in the future
  fixture [--public-url /geul/]
                                setup, then a release build of the project's fixture site
                                (tests/fixture-site/, with every trick that could publish what
                                is not the site) into target/fixture-dist/; fails if it
                                publishes anything else or its first load is over 130 KB
  fuzz    [--seconds 60]        fuzz a post's whole way through the build (fuzz/, nightly),
                                installing cargo-fuzz if it is missing
  preview [--base /geul/] [--port 4000] [--dir dist]
                                serve a built site exactly as GitHub Pages would (under --base,
                                404.html for missing paths, no SPA rewrites, gzip); paths are
                                relative to the repository root
  test    [--skip-browser | --only-browser]
                                the single test command: setup, fmt, clippy, cargo test, the
                                release build for /geul/, and the browser tests against preview
  corpus  --posts N [--seed 1] [--out target/corpus/N]
                                write N synthetic posts made of the real posts' sentences
                                (deterministic), for the search benchmark
  bench   [--posts 1000,10000,100000] [--rounds 3]
                                the search benchmark: per corpus size, build the site, state
                                its first load, and time keystrokes in headless Chromium
                                (table in target/bench/results.md; see docs/BENCHMARKS.md)
  bench-takeover [--runs 5] [--dist DIR]
                                the takeover on a throttled phone (Lighthouse's mobile profile):
                                build the demo site (or take DIR, relative to the repository),
                                open its list, a post and a tag page with and without their
                                scripts in headless Chromium (table in target/bench/takeover.md;
                                see docs/BENCHMARKS.md)
  screenshots                   the README's pictures (docs/screenshot*.png) of the release build of
                                posts/: the list in both themes, a post on a phone and with its
                                contents beside it, in headless Chromium
  import  PATH                  copy a Jekyll (Chirpy) site's _posts/** into posts/, the media its
                                posts name, and its _config.yml into site.toml; prints what it
                                could not map
  stage                         Trunk's post_build hook (see Trunk.toml); not for direct use
";

/// Parsed command line: the command and its `--flag value` / `--switch` options.
struct Args {
    command: String,
    values: Vec<(String, String)>,
    switches: Vec<String>,
}

impl Args {
    fn parse(raw: Vec<String>, value_flags: &[&str], switch_flags: &[&str]) -> Result<Args> {
        let mut iter = raw.into_iter();
        let command = iter.next().unwrap_or_default();
        let mut args = Args {
            command,
            values: Vec::new(),
            switches: Vec::new(),
        };
        while let Some(arg) = iter.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
                _ => (arg.clone(), None),
            };
            if value_flags.contains(&name.as_str()) {
                let value = match inline {
                    Some(v) => v,
                    None => iter
                        .next()
                        .ok_or_else(|| Error::new(format!("{name} needs a value")))?,
                };
                args.values.push((name, value));
            } else if switch_flags.contains(&name.as_str()) && inline.is_none() {
                args.switches.push(name);
            } else {
                return Err(Error::new(format!(
                    "unknown option `{arg}` for `cargo xtask {}`\n\n{USAGE}",
                    args.command
                )));
            }
        }
        Ok(args)
    }

    fn value(&self, name: &str, default: &str) -> String {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map_or_else(|| default.to_string(), |(_, v)| v.clone())
    }

    fn port(&self, default: u16) -> Result<u16> {
        let text = self.value("--port", &default.to_string());
        text.parse().map_err(|_| {
            Error::new(format!(
                "--port must be a number from 0 to 65535, not {text:?}"
            ))
        })
    }

    fn number(&self, name: &str, default: usize) -> Result<usize> {
        let text = self.value(name, &default.to_string());
        text.parse()
            .map_err(|_| Error::new(format!("{name} must be a whole number, not {text:?}")))
    }

    fn switch(&self, name: &str) -> bool {
        self.switches.iter().any(|s| s == name)
    }
}

const UNPUBLISHED: &[&str] = &["--drafts", "--future"];

impl Args {
    fn unpublished(&self) -> site::Unpublished {
        site::Unpublished {
            drafts: self.switch("--drafts"),
            future: self.switch("--future"),
        }
    }
}

fn flags_for(command: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match command {
        "setup" | "stage" => (&[], &[]),
        "serve" => (&["--port"], UNPUBLISHED),
        "build" => (&["--public-url", "--dist"], UNPUBLISHED),
        "fixture" => (&["--public-url"], &[]),
        "fuzz" => (&["--seconds"], &[]),
        "preview" => (&["--base", "--port", "--dir"], &[]),
        "test" => (&[], &["--skip-browser", "--only-browser"]),
        "corpus" => (&["--posts", "--seed", "--out"], &[]),
        "bench" => (&["--posts", "--rounds"], &[]),
        "bench-takeover" => (&["--runs", "--dist"], &[]),
        "screenshots" => (&[], &[]),
        _ => return None,
    })
}

fn dispatch(raw: Vec<String>) -> Result<()> {
    let command = raw.first().cloned().unwrap_or_default();
    if command.is_empty() || ["-h", "--help", "help"].contains(&command.as_str()) {
        print!("{USAGE}");
        return Ok(());
    }
    if command == "import" {
        let [_, from] = raw.as_slice() else {
            return Err(Error::new(format!(
                "`cargo xtask import` takes the Jekyll site's folder\n\n{USAGE}"
            )));
        };
        let imported = import::import(Path::new(from), &util::repo_root())?;
        import::report(&imported);
        return Ok(());
    }
    let Some((values, switches)) = flags_for(&command) else {
        return Err(Error::new(format!(
            "unknown command `{command}`\n\n{USAGE}"
        )));
    };
    if raw.iter().skip(1).any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return Ok(());
    }
    let args = Args::parse(raw, values, switches)?;
    match args.command.as_str() {
        "setup" => tools::setup(),
        "stage" => stage::run_hook(),
        "serve" => serve(args.port(8080)?, args.unpublished()),
        "build" => {
            tools::setup()?;
            site::build(
                &args.value("--public-url", "/"),
                Path::new(&args.value("--dist", site::DIST_DIR)),
                args.unpublished(),
            )
        }
        "fixture" => {
            tools::setup()?;
            fixture::build_and_check(&args.value("--public-url", test::PAGES_BASE)).map(|_| ())
        }
        "fuzz" => fuzz::run_for(args.number("--seconds", 60)? as u64),
        "preview" => {
            let dir = util::repo_root().join(PathBuf::from(args.value("--dir", site::DIST_DIR)));
            preview::serve_forever(&dir, &args.value("--base", "/geul/"), args.port(4000)?)
        }
        "corpus" => {
            let posts = args.number("--posts", 1000)?;
            let out = args.value("--out", &format!("target/corpus/{posts}"));
            let sentences = corpus::generate(
                &util::repo_root().join("posts"),
                &util::repo_root().join(&out),
                posts,
                args.number("--seed", 1)? as u64,
            )?;
            println!("corpus: {posts} posts from {sentences} sentences of the real posts in {out}");
            Ok(())
        }
        "bench" => {
            let sizes = args.value("--posts", "1000,10000,100000");
            let sizes = sizes
                .split(',')
                .map(|n| n.trim().parse::<usize>())
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|_| {
                    Error::new(format!(
                        "--posts takes numbers separated by commas, not {sizes:?}"
                    ))
                })?;
            bench::run_all(&sizes, args.number("--rounds", 3)?)
        }
        "bench-takeover" => {
            let dist = args.value("--dist", "");
            let dist = (!dist.is_empty()).then(|| PathBuf::from(dist));
            bench_takeover::run_all(args.number("--runs", 5)?, dist.as_deref())
        }
        "screenshots" => screenshots::take(),
        "test" => test::run_all(test::Options {
            skip_browser: args.switch("--skip-browser"),
            only_browser: args.switch("--only-browser"),
        }),
        _ => unreachable!("flags_for knows every command"),
    }
}

fn serve(port: u16, unpublished: site::Unpublished) -> Result<()> {
    tools::setup()?;
    println!();
    println!("geul is served at http://127.0.0.1:{port}/");
    println!();
    let mut trunk = Command::new("trunk");
    unpublished.apply(&mut trunk);
    run(trunk.args([
        "serve",
        "--port",
        &port.to_string(),
        "--address",
        "127.0.0.1",
        "--public-url",
        "/",
    ]))
}

fn main() -> ExitCode {
    let root = util::repo_root();
    if let Err(e) = std::env::set_current_dir(&root) {
        eprintln!(
            "error: cannot enter the repository root {}: {e}",
            root.display()
        );
        return ExitCode::FAILURE;
    }
    tools::prepare_path();
    match dispatch(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!();
            eprintln!("error: {}", e.message);
            ExitCode::from(u8::try_from(e.code.clamp(1, 255)).unwrap_or(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Result<Args> {
        let raw: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let (values, switches) = flags_for(words[0]).unwrap();
        Args::parse(raw, values, switches)
    }

    #[test]
    fn parses_values_and_switches() {
        let a = parse(&["preview", "--base", "/x/", "--port=4001"]).unwrap();
        assert_eq!(a.value("--base", "/geul/"), "/x/");
        assert_eq!(a.port(4000).unwrap(), 4001);
        assert_eq!(a.value("--dir", "dist"), "dist");

        let t = parse(&["test", "--skip-browser"]).unwrap();
        assert!(t.switch("--skip-browser") && !t.switch("--only-browser"));
    }

    #[test]
    fn rejects_bad_input() {
        assert!(parse(&["build", "--port", "1"]).is_err());
        assert!(parse(&["build", "--public-url"]).is_err());
        assert!(parse(&["serve", "--port", "x"])
            .unwrap()
            .port(8080)
            .is_err());
        assert!(parse(&["test", "--skip-browser=1"]).is_err());
        assert!(dispatch(vec!["nope".into()]).is_err());
    }
}
