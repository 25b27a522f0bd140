//! The template context: the one typed structure every job-description template sees.
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
use serde_json::{Map, Value};
use ts_rs::TS;

use std::collections::BTreeMap;

use super::draft::Draft;
use super::sections::{candidate_heading, is_internal_section};
use super::fields::{
    parse_locations, valid_apply_target, valid_date, EmploymentType, Location, PayPeriod, Salary,
    Workplace, WorkplaceKind,
};
use super::RenderError;
use crate::model::Role;

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

/// The posting fields: everything about the job ad that the role library doesn't hold.
/// Every field is optional; an empty string counts as unset.
///
/// The text fields are what templates print. Pay, locations, workplace and employment type
/// also have a structured form (checks and JSON-LD read it); a draft saved before the
/// structured fields existed gets them read from its texts by [`Posting::normalised`], and
/// a text left empty is written from its structured field, so nothing is lost either way.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct Posting {
    pub company: Option<String>,
    pub team: Option<String>,
    pub location: Option<String>,
    pub remote_policy: Option<String>,
    pub employment_type: Option<String>,
    pub salary_range: Option<String>,
    pub about_company: Option<String>,
    pub benefits: Option<String>,
    pub how_to_apply: Option<String>,
    pub equal_opportunity: Option<String>,
    pub reports_to: Option<String>,
    /// `YYYY-MM-DD`.
    pub date_posted: Option<String>,
    /// `YYYY-MM-DD`: the last day applications are taken.
    pub valid_through: Option<String>,
    pub requisition_id: Option<String>,
    /// Where to apply: an `https://` URL or an e-mail address.
    pub apply_url: Option<String>,
    /// Pay as numbers (`salary_range` is its text).
    pub salary: Option<Salary>,
    /// Where the job is (`location` is its text).
    pub locations: Vec<Location>,
    /// On-site, hybrid or remote, and where remote applicants may live.
    pub workplace: Option<Workplace>,
    /// schema.org employment type (`employment_type` is its text).
    pub employment: Option<EmploymentType>,
}

/// The names of the posting fields, for `--set KEY=VALUE`, the UI's form and the list of
/// fields a template uses that are still empty.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum PostingField {
    Company,
    Team,
    Location,
    RemotePolicy,
    EmploymentType,
    SalaryRange,
    AboutCompany,
    Benefits,
    HowToApply,
    EqualOpportunity,
    ReportsTo,
    DatePosted,
    ValidThrough,
    RequisitionId,
    ApplyUrl,
}

impl PostingField {
    pub const ALL: [PostingField; 15] = [
        PostingField::Company,
        PostingField::Team,
        PostingField::Location,
        PostingField::RemotePolicy,
        PostingField::EmploymentType,
        PostingField::SalaryRange,
        PostingField::AboutCompany,
        PostingField::Benefits,
        PostingField::HowToApply,
        PostingField::EqualOpportunity,
        PostingField::ReportsTo,
        PostingField::DatePosted,
        PostingField::ValidThrough,
        PostingField::RequisitionId,
        PostingField::ApplyUrl,
    ];

