//! A static file server that behaves like GitHub Pages for a project site:
//! the build is mounted under a base path (e.g. `/geul/`), directories serve
//! their index.html, `/geul/dir` redirects to `/geul/dir/`, unknown paths get
//! status 404 with the body of 404.html, no SPA rewrites, gzip for text
//! types, `Cache-Control: max-age=600`. HTTP/1.1 GET and HEAD, one thread per
//! connection up to [`server::MAX_CONNECTIONS`] (then 503), `Connection: close`,
//! bound to 127.0.0.1 only. Dotfiles and symlinks are never served.

use std::fs;
use std::io::{self, BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};

use crate::util;

/// What a request path resolves to.
#[derive(Debug, PartialEq)]
pub enum Resolved {
    /// Serve this file with status 200.
    File(PathBuf),
    /// 301 to this location.
    Redirect(String),
    /// 404 (with the body of 404.html).
    NotFound,
    /// 400: undecodable path or `..` traversal.
    BadRequest,
}

/// Normalises a base path to `/x/` form (`/` stays `/`).
pub fn normalize_base(base: &str) -> String {
    let trimmed = base.trim().trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// Resolves a request target (path plus optional query) against `root`
/// mounted at `base` (normalised, see [`normalize_base`]).
pub fn resolve(root: &Path, base: &str, target: &str) -> Resolved {
    let (path, query) = match target.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (target, None),
    };
    let with_query = |location: String| match query {
        Some(q) => format!("{location}?{q}"),
        None => location,
    };
    if base != "/" && path == base.trim_end_matches('/') {
        return Resolved::Redirect(with_query(base.to_string()));
    }
    let Some(rest) = path.strip_prefix(base) else {
        return Resolved::NotFound;
    };
    let Some(decoded) = util::percent_decode(rest) else {
        return Resolved::BadRequest;
    };
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Resolved::BadRequest,
            s if s.contains(['\0', '\\']) => return Resolved::BadRequest,
            s => segments.push(s),
        }
    }
    // Dotfiles (.env, .git/) may hold secrets and are never part of the site.
    if segments.iter().any(|s| s.starts_with('.')) {
        return Resolved::NotFound;
    }
    // Symlinks could lead outside the site, so none below the root is followed.
    let mut file = root.to_path_buf();
    let mut is_dir = root.is_dir();
    for segment in segments {
        file.push(segment);
        match fs::symlink_metadata(&file) {
            Ok(meta) if !meta.is_symlink() => is_dir = meta.is_dir(),
            _ => return Resolved::NotFound,
        }
    }
    if is_dir {
        if !path.ends_with('/') {
            return Resolved::Redirect(with_query(format!("{path}/")));
        }
        file.push("index.html");
    }
    // A symlink's own metadata is never `is_file`.
    if fs::symlink_metadata(&file).is_ok_and(|meta| meta.is_file()) {
        Resolved::File(file)
    } else {
        Resolved::NotFound
    }
}

/// MIME type by file extension.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Text-like types are gzipped (like Pages); raster images and unknown
/// binaries are not.
pub fn compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/javascript")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/xml")
        || content_type.starts_with("application/wasm")
        || content_type.starts_with("image/svg+xml")
}

fn accepts_gzip(header_value: &str) -> bool {
    header_value.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let zero_q = parts.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name.eq_ignore_ascii_case("gzip") && !zero_q
    })
}

/// The parts of a request the server looks at.
#[derive(Debug, Default)]
pub struct Request {
    pub method: String,
    pub target: String,
    pub accept_encoding: String,
}

/// Builds the full HTTP response (head and, unless HEAD, body) for a request.
pub fn respond(root: &Path, base: &str, req: &Request) -> Vec<u8> {
    let head_only = req.method == "HEAD";
    if req.method != "GET" && !head_only {
        return response(
            "405 Method Not Allowed",
            &[("Allow", "GET, HEAD".into())],
            "text/plain; charset=utf-8",
            b"405 Method Not Allowed\n".to_vec(),
            false,
            head_only,
        );
    }
    // Accept absolute-form targets (`http://host/path`) too.
    let target = match req.target.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => req.target.as_str(),
    };
    let gzip_ok = accepts_gzip(&req.accept_encoding);
    match resolve(root, base, target) {
        Resolved::File(file) => match std::fs::read(&file) {
            Ok(body) => response("200 OK", &[], content_type(&file), body, gzip_ok, head_only),
            Err(_) => not_found(root, gzip_ok, head_only),
        },
        Resolved::Redirect(location) => response(
            "301 Moved Permanently",
            &[("Location", location.clone())],
            "text/html; charset=utf-8",
            format!("<a href=\"{location}\">Moved Permanently</a>\n").into_bytes(),
            false,
            head_only,
        ),
        Resolved::NotFound => not_found(root, gzip_ok, head_only),
        Resolved::BadRequest => response(
            "400 Bad Request",
            &[],
            "text/plain; charset=utf-8",
            b"400 Bad Request\n".to_vec(),
            false,
            head_only,
        ),
    }
}

fn not_found(root: &Path, gzip_ok: bool, head_only: bool) -> Vec<u8> {
    let body = std::fs::read(root.join("404.html"))
        .unwrap_or_else(|_| b"<!DOCTYPE html><title>404</title><h1>404 Not Found</h1>\n".to_vec());
    response(
        "404 Not Found",
        &[],
        "text/html; charset=utf-8",
        body,
        gzip_ok,
        head_only,
    )
}

fn response(
    status: &str,
    extra: &[(&str, String)],
    content_type: &str,
    body: Vec<u8>,
    gzip_ok: bool,
    head_only: bool,
) -> Vec<u8> {
    let compress = compressible(content_type);
    let body = if compress && gzip_ok {
        util::gzip(&body, 6)
    } else {
        body
    };
    let mut head = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n");
    head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    head.push_str("Cache-Control: max-age=600\r\n");
    if compress {
        head.push_str("Vary: Accept-Encoding\r\n");
        if gzip_ok {
            head.push_str("Content-Encoding: gzip\r\n");
        }
    }
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("Connection: close\r\n\r\n");
    let mut out = head.into_bytes();
    if !head_only {
        out.extend_from_slice(&body);
    }
    out
}

/// Reads the request line and headers (the body, if any, is ignored).
fn read_request(stream: &TcpStream) -> io::Result<Option<Request>> {
    // Request heads larger than 64 KiB are cut off.
    let mut reader = BufReader::new(io::Read::take(stream, 64 * 1024));
    let mut line = String::new();
    if reader.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    let mut words = line.split_whitespace();
    let (Some(method), Some(target)) = (words.next(), words.next()) else {
        return Ok(None);
    };
    let mut req = Request {
        method: method.to_string(),
        target: target.to_string(),
        accept_encoding: String::new(),
    };
    loop {
        line.clear();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                req.accept_encoding = value.trim().to_string();
            }
        }
    }
    Ok(Some(req))
}

mod server;

#[cfg(test)]
use server::start_with_limit;
pub use server::{serve_forever, start};

#[cfg(test)]
mod tests;
