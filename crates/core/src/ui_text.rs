//! Every word geul shows a reader, in each language the interface speaks: what the build
//! writes into the pages (callout labels, embeds, code blocks, the lead, the foot of the
//! page) and what the app's views render. A site picks its table by `language` in
//! `site.toml` ([`UiText::for_language`]); the app learns it from the embedded index.

mod english;
mod korean;

pub use english::{ENGLISH, ENGLISH_APP};
pub use korean::{KOREAN, KOREAN_APP};

use crate::model::PostDate;

/// A number with the words around it (`글 3개`, `3 posts`), which may differ for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counted {
    pub before: &'static str,
    /// After the number when it is 1, and otherwise.
    pub after_one: &'static str,
    pub after_many: &'static str,
}

impl Counted {
    /// What follows `count`.
    pub fn after(&self, count: usize) -> &'static str {
        if count == 1 {
            self.after_one
        } else {
            self.after_many
        }
    }

    /// `count` with its words.
    pub fn of(&self, count: usize) -> String {
        format!("{}{count}{}", self.before, self.after(count))
    }
}

/// How a language writes a calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// `2021년 2월 1일`
    Korean,
    /// `Feb 1, 2021`
    English,
}

/// One language's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UiText {
    /// Labels of Chirpy's `prompt-tip`, `prompt-info`, `prompt-warning`, `prompt-danger`.
    pub callout_tip: &'static str,
    pub callout_info: &'static str,
    pub callout_warning: &'static str,
    pub callout_danger: &'static str,
    /// An embedded video before anything is fetched from its host: a link to the video
    /// there, which the body script turns into the player; `{host}` is the service's name.
    pub embed_play: &'static str,
    /// A code block's copy button, and what it announces once the code is copied.
    pub code_copy: &'static str,
    pub code_copied: &'static str,
    /// `수정 2024년 3월 9일`: before a post's last-modified date.
    pub updated: &'static str,
    /// Before the names of who wrote a post.
    pub authors: &'static str,
    /// The table of contents' heading.
    pub contents: &'static str,
    /// The name of the list of the author's addresses at the foot of every page, and the
    /// e-mail link's label.
    pub profile_links: &'static str,
    pub email: &'static str,
    /// What geul is, at the foot of every page.
    pub credit: &'static str,
    /// The heading of a post's comments.
    pub comments: &'static str,
    /// After a post's text: the name of where to read on, the related posts' heading, and
    /// the labels of the previous (older) and next (newer) post.
    pub reading_on: &'static str,
    pub related: &'static str,
    pub older: &'static str,
    pub newer: &'static str,
    /// A heading's `#` link, which copies the section's address.
    pub copy_section_link: &'static str,
    /// After a post's text: copy the post's address, or share it (Web Share API).
    pub copy_link: &'static str,
    pub share: &'static str,
    /// Announced once an address is copied.
    pub link_copied: &'static str,
    /// The keyboard shortcuts' dialog: its heading, each key's action, and its close button.
    pub shortcuts: &'static str,
    pub shortcut_search: &'static str,
    pub shortcut_theme: &'static str,
    pub shortcut_help: &'static str,
    pub close: &'static str,
    /// The names of the footnotes' section and of a note's link back to its reference.
    pub footnotes: &'static str,
    pub footnote_back: &'static str,
    /// What an image that cannot be shown is called when its alt text is empty.
    pub image: &'static str,
    /// The notice when the app fails to start or stops, and its reload link (index.html's
    /// first script, in a JavaScript string: no quotes, no markup).
    pub app_failed: &'static str,
    pub reload: &'static str,
    /// The archive's headings: after a year (`2024년`), each month's name, after a day.
    pub archive_year: &'static str,
    pub archive_months: [&'static str; 12],
    pub archive_day: &'static str,
    /// The words of the app's views (and of the static pages, which they render).
    pub app: AppText,
}

/// The words of the app's views: apart from the build's, so the wasm carries these alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppText {
    /// The header's switch between the light and the dark theme.
    pub theme_switch: &'static str,
    /// The header's links to the archive and the tag and category indexes; also those
    /// pages' headings.
    pub archives: &'static str,
    pub tags: &'static str,
    pub categories: &'static str,
    /// The header's mark before the site's name.
    pub site_mark: &'static str,
    pub skip_to_content: &'static str,
    /// The embedded index could not be read: a heading, then the start of a sentence that
    /// the reason ends.
    pub index_unreadable: &'static str,
    pub rebuild_site: &'static str,
    /// A post's body: on its way, failed to arrive, arrived damaged; the button to try again.
    pub body_loading: &'static str,
    pub body_failed: &'static str,
    pub body_damaged: &'static str,
    pub retry: &'static str,
    /// A post's link back to the list.
    pub back_to_list: &'static str,
    /// The page for an address the site does not have: its title, a hint, the way home.
    pub not_found: &'static str,
    pub not_found_hint: &'static str,
    pub go_home: &'static str,
    /// The search box's label and placeholder, and the static page's note that the box
    /// needs the app.
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub search_needs_js: &'static str,
    /// The search index failed to arrive, or is on its way.
    pub search_failed: &'static str,
    pub search_preparing: &'static str,
    /// Around the query a Latin query was re-read as, typed in the Korean keyboard layout.
    pub search_rewritten: (&'static str, &'static str),
    /// The list's name, and how many posts it has: all of them, or `shown` of `total`
    /// (`글 3개 (전체 9개 중)`: the words before, between and after the numbers).
    pub post_list: &'static str,
    pub posts: Counted,
    pub posts_shown_of: [&'static str; 3],
    /// The button that shows the next posts, with how many are left.
    pub more: Counted,
    /// The list when no post matches the filters.
    pub no_match: &'static str,
    pub no_match_hint: &'static str,
    /// The filter bar: its name, its groups' headings, the switch between needing all the
    /// chosen facets or any of them, and the control that clears them.
    pub filter_posts: &'static str,
    pub filter_categories: &'static str,
    pub filter_tags: &'static str,
    pub mode_switch: &'static str,
    pub mode_all: &'static str,
    pub mode_any: &'static str,
    pub clear_filters: &'static str,
    /// Read after a filter's count (`개발 2개`): what it counts.
    pub facet_posts: Counted,
    /// A card: the mark of a pinned post, a card still on its way, the name of its list of
    /// categories and tags.
    pub pinned: &'static str,
    pub card_loading: &'static str,
    pub facet_links: &'static str,
    /// A post's reading time, and how its dates are written.
    pub reading_time: Counted,
    pub date_style: DateStyle,
    /// Before the name in a tag's or a category's page title: `태그 #회고`, `분류 career`.
    pub tag_page: &'static str,
    pub category_page: &'static str,
}

