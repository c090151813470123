//! `site.toml`: the few settings a site has, in one file at the top of the repository.

use std::path::Path;

use serde::Deserialize;

use crate::error::ContentError;
use crate::parse::date::{SiteZone, DEFAULT_TIME_ZONE};
use crate::publish::analytics::Analytics;

/// Site settings. Every key is optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name: header, document titles, feed title.
    pub title: String,
    /// One sentence about the site: the list's meta description, the feed's subtitle.
    pub description: String,
    /// Who writes here: the feed's author.
    pub author: String,
    /// Language of the content: `<html lang>`, `og:locale`, the feed's `xml:lang`.
    pub language: String,
    /// Absolute URL the site is published at, ending in `/`
    /// (`https://<user>.github.io/<repo>/` for a GitHub Pages project site).
    pub base_url: String,
    /// How many of the newest posts `feed.xml` carries, each with its full text; 0 puts
    /// every post in. A feed reader fetches the whole file on every check.
    pub feed_posts: usize,
    /// The time zone of dates written without an offset, and of "in the future": an IANA
    /// name, as Jekyll's `timezone`.
    pub timezone: String,
    /// Who writes here, shown at the foot of every page.
    pub profile: Profile,
    /// Comments under each post, from GitHub Discussions or Issues.
    pub comments: Comments,
    /// Visitor counts; none by default.
    pub analytics: Analytics,
    /// Whether posts get a table of contents (on by default; a post's `toc: false` turns
    /// its own off).
    pub toc: bool,
}

/// Comments under each post, through giscus (GitHub Discussions) or utterances (GitHub
/// Issues), loaded only when the reader nears the end of a post. Off without a provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Comments {
    /// `giscus` or `utterances`; empty: no comments.
    pub provider: String,
    /// The GitHub repository the comments live in: `owner/name`.
    pub repo: String,
    /// giscus: the ids its setup page (giscus.app) gives for the repository and category.
    pub repo_id: String,
    pub category: String,
    pub category_id: String,
    /// How a post finds its thread: giscus's `mapping`, utterances's `issue-term`
    /// (`pathname` by default).
    pub mapping: String,
}

impl Comments {
    /// What is missing for the provider, if anything; `None` also without a provider.
    fn problem(&self) -> Option<String> {
        let required: &[(&str, &str)] = match self.provider.as_str() {
            "" => return None,
            "giscus" => &[
                ("repo", &self.repo),
                ("repo_id", &self.repo_id),
                ("category", &self.category),
                ("category_id", &self.category_id),
            ],
            "utterances" => &[("repo", &self.repo)],
            other => {
                return Some(format!(
                    "unknown comments provider \"{other}\": use \"giscus\" or \"utterances\""
                ))
            }
        };
        let missing: Vec<&str> = required
            .iter()
            .filter(|(_, value)| value.trim().is_empty())
            .map(|(key, _)| *key)
            .collect();
        if !missing.is_empty() {
            return Some(format!(
                "comments through {} need {} (giscus.app's setup page gives them)",
                self.provider,
                missing.join(", ")
            ));
        }
        let repo_shape = self.repo.split('/').filter(|part| !part.is_empty()).count() == 2
            && self.repo.matches('/').count() == 1;
        (!repo_shape).then(|| {
            format!(
                "comments `repo` must be `owner/name`, not \"{}\"",
                self.repo
            )
        })
    }

    /// Whether comments are on.
    pub fn enabled(&self) -> bool {
        !self.provider.is_empty()
    }
}

/// The author's profile, at the foot of every page: a picture, a line about them, and
/// where else to find them. Every key is optional; without any, the foot names the site.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// A picture: a file of the site (`/assets/img/me.png`) or an address.
    pub avatar: String,
    /// One or two sentences about the author.
    pub bio: String,
    /// A GitHub user name.
    pub github: String,
    pub email: String,
    /// A LinkedIn profile's name (`linkedin.com/in/<name>`) or address.
    pub linkedin: String,
    /// An X (Twitter) user name.
    pub x: String,
    /// Whether to link the feed.
    pub rss: bool,
    /// Any other addresses (a homepage, Mastodon, …).
    pub links: Vec<String>,
    /// The line of `avatar` in site.toml, for the warning if the file is missing.
    #[serde(skip)]
    pub avatar_line: usize,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            avatar: String::new(),
            bio: String::new(),
            github: String::new(),
            email: String::new(),
            linkedin: String::new(),
            x: String::new(),
            rss: true,
            links: Vec::new(),
            avatar_line: 1,
        }
    }
}

