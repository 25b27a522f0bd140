//! HTML pages saved from a browser: reduced to the document's text (as Markdown, through
//! htmd), with scripts, styles, navigation, headers, footers, forms and asides left out, then
//! parsed like the text formats. Item lines are found back in the original HTML.

use crate::model::{Format, Role, Warning, WarningKind};

use super::{blueprint, markdown, sfia, Document, ImportError, Imported};

/// Elements that never hold role content.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "button", "iframe", "svg", "canvas",
];

/// html5ever builds a tree and htmd walks it recursively; past this depth (measured on the
/// parsed tree) a page is rejected instead of risking the stack.
const MAX_DEPTH: usize = 512;

pub fn detect(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(2048)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

pub fn parse(doc: &Document) -> Result<Imported, ImportError> {
    check_depth(doc)?;
    let converter = htmd::HtmlToMarkdown::builder()
        .skip_tags(SKIPPED.to_vec())
        .build();
    let tree = converter
        .html_to_tree(&doc.text)
        .map_err(|e| ImportError::Invalid {
            file: doc.name.clone(),
            line: 1,
            message: format!("unreadable HTML: {e}"),
        })?;
    // The authority: the depth of the tree as parsed (the text scan above is a fast first
    // guard that also names a line, but the parser may nest what the scan closes).
    let depth = tree_depth(&tree);
    if depth > MAX_DEPTH {
        return Err(ImportError::Invalid {
            file: doc.name.clone(),
            line: 1,
            message: format!("HTML nested {depth} elements deep, over the limit of {MAX_DEPTH}"),
        });
    }
    let md = converter.tree_to_markdown(&tree);
    let mut reduced = Document::from_text(doc.name.clone(), md);
    reduced.hash = doc.hash.clone();
    let text = reduced.text.as_str();
    let mut imported = if sfia::detect(text) {
        sfia::parse(&reduced)?
    } else if blueprint::detect(text) {
        blueprint::parse(&reduced)?
    } else if markdown::detect(text) {
        markdown::parse(&reduced)?
    } else {
        return Err(ImportError::Invalid {
            file: doc.name.clone(),
            line: 1,
            message: "HTML page with no headings to read a role from".into(),
        });
    };
    for role in &mut imported.roles {
        relocate_lines(role, &doc.text);
        for source in &mut role.sources {
            source.format = Format::Html;
        }
    }
    let skipped: Vec<String> = SKIPPED
        .iter()
        .filter(|tag| doc.text.to_ascii_lowercase().contains(&format!("<{tag}")))
        .map(|tag| format!("<{tag}>"))
        .collect();
    if !skipped.is_empty() {
        imported.warnings.push(Warning {
            kind: WarningKind::JunkDropped,
            file: doc.name.clone(),
            line: None,
            message: format!("page elements left out: {}", skipped.join(", ")),
            dropped: Vec::new(),
        });
    }
    Ok(imported)
}

/// The deepest node of a parsed page, walked with an explicit stack (no recursion on the
/// page's own depth).
fn tree_depth(root: &std::rc::Rc<htmd::Node>) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root.clone(), 0usize)];
    while let Some((node, depth)) = stack.pop() {
        deepest = deepest.max(depth);
        for child in node.children.borrow().iter() {
            stack.push((child.clone(), depth + 1));
        }
    }
    deepest
}

