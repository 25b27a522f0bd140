//! The drafts store: a folder of `<id>.json` files (`<data dir>/drafts/` in the app and the
//! CLI), written atomically.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Draft;
use crate::data_dir::DataDir;
use crate::fs::write_atomic;
use crate::time::{civil_timestamp, unix_now};

#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path}:{line}:{column}: not a draft file: {message}")]
    Parse {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("no draft \"{id}\" in {dir}")]
    NotFound { id: String, dir: String },
    #[error("\"{id}\" is not a draft id: use lower-case letters, digits, '-' and '_'")]
    InvalidId { id: String },
}

impl DraftError {
    /// A short machine-readable kind for the UI: `io`, `parse`, `not_found`, `invalid`.
    pub fn kind(&self) -> &'static str {
        match self {
            DraftError::Io { .. } => "io",
            DraftError::Parse { .. } => "parse",
            DraftError::NotFound { .. } => "not_found",
            DraftError::InvalidId { .. } => "invalid",
        }
    }
}

/// What the drafts list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct DraftSummary {
    pub id: String,
    pub name: Option<String>,
    pub role_id: String,
    pub template: String,
    pub company: Option<String>,
    pub updated_at: Option<String>,
}

fn check_id(id: &str) -> Result<(), DraftError> {
    let ok = !id.is_empty()
        && id.len() <= 128
        && !id.starts_with(['-', '_'])
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if ok {
        Ok(())
    } else {
        Err(DraftError::InvalidId { id: id.to_string() })
    }
}

