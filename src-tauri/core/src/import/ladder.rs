//! Ladder pages (Jekyll front matter, kramdown Markdown, `<table markdown="1">` blocks holding
//! neighbouring levels side by side). One page yields one role per column; the bold column
//! is the page's own role.
//!
//! Tables come in two orientations, both read as (name row, value row) pairs:
//! horizontal — names in one row, values in the next; vertical — one cell per row,
//! name, value, name, value, ...

use crate::model::{Format, Role, SourceRef, Warning, WarningKind};

use super::blocks::{markdown_blocks, Block, BlockItem};
use super::builder::{item, RoleBuilder};
use super::sections::{canonical, section_key, Target};
use super::text::{one_line, strip_tags, LineIndex};
use super::{Document, ImportError, Imported};

pub fn detect(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    lower.contains("<table")
        && lower.contains("<td")
        && (text.starts_with("---") || lower.contains("markdown=\"1\""))
}

/// One `<td>`: its text, its first line in the document, whether it is styled bold.
#[derive(Debug)]
struct Cell {
    content: String,
    line: u32,
    bold: bool,
}

pub fn parse(doc: &Document) -> Result<Imported, ImportError> {
    let (front, body_start) = front_matter(&doc.text);
    let index = LineIndex::new(&doc.text);
    let file = doc.name.as_str();
    let page_title = front
        .iter()
        .find(|(k, _)| k == "title")
        .map(|(_, v)| v.clone())
        .filter(|t| !crate::model::slug(t).is_empty());

    let mut page = Page {
        doc,
        roles: Vec::new(),
        own: page_title.clone(),
        track: None,
        notes: Vec::new(),
        warnings: Vec::new(),
    };
    let mut heading = String::new();
    let mut loose = String::new();
    let mut loose_line = 0u32;
    let mut section_has_table = false;

    let body = &doc.text[body_start..];
    let mut pos = 0;
    while pos < body.len() {
        let line_end = body[pos..].find('\n').map_or(body.len(), |i| pos + i + 1);
        let line = &body[pos..line_end];
        let line_no = index.line_of(body_start + pos);
        let trimmed = line.trim_start();
        if let Some(h) = atx_heading(trimmed) {
            page.flush_loose(&heading, &loose, loose_line, section_has_table);
            loose.clear();
            section_has_table = false;
            if h.0 == 1 {
                let (title, track) = split_track(&h.1);
                page.track = track;
                if page.own.is_none() && !crate::model::slug(&title).is_empty() {
                    page.own = Some(title);
                }
                heading = String::new();
            } else {
                if canonical(&h.1).is_none() {
                    page.warnings.push(Warning {
                        kind: WarningKind::UnmappedHeading,
                        file: file.into(),
                        line: Some(line_no),
                        message: format!(
                            "heading \"{}\" has no canonical section; kept as \"{}\"",
                            h.1,
                            section_key(&h.1)
                        ),
                        dropped: Vec::new(),
                    });
                }
                heading = h.1;
            }
            pos = line_end;
            continue;
        }
        if trimmed.to_ascii_lowercase().starts_with("<table") {
            page.flush_loose(&heading, &loose, loose_line, section_has_table);
            loose.clear();
            let end = find_table_end(body, pos);
            let rows = parse_rows(&body[pos..end], body_start + pos, &index);
            page.table(&heading, rows, line_no);
            section_has_table = true;
            pos = end;
            continue;
        }
        if loose.is_empty() {
            loose_line = line_no;
        }
        loose.push_str(line);
        pos = line_end;
    }
    page.flush_loose(&heading, &loose, loose_line, section_has_table);

    let own_title = page_title.or(page.own.clone());
    let mut roles = page.finish(own_title.as_deref());
    if roles.is_empty() {
        return Err(ImportError::Invalid {
            file: file.into(),
            line: 1,
            message: "ladder page with no level columns".into(),
        });
    }
    for role in &mut roles {
        role.track = role.track.take().or(page.track.clone());
    }
    Ok(Imported {
        roles,
        warnings: page.warnings,
    })
}

struct Page<'a> {
    doc: &'a Document,
    roles: Vec<(RoleBuilder, bool)>,
    own: Option<String>,
    track: Option<String>,
    /// Text outside the tables of a section that has tables: it speaks for the whole page.
    notes: Vec<(String, BlockItem)>,
    warnings: Vec<Warning>,
}

