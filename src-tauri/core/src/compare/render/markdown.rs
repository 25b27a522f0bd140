//! A comparison as Markdown (CommonMark + GitHub tables and strikethrough). Every role text is
//! escaped, so an item can never turn into markup, a link or a broken table.

use std::fmt::Write;

use super::super::types::{
    Cell, Comparison, LadderStep, MultiComparison, Row, Status, WordOp, WordOpKind,
};
use super::{
    cell_level, change, counts_by_role, fact_label, grid_summary_table, ladder_order, level_text,
    mark, omitted_note, side_level, sides, skill_change, step_heading, summary_table, Syntax,
};

const LEGEND: &str =
    "`=` same, `~` changed, `−` removed, `+` added. In changed entries ~~struck~~ words \
                      are only in the earlier role, **bold** words only in the later one.";

/// Markdown of a 2-way comparison.
pub fn markdown(c: &Comparison) -> String {
    let (left, right) = (&c.headers[0].title, &c.headers[1].title);
    let mut out = String::new();
    let _ = writeln!(out, "# {} → {}\n", esc(left), esc(right));
    let _ = writeln!(
        out,
        "From **{}** (`{}`) to **{}** (`{}`). {LEGEND}\n",
        esc(left),
        code(&c.roles[0]),
        esc(right),
        code(&c.roles[1])
    );
    let (head, rows) = summary_table::<Md>(&c.summary);
    summary_md(&mut out, &head, &rows, omitted_note::<Md>(&c.omitted));
    if let Some(note) = &c.approximate {
        let _ = writeln!(out, "> **Note:** {}\n", esc(note));
    }
    if !c.facts.is_empty() {
        out.push_str("## Facts\n\n");
        table_head(&mut out, &["", "Fact", left, right]);
        for f in &c.facts {
            let (l, r) = sides::<Md>(
                f.status,
                f.left.as_deref(),
                f.right.as_deref(),
                f.words.as_deref(),
            );
            let _ = writeln!(
                out,
                "| {} | {} | {l} | {r} |",
                mark(f.status),
                esc(&fact_label(&f.key))
            );
        }
        out.push('\n');
    }
    for s in &c.sections {
        let _ = writeln!(out, "## {}\n\n{}\n", esc(&s.title), s.counts.summary());
        rows_table(&mut out, &s.rows, left, right);
    }
    if !c.skills.is_empty() {
        out.push_str("## SFIA skills\n\n");
        table_head(&mut out, &["", "Skill", left, right]);
        for s in &c.skills {
            let _ = writeln!(
                out,
                "| {} | {} ({}) | {} | {} |",
                mark(s.status),
                esc(&s.name),
                esc(&s.code),
                side_level(s.status != Status::Added, s.left_level),
                side_level(s.status != Status::Removed, s.right_level)
            );
        }
        out.push('\n');
        for s in c.skills.iter().filter(|s| s.status == Status::Changed) {
            let _ = writeln!(out, "### {} ({}): attainment\n", esc(&s.name), esc(&s.code));
            rows_table(&mut out, &s.attainment, left, right);
        }
    }
    out
}

