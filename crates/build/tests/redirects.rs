//! Old addresses of a post lead to it: `redirect_from`, and Chirpy's `/posts/:title/` when
//! geul's address differs. The pages are listed nowhere else.

use std::fs;
use std::path::Path;

use geul_build::{build_site, ContentError, ReadOptions, SiteConfig, SiteOutput};

fn build(posts: &[(&str, &str)]) -> (tempfile::TempDir, Result<SiteOutput, Vec<ContentError>>) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    for (name, text) in posts {
        let file = root.join("posts").join(name);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
    let output = SiteOutput {
        files: dir.path().join("out/files"),
        pages: dir.path().join("out/pages"),
    };
    let config = SiteConfig {
        base_url: "https://user.github.io/geul/".into(),
        ..SiteConfig::default()
    };
    let built = build_site(
        &root,
        &root.join("posts"),
        &config,
        &output,
        &ReadOptions::default(),
    );
    (dir, built.map(|_| output))
}

fn read(output: &SiteOutput, file: &str) -> String {
    fs::read_to_string(output.files.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn every_old_address_sends_the_reader_to_the_post() {
    let (_dir, output) = build(&[(
        "2023-11-20-My-First-Post.md",
        "---\ntitle: 첫 글 & 인사\nredirect_from:\n  - /old/first/\n  - /2023/11/20/first.html\n---\n본문\n",
    )]);
    let output = output.unwrap();
    for file in [
        "old/first/index.html",
        "2023/11/20/first.html",
        // Chirpy's address keeps the file name's case; geul's is lower-case.
        "posts/My-First-Post/index.html",
    ] {
        let page = read(&output, file);
        assert!(
            page.contains(
                "<meta http-equiv=\"refresh\" content=\"0; url=/geul/posts/my-first-post/\">"
            ),
            "{file}: {page}"
        );
        assert!(page.contains("<link rel=\"canonical\" href=\"https://user.github.io/geul/posts/my-first-post/\">"), "{page}");
        assert!(
            page.contains("<a href=\"/geul/posts/my-first-post/\">첫 글 &amp; 인사</a>"),
            "{page}"
        );
        assert!(
            page.contains("<meta name=\"robots\" content=\"noindex\">"),
            "{page}"
        );
    }
    let sitemap = read(&output, "sitemap.xml");
    assert!(
        !sitemap.contains("old/first") && !sitemap.contains("My-First-Post"),
        "{sitemap}"
    );
    // A post whose Chirpy address is its own gets no redirect.
    assert!(!Path::new(&output.files.join("posts/my-first-post/index.html")).exists());
}

#[test]
fn a_bad_or_taken_old_path_is_an_error_naming_the_post() {
    let (_dir, built) = build(&[
        (
            "a.md",
            "---\ntitle: 가\nredirect_from: [/shared/, /../up/]\n---\n본문\n",
        ),
        (
            "b.md",
            "---\ntitle: 나\nredirect_from: /shared/\n---\n본문\n",
        ),
        (
            "c.md",
            "---\ntitle: 다\nredirect_from: /posts/a/\n---\n본문\n",
        ),
    ]);
    let errors: Vec<String> = built.unwrap_err().iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [
            "posts/a.md:3: redirect_from /../up/: not a path of the site (write it as `/old/path/` or `/old/page.html`)",
            "posts/b.md:3: redirect_from /shared/: posts/a.md already leads there",
            "posts/c.md:3: redirect_from /posts/a/: that is a page of the site itself",
        ]
    );
}
