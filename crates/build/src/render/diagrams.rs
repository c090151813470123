//! Mermaid diagrams. The build keeps a ` ```mermaid ` block's source in the page, shown as
//! code until the browser draws it: `static/enhance.js` loads mermaid, served with the site
//! (`publish::vendor`), on pages that have a diagram, and draws it in the reader's colour
//! scheme. A reader without scripts still sees the diagram's text.

use super::markdown::escape_html;

/// The languages a fenced block names to be drawn as a diagram.
pub fn is_diagram(language: &str) -> bool {
    language.trim().eq_ignore_ascii_case("mermaid")
}

/// What marks a body that has a diagram, in the markup [`diagram_html`] writes.
pub const DIAGRAM_MARK: &str = "<figure class=\"diagram\">";

/// A diagram's markup: its source, which the script replaces by the drawing.
pub fn diagram_html(source: &str) -> String {
    format!(
        "{DIAGRAM_MARK}<pre class=\"diagram__source\"><code>{}</code></pre></figure>",
        escape_html(source.trim_end())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_is_kept_escaped_for_the_script_to_draw() {
        let html = diagram_html("graph LR\n  A[글] --> B<\"끝\">\n");
        assert_eq!(
            html,
            "<figure class=\"diagram\"><pre class=\"diagram__source\"><code>graph LR\n  \
             A[글] --&gt; B&lt;&quot;끝&quot;&gt;</code></pre></figure>"
        );
    }

    #[test]
    fn only_mermaid_blocks_are_diagrams() {
        assert!(is_diagram("mermaid"));
        assert!(is_diagram(" Mermaid"));
        assert!(!is_diagram("rust"));
        assert!(!is_diagram(""));
    }
}
