//! The role model: what a role file in a library holds, and what `rolecraft show ID --json`
//! prints. Every item points back to the document and line it came from.

pub mod ids;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One role (a level of a ladder, a job family member, ...), as imported from one or more documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Kebab-case slug of the title, e.g. `vp-of-engineering`.
    pub id: String,
    pub title: String,
    /// The career track or path the role sits on ("People Manager Path", "Product"), if known.
    pub track: Option<String>,
    /// The numeric level the source gives (SFIA level 1–7), if any.
    pub level: Option<u32>,
    /// Short scalar facts keyed in snake_case: `years_of_experience`, `scope`, ...
    #[serde(default)]
    pub facts: BTreeMap<String, String>,
    /// Where each fact came from (same keys as `facts`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fact_sources: BTreeMap<String, SourceRef>,
    /// The role's own sections, in document order.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// SFIA skills required at this level, in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    /// Text that came with the role but describes the framework, not the role
    /// (e.g. an SFIA page's "Framework Overview"). Kept, never mixed into `sections`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<Section>,
    /// The documents this role was imported from.
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
    /// Where the role's documents disagreed, as the import found it: `kept` is what the role
    /// holds (find the item by `section` and `kept.source`), `other` what was set aside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
}

/// A titled part of a role: responsibilities, checkpoints, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Canonical key (`responsibilities`, `scope_of_knowledge`, ...) or a snake_case slug of
    /// the source heading when it has no canonical meaning.
    pub key: String,
    /// The heading as the source wrote it (minus numbering).
    pub title: String,
    pub items: Vec<Item>,
    /// Header rows of tables inside this section: recognised as headers, not items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub table_headers: Vec<Item>,
}

/// One statement: a bullet, a numbered entry, a paragraph or a table row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// The source text verbatim minus markup.
    pub text: String,
    /// The sub-heading the item sits under, if any.
    pub group: Option<String>,
    pub source: SourceRef,
    /// Link targets the markup carried (their text stays in `text`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// How the item came to be when not as imported: edited here (with its imported text) or
    /// authored here. Absent for an item exactly as its source document gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<ItemOrigin>,
}

/// An item's life in Rolecraft after (or instead of) import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ItemOrigin {
    /// Imported, then edited here: `source` still points at the document and line it came
    /// from, `imported_text` is what that document says.
    Edited {
        /// When it was last edited, RFC 3339 UTC (`2026-12-01T23:50:00Z`).
        at: String,
        imported_text: String,
    },
    /// Written here, not imported (its `source` is empty: file `""`, line 0).
    Authored {
        /// When it was last written, RFC 3339 UTC.
        at: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub text: String,
    pub url: String,
}

/// A place in a source document: file name and 1-based line.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub file: String,
    pub line: u32,
}

/// An SFIA skill required by the role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// SFIA code, e.g. `PROD`.
    pub code: String,
    pub name: String,
    /// The SFIA level the attainment describes.
    pub level: Option<u32>,
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subcategory: Option<String>,
    /// What attaining this skill at this level means, one item per statement.
    pub attainment: Vec<Item>,
    /// The skill's generic description and guidance notes (same for every level).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub description: Vec<Item>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<Link>,
    pub source: SourceRef,
}

/// A document a role came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct SourceDoc {
    /// File name (not the full path, so libraries stay portable).
    pub file: String,
    pub format: Format,
    /// `sha256:` + hex digest of the document's bytes.
    pub hash: String,
    /// True when the document is the role's own page (not a neighbouring column).
    #[serde(default)]
    pub own_page: bool,
    /// The document's own title (front matter `title:` or first heading), for labels; absent
    /// when it has none (show `file` then).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl SourceDoc {
    /// What to call the document: its title, else its file name.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.file)
    }
}

