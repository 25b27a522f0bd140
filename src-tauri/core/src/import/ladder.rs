//! Ladder pages (Jekyll front matter, kramdown Markdown, `<table markdown="1">` blocks holding
//! neighbouring levels side by side). One page yields one role per column; the bold column
//! is the page's own role.
//!
//! Tables come in two orientations, both read as (name row, value row) pairs:
//! horizontal — names in one row, values in the next; vertical — one cell per row,
//! name, value, name, value, ...

use std::collections::{HashMap, HashSet};

use crate::model::{Format, Role, SourceRef, Warning, WarningKind};

use super::blocks::{markdown_blocks, Block, BlockItem};
use super::builder::{item, RoleBuilder};
use super::sections::{canonical, section_key, unmapped_heading, Target};
use super::text::{front_matter, one_line, strip_tags, LineIndex};
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
    let front = front_matter(&doc.text);
    let body_start = front.body_start;
    let index = LineIndex::new(&doc.text);
    let file = doc.name.as_str();
    let page_title = front
        .get("title")
        .map(str::to_string)
        .filter(|t| !crate::model::slug(t).is_empty());

    let mut page = Page {
        doc,
        roles: Vec::new(),
        own: page_title.clone(),
        track: None,
        notes: Vec::new(),
        warnings: Vec::new(),
        role_index: HashMap::new(),
        pushed: HashSet::new(),
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
                    page.warnings.push(unmapped_heading(file, line_no, &h.1));
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

    // Page notes are copied into every role of the page: bound the copies.
    if page.roles.len().saturating_mul(page.notes.len()) > MAX_NOTE_COPIES {
        return Err(ImportError::Invalid {
            file: file.into(),
            line: page.notes.first().map_or(1, |(_, it)| it.line),
            message: format!(
                "{} page notes for each of {} level columns: over {MAX_NOTE_COPIES} copies",
                page.notes.len(),
                page.roles.len()
            ),
        });
    }
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

/// The most page-note items one page may produce (notes × level columns): every role of
/// a page gets a copy of its notes, so a page of thousands of both would fill the memory.
const MAX_NOTE_COPIES: usize = 100_000;

struct Page<'a> {
    doc: &'a Document,
    roles: Vec<(RoleBuilder, bool)>,
    own: Option<String>,
    track: Option<String>,
    /// Text outside the tables of a section that has tables: it speaks for the whole page.
    notes: Vec<(String, BlockItem)>,
    warnings: Vec<Warning>,
    /// Role id → index in `roles`.
    role_index: HashMap<String, usize>,
    /// (role id, section key, line, text) of every table item already read.
    pushed: HashSet<(String, String, u32, String)>,
}

