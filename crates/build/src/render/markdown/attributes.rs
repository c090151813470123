//! kramdown's attribute lists, as Chirpy posts write them: `{: .prompt-tip }` on the line
//! after a block, `![a](b){: w="700" .shadow }` right after an image, and
//! `` `a/b`{: .filepath } `` after inline code. What geul knows becomes classes and
//! attributes; any other list is removed with a warning, never shown as text.

use super::media::without_size;
use pulldown_cmark::Event;

/// One attribute list's contents.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Attributes {
    /// `.name` entries.
    pub classes: Vec<String>,
    /// `key="value"` entries (also `key='value'` and `key=value`).
    pub pairs: Vec<(String, String)>,
    /// The list as written, for messages.
    pub written: String,
}

impl Attributes {
    /// Reads `{: … }` (or `{:… }`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Attributes> {
        let inner = text.trim().strip_prefix("{:")?.strip_suffix('}')?;
        if inner.contains(['{', '}']) {
            return None;
        }
        let mut attributes = Attributes {
            written: text.trim().to_owned(),
            ..Attributes::default()
        };
        let mut rest = inner.trim();
        while !rest.is_empty() {
            if let Some(class) = rest.strip_prefix('.') {
                let end = class.find(char::is_whitespace).unwrap_or(class.len());
                attributes.classes.push(class[..end].to_owned());
                rest = class[end..].trim_start();
                continue;
            }
            let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let equals = rest[..word_end].find('=');
            let Some(equals) = equals.filter(|&at| at > 0) else {
                // `#id` or a reference to a named list: kept to be reported, not applied.
                let (key, value) = match rest.strip_prefix('#') {
                    Some(id) => ("id", &id[..word_end - 1]),
                    None => ("ref", &rest[..word_end]),
                };
                attributes.pairs.push((key.to_owned(), value.to_owned()));
                rest = rest[word_end..].trim_start();
                continue;
            };
            let key = rest[..equals].trim();
            let after = rest[equals + 1..].trim_start();
            let (value, next) = match after.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let end = after[1..].find(quote)? + 1;
                    (&after[1..end], &after[end + 1..])
                }
                _ => {
                    let end = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            attributes.pairs.push((key.to_owned(), value.to_owned()));
            rest = next.trim_start();
        }
        Some(attributes)
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.classes.iter().any(|written| written == class)
    }

    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(written, _)| written == key)
            .map(|(_, value)| value.as_str())
    }
}

/// A block attribute list on a line of its own, found before Markdown reads the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockAttributes {
    /// 1-based line of the list in the body.
    pub line: usize,
    pub attributes: Attributes,
}

/// Takes every block attribute list out of `body` (outside code fences), leaving an empty
/// line in its place: the block before it ends there, as in kramdown, instead of taking
/// the list in as a lazy continuation line.
pub fn take_block_attributes(body: &str) -> (String, Vec<BlockAttributes>) {
    let mut found = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    let mut out = String::with_capacity(body.len());
    for (index, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        if let Some(marker) = marker {
            let run = trimmed.chars().take_while(|c| *c == marker).count();
            if run >= 3 {
                fence = match fence {
                    None => Some((marker, run)),
                    Some((open, length)) if open == marker && run >= length => None,
                    open => open,
                };
            }
        }
        if fence.is_none() && trimmed.starts_with("{:") {
            if let Some(attributes) = Attributes::parse(trimmed) {
                found.push(BlockAttributes {
                    line: index + 1,
                    attributes,
                });
                out.push_str(if line.ends_with('\n') { "\n" } else { "" });
                continue;
            }
        }
        out.push_str(line);
    }
    (out, found)
}

/// Chirpy's callouts: the class after a blockquote and its label's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callout {
    Tip,
    Info,
    Warning,
    Danger,
}

impl Callout {
    pub fn from_classes(attributes: &Attributes) -> Option<Callout> {
        attributes
            .classes
            .iter()
            .find_map(|class| match class.as_str() {
                "prompt-tip" => Some(Callout::Tip),
                "prompt-info" => Some(Callout::Info),
                "prompt-warning" => Some(Callout::Warning),
                "prompt-danger" => Some(Callout::Danger),
                _ => None,
            })
    }