/// Elements whose content is text to the parser (no tags inside).
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Rejects pages nested deeper than `MAX_DEPTH` elements, naming the line: a fast scan of the
/// text before the parser builds a tree (whose building slows down as it deepens). Open
/// elements are kept on a stack of names: an end tag closes only an element that is open
/// (a stray `</x>` closes nothing, as in the parser); comments and the content of raw-text
/// elements (`<script>`, `<style>`, ...) are skipped.
fn check_depth(doc: &Document) -> Result<(), ImportError> {
    let bytes = doc.text.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut line = 1u32;
    let mut i = 0;
    let name_at = |from: usize| -> String {
        bytes
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase() as char)
            .collect()
    };
    // Moves `i` to just past `end` (counting lines), or to the end of the text.
    let skip_to = |i: &mut usize, line: &mut u32, end: &[u8]| {
        let rest = bytes.get(*i..).unwrap_or_default();
        let len = rest
            .windows(end.len())
            .position(|w| w.eq_ignore_ascii_case(end))
            .map_or(rest.len(), |p| p + end.len());
        *line += rest[..len].iter().filter(|&&b| b == b'\n').count() as u32;
        *i += len;
    };
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'<' if bytes[i..].starts_with(b"<!--") => {
                skip_to(&mut i, &mut line, b"-->");
                continue;
            }
            b'<' if bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) => {
                let name = name_at(i + 1);
                if RAW_TEXT.contains(&name.as_str()) {
                    i += 1 + name.len();
                    let end = format!("</{name}");
                    skip_to(&mut i, &mut line, end.as_bytes());
                    continue;
                }
                // Void elements never nest, and elements whose end tag is optional are closed
                // by the parser when a sibling starts: neither deepens the tree.
                if !NOT_NESTING.contains(&name.as_str()) {
                    open.push(name);
                    if open.len() > MAX_DEPTH {
                        return Err(ImportError::Invalid {
                            file: doc.name.clone(),
                            line,
                            message: format!("HTML nested deeper than {MAX_DEPTH} elements"),
                        });
                    }
                }
            }
            b'<' if bytes.get(i + 1) == Some(&b'/') => {
                let name = name_at(i + 2);
                if let Some(at) = open.iter().rposition(|n| *n == name) {
                    open.truncate(at);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Elements that do not count towards nesting depth (see `check_depth`).
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot",
    "rt", "rp", "optgroup", "colgroup",
];

/// Bytes of the page that finding item lines back may scan, past the page's own length
/// times `SEARCH_PER_BYTE`: an item not found scans the whole page, so a page of many such
/// items was quadratic. Items past the budget keep the line of the converted text.
const SEARCH_BASE: usize = 64 << 20;
const SEARCH_PER_BYTE: usize = 16;

/// Points each item (and each skill) at the line of the original HTML where its text
/// starts: the first occurrence of its opening words after the previous item's. An item not
/// found back gets the line of the item before it: a line of the converted text would not
/// be a line of this file.
fn relocate_lines(role: &mut Role, html: &str) {
    let mut budget = SEARCH_BASE.saturating_add(html.len().saturating_mul(SEARCH_PER_BYTE));
    let starts: Vec<usize> = std::iter::once(0)
        .chain(html.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_at = |offset: usize| starts.partition_point(|&s| s <= offset) as u32;
    let mut targets: Vec<(&str, &mut u32)> = Vec::new();
    for section in role.sections.iter_mut().chain(role.context.iter_mut()) {
        for item in &mut section.items {
            targets.push((&item.text, &mut item.source.line));
        }
    }
    for skill in &mut role.skills {
        targets.push((&skill.name, &mut skill.source.line));
        for item in skill
            .description
            .iter_mut()
            .chain(skill.attainment.iter_mut())
        {
            targets.push((&item.text, &mut item.source.line));
        }
    }
    let mut cursor = 0usize;
    for (text, line) in targets {
        let mut found = None;
        let mut tried = String::new();
        // The opening words, up to a character HTML may have written as an entity; then
        // up to the first non-ASCII one (`&nbsp;`, `&eacute;`, ...).
        for ascii_only in [false, true] {
            let probe: String = text
                .chars()
                .take_while(|c| !"&<>\"'\n".contains(*c) && (c.is_ascii() || !ascii_only))
                .take(32)
                .collect();
            let probe = probe.trim();
            if probe.is_empty() || probe == tried || budget == 0 {
                break;
            }
            found = match html[cursor..].find(probe) {
                Some(p) => {
                    budget = budget.saturating_sub(p + probe.len());
                    Some(p + cursor)
                }
                None => {
                    let found = html.find(probe);
                    let scanned =
                        html.len() - cursor + found.map_or(html.len(), |f| f + probe.len());
                    budget = budget.saturating_sub(scanned);
                    found
                }
            };
            if found.is_some() {
                break;
            }
            tried = probe.to_string();
        }
        let at = found.unwrap_or(cursor);
        *line = line_at(at);
        cursor = at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::import_document;

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>x</title><style>p{}</style></head>\n<body>\n<nav><ul><li>Home</li><li>Jobs</li></ul></nav>\n<h1>Staff Engineer</h1>\n<h2>Responsibilities</h2>\n<ul>\n<li>Leads design reviews &amp; RFCs.</li>\n<li>Mentors engineers.</li>\n</ul>\n<script>alert(1)</script>\n<footer>© Acme</footer>\n</body></html>\n";

    #[test]
    fn a_saved_page_keeps_its_content_and_loses_scripts_styles_and_navigation() {
        let imported = import_document(&Document::from_text("staff.html", PAGE)).unwrap();
        let role = &imported.roles[0];
        assert_eq!(role.title, "Staff Engineer");
        assert_eq!(role.sources[0].format, Format::Html);
        let items: Vec<(&str, u32)> = role
            .items()
            .map(|i| (i.text.as_str(), i.source.line))
            .collect();
        assert_eq!(
            items,
            [
                ("Leads design reviews & RFCs.", 8),
                ("Mentors engineers.", 9)
            ]
        );
        let json = serde_json::to_string(&imported.roles).unwrap();
        for junk in ["alert", "Home", "Acme", "p{}"] {
            assert!(!json.contains(junk), "{junk} leaked");
        }
    }

    #[test]
    fn line_breaks_images_and_unclosed_items_do_not_count_as_nesting() {
        let page = format!(
            "<html><body>\n<h1>Staff Engineer</h1>\n<h2>Responsibilities</h2>\n<ul>{}</ul>\n<p>{}</p></body></html>",
            "<li>Leads reviews.".repeat(600),
            "a<br>b<img src=x>".repeat(600)
        );
        let imported = import_document(&Document::from_text("br.html", page)).unwrap();
        let items = &imported.roles[0].section("responsibilities").unwrap().items;
        assert_eq!(
            items.iter().filter(|i| i.text == "Leads reviews.").count(),
            600
        );
    }

    #[test]
    fn absurd_nesting_is_an_error_naming_the_line() {
        let page = format!("<html><body>\n{}</body></html>", "<div>".repeat(20_000));
        let err = import_document(&Document::from_text("deep.html", page))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("deep.html:2: HTML nested deeper"), "{err}");
    }

    /// Stray end tags and end tags inside comments used to lower the scan's count while the
    /// parser ignored them: 100k nested divs reached htmd's recursion (a stack overflow).
    #[test]
    fn stray_and_commented_end_tags_do_not_hide_nesting() {
        for unit in [
            "<div></x>",
            "<div><!-- </div> -->",
            "<div><script></div></script>",
        ] {
            let page = format!("<html><body>\n{}</body></html>", unit.repeat(100_000));
            let err = import_document(&Document::from_text("deep.html", page))
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with("deep.html:2: HTML nested deeper"),
                "{unit}: {err}"
            );
        }
    }

    #[test]
    fn depth_is_measured_on_the_parsed_tree() {
        // <li> does not count in the scan (its end tag is optional), but here each nests.
        let page = format!(
            "<html><body><h1>T</h1>{}</body></html>",
            "<ul><li>x".repeat(300)
        );
        let err = import_document(&Document::from_text("p.html", page))
            .unwrap_err()
            .to_string();
        assert!(err.contains("over the limit of 512"), "{err}");
        let fine = format!(
            "<html><body><h1>T</h1><ul>{}</ul></body></html>",
            "<li>a</li>".repeat(600)
        );
        assert!(import_document(&Document::from_text("ok.html", fine)).is_ok());
    }

    /// Pathological input: 50,000 list items written with `&nbsp;` took 17 s, each item not
    /// found back in the page scanning all of it twice.
    #[test]
    fn quadratic_line_search_items_not_found_back_in_the_page() {
        let mut body = String::from("<ul>\n<li>First item</li>\n");
        for i in 0..20_000 {
            body.push_str(&format!("<li>x&nbsp;{i}</li>\n"));
        }
        let page = format!(
            "<html><body>\n<h1>R</h1>\n<h2>Responsibilities</h2>\n{body}</ul></body></html>\n"
        );
        let imported = import_document(&Document::from_text("r.html", page)).unwrap();
        let items: Vec<_> = imported.roles[0].items().collect();
        assert_eq!(items.len(), 20_001);
        assert_eq!(
            (items[0].text.as_str(), items[0].source.line),
            ("First item", 5)
        );
    }

    /// Fuzzing found: an item whose text HTML writes with an entity (`&nbsp;`) was not found
    /// back in the page and kept the line of the converted text, past the end of the file.
    #[test]
    fn fuzz_item_lines_stay_inside_the_html_file() {
        let page = "<html><body>\n<h1>R</h1><h2>Responsibilities</h2><ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>\n<p>Non&nbsp;breaking &eacute;</p>\n<p>&quot;Quoted&quot; first</p>\n</body></html>";
        let imported = import_document(&Document::from_text("r.html", page)).unwrap();
        let items: Vec<(&str, u32)> = imported.roles[0]
            .items()
            .map(|i| (i.text.as_str(), i.source.line))
            .collect();
        assert_eq!(
            items,
            [
                ("a", 2),
                ("b", 2),
                ("c", 2),
                ("d", 2),
                ("e", 2),
                ("Non\u{a0}breaking é", 3),
                ("\"Quoted\" first", 3)
            ]
        );
    }
}
