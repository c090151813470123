//! Code blocks, highlighted when the site is built: no highlighter reaches the browser.
//!
//! The grammars are Sublime Text's, through syntect, with bat's larger set (two-face). A
//! token gets one short class for what it is (keyword, string, comment, …), never a colour,
//! so the body stylesheet gives each scheme its palette and the bodies stay small. A block
//! has a head with its language or file name and a copy button, and line numbers unless it
//! is plain text or a console, as in Chirpy.

use std::sync::OnceLock;

use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use geul_core::ui_text::UiText;

use super::markdown::escape_html;

/// One fenced code block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock<'a> {
    /// The fence's language (`rust`, `sh`, …), empty when it has none.
    pub language: &'a str,
    pub code: &'a str,
    /// Chirpy's `{: file="…" }`: shown instead of the language.
    pub file: Option<&'a str>,
    /// Chirpy's `{: .nolineno }` turns line numbers off.
    pub no_line_numbers: bool,
    /// The copy button's words, in the site's language.
    pub text: &'a UiText,
}

/// Languages whose blocks are read as they are: no colours, no line numbers.
const PLAIN: [&str; 7] = [
    "",
    "text",
    "plaintext",
    "plain",
    "console",
    "terminal",
    "shell-session",
];

/// Scope prefixes and the class of their tokens. The innermost scope that has an entry
/// decides, so `constant.character.escape` inside a string is an escape.
const CLASSES: [(&str, &str); 27] = [
    ("comment", "c"),
    ("string.regexp", "r"),
    ("string", "s"),
    ("constant.character.escape", "e"),
    ("constant.numeric", "n"),
    ("constant.language", "b"),
    ("constant", "n"),
    ("keyword.operator", "o"),
    ("keyword", "k"),
    ("storage.type", "k"),
    ("storage.modifier", "k"),
    ("storage", "k"),
    ("variable.language", "b"),
    ("variable.parameter", "v"),
    ("entity.name.function", "f"),
    ("support.function", "f"),
    ("entity.name.tag", "g"),
    ("entity.other.attribute-name", "a"),
    ("entity.name", "t"),
    ("entity.other.inherited-class", "t"),
    ("support.type", "t"),
    ("support.class", "t"),
    ("support.constant", "n"),
    ("markup.heading", "h"),
    ("markup.inserted", "i"),
    ("markup.deleted", "d"),
    ("meta.preprocessor", "m"),
];

struct Highlighter {
    syntaxes: SyntaxSet,
    classes: Vec<(Scope, &'static str)>,
}

fn highlighter() -> &'static Highlighter {
    static HIGHLIGHTER: OnceLock<Highlighter> = OnceLock::new();
    HIGHLIGHTER.get_or_init(|| Highlighter {
        syntaxes: two_face::syntax::extra_newlines(),
        classes: CLASSES
            .iter()
            .map(|(scope, class)| (Scope::new(scope).expect("a valid scope"), *class))
            .collect(),
    })
}

impl Highlighter {
    fn class_of(&self, stack: &ScopeStack) -> Option<&'static str> {
        stack.as_slice().iter().rev().find_map(|scope| {
            self.classes
                .iter()
                .find(|(prefix, _)| prefix.is_prefix_of(*scope))
                .map(|(_, class)| *class)
        })
    }

    fn syntax(&self, language: &str) -> Option<&SyntaxReference> {
        let token = match language {
            "shell" | "zsh" => "sh",
            "jsx" => "js",
            "tsx" => "ts",
            "yml" => "yaml",
            "dockerfile" => "Dockerfile",
            other => other,
        };
        self.syntaxes
            .find_syntax_by_token(token)
            .or_else(|| self.syntaxes.find_syntax_by_extension(token))
    }

    /// The code's lines, each marked up; `None` when the grammar fails on it.
    fn lines(&self, syntax: &SyntaxReference, code: &str) -> Option<Vec<String>> {
        let mut state = ParseState::new(syntax);
        let mut stack = ScopeStack::new();
        let mut lines = Vec::new();
        for line in LinesWithEndings::from(code) {
            let line = line.strip_suffix('\n').unwrap_or(line);
            let operations = state
                .parse_line(&format!("{line}\n"), &self.syntaxes)
                .ok()?;
            // Neighbouring tokens of one class share a span.
            let mut runs: Vec<(Option<&'static str>, &str)> = Vec::new();
            let mut at = 0;
            for (offset, operation) in operations {
                let offset = offset.min(line.len());
                if offset > at {
                    runs.push((self.class_of(&stack), &line[at..offset]));
                    at = offset;
                }
                stack.apply(&operation).ok()?;
            }
            runs.push((self.class_of(&stack), &line[at..]));
            let mut out = String::new();
            let mut run = 0;
            while run < runs.len() {
                let class = runs[run].0;
                let mut text = String::new();
                while run < runs.len() && runs[run].0 == class {
                    text.push_str(runs[run].1);
                    run += 1;
                }
                match class {
                    Some(class) => {
                        out += &format!("<span class=\"{class}\">{}</span>", escape_html(&text))
                    }
                    None => out += &escape_html(&text),
                }
            }
            lines.push(out);
        }
        Some(lines)
    }
}

