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

impl Draft {
    /// Puts section `key` into the posting (after the sections already chosen) or takes it out.
    /// The choice starts from what the draft shows now (see [`chosen_section_keys`]), so
    /// switching a section of a draft that follows its template's default keeps the rest.
    pub fn switch_section(
        &mut self,
        role: &Role,
        template_default: Option<&[String]>,
        key: &str,
        on: bool,
    ) -> Result<(), ChoiceError> {
        let mut keys = self.known_section(role, template_default, key)?;
        keys.retain(|k| k != key);
        if on {
            keys.push(key.to_string());
        }
        self.sections = Some(keys);
        Ok(())
    }

    /// Moves chosen section `key` up (`by` < 0) or down (`by` > 0) among the chosen sections;
    /// a move past either end, or of a section not chosen, leaves the order as it is.
    pub fn move_section(
        &mut self,
        role: &Role,
        template_default: Option<&[String]>,
        key: &str,
        by: i32,
    ) -> Result<(), ChoiceError> {
        let mut keys = self.known_section(role, template_default, key)?;
        let Some(from) = keys.iter().position(|k| k == key) else {
            return Ok(());
        };
        let to = from as i64 + i64::from(by);
        if to < 0 || to >= keys.len() as i64 {
            return Ok(());
        }
        let moved = keys.remove(from);
        keys.insert(to as usize, moved);
        self.sections = Some(keys);
        Ok(())
    }

    /// The chosen keys now, after checking that the role has section `key`.
    fn known_section(
        &self,
        role: &Role,
        template_default: Option<&[String]>,
        key: &str,
    ) -> Result<Vec<String>, ChoiceError> {
        let keys = chosen_section_keys(role, self, template_default)?;
        if role.section(key).is_none() {
            return Err(ChoiceError::UnknownSection {
                key: key.to_string(),
                role: role.id.clone(),
                known: role
                    .sections
                    .iter()
                    .map(|s| s.key.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            });
        }
        Ok(keys)
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

    #[test]
    fn sections_are_switched_and_moved_from_what_the_draft_shows() {
        let role = vp();
        let keys: Vec<String> = role.sections.iter().map(|s| s.key.clone()).collect();
        let (a, b) = (keys[0].as_str(), keys[1].as_str());
        let mut d = Draft::new("a", "vp-of-engineering", "full");
        let default = vec![a.to_string()];
        d.switch_section(&role, Some(&default), b, true).unwrap();
        assert_eq!(d.sections, Some(vec![a.to_string(), b.to_string()]));
        d.move_section(&role, None, b, -1).unwrap();
        assert_eq!(d.sections, Some(vec![b.to_string(), a.to_string()]));
        let before = d.clone();
        d.move_section(&role, None, b, -1).unwrap();
        d.move_section(&role, None, a, 1).unwrap();
        assert_eq!(d, before, "a move past either end changes nothing");
        d.switch_section(&role, None, b, false).unwrap();
        assert_eq!(d.sections, Some(vec![a.to_string()]));
        let err = d.switch_section(&role, None, "nope", true).unwrap_err();
        assert!(err.to_string().contains("\"nope\""), "{err}");
        assert_eq!(d.sections, Some(vec![a.to_string()]));
    }
}
