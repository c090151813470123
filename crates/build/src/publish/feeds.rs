//! The Atom feed, the sitemaps and robots.txt.
//!
//! Undated posts appear in the feed and sitemap too. Atom requires an `updated` time for every
//! entry, so an undated post gets the date of the newest dated post (or 2000-01-01 if no post
//! has a date): it sorts last among equals and never claims to be newer than real news.

use crate::config::SiteConfig;
use crate::post::Post;
use crate::publish::pages::{percent_encode_path, Page};
use crate::render::markdown::escape_html;
use crate::site::{display_order, newest_first, Site};
use geul_core::PostDate;

/// Escapes text for XML and leaves out the characters XML 1.0 forbids: control characters
/// other than tab and line breaks, and U+FFFE and U+FFFF. One of them in a title makes the
/// whole feed unreadable to every feed reader.
pub fn esc(text: &str) -> String {
    if text.chars().all(allowed_in_xml) {
        return escape_html(text);
    }
    escape_html(
        &text
            .chars()
            .filter(|&c| allowed_in_xml(c))
            .collect::<String>(),
    )
}

fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Fallback when no post has a date.
const EPOCH_FALLBACK: &str = "2000-01-01T00:00:00Z";

fn rfc3339(date: &PostDate) -> String {
    // The instant in UTC, from the stored timestamp (date and time as the author wrote them).
    let days = date.timestamp.div_euclid(86_400);
    let seconds = date.timestamp.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

/// Inverse of the day count in [`crate::parse::date`] (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The posts the feed carries: the newest `config.feed_posts` by date (pinned posts get no
/// place of their own), undated ones after every dated one.
fn feed_posts<'a>(site: &'a Site, config: &SiteConfig) -> Vec<&'a Post> {
    let mut posts: Vec<&Post> = site.posts.iter().collect();
    posts.sort_by(|a, b| {
        newest_first(&a.meta, &b.meta).then_with(|| display_order(&a.meta, &b.meta))
    });
    if config.feed_posts > 0 {
        posts.truncate(config.feed_posts);
    }
    posts
}

/// `feed.xml`: the newest posts (see [`SiteConfig::feed_posts`]) with title, link, dates,
/// summary, full content and tags.
pub fn atom_feed(site: &Site, config: &SiteConfig) -> String {
    let newest = site
        .posts
        .iter()
        .filter_map(|post| post.updated.or(post.meta.date))
        .max_by_key(|d| d.timestamp);
    let fallback = newest.as_ref().map_or(EPOCH_FALLBACK.to_owned(), rfc3339);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">\n\
         <title>{title}</title>\n<subtitle>{subtitle}</subtitle>\n\
         <link href=\"{home}\"/>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"{feed}\"/>\n\
         <id>{home}</id>\n<updated>{fallback}</updated>\n<author><name>{author}</name></author>\n\
         <generator>geul</generator>\n",
        lang = esc(&config.language),
        title = esc(&config.title),
        subtitle = esc(&config.description),
        home = esc(&config.base_url),
        feed = esc(&config.url("feed.xml")),
        author = esc(if config.author.is_empty() { &config.title } else { &config.author }),
    );
    for post in feed_posts(site, config) {
        let meta = &post.meta;
        let url = esc(&config.url(&percent_encode_path(&format!("posts/{}/", meta.slug))));
        let updated = post
            .updated
            .or(meta.date)
            .as_ref()
            .map_or(fallback.clone(), rfc3339);
        // `published` is optional in Atom: an undated post does not claim one.
        let published = meta.date.as_ref().map_or(String::new(), |d| {
            format!("<published>{}</published>\n", rfc3339(d))
        });
        xml += &format!(
            "<entry>\n<title>{}</title>\n<link href=\"{url}\"/>\n<id>{url}</id>\n\
             {published}<updated>{updated}</updated>\n\
             <summary>{}</summary>\n<content type=\"html\">{}</content>\n",
            esc(&meta.title),
            esc(&meta.excerpt),
            esc(&post.html),
        );
        for term in meta.categories.iter().chain(&meta.tags) {
            xml += &format!("<category term=\"{}\"/>\n", esc(term));
        }
        xml += "</entry>\n";
    }
    xml += "</feed>\n";
    xml
}

