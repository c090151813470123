//! Posts written to be slow: deep nesting, long runs of one construct, huge front matter.
//! Shared by the timing benchmark (`benches/hostile_posts.rs`) and the host tests that hold
//! what each one renders to (`tests/hostile_posts.rs`).

/// One hostile post: a name for tables and the file's text.
pub struct Case {
    pub name: &'static str,
    pub source: String,
}

/// About a megabyte: the size every post must be processed in under a second.
pub const MEGABYTE: usize = 1_000_000;

fn times(unit: &str, count: usize) -> String {
    unit.repeat(count)
}

/// Enough whole `unit`s to fill about a megabyte.
fn fill(unit: &str) -> String {
    unit.repeat(MEGABYTE / unit.len())
}

/// Every case, small sizes (those first reported) before their one-megabyte versions.
pub fn all() -> Vec<Case> {
    let case = |name, source| Case { name, source };
    let korean_paragraph = "회사에서 처음 맡은 일은 모델을 배포하는 파이프라인을 고치는 것이었다. \
                            테스트가 없어서 하나씩 써 가며 구조를 익혔다.\n\n";
    vec![
        case("stars-80k", times("* ", 80_000) + "a"),
        case("stars-1mb", fill("* ") + "a"),
        case("nested-list-100k", times("- ", 100_000) + "a"),
        case("ordered-list-1mb", fill("1. ") + "a"),
        case(
            "indented-list-1mb",
            (0..2_000)
                .map(|depth| format!("{}- 단계\n", "  ".repeat(depth % 250)))
                .collect::<String>()
                .repeat(2),
        ),
        case("quotes-10k", times(">", 10_000) + " a"),
        case("quotes-1mb", fill(">") + " a"),
        case("quote-list-1mb", fill("> - ") + "a"),
        case("headings-3k", times("## 같은 제목\n\n", 3_000)),
        case("headings-1mb", fill("## 같은 제목\n\n")),
        case("amp-200k", times("&amp;", 200_000)),
        case("entities-1mb", fill("&#xAC00;&lt;&nbsp;")),
        case("divs-50k", times("<div>", 50_000)),
        case("divs-1mb", fill("<div>")),
        case("inline-tags-1mb", format!("글 {}", fill("<b><i>"))),
        case("closing-tags-1mb", fill("</div>")),
        case(
            "brackets-40k",
            format!(
                "---\ntitle: 괄호\nextra: {}{}\n---\n본문\n",
                times("[", 40_000),
                times("]", 40_000)
            ),
        ),
        case(
            "brackets-1mb",
            format!(
                "---\ntitle: 괄호\nextra: {}{}\n---\n본문\n",
                times("[", MEGABYTE / 2),
                times("]", MEGABYTE / 2)
            ),
        ),
        case(
            "braces-1mb",
            format!(
                "---\ntitle: 중괄호\nextra: {}\n---\n본문\n",
                times("{a: ", MEGABYTE / 8) + &times("}", MEGABYTE / 8)
            ),
        ),
        case(
            "tags-100k",
            format!(
                "---\ntitle: 태그\ntags: [{}]\n---\n본문\n",
                (0..100_000)
                    .map(|n| format!("t{n}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        case(
            "script-mentions-1mb",
            fill("<script> 태그를 설명합니다\n\n"),
        ),
        case("script-inline-1mb", fill("본문 <script> 과 <style> 사이 ")),
        case("footnotes-1mb", fill("본문[^n] 그리고\n\n[^n]: 주석\n\n")),
        case("emphasis-1mb", fill("*a _b ")),
        case(
            "nested-emphasis-1mb",
            times("*", MEGABYTE / 2 - 1) + "a" + &times("*", MEGABYTE / 2 - 1),
        ),
        case("links-1mb", fill("[링크](https://example.com/a) ")),
        case("open-brackets-1mb", fill("[a")),
        case(
            "backticks-1mb",
            (1..1_400).map(|n| "`".repeat(n) + " ").collect(),
        ),
        case(
            "table-1mb",
            format!(
                "|{}\n|{}\n",
                "a|".repeat(MEGABYTE / 4),
                "-|".repeat(MEGABYTE / 4)
            ),
        ),
        case("prose-1mb", fill(korean_paragraph)),
        case("one-line-1mb", fill("가")),
        case("control-chars-1mb", fill("글\u{1}\u{8}\u{b}")),
        case(
            "cr-only-1mb",
            format!("---\r제목: x\r---\r{}", fill("줄\r")),
        ),
    ]
}