impl Page<'_> {
    fn role(&mut self, name: &str, bold: bool) -> &mut RoleBuilder {
        let id = crate::model::slug(name);
        let index = match self.roles.iter().position(|(b, _)| b.id() == id) {
            Some(i) => i,
            None => {
                self.roles.push((
                    RoleBuilder::new(name, self.doc, Format::LadderPage, false),
                    false,
                ));
                self.roles.len() - 1
            }
        };
        if bold {
            self.roles[index].1 = true;
        }
        &mut self.roles[index].0
    }

    fn flush_loose(&mut self, heading: &str, text: &str, line: u32, section_has_table: bool) {
        if text.trim().is_empty() {
            return;
        }
        for block in markdown_blocks(text, line) {
            let Block::Item(it) = block else { continue };
            let own = match &self.own {
                // A section with no table: the page's own role speaks.
                Some(own) if !section_has_table && !heading.is_empty() => own.clone(),
                // Text beside tables, or before the page's role is known: the whole page's.
                _ => {
                    self.notes.push((heading.to_string(), it));
                    continue;
                }
            };
            let key = section_key(heading);
            let file = self.doc.name.clone();
            self.role(&own, true).push(
                &key,
                heading,
                item(it.text.clone(), None, &file, it.line, it.links),
            );
        }
    }

    fn table(&mut self, heading: &str, rows: Vec<Vec<Cell>>, line: u32) {
        let file = self.doc.name.clone();
        let mut pairs = rows.chunks(2);
        let mut seen: Vec<(String, String)> = Vec::new();
        for pair in pairs.by_ref() {
            let [names, values] = pair else {
                let text: Vec<String> = pair[0]
                    .iter()
                    .map(|c| one_line(&strip_tags(&c.content)))
                    .collect();
                self.warnings.push(Warning {
                    kind: WarningKind::EmptySection,
                    file: file.clone(),
                    line: Some(pair[0].first().map_or(line, |c| c.line)),
                    message: format!(
                        "table under \"{heading}\" has a level name row with no value row"
                    ),
                    dropped: text,
                });
                continue;
            };
            for (i, name_cell) in names.iter().enumerate() {
                let name = one_line(&strip_tags(&name_cell.content));
                if name.is_empty() {
                    continue;
                }
                let Some(value) = values.get(i) else {
                    self.warnings.push(Warning {
                        kind: WarningKind::EmptySection,
                        file: file.clone(),
                        line: Some(name_cell.line),
                        message: format!("\"{name}\" has no value under \"{heading}\""),
                        dropped: Vec::new(),
                    });
                    continue;
                };
                let bold = name_cell.bold || value.bold;
                if let Some((_, earlier)) = seen
                    .iter()
                    .find(|(n, _)| crate::model::slug(n) == crate::model::slug(&name))
                {
                    let same = earlier.trim() == value.content.trim();
                    self.warnings.push(Warning {
                        kind: WarningKind::DuplicateColumn,
                        file: file.clone(),
                        line: Some(name_cell.line),
                        message: if same {
                            format!("\"{name}\" appears twice under \"{heading}\" with the same text; read once")
                        } else {
                            format!("\"{name}\" appears twice under \"{heading}\" with different text; items of both kept")
                        },
                        dropped: Vec::new(),
                    });
                    if same {
                        continue;
                    }
                }
                seen.push((name.clone(), value.content.clone()));
                let items: Vec<BlockItem> = markdown_blocks(&value.content, value.line)
                    .into_iter()
                    .filter_map(|b| match b {
                        Block::Item(it) => Some(it),
                        _ => None,
                    })
                    .collect();
                let role = self.role(&name, bold);
                match canonical(heading) {
                    Some(Target::Fact(key)) => {
                        let text = items
                            .iter()
                            .map(|i| one_line(&i.text))
                            .collect::<Vec<_>>()
                            .join("; ");
                        let line = items.first().map_or(value.line, |i| i.line);
                        role.set_fact(
                            key,
                            text,
                            SourceRef {
                                file: file.clone(),
                                line,
                            },
                        );
                    }
                    _ => {
                        let key = section_key(heading);
                        let section = role.section(&key, heading);
                        for it in items {
                            if !section
                                .items
                                .iter()
                                .any(|x| x.text == it.text && x.source.line == it.line)
                            {
                                section.items.push(item(
                                    it.text.clone(),
                                    None,
                                    &file,
                                    it.line,
                                    it.links,
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    fn finish(&mut self, own_title: Option<&str>) -> Vec<Role> {
        let own_id = own_title.map(crate::model::slug);
        let any_bold = self.roles.iter().any(|(_, b)| *b);
        let file = self.doc.name.clone();
        let mut out = Vec::new();
        for (builder, bold) in self.roles.drain(..) {
            let own = if any_bold {
                bold
            } else {
                own_id.as_deref() == Some(builder.id())
            };
            let mut builder = builder;
            for (heading, it) in &self.notes {
                let group = (!heading.is_empty()).then_some(heading.as_str());
                builder.push(
                    "page_notes",
                    "Page notes",
                    item(it.text.clone(), group, &file, it.line, it.links.clone()),
                );
            }
            let mut role = builder.build();
            role.sources[0].own_page = own;
            out.push(role);
        }
        // Sections in each role that came out empty are worth a warning.
        for role in &out {
            for s in role.sections.iter().filter(|s| s.items.is_empty()) {
                self.warnings.push(Warning {
                    kind: WarningKind::EmptySection,
                    file: file.clone(),
                    line: None,
                    message: format!("{}: section \"{}\" is empty", role.title, s.title),
                    dropped: Vec::new(),
                });
            }
        }
        for (heading, _) in &self.notes {
            let _ = heading;
        }
        out
    }
}

/// `(key, value)` pairs of the YAML front matter, and the byte offset where the body starts.
fn front_matter(text: &str) -> (Vec<(String, String)>, usize) {
    let Some(rest) = text.strip_prefix("---\n") else {
        return (Vec::new(), 0);
    };
    let Some(end) = rest.find("\n---") else {
        return (Vec::new(), 0);
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
    let after = 4 + end + 4;
    let body_start = rest[end + 4..]
        .find('\n')
        .map_or(text.len(), |i| 4 + end + 4 + i + 1);
    (pairs, body_start.min(text.len()).max(after.min(text.len())))
}

fn atx_heading(line: &str) -> Option<(usize, String)> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.starts_with(' ') && !rest.trim().is_empty() {
        return None;
    }
    Some((
        hashes,
        super::text::clean_inline(rest.trim().trim_end_matches('#').trim()),
    ))
}

/// "VP of Engineering (People Manager Path)" → ("VP of Engineering", Some("People Manager Path")).
fn split_track(h1: &str) -> (String, Option<String>) {
    if let (Some(open), true) = (h1.rfind('('), h1.ends_with(')')) {
        let track = h1[open + 1..h1.len() - 1].trim();
        return (
            h1[..open].trim().to_string(),
            (!track.is_empty()).then(|| track.to_string()),
        );
    }
    (h1.trim().to_string(), None)
}

/// Byte offset just past the `</table>` closing the table that starts at `start`
/// (nested tables counted), or the end of the text.
fn find_table_end(text: &str, start: usize) -> usize {
    let lower = text[start..].to_ascii_lowercase();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(lt) = lower[i..].find('<') {
        let at = i + lt;
        let tail = &lower[at..];
        if tail.starts_with("<table") {
            depth += 1;
        } else if tail.starts_with("</table") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let close = tail.find('>').map_or(tail.len(), |g| g + 1);
                let end = start + at + close;
                return text[end..].find('\n').map_or(text.len(), |n| end + n + 1);
            }
        }
        i = at + 1;
    }
    text.len()
}

/// The rows of one table: the text inside each top-level `<td>`/`<th>`.
fn parse_rows(table: &str, base: usize, index: &LineIndex) -> Vec<Vec<Cell>> {
    let lower = table.to_ascii_lowercase();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut depth = 0usize; // table nesting
    let mut open_cell: Option<(usize, bool)> = None; // content start, bold
    let mut i = 0;
    while let Some(lt) = lower[i..].find('<') {
        let at = i + lt;
        let tail = &lower[at..];
        let close = tail.find('>').map_or(lower.len(), |g| at + g + 1);
        if tail.starts_with("<table") {
            depth += 1;
        } else if tail.starts_with("</table") {
            depth = depth.saturating_sub(1);
        } else if depth == 1 {
            if tail.starts_with("<tr") {
                rows.push(Vec::new());
            } else if tail.starts_with("<td") || tail.starts_with("<th") {
                let tag = &lower[at..close.min(lower.len())];
                let bold = tag.contains("font-weight:bold") || tag.contains("font-weight: bold");
                open_cell = Some((close, bold));
            } else if tail.starts_with("</td") || tail.starts_with("</th") {
                if let Some((start, bold)) = open_cell.take() {
                    let content = &table[start.min(at)..at];
                    // The line of the cell's first non-blank character.
                    let lead = content.len() - content.trim_start().len();
                    let line = index.line_of(base + start + lead);
                    if rows.is_empty() {
                        rows.push(Vec::new());
                    }
                    if let Some(row) = rows.last_mut() {
                        row.push(Cell {
                            content: dedent(content),
                            line,
                            bold,
                        });
                    }
                }
            }
        }
        i = close.max(at + 1).min(lower.len());
        if i >= lower.len() {
            break;
        }
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// Cell content starts mid-line after the `<td>` tag; keep it starting on its own first line
/// so Markdown line numbers stay right: leading blank lines are dropped, with the cell line
/// computed from the first non-blank character.
fn dedent(content: &str) -> String {
    let trimmed = content.trim_start_matches([' ', '\t']);
    let trimmed = trimmed.trim_start_matches('\n');
    let mut out = String::new();
    let mut started = false;
    for line in trimmed.split_inclusive('\n') {
        if !started && line.trim().is_empty() {
            continue;
        }
        started = true;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_the_track_from_the_h1() {
        assert_eq!(
            split_track("CTO (People Manager Path)"),
            ("CTO".to_string(), Some("People Manager Path".to_string()))
        );
        assert_eq!(split_track("CTO"), ("CTO".to_string(), None));
    }

    #[test]
    fn horizontal_and_vertical_tables_both_yield_columns() {
        let page = "---\ntitle: B\n---\n# B (Path)\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n\nA\n\n</td><td style=\"font-weight:bold\">\n\nB\n\n</td></tr>\n<tr><td markdown=\"1\">\n\n- a1\n- a2\n\n</td><td markdown=\"1\">\n\n- b1\n\n</td></tr>\n</table>\n### Checkpoints\n<table markdown=\"1\">\n<tr><td>\n\nA\n\n</td></tr>\n<tr><td>\n\n- ca\n\n</td></tr>\n<tr><td>\n\nB\n\n</td></tr>\n<tr><td>\n\n- cb\n\n</td></tr>\n</table>\n";
        let doc = Document::from_text("p.md", page);
        let imported = parse(&doc).unwrap();
        let titles: Vec<_> = imported.roles.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["A", "B"]);
        let a = &imported.roles[0];
        let texts: Vec<_> = a
            .items()
            .map(|i| (i.text.as_str(), i.source.line))
            .collect();
        assert_eq!(texts, [("a1", 18), ("a2", 19), ("ca", 36)]);
        assert!(imported.roles[1].sources[0].own_page);
        assert!(!a.sources[0].own_page);
        assert_eq!(a.track.as_deref(), Some("Path"));
    }

    /// Fuzzing found: with a front-matter title, a section without a table went to a role
    /// with an empty id and title instead of the page's own role.
    #[test]
    fn fuzz_tableless_section_under_front_matter_title_goes_to_the_own_role() {
        let page = "---\ntitle: CTO\n---\n# CTO\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n\nCTO\n\n</td></tr>\n<tr><td>\n\n- owns tech\n\n</td></tr>\n</table>\n### Goals\n\n- ship it\n";
        let imported = parse(&Document::from_text("p.md", page)).unwrap();
        let ids: Vec<_> = imported.roles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["cto"]);
        let texts: Vec<_> = imported.roles[0].items().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["owns tech", "ship it"]);
        // No title anywhere before the loose text: it is the page's, never a nameless role's.
        let page = "---\nlayout: x\n---\n### Goals\n\n- ship it\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n\nA\n\n</td></tr>\n<tr><td>\n\n- a1\n\n</td></tr>\n</table>\n";
        let imported = parse(&Document::from_text("p.md", page)).unwrap();
        assert!(imported.roles.iter().all(|r| !r.id.is_empty()));
        let texts: Vec<_> = imported.roles[0].items().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["a1", "ship it"]);
    }
}
