use super::*;
use crate::render::images::ImageSource;
use geul_core::ui_text::{ENGLISH, KOREAN};

struct NoImages;

impl ImageResolver for NoImages {
    fn resolve(&self, _: &str) -> ImageSource {
        ImageSource::Missing
    }
}

#[test]
fn an_item_with_a_nested_list_does_not_run_into_it() {
    let body = "- 좋았던 점\n  - 매우 성장하는 팀\n- 끝\n";
    let rendered = render_markdown(
        body,
        &NoImages,
        &mut Slots::for_source(body),
        false,
        &KOREAN,
    );
    assert_eq!(rendered.text, "좋았던 점\n매우 성장하는 팀\n끝\n");
    assert_eq!(rendered.prose, rendered.text);
}

#[test]
fn the_words_geul_adds_follow_the_site_language() {
    let body = "> [!TIP]\n> Mind the version.\n\nText.[^1]\n\n![](a.png)\n\n```sh\nls\n```\n\n\
                [^1]: A note.\n";
    let mut slots = Slots::for_source(body);
    let rendered = render_markdown(body, &NoImages, &mut slots, false, &ENGLISH);
    let html = slots.fill(&rendered.html);
    for words in [
        "<p class=\"callout__label\">Tip</p>",
        "aria-label=\"Footnotes\"",
        "aria-label=\"Back to the text\"",
        "<span class=\"img-missing__label\">Image</span>",
        ">Copy code</button>",
    ] {
        assert!(html.contains(words), "{words}: {html}");
    }
    let korean = render_markdown(
        body,
        &NoImages,
        &mut Slots::for_source(body),
        false,
        &KOREAN,
    );
    assert!(korean.html.contains("<p class=\"callout__label\">팁</p>"));
}
