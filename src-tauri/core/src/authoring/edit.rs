//! Edits to a role, each one undoable: [`apply`] changes the role and returns the edit that
//! undoes it, so undo and redo are two stacks of edits the UI (or a script) holds:
//!
//! ```text
//! apply(role, edit)    ──► inverse      (push inverse on undo)
//! apply(role, inverse) ──► edit again   (push it on redo)
//! ```
//!
//! Sections and items are addressed by index (`section` is an index into `role.sections`,
//! `index` into its items). An edit that does not fit the role is refused before anything
//! changes. Provenance survives: an edited item keeps its source and records when it was edited
//! and its imported text; an item written here is `authored`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::import::sections::section_key;
use crate::model::{snake_key, Item, Origin, Role, Section, SourceRef};

/// One change to a role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum RoleEdit {
    SetTitle {
        title: String,
    },
    SetTrack {
        track: Option<String>,
    },
    SetLevel {
        level: Option<u32>,
    },
    /// Sets a fact (a snake_case key); the value now comes from here, not a document.
    SetFact {
        key: String,
        value: String,
    },
    RemoveFact {
        key: String,
    },
    /// A fact exactly as it was, source included (the undo of `set_fact` and `remove_fact`).
    RestoreFact {
        key: String,
        value: Option<String>,
        source: Option<SourceRef>,
    },
    /// A new empty section at `index`; its key is the canonical key of the title when it has one.
    AddSection {
        index: usize,
        title: String,
    },
    /// A new title; the key stays, so compare still aligns the section with other roles.
    RenameSection {
        section: usize,
        title: String,
    },
    /// Moves a section so that it ends up at index `to`.
    MoveSection {
        from: usize,
        to: usize,
    },
    RemoveSection {
        section: usize,
    },
    /// A whole section back at `index` (the undo of `remove_section`).
    InsertSection {
        index: usize,
        section: Section,
    },
    /// A new item written here, at `index` of section `section`.
    AddItem {
        section: usize,
        index: usize,
        text: String,
    },
    EditItem {
        section: usize,
        index: usize,
        text: String,
    },
    RemoveItem {
        section: usize,
        index: usize,
    },
    /// Moves an item, within its section or to another one, so that it ends up at `to`.
    MoveItem {
        from: ItemAt,
        to: ItemAt,
    },
    /// A whole item, provenance included, put at `index` (the undo of `remove_item`), or in
    /// place of the item there when `replace` (the undo of `edit_item`).
    RestoreItem {
        section: usize,
        index: usize,
        item: Item,
        replace: bool,
    },
}

/// Where an item is: section index and item index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemAt {
    pub section: usize,
    pub index: usize,
}

/// Why an edit does not fit the role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("the role has {count} section(s); there is no section {index}")]
    NoSection { index: usize, count: usize },
    #[error("section {section} has {count} item(s); there is no item {index}")]
    NoItem {
        section: usize,
        index: usize,
        count: usize,
    },
    #[error("{what} cannot be empty")]
    Empty { what: &'static str },
    #[error("fact key \"{key}\" is not snake_case (try \"{suggestion}\")")]
    FactKey { key: String, suggestion: String },
    #[error("the role has no fact \"{0}\"")]
    NoFact(String),
}

/// The source of an item written here: no document, no line.
pub fn no_source() -> SourceRef {
    SourceRef {
        file: String::new(),
        line: 0,
    }
}