    /// The key in `posting` and in `--set`: `remote_policy`.
    pub fn key(self) -> &'static str {
        match self {
            PostingField::Company => "company",
            PostingField::Team => "team",
            PostingField::Location => "location",
            PostingField::RemotePolicy => "remote_policy",
            PostingField::EmploymentType => "employment_type",
            PostingField::SalaryRange => "salary_range",
            PostingField::AboutCompany => "about_company",
            PostingField::Benefits => "benefits",
            PostingField::HowToApply => "how_to_apply",
            PostingField::EqualOpportunity => "equal_opportunity",
            PostingField::ReportsTo => "reports_to",
            PostingField::DatePosted => "date_posted",
            PostingField::ValidThrough => "valid_through",
            PostingField::RequisitionId => "requisition_id",
            PostingField::ApplyUrl => "apply_url",
        }
    }

    /// A label for forms and messages: `Remote policy`.
    pub fn label(self) -> &'static str {
        match self {
            PostingField::Company => "Company",
            PostingField::Team => "Team",
            PostingField::Location => "Location",
            PostingField::RemotePolicy => "Remote policy",
            PostingField::EmploymentType => "Employment type",
            PostingField::SalaryRange => "Salary range",
            PostingField::AboutCompany => "About the company",
            PostingField::Benefits => "Benefits",
            PostingField::HowToApply => "How to apply",
            PostingField::EqualOpportunity => "Equal-opportunity statement",
            PostingField::ReportsTo => "Reports to",
            PostingField::DatePosted => "Date posted",
            PostingField::ValidThrough => "Apply by",
            PostingField::RequisitionId => "Requisition ID",
            PostingField::ApplyUrl => "Apply at (URL or e-mail)",
        }
    }

    /// Accepts the key in snake_case or kebab-case (`remote-policy`), any case.
    pub fn parse(key: &str) -> Option<PostingField> {
        let key = key.trim().to_ascii_lowercase().replace('-', "_");
        PostingField::ALL.into_iter().find(|f| f.key() == key)
    }
}

impl Posting {
    pub fn get(&self, field: PostingField) -> Option<&str> {
        self.slot(field).as_deref()
    }

    /// Sets a field; an empty or blank value unsets it.
    pub fn set(&mut self, field: PostingField, value: impl Into<String>) {
        let value = value.into();
        *self.slot_mut(field) = if value.trim().is_empty() {
            None
        } else {
            Some(value)
        };
    }

