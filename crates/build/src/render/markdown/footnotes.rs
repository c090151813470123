//! Footnotes as Chirpy and GitHub show them: a numbered reference that links to its note,
//! and the notes gathered at the end of the post, each linking back. Ids start with
//! `fn:` and `fnref:` ([`geul_core::dom_ids`]), which no heading id can hold.

use std::collections::HashMap;

use pulldown_cmark::{CowStr, Event, TagEnd};

use geul_core::dom_ids::{FOOTNOTE_PREFIX, FOOTNOTE_REFERENCE_PREFIX};
use geul_core::ui_text::UiText;

/// Numbers notes by their first reference and keeps their text for the end of the post.
#[derive(Default)]
pub struct Footnotes<'a> {
    numbers: HashMap<String, usize>,
    /// How many references each note has had so far, by number.
    references: HashMap<usize, usize>,
    /// Every note's events, by number.
    notes: HashMap<usize, Vec<Event<'a>>>,
    /// The note being read, if any.
    current: Option<usize>,
}

/// Labels match without regard to case or runs of spaces, as in GitHub's Markdown.
fn normalize(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Footnotes<'a> {
    fn number(&mut self, label: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(normalize(label)).or_insert(next)
    }

    /// The reference's markup: `<sup><a href="#fn:1" id="fnref:1">1</a></sup>`; a note's
    /// second reference gets the id `fnref:1:2`.
    pub fn reference(&mut self, label: &str) -> Event<'a> {
        let number = self.number(label);
        let count = self.references.entry(number).or_default();
        *count += 1;
        let id = match *count {
            1 => format!("{FOOTNOTE_REFERENCE_PREFIX}{number}"),
            nth => format!("{FOOTNOTE_REFERENCE_PREFIX}{number}:{nth}"),
        };
        Event::InlineHtml(CowStr::from(format!(
            "<sup class=\"footnote-ref\"><a href=\"#{FOOTNOTE_PREFIX}{number}\" id=\"{id}\">{number}</a></sup>"
        )))
    }

    /// Starts keeping a note's events (see [`Footnotes::keep`]).
    pub fn start_note(&mut self, label: &str) {
        let number = self.number(label);
        self.current = Some(number);
        self.notes.entry(number).or_default();
    }

    /// While a note is being read, takes its events; gives back any other event.
    pub fn keep(&mut self, event: Event<'a>) -> Option<Event<'a>> {
        let Some(number) = self.current else {
            return Some(event);
        };
        if let Event::End(TagEnd::FootnoteDefinition) = event {
            self.current = None;
            return None;
        }
        self.notes.get_mut(&number).expect("started").push(event);
        None
    }

    /// The notes, in number order, as a list closing the post. The section and each note's
    /// link back are named for screen readers, in the site's language.
    pub fn into_section(mut self, ui_text: &UiText) -> Vec<Event<'a>> {
        if self.notes.is_empty() {
            return Vec::new();
        }
        let mut numbers: Vec<usize> = self.notes.keys().copied().collect();
        numbers.sort_unstable();
        let mut events = vec![Event::Html(CowStr::from(format!(
            "<section class=\"footnotes\" aria-label=\"{}\"><ol>",
            ui_text.footnotes
        )))];
        for number in numbers {
            let mut note = self.notes.remove(&number).expect("listed");
            let back = Event::InlineHtml(CowStr::from(format!(
                " <a class=\"footnote-back\" href=\"#{FOOTNOTE_REFERENCE_PREFIX}{number}\" \
                 aria-label=\"{}\">↩</a>",
                ui_text.footnote_back
            )));
            // Inside the note's last paragraph, so the arrow follows its text.
            match note
                .iter()
                .rposition(|event| matches!(event, Event::End(TagEnd::Paragraph)))
            {
                Some(last) if self.references.contains_key(&number) => note.insert(last, back),
                None if self.references.contains_key(&number) => note.push(back),
                _ => {}
            }
            events.push(Event::Html(CowStr::from(format!(
                "<li id=\"{FOOTNOTE_PREFIX}{number}\">"
            ))));
            events.extend(note);
            events.push(Event::Html(CowStr::from("</li>")));
        }
        events.push(Event::Html(CowStr::from("</ol></section>")));
        events
    }
}
