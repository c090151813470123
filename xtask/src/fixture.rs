//! The project's own fixture site (`tests/fixture-site/`), which the test suite builds to
//! hold the engine to its promises whatever a fork keeps in `posts/`: the first-load
//! budget, the Content-Security-Policy, and publishing only the site. Before the build it
//! is copied into `target/` and given every trick a post could use to publish what is not
//! the site: secrets in dotfiles, files that are not media, links that leave it.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use geul_build::{media_path, MERMAID_PACKAGE};

use crate::site::{self, Build, FileSize};
use crate::util::{self, Error, Result};

/// The fixture, as committed.
pub const FIXTURE_DIR: &str = "tests/fixture-site";
/// Where the test suite builds it, tricks added, and the folder "outside the repository".
pub const SITE_DIR: &str = "target/fixture-site";
const OUTSIDE_DIR: &str = "target/fixture-outside";

/// Where the test suite builds the fixture site.
pub const DIST_DIR: &str = "target/fixture-dist";

/// `cargo xtask fixture`: builds the fixture site (tricks added) for `public_url` into
/// [`DIST_DIR`], checks that it publishes only the site and that its first load is within
/// the budget. Returns the site folder and the first-load sizes.
pub fn build_and_check(public_url: &str) -> Result<(PathBuf, Vec<FileSize>)> {
    let site_dir = prepare()?;
    let sizes = site::build_site(&Build {
        site: Some(site_dir.clone()),
        ..Build::new(public_url, DIST_DIR)
    })?;
    let published = check_published(&util::repo_root().join(DIST_DIR))?;
    println!("fixture: {published} files published, every one on the allow-list, no secret in any");
    site::check_budget(&sizes)?;
    Ok((site_dir, sizes))
}

/// The post whose copy is given the tricks, and its page.
const TRICKED_POST: &str = "posts/2024-01-15-rust-cli.md";
const TRICKED_PAGE: &str = "posts/rust-cli/index.html";

/// Text in every file that must never be published.
const SECRET: &str = "geul-fixture-secret";

/// Words only the fixture's posts left out carry (`published: false`, dated in the future):
/// no file the site publishes may hold them.
const LEFT_OUT: [&str; 4] = ["초고본문", "초고태그", "미래본문", "미래태그"];

/// The redirect pages of the fixture's `redirect_from`.
const REDIRECTS: [&str; 2] = ["2024/04/10/chirpy-move/index.html", "old/chirpy.html"];

fn io(what: &str, path: &Path, error: std::io::Error) -> Error {
    Error::new(format!("cannot {what} {}: {error}", path.display()))
}

fn write(path: &Path, contents: &str) -> Result<()> {
    let parent = path.parent().expect("a file in a folder");
    fs::create_dir_all(parent).map_err(|e| io("create", parent, e))?;
    fs::write(path, contents).map_err(|e| io("write", path, e))
}

fn link(target: impl AsRef<Path>, at: &Path) -> Result<()> {
    symlink(target, at).map_err(|e| io("link", at, e))
}

/// Copies the fixture to [`SITE_DIR`] with the tricks added; returns that folder.
pub fn prepare() -> Result<PathBuf> {
    let root = util::repo_root();
    let site = root.join(SITE_DIR);
    let outside = root.join(OUTSIDE_DIR);
    for dir in [&site, &outside] {
        if dir.exists() {
            fs::remove_dir_all(dir).map_err(|e| io("remove", dir, e))?;
        }
    }
    copy_tree(&root.join(FIXTURE_DIR), &site)?;
    write(
        &outside.join("passwd"),
        &format!("root:x:0:0:{SECRET}:/root:/bin/sh\n"),
    )?;
    write(&site.join(".env"), &format!("TOKEN={SECRET}\n"))?;
    write(
        &site.join(".git/config"),
        &format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n"),
    )?;
    write(
        &site.join("private/notes.toml"),
        &format!("key = \"{SECRET}\"\n"),
    )?;
    write(&site.join("assets/.hidden/x.png"), SECRET)?;
    link(outside.join("passwd"), &site.join("assets/logo.png"))?;
    link("../private/notes.toml", &site.join("assets/inside.png"))?;
    link(outside.join("passwd"), &site.join("posts/passwd.txt"))?;
    // Into a post the list already has, so the tricks add no card to the measured first load.
    let post = site.join(TRICKED_POST);
    let text = fs::read_to_string(&post).map_err(|e| io("read", &post, e))?;
    let text = text.replacen("---\n", "---\nimage: /.git/config\n", 1)
        + "\n![환경 변수](/.env)\n\n<img src=\"../private/notes.toml\" alt=\"설정\">\n\n\
           ![깃 설정](/.git/config)\n\n![로고](/assets/logo.png)\n\n![안쪽 링크](/assets/inside.png)\n\n\
           <img src=/assets/.hidden/x.png>\n";
    write(&post, &text)?;
    Ok(site)
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| io("create", to, e))?;
    for entry in fs::read_dir(from).map_err(|e| io("read", from, e))? {
        let path = entry.map_err(|e| io("read", from, e))?.path();
        let target = to.join(path.file_name().expect("an entry has a name"));
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            fs::copy(&path, &target).map_err(|e| io("copy", &path, e))?;
        }
    }
    Ok(())
}

/// Every file in `dist`, relative to it, with `/` between folders.
fn files_under(dir: &Path, prefix: &str, found: &mut Vec<(String, PathBuf)>) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| io("read", dir, e))? {
        let path = entry.map_err(|e| io("read", dir, e))?.path();
        let name = format!(
            "{prefix}{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        let meta = fs::symlink_metadata(&path).map_err(|e| io("inspect", &path, e))?;
        if meta.is_dir() {
            files_under(&path, &format!("{name}/"), found)?;
        } else {
            found.push((name, path));
        }
    }
    Ok(())
}