    /// GitHub's alerts (`> [!NOTE]`) are callouts too.
    pub fn from_alert(kind: pulldown_cmark::BlockQuoteKind) -> Callout {
        use pulldown_cmark::BlockQuoteKind;
        match kind {
            BlockQuoteKind::Tip => Callout::Tip,
            BlockQuoteKind::Note | BlockQuoteKind::Important => Callout::Info,
            BlockQuoteKind::Warning => Callout::Warning,
            BlockQuoteKind::Caution => Callout::Danger,
        }
    }

    /// The opening markup: a note with its visible label, in the site's language.
    pub fn open(self, text: &geul_core::ui_text::UiText) -> String {
        let (name, label) = match self {
            Callout::Tip => ("tip", text.callout_tip),
            Callout::Info => ("info", text.callout_info),
            Callout::Warning => ("warning", text.callout_warning),
            Callout::Danger => ("danger", text.callout_danger),
        };
        format!(
            "<div class=\"callout callout--{name}\" role=\"note\" aria-label=\"{label}\">\
             <p class=\"callout__label\">{label}</p>"
        )
    }
}

/// Classes Chirpy gives images that geul honours.
pub const IMAGE_CLASSES: [&str; 9] = [
    "normal",
    "left",
    "right",
    "shadow",
    "w-50",
    "w-75",
    "rounded-10",
    "light",
    "dark",
];

/// The block attribute list on the line after `end_line`, taken out of `lists`.
pub(super) fn claim(lists: &mut Vec<BlockAttributes>, end_line: usize) -> Option<Attributes> {
    let at = lists.iter().position(|list| list.line == end_line + 1)?;
    Some(lists.remove(at).attributes)
}

