//! The result of a comparison, as the CLI prints it (`--json`) and the app receives it.
//! `docs/compare.md` describes the JSON shape with examples.

use crate::model::ItemOrigin;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How an entry of the right role relates to the left one (read from left to right).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Equal after normalising whitespace, case and trailing punctuation.
    Same,
    /// The same statement reworded: similar enough to pair, with word-level differences.
    Changed,
    /// Only the left role has it.
    Removed,
    /// Only the right role has it.
    Added,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Same,
        Status::Changed,
        Status::Removed,
        Status::Added,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Status::Same => "same",
            Status::Changed => "changed",
            Status::Removed => "removed",
            Status::Added => "added",
        }
    }
}

/// One run of a word-level diff: text both sides share, text only the left has, or text only
/// the right has. Concatenating `equal` + `delete` runs gives the left text, `equal` + `insert`
/// runs the right text (whitespace included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct WordOp {
    pub op: WordOpKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum WordOpKind {
    Equal,
    Delete,
    Insert,
}

/// What a column header shows about a compared role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct RoleHeader {
    pub id: String,
    pub title: String,
    pub track: Option<String>,
    pub level: Option<u32>,
}

/// How many rows of a section (or a whole comparison) have each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Counts {
    pub same: u32,
    pub changed: u32,
    pub removed: u32,
    pub added: u32,
}

impl Counts {
    pub fn add(&mut self, status: Status) {
        match status {
            Status::Same => self.same += 1,
            Status::Changed => self.changed += 1,
            Status::Removed => self.removed += 1,
            Status::Added => self.added += 1,
        }
    }

    pub fn get(&self, status: Status) -> u32 {
        match status {
            Status::Same => self.same,
            Status::Changed => self.changed,
            Status::Removed => self.removed,
            Status::Added => self.added,
        }
    }

    /// Rows that differ: `changed + removed + added`.
    pub fn changes(&self) -> u32 {
        self.changed + self.removed + self.added
    }

    /// Adds another count, status by status.
    pub fn plus(&mut self, other: &Counts) {
        self.same += other.same;
        self.changed += other.changed;
        self.removed += other.removed;
        self.added += other.added;
    }

    /// True when nothing differs (every row `same`, or no rows).
    pub fn is_unchanged(&self) -> bool {
        self.changed == 0 && self.removed == 0 && self.added == 0
    }

    /// `3 same, 2 changed, 2 removed` (statuses with no rows left out; `empty` when none).
    pub fn summary(&self) -> String {
        let parts: Vec<String> = Status::ALL
            .iter()
            .filter(|s| self.get(**s) > 0)
            .map(|s| format!("{} {}", self.get(*s), s.name()))
            .collect();
        if parts.is_empty() {
            "empty".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// One row of a 2-way section: a pair of items, or an item only one side has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Row {
    pub status: Status,
    /// The left role's item text; null when `added`.
    pub left: Option<String>,
    /// The right role's item text; null when `removed`.
    pub right: Option<String>,
    /// Word-level differences from left to right; only for `changed` rows, else null.
    pub words: Option<Vec<WordOp>>,
}

/// A section of a 2-way comparison (present in either role), with its rows and counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SectionDiff {
    /// Canonical section key (`responsibilities`, ...).
    pub key: String,
    /// The section heading, from the left role when it has the section, else the right.
    pub title: String,
    pub counts: Counts,
    pub rows: Vec<Row>,
}

/// A fact (`years_of_experience`, `scope`, ...) compared by key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct FactRow {
    pub key: String,
    pub status: Status,
    pub left: Option<String>,
    pub right: Option<String>,
    pub words: Option<Vec<WordOp>>,
}

/// An SFIA skill compared by code: `same` when both roles require it at the same level with
/// the same attainment, `changed` when the level or attainment differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SkillRow {
    pub code: String,
    /// The skill's name (the right role's when both have it).
    pub name: String,
    pub status: Status,
    /// The left role's level for this skill; null when absent or not given.
    pub left_level: Option<u32>,
    pub right_level: Option<u32>,
    /// The attainment statements, matched like section items.
    pub attainment: Vec<Row>,
}

/// What to compare. The default leaves internal sections out (see
/// [`crate::section_notes::is_internal`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct CompareOptions {
    /// Compare internal sections (links to the hiring team's pages, page notes) too.
    #[serde(default)]
    pub include_internal: bool,
}

