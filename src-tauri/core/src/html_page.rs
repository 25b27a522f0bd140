//! The one HTML document every export is (a draft rendered as HTML, a comparison): a
//! self-contained page, its CSS embedded, whose Content-Security-Policy forbids scripts and
//! every external resource should anything slip past the escaping and the sanitiser.
//! `tests/html_exports.rs` checks that every exported HTML document comes from here.

/// No scripts, no fetches, no fonts, frames or forms; only the page's own inline style and
/// `data:` images.
pub const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// A whole document: `title` is plain text (escaped here); `css` and `body` are trusted markup
/// (the callers escape or sanitise everything from data before it gets here).
pub fn document(title: &str, css: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n\
         <meta name=\"generator\" content=\"Rolecraft {}\">\n<title>{}</title>\n\
         <style>\n{}\n</style>\n</head>\n<body>\n{}\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        handlebars::html_escape(title),
        css.trim_end(),
        body.trim_end(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_title_is_escaped_and_the_csp_comes_first_in_the_head() {
        let doc = document("<b>\"x\" & y</b>", "p {}", "<p>ok</p>");
        assert!(
            doc.contains("<title>&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;</title>"),
            "{doc}"
        );
        let csp = doc.find("Content-Security-Policy").unwrap();
        assert!(csp < doc.find("<title>").unwrap() && csp < doc.find("<style>").unwrap());
        assert!(doc.ends_with("<p>ok</p>\n</body>\n</html>\n"), "{doc}");
    }
}
