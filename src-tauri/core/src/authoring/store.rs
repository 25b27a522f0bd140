//! Saving edited roles into a library folder without losing anyone's work.
//!
//! Every version of a role is named by the hash of its file's bytes ([`Versioned::hash`]). A
//! save states the hash it was based on; when the file changed on disk since (another app, the
//! CLI, `git pull`), nothing is written and both versions come back as an [`EditConflict`] for
//! the user to choose from. A role the folder does not hold yet is based on the bundled role of
//! that id: editing it writes the user's own copy, which then replaces the bundled one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use super::edit::{apply_all, EditError, RoleEdit};
use crate::fs::write_atomic;
use crate::import::hash_bytes;
use crate::library::{parse_role, role_json, LibraryError};
use crate::model::Role;

/// A role and the hash of its file's bytes (`sha256:` + hex).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Versioned {
    pub role: Role,
    pub hash: String,
}

impl Versioned {
    /// A role as Rolecraft would write it.
    pub fn of(role: Role) -> Self {
        let hash = hash_bytes(role_json(&role).as_bytes());
        Versioned { role, hash }
    }
}

/// A save refused because the role changed on disk since the version it was based on.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EditConflict {
    /// The user's version (not written).
    pub mine: Versioned,
    /// What the library holds now; null when the file was deleted.
    pub theirs: Option<Versioned>,
}

/// What an edit did. (One value per command, serialised straight away: the variants' sizes do
/// not matter.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EditOutcome {
    /// Written. `undo` undoes the edits (apply in order).
    Saved {
        role: Role,
        hash: String,
        undo: Vec<RoleEdit>,
    },
    /// Nothing written: the file changed on disk since `base_hash`.
    Conflict {
        conflict: Box<EditConflict>,
        undo: Vec<RoleEdit>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum AuthoringError {
    #[error(transparent)]
    Library(#[from] LibraryError),
    #[error("{0}")]
    Edit(#[from] EditError),
    #[error("role \"{0}\" is bundled with Rolecraft, not a file in the library folder: it cannot be deleted")]
    Bundled(String),
    #[error("{path}: role \"{id}\" changed on disk since it was read; reload it first")]
    Changed { id: String, path: String },
}

/// The role file for `id` in `dir`: `<id>.json` when it holds that role, else any `*.json`
/// whose role has that id (a team's repository may name its files differently).
pub fn role_file(dir: &Path, id: &str) -> Option<PathBuf> {
    let named = dir.join(format!("{id}.json"));
    if named.is_file() && read_versioned(&named).is_ok_and(|v| v.role.id == id) {
        return Some(named);
    }
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json") && p.is_file())
        .collect();
    paths.sort();
    paths
        .into_iter()
        .find(|p| read_versioned(p).is_ok_and(|v| v.role.id == id))
}

/// A role file and the hash of its bytes exactly as they are on disk.
pub fn read_versioned(path: &Path) -> Result<Versioned, LibraryError> {
    let bytes = std::fs::read(path).map_err(|e| io(path, e))?;
    let text = String::from_utf8(bytes).map_err(|e| LibraryError::Io {
        path: path.display().to_string(),
        reason: format!("not UTF-8 at byte {}", e.utf8_error().valid_up_to()),
    })?;
    let role = parse_role(&path.display().to_string(), &text)?;
    Ok(Versioned {
        role,
        hash: hash_bytes(text.as_bytes()),
    })
}

/// The role `id` as the folder holds it now, else as `bundled` gives it, else None.
pub fn current(
    dir: &Path,
    id: &str,
    bundled: Option<&Role>,
) -> Result<Option<Versioned>, LibraryError> {
    match role_file(dir, id) {
        Some(path) => read_versioned(&path).map(Some),
        None => Ok(bundled.cloned().map(Versioned::of)),
    }
}

/// Applies `edits` to `base` (the version the user was looking at, hash `base_hash`) and saves
/// the result into `dir`, unless the role changed since `base_hash`: then nothing is written
/// and both versions come back. `bundled` is the bundled role of that id, if any.
pub fn edit_and_save(
    dir: &Path,
    base: &Role,
    base_hash: &str,
    edits: &[RoleEdit],
    at: &str,
    bundled: Option<&Role>,
) -> Result<EditOutcome, AuthoringError> {
    let mut mine = base.clone();
    let undo = apply_all(&mut mine, edits, at)?;
    Ok(match save_if_unchanged(dir, mine, base_hash, bundled)? {
        Ok(saved) => EditOutcome::Saved {
            role: saved.role,
            hash: saved.hash,
            undo,
        },
        Err(conflict) => EditOutcome::Conflict {
            conflict: Box::new(conflict),
            undo,
        },
    })
}

/// Writes `role` (atomically) into `dir` if the library's version of it still hashes to
/// `base_hash`; else returns the conflict. Keeping one's own version after a conflict is a save
/// based on the other side's hash.
pub fn save_if_unchanged(
    dir: &Path,
    role: Role,
    base_hash: &str,
    bundled: Option<&Role>,
) -> Result<Result<Versioned, EditConflict>, LibraryError> {
    let path = role_file(dir, &role.id);
    let now = match &path {
        Some(p) => Some(read_versioned(p)?),
        None => bundled.cloned().map(Versioned::of),
    };
    let mine = Versioned::of(role);
    let unchanged = match &now {
        Some(v) => v.hash == base_hash,
        // A new role: nothing to collide with.
        None => true,
    };
    if !unchanged {
        return Ok(Err(EditConflict { mine, theirs: now }));
    }
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    let path = path.unwrap_or_else(|| dir.join(format!("{}.json", mine.role.id)));
    write_atomic(&path, role_json(&mine.role).as_bytes()).map_err(|e| io(&path, e))?;
    Ok(Ok(mine))
}

/// A deleted role, its file's text kept so that [`restore`] can put it back byte for byte.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Deleted {
    pub id: String,
    /// The file name it had in the folder.
    pub file: String,
    pub json: String,
}

/// Deletes role `id`'s file from `dir`, if it still hashes to `base_hash`. A bundled role has
/// no file to delete (deleting the user's copy of one brings the bundled role back).
pub fn delete(dir: &Path, id: &str, base_hash: &str) -> Result<Deleted, AuthoringError> {
    let Some(path) = role_file(dir, id) else {
        return Err(AuthoringError::Bundled(id.to_string()));
    };
    let json = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
    if hash_bytes(json.as_bytes()) != base_hash {
        return Err(AuthoringError::Changed {
            id: id.to_string(),
            path: path.display().to_string(),
        });
    }
    std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
    Ok(Deleted {
        id: id.to_string(),
        file: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        json,
    })
}

/// Puts a deleted role back, byte for byte, unless the folder holds that id again.
pub fn restore(dir: &Path, deleted: &Deleted) -> Result<Versioned, AuthoringError> {
    let name = Path::new(&deleted.file)
        .file_name()
        .filter(|n| Path::new(n).extension().is_some_and(|e| e == "json"))
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(format!("{}.json", deleted.id)));
    let path = dir.join(name);
    let role = parse_role(&path.display().to_string(), &deleted.json)?;
    if role_file(dir, &role.id).is_some() || path.exists() {
        return Err(LibraryError::Exists {
            id: role.id,
            path: path.display().to_string(),
        }
        .into());
    }
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    write_atomic(&path, deleted.json.as_bytes()).map_err(|e| io(&path, e))?;
    Ok(Versioned {
        role,
        hash: hash_bytes(deleted.json.as_bytes()),
    })
}

fn io(path: &Path, e: std::io::Error) -> LibraryError {
    LibraryError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}
