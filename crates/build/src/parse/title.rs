//! A post's title: the front matter's, or the first heading or short first line of its
//! body, which is then not shown twice.

use crate::post::Format;

/// Titles taken from a long first line are shortened to this many characters.
const SHORTENED_TITLE_CHARS: usize = 50;
/// A first line longer than this is a paragraph, not a title.
const MAX_TITLE_LINE_CHARS: usize = 80;
/// The title and, if the body's first line states it, that line's index (to hide it).
pub fn resolve_title(
    written: Option<&str>,
    body: &str,
    format: Format,
    fallback: &str,
) -> (String, Option<usize>) {
    let first_line = body
        .lines()
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty());
    // (line index, is a heading, readable text); Markdown lines are read as Markdown, so
    // `**굵게**` gives `굵게`, and an image, fence, list or table is no title at all.
    let first_text = first_line.and_then(|(index, line)| {
        if format == Format::Text {
            return Some((index, false, line.trim().to_owned()));
        }
        if let Some(heading) = heading_text(line) {
            return Some((index, true, crate::render::markdown::inline_text(heading)?));
        }
        Some((index, false, crate::render::markdown::inline_text(line)?))
    });

    if let Some(title) = written.map(str::trim).filter(|title| !title.is_empty()) {
        let repeats = first_text
            .filter(|(_, _, text)| same_title(text, title))
            .map(|(index, _, _)| index);
        return (title.to_owned(), repeats);
    }
    match first_text {
        Some((index, true, heading)) => (heading, Some(index)),
        Some((index, false, line)) if looks_like_title(&line) => (line, Some(index)),
        Some((_, false, line)) => (shorten(&line), None),
        None => (fallback.to_owned(), None),
    }
}

/// A short line that is not several sentences (a paragraph's opening line usually is).
fn looks_like_title(line: &str) -> bool {
    line.chars().count() <= MAX_TITLE_LINE_CHARS && !line.contains(". ")
}

/// The text of an ATX heading line (`## 제목 ##` → `제목`).
fn heading_text(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[hashes..];
    let is_heading =
        (1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t']));
    is_heading.then(|| rest.trim().trim_end_matches('#').trim())
}

fn same_title(line: &str, title: &str) -> bool {
    // Quotes, emphasis marks and a closing full stop do not make another title.
    let strip = |text: &str| {
        text.trim()
            .trim_matches(['*', '_', '"', '\'', '.', '。'])
            .trim()
            .to_owned()
    };
    strip(line) == strip(title)
}

/// A long first line shortened into a title: its first sentence if short, else cut.
fn shorten(line: &str) -> String {
    let sentence_end = line.find(". ").map(|at| &line[..=at]).unwrap_or(line);
    if sentence_end.chars().count() <= SHORTENED_TITLE_CHARS {
        return sentence_end.trim().to_owned();
    }
    let cut: String = line.chars().take(SHORTENED_TITLE_CHARS).collect();
    format!("{}…", cut.trim_end())
}

/// The body with one line emptied (keeping line numbers for messages).
pub fn blank_line(body: &str, line: Option<usize>) -> String {
    let Some(line) = line else {
        return body.to_owned();
    };
    body.split_inclusive('\n')
        .enumerate()
        .map(
            |(index, text)| match (index == line, text.ends_with('\n')) {
                (true, true) => "\n",
                (true, false) => "",
                (false, _) => text,
            },
        )
        .collect()
}