impl CompareOptions {
    /// Every section, internal ones included.
    pub fn all() -> Self {
        CompareOptions {
            include_internal: true,
        }
    }
}

/// A section the comparison left out because it is internal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct OmittedSection {
    pub key: String,
    /// The heading from the first role that has the section.
    pub title: String,
    /// Why it is left out (the section's note).
    pub note: String,
}

/// One section's line in a 2-way summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SectionSummary {
    pub key: String,
    pub title: String,
    pub counts: Counts,
    /// `counts.changed + removed + added`: what the order sorts by.
    pub changes: u32,
}

/// A 2-way comparison at a glance: per section what is same, changed, removed and added, the
/// biggest change first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Summary {
    /// Every section of the comparison, most `changes` first; equal ones in section order.
    pub sections: Vec<SectionSummary>,
    /// The sections' counts added up.
    pub total: Counts,
    /// The facts' statuses counted.
    pub facts: Counts,
    /// The skills' statuses counted.
    pub skills: Counts,
}

/// One section's line in an N-way summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridSectionSummary {
    pub key: String,
    pub title: String,
    /// As the section's `counts`: `counts[i]` compares role `i` with role `i - 1`, `counts[0]`
    /// is null.
    pub counts: Vec<Option<Counts>>,
    /// `changed + removed + added` over every neighbouring pair: what the order sorts by.
    pub changes: u32,
    /// Rows in the section.
    pub rows: u32,
    /// Rows every role has, unchanged (`all_same` rows).
    pub all_same: u32,
}

/// An N-way comparison at a glance.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridSummary {
    /// Every section, most `changes` first; equal ones in section order.
    pub sections: Vec<GridSectionSummary>,
    /// The sections' counts added up per column (`total[0]` null).
    pub total: Vec<Option<Counts>>,
}

/// Two roles compared, read from `roles[0]` (left) to `roles[1]` (right).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Comparison {
    /// The role ids, left then right.
    pub roles: Vec<String>,
    /// Title, track and level of each role, in the order of `roles`.
    pub headers: Vec<RoleHeader>,
    /// The comparison at a glance: counts per section, biggest change first.
    pub summary: Summary,
    /// Internal sections either role has that were left out (empty when they are compared).
    pub omitted: Vec<OmittedSection>,
    /// Every section either role has, aligned by key.
    pub sections: Vec<SectionDiff>,
    /// Facts by key (sorted).
    pub facts: Vec<FactRow>,
    /// Skills by SFIA code.
    pub skills: Vec<SkillRow>,
    /// Set when a section was too big to match optimally: says which, and how it was paired.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub approximate: Option<String>,
}

impl Comparison {
    /// The counts of every section added up.
    pub fn totals(&self) -> Counts {
        let mut total = Counts::default();
        for s in &self.sections {
            total.same += s.counts.same;
            total.changed += s.counts.changed;
            total.removed += s.counts.removed;
            total.added += s.counts.added;
        }
        total
    }

    pub fn section(&self, key: &str) -> Option<&SectionDiff> {
        self.sections.iter().find(|s| s.key == key)
    }

    /// The summary of this comparison's sections, facts and skills.
    pub(crate) fn summarise(&self) -> Summary {
        let mut sections: Vec<SectionSummary> = self
            .sections
            .iter()
            .map(|s| SectionSummary {
                key: s.key.clone(),
                title: s.title.clone(),
                counts: s.counts,
                changes: s.counts.changes(),
            })
            .collect();
        sections.sort_by_key(|s| std::cmp::Reverse(s.changes));
        let mut facts = Counts::default();
        for f in &self.facts {
            facts.add(f.status);
        }
        let mut skills = Counts::default();
        for s in &self.skills {
            skills.add(s.status);
        }
        Summary {
            sections,
            total: self.totals(),
            facts,
            skills,
        }
    }
}

/// One role's entry in an N-way row. In the first column `status` is null; in column `i > 0`
/// it relates the entry to column `i - 1`'s entry in the same row. A `removed` cell has no
/// text: the left neighbour has an entry this role lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Cell {
    pub status: Option<Status>,
    pub text: Option<String>,
    /// Word-level differences from the left neighbour's text; only for `changed` cells.
    pub words: Option<Vec<WordOp>>,
    /// Set when the entry was edited or written in Rolecraft (absent for imported text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<ItemOrigin>,
}

