//! What some sections are for, in a sentence the app can show next to them. Internal sections
//! (links to the hiring team's own pages, notes a page keeps for its editors) belong to the
//! source documents, not to the role: comparisons leave them out unless asked, and the app
//! marks them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A short note about a section key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SectionNote {
    /// The section key (`job_description_links`, `page_notes`, ...).
    pub key: String,
    /// True for sections that are for the hiring team only: left out of comparisons by
    /// default and never meant for a published posting.
    pub internal: bool,
    /// One sentence saying what the section is.
    pub note: String,
}

/// `(key, internal, note)`.
const NOTES: &[(&str, bool, &str)] = &[
    (
        "job_description_links",
        true,
        "Internal: links to the hiring team's job description pages for this role, not published.",
    ),
    (
        "page_notes",
        true,
        "Internal: notes the source page keeps for its editors (references to internal pages), not published.",
    ),
];

/// True when a section with this key is internal (see [`SectionNote::internal`]).
pub fn is_internal(key: &str) -> bool {
    NOTES.iter().any(|(k, internal, _)| *k == key && *internal)
}

/// The note for a section key, if it has one.
pub fn section_note(key: &str) -> Option<&'static str> {
    NOTES.iter().find(|(k, _, _)| *k == key).map(|(_, _, n)| *n)
}

/// Every note, in a fixed order.
pub fn section_notes() -> Vec<SectionNote> {
    NOTES
        .iter()
        .map(|(key, internal, note)| SectionNote {
            key: (*key).to_string(),
            internal: *internal,
            note: (*note).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_sections_have_notes() {
        assert!(is_internal("job_description_links"));
        assert!(is_internal("page_notes"));
        assert!(!is_internal("responsibilities"));
        assert!(section_note("page_notes").is_some_and(|n| n.starts_with("Internal:")));
        assert_eq!(section_note("summary"), None);
        assert_eq!(section_notes().len(), NOTES.len());
    }
}
