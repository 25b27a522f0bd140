//! A library folder as files: which role each `*.json` holds and the hash of its bytes, and
//! saving roles into it safely.
//!
//! - A role's file name comes only from `ids::file_name` (a valid slug + `.json`), so no save
//!   leaves the folder.
//! - A save never replaces a file that holds a different id, nor writes next to a file whose
//!   id differs only by case or Unicode normalisation (`CTO.json`, `Café.json`).
//! - A broken file (not a role, unreadable, not a regular file) stops every save with an
//!   error naming it: nothing falls back to a view of the library without it. [`set_aside`]
//!   renames it out of the way (`NAME.json.broken-<unix time>`), inside the folder.
//! - With the hashes taken when an import was planned, a save refuses files that changed
//!   since (another window, the CLI, an editor): a stale plan writes nothing.
//! - Several roles are written all or nothing (`fs::write_all_atomic`).
//!
//! Callers hold the folder's [`FolderLock`] from reading the state to the end of the save.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use sha2::{Digest, Sha256};

use super::{parse_role, role_json, LibraryError, SaveMode};
use crate::fs::{read_capped, write_all_atomic, FolderLock, ReadError};
use crate::model::ids::{file_name, id_key};
use crate::model::Role;

/// The largest role file a library reads (a role imported from a 5 MiB document, pretty
/// printed with its sources, stays well below).
pub const MAX_ROLE_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// How long a writer waits for another one to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

/// One role file of a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleFile {
    /// The file name (`cto.json`).
    pub name: String,
    /// The id the file holds.
    pub id: String,
    /// `sha256:` + hex of its bytes.
    pub hash: String,
}

/// The role files of a folder, by file name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DirState {
    pub files: Vec<RoleFile>,
}

/// Locks a library folder for writing (created if missing); see [`FolderLock`].
pub fn lock(dir: &Path) -> Result<FolderLock, LibraryError> {
    FolderLock::acquire(dir, LOCK_WAIT).map_err(|e| LibraryError::Locked {
        message: e.to_string(),
    })
}

fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl DirState {
    /// Every `*.json` file of `dir`, read and parsed (sorted by name). Any file that is not a
    /// readable role is an error naming it.
    pub fn read(dir: &Path) -> Result<(Vec<Role>, DirState), LibraryError> {
        let paths = role_paths(dir)?;
        let mut roles = Vec::with_capacity(paths.len());
        let mut state = DirState::default();
        for path in paths {
            if let Some((role, file)) = read_role_file(&path)? {
                state.files.push(file);
                roles.push(role);
            }
        }
        Ok((roles, state))
    }

    /// Like [`DirState::read`], but a missing folder is an empty one.
    pub fn read_or_empty(dir: &Path) -> Result<(Vec<Role>, DirState), LibraryError> {
        if dir.exists() {
            DirState::read(dir)
        } else {
            Ok((Vec::new(), DirState::default()))
        }
    }

    /// The hash of the file a role with `id` is saved in, if that file exists.
    pub fn hash_of(&self, id: &str) -> Option<String> {
        let name = file_name(id).ok()?;
        self.files
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.hash.clone())
    }

    /// For each id, the hash of its file now (`None`: no file): what a plan expects.
    pub fn expected(
        &self,
        ids: impl IntoIterator<Item = String>,
    ) -> BTreeMap<String, Option<String>> {
        ids.into_iter()
            .map(|id| {
                let hash = self.hash_of(&id);
                (id, hash)
            })
            .collect()
    }
}

