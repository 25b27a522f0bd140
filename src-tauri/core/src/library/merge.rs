//! Merging the roles that several documents give for the same role id. Identical items are
//! kept once; items that say almost the same thing differently are conflicts, reported with
//! both sides, and the role's own page wins.

use crate::model::{Conflict, ConflictSide, Item, Role, SourceRef};
use crate::text::{normalise, similarity, CONFLICT_THRESHOLD};

#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub roles: Vec<Role>,
    pub conflicts: Vec<Conflict>,
}

/// Merges roles with equal ids (first-seen order of ids is kept). Within one id, roles from
/// their own page come first, so their items win conflicts.
pub fn merge_roles(roles: Vec<Role>) -> Merged {
    let mut groups: Vec<Vec<Role>> = Vec::new();
    for role in roles {
        match groups.iter_mut().find(|g| g[0].id == role.id) {
            Some(g) => g.push(role),
            None => groups.push(vec![role]),
        }
    }
    let mut out = Merged::default();
    for mut group in groups {
        group.sort_by_key(|r| !r.sources.iter().any(|s| s.own_page));
        let mut group = group.into_iter();
        let mut base = group.next().expect("groups are never empty");
        for other in group {
            merge_into(&mut base, other, &mut out.conflicts);
        }
        out.roles.push(base);
    }
    out
}

/// Merges `other` into `base`; `base`'s items win conflicts, which are returned.
pub fn merge_two(mut base: Role, other: Role) -> (Role, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    merge_into(&mut base, other, &mut conflicts);
    (base, conflicts)
}

/// Merges `other` into `base`; new conflicts go to `conflicts` and are recorded on the role
/// too (`Role::conflicts`, with those `other` already had), each once.
fn merge_into(base: &mut Role, mut other: Role, conflicts: &mut Vec<Conflict>) {
    let first_new = conflicts.len();
    let carried = std::mem::take(&mut other.conflicts);
    merge_content(base, other, conflicts);
    for c in carried
        .into_iter()
        .chain(conflicts[first_new..].iter().cloned())
    {
        if !base.conflicts.contains(&c) {
            base.conflicts.push(c);
        }
    }
}

fn merge_content(base: &mut Role, other: Role, conflicts: &mut Vec<Conflict>) {
    base.track = base.track.take().or(other.track);
    base.level = base.level.or(other.level);
    for (key, value) in other.facts {
        let source = other.fact_sources.get(&key).cloned();
        match base.facts.get(&key) {
            None => {
                base.facts.insert(key.clone(), value);
                if let Some(s) = source {
                    base.fact_sources.insert(key, s);
                }
            }
            Some(kept) if normalise(kept) != normalise(&value) => conflicts.push(Conflict {
                role_id: base.id.clone(),
                section: format!("facts.{key}"),
                kept: ConflictSide {
                    text: kept.clone(),
                    source: base.fact_sources.get(&key).cloned().unwrap_or_else(unknown),
                },
                other: ConflictSide {
                    text: value,
                    source: source.unwrap_or_else(unknown),
                },
            }),
            Some(_) => {}
        }
    }
    for section in other.sections {
        match base.sections.iter_mut().find(|s| s.key == section.key) {
            None => base.sections.push(section),
            Some(target) => {
                let mut paired = vec![false; target.items.len()];
                for item in section.items {
                    merge_item(
                        &base.id,
                        &section.key,
                        &mut target.items,
                        &mut paired,
                        item,
                        conflicts,
                    );
                }
                for header in section.table_headers {
                    if !target.table_headers.iter().any(|h| h.text == header.text) {
                        target.table_headers.push(header);
                    }
                }
            }
        }
    }
    for skill in other.skills {
        if !base.skills.iter().any(|s| s.code == skill.code) {
            base.skills.push(skill);
        }
    }
    for section in other.context {
        if !base.context.iter().any(|s| s.key == section.key) {
            base.context.push(section);
        }
    }
    for source in other.sources {
        if !base
            .sources
            .iter()
            .any(|s| s.hash == source.hash && s.file == source.file)
        {
            base.sources.push(source);
        }
    }
}

fn merge_item(
    role_id: &str,
    section: &str,
    items: &mut Vec<Item>,
    paired: &mut Vec<bool>,
    item: Item,
    conflicts: &mut Vec<Conflict>,
) {
    let norm = normalise(&item.text);
    if items.iter().any(|x| normalise(&x.text) == norm) {
        return;
    }
    let best = items
        .iter()
        .enumerate()
        .filter(|(i, _)| !paired.get(*i).copied().unwrap_or(true))
        .map(|(i, x)| (i, similarity(&x.text, &item.text)))
        .filter(|(_, s)| *s >= CONFLICT_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((i, _)) => {
            paired[i] = true;
            conflicts.push(Conflict {
                role_id: role_id.to_string(),
                section: section.to_string(),
                kept: ConflictSide {
                    text: items[i].text.clone(),
                    source: items[i].source.clone(),
                },
                other: ConflictSide {
                    text: item.text,
                    source: item.source,
                },
            });
        }
        None => {
            items.push(item);
            paired.push(true);
        }
    }
}

fn unknown() -> SourceRef {
    SourceRef {
        file: String::new(),
        line: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_recorded_on_the_merged_role_once() {
        use crate::import::{import_document, Document};
        let doc = |name: &str, years: &str| {
            import_document(&Document::from_text(
                name,
                format!("# Staff Engineer\n\n## Responsibilities\n\n- Mentors senior engineers for {years} years.\n"),
            ))
            .unwrap()
            .roles
        };
        let a = doc("a.md", "2+");
        let b = doc("b.md", "3+");
        let merged = merge_roles(a.iter().chain(&b).cloned().collect());
        let role = &merged.roles[0];
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(role.conflicts, merged.conflicts);
        let item = &role.sections[0].items[0];
        assert_eq!(role.conflicts_of("responsibilities", item).count(), 1);
        assert_eq!(role.conflicts[0].other.source.file, "b.md");
        // Merging the merged role again with the same documents adds nothing twice.
        let (again, new) = merge_two(role.clone(), merge_roles(b.clone()).roles[0].clone());
        assert_eq!(new.len(), 1);
        assert_eq!(again.conflicts, role.conflicts);
    }
}
