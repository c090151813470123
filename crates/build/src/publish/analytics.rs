//! Visitor counts, when the site asks for them in site.toml's `[analytics]`: GoatCounter,
//! Plausible or Google Analytics, by id. The snippet ends every page; without a setting the
//! site loads nothing from anyone. The app changes pages without loading one, so each
//! snippet counts those changes too: Plausible's and Google's scripts follow the history
//! themselves, GoatCounter's is told by a few lines of glue.

use serde::Deserialize;

/// The services and their ids; every one optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Analytics {
    /// GoatCounter's site code: `<code>.goatcounter.com`.
    pub goatcounter: String,
    /// Plausible's site domain (`data-domain`).
    pub plausible: String,
    /// A Google Analytics 4 measurement id: `G-XXXXXXXXXX`.
    pub google: String,
}

impl Analytics {
    /// What is wrong with an id, naming its key. The ids go into addresses and a script,
    /// so only their documented shapes pass.
    pub fn problem(&self) -> Option<(&'static str, String)> {
        let shaped = |id: &str, allowed: fn(char) -> bool| id.is_empty() || id.chars().all(allowed);
        if !shaped(&self.goatcounter, |c| c.is_ascii_alphanumeric() || c == '-') {
            return Some((
                "goatcounter",
                "`goatcounter` is the site code: letters, digits and `-`".into(),
            ));
        }
        if !shaped(&self.plausible, |c| {
            c.is_ascii_alphanumeric() || matches!(c, '-' | '.')
        }) {
            return Some((
                "plausible",
                "`plausible` is the site's domain, such as `blog.example.com`".into(),
            ));
        }
        let google = self.google.strip_prefix("G-").unwrap_or("");
        if !self.google.is_empty()
            && (google.is_empty() || !google.chars().all(|c| c.is_ascii_alphanumeric()))
        {
            return Some((
                "google",
                format!(
                    "`google` is a measurement id such as `G-ABC123XYZ`, not \"{}\"",
                    self.google
                ),
            ));
        }
        None
    }

    /// The hosts the page's policy must let scripts come from, and send counts to.
    pub fn hosts(&self) -> (Vec<String>, Vec<String>) {
        let (mut scripts, mut connects) = (Vec::new(), Vec::new());
        if !self.goatcounter.is_empty() {
            scripts.push("https://gc.zgo.at".to_owned());
            connects.push(format!("https://{}.goatcounter.com", self.goatcounter));
        }
        if !self.plausible.is_empty() {
            scripts.push("https://plausible.io".to_owned());
            connects.push("https://plausible.io".to_owned());
        }
        if !self.google.is_empty() {
            scripts.push("https://www.googletagmanager.com".to_owned());
            connects.extend(
                [
                    "https://*.google-analytics.com",
                    "https://*.analytics.google.com",
                    "https://*.googletagmanager.com",
                ]
                .map(str::to_owned),
            );
        }
        (scripts, connects)
    }
}

/// The snippets that end every page; empty without a setting.
pub fn analytics_html(analytics: &Analytics) -> String {
    let mut html = String::new();
    if !analytics.goatcounter.is_empty() {
        html += &format!(
            "<script data-goatcounter=\"https://{}.goatcounter.com/count\" async \
             src=\"https://gc.zgo.at/count.js\"></script>",
            analytics.goatcounter
        );
        // count.js counts the page it loads on; the app's later pages are counted here.
        html += "<script>(function(){var p=location.pathname,push=history.pushState;\
                 history.pushState=function(){push.apply(this,arguments);\
                 if(location.pathname!==p){p=location.pathname;\
                 if(window.goatcounter&&goatcounter.count)goatcounter.count({path:p})}}})()</script>";
    }
    if !analytics.plausible.is_empty() {
        html += &format!(
            "<script defer data-domain=\"{}\" src=\"https://plausible.io/js/script.js\"></script>",
            analytics.plausible
        );
    }
    if !analytics.google.is_empty() {
        let id = &analytics.google;
        html += &format!(
            "<script async src=\"https://www.googletagmanager.com/gtag/js?id={id}\"></script>\
             <script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}\
             gtag('js',new Date());gtag('config','{id}')</script>"
        );
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_without_a_setting() {
        let none = Analytics::default();
        assert_eq!(analytics_html(&none), "");
        assert_eq!(none.hosts(), (vec![], vec![]));
        assert_eq!(none.problem(), None);
    }

    #[test]
    fn each_service_gets_its_snippet_and_hosts() {
        let all = Analytics {
            goatcounter: "my-blog".into(),
            plausible: "blog.example.com".into(),
            google: "G-ABC123".into(),
        };
        let html = analytics_html(&all);
        for part in [
            "data-goatcounter=\"https://my-blog.goatcounter.com/count\"",
            "goatcounter.count({path:p})",
            "data-domain=\"blog.example.com\" src=\"https://plausible.io/js/script.js\"",
            "gtag/js?id=G-ABC123",
            "gtag('config','G-ABC123')",
        ] {
            assert!(html.contains(part), "{part} in {html}");
        }
        let (scripts, connects) = all.hosts();
        assert_eq!(
            scripts,
            [
                "https://gc.zgo.at",
                "https://plausible.io",
                "https://www.googletagmanager.com"
            ]
        );
        assert!(connects.contains(&"https://my-blog.goatcounter.com".to_owned()));
    }

    #[test]
    fn ids_of_another_shape_are_refused() {
        for (bad, key) in [
            (
                Analytics {
                    goatcounter: "a\"><script>".into(),
                    ..Default::default()
                },
                "goatcounter",
            ),
            (
                Analytics {
                    plausible: "a b".into(),
                    ..Default::default()
                },
                "plausible",
            ),
            (
                Analytics {
                    google: "UA-1234".into(),
                    ..Default::default()
                },
                "google",
            ),
            (
                Analytics {
                    google: "G-1');alert(1)//".into(),
                    ..Default::default()
                },
                "google",
            ),
        ] {
            assert_eq!(bad.problem().map(|(key, _)| key), Some(key), "{bad:?}");
        }
    }
}