    /// `KEY=VALUE` as the CLI's `--set` takes it: a text field (see [`PostingField`]) or a
    /// structured key (`salary_min`, `salary_max`, `currency`, `salary_period`, `workplace`,
    /// `applicant_regions`). Keys ignore case and `-`/`_`; so do enum values
    /// (`full-time` = `FULL_TIME`). Returns the text field set, if any.
    pub fn set_pair(&mut self, pair: &str) -> Result<Option<PostingField>, RenderError> {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| RenderError::UnknownField {
                key: pair.to_string(),
                known: known_fields(),
            })?;
        let norm = key.trim().to_ascii_lowercase().replace('-', "_");
        let bad = |what: &str| RenderError::InvalidField {
            key: norm.clone(),
            value: value.to_string(),
            expected: what.to_string(),
        };
        let value = value.trim();
        match norm.as_str() {
            "salary_min" | "salary_max" => {
                let amount = if value.is_empty() {
                    None
                } else {
                    let n = value.replace([',', '_'], "");
                    Some(
                        n.parse::<f64>()
                            .ok()
                            .filter(|v| v.is_finite() && *v >= 0.0)
                            .ok_or_else(|| bad("a number such as 120000"))?,
                    )
                };
                let salary = self.salary_mut();
                if norm == "salary_min" {
                    salary.min = amount;
                } else {
                    salary.max = amount;
                }
            }
            "currency" | "salary_currency" => {
                let code = value.to_ascii_uppercase();
                if !code.is_empty() && !(code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic())) {
                    return Err(bad("a three-letter ISO 4217 code such as USD"));
                }
                self.salary_mut().currency = (!code.is_empty()).then_some(code);
            }
            "salary_period" | "period" => {
                let period = if value.is_empty() {
                    None
                } else {
                    Some(PayPeriod::parse(value).ok_or_else(|| bad("hour, day, week, month or year"))?)
                };
                self.salary_mut().period = period;
            }
            "workplace" => {
                let kind = WorkplaceKind::parse(value).ok_or_else(|| bad("on_site, hybrid or remote"))?;
                self.workplace.get_or_insert_with(Workplace::default).kind = kind;
            }
            "applicant_regions" => {
                let regions: Vec<String> = value
                    .split(',')
                    .map(|r| r.trim().to_ascii_uppercase())
                    .filter(|r| !r.is_empty())
                    .collect();
                self.workplace.get_or_insert_with(|| Workplace {
                    kind: WorkplaceKind::Remote,
                    applicant_regions: Vec::new(),
                }).applicant_regions = regions;
            }
            _ => {
                let field = PostingField::parse(key).ok_or_else(|| RenderError::UnknownField {
                    key: key.to_string(),
                    known: known_fields(),
                })?;
                match field {
                    PostingField::EmploymentType => {
                        self.employment = EmploymentType::parse(value);
                        if self.employment.is_some() {
                            self.employment_type = None;
                            return Ok(Some(field));
                        }
                    }
                    PostingField::Location => self.locations = parse_locations(value),
                    PostingField::SalaryRange => self.salary = Salary::parse(value),
                    PostingField::RemotePolicy => {
                        if let Some(kind) = WorkplaceKind::from_policy(value) {
                            self.workplace.get_or_insert_with(Workplace::default).kind = kind;
                        }
                    }
                    PostingField::DatePosted | PostingField::ValidThrough
                        if !value.is_empty() && !valid_date(value) =>
                    {
                        return Err(bad("a date YYYY-MM-DD"))
                    }
                    PostingField::ApplyUrl if !value.is_empty() && !valid_apply_target(value) => {
                        return Err(bad("an https:// URL or an e-mail address"))
                    }
                    _ => {}
                }
                self.set(field, value);
                return Ok(Some(field));
            }
        }
        // A structured key: the text is written from it again.
        self.salary_range = None;
        if norm == "workplace" || norm == "applicant_regions" {
            self.remote_policy = None;
        }
        Ok(None)
    }

    fn salary_mut(&mut self) -> &mut Salary {
        self.salary.get_or_insert_with(Salary::default)
    }

    /// The same posting with blank fields as `None`, every structured field read from its
    /// text when it is unset (drafts saved before they existed), and every empty text written
    /// from its structured field.
    pub fn normalised(&self) -> Posting {
        let mut out = Posting::default();
        for field in PostingField::ALL {
            if let Some(v) = self.get(field) {
                out.set(field, v);
            }
        }
        out.salary = self.salary.clone().filter(|s| !s.is_empty());
        out.locations = self.locations.clone();
        out.workplace = self.workplace.clone();
        out.employment = self.employment;
        if out.salary.is_none() {
            out.salary = out.salary_range.as_deref().and_then(Salary::parse);
        }
        if out.locations.is_empty() {
            out.locations = out.location.as_deref().map(parse_locations).unwrap_or_default();
        }
        if out.workplace.is_none() {
            out.workplace = out
                .remote_policy
                .as_deref()
                .and_then(WorkplaceKind::from_policy)
                .map(|kind| Workplace {
                    kind,
                    applicant_regions: Vec::new(),
                });
        }
        if out.employment.is_none() {
            out.employment = out.employment_type.as_deref().and_then(EmploymentType::parse);
        }
        if out.salary_range.is_none() {
            out.salary_range = out.salary.as_ref().and_then(Salary::display);
        }
        if out.location.is_none() && !out.locations.is_empty() {
            out.location = Some(
                out.locations
                    .iter()
                    .map(Location::display)
                    .collect::<Vec<_>>()
                    .join("; "),
            );
        }
        if out.remote_policy.is_none() {
            out.remote_policy = out.workplace.as_ref().map(|w| {
                if w.applicant_regions.is_empty() || w.kind == WorkplaceKind::OnSite {
                    w.kind.label().to_string()
                } else {
                    format!("{} ({})", w.kind.label(), w.applicant_regions.join(", "))
                }
            });
        }
        if out.employment_type.is_none() {
            out.employment_type = out.employment.map(|e| e.label().to_string());
        }
        out
    }

    fn slot(&self, field: PostingField) -> &Option<String> {
        match field {
            PostingField::Company => &self.company,
            PostingField::Team => &self.team,
            PostingField::Location => &self.location,
            PostingField::RemotePolicy => &self.remote_policy,
            PostingField::EmploymentType => &self.employment_type,
            PostingField::SalaryRange => &self.salary_range,
            PostingField::AboutCompany => &self.about_company,
            PostingField::Benefits => &self.benefits,
            PostingField::HowToApply => &self.how_to_apply,
            PostingField::EqualOpportunity => &self.equal_opportunity,
            PostingField::ReportsTo => &self.reports_to,
            PostingField::DatePosted => &self.date_posted,
            PostingField::ValidThrough => &self.valid_through,
            PostingField::RequisitionId => &self.requisition_id,
            PostingField::ApplyUrl => &self.apply_url,
        }
    }

    fn slot_mut(&mut self, field: PostingField) -> &mut Option<String> {
        match field {
            PostingField::Company => &mut self.company,
            PostingField::Team => &mut self.team,
            PostingField::Location => &mut self.location,
            PostingField::RemotePolicy => &mut self.remote_policy,
            PostingField::EmploymentType => &mut self.employment_type,
            PostingField::SalaryRange => &mut self.salary_range,
            PostingField::AboutCompany => &mut self.about_company,
            PostingField::Benefits => &mut self.benefits,
            PostingField::HowToApply => &mut self.how_to_apply,
            PostingField::EqualOpportunity => &mut self.equal_opportunity,
            PostingField::ReportsTo => &mut self.reports_to,
            PostingField::DatePosted => &mut self.date_posted,
            PostingField::ValidThrough => &mut self.valid_through,
            PostingField::RequisitionId => &mut self.requisition_id,
            PostingField::ApplyUrl => &mut self.apply_url,
        }
    }
}

