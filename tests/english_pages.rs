//! A site whose `language` is `en`: the static pages, rendered by the app's own views, and
//! everything the build writes into them speak English. The site's own words are English
//! too, so any Hangul on these pages is a word of the interface left untranslated.

use std::fs;
use std::path::Path;

use geul::prerender::StaticSite;
use geul_build::{build_site, ReadOptions, SiteConfig, SiteOutput, FOOTER_FILE};

const SITE_TOML: &str = "title = \"Notebook\"\n\
description = \"Notes on building things\"\n\
author = \"Kim\"\n\
language = \"en\"\n\
base_url = \"https://example.github.io/geul/\"\n\
[profile]\n\
email = \"kim@example.com\"\n\
github = \"kim\"\n\
[comments]\n\
provider = \"giscus\"\n\
repo = \"kim/comments\"\n\
repo_id = \"R_1\"\n\
category = \"Comments\"\n\
category_id = \"DIC_1\"\n";

/// Every word the build adds to a body: the lead, the contents, a callout, a code block,
/// a footnote, an image that is not there, an embed.
const FIRST_POST: &str = "---\n\
title: First steps\n\
date: 2024-01-15 09:00:00 +0900\n\
last_modified_at: 2024-02-01 10:00:00 +0900\n\
authors: [Kim]\n\
categories: [dev]\n\
tags: [rust, notes]\n\
pin: true\n\
---\n\
Where it began.[^1]\n\n\
## Setup\n\n\
> Mind the version.\n\
{: .prompt-tip }\n\n\
```rust\nfn main() {}\n```\n\n\
## Usage\n\n\
![](/assets/missing.png)\n\n\
{% include embed/youtube.html id='H-B46URT4mg' %}\n\n\
[^1]: A note.\n";

const SECOND_POST: &str = "---\n\
title: Second thoughts\n\
date: 2024-03-02 09:00:00 +0900\n\
categories: [life]\n\
tags: [rust]\n\
---\n\
Plain words about nothing much.\n";

fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
        || ('\u{1100}'..='\u{11FF}').contains(&c)
        || ('\u{3131}'..='\u{318E}').contains(&c)
}

fn assert_no_hangul(what: &str, html: &str) {
    if let Some(at) = html.find(is_hangul) {
        let from = html[..at]
            .char_indices()
            .rev()
            .nth(80)
            .map_or(0, |(i, _)| i);
        let to = html[at..]
            .char_indices()
            .nth(80)
            .map_or(html.len(), |(i, _)| at + i);
        panic!("{what} has a Korean word: …{}…", &html[from..to]);
    }
}

fn assert_has(what: &str, html: &str, expected: &[&str]) {
    for text in expected {
        assert!(html.contains(text), "{what} lacks {text:?}: {html}");
    }
}

#[test]
fn an_english_site_speaks_english_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let posts = root.join("posts");
    fs::create_dir(&posts).unwrap();
    fs::write(posts.join("2024-01-15-first-steps.md"), FIRST_POST).unwrap();
    fs::write(posts.join("2024-03-02-second.md"), SECOND_POST).unwrap();
    let config = SiteConfig::parse(Path::new("site.toml"), SITE_TOML).unwrap();
    let output = SiteOutput {
        files: root.join("files"),
        pages: root.join("pages"),
    };
    let built = build_site(root, &posts, &config, &output, &ReadOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let files = output.files.clone();
    let read = move |path: &str| fs::read(files.join(path)).map_err(|e| e.to_string());
    let views = StaticSite::install(&built.index, config.base_path(), read).unwrap();
    let page = |path: &str| {
        let html = views.render(path).unwrap();
        assert_no_hangul(path, &html);
        html
    };

    let list = page("/");
    assert_has(
        "the list",
        &list,
        &[
            ">Skip to content</a>",
            ">geul<span>Notebook</span>",
            ">2 posts</p>",
            "placeholder=\"Titles, tags and text\"",
            ">Search needs JavaScript to be turned on.</p>",
            "<nav aria-label=\"Filter posts\" class=\"facets\">",
            ">Categories</h2>",
            ">Tags</h2>",
            ">All of them",
            ">Any of them",
            // A facet's count is read with what it counts, one or many.
            "<span class=\"facet__count\">2</span><span class=\"visually-hidden\"> posts</span>",
            "<span class=\"facet__count\">1</span><span class=\"visually-hidden\"> post</span>",
            ">Pinned</span>",
            "<time datetime=\"2024-01-15\">Jan 15, 2024</time>",
            "1 min read</span>",
            "aria-label=\"Categories and tags\"",
        ],
    );
    let tag = page("/tags/rust/");
    assert_has(
        "a tag's page",
        &tag,
        &[
            "<h1 class=\"visually-hidden\">Tag: #rust</h1>",
            ">Clear filters</a>",
        ],
    );
    let category = page("/categories/dev/");
    assert!(category.contains("<h1 class=\"visually-hidden\">Category: dev</h1>"));
    let post = page("/posts/first-steps/");
    assert_has(
        "a post",
        &post,
        &[
            "<span>Updated <time datetime=\"2024-02-01\">Feb 1, 2024</time></span>",
            "<span>By Kim</span>",
            "<summary>Contents</summary>",
            "<p class=\"callout__label\">Tip</p>",
            ">Copy code</button>",
            "data-copied=\"Copied\"",
            "aria-label=\"Footnotes\"",
            "aria-label=\"Back to the text\"",
            "<span class=\"img-missing__label\">Image</span>",
            ">Play the YouTube video</a>",
            "<h2 class=\"comments__title\">Comments</h2>",
            ">← All posts",
        ],
    );
    let not_found = page("/404/");
    assert_has(
        "the not-found page",
        &not_found,
        &["<h1>Page not found</h1>", ">Go to all posts</a>"],
    );

    // What the build writes around the views: the foot of every page, and each page's
    // head.
    let footer = fs::read_to_string(output.pages.join(FOOTER_FILE)).unwrap();
    assert_no_hangul("the footer", &footer);
    assert_has(
        "the footer",
        &footer,
        &[">Email</a>", "aria-label=\"Contact the author\""],
    );
    let tag_head = fs::read_to_string(output.pages.join("tags/rust/index.html.parts")).unwrap();
    assert_no_hangul("a tag page's head", &tag_head);
    assert_has(
        "a tag page's head",
        &tag_head,
        &[
            "<title>Tag: #rust · Notebook</title>",
            "content=\"Tag: #rust: 2 posts\"",
        ],
    );
    let not_found_head = fs::read_to_string(output.pages.join("404.html.parts")).unwrap();
    assert!(not_found_head.contains("<title>Page not found · Notebook</title>"));
}
