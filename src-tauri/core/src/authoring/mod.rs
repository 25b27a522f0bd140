//! Authoring: roles changed, created and deleted by the user, provenance kept.
//!
//! ```text
//! RoleEdit ──apply──► Role + inverse RoleEdit        (edit.rs: undo/redo are stacks of edits)
//! Role ──save_if_unchanged(base_hash)──► file | EditConflict { mine, theirs }   (store.rs)
//! new_role(title) / new_role_from(role, title) ──create──► <dir>/<id>.json
//! delete(id, hash) ──► Deleted { json } ──restore──► the same bytes back
//! ```
//!
//! Everything is written atomically into a library folder (the user's, or `--library DIR`).

mod edit;
mod store;

use std::path::Path;

pub use edit::{apply, apply_all, no_source, EditError, ItemAt, RoleEdit};
pub use store::{
    current, delete, edit_and_save, read_versioned, restore, role_file, save_if_unchanged,
    AuthoringError, Deleted, EditConflict, EditOutcome, Versioned,
};

use crate::library::{Library, LibraryError};
use crate::model::{slug, Role};

/// The id a new role with this title gets (`untitled-role` when the title has no letters).
pub fn id_for(title: &str) -> String {
    let id = slug(title);
    if id.is_empty() {
        "untitled-role".to_string()
    } else {
        id
    }
}

/// An empty role.
pub fn new_role(title: &str) -> Result<Role, EditError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(EditError::Empty {
            what: "a role's title",
        });
    }
    Ok(Role::empty(id_for(title), title.to_string()))
}

/// A new role from an existing one ("new level from this one"): everything copied, provenance
/// included, under a new title and id.
pub fn new_role_from(existing: &Role, title: &str) -> Result<Role, EditError> {
    let fresh = new_role(title)?;
    Ok(Role {
        id: fresh.id,
        title: fresh.title,
        ..existing.clone()
    })
}

/// Saves a new role into `dir`, refusing an id the library (`known`) or the folder already has.
pub fn create(dir: &Path, role: Role, library: &Library) -> Result<Versioned, AuthoringError> {
    if let Some(other) = library.summary(&role.id) {
        return Err(LibraryError::Exists {
            id: role.id.clone(),
            path: role_file(dir, &other.id)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| format!("bundled role {}", other.title)),
        }
        .into());
    }
    match save_if_unchanged(dir, role, "", None)? {
        Ok(saved) => Ok(saved),
        Err(conflict) => Err(LibraryError::Exists {
            id: conflict.mine.role.id,
            path: dir.display().to_string(),
        }
        .into()),
    }
}

/// Now, as the RFC 3339 UTC time recorded on edited and authored items.
pub fn now() -> String {
    crate::time::civil_timestamp(crate::time::unix_now())
}

#[cfg(test)]
mod tests;
