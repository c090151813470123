//! The browser's entry point: starts [`geul::App`] with the post index the build script
//! embedded (see `geul::browser`). A native build of this binary does nothing: geul runs in
//! the browser.

fn main() {
    #[cfg(target_family = "wasm")]
    geul::browser::start(include_bytes!(concat!(env!("OUT_DIR"), "/site-index.bin")));
}

/// Talc instead of the standard library's dlmalloc: less wasm, and faster at the many small
/// allocations a render makes (docs/PERFORMANCE.md). The app is single-threaded.
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
