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

use crate::model::Role;

/// The most roles one comparison shows side by side.
pub const MAX_ROLES: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    #[error("compare takes 2 to {MAX_ROLES} roles, got {0}")]
    RoleCount(usize),
}

/// Compares two roles, read from `left` to `right`.
pub fn compare(left: &Role, right: &Role) -> Comparison {
    pair::PairMatch::new(left, right).to_comparison()
}

/// Compares 2 to [`MAX_ROLES`] roles in the given order: each with its left neighbour, rows
/// aligned across all of them, plus the ladder view.
pub fn compare_many(roles: &[&Role]) -> Result<MultiComparison, CompareError> {
    if !(2..=MAX_ROLES).contains(&roles.len()) {
        return Err(CompareError::RoleCount(roles.len()));
    }
    let grid = grid::Grid::new(roles);
    let pairs: Vec<Comparison> = grid
        .pairs
        .iter()
        .map(pair::PairMatch::to_comparison)
        .collect();
    let ladder = ladder::ladder(roles, &grid, &pairs);
    Ok(MultiComparison {
        roles: roles.iter().map(|r| r.id.clone()).collect(),
        headers: roles.iter().map(|r| pair::header(r)).collect(),
        sections: grid.to_sections(),
        facts: grid.to_facts(),
        skills: grid.to_skills(),
        approximate: grid.pairs.iter().find_map(pair::PairMatch::approximate),
        pairs,
        ladder,
    })
}

/// Two roles give the 2-way [`Comparison`], three to six the [`MultiComparison`].
pub fn compare_roles(roles: &[&Role]) -> Result<Report, CompareError> {
    match roles {
        [a, b] => Ok(Report::Pair(compare(a, b))),
        _ => compare_many(roles).map(Report::Many),
    }
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
