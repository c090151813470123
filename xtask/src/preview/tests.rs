//! Tests of the Pages-like preview server (module `preview`).

use super::*;
use std::fs;
use std::io::{Read, Write};

#[path = "limits_tests.rs"]
mod limits;

fn site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::write(root.join("index.html"), "<html>앱</html>").unwrap();
    fs::write(root.join("404.html"), "<html>없는 페이지</html>").unwrap();
    fs::create_dir_all(root.join("content")).unwrap();
    fs::write(root.join("content/첫-글-ab12.html"), "<p>안녕하세요</p>").unwrap();
    fs::write(root.join("app.js"), "console.log('hi');".repeat(20)).unwrap();
    fs::write(root.join("a.png"), [137u8, 80, 78, 71, 0, 1, 2, 3]).unwrap();
    fs::create_dir_all(root.join("posts")).unwrap();
    fs::write(root.join("posts/index.html"), "posts").unwrap();
    fs::create_dir_all(root.join("empty")).unwrap();
    tmp
}

#[test]
fn base_normalisation() {
    assert_eq!(normalize_base("/geul/"), "/geul/");
    assert_eq!(normalize_base("geul"), "/geul/");
    assert_eq!(normalize_base("/geul"), "/geul/");
    assert_eq!(normalize_base("/"), "/");
    assert_eq!(normalize_base(""), "/");
}

#[test]
fn resolves_like_pages() {
    let tmp = site();
    let root = tmp.path();
    let r = |target| resolve(root, "/geul/", target);
    let redirect = |to: &str| Resolved::Redirect(to.to_string());

    assert_eq!(r("/geul"), redirect("/geul/"));
    assert_eq!(r("/geul?q=1"), redirect("/geul/?q=1"));
    assert_eq!(r("/geul/"), Resolved::File(root.join("index.html")));
    assert_eq!(r("/geul/?q=1"), Resolved::File(root.join("index.html")));
    assert_eq!(
        r("/geul/index.html"),
        Resolved::File(root.join("index.html"))
    );
    assert_eq!(r("/geul/posts"), redirect("/geul/posts/"));
    assert_eq!(r("/geul/posts?tag=a"), redirect("/geul/posts/?tag=a"));
    assert_eq!(
        r("/geul/posts/"),
        Resolved::File(root.join("posts/index.html"))
    );
    assert_eq!(r("/geul/empty/"), Resolved::NotFound);
    assert_eq!(r("/geul/missing.js"), Resolved::NotFound);
    // No SPA fallback: client-side routes are 404s (served with 404.html).
    assert_eq!(r("/geul/post/some-slug"), Resolved::NotFound);
    // Outside the base path.
    assert_eq!(r("/"), Resolved::NotFound);
    assert_eq!(r("/index.html"), Resolved::NotFound);
    assert_eq!(r("/geulx/index.html"), Resolved::NotFound);
}

#[test]
fn decodes_korean_paths() {
    let tmp = site();
    let root = tmp.path();
    let encoded = "/geul/content/%EC%B2%AB-%EA%B8%80-ab12.html";
    assert_eq!(
        resolve(root, "/geul/", encoded),
        Resolved::File(root.join("content/첫-글-ab12.html"))
    );
    assert_eq!(
        resolve(
            root,
            "/geul/",
            "/geul/content/%ec%b2%ab-%ea%b8%80-ab12.html"
        ),
        Resolved::File(root.join("content/첫-글-ab12.html"))
    );
    assert_eq!(resolve(root, "/geul/", "/geul/%FF"), Resolved::BadRequest);
    assert_eq!(resolve(root, "/geul/", "/geul/%E"), Resolved::BadRequest);
    // A `+` in a path is a plus, not a space (as on Pages).
    fs::write(root.join("c++.txt"), "c++").unwrap();
    assert_eq!(
        resolve(root, "/geul/", "/geul/c++.txt"),
        Resolved::File(root.join("c++.txt"))
    );
}

#[test]
fn rejects_traversal() {
    let tmp = site();
    let root = tmp.path().join("content");
    for target in [
        "/geul/../index.html",
        "/geul/%2e%2e/index.html",
        "/geul/%2E%2E%2Findex.html",
        "/geul/x/../../index.html",
        "/geul/..%5cindex.html",
        "/geul/a%00b",
    ] {
        assert_eq!(
            resolve(&root, "/geul/", target),
            Resolved::BadRequest,
            "{target}"
        );
    }
}

