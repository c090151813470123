//! The site's base path, which the router's URLs start with.

use crate::static_page;

/// The base path from the document's base URL (Trunk writes the public URL into
/// `<base href>`; the browser resolves relative and absolute forms alike), without the
/// trailing slash.
pub(super) fn base_path() -> String {
    if let Some(page) = static_page::current() {
        return page.base;
    }
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    directory_of(&base).to_owned()
}

/// The directory a resolved base URL names, as a path without its trailing slash:
/// "https://host/geul/index.html?x" → "/geul", "https://host/" → "". From the slash after
/// the host to the last slash before the query or fragment, less any slashes it ends with;
/// byte positions rather than `split`, whose pattern machinery would come into the wasm for
/// this alone (docs/PERFORMANCE.md).
fn directory_of(base: &str) -> &str {
    let bytes = base.as_bytes();
    let start = bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'/')
        .nth(2)
        .map_or(bytes.len(), |(at, _)| at);
    let path = &bytes[start..];
    let path = &path[..path
        .iter()
        .position(|&b| b == b'?' || b == b'#')
        .unwrap_or(path.len())];
    let mut end = path.iter().rposition(|&b| b == b'/').unwrap_or(0);
    while end > 0 && path[end - 1] == b'/' {
        end -= 1;
    }
    &base[start..start + end]
}

#[cfg(test)]
mod tests {
    use super::directory_of;

    #[test]
    fn the_base_directory_is_the_path_up_to_its_last_slash() {
        assert_eq!(directory_of("https://user.github.io/geul/"), "/geul");
        assert_eq!(
            directory_of("https://user.github.io/geul/index.html?q=1#x"),
            "/geul"
        );
        assert_eq!(directory_of("http://127.0.0.1:4321/a/b/c.html"), "/a/b");
        assert_eq!(directory_of("https://user.github.io/geul//"), "/geul");
    }

    #[test]
    fn a_site_at_the_root_has_an_empty_base() {
        assert_eq!(directory_of("https://user.github.io/"), "");
        assert_eq!(directory_of("https://user.github.io"), "");
        assert_eq!(directory_of("https://user.github.io/index.html"), "");
        assert_eq!(directory_of(""), "");
    }

    #[test]
    fn a_query_or_fragment_does_not_count_as_path() {
        assert_eq!(directory_of("https://host/a?next=/b/c"), "");
        assert_eq!(directory_of("https://host/a/#/b/"), "/a");
    }
}
