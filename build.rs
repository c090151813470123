// Parses `posts/`, embeds the post index and writes the post bodies (see geul-build).
// Only the browser's build embeds the index. A native build of this crate (the stage
// step that renders the static pages, host tests and lints) reads the files the wasm's
// build wrote, so it does not read the posts again.
fn main() {
    #[cfg(feature = "embed-index")]
    if std::env::var("CARGO_CFG_TARGET_FAMILY").as_deref() == Ok("wasm") {
        geul_build::run();
        return;
    }
    println!("cargo:rerun-if-changed=build.rs");
}
