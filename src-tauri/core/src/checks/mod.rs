//! Checks: is a rendered posting fit to publish? Run on the rendered Markdown and on the role
//! and draft it came from, each finding says which rule, how bad, why (with its source: a
//! paper, a law, a style guide), where in the rendered text, and where it came from (a posting
//! field, or a role item with its section, index, source file and line), so an editor can
//! jump there.
//!
//! ```text
//! Role + Draft ─ render ─▶ Markdown ─┐
//!        └──── JdContext ────────────┴─▶ Checker::check ─▶ Report { findings, words, balance }
//! ```
//! Rules and their data are described in `docs/checks.md`; the user's `checks.json` switches
//! rules, changes severities and thresholds, and adds words.

mod data;
mod rules;
mod source_map;
#[cfg(feature = "spell")]
mod spell;
#[cfg(not(feature = "spell"))]
#[path = "spell_off.rs"]
mod spell;

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;

use regex::Regex;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use data::{ChecksConfig, RuleConfig, TermEntry};
pub use source_map::SourceMap;

use crate::drafts::Draft;
use crate::model::Role;
use crate::render::templates::parse_header;
use crate::render::{JdContext, Meta, RenderError, Renderer};

/// How much a finding matters: an error blocks publishing (the CLI exits 1), a warning should
/// be looked at, an info is for the curious.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Byte offsets into the rendered Markdown (`start..end`), and the 1-based line of `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

/// Where a finding comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FindingOrigin {
    /// A posting field (`company`, `salary_range`, `salary_min`, `location`, ...).
    Field { field: String },
    /// An item of the role, as the draft shows it.
    Item {
        section: String,
        index: u32,
        file: String,
        line: u32,
    },
    /// A fact of the role (`years_of_experience`).
    Fact {
        key: String,
        file: Option<String>,
        line: Option<u32>,
    },
    /// A whole section the posting shows.
    Section { section: String },
    /// The template's own text.
    Template,
    /// The posting as a whole (length, balance).
    Posting,
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Finding {
    /// The rule's id: `pay_transparency`, `gender_coded`, `spelling`, ...
    pub rule: String,
    pub severity: Severity,
    /// One line: what is wrong.
    pub message: String,
    /// Why it matters, with its source.
    pub explanation: String,
    /// The paper, law or style guide behind the rule.
    pub source: Option<String>,
    /// Where in the rendered Markdown; `None` for what the posting lacks.
    pub span: Option<Span>,
    /// The text the span covers.
    pub text: Option<String>,
    /// A replacement or a rewording, when there is one.
    pub suggestion: Option<String>,
    pub origin: FindingOrigin,
}

/// The masculine- and feminine-coded words of a posting (Gaucher, Friesen & Kay 2011).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Balance {
    /// Each masculine-coded word once, in text order.
    pub masculine: Vec<String>,
    /// Each feminine-coded word once, in text order.
    pub feminine: Vec<String>,
    /// Every occurrence of a masculine-coded word: what the verdict weighs.
    pub masculine_uses: usize,
    /// Every occurrence of a feminine-coded word.
    pub feminine_uses: usize,
    /// `neutral`, `masculine-coded`, `strongly feminine-coded`, ...
    pub verdict: String,
}

/// Everything the checks found on one rendered posting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Report {
    /// Errors first, then warnings, then infos; each in text order.
    pub findings: Vec<Finding>,
    /// Words in the posting as a reader sees it (Markdown syntax left out).
    pub words: usize,
    /// Flesch reading ease of the posting (higher is easier; 60–70 is plain English).
    pub reading_ease: f64,
    pub balance: Balance,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    #[error("{path}: {message}")]
    Config { path: String, message: String },
    #[error("rule data {file}: {message}")]
    Data { file: String, message: String },
}

