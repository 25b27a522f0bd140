//! What a posting calls a section, and which sections are internal.
//!
//! Ladder pages and blueprints title their sections for managers ("Scope of knowledge (Breadth
//! and Depth)", "Competencies focus"); a posting speaks to candidates. One table maps the
//! canonical section keys to candidate headings; a template's header may override them
//! (`headings: responsibilities=What you'll own; qualifications=Who you are`). Internal
//! sections (checkpoints, page notes, internal links, hiring criteria, interview red flags,
//! scorecards, KPIs) are never in a posting unless a draft or a template chooses them.

use std::collections::BTreeMap;

pub use crate::drafts::{is_internal_section, INTERNAL_SECTIONS};

/// Canonical section key → the heading a candidate reads.
pub const CANDIDATE_HEADINGS: [(&str, &str); 20] = [
    ("summary", "About the role"),
    ("mission", "Why this role matters"),
    ("responsibilities", "What you'll do"),
    ("day_to_day", "Your week"),
    ("deliverables", "What you'll deliver"),
    ("goals", "What success looks like"),
    ("scope_of_knowledge", "What you'll own"),
    ("qualifications", "What you'll bring"),
    ("technical_skills", "Technical skills you'll bring"),
    ("soft_skills", "How you work"),
    ("competencies", "What we look for"),
    ("communication_and_leadership", "Working with people"),
    ("tools", "Tools you'll use"),
    ("tech_stack", "Our stack"),
    ("stakeholders", "Who you'll work with"),
    ("decision_rights", "What you'll decide"),
    ("career_path", "Where this role leads"),
    ("kpis", "How we measure success"),
    ("role_variants", "Variants of this role"),
    ("benefits", "What we offer"),
];

/// The heading for a section: the template's override, else the table's, else the source's
/// own title.
pub fn candidate_heading(key: &str, title: &str, overrides: &BTreeMap<String, String>) -> String {
    overrides
        .get(key)
        .cloned()
        .or_else(|| {
            CANDIDATE_HEADINGS
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, h)| h.to_string())
        })
        .unwrap_or_else(|| title.to_string())
}

/// `key=Heading; key=Heading` from a template header.
pub fn parse_headings(value: &str) -> BTreeMap<String, String> {
    value
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .filter(|(k, v)| !k.is_empty() && !v.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_come_from_overrides_then_the_table_then_the_title() {
        let o =
            parse_headings("responsibilities = What you'll own; bogus; qualifications=Who you are");
        assert_eq!(o.len(), 2);
        assert_eq!(
            candidate_heading("responsibilities", "Responsibilities", &o),
            "What you'll own"
        );
        assert_eq!(
            candidate_heading(
                "scope_of_knowledge",
                "Scope of knowledge (Breadth and Depth)",
                &o
            ),
            "What you'll own"
        );
        assert_eq!(
            candidate_heading("custom_thing", "Custom thing", &o),
            "Custom thing"
        );
        assert!(is_internal_section("checkpoints") && is_internal_section("page_notes"));
        assert!(!is_internal_section("responsibilities"));
    }
}