/// Applies `edit` to `role` (at `at`, an RFC 3339 time recorded on edited and authored items)
/// and returns the edit that undoes it. On error the role is unchanged.
pub fn apply(role: &mut Role, edit: &RoleEdit, at: &str) -> Result<RoleEdit, EditError> {
    use RoleEdit::*;
    Ok(match edit {
        SetTitle { title } => {
            let title = non_empty(title, "a role's title")?;
            SetTitle {
                title: std::mem::replace(&mut role.title, title),
            }
        }
        SetTrack { track } => SetTrack {
            track: std::mem::replace(&mut role.track, blank_to_none(track)),
        },
        SetLevel { level } => SetLevel {
            level: std::mem::replace(&mut role.level, *level),
        },
        SetFact { key, value } => {
            check_fact_key(key)?;
            let value = non_empty(value, "a fact's value")?;
            let undo = restore_fact(role, key);
            role.facts.insert(key.clone(), value);
            role.fact_sources.remove(key);
            undo
        }
        RemoveFact { key } => {
            if !role.facts.contains_key(key) {
                return Err(EditError::NoFact(key.clone()));
            }
            let undo = restore_fact(role, key);
            role.facts.remove(key);
            role.fact_sources.remove(key);
            undo
        }
        RestoreFact { key, value, source } => {
            check_fact_key(key)?;
            let undo = restore_fact(role, key);
            match value {
                Some(v) => role.facts.insert(key.clone(), v.clone()),
                None => role.facts.remove(key),
            };
            match source {
                Some(s) => role.fact_sources.insert(key.clone(), s.clone()),
                None => role.fact_sources.remove(key),
            };
            undo
        }
        AddSection { index, title } => {
            let title = non_empty(title, "a section's title")?;
            check_insert(*index, role.sections.len())?;
            let key = unique_key(role, &section_key(&title));
            role.sections.insert(
                *index,
                Section {
                    key,
                    title,
                    items: Vec::new(),
                    table_headers: Vec::new(),
                },
            );
            RemoveSection { section: *index }
        }
        RenameSection { section, title } => {
            let title = non_empty(title, "a section's title")?;
            let s = section_mut(role, *section)?;
            RenameSection {
                section: *section,
                title: std::mem::replace(&mut s.title, title),
            }
        }
        MoveSection { from, to } => {
            let count = role.sections.len();
            section_mut(role, *from)?;
            if *to >= count {
                return Err(EditError::NoSection { index: *to, count });
            }
            let s = role.sections.remove(*from);
            role.sections.insert(*to, s);
            MoveSection {
                from: *to,
                to: *from,
            }
        }
        RemoveSection { section } => {
            section_mut(role, *section)?;
            InsertSection {
                index: *section,
                section: role.sections.remove(*section),
            }
        }
        InsertSection { index, section } => {
            check_insert(*index, role.sections.len())?;
            role.sections.insert(*index, section.clone());
            RemoveSection { section: *index }
        }
        AddItem {
            section,
            index,
            text,
        } => {
            let text = non_empty(text, "an item's text")?;
            let items = &mut section_mut(role, *section)?.items;
            check_item_insert(*section, *index, items.len())?;
            // A new item joins the sub-heading of the item before it.
            let group = index
                .checked_sub(1)
                .and_then(|i| items.get(i))
                .or_else(|| items.get(*index))
                .and_then(|i| i.group.clone());
            items.insert(
                *index,
                Item {
                    text,
                    group,
                    source: no_source(),
                    links: Vec::new(),
                    origin: Some(Origin::Authored { at: at.to_string() }),
                },
            );
            RemoveItem {
                section: *section,
                index: *index,
            }
        }
        EditItem {
            section,
            index,
            text,
        } => {
            let text = non_empty(text, "an item's text")?;
            let item = item_mut(role, *section, *index)?;
            let old = item.clone();
            item.origin = match old.origin.clone() {
                Some(Origin::Authored { .. }) => Some(Origin::Authored { at: at.to_string() }),
                _ if text == old.text => old.origin.clone(),
                Some(Origin::Edited { imported_text, .. }) if imported_text == text => None,
                Some(Origin::Edited { imported_text, .. }) => Some(Origin::Edited {
                    at: at.to_string(),
                    imported_text,
                }),
                None => Some(Origin::Edited {
                    at: at.to_string(),
                    imported_text: old.text.clone(),
                }),
            };
            item.text = text;
            RestoreItem {
                section: *section,
                index: *index,
                item: old,
                replace: true,
            }
        }
        RemoveItem { section, index } => {
            item_mut(role, *section, *index)?;
            RestoreItem {
                section: *section,
                index: *index,
                item: role.sections[*section].items.remove(*index),
                replace: false,
            }
        }
        MoveItem { from, to } => {
            item_mut(role, from.section, from.index)?;
            let target_len = section_mut(role, to.section)?.items.len();
            let room = if to.section == from.section {
                target_len - 1
            } else {
                target_len
            };
            check_item_insert(to.section, to.index, room)?;
            let item = role.sections[from.section].items.remove(from.index);
            role.sections[to.section].items.insert(to.index, item);
            MoveItem {
                from: *to,
                to: *from,
            }
        }
        RestoreItem {
            section,
            index,
            item,
            replace,
        } => {
            if *replace {
                let slot = item_mut(role, *section, *index)?;
                RestoreItem {
                    section: *section,
                    index: *index,
                    item: std::mem::replace(slot, item.clone()),
                    replace: true,
                }
            } else {
                let items = &mut section_mut(role, *section)?.items;
                check_item_insert(*section, *index, items.len())?;
                items.insert(*index, item.clone());
                RemoveItem {
                    section: *section,
                    index: *index,
                }
            }
        }
    })
}

