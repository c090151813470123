use super::*;

/// A section: id, size, contents.
fn section(id: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = vec![id];
    leb(&mut out, contents.len() as u64);
    out.extend_from_slice(contents);
    out
}

fn entries(items: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    leb(&mut out, items.len() as u64);
    for item in items {
        out.extend_from_slice(item);
    }
    out
}

fn import(module: &str, name: &str, kind: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    write_name(&mut out, module);
    write_name(&mut out, name);
    out.extend_from_slice(kind);
    out
}

fn export(name: &str, kind: u8, index: u64) -> Vec<u8> {
    let mut out = Vec::new();
    write_name(&mut out, name);
    out.push(kind);
    leb(&mut out, index);
    out
}

const GLUE: &str = "./app_bg.js";
const ADD_LISTENER: &str = "__wbg_addEventListener_f2d27251d333a631";
const TABLE_BASE: &str = "__wbindgen_table_base_0123456789abcdef";
const MALLOC: &str = "__wbindgen_malloc";
const INVOKE: &str = "wasm_bindgen__convert__closures_____invoke__he960d8f12cdc7a95";

/// Opaque sections around the two that change: a type section, a code section, a custom
/// section with bytes that look like names.
fn other_sections() -> (Vec<u8>, Vec<u8>, Vec<u8>) {
    let types = section(1, &[1, 0x60, 2, 0x7f, 0x7f, 1, 0x7f]);
    let code = section(10, &[1, 4, 0, 0x20, 0, 0x0b]);
    let mut custom = Vec::new();
    write_name(&mut custom, "target_features");
    custom.extend_from_slice(ADD_LISTENER.as_bytes());
    (types, section(0, &custom), code)
}

/// A module with imports of every kind from the glue and from elsewhere, and exports.
fn module() -> Vec<u8> {
    let (types, custom, code) = other_sections();
    let imports = entries(&[
        import(GLUE, ADD_LISTENER, &[0x00, 0x00]),
        import(GLUE, TABLE_BASE, &[0x03, 0x7f, 0x00]),
        import(
            GLUE,
            "__wbindgen_externrefs_in",
            &[0x01, 0x6f, 0x01, 0x80, 0x08, 0x80, 0x08],
        ),
        import(GLUE, "__wbg_memory_import", &[0x02, 0x00, 0x11]),
        import(GLUE, "__wbg_tag_import", &[0x04, 0x00, 0x00]),
        import("env", "__other_module_fn", &[0x00, 0x00]),
    ]);
    let exports = entries(&[
        export("memory", 0x02, 0),
        export(MALLOC, 0x00, 1),
        export(INVOKE, 0x00, 2),
    ]);
    [
        b"\0asm\x01\0\0\0".to_vec(),
        types,
        section(2, &imports),
        custom,
        section(7, &exports),
        code,
    ]
    .concat()
}

/// JS glue in the shape wasm-bindgen and terser write it.
fn glue_js() -> String {
    format!(
        "function e(){{const e={{__proto__:null,{ADD_LISTENER}:function(e,n){{e.addEventListener(n)}},\
         {TABLE_BASE}:1,__wbindgen_externrefs_in:null,__wbg_memory_import:m,__wbg_tag_import:t}};\
         return{{__proto__:null,\"{GLUE}\":e}}}}\
         function n(e){{A.{INVOKE}(e);return A.{MALLOC}(8)+A.memory.buffer}}\
         const note=\"{MALLOC}_keep and x{MALLOC} stay\";"
    )
}

/// The (module, name) of every import and the name of every export of `wasm`.
fn names_in(wasm: &[u8]) -> (Vec<(String, String)>, Vec<String>) {
    let mut imports_found = Vec::new();
    let mut exports_found = Vec::new();
    for (id, body) in sections(wasm).unwrap() {
        let mut at = Bytes { data: body, at: 0 };
        match id {
            IMPORT_SECTION => {
                for _ in 0..at.leb().unwrap() {
                    let from = at.name().unwrap().to_owned();
                    let name = at.name().unwrap().to_owned();
                    skip_import_kind(&mut at).unwrap();
                    imports_found.push((from, name));
                }
                at.end().unwrap();
            }
            EXPORT_SECTION => {
                for _ in 0..at.leb().unwrap() {
                    exports_found.push(at.name().unwrap().to_owned());
                    at.byte().unwrap();
                    at.leb().unwrap();
                }
                at.end().unwrap();
            }
            _ => {}
        }
    }
    (imports_found, exports_found)
}

