//! Plain-text role blueprints saved from web pages: a title line, numbered sections
//! `N) Title`, sub-group lines, `•`/`–`/`-` bullets, numbered items, and tables flattened
//! to one row per line. Web-page junk before the title and after the last section (ads,
//! comment widgets, course promotions) is dropped, and a warning lists every dropped line.

use crate::model::{Format, Warning, WarningKind};

use super::builder::{item, RoleBuilder};
use super::sections::{canonical, section_key, unmapped_heading, Target};
use super::{Document, ImportError, Imported};

pub fn detect(text: &str) -> bool {
    section_headings(&text.lines().collect::<Vec<_>>()).len() >= 3
}

/// `3) Core Responsibilities` → Some(3).
fn numbered_heading(line: &str) -> Option<u32> {
    if line.starts_with(char::is_whitespace) {
        return None;
    }
    let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
    let rest = line.get(digits.len()..)?.strip_prefix(") ")?;
    let n: u32 = digits.parse().ok()?;
    (!rest.trim().is_empty() && rest.len() < 120 && !rest.ends_with('.')).then_some(n)
}

/// Line indexes of the section headings: numbered 1, 2, 3, ... in order.
fn section_headings(lines: &[&str]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut next = 1;
    for (i, line) in lines.iter().enumerate() {
        if numbered_heading(line) == Some(next) {
            out.push(i);
            next += 1;
        }
    }
    out
}

/// A bullet or numbered line: its text without the marker.
fn list_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for marker in ["• ", "◦ ", "▪ ", "– ", "— ", "- ", "* "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim());
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 && line.starts_with(char::is_whitespace) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim());
        }
    }
    None
}

const WIDGET_LINES: &[&str] = &[
    "subscribe",
    "notify of",
    "inline feedbacks",
    "view all comments",
    "oldest most voted",
    "newest",
    "guest",
];
const CALL_TO_ACTION: &[&str] = &[
    "find", "explore", "compare", "discover", "book", "start", "get", "join", "shop", "sign",
    "try", "learn", "enroll", "register", "download",
];

/// Where the trailing junk starts (a line index), if the page ends in a comment widget
/// and promotions.
fn trailing_junk(lines: &[&str], last_heading: usize) -> Option<usize> {
    let is_widget = |l: &str| {
        let t = l.trim().to_lowercase();
        WIDGET_LINES.contains(&t.as_str())
            || t.strip_suffix(" comments")
                .or_else(|| t.strip_suffix(" comment"))
                .is_some_and(|n| n.parse::<u32>().is_ok())
    };
    let widget = (last_heading + 1..lines.len()).find(|&i| is_widget(lines[i]))?;
    // Start of the widget's block of non-blank lines.
    let mut start = widget;
    while start > last_heading + 1 && !lines[start - 1].trim().is_empty() {
        start -= 1;
    }
    // Walk back over promotional blocks: short lines opening with a call to action.
    loop {
        let mut end = start;
        while end > last_heading + 1 && lines[end - 1].trim().is_empty() {
            end -= 1;
        }
        let mut begin = end;
        while begin > last_heading + 1 && !lines[begin - 1].trim().is_empty() {
            begin -= 1;
        }
        if begin == end {
            return Some(start);
        }
        let block = &lines[begin..end];
        let promo = block.len() <= 3
            && block
                .iter()
                .all(|l| l.len() <= 120 && !l.starts_with(char::is_whitespace))
            && block[0]
                .split_whitespace()
                .next()
                .is_some_and(|w| CALL_TO_ACTION.contains(&w.to_lowercase().as_str()));
        if !promo {
            return Some(start);
        }
        start = begin;
    }
}

