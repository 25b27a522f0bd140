//! Drafts: one job posting in progress. A draft points at a library role and holds only what
//! this posting changes (posting fields, chosen sections, switched-off items, edited texts), so
//! editing a draft never changes the library role.
//!
//! The store is a folder of `<id>.json` files (`<data_dir>/drafts/` in the app), written
//! atomically; every function takes the folder.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::context::{civil_timestamp, unix_now, Posting};
use crate::library::write_atomic;
use crate::model::Role;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// File stem in the drafts folder: lower-case letters, digits, `-` and `_`.
    pub id: String,
    /// A name the user gave the draft, if any.
    #[serde(default)]
    pub name: Option<String>,
    /// The library role the posting is drawn from.
    pub role_id: String,
    /// The template's name (built-in or user template).
    pub template: String,
    #[serde(default)]
    pub posting: Posting,
    /// The chosen section keys in the chosen order; `null` = the template's default.
    #[serde(default)]
    pub sections: Option<Vec<String>>,
    /// Items switched off for this posting.
    #[serde(default)]
    pub items_off: Vec<ItemRef>,
    /// Item texts edited for this posting.
    #[serde(default)]
    pub item_edits: Vec<ItemEdit>,
    /// When the draft was last saved (`YYYY-MM-DDTHH:MM:SSZ`); set by `save_draft`.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// An item of the library role: its section's key and its 0-based index in that section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemRef {
    pub section: String,
    pub index: u32,
}

/// A replacement text for one item, in this draft only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemEdit {
    pub section: String,
    pub index: u32,
    pub text: String,
}

impl Draft {
    pub fn new(id: &str, role_id: &str, template: &str) -> Draft {
        Draft {
            id: id.to_string(),
            name: None,
            role_id: role_id.to_string(),
            template: template.to_string(),
            posting: Posting::default(),
            sections: None,
            items_off: Vec::new(),
            item_edits: Vec::new(),
            updated_at: None,
        }
    }

    pub fn is_off(&self, section: &str, index: usize) -> bool {
        self.items_off
            .iter()
            .any(|r| r.section == section && r.index as usize == index)
    }

    /// The edited text of an item, if the draft edited it.
    pub fn edit(&self, section: &str, index: usize) -> Option<&str> {
        self.item_edits
            .iter()
            .rev()
            .find(|e| e.section == section && e.index as usize == index)
            .map(|e| e.text.as_str())
    }

    /// Switches an item on or off.
    pub fn switch_item(&mut self, section: &str, index: u32, on: bool) {
        self.items_off
            .retain(|r| !(r.section == section && r.index == index));
        if !on {
            self.items_off.push(ItemRef {
                section: section.to_string(),
                index,
            });
        }
    }

    /// Sets an item's text for this posting; `None`, a blank text or the library's own text
    /// (given as `original`) drops the edit.
    pub fn edit_item(&mut self, section: &str, index: u32, text: Option<&str>, original: &str) {
        self.item_edits
            .retain(|e| !(e.section == section && e.index == index));
        if let Some(text) = text.filter(|t| *t != original && !t.trim().is_empty()) {
            self.item_edits.push(ItemEdit {
                section: section.to_string(),
                index,
                text: text.to_string(),
            });
        }
    }
}

/// One section as a draft editor shows it: every item of the library role with its state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct OutlineSection {
    pub key: String,
    pub title: String,
    /// Whether the section is in the posting.
    pub chosen: bool,
    pub items: Vec<OutlineItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct OutlineItem {
    pub index: u32,
    /// The text the posting uses (edited or the library's).
    pub text: String,
    /// The library's text.
    pub original: String,
    pub group: Option<String>,
    pub on: bool,
    pub edited: bool,
}

/// Every section of the role with its state in `draft`: chosen sections first, in the chosen
/// order, then the others in the role's order. Unknown chosen keys are skipped here (the
/// context reports them).
pub fn outline(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
) -> Vec<OutlineSection> {
    let chosen =
        super::context::chosen_section_keys(role, draft, template_default).unwrap_or_else(|_| {
            draft
                .sections
                .iter()
                .flatten()
                .filter(|k| role.section(k).is_some())
                .cloned()
                .collect()
        });
    let ordered = chosen
        .iter()
        .filter_map(|k| role.section(k))
        .chain(role.sections.iter().filter(|s| !chosen.contains(&s.key)));
    ordered
        .map(|section| OutlineSection {
            key: section.key.clone(),
            title: section.title.clone(),
            chosen: chosen.contains(&section.key),
            items: section
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let edit = draft.edit(&section.key, i);
                    OutlineItem {
                        index: i as u32,
                        text: edit.unwrap_or(&item.text).to_string(),
                        original: item.text.clone(),
                        group: item.group.clone(),
                        on: !draft.is_off(&section.key, i),
                        edited: edit.is_some(),
                    }
                })
                .collect(),
        })
        .collect()
}

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

/// `<data_dir>/drafts`.
pub fn drafts_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("drafts")
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

/// A fresh id for a new draft of `role_id`: `<role_id>-<n>`, the first `n` with no file.
pub fn new_draft_id(dir: &Path, role_id: &str) -> String {
    let base: String = crate::model::slug(role_id);
    let base = if base.is_empty() {
        "draft".to_string()
    } else {
        base
    };
    (1u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !dir.join(format!("{id}.json")).exists())
        .expect("some number is free")
}