#[test]
fn the_glue_and_the_module_get_the_same_short_names() {
    let shortened = shorten(&module(), &glue_js()).unwrap();
    let (imports, exports) = names_in(&shortened.wasm);
    let glue_imports: Vec<&str> = imports
        .iter()
        .filter(|(from, _)| from == GLUE)
        .map(|(_, name)| name.as_str())
        .collect();
    assert_eq!(glue_imports, ["a", "b", "c", "d", "e"]);
    assert_eq!(exports, ["memory", "f", "g"]);
    assert_eq!(shortened.renamed, 7);
    // Each import is now a key of the imports object, each export a property of `A`.
    for name in &glue_imports[..4] {
        assert!(
            shortened.js.contains(&format!(",{name}:")),
            "{name}: {}",
            shortened.js
        );
    }
    assert!(
        shortened
            .js
            .contains("A.g(e);return A.f(8)+A.memory.buffer"),
        "{}",
        shortened.js
    );
    for old in [ADD_LISTENER, TABLE_BASE, INVOKE, "__wbg_tag_import"] {
        assert!(
            !shortened.js.contains(old),
            "{old} is still in {}",
            shortened.js
        );
    }
}

#[test]
fn longer_words_that_contain_a_name_and_other_modules_keep_theirs() {
    let shortened = shorten(&module(), &glue_js()).unwrap();
    assert!(
        shortened
            .js
            .contains(&format!("\"{MALLOC}_keep and x{MALLOC} stay\"")),
        "{}",
        shortened.js
    );
    let (imports, _) = names_in(&shortened.wasm);
    assert!(imports.contains(&("env".to_owned(), "__other_module_fn".to_owned())));
    // The JS's own words stay, `addEventListener` and `memory` among them.
    assert!(shortened.js.contains("e.addEventListener(n)"));
}

#[test]
fn every_other_section_is_kept_byte_for_byte() {
    let shortened = shorten(&module(), &glue_js()).unwrap();
    let (types, custom, code) = other_sections();
    let kept: Vec<Vec<u8>> = sections(&shortened.wasm)
        .unwrap()
        .into_iter()
        .filter(|(id, _)| ![IMPORT_SECTION, EXPORT_SECTION].contains(id))
        .map(|(id, body)| section(id, body))
        .collect();
    assert_eq!(kept, [types, custom, code]);
    assert_eq!(shortened.wasm[..8], *b"\0asm\x01\0\0\0");
    assert!(shortened.wasm.len() < module().len());
}

#[test]
fn short_names_are_distinct_identifiers() {
    let names: Vec<String> = (0..10_000).map(short_name).collect();
    let distinct: std::collections::HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len());
    assert!(names
        .iter()
        .all(|name| is_identifier(name) && !name.contains("__")));
    assert_eq!(names[..3], ["a", "b", "c"]);
    assert!(names[52].len() == 2 && names[9_999].len() <= 3);
}

#[test]
fn a_module_it_cannot_read_is_refused_not_mangled() {
    let js = glue_js();
    assert_eq!(
        shorten(b"<html>", &js).err(),
        Some(Unreadable("not a wasm module"))
    );
    let whole = module();
    for cut in [9, 20, whole.len() - 3] {
        assert!(shorten(&whole[..cut], &js).is_err(), "cut at {cut}");
    }
    let strange = [
        b"\0asm\x01\0\0\0".to_vec(),
        section(2, &entries(&[import(GLUE, ADD_LISTENER, &[0x09, 0x00])])),
    ]
    .concat();
    assert_eq!(
        shorten(&strange, &js).err(),
        Some(Unreadable("an import of an unknown kind"))
    );
}