/// Saves `roles` into `dir` (created if missing), all or nothing, under the caller's lock.
/// With `expected` (id → hash at plan time, `None` for no file), a file that changed since is
/// an error and nothing is written.
pub fn save_roles(
    _lock: &FolderLock,
    dir: &Path,
    roles: &[Role],
    mode: SaveMode,
    expected: Option<&BTreeMap<String, Option<String>>>,
) -> Result<Vec<PathBuf>, LibraryError> {
    std::fs::create_dir_all(dir).map_err(|e| LibraryError::Io {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })?;
    let (_, state) = DirState::read(dir)?;
    let mut writes: Vec<(PathBuf, Vec<u8>)> = Vec::with_capacity(roles.len());
    let mut keys: BTreeMap<String, &str> = BTreeMap::new();
    for role in roles {
        let name = file_name(&role.id).map_err(|e| LibraryError::InvalidId {
            id: role.id.chars().flat_map(char::escape_debug).collect(),
            reason: e.to_string(),
        })?;
        let path = dir.join(&name);
        let key = id_key(&role.id);
        if let Some(first) = keys.insert(key.clone(), &role.id) {
            return Err(LibraryError::Clash {
                id: role.id.clone(),
                path: format!("{first} (in the same import)"),
            });
        }
        let current = state.files.iter().find(|f| f.name == name);
        if let Some(file) = current {
            if file.id != role.id {
                return Err(LibraryError::HoldsOther {
                    path: path.display().to_string(),
                    holds: file.id.clone(),
                    id: role.id.clone(),
                });
            }
            if mode == SaveMode::CreateNew {
                return Err(LibraryError::Exists {
                    id: role.id.clone(),
                    path: path.display().to_string(),
                });
            }
        }
        if let Some(other) = state.files.iter().find(|f| {
            f.name != name
                && (id_key(&f.id) == key
                    || id_key(f.name.strip_suffix(".json").unwrap_or(&f.name)) == key)
        }) {
            return Err(LibraryError::Clash {
                id: role.id.clone(),
                path: dir.join(&other.name).display().to_string(),
            });
        }
        if let Some(expected) = expected {
            let want = expected.get(&role.id).cloned().flatten();
            if current.map(|f| &f.hash) != want.as_ref() {
                return Err(LibraryError::Stale {
                    path: path.display().to_string(),
                });
            }
        }
        writes.push((path, role_json(role).into_bytes()));
    }
    write_all_atomic(&writes).map_err(|e| LibraryError::Io {
        path: dir.display().to_string(),
        reason: format!("nothing saved: {e}"),
    })?;
    Ok(writes.into_iter().map(|(p, _)| p).collect())
}