/// The document formats Rolecraft reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// Jekyll/kramdown ladder page with HTML tables holding neighbouring levels.
    LadderPage,
    /// SFIA-based Markdown level page.
    SfiaPage,
    /// Plain-text role blueprint (numbered sections, bullets, flattened tables).
    Blueprint,
    /// Plain Markdown.
    Markdown,
    /// A role JSON file.
    RoleJson,
    /// An HTML page saved from a browser.
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::LadderPage,
        Format::SfiaPage,
        Format::Blueprint,
        Format::Markdown,
        Format::RoleJson,
        Format::Html,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::LadderPage => "ladder_page",
            Format::SfiaPage => "sfia_page",
            Format::Blueprint => "blueprint",
            Format::Markdown => "markdown",
            Format::RoleJson => "role_json",
            Format::Html => "html",
        }
    }
}

/// Something an import noticed and the user should know: junk dropped, a heading with no
/// canonical meaning, a duplicated column, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Warning {
    pub kind: WarningKind,
    pub file: String,
    pub line: Option<u32>,
    pub message: String,
    /// Text the warning is about (e.g. the lines dropped as junk), verbatim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    JunkDropped,
    NavigationDropped,
    UnmappedHeading,
    EmptySection,
    DuplicateColumn,
    NameMismatch,
    LossyDecoding,
    /// Two roles with different titles got the same id ("R&D Lead" and "R/D Lead"): they
    /// are one role from now on.
    IdCollision,
}

/// Two sources disagree about one item (or fact) of the same role. `kept` is what the merged
/// role holds (from the role's own page when there is one); `other` is what was set aside.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Conflict {
    pub role_id: String,
    /// Section key, or `facts.<name>` for a fact.
    pub section: String,
    pub kept: ConflictSide,
    pub other: ConflictSide,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ConflictSide {
    pub text: String,
    pub source: SourceRef,
    /// Set when this side is the user's edit (or an item authored here), not a document's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<ItemOrigin>,
}

impl Role {
    /// A role with this id and title and nothing else (no track, level, sections or sources).
    pub fn empty(id: String, title: String) -> Role {
        Role {
            id,
            title,
            track: None,
            level: None,
            facts: Default::default(),
            fact_sources: Default::default(),
            sections: Vec::new(),
            skills: Vec::new(),
            context: Vec::new(),
            sources: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    pub fn section(&self, key: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// Every item of the role's sections, in order.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.sections.iter().flat_map(|s| s.items.iter())
    }

    /// A source reference as people read it: `CTO, line 306` (the document's title, else its
    /// file name).
    pub fn source_label(&self, source: &SourceRef) -> String {
        let doc = self
            .sources
            .iter()
            .find(|d| d.file == source.file)
            .map_or(source.file.as_str(), SourceDoc::label);
        format!("{doc}, line {}", source.line)
    }

    /// The conflicts recorded on one item (matched by section key and the kept side's source).
    pub fn conflicts_of<'a>(
        &'a self,
        section: &'a str,
        item: &'a Item,
    ) -> impl Iterator<Item = &'a Conflict> {
        self.conflicts
            .iter()
            .filter(move |c| c.section == section && c.kept.source == item.source)
    }
}

/// Kebab-case ASCII slug: `VP of Engineering` → `vp-of-engineering`, `EM/TL Hybrid` →
/// `em-tl-hybrid`, `Café` → `cafe` (empty when the title has no letters or digits). The rule
/// is `ids`'s, the one that makes role ids and their file names.
pub fn slug(title: &str) -> String {
    crate::model::ids::slug_of(title, '-')
}

/// Snake-case key: `Scope of action` → `scope_of_action`.
pub fn snake_key(title: &str) -> String {
    separated_slug(title, '_')
}

fn separated_slug(title: &str, sep: char) -> String {
    let mut out = String::with_capacity(title.len());
    for ch in title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            out.push(ch);
        } else if !out.is_empty() && !out.ends_with(sep) {
            out.push(sep);
        }
    }
    while out.ends_with(sep) {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_kebab_case_of_the_title() {
        assert_eq!(slug("VP of Engineering"), "vp-of-engineering");
        assert_eq!(slug("EM/TL Hybrid"), "em-tl-hybrid");
        assert_eq!(slug("  CTO  "), "cto");
        assert_eq!(snake_key("Scope of action"), "scope_of_action");
    }
}
