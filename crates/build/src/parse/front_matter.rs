//! Jekyll/Chirpy front matter: the YAML block between `---` lines at the top of a post.

/// The keys geul reads. Unknown keys are accepted and ignored, so Jekyll posts move over
/// as they are.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontMatter {
    /// Title; without it the first heading or first line of the text is the title.
    pub title: Option<String>,
    /// `2021-02-01 00:00:00`, `2021-11-14 16:50:00 +0900`, … (see [`crate::parse::date`]).
    /// Without it, a `YYYY-MM-DD-` file name prefix gives the date; otherwise undated.
    pub date: Option<String>,
    /// URL segment; defaults to the file name without its date prefix.
    pub slug: Option<String>,
    /// A list, or a space-separated string (`LINE career` is two categories).
    pub categories: Vec<String>,
    /// Jekyll's singular form, merged into `categories`.
    pub category: Vec<String>,
    /// A list, or a space-separated string.
    pub tags: Vec<String>,
    /// `true` lists the post before all others.
    pub pin: bool,
    /// Summary for the list; without it an excerpt is taken from the text.
    pub description: Option<String>,
    /// `markdown` or `text` (one paragraph per line); without it geul decides from the file
    /// extension and the text itself (see [`crate::post`]).
    pub format: Option<String>,
    /// Chirpy's preview image: a path, or `{ path, alt, lqip }`.
    pub image: Option<yaml_serde::Value>,
    /// `false` keeps the post out of every file the build writes (Jekyll's drafts).
    pub published: bool,
    /// When the post was last changed: shown on the post, the feed's `updated`, the
    /// sitemap's `lastmod`.
    pub last_modified_at: Option<String>,
    /// `false`: no table of contents for this post.
    pub toc: bool,
    /// `true`: `$$…$$`, `\(…\)` and `\[…\]` are typeset as math.
    pub math: bool,
    /// Old paths (site-relative) that lead to this post.
    pub redirect_from: Vec<String>,
    /// `false` turns Liquid (`{{ … }}`, `{% … %}`) off for this post.
    pub render_with_liquid: bool,
    /// Who wrote the post (`author`, or `authors` for several).
    pub authors: Vec<String>,
    /// Chirpy's prefix for the post's relative media paths.
    pub media_subpath: Option<String>,
    /// `false`: no comments under this post, whatever site.toml sets.
    pub comments: bool,
}

impl Default for FrontMatter {
    fn default() -> Self {
        FrontMatter {
            title: None,
            date: None,
            slug: None,
            categories: Vec::new(),
            category: Vec::new(),
            tags: Vec::new(),
            pin: false,
            description: None,
            format: None,
            image: None,
            published: true,
            last_modified_at: None,
            toc: true,
            math: false,
            redirect_from: Vec::new(),
            render_with_liquid: true,
            authors: Vec::new(),
            media_subpath: None,
            comments: true,
        }
    }
}

/// A post file cut into its front matter and its body.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the fences, if the file has front matter.
    pub yaml: Option<&'a str>,
    /// Everything after the closing fence, byte for byte.
    pub body: &'a str,
    /// 1-based line number of the body's first line in the file.
    pub body_line: usize,
}

/// A file that opens front matter with `---` and never closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnclosedFrontMatter;

