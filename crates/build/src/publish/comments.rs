//! Comments under a post: a placeholder at the end of its body file that names the
//! provider and the thread, which `static/enhance.js` fills with giscus's or utterances's
//! widget once the reader nears it. Nothing is fetched from the provider before that, and
//! a site without a provider gets no placeholder and no script.

use geul_core::ui_text::UiText;

use crate::config::Comments;
use crate::render::markdown::escape_html as esc;

/// The hosts each provider's script and frame come from, for the page's policy.
pub fn provider_host(provider: &str) -> Option<&'static str> {
    match provider {
        "giscus" => Some("https://giscus.app"),
        "utterances" => Some("https://utteranc.es"),
        _ => None,
    }
}

/// What marks a body that has comments, in the markup [`comments_html`] writes.
pub const COMMENTS_MARK: &str = "<section class=\"comments\"";

/// The placeholder, its heading in the site's `language`; empty when the site has no
/// comments.
pub fn comments_html(comments: &Comments, language: &str) -> String {
    if !comments.enabled() {
        return String::new();
    }
    let mapping = match comments.mapping.trim() {
        "" => "pathname",
        mapping => mapping,
    };
    let data = [
        ("provider", comments.provider.as_str()),
        ("repo", &comments.repo),
        ("repo-id", &comments.repo_id),
        ("category", &comments.category),
        ("category-id", &comments.category_id),
        ("mapping", mapping),
        ("lang", language),
    ];
    let attributes: String = data
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| format!(" data-{name}=\"{}\"", esc(value)))
        .collect();
    format!(
        "{COMMENTS_MARK} aria-label=\"{label}\"{attributes}><h2 class=\"comments__title\">{label}</h2></section>",
        label = UiText::for_language(language).comments
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_without_a_provider_gets_nothing() {
        assert_eq!(comments_html(&Comments::default(), "ko"), "");
    }

    #[test]
    fn the_placeholder_names_the_provider_and_the_thread() {
        let comments = Comments {
            provider: "giscus".into(),
            repo: "me/blog".into(),
            repo_id: "R_1".into(),
            category: "글 & 댓글".into(),
            category_id: "DIC_1".into(),
            mapping: String::new(),
        };
        assert_eq!(
            comments_html(&comments, "ko"),
            "<section class=\"comments\" aria-label=\"댓글\" data-provider=\"giscus\" \
             data-repo=\"me/blog\" data-repo-id=\"R_1\" data-category=\"글 &amp; 댓글\" \
             data-category-id=\"DIC_1\" data-mapping=\"pathname\" data-lang=\"ko\">\
             <h2 class=\"comments__title\">댓글</h2></section>"
        );
        assert_eq!(provider_host("utterances"), Some("https://utteranc.es"));
        let english = comments_html(&comments, "en");
        assert!(english.starts_with("<section class=\"comments\" aria-label=\"Comments\""));
        assert!(english.ends_with("<h2 class=\"comments__title\">Comments</h2></section>"));
    }
}
