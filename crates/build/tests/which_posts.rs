//! Which posts a site publishes: every post under `posts/`, in subfolders too, as Jekyll
//! reads `_posts/**`; never a post with `published: false` or dated in the future, unless
//! the build asks for them (`--drafts`, `--future`). A post left out leaves no trace in any
//! file the build writes.

use std::fs;
use std::path::{Path, PathBuf};

use geul_build::{build_site, Built, ContentWarning, ReadOptions, SiteConfig, SiteOutput};

/// Words that appear only in the post that must be left out (title, tag, body).
const DRAFT_WORDS: [&str; 3] = ["초고제목", "초고태그", "초고본문"];
const FUTURE_WORDS: [&str; 3] = ["미래제목", "미래태그", "미래본문"];

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    output: SiteOutput,
}

fn write(path: &Path, contents: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, contents).unwrap();
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    let posts = root.join("posts");
    write(
        &posts.join("2024-01-02-top.md"),
        "---\ntitle: 맨 위 글\ntags: [공개]\n---\n본문\n",
    );
    write(
        &posts.join("2023/11/2023-11-20-nested.md"),
        "---\ntitle: 하위 폴더의 글\ntags: [공개]\n---\n깊은 곳의 본문\n",
    );
    write(
        &posts.join(".hidden/2023-01-01-secret.md"),
        "---\ntitle: 숨은 폴더\n---\n숨은본문\n",
    );
    write(
        &posts.join("drafts/2024-02-01-draft.md"),
        &format!(
            "---\ntitle: {}\ntags: [{}]\npublished: no\n---\n{} 이 글은 아직입니다.\n",
            DRAFT_WORDS[0], DRAFT_WORDS[1], DRAFT_WORDS[2]
        ),
    );
    write(
        &posts.join("2999-01-01-future.md"),
        &format!(
            "---\ntitle: {}\ntags: [{}]\ndate: 2999-01-01 09:00:00 +0900\n---\n{}\n",
            FUTURE_WORDS[0], FUTURE_WORDS[1], FUTURE_WORDS[2]
        ),
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

fn build(fixture: &Fixture, options: ReadOptions) -> (Built, Vec<ContentWarning>) {
    let built = build_site(
        &fixture.root,
        &fixture.root.join("posts"),
        &SiteConfig::default(),
        &fixture.output,
        &options,
    )
    .unwrap_or_else(|errors| panic!("{errors:?}"));
    let warnings = built.warnings.clone();
    (built, warnings)
}

/// Every file the build wrote, as text (binary files lossily), with the index.
fn everything_written(fixture: &Fixture, built: &Built) -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                let bytes = fs::read(&path).unwrap();
                out.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    let mut files = Vec::new();
    walk(&fixture.output.files, &mut files);
    walk(&fixture.output.pages, &mut files);
    files.push((
        PathBuf::from("the embedded index"),
        String::from_utf8_lossy(&built.index).into_owned(),
    ));
    files
}

fn files_containing(files: &[(PathBuf, String)], word: &str) -> Vec<PathBuf> {
    files
        .iter()
        .filter(|(_, text)| text.contains(word))
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn posts_in_subfolders_are_read_and_hidden_folders_are_not() {
    let fixture = fixture();
    let (built, _) = build(&fixture, ReadOptions::default());
    let files = everything_written(&fixture, &built);
    assert!(!files_containing(&files, "하위 폴더의 글").is_empty());
    assert!(fixture
        .output
        .pages
        .join("posts/nested/index.html.parts")
        .is_file());
    assert!(files_containing(&files, "숨은본문").is_empty());
    assert!(files_containing(&files, "숨은 폴더").is_empty());
}

#[test]
fn drafts_and_future_posts_leave_no_trace_in_any_file() {
    let fixture = fixture();
    let (built, warnings) = build(&fixture, ReadOptions::default());
    let files = everything_written(&fixture, &built);
    assert!(
        files.len() > 10,
        "the build wrote its files: {}",
        files.len()
    );
    for word in DRAFT_WORDS.iter().chain(&FUTURE_WORDS) {
        assert_eq!(
            files_containing(&files, word),
            Vec::<PathBuf>::new(),
            "{word}"
        );
    }
    assert!(!fixture.output.pages.join("posts/draft").exists());
    assert!(!fixture.output.pages.join("posts/future").exists());
    // Each is named, with the line that leaves it out and the switch that brings it in.
    let shown: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(
            &"posts/drafts/2024-02-01-draft.md:4: left out of the site: `published: false` \
              (`cargo xtask build --drafts` includes it)"
                .to_owned()
        ),
        "{shown:#?}"
    );
    assert!(
        shown.contains(
            &"posts/2999-01-01-future.md:4: left out of the site: dated in the future \
              (`cargo xtask build --future` includes it)"
                .to_owned()
        ),
        "{shown:#?}"
    );
}

#[test]
fn drafts_and_future_posts_are_included_when_asked_for() {
    let fixture = fixture();
    let options = ReadOptions {
        drafts: true,
        ..ReadOptions::default()
    };
    let (built, _) = build(&fixture, options);
    let files = everything_written(&fixture, &built);
    for word in DRAFT_WORDS {
        assert!(!files_containing(&files, word).is_empty(), "{word}");
    }
    assert!(files_containing(&files, FUTURE_WORDS[2]).is_empty());

    let options = ReadOptions {
        future: true,
        ..ReadOptions::default()
    };
    let (built, _) = build(&fixture, options);
    let files = everything_written(&fixture, &built);
    assert!(!files_containing(&files, FUTURE_WORDS[2]).is_empty());
    assert!(files_containing(&files, DRAFT_WORDS[2]).is_empty());
}

#[test]
fn a_post_is_in_the_future_only_after_the_build_time() {
    let fixture = fixture();
    // At a build time after its date, the "future" post is an ordinary one.
    let options = ReadOptions {
        now: 32_503_800_000, // 3000-01-01
        ..ReadOptions::default()
    };
    let (built, _) = build(&fixture, options);
    let files = everything_written(&fixture, &built);
    assert!(!files_containing(&files, FUTURE_WORDS[2]).is_empty());
}

#[test]
fn the_future_is_the_site_s_time_zone_s() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    // Nine in the morning: 00:00 UTC in Seoul, 14:00 UTC in New York (winter).
    write(
        &root.join("posts/2024-01-15-morning.md"),
        "---\ntitle: 아침 글\ndate: 2024-01-15 09:00\n---\n아침본문\n",
    );
    let at_noon_utc = ReadOptions {
        now: 1_705_320_000, // 2024-01-15 12:00 UTC
        ..ReadOptions::default()
    };
    let published = |timezone: &str| {
        let config = SiteConfig::parse(
            Path::new("site.toml"),
            &format!("timezone = \"{timezone}\"\n"),
        )
        .unwrap();
        let output = SiteOutput {
            files: dir.path().join(format!("out/{timezone}/files")),
            pages: dir.path().join(format!("out/{timezone}/pages")),
        };
        let built = build_site(&root, &root.join("posts"), &config, &output, &at_noon_utc)
            .unwrap_or_else(|errors| panic!("{errors:?}"));
        let future = built
            .warnings
            .iter()
            .any(|warning| warning.to_string().contains("future"));
        !future
    };
    assert!(published("Asia/Seoul"), "past in Seoul");
    assert!(!published("America/New_York"), "still to come in New York");
}
