//! One post file through the whole build, with the invariants every published file must
//! keep: `crates/build/tests/common/build_post.rs`, which the regression test of what
//! this target finds (`crates/build/tests/fuzz_regressions.rs`) runs too.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../crates/build/tests/common/build_post.rs"]
mod pipeline;

fuzz_target!(|data: &[u8]| pipeline::build_post(data));