/// A language's name as a reader knows it.
fn label(language: &str, syntax: Option<&SyntaxReference>) -> String {
    match language {
        "" | "text" | "plaintext" | "plain" => String::new(),
        "console" | "terminal" | "shell-session" => "Console".to_owned(),
        "sh" | "bash" | "shell" | "zsh" => "Shell".to_owned(),
        _ => syntax.map_or_else(
            || language.to_owned(),
            |syntax| {
                // `Bourne Again Shell (bash)`, `JavaScript (Babel)` → their first words.
                let name = syntax.name.split(" (").next().unwrap_or(&syntax.name);
                name.to_owned()
            },
        ),
    }
}

/// The block's markup. The lines are `<span class="line">`s, numbered by the stylesheet,
/// so neither copying nor selecting picks the numbers up.
pub fn code_block_html(block: &CodeBlock) -> String {
    let language = block.language.trim().to_ascii_lowercase();
    let highlighter = highlighter();
    let plain = PLAIN.contains(&language.as_str());
    let syntax = if plain {
        None
    } else {
        highlighter.syntax(&language)
    };
    let lines = syntax
        .and_then(|syntax| highlighter.lines(syntax, block.code))
        .unwrap_or_else(|| {
            LinesWithEndings::from(block.code)
                .map(|line| escape_html(line.strip_suffix('\n').unwrap_or(line)))
                .collect()
        });
    let title = match block.file {
        Some(file) => format!("<span class=\"code__file\">{}</span>", escape_html(file)),
        None => format!(
            "<span class=\"code__language\">{}</span>",
            escape_html(&label(&language, syntax))
        ),
    };
    let numbered = !plain && !block.no_line_numbers;
    let mut html = format!(
        "<div class=\"code\"><div class=\"code__head\">{title}\
         <button type=\"button\" class=\"code__copy\" data-copied=\"{}\">{}</button></div>\
         <pre class=\"code__body{}\"><code>",
        block.text.code_copied,
        block.text.code_copy,
        if numbered {
            " code__body--numbered"
        } else {
            ""
        }
    );
    for line in lines {
        html += "<span class=\"line\">";
        html += &line;
        html += "</span>\n";
    }
    html += "</code></pre></div>";
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use geul_core::ui_text::KOREAN;

    fn block(language: &str, code: &str) -> String {
        code_block_html(&CodeBlock {
            language,
            code,
            file: None,
            no_line_numbers: false,
            text: &KOREAN,
        })
    }

    #[test]
    fn tokens_get_classes_not_colours() {
        let html = block("rust", "fn main() { let s = \"글\"; } // 끝\n");
        assert!(html.contains("<span class=\"k\">fn</span>"), "{html}");
        assert!(html.contains("<span class=\"f\">main</span>"), "{html}");
        assert!(
            html.contains("<span class=\"s\">&quot;글&quot;</span>"),
            "{html}"
        );
        assert!(html.contains("<span class=\"c\">// 끝</span>"), "{html}");
        assert!(!html.contains("style="), "{html}");
        assert!(
            html.contains("<span class=\"code__language\">Rust</span>"),
            "{html}"
        );
        assert!(html.contains("code__body--numbered"), "{html}");
    }

    #[test]
    fn plain_and_console_blocks_have_no_colours_or_numbers() {
        for language in ["", "plaintext", "console"] {
            let html = block(language, "$ cargo test\nok <3\n");
            assert!(!html.contains("--numbered"), "{html}");
            assert!(
                html.contains("<span class=\"line\">ok &lt;3</span>\n"),
                "{html}"
            );
        }
        assert!(block("console", "x").contains(">Console</span>"));
    }

    #[test]
    fn a_file_name_replaces_the_language_and_nolineno_is_honoured() {
        let html = code_block_html(&CodeBlock {
            language: "sh",
            code: "echo 안녕\n",
            file: Some("run.sh"),
            no_line_numbers: true,
            text: &KOREAN,
        });
        assert!(
            html.contains("<span class=\"code__file\">run.sh</span>"),
            "{html}"
        );
        assert!(!html.contains("--numbered"), "{html}");
        assert!(
            html.contains("<button type=\"button\" class=\"code__copy\""),
            "{html}"
        );
    }

    #[test]
    fn an_unknown_language_is_shown_as_written() {
        let html = block("brainfudge", "+++.\n");
        assert!(html.contains(">brainfudge</span>"), "{html}");
        assert!(html.contains("<span class=\"line\">+++.</span>"), "{html}");
    }
}
