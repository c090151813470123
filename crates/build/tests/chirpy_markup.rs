//! kramdown attribute lists and Chirpy's classes in a post moved from a Jekyll blog:
//! what geul knows is styled, anything else is removed with a warning on its line, and no
//! `{: … }` is ever shown as text.

mod common;

use common::parse;

fn render(body: &str) -> (String, Vec<String>) {
    let (post, warnings) = parse("posts/a.md", &format!("---\ntitle: 글\n---\n{body}")).unwrap();
    let warnings = warnings.iter().map(ToString::to_string).collect();
    (post.html, warnings)
}

#[test]
fn prompt_classes_make_labelled_callouts() {
    for (class, name, label) in [
        ("prompt-tip", "tip", "팁"),
        ("prompt-info", "info", "정보"),
        ("prompt-warning", "warning", "주의"),
        ("prompt-danger", "danger", "위험"),
    ] {
        let (html, warnings) = render(&format!("> 알아 두면 좋은 것\n{{: .{class} }}\n"));
        assert_eq!(
            html,
            format!(
                "<div class=\"callout callout--{name}\" role=\"note\" aria-label=\"{label}\">\
                 <p class=\"callout__label\">{label}</p>\n<p>알아 두면 좋은 것</p>\n</div>"
            )
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

#[test]
fn github_alerts_are_callouts_too() {
    let (html, _) = render("> [!WARNING]\n> 조심\n");
    assert!(
        html.starts_with("<div class=\"callout callout--warning\" role=\"note\""),
        "{html}"
    );
    assert!(html.contains("<p>조심</p>"), "{html}");
}

#[test]
fn image_lists_give_size_and_classes() {
    let (html, warnings) =
        render("![화면](https://example.com/a.png){: w=\"700\" h=\"400\" .shadow .w-75 }\n");
    assert!(
        html.contains("<img src=\"https://example.com/a.png\" alt=\"화면\" loading=\"lazy\" width=\"700\" height=\"400\" class=\"shadow w-75\">"),
        "{html}"
    );
    assert!(!html.contains("{:"), "{html}");
    assert!(warnings.is_empty(), "{warnings:?}");
    // On the line after the image's paragraph, too; `.dark` shows it in that scheme only.
    let (html, _) = render("![밤](https://example.com/b.png)\n{: .dark }\n");
    assert!(html.contains("class=\"dark\""), "{html}");
}

#[test]
fn inline_code_with_filepath_is_a_file_path() {
    let (html, warnings) = render("설정은 `_config.yml`{: .filepath} 에 있다.\n");
    assert_eq!(
        html,
        "<p>설정은 <code class=\"filepath\">_config.yml</code> 에 있다.</p>\n"
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn a_code_block_names_its_file() {
    let (html, warnings) = render("```sh\necho 안녕\n```\n{: file=\"hello.sh\" .nolineno }\n");
    assert!(
        html.starts_with(
            "<div class=\"code\"><div class=\"code__head\"><span class=\"code__file\">hello.sh</span>"
        ),
        "{html}"
    );
    assert!(
        html.contains("<pre class=\"code__body\"><code>"),
        "no line numbers: {html}"
    );
    assert!(!html.contains("{:"), "{html}");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn code_is_highlighted_with_classes_and_its_text_is_searchable() {
    let (post, _) = parse(
        "posts/a.md",
        "---\ntitle: 글\n---\n```python\nprint('안녕')\n```\n",
    )
    .unwrap();
    assert!(
        post.html.contains("<span class=\"f\">print</span>"),
        "{}",
        post.html
    );
    assert!(
        post.html
            .contains("class=\"code__body code__body--numbered\""),
        "{}",
        post.html
    );
    assert!(post.text.contains("print('안녕')"), "{}", post.text);
    assert!(!post.text.contains("geulslot"), "{}", post.text);
}

#[test]
fn a_mermaid_block_is_a_diagram_whose_body_loads_the_script() {
    let (post, warnings) = parse(
        "posts/a.md",
        "---\ntitle: 글\n---\n첫 문단\n\n```mermaid\ngraph TD\n  가 --> 나\n```\n",
    )
    .unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        post.html.contains(
            "<figure class=\"diagram\"><pre class=\"diagram__source\"><code>graph TD\n  \
             가 --&gt; 나</code></pre></figure>"
        ),
        "{}",
        post.html
    );
    assert!(post.has_diagram());
    assert!(
        !post.text.contains("graph TD"),
        "not searchable: {}",
        post.text
    );
    let file = post.body_file();
    assert!(
        file.contains("<script type=\"module\" src=\"content/enhance-"),
        "{file}"
    );
    let (plain, _) = parse("posts/b.md", "---\ntitle: 글\n---\n그림 없음\n").unwrap();
    assert!(!plain.has_diagram());
    assert!(!plain.body_file().contains("<script"));
}

#[test]
fn a_post_cannot_pass_for_a_diagram() {
    let (html, _) =
        render("<figure class=\"diagram\"><pre class=\"diagram__source\">x</pre></figure>\n");
    assert!(!html.contains("class="), "{html}");
}

#[test]
fn any_other_list_is_removed_with_a_warning_on_its_line() {
    let (html, warnings) =
        render("문단\n{: .text-center }\n\n> 인용\n{: #quote }\n\n끝 `x`{: .unknown}\n");
    assert!(!html.contains("{:"), "{html}");
    assert!(html.contains("<p>문단</p>"), "{html}");
    assert_eq!(
        warnings,
        [
            "posts/a.md:4: attribute list `{: .text-center }` is not supported here and is left out",
            "posts/a.md:7: attribute list `{: #quote }` is not supported here and is left out",
            "posts/a.md:10: attribute list `{: .unknown}` is not supported here and is left out",
        ]
    );
}

fn render_math(body: &str) -> (String, Vec<String>) {
    let (post, warnings) = parse(
        "posts/a.md",
        &format!("---\ntitle: 글\nmath: true\n---\n{body}"),
    )
    .unwrap();
    (
        post.html,
        warnings.iter().map(ToString::to_string).collect(),
    )
}

#[test]
fn math_is_mathml_displayed_alone_and_inline_in_text() {
    let (html, warnings) =
        render_math("넓이는 $$\\pi r^2$$ 이다.\n\n$$\nE = mc^2\n$$\n\n값은 $5 또는 $10.\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(html.contains("<p>넓이는 <math><mi>π</mi>"), "{html}");
    assert!(
        html.contains("<math display=\"block\"><mi>E</mi>"),
        "{html}"
    );
    assert!(
        !html.contains("<p><math display"),
        "a displayed formula is not in a paragraph: {html}"
    );
    assert!(
        html.contains("값은 $5 또는 $10."),
        "a single $ is a dollar: {html}"
    );
}

#[test]
fn equations_are_numbered_and_referenced_across_the_post() {
    let (html, warnings) = render_math(
        "앞에서 \\eqref{eq:energy} 를 본다.\n\n$$\n\\begin{equation}\nE = mc^2 \\label{eq:energy}\n\\end{equation}\n$$\n",
    );
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        html.contains("href=\"posts/a/#math-eq:energy\">(1)</a>"),
        "{html}"
    );
    assert!(html.contains("id=\"math-eq:energy\""), "{html}");
    // A reference is a link in the text, not a control inside `<math>`.
    assert!(
        html.contains("앞에서 <a href=\"posts/a/#math-eq:energy\">(1)</a> 를 본다."),
        "{html}"
    );
    assert!(html.contains("<mtext>(1)</mtext>"), "{html}");
}

#[test]
fn a_formula_that_cannot_be_typeset_shows_its_source_with_a_warning() {
    let (html, warnings) = render_math("첫 줄\n\n$$\n\\frac{1}\n$$\n");
    assert!(
        html.contains("<code class=\"math-source\">\\frac{1}</code>"),
        "{html}"
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with("posts/a.md:7: this formula could not be typeset"),
        "{warnings:?}"
    );
}

#[test]
fn without_math_true_dollars_stay_text() {
    let (html, _) = render("$$x$$ 그대로\n");
    assert_eq!(html, "<p>$$x$$ 그대로</p>\n");
}

#[test]
fn the_lead_and_contents_come_before_the_text() {
    let source = "---\ntitle: 글\ndescription: 한 줄 소개\nauthor: 구국원\n\
                  last_modified_at: 2024-03-09\nimage:\n  path: https://example.com/cover.png\n  \
                  alt: 표지\n  lqip: data:image/webp;base64,AAAA\n---\n\
                  ## 처음\n본문\n### 자세히\n더\n## 숨김\n{: data-toc-skip='' }\n끝\n";
    let (post, warnings) = parse("posts/2024-03-01-lead.md", source).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let html = &post.html;
    let description = html
        .find("<p class=\"post-lead__description\">한 줄 소개</p>")
        .unwrap();
    let facts = html
        .find("<span>수정 <time datetime=\"2024-03-09\">2024년 3월 9일</time></span><span>글쓴이 구국원</span>")
        .unwrap();
    let cover = html
        .find("<img src=\"https://example.com/cover.png\" alt=\"표지\"></figure>")
        .unwrap();
    let contents = html
        .find("<nav class=\"toc\" aria-label=\"목차\">")
        .unwrap();
    let text = html.find("<h2 id=\"처음\">").unwrap();
    assert!(
        description < facts && facts < cover && cover < contents && contents < text,
        "{html}"
    );
    assert!(html.contains("<li><a href=\"posts/lead/#처음\">처음</a><ol><li><a href=\"posts/lead/#자세히\">자세히</a></li></ol></li></ol>"), "{html}");
    assert!(!html[contents..text].contains("숨김"), "{html}");
    assert!(
        html.contains("<h2 id=\"숨김\" data-toc-skip=\"\">숨김<a class=\"heading-anchor\""),
        "{html}"
    );
    // Not part of what search reads.
    assert!(
        !post.text.contains("한 줄 소개") && !post.text.contains("목차"),
        "{}",
        post.text
    );

    let (post, _) = parse(
        "posts/b.md",
        &source.replace("title: 글\n", "title: 글\ntoc: false\n"),
    )
    .unwrap();
    assert!(!post.html.contains("class=\"toc\""), "{}", post.html);
}

#[test]
fn an_italic_line_after_an_image_is_its_caption() {
    let (html, warnings) =
        render("![화면](https://example.com/a.png){: .shadow }\n_설정 화면_\n\n_그냥 기울임_\n");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        html.starts_with(
            "<figure><img src=\"https://example.com/a.png\" alt=\"화면\" loading=\"lazy\" class=\"shadow\">\
             <figcaption>설정 화면</figcaption></figure>"
        ),
        "{html}"
    );
    assert!(html.contains("<p><em>그냥 기울임</em></p>"), "{html}");
}
