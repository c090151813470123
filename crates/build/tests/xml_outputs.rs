//! Every XML file the build writes parses as XML: the feed and the sitemaps of whatever
//! `posts/` holds, written as the build script writes them.

mod common;

use std::fs;

use common::repo_root;
use geul_build::{build_site, ReadOptions, SiteConfig, SiteOutput};

#[test]
fn every_xml_file_the_build_writes_parses() {
    let root = repo_root();
    let out = tempfile::tempdir().unwrap();
    let output = SiteOutput {
        files: out.path().join("files"),
        pages: out.path().join("pages"),
    };
    let config = SiteConfig {
        feed_posts: 0,
        ..SiteConfig::default()
    };
    build_site(
        &root,
        &root.join("posts"),
        &config,
        &output,
        &ReadOptions::default(),
    )
    .unwrap();
    let mut parsed = Vec::new();
    for entry in fs::read_dir(&output.files).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "xml") {
            let xml = fs::read_to_string(&path).unwrap();
            roxmltree::Document::parse(&xml)
                .unwrap_or_else(|e| panic!("{} is not XML: {e}", path.display()));
            parsed.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    parsed.sort();
    assert!(parsed.contains(&"feed.xml".to_owned()), "{parsed:?}");
    assert!(parsed.contains(&"sitemap.xml".to_owned()), "{parsed:?}");
}
