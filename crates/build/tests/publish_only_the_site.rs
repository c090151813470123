//! A site whose posts try every way to publish what is not the site: secrets in dotfiles,
//! files that are not media, links that lead out of the repository. The build must publish
//! only the site: every file it writes is on an allow-list, no secret reaches any of them,
//! and each trick gets a warning naming the file and the line.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use geul_build::{build_site, Built, ReadOptions, SiteConfig, SiteOutput};

/// Text that must never be published; each fixture secret contains it.
const SECRET: &str = "do-not-publish";

/// A repository with a good post and a post full of tricks, plus a folder outside it.
struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    output: SiteOutput,
}

fn write(path: &Path, contents: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    let outside = dir.path().join("outside");
    write(
        &outside.join("passwd"),
        format!("root:x:0:0:{SECRET}\n").as_bytes(),
    );
    write(
        &outside.join("notes.md"),
        format!("# 바깥 글\n\n{SECRET}\n").as_bytes(),
    );
    write(
        &root.join(".env"),
        format!("TOKEN={SECRET}-env\n").as_bytes(),
    );
    write(
        &root.join(".git/config"),
        format!("[http]\n\textraheader = AUTHORIZATION: basic {SECRET}-git\n").as_bytes(),
    );
    write(
        &root.join("private/notes.toml"),
        format!("key = \"{SECRET}-toml\"\n").as_bytes(),
    );
    write(
        &root.join("assets/.hidden/x.png"),
        format!("{SECRET}-hidden").as_bytes(),
    );
    let png =
        fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../static/favicon.png")).unwrap();
    write(&root.join("assets/ok.png"), &png);
    symlink(outside.join("passwd"), root.join("assets/logo.png")).unwrap();
    symlink("../private/notes.toml", root.join("assets/inside.png")).unwrap();
    symlink("../.git/config", root.join("assets/git.png")).unwrap();
    write(
        &root.join("posts/2024-01-02-good.md"),
        "---\ntitle: 좋은 글\n---\n그림 ![팀](/assets/ok.png)\n".as_bytes(),
    );
    let tricks = "---\ntitle: 꼼수\nimage: /.git/config\n---\n\
                  ![환경](/.env)\n\n\
                  <img src=\"../private/notes.toml\" alt=\"설정\">\n\n\
                  ![깃](/.git/config)\n\n\
                  ![로고](/assets/logo.png)\n\n\
                  ![안쪽](/assets/inside.png)\n\n\
                  ![깃 링크](/assets/git.png)\n\n\
                  <img src=/assets/.hidden/x.png>\n";
    write(&root.join("posts/2024-01-03-tricks.md"), tricks.as_bytes());
    symlink(outside.join("passwd"), root.join("posts/passwd.txt")).unwrap();
    symlink(outside.join("notes.md"), root.join("posts/notes.md")).unwrap();
    write(
        &root.join("posts/.draft.md"),
        format!("# 숨김\n\n{SECRET}\n").as_bytes(),
    );
    let output = SiteOutput {
        files: dir.path().join("out/files"),
        pages: dir.path().join("out/pages"),
    };
    Fixture {
        _dir: dir,
        root,
        output,
    }
}

fn build(fixture: &Fixture) -> Built {
    let config = SiteConfig::default();
    build_site(
        &fixture.root,
        &fixture.root.join("posts"),
        &config,
        &fixture.output,
        &ReadOptions::default(),
    )
    .unwrap_or_else(|errors| panic!("{errors:?}"))
}

fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if fs::symlink_metadata(&path).unwrap().is_dir() {
            for (name, file) in files_under(&path) {
                let folder = path.file_name().unwrap().to_string_lossy();
                found.push((format!("{folder}/{name}"), file));
            }
        } else {
            found.push((
                path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
            ));
        }
    }
    found
}

