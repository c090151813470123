//! The foot of every page: the author's profile from site.toml (picture, a line about
//! them, where else to find them) and what geul is. The build writes it once for every page,
//! after the app's mount point, so the static page and the app show the same foot and the
//! app's code carries none of it.

use geul_core::ui_text::UiText;

use crate::config::SiteConfig;
use crate::render::markdown::escape_html as esc;

/// The avatar as the site publishes it: its address (site-relative or absolute) and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Avatar {
    pub src: String,
    pub size: Option<(u32, u32)>,
}

/// The `<footer>` of every page. Addresses are relative to the page's `<base href>`.
pub fn footer_html(config: &SiteConfig, avatar: Option<&Avatar>) -> String {
    let ui_text = UiText::for_language(&config.language);
    let profile = &config.profile;
    let mut links: Vec<(String, String)> = Vec::new();
    let mut add = |href: String, label: &str| links.push((href, label.to_owned()));
    if !profile.github.is_empty() {
        add(format!("https://github.com/{}", profile.github), "GitHub");
    }
    if !profile.email.is_empty() {
        add(format!("mailto:{}", profile.email), ui_text.email);
    }
    if !profile.linkedin.is_empty() {
        add(
            address_or(&profile.linkedin, "https://www.linkedin.com/in/"),
            "LinkedIn",
        );
    }
    if !profile.x.is_empty() {
        add(
            format!("https://x.com/{}", profile.x.trim_start_matches('@')),
            "X",
        );
    }
    for link in &profile.links {
        add(link.clone(), host_of(link));
    }
    if profile.rss {
        add("feed.xml".to_owned(), "RSS");
    }
    let mut html = String::from("<footer class=\"site-footer\">");
    let has_profile = avatar.is_some() || !profile.bio.is_empty() || links.len() > 1;
    if has_profile {
        html += "<div class=\"profile\">";
        if let Some(avatar) = avatar {
            let size = avatar.size.map_or(String::new(), |(width, height)| {
                format!(" width=\"{width}\" height=\"{height}\"")
            });
            // The name beside it says who it is.
            html += &format!(
                "<img class=\"profile__avatar\" src=\"{}\" alt=\"\"{size} loading=\"lazy\">",
                esc(&avatar.src)
            );
        }
        html += "<div class=\"profile__text\">";
        let name = if config.author.is_empty() {
            &config.title
        } else {
            &config.author
        };
        html += &format!("<p class=\"profile__name\">{}</p>", esc(name));
        if !profile.bio.is_empty() {
            html += &format!("<p class=\"profile__bio\">{}</p>", esc(&profile.bio));
        }
        html += "</div></div>";
    }
    if !links.is_empty() {
        html += &format!(
            "<ul class=\"profile__links\" aria-label=\"{}\">",
            ui_text.profile_links
        );
        for (href, label) in &links {
            let me = if href.starts_with("http") {
                " rel=\"me\""
            } else {
                ""
            };
            html += &format!("<li><a href=\"{}\"{me}>{}</a></li>", esc(href), esc(label));
        }
        html += "</ul>";
    }
    html += &format!(
        "<p class=\"site-footer__credit\">{}</p>{}</footer>",
        ui_text.credit,
        shortcuts_html(ui_text)
    );
    html
}

/// The keyboard shortcuts, listed in a dialog that `?` or the footer's button opens
/// (index.html's first script handles both, and the keys).
fn shortcuts_html(ui_text: &UiText) -> String {
    let keys = [
        ("/", ui_text.shortcut_search),
        ("t", ui_text.shortcut_theme),
        ("?", ui_text.shortcut_help),
    ];
    let list: String = keys
        .iter()
        .map(|(key, action)| format!("<dt><kbd>{key}</kbd></dt><dd>{action}</dd>"))
        .collect();
    format!(
        "<button type=\"button\" class=\"shortcuts-open\">{label} <kbd>?</kbd></button>\
         <dialog id=\"shortcuts\" aria-labelledby=\"shortcuts-title\">\
         <h2 id=\"shortcuts-title\">{label}</h2><dl>{list}</dl>\
         <form method=\"dialog\"><button>{close}</button></form></dialog>",
        label = ui_text.shortcuts,
        close = ui_text.close
    )
}

/// `value` if it is an address, else `prefix` + `value`.
fn address_or(value: &str, prefix: &str) -> String {
    if value.starts_with("https://") || value.starts_with("http://") {
        value.to_owned()
    } else {
        format!("{prefix}{value}")
    }
}

/// `https://blog.example.com/about` → `blog.example.com`.
fn host_of(link: &str) -> &str {
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Profile;

    #[test]
    fn without_a_profile_the_foot_names_geul_and_the_feed() {
        let html = footer_html(&SiteConfig::default(), None);
        assert_eq!(
            html,
            "<footer class=\"site-footer\"><ul class=\"profile__links\" aria-label=\"글쓴이 연락처\">\
             <li><a href=\"feed.xml\">RSS</a></li></ul>\
             <p class=\"site-footer__credit\">geul — 브라우저에서 읽고 거르는 블로그</p>\
             <button type=\"button\" class=\"shortcuts-open\">단축키 <kbd>?</kbd></button>\
             <dialog id=\"shortcuts\" aria-labelledby=\"shortcuts-title\"><h2 id=\"shortcuts-title\">\
             단축키</h2><dl><dt><kbd>/</kbd></dt><dd>검색</dd><dt><kbd>t</kbd></dt><dd>테마 바꾸기</dd>\
             <dt><kbd>?</kbd></dt><dd>단축키 보기</dd></dl><form method=\"dialog\"><button>닫기</button>\
             </form></dialog></footer>"
        );
    }

    #[test]
    fn a_profile_shows_the_picture_the_name_the_line_and_the_links() {
        let config = SiteConfig {
            author: "홍길동 <편집>".into(),
            profile: Profile {
                bio: "배운 것을 적습니다.".into(),
                github: "someone".into(),
                email: "me@example.com".into(),
                linkedin: "hong".into(),
                x: "@hong".into(),
                links: vec!["https://www.example.com/about".into()],
                ..Profile::default()
            },
            ..SiteConfig::default()
        };
        let avatar = Avatar {
            src: "media/me-0123.png".into(),
            size: Some((96, 96)),
        };
        let html = footer_html(&config, Some(&avatar));
        for part in [
            "<img class=\"profile__avatar\" src=\"media/me-0123.png\" alt=\"\" width=\"96\" height=\"96\" loading=\"lazy\">",
            "<p class=\"profile__name\">홍길동 &lt;편집&gt;</p>",
            "<p class=\"profile__bio\">배운 것을 적습니다.</p>",
            "<a href=\"https://github.com/someone\" rel=\"me\">GitHub</a>",
            "<a href=\"mailto:me@example.com\">이메일</a>",
            "<a href=\"https://www.linkedin.com/in/hong\" rel=\"me\">LinkedIn</a>",
            "<a href=\"https://x.com/hong\" rel=\"me\">X</a>",
            "<a href=\"https://www.example.com/about\" rel=\"me\">example.com</a>",
            "<a href=\"feed.xml\">RSS</a>",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
    }
}
