//! The Content-Security-Policy every page carries, as a `<meta>` (GitHub Pages sets no
//! headers). Scripts run only from the site's own files and from inline scripts whose
//! SHA-256 the build computed from the page itself, so a script that finds its way into a
//! page by any other route is refused by the browser.

use sha2::{Digest, Sha256};

use base64::Engine;

use crate::config::SiteConfig;
use crate::publish::comments::provider_host;

/// Which policy a page gets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Policy {
    /// None: a development server injects scripts of its own, which no policy could name.
    Off,
    /// Scripts and stylesheets from the site's own files, and what the site's settings add.
    On(Allowances),
}

/// What a site's settings and posts add to the strict policy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allowances {
    /// `<style>` elements: mermaid draws each diagram with one, giscus and utterances add one.
    pub inline_styles: bool,
    /// Hosts scripts may come from (comments, analytics).
    pub scripts: Vec<String>,
    /// Hosts frames may come from besides the video players (comments).
    pub frames: Vec<String>,
    /// Hosts the page may send requests to besides its own (analytics).
    pub connects: Vec<String>,
}

impl Policy {
    /// Only the site's own scripts and stylesheets.
    pub fn strict() -> Policy {
        Policy::On(Allowances::default())
    }

    /// The policy of a site with these settings, publishing mermaid if `diagrams`.
    pub fn for_site(config: &SiteConfig, diagrams: bool) -> Policy {
        let comments = provider_host(&config.comments.provider).map(str::to_owned);
        let (mut scripts, connects) = config.analytics.hosts();
        scripts.extend(comments.clone());
        Policy::On(Allowances {
            inline_styles: diagrams || comments.is_some(),
            scripts,
            frames: comments.into_iter().collect(),
            connects,
        })
    }
}

/// The policy for a page whose inline scripts are those in `page`; empty for
/// [`Policy::Off`].
pub fn policy(page: &str, kind: &Policy) -> String {
    let Policy::On(allowed) = kind else {
        return String::new();
    };
    let hashes: String = inline_scripts(page)
        .map(|script| format!(" {}", hash(script)))
        .collect();
    let hosts = |hosts: &[String]| {
        hosts
            .iter()
            .map(|host| format!(" {host}"))
            .collect::<String>()
    };
    let (scripts, frames) = (hosts(&allowed.scripts), hosts(&allowed.frames));
    let connect = match allowed.connects.as_slice() {
        [] => String::new(),
        connects => format!(" connect-src 'self'{};", hosts(connects)),
    };
    // Players load from their hosts alone, and only when the reader starts one. Typeset
    // math lays numbered equations out with `style` attributes: those are allowed, and only
    // geul's own markup has them (the sanitizer strips a post's).
    let players = crate::render::embeds::PLAYER_HOSTS.join(" ");
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}{scripts};{connect} \
         object-src 'none'; base-uri 'self'; form-action 'self'; img-src 'self' data: https:; \
         frame-src {players}{frames}; style-src 'self'{}; style-src-attr 'unsafe-inline'",
        if allowed.inline_styles {
            " 'unsafe-inline'"
        } else {
            ""
        }
    )
}

/// How a policy names an inline script: `'sha256-<base64 of its SHA-256>'`.
pub fn hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The `<meta>` that carries [`policy`]; nothing for [`Policy::Off`].
pub fn meta(page: &str, kind: &Policy) -> String {
    if *kind == Policy::Off {
        return String::new();
    }
    format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(page, kind)
    )
}

/// The text of every `<script>` without a `src`, as the browser hashes it.
pub fn inline_scripts(page: &str) -> impl Iterator<Item = &str> {
    let lower = page.to_ascii_lowercase();
    let mut from = 0;
    std::iter::from_fn(move || loop {
        let start = from + lower[from..].find("<script")?;
        let open_end = start + lower[start..].find('>')? + 1;
        let close = open_end + lower[open_end..].find("</script")?;
        from = close;
        let tag = &lower[start..open_end];
        let has_src = tag
            .match_indices("src")
            .any(|(at, _)| tag[..at].ends_with(|c: char| c.is_ascii_whitespace()));
        if !has_src {
            return Some(&page[open_end..close]);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_scripts_with_src_are_not() {
        let page = "<head><script src=\"/a.js\"></script><SCRIPT type=module>import x</SCRIPT>\
                    <script data-src=\"x\">alert(1)</script></head>";
        let scripts: Vec<&str> = inline_scripts(page).collect();
        assert_eq!(scripts, ["import x", "alert(1)"]);
        // `echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64`
        assert!(policy(page, &Policy::strict())
            .contains("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"));
    }

    #[test]
    fn the_policy_names_every_required_directive() {
        assert_eq!(
            policy("<p>no script</p>", &Policy::strict()),
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; \
             base-uri 'self'; form-action 'self'; img-src 'self' data: https:; \
             frame-src https://www.youtube-nocookie.com https://player.twitch.tv \
             https://player.bilibili.com; style-src 'self'; style-src-attr 'unsafe-inline'"
        );
        let with_diagrams = policy(
            "<p>no script</p>",
            &Policy::for_site(&SiteConfig::default(), true),
        );
        assert!(with_diagrams.contains("; style-src 'self' 'unsafe-inline';"));
        assert_eq!(meta("<p>x</p>", &Policy::Off), "");
        let mut config = SiteConfig::default();
        config.comments.provider = "giscus".into();
        let with_comments = policy("<p>x</p>", &Policy::for_site(&config, false));
        assert!(with_comments.contains("script-src 'self' 'wasm-unsafe-eval' https://giscus.app;"));
        assert!(with_comments.contains("https://player.bilibili.com https://giscus.app;"));
        assert!(with_comments.contains("style-src 'self' 'unsafe-inline';"));
        assert!(!with_comments.contains("connect-src"));
        config.analytics.goatcounter = "blog".into();
        let counted = policy("<p>x</p>", &Policy::for_site(&config, false));
        assert!(
            counted.contains(
                "script-src 'self' 'wasm-unsafe-eval' https://gc.zgo.at https://giscus.app;"
            ),
            "{counted}"
        );
        assert!(
            counted.contains("; connect-src 'self' https://blog.goatcounter.com;"),
            "{counted}"
        );
    }
}