/// The feed's default length: a month or more of posts for most blogs, and a file feed
/// readers can fetch often.
pub const DEFAULT_FEED_POSTS: usize = 20;

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "geul".to_owned(),
            description: String::new(),
            author: String::new(),
            language: "ko".to_owned(),
            base_url: "http://127.0.0.1:8080/".to_owned(),
            feed_posts: DEFAULT_FEED_POSTS,
            timezone: DEFAULT_TIME_ZONE.to_owned(),
            profile: Profile::default(),
            comments: Comments::default(),
            analytics: Analytics::default(),
            toc: true,
        }
    }
}

/// Environment variable that overrides `base_url` (set by the Pages workflow).
pub const BASE_URL_ENV: &str = "GEUL_BASE_URL";

impl SiteConfig {
    /// Parses `site.toml` text; `file` names it in errors.
    pub fn parse(file: &Path, text: &str) -> Result<SiteConfig, ContentError> {
        let mut config: SiteConfig = toml::from_str(text).map_err(|error| {
            let line = error
                .span()
                .map_or(1, |span| text[..span.start].matches('\n').count() + 1);
            ContentError::new(
                file,
                line,
                format!("invalid site settings: {}", error.message()),
            )
        })?;
        config.base_url = normalize_base_url(&config.base_url).ok_or_else(|| {
            ContentError::new(
                file,
                line_of_key(text, "base_url"),
                bad_base_url(&config.base_url),
            )
        })?;
        config.profile.avatar_line = line_of_key(text, "avatar");
        if let Some((key, problem)) = config.analytics.problem() {
            return Err(ContentError::new(file, line_of_key(text, key), problem));
        }
        if let Some(problem) = config.comments.problem() {
            return Err(ContentError::new(
                file,
                line_of_key(text, "[comments]"),
                problem,
            ));
        }
        SiteZone::named(&config.timezone)
            .map_err(|message| ContentError::new(file, line_of_key(text, "timezone"), message))?;
        Ok(config)
    }

    /// The zone of [`SiteConfig::timezone`], which [`SiteConfig::parse`] checked.
    pub fn zone(&self) -> SiteZone {
        SiteZone::named(&self.timezone).unwrap_or_default()
    }

    /// Reads `site.toml` if it exists (defaults otherwise) and applies `GEUL_BASE_URL`.
    pub fn load(file: &Path) -> Result<SiteConfig, ContentError> {
        let mut config = match std::fs::read_to_string(file) {
            Ok(text) => SiteConfig::parse(file, &text)?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => SiteConfig::default(),
            Err(error) => return Err(ContentError::new(file, 1, format!("cannot read: {error}"))),
        };
        if let Some(url) = std::env::var(BASE_URL_ENV)
            .ok()
            .filter(|url| !url.is_empty())
        {
            config.base_url = normalize_base_url(&url)
                .ok_or_else(|| ContentError::new(BASE_URL_ENV, 0, bad_base_url(&url)))?;
        }
        Ok(config)
    }

    /// The path part of `base_url`, with slashes on both ends: `/geul/`.
    pub fn base_path(&self) -> &str {
        let after_scheme = self.base_url.split_once("://").map_or("", |(_, rest)| rest);
        after_scheme.find('/').map_or("/", |at| &after_scheme[at..])
    }

    /// Absolute URL of a site-relative path (`posts/a/` → `https://…/geul/posts/a/`).
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url, path.trim_start_matches('/'))
    }
}

fn bad_base_url(url: &str) -> String {
    format!(
        "base_url \"{url}\" must be an absolute http(s) URL such as https://user.github.io/repo/"
    )
}

