//! N roles side by side: each role matched with its left neighbour, and the matches chained
//! into rows aligned across all roles.

use std::collections::BTreeSet;

use super::align::{align, union_order};
use super::facts::fact_status;
use super::matching::Kind;
use super::pair::{section_ids, PairMatch, SectionId};
use super::skills::{skill_ids, SkillId};
use super::types::{
    Cell, Counts, GridFact, GridRow, GridSection, GridSectionSummary, GridSkill, GridSummary,
    SkillCell, Status,
};
use super::words::word_diff;
use crate::model::{Item, Role, Skill};

/// A section across the roles: each role's items and the aligned rows of item indices.
pub(crate) struct SlotRows<'r> {
    pub id: SectionId<'r>,
    pub title: &'r str,
    pub items: Vec<&'r [Item]>,
    pub rows: Vec<Vec<Option<usize>>>,
}

/// A skill across the roles.
pub(crate) struct SkillSlot<'r> {
    pub id: SkillId<'r>,
    pub skills: Vec<Option<&'r Skill>>,
}

pub(crate) struct Grid<'r> {
    pub roles: Vec<&'r Role>,
    /// `pairs[i]` matches `roles[i]` with `roles[i + 1]`.
    pub pairs: Vec<PairMatch<'r>>,
    pub sections: Vec<SlotRows<'r>>,
    pub skills: Vec<SkillSlot<'r>>,
}