/// The `--set` keys that fill structured fields only.
pub const STRUCTURED_KEYS: [&str; 6] = [
    "salary_min",
    "salary_max",
    "currency",
    "salary_period",
    "workplace",
    "applicant_regions",
];

fn known_fields() -> String {
    PostingField::ALL
        .iter()
        .map(|f| f.key())
        .chain(STRUCTURED_KEYS)
        .collect::<Vec<_>>()
        .join(", ")
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

pub(crate) fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// `YYYY-MM-DD` of a Unix time, UTC (Howard Hinnant's days-to-civil algorithm).
pub(crate) fn civil_date(secs: i64) -> String {
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a Unix time.
pub(crate) fn civil_timestamp(secs: i64) -> String {
    let tod = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        civil_date(secs),
        tod / 3600,
        tod % 3600 / 60,
        tod % 60
    )
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// The section keys a draft shows, in order: the draft's own choice, else the template's
/// default (`sections:` in its header) keeping only keys the role has, else every section of
/// the role in the role's order. A key the draft names that the role lacks is an error.
pub fn chosen_section_keys(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
) -> Result<Vec<String>, RenderError> {
    chosen_keys(role, draft, template_default, false)
}

/// As [`chosen_section_keys`]; without a draft's or a template's choice, internal sections
/// are left out unless `internal` (a template for colleagues).
pub fn chosen_keys(
    role: &Role,
    draft: &Draft,
    template_default: Option<&[String]>,
    internal: bool,
) -> Result<Vec<String>, RenderError> {
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
                    return Err(RenderError::UnknownSection {
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

/// The role as JSON with the fields its file may omit filled in (`[]`, `{}`, `null`).
pub fn role_value(role: &Role) -> Value {
    let mut value = serde_json::to_value(role).expect("a Role always serialises");
    if let Value::Object(obj) = &mut value {
        fill(
            obj,
            &[
                ("fact_sources", Value::Object(Map::new())),
                ("skills", empty()),
                ("context", empty()),
            ],
        );
        for key in ["sections", "context"] {
            for section in array_mut(obj, key) {
                fill(section, &[("table_headers", empty())]);
                for item_key in ["items", "table_headers"] {
                    for item in array_mut(section, item_key) {
                        fill_item(item);
                    }
                }
            }
        }
        for skill in array_mut(obj, "skills") {
            fill(
                skill,
                &[
                    ("subcategory", Value::Null),
                    ("description", empty()),
                    ("reference", Value::Null),
                ],
            );
            for item_key in ["attainment", "description"] {
                for item in array_mut(skill, item_key) {
                    fill_item(item);
                }
            }
        }
    }
    value
}

fn empty() -> Value {
    Value::Array(Vec::new())
}

fn fill(obj: &mut Map<String, Value>, defaults: &[(&str, Value)]) {
    for (key, value) in defaults {
        obj.entry(*key).or_insert_with(|| value.clone());
    }
}

fn fill_item(item: &mut Map<String, Value>) {
    fill(item, &[("links", empty())]);
}

fn array_mut<'a>(
    obj: &'a mut Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a mut Map<String, Value>> {
    obj.get_mut(key)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flat_map(|a| a.iter_mut())
        .filter_map(Value::as_object_mut)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{Item, Section, Skill, SourceRef};
    use crate::render::draft::{ItemEdit, ItemRef};
    use crate::render::fields::{EmploymentType, WorkplaceKind};

    pub(crate) fn item(text: &str, group: Option<&str>) -> Item {
        Item {
            text: text.to_string(),
            group: group.map(str::to_string),
            source: SourceRef {
                file: "hand.md".into(),
                line: 1,
            },
            links: vec![],
        }
    }

    pub(crate) fn section(key: &str, title: &str, items: &[&str]) -> Section {
        Section {
            key: key.into(),
            title: title.into(),
            items: items.iter().map(|t| item(t, None)).collect(),
            table_headers: vec![],
        }
    }

    /// A hand-built VP of Engineering, close to the bundled one.
    pub(crate) fn vp() -> Role {
        Role {
            id: "vp-of-engineering".into(),
            title: "VP of Engineering".into(),
            track: Some("People Manager Path".into()),
            level: None,
            facts: [("years_of_experience".to_string(), "15+".to_string())].into_iter().collect(),
            fact_sources: Default::default(),
            sections: vec![
                section("summary", "Role Description", &["An executive leader who translates company strategy into engineering execution."]),
                section(
                    "responsibilities",
                    "Responsibilities",
                    &[
                        "Owns accountability for metrics-based performance for the engineering org.",
                        "Collaborates with Product leadership to define strategy across multiple teams.",
                        "Can drive all internal and external communication.",
                        "Collaborates with staff engineers to resolve cross-teams dependencies.",
                        "Drives engineering operations strategy.",
                    ],
                ),
                section("scope_of_knowledge", "Scope of knowledge", &["Manages managers and directors.", "Culture leadership."]),
                section("checkpoints", "Checkpoints for reaching this level", &["Has grown directors."]),
            ],
            skills: vec![],
            context: vec![],
            sources: vec![],
        }
    }

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

    #[test]
    fn blank_posting_fields_are_unset_and_keys_parse_in_either_case() {
        let mut p = Posting::default();
        assert_eq!(
            p.set_pair("remote-policy=Remote (EU)").unwrap(),
            Some(PostingField::RemotePolicy)
        );
        assert_eq!(
            p.set_pair("Company=Acme=Corp").unwrap(),
            Some(PostingField::Company)
        );
        p.team = Some("  ".into());
        let n = p.normalised();
        assert_eq!(n.remote_policy.as_deref(), Some("Remote (EU)"));
        assert_eq!(n.company.as_deref(), Some("Acme=Corp"));
        assert_eq!(n.team, None);
        let err = p.set_pair("compnay=Acme").unwrap_err().to_string();
        assert!(
            err.contains("compnay") && err.contains("company, team"),
            "{err}"
        );
        assert!(p.set_pair("company").is_err());
    }

    #[test]
    fn an_old_draft_loads_and_its_texts_give_the_structured_fields() {
        // A draft saved before structured fields existed (tests/fixtures/drafts/old-draft.json).
        let text = include_str!("../../../../tests/fixtures/drafts/old-draft.json");
        let d: Draft = serde_json::from_str(text).unwrap();
        let p = d.posting.normalised();
        assert_eq!(p.salary_range.as_deref(), Some("up to $250k a year"), "the text is kept");
        let s = p.salary.clone().unwrap();
        assert_eq!((s.min, s.max, s.currency.as_deref()), (None, Some(250_000.0), Some("USD")));
        assert_eq!(p.locations[0].city.as_deref(), Some("New York"));
        assert_eq!(p.locations[0].region.as_deref(), Some("NY"));
        assert_eq!(p.employment, Some(EmploymentType::FullTime));
        assert_eq!(p.employment_type.as_deref(), Some("Full-time"));
        assert_eq!(p.workplace.unwrap().kind, WorkplaceKind::Hybrid);
        // Saved again, it round-trips with nothing lost.
        let again: Draft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(again, d);
    }

    #[test]
    fn structured_keys_set_the_structure_and_the_text_follows() {
        let mut p = Posting::default();
        for pair in [
            "salary_min=120,000",
            "salary-max=150000",
            "currency=usd",
            "salary_period=Year",
            "location=Denver, CO, US",
            "workplace=REMOTE",
            "applicant_regions=us, ca",
            "employment_type=full-time",
            "date_posted=2026-12-01",
            "valid_through=2027-01-31",
            "apply_url=https://acme.example/jobs/1",
        ] {
            p.set_pair(pair).unwrap();
        }
        let n = p.normalised();
        assert_eq!(n.salary_range.as_deref(), Some("$120,000–$150,000 a year"));
        assert_eq!(n.employment_type.as_deref(), Some("Full-time"));
        assert_eq!(n.remote_policy.as_deref(), Some("Remote (US, CA)"));
        assert_eq!(n.locations[0].region.as_deref(), Some("CO"));
        for bad in [
            "salary_min=lots",
            "currency=dollars",
            "salary_period=fortnight",
            "workplace=moon",
            "date_posted=12/01/2026",
            "apply_url=javascript:alert(1)",
        ] {
            let err = p.set_pair(bad).unwrap_err();
            assert_eq!(err.kind(), "invalid_field", "{bad}");
            assert!(err.to_string().contains(bad.split('=').next().unwrap()), "{err}");
        }
        // A free-text employment type that is not a schema.org value stays text.
        p.set_pair("employment_type=Seasonal").unwrap();
        assert_eq!(p.normalised().employment, None);
        assert_eq!(p.normalised().employment_type.as_deref(), Some("Seasonal"));
    }

    #[test]
    fn the_role_value_has_every_optional_field_the_schema_names() {
        let mut role = vp();
        role.skills.push(Skill {
            code: "PROD".into(),
            name: "Product management".into(),
            level: Some(7),
            category: None,
            subcategory: None,
            attainment: vec![item("x", None)],
            description: vec![],
            reference: None,
            source: SourceRef {
                file: "a".into(),
                line: 1,
            },
        });
        role.context.push(section("framework", "Framework", &["y"]));
        let value = role_value(&role);
        let schema = serde_json::to_value(schemars::schema_for!(Role)).unwrap();
        let defs = schema["$defs"].as_object().unwrap();
        let props = |def: &Value| {
            def["properties"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect::<Vec<_>>()
        };
        let check = |obj: &Value, def: &Value, what: &str| {
            for key in props(def) {
                assert!(obj.get(&key).is_some(), "{what} lacks {key}: {obj}");
            }
        };
        check(&value, &schema, "role");
        check(&value["sections"][0], &defs["Section"], "section");
        check(&value["sections"][0]["items"][0], &defs["Item"], "item");
        check(&value["skills"][0], &defs["Skill"], "skill");
        check(
            &value["skills"][0]["attainment"][0],
            &defs["Item"],
            "attainment item",
        );
        check(&value["context"][0], &defs["Section"], "context section");
        // And it still reads back as the same role.
        assert_eq!(serde_json::from_value::<Role>(value).unwrap(), role);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(951_782_400), "2000-02-29");
        assert_eq!(civil_date(1_735_689_599), "2024-12-31");
        assert_eq!(civil_timestamp(1_735_689_599), "2024-12-31T23:59:59Z");
        assert_eq!(civil_date(-86_400), "1969-12-31");
    }
}
