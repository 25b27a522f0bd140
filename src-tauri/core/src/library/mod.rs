//! The role library: the bundled roles (embedded from `roles/`), the user's own folder
//! (`crate::data_dir::DataDir::roles`), and any folder of role JSON files given on the command line.

mod merge;
mod sources;
mod store;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use include_dir::{include_dir, Dir};

pub(crate) use merge::discard;
pub use merge::{merge_roles, merge_roles_until, merge_two, Merged};
pub use sources::{
    load_source, save_sources, source_context, source_file_name, sources_dir, SourceContext,
    SourceError, SourceLine, MAX_RADIUS,
};
pub use store::{lock, save_roles, set_aside, DirState, RoleFile, LOCK_WAIT, MAX_ROLE_FILE_BYTES};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::Role;
use crate::search::{SearchIndex, SearchOptions, SearchResults};

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

#[derive(Debug, Clone, Default)]
pub struct Library {
    roles: Vec<Role>,
    /// Ids of the roles that are bundled (the others are the user's).
    bundled: std::collections::BTreeSet<String>,
    /// Built on the first search; a library never changes once open, so it never goes stale.
    index: OnceLock<SearchIndex>,
}

impl Library {
    pub fn open(sources: &LibrarySources) -> Result<Self, LibraryError> {
        if let Some(dir) = &sources.only {
            crate::fs::remove_stale_temps(dir);
            return Ok(Library::from_roles(load_dir(dir)?));
        }
        let mut roles = bundled_roles()?;
        let mut bundled: std::collections::BTreeSet<String> =
            roles.iter().map(|r| r.id.clone()).collect();
        if let Some(dir) = &sources.user_dir {
            if dir.is_dir() {
                // Temp files of a save cut short by a crash.
                crate::fs::remove_stale_temps(dir);
                let mut at: std::collections::HashMap<String, usize> = roles
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (r.id.clone(), i))
                    .collect();
                for role in load_dir(dir)? {
                    bundled.remove(&role.id);
                    match at.get(&role.id) {
                        Some(&i) => roles[i] = role,
                        None => {
                            at.insert(role.id.clone(), roles.len());
                            roles.push(role);
                        }
                    }
                }
            }
        }
        Ok(Library {
            roles,
            bundled,
            index: OnceLock::new(),
        })
    }

    /// Like [`Library::open`], but a role file of the user's folder that cannot be read is
    /// left out and reported instead of failing the whole library: the app shows the rest
    /// (imports still refuse to run while such a file is there, see `DirState::read`).
    pub fn open_lenient(sources: &LibrarySources) -> (Library, Vec<LibraryError>) {
        let dir = sources.only.as_ref().or(sources.user_dir.as_ref());
        let (user, problems) = match dir.filter(|d| d.is_dir()) {
            Some(d) => {
                crate::fs::remove_stale_temps(d);
                match DirState::read_lenient(d) {
                    Ok(read) => read,
                    Err(e) => (Vec::new(), vec![e]),
                }
            }
            None => (Vec::new(), Vec::new()),
        };
        if sources.only.is_some() {
            return (Library::from_roles(user), problems);
        }
        let (mut roles, problems) = match bundled_roles() {
            Ok(bundled) => (bundled, problems),
            Err(e) => (Vec::new(), std::iter::once(e).chain(problems).collect()),
        };
        let mut bundled: std::collections::BTreeSet<String> =
            roles.iter().map(|r| r.id.clone()).collect();
        let mut at: std::collections::HashMap<String, usize> = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        for role in user {
            bundled.remove(&role.id);
            match at.get(&role.id) {
                Some(&i) => roles[i] = role,
                None => {
                    at.insert(role.id.clone(), roles.len());
                    roles.push(role);
                }
            }
        }
        (
            Library {
                roles,
                bundled,
                index: OnceLock::new(),
            },
            problems,
        )
    }

    /// A library of these roles, all counted as the user's.
    pub fn from_roles(roles: Vec<Role>) -> Self {
        Library {
            roles,
            bundled: Default::default(),
            index: OnceLock::new(),
        }
    }

    /// Whether a role is bundled or the user's (a user role replaces a bundled one of its id).
    pub fn origin(&self, id: &str) -> Option<RoleOrigin> {
        self.roles.iter().any(|r| r.id == id).then(|| {
            if self.bundled.contains(id) {
                RoleOrigin::Bundled
            } else {
                RoleOrigin::User
            }
        })
    }

    /// The search index of this library's roles (built on first use, in library order).
    pub fn search_index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(&self.roles))
    }

    /// Roles whose titles, tracks, facts or items hold every word of `query` at a word start,
    /// best first, with their matching items.
    pub fn search(&self, query: &str, options: SearchOptions) -> SearchResults {
        self.search_index()
            .search(query, options, |id| self.get(id).ok())
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    pub fn get(&self, id: &str) -> Result<&Role, LibraryError> {
        self.roles
            .iter()
            .find(|r| r.id == id)
            .ok_or_else(|| LibraryError::NotFound {
                id: id.to_string(),
                known: self
                    .roles
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }
}

/// The roles embedded from the repository's `roles/` folder (its `sources/` copies are read
/// by [`load_source`]).
pub fn bundled_roles() -> Result<Vec<Role>, LibraryError> {
    let mut files: Vec<_> = BUNDLED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort_by_key(|f| f.path().to_path_buf());
    files
        .into_iter()
        .map(|f| {
            parse_role(
                &format!("roles/{}", f.path().display()),
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
