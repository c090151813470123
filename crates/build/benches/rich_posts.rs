//! What highlighting code and typesetting math cost a build: 10,000 posts, each with a
//! 24-line Rust block and two formulas, read and rendered as the build script does, against
//! the same posts with the block as plain text and math off.
//!
//!   cargo bench -p geul-build --bench rich_posts --profile build-script -- [POSTS]
//!
//! `--profile build-script` compiles it the way Cargo compiles the build script. Prints a
//! Markdown table; the figures are in docs/BUILD.md.

use std::path::Path;
use std::time::Instant;

use geul_build::parse_post;
use geul_build::SiteImages;

const CODE: &str = "use std::collections::HashMap;

/// Counts the words of a text.
fn count_words(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

fn main() {
    let text = \"하나 둘 셋 둘 셋 셋\";
    let counts = count_words(text);
    let mut words: Vec<_> = counts.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (word, count) in words {
        println!(\"{word}: {count}\");
    }
    // 끝
    assert!(true);
    let _ = 42_u32.checked_add(1);
}
";

fn post(index: usize, code: bool, math: bool) -> String {
    let language = if code { "rust" } else { "text" };
    format!(
        "---\ntitle: 글 {index}\nmath: {math}\n---\n첫 문단은 평범한 글이다. 번호는 {index}.\n\n\
         ```{language}\n{CODE}```\n\n넓이는 $$\\pi r^2$$ 이다.\n\n$$\n\\sum_{{k=1}}^{{n}} k = \\frac{{n(n+1)}}{{2}}\n$$\n"
    )
}

fn main() {
    let posts: usize = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with('-'))
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(10_000);
    let images = SiteImages::new("/nonexistent");
    println!("| posts | plain text, math off | highlighted | math on | both |");
    println!("|---:|---:|---:|---:|---:|");
    let mut times = Vec::new();
    for (code, math) in [(false, false), (true, false), (false, true), (true, true)] {
        let start = Instant::now();
        for index in 0..posts {
            let source = post(index, code, math);
            let (post, _) = parse_post(Path::new("posts/bench.md"), &source, &images).unwrap();
            std::hint::black_box(post);
        }
        times.push(start.elapsed().as_secs_f64());
    }
    println!(
        "| {posts} | {:.2} s | {:.2} s | {:.2} s | {:.2} s |",
        times[0], times[1], times[2], times[3]
    );
}
