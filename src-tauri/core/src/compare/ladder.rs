//! The ladder view: roles ordered by level (when every role has one), what they all share,
//! and per rung only what is new or changed against the rung below.

use std::collections::BTreeMap;

use super::facts::fact_status;
use super::grid::Grid;
use super::pair::{section_ids, PairMatch};
use super::types::{
    Comparison, Counts, Ladder, LadderStep, Shared, SharedFact, SharedSection, SharedSkill, Status,
};
use crate::model::Role;

/// Indices of `roles` lowest rung first, and whether that order is by level: a stable sort by
/// level when every role has one, else the given order.
pub(crate) fn ladder_order(roles: &[&Role]) -> (Vec<usize>, bool) {
    let mut order: Vec<usize> = (0..roles.len()).collect();
    let by_level = roles.iter().all(|r| r.level.is_some());
    if by_level {
        order.sort_by_key(|i| roles[*i].level);
    }
    (order, by_level)
}

/// Builds the ladder. `given` is the grid of the roles in their given order, and `given_pairs`
/// its 2-way comparisons; both are reused when the ladder order is the given one.
pub(crate) fn ladder(roles: &[&Role], given: &Grid<'_>, given_pairs: &[Comparison]) -> Ladder {
    let (order, by_level) = ladder_order(roles);
    let identity = order.iter().enumerate().all(|(i, o)| i == *o);
    let ordered: Vec<&Role> = order.iter().map(|i| roles[*i]).collect();
    let own;
    let (grid, pairs): (&Grid<'_>, Vec<Comparison>) = if identity {
        (given, given_pairs.to_vec())
    } else {
        own = Grid::new(&ordered);
        let pairs = own.pairs.iter().map(PairMatch::to_comparison).collect();
        (&own, pairs)
    };

    // What every role shares, and which items of the first rung those are.
    let mut shared = Shared::default();
    let mut shared_items: Vec<((&str, usize), Vec<usize>)> = Vec::new();
    for slot in &grid.sections {
        let idx: Vec<usize> = slot
            .rows
            .iter()
            .filter(|r| grid.row_shared(slot, r))
            .filter_map(|r| r[0])
            .collect();
        if !idx.is_empty() {
            shared.sections.push(SharedSection {
                key: slot.id.0.to_string(),
                title: slot.title.to_string(),
                items: idx.iter().map(|i| slot.items[0][*i].text.clone()).collect(),
            });
            shared_items.push((slot.id, idx));
        }
    }
    let first = ordered[0];
    for (key, value) in &first.facts {
        let all_same = ordered.windows(2).all(|w| {
            fact_status(
                w[0].facts.get(key).map(String::as_str),
                w[1].facts.get(key).map(String::as_str),
            ) == Some(Status::Same)
        });
        if all_same {
            shared.facts.push(SharedFact {
                key: key.clone(),
                value: value.clone(),
            });
        }
    }
    let mut shared_skills: Vec<(&str, usize)> = Vec::new();
    for slot in &grid.skills {
        if let (true, Some(Some(s))) = (grid.skill_shared(slot), slot.skills.first()) {
            shared.skills.push(SharedSkill {
                code: s.code.clone(),
                name: s.name.clone(),
                level: s.level,
            });
            shared_skills.push(slot.id);
        }
    }

    // The first rung: everything it has that is not shared is new.
    let empty = empty_role();
    let mut base = PairMatch::new(&empty, first).to_comparison();
    // Compared with nothing, the sections are the first role's own, in order.
    for (section, id) in base.sections.iter_mut().zip(section_ids(first)) {
        if let Some((_, skip)) = shared_items.iter().find(|(sid, _)| *sid == id) {
            let rows = std::mem::take(&mut section.rows);
            section.rows = rows
                .into_iter()
                .enumerate()
                .filter(|(i, _)| !skip.contains(i))
                .map(|(_, r)| r)
                .collect();
        }
        section.counts = Counts {
            added: section.rows.len() as u32,
            ..Counts::default()
        };
    }
    base.facts
        .retain(|f| !shared.facts.iter().any(|s| s.key == f.key));
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    base.skills.retain(|s| {
        let nth = seen.entry(s.code.clone()).or_default();
        let id = (s.code.as_str(), *nth);
        *nth += 1;
        !shared_skills.contains(&id)
    });

    let mut steps = vec![new_or_changed(base, ordered[0].id.clone(), None)];
    for (i, pair) in pairs.into_iter().enumerate() {
        steps.push(new_or_changed(
            pair,
            ordered[i + 1].id.clone(),
            Some(ordered[i].id.clone()),
        ));
    }
    Ladder {
        order: ordered.iter().map(|r| r.id.clone()).collect(),
        by_level,
        shared,
        steps,
    }
}

fn new_or_changed(mut c: Comparison, role: String, from: Option<String>) -> LadderStep {
    let keep = |s: Status| matches!(s, Status::Added | Status::Changed);
    let mut not_carried_over = Shared::default();
    for section in &c.sections {
        let items: Vec<String> = section
            .rows
            .iter()
            .filter(|r| r.status == Status::Removed)
            .filter_map(|r| r.left.clone())
            .collect();
        if !items.is_empty() {
            not_carried_over.sections.push(SharedSection {
                key: section.key.clone(),
                title: section.title.clone(),
                items,
            });
        }
    }
    for f in c.facts.iter().filter(|f| f.status == Status::Removed) {
        not_carried_over.facts.push(SharedFact {
            key: f.key.clone(),
            value: f.left.clone().unwrap_or_default(),
        });
    }
    for s in c.skills.iter().filter(|s| s.status == Status::Removed) {
        not_carried_over.skills.push(SharedSkill {
            code: s.code.clone(),
            name: s.name.clone(),
            level: s.left_level,
        });
    }
    for section in &mut c.sections {
        section.rows.retain(|r| keep(r.status));
    }
    c.sections.retain(|s| !s.rows.is_empty());
    c.facts.retain(|f| keep(f.status));
    c.skills.retain(|s| keep(s.status));
    LadderStep {
        role,
        from,
        sections: c.sections,
        facts: c.facts,
        skills: c.skills,
        not_carried_over,
    }
}

fn empty_role() -> Role {
    Role {
        id: String::new(),
        title: String::new(),
        track: None,
        level: None,
        facts: BTreeMap::new(),
        fact_sources: BTreeMap::new(),
        sections: Vec::new(),
        skills: Vec::new(),
        context: Vec::new(),
        sources: Vec::new(),
        conflicts: Vec::new(),
    }
}