pub fn parse(doc: &Document) -> Result<Imported, ImportError> {
    let file = doc.name.as_str();
    let lines: Vec<&str> = doc.text.lines().collect();
    let headings = section_headings(&lines);
    let first = *headings.first().ok_or_else(|| ImportError::Invalid {
        file: file.into(),
        line: 1,
        message: "no numbered sections (`1) Title`)".into(),
    })?;
    let last = headings.last().copied().unwrap_or(first);
    // The title is the last non-blank line before section 1.
    let title_at = (0..first)
        .rev()
        .find(|&i| !lines[i].trim().is_empty())
        .ok_or_else(|| ImportError::Invalid {
            file: file.into(),
            line: first as u32 + 1,
            message: "no title line before the first section".into(),
        })?;
    let title_line = lines[title_at].trim();
    let title = title_line
        .split_once(':')
        .map_or(title_line, |(t, _)| t)
        .trim();
    let mut role = RoleBuilder::new(title, doc, Format::Blueprint, true);
    let mut warnings = Vec::new();
    let dropped_before: Vec<String> = lines[..title_at]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if !dropped_before.is_empty() {
        warnings.push(junk_warning(file, 1, "before the title", dropped_before));
    }
    let end = trailing_junk(&lines, last).unwrap_or(lines.len());
    let dropped_after: Vec<String> = lines[end..]
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    if !dropped_after.is_empty() {
        warnings.push(junk_warning(
            file,
            end as u32 + 1,
            "after the last section",
            dropped_after,
        ));
    }

    for (n, &start) in headings.iter().enumerate() {
        let stop = headings.get(n + 1).copied().unwrap_or(end);
        let heading = lines[start].trim();
        let key = section_key(heading);
        if !matches!(canonical(heading), Some(Target::Section(_))) {
            warnings.push(unmapped_heading(file, start as u32 + 1, heading));
        }
        role.section(&key, heading);
        parse_section(&mut role, &key, heading, &lines, start + 1, stop, file);
    }
    Ok(Imported {
        roles: vec![role.build()],
        warnings,
    })
}

fn junk_warning(file: &str, line: u32, place: &str, dropped: Vec<String>) -> Warning {
    Warning {
        kind: WarningKind::JunkDropped,
        file: file.into(),
        line: Some(line),
        message: format!(
            "{} line(s) of web-page text {place} dropped (ads, widgets, promotions)",
            dropped.len()
        ),
        dropped,
    }
}

/// Reads lines `from..to` of one section into items, sub-groups and table rows.
fn parse_section(
    role: &mut RoleBuilder,
    key: &str,
    heading: &str,
    lines: &[&str],
    from: usize,
    to: usize,
    file: &str,
) {
    let mut group: Option<String> = None;
    let mut i = from;
    while i < to {
        let line = lines[i];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        let line_no = i as u32 + 1;
        if let Some(text) = list_item(line) {
            role.push(
                key,
                heading,
                item(text, group.as_deref(), file, line_no, Vec::new()),
            );
            i += 1;
            continue;
        }
        if line.starts_with(char::is_whitespace) {
            // An indented continuation line: its own paragraph, in the current group.
            role.push(
                key,
                heading,
                item(trimmed, group.as_deref(), file, line_no, Vec::new()),
            );
            i += 1;
            continue;
        }
        // A run of consecutive non-indented, non-list lines.
        let mut run_end = i;
        while run_end < to
            && !lines[run_end].trim().is_empty()
            && !lines[run_end].starts_with(char::is_whitespace)
            && list_item(lines[run_end]).is_none()
        {
            run_end += 1;
        }
        let run = &lines[i..run_end];
        if run.len() >= 3 {
            // A flattened table: the first row is its header.
            role.section(key, heading).table_headers.push(item(
                run[0].trim(),
                group.as_deref(),
                file,
                line_no,
                Vec::new(),
            ));
            for (k, row) in run.iter().enumerate().skip(1) {
                role.push(
                    key,
                    heading,
                    item(
                        row.trim(),
                        group.as_deref(),
                        file,
                        line_no + k as u32,
                        Vec::new(),
                    ),
                );
            }
            i = run_end;
            continue;
        }
        if run.len() == 2 && run[0].trim().ends_with(':') {
            // "Core mission:" directly over its text: a labelled paragraph.
            let label = run[0].trim().trim_end_matches(':').trim();
            role.push(
                key,
                heading,
                item(run[1].trim(), Some(label), file, line_no + 1, Vec::new()),
            );
            i = run_end;
            continue;
        }
        if run.len() == 1 && is_group_heading(lines, i, to) {
            group = Some(trimmed.to_string());
            i += 1;
            continue;
        }
        for (k, l) in run.iter().enumerate() {
            role.push(
                key,
                heading,
                item(
                    l.trim(),
                    group.as_deref(),
                    file,
                    line_no + k as u32,
                    Vec::new(),
                ),
            );
        }
        i = run_end;
    }
}

/// A short line standing alone, followed (after a blank) by list items or a table.
fn is_group_heading(lines: &[&str], i: usize, to: usize) -> bool {
    let line = lines[i].trim();
    if line.len() > 120 || line.ends_with('.') || line.ends_with(':') {
        return false;
    }
    let next = (i + 1..to).find(|&j| !lines[j].trim().is_empty());
    match next {
        Some(j) if j > i + 1 => {
            list_item(lines[j]).is_some() || {
                // a table: 3+ consecutive plain lines
                let mut k = j;
                while k < to
                    && !lines[k].trim().is_empty()
                    && !lines[k].starts_with(char::is_whitespace)
                {
                    k += 1;
                }
                k - j >= 3
            }
        }
        _ => false,
    }
}