/// Whether a site's `language` is English: `en`, `en-…`.
fn is_english(language: &str) -> bool {
    let bytes = language.as_bytes();
    // Bytes rather than `str` patterns, which would bring their search code into the wasm.
    bytes.len() >= 2
        && bytes[..2].eq_ignore_ascii_case(b"en")
        && matches!(bytes.get(2), None | Some(b'-' | b'_'))
}

impl UiText {
    /// The table for a site's `language`: English for `en` and `en-…`, Korean otherwise.
    pub fn for_language(language: &str) -> &'static UiText {
        if is_english(language) {
            &ENGLISH
        } else {
            &KOREAN
        }
    }
}

impl AppText {
    /// The app's part of [`UiText::for_language`].
    pub fn for_language(language: &str) -> &'static AppText {
        if is_english(language) {
            &ENGLISH_APP
        } else {
            &KOREAN_APP
        }
    }

    /// A date as readers of this language write it.
    pub fn date(&self, date: &PostDate) -> String {
        match self.date_style {
            DateStyle::Korean => date.korean(),
            DateStyle::English => date.english(),
        }
    }

    /// How many posts the list shows: `글 9개`, or `글 3개 (전체 9개 중)`.
    pub fn result_count(&self, shown: usize, total: usize) -> String {
        if shown == total {
            return self.posts.of(total);
        }
        let [before, between, after] = self.posts_shown_of;
        format!("{before}{shown}{between}{total}{after}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: u16, month: u8, day: u8) -> PostDate {
        PostDate {
            year,
            month,
            day,
            timestamp: 0,
        }
    }

    #[test]
    fn a_site_in_english_gets_the_english_table_and_any_other_the_korean() {
        for english in ["en", "EN", "en-US", "en_GB"] {
            assert_eq!(UiText::for_language(english), &ENGLISH, "{english}");
            assert_eq!(AppText::for_language(english), &ENGLISH_APP, "{english}");
        }
        for korean in ["ko", "ko-KR", "", "e", "eng", "fr", "enx"] {
            assert_eq!(UiText::for_language(korean), &KOREAN, "{korean:?}");
            assert_eq!(AppText::for_language(korean), &KOREAN_APP, "{korean:?}");
        }
    }

    #[test]
    fn dates_and_reading_time_read_as_each_language_writes_them() {
        let february = date(2021, 2, 1);
        let line = |text: &UiText| {
            format!(
                "{} · {}",
                text.app.date(&february),
                text.app.reading_time.of(6)
            )
        };
        assert_eq!(line(&KOREAN), "2021년 2월 1일 · 6분 분량");
        assert_eq!(line(&ENGLISH), "Feb 1, 2021 · 6 min read");
        assert_eq!(ENGLISH_APP.date(&date(1999, 12, 31)), "Dec 31, 1999");
        assert_eq!(ENGLISH_APP.date(&date(2024, 9, 9)), "Sep 9, 2024");
        assert_eq!(ENGLISH_APP.reading_time.of(1), "1 min read");
        assert_eq!(KOREAN_APP.reading_time.of(1), "1분 분량");
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(KOREAN_APP.result_count(9, 9), "글 9개");
        assert_eq!(KOREAN_APP.result_count(3, 9), "글 3개 (전체 9개 중)");
        assert_eq!(ENGLISH_APP.result_count(9, 9), "9 posts");
        assert_eq!(ENGLISH_APP.result_count(1, 1), "1 post");
        assert_eq!(ENGLISH_APP.result_count(0, 0), "0 posts");
        assert_eq!(ENGLISH_APP.result_count(1, 9), "1 of 9 posts");
        assert_eq!(ENGLISH_APP.more.of(4), "Show more (4 left)");
        assert_eq!(KOREAN_APP.more.of(4), "더 보기 (4개 남음)");
        assert_eq!(ENGLISH_APP.facet_posts.after(1), " post");
        assert_eq!(ENGLISH_APP.facet_posts.after(2), " posts");
    }

    /// The English table holds no Korean word: every field is checked, through its debug
    /// form, so a field added to the struct and left Korean fails here.
    #[test]
    fn the_english_table_has_no_hangul() {
        let every_word = format!("{ENGLISH:?}");
        let hangul = |c: char| {
            ('\u{AC00}'..='\u{D7A3}').contains(&c) || ('\u{3131}'..='\u{318E}').contains(&c)
        };
        assert!(!every_word.chars().any(hangul), "{every_word}");
    }
}
