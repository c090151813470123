//! `cargo xtask import PATH`: moves a Jekyll (Chirpy) site's posts into this one. It copies
//! `_posts/**` into `posts/`, the files under the site that the posts name (`/assets/…`,
//! and relative paths under a post's `media_subpath`), and maps `_config.yml` into
//! `site.toml`, saying what it could not map.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{Error, Result};

/// What an import did, for the report and the tests.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub posts: usize,
    /// Site-relative paths of the media copied.
    pub media: Vec<String>,
    /// Paths the posts name that the Jekyll site does not have.
    pub missing: Vec<String>,
    /// `_config.yml` keys with a value that geul does not take, with why.
    pub unmapped: Vec<String>,
}

/// Imports the Jekyll site at `from` into the geul site at `to`.
pub fn import(from: &Path, to: &Path) -> Result<Imported> {
    let posts_from = from.join("_posts");
    if !posts_from.is_dir() {
        return Err(Error::new(format!(
            "{} has no _posts folder: give the folder of a Jekyll site",
            from.display()
        )));
    }
    let mut imported = Imported::default();
    let mut post_files = Vec::new();
    collect_files(&posts_from, &mut post_files)?;
    let mut wanted: Vec<String> = Vec::new();
    for file in &post_files {
        let relative = file.strip_prefix(&posts_from).expect("under _posts");
        let target = to.join("posts").join(relative);
        copy(file, &target)?;
        imported.posts += 1;
        let text = fs::read_to_string(file).unwrap_or_default();
        wanted.extend(media_named(&text));
    }
    let config = from.join("_config.yml");
    let yaml = match config.is_file() {
        true => Some(fs::read_to_string(&config).map_err(|e| io("read", &config, e))?),
        false => None,
    };
    let settings = yaml
        .as_deref()
        .map(site_toml)
        .transpose()
        .map_err(|message| Error::new(format!("{}: {message}", config.display())))?;
    if let Some(avatar) = settings
        .as_ref()
        .and_then(|settings| settings.avatar.clone())
    {
        wanted.push(avatar);
    }
    wanted.sort();
    wanted.dedup();
    for path in wanted {
        let source = from.join(&path);
        if source.is_file() {
            copy(&source, &to.join(&path))?;
            imported.media.push(path);
        } else {
            imported.missing.push(path);
        }
    }
    if let Some(Settings { toml, unmapped, .. }) = settings {
        let site_toml = to.join("site.toml");
        if site_toml.exists() {
            let kept = to.join("site.toml.before-import");
            fs::rename(&site_toml, &kept).map_err(|e| io("keep", &site_toml, e))?;
        }
        fs::write(&site_toml, toml).map_err(|e| io("write", &site_toml, e))?;
        imported.unmapped = unmapped;
    }
    Ok(imported)
}

/// Prints what an import did and what it left to the blogger.
pub fn report(imported: &Imported) {
    println!(
        "import: {} posts into posts/, {} media files",
        imported.posts,
        imported.media.len()
    );
    for path in &imported.missing {
        println!("  not found in the Jekyll site, so not copied: {path}");
    }
    for key in &imported.unmapped {
        println!("  _config.yml {key}");
    }
    println!("Check with `cargo xtask serve`; the build warns about anything it does not render.");
}