/// What the checks look at.
pub struct CheckInput<'a> {
    pub role: &'a Role,
    pub draft: &'a Draft,
    /// The context the posting was rendered from (its sections and normalised posting).
    pub context: &'a JdContext,
    /// The rendered Markdown.
    pub markdown: &'a str,
}

/// Who the rendered text is for, as the template's header says (`audience: internal`,
/// `TemplateInfo::internal`). An internal document (the levelling summary) is meant to show
/// internal sections and notes, so `internal_section` and `internal_text` do not report them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Audience {
    /// A posting: every rule applies.
    #[default]
    Candidates,
    /// A document for colleagues.
    Internal,
}

impl Audience {
    /// From a template's `internal` flag (`TemplateInfo::internal`).
    pub fn of_template(internal: bool) -> Audience {
        if internal {
            Audience::Internal
        } else {
            Audience::Candidates
        }
    }

    /// Who template `name` of `renderer` writes for (its header's `audience`).
    pub fn of(renderer: &Renderer, name: &str) -> Result<Audience, RenderError> {
        Ok(Audience::of_template(renderer.info(name)?.internal))
    }

    /// What [`Checker::check`] assumes when the caller does not say: internal when the context
    /// was rendered for a built-in template whose header says `audience: internal` and shows
    /// the source's own section titles (as an internal template does), so a user template
    /// that replaces that built-in for candidates is still checked as a posting. Callers that
    /// know the template should use [`Checker::check_as`].
    pub fn guess(input: &CheckInput) -> Audience {
        let template = input.context.meta.template.as_str();
        let internal_built_in = crate::render::BUILT_IN
            .iter()
            .any(|(name, source)| *name == template && parse_header(source).internal);
        let own_titles = input.context.sections.iter().all(|s| s.heading == s.title);
        Audience::of_template(internal_built_in && own_titles)
    }
}

/// Every rule id, in the order `docs/checks.md` lists them.
pub const RULES: [&str; 14] = [
    "required_field",
    "pay_transparency",
    "internal_section",
    "internal_text",
    "other_role",
    "gender_coded",
    "gender_balance",
    "exclusionary",
    "age_coded",
    "spelling",
    "grammar",
    "length",
    "readability",
    "field_format",
];

pub(crate) struct Stems {
    pub masculine: Vec<String>,
    pub feminine: Vec<String>,
    pub false_words: Vec<String>,
    pub false_phrases: Vec<String>,
    pub compound_tails: Vec<String>,
    pub tails_coded_after: Vec<String>,
    pub source: String,
}

pub(crate) struct Term {
    pub regex: Regex,
    pub entry: TermEntry,
}

/// The rules with their data loaded and patterns compiled, and the user's configuration.
/// Build one and reuse it: compiling the patterns costs more than a check.
pub struct Checker {
    pub(crate) config: ChecksConfig,
    pub(crate) stems: Stems,
    pub(crate) exclusionary: Vec<Term>,
    pub(crate) exclusionary_source: String,
    pub(crate) age: Vec<Term>,
    pub(crate) age_source: String,
    pub(crate) years: Regex,
    pub(crate) years_label: Regex,
    pub(crate) years_threshold: u32,
    pub(crate) pay: data::PayData,
    pub(crate) readability: data::ReadabilityData,
    pub(crate) spell: spell::Speller,
}

// The app keeps one `Checker` and checks from several threads (`spawn_blocking`).
const _: () = {
    const fn shared_between_threads<T: Send + Sync>() {}
    shared_between_threads::<spell::Speller>();
    shared_between_threads::<Checker>();
};

impl Checker {
    /// The bundled rule data with the defaults.
    pub fn new() -> Result<Checker, CheckError> {
        Checker::with_config(ChecksConfig::default())
    }

