//! A document's own title, for labels people can read: its front matter `title:`, else its
//! first heading (a Markdown `#` heading, or an HTML `<title>` / `<h1>`), else none (the label
//! then falls back to the file name).

use super::text::{front_matter, one_line, strip_tags};

/// Longest title kept, in characters: a title is a label, not a paragraph.
const MAX_TITLE_CHARS: usize = 120;

pub fn document_title(text: &str) -> Option<String> {
    let text = text.trim_start_matches('\u{feff}');
    let fm = front_matter(text);
    let title = fm
        .get("title")
        .map(str::to_string)
        .or_else(|| first_heading(&text[fm.body_start..]))?;
    let title = one_line(&title);
    if title.is_empty() {
        return None;
    }
    Some(title.chars().take(MAX_TITLE_CHARS).collect())
}

fn first_heading(body: &str) -> Option<String> {
    let mut in_fence = false;
    for line in body.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            continue;
        }
        let hashes = t.chars().take_while(|c| *c == '#').count();
        if (1..=6).contains(&hashes) && t[hashes..].starts_with([' ', '\t']) {
            let heading = t[hashes..].trim().trim_end_matches('#').trim();
            let heading = strip_tags(heading).replace("**", "").replace("__", "");
            let heading = heading.trim();
            if !heading.is_empty() {
                return Some(heading.to_string());
            }
        }
        for tag in ["title", "h1"] {
            if let Some(inner) = html_element(t, tag) {
                let inner = strip_tags(inner);
                if !inner.trim().is_empty() {
                    return Some(inner.trim().to_string());
                }
            }
        }
    }
    None
}

/// The inside of `<tag …>…</tag>` when both are on this line (case-insensitive).
fn html_element<'a>(line: &'a str, tag: &str) -> Option<&'a str> {
    let lower = line.to_ascii_lowercase();
    let open = lower.find(&format!("<{tag}"))?;
    let after = lower[open + 1 + tag.len()..].chars().next()?;
    if after != '>' && !after.is_whitespace() {
        return None;
    }
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find(&format!("</{tag}"))?;
    line.get(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_then_first_heading_then_none() {
        assert_eq!(
            document_title("---\ntitle: CTO\nlayout: page\n---\n\n# CTO (Path)\n").as_deref(),
            Some("CTO")
        );
        assert_eq!(
            document_title("intro\n\n## VP of **Product**\n\n# Later\n").as_deref(),
            Some("VP of Product")
        );
        assert_eq!(
            document_title("<html><head><title>Staff &amp; Principal</title></head>").as_deref(),
            Some("Staff & Principal")
        );
        assert_eq!(
            document_title("```\n# not a heading\n```\nplain text\n"),
            None
        );
        assert_eq!(document_title("#hashtag\nno heading here"), None);
    }
}
