//! Chirpy's embeds (`{% include embed/youtube.html id='…' %}`, twitch, bilibili, video,
//! audio) as markup that loads nothing from another host until the reader asks: a video
//! service's player is a link to the video, which the page's script turns into the player
//! (YouTube's privacy-enhanced one) when it is clicked. Video and audio files play from the
//! site and fetch nothing before they are played.

use geul_core::ui_text::UiText;

use super::images::{ImageResolver, ImageSource};
use super::markdown::escape_html;

/// One embed, from an `include` tag's arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Embed {
    /// A video service's player: which service, and the video's id there.
    Player { service: Service, id: String },
    /// A media file of the site (or another host), with Chirpy's options.
    File {
        kind: FileKind,
        src: String,
        title: Option<String>,
        poster: Option<String>,
        flags: Vec<&'static str>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    YouTube,
    Twitch,
    Bilibili,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Video,
    Audio,
}

/// The hosts a player may load from; the pages' policy allows frames from these alone.
pub const PLAYER_HOSTS: [&str; 3] = [
    "https://www.youtube-nocookie.com",
    "https://player.twitch.tv",
    "https://player.bilibili.com",
];

impl Service {
    fn name(self) -> &'static str {
        match self {
            Service::YouTube => "YouTube",
            Service::Twitch => "Twitch",
            Service::Bilibili => "bilibili",
        }
    }

    /// The player's address, and the video's page for a reader without scripts.
    fn addresses(self, id: &str, site_host: &str) -> (String, String) {
        let id = geul_core::percent_encode(id);
        match self {
            Service::YouTube => (
                format!("{}/embed/{id}?autoplay=1", PLAYER_HOSTS[0]),
                format!("https://www.youtube.com/watch?v={id}"),
            ),
            Service::Twitch => (
                format!(
                    "{}/?video={id}&parent={site_host}&autoplay=true",
                    PLAYER_HOSTS[1]
                ),
                format!("https://www.twitch.tv/videos/{id}"),
            ),
            Service::Bilibili => (
                format!("{}/player.html?bvid={id}&autoplay=1", PLAYER_HOSTS[2]),
                format!("https://www.bilibili.com/video/{id}"),
            ),
        }
    }
}

impl Embed {
    /// `embed/youtube.html id='…'`, … ; `None` for any other include.
    pub fn from_include(arguments: &str) -> Option<Embed> {
        let (file, rest) = arguments
            .split_once(char::is_whitespace)
            .unwrap_or((arguments, ""));
        let parameters = parameters(rest);
        let get = |key: &str| {
            parameters
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value.clone())
                .filter(|value| !value.is_empty())
        };
        let player = |service| get("id").map(|id| Embed::Player { service, id });
        let file_embed = |kind| {
            let flags = ["autoplay", "loop", "muted"]
                .into_iter()
                .filter(|flag| get(flag).is_some_and(|value| value == "true"))
                .collect();
            get("src").map(|src| Embed::File {
                kind,
                src,
                title: get("title"),
                poster: get("poster"),
                flags,
            })
        };
        match file {
            "embed/youtube.html" => player(Service::YouTube),
            "embed/twitch.html" => player(Service::Twitch),
            "embed/bilibili.html" => player(Service::Bilibili),
            "embed/video.html" => file_embed(FileKind::Video),
            "embed/audio.html" => file_embed(FileKind::Audio),
            _ => None,
        }
    }
}

/// `key='value' key="value" key=value` pairs.
fn parameters(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut rest = text.trim();
    while let Some(equals) = rest.find('=') {
        let key = rest[..equals].trim().to_owned();
        let after = rest[equals + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(quote @ ('\'' | '"')) => {
                let inner = &after[1..];
                let end = inner.find(quote).unwrap_or(inner.len());
                (&inner[..end], inner.get(end + 1..).unwrap_or_default())
            }
            _ => {
                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..end], &after[end..])
            }
        };
        found.push((key, value.to_owned()));
        rest = next.trim_start();
    }
    found
}

/// The embed's markup, and a warning when its file is not published.
pub fn embed_html(
    embed: &Embed,
    base_url: &str,
    media: &dyn ImageResolver,
    ui_text: &UiText,
) -> (String, Option<String>) {
    match embed {
        Embed::Player { service, id } => {
            let host = base_url
                .split_once("://")
                .map_or("", |(_, rest)| rest.split(['/', ':']).next().unwrap_or(""));
            let (player, page) = service.addresses(id, host);
            let label = ui_text.embed_play.replace("{host}", service.name());
            (
                format!(
                    "<div class=\"embed\" data-embed=\"{}\" data-embed-title=\"{}\">\
                     <a class=\"embed__play\" href=\"{}\">{}</a></div>",
                    escape_html(&player),
                    escape_html(&label),
                    escape_html(&page),
                    escape_html(&label),
                ),
                None,
            )
        }
        Embed::File {
            kind,
            src,
            title,
            poster,
            flags,
        } => {
            let mut warnings = Vec::new();
            let mut resolve = |what: &str, dest: &str| match media.resolve(dest) {
                ImageSource::Found(src) => Some(src),
                other => {
                    warnings.extend(other.warning(what, dest));
                    None
                }
            };
            let element = match kind {
                FileKind::Video => "video",
                FileKind::Audio => "audio",
            };
            let Some(src) = resolve(element, src) else {
                return (
                    super::markdown::missing_image_placeholder(
                        title.as_deref().unwrap_or(src),
                        ui_text,
                    ),
                    warnings
                        .pop()
                        .map(|warning| format!("{warning} (shown as a placeholder)")),
                );
            };
            let mut attributes = format!(" src=\"{}\"", escape_html(&src));
            if let Some(poster) = poster
                .as_deref()
                .and_then(|poster| resolve("poster", poster))
            {
                attributes += &format!(" poster=\"{}\"", escape_html(&poster));
            }
            if let Some(title) = title {
                attributes += &format!(" title=\"{}\"", escape_html(title));
            }
            for flag in flags {
                attributes.push(' ');
                attributes.push_str(flag);
            }
            let caption = title.as_deref().map_or(String::new(), |title| {
                format!("<figcaption>{}</figcaption>", escape_html(title))
            });
            (
                format!(
                    "<figure class=\"embed-file\"><{element} controls preload=\"none\"{attributes}>\
                     </{element}>{caption}</figure>"
                ),
                warnings.pop(),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chirpy_include_arguments_are_read() {
        assert_eq!(
            Embed::from_include("embed/youtube.html id='H-B46URT4mg'"),
            Some(Embed::Player {
                service: Service::YouTube,
                id: "H-B46URT4mg".into()
            })
        );
        assert_eq!(
            Embed::from_include(
                "embed/video.html src=\"/assets/a.mp4\" title='데모 영상' autoplay=true muted=true"
            ),
            Some(Embed::File {
                kind: FileKind::Video,
                src: "/assets/a.mp4".into(),
                title: Some("데모 영상".into()),
                poster: None,
                flags: vec!["autoplay", "muted"],
            })
        );
        assert_eq!(Embed::from_include("embed/youtube.html"), None);
        assert_eq!(Embed::from_include("footer.html"), None);
    }

    #[test]
    fn parameters_take_every_quoting() {
        assert_eq!(
            parameters("a='1 2' b=\"3\" c=4"),
            [
                ("a".into(), "1 2".into()),
                ("b".into(), "3".into()),
                ("c".into(), "4".into())
            ]
        );
    }
}
