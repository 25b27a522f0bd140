//! Spelling and grammar, offline, with Harper (harper-core): its curated English dictionary
//! plus the company terms (`SaaS`, `CISO`, `EMs`, ... and the user's `dictionary`), over the
//! rendered Markdown (Harper's Markdown parser skips the markup).

use std::collections::BTreeSet;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Arc};
use std::thread;

use harper_core::linting::{Lint, LintGroup, LintKind, Linter};
use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
use harper_core::{Dialect, DictWordMetadata, Document};

use super::rules::{Out, Say};
use super::{FindingOrigin, Severity};

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

/// Checks spelling and grammar on a worker thread that keeps Harper's lint groups for the
/// life of the `Speller`. A fresh `LintGroup` costs about a second on a long posting; a kept
/// one caches most rules' lints by chunk and sentence (an LRU of 1,000 each), so a re-check
/// after an edit re-runs those rules only where the text changed. `LintGroup` is not `Send`,
/// so it lives on its own thread and the `Speller` (shared by the app's threads inside the
/// `Checker`) holds only the way to it.
pub(crate) struct Speller {
    dictionary: Arc<MergedDictionary>,
    /// `None` when the thread could not be started: every check then lints inline.
    worker: Option<Worker>,
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
        let dictionary = Arc::new(merged);
        Speller {
            worker: Worker::start(dictionary.clone()),
            dictionary,
        }
    }

    pub fn check(&self, md: &str, out: &mut Out, spelling: bool, grammar: bool) {
        let lints = match self.lint(md, spelling) {
            Ok(lints) => lints,
            Err(why) => {
                out.about(
                    FindingOrigin::Posting,
                    Say {
                        rule: if spelling { "spelling" } else { "grammar" },
                        severity: Severity::Warning,
                        message: "Spelling and grammar were not checked.".into(),
                        explanation: format!("Harper failed on this text: {why}"),
                        source: Some("Harper (harper-core)".into()),
                        suggestion: None,
                    },
                );
                return;
            }
        };
        // Harper's spans count chars; findings count bytes.
        let byte_at: Vec<usize> = md
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(md.len()))
            .collect();
        let mut seen = BTreeSet::new();
        for lint in lints.american {
            let Some(rule) = rule_of(lint.lint_kind) else {
                continue;
            };
            if (rule == "spelling" && !spelling) || (rule == "grammar" && !grammar) {
                continue;
            }
            if rule == "spelling" && !lints.british.contains(&(lint.span.start, lint.span.end)) {
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

    /// Harper's lints of `md`, from the worker; inline with fresh groups (as slow as a first
    /// check, but never stuck) when the worker is gone.
    fn lint(&self, md: &str, british: bool) -> Result<Lints, String> {
        if let Some(lints) = self.worker.as_ref().and_then(|w| w.lint(md, british)) {
            return lints;
        }
        lint_caught(&mut None, &self.dictionary, md, british)
    }
}

/// What Harper found in one text.
struct Lints {
    /// Every lint of the American group (all curated rules).
    american: Vec<Lint>,
    /// The spans British English also finds misspelt (empty unless asked for).
    british: BTreeSet<(usize, usize)>,
}

/// The lint groups, built once per worker and kept for their caches.
struct Groups {
    american: LintGroup,
    /// Spell check only.
    british: LintGroup,
}

impl Groups {
    fn new(dictionary: &Arc<MergedDictionary>) -> Groups {
        let american = LintGroup::new_curated(dictionary.clone(), Dialect::American);
        let mut british = LintGroup::new_curated(dictionary.clone(), Dialect::British);
        british.set_all_rules_to(Some(false));
        british.config.set_rule_enabled("SpellCheck", true);
        Groups { american, british }
    }

    fn lint(&mut self, dictionary: &MergedDictionary, md: &str, british: bool) -> Lints {
        let doc = Document::new_markdown_default(md, dictionary);
        // Role documents mix American and British spelling: a word is misspelt only when
        // it is in neither.
        Lints {
            american: self.american.lint(&doc),
            british: if british {
                self.british
                    .lint(&doc)
                    .into_iter()
                    .filter(|l| l.lint_kind == LintKind::Spelling)
                    .map(|l| (l.span.start, l.span.end))
                    .collect()
            } else {
                BTreeSet::new()
            },
        }
    }
}

/// Lints `md` with `groups` (built first if `None`). A panic inside Harper becomes an error
/// and drops the groups, whose caches it may have left half-written.
fn lint_caught(
    groups: &mut Option<Groups>,
    dictionary: &Arc<MergedDictionary>,
    md: &str,
    british: bool,
) -> Result<Lints, String> {
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        groups
            .get_or_insert_with(|| Groups::new(dictionary))
            .lint(dictionary, md, british)
    }));
    run.map_err(|panic| {
        *groups = None;
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "it panicked".into())
    })
}