impl Page<'_> {
    fn role(&mut self, name: &str, bold: bool) -> &mut RoleBuilder {
        let id = crate::model::slug(name);
        let index = match self.role_index.get(&id) {
            Some(&i) => i,
            None => {
                self.roles.push((
                    RoleBuilder::new(name, self.doc, Format::LadderPage, false),
                    false,
                ));
                self.role_index.insert(id, self.roles.len() - 1);
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
        // Slug of each level name seen in this table → its first value cell's text.
        let mut seen: HashMap<String, String> = HashMap::new();
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
                let name_id = crate::model::slug(&name);
                if let Some(earlier) = seen.get(&name_id) {
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
                seen.entry(name_id.clone())
                    .or_insert_with(|| value.content.clone());
                let items: Vec<BlockItem> = markdown_blocks(&value.content, value.line)
                    .into_iter()
                    .filter_map(|b| match b {
                        Block::Item(it) => Some(it),
                        _ => None,
                    })
                    .collect();
                let mut pushed = std::mem::take(&mut self.pushed);
                let role = self.role(&name, bold);
                match canonical(heading) {
                    Some(Target::Fact(key)) => {
                        let text = items
                            .iter()
                            .map(|i| one_line(&i.text))
                            .collect::<Vec<_>>()
                            .join("\n");
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
                            // Read once (a set: a scan of the section per item was quadratic).
                            let id = (name_id.clone(), key.clone(), it.line, it.text.clone());
                            if pushed.insert(id) {
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
                self.pushed = pushed;
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
    // Compared in place: lower-casing the rest of the page for every table made a page of
    // many tables quadratic.
    let tag_at = |at: usize, tag: &str| {
        text.as_bytes()
            .get(at..at + tag.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(tag.as_bytes()))
    };
    let mut depth = 0usize;
    let mut i = start;
    while let Some(lt) = text[i..].find('<') {
        let at = i + lt;
        if tag_at(at, "<table") {
            depth += 1;
        } else if tag_at(at, "</table") {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                let end = text[at..].find('>').map_or(text.len(), |g| at + g + 1);
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

    /// Pathological input: 50,000 small tables took 15 s, each table's end being looked for
    /// in a lower-cased copy of the rest of the page.
    #[test]
    fn quadratic_table_end_many_tables_and_mixed_case_tags() {
        let text = "<TABLE><tr><td>a</td></tr><Table>x</TABLE></table>\nafter\n<table>";
        assert_eq!(find_table_end(text, 0), text.find("after").unwrap());
        assert_eq!(find_table_end(text, text.rfind('<').unwrap()), text.len());
        let mut page = String::from("---\ntitle: P\n---\n# P\n### Responsibilities\n");
        for i in 0..20_000 {
            page.push_str(&format!(
                "<table markdown=\"1\"><tr><td>P</td></tr><tr><td>item {i}</td></tr></table>\n"
            ));
        }
        let imported = parse(&Document::from_text("p.md", page)).unwrap();
        assert_eq!(imported.roles[0].items().count(), 20_000);
    }

    /// Pathological inputs: 5,000 level columns took 3.5 s (each column's name looked up by
    /// re-slugging every earlier name); a cell of 100,000 items took 18 s (each item checked
    /// against every earlier item of its section).
    #[test]
    fn quadratic_columns_and_items_many_columns_and_a_long_cell() {
        let mut page = String::from(
            "---\ntitle: L0\n---\n# L0\n### Responsibilities\n<table markdown=\"1\">\n<tr>",
        );
        for i in 0..3_000 {
            page.push_str(&format!("<td>L{i}</td>"));
        }
        page.push_str("<td>L7</td></tr>\n<tr>");
        for i in 0..3_000 {
            page.push_str(&format!("<td>\n\n- does {i}\n\n</td>"));
        }
        page.push_str("<td>\n\n- does 7\n\n</td></tr>\n</table>\n");
        let imported = parse(&Document::from_text("p.md", page)).unwrap();
        assert_eq!(imported.roles.len(), 3_000);
        assert_eq!(imported.roles[7].items().count(), 1);
        let dup: Vec<_> = imported
            .warnings
            .iter()
            .filter(|w| w.kind == WarningKind::DuplicateColumn)
            .collect();
        assert_eq!(dup.len(), 1);
        assert!(
            dup[0].message.contains("same text; read once"),
            "{}",
            dup[0].message
        );

        let cell: String = (0..30_000).map(|i| format!("- item {i}\n")).collect();
        let page = format!("---\ntitle: P\n---\n# P\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n\nP\n\n</td></tr>\n<tr><td>\n\n{cell}\n</td></tr>\n</table>\n");
        let imported = parse(&Document::from_text("p.md", page)).unwrap();
        assert_eq!(imported.roles[0].items().count(), 30_000);
    }

    /// Pathological input: every role of a page gets a copy of the page notes, so thousands
    /// of level columns and thousands of notes made millions of items: a clean error instead.
    #[test]
    fn page_notes_times_columns_is_bounded() {
        let page_with = |columns: usize, notes: usize| {
            let mut page = String::from("---\ntitle: L0\n---\n# L0\n### Responsibilities\n");
            page.push_str("<table markdown=\"1\">\n<tr>");
            for i in 0..columns {
                page.push_str(&format!("<td>L{i}</td>"));
            }
            page.push_str("</tr>\n<tr>");
            for i in 0..columns {
                page.push_str(&format!("<td>does {i}</td>"));
            }
            page.push_str("</tr>\n</table>\n");
            for i in 0..notes {
                page.push_str(&format!("Note {i}.\n\n"));
            }
            parse(&Document::from_text("p.md", page))
        };
        let imported = page_with(100, 1_000).unwrap();
        assert_eq!(imported.roles.len(), 100);
        assert!(imported.roles.iter().all(|r| r.items().count() == 1_001));
        let err = page_with(1_000, 1_000).unwrap_err().to_string();
        assert_eq!(
            err,
            "p.md:10: 1000 page notes for each of 1000 level columns: over 100000 copies"
        );
    }
}
