//! Minifies the JS glue of a release build with terser, and shortens the names it shares
//! with the wasm module.
//!
//! Trunk's own JS minifier cannot parse wasm-bindgen's glue (it warns and leaves it as is);
//! terser shrinks it by a quarter (docs/PERFORMANCE.md). `index.html` asks Trunk for no
//! subresource-integrity hashes (`data-integrity="none"`), so changing the file after Trunk
//! wrote it breaks nothing; this step refuses to run if a hash shows up again.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::glue_names;
use crate::tools::terser_path;
use crate::util::{run, Error, Result};

/// Minifies every `.js` file directly in `staging`. Returns how many files were minified.
pub fn minify_js(staging: &Path) -> Result<usize> {
    let index_file = staging.join("index.html");
    let index = fs::read_to_string(&index_file).map_err(|e| io("read", &index_file, e))?;
    if index.contains("integrity=sha") || index.contains("integrity=\"sha") {
        return Err(Error::new(format!(
            "{} carries subresource-integrity hashes, which minifying the JS would break: \
             keep data-integrity=\"none\" on the links in index.html",
            index_file.display()
        )));
    }
    let mut count = 0;
    for entry in fs::read_dir(staging).map_err(|e| io("read", staging, e))? {
        let path = entry.map_err(|e| io("read", staging, e))?.path();
        if path.extension().is_none_or(|ext| ext != "js") {
            continue;
        }
        run(Command::new(terser_path())
            .arg(&path)
            .args(["--module", "--compress", "--mangle", "--output"])
            .arg(&path))?;
        shorten_glue_names(&path)?;
        count += 1;
    }
    if let Some(shorter) = shorten_loader(&index) {
        fs::write(&index_file, shorter).map_err(|e| io("write", &index_file, e))?;
    }
    Ok(count)
}

/// Trunk's loader, `import init, * as bindings from '…js'; const wasm = await init({
/// module_or_path: '…wasm' }); window.wasmBindings = …; dispatchEvent(…)`, without what
/// nothing here uses: every page carries it. Without `await`, a wasm that fails to load is
/// an unhandled rejection, which the failure handler in `index.html` catches as before.
/// `None` if the loader is not Trunk's as expected.
fn shorten_loader(index: &str) -> Option<String> {
    let start = index
        .find("<script type=module>")
        .or_else(|| index.find("<script type=\"module\">"))?;
    let body_start = start + index[start..].find('>')? + 1;
    let body_end = body_start + index[body_start..].find("</script>")?;
    let loader = &index[body_start..body_end];
    let quoted = |after: &str| -> Option<&str> {
        let rest = &loader[loader.find(after)? + after.len()..];
        let rest = rest.strip_prefix('\'')?;
        Some(&rest[..rest.find('\'')?])
    };
    let js = quoted(" from ")?;
    let wasm = quoted("module_or_path: ")?;
    if !loader.contains("TrunkApplicationStarted") {
        return None;
    }
    let shorter = format!("import init from'{js}';init({{module_or_path:'{wasm}'}})");
    Some(format!(
        "{}{shorter}{}",
        &index[..body_start],
        &index[body_end..]
    ))
}

/// Shortens the names the JS file at `js_path` and its wasm module (`X.js` loads
/// `X_bg.wasm`) know each other by (see [`crate::glue_names`]).
fn shorten_glue_names(js_path: &Path) -> Result<()> {
    let wasm_path = js_path.with_file_name(format!(
        "{}_bg.wasm",
        js_path.file_stem().unwrap_or_default().to_string_lossy()
    ));
    if !wasm_path.is_file() {
        return Ok(());
    }
    let wasm = fs::read(&wasm_path).map_err(|e| io("read", &wasm_path, e))?;
    let js = fs::read_to_string(js_path).map_err(|e| io("read", js_path, e))?;
    match glue_names::shorten(&wasm, &js) {
        Ok(shortened) => {
            fs::write(&wasm_path, shortened.wasm).map_err(|e| io("write", &wasm_path, e))?;
            fs::write(js_path, shortened.js).map_err(|e| io("write", js_path, e))?;
            println!(
                "stage: shortened {} names shared by {} and its wasm",
                shortened.renamed,
                js_path.display()
            );
        }
        // The site works with the long names; the first-load budget says if they matter.
        Err(glue_names::Unreadable(why)) => println!(
            "stage: warning: names in {} left as they are: {why}",
            wasm_path.display()
        ),
    }
    Ok(())
}

fn io(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::new(format!("cannot {what} {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_keeps_only_what_starts_the_app() {
        let index = "<head><script type=module>import init, * as bindings from '/geul/geul-1.js';\nconst wasm = await init({ module_or_path: '/geul/geul-1_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));</script></head>";
        assert_eq!(
            shorten_loader(index).as_deref(),
            Some("<head><script type=module>import init from'/geul/geul-1.js';init({module_or_path:'/geul/geul-1_bg.wasm'})</script></head>")
        );
        assert_eq!(shorten_loader("<script type=module>other()</script>"), None);
    }

    #[test]
    fn integrity_hashes_stop_the_step_with_a_reason() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(
            tmp.path().join("index.html"),
            "<link rel=modulepreload href=/a.js integrity=sha384-abc>",
        )
        .unwrap();
        let error = minify_js(tmp.path()).unwrap_err();
        assert!(
            error.message.contains("data-integrity"),
            "{}",
            error.message
        );
    }
}