/// One text to lint, and where to send what was found.
struct Job {
    markdown: String,
    british: bool,
    reply: mpsc::Sender<Result<Lints, String>>,
}

/// The thread that owns the lint groups. Checks from several threads queue on it: one at a
/// time, each a fraction of what a fresh group costs.
struct Worker {
    /// Taken on drop: the closed channel ends the thread's loop.
    jobs: Option<mpsc::Sender<Job>>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Worker {
    fn start(dictionary: Arc<MergedDictionary>) -> Option<Worker> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let thread = thread::Builder::new()
            .name("rolecraft-spell".into())
            // As much stack as a main thread: an overflow here would abort the app.
            .stack_size(8 << 20)
            .spawn(move || {
                // Built on the first job, so a `Checker` that is never used costs no group.
                let mut groups = None;
                for job in queue {
                    let lints = lint_caught(&mut groups, &dictionary, &job.markdown, job.british);
                    // The caller waits for this unless it is gone; then there is nobody to tell.
                    let _ = job.reply.send(lints);
                }
            })
            .ok()?;
        Some(Worker {
            jobs: Some(jobs),
            thread: Some(thread),
        })
    }

    /// `None` when the worker is gone (its thread ended): the caller lints inline.
    fn lint(&self, md: &str, british: bool) -> Option<Result<Lints, String>> {
        let (reply, answer) = mpsc::channel();
        self.jobs
            .as_ref()?
            .send(Job {
                markdown: md.to_string(),
                british,
                reply,
            })
            .ok()?;
        // Errs (no hang) if the thread ends before answering: it drops `reply` as it unwinds.
        answer.recv().ok()
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.jobs = None;
        // Quick: a check borrows the Speller until answered, so the worker is idle by now.
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// American lints and British spans, comparable.
    fn found(lints: Lints) -> (Vec<String>, BTreeSet<(usize, usize)>) {
        let american = lints
            .american
            .iter()
            .map(|l| format!("{:?} {:?} {}", l.span, l.lint_kind, l.message))
            .collect();
        (american, lints.british)
    }

    fn fresh(speller: &Speller, md: &str) -> (Vec<String>, BTreeSet<(usize, usize)>) {
        found(lint_caught(&mut None, &speller.dictionary, md, true).unwrap())
    }

    const TEXTS: [&str; 3] = [
        "Stretegic thinking. Accountable for histing COGS and SaaS spending with EMs.\n\n- You will lead the the team.",
        "# Role\n\nStretegic thinking. Accountable for hosting COGS and SaaS spending with EMs.\n\n- You will lead the team.",
        "A organisation that value it's people.",
    ];

    #[test]
    fn the_kept_groups_find_what_fresh_ones_find() {
        let speller = Speller::new(&[]);
        assert!(speller.worker.is_some());
        // Twice round, so the second pass meets cached chunks and sentences.
        for md in TEXTS.iter().chain(&TEXTS) {
            let kept = found(speller.lint(md, true).unwrap());
            assert_eq!(kept, fresh(&speller, md), "{md}");
        }
    }

    #[test]
    fn without_a_worker_checks_lint_inline() {
        let mut speller = Speller::new(&[]);
        let expected = fresh(&speller, TEXTS[0]);
        // A worker whose thread has ended: its queue is closed.
        let (jobs, queue) = mpsc::channel();
        drop(queue);
        speller.worker = Some(Worker {
            jobs: Some(jobs),
            thread: None,
        });
        assert_eq!(found(speller.lint(TEXTS[0], true).unwrap()), expected);
        speller.worker = None;
        assert_eq!(found(speller.lint(TEXTS[0], true).unwrap()), expected);
    }

    #[test]
    fn the_worker_ends_with_the_speller() {
        let speller = Speller::new(&[]);
        assert!(speller.lint("One text.", true).is_ok());
        let thread = speller
            .worker
            .as_ref()
            .and_then(|w| w.thread.as_ref())
            .map(|t| t.thread().name().map(str::to_string));
        assert_eq!(thread, Some(Some("rolecraft-spell".to_string())));
        // The worker holds the only other reference to the dictionary.
        let dictionary = Arc::downgrade(&speller.dictionary);
        drop(speller);
        assert!(dictionary.upgrade().is_none());
    }
}
