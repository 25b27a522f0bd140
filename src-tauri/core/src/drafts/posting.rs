//! The posting fields: what a job ad says that the role library doesn't hold.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::fields::{
    parse_locations, valid_apply_target, valid_date, EmploymentType, Location, PayPeriod, Salary,
    Workplace, WorkplaceKind,
};
use super::ChoiceError;

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
    pub fn set_pair(&mut self, pair: &str) -> Result<Option<PostingField>, ChoiceError> {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| ChoiceError::UnknownField {
                key: pair.to_string(),
                known: known_fields(),
            })?;
        let norm = key.trim().to_ascii_lowercase().replace('-', "_");
        let bad = |what: &str| ChoiceError::InvalidField {
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
                if !(code.is_empty()
                    || code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic()))
                {
                    return Err(bad("a three-letter ISO 4217 code such as USD"));
                }
                self.salary_mut().currency = (!code.is_empty()).then_some(code);
            }
            "salary_period" | "period" => {
                let period = if value.is_empty() {
                    None
                } else {
                    Some(
                        PayPeriod::parse(value)
                            .ok_or_else(|| bad("hour, day, week, month or year"))?,
                    )
                };
                self.salary_mut().period = period;
            }
            "workplace" => {
                let kind =
                    WorkplaceKind::parse(value).ok_or_else(|| bad("on_site, hybrid or remote"))?;
                self.workplace.get_or_insert_with(Workplace::default).kind = kind;
            }
            "applicant_regions" => {
                let regions: Vec<String> = value
                    .split(',')
                    .map(|r| r.trim().to_ascii_uppercase())
                    .filter(|r| !r.is_empty())
                    .collect();
                self.workplace
                    .get_or_insert_with(|| Workplace {
                        kind: WorkplaceKind::Remote,
                        applicant_regions: Vec::new(),
                    })
                    .applicant_regions = regions;
            }
            _ => {
                let field = PostingField::parse(key).ok_or_else(|| ChoiceError::UnknownField {
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
            out.locations = out
                .location
                .as_deref()
                .map(parse_locations)
                .unwrap_or_default();
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
            out.employment = out
                .employment_type
                .as_deref()
                .and_then(EmploymentType::parse);
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

#[cfg(test)]
mod tests {
    use super::super::fields::{EmploymentType, WorkplaceKind};
    use super::super::Draft;
    use super::*;

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
        assert_eq!(
            p.salary_range.as_deref(),
            Some("up to $250k a year"),
            "the text is kept"
        );
        let s = p.salary.clone().unwrap();
        assert_eq!(
            (s.min, s.max, s.currency.as_deref()),
            (None, Some(250_000.0), Some("USD"))
        );
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
            assert!(matches!(err, ChoiceError::InvalidField { .. }), "{bad}");
            assert!(
                err.to_string().contains(bad.split('=').next().unwrap()),
                "{err}"
            );
        }
        // A free-text employment type that is not a schema.org value stays text.
        p.set_pair("employment_type=Seasonal").unwrap();
        assert_eq!(p.normalised().employment, None);
        assert_eq!(p.normalised().employment_type.as_deref(), Some("Seasonal"));
    }
}
