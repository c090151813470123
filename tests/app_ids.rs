//! The ids the app and the static pages give their own elements all come from
//! `geul_core::dom_ids`, whose list keeps a post's headings and footnotes from taking
//! them. An id written out anywhere else would escape that list.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn every_element_id_comes_from_dom_ids() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.push(root.join("crates/build/src/publish/pages.rs"));
    let mut written_out = Vec::new();
    for file in &files {
        let source = fs::read_to_string(file).unwrap();
        for (number, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for pattern in ["id=\"", "id=\\\"", "get_element_by_id(\""] {
                for (at, _) in code.match_indices(pattern) {
                    let value = &code[at + pattern.len()..];
                    let is_word_start = at == 0 || !code.as_bytes()[at - 1].is_ascii_alphanumeric();
                    if is_word_start && !value.starts_with('{') && !value.starts_with('"') {
                        written_out.push(format!(
                            "{}:{}: {}",
                            file.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
            }
        }
    }
    assert!(written_out.is_empty(), "ids written out: {written_out:#?}");
    let shell = fs::read_to_string(root.join("index.html")).unwrap();
    for (at, _) in shell.match_indices(" id=\"") {
        let id = shell[at + 5..].split('"').next().unwrap();
        assert!(
            geul_core::dom_ids::RESERVED.contains(&id),
            "index.html gives the id {id}, which dom_ids does not list"
        );
    }
    assert!(files.len() > 20, "the app's sources were found");
}