    /// The bundled rule data with the user's configuration applied.
    pub fn with_config(config: ChecksConfig) -> Result<Checker, CheckError> {
        fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, CheckError> {
            serde_json::from_str(text).map_err(|e| CheckError::Data {
                file: file.to_string(),
                message: e.to_string(),
            })
        }
        let gender: data::GenderData = parse("gender_coded.json", data::GENDER_CODED)?;
        let excl: data::TermsData = parse("exclusionary.json", data::EXCLUSIONARY)?;
        let age: data::TermsData = parse("age_coded.json", data::AGE_CODED)?;
        let pay: data::PayData = parse("pay_transparency.json", data::PAY_TRANSPARENCY)?;
        let readability: data::ReadabilityData = parse("readability.json", data::READABILITY)?;

        let lower = |v: &[String]| -> Vec<String> {
            v.iter()
                .map(|s| s.trim_end_matches('*').to_lowercase())
                .collect()
        };
        let mut masculine = lower(&gender.masculine);
        masculine.extend(lower(&config.masculine));
        let mut feminine = lower(&gender.feminine);
        feminine.extend(lower(&config.feminine));
        let (phrases, words): (Vec<_>, Vec<_>) =
            gender.false_positives.iter().partition(|f| f.is_phrase());
        let stems = Stems {
            masculine,
            feminine,
            false_words: words.iter().map(|f| f.text().to_lowercase()).collect(),
            false_phrases: phrases
                .iter()
                .map(|f| f.text().to_lowercase().replace('-', " "))
                .collect(),
            compound_tails: lower(&gender.matching.compound_tails.words),
            tails_coded_after: lower(&gender.matching.compound_tails.except_after),
            source: data::describe_source(&gender.source).unwrap_or_else(|| {
                "Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology 101(1)"
                    .to_string()
            }),
        };
        let mut excl_terms = excl.terms.clone();
        excl_terms.extend(config.extra_terms.iter().cloned());
        let exclusionary = compile_terms("exclusionary.json", &excl_terms)?;
        let age_terms = compile_terms("age_coded.json", &age.terms)?;
        let years_threshold = config.years_threshold.or(age.years_threshold).unwrap_or(10);
        let regex = |pattern: &str| {
            Regex::new(pattern).map_err(|e| CheckError::Data {
                file: "years".into(),
                message: e.to_string(),
            })
        };
        // "15+ years", "10-15 years", "12–18+ years".
        let years = regex(
            r"(?i)\b(\d{1,2})\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(\d{1,2})\s*(?:\+|plus)?\s*)?(?:years?|yrs?)\b",
        )?;
        // "Years of experience: 20+", "**Years of experience:** 12-15" (how templates print the
        // fact `years_of_experience`): the figure, without the word "years" after it.
        let years_label = regex(
            r"(?i)\byears? of (?:\w+ )?experience[*_]*\s*[:\-–]?\s*[*_]*\s*(\d{1,2})(?:\s*(?:\+|plus))?(?:\s*(?:-|–|to)\s*(\d{1,2})(?:\s*(?:\+|plus))?)?",
        )?;
        let spell = spell::Speller::new(&config.dictionary);
        Ok(Checker {
            exclusionary_source: data::describe_source(&excl.source)
                .unwrap_or_else(|| "Joblint (Rowan Manning), MIT licence".into()),
            age_source: data::describe_source(&age.source).unwrap_or_else(|| {
                "Age discrimination: Equality Act 2010 (UK) s.5 and s.13; EU Directive 2000/78/EC; US ADEA (29 U.S.C. § 623(e))".into()
            }),
            config,
            stems,
            exclusionary,
            age: age_terms,
            years,
            years_label,
            years_threshold,
            pay,
            readability,
            spell,
        })
    }

    /// Whether a rule is on (every rule is, unless `checks.json` switches it off).
    pub fn enabled(&self, rule: &str) -> bool {
        self.config
            .rules
            .get(rule)
            .and_then(|r| r.enabled)
            .unwrap_or(true)
    }

    /// "As of" date and disclaimer of the pay-transparency rules.
    pub fn pay_rules_as_of(&self) -> (Option<&str>, Option<&str>) {
        (self.pay.as_of.as_deref(), self.pay.disclaimer.as_deref())
    }