#[test]
fn root_base() {
    let tmp = site();
    let root = tmp.path();
    assert_eq!(
        resolve(root, "/", "/"),
        Resolved::File(root.join("index.html"))
    );
    assert_eq!(
        resolve(root, "/", "/posts"),
        Resolved::Redirect("/posts/".into())
    );
}

#[test]
fn mime_types() {
    let t = |name: &str| content_type(Path::new(name));
    assert_eq!(t("a.html"), "text/html; charset=utf-8");
    assert_eq!(t("a.js"), "text/javascript; charset=utf-8");
    assert_eq!(t("a.wasm"), "application/wasm");
    assert_eq!(t("a.css"), "text/css; charset=utf-8");
    assert_eq!(t("a.json"), "application/json; charset=utf-8");
    assert_eq!(t("a.xml"), "application/xml");
    assert_eq!(t("a.svg"), "image/svg+xml");
    assert_eq!(t("a.PNG"), "image/png");
    assert_eq!(t("a.jpg"), "image/jpeg");
    assert_eq!(t("a.webp"), "image/webp");
    assert_eq!(t("a.ico"), "image/x-icon");
    assert_eq!(t("a.txt"), "text/plain; charset=utf-8");
    assert!(compressible(t("a.wasm")));
    assert!(compressible(t("a.svg")));
    assert!(!compressible(t("a.png")));
    assert!(!compressible(t("a.bin")));
}

#[test]
fn gzip_negotiation() {
    assert!(accepts_gzip("gzip"));
    assert!(accepts_gzip("br, GZIP;q=0.8, deflate"));
    assert!(!accepts_gzip("gzip;q=0"));
    assert!(!accepts_gzip("br, deflate"));
    assert!(!accepts_gzip(""));
}

