//! The Liquid a Jekyll post uses, run before Markdown as Jekyll runs it: `{% raw %}`,
//! `{{ site.baseurl }}` and its kin, the `relative_url`/`absolute_url` filters,
//! `{% post_url %}` and `{% link %}`, `{% highlight %}`, Chirpy's embeds, `{% comment %}`.
//! Anything else is left out of the page with a warning naming its line; nothing shows as
//! `{% … %}` junk. Every replacement keeps the text's line count, so later messages still
//! point at the right line.

use std::collections::HashMap;

use geul_core::ui_text::UiText;

use super::embeds::{embed_html, Embed};
use super::images::ImageResolver;
use super::slots::Slots;

/// What Liquid in a post may refer to.
pub struct LiquidSite<'a> {
    /// The site's path on its host, with slashes on both ends (`/geul/`).
    pub base_path: &'a str,
    /// The site's absolute URL, ending in `/`.
    pub base_url: &'a str,
    pub title: &'a str,
    pub description: &'a str,
    /// Every published post's page (site-relative, `posts/<slug>/`), by file name without
    /// its extension (`2023-11-20-name`).
    pub posts: &'a HashMap<String, String>,
    /// The words embeds show, in the site's language.
    pub text: &'a UiText,
}

impl LiquidSite<'_> {
    /// Jekyll's `site.baseurl`: the base path without its trailing slash.
    fn baseurl(&self) -> &str {
        self.base_path.trim_end_matches('/')
    }

    /// Jekyll's `site.url`: scheme and host.
    fn url(&self) -> &str {
        let after_scheme = self.base_url.find("://").map_or(0, |at| at + 3);
        let host_end = self.base_url[after_scheme..]
            .find('/')
            .map_or(self.base_url.len(), |at| after_scheme + at);
        &self.base_url[..host_end]
    }
}

/// Messages about a body, each with its 1-based line in the body.
pub type LineMessages = Vec<(usize, String)>;

