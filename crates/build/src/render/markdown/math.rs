//! Math in `math: true` posts, typeset to MathML Core when the site is built: the browser
//! draws it with no script and no web font. kramdown's rules: `$$…$$` alone in its
//! paragraph is a displayed formula, inside text an inline one; `\[…\]` and `\(…\)` too.
//! A single `$` is just a dollar. Equations are numbered (`\begin{equation}`, `\label`,
//! `\eqref`) across the whole post, so a reference may come before its equation.

use math_core::{LatexToMathML, MathCoreConfig, MathDisplay};

use super::escape_html;
use crate::render::slots::Slots;

/// The formulas of one post, in order, each standing in the body as a token.
#[derive(Default)]
pub struct Formulas {
    found: Vec<Formula>,
}

struct Formula {
    latex: String,
    display: MathDisplay,
    /// 1-based line in the body, for a warning.
    line: usize,
    slot: usize,
}

impl Formulas {
    /// Takes a formula and returns the token that stands for it until [`Formulas::typeset`].
    pub fn push(
        &mut self,
        latex: &str,
        display: MathDisplay,
        line: usize,
        slots: &mut Slots,
    ) -> String {
        let (token, slot) = slots.reserve();
        self.found.push(Formula {
            latex: latex.trim().to_owned(),
            display,
            line,
            slot,
        });
        token
    }

    /// Typesets every formula into its slot. One the converter cannot read is shown as its
    /// source, in code, with a warning (line, message).
    pub fn typeset(self, slots: &mut Slots) -> Vec<(usize, String)> {
        if self.found.is_empty() {
            return Vec::new();
        }
        let converter =
            LatexToMathML::new(MathCoreConfig::default()).expect("the default configuration");
        let snippets: Vec<(&str, MathDisplay)> = self
            .found
            .iter()
            .map(|formula| (formula.latex.as_str(), formula.display))
            .collect();
        let mut warnings = Vec::new();
        for (formula, result) in self.found.iter().zip(converter.convert_all(&snippets)) {
            let html = match result {
                // Equation anchors must not meet heading ids or the page's own.
                Ok(converted) => {
                    let mathml = converted
                        .mathml
                        .replace(" id=\"", " id=\"math-")
                        .replace(" href=\"#", " href=\"#math-");
                    reference_alone(&mathml).map_or(mathml.clone(), str::to_owned)
                }
                Err(error) => {
                    warnings.push((
                        formula.line,
                        format!(
                            "this formula could not be typeset ({error}); its source is shown instead"
                        ),
                    ));
                    let code = format!(
                        "<code class=\"math-source\">{}</code>",
                        escape_html(&formula.latex)
                    );
                    match formula.display {
                        MathDisplay::Block => format!("<p>{code}</p>"),
                        MathDisplay::Inline => code,
                    }
                }
            };
            slots.put(formula.slot, html);
        }
        warnings
    }
}

/// The link of a formula that is nothing but a reference (`\eqref{…}`): a link inside
/// `<math>` is a control inside an element whose children are not, which assistive
/// technology may not reach, so the link stands alone in the text.
fn reference_alone(mathml: &str) -> Option<&str> {
    let inner = mathml.strip_prefix("<math")?;
    let inner = &inner[inner.find('>')? + 1..];
    let inner = inner.strip_suffix("</math>")?;
    let link = inner.strip_prefix("<mtext>")?.strip_suffix("</mtext>")?;
    let single =
        link.starts_with("<a ") && link.ends_with("</a>") && link.matches("<a ").count() == 1;
    single.then_some(link)
}

/// Takes `\[…\]`, `\(…\)` and a bare `\eqref{…}`/`\ref{…}` out of the prose of `body`
/// (never out of code), leaving tokens; the lines stay where they were.
pub fn take_bracketed_math(body: &str, formulas: &mut Formulas, slots: &mut Slots) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<String> = None;
    let mut lines = body.split_inclusive('\n').enumerate().peekable();
    while let Some((index, line)) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(open) = &fence {
            if trimmed.starts_with(open.as_str()) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            let marker = &trimmed[..3];
            fence = Some(marker.to_owned());
            out.push_str(line);
            continue;
        }
        // A displayed formula may run over several lines: gather them to its end.
        let mut text = line.to_owned();
        if opens_display(line) {
            while !text.contains("\\]") {
                match lines.next() {
                    Some((_, more)) => text.push_str(more),
                    None => break,
                }
            }
        }
        out.push_str(&prose_math(&text, index + 1, formulas, slots));
    }
    out
}

