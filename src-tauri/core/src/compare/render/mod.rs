//! A comparison as a document: Markdown (`markdown.rs`) or a self-contained HTML page with
//! embedded CSS and no scripts (`html.rs`). Both show the same things in the same order:
//! facts, then each section with its counts, then skills; N-way documents add the ladder.

mod html;
mod markdown;

pub use html::{html, html_many};
pub use markdown::{markdown, markdown_many};

use super::types::{RoleHeader, Status};

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
