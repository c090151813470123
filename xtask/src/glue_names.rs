//! Shortens the names the wasm module and its JS glue know each other by.
//!
//! wasm-bindgen names every import and export after what it binds plus a hash that keeps
//! crates from colliding (`__wbg_addEventListener_f2d27251d333a631`). Each name is written
//! twice, in the wasm's import or export section and in the JS, and the hashes are random
//! hex, which gzip can hardly shrink: some 150 names cost a large share of the first-load
//! budget (docs/PERFORMANCE.md). This step gives them short names (`a`, `b`, … `Z`, `aa`,
//! `ba`, …) in both files.
//!
//! Only the import and export sections of the wasm are rewritten; every other byte stays.
//! In the JS, every identifier-like token equal to an old name is replaced: wasm-bindgen's
//! names (`__wbg_…`, `__wbindgen_…`, `…__invoke__h…`) occur nowhere else. If the wasm holds
//! anything this reader does not know, the files are left as they were.

use std::collections::HashMap;

/// Why the names were left as they were.
#[derive(Debug, PartialEq, Eq)]
pub struct Unreadable(pub &'static str);

/// The two files with shortened names, and how many names changed.
pub struct Shortened {
    pub wasm: Vec<u8>,
    pub js: String,
    pub renamed: usize,
}

const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// Renames the imports the JS provides (those of a module it names as a string, such as
/// `"./geul_bg.js"`) and the exports wasm-bindgen named (see `Names::short`), in `wasm` and
/// in `js` alike.
pub fn shorten(wasm: &[u8], js: &str) -> Result<Shortened, Unreadable> {
    let sections = sections(wasm)?;
    let mut names = Names::default();
    let mut out = wasm[..8].to_vec();
    for (id, body) in &sections {
        let body = match *id {
            IMPORT_SECTION => imports(body, js, &mut names)?,
            EXPORT_SECTION => exports(body, &mut names)?,
            _ => body.to_vec(),
        };
        out.push(*id);
        leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    let renamed = names.map.len();
    Ok(Shortened {
        wasm: out,
        js: rename_tokens(js, &names.map),
        renamed,
    })
}

/// The sections of a module: id and contents.
fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>, Unreadable> {
    if wasm.len() < 8 || wasm[..4] != *b"\0asm" {
        return Err(Unreadable("not a wasm module"));
    }
    let mut at = Bytes { data: wasm, at: 8 };
    let mut found = Vec::new();
    while !at.done() {
        let id = at.byte()?;
        let size = at.leb()? as usize;
        found.push((id, at.take(size)?));
    }
    Ok(found)
}

/// A section that is a vector of entries, each rewritten by `entry` from the reader into
/// the output.
fn rewrite_entries(
    body: &[u8],
    mut entry: impl FnMut(&mut Bytes, &mut Vec<u8>) -> Result<(), Unreadable>,
) -> Result<Vec<u8>, Unreadable> {
    let mut at = Bytes { data: body, at: 0 };
    let count = at.leb()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        entry(&mut at, &mut out)?;
    }
    at.end()?;
    Ok(out)
}

/// The import section with the JS's imports renamed.
fn imports(body: &[u8], js: &str, names: &mut Names) -> Result<Vec<u8>, Unreadable> {
    rewrite_entries(body, |at, out| {
        let from = at.name()?;
        let name = at.name()?;
        let start = at.at;
        skip_import_kind(at)?;
        write_name(out, from);
        let from_js = js.contains(&format!("\"{from}\""));
        let name = if from_js {
            names.short(name)
        } else {
            name.to_owned()
        };
        write_name(out, &name);
        out.extend_from_slice(&body[start..at.at]);
        Ok(())
    })
}

/// The export section with the exports wasm-bindgen named renamed (`memory` stays).
fn exports(body: &[u8], names: &mut Names) -> Result<Vec<u8>, Unreadable> {
    rewrite_entries(body, |at, out| {
        let name = at.name()?;
        let start = at.at;
        at.byte()?;
        at.leb()?;
        write_name(out, &names.short(name));
        out.extend_from_slice(&body[start..at.at]);
        Ok(())
    })
}

/// Steps over what an import is: a function, table, memory, global or tag, with its type.
fn skip_import_kind(at: &mut Bytes) -> Result<(), Unreadable> {
    match at.byte()? {
        0x00 => at.leb().map(drop),
        0x01 => {
            skip_reference_type(at)?;
            skip_limits(at)
        }
        0x02 => skip_limits(at),
        0x03 => {
            skip_reference_type(at)?; // any value type: numbers are one byte as well
            at.byte().map(drop)
        }
        0x04 => at.byte().and_then(|_| at.leb()).map(drop),
        _ => Err(Unreadable("an import of an unknown kind")),
    }
}

/// A value or reference type: one byte, or a nullable/non-null reference with a heap type.
fn skip_reference_type(at: &mut Bytes) -> Result<(), Unreadable> {
    if let 0x63 | 0x64 = at.byte()? {
        at.leb()?;
    }
    Ok(())
}

/// Limits: flags, minimum, maximum if flagged, page size if flagged.
fn skip_limits(at: &mut Bytes) -> Result<(), Unreadable> {
    let flags = at.byte()?;
    if flags > 0x0f {
        return Err(Unreadable("limits with unknown flags"));
    }
    at.leb()?;
    if flags & 0x01 != 0 {
        at.leb()?;
    }
    if flags & 0x08 != 0 {
        at.leb()?;
    }
    Ok(())
}

/// Old name → short name, handed out in order of first appearance.
#[derive(Default)]
struct Names {
    map: HashMap<String, String>,
}

impl Names {
    /// The short name for `name`; `name` itself unless it is one wasm-bindgen made up: an
    /// identifier with a double underscore. A plain word like `memory` could be any other
    /// word of the JS as well.
    fn short(&mut self, name: &str) -> String {
        if !is_identifier(name) || !name.contains("__") {
            return name.to_owned();
        }
        let next = self.map.len();
        self.map
            .entry(name.to_owned())
            .or_insert_with(|| short_name(next))
            .clone()
    }
}

/// The `n`th short identifier: `a` … `Z`, then `aa`, `ba`, … `Za`, `ab`, …
fn short_name(mut n: usize) -> String {
    const FIRST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const REST: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut name = vec![FIRST[n % FIRST.len()]];
    n /= FIRST.len();
    while n > 0 {
        n -= 1;
        name.push(REST[n % REST.len()]);
        n /= REST.len();
    }
    String::from_utf8(name).expect("ASCII")
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '$'
}

fn is_identifier(name: &str) -> bool {
    name.chars().next().is_some_and(|c| !c.is_ascii_digit()) && name.chars().all(is_identifier_char)
}

/// `js` with every maximal run of identifier characters that `renames` names replaced.
fn rename_tokens(js: &str, renames: &HashMap<String, String>) -> String {
    let mut out = String::with_capacity(js.len());
    let mut rest = js;
    while let Some(start) = rest.find(is_identifier_char) {
        out.push_str(&rest[..start]);
        let token = &rest[start..];
        let end = token
            .find(|c| !is_identifier_char(c))
            .unwrap_or(token.len());
        let token = &token[..end];
        out.push_str(renames.get(token).map_or(token, String::as_str));
        rest = &rest[start + end..];
    }
    out.push_str(rest);
    out
}

fn leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

/// A reader over a section's bytes.
struct Bytes<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Bytes<'a> {
    fn done(&self) -> bool {
        self.at == self.data.len()
    }

    fn end(&self) -> Result<(), Unreadable> {
        if self.done() {
            Ok(())
        } else {
            Err(Unreadable("a section longer than its entries"))
        }
    }

    fn byte(&mut self) -> Result<u8, Unreadable> {
        let byte = *self
            .data
            .get(self.at)
            .ok_or(Unreadable("a truncated module"))?;
        self.at += 1;
        Ok(byte)
    }

    fn leb(&mut self) -> Result<u64, Unreadable> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(Unreadable("an over-long number"))
    }

    fn take(&mut self, len: usize) -> Result<&'a [u8], Unreadable> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.data.len());
        let taken = &self.data[self.at..end.ok_or(Unreadable("a truncated module"))?];
        self.at += len;
        Ok(taken)
    }

    fn name(&mut self) -> Result<&'a str, Unreadable> {
        let len = self.leb()? as usize;
        std::str::from_utf8(self.take(len)?).map_err(|_| Unreadable("a name that is not UTF-8"))
    }
}

#[cfg(test)]
mod tests;