/// Splits a raw response into (status line, headers, body).
fn parse(raw: &[u8]) -> (String, Vec<(String, String)>, Vec<u8>) {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(raw[..end].to_vec()).unwrap();
    let mut lines = head.split("\r\n");
    let status = lines.next().unwrap().to_string();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(": ").unwrap();
            (n.to_ascii_lowercase(), v.to_string())
        })
        .collect();
    (status, headers, raw[end + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn gunzip(data: &[u8]) -> String {
    let mut out = String::new();
    flate2::read::GzDecoder::new(data)
        .read_to_string(&mut out)
        .unwrap();
    out
}

fn get(root: &Path, method: &str, target: &str, accept: &str) -> Vec<u8> {
    let req = Request {
        method: method.into(),
        target: target.into(),
        accept_encoding: accept.into(),
    };
    respond(root, "/geul/", &req)
}

#[test]
fn gzips_text_when_accepted() {
    let tmp = site();
    let (status, headers, body) = parse(&get(tmp.path(), "GET", "/geul/app.js", "gzip, br"));
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(header(&headers, "content-encoding"), Some("gzip"));
    assert_eq!(header(&headers, "vary"), Some("Accept-Encoding"));
    assert_eq!(header(&headers, "cache-control"), Some("max-age=600"));
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(
        header(&headers, "content-length"),
        Some(body.len().to_string().as_str())
    );
    assert_eq!(gunzip(&body), "console.log('hi');".repeat(20));

    let (_, headers, body) = parse(&get(tmp.path(), "GET", "/geul/app.js", ""));
    assert_eq!(header(&headers, "content-encoding"), None);
    assert_eq!(header(&headers, "vary"), Some("Accept-Encoding"));
    assert_eq!(body, "console.log('hi');".repeat(20).as_bytes());

    let (_, headers, body) = parse(&get(tmp.path(), "GET", "/geul/a.png", "gzip"));
    assert_eq!(header(&headers, "content-encoding"), None);
    assert_eq!(header(&headers, "content-type"), Some("image/png"));
    assert_eq!(body, [137u8, 80, 78, 71, 0, 1, 2, 3]);
}

#[test]
fn not_found_serves_404_html() {
    let tmp = site();
    let (status, headers, body) = parse(&get(tmp.path(), "GET", "/geul/post/x", "gzip"));
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(gunzip(&body), "<html>없는 페이지</html>");
}

#[test]
fn hides_dotfiles_and_dot_folders() {
    let tmp = site();
    let root = tmp.path();
    fs::write(root.join(".env"), "TOKEN=secret").unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join(".git/config"), "[core]").unwrap();
    fs::write(root.join(".git/index.html"), "git").unwrap();
    fs::create_dir_all(root.join("assets/.hidden")).unwrap();
    fs::write(root.join("assets/.hidden/x.png"), [137u8, 80]).unwrap();
    for target in [
        "/geul/.env",
        "/geul/%2Eenv",
        "/geul/.git",
        "/geul/.git/",
        "/geul/.git/config",
        "/geul/%2egit%2fconfig",
        "/geul/assets/.hidden/x.png",
        "/geul/assets/%2Ehidden/x.png",
    ] {
        assert_eq!(
            resolve(root, "/geul/", target),
            Resolved::NotFound,
            "{target}"
        );
    }
    // Answered exactly like a missing file.
    let (status, _, body) = parse(&get(root, "GET", "/geul/%2Eenv", ""));
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert_eq!(body, "<html>없는 페이지</html>".as_bytes());
}

#[cfg(unix)]
#[test]
fn never_follows_symlinks() {
    use std::os::unix::fs::symlink;
    let tmp = site();
    let root = tmp.path();
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("passwd");
    fs::write(&secret, "root:x:0:0").unwrap();
    fs::create_dir_all(root.join("assets")).unwrap();
    symlink(&secret, root.join("assets/logo.png")).unwrap();
    symlink(outside.path(), root.join("linked")).unwrap();
    fs::create_dir_all(root.join("docs")).unwrap();
    symlink(&secret, root.join("docs/index.html")).unwrap();
    // Even a link that stays inside the site.
    symlink("../index.html", root.join("posts/home.html")).unwrap();
    for target in [
        "/geul/assets/logo.png",
        "/geul/linked",
        "/geul/linked/",
        "/geul/linked/passwd",
        "/geul/docs/",
        "/geul/posts/home.html",
    ] {
        assert_eq!(
            resolve(root, "/geul/", target),
            Resolved::NotFound,
            "{target}"
        );
    }
    let (status, _, body) = parse(&get(root, "GET", "/geul/assets/logo.png", ""));
    assert_eq!(status, "HTTP/1.1 404 Not Found");
    assert_eq!(body, "<html>없는 페이지</html>".as_bytes());

    // The site root itself may be a link (e.g. to the latest build).
    let linked_root = outside.path().join("site");
    symlink(root, &linked_root).unwrap();
    assert_eq!(
        resolve(&linked_root, "/geul/", "/geul/"),
        Resolved::File(linked_root.join("index.html"))
    );
}

#[test]
fn redirect_head_and_methods() {
    let tmp = site();
    let (status, headers, _) = parse(&get(tmp.path(), "GET", "/geul/posts?a=1", ""));
    assert_eq!(status, "HTTP/1.1 301 Moved Permanently");
    assert_eq!(header(&headers, "location"), Some("/geul/posts/?a=1"));

    let (status, headers, body) = parse(&get(tmp.path(), "HEAD", "/geul/", ""));
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(
        header(&headers, "content-length"),
        Some("<html>앱</html>".len().to_string().as_str())
    );
    assert!(body.is_empty());

    let (status, _, _) = parse(&get(tmp.path(), "POST", "/geul/", ""));
    assert_eq!(status, "HTTP/1.1 405 Method Not Allowed");
    let (status, _, _) = parse(&get(tmp.path(), "GET", "/geul/../x", ""));
    assert_eq!(status, "HTTP/1.1 400 Bad Request");
}

#[test]
fn serves_over_tcp_on_a_free_port() {
    let tmp = site();
    let server = start(tmp.path(), "geul", 0).unwrap();
    assert_ne!(server.port, 0);
    assert_eq!(
        server.url(),
        format!("http://127.0.0.1:{}/geul/", server.port)
    );
    for _ in 0..2 {
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .write_all(b"GET /geul/content/%EC%B2%AB-%EA%B8%80-ab12.html HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
            .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let (status, headers, body) = parse(&raw);
        assert_eq!(status, "HTTP/1.1 200 OK");
        assert_eq!(header(&headers, "connection"), Some("close"));
        assert_eq!(gunzip(&body), "<p>안녕하세요</p>");
    }
    server.stop();
}

#[test]
fn refuses_to_start_without_a_build() {
    let tmp = tempfile::tempdir().unwrap();
    let err = start(tmp.path(), "/geul/", 0).err().unwrap();
    assert!(err.message.contains("cargo xtask build"), "{}", err.message);
}
