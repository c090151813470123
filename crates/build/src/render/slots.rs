//! Markup geul writes itself (highlighted code, math, embeds) is kept out of the
//! sanitizer, which would strip its buttons, MathML and classes: the body holds a token in
//! its place while it is rendered and sanitized, and the markup is put back afterwards.
//! What a post writes still passes the sanitizer; only geul's own markup skips it.
//!
//! A token is letters and digits only, so Markdown and the sanitizer leave it alone, and
//! carries a nonce made from the post's own text, so a post cannot write one: it would
//! have to contain the hash of itself.

use sha2::{Digest, Sha256};

/// Markup held back from the sanitizer, each piece under its token.
#[derive(Debug)]
pub struct Slots {
    nonce: String,
    held: Vec<String>,
}

impl Slots {
    /// Slots for the body `source`.
    pub fn for_source(source: &str) -> Slots {
        let digest = Sha256::digest(source.as_bytes());
        let nonce = digest[..8]
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect();
        Slots {
            nonce,
            held: Vec::new(),
        }
    }

    /// Holds `html` back and returns the token that stands for it.
    pub fn hold(&mut self, html: String) -> String {
        self.held.push(html);
        self.token(self.held.len() - 1)
    }

    /// A token whose markup is given later, with [`Slots::put`], and its slot.
    pub fn reserve(&mut self) -> (String, usize) {
        let token = self.hold(String::new());
        (token, self.held.len() - 1)
    }

    /// Gives a reserved slot its markup.
    pub fn put(&mut self, slot: usize, html: String) {
        self.held[slot] = html;
    }

    fn token(&self, index: usize) -> String {
        format!("geulslot{}x{index}x", self.nonce)
    }

    /// `text` without the tokens (for the readable text that search reads).
    pub fn strip_tokens(&self, text: &str) -> String {
        if self.held.is_empty() {
            return text.to_owned();
        }
        let mut out = text.to_owned();
        for index in (0..self.held.len()).rev() {
            out = out.replace(&self.token(index), "");
        }
        out
    }

    /// Puts every held piece back into sanitized `html`. A token that Markdown made a
    /// paragraph of (a tag on a line of its own) is replaced with its paragraph.
    pub fn fill(&self, html: &str) -> String {
        if self.held.is_empty() {
            return html.to_owned();
        }
        let prefix = format!("geulslot{}x", self.nonce);
        let mut out =
            String::with_capacity(html.len() + self.held.iter().map(String::len).sum::<usize>());
        let mut rest = html;
        while let Some(at) = rest.find(&prefix) {
            let digits_start = at + prefix.len();
            let digits = rest[digits_start..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let end = digits_start + digits;
            let index = rest[digits_start..end].parse::<usize>().ok();
            let (Some(index), true) = (index, rest[end..].starts_with('x')) else {
                out.push_str(&rest[..digits_start]);
                rest = &rest[digits_start..];
                continue;
            };
            let Some(piece) = self.held.get(index) else {
                out.push_str(&rest[..end + 1]);
                rest = &rest[end + 1..];
                continue;
            };
            let mut before = &rest[..at];
            let mut after = &rest[end + 1..];
            if before.ends_with("<p>") && after.starts_with("</p>") {
                before = &before[..before.len() - 3];
                after = &after[4..];
            }
            out.push_str(before);
            out.push_str(piece);
            rest = after;
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_markup_comes_back_in_place_of_its_token() {
        let mut slots = Slots::for_source("body");
        let block = slots.hold("<div class=\"embed\"></div>".into());
        let inline = slots.hold("<math><mi>x</mi></math>".into());
        let html = format!("<p>{block}</p>\n<p>식 {inline} 끝</p>");
        assert_eq!(
            slots.fill(&html),
            "<div class=\"embed\"></div>\n<p>식 <math><mi>x</mi></math> 끝</p>"
        );
    }

    #[test]
    fn another_post_cannot_name_a_slot() {
        let mut slots = Slots::for_source("body");
        let token = slots.hold("<b>held</b>".into());
        let other = Slots::for_source("another body");
        assert_eq!(other.fill(&token), token);
        // A token with an index past what was held stays as it is.
        let unknown = token.replace("x0x", "x7x");
        assert_eq!(slots.fill(&unknown), unknown);
    }
}
