//! Markdown → HTML: pulldown-cmark (with the parser options every Rolecraft caller shares,
//! `crate::markdown::new_parser`) → the ammonia sanitiser → one self-contained document.
//!
//! Nothing from role data, posting fields or a user template can add markup that runs or
//! loads anything: the sanitiser keeps a fixed set of harmless tags and attributes, drops
//! `<script>`/`<style>` with their content, every `on*` attribute, images and any link whose
//! scheme is not http(s), mailto or tel; the document itself carries a Content-Security-Policy
//! that forbids scripts and every external resource, should anything slip through.

use std::collections::HashSet;
use std::sync::LazyLock;

use handlebars::Handlebars;
use serde_json::json;

use crate::markdown::new_parser;

const DOCUMENT: &str = include_str!("../../templates/document.html.hbs");
const CSS: &str = include_str!("../../templates/document.css");

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    // Images are external resources (and tracking pixels): a posting has none.
    builder.rm_tags(["img"]);
    builder.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]));
    // Relative (`notes.html`, `../x`) and protocol-relative (`//host/share`) links would point
    // somewhere on the reader's disk or network: dropped.
    builder.url_relative(ammonia::UrlRelative::Deny);
    builder.link_rel(Some("noopener noreferrer nofollow"));
    builder
});

/// The HTML registry: escaping on (the default), strict; holds only the document shell.
static HTML_REGISTRY: LazyLock<Handlebars<'static>> = LazyLock::new(|| {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry
        .register_template_string("document", DOCUMENT)
        .expect("the built-in document template compiles");
    registry
});

/// Markdown → sanitised HTML fragment (no `<html>`/`<body>`), for previews and pasting.
pub fn markdown_to_html(markdown: &str) -> String {
    let mut raw = String::with_capacity(markdown.len() * 3 / 2 + 64);
    pulldown_cmark::html::push_html(&mut raw, new_parser(markdown));
    sanitize(&raw)
}

/// Any HTML → the same HTML with only harmless tags, attributes and links left.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Markdown → one self-contained HTML document: embedded print-friendly CSS, no scripts, no
/// external resources. `title` is plain text (escaped here).
pub fn html_document(title: &str, markdown: &str) -> String {
    wrap_document(title, &markdown_to_html(markdown))
}

/// Wraps an already sanitised fragment in the document shell.
pub fn wrap_document(title: &str, sanitized_body: &str) -> String {
    let data = json!({
        "title": title,
        "lang": "en",
        "version": env!("CARGO_PKG_VERSION"),
        "css": CSS.trim_end(),
        "body": sanitized_body.trim_end(),
    });
    HTML_REGISTRY
        .render("document", &data)
        .expect("the document template renders its own fixed data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_sanitised_html_with_the_shared_parser_options() {
        let html = markdown_to_html("# T\n\n- a\n- ~~b~~\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n<script>alert(1)</script>\n[x](javascript:alert(1)) [ok](https://example.com)");
        assert!(html.contains("<h1>T</h1>"), "{html}");
        assert!(html.contains("<del>b</del>"), "strikethrough is on: {html}");
        assert!(html.contains("<table>"), "tables are on: {html}");
        assert!(
            !html.contains("<script") && !html.contains("alert(1)</"),
            "{html}"
        );
        assert!(!html.contains("javascript:"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://example.com" rel="noopener noreferrer nofollow">ok</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn the_document_is_self_contained_and_escapes_its_title() {
        let doc = html_document("VP <b>& co</b>", "# Hello");
        assert!(doc.starts_with("<!DOCTYPE html>"));
        assert!(
            doc.contains("<title>VP &lt;b&gt;&amp; co&lt;/b&gt;</title>"),
            "{doc}"
        );
        assert!(doc.contains("<style>") && doc.contains("@media print"));
        assert!(doc.contains("<h1>Hello</h1>"));
        assert!(doc.contains("default-src 'none'"));
        for external in ["<link", "<script", "src=\"http", "@import", "url("] {
            assert!(!doc.contains(external), "{external} in {doc}");
        }
    }

    #[test]
    fn images_and_odd_schemes_are_dropped() {
        let html = markdown_to_html("![x](https://tracker.example/p.gif) [d](data:text/html,hi) [v](vbscript:x) [m](mailto:a@b.c)");
        assert!(
            !html.contains("<img") && !html.contains("tracker"),
            "{html}"
        );
        assert!(
            !html.contains("data:") && !html.contains("vbscript:"),
            "{html}"
        );
        assert!(html.contains("mailto:a@b.c"), "{html}");
    }

    #[test]
    fn relative_and_protocol_relative_links_are_dropped() {
        let html = markdown_to_html(
            "[a](notes.html) [b](../../etc/passwd) [c](//host/share) [d](/abs) [e](#frag) [f](https://ok.example/)",
        );
        for bad in ["notes.html", "passwd", "//host", "/abs", "#frag"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("https://ok.example/"), "{html}");
    }
}
