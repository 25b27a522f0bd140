//! Spelling and grammar, offline, with Harper (harper-core): its curated English dictionary
//! plus the company terms (`SaaS`, `CISO`, `EMs`, ... and the user's `dictionary`), over the
//! rendered Markdown (Harper's Markdown parser skips the markup).

use std::collections::{BTreeSet, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{mpsc, Arc};
use std::thread;

use harper_core::linting::{Lint, LintGroup, LintKind, Linter};
use harper_core::spell::{FstDictionary, MergedDictionary, MutableDictionary};
use harper_core::{Dialect, DictWordMetadata, Document};

use super::rules::{Out, Say};
use super::{FindingOrigin, Severity};

/// Terms engineering and product postings use that a general dictionary lacks.
pub const COMPANY_TERMS: [&str; 81] = [
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
    "reprioritization",
    "reprioritisation",
    "matrixed",
    "virality",
    "tiering",
    "referenceability",
    "qual",
    "mgmt",
];

/// Harper rules switched off: `MassNouns` takes nouns such as "staffing" in "a staffing,
/// cultural, and technical standpoint" for mass nouns misused with "a", which ladders' lists
/// of adjectives set off again and again.
const GRAMMAR_OFF: [&str; 1] = ["MassNouns"];

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
/// life of the `Speller`, with the lints of recent text blocks (see `Groups`). A fresh
/// `LintGroup` costs about a second on a long posting; kept, a re-check after an edit lints
/// only the block that changed. `LintGroup` is not `Send`, so it lives on its own thread and
/// the `Speller` (shared by the app's threads inside the `Checker`) holds only the way to it.
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
        let lints = match self.lint(md) {
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
    fn lint(&self, md: &str) -> Result<Lints, String> {
        if let Some(lints) = self.worker.as_ref().and_then(|w| w.lint(md)) {
            return lints;
        }
        lint_caught(&mut None, &self.dictionary, md)
    }
}

/// What Harper found in one text (or block), spans in chars.
#[derive(Default)]
struct Lints {
    /// Every lint of the American group (all curated rules).
    american: Vec<Lint>,
    /// The spans British English also finds misspelt.
    british: BTreeSet<(usize, usize)>,
}

/// Text kept in the block cache before the least recently used blocks go: some forty long
/// postings.
const CACHED_BYTES: usize = 2 << 20;

/// The lint groups, built once per worker and kept, with the lints of recent blocks.
///
/// Harper caches its rules' lints per chunk and per sentence, but only the last 1,000 of each
/// (and it re-parses the whole text and re-runs its document rules every time): a posting
/// with every section has some 1,800 chunks, so on its own that cache misses every time.
/// Hence a cache of our own, by block (text from one heading to the next), so a check after
/// an edit parses and lints only the block that changed.
struct Groups {
    american: LintGroup,
    /// Spell check only.
    british: LintGroup,
    blocks: HashMap<String, Cached>,
    /// Bytes of the keys of `blocks`, and how many it may hold (`CACHED_BYTES`).
    bytes: usize,
    cached_bytes: usize,
    /// Checks run, to age the cache.
    checks: u64,
}

struct Cached {
    lints: Lints,
    /// The last check that used it.
    used: u64,
}

impl Groups {
    fn new(dictionary: &Arc<MergedDictionary>) -> Groups {
        let mut american = LintGroup::new_curated(dictionary.clone(), Dialect::American);
        for rule in GRAMMAR_OFF {
            american.config.set_rule_enabled(rule, false);
        }
        let mut british = LintGroup::new_curated(dictionary.clone(), Dialect::British);
        british.set_all_rules_to(Some(false));
        british.config.set_rule_enabled("SpellCheck", true);
        Groups {
            american,
            british,
            blocks: HashMap::new(),
            bytes: 0,
            cached_bytes: CACHED_BYTES,
            checks: 0,
        }
    }

    fn lint(&mut self, dictionary: &MergedDictionary, md: &str) -> Lints {
        self.checks += 1;
        let blocks = blocks(md);
        let new_bytes: usize = blocks
            .iter()
            .filter(|b| !self.blocks.contains_key(**b))
            .map(|b| b.len())
            .sum();
        if new_bytes * 2 > md.len() {
            // Mostly new text (a first check, another posting): Harper is quicker on one
            // document than on many small ones, and its lints fill the cache block by block.
            let all = lint_block(&mut self.american, &mut self.british, dictionary, md);
            self.store(&blocks, &all);
            self.evict();
            return all;
        }
        let mut all = Lints::default();
        let mut shift = 0;
        for block in blocks {
            let cached = match self.blocks.get_mut(block) {
                Some(cached) => cached,
                None => {
                    let lints =
                        lint_block(&mut self.american, &mut self.british, dictionary, block);
                    self.bytes += block.len();
                    self.blocks
                        .entry(block.to_string())
                        .or_insert(Cached { lints, used: 0 })
                }
            };
            cached.used = self.checks;
            all.american
                .extend(cached.lints.american.iter().cloned().map(|mut lint| {
                    lint.span.push_by(shift);
                    lint
                }));
            all.british.extend(
                cached
                    .lints
                    .british
                    .iter()
                    .map(|&(s, e)| (s + shift, e + shift)),
            );
            shift += block.chars().count();
        }
        self.evict();
        all
    }

    /// Caches the lints of the whole text (`blocks` cut from it) block by block, unless one
    /// reaches across a block's edge: then the cut does not hold for this text.
    fn store(&mut self, blocks: &[&str], all: &Lints) {
        let mut edges = Vec::with_capacity(blocks.len() + 1);
        edges.push(0);
        for block in blocks {
            edges.push(edges[edges.len() - 1] + block.chars().count());
        }
        // The block a span starts in, and the span relative to it; `None` if it leaves it.
        let place = |start: usize, end: usize| {
            let i = edges
                .partition_point(|&e| e <= start)
                .clamp(1, blocks.len())
                - 1;
            (end <= edges[i + 1]).then(|| (i, start - edges[i], end - edges[i]))
        };
        let mut each: Vec<Lints> = blocks.iter().map(|_| Lints::default()).collect();
        for lint in &all.american {
            let Some((i, start, end)) = place(lint.span.start, lint.span.end) else {
                return;
            };
            let mut lint = lint.clone();
            lint.span.start = start;
            lint.span.end = end;
            each[i].american.push(lint);
        }
        for &(start, end) in &all.british {
            let Some((i, start, end)) = place(start, end) else {
                return;
            };
            each[i].british.insert((start, end));
        }
        for (block, lints) in blocks.iter().zip(each) {
            let cached = self.blocks.entry(block.to_string()).or_insert_with(|| {
                self.bytes += block.len();
                Cached { lints, used: 0 }
            });
            cached.used = self.checks;
        }
    }

    /// Drops the least recently used blocks while the cache holds more than it may,
    /// never those of the text just checked.
    fn evict(&mut self) {
        if self.bytes <= self.cached_bytes {
            return;
        }
        let mut old: Vec<(u64, String)> = self
            .blocks
            .iter()
            .filter(|(_, cached)| cached.used < self.checks)
            .map(|(text, cached)| (cached.used, text.clone()))
            .collect();
        old.sort_unstable();
        for (_, text) in old {
            if self.bytes <= self.cached_bytes {
                break;
            }
            self.blocks.remove(&text);
            self.bytes -= text.len();
        }
    }
}

/// Harper's lints of one block, parsed as a document of its own.
fn lint_block(
    american: &mut LintGroup,
    british: &mut LintGroup,
    dictionary: &MergedDictionary,
    block: &str,
) -> Lints {
    let doc = Document::new_markdown_default(block, dictionary);
    // Role documents mix American and British spelling: a word is misspelt only when it is
    // in neither.
    Lints {
        american: american.lint(&doc),
        british: british
            .lint(&doc)
            .into_iter()
            .filter(|l| l.lint_kind == LintKind::Spelling)
            .map(|l| (l.span.start, l.span.end))
            .collect(),
    }
}

/// `md` cut before each ATX heading that follows a blank line. Markdown ends every open block
/// there, and Harper's rules work within sentences and paragraphs, so each piece lints alone
/// as it does in the whole: `blocks_lint_as_the_whole_text_does` holds Harper to that on
/// every bundled role, and catches a Harper upgrade that would not. A text with something
/// that can reach across a heading (fenced code, raw HTML, link reference definitions) stays
/// whole.
fn blocks(md: &str) -> Vec<&str> {
    let mut cuts = vec![0];
    let mut at = 0;
    let mut after_blank = false;
    for line in md.split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        if line.len() - body.len() <= 3
            && (body.starts_with("```")
                || body.starts_with("~~~")
                || body.starts_with('<')
                || (body.starts_with('[') && body.contains("]:")))
        {
            return vec![md];
        }
        if after_blank && is_atx_heading(line) {
            cuts.push(at);
        }
        after_blank = line.trim().is_empty();
        at += line.len();
    }
    cuts.push(md.len());
    cuts.windows(2).map(|w| &md[w[0]..w[1]]).collect()
}

