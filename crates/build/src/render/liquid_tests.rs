use std::collections::HashMap;

use super::*;
use crate::render::images::ImageSource;
use geul_core::ui_text::KOREAN;

struct AllMedia;

impl ImageResolver for AllMedia {
    fn resolve(&self, dest: &str) -> ImageSource {
        ImageSource::Found(dest.trim_start_matches('/').to_owned())
    }
}

fn run(body: &str) -> Result<(String, LineMessages), (usize, String)> {
    let posts: HashMap<String, String> = [(
        "2023-11-20-first-post".to_owned(),
        "posts/first-post/".to_owned(),
    )]
    .into();
    let site = LiquidSite {
        base_path: "/geul/",
        base_url: "https://user.github.io/geul/",
        title: "글 모음",
        description: "설명",
        posts: &posts,
        text: &KOREAN,
    };
    let mut slots = Slots::for_source(body);
    render_liquid(body, &site, &AllMedia, &mut slots)
}

fn text(body: &str) -> String {
    run(body).unwrap().0
}

#[test]
fn site_variables_and_url_filters() {
    assert_eq!(
        text("![a]({{ site.baseurl }}/assets/a.png) {{site.url}} {{ site.title }}"),
        "![a](/geul/assets/a.png) https://user.github.io 글 모음"
    );
    assert_eq!(
        text("[x]({{ '/about/' | relative_url }}) [y]({{ \"/feed.xml\" | absolute_url }})"),
        "[x](/geul/about/) [y](https://user.github.io/geul/feed.xml)"
    );
}

#[test]
fn post_url_and_link_name_the_post_page() {
    assert_eq!(
        text("[앞 글]({{ site.baseurl }}{% post_url 2023-11-20-first-post %})"),
        "[앞 글](/geul/posts/first-post/)"
    );
    assert_eq!(
        text("[앞 글]({% link _posts/2023/2023-11-20-first-post.md %})"),
        "[앞 글](/geul/posts/first-post/)"
    );
}

#[test]
fn a_link_to_a_missing_post_fails_with_its_line() {
    let (line, message) = run("첫 줄\n\n[x]({% post_url 2020-01-01-gone %})").unwrap_err();
    assert_eq!(line, 3);
    assert!(message.contains("2020-01-01-gone"), "{message}");
}

#[test]
fn raw_keeps_its_content_verbatim_and_comments_go() {
    assert_eq!(
        text("{% raw %}{{ vue }} {% if x %}{% endraw %} 끝"),
        "{{ vue }} {% if x %} 끝"
    );
    assert_eq!(text("a{% comment %}\n비밀\n{% endcomment %}b"), "a\n\nb");
}

#[test]
fn highlight_becomes_a_fence() {
    assert_eq!(
        text("{% highlight ruby linenos %}\nputs 1\n{% endhighlight %}\n"),
        "```ruby\nputs 1\n```\n"
    );
}

#[test]
fn anything_else_is_left_out_with_a_warning_on_its_line() {
    let (out, warnings) =
        run("a {{ page.title }} b\n{% assign x = 1 %}\n{% include footer.html %}\nc").unwrap();
    assert_eq!(out, "a  b\n\n\nc");
    let lines: Vec<usize> = warnings.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [1, 2, 3]);
    assert!(warnings[0].1.contains("`{{ page.title }}`"), "{warnings:?}");
    assert!(
        warnings[1].1.contains("`{% assign x = 1 %}`"),
        "{warnings:?}"
    );
}

#[test]
fn line_numbers_survive_a_tag_over_several_lines() {
    let (out, warnings) =
        run("{% include\n  embed/youtube.html\n  id='abc' %}\n{% bad %}").unwrap();
    assert_eq!(out.matches('\n').count(), 3);
    assert_eq!(
        warnings,
        [(
            4,
            "Liquid tag `{% bad %}` is not supported and is left out".into()
        )]
    );
}

#[test]
fn embeds_are_held_for_after_sanitizing() {
    let body = "{% include embed/youtube.html id='H-B46URT4mg' %}";
    let posts = HashMap::new();
    let site = LiquidSite {
        base_path: "/",
        base_url: "https://blog.example.com/",
        title: "",
        description: "",
        posts: &posts,
        text: &KOREAN,
    };
    let mut slots = Slots::for_source(body);
    let (out, warnings) = render_liquid(body, &site, &AllMedia, &mut slots).unwrap();
    assert!(warnings.is_empty());
    assert!(out.starts_with("geulslot"), "{out}");
    let html = slots.fill(&format!("<p>{out}</p>"));
    assert!(html.starts_with("<div class=\"embed\" data-embed=\"https://www.youtube-nocookie.com/embed/H-B46URT4mg?autoplay=1\""), "{html}");
    assert!(html.contains("<a class=\"embed__play\" href=\"https://www.youtube.com/watch?v=H-B46URT4mg\">YouTube 동영상 재생</a>"), "{html}");
}

#[test]
fn an_unclosed_tag_is_left_as_text() {
    let (out, warnings) = run("값\n{{ 닫히지 않음").unwrap();
    assert_eq!(out, "값\n{{ 닫히지 않음");
    assert_eq!(
        warnings,
        [(2, "`{{` is never closed: shown as text".into())]
    );
}
