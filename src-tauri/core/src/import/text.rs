//! Small text helpers shared by the importers: line numbers, markup stripping.

/// Byte offset → 1-based line number.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    pub fn line_of(&self, offset: usize) -> u32 {
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        };
        u32::try_from(line).unwrap_or(u32::MAX)
    }
}

/// A YAML front matter block (`---` … `---`) read as flat `key: value` pairs, which is all
/// ladder pages and Markdown roles use; `body_start` is the byte offset of the first line after it
/// (0 when there is none).
pub struct FrontMatter {
    pub pairs: Vec<(String, String)>,
    pub body_start: usize,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

pub fn front_matter(text: &str) -> FrontMatter {
    let none = FrontMatter {
        pairs: Vec::new(),
        body_start: 0,
    };
    let Some(rest) = text.strip_prefix("---\n") else {
        return none;
    };
    let Some(end) = rest.find("\n---") else {
        return none;
    };
    let pairs = rest[..end]
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| {
            (
                k.trim().to_string(),
                v.trim().trim_matches('"').trim_matches('\'').to_string(),
            )
        })
        .collect();
    // The line after the closing `---` (or the end of the text).
    let closing = 4 + end + 4;
    let body_start = text[closing..]
        .find('\n')
        .map_or(text.len(), |i| closing + i + 1);
    FrontMatter { pairs, body_start }
}

/// Removes kramdown inline attribute lists (`{:target="_blank"}`, `{: .class}`), each within
/// one line, so line numbers stay as they were.
pub fn strip_kramdown_attributes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{:") {
        let tail = &rest[start..];
        match (tail.find('}'), tail.find('\n')) {
            (Some(end), newline) if newline.is_none_or(|n| end < n) => {
                out.push_str(&rest[..start]);
                rest = &rest[start + end + 1..];
            }
            _ => {
                out.push_str(&rest[..start + 2]);
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes HTML tags, keeping the text between them; decodes entities.
pub fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    html_escape::decode_html_entities(&out).into_owned()
}

/// Final clean-up of an item's inline text: markup remnants out, whitespace tidied at the
/// ends of each line. Inner text is never rewritten.
pub fn clean_inline(text: &str) -> String {
    let text = strip_kramdown_attributes(text);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// Joins a multi-line text into one line (soft breaks become spaces).
pub fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_pairs_and_where_the_body_starts() {
        let fm = front_matter("---\ntitle: \"CTO\"\norder: 16\n---\n# CTO\n");
        assert_eq!(fm.get("title"), Some("CTO"));
        assert_eq!(fm.get("order"), Some("16"));
        assert_eq!(
            &"---\ntitle: \"CTO\"\norder: 16\n---\n# CTO\n"[fm.body_start..],
            "# CTO\n"
        );
        assert_eq!(front_matter("# No front matter\n").body_start, 0);
        assert_eq!(
            front_matter("---\ntitle: x\n---").body_start,
            16,
            "no body: the end of the text"
        );
    }

    #[test]
    fn line_index_maps_offsets_to_lines() {
        let idx = LineIndex::new("a\nbc\n\nd");
        assert_eq!(idx.line_of(0), 1);
        assert_eq!(idx.line_of(2), 2);
        assert_eq!(idx.line_of(3), 2);
        assert_eq!(idx.line_of(5), 3);
        assert_eq!(idx.line_of(6), 4);
    }

    #[test]
    fn markup_is_stripped_and_entities_decoded() {
        assert_eq!(strip_kramdown_attributes("x{:target=\"_blank\"} y"), "x y");
        assert_eq!(strip_kramdown_attributes("a {: b\nc} d"), "a {: b\nc} d");
        assert_eq!(strip_tags("<b>R&amp;D</b> &lt;ok&gt;"), "R&D <ok>");
        assert_eq!(clean_inline("  a \n\n b  "), "a\nb");
    }
}
