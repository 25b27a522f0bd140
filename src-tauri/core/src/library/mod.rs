//! The role library: the bundled roles (embedded from `roles/`), the user's own folder
//! (`crate::data_dir::DataDir::roles`), and any folder of role JSON files given on the command line.

mod catalog;
mod merge;
mod sources;
mod store;

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

pub use catalog::{Library, RoleSummary, KEPT_BODIES};
pub(crate) use merge::{discard, Cancelled};
pub use merge::{merge_roles, merge_roles_until, merge_two, Merged};
pub use sources::{
    load_source, save_sources, source_context, source_file_name, sources_dir, SourceContext,
    SourceError, SourceLine, MAX_RADIUS,
};
pub use store::{
    library_file, lock, save_roles, set_aside, DirState, RoleFile, LOCK_WAIT, MAX_ROLE_FILE_BYTES,
};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Role;

/// The bundled library, embedded at build time so the app and CLI work from anywhere.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/../../roles");

#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{path}: cannot read: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}:{line}:{column}: not a role file: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{path}: role \"{id}\" already exists; choose merge or replace to change it")]
    Exists { id: String, path: String },
    #[error("no role \"{id}\" in the library (known: {known})")]
    NotFound { id: String, known: String },
    #[error("role \"{id}\" cannot be saved: {reason}; nothing written")]
    InvalidId { id: String, reason: String },
    #[error("{path} holds the role \"{holds}\", not \"{id}\"; nothing written")]
    HoldsOther {
        path: String,
        holds: String,
        id: String,
    },
    #[error("role \"{id}\" clashes with {path} (ids differing only by case or accents are one role); nothing written")]
    Clash { id: String, path: String },
    #[error("{path} changed since this import was reviewed: review it again; nothing written")]
    Stale { path: String },
    #[error("{message}")]
    Locked { message: String },
}

/// Where a library's roles come from.
#[derive(Debug, Clone, Default)]
pub struct LibrarySources {
    /// Read only this folder (the CLI's `--library DIR`), ignoring bundled and user roles.
    pub only: Option<PathBuf>,
    /// The user's own folder; its roles replace bundled roles of the same id.
    pub user_dir: Option<PathBuf>,
}

/// Where a role of the library comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoleOrigin {
    /// Shipped with Rolecraft (`roles/`).
    Bundled,
    /// The user's own: imported or saved into their folder (or read from `--library DIR`).
    User,
}

/// The roles embedded from the repository's `roles/` folder (its `sources/` copies are read
/// by [`load_source`]).
pub fn bundled_roles() -> Result<Vec<Role>, LibraryError> {
    bundled_files()
        .into_iter()
        .map(|(path, text)| parse_role(&path, text))
        .collect()
}

/// The bundled role files, by name: (`roles/NAME.json`, their text).
fn bundled_files() -> Vec<(String, &'static str)> {
    let mut files: Vec<_> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    files
        .into_iter()
        .map(|f| {
            (
                format!("roles/{}", f.path().display()),
                f.contents_utf8().unwrap_or(""),
            )
        })
        .collect()
}

/// Every `*.json` role file in a folder, by file name (see `DirState::read`: only regular
/// files, each at most `MAX_ROLE_FILE_BYTES`; a broken one is an error naming it).
pub fn load_dir(dir: &Path) -> Result<Vec<Role>, LibraryError> {
    DirState::read(dir).map(|(roles, _)| roles)
}

pub fn parse_role(path: &str, text: &str) -> Result<Role, LibraryError> {
    serde_json::from_str(text).map_err(|e| LibraryError::Parse {
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// A role as its library file holds it (and as `rolecraft show ID --json` prints it).
pub fn role_json(role: &Role) -> String {
    // A Role is strings, numbers and string-keyed maps: serialising it cannot fail.
    let mut json = serde_json::to_string_pretty(role).unwrap_or_default();
    json.push('\n');
    json
}

/// How `save_role` treats a role that already has a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveMode {
    /// Refuse to overwrite.
    CreateNew,
    /// Overwrite (the caller merged or the user chose to replace).
    Overwrite,
}

/// Writes `<dir>/<id>.json` atomically, under the folder's lock (see `save_roles`).
pub fn save_role(dir: &Path, role: &Role, mode: SaveMode) -> Result<PathBuf, LibraryError> {
    let lock = lock(dir)?;
    let mut saved = save_roles(&lock, dir, std::slice::from_ref(role), mode, None)?;
    saved.pop().ok_or_else(|| LibraryError::Io {
        path: dir.display().to_string(),
        reason: "nothing saved".into(),
    })
}