/// Cuts the front matter off.
pub fn split(source: &str) -> Result<Split<'_>, UnclosedFrontMatter> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let mut lines = source.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok(Split {
            yaml: None,
            body: source,
            body_line: 1,
        });
    };
    if first.trim_end() != "---" {
        return Ok(Split {
            yaml: None,
            body: source,
            body_line: 1,
        });
    }
    let yaml_start = first.len();
    let mut offset = yaml_start;
    for (index, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            return Ok(Split {
                yaml: Some(&source[yaml_start..offset]),
                body: &source[offset + line.len()..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(UnclosedFrontMatter)
}

/// How deeply `[` and `{` may nest in front matter. Real front matter nests two or three
/// levels, and the YAML reader's time grows with the square of the depth.
pub const MAX_FLOW_DEPTH: usize = 32;

/// Parses the YAML; the error carries the 1-based line within the YAML text, if known.
pub fn parse(yaml: &str) -> Result<FrontMatter, (Option<usize>, String)> {
    if yaml.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    if let Some(line) = too_deep(yaml) {
        return Err((
            Some(line),
            format!("brackets nest more than {MAX_FLOW_DEPTH} levels deep"),
        ));
    }
    let value: yaml_serde::Value = yaml_serde::from_str(yaml).map_err(|error| {
        let line = error.location().map(|location| location.line());
        (line, without_positions(&error.to_string()))
    })?;
    let yaml_serde::Value::Mapping(mapping) = value else {
        return Err((
            Some(1),
            format!(
                "front matter must be `key: value` lines, not {}",
                shape(&value)
            ),
        ));
    };
    let mut fm = FrontMatter::default();
    for (key, value) in mapping {
        let Some(key) = key.as_str() else { continue };
        let wrong = |expected: &str| (key_line(yaml, key), wrong_shape(key, expected, &value));
        match key {
            "title" => fm.title = text(&value).ok_or_else(|| wrong(TEXT))?,
            "date" => fm.date = text(&value).ok_or_else(|| wrong(DATE))?,
            "slug" => fm.slug = text(&value).ok_or_else(|| wrong(TEXT))?,
            "description" => fm.description = text(&value).ok_or_else(|| wrong(TEXT))?,
            "format" => fm.format = text(&value).ok_or_else(|| wrong(FORMAT))?,
            "categories" => fm.categories = words_or_list(&value).ok_or_else(|| wrong(LIST))?,
            "category" => fm.category = words_or_list(&value).ok_or_else(|| wrong(LIST))?,
            "tags" => fm.tags = words_or_list(&value).ok_or_else(|| wrong(LIST))?,
            "pin" => fm.pin = flag(&value, false).ok_or_else(|| wrong(FLAG))?,
            "image" => fm.image = Some(value),
            "published" => fm.published = flag(&value, true).ok_or_else(|| wrong(FLAG))?,
            "last_modified_at" => fm.last_modified_at = text(&value).ok_or_else(|| wrong(DATE))?,
            "toc" => fm.toc = flag(&value, true).ok_or_else(|| wrong(FLAG))?,
            "comments" => fm.comments = flag(&value, true).ok_or_else(|| wrong(FLAG))?,
            "math" => fm.math = flag(&value, false).ok_or_else(|| wrong(FLAG))?,
            "render_with_liquid" => {
                fm.render_with_liquid = flag(&value, true).ok_or_else(|| wrong(FLAG))?
            }
            "redirect_from" => fm.redirect_from = list(&value).ok_or_else(|| wrong(PATHS))?,
            "author" | "authors" => {
                let names = list(&value).ok_or_else(|| wrong(NAMES))?;
                for name in names {
                    if !fm.authors.contains(&name) {
                        fm.authors.push(name);
                    }
                }
            }
            "media_subpath" => fm.media_subpath = text(&value).ok_or_else(|| wrong(TEXT))?,
            _ => {}
        }
    }
    Ok(fm)
}

const TEXT: &str = "text";
const DATE: &str = "a date such as `2024-03-01 09:00:00 +0900`";
const FORMAT: &str = "`markdown` or `text`";
const LIST: &str = "a list such as `[회고, MLOps]` or words separated by spaces";
const FLAG: &str = "`true` or `false` (or `yes`/`no`, `on`/`off`)";
const PATHS: &str = "a path such as `/old/path/`, or a list of them";
const NAMES: &str = "a name, or a list of names";

fn wrong_shape(key: &str, expected: &str, value: &yaml_serde::Value) -> String {
    format!("`{key}` must be {expected}, not {}", shape(value))
}

/// How a value is written, in the words of the messages.
fn shape(value: &yaml_serde::Value) -> &'static str {
    use yaml_serde::Value;
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a mapping (`key: value` pairs)",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Text, a number or a boolean as text; `Some(None)` when empty, `None` for anything else.
fn text(value: &yaml_serde::Value) -> Option<Option<String>> {
    use yaml_serde::Value;
    match value {
        Value::Null => Some(None),
        Value::String(text) => Some(Some(text.clone())),
        Value::Number(number) => Some(Some(number.to_string())),
        Value::Bool(flag) => Some(Some(flag.to_string())),
        _ => None,
    }
}

/// A boolean as Jekyll reads it: YAML 1.1 also spells them `yes`/`no` and `on`/`off`,
/// which a YAML 1.2 reader sees as text. An empty value is `unset`.
fn flag(value: &yaml_serde::Value, unset: bool) -> Option<bool> {
    match value {
        yaml_serde::Value::Null => Some(unset),
        yaml_serde::Value::Bool(flag) => Some(*flag),
        yaml_serde::Value::String(text) => match text.to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" => Some(true),
            "false" | "no" | "off" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// One scalar or a list of them, each kept whole (names and paths have spaces).
fn list(value: &yaml_serde::Value) -> Option<Vec<String>> {
    let items: Vec<Option<String>> = match value {
        yaml_serde::Value::Sequence(items) => items.iter().map(text).collect::<Option<_>>()?,
        scalar => vec![text(scalar)?],
    };
    Some(
        items
            .into_iter()
            .flatten()
            .map(|item| item.trim().to_owned())
            .filter(|item| !item.is_empty())
            .collect(),
    )
}

/// A list of scalars, or one scalar of words separated by spaces; duplicates dropped.
fn words_or_list(value: &yaml_serde::Value) -> Option<Vec<String>> {
    let items: Vec<String> = match value {
        yaml_serde::Value::Sequence(items) => {
            let mut words = Vec::with_capacity(items.len());
            for item in items {
                if let Some(word) = text(item)? {
                    words.push(word.trim().to_owned());
                }
            }
            words
        }
        scalar => text(scalar)?
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_owned)
            .collect(),
    };
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    Some(
        items
            .into_iter()
            .filter(|item| !item.is_empty() && seen.insert(item.clone()))
            .collect(),
    )
}

/// The line (1-based, in the YAML) where `[` and `{` first nest past [`MAX_FLOW_DEPTH`],
/// not counting brackets inside quotes or comments.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, line) in yaml.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut previous = ' ';
        for c in line.chars() {
            match (quote, c) {
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some(index + 1);
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
    }
    None
}

/// The parser's message counts lines inside the YAML block; the caller reports the file's
/// line instead, so those positions would only confuse.
fn without_positions(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find(" at line ") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " at line ".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let after = &after[digits..];
        rest = match after.strip_prefix(" column ") {
            Some(column) => &column[column.bytes().take_while(u8::is_ascii_digit).count()..],
            None => after,
        };
    }
    out.push_str(rest);
    out
}

/// 1-based line of a top-level key within the YAML text (for pointing at a bad value).
pub fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_keeps_the_body_byte_for_byte() {
        let source = "---\ntitle: a\n---\nbody\n\nmore";
        let split = split(source).unwrap();
        assert_eq!(split.yaml, Some("title: a\n"));
        assert_eq!(split.body, "body\n\nmore");
        assert_eq!(split.body_line, 4);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let split = split("## 인터뷰 복기\n\ntext").unwrap();
        assert_eq!(split.yaml, None);
        assert_eq!(split.body_line, 1);
    }

    #[test]
    fn unterminated_block_is_an_error() {
        assert_eq!(split("---\ntitle: a\nbody\n"), Err(UnclosedFrontMatter));
    }

    #[test]
    fn thematic_break_later_in_the_text_is_not_front_matter() {
        let split = split("text\n---\nmore").unwrap();
        assert_eq!(split.yaml, None);
    }

    #[test]
    fn space_separated_categories_are_several() {
        let fm = parse("categories: LINE career").unwrap();
        assert_eq!(fm.categories, ["LINE", "career"]);
    }

    #[test]
    fn flow_list_categories_and_numeric_tags() {
        let fm = parse("categories: [ETC, Jobs]\ntags: [jobs, 2021, jobs]").unwrap();
        assert_eq!(fm.categories, ["ETC", "Jobs"]);
        assert_eq!(fm.tags, ["jobs", "2021"]);
    }

    #[test]
    fn chirpy_keys_are_accepted() {
        let yaml = "title: t\nauthor: Gukwon Koo\npin: false\nmath: true\ncomments: false\n\
                    layout: post\nimage:\n  path: /a.png\n  alt: x\nunknown_key: 1";
        let fm = parse(yaml).unwrap();
        assert_eq!(fm.title.as_deref(), Some("t"));
        assert!(!fm.pin);
    }

    #[test]
    fn booleans_take_jekyll_spellings() {
        let fm = parse("pin: yes\npublished: off\ntoc: No\nmath: ON").unwrap();
        assert!(fm.pin && !fm.published && !fm.toc && fm.math);
        let defaults = parse("title: t").unwrap();
        assert!(!defaults.pin && defaults.published && defaults.toc && !defaults.math);
        assert!(defaults.render_with_liquid);
        let (line, message) = parse("title: t\npin: maybe").unwrap_err();
        assert_eq!(line, Some(2));
        assert!(
            message.contains("`pin` must be `true` or `false`"),
            "{message}"
        );
    }

    #[test]
    fn chirpy_post_keys_are_read() {
        let yaml = "author: 구국원\nauthors: [구국원, Kim]\nredirect_from: /old/\n\
                    last_modified_at: 2024-03-09 10:00:00 +0900\nmedia_subpath: /assets/p\n\
                    render_with_liquid: false";
        let fm = parse(yaml).unwrap();
        assert_eq!(fm.authors, ["구국원", "Kim"]);
        assert_eq!(fm.redirect_from, ["/old/"]);
        assert_eq!(
            fm.last_modified_at.as_deref(),
            Some("2024-03-09 10:00:00 +0900")
        );
        assert_eq!(fm.media_subpath.as_deref(), Some("/assets/p"));
        assert!(!fm.render_with_liquid);
        let fm = parse("redirect_from:\n  - /a/\n  - /b c/").unwrap();
        assert_eq!(fm.redirect_from, ["/a/", "/b c/"]);
    }

    #[test]
    fn unquoted_dates_stay_text() {
        let fm = parse("date: 2021-11-14 16:50:00 +0900").unwrap();
        assert_eq!(fm.date.as_deref(), Some("2021-11-14 16:50:00 +0900"));
    }

    #[test]
    fn bad_yaml_reports_its_line() {
        let (line, message) = parse("title: ok\ntags: [a, b\ndate: x").unwrap_err();
        assert!(line.is_some(), "{message}");
    }

    #[test]
    fn positions_inside_the_block_are_left_out_of_messages() {
        assert_eq!(
            without_positions(
                "did not find ',' at line 3 column 1, while parsing at line 2 column 7"
            ),
            "did not find ',', while parsing"
        );
    }

    #[test]
    fn key_line_finds_top_level_keys() {
        assert_eq!(key_line("title: a\ndate:  x\n", "date"), Some(2));
        assert_eq!(key_line("title: a\n", "date"), None);
    }
}
