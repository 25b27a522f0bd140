//! The rule data (word lists, pay-transparency rules) and the user's `checks.json`.
//!
//! The data files live in `src-tauri/core/data/checks/` and are embedded; their fields are
//! described in `docs/checks.md`. Types here read them leniently (unknown fields ignored) so
//! a data file can carry notes and sources the checks don't use.

use std::collections::BTreeMap;
use std::path::Path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use super::{CheckError, Severity};

pub(crate) const GENDER_CODED: &str = include_str!("../../data/checks/gender_coded.json");
pub(crate) const EXCLUSIONARY: &str = include_str!("../../data/checks/exclusionary.json");
pub(crate) const AGE_CODED: &str = include_str!("../../data/checks/age_coded.json");
pub(crate) const PAY_TRANSPARENCY: &str = include_str!("../../data/checks/pay_transparency.json");
pub(crate) const READABILITY: &str = include_str!("../../data/checks/readability.json");

/// A source as the data files give it: a string, or an object with a title, url, ...
pub(crate) fn describe_source(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => {
            let get = |k: &str| o.get(k).and_then(Value::as_str);
            let authors = o
                .get("authors")
                .and_then(Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(|n| n.rsplit(' ').next().unwrap_or(n))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .filter(|a| !a.is_empty());
            let mut out = String::new();
            if let Some(a) = authors {
                out.push_str(&a);
                if let Some(y) = o.get("year").and_then(Value::as_u64) {
                    out.push_str(&format!(" ({y})"));
                }
                out.push_str(", ");
            }
            out.push_str(get("title").unwrap_or("source"));
            if let Some(p) = get("publisher").or_else(|| get("journal")) {
                out.push_str(&format!(", {p}"));
            }
            if let Some(doi) = get("doi") {
                out.push_str(&format!(", doi:{doi}"));
            } else if let Some(url) = get("url") {
                out.push_str(&format!(", {url}"));
            }
            Some(out)
        }
        _ => None,
    }
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct GenderData {
    #[serde(default)]
    pub source: Value,
    pub masculine: Vec<String>,
    pub feminine: Vec<String>,
    #[serde(default, alias = "exceptions")]
    pub false_positives: Vec<FalsePositive>,
    #[serde(default)]
    pub matching: GenderMatching,
}

/// `matching.compound_tails`: words not coded as the tail of a hyphenated compound
/// ("data-driven"), except after the listed heads ("self-driven").
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct GenderMatching {
    #[serde(default)]
    pub compound_tails: CompoundTails,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct CompoundTails {
    #[serde(default)]
    pub words: Vec<String>,
    #[serde(default)]
    pub except_after: Vec<String>,
}

/// A word or phrase that contains a stem but is not coded ("competence").
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum FalsePositive {
    Word(String),
    Entry {
        text: String,
        #[serde(default)]
        kind: Option<String>,
    },
}

impl FalsePositive {
    pub fn text(&self) -> &str {
        match self {
            FalsePositive::Word(t) | FalsePositive::Entry { text: t, .. } => t,
        }
    }

    pub fn is_phrase(&self) -> bool {
        match self {
            FalsePositive::Word(t) => t.contains([' ', '-']),
            FalsePositive::Entry { text, kind } => {
                kind.as_deref() == Some("phrase") || text.contains(' ')
            }
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct TermsData {
    #[serde(default)]
    pub source: Value,
    #[serde(default)]
    pub years_threshold: Option<u32>,
    #[serde(default)]
    pub terms: Vec<TermEntry>,
}

/// One listed term: a literal `term` or a regular-expression `pattern` (matched as a whole
/// word, ignoring case), what is wrong with it and what to say instead.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default)]
pub struct TermEntry {
    pub term: Option<String>,
    pub pattern: Option<String>,
    pub category: Option<String>,
    pub severity: Option<Severity>,
    pub message: Option<String>,
    pub suggestion: Option<String>,
    /// Phrases inside which a match does not count ("setup wizard").
    pub exceptions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PayData {
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub disclaimer: Option<String>,
    pub rules: Vec<PayRule>,
}

#[derive(Debug, Clone, Deserialize)]
pub(crate) struct PayRule {
    pub jurisdiction: String,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub region: Option<String>,
    #[serde(default)]
    pub city: Option<String>,
    #[serde(default)]
    pub city_aliases: Vec<String>,
    #[serde(default)]
    pub law: Value,
    #[serde(default)]
    pub effective: Option<String>,
    #[serde(default)]
    pub severity: Option<Severity>,
    #[serde(default)]
    pub employer_threshold: Value,
    #[serde(default)]
    pub requires: PayRequires,
    #[serde(default)]
    pub covers_remote: Value,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub source: Value,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct PayRequires {
    #[serde(default)]
    pub pay_range: bool,
    #[serde(default)]
    pub min_and_max: bool,
    #[serde(default)]
    pub benefits: bool,
}

impl PayRule {
    /// "Equal Pay for Equal Work Act (C.R.S. § 8-5-201)".
    pub fn law_name(&self) -> String {
        match &self.law {
            Value::String(s) => s.clone(),
            Value::Object(o) => {
                let name = o.get("name").and_then(Value::as_str).unwrap_or("the law");
                match o.get("citation").and_then(Value::as_str) {
                    Some(c) => format!("{name} ({c})"),
                    None => name.to_string(),
                }
            }
            _ => "the law".to_string(),
        }
    }

    pub fn covers_remote(&self) -> bool {
        match &self.covers_remote {
            Value::Bool(b) => *b,
            Value::String(s) => !s.is_empty() && s != "no",
            _ => false,
        }
    }

    pub fn threshold_note(&self) -> Option<String> {
        let t = self.employer_threshold.as_object()?;
        let min = t.get("min_employees").and_then(Value::as_u64);
        let note = t.get("note").and_then(Value::as_str);
        match (min, note) {
            (_, Some(n)) => Some(n.to_string()),
            (Some(m), None) => Some(format!("Applies to employers with {m} or more employees.")),
            _ => None,
        }
    }
}

/// `readability.json`: `length {min_words, max_words, source}` and `flesch {warn_below,
/// info_below, source}`.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ReadabilityData {
    #[serde(default)]
    pub length: LengthData,
    #[serde(default)]
    pub flesch: FleschData,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct LengthData {
    #[serde(default)]
    pub min_words: Option<usize>,
    #[serde(default)]
    pub max_words: Option<usize>,
    #[serde(default)]
    pub source: Value,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct FleschData {
    #[serde(default)]
    pub warn_below: Option<f64>,
    #[serde(default)]
    pub info_below: Option<f64>,
    #[serde(default)]
    pub source: Value,
}

/// One rule switched on or off, or given another severity, in `checks.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct RuleConfig {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
}

/// The user's `checks.json` (in the app-data folder): every key optional.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(default, deny_unknown_fields)]
pub struct ChecksConfig {
    /// Per rule id (`spelling`, `age_coded`, ...).
    pub rules: BTreeMap<String, RuleConfig>,
    /// Years of experience above this are flagged as age-coded (default 10).
    pub years_threshold: Option<u32>,
    /// Word-count band (default 300–700).
    pub min_words: Option<usize>,
    pub max_words: Option<usize>,
    /// Flesch reading ease below this is a warning (default 30); below `info_below` of the
    /// data (50) an info.
    pub min_reading_ease: Option<f64>,
    /// Company terms the spelling check accepts (`Acme`, `SaaS`, ...).
    pub dictionary: Vec<String>,
    /// More exclusionary or cliché terms, as in `exclusionary.json`.
    pub extra_terms: Vec<TermEntry>,
    /// More gender-coded stems.
    pub masculine: Vec<String>,
    pub feminine: Vec<String>,
}

impl ChecksConfig {
    /// The file's name, in the app-data folder.
    pub const FILE: &'static str = "checks.json";

    /// `checks.json` in the given folder; a missing file is the default. A broken file is an
    /// error naming the file, line and column.
    pub fn load(dir: &Path) -> Result<ChecksConfig, CheckError> {
        let path = dir.join(ChecksConfig::FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(ChecksConfig::default())
            }
            Err(e) => {
                return Err(CheckError::Config {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })
            }
        };
        ChecksConfig::parse(&text).map_err(|message| CheckError::Config {
            path: path.display().to_string(),
            message,
        })
    }

    /// Parses the text of a `checks.json`; the error gives line, column and the field.
    pub fn parse(text: &str) -> Result<ChecksConfig, String> {
        let de = &mut serde_json::Deserializer::from_str(text);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let inner = e.inner();
            format!(
                "line {}, column {}: {} (at {})",
                inner.line(),
                inner.column(),
                inner,
                e.path()
            )
        })
    }
}
