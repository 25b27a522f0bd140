//! A draft: one job posting in progress, pointing at a library role and holding only what this
//! posting changes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Posting;

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