impl<'r> Grid<'r> {
    pub fn new(roles: &[&'r Role]) -> Self {
        let pairs: Vec<PairMatch<'r>> = roles
            .windows(2)
            .map(|w| PairMatch::new(w[0], w[1]))
            .collect();
        let ids: Vec<Vec<SectionId<'r>>> = roles.iter().map(|r| section_ids(r)).collect();
        let sections = union_order(&ids)
            .into_iter()
            .map(|(id, at)| {
                let secs: Vec<_> = at
                    .iter()
                    .enumerate()
                    .map(|(r, i)| i.map(|i| &roles[r].sections[i]))
                    .collect();
                let items: Vec<&'r [Item]> = secs
                    .iter()
                    .map(|s| s.map_or(&[][..], |s| &s.items[..]))
                    .collect();
                let lens: Vec<usize> = items.iter().map(|i| i.len()).collect();
                let links: Vec<Vec<Option<usize>>> = pairs
                    .iter()
                    .enumerate()
                    .map(|(c, p)| match p.section(id) {
                        Some(m) => m.links.iter().map(|l| l.map(|l| l.to)).collect(),
                        None => vec![None; lens[c]],
                    })
                    .collect();
                SlotRows {
                    id,
                    title: secs
                        .iter()
                        .flatten()
                        .next()
                        .map_or("", |s| s.title.as_str()),
                    rows: align(&lens, &links),
                    items,
                }
            })
            .collect();
        let skill_lists: Vec<Vec<SkillId<'r>>> = roles.iter().map(|r| skill_ids(r)).collect();
        let skills = union_order(&skill_lists)
            .into_iter()
            .map(|(id, at)| SkillSlot {
                id,
                skills: at
                    .iter()
                    .enumerate()
                    .map(|(r, i)| i.map(|i| &roles[r].skills[i]))
                    .collect(),
            })
            .collect();
        Grid {
            roles: roles.to_vec(),
            pairs,
            sections,
            skills,
        }
    }

    /// The pairing of item `i` of role `c - 1` in a section, if any.
    fn kind(&self, c: usize, id: SectionId<'_>, i: usize) -> Option<Kind> {
        self.pairs[c - 1]
            .section(id)
            .and_then(|m| m.links[i])
            .map(|l| l.kind)
    }

    /// True when every role has the row's item and each equals its left neighbour's.
    pub fn row_shared(&self, slot: &SlotRows<'_>, row: &[Option<usize>]) -> bool {
        row.iter().all(Option::is_some)
            && (1..row.len())
                .all(|c| row[c - 1].and_then(|i| self.kind(c, slot.id, i)) == Some(Kind::Same))
    }

    /// True when every role has the skill and each is `same` as its left neighbour's.
    pub fn skill_shared(&self, slot: &SkillSlot<'_>) -> bool {
        slot.skills.iter().all(Option::is_some)
            && self
                .pairs
                .iter()
                .all(|p| p.skill(slot.id).is_some_and(|m| m.status == Status::Same))
    }

    pub fn to_sections(&self) -> Vec<GridSection> {
        self.sections
            .iter()
            .map(|slot| GridSection {
                key: slot.id.0.to_string(),
                title: slot.title.to_string(),
                counts: (0..self.roles.len())
                    .map(|c| {
                        (c > 0).then(|| {
                            self.pairs[c - 1]
                                .section(slot.id)
                                .map(|m| m.counts())
                                .unwrap_or_default()
                        })
                    })
                    .collect(),
                rows: slot
                    .rows
                    .iter()
                    .map(|row| GridRow {
                        all_same: self.row_shared(slot, row),
                        cells: (0..row.len())
                            .map(|c| {
                                let text =
                                    |col: usize| row[col].map(|i| slot.items[col][i].text.as_str());
                                let status = if c == 0 {
                                    None
                                } else {
                                    match (row[c - 1], row[c]) {
                                        (Some(i), Some(_)) => match self.kind(c, slot.id, i) {
                                            Some(Kind::Same) => Some(Status::Same),
                                            _ => Some(Status::Changed),
                                        },
                                        (None, Some(_)) => Some(Status::Added),
                                        (Some(_), None) => Some(Status::Removed),
                                        (None, None) => None,
                                    }
                                };
                                let origin = row[c].and_then(|i| slot.items[c][i].origin.clone());
                                text_cell(
                                    c,
                                    status,
                                    text(c),
                                    if c > 0 { text(c - 1) } else { None },
                                )
                                .map(|cell| Cell { origin, ..cell })
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    pub fn to_facts(&self) -> Vec<GridFact> {
        let keys: BTreeSet<&str> = self
            .roles
            .iter()
            .flat_map(|r| r.facts.keys().map(String::as_str))
            .collect();
        keys.into_iter()
            .map(|key| {
                let values: Vec<Option<&str>> = self
                    .roles
                    .iter()
                    .map(|r| r.facts.get(key).map(String::as_str))
                    .collect();
                GridFact {
                    key: key.to_string(),
                    all_same: values.iter().all(Option::is_some)
                        && values
                            .windows(2)
                            .all(|w| fact_status(w[0], w[1]) == Some(Status::Same)),
                    cells: (0..values.len())
                        .map(|c| {
                            let status = if c == 0 {
                                None
                            } else {
                                fact_status(values[c - 1], values[c])
                            };
                            text_cell(
                                c,
                                status,
                                values[c],
                                if c > 0 { values[c - 1] } else { None },
                            )
                        })
                        .collect(),
                }
            })
            .collect()
    }

    pub fn to_skills(&self) -> Vec<GridSkill> {
        self.skills
            .iter()
            .map(|slot| GridSkill {
                all_same: self.skill_shared(slot),
                code: slot.id.0.to_string(),
                name: slot
                    .skills
                    .iter()
                    .flatten()
                    .next()
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                cells: (0..slot.skills.len())
                    .map(|c| {
                        let here = slot.skills[c];
                        let status = if c == 0 {
                            None
                        } else {
                            match (slot.skills[c - 1], here) {
                                (Some(_), Some(_)) => {
                                    self.pairs[c - 1].skill(slot.id).map(|m| m.status)
                                }
                                (None, Some(_)) => Some(Status::Added),
                                (Some(_), None) => Some(Status::Removed),
                                (None, None) => None,
                            }
                        };
                        match (c, here, status) {
                            (0, None, _) | (_, None, None) => None,
                            _ => Some(SkillCell {
                                status,
                                level: here.and_then(|s| s.level),
                            }),
                        }
                    })
                    .collect(),
            })
            .collect()
    }
}

/// The summary of an N-way comparison's sections.
pub(crate) fn summarise(sections: &[GridSection], roles: usize) -> GridSummary {
    let mut total: Vec<Option<Counts>> =
        (0..roles).map(|c| (c > 0).then(Counts::default)).collect();
    let mut lines: Vec<GridSectionSummary> = sections
        .iter()
        .map(|s| {
            for (t, c) in total.iter_mut().zip(&s.counts) {
                if let (Some(t), Some(c)) = (t.as_mut(), c) {
                    t.plus(c);
                }
            }
            GridSectionSummary {
                key: s.key.clone(),
                title: s.title.clone(),
                counts: s.counts.clone(),
                changes: s.counts.iter().flatten().map(Counts::changes).sum(),
                rows: s.rows.len() as u32,
                all_same: s.rows.iter().filter(|r| r.all_same).count() as u32,
            }
        })
        .collect();
    lines.sort_by_key(|l| std::cmp::Reverse(l.changes));
    GridSummary {
        sections: lines,
        total,
    }
}

/// A cell of text: null when neither this role nor its left neighbour has an entry.
fn text_cell(
    c: usize,
    status: Option<Status>,
    text: Option<&str>,
    prev: Option<&str>,
) -> Option<Cell> {
    if c == 0 {
        return text.map(|t| Cell {
            status: None,
            text: Some(t.to_string()),
            words: None,
            origin: None,
        });
    }
    let status = status?;
    Some(Cell {
        status: Some(status),
        text: text.map(str::to_string),
        words: match (status, prev, text) {
            (Status::Changed, Some(p), Some(t)) => Some(word_diff(p, t)),
            _ => None,
        },
        origin: None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{role, section};
    use super::*;

    type View<'a> = Vec<Vec<Option<(Option<Status>, Option<&'a str>)>>>;

    #[test]
    fn rows_chain_across_roles() {
        let a = role(
            "a",
            vec![section(
                "scope",
                &["Manages managers and ICs.", "Culture leadership."],
            )],
        );
        let b = role(
            "b",
            vec![section(
                "scope",
                &[
                    "Manages managers and directors.",
                    "Culture leadership.",
                    "Organizational design",
                ],
            )],
        );
        let c = role(
            "c",
            vec![section(
                "scope",
                &["Culture leadership.", "Organizational design."],
            )],
        );
        let grid = Grid::new(&[&a, &b, &c]);
        let sections = grid.to_sections();
        let rows = &sections[0].rows;
        let view: View<'_> = rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.as_ref().map(|c| (c.status, c.text.as_deref())))
                    .collect()
            })
            .collect();
        assert_eq!(
            view,
            [
                vec![
                    Some((None, Some("Manages managers and ICs."))),
                    Some((
                        Some(Status::Changed),
                        Some("Manages managers and directors.")
                    )),
                    Some((Some(Status::Removed), None)),
                ],
                vec![
                    Some((None, Some("Culture leadership."))),
                    Some((Some(Status::Same), Some("Culture leadership."))),
                    Some((Some(Status::Same), Some("Culture leadership."))),
                ],
                vec![
                    None,
                    Some((Some(Status::Added), Some("Organizational design"))),
                    Some((Some(Status::Same), Some("Organizational design."))),
                ],
            ]
        );
        assert!(rows[0].cells[1].as_ref().unwrap().words.is_some());
        assert_eq!(sections[0].counts[0], None);
        assert_eq!(sections[0].counts[1].unwrap().added, 1);
        assert_eq!(sections[0].counts[2].unwrap().removed, 1);
        assert!(grid.row_shared(&grid.sections[0], &grid.sections[0].rows[1]));
        assert!(!grid.row_shared(&grid.sections[0], &grid.sections[0].rows[2]));
    }

    #[test]
    fn a_section_only_a_middle_role_has_still_shows() {
        let a = role("a", vec![section("scope", &["x"])]);
        let b = role(
            "b",
            vec![
                section("scope", &["x"]),
                section("budget", &["Owns budget"]),
            ],
        );
        let c = role("c", vec![section("scope", &["x"])]);
        let sections = Grid::new(&[&a, &b, &c]).to_sections();
        assert_eq!(sections[1].key, "budget");
        let cells = &sections[1].rows[0].cells;
        assert_eq!(cells[0], None);
        assert_eq!(cells[1].as_ref().unwrap().status, Some(Status::Added));
        assert_eq!(cells[2].as_ref().unwrap().status, Some(Status::Removed));
    }
}
