use super::*;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// A small Jekyll site of the project's own making: two posts, media, a Chirpy config.
fn jekyll_site(root: &Path) {
    write(
        &root.join("_posts/2023-11-20-first.md"),
        "---\ntitle: 첫 글\nimage:\n  path: /assets/img/cover.png\n---\n\
         ![그림](/assets/img/a.png){: w=\"700\" }\n[없는 파일](/assets/missing.pdf)\n",
    );
    write(
        &root.join("_posts/2024/2024-01-02-second.md"),
        "---\ntitle: 둘째\nmedia_subpath: /assets/posts/second\n---\n![b](b.png)\n",
    );
    for file in [
        "assets/img/cover.png",
        "assets/img/a.png",
        "assets/posts/second/b.png",
        "assets/img/me.png",
        "assets/unused.png",
    ] {
        write(&root.join(file), "png");
    }
    write(
        &root.join("_config.yml"),
        "title: 개발 일지\ntagline: 배운 것을 적는 곳\nurl: \"https://someone.github.io\"\n\
         baseurl: /blog\nlang: ko-KR\ntimezone: Asia/Seoul\ngithub:\n  username: someone\n\
         twitter:\n  username: hong\nsocial:\n  name: 홍길동\n  email: hong@example.com\n  \
         links: [https://github.com/someone, https://twitter.com/hong, https://hong.example.com]\n\
         comments:\n  provider: giscus\n  giscus:\n    repo: someone/blog\n    repo_id: R_1\n    \
         category: Comments\n    category_id: DIC_1\n    mapping: title\n\
         avatar: /assets/img/me.png\nanalytics:\n  google:\n    id: G-ABC123\n  goatcounter:\n    id: \n  \
         umami:\n    id: u1\n",
    );
}

#[test]
fn posts_their_media_and_the_config_move_in() {
    let dir = tempfile::tempdir().unwrap();
    let (from, to) = (dir.path().join("jekyll"), dir.path().join("geul"));
    jekyll_site(&from);
    let imported = import(&from, &to).unwrap();
    assert_eq!(imported.posts, 2);
    assert!(to.join("posts/2023-11-20-first.md").is_file());
    assert!(
        to.join("posts/2024/2024-01-02-second.md").is_file(),
        "subfolders are kept"
    );
    assert_eq!(
        imported.media,
        [
            "assets/img/a.png",
            "assets/img/cover.png",
            "assets/img/me.png",
            "assets/posts/second/b.png"
        ]
    );
    assert!(
        !to.join("assets/unused.png").exists(),
        "only what the posts name"
    );
    assert_eq!(imported.missing, ["assets/missing.pdf"]);

    let config = fs::read_to_string(to.join("site.toml")).unwrap();
    let table: toml::Table = config.parse().unwrap();
    assert_eq!(table["title"].as_str(), Some("개발 일지"));
    assert_eq!(table["description"].as_str(), Some("배운 것을 적는 곳"));
    assert_eq!(table["author"].as_str(), Some("홍길동"));
    assert_eq!(table["language"].as_str(), Some("ko"));
    assert_eq!(
        table["base_url"].as_str(),
        Some("https://someone.github.io/blog/")
    );
    // geul reads what it wrote.
    geul_build::SiteConfig::parse(Path::new("site.toml"), &config).unwrap();
    let unmapped = imported.unmapped.join("\n");
    assert_eq!(table["timezone"].as_str(), Some("Asia/Seoul"));
    let profile = table["profile"].as_table().unwrap();
    assert_eq!(profile["avatar"].as_str(), Some("/assets/img/me.png"));
    assert_eq!(profile["github"].as_str(), Some("someone"));
    assert_eq!(profile["x"].as_str(), Some("hong"));
    assert_eq!(profile["email"].as_str(), Some("hong@example.com"));
    let links: Vec<&str> = profile["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|link| link.as_str())
        .collect();
    assert_eq!(
        links,
        ["https://hong.example.com"],
        "named links are not repeated"
    );
    assert!(
        to.join("assets/img/me.png").is_file(),
        "the avatar is copied"
    );
    let comments = table["comments"].as_table().unwrap();
    assert_eq!(comments["provider"].as_str(), Some("giscus"));
    assert_eq!(comments["repo_id"].as_str(), Some("R_1"));
    assert_eq!(comments["mapping"].as_str(), Some("title"));
    let analytics = table["analytics"].as_table().unwrap();
    assert_eq!(analytics["google"].as_str(), Some("G-ABC123"));
    assert!(
        !analytics.contains_key("goatcounter"),
        "an empty id is no setting"
    );
    assert!(
        unmapped.contains("`analytics.umami`"),
        "umami in {unmapped}"
    );
}

#[test]
fn comments_geul_cannot_take_are_reported_not_written() {
    let dir = tempfile::tempdir().unwrap();
    for (comments, why) in [
        (
            "  provider: disqus\n  disqus:\n    shortname: me\n",
            "not disqus",
        ),
        (
            "  provider: giscus\n  giscus:\n    repo: me/blog\n",
            "need repo_id",
        ),
    ] {
        let (from, to) = (dir.path().join("jekyll"), dir.path().join("geul"));
        jekyll_site(&from);
        fs::write(
            from.join("_config.yml"),
            format!("title: 블로그\ncomments:\n{comments}"),
        )
        .unwrap();
        let imported = import(&from, &to).unwrap();
        let unmapped = imported.unmapped.join("\n");
        assert!(
            unmapped.contains("`comments`") && unmapped.contains(why),
            "{unmapped}"
        );
        let config = fs::read_to_string(to.join("site.toml")).unwrap();
        assert!(!config.contains("[comments]"), "{config}");
        geul_build::SiteConfig::parse(Path::new("site.toml"), &config).unwrap();
        fs::remove_dir_all(dir.path()).unwrap();
        fs::create_dir_all(dir.path()).unwrap();
    }
}

#[test]
fn a_folder_without_posts_is_refused_and_the_old_settings_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let error = import(dir.path(), &dir.path().join("geul")).unwrap_err();
    assert!(
        error.message.contains("has no _posts folder"),
        "{}",
        error.message
    );

    let (from, to) = (dir.path().join("jekyll"), dir.path().join("geul"));
    jekyll_site(&from);
    write(&to.join("site.toml"), "title = \"옛 이름\"\n");
    import(&from, &to).unwrap();
    assert_eq!(
        fs::read_to_string(to.join("site.toml.before-import")).unwrap(),
        "title = \"옛 이름\"\n"
    );
}
