//! `cargo xtask fuzz`: the fuzz target over a post's whole way through the build
//! (`fuzz/`), for a bounded time. It needs a nightly toolchain (libFuzzer's instrumentation
//! and AddressSanitizer) and installs `cargo-fuzz` when it is missing. Seeds and every
//! input kept as a regression start the corpus; what it finds goes to
//! `target/fuzz-artifacts/` (fuzz/README.md says what to keep).

use std::fs;
use std::process::Command;

use crate::tools::ensure_cargo_tool;
use crate::util::{self, probe, run, Error, Result};

const CARGO_FUZZ_VERSION: &str = "0.13.2";
const TARGET: &str = "build_post";
/// Longer than any post takes in the instrumented build; the build itself must take well
/// under a second (docs/BUILD.md), which the benchmark of hostile posts measures.
const TIMEOUT_SECONDS: u32 = 5;

/// Whether rustup has a nightly toolchain.
pub fn nightly_installed() -> bool {
    probe(Command::new("rustup").args(["toolchain", "list"]))
        .is_some_and(|list| list.lines().any(|line| line.starts_with("nightly")))
}

pub fn run_for(seconds: u64) -> Result<()> {
    if !nightly_installed() {
        println!(
            "SKIPPED: fuzzing needs a nightly toolchain (`rustup toolchain install nightly`), \
             and this machine has none"
        );
        return Ok(());
    }
    ensure_cargo_tool(
        "cargo-fuzz",
        CARGO_FUZZ_VERSION,
        &["cargo-fuzz", "--version", CARGO_FUZZ_VERSION, "--locked"],
    )?;
    let root = util::repo_root();
    let corpus = root.join("target/fuzz-corpus");
    let artifacts = root.join("target/fuzz-artifacts");
    for dir in [&corpus, &artifacts] {
        fs::create_dir_all(dir)
            .map_err(|e| Error::new(format!("cannot create {}: {e}", dir.display())))?;
    }
    run(Command::new("cargo")
        .args(["+nightly", "fuzz", "run", TARGET])
        .arg(&corpus)
        .arg(root.join("fuzz/seeds").join(TARGET))
        .arg(root.join("crates/build/tests/fuzz_regressions"))
        .arg("--")
        .arg(format!("-max_total_time={seconds}"))
        .arg(format!("-timeout={TIMEOUT_SECONDS}"))
        .arg(format!("-artifact_prefix={}/", artifacts.display()))
        .args([
            "-max_len=65536",
            "-report_slow_units=1",
            "-print_final_stats=1",
        ]))
    .map_err(|e| {
        Error::with_code(
            format!(
                "{}\nthe fuzz target found an input that breaks the build or an invariant: it \
                 is in {} (keep it in crates/build/tests/fuzz_regressions/, see fuzz/README.md)",
                e.message,
                artifacts.display()
            ),
            e.code,
        )
    })
}
