use super::*;
use crate::render::images::ImageSource;

struct NoImages;

impl ImageResolver for NoImages {
    fn resolve(&self, _: &str) -> ImageSource {
        ImageSource::Missing
    }
}

#[test]
fn an_item_with_a_nested_list_does_not_run_into_it() {
    let body = "- 좋았던 점\n  - 매우 성장하는 팀\n- 끝\n";
    let rendered = render_markdown(body, &NoImages, &mut Slots::for_source(body), false);
    assert_eq!(rendered.text, "좋았던 점\n매우 성장하는 팀\n끝\n");
    assert_eq!(rendered.prose, rendered.text);
}
