//! The template context: the one typed structure every job-description template sees.
//! (The posting fields are the draft's, `crate::drafts::Posting`; the role as templates see
//! it is `role_value.rs`; dates come from `crate::time`.)
//!
//! ```text
//! role      the Role as in its JSON file (every optional list present, possibly empty)
//! posting   the posting fields (company, team, ...): a string or null
//! sections  the chosen sections in the chosen order, each with its chosen (and edited) items
//! meta      date, app version, template name
//! ```
//! Documented with an example template in `docs/templates.md`.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use std::collections::BTreeMap;

use super::role_value::role_value;
use super::sections::candidate_heading;
use super::RenderError;
use crate::drafts::{chosen_keys, Draft, Posting};
use crate::model::Role;
use crate::time::{civil_date, unix_now};

/// What a template is filled with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct JdContext {
    /// The library role, exactly as its JSON file holds it, except that optional lists and
    /// fields the file omits when empty are present (`[]`, `{}`, `null`), so strict mode can
    /// tell a misspelt field from an empty one.
    #[ts(as = "Role")]
    #[schemars(with = "Role")]
    pub role: Value,
    pub posting: Posting,
    /// The chosen sections, in the chosen order, with the items left switched on (edited
    /// texts replace the library's).
    pub sections: Vec<JdSection>,
    pub meta: Meta,
}

/// One chosen section of the role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct JdSection {
    /// Canonical key (`responsibilities`, `summary`, ...).
    pub key: String,
    /// The heading as the source wrote it.
    pub title: String,
    /// The heading a candidate reads ("What you'll do"): the template's `headings`, else the
    /// candidate-heading table, else `title`. An internal template gets `title`.
    pub heading: String,
    /// The items left switched on, in the role's order.
    pub items: Vec<JdItem>,
    /// The same items, grouped by consecutive `group` (sub-heading); one group with a null
    /// title when the section has no sub-headings.
    pub groups: Vec<JdGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct JdItem {
    /// The draft's edited text when there is one, else the library's.
    pub text: String,
    /// The sub-heading the item sits under, if any.
    pub group: Option<String>,
    /// True when the draft edited this item's text.
    pub edited: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct JdGroup {
    pub title: Option<String>,
    pub items: Vec<JdItem>,
}

/// About this rendering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Meta {
    /// The date of rendering, `YYYY-MM-DD` (UTC; `SOURCE_DATE_EPOCH` overrides the clock).
    pub date: String,
    /// Rolecraft's version.
    pub app_version: String,
    /// The template's name.
    pub template: String,
}

impl Meta {
    /// Today (or `SOURCE_DATE_EPOCH`, for reproducible output) and this build's version.
    pub fn now(template: &str) -> Meta {
        let secs = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .unwrap_or_else(unix_now);
        Meta::at(&civil_date(secs), template)
    }

    /// A fixed date (tests, golden files).
    pub fn at(date: &str, template: &str) -> Meta {
        Meta {
            date: date.to_string(),
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            template: template.to_string(),
        }
    }
}

/// What a template's header says about the sections it shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TemplateOptions {
    pub default_sections: Option<Vec<String>>,
    pub headings: BTreeMap<String, String>,
    pub internal: bool,
}

/// Builds the context for `role` as `draft` changes it. The role itself is never modified.
pub fn build_context(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
    meta: Meta,
) -> Result<JdContext, RenderError> {
    let options = TemplateOptions {
        default_sections: template_default.map(<[String]>::to_vec),
        ..TemplateOptions::default()
    };
    build_context_with(role, draft, &options, meta)
}

/// [`build_context`] with every option a template header gives.
pub fn build_context_with(
    role: &Role,
    draft: &Draft,
    options: &TemplateOptions,
    meta: Meta,
) -> Result<JdContext, RenderError> {
    let keys = chosen_keys(
        role,
        draft,
        options.default_sections.as_deref(),
        options.internal,
    )?;
    let sections = keys
        .iter()
        .filter_map(|key| role.section(key))
        .map(|section| {
            let items: Vec<JdItem> = section
                .items
                .iter()
                .enumerate()
                .filter(|(i, _)| !draft.is_off(&section.key, *i))
                .map(|(i, item)| {
                    let edit = draft.edit(&section.key, i);
                    JdItem {
                        text: edit.unwrap_or(&item.text).to_string(),
                        group: item.group.clone(),
                        edited: edit.is_some(),
                    }
                })
                .collect();
            JdSection {
                key: section.key.clone(),
                title: section.title.clone(),
                heading: if options.internal {
                    section.title.clone()
                } else {
                    candidate_heading(&section.key, &section.title, &options.headings)
                },
                groups: group_items(&items),
                items,
            }
        })
        .collect();
    Ok(JdContext {
        role: role_value(role),
        posting: draft.posting.normalised(),
        sections,
        meta,
    })
}