/// The body with its Liquid run, and warnings. A link to a post that does not exist is an
/// error (line, message), as in Jekyll.
pub fn render_liquid(
    body: &str,
    site: &LiquidSite,
    media: &dyn ImageResolver,
    slots: &mut Slots,
) -> Result<(String, LineMessages), (usize, String)> {
    if !body.contains("{{") && !body.contains("{%") {
        return Ok((body.to_owned(), Vec::new()));
    }
    let mut out = String::with_capacity(body.len());
    let mut warnings = Vec::new();
    let mut rest = body;
    let mut line = 1;
    while let Some(start) = find_markup(rest) {
        let (before, markup) = rest.split_at(start);
        out.push_str(before);
        let closing = if markup.starts_with("{{") { "}}" } else { "%}" };
        let Some(length) = markup.find(closing) else {
            let at = line + before.matches('\n').count();
            warnings.push((
                at,
                format!("`{}` is never closed: shown as text", &markup[..2]),
            ));
            rest = markup;
            break;
        };
        let tag = &markup[..length + 2];
        rest = &markup[length + 2..];
        let tag_line = line + before.matches('\n').count();
        line = tag_line + tag.matches('\n').count();
        let inner = tag[2..tag.len() - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let name = inner.split_whitespace().next().unwrap_or_default();
        if tag.starts_with("{%") && matches!(name, "raw" | "comment") {
            let end_name = if name == "raw" {
                "endraw"
            } else {
                "endcomment"
            };
            let Some((inside, end_tag, after)) = split_at_end_tag(rest, end_name) else {
                warnings.push((tag_line, format!("`{{% {name} %}}` is never closed")));
                push_newlines(&mut out, tag);
                continue;
            };
            push_newlines(&mut out, tag);
            if name == "raw" {
                out.push_str(inside);
            } else {
                push_newlines(&mut out, inside);
            }
            push_newlines(&mut out, end_tag);
            line += inside.matches('\n').count() + end_tag.matches('\n').count();
            rest = after;
            continue;
        }
        let replacement = if tag.starts_with("{{") {
            output(inner, site).unwrap_or_else(|| {
                warnings.push((
                    tag_line,
                    format!(
                        "Liquid output `{}` is not supported and is left out",
                        short(tag)
                    ),
                ));
                String::new()
            })
        } else {
            let arguments = inner[name.len()..].trim();
            match name {
                "post_url" | "link" => {
                    let path = site_path_of_post(arguments, site).ok_or_else(|| {
                        (
                            tag_line,
                            format!(
                                "`{}` names a post that is not in the site: {arguments}",
                                short(tag)
                            ),
                        )
                    })?;
                    if name == "link" {
                        format!("{}{path}", site.base_path)
                    } else {
                        // Jekyll's `post_url` leaves the base path to `{{ site.baseurl }}`.
                        format!("/{path}")
                    }
                }
                "highlight" => {
                    let language = arguments.split_whitespace().next().unwrap_or_default();
                    format!("```{language}")
                }
                "endhighlight" => "```".to_owned(),
                "include" => match Embed::from_include(arguments) {
                    Some(embed) => {
                        let (html, warning) = embed_html(&embed, site.base_url, media, site.text);
                        warnings.extend(warning.map(|warning| (tag_line, warning)));
                        slots.hold(html)
                    }
                    None => {
                        warnings.push((
                            tag_line,
                            format!(
                                "`{}` is not supported (only Chirpy's embed/youtube, twitch, \
                                 bilibili, video and audio) and is left out",
                                short(tag)
                            ),
                        ));
                        String::new()
                    }
                },
                _ => {
                    warnings.push((
                        tag_line,
                        format!(
                            "Liquid tag `{}` is not supported and is left out",
                            short(tag)
                        ),
                    ));
                    String::new()
                }
            }
        };
        out.push_str(&replacement);
        push_newlines(&mut out, tag);
    }
    out.push_str(rest);
    Ok((out, warnings))
}

/// Splits `text` at the first `{% end_name %}`: (before it, the tag, after it).
fn split_at_end_tag<'t>(text: &'t str, end_name: &str) -> Option<(&'t str, &'t str, &'t str)> {
    let mut from = 0;
    while let Some(found) = text[from..].find("{%") {
        let start = from + found;
        let length = text[start..].find("%}")?;
        let tag = &text[start..start + length + 2];
        let inner = tag[2..tag.len() - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == end_name {
            return Some((&text[..start], tag, &text[start + length + 2..]));
        }
        from = start + 2;
    }
    None
}

/// Where the next `{{` or `{%` starts.
fn find_markup(text: &str) -> Option<usize> {
    let output = text.find("{{");
    let tag = text.find("{%");
    match (output, tag) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn push_newlines(out: &mut String, text: &str) {
    out.extend(std::iter::repeat_n('\n', text.matches('\n').count()));
}

/// A tag as quoted in a message: on one line, and not too long.
fn short(tag: &str) -> String {
    let one_line: String = tag.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}

/// `{{ … }}`: a value and its filters, when geul knows them all.
fn output(expression: &str, site: &LiquidSite) -> Option<String> {
    let mut parts = expression.split('|').map(str::trim);
    let mut value = match parts.next()? {
        "site.baseurl" => site.baseurl().to_owned(),
        "site.url" => site.url().to_owned(),
        "site.title" => site.title.to_owned(),
        "site.description" => site.description.to_owned(),
        literal => string_literal(literal)?.to_owned(),
    };
    for filter in parts {
        value = match filter {
            "relative_url" => relative_url(&value, site),
            "absolute_url" => format!("{}{}", site.url(), relative_url(&value, site)),
            _ => return None,
        };
    }
    Some(value)
}

fn string_literal(text: &str) -> Option<&str> {
    ["'", "\""].iter().find_map(|quote| {
        text.strip_prefix(quote)
            .and_then(|inner| inner.strip_suffix(quote))
    })
}

/// Jekyll's `relative_url`: the path under the base path. An absolute URL is kept.
fn relative_url(value: &str, site: &LiquidSite) -> String {
    if value.contains("://") || value.starts_with("//") {
        return value.to_owned();
    }
    format!("{}/{}", site.baseurl(), value.trim_start_matches('/'))
}

/// The page of the post `name` names: `2023-11-20-name`, `/folder/2023-11-20-name`, or
/// `_posts/2023-11-20-name.md` as `{% link %}` writes it.
fn site_path_of_post<'a>(name: &str, site: &'a LiquidSite) -> Option<&'a String> {
    let name = name.trim().trim_matches(['\'', '"']);
    let file = name.rsplit('/').next().unwrap_or(name);
    let stem = [".md", ".markdown", ".txt"]
        .iter()
        .find_map(|extension| file.strip_suffix(extension))
        .unwrap_or(file);
    site.posts.get(stem)
}

#[cfg(test)]
#[path = "liquid_tests.rs"]
mod tests;
