//! Shared plumbing: the error type, running subprocesses (each printed first),
//! and reading the TOML and JSON files the tools are pinned in.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A failure with a message meant for people and the exit code to leave with.
#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub code: i32,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            code: 1,
        }
    }

    pub fn with_code(message: impl Into<String>, code: i32) -> Self {
        Error {
            message: message.into(),
            code: if code == 0 { 1 } else { code },
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for Error {
    fn from(message: String) -> Self {
        Error::new(message)
    }
}

impl From<&str> for Error {
    fn from(message: &str) -> Self {
        Error::new(message)
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// The repository root (the parent of this crate's directory).
pub fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| manifest_dir.to_path_buf())
}

/// Prints a step heading, e.g. `==> [2/6] cargo fmt`.
pub fn heading(text: &str) {
    println!();
    println!("==> {text}");
}

/// Renders a command the way one would type it into a shell.
pub fn describe(cmd: &Command) -> String {
    let mut parts = Vec::new();
    for (key, value) in cmd.get_envs() {
        if let Some(value) = value {
            let key = key.to_string_lossy();
            if key != "PATH" {
                parts.push(format!("{key}={}", quote(&value.to_string_lossy())));
            }
        }
    }
    parts.push(quote(&cmd.get_program().to_string_lossy()));
    for arg in cmd.get_args() {
        parts.push(quote(&arg.to_string_lossy()));
    }
    parts.join(" ")
}

fn quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./:=@,+%".contains(c));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// Prints and runs a command with inherited stdio; fails unless it exits with 0.
pub fn run(cmd: &mut Command) -> Result<()> {
    let code = run_status(cmd)?;
    if code == 0 {
        Ok(())
    } else {
        Err(Error::with_code(
            format!("`{}` failed (exit code {code})", describe(cmd)),
            code,
        ))
    }
}

/// Prints and runs a command with inherited stdio and returns its exit code.
pub fn run_status(cmd: &mut Command) -> Result<i32> {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    Ok(status.code().unwrap_or(1))
}

/// Runs a command quietly (for probing versions) and returns its stdout if it
/// succeeded, or `None` if it could not run or failed.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if output.status.success() {
        Some(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        None
    }
}

fn spawn_error(cmd: &Command, e: std::io::Error) -> Error {
    let program = cmd.get_program().to_string_lossy().into_owned();
    if e.kind() == std::io::ErrorKind::NotFound {
        Error::new(format!(
            "could not find `{program}` on PATH (needed for `{}`)",
            describe(cmd)
        ))
    } else {
        Error::new(format!("could not start `{program}`: {e}"))
    }
}

/// Gzips `data` at `level` (0-9).
pub fn gzip(data: &[u8], level: u32) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    // Writing into a Vec cannot fail.
    encoder.write_all(data).expect("gzip into memory");
    encoder.finish().expect("gzip into memory")
}

/// Decodes `%XX` escapes in a URL path. Returns `None` for malformed escapes or if
/// the result is not UTF-8. Not `geul_core::percent_decode`, which reads query values:
/// it turns `+` into a space and keeps bad escapes, where a path's `+` is a plus (as on
/// Pages) and a bad escape must be refused, not mapped onto another file.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Reads a text file; the error names it.
pub fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))
}

/// Reads and parses a TOML file (Trunk.toml, Cargo.lock); errors name the file.
pub fn read_toml(path: &Path) -> Result<toml::Table> {
    parse_toml(&read_text(path)?, path)
}

/// Parses TOML text read from `path`; the error names the file.
pub fn parse_toml(text: &str, path: &Path) -> Result<toml::Table> {
    text.parse()
        .map_err(|e| Error::new(format!("cannot parse {}: {e}", path.display())))
}

/// Reads and parses a JSON file (package.json, package-lock.json); errors name the file.
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    serde_json::from_str(&read_text(path)?)
        .map_err(|e| Error::new(format!("cannot parse {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_quotes_odd_words() {
        let mut cmd = Command::new("node");
        cmd.args(["--test", "a b"]).env("X", "1");
        assert_eq!(describe(&cmd), "X=1 node --test 'a b'");
    }

    #[test]
    fn percent_decoding() {
        assert_eq!(percent_decode("%EA%B8%80/a%20b").as_deref(), Some("글/a b"));
        assert_eq!(percent_decode("a%2").as_deref(), None);
        assert_eq!(percent_decode("%zz").as_deref(), None);
        assert_eq!(percent_decode("%+1").as_deref(), None);
        assert_eq!(percent_decode("%FF").as_deref(), None);
    }

    #[test]
    fn a_plus_in_a_path_stays_a_plus() {
        assert_eq!(percent_decode("c++/a+b%2B").as_deref(), Some("c++/a+b+"));
        // Where the query decoder differs, and why the preview keeps this one.
        assert_eq!(geul_core::percent_decode("a+b"), "a b");
        assert_eq!(geul_core::percent_decode("%FF%E"), "\u{FFFD}%E");
    }

    #[test]
    fn gzip_round_trip() {
        use std::io::Read;
        let data = "가나다라".repeat(100);
        let packed = gzip(data.as_bytes(), 9);
        assert!(packed.len() < data.len());
        let mut out = String::new();
        flate2::read::GzDecoder::new(&packed[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, data);
    }

    #[test]
    fn parse_errors_name_the_file() {
        let tmp = tempfile::tempdir().unwrap();
        let toml_file = tmp.path().join("Trunk.toml");
        fs::write(&toml_file, "[tools\nwasm_bindgen = 1").unwrap();
        let err = read_toml(&toml_file).unwrap_err();
        assert!(err.message.contains("Trunk.toml"), "{}", err.message);
        let json_file = tmp.path().join("package-lock.json");
        fs::write(&json_file, "{\"packages\": ").unwrap();
        let err = read_json(&json_file).unwrap_err();
        assert!(err.message.contains("package-lock.json"), "{}", err.message);
        let err = read_text(&tmp.path().join("missing.json")).unwrap_err();
        assert!(err.message.contains("missing.json"), "{}", err.message);
    }
}
