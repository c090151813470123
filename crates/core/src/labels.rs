//! The words the list's controls show, shared by the app's filter bar and the static copy
//! of a list (`pages`), which mirrors it so that nothing changes when the app takes over.

/// The filter bar's name for screen readers.
pub const FILTERS: &str = "글 거르기";
/// The name of the group of the two mode buttons.
pub const MODE_SWITCH: &str = "여러 개를 골랐을 때";
/// The AND mode's button: a post must carry every chosen facet.
pub const MATCH_ALL: &str = "모두 포함";
/// The OR mode's button: a post must carry one of them.
pub const MATCH_ANY: &str = "하나라도 포함";
/// The control that removes every filter.
pub const CLEAR_FILTERS: &str = "필터 지우기";
