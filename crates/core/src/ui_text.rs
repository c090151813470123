//! The words geul shows a reader that the build writes into the pages (callout labels,
//! embeds, code blocks, the foot of the page). The browser's views name their words where they render them; both
//! are to meet in this table when the interface gains a second language.

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
}

/// The interface in Korean, geul's default.
pub const KOREAN: UiText = UiText {
    callout_tip: "팁",
    callout_info: "정보",
    callout_warning: "주의",
    callout_danger: "위험",
    embed_play: "{host} 동영상 재생",
    code_copy: "코드 복사",
    code_copied: "복사했습니다",
    updated: "수정",
    authors: "글쓴이",
    contents: "목차",
    profile_links: "글쓴이 연락처",
    email: "이메일",
    credit: "geul — 브라우저에서 읽고 거르는 블로그",
    comments: "댓글",
    reading_on: "이어 읽기",
    related: "관련 글",
    older: "이전 글",
    newer: "다음 글",
};