/// Markdown of an N-way comparison: aligned tables, then the ladder.
pub fn markdown_many(m: &MultiComparison) -> String {
    let titles: Vec<&str> = m.headers.iter().map(|h| h.title.as_str()).collect();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n",
        titles
            .iter()
            .map(|t| esc(t))
            .collect::<Vec<_>>()
            .join(" → ")
    );
    let _ = writeln!(
        out,
        "Each role is compared with the role to its left. {LEGEND}\n"
    );
    let (sum_head, sum_rows) = grid_summary_table::<Md>(&m.summary, &titles);
    summary_md(
        &mut out,
        &sum_head,
        &sum_rows,
        omitted_note::<Md>(&m.omitted),
    );
    if let Some(note) = &m.approximate {
        let _ = writeln!(out, "> **Note:** {}\n", esc(note));
    }
    let mut head = vec![""];
    head.extend(&titles);
    if !m.facts.is_empty() {
        out.push_str("## Facts\n\n");
        head[0] = "Fact";
        table_head(&mut out, &head);
        for f in &m.facts {
            let cells: Vec<String> = f.cells.iter().map(cell_md).collect();
            let _ = writeln!(
                out,
                "| {} | {} |",
                esc(&fact_label(&f.key)),
                cells.join(" | ")
            );
        }
        out.push('\n');
    }
    for s in &m.sections {
        let _ = writeln!(out, "## {}\n", esc(&s.title));
        let counts = counts_by_role::<Md>(&s.counts, &titles);
        let _ = writeln!(out, "{}\n", counts);
        table_head(&mut out, &titles);
        for row in &s.rows {
            let cells: Vec<String> = row.cells.iter().map(cell_md).collect();
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    if !m.skills.is_empty() {
        out.push_str("## SFIA skills\n\n");
        head[0] = "Skill";
        table_head(&mut out, &head);
        for s in &m.skills {
            let cells: Vec<String> = s
                .cells
                .iter()
                .map(|c| match c {
                    None => String::new(),
                    Some(c) => {
                        let level = cell_level(c);
                        match c.status {
                            Some(st) => format!("{} {level}", mark(st)).trim_end().to_string(),
                            None => level,
                        }
                    }
                })
                .collect();
            let _ = writeln!(
                out,
                "| {} ({}) | {} |",
                esc(&s.name),
                esc(&s.code),
                cells.join(" | ")
            );
        }
        out.push('\n');
    }
    ladder_md(&mut out, m);
    out
}

fn ladder_md(out: &mut String, m: &MultiComparison) {
    let l = &m.ladder;
    let how = ladder_order(l.by_level);
    let _ = writeln!(out, "## Ladder ({how})\n");
    out.push_str("### Shared by every role\n\n");
    if l.shared.sections.is_empty() && l.shared.facts.is_empty() && l.shared.skills.is_empty() {
        out.push_str("Nothing.\n\n");
    }
    for f in &l.shared.facts {
        let _ = writeln!(out, "- {}: {}", esc(&fact_label(&f.key)), esc(&f.value));
    }
    if !l.shared.facts.is_empty() {
        out.push('\n');
    }
    for s in &l.shared.sections {
        let _ = writeln!(out, "**{}**\n", esc(&s.title));
        for item in &s.items {
            let _ = writeln!(out, "- {}", esc(item));
        }
        out.push('\n');
    }
    for s in &l.shared.skills {
        let _ = writeln!(
            out,
            "- {} ({}), {}",
            esc(&s.name),
            esc(&s.code),
            level_text(s.level)
        );
    }
    if !l.shared.skills.is_empty() {
        out.push('\n');
    }
    for step in &l.steps {
        step_md(out, m, step);
    }
}

/// The summary at the top: a table (already escaped), then what was left out.
fn summary_md(out: &mut String, head: &[String], rows: &[Vec<String>], omitted: Option<String>) {
    out.push_str("## Summary\n\n");
    if rows.is_empty() {
        out.push_str("No sections.\n\n");
    } else {
        let _ = writeln!(out, "| {} |", head.join(" | "));
        let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
        for r in rows {
            let _ = writeln!(out, "| {} |", r.join(" | "));
        }
        out.push('\n');
    }
    if let Some(note) = omitted {
        let _ = writeln!(out, "{note}\n");
    }
}

fn step_md(out: &mut String, m: &MultiComparison, step: &LadderStep) {
    let _ = writeln!(out, "### {}\n", step_heading::<Md>(m, step));
    if step.sections.is_empty() && step.facts.is_empty() && step.skills.is_empty() {
        out.push_str("Nothing new.\n\n");
    }
    for f in &step.facts {
        let text = change::<Md>(f.status, f.right.as_deref(), f.words.as_deref());
        let _ = writeln!(
            out,
            "- {} {}: {text}",
            mark(f.status),
            esc(&fact_label(&f.key))
        );
    }
    if !step.facts.is_empty() {
        out.push('\n');
    }
    for s in &step.sections {
        let _ = writeln!(out, "**{}** ({})\n", esc(&s.title), s.counts.summary());
        for r in &s.rows {
            let _ = writeln!(
                out,
                "- {} {}",
                mark(r.status),
                change::<Md>(r.status, r.right.as_deref(), r.words.as_deref())
            );
        }
        out.push('\n');
    }
    for s in &step.skills {
        let _ = writeln!(out, "- {} {}", mark(s.status), skill_change::<Md>(s));
    }
    if !step.skills.is_empty() {
        out.push('\n');
    }
    not_carried_md(out, m, step);
}

/// What the rung below has and this rung does not, listed.
fn not_carried_md(out: &mut String, m: &MultiComparison, step: &LadderStep) {
    let n = &step.not_carried_over;
    if n.sections.is_empty() && n.facts.is_empty() && n.skills.is_empty() {
        return;
    }
    let from = step
        .from
        .as_deref()
        .map_or(String::new(), |f| esc(super::title_of(&m.headers, f)));
    let _ = writeln!(out, "Not carried over from {from}:\n");
    for f in &n.facts {
        let _ = writeln!(
            out,
            "- {} {}: {}",
            mark(Status::Removed),
            esc(&fact_label(&f.key)),
            esc(&f.value)
        );
    }
    for s in &n.sections {
        for item in &s.items {
            let _ = writeln!(
                out,
                "- {} {}: {}",
                mark(Status::Removed),
                esc(&s.title),
                esc(item)
            );
        }
    }
    for s in &n.skills {
        let _ = writeln!(
            out,
            "- {} {} ({}), {}",
            mark(Status::Removed),
            esc(&s.name),
            esc(&s.code),
            level_text(s.level)
        );
    }
    out.push('\n');
}

fn cell_md(cell: &Option<Cell>) -> String {
    let Some(cell) = cell else {
        return String::new();
    };
    let Some(status) = cell.status else {
        return cell.text.as_deref().map(esc).unwrap_or_default();
    };
    match status {
        Status::Removed => format!("{} *(removed)*", mark(status)),
        _ => format!(
            "{} {}",
            mark(status),
            change::<Md>(status, cell.text.as_deref(), cell.words.as_deref())
        ),
    }
}

fn rows_table(out: &mut String, rows: &[Row], left: &str, right: &str) {
    if rows.is_empty() {
        return;
    }
    table_head(out, &["", left, right]);
    for r in rows {
        let (l, rt) = sides::<Md>(
            r.status,
            r.left.as_deref(),
            r.right.as_deref(),
            r.words.as_deref(),
        );
        let _ = writeln!(out, "| {} | {l} | {rt} |", mark(r.status));
    }
    out.push('\n');
}

/// Text escaped for Markdown, differences marked with `~~` and `**`.
struct Md;

impl Syntax for Md {
    fn esc(text: &str) -> String {
        esc(text)
    }

    fn words(words: &[WordOp], show: &[WordOpKind]) -> String {
        let mut out = String::new();
        for (k, w) in words.iter().enumerate() {
            // A deletion right before an insertion: keep the two marks apart.
            let both = show.contains(&WordOpKind::Delete) && show.contains(&WordOpKind::Insert);
            if both
                && w.op == WordOpKind::Insert
                && k > 0
                && words[k - 1].op == WordOpKind::Delete
                && !out.ends_with(' ')
            {
                out.push(' ');
            }
            match w.op {
                WordOpKind::Equal => out.push_str(&esc(&w.text)),
                op if show.contains(&op) => {
                    let marker = if op == WordOpKind::Delete { "~~" } else { "**" };
                    let core = w.text.trim();
                    if core.is_empty() {
                        out.push_str(&w.text.replace(['\n', '\r'], " "));
                        continue;
                    }
                    let lead = &w.text[..w.text.len() - w.text.trim_start().len()];
                    let trail = &w.text[w.text.trim_end().len()..];
                    let _ = write!(
                        out,
                        "{}{marker}{}{marker}{}",
                        ws(lead),
                        esc(core),
                        ws(trail)
                    );
                }
                _ => {}
            }
        }
        out
    }
}

fn ws(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        " ".to_string()
    }
}