fn group_items(items: &[JdItem]) -> Vec<JdGroup> {
    let mut groups: Vec<JdGroup> = Vec::new();
    for item in items {
        match groups.last_mut() {
            Some(g) if g.title == item.group => g.items.push(item.clone()),
            _ => groups.push(JdGroup {
                title: item.group.clone(),
                items: vec![item.clone()],
            }),
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drafts::{ItemEdit, ItemRef};
    use crate::testing::{item, vp};

    fn draft() -> Draft {
        Draft::new("d1", "vp-of-engineering", "full")
    }

    #[test]
    fn every_public_section_in_role_order_when_nothing_is_chosen() {
        let ctx = build_context(&vp(), &draft(), None, Meta::at("2025-01-02", "full")).unwrap();
        let keys: Vec<_> = ctx.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(
            keys,
            ["summary", "responsibilities", "scope_of_knowledge"],
            "checkpoints are internal"
        );
        assert_eq!(ctx.sections[1].heading, "What you'll do");
        assert_eq!(ctx.sections[2].heading, "What you'll own");
        // An internal template shows them, under the source's titles; a draft may choose them.
        let internal = TemplateOptions {
            internal: true,
            ..TemplateOptions::default()
        };
        let ctx_internal =
            build_context_with(&vp(), &draft(), &internal, Meta::at("2025-01-02", "t")).unwrap();
        assert_eq!(ctx_internal.sections.len(), 4);
        assert_eq!(ctx_internal.sections[1].heading, "Responsibilities");
        let mut chosen = draft();
        chosen.sections = Some(vec!["checkpoints".into()]);
        let ctx_chosen = build_context(&vp(), &chosen, None, Meta::at("2025-01-02", "t")).unwrap();
        assert_eq!(ctx_chosen.sections[0].key, "checkpoints");
        assert_eq!(ctx.sections[1].items.len(), 5);
        assert_eq!(ctx.meta.date, "2025-01-02");
        assert_eq!(ctx.meta.app_version, env!("CARGO_PKG_VERSION"));
    }

    #[test]
    fn the_template_default_keeps_only_sections_the_role_has() {
        let defaults = vec![
            "responsibilities".to_string(),
            "qualifications".to_string(),
            "summary".to_string(),
        ];
        let ctx = build_context(
            &vp(),
            &draft(),
            Some(&defaults),
            Meta::at("2025-01-02", "full"),
        )
        .unwrap();
        let keys: Vec<_> = ctx.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["responsibilities", "summary"]);
    }

    #[test]
    fn chosen_order_switches_and_edits_apply_to_the_context_not_the_role() {
        let role = vp();
        let before = role.clone();
        let mut d = draft();
        d.sections = Some(vec!["responsibilities".into(), "summary".into()]);
        d.items_off.push(ItemRef {
            section: "responsibilities".into(),
            index: 1,
        });
        d.item_edits.push(ItemEdit {
            section: "responsibilities".into(),
            index: 4,
            text: "Runs engineering operations.".into(),
        });
        let ctx = build_context(&role, &d, None, Meta::at("2025-01-02", "full")).unwrap();
        assert_eq!(ctx.sections[0].key, "responsibilities");
        assert_eq!(ctx.sections[1].key, "summary");
        let texts: Vec<_> = ctx.sections[0]
            .items
            .iter()
            .map(|i| i.text.as_str())
            .collect();
        assert_eq!(texts.len(), 4);
        assert!(!texts
            .iter()
            .any(|t| t.starts_with("Collaborates with Product")));
        assert_eq!(texts[3], "Runs engineering operations.");
        assert!(ctx.sections[0].items[3].edited);
        assert!(!ctx.sections[0].items[0].edited);
        assert_eq!(role, before);
        assert_eq!(
            ctx.role["sections"][1]["items"][4]["text"],
            "Drives engineering operations strategy."
        );
    }

    #[test]
    fn an_unknown_chosen_section_is_an_error_naming_the_known_ones() {
        let mut d = draft();
        d.sections = Some(vec!["responsibilties".into()]);
        let err = build_context(&vp(), &d, None, Meta::at("2025-01-02", "full")).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("responsibilties") && msg.contains("responsibilities, scope_of_knowledge"),
            "{msg}"
        );
    }

    #[test]
    fn items_are_grouped_by_consecutive_sub_heading() {
        let mut role = vp();
        role.sections[1].items = vec![
            item("a", Some("Strategic")),
            item("b", Some("Strategic")),
            item("c", Some("Operational")),
        ];
        let ctx = build_context(&role, &draft(), None, Meta::at("2025-01-02", "full")).unwrap();
        let groups = &ctx.sections[1].groups;
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].title.as_deref(), Some("Strategic"));
        assert_eq!(groups[0].items.len(), 2);
        assert_eq!(groups[1].items[0].text, "c");
        assert_eq!(ctx.sections[0].groups[0].title, None);
    }
}
