//! The sitemaps and robots.txt of the five real posts' site, and of a site past the
//! sitemap protocol's limits.

mod common;

use common::{publishing_config as config, real_site as site};
use geul_build::{robots, site_pages, sitemaps, sitemaps_within, SITEMAP_MAX_URLS};

#[test]
fn the_sitemap_lists_every_page_but_not_found_and_robots_names_it() {
    let site = site();
    let pages = site_pages(&site, &config());
    let files = sitemaps(&pages, &config());
    assert_eq!(files.len(), 1, "a small site has one sitemap");
    let (name, xml) = &files[0];
    assert_eq!(name, "sitemap.xml");
    assert!(xml.contains("<urlset"));
    assert_eq!(xml.matches("<url>").count(), pages.len() - 1);
    assert!(xml.contains("<loc>https://user.github.io/geul/</loc>"));
    assert!(xml.contains("<loc>https://user.github.io/geul/tags/%EC%9D%B4%EC%A7%81/</loc>"));
    assert!(!xml.contains("404"));
    assert!(robots(&config()).contains("Sitemap: https://user.github.io/geul/sitemap.xml"));
}

/// The `<loc>` values of a sitemap or sitemap index, in order.
fn locs(xml: &str) -> Vec<&str> {
    xml.split("<loc>")
        .skip(1)
        .map(|rest| &rest[..rest.find("</loc>").expect("closed")])
        .collect()
}

#[test]
fn a_site_over_the_sitemap_limits_gets_an_index_of_sitemaps_that_keep_to_them() {
    let site = site();
    let pages = site_pages(&site, &config());
    let single = sitemaps(&pages, &config());
    let every_page = locs(&single[0].1);
    assert!(
        every_page.len() > 7,
        "enough pages to split: {}",
        every_page.len()
    );
    assert!(every_page.len() < SITEMAP_MAX_URLS);

    // Seven URLs a file, as if the protocol allowed only seven.
    let files = sitemaps_within(&pages, &config(), 7, usize::MAX);
    let parts = every_page.len().div_ceil(7);
    assert_eq!(files.len(), parts + 1, "the index and {parts} sitemaps");
    let (index_name, index) = &files[0];
    assert_eq!(index_name, "sitemap.xml", "robots.txt names the index");
    assert!(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    let named: Vec<String> = (1..=parts)
        .map(|n| format!("https://user.github.io/geul/sitemap-{n}.xml"))
        .collect();
    assert_eq!(
        locs(index),
        named,
        "the index names each part by its full URL"
    );
    let mut listed = Vec::new();
    for (n, (name, xml)) in files[1..].iter().enumerate() {
        assert_eq!(name, &format!("sitemap-{}.xml", n + 1));
        assert!(
            xml.starts_with("<?xml") && xml.contains("<urlset") && xml.ends_with("</urlset>\n")
        );
        let urls = locs(xml);
        assert!(
            !urls.is_empty() && urls.len() <= 7,
            "{name} has {} URLs",
            urls.len()
        );
        listed.extend(urls);
    }
    assert_eq!(listed, every_page, "every page once, in the same order");

    // The byte limit splits as well: no file grows past it.
    let limit = single[0].1.len() / 3;
    let files = sitemaps_within(&pages, &config(), SITEMAP_MAX_URLS, limit);
    assert!(files.len() >= 4, "an index and at least three parts");
    for (name, xml) in &files[1..] {
        assert!(
            xml.len() <= limit,
            "{name} is {} bytes, over {limit}",
            xml.len()
        );
    }
    let listed: Vec<&str> = files[1..].iter().flat_map(|(_, xml)| locs(xml)).collect();
    assert_eq!(listed, every_page);
}