/// The sitemap protocol's limits for one file (sitemaps.org): URLs, and bytes uncompressed.
pub const SITEMAP_MAX_URLS: usize = 50_000;
pub const SITEMAP_MAX_BYTES: usize = 50 * 1024 * 1024;

const URLSET_START: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
const URLSET_END: &str = "</urlset>\n";

/// The sitemap files, `(file name, XML)`, of every page except the not-found page.
/// `sitemap.xml` comes first, and it is the one `robots.txt` names: the list of pages
/// itself while they fit in one file, otherwise an index of `sitemap-1.xml`,
/// `sitemap-2.xml`, … that each stay within the protocol's limits.
pub fn sitemaps(pages: &[Page], config: &SiteConfig) -> Vec<(String, String)> {
    sitemaps_within(pages, config, SITEMAP_MAX_URLS, SITEMAP_MAX_BYTES)
}

/// [`sitemaps`] with the limits given, so that tests need not build 50,000 pages.
pub fn sitemaps_within(
    pages: &[Page],
    config: &SiteConfig,
    max_urls: usize,
    max_bytes: usize,
) -> Vec<(String, String)> {
    let mut files: Vec<String> = Vec::new();
    let mut current = String::from(URLSET_START);
    let mut urls = 0;
    for page in pages.iter().filter(|page| page.file != "404.html") {
        let path = page.file.trim_end_matches("index.html");
        let lastmod = page.lastmod.as_ref().map_or(String::new(), |date| {
            format!("<lastmod>{}</lastmod>", rfc3339(date))
        });
        let entry = format!(
            "<url><loc>{}</loc>{lastmod}</url>\n",
            esc(&config.url(&percent_encode_path(path)))
        );
        let full = urls == max_urls || current.len() + entry.len() + URLSET_END.len() > max_bytes;
        if full && urls > 0 {
            files.push(current + URLSET_END);
            current = String::from(URLSET_START);
            urls = 0;
        }
        current += &entry;
        urls += 1;
    }
    files.push(current + URLSET_END);
    if files.len() == 1 {
        return vec![("sitemap.xml".to_owned(), files.remove(0))];
    }
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let parts: Vec<(String, String)> = files
        .into_iter()
        .enumerate()
        .map(|(i, xml)| (format!("sitemap-{}.xml", i + 1), xml))
        .collect();
    for (name, _) in &parts {
        index += &format!("<sitemap><loc>{}</loc></sitemap>\n", esc(&config.url(name)));
    }
    index += "</sitemapindex>\n";
    std::iter::once(("sitemap.xml".to_owned(), index))
        .chain(parts)
        .collect()
}

/// `robots.txt`: everything may be crawled; the sitemap is named.
pub fn robots(config: &SiteConfig) -> String {
    format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        config.url("sitemap.xml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_instants_are_written_back_correctly() {
        let date = crate::parse::date::parse_date("2021-11-14 16:50:00 +0900", &Default::default())
            .unwrap();
        assert_eq!(rfc3339(&date), "2021-11-14T07:50:00Z");
        let date =
            crate::parse::date::parse_date("2021-02-01 00:00:00", &Default::default()).unwrap();
        assert_eq!(rfc3339(&date), "2021-01-31T15:00:00Z");
        assert_eq!(civil_from_days(0), (1970, 1, 1));
    }

    #[test]
    fn korean_paths_are_percent_encoded_per_segment() {
        assert_eq!(
            percent_encode_path("tags/회고/"),
            "tags/%ED%9A%8C%EA%B3%A0/"
        );
    }
}