fn draft_path(dir: &Path, id: &str) -> Result<PathBuf, DraftError> {
    check_id(id)?;
    Ok(dir.join(format!("{id}.json")))
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> DraftError + '_ {
    move |e| DraftError::Io {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn parse_draft(path: &Path, text: &str) -> Result<Draft, DraftError> {
    serde_json::from_str(text).map_err(|e| DraftError::Parse {
        path: path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// A folder of drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStore {
    dir: PathBuf,
}

impl DraftStore {
    /// The drafts in `dir` (created on the first save).
    pub fn new(dir: impl Into<PathBuf>) -> DraftStore {
        DraftStore { dir: dir.into() }
    }

    /// The app's drafts: `<data dir>/drafts`.
    pub fn in_data_dir(data: &DataDir) -> DraftStore {
        DraftStore::new(data.drafts())
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// A fresh id for a new draft of `role_id`: `<role_id>-<n>`, the first `n` with no file.
    pub fn new_id(&self, role_id: &str) -> String {
        let dir = &self.dir;
        let base: String = crate::model::slug(role_id);
        let base = if base.is_empty() {
            "draft".to_string()
        } else {
            base
        };
        // `slug` gives ASCII `a-z0-9-`, so a role with a non-ASCII id (`café`) gets `cafe-1`.
        (1u32..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !dir.join(format!("{id}.json")).exists())
            .unwrap_or_else(|| format!("{base}-{}", unix_now()))
    }

    /// Writes `<folder>/<id>.json` atomically (creating the folder), stamping `updated_at`.
    /// Returns the draft as saved.
    pub fn save(&self, draft: &Draft) -> Result<Draft, DraftError> {
        let dir = &self.dir;
        let path = draft_path(dir, &draft.id)?;
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        let mut saved = draft.clone();
        saved.updated_at = Some(civil_timestamp(unix_now()));
        // Strings and maps of strings only: serialising cannot fail.
        let mut json = serde_json::to_string_pretty(&saved).unwrap_or_default();
        json.push('\n');
        write_atomic(&path, json.as_bytes()).map_err(io_error(&path))?;
        Ok(saved)
    }

    pub fn load(&self, id: &str) -> Result<Draft, DraftError> {
        let dir = &self.dir;
        let path = draft_path(dir, id)?;
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(DraftError::NotFound {
                    id: id.to_string(),
                    dir: dir.display().to_string(),
                })
            }
            Err(e) => return Err(io_error(&path)(e)),
        };
        parse_draft(&path, &text)
    }

    /// Every draft in the folder, most recently saved first (then by id). A missing folder is an
    /// empty list; a file that is not a draft is an error naming it.
    pub fn list(&self) -> Result<Vec<DraftSummary>, DraftError> {
        let dir = &self.dir;
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        // Temp files of an autosave cut short by a crash.
        crate::fs::remove_stale_temps(dir);
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
            let path = entry.map_err(io_error(dir))?.path();
            let is_draft = path.extension().is_some_and(|e| e == "json")
                && path
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .is_some_and(|s| check_id(s).is_ok());
            if !is_draft || !path.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(io_error(&path))?;
            let d = parse_draft(&path, &text)?;
            out.push(DraftSummary {
                id: d.id,
                name: d.name,
                role_id: d.role_id,
                template: d.template,
                company: d.posting.normalised().company,
                updated_at: d.updated_at,
            });
        }
        out.sort_by(|a, b| {
            b.updated_at
                .cmp(&a.updated_at)
                .then_with(|| a.id.cmp(&b.id))
        });
        Ok(out)
    }

    /// Copies a draft under a fresh id (and "(copy)" after its name) and saves the copy.
    pub fn duplicate(&self, id: &str) -> Result<Draft, DraftError> {
        let mut copy = self.load(id)?;
        copy.id = self.new_id(&copy.role_id);
        copy.name = copy.name.map(|n| format!("{n} (copy)"));
        self.save(&copy)
    }

    pub fn delete(&self, id: &str) -> Result<(), DraftError> {
        let dir = &self.dir;
        let path = draft_path(dir, id)?;
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(DraftError::NotFound {
                id: id.to_string(),
                dir: dir.display().to_string(),
            }),
            Err(e) => Err(io_error(&path)(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_load_list_duplicate_delete() {
        let tmp = tempfile::tempdir().unwrap();
        let store = DraftStore::in_data_dir(&DataDir::new(tmp.path()));
        assert_eq!(store.dir(), tmp.path().join("drafts"));
        assert!(store.list().unwrap().is_empty());

        let id = store.new_id("vp-of-engineering");
        assert_eq!(id, "vp-of-engineering-1");
        let mut d = Draft::new(&id, "vp-of-engineering", "full");
        d.name = Some("Acme VP".into());
        d.posting.set(crate::drafts::PostingField::Company, "Acme");
        d.switch_item("responsibilities", 2, false);
        let saved = store.save(&d).unwrap();
        assert!(saved
            .updated_at
            .as_deref()
            .is_some_and(|t| t.ends_with('Z') && t.len() == 20));
        assert_eq!(store.load(&id).unwrap(), saved);

        let copy = store.duplicate(&id).unwrap();
        assert_eq!(copy.id, "vp-of-engineering-2");
        assert_eq!(copy.name.as_deref(), Some("Acme VP (copy)"));
        assert_eq!(copy.items_off, saved.items_off);

        let list = store.list().unwrap();
        let mut ids: Vec<_> = list.iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["vp-of-engineering-1", "vp-of-engineering-2"]);
        assert!(list.iter().all(|s| s.company.as_deref() == Some("Acme")));

        store.delete(&id).unwrap();
        assert!(matches!(store.load(&id), Err(DraftError::NotFound { .. })));
        assert!(matches!(
            store.delete(&id),
            Err(DraftError::NotFound { .. })
        ));
        assert_eq!(store.list().unwrap().len(), 1);
        // Only the draft file is left: no temp files from the atomic writes.
        assert_eq!(std::fs::read_dir(store.dir()).unwrap().count(), 1);
    }

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        for id in ["../x", "a/b", "", "A", "-x", "a.json"] {
            let d = Draft::new(id, "cto", "full");
            assert!(
                matches!(
                    DraftStore::new(tmp.path()).save(&d),
                    Err(DraftError::InvalidId { .. })
                ),
                "{id}"
            );
            assert!(
                matches!(
                    DraftStore::new(tmp.path()).load(id),
                    Err(DraftError::InvalidId { .. })
                ),
                "{id}"
            );
        }
    }

    #[test]
    fn a_broken_draft_file_is_an_error_with_its_position() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("x.json"),
            "{\n  \"id\": \"x\",\n  \"bogus\": 1\n}",
        )
        .unwrap();
        let err = DraftStore::new(tmp.path()).load("x").unwrap_err();
        assert_eq!(err.kind(), "parse");
        assert!(err.to_string().contains("x.json:3:"), "{err}");
    }
}
