//! A comparison as a document: Markdown (`markdown.rs`) or a self-contained HTML page with
//! embedded CSS and no scripts (`html.rs`). Both show the same things in the same order:
//! facts, then each section with its counts, then skills; N-way documents add the ladder.

mod html;
mod markdown;

pub use html::{html, html_many};
pub use markdown::{markdown, markdown_many};

use super::types::{
    Counts, GridSummary, LadderStep, MultiComparison, OmittedSection, RoleHeader, SkillCell,
    SkillRow, Status, Summary, WordOp, WordOpKind,
};

/// What sets the two documents apart where they show the same thing: how a role's text is
/// escaped, and how a word-level difference is marked (`<del>`/`<ins>` or `~~`/`**`).
pub(crate) trait Syntax {
    /// A role's text, so that it stays text.
    fn esc(text: &str) -> String;
    /// The words of a difference, showing the deletions and insertions listed in `show`.
    fn words(words: &[WordOp], show: &[WordOpKind]) -> String;
}

/// Left and right cells of a 2-way row: a changed row marks the words only the left has on the
/// left and the words only the right has on the right.
pub(crate) fn sides<S: Syntax>(
    status: Status,
    left: Option<&str>,
    right: Option<&str>,
    words: Option<&[WordOp]>,
) -> (String, String) {
    match (status, words) {
        (Status::Changed, Some(w)) => (
            S::words(w, &[WordOpKind::Delete]),
            S::words(w, &[WordOpKind::Insert]),
        ),
        _ => (
            left.map(S::esc).unwrap_or_default(),
            right.map(S::esc).unwrap_or_default(),
        ),
    }
}

/// The later side of a change as one text: a changed entry shows its whole word diff.
pub(crate) fn change<S: Syntax>(
    status: Status,
    right: Option<&str>,
    words: Option<&[WordOp]>,
) -> String {
    match (status, words) {
        (Status::Changed, Some(w)) => S::words(w, &[WordOpKind::Delete, WordOpKind::Insert]),
        _ => right.map(S::esc).unwrap_or_default(),
    }
}

/// A summary as a table (escaped): the header cells, then one row per section, biggest change
/// first, then facts and skills when there are any.
pub(crate) fn summary_table<S: Syntax>(s: &Summary) -> (Vec<String>, Vec<Vec<String>>) {
    let head = ["Section", "Same", "Changed", "Removed", "Added"]
        .map(String::from)
        .to_vec();
    let row = |label: &str, c: &Counts| {
        let mut r = vec![S::esc(label)];
        r.extend(Status::ALL.iter().map(|st| c.get(*st).to_string()));
        r
    };
    let mut rows: Vec<Vec<String>> = s
        .sections
        .iter()
        .map(|l| row(&l.title, &l.counts))
        .collect();
    let any = |c: &Counts| c.same + c.changes() > 0;
    if any(&s.facts) {
        rows.push(row("Facts", &s.facts));
    }
    if any(&s.skills) {
        rows.push(row("SFIA skills", &s.skills));
    }
    (head, rows)
}

/// An N-way summary as a table (escaped): per section, each role against its left neighbour,
/// and how many rows every role shares unchanged.
pub(crate) fn grid_summary_table<S: Syntax>(
    s: &GridSummary,
    titles: &[&str],
) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = vec!["Section".to_string()];
    for w in titles.windows(2) {
        head.push(format!("{} vs {}", S::esc(w[1]), S::esc(w[0])));
    }
    head.push("Same in every role".to_string());
    let rows = s
        .sections
        .iter()
        .map(|l| {
            let mut r = vec![S::esc(&l.title)];
            r.extend(l.counts.iter().flatten().map(Counts::summary));
            r.push(format!("{} of {}", l.all_same, l.rows));
            r
        })
        .collect();
    (head, rows)
}

/// `Left out (internal): Page notes, Job Description (Internal links).` (escaped), or None.
pub(crate) fn omitted_note<S: Syntax>(omitted: &[OmittedSection]) -> Option<String> {
    if omitted.is_empty() {
        return None;
    }
    Some(format!(
        "Internal sections left out: {}.",
        omitted
            .iter()
            .map(|o| S::esc(&o.title))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// A ladder step's skill: `Name (CODE), level 4`, or `…, level 3 → level 4` when it changed.
pub(crate) fn skill_change<S: Syntax>(s: &SkillRow) -> String {
    match s.status {
        Status::Added => format!(
            "{} ({}), {}",
            S::esc(&s.name),
            S::esc(&s.code),
            level_text(s.right_level)
        ),
        _ => format!(
            "{} ({}), {} → {}",
            S::esc(&s.name),
            S::esc(&s.code),
            level_text(s.left_level),
            level_text(s.right_level)
        ),
    }
}

/// The heading of a ladder step (escaped): what is new since the rung below, or, for the first
/// rung, what not every role shares.
pub(crate) fn step_heading<S: Syntax>(m: &MultiComparison, step: &LadderStep) -> String {
    let title = S::esc(title_of(&m.headers, &step.role));
    match &step.from {
        Some(from) => format!(
            "{title}: new or changed since {}",
            S::esc(title_of(&m.headers, from))
        ),
        None => format!("{title}: not shared by every role"),
    }
}

/// An N-way section's counts, each role against its left neighbour: `B: 1 changed · C: 2 added`.
pub(crate) fn counts_by_role<S: Syntax>(counts: &[Option<Counts>], titles: &[&str]) -> String {
    counts
        .iter()
        .zip(titles)
        .filter_map(|(c, t)| c.map(|c| format!("{}: {}", S::esc(t), c.summary())))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// How the ladder's rungs are ordered, for its heading.
pub(crate) fn ladder_order(by_level: bool) -> &'static str {
    if by_level {
        "ordered by level"
    } else {
        "in the order given"
    }
}

/// One side's level in a 2-way skill row: blank when the skill is not on that side.
pub(crate) fn side_level(present: bool, level: Option<u32>) -> String {
    if present {
        level_text(level)
    } else {
        String::new()
    }
}

/// A skill's level in an N-way cell: blank where the skill was removed.
pub(crate) fn cell_level(cell: &SkillCell) -> String {
    if cell.status == Some(Status::Removed) {
        String::new()
    } else {
        level_text(cell.level)
    }
}

/// One-character status marks, explained in each document's legend.
pub(crate) fn mark(status: Status) -> &'static str {
    match status {
        Status::Same => "=",
        Status::Changed => "~",
        Status::Removed => "−",
        Status::Added => "+",
    }
}

/// A fact key as a label: `years_of_experience` → `Years of experience`.
pub(crate) fn fact_label(key: &str) -> String {
    let spaced = key.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// The title a role id has in a comparison's headers (the id itself when unknown).
pub(crate) fn title_of<'a>(headers: &'a [RoleHeader], id: &'a str) -> &'a str {
    headers
        .iter()
        .find(|h| h.id == id)
        .map_or(id, |h| h.title.as_str())
}

/// `level 5`, or `no level`.
pub(crate) fn level_text(level: Option<u32>) -> String {
    level.map_or_else(|| "no level".to_string(), |l| format!("level {l}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        assert_eq!(fact_label("years_of_experience"), "Years of experience");
        assert_eq!(fact_label(""), "");
        assert_eq!(level_text(Some(5)), "level 5");
        assert_eq!(level_text(None), "no level");
    }
}
