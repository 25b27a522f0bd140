//! A role's history, when its library folder is inside a git repository: the commits that
//! touched its file, and the role as any revision git resolves (`a1b2c3d`, `v2025`, `HEAD~3`)
//! held it. Read with gix (no `git` binary, no network); outside git, [`HistoryError::NotInGit`].
//!
//! A commit touched the file when the file's blob differs from every parent's (a merge that
//! took it unchanged from one parent is skipped, as `git log -- FILE` does).

use std::path::{Path, PathBuf};

use gix::revision::walk::Sorting;
use schemars::JsonSchema;
use serde::Serialize;
use ts_rs::TS;

use crate::library::{parse_role, LibraryError};
use crate::model::Role;

/// One commit that changed a role's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct RoleCommit {
    /// Full hex id.
    pub id: String,
    /// Author date, RFC 3339 with the author's offset (`2025-03-04T10:00:00+01:00`).
    pub date: String,
    pub author: String,
    pub email: String,
    /// The whole message, trailing newlines removed.
    pub message: String,
}

/// A role file's history, newest commit first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct RoleHistory {
    /// The repository's working folder.
    pub repository: String,
    /// The file, relative to the repository (`/`-separated).
    pub file: String,
    pub commits: Vec<RoleCommit>,
}

#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    #[error("{path}: not in a git repository")]
    NotInGit { path: String },
    #[error("{path}: cannot read the git repository: {message}")]
    Git { path: String, message: String },
    #[error("\"{rev}\" is not a revision of {repository}: {message}")]
    NoSuchRevision {
        rev: String,
        repository: String,
        message: String,
    },
    #[error("{file} did not exist at {rev}")]
    NotAtRevision { file: String, rev: String },
    #[error(transparent)]
    Parse(#[from] LibraryError),
}

/// The repository holding `file` and the file's path inside it.
struct Located {
    repo: gix::Repository,
    workdir: PathBuf,
    relative: PathBuf,
}

fn locate(file: &Path) -> Result<Located, HistoryError> {
    let shown = file.display().to_string();
    let parent = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let folder = parent.canonicalize().map_err(|_| HistoryError::NotInGit {
        path: shown.clone(),
    })?;
    let repo = gix::discover(&folder).map_err(|_| HistoryError::NotInGit {
        path: shown.clone(),
    })?;
    let Some(workdir) = repo.workdir().and_then(|w| w.canonicalize().ok()) else {
        return Err(HistoryError::NotInGit { path: shown });
    };
    let name = file.file_name().ok_or_else(|| HistoryError::NotInGit {
        path: shown.clone(),
    })?;
    let relative = folder
        .join(name)
        .strip_prefix(&workdir)
        .map(Path::to_path_buf)
        .map_err(|_| HistoryError::NotInGit { path: shown })?;
    Ok(Located {
        repo,
        workdir,
        relative,
    })
}

/// The commits reachable from HEAD that changed `file`, newest first. A repository without
/// commits has an empty history.
pub fn history(file: &Path) -> Result<RoleHistory, HistoryError> {
    let at = locate(file)?;
    let git = |e: gix::Error| HistoryError::Git {
        path: at.workdir.display().to_string(),
        message: e.to_string(),
    };
    let mut commits = Vec::new();
    if let Ok(head) = at.repo.head_id() {
        let walk = at
            .repo
            .rev_walk([head.detach()])
            .sorting(Sorting::TopoOrder)
            .all()
            .map_err(git)?;
        for info in walk {
            let info = info.map_err(git)?;
            let commit = info.object().map_err(git)?;
            let blob = blob_at(&commit, &at.relative).map_err(git)?;
            let mut parents = commit.parent_ids().peekable();
            let touched = if parents.peek().is_none() {
                blob.is_some()
            } else {
                let mut differs_from_all = true;
                for parent in parents {
                    let parent = parent
                        .object()
                        .map_err(git)?
                        .peel_to_commit()
                        .map_err(git)?;
                    if blob_at(&parent, &at.relative).map_err(git)? == blob {
                        differs_from_all = false;
                        break;
                    }
                }
                differs_from_all
            };
            if touched {
                commits.push(describe(&commit).map_err(git)?);
            }
        }
    }
    Ok(RoleHistory {
        repository: at.workdir.display().to_string(),
        file: slashed(&at.relative),
        commits,
    })
}

/// The role `file` held at revision `rev`.
pub fn role_at(file: &Path, rev: &str) -> Result<Role, HistoryError> {
    let at = locate(file)?;
    let no_rev = |e: gix::Error| HistoryError::NoSuchRevision {
        rev: rev.to_string(),
        repository: at.workdir.display().to_string(),
        message: e.to_string(),
    };
    let commit = at
        .repo
        .rev_parse_single(rev)
        .map_err(no_rev)?
        .object()
        .map_err(no_rev)?
        .peel_to_commit()
        .map_err(no_rev)?;
    let git = |e: gix::Error| HistoryError::Git {
        path: at.workdir.display().to_string(),
        message: e.to_string(),
    };
    let file_name = slashed(&at.relative);
    let tree = commit.tree().map_err(git)?;
    let Some(entry) = tree.lookup_entry_by_path(&at.relative).map_err(git)? else {
        return Err(HistoryError::NotAtRevision {
            file: file_name,
            rev: rev.to_string(),
        });
    };
    let blob = entry.object().map_err(git)?;
    let text = std::str::from_utf8(&blob.data).map_err(|e| LibraryError::Io {
        path: format!("{rev}:{file_name}"),
        reason: format!("not UTF-8 at byte {}", e.valid_up_to()),
    })?;
    Ok(parse_role(&format!("{rev}:{file_name}"), text)?)
}

/// `ID@REV` split into the id and the revision; a plain `ID` has no revision.
pub fn split_spec(spec: &str) -> (&str, Option<&str>) {
    match spec.split_once('@') {
        Some((id, rev)) => (id, Some(rev)),
        None => (spec, None),
    }
}

/// The role `file` held at `rev`, named so that it stands apart from the current version in a
/// comparison: id `ID@REV`, title `TITLE (REV)`.
pub fn version_at(file: &Path, rev: &str) -> Result<Role, HistoryError> {
    let mut role = role_at(file, rev)?;
    role.id = format!("{}@{rev}", role.id);
    role.title = format!("{} ({rev})", role.title);
    Ok(role)
}

fn blob_at(commit: &gix::Commit<'_>, path: &Path) -> Result<Option<gix::ObjectId>, gix::Error> {
    Ok(commit
        .tree()?
        .lookup_entry_by_path(path)?
        .map(|entry| entry.object_id()))
}

fn describe(commit: &gix::Commit<'_>) -> Result<RoleCommit, gix::Error> {
    let author = commit.author()?;
    let date = author
        .time()?
        .format_or_unix(gix::date::time::format::ISO8601_STRICT);
    Ok(RoleCommit {
        id: commit.id.to_string(),
        date,
        author: author.name.to_string(),
        email: author.email.to_string(),
        message: commit.message_raw()?.to_string().trim_end().to_string(),
    })
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
