//! List items as note-taking apps write them.

/// Note-taking apps export bullet lists as `*` + TAB(s) + text. CommonMark reads five or
/// more columns after the marker as an indented code block, which is never what the author
/// meant; such list items are read as ordinary ones. Only the copy being rendered changes.
pub(super) fn untab_list_markers(body: &str) -> String {
    let mut in_fence = false;
    body.split_inclusive('\n')
        .map(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_fence = !in_fence;
                return line.to_owned();
            }
            if in_fence {
                return line.to_owned();
            }
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let rest = &line[indent..];
            let marker_len = list_marker_len(rest);
            if marker_len > 0 && rest[marker_len..].starts_with([' ', '\t']) {
                let text = rest[marker_len..].trim_start_matches([' ', '\t']);
                format!("{}{} {}", &line[..indent], &rest[..marker_len], text)
            } else {
                line.to_owned()
            }
        })
        .collect()
}

fn list_marker_len(text: &str) -> usize {
    if text.starts_with(['*', '-', '+']) {
        return 1;
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) && text[digits..].starts_with(['.', ')']) {
        digits + 1
    } else {
        0
    }
}