/// One aligned row across the N roles: `cells[i]` is role `i`'s entry, null when role `i` has
/// nothing here and its left neighbour has nothing either.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridRow {
    pub cells: Vec<Option<Cell>>,
    /// True when every role has the entry and each is `same` as its left neighbour's: the row
    /// "Differences only" hides.
    pub all_same: bool,
}

/// A section across N roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridSection {
    pub key: String,
    /// The heading from the first role that has the section.
    pub title: String,
    /// `counts[i]` compares role `i` with role `i - 1`; `counts[0]` is null.
    pub counts: Vec<Option<Counts>>,
    pub rows: Vec<GridRow>,
}

/// A fact across N roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridFact {
    pub key: String,
    pub cells: Vec<Option<Cell>>,
    /// True when every role has the fact, equal to its left neighbour's.
    pub all_same: bool,
}

/// A skill's level in one role of an N-way comparison; `status` as in [`Cell`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SkillCell {
    pub status: Option<Status>,
    /// The level; null when the skill is `removed` here or the role gives no level.
    pub level: Option<u32>,
}

/// A skill across N roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct GridSkill {
    pub code: String,
    pub name: String,
    pub cells: Vec<Option<SkillCell>>,
    /// True when every role has the skill, `same` as its left neighbour's (level and attainment).
    pub all_same: bool,
}

/// Items of one section that every role has, unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SharedSection {
    pub key: String,
    pub title: String,
    pub items: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SharedFact {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SharedSkill {
    pub code: String,
    pub name: String,
    pub level: Option<u32>,
}

/// What every role of a comparison shares unchanged (the ladder's `shared`), or what a rung
/// does not carry over from the rung below (a step's `not_carried_over`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Shared {
    pub sections: Vec<SharedSection>,
    pub facts: Vec<SharedFact>,
    pub skills: Vec<SharedSkill>,
}

/// One rung of the ladder: what is new (`added`) or `changed` in `role` compared with the rung
/// below (`from`; null for the first rung, where everything not shared is new). Rows only hold
/// `added` and `changed` entries; sections with neither are left out. `counts.same` and
/// `counts.removed` still count what the rows leave out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct LadderStep {
    pub role: String,
    pub from: Option<String>,
    pub sections: Vec<SectionDiff>,
    pub facts: Vec<FactRow>,
    pub skills: Vec<SkillRow>,
    /// What the rung below has and this rung does not (the `removed` entries, which `sections`
    /// leaves out): items by section, facts with the value below, skills with the level below.
    /// Empty for the first rung.
    pub not_carried_over: Shared,
}

/// The roles as a ladder: what they all share, then per rung only what is new or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Ladder {
    /// Role ids, lowest rung first.
    pub order: Vec<String>,
    /// True when every role has a level and `order` sorts by it; false when the roles keep the
    /// order they were given in.
    pub by_level: bool,
    pub shared: Shared,
    pub steps: Vec<LadderStep>,
}

/// Two to six roles compared: each role against its left neighbour, aligned in rows across all
/// roles, the neighbouring pairs in the 2-way shape, and the ladder view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct MultiComparison {
    pub roles: Vec<String>,
    pub headers: Vec<RoleHeader>,
    /// The comparison at a glance: counts per section and column, biggest change first.
    pub summary: GridSummary,
    /// Internal sections any role has that were left out (empty when they are compared).
    pub omitted: Vec<OmittedSection>,
    /// Every section any role has, aligned by key; rows aligned across roles.
    pub sections: Vec<GridSection>,
    pub facts: Vec<GridFact>,
    pub skills: Vec<GridSkill>,
    /// `pairs[i]` is the 2-way comparison of `roles[i]` with `roles[i + 1]`.
    pub pairs: Vec<Comparison>,
    pub ladder: Ladder,
    /// Set when a section was too big to match optimally (see `Comparison::approximate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub approximate: Option<String>,
}

/// What `compare_roles` returns: the 2-way shape for two roles, the N-way one for more.
/// Serialised untagged: the JSON is exactly a [`Comparison`] or a [`MultiComparison`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(untagged)]
pub enum Report {
    Many(MultiComparison),
    Pair(Comparison),
}