/// Accepts `http(s)://host[/path]`, adds the trailing slash.
fn normalize_base_url(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    let valid =
        matches!(scheme, "http" | "https") && !host.is_empty() && !url.contains(['?', '#', ' ']);
    valid.then(|| {
        if url.ends_with('/') {
            url.to_owned()
        } else {
            format!("{url}/")
        }
    })
}

fn line_of_key(text: &str, key: &str) -> usize {
    text.lines()
        .position(|line| line.trim_start().starts_with(key))
        .map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<SiteConfig, ContentError> {
        SiteConfig::parse(Path::new("site.toml"), text)
    }

    #[test]
    fn the_time_zone_is_checked_and_named_with_its_line() {
        assert_eq!(parse("").unwrap().timezone, "Asia/Seoul");
        let config = parse("timezone = \"America/New_York\"\n").unwrap();
        assert_eq!(config.timezone, "America/New_York");
        let error = parse("title = \"t\"\ntimezone = \"KST\"\n").unwrap_err();
        assert_eq!(error.line, 2, "{error}");
        assert!(
            error.to_string().contains("unknown time zone \"KST\""),
            "{error}"
        );
    }

    #[test]
    fn comments_need_what_their_provider_needs() {
        assert!(!parse("").unwrap().comments.enabled());
        let giscus = "[comments]\nprovider = \"giscus\"\nrepo = \"me/blog\"\nrepo_id = \"R_1\"\n\
                      category = \"글\"\ncategory_id = \"DIC_1\"\n";
        assert!(parse(giscus).unwrap().comments.enabled());
        let error = parse("title = \"t\"\n[comments]\nprovider = \"giscus\"\nrepo = \"me/blog\"\n")
            .unwrap_err();
        assert_eq!(error.line, 2, "{error}");
        assert!(
            error
                .message
                .contains("need repo_id, category, category_id"),
            "{error}"
        );
        let error = parse("[comments]\nprovider = \"disqus\"\n").unwrap_err();
        assert!(
            error.message.contains("unknown comments provider"),
            "{error}"
        );
        let error = parse("[comments]\nprovider = \"utterances\"\nrepo = \"blog\"\n").unwrap_err();
        assert!(error.message.contains("`owner/name`"), "{error}");
    }

    #[test]
    fn analytics_ids_of_another_shape_name_their_line() {
        let config = parse("[analytics]\ngoatcounter = \"my-blog\"\n").unwrap();
        assert_eq!(config.analytics.goatcounter, "my-blog");
        let error = parse("[analytics]\nplausible = \"a.b\"\ngoogle = \"UA-1\"\n").unwrap_err();
        assert_eq!(error.line, 3, "{error}");
        assert!(error.message.contains("measurement id"), "{error}");
    }

    #[test]
    fn every_key_is_optional() {
        assert_eq!(parse("").unwrap(), SiteConfig::default());
    }

    #[test]
    fn base_path_comes_from_the_base_url() {
        let config = parse("base_url = \"https://user.github.io/geul\"").unwrap();
        assert_eq!(config.base_url, "https://user.github.io/geul/");
        assert_eq!(config.base_path(), "/geul/");
        assert_eq!(
            config.url("posts/a/"),
            "https://user.github.io/geul/posts/a/"
        );
        assert_eq!(
            parse("base_url = \"https://blog.example.com\"")
                .unwrap()
                .base_path(),
            "/"
        );
    }

    #[test]
    fn a_relative_base_url_is_rejected_with_its_line() {
        let error = parse("title = \"t\"\nbase_url = \"/geul/\"").unwrap_err();
        assert_eq!(error.line, 2);
        assert!(error.message.contains("absolute"), "{error}");
    }

    #[test]
    fn unknown_keys_and_bad_toml_name_the_line() {
        let error = parse("title = \"t\"\ntitel = \"x\"").unwrap_err();
        assert_eq!(error.line, 2, "{error}");
        let error = parse("title = \"t\"\n\ndescription = ").unwrap_err();
        assert_eq!(error.line, 3, "{error}");
    }
}
