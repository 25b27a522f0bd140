//! Merging the roles that several documents give for the same role id. Identical items are
//! kept once; items that say almost the same thing differently are conflicts, reported with
//! both sides, and the role's own page wins.
//!
//! Merging an import into a library role (`merge_two`) also respects the user's edits: an item
//! the role holds in any section (the user may have moved it) is not added again, and an item
//! whose imported text the user edited is a conflict with the user's edit as the kept side.

use crate::model::{Conflict, ConflictSide, Item, Origin, Role, SourceRef};
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
        let Some(mut base) = group.next() else {
            continue;
        };
        for other in group {
            merge_into(&mut base, other, &mut out.conflicts, false);
        }
        out.roles.push(base);
    }
    out
}

/// Merges `other` (an import) into `base` (the library's role); `base`'s items win conflicts,
/// which are returned. The user's edits in `base` are kept, each one a conflict side.
pub fn merge_two(mut base: Role, other: Role) -> (Role, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    merge_into(&mut base, other, &mut conflicts, true);
    (base, conflicts)
}

/// `library`: `base` is a library role the user may have edited (see the module doc).
fn merge_into(base: &mut Role, other: Role, conflicts: &mut Vec<Conflict>, library: bool) {
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
                    origin: None,
                },
                other: ConflictSide {
                    text: value,
                    source: source.unwrap_or_else(unknown),
                    origin: None,
                },
            }),
            Some(_) => {}
        }
    }
    // Edited items (section, index) already paired with an incoming item.
    let mut claimed = Vec::new();
    for mut section in other.sections {
        if library {
            let items = std::mem::take(&mut section.items);
            section.items = items
                .into_iter()
                .filter_map(|item| against_edits(base, &mut claimed, item, conflicts))
                .collect();
        }
        match base.sections.iter().position(|s| s.key == section.key) {
            None => base.sections.push(section),
            Some(index) => {
                let target = &mut base.sections[index];
                let mut paired: Vec<bool> = (0..target.items.len())
                    .map(|i| claimed.contains(&(index, i)))
                    .collect();
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
        .map(|(i, x)| (i, similarity_to(x, &item.text)))
        .filter(|(_, s)| *s >= CONFLICT_THRESHOLD)
        .max_by(|a, b| a.1.total_cmp(&b.1));
    match best {
        Some((i, _)) => {
            paired[i] = true;
            conflicts.push(Conflict {
                role_id: role_id.to_string(),
                section: section.to_string(),
                kept: side(&items[i]),
                other: side(&item),
            });
        }
        None => {
            items.push(item);
            paired.push(true);
        }
    }
}

/// An item as a conflict side.
fn side(item: &Item) -> ConflictSide {
    ConflictSide {
        text: item.text.clone(),
        source: item.source.clone(),
        origin: item.origin.clone(),
    }
}

/// How alike an item is to `text`; an edited item also by its imported text.
fn similarity_to(item: &Item, text: &str) -> f64 {
    let own = similarity(&item.text, text);
    match &item.origin {
        Some(Origin::Edited { imported_text, .. }) => own.max(similarity(imported_text, text)),
        _ => own,
    }
}

/// An incoming item against a library role: None when the role holds it in any section, or
/// when it is the imported text of an item the user edited (then a conflict, the edit kept);
/// else the item, to merge into its section as usual.
fn against_edits(
    base: &Role,
    claimed: &mut Vec<(usize, usize)>,
    item: Item,
    conflicts: &mut Vec<Conflict>,
) -> Option<Item> {
    let norm = normalise(&item.text);
    if base.items().any(|x| normalise(&x.text) == norm) {
        return None;
    }
    for (s, section) in base.sections.iter().enumerate() {
        for (i, x) in section.items.iter().enumerate() {
            let Some(Origin::Edited { imported_text, .. }) = &x.origin else {
                continue;
            };
            if normalise(imported_text) == norm && !claimed.contains(&(s, i)) {
                claimed.push((s, i));
                conflicts.push(Conflict {
                    role_id: base.id.clone(),
                    section: section.key.clone(),
                    kept: side(x),
                    other: side(&item),
                });
                return None;
            }
        }
    }
    Some(item)
}

fn unknown() -> SourceRef {
    SourceRef {
        file: String::new(),
        line: 0,
    }
}
