//! A comparison as one self-contained HTML document: embedded CSS, no scripts, no external
//! resources. Every string that comes from a role is escaped.

use std::fmt::Write;

use super::super::types::{
    Cell, Comparison, Counts, LadderStep, MultiComparison, Row, Status, WordOp, WordOpKind,
};
use super::{
    cell_level, change, counts_by_role, fact_label, grid_summary_table, ladder_order, level_text,
    mark, omitted_note, side_level, sides, skill_change, step_heading, summary_table, Syntax,
};

const CSS: &str = "\
:root{color-scheme:light}\
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5rem auto;max-width:1400px;padding:0 1rem;color:#1d1d1f}\
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}h3{font-size:1rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;table-layout:fixed}\
th,td{border:1px solid #d8d8d8;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}\
thead th{position:sticky;top:0;background:#f3f3f3;z-index:1}\
th.label{width:12rem}\
th.mark,td.mark{width:1.6rem;text-align:center;font-weight:bold}\
tr.same td,td.same{color:#555}\
tr.changed td.mark,td.changed .mark{color:#9a5b00}\
tr.removed td,td.removed{background:#fdeeee}\
tr.added td,td.added{background:#ecf7ec}\
del{background:#f6caca;text-decoration:line-through}\
ins{background:#c8ebc8;text-decoration:none}\
.counts,.legend,.note{color:#555}\
.mark{font-weight:bold;margin-right:.3rem}\
ul{margin:.3rem 0 1rem}";

/// HTML of a 2-way comparison.
pub fn html(c: &Comparison) -> String {
    let (left, right) = (&c.headers[0].title, &c.headers[1].title);
    let mut body = String::new();
    let _ = write!(body, "<h1>{} → {}</h1>", esc(left), esc(right));
    legend(&mut body, "From the left role to the right one.");
    let (head, rows) = summary_table::<Html>(&c.summary);
    summary_html(&mut body, &head, &rows, omitted_note::<Html>(&c.omitted));
    if let Some(note) = &c.approximate {
        let _ = write!(
            body,
            "<p class=\"note\"><strong>Note:</strong> {}</p>",
            esc(note)
        );
    }
    if !c.facts.is_empty() {
        body.push_str(
            "<h2>Facts</h2><table><thead><tr><th class=\"mark\"></th><th class=\"label\">Fact</th>",
        );
        let _ = write!(
            body,
            "<th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(left),
            esc(right)
        );
        for f in &c.facts {
            let (l, r) = sides::<Html>(
                f.status,
                f.left.as_deref(),
                f.right.as_deref(),
                f.words.as_deref(),
            );
            let _ = write!(
                body,
                "<tr class=\"{}\"><td class=\"mark\">{}</td><td>{}</td><td>{l}</td><td>{r}</td></tr>",
                f.status.name(),
                mark(f.status),
                esc(&fact_label(&f.key))
            );
        }
        body.push_str("</tbody></table>");
    }
    for s in &c.sections {
        let _ = write!(body, "<h2>{}</h2>", esc(&s.title));
        counts_p(&mut body, &s.counts);
        rows_table(&mut body, &s.rows, left, right);
    }
    if !c.skills.is_empty() {
        body.push_str(
            "<h2>SFIA skills</h2><table><thead><tr><th class=\"mark\"></th><th class=\"label\">Skill</th>",
        );
        let _ = write!(
            body,
            "<th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(left),
            esc(right)
        );
        for s in &c.skills {
            let _ = write!(
                body,
                "<tr class=\"{}\"><td class=\"mark\">{}</td><td>{} ({})</td><td>{}</td><td>{}</td></tr>",
                s.status.name(),
                mark(s.status),
                esc(&s.name),
                esc(&s.code),
                side_level(s.status != Status::Added, s.left_level),
                side_level(s.status != Status::Removed, s.right_level)
            );
        }
        body.push_str("</tbody></table>");
        for s in c.skills.iter().filter(|s| s.status == Status::Changed) {
            let _ = write!(
                body,
                "<h3>{} ({}): attainment</h3>",
                esc(&s.name),
                esc(&s.code)
            );
            rows_table(&mut body, &s.attainment, left, right);
        }
    }
    page(&format!("{} → {}", left, right), &body)
}

