//! Comparing roles: sections aligned by canonical key (a section only one role has still
//! shows), items within a section paired one to one as `same`, `changed` (with word-level
//! differences), `removed` or `added`, and facts and SFIA skills compared too.
//!
//! - [`compare`]: two roles, the 2-way [`Comparison`].
//! - [`compare_many`]: 2 to 6 roles, the N-way [`MultiComparison`] (aligned rows, each role
//!   against its left neighbour, the neighbouring pairs and the ladder view).
//! - [`compare_roles`]: the 2-way shape for two roles, the N-way one for more ([`Report`]).
//! - [`render`]: Markdown and self-contained HTML of either.
//!
//! How items are paired (an optimal assignment, not line-by-line greed) is in `matching.rs`;
//! the JSON shape is documented in `docs/compare.md`.

mod align;
mod facts;
mod grid;
mod ladder;
mod matching;
mod pair;
pub mod render;
mod rows;
mod skills;
mod types;
mod words;

#[cfg(test)]
mod testing;
#[cfg(test)]
mod tests;

pub use crate::text::CHANGED_THRESHOLD;
pub use types::*;
pub use words::word_diff;

use std::borrow::Cow;

use crate::model::Role;
use crate::section_notes::{is_internal, section_note};

/// The most roles one comparison shows side by side.
pub const MAX_ROLES: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("compare takes 2 to {MAX_ROLES} roles, got {0}")]
    RoleCount(usize),
}

/// Compares two roles, read from `left` to `right`, internal sections left out.
pub fn compare(left: &Role, right: &Role) -> Comparison {
    compare_with(left, right, CompareOptions::default())
}

/// Compares two roles, read from `left` to `right`.
pub fn compare_with(left: &Role, right: &Role, options: CompareOptions) -> Comparison {
    let (l, r) = (visible(left, options), visible(right, options));
    let mut c = pair::PairMatch::new(&l, &r).to_comparison();
    c.omitted = omitted(&[left, right], options);
    c
}

/// Compares 2 to [`MAX_ROLES`] roles in the given order, internal sections left out.
pub fn compare_many(roles: &[&Role]) -> Result<MultiComparison, CompareError> {
    compare_many_with(roles, CompareOptions::default())
}

/// Compares 2 to [`MAX_ROLES`] roles in the given order: each with its left neighbour, rows
/// aligned across all of them, a summary, plus the ladder view.
pub fn compare_many_with(
    roles: &[&Role],
    options: CompareOptions,
) -> Result<MultiComparison, CompareError> {
    if !(2..=MAX_ROLES).contains(&roles.len()) {
        return Err(CompareError::RoleCount(roles.len()));
    }
    let shown: Vec<Cow<'_, Role>> = roles.iter().map(|r| visible(r, options)).collect();
    let shown: Vec<&Role> = shown.iter().map(|r| r.as_ref()).collect();
    let grid = grid::Grid::new(&shown);
    let pairs: Vec<Comparison> = grid
        .pairs
        .iter()
        .zip(roles.windows(2))
        .map(|(p, w)| {
            let mut c = p.to_comparison();
            c.omitted = omitted(w, options);
            c
        })
        .collect();
    let ladder = ladder::ladder(&shown, &grid, &pairs);
    let sections = grid.to_sections();
    Ok(MultiComparison {
        roles: roles.iter().map(|r| r.id.clone()).collect(),
        headers: roles.iter().map(|r| pair::header(r)).collect(),
        summary: grid::summarise(&sections, roles.len()),
        omitted: omitted(roles, options),
        sections,
        facts: grid.to_facts(),
        skills: grid.to_skills(),
        approximate: grid.pairs.iter().find_map(pair::PairMatch::approximate),
        pairs,
        ladder,
    })
}

/// Two roles give the 2-way [`Comparison`], three to six the [`MultiComparison`]; internal
/// sections left out.
pub fn compare_roles(roles: &[&Role]) -> Result<Report, CompareError> {
    compare_roles_with(roles, CompareOptions::default())
}

/// Two roles give the 2-way [`Comparison`], three to six the [`MultiComparison`].
pub fn compare_roles_with(
    roles: &[&Role],
    options: CompareOptions,
) -> Result<Report, CompareError> {
    match roles {
        [a, b] => Ok(Report::Pair(compare_with(a, b, options))),
        _ => compare_many_with(roles, options).map(Report::Many),
    }
}

/// The role as the comparison sees it: without its internal sections unless they are asked for.
fn visible(role: &Role, options: CompareOptions) -> Cow<'_, Role> {
    if options.include_internal || !role.sections.iter().any(|s| is_internal(&s.key)) {
        return Cow::Borrowed(role);
    }
    let mut shown = role.clone();
    shown.sections.retain(|s| !is_internal(&s.key));
    Cow::Owned(shown)
}

/// The internal sections [`visible`] leaves out of these roles, each key once.
fn omitted(roles: &[&Role], options: CompareOptions) -> Vec<OmittedSection> {
    let mut out: Vec<OmittedSection> = Vec::new();
    if options.include_internal {
        return out;
    }
    for s in roles.iter().flat_map(|r| &r.sections) {
        if is_internal(&s.key) && !out.iter().any(|o| o.key == s.key) {
            out.push(OmittedSection {
                key: s.key.clone(),
                title: s.title.clone(),
                note: section_note(&s.key).unwrap_or_default().to_string(),
            });
        }
    }
    out
}

impl Report {
    /// Pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        // Strings, numbers and lists only: serialising cannot fail.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    pub fn to_markdown(&self) -> String {
        match self {
            Report::Pair(c) => render::markdown(c),
            Report::Many(m) => render::markdown_many(m),
        }
    }

    pub fn to_html(&self) -> String {
        match self {
            Report::Pair(c) => render::html(c),
            Report::Many(m) => render::html_many(m),
        }
    }
}