fn hex16(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// What the build may write beside the app.
fn allowed_file(name: &str) -> bool {
    let hashed = |prefix: &str, suffix: &str| {
        name.strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .is_some_and(hex16)
    };
    matches!(
        name,
        "feed.xml"
            | "sitemap.xml"
            | "robots.txt"
            | "archives/content.html"
            | "tags/content.html"
            | "categories/content.html"
    ) || hashed("media/ok-", ".png")
        || hashed("content/", ".html")
        || hashed("content/search-", ".bin")
        || hashed("content/text-", ".bin")
        || hashed("content/cards-", ".bin")
        || hashed("content/style-", ".css")
        || hashed("content/enhance-", ".js")
}

/// What pages the build may write: the list, the posts, their tags and categories, the
/// archive and the tag and category indexes, and the index the app embeds (the stage step
/// renders the pages from it).
fn allowed_page(name: &str) -> bool {
    matches!(
        name,
        "site-index.bin"
            | "site-footer.html"
            | "index.html.parts"
            | "404.html.parts"
            | "posts/good/index.html.parts"
            | "posts/tricks/index.html.parts"
            | "archives/index.html.parts"
            | "tags/index.html.parts"
            | "categories/index.html.parts"
    )
}

#[test]
fn only_the_site_is_written_and_no_secret_reaches_it() {
    let fixture = fixture();
    build(&fixture);
    let files = files_under(&fixture.output.files);
    let pages = files_under(&fixture.output.pages);
    for (name, _) in &files {
        assert!(allowed_file(name), "{name} is not on the allow-list");
    }
    for (name, _) in &pages {
        assert!(allowed_page(name), "{name} is not on the allow-list");
    }
    assert!(files.iter().any(|(name, _)| name.starts_with("media/ok-")));
    assert_eq!(pages.len(), 9, "{pages:?}");
    for (name, path) in files.iter().chain(&pages) {
        assert!(
            !fs::symlink_metadata(path).unwrap().is_symlink(),
            "{name} is a link"
        );
        let bytes = fs::read(path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(SECRET), "{name} publishes a secret");
        assert!(!text.contains("root:x:0:0"), "{name} publishes /etc/passwd");
    }
}

#[test]
fn every_trick_is_a_placeholder_and_a_warning_with_its_line() {
    let fixture = fixture();
    let built = build(&fixture);
    let warnings: Vec<String> = built.warnings.iter().map(ToString::to_string).collect();
    let expected = [
        (
            "posts/2024-01-03-tricks.md:3: preview image not published: /.git/config",
            "hidden",
        ),
        (
            "posts/2024-01-03-tricks.md:5: image not published: /.env",
            "hidden",
        ),
        (
            "posts/2024-01-03-tricks.md:7: image not published: ../private/notes.toml",
            "only images",
        ),
        (
            "posts/2024-01-03-tricks.md:9: image not published: /.git/config",
            "hidden",
        ),
        (
            "posts/2024-01-03-tricks.md:11: image not published: /assets/logo.png",
            "outside the repository",
        ),
        (
            "posts/2024-01-03-tricks.md:13: image not published: /assets/inside.png",
            "only images",
        ),
        (
            "posts/2024-01-03-tricks.md:15: image not published: /assets/git.png",
            "hidden",
        ),
        (
            "posts/2024-01-03-tricks.md:17: image not published: /assets/.hidden/x.png",
            "hidden",
        ),
        (
            "posts/notes.md:1: not read: it is a link to a file outside the repository",
            "",
        ),
        (
            "posts/passwd.txt:1: not read: it is a link to a file outside the repository",
            "",
        ),
    ];
    for (start, reason) in expected {
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with(start) && w.contains(reason)),
            "no warning `{start}…{reason}` in {warnings:#?}"
        );
    }
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    let body = files_under(&fixture.output.files)
        .into_iter()
        .filter(|(name, _)| name.ends_with(".html"))
        .map(|(_, path)| fs::read_to_string(path).unwrap())
        .find(|html| html.contains("환경"))
        .expect("the tricks post's body");
    assert_eq!(body.matches("class=\"img-missing\"").count(), 7, "{body}");
    assert!(!body.contains("<img"), "{body}");
}