fn collect_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    for entry in fs::read_dir(dir).map_err(|e| io("read", dir, e))? {
        let path = entry.map_err(|e| io("read", dir, e))?.path();
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<()> {
    if let Some(parent) = to.parent() {
        fs::create_dir_all(parent).map_err(|e| io("create", parent, e))?;
    }
    fs::copy(from, to).map_err(|e| io("copy", from, e))?;
    Ok(())
}

fn io(what: &str, path: &Path, error: std::io::Error) -> Error {
    Error::new(format!("cannot {what} {}: {error}", path.display()))
}

/// The site files a post names: paths from `/` into the site (`/assets/img/a.png`), and
/// relative paths under its `media_subpath`. Hidden parts and `..` are never followed.
fn media_named(text: &str) -> Vec<String> {
    let subpath = text
        .lines()
        .find_map(|line| line.strip_prefix("media_subpath:"))
        .map(|value| {
            value
                .trim()
                .trim_matches(['\'', '"'])
                .trim_matches('/')
                .to_owned()
        });
    let mut found = Vec::new();
    let ends = |c: char| c.is_whitespace() || matches!(c, ')' | '"' | '\'' | '}' | ']' | '>' | ',');
    for (at, _) in text.match_indices("/assets/") {
        let before = text[..at].chars().next_back();
        let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
        let names_the_subpath = text[line_start..].starts_with("media_subpath:");
        if names_the_subpath || before.is_some_and(|c| c.is_alphanumeric() || c == '.') {
            continue;
        }
        let rest = &text[at + 1..];
        let path = &rest[..rest.find(ends).unwrap_or(rest.len())];
        found.push(path.to_owned());
    }
    if let Some(subpath) = subpath.filter(|subpath| !subpath.is_empty()) {
        // `![a](file.png)` and `path: file.png` name files under the subpath.
        for piece in text.split("](").skip(1).chain(
            text.lines()
                .filter_map(|line| line.trim_start().strip_prefix("path:")),
        ) {
            let piece = piece.trim().trim_matches(['\'', '"']);
            let path = &piece[..piece.find(ends).unwrap_or(piece.len())];
            if !path.is_empty() && !path.starts_with('/') && !path.contains("://") {
                found.push(format!("{subpath}/{path}"));
            }
        }
    }
    found.retain(|path| {
        !path
            .split('/')
            .any(|part| part.starts_with('.') || part.is_empty())
    });
    found
}

/// What `_config.yml` gives geul.
struct Settings {
    /// `site.toml`'s text.
    toml: String,
    /// The keys that could not be mapped, with why.
    unmapped: Vec<String>,
    /// The avatar, when it is a file of the site (site-relative), to copy.
    avatar: Option<String>,
}

/// `site.toml` from `_config.yml`, and the keys that could not be mapped.
fn site_toml(yaml: &str) -> std::result::Result<Settings, String> {
    let config: yaml_serde::Value =
        yaml_serde::from_str(yaml).map_err(|error| format!("not YAML: {error}"))?;
    let text = |key: &str| {
        config
            .get(key)
            .and_then(|value| value.as_str())
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
    };
    let mut lines = String::new();
    let mut put = |key: &str, value: String| {
        lines += &format!("{key} = {}\n", toml_string(&value));
    };
    if let Some(title) = text("title") {
        put("title", title);
    }
    if let Some(description) = text("description").or_else(|| text("tagline")) {
        put("description", description);
    }
    let author = config
        .get("social")
        .and_then(|social| social.get("name"))
        .and_then(|name| name.as_str())
        .map(str::to_owned)
        .or_else(|| text("author"));
    if let Some(author) = author {
        put("author", author);
    }
    if let Some(lang) = text("lang") {
        // Chirpy writes `ko-KR`; the content's language is its first part.
        put(
            "language",
            lang.split(['-', '_']).next().unwrap_or(&lang).to_owned(),
        );
    }
    if let Some(url) = text("url") {
        let baseurl = text("baseurl").unwrap_or_default();
        put(
            "base_url",
            format!(
                "{}/{}",
                url.trim_end_matches('/'),
                baseurl.trim_matches('/')
            )
            .trim_end_matches('/')
            .to_owned()
                + "/",
        );
    }
    let mut unmapped = Vec::new();
    if let Some(zone) = text("timezone") {
        let setting = format!("timezone = {}\n", toml_string(&zone));
        match geul_build::SiteConfig::parse(Path::new("_config.yml"), &setting) {
            Ok(_) => lines += &setting,
            Err(error) => unmapped.push(format!("`timezone`: not mapped ({})", error.message)),
        }
    }
    let (profile, avatar) = profile_table(&config);
    let comments = match comments_table(&config) {
        Ok(table) => table,
        Err(why) => {
            unmapped.push(format!("`comments`: not mapped ({why})"));
            String::new()
        }
    };
    let analytics = analytics_table(&config, &mut unmapped);
    let not_yet = "geul has no setting for it yet";
    for (key, why) in [
        ("google_analytics", not_yet),
        ("theme_mode", "geul follows the reader's colour scheme"),
        ("cdn", "geul serves everything from the site"),
        ("paginate", "geul lists every post, in pages of its own"),
    ] {
        if config.get(key).is_some_and(|value| !value.is_null()) {
            unmapped.push(format!("`{key}`: not mapped ({why})"));
        }
    }
    let header = "# Site settings, imported from a Jekyll site's _config.yml by \
                  `cargo xtask import`.\n# Every key is optional; see the README \
                  (\"Site configuration\").\n\n";
    Ok(Settings {
        toml: format!("{header}{lines}{profile}{comments}{analytics}"),
        unmapped,
        avatar,
    })
}

/// site.toml's `[analytics]` from Chirpy's `analytics.google.id` and
/// `analytics.goatcounter.id`; the services geul does not offer go to `unmapped`.
fn analytics_table(config: &yaml_serde::Value, unmapped: &mut Vec<String>) -> String {
    let Some(services) = config.get("analytics").and_then(|value| value.as_mapping()) else {
        return String::new();
    };
    let mut table = String::new();
    for (service, settings) in services {
        let service = service.as_str().unwrap_or_default();
        let id = settings
            .get("id")
            .and_then(|id| id.as_str())
            .map(str::trim)
            .filter(|id| !id.is_empty());
        let Some(id) = id else { continue };
        match service {
            "google" | "goatcounter" => {
                let line = format!("{service} = {}\n", toml_string(id));
                let checked = format!("[analytics]\n{line}");
                match geul_build::SiteConfig::parse(Path::new("_config.yml"), &checked) {
                    Ok(_) => table += &line,
                    Err(error) => unmapped.push(format!(
                        "`analytics.{service}`: not mapped ({})",
                        error.message
                    )),
                }
            }
            other => unmapped.push(format!(
                "`analytics.{other}`: not mapped (geul offers GoatCounter, Plausible and Google Analytics)"
            )),
        }
    }
    if table.is_empty() {
        return table;
    }
    format!("\n# Visitor counts.\n[analytics]\n{table}")
}

/// site.toml's `[comments]` from Chirpy's `comments` (`provider`, or `active` in older
/// versions, and the provider's settings); empty without a provider.
fn comments_table(config: &yaml_serde::Value) -> std::result::Result<String, String> {
    let Some(comments) = config.get("comments") else {
        return Ok(String::new());
    };
    let text = |value: Option<&yaml_serde::Value>| {
        value
            .and_then(|value| value.as_str())
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    let Some(provider) = text(comments.get("provider")).or_else(|| text(comments.get("active")))
    else {
        return Ok(String::new());
    };
    let keys: &[(&str, &str)] = match provider.as_str() {
        "giscus" => &[
            ("repo", "repo"),
            ("repo_id", "repo_id"),
            ("category", "category"),
            ("category_id", "category_id"),
            ("mapping", "mapping"),
        ],
        "utterances" => &[("repo", "repo"), ("issue_term", "mapping")],
        other => {
            return Err(format!(
                "geul's comments are giscus or utterances, not {other}"
            ))
        }
    };
    let settings = comments.get(provider.as_str());
    let mut table = format!("provider = {}\n", toml_string(&provider));
    for (chirpy, geul) in keys {
        if let Some(value) = text(settings.and_then(|settings| settings.get(*chirpy))) {
            table += &format!("{geul} = {}\n", toml_string(&value));
        }
    }
    let table = format!("\n# Comments under each post.\n[comments]\n{table}");
    // Only what geul can use: a provider's setting left empty would stop every build.
    geul_build::SiteConfig::parse(Path::new("_config.yml"), &table)
        .map(|_| table)
        .map_err(|error| error.message)
}

/// site.toml's `[profile]` from Chirpy's `avatar`, `github.username`, `twitter.username`,
/// `social.email` and `social.links` (those not already named), and the avatar's file.
fn profile_table(config: &yaml_serde::Value) -> (String, Option<String>) {
    let at = |path: &[&str]| {
        let mut value = config;
        for key in path {
            value = value.get(*key)?;
        }
        value
            .as_str()
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(str::to_owned)
    };
    let mut table = String::new();
    let mut put = |key: &str, value: &str| table += &format!("{key} = {}\n", toml_string(value));
    let avatar = at(&["avatar"]);
    if let Some(avatar) = &avatar {
        put("avatar", avatar);
    }
    let github = at(&["github", "username"]);
    let x = at(&["twitter", "username"]);
    for (key, value) in [
        ("github", &github),
        ("email", &at(&["social", "email"])),
        ("x", &x),
    ] {
        if let Some(value) = value {
            put(key, value);
        }
    }
    let named = |link: &str, host: &str, user: &Option<String>| {
        user.as_ref().is_some_and(|user| {
            link.contains(host) && link.trim_end_matches('/').ends_with(user.as_str())
        })
    };
    let links: Vec<String> = config
        .get("social")
        .and_then(|social| social.get("links"))
        .and_then(|links| links.as_sequence())
        .into_iter()
        .flatten()
        .filter_map(|link| link.as_str().map(str::trim))
        .filter(|link| {
            !named(link, "github.com", &github)
                && !named(link, "twitter.com", &x)
                && !named(link, "x.com", &x)
        })
        .map(toml_string)
        .collect();
    if !links.is_empty() {
        table += &format!("links = [{}]\n", links.join(", "));
    }
    if table.is_empty() {
        return (table, None);
    }
    // A file of the Jekyll site (`/assets/img/me.png`), copied with the posts' media.
    let file = avatar
        .filter(|avatar| !avatar.contains("://"))
        .map(|avatar| avatar.trim_start_matches('/').to_owned())
        .filter(|path| {
            !path
                .split('/')
                .any(|part| part.starts_with('.') || part.is_empty())
        });
    (
        format!("\n# The author, at the foot of every page.\n[profile]\n{table}"),
        file,
    )
}

/// A TOML basic string.
fn toml_string(value: &str) -> String {
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