/// `# Title` to `###### Title` at the start of a line (`#hashtag` is not one).
fn is_atx_heading(line: &str) -> bool {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes)
        && matches!(
            line.as_bytes().get(hashes),
            None | Some(b' ' | b'\t' | b'\n' | b'\r')
        )
}

/// Lints `md` with `groups` (built first if `None`). A panic inside Harper becomes an error
/// and drops the groups, whose caches it may have left half-written.
fn lint_caught(
    groups: &mut Option<Groups>,
    dictionary: &Arc<MergedDictionary>,
    md: &str,
) -> Result<Lints, String> {
    let run = panic::catch_unwind(AssertUnwindSafe(|| {
        groups
            .get_or_insert_with(|| Groups::new(dictionary))
            .lint(dictionary, md)
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
                    let lints = lint_caught(&mut groups, &dictionary, &job.markdown);
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
    fn lint(&self, md: &str) -> Option<Result<Lints, String>> {
        let (reply, answer) = mpsc::channel();
        self.jobs
            .as_ref()?
            .send(Job {
                markdown: md.to_string(),
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
    use crate::drafts::Draft;
    use crate::library::bundled_roles;
    use crate::render::{Meta, Renderer};

    type Found = (Vec<String>, BTreeSet<(usize, usize)>);

    /// American lints (sorted: blocks change their order, not what they are) and British
    /// spans, comparable.
    fn found(lints: Lints) -> Found {
        let mut american: Vec<String> = lints
            .american
            .iter()
            .map(|l| {
                format!(
                    "{:?} {:?} {} {:?}",
                    l.span, l.lint_kind, l.message, l.suggestions
                )
            })
            .collect();
        american.sort();
        (american, lints.british)
    }

    /// What the checks did before the worker: the whole text as one document, fresh groups.
    fn whole(dictionary: &Arc<MergedDictionary>, md: &str) -> Found {
        let mut groups = Groups::new(dictionary);
        found(lint_block(
            &mut groups.american,
            &mut groups.british,
            dictionary,
            md,
        ))
    }

    const TEXTS: [&str; 3] = [
        "Stretegic thinking. Accountable for histing COGS and SaaS spending with EMs.\n\n- You will lead the the team.",
        "# Role\n\nStretegic thinking. Accountable for hosting COGS and SaaS spending with EMs.\n\n## What you will do\n\n- You will lead the team.\n- A organisation that value it's people.",
        "A organisation that value it's people.\n\n# Role\n\nStretegic thinking.",
    ];

    #[test]
    fn the_worker_finds_what_fresh_groups_find_in_the_whole_text() {
        let speller = Speller::new(&[]);
        assert!(speller.worker.is_some());
        // Twice round, so the second pass meets cached blocks, chunks and sentences.
        for md in TEXTS.iter().chain(&TEXTS) {
            let kept = found(speller.lint(md).unwrap());
            assert!(!kept.0.is_empty());
            assert_eq!(kept, whole(&speller.dictionary, md), "{md}");
        }
    }

    #[test]
    fn blocks_lint_as_the_whole_text_does() {
        let speller = Speller::new(&[]);
        let mut groups = Groups::new(&speller.dictionary);
        let renderer = Renderer::new();
        for role in bundled_roles().unwrap() {
            let mut draft = Draft::new("blocks", &role.id, "full");
            draft.posting.set_pair("company=Acme").unwrap();
            draft.sections = Some(role.sections.iter().map(|s| s.key.clone()).collect());
            let ctx = renderer
                .context(&role, &draft, Meta::at("2026-12-01", "full"))
                .unwrap();
            let md = renderer.render_markdown("full", &ctx).unwrap();
            let expected = whole(&speller.dictionary, &md);
            // Each block linted alone.
            let cut = blocks(&md);
            assert!(cut.len() > 10, "{}", role.id);
            let mut each = Lints::default();
            let mut shift = 0;
            for block in cut {
                let mut lints = lint_block(
                    &mut groups.american,
                    &mut groups.british,
                    &speller.dictionary,
                    block,
                );
                each.american.extend(lints.american.drain(..).map(|mut l| {
                    l.span.push_by(shift);
                    l
                }));
                each.british
                    .extend(lints.british.iter().map(|&(s, e)| (s + shift, e + shift)));
                shift += block.chars().count();
            }
            assert_eq!(found(each), expected, "{}", role.id);
            // The worker: whole on first sight, then from the cache it filled; after an
            // edit, cached blocks and the edited ones linted alone.
            let edited = md.replacen(" the ", " teh ", 3);
            assert_eq!(found(speller.lint(&md).unwrap()), expected, "{}", role.id);
            assert_eq!(found(speller.lint(&md).unwrap()), expected, "{}", role.id);
            assert_eq!(
                found(speller.lint(&edited).unwrap()),
                whole(&speller.dictionary, &edited),
                "{}",
                role.id
            );
        }
    }

    #[test]
    fn the_rules_switched_off_are_harper_rules() {
        let speller = Speller::new(&[]);
        let groups = Groups::new(&speller.dictionary);
        for rule in GRAMMAR_OFF {
            assert!(groups.american.iter_keys().any(|k| k == rule), "{rule}");
            assert!(!groups.american.config.is_rule_enabled(rule), "{rule}");
        }
    }

    #[test]
    fn texts_are_cut_before_headings_that_follow_a_blank_line() {
        let md = "# Role\n\nIntro.\n#hashtag line\n\n## Do\n\n- a\n\n###### Six\n####### Seven\n";
        let cut = blocks(md);
        assert_eq!(cut.concat(), md);
        assert_eq!(
            cut,
            [
                "# Role\n\nIntro.\n#hashtag line\n\n",
                "## Do\n\n- a\n\n",
                "###### Six\n####### Seven\n"
            ]
        );
        for whole in [
            "# A\n\n```\n\n# not a heading\n```\n",
            "# A\n\n<!--\n\n# hidden\n-->\n",
            "# A\n\nSee [the guide][g].\n\n# B\n\n[g]: https://example.com\n",
        ] {
            assert_eq!(blocks(whole), [whole]);
        }
    }

    #[test]
    fn the_block_cache_keeps_the_latest_text_within_its_bound() {
        let speller = Speller::new(&[]);
        let mut groups = Groups::new(&speller.dictionary);
        groups.cached_bytes = 60;
        let first = "# One\n\nThe first text, some forty bytes.\n";
        let second = "# Two\n\nThe second text.\n\n# Three\n\nAnd its second block.\n";
        groups.lint(&speller.dictionary, first);
        assert_eq!(groups.bytes, first.len());
        // Over the bound: the first text goes, not the blocks just checked.
        groups.lint(&speller.dictionary, second);
        assert_eq!(groups.blocks.len(), 2);
        assert_eq!(groups.bytes, second.len());
        assert!(!groups.blocks.contains_key(first));
    }

    #[test]
    fn without_a_worker_checks_lint_inline() {
        let mut speller = Speller::new(&[]);
        let expected = whole(&speller.dictionary, TEXTS[1]);
        // A worker whose thread has ended: its queue is closed.
        let (jobs, queue) = mpsc::channel();
        drop(queue);
        speller.worker = Some(Worker {
            jobs: Some(jobs),
            thread: None,
        });
        assert_eq!(found(speller.lint(TEXTS[1]).unwrap()), expected);
        speller.worker = None;
        assert_eq!(found(speller.lint(TEXTS[1]).unwrap()), expected);
    }

    #[test]
    fn the_worker_ends_with_the_speller() {
        let speller = Speller::new(&[]);
        assert!(speller.lint("One text.").is_ok());
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