/// Applies `edits` in order, all or nothing. Returns the edits that undo them all, in the
/// order to apply them (last edit's inverse first).
pub fn apply_all(
    role: &mut Role,
    edits: &[RoleEdit],
    at: &str,
) -> Result<Vec<RoleEdit>, EditError> {
    let mut work = role.clone();
    let mut undo = Vec::with_capacity(edits.len());
    for edit in edits {
        undo.push(apply(&mut work, edit, at)?);
    }
    undo.reverse();
    *role = work;
    Ok(undo)
}

fn restore_fact(role: &Role, key: &str) -> RoleEdit {
    RoleEdit::RestoreFact {
        key: key.to_string(),
        value: role.facts.get(key).cloned(),
        source: role.fact_sources.get(key).cloned(),
    }
}

fn non_empty(text: &str, what: &'static str) -> Result<String, EditError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        Err(EditError::Empty { what })
    } else {
        Ok(trimmed.to_string())
    }
}

fn blank_to_none(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn check_fact_key(key: &str) -> Result<(), EditError> {
    let suggestion = snake_key(key);
    if key.is_empty() || suggestion.is_empty() {
        Err(EditError::Empty {
            what: "a fact's key",
        })
    } else if suggestion != key {
        Err(EditError::FactKey {
            key: key.to_string(),
            suggestion,
        })
    } else {
        Ok(())
    }
}

fn unique_key(role: &Role, key: &str) -> String {
    let taken = |k: &str| role.sections.iter().any(|s| s.key == k);
    if !taken(key) {
        return key.to_string();
    }
    (2..)
        .map(|n| format!("{key}_{n}"))
        .find(|k| !taken(k))
        .unwrap_or_else(|| key.to_string())
}

fn check_insert(index: usize, count: usize) -> Result<(), EditError> {
    if index > count {
        Err(EditError::NoSection { index, count })
    } else {
        Ok(())
    }
}

fn check_item_insert(section: usize, index: usize, count: usize) -> Result<(), EditError> {
    if index > count {
        Err(EditError::NoItem {
            section,
            index,
            count,
        })
    } else {
        Ok(())
    }
}

fn section_mut(role: &mut Role, index: usize) -> Result<&mut Section, EditError> {
    let count = role.sections.len();
    role.sections
        .get_mut(index)
        .ok_or(EditError::NoSection { index, count })
}

fn item_mut(role: &mut Role, section: usize, index: usize) -> Result<&mut Item, EditError> {
    let items = &mut section_mut(role, section)?.items;
    let count = items.len();
    items.get_mut(index).ok_or(EditError::NoItem {
        section,
        index,
        count,
    })
}