fn table_head(out: &mut String, head: &[&str]) {
    let cells: Vec<String> = head.iter().map(|h| esc(h)).collect();
    let _ = writeln!(out, "| {} |", cells.join(" | "));
    let rule: Vec<&str> = head
        .iter()
        .map(|h| if h.is_empty() { ":-:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
}

/// Text as inline Markdown: markup characters backslash-escaped, line breaks as spaces, and
/// a leading list or heading marker neutralised.
pub(crate) fn esc(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '`' | '*' | '_' | '~' | '|' | '[' | ']' | '<' | '>' | '#' | '&' | '!'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    // "- x", "+ x", "= x", "1. x" at the start of a list item would nest a list or a heading.
    let first = out.chars().next();
    if matches!(first, Some('-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if let Some(digits) = out.find(|c: char| !c.is_ascii_digit()).filter(|n| *n > 0) {
        if out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

fn code(text: &str) -> String {
    text.replace('`', "'")
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{role, section};
    use super::super::super::{compare, compare_many};
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("a|b *c* [d](e) <x>"),
            "a\\|b \\*c\\* \\[d\\](e) \\<x\\>"
        );
        assert_eq!(esc("- not a list"), "\\- not a list");
        assert_eq!(esc("12. not a list"), "12\\. not a list");
        assert_eq!(esc("12 teams"), "12 teams");
        assert_eq!(esc("two\nlines"), "two lines");
    }

    #[test]
    fn two_way_document_shows_counts_marks_and_word_changes() {
        let a = role(
            "dir",
            vec![section(
                "scope",
                &["Manages managers and ICs.", "Culture | leadership.", "Gone"],
            )],
        );
        let b = role(
            "vp",
            vec![section(
                "scope",
                &[
                    "Manages managers and directors.",
                    "Culture | leadership.",
                    "Organizational design",
                ],
            )],
        );
        let md = markdown(&compare(&a, &b));
        assert!(md.starts_with("# DIR → VP\n"), "{md}");
        assert!(
            md.contains("## scope\n\n1 same, 1 changed, 1 removed, 1 added\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "| ~ | Manages managers and ~~ICs.~~ | Manages managers and **directors.** |"
            ),
            "{md}"
        );
        assert!(
            md.contains("| = | Culture \\| leadership. | Culture \\| leadership. |"),
            "{md}"
        );
        assert!(md.contains("| − | Gone |  |"), "{md}");
        assert!(md.contains("| + |  | Organizational design |"), "{md}");
    }

    #[test]
    fn n_way_document_has_aligned_tables_and_the_ladder() {
        let a = role(
            "a",
            vec![section(
                "scope",
                &["Culture leadership.", "Manages managers and ICs."],
            )],
        );
        let b = role(
            "b",
            vec![section(
                "scope",
                &["Culture leadership.", "Manages managers and directors."],
            )],
        );
        let c = role(
            "c",
            vec![section(
                "scope",
                &[
                    "Culture leadership.",
                    "Manages managers and directors.",
                    "Owns budget",
                ],
            )],
        );
        let md = markdown_many(&compare_many(&[&a, &b, &c]).unwrap());
        assert!(md.contains("| A | B | C |"), "{md}");
        assert!(md.contains("| Manages managers and ICs. | ~ Manages managers and ~~ICs.~~ **directors.** | = Manages managers and directors. |"), "{md}");
        assert!(md.contains("|  |  | + Owns budget |"), "{md}");
        assert!(md.contains("## Ladder (in the order given)"), "{md}");
        assert!(
            md.contains("### Shared by every role\n\n**scope**\n\n- Culture leadership.\n"),
            "{md}"
        );
        assert!(
            md.contains(
                "### C: new or changed since B\n\n**scope** (2 same, 1 added)\n\n- + Owns budget\n"
            ),
            "{md}"
        );
    }
}