/// `prefix` + up to 16 hex digits + `suffix`: Trunk writes its hashes without leading zeros.
fn hashed(name: &str, prefix: &str, suffix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(suffix))
        .is_some_and(|hash| {
            (1..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

/// What a built site may hold: the app's files, the pages, the build's content files, and
/// the media the fixture has.
fn allowed(name: &str, media: &[String]) -> bool {
    let page = |kind: &str| {
        name.strip_prefix(kind)
            .and_then(|rest| rest.strip_suffix("/index.html"))
            .is_some_and(|slug| !slug.is_empty() && !slug.contains('/') && !slug.starts_with('.'))
    };
    matches!(
        name,
        "index.html" | "404.html" | "feed.xml" | "sitemap.xml" | "robots.txt"
    ) || media.iter().any(|file| file == name)
        || REDIRECTS.contains(&name)
        || hashed(name, "geul-", ".js")
        || hashed(name, "geul-", "_bg.wasm")
        || hashed(name, "main-", ".css")
        || hashed(name, "favicon-", ".png")
        || hashed(name, "content/", ".html")
        || hashed(name, "content/style-", ".css")
        || hashed(name, "content/enhance-", ".js")
        || ["search", "text", "cards"]
            .iter()
            .any(|kind| hashed(name, &format!("content/{kind}-"), ".bin"))
        || ["posts/", "tags/", "categories/"]
            .iter()
            .any(|kind| page(kind))
        || geul_core::Overview::ALL.iter().any(|overview| {
            [
                overview.content_file(),
                format!("{}/index.html", overview.folder()),
            ]
            .contains(&name.to_owned())
        })
        || vendored(name)
}

/// A module of the mermaid package as npm installed it (a fixture post has a diagram).
fn vendored(name: &str) -> bool {
    let folder = format!("{}/", geul_build::mermaid_dir());
    name.strip_prefix(&folder).is_some_and(|module| {
        module.ends_with(".mjs")
            && !module.split('/').any(|part| part.starts_with('.'))
            && util::repo_root()
                .join(MERMAID_PACKAGE)
                .join("dist")
                .join(module)
                .is_file()
    })
}

/// Checks that `dist`, the fixture's build, holds only what the site may publish and that
/// no secret of the tricks, and no post left out, reached any file.
pub fn check_published(dist: &Path) -> Result<usize> {
    let mut assets = Vec::new();
    files_under(
        &util::repo_root().join(FIXTURE_DIR).join("assets"),
        "assets/",
        &mut assets,
    )?;
    // Where each of the fixture's own media files would be published (links and hidden
    // files are the tricks, never published).
    let mut media = Vec::new();
    for (name, path) in assets {
        let meta = fs::symlink_metadata(&path).map_err(|e| io("inspect", &path, e))?;
        if meta.is_file() && !name.split('/').any(|part| part.starts_with('.')) {
            let bytes = fs::read(&path).map_err(|e| io("read", &path, e))?;
            media.push(media_path(&name, &bytes));
        }
    }
    let diagram = media
        .iter()
        .find(|name| name.starts_with("media/diagram-"))
        .cloned()
        .unwrap_or_default();
    let mut files = Vec::new();
    files_under(dist, "", &mut files)?;
    let mut problems = Vec::new();
    for (name, path) in &files {
        if !allowed(name, &media) {
            problems.push(format!("{name} is not on the allow-list"));
        }
        let bytes = fs::read(path).map_err(|e| io("read", path, e))?;
        let text = String::from_utf8_lossy(&bytes);
        if text.contains(SECRET) || text.contains("root:x:0:0") {
            problems.push(format!("{name} publishes a secret"));
        }
        if let Some(word) = LEFT_OUT.iter().find(|word| text.contains(*word)) {
            problems.push(format!("{name} publishes a post that is left out ({word})"));
        }
    }
    for expected in ["index.html", TRICKED_PAGE, &diagram]
        .into_iter()
        .chain(REDIRECTS)
    {
        if !files.iter().any(|(name, _)| name == expected) {
            problems.push(format!("{expected} is missing"));
        }
    }
    if problems.is_empty() {
        Ok(files.len())
    } else {
        Err(Error::new(format!(
            "the fixture site's build in {} publishes what it must not:\n  {}",
            dist.display(),
            problems.join("\n  ")
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_list_takes_the_site_and_nothing_else() {
        let media = vec!["media/diagram-0123456789abcdef.png".to_owned()];
        for name in [
            "index.html",
            "geul-0123456789abcdef_bg.wasm",
            "main-38887cf250deb86.css",
            "content/0123456789abcdef.html",
            "content/search-0123456789abcdef.bin",
            "content/style-0123456789abcdef.css",
            "content/enhance-0123456789abcdef.js",
            "posts/첫-글/index.html",
            "tags/rust/index.html",
            "archives/index.html",
            "categories/content.html",
            "media/diagram-0123456789abcdef.png",
        ] {
            assert!(allowed(name, &media), "{name}");
        }
        for name in [
            ".env",
            ".git/config",
            "assets/logo.png",
            "assets/img/diagram.png",
            "media/logo-0123456789abcdef.png",
            "posts/passwd/index.html/x",
            "content/abc.txt",
            "geul-x.js",
            "private/notes.toml",
            "posts/.hidden/index.html",
            "archives/notes.html",
            "site.toml",
        ] {
            assert!(!allowed(name, &media), "{name}");
        }
    }
}