fn opens_display(line: &str) -> bool {
    let outside_code: String = line.split('`').step_by(2).collect();
    outside_code.contains("\\[") && !outside_code.contains("\\]")
}

/// One stretch of prose: formulas outside its code spans replaced by tokens.
fn prose_math(text: &str, line: usize, formulas: &mut Formulas, slots: &mut Slots) -> String {
    let mut out = String::with_capacity(text.len());
    for (part, piece) in text.split('`').enumerate() {
        if part > 0 {
            out.push('`');
        }
        if part % 2 == 1 {
            out.push_str(piece);
            continue;
        }
        let mut rest = piece;
        while let Some((at, close, display)) = next_formula(rest) {
            out.push_str(&rest[..at]);
            let inner = &rest[at + 2..close];
            let (latex, end) = if display == Delimiter::Reference {
                let end = at + whole_reference(&rest[at..]);
                (&rest[at..end], end)
            } else {
                (inner, close + 2)
            };
            let mode = match display {
                Delimiter::Display => MathDisplay::Block,
                _ => MathDisplay::Inline,
            };
            out.push_str(&formulas.push(latex, mode, line, slots));
            // The formula's line breaks stay, after its token.
            out.extend(std::iter::repeat_n(
                '\n',
                rest[at..end].matches('\n').count(),
            ));
            rest = &rest[end..];
        }
        out.push_str(rest);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Delimiter {
    Inline,
    Display,
    Reference,
}

/// The next formula in `text`: where it starts, where its closing delimiter starts, and
/// its kind.
fn next_formula(text: &str) -> Option<(usize, usize, Delimiter)> {
    let mut from = 0;
    while let Some(found) = text[from..].find('\\') {
        let at = from + found;
        let after = &text[at + 1..];
        let kind = if after.starts_with('(') {
            Some((Delimiter::Inline, "\\)"))
        } else if after.starts_with('[') {
            Some((Delimiter::Display, "\\]"))
        } else if after.starts_with("eqref{") || after.starts_with("ref{") {
            Some((Delimiter::Reference, "}"))
        } else {
            None
        };
        if let Some((kind, closing)) = kind {
            if let Some(close) = text[at + 2..].find(closing) {
                return Some((at, at + 2 + close, kind));
            }
        }
        from = at + 1 + after.chars().next().map_or(0, char::len_utf8);
    }
    None
}

/// The length of `\eqref{…}` at the start of `text`.
fn whole_reference(text: &str) -> usize {
    text.find('}').map_or(text.len(), |at| at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typeset(body: &str) -> (String, Vec<(usize, String)>) {
        let mut slots = Slots::for_source(body);
        let mut formulas = Formulas::default();
        let text = take_bracketed_math(body, &mut formulas, &mut slots);
        let warnings = formulas.typeset(&mut slots);
        (slots.fill(&text), warnings)
    }

    #[test]
    fn brackets_are_typeset_and_code_is_left_alone() {
        let (html, warnings) = typeset("식 \\(a^2\\) 과 `\\(b\\)`\n\\[\nx = 1\n\\]\n끝\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(
            html.starts_with("식 <math><msup><mi>a</mi><mn>2</mn></msup></math> 과 `\\(b\\)`\n"),
            "{html}"
        );
        assert!(html.contains("<math display=\"block\">"), "{html}");
        assert!(html.ends_with("\n\n\n끝\n"), "the lines stay: {html:?}");
    }

    #[test]
    fn a_formula_the_converter_cannot_read_is_shown_as_its_source() {
        let (html, warnings) = typeset("\\(\\frac{1}\\)\n");
        assert!(
            html.contains("<code class=\"math-source\">\\frac{1}</code>"),
            "{html}"
        );
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, 1);
    }
}