/// `dir/name` when `name` is the plain name of a role file of the library (`cto.json`) or of
/// one set aside (`cto.json.broken-1764000000`) and it exists: never a path that leaves the
/// folder, a hidden file or a folder.
pub fn library_file(dir: &Path, name: &str) -> Result<PathBuf, LibraryError> {
    let plain = Path::new(name)
        .file_name()
        .is_some_and(|n| n == std::ffi::OsStr::new(name));
    let role_file = name.ends_with(".json") || name.contains(".json.broken-");
    if !plain || !role_file || name.starts_with('.') {
        return Err(not_a_role_file(name));
    }
    let path = dir.join(name);
    let meta = std::fs::symlink_metadata(&path).map_err(|e| LibraryError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    if meta.is_dir() {
        return Err(LibraryError::Io {
            path: path.display().to_string(),
            reason: "is a folder".into(),
        });
    }
    Ok(path)
}

fn not_a_role_file(name: &str) -> LibraryError {
    LibraryError::Io {
        path: name.chars().flat_map(char::escape_debug).collect(),
        reason: "not the name of a role file in the library".into(),
    }
}

/// Renames a broken role file out of the way, inside its folder: `NAME.json` →
/// `NAME.json.broken-<unix seconds>` (`-2`, `-3`, ... if taken). `name` must be a plain file
/// name of a `*.json` file in `dir`. Returns the new path.
pub fn set_aside(_lock: &FolderLock, dir: &Path, name: &str) -> Result<PathBuf, LibraryError> {
    if !name.ends_with(".json") {
        return Err(not_a_role_file(name));
    }
    let path = library_file(dir, name)?;
    let io = |e: std::io::Error| LibraryError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    };
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let base = format!("{name}.broken-{stamp}");
    let target = (1u32..1000)
        .map(|n| {
            if n == 1 {
                dir.join(&base)
            } else {
                dir.join(format!("{base}-{n}"))
            }
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .ok_or_else(|| io(std::io::Error::other("no free name to set it aside")))?;
    std::fs::rename(&path, &target).map_err(io)?;
    Ok(target)
}

/// The `*.json` files of `dir`, sorted by name.
pub(super) fn role_paths(dir: &Path) -> Result<Vec<PathBuf>, LibraryError> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| LibraryError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The text of a role file (at most `MAX_ROLE_FILE_BYTES`, a regular file, UTF-8); `None` for
/// a folder named `*.json`.
pub(super) fn read_role_text(path: &Path) -> Result<Option<String>, LibraryError> {
    let unreadable = |reason: String| LibraryError::Io {
        path: path.display().to_string(),
        reason,
    };
    let bytes = match read_capped(path, MAX_ROLE_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadError::NotRegular) if path.is_dir() => return Ok(None),
        Err(e) => return Err(unreadable(e.to_string())),
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| unreadable(format!("not UTF-8 text: {}", e.utf8_error())))
}

/// One role file: its role and what the library records of it; `None` for a folder named
/// `*.json`.
fn read_role_file(path: &Path) -> Result<Option<(Role, RoleFile)>, LibraryError> {
    let Some(text) = read_role_text(path)? else {
        return Ok(None);
    };
    let role = parse_role(&path.display().to_string(), &text)?;
    let file = RoleFile {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        id: role.id.clone(),
        hash: sha256(text.as_bytes()),
    };
    Ok(Some((role, file)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(id: &str, title: &str) -> Role {
        parse_role(
            "t",
            &format!(r#"{{"id": "{id}", "title": "{title}", "track": null, "level": null}}"#),
        )
        .unwrap()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != crate::fs::LOCK_FILE)
            .collect();
        v.sort();
        v
    }

    #[test]
    fn ids_that_are_not_slugs_are_never_written() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        let lock = lock(&lib).unwrap();
        for id in ["../../escaped", "/tmp/x", "./cto", "CTO", "a/b", ""] {
            let err =
                save_roles(&lock, &lib, &[role(id, "X")], SaveMode::Overwrite, None).unwrap_err();
            assert!(matches!(err, LibraryError::InvalidId { .. }), "{id}: {err}");
        }
        assert!(names(&lib).is_empty());
        assert_eq!(names(dir.path()), ["lib"]);
    }

    #[test]
    fn a_file_holding_another_id_or_a_case_variant_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock(dir.path()).unwrap();
        std::fs::write(dir.path().join("cto.json"), role_json(&role("ceo", "CEO"))).unwrap();
        let err = save_roles(
            &lock,
            dir.path(),
            &[role("cto", "CTO")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("holds the role \"ceo\""), "{err}");
        std::fs::remove_file(dir.path().join("cto.json")).unwrap();
        std::fs::write(dir.path().join("CTO.json"), role_json(&role("CTO", "CTO"))).unwrap();
        let err = save_roles(
            &lock,
            dir.path(),
            &[role("cto", "CTO")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap_err();
        assert!(matches!(err, LibraryError::Clash { .. }), "{err}");
        assert_eq!(names(dir.path()), ["CTO.json"]);
    }

    #[test]
    fn a_batch_is_all_or_nothing_and_a_changed_file_makes_the_plan_stale() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock(dir.path()).unwrap();
        save_roles(
            &lock,
            dir.path(),
            &[role("a", "A")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap();
        let (_, state) = DirState::read(dir.path()).unwrap();
        let expected = state.expected(["a".to_string(), "b".to_string()]);
        // Someone else changes a.json after the plan.
        std::fs::write(dir.path().join("a.json"), role_json(&role("a", "A2"))).unwrap();
        let err = save_roles(
            &lock,
            dir.path(),
            &[role("b", "B"), role("a", "A3")],
            SaveMode::Overwrite,
            Some(&expected),
        )
        .unwrap_err();
        assert!(matches!(err, LibraryError::Stale { .. }), "{err}");
        assert_eq!(names(dir.path()), ["a.json"]);
        // A batch with an invalid id writes none of the others.
        let err = save_roles(
            &lock,
            dir.path(),
            &[role("b", "B"), role("C", "C")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap_err();
        assert!(matches!(err, LibraryError::InvalidId { .. }), "{err}");
        assert_eq!(names(dir.path()), ["a.json"]);
    }

    #[test]
    fn library_file_names_only_role_files_inside_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("cto.json"), "{}").unwrap();
        std::fs::write(dir.path().join("cto.json.broken-17"), "{}").unwrap();
        std::fs::create_dir(dir.path().join("folder.json")).unwrap();
        for good in ["cto.json", "cto.json.broken-17"] {
            assert_eq!(
                library_file(dir.path(), good).unwrap(),
                dir.path().join(good)
            );
        }
        for bad in [
            "../cto.json",
            "/etc/passwd",
            "a/cto.json",
            ".rolecraft.lock",
            "notes.txt",
            "missing.json",
            "folder.json",
            "",
        ] {
            assert!(library_file(dir.path(), bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_broken_file_blocks_saves_until_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let lock = lock(dir.path()).unwrap();
        std::fs::write(dir.path().join("cto.json"), "{ not json").unwrap();
        let err = save_roles(
            &lock,
            dir.path(),
            &[role("cto", "CTO")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap_err();
        assert!(err.to_string().contains("cto.json"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.path().join("cto.json")).unwrap(),
            "{ not json"
        );
        for bad in [
            "../x.json",
            "/etc/passwd",
            "a/b.json",
            ".rolecraft.lock",
            "x.txt",
        ] {
            assert!(set_aside(&lock, dir.path(), bad).is_err(), "{bad}");
        }
        let moved = set_aside(&lock, dir.path(), "cto.json").unwrap();
        assert_eq!(moved.parent(), Some(dir.path()));
        assert!(moved
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("cto.json.broken-"));
        save_roles(
            &lock,
            dir.path(),
            &[role("cto", "CTO")],
            SaveMode::Overwrite,
            None,
        )
        .unwrap();
    }
}
