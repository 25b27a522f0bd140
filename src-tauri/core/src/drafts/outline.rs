//! Which sections a draft shows, and the outline a draft editor lists: every section and item
//! of the library role with its state in the draft.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{ChoiceError, Draft};
use crate::model::Role;

/// Section keys kept for levelling and interviewing, not for candidates: a posting shows them
/// only when the draft or the template chooses them.
pub const INTERNAL_SECTIONS: [&str; 12] = [
    "checkpoints",
    "page_notes",
    "job_description_links",
    "internal_links",
    "hiring_criteria",
    "interview_red_flags",
    "red_flags",
    "scorecard",
    "scorecards",
    "kpis",
    "risks",
    "ai_impact",
];

pub fn is_internal_section(key: &str) -> bool {
    INTERNAL_SECTIONS.contains(&key)
}

/// The section keys a draft shows, in order: the draft's own choice, else the template's
/// default (`sections:` in its header) keeping only keys the role has, else every section of
/// the role that is not internal, in the role's order. A key the draft names that the role
/// lacks is an error.
pub fn chosen_section_keys(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
) -> Result<Vec<String>, ChoiceError> {
    chosen_keys(role, draft, template_default, false)
}

/// As [`chosen_section_keys`]; `internal` (a template for colleagues) keeps internal sections
/// in the fallback.
pub fn chosen_keys(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
    internal: bool,
) -> Result<Vec<String>, ChoiceError> {
    let known = || {
        role.sections
            .iter()
            .map(|s| s.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&draft.sections, template_default) {
        (Some(keys), _) => {
            let mut out: Vec<String> = Vec::with_capacity(keys.len());
            for key in keys {
                let key = key.trim();
                if role.section(key).is_none() {
                    return Err(ChoiceError::UnknownSection {
                        key: key.to_string(),
                        role: role.id.clone(),
                        known: known(),
                    });
                }
                if !out.iter().any(|k| k == key) {
                    out.push(key.to_string());
                }
            }
            Ok(out)
        }
        (None, Some(defaults)) => Ok(defaults
            .iter()
            .filter(|k| role.section(k).is_some())
            .cloned()
            .collect()),
        (None, None) => Ok(role
            .sections
            .iter()
            .filter(|s| internal || !is_internal_section(&s.key))
            .map(|s| s.key.clone())
            .collect()),
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
    let chosen = chosen_section_keys(role, draft, template_default).unwrap_or_else(|_| {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vp;

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
