//! The posting fields: what a job ad says that the role library doesn't hold.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ChoiceError;

/// The posting fields: everything about the job ad that the role library doesn't hold.
/// Every field is optional; an empty string counts as unset.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
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
}

impl PostingField {
    pub const ALL: [PostingField; 10] = [
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

    /// `KEY=VALUE` as the CLI's `--set` takes it.
    pub fn set_pair(&mut self, pair: &str) -> Result<PostingField, ChoiceError> {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| ChoiceError::UnknownField {
                key: pair.to_string(),
                known: known_fields(),
            })?;
        let field = PostingField::parse(key).ok_or_else(|| ChoiceError::UnknownField {
            key: key.to_string(),
            known: known_fields(),
        })?;
        self.set(field, value);
        Ok(field)
    }

    /// The same posting with blank fields as `None`.
    pub fn normalised(&self) -> Posting {
        let mut out = Posting::default();
        for field in PostingField::ALL {
            if let Some(v) = self.get(field) {
                out.set(field, v);
            }
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
        }
    }
}

fn known_fields() -> String {
    PostingField::ALL
        .iter()
        .map(|f| f.key())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_posting_fields_are_unset_and_keys_parse_in_either_case() {
        let mut p = Posting::default();
        assert_eq!(
            p.set_pair("remote-policy=Remote (EU)").unwrap(),
            PostingField::RemotePolicy
        );
        assert_eq!(
            p.set_pair("Company=Acme=Corp").unwrap(),
            PostingField::Company
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
}