/// An attribute list written right after an inline element: taken off the text that
/// follows it (the rest of that text stays).
pub(super) fn take_inline_list(
    next: Option<&mut (Event<'_>, std::ops::Range<usize>)>,
) -> Option<Attributes> {
    let (Event::Text(text), range) = next? else {
        return None;
    };
    if !text.starts_with("{:") {
        return None;
    }
    let end = text.find('}')? + 1;
    let list = Attributes::parse(&text[..end])?;
    let rest = text[end..].to_owned();
    range.start += end;
    *text = rest.into();
    Some(list)
}

pub(super) fn unsupported(list: &Attributes) -> String {
    format!(
        "attribute list `{}` is not supported here and is left out",
        list.written
    )
}

/// An image's markup with what its attribute list asks for: size and Chirpy's classes.
pub(super) fn image_with(
    html: String,
    list: &Attributes,
    line: usize,
    warnings: &mut Vec<(usize, String)>,
) -> String {
    let (mut width, mut height) = (None, None);
    for (key, value) in &list.pairs {
        let size = match key.as_str() {
            "w" | "width" => &mut width,
            "h" | "height" => &mut height,
            _ => {
                warnings.push((line, unsupported(list)));
                return html;
            }
        };
        match value.parse::<u32>() {
            Ok(pixels) if value.bytes().all(|byte| byte.is_ascii_digit()) => *size = Some(pixels),
            _ => {
                warnings.push((line, unsupported(list)));
                return html;
            }
        }
    }
    // The post's size wins over the file's; a side it leaves out keeps the file's ratio.
    let (tag, intrinsic) = without_size(&html);
    let size = match (width, height, intrinsic) {
        (Some(width), Some(height), _) => Some((width, height)),
        (Some(width), None, Some((w, h))) => Some((width, scale(width, h, w))),
        (None, Some(height), Some((w, h))) => Some((scale(height, w, h), height)),
        (None, None, intrinsic) => intrinsic,
        (width, height, None) => {
            let mut extra = String::new();
            extra.extend(width.map(|width| format!(" width=\"{width}\"")));
            extra.extend(height.map(|height| format!(" height=\"{height}\"")));
            return finish(&tag, &extra, list, line, warnings);
        }
    };
    let extra = size.map_or_else(String::new, |(width, height)| {
        format!(" width=\"{width}\" height=\"{height}\"")
    });
    finish(&tag, &extra, list, line, warnings)
}

/// `side` × `numerator` / `denominator`, rounded.
fn scale(side: u32, numerator: u32, denominator: u32) -> u32 {
    let scaled = (u64::from(side) * u64::from(numerator) + u64::from(denominator) / 2)
        / u64::from(denominator.max(1));
    u32::try_from(scaled).unwrap_or(u32::MAX)
}

/// The image tag with its size and Chirpy's classes.
fn finish(
    html: &str,
    size: &str,
    list: &Attributes,
    line: usize,
    warnings: &mut Vec<(usize, String)>,
) -> String {
    let mut extra = size.to_owned();
    let classes: Vec<&str> = list
        .classes
        .iter()
        .map(String::as_str)
        .filter(|class| IMAGE_CLASSES.contains(class))
        .collect();
    if classes.len() != list.classes.len() {
        warnings.push((line, unsupported(list)));
    }
    if !classes.is_empty() {
        extra += &format!(" class=\"{}\"", classes.join(" "));
    }
    match html.strip_suffix('>') {
        Some(tag) if html.starts_with("<img ") => format!("{tag}{extra}>"),
        _ => html.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lists_are_read() {
        let list = Attributes::parse("{: w=\"700\" h='400' .shadow file=run.sh }").unwrap();
        assert_eq!(list.classes, ["shadow"]);
        assert_eq!(list.get("w"), Some("700"));
        assert_eq!(list.get("h"), Some("400"));
        assert_eq!(list.get("file"), Some("run.sh"));
        assert_eq!(
            Attributes::parse("{:.prompt-tip}").unwrap().classes,
            ["prompt-tip"]
        );
        assert_eq!(Attributes::parse("{ not a list }"), None);
        let other = Attributes::parse("{: #quote refdef }").unwrap();
        assert_eq!(other.get("id"), Some("quote"));
        assert_eq!(other.get("ref"), Some("refdef"));
        assert_eq!(Attributes::parse("{: w=\"700 }"), None);
    }

    #[test]
    fn an_image_s_size_is_the_post_s_then_the_file_s_ratio() {
        let sized = "<img src=\"a.png\" alt=\"\" loading=\"lazy\" width=\"640\" height=\"480\">";
        let no_size = "<img src=\"a.png\" alt=\"\" loading=\"lazy\">";
        let with = |html: &str, list: &str| {
            let mut warnings = Vec::new();
            let out = image_with(
                html.to_owned(),
                &Attributes::parse(list).unwrap(),
                1,
                &mut warnings,
            );
            assert!(warnings.is_empty(), "{warnings:?}");
            out
        };
        let size_of = |html: String| {
            let number = |name: &str| -> Option<u32> {
                let (_, rest) = html.split_once(&format!(" {name}=\""))?;
                rest.split('"').next()?.parse().ok()
            };
            Some((number("width")?, number("height")?))
        };
        assert_eq!(size_of(with(sized, "{: .shadow }")), Some((640, 480)));
        assert_eq!(
            size_of(with(sized, "{: w=\"320\" h=\"100\" }")),
            Some((320, 100))
        );
        assert_eq!(size_of(with(sized, "{: w=\"320\" }")), Some((320, 240)));
        assert_eq!(size_of(with(sized, "{: height=\"96\" }")), Some((128, 96)));
        assert_eq!(
            with(no_size, "{: w=\"320\" .shadow }"),
            "<img src=\"a.png\" alt=\"\" loading=\"lazy\" width=\"320\" class=\"shadow\">"
        );
    }

    #[test]
    fn block_lists_leave_an_empty_line_and_fences_are_left_alone() {
        let body = "> 팁입니다\n{: .prompt-tip }\n\n```\n{: .kept }\n```\n{: file=\"a.sh\" }\n";
        let (out, found) = take_block_attributes(body);
        assert_eq!(out, "> 팁입니다\n\n\n```\n{: .kept }\n```\n\n");
        let lines: Vec<usize> = found.iter().map(|found| found.line).collect();
        assert_eq!(lines, [2, 7]);
    }
}