/// Writes `<dir>/<id>.json` atomically (creating the folder), stamping `updated_at`.
/// Returns the draft as saved.
pub fn save_draft(dir: &Path, draft: &Draft) -> Result<Draft, DraftError> {
    let path = draft_path(dir, &draft.id)?;
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut saved = draft.clone();
    saved.updated_at = Some(civil_timestamp(unix_now()));
    let mut json = serde_json::to_string_pretty(&saved).expect("a Draft always serialises");
    json.push('\n');
    write_atomic(&path, json.as_bytes()).map_err(io_error(&path))?;
    Ok(saved)
}

pub fn load_draft(dir: &Path, id: &str) -> Result<Draft, DraftError> {
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

fn parse_draft(path: &Path, text: &str) -> Result<Draft, DraftError> {
    serde_json::from_str(text).map_err(|e| DraftError::Parse {
        path: path.display().to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Every draft in the folder, most recently saved first (then by id). A missing folder is an
/// empty list; a file that is not a draft is an error naming it.
pub fn list_drafts(dir: &Path) -> Result<Vec<DraftSummary>, DraftError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
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
pub fn duplicate_draft(dir: &Path, id: &str) -> Result<Draft, DraftError> {
    let mut copy = load_draft(dir, id)?;
    copy.id = new_draft_id(dir, &copy.role_id);
    copy.name = copy.name.map(|n| format!("{n} (copy)"));
    save_draft(dir, &copy)
}

pub fn delete_draft(dir: &Path, id: &str) -> Result<(), DraftError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::tests::vp;

    #[test]
    fn save_load_list_duplicate_delete() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = drafts_dir(tmp.path());
        assert!(list_drafts(&dir).unwrap().is_empty());

        let id = new_draft_id(&dir, "vp-of-engineering");
        assert_eq!(id, "vp-of-engineering-1");
        let mut d = Draft::new(&id, "vp-of-engineering", "full");
        d.name = Some("Acme VP".into());
        d.posting.set(crate::render::PostingField::Company, "Acme");
        d.switch_item("responsibilities", 2, false);
        let saved = save_draft(&dir, &d).unwrap();
        assert!(saved
            .updated_at
            .as_deref()
            .is_some_and(|t| t.ends_with('Z') && t.len() == 20));
        assert_eq!(load_draft(&dir, &id).unwrap(), saved);

        let copy = duplicate_draft(&dir, &id).unwrap();
        assert_eq!(copy.id, "vp-of-engineering-2");
        assert_eq!(copy.name.as_deref(), Some("Acme VP (copy)"));
        assert_eq!(copy.items_off, saved.items_off);

        let list = list_drafts(&dir).unwrap();
        let mut ids: Vec<_> = list.iter().map(|s| s.id.as_str()).collect();
        ids.sort();
        assert_eq!(ids, ["vp-of-engineering-1", "vp-of-engineering-2"]);
        assert!(list.iter().all(|s| s.company.as_deref() == Some("Acme")));

        delete_draft(&dir, &id).unwrap();
        assert!(matches!(
            load_draft(&dir, &id),
            Err(DraftError::NotFound { .. })
        ));
        assert!(matches!(
            delete_draft(&dir, &id),
            Err(DraftError::NotFound { .. })
        ));
        assert_eq!(list_drafts(&dir).unwrap().len(), 1);
        // Only the draft file is left: no temp files from the atomic writes.
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 1);
    }

    #[test]
    fn ids_that_could_escape_the_folder_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        for id in ["../x", "a/b", "", "A", "-x", "a.json"] {
            let d = Draft::new(id, "cto", "full");
            assert!(
                matches!(
                    save_draft(tmp.path(), &d),
                    Err(DraftError::InvalidId { .. })
                ),
                "{id}"
            );
            assert!(
                matches!(
                    load_draft(tmp.path(), id),
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
        let err = load_draft(tmp.path(), "x").unwrap_err();
        assert_eq!(err.kind(), "parse");
        assert!(err.to_string().contains("x.json:3:"), "{err}");
    }

    #[test]
    fn switching_and_editing_twice_keeps_one_entry_and_restoring_the_text_drops_the_edit() {
        let mut d = Draft::new("a", "vp-of-engineering", "full");
        d.switch_item("responsibilities", 1, false);
        d.switch_item("responsibilities", 1, false);
        assert_eq!(d.items_off.len(), 1);
        d.switch_item("responsibilities", 1, true);
        assert!(d.items_off.is_empty());
        d.edit_item("summary", 0, Some("New"), "Old");
        d.edit_item("summary", 0, Some("Newer"), "Old");
        assert_eq!(d.item_edits.len(), 1);
        assert_eq!(d.edit("summary", 0), Some("Newer"));
        d.edit_item("summary", 0, Some("Old"), "Old");
        assert!(d.item_edits.is_empty());
        d.edit_item("summary", 0, Some("New"), "Old");
        d.edit_item("summary", 0, Some("  \n"), "Old");
        assert!(d.item_edits.is_empty(), "a blank text drops the edit");
    }

    #[test]
    fn the_outline_lists_chosen_sections_first_and_every_item_with_its_state() {
        let role = vp();
        let mut d = Draft::new("a", "vp-of-engineering", "full");
        d.sections = Some(vec!["responsibilities".into()]);
        d.switch_item("responsibilities", 0, false);
        d.edit_item(
            "responsibilities",
            1,
            Some("Edited"),
            &role.sections[1].items[1].text,
        );
        let o = outline(&role, &d, None);
        assert_eq!(o.len(), role.sections.len());
        assert_eq!(o[0].key, "responsibilities");
        assert!(o[0].chosen && !o[1].chosen);
        assert!(!o[0].items[0].on && o[0].items[1].on);
        assert_eq!(o[0].items[1].text, "Edited");
        assert!(o[0].items[1].edited);
        assert_eq!(o[0].items[1].original, role.sections[1].items[1].text);
    }
}