/// HTML of an N-way comparison: aligned tables, then the ladder.
pub fn html_many(m: &MultiComparison) -> String {
    let titles: Vec<&str> = m.headers.iter().map(|h| h.title.as_str()).collect();
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1>",
        titles
            .iter()
            .map(|t| esc(t))
            .collect::<Vec<_>>()
            .join(" → ")
    );
    legend(
        &mut body,
        "Each role is compared with the role to its left.",
    );
    let (sum_head, sum_rows) = grid_summary_table::<Html>(&m.summary, &titles);
    summary_html(
        &mut body,
        &sum_head,
        &sum_rows,
        omitted_note::<Html>(&m.omitted),
    );
    if let Some(note) = &m.approximate {
        let _ = write!(
            body,
            "<p class=\"note\"><strong>Note:</strong> {}</p>",
            esc(note)
        );
    }
    let head = |first: &str| {
        let mut h = String::from("<thead><tr>");
        if !first.is_empty() {
            let _ = write!(h, "<th class=\"label\">{}</th>", esc(first));
        }
        for t in &titles {
            let _ = write!(h, "<th>{}</th>", esc(t));
        }
        h.push_str("</tr></thead>");
        h
    };
    if !m.facts.is_empty() {
        let _ = write!(body, "<h2>Facts</h2><table>{}<tbody>", head("Fact"));
        for f in &m.facts {
            let _ = write!(body, "<tr><td>{}</td>", esc(&fact_label(&f.key)));
            for c in &f.cells {
                cell_td(&mut body, c);
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table>");
    }
    for s in &m.sections {
        let _ = write!(body, "<h2>{}</h2>", esc(&s.title));
        let counts = counts_by_role::<Html>(&s.counts, &titles);
        let _ = write!(
            body,
            "<p class=\"counts\">{}</p><table>{}<tbody>",
            counts,
            head("")
        );
        for row in &s.rows {
            body.push_str("<tr>");
            for c in &row.cells {
                cell_td(&mut body, c);
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table>");
    }
    if !m.skills.is_empty() {
        let _ = write!(body, "<h2>SFIA skills</h2><table>{}<tbody>", head("Skill"));
        for s in &m.skills {
            let _ = write!(body, "<tr><td>{} ({})</td>", esc(&s.name), esc(&s.code));
            for c in &s.cells {
                match c {
                    None => body.push_str("<td></td>"),
                    Some(c) => {
                        let class = c.status.map_or("", Status::name);
                        let mark_html = c
                            .status
                            .map(|st| format!("<span class=\"mark\">{}</span>", mark(st)))
                            .unwrap_or_default();
                        let level = cell_level(c);
                        let _ = write!(body, "<td class=\"{class}\">{mark_html}{level}</td>");
                    }
                }
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table>");
    }
    ladder_html(&mut body, m);
    page(&titles.join(" → "), &body)
}

fn ladder_html(body: &mut String, m: &MultiComparison) {
    let l = &m.ladder;
    let how = ladder_order(l.by_level);
    let _ = write!(body, "<h2>Ladder ({how})</h2><h3>Shared by every role</h3>");
    if l.shared.sections.is_empty() && l.shared.facts.is_empty() && l.shared.skills.is_empty() {
        body.push_str("<p class=\"note\">Nothing.</p>");
    }
    if !l.shared.facts.is_empty() {
        body.push_str("<ul>");
        for f in &l.shared.facts {
            let _ = write!(
                body,
                "<li>{}: {}</li>",
                esc(&fact_label(&f.key)),
                esc(&f.value)
            );
        }
        body.push_str("</ul>");
    }
    for s in &l.shared.sections {
        let _ = write!(body, "<p><strong>{}</strong></p><ul>", esc(&s.title));
        for item in &s.items {
            let _ = write!(body, "<li>{}</li>", esc(item));
        }
        body.push_str("</ul>");
    }
    if !l.shared.skills.is_empty() {
        body.push_str("<ul>");
        for s in &l.shared.skills {
            let _ = write!(
                body,
                "<li>{} ({}), {}</li>",
                esc(&s.name),
                esc(&s.code),
                level_text(s.level)
            );
        }
        body.push_str("</ul>");
    }
    for step in &l.steps {
        step_html(body, m, step);
    }
}

/// The summary at the top: a table (cells already escaped), then what was left out.
fn summary_html(body: &mut String, head: &[String], rows: &[Vec<String>], omitted: Option<String>) {
    body.push_str("<h2>Summary</h2>");
    if rows.is_empty() {
        body.push_str("<p class=\"note\">No sections.</p>");
    } else {
        body.push_str("<table class=\"summary\"><thead><tr>");
        for (i, h) in head.iter().enumerate() {
            let class = if i == 0 { " class=\"label\"" } else { "" };
            let _ = write!(body, "<th{class}>{h}</th>");
        }
        body.push_str("</tr></thead><tbody>");
        for r in rows {
            body.push_str("<tr>");
            for c in r {
                let _ = write!(body, "<td>{c}</td>");
            }
            body.push_str("</tr>");
        }
        body.push_str("</tbody></table>");
    }
    if let Some(note) = omitted {
        let _ = write!(body, "<p class=\"note\">{note}</p>");
    }
}

/// What the rung below has and this rung does not, listed.
fn not_carried_html(body: &mut String, m: &MultiComparison, step: &LadderStep) {
    let n = &step.not_carried_over;
    if n.sections.is_empty() && n.facts.is_empty() && n.skills.is_empty() {
        return;
    }
    let from = step
        .from
        .as_deref()
        .map_or(String::new(), |f| esc(super::title_of(&m.headers, f)));
    let _ = write!(body, "<p>Not carried over from {from}:</p><ul>");
    let removed = |body: &mut String, text: String| {
        let _ = write!(
            body,
            "<li class=\"removed\">{}{text}</li>",
            mark_span(Status::Removed)
        );
    };
    for f in &n.facts {
        removed(
            body,
            format!("{}: {}", esc(&fact_label(&f.key)), esc(&f.value)),
        );
    }
    for s in &n.sections {
        for item in &s.items {
            removed(body, format!("{}: {}", esc(&s.title), esc(item)));
        }
    }
    for s in &n.skills {
        removed(
            body,
            format!(
                "{} ({}), {}",
                esc(&s.name),
                esc(&s.code),
                level_text(s.level)
            ),
        );
    }
    body.push_str("</ul>");
}

fn step_html(body: &mut String, m: &MultiComparison, step: &LadderStep) {
    let _ = write!(body, "<h3>{}</h3>", step_heading::<Html>(m, step));
    if step.sections.is_empty() && step.facts.is_empty() && step.skills.is_empty() {
        body.push_str("<p class=\"note\">Nothing new.</p>");
    }
    if !step.facts.is_empty() {
        body.push_str("<ul>");
        for f in &step.facts {
            let text = change::<Html>(f.status, f.right.as_deref(), f.words.as_deref());
            let _ = write!(
                body,
                "<li class=\"{}\">{}{}: {text}</li>",
                f.status.name(),
                mark_span(f.status),
                esc(&fact_label(&f.key))
            );
        }
        body.push_str("</ul>");
    }
    for s in &step.sections {
        let _ = write!(
            body,
            "<p><strong>{}</strong> <span class=\"counts\">({})</span></p><ul>",
            esc(&s.title),
            s.counts.summary()
        );
        for r in &s.rows {
            let text = change::<Html>(r.status, r.right.as_deref(), r.words.as_deref());
            let _ = write!(
                body,
                "<li class=\"{}\">{}{text}</li>",
                r.status.name(),
                mark_span(r.status)
            );
        }
        body.push_str("</ul>");
    }
    if !step.skills.is_empty() {
        body.push_str("<ul>");
        for s in &step.skills {
            let _ = write!(
                body,
                "<li class=\"{}\">{}{}</li>",
                s.status.name(),
                mark_span(s.status),
                skill_change::<Html>(s)
            );
        }
        body.push_str("</ul>");
    }
    not_carried_html(body, m, step);
}

fn mark_span(status: Status) -> String {
    format!("<span class=\"mark\">{}</span>", mark(status))
}

fn cell_td(body: &mut String, cell: &Option<Cell>) {
    let Some(cell) = cell else {
        body.push_str("<td></td>");
        return;
    };
    match cell.status {
        None => {
            let _ = write!(
                body,
                "<td>{}</td>",
                cell.text.as_deref().map(esc).unwrap_or_default()
            );
        }
        Some(Status::Removed) => {
            let _ = write!(
                body,
                "<td class=\"removed\">{}<em>removed</em></td>",
                mark_span(Status::Removed)
            );
        }
        Some(st) => {
            let _ = write!(
                body,
                "<td class=\"{}\">{}{}</td>",
                st.name(),
                mark_span(st),
                change::<Html>(st, cell.text.as_deref(), cell.words.as_deref())
            );
        }
    }
}

fn rows_table(body: &mut String, rows: &[Row], left: &str, right: &str) {
    if rows.is_empty() {
        return;
    }
    let _ = write!(
        body,
        "<table><thead><tr><th class=\"mark\"></th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(left),
        esc(right)
    );
    for r in rows {
        let (l, rt) = sides::<Html>(
            r.status,
            r.left.as_deref(),
            r.right.as_deref(),
            r.words.as_deref(),
        );
        let _ = write!(
            body,
            "<tr class=\"{}\"><td class=\"mark\">{}</td><td>{l}</td><td>{rt}</td></tr>",
            r.status.name(),
            mark(r.status)
        );
    }
    body.push_str("</tbody></table>");
}

/// Text escaped for HTML, differences marked with `<del>` and `<ins>`.
struct Html;

impl Syntax for Html {
    fn esc(text: &str) -> String {
        esc(text)
    }

    fn words(words: &[WordOp], show: &[WordOpKind]) -> String {
        let mut out = String::new();
        for w in words {
            match w.op {
                WordOpKind::Equal => out.push_str(&esc(&w.text)),
                WordOpKind::Delete if show.contains(&w.op) => {
                    let _ = write!(out, "<del>{}</del>", esc(&w.text));
                }
                WordOpKind::Insert if show.contains(&w.op) => {
                    if out.ends_with("</del>") {
                        out.push(' ');
                    }
                    let _ = write!(out, "<ins>{}</ins>", esc(&w.text));
                }
                _ => {}
            }
        }
        out
    }
}

fn counts_p(body: &mut String, counts: &Counts) {
    let _ = write!(body, "<p class=\"counts\">{}</p>", counts.summary());
}

fn legend(body: &mut String, lead: &str) {
    let _ = write!(
        body,
        "<p class=\"legend\">{lead} <b>=</b> same, <b>~</b> changed, <b>−</b> removed, <b>+</b> added. \
         In changed entries <del>struck</del> words are only in the earlier role, <ins>marked</ins> \
         words only in the later one.</p>"
    );
}

fn page(title: &str, body: &str) -> String {
    crate::html_page::document(title, CSS, body)
}

/// Text for an HTML text node (`<`, `>`, `&` escaped; quotes too, so the same helper is safe
/// in a quoted attribute).
fn esc(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::super::super::testing::{role, section};
    use super::super::super::{compare, compare_many};
    use super::*;

    const NASTY: &str = "<script>alert(\"x\")</script> & <img src=x onerror=y>";

    #[test]
    fn every_role_string_is_escaped_and_there_are_no_scripts() {
        let mut a = role(
            "a",
            vec![section("scope", &[NASTY, "Manages managers and ICs."])],
        );
        a.title = NASTY.to_string();
        a.sections[0].title = NASTY.to_string();
        a.facts.insert("scope".into(), NASTY.into());
        let mut b = role(
            "b",
            vec![section(
                "scope",
                &["Manages managers and <b>directors</b>."],
            )],
        );
        b.facts.insert("scope".into(), "<i>x</i>".into());
        for doc in [
            html(&compare(&a, &b)),
            html_many(&compare_many(&[&a, &b, &a]).unwrap()),
        ] {
            assert!(!doc.contains("<script"), "{doc}");
            assert!(!doc.contains("<img"), "{doc}");
            assert!(!doc.contains("<b>directors"), "{doc}");
            assert!(!doc.contains("<i>x"), "{doc}");
            assert!(
                doc.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img"),
                "{doc}"
            );
            assert!(doc.starts_with("<!DOCTYPE html>"));
            assert!(doc.contains("<style>") && !doc.contains("<link"));
        }
    }

    /// Every string a role carries into a comparison (ids, titles, fact keys and values, section
    /// keys and titles, items, skill codes, names and attainment) stays text, in the 2-way
    /// document and in the N-way one with its ladder.
    #[test]
    fn no_role_string_becomes_markup_anywhere_in_the_document() {
        use super::super::super::testing::skill;
        let nasty = |n: &str| format!("<b id=x{n}>{n}</b>\"'&");
        let make = |id: &str, level: u32, extra: &str| {
            let mut r = role(
                &nasty(id),
                vec![
                    section(&nasty("key"), &[&nasty("shared"), &nasty(extra)]),
                    section(&nasty(extra), &[&nasty("own")]),
                ],
            );
            r.title = nasty(&format!("title{id}"));
            r.sections[0].title = nasty("section");
            r.facts.insert(nasty("fact"), nasty(extra));
            r.facts.insert(nasty("shared_fact"), nasty("same"));
            let mut s = skill(&nasty("code"), level, &[&nasty("attain"), &nasty(extra)]);
            s.name = nasty("skill");
            let mut t = skill(&nasty(extra), level, &[&nasty("only")]);
            t.name = nasty(extra);
            r.skills = vec![s, t];
            r.level = Some(level);
            r
        };
        let (a, b, c) = (
            make("a", 3, "one"),
            make("b", 4, "two"),
            make("c", 5, "two too"),
        );
        let two = html(&compare(&a, &b));
        assert!(two.contains("&lt;b id=xattain&gt;"), "{two}");
        for doc in [two, html_many(&compare_many(&[&a, &b, &c]).unwrap())] {
            assert!(!doc.contains("<b id="), "{doc}");
            assert!(!doc.contains("\"'&<"), "{doc}");
            for shown in [
                "titlea", "section", "fact", "shared", "code", "skill", "two",
            ] {
                let escaped = format!("&lt;b id=x{shown}&gt;{shown}&lt;/b&gt;&quot;&#x27;&amp;");
                assert!(doc.contains(&escaped), "{shown} not shown escaped: {doc}");
            }
        }
    }

    #[test]
    fn changed_rows_mark_deleted_and_inserted_words() {
        let a = role("a", vec![section("scope", &["Manages managers and ICs."])]);
        let b = role(
            "b",
            vec![section("scope", &["Manages managers and directors."])],
        );
        let doc = html(&compare(&a, &b));
        assert!(doc.contains("<tr class=\"changed\"><td class=\"mark\">~</td><td>Manages managers and <del>ICs.</del></td><td>Manages managers and <ins>directors.</ins></td></tr>"), "{doc}");
        assert!(doc.contains("<p class=\"counts\">1 changed</p>"), "{doc}");
    }
}
