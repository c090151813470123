//! Every kind of bad input stops the build with the file and the line.

mod common;

use std::fs;

use common::parse;
use geul_build::load_site;

#[test]
fn bad_yaml_names_the_file_and_line() {
    let error = parse(
        "posts/bad.md",
        "---\ntitle: ok\ntags: [a, b\nauthor: x\n---\n본문",
    )
    .unwrap_err();
    assert_eq!(error.file.to_str(), Some("posts/bad.md"));
    assert!((3..=5).contains(&error.line), "{error}");
    assert!(error.message.starts_with("invalid front matter"), "{error}");
}

#[test]
fn wrong_value_type_names_the_line() {
    let error = parse("posts/bad.md", "---\ntitle: ok\npin: maybe\n---\n본문").unwrap_err();
    assert_eq!(error.line, 3, "{error}");
}

#[test]
fn unterminated_front_matter_points_at_its_start() {
    let error = parse("posts/open.md", "---\ntitle: 열린 채로\n\n본문이 이어진다").unwrap_err();
    assert_eq!(error.line, 1);
    assert!(error.message.contains("never closed"), "{error}");
}

#[test]
fn unparseable_date_points_at_the_date_line() {
    let error = parse(
        "posts/date.md",
        "---\ntitle: 날짜\nauthor: a\ndate: 2021-02-30 10:00\n---\n본문",
    )
    .unwrap_err();
    assert_eq!(error.line, 4);
    assert!(
        error
            .message
            .contains("unparseable date \"2021-02-30 10:00\""),
        "{error}"
    );
    assert_eq!(
        error.to_string().split(": ").next(),
        Some("posts/date.md:4")
    );
}

#[test]
fn unknown_format_is_rejected() {
    let error = parse("posts/f.md", "---\nformat: rst\n---\n본문").unwrap_err();
    assert_eq!(error.line, 2);
}

#[test]
fn two_posts_with_one_slug_name_both_files() {
    let site = tempfile::tempdir().unwrap();
    let posts = site.path().join("posts");
    fs::create_dir(&posts).unwrap();
    fs::write(
        posts.join("2021-01-01-hello.md"),
        "---\ntitle: 하나\n---\n본문",
    )
    .unwrap();
    fs::write(posts.join("hello.md"), "---\ntitle: 둘\n---\n본문").unwrap();
    let errors = load_site(&posts, site.path()).unwrap_err();
    assert_eq!(errors.len(), 1);
    let message = errors[0].to_string();
    assert!(message.contains("posts/hello.md:1:"), "{message}");
    assert!(message.contains("posts/2021-01-01-hello.md"), "{message}");
    assert!(message.contains("slug \"hello\""), "{message}");
}

#[test]
fn every_broken_post_is_reported_at_once() {
    let site = tempfile::tempdir().unwrap();
    let posts = site.path().join("posts");
    fs::create_dir(&posts).unwrap();
    fs::write(posts.join("a.md"), "---\ndate: nope\n---\n본문").unwrap();
    fs::write(posts.join("b.md"), "---\ntitle: x\n").unwrap();
    fs::write(posts.join("c.md"), "---\ntitle: 좋은 글\n---\n본문").unwrap();
    let errors = load_site(&posts, site.path()).unwrap_err();
    let files: Vec<String> = errors
        .iter()
        .map(|e| e.file.display().to_string())
        .collect();
    assert_eq!(files, ["posts/a.md", "posts/b.md"]);
}