    /// Runs every enabled rule, for the audience [`Audience::guess`] gives.
    pub fn check(&self, input: &CheckInput) -> Report {
        self.check_as(input, Audience::guess(input))
    }

    /// Runs every enabled rule on a text for `audience` (from the template's header).
    pub fn check_as(&self, input: &CheckInput, audience: Audience) -> Report {
        let map = SourceMap::build(input);
        let mut out = rules::Out::new(input.markdown, &map);
        let run = |name: &str| self.enabled(name);
        // What only a posting needs (a company, a way to apply, the pay a law asks for, a
        // length that candidates read) is not asked of a document for colleagues.
        let posting = audience == Audience::Candidates;
        if posting && run("required_field") {
            rules::required_fields(input, &mut out);
        }
        if run("field_format") {
            rules::field_formats(input, &mut out);
        }
        if posting && run("pay_transparency") {
            rules::pay_transparency(self, input, &mut out);
        }
        let flagged = if posting && run("internal_section") {
            rules::internal_sections(input, &mut out)
        } else {
            Vec::new()
        };
        if run("internal_text") {
            rules::internal_text(input, audience, &flagged, &mut out);
        }
        if run("other_role") {
            rules::other_role(input, &mut out);
        }
        let balance = rules::gender(self, input, &mut out, run("gender_coded"));
        if run("gender_balance") {
            rules::gender_balance(&balance, &mut out);
        }
        if run("exclusionary") {
            rules::terms(
                &self.exclusionary,
                "exclusionary",
                &self.exclusionary_source,
                input,
                &mut out,
            );
        }
        if run("age_coded") {
            rules::age(self, input, &mut out);
        }
        if run("spelling") || run("grammar") {
            self.spell
                .check(input.markdown, &mut out, run("spelling"), run("grammar"));
        }
        let (words, reading_ease) = rules::length_and_readability(self, input, posting, &mut out);
        let mut findings = out.finish();
        for f in &mut findings {
            if let Some(sev) = self.config.rules.get(&f.rule).and_then(|r| r.severity) {
                f.severity = sev;
            }
        }
        findings.sort_by_key(|f| (f.severity, f.span.map_or(0, |s| s.start)));
        Report {
            findings,
            words,
            reading_ease,
            balance,
        }
    }
}

/// Renders `draft` with its template (dated today) and checks the posting: what the app's
/// findings panel and `rolecraft check` show. Returns the Markdown checked with the report.
pub fn check_draft(
    checker: &Checker,
    renderer: &Renderer,
    role: &Role,
    draft: &Draft,
) -> Result<(String, Report), RenderError> {
    let ctx = renderer.context(role, draft, Meta::now(&draft.template))?;
    let markdown = renderer.render_markdown(&draft.template, &ctx)?;
    let audience = Audience::of(renderer, &draft.template)?;
    let report = checker.check_as(
        &CheckInput {
            role,
            draft,
            context: &ctx,
            markdown: &markdown,
        },
        audience,
    );
    Ok((markdown, report))
}

fn compile_terms(file: &str, entries: &[TermEntry]) -> Result<Vec<Term>, CheckError> {
    entries
        .iter()
        .filter_map(|e| {
            let body = match (&e.pattern, &e.term) {
                (Some(p), _) => p.clone(),
                (None, Some(t)) => regex::escape(t)
                    .replace("\\-", "[ -]?")
                    .replace(' ', "[ -]?"),
                (None, None) => return None,
            };
            Some(
                Regex::new(&format!(r"(?i)\b(?:{body})\b"))
                    .map(|regex| Term {
                        regex,
                        entry: e.clone(),
                    })
                    .map_err(|err| CheckError::Data {
                        file: file.to_string(),
                        message: format!("pattern {body:?}: {err}"),
                    }),
            )
        })
        .collect()
}
