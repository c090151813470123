//! Heading ids: a slug of the heading's text (`## 새로운 도전` → `새로운-도전`), unique in
//! the post and never one of the page's own ids ([`geul_core::dom_ids`]).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::parse::slug::slugify;
use geul_core::dom_ids::RESERVED;

/// Gives every heading without an id one. Linear in the number of headings, however many
/// share a text: each text remembers the next number to try.
pub fn assign_heading_ids(events: &mut [Event]) {
    let mut used: HashSet<String> = RESERVED.iter().map(|id| (*id).to_owned()).collect();
    let mut next_number: HashMap<String, usize> = HashMap::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[index] {
            let mut heading_text = String::new();
            for event in &events[index + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => heading_text.push_str(t),
                    _ => {}
                }
            }
            let base = match slugify(&heading_text) {
                slug if slug.is_empty() => "section".to_owned(),
                slug => slug,
            };
            let mut candidate = base.clone();
            if used.contains(&candidate) {
                let number = next_number.entry(base.clone()).or_insert(1);
                loop {
                    candidate = format!("{base}-{number}");
                    *number += 1;
                    if !used.contains(&candidate) {
                        break;
                    }
                }
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                *id = Some(CowStr::from(candidate.clone()));
            }
            used.insert(candidate);
        }
        index += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn ids(markdown: &str) -> Vec<String> {
        let mut events: Vec<Event> = Parser::new(markdown).collect();
        assign_heading_ids(&mut events);
        events
            .iter()
            .filter_map(|event| match event {
                Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn repeated_and_numbered_texts_stay_unique() {
        assert_eq!(
            ids("## 회고\n## 회고\n## 회고-1\n## 회고\n"),
            ["회고", "회고-1", "회고-1-1", "회고-2"]
        );
    }

    #[test]
    fn the_page_own_ids_are_never_taken() {
        assert_eq!(
            ids("### geul\n## Main\n## !!\n"),
            ["geul-1", "main-1", "section"]
        );
    }
}
