//! Which part of the rendered Markdown came from which item, section title, group title,
//! skill, fact or posting field: each is looked up in the text (items, headings and skills in
//! the order the posting shows them), so a finding's span can name its origin.

use super::{CheckInput, FindingOrigin};
use crate::drafts::PostingField;

pub struct SourceMap {
    /// (start, end, origin), byte offsets into the Markdown.
    entries: Vec<(usize, usize, FindingOrigin)>,
}

impl SourceMap {
    pub fn build(input: &CheckInput) -> SourceMap {
        let md = input.markdown;
        let mut entries = Vec::new();
        // Items: the draft's (edited) texts, each looked up after the previous one.
        let mut cursor = 0;
        for section in &input.context.sections {
            let Some(role_section) = input.role.section(&section.key) else {
                continue;
            };
            for (index, item) in role_section.items.iter().enumerate() {
                if input.draft.is_off(&section.key, index) {
                    continue;
                }
                let text = input.draft.edit(&section.key, index).unwrap_or(&item.text);
                let origin = FindingOrigin::Item {
                    section: section.key.clone(),
                    index: index as u32,
                    file: item.source.file.clone(),
                    line: item.source.line,
                };
                if let Some((s, e)) = locate(md, text, cursor).or_else(|| locate(md, text, 0)) {
                    cursor = e;
                    entries.push((s, e, origin));
                }
            }
        }
        // Section headings and titles, and group titles, as heading lines, in order.
        let mut cursor = 0;
        for section in &input.context.sections {
            let origin = FindingOrigin::Section {
                section: section.key.clone(),
            };
            let mut names = vec![section.heading.as_str()];
            if section.title != section.heading {
                names.push(section.title.as_str());
            }
            let found = names
                .iter()
                .filter_map(|n| heading_line(md, n, cursor).or_else(|| heading_line(md, n, 0)))
                .min_by_key(|(s, _)| *s);
            if let Some((s, e)) = found {
                cursor = e;
                entries.push((s, e, origin.clone()));
            }
            let titles = section.groups.iter().filter_map(|g| g.title.as_deref());
            for title in titles {
                if let Some((s, e)) = heading_line(md, title, cursor) {
                    cursor = e;
                    entries.push((s, e, origin.clone()));
                }
            }
        }
        // SFIA skills: the name in its heading, and each attainment statement.
        let mut cursor = 0;
        let mut index = 0u32;
        for skill in &input.role.skills {
            let skills = || FindingOrigin::Section {
                section: SKILLS.to_string(),
            };
            if let Some((s, e)) = heading_start(md, &skill.name, cursor) {
                cursor = e;
                entries.push((s, e, skills()));
            }
            for item in &skill.attainment {
                if let Some((s, e)) = locate(md, &item.text, cursor) {
                    cursor = e;
                    entries.push((
                        s,
                        e,
                        FindingOrigin::Item {
                            section: SKILLS.to_string(),
                            index,
                            file: item.source.file.clone(),
                            line: item.source.line,
                        },
                    ));
                }
                index += 1;
            }
        }
        for (key, value) in &input.role.facts {
            if let Some((s, e)) = locate(md, value, 0) {
                let source = input.role.fact_sources.get(key);
                entries.push((
                    s,
                    e,
                    FindingOrigin::Fact {
                        key: key.clone(),
                        file: source.map(|s| s.file.clone()),
                        line: source.map(|s| s.line),
                    },
                ));
            }
        }
        for field in PostingField::ALL {
            if let Some(value) = input.context.posting.get(field) {
                let mut from = 0;
                while let Some((s, e)) = locate(md, value, from) {
                    entries.push((
                        s,
                        e,
                        FindingOrigin::Field {
                            field: field.key().to_string(),
                        },
                    ));
                    from = e;
                }
            }
        }
        SourceMap { entries }
    }

    /// The origin of the smallest entry holding `start..end`, else of the smallest one
    /// overlapping it ("15+ years": the fact "15+" and the template's "years"), else the
    /// template.
    pub fn origin(&self, start: usize, end: usize) -> FindingOrigin {
        let smallest = |fits: &dyn Fn(usize, usize) -> bool| {
            self.entries
                .iter()
                .filter(|(s, e, _)| fits(*s, *e))
                .min_by_key(|(s, e, _)| e - s)
                .map(|(_, _, o)| o.clone())
        };
        smallest(&|s, e| s <= start && end <= e)
            .or_else(|| smallest(&|s, e| s < end && start < e))
            .unwrap_or(FindingOrigin::Template)
    }

    /// Where the text of an origin sits (the first place), for findings about a whole item.
    pub fn span_of(&self, origin: &FindingOrigin) -> Option<(usize, usize)> {
        self.entries
            .iter()
            .find(|(_, _, o)| o == origin)
            .map(|(s, e, _)| (*s, *e))
    }
}

/// The section key findings in a role's SFIA skills carry (the skills are not a section of the
/// role, but templates show them as one).
pub const SKILLS: &str = "skills";

/// The text of an ATX heading line (`## text`, `## **text**`, `## text:`), without its markup.
fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let body = &line[hashes..];
    if !(1..=6).contains(&hashes) || !(body.is_empty() || body.starts_with([' ', '\t'])) {
        return None;
    }
    let body = body.trim();
    let body = body
        .strip_prefix("**")
        .and_then(|b| b.strip_suffix("**"))
        .unwrap_or(body);
    Some(body.trim_end_matches(':').trim())
}

/// Where `text` is a whole heading line, from `from` on.
fn heading_line(md: &str, text: &str, from: usize) -> Option<(usize, usize)> {
    heading_find(md, text, from, |body| body == text.trim())
}

/// Where a heading line from `from` on starts with `text` ("### Product management (PROD),
/// level 6"): the span of `text`.
fn heading_start(md: &str, text: &str, from: usize) -> Option<(usize, usize)> {
    heading_find(md, text, from, |body| body.starts_with(text.trim()))
}

fn heading_find(
    md: &str,
    text: &str,
    from: usize,
    fits: impl Fn(&str) -> bool,
) -> Option<(usize, usize)> {
    let text = text.trim();
    if text.is_empty() || from > md.len() || !md.is_char_boundary(from) {
        return None;
    }
    let mut at = from;
    for line in md[from..].split_inclusive('\n') {
        if let Some(body) = heading_text(line).filter(|b| fits(b)) {
            let i = line.find(body).unwrap_or(0);
            let start = at + i;
            return Some((start, start + text.len()));
        }
        at += line.len();
    }
    None
}

/// A text's place in the Markdown from `from` on: as written, else with the indentation the
/// `indent` helper gives later lines, else its first line.
fn locate(md: &str, text: &str, from: usize) -> Option<(usize, usize)> {
    let text = text.trim();
    if text.is_empty() || from > md.len() || !md.is_char_boundary(from) {
        return None;
    }
    let hay = &md[from..];
    if let Some(i) = hay.find(text) {
        return Some((from + i, from + i + text.len()));
    }
    for indent in ["\n  ", "\n    "] {
        let indented = text.replace('\n', indent);
        if let Some(i) = hay.find(&indented) {
            return Some((from + i, from + i + indented.len()));
        }
    }
    let first = text.lines().next()?.trim();
    if first.len() >= 12 && first.len() < text.len() {
        return hay.find(first).map(|i| (from + i, from + i + first.len()));
    }
    None
}
