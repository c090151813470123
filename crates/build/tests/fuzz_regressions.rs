//! Every input the `build_post` fuzz target (`fuzz/fuzz_targets/build_post.rs`) found
//! crashing or slow, and its seeds, run through the same pipeline with the same invariants:
//! parse → one-post site → every page, the feed and the sitemaps. The inputs are the files
//! in `tests/fuzz_regressions/`, byte for byte as the fuzzer ran them, through
//! `tests/common/build_post.rs`, which the target runs too. A parse error is an accepted
//! outcome. Time is not measured here (the fuzzer's `-timeout` and
//! `-report_slow_units` find slow inputs; `benches/hostile_posts.rs` times them).
//!
//! Files: `seed-*` (the fuzz seeds), `crash-*` / `slow-*` (what the fuzzer found),
//! `false-positive-*` (inputs that broke an earlier, too strict form of an invariant) and
//! `bug-*` (a library bug, fixed, with its own test below).

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use geul_build::{parse_post, SiteImages};

#[path = "common/build_post.rs"]
mod pipeline;

mod common;

use common::text_of;

use pipeline::build_post;

fn regressions_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

/// Every input in the folder, sorted by name.
fn inputs() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(regressions_dir())
        .expect("tests/fuzz_regressions/ exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_fuzz_input_builds_and_keeps_the_invariants() {
    let files = inputs();
    assert!(
        files.iter().any(|file| file
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with("seed-"))),
        "the seeds are missing from {}",
        regressions_dir().display()
    );
    let failed: Vec<String> = files
        .iter()
        .filter(|file| {
            let data = fs::read(file).unwrap();
            catch_unwind(AssertUnwindSafe(|| build_post(&data))).is_err()
        })
        .map(|file| file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {} inputs failed (their messages are above): {failed:?}",
        failed.len(),
        files.len()
    );
}

/// Found while writing the fuzz target: pointing in-page links at the post rewrote the text
/// `href="#` wherever it appeared in the body, code included (text escapes `<`, not `"`).
#[test]
fn code_that_shows_an_in_page_link_is_published_as_written() {
    let data =
        fs::read(regressions_dir().join("bug-in-page-link-rewrite-changed-code.md")).unwrap();
    let source = std::str::from_utf8(&data).unwrap();
    let images = SiteImages::new("/nonexistent");
    let (post, _) = parse_post(Path::new("posts/fuzz.md"), source, &images).unwrap();
    assert!(
        post.html.contains("<code>&lt;a href=\"#top\"&gt;</code>"),
        "the inline code changed:\n{}",
        post.html
    );
    // The block is highlighted: its text, without the tokens' spans, is what was written.
    let block = &post.html[post.html.find("<pre").unwrap()..];
    assert!(
        text_of(block).starts_with("<a href=\"#top\">위로</a>"),
        "the code block changed:\n{}",
        post.html
    );
}
