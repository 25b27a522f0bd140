//! Spelling and grammar, offline, with Harper (harper-core): its curated English dictionary
//! plus the company terms (`SaaS`, `CISO`, `EMs`, ... and the user's `dictionary`), over the
//! rendered Markdown (Harper's Markdown parser skips the markup).

use std::sync::Arc;

use harper_core::linting::{LintGroup, LintKind, Linter};
use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
use harper_core::{Dialect, DictWordMetadata, Document};

use super::rules::{Out, Say};
use super::Severity;

/// Terms engineering and product postings use that a general dictionary lacks.
pub const COMPANY_TERMS: [&str; 73] = [
    "SaaS",
    "PaaS",
    "IaaS",
    "CISO",
    "CTO",
    "CPO",
    "CEO",
    "CFO",
    "COO",
    "VP",
    "VPs",
    "EM",
    "EMs",
    "IC",
    "ICs",
    "SRE",
    "SREs",
    "DevOps",
    "DevEx",
    "SecOps",
    "FinOps",
    "MLOps",
    "COGS",
    "OKR",
    "OKRs",
    "KPI",
    "KPIs",
    "SLA",
    "SLAs",
    "SLO",
    "SLOs",
    "SFIA",
    "B2B",
    "B2C",
    "API",
    "APIs",
    "SDK",
    "SDKs",
    "CI",
    "CD",
    "GTM",
    "PMs",
    "PM",
    "QA",
    "UX",
    "UI",
    "PRD",
    "PRDs",
    "roadmap",
    "roadmaps",
    "roadmapping",
    "upskilling",
    "onboarding",
    "offboarding",
    "Kubernetes",
    "Terraform",
    "Jira",
    "Figma",
    "enablement",
    "auditability",
    "touchpoint",
    "touchpoints",
    "upsell",
    "upsells",
    "deprecation",
    "deprecations",
    "lakehouse",
    "centricity",
    "multi-year",
    "comms",
    "battlecard",
    "battlecards",
    "dogfooding",
];

/// Harper's lint kinds Rolecraft reports: spelling, and grammar proper (not style advice).
fn rule_of(kind: LintKind) -> Option<&'static str> {
    match kind {
        LintKind::Spelling => Some("spelling"),
        LintKind::Agreement
        | LintKind::BoundaryError
        | LintKind::Grammar
        | LintKind::Malapropism
        | LintKind::Eggcorn
        | LintKind::Repetition
        | LintKind::Typo => Some("grammar"),
        _ => None,
    }
}

pub(crate) struct Speller {
    dictionary: Arc<MergedDictionary>,
}

impl Speller {
    pub fn new(user_terms: &[String]) -> Speller {
        let mut extra = MutableDictionary::new();
        for term in COMPANY_TERMS
            .iter()
            .copied()
            .chain(user_terms.iter().map(String::as_str))
        {
            extra.append_word_str(term, DictWordMetadata::default());
            let lower = term.to_lowercase();
            if lower != term {
                extra.append_word_str(&lower, DictWordMetadata::default());
            }
        }
        let mut merged = MergedDictionary::new();
        merged.add_dictionary(FstDictionary::curated());
        merged.add_dictionary(Arc::new(extra));
        Speller {
            dictionary: Arc::new(merged),
        }
    }

    pub fn check(&self, md: &str, out: &mut Out, spelling: bool, grammar: bool) {
        let doc = Document::new_markdown_default(md, self.dictionary.as_ref());
        let mut linter = LintGroup::new_curated(self.dictionary.clone(), Dialect::American);
        let lints = linter.lint(&doc);
        // Role documents mix American and British spelling: a word is misspelt only when
        // it is in neither.
        let british: std::collections::BTreeSet<(usize, usize)> = if spelling {
            let mut uk = LintGroup::new_curated(self.dictionary.clone(), Dialect::British);
            uk.set_all_rules_to(Some(false));
            uk.config.set_rule_enabled("SpellCheck", true);
            uk.lint(&doc)
                .into_iter()
                .filter(|l| l.lint_kind == LintKind::Spelling)
                .map(|l| (l.span.start, l.span.end))
                .collect()
        } else {
            Default::default()
        };
        // Harper's spans count chars; findings count bytes.
        let byte_at: Vec<usize> = md
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(md.len()))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for lint in lints {
            let Some(rule) = rule_of(lint.lint_kind) else {
                continue;
            };
            if (rule == "spelling" && !spelling) || (rule == "grammar" && !grammar) {
                continue;
            }
            if rule == "spelling" && !british.contains(&(lint.span.start, lint.span.end)) {
                continue;
            }
            let (Some(&s), Some(&e)) = (byte_at.get(lint.span.start), byte_at.get(lint.span.end))
            else {
                continue;
            };
            if !seen.insert((s, e)) {
                continue;
            }
            let word = &md[s..e];
            if rule == "spelling" && !worth_flagging(md, s, word) {
                continue;
            }
            let suggestion = lint.suggestions.first().map(|sug| match sug {
                harper_core::linting::Suggestion::ReplaceWith(chars) => {
                    chars.iter().collect::<String>()
                }
                other => other.to_string(),
            });
            let message = if rule == "spelling" {
                format!("\"{word}\" looks misspelt.")
            } else {
                lint.message.clone()
            };
            out.at(
                s,
                e,
                Say {
                    rule,
                    severity: if rule == "spelling" {
                        Severity::Warning
                    } else {
                        Severity::Info
                    },
                    message,
                    explanation: if rule == "spelling" {
                        format!(
                            "{} Add company terms to the dictionary in checks.json.",
                            lint.message
                        )
                    } else {
                        "Grammar checked offline by Harper.".to_string()
                    },
                    source: Some(
                        "Harper (harper-core), curated English dictionary and rules".into(),
                    ),
                    suggestion,
                },
            );
        }
    }
}

/// Acronyms (`IDPs`), words with digits (`P0`), brand names in CamelCase (`PagerDuty`) and
/// capitalised words inside a sentence (product names: `Airtable`) are left to the user's
/// dictionary; a capitalised word opening a line or sentence ("Stretegic thinking.") is not.
fn worth_flagging(md: &str, start: usize, word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if word.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let stem = word.strip_suffix('s').unwrap_or(word);
    if letters.len() > 1
        && stem
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    if letters.iter().skip(1).any(|c| c.is_uppercase()) {
        return false;
    }
    if letters.first().is_some_and(|c| c.is_uppercase()) {
        let before = md[..start].trim_end_matches([' ', '*', '_', '"', '(']);
        let opens = before.is_empty()
            || before.ends_with(['.', '!', '?', ':', '\n', '-', '#', '|'])
            || before.ends_with(|c: char| c.is_ascii_digit());
        return opens;
    }
    true
}
