//! The rules. Each reads the input and adds findings to `Out`, which gives every span its
//! line and origin.

use super::source_map::SourceMap;
use super::{Audience, Balance, CheckInput, Checker, Finding, FindingOrigin, Severity, Span, Term};
use crate::drafts::fields::{valid_apply_target, valid_date, Location, SalaryShape, WorkplaceKind};
use crate::render::is_internal_section;

pub(crate) struct Out<'a> {
    md: &'a str,
    map: &'a SourceMap,
    findings: Vec<Finding>,
}

/// What a finding says, before it is placed.
pub(crate) struct Say {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub explanation: String,
    pub source: Option<String>,
    pub suggestion: Option<String>,
}

impl<'a> Out<'a> {
    pub fn new(md: &'a str, map: &'a SourceMap) -> Out<'a> {
        Out {
            md,
            map,
            findings: Vec::new(),
        }
    }

    /// A finding on `start..end` of the Markdown; its origin is what that text came from.
    pub fn at(&mut self, start: usize, end: usize, say: Say) {
        let origin = self.map.origin(start, end);
        self.place(start, end, origin, say);
    }

    /// What the text at `start..end` came from.
    pub fn origin(&self, start: usize, end: usize) -> FindingOrigin {
        self.map.origin(start, end)
    }

    /// A finding on `start..end` with a known origin.
    pub fn place(&mut self, start: usize, end: usize, origin: FindingOrigin, say: Say) {
        let line = self.md[..start.min(self.md.len())].matches('\n').count() + 1;
        self.findings.push(Finding {
            rule: say.rule.to_string(),
            severity: say.severity,
            message: say.message,
            explanation: say.explanation,
            source: say.source,
            span: Some(Span { start, end, line }),
            text: self.md.get(start..end).map(str::to_string),
            suggestion: say.suggestion,
            origin,
        });
    }

    /// A finding about something the posting lacks, or about a whole origin (placed on its
    /// text when the text is in the posting).
    pub fn about(&mut self, origin: FindingOrigin, say: Say) {
        match self.map.span_of(&origin) {
            Some((s, e)) => self.place(s, e, origin, say),
            None => self.findings.push(Finding {
                rule: say.rule.to_string(),
                severity: say.severity,
                message: say.message,
                explanation: say.explanation,
                source: say.source,
                span: None,
                text: None,
                suggestion: say.suggestion,
                origin,
            }),
        }
    }

    pub fn finish(self) -> Vec<Finding> {
        self.findings
    }

    pub fn md(&self) -> &'a str {
        self.md
    }
}

fn field(key: &str) -> FindingOrigin {
    FindingOrigin::Field {
        field: key.to_string(),
    }
}

const POSTING_GUIDE: &str = "Google Search Central, Job posting structured data (required and recommended properties); Indeed, Job posting guidelines";

/// Company, location, employment type and how to apply, whatever the template prints.
pub(crate) fn required_fields(input: &CheckInput, out: &mut Out) {
    let p = &input.context.posting;
    let remote = p
        .workplace
        .as_ref()
        .is_some_and(|w| w.kind == WorkplaceKind::Remote);
    let mut need = |missing: bool, key: &str, severity: Severity, message: &str, why: &str| {
        if missing {
            out.about(
                field(key),
                Say {
                    rule: "required_field",
                    severity,
                    message: message.to_string(),
                    explanation: why.to_string(),
                    source: Some(POSTING_GUIDE.to_string()),
                    suggestion: None,
                },
            );
        }
    };
    need(
        p.company.is_none(),
        "company",
        Severity::Error,
        "The posting does not name the company.",
        "Candidates and job boards need the hiring organisation; schema.org JobPosting requires hiringOrganization.",
    );
    need(
        p.locations.is_empty() && p.location.is_none() && !remote,
        "location",
        Severity::Error,
        "The posting has no location (and is not marked remote).",
        "Where the job is decides who can apply and which pay-transparency laws apply; JobPosting requires jobLocation, or jobLocationType TELECOMMUTE for a remote job.",
    );
    need(
        p.employment.is_none() && p.employment_type.is_none(),
        "employment_type",
        Severity::Warning,
        "The posting does not say the employment type (full-time, part-time, contract, ...).",
        "Job boards filter on it (schema.org employmentType).",
    );
    need(
        p.how_to_apply.is_none() && p.apply_url.is_none(),
        "how_to_apply",
        Severity::Error,
        "The posting does not say how to apply.",
        "A posting without a way to apply cannot be acted on; Colorado also requires it since 2024 (SB 23-105).",
    );
}

/// Dates and the apply target have a form a job board can read.
pub(crate) fn field_formats(input: &CheckInput, out: &mut Out) {
    let p = &input.context.posting;
    for (key, value) in [
        ("date_posted", &p.date_posted),
        ("valid_through", &p.valid_through),
    ] {
        if let Some(v) = value.as_deref().filter(|v| !valid_date(v)) {
            out.about(
                field(key),
                Say {
                    rule: "field_format",
                    severity: Severity::Error,
                    message: format!("\"{v}\" is not a date YYYY-MM-DD."),
                    explanation: "schema.org datePosted and validThrough are ISO 8601 dates."
                        .into(),
                    source: Some("schema.org JobPosting".into()),
                    suggestion: None,
                },
            );
        }
    }
    if let (Some(a), Some(b)) = (p.date_posted.as_deref(), p.valid_through.as_deref()) {
        if valid_date(a) && valid_date(b) && b < a {
            out.about(
                field("valid_through"),
                Say {
                    rule: "field_format",
                    severity: Severity::Error,
                    message: format!("Applications close ({b}) before the posting date ({a})."),
                    explanation: "validThrough must be after datePosted.".into(),
                    source: Some("schema.org JobPosting".into()),
                    suggestion: None,
                },
            );
        }
    }
    if let Some(v) = p.apply_url.as_deref().filter(|v| !valid_apply_target(v)) {
        out.about(
            field("apply_url"),
            Say {
                rule: "field_format",
                severity: Severity::Error,
                message: format!("\"{v}\" is neither an https:// URL nor an e-mail address."),
                explanation: "Job boards link the apply button to it.".into(),
                source: None,
                suggestion: None,
            },
        );
    }
    if let Some(s) = &p.salary {
        if let (Some(min), Some(max)) = (s.min, s.max) {
            if min > max {
                out.about(
                    field("salary_min"),
                    Say {
                        rule: "field_format",
                        severity: Severity::Error,
                        message: "The salary minimum is above the maximum.".into(),
                        explanation: "A range goes from its minimum to its maximum.".into(),
                        source: None,
                        suggestion: None,
                    },
                );
            }
        }
        if s.min.is_some() || s.max.is_some() {
            if s.currency.is_none() {
                out.about(field("currency"), Say {
                    rule: "field_format",
                    severity: Severity::Warning,
                    message: "The salary has no currency.".into(),
                    explanation: "schema.org baseSalary needs a currency (ISO 4217), and a figure without one is ambiguous to candidates abroad.".into(),
                    source: Some("schema.org MonetaryAmount".into()),
                    suggestion: None,
                });
            }
            if s.period.is_none() {
                out.about(field("salary_period"), Say {
                    rule: "field_format",
                    severity: Severity::Warning,
                    message: "The salary does not say per hour, month or year.".into(),
                    explanation: "schema.org QuantitativeValue unitText, and candidates, need the period.".into(),
                    source: Some("schema.org QuantitativeValue".into()),
                    suggestion: None,
                });
            }
        }
    }
}

/// Which pay-transparency rules apply to where the job is (or where remote applicants may
/// live), and whether the posting shows what each requires.
pub(crate) fn pay_transparency(checker: &Checker, input: &CheckInput, out: &mut Out) {
    let p = &input.context.posting;
    let remote_regions: Vec<String> = p
        .workplace
        .as_ref()
        .filter(|w| w.kind != WorkplaceKind::OnSite)
        .map(|w| w.applicant_regions.clone())
        .unwrap_or_default();
    let as_of = checker
        .pay
        .as_of
        .as_deref()
        .unwrap_or("the date of the rule data");
    let disclaimer = checker
        .pay
        .disclaimer
        .clone()
        .unwrap_or_else(|| format!("Information as of {as_of}, not legal advice."));
    let today = &input.context.meta.date;
    let shape = p.salary.as_ref().map_or(SalaryShape::None, |s| s.shape());
    for rule in &checker.pay.rules {
        let by_location = p.locations.iter().any(|l| rule_matches(rule, l));
        let by_remote =
            rule.covers_remote() && remote_regions.iter().any(|r| region_matches(rule, r));
        if !by_location && !by_remote {
            continue;
        }
        let upcoming = rule
            .effective
            .as_deref()
            .is_some_and(|e| e > today.as_str());
        let severity = if upcoming {
            Severity::Info
        } else {
            rule.severity.unwrap_or(Severity::Error)
        };
        let why = |what: &str| {
            let mut s = format!(
                "{}: {} {}",
                rule.jurisdiction,
                rule.summary.clone().unwrap_or_default(),
                what
            );
            if let Some(e) = &rule.effective {
                s.push_str(&format!(" In force from {e}."));
            }
            if let Some(t) = rule.threshold_note() {
                s.push_str(&format!(" Who is covered: {t}"));
            }
            if by_remote && !by_location {
                s.push_str(" It applies here because remote applicants may live there.");
            }
            s.push(' ');
            s.push_str(&disclaimer);
            s
        };
        let source = Some(format!(
            "{}; {}",
            rule.law_name(),
            super::data::describe_source(&rule.source).unwrap_or_default()
        ));
        let law = rule.law_name();
        let j = &rule.jurisdiction;
        let mut say =
            |origin: FindingOrigin, message: String, what: &str, suggestion: Option<&str>| {
                out.about(
                    origin,
                    Say {
                        rule: "pay_transparency",
                        severity,
                        message: if upcoming {
                            format!(
                                "{message} (takes effect {})",
                                rule.effective.as_deref().unwrap_or("later")
                            )
                        } else {
                            message
                        },
                        explanation: why(what),
                        source: source.clone(),
                        suggestion: suggestion.map(str::to_string),
                    },
                )
            };
        if rule.requires.pay_range {
            match shape {
                SalaryShape::None => say(
                    field("salary_range"),
                    format!("{j} requires the pay range in the posting: none is given ({law})."),
                    "",
                    Some("set salary_min, salary_max, currency and salary_period"),
                ),
                SalaryShape::OnlyMax | SalaryShape::OnlyMin if rule.requires.min_and_max => {
                    let (have, lack) = if shape == SalaryShape::OnlyMax {
                        ("a maximum", "salary_min")
                    } else {
                        ("a minimum", "salary_max")
                    };
                    say(
                        field(lack),
                        format!(
                            "{j} requires a minimum and a maximum: the salary is an open-ended range with only {have} ({law})."
                        ),
                        "An open-ended range ('up to', 'from', '+') does not comply.",
                        Some(if lack == "salary_min" { "set salary_min" } else { "set salary_max" }),
                    )
                }
                _ => {}
            }
        }
        if rule.requires.benefits && p.benefits.is_none() {
            say(
                field("benefits"),
                format!("{j} requires a description of benefits in the posting ({law})."),
                "",
                Some("fill in benefits"),
            );
        }
    }
}

fn eq(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

fn rule_matches(rule: &super::data::PayRule, loc: &Location) -> bool {
    let country_ok = match (&rule.country, loc.country.as_deref()) {
        (Some(c), Some(lc)) => eq(c, lc),
        (Some(c), None) => c == "US" && loc.region_name().is_some(),
        (None, Some(lc)) => rule.countries.iter().any(|c| eq(c, lc)),
        (None, None) => false,
    };
    if !country_ok {
        return false;
    }
    if let Some(region) = &rule.region {
        let ok = loc.region.as_deref().is_some_and(|r| eq(r, region))
            || loc.region_name().is_some_and(|n| eq(n, region));
        if !ok {
            return false;
        }
    }
    if let Some(city) = &rule.city {
        let Some(lc) = loc.city.as_deref() else {
            return false;
        };
        return eq(lc, city) || rule.city_aliases.iter().any(|a| eq(a, lc));
    }
    true
}

/// An applicant region (`US`, `US-CO`, `CO`, `EU`, `DE`) covers a rule's jurisdiction when it
/// is that country (or the EU for the EU rule), or that region. A city rule is covered by its
/// country or region too: a remote job open to the whole country is open to the city.
fn region_matches(rule: &super::data::PayRule, applicant: &str) -> bool {
    let a = applicant.trim().to_ascii_uppercase();
    let (country, region) = match a.split_once('-') {
        Some((c, r)) => (c.to_string(), Some(r.to_string())),
        None => (a.clone(), None),
    };
    if a == "EU" || a == "EEA" {
        return !rule.countries.is_empty();
    }
    if let Some(rc) = &rule.country {
        if eq(rc, &country) {
            return match (&rule.region, &region) {
                (Some(rr), Some(ar)) => eq(rr, ar),
                _ => true,
            };
        }
        // A bare region code ("CO") for a US or Canadian rule.
        if region.is_none() {
            if let Some(rr) = &rule.region {
                return eq(rr, &a);
            }
        }
        return false;
    }
    rule.countries.iter().any(|c| eq(c, &country))
}

/// An internal section the posting shows: its key, and where its heading is.
pub(crate) struct Flagged {
    pub key: String,
    pub heading: Option<(usize, usize)>,
}

impl Flagged {
    /// Whether a hit at `start..end` from `origin` is in the section: in its heading, its
    /// title or one of its items.
    fn holds(&self, start: usize, end: usize, origin: &FindingOrigin) -> bool {
        let by_origin = match origin {
            FindingOrigin::Item { section, .. } | FindingOrigin::Section { section } => {
                *section == self.key
            }
            _ => false,
        };
        by_origin || self.heading.is_some_and(|(s, e)| s <= start && end <= e)
    }
}

/// Where `text` is an ATX heading (`## text`) in `md`.
fn heading_line(md: &str, text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    for line in md.split_inclusive('\n') {
        let level = line.bytes().take_while(|&b| b == b'#').count();
        let body = &line[level..];
        if (1..=6).contains(&level) && body.starts_with([' ', '\t']) && body.trim() == text {
            let start = at + level + (body.len() - body.trim_start().len());
            return Some((start, start + text.len()));
        }
        at += line.len();
    }
    None
}

/// Sections that are internal (checkpoints, page notes, hiring criteria, ...) in a posting;
/// returns them, so `internal_text` does not report their contents again.
pub(crate) fn internal_sections(input: &CheckInput, out: &mut Out) -> Vec<Flagged> {
    let explicit = input.draft.sections.is_some();
    let mut flagged = Vec::new();
    for section in &input.context.sections {
        if !is_internal_section(&section.key) {
            continue;
        }
        let origin = FindingOrigin::Section {
            section: section.key.clone(),
        };
        let say = Say {
            rule: "internal_section",
            severity: if explicit {
                Severity::Warning
            } else {
                Severity::Error
            },
            message: format!(
                "\"{}\" is an internal section (for levelling or interviewing), not for candidates.",
                section.title
            ),
            explanation: "Ladders keep checkpoints, page notes, internal links, hiring criteria and scorecards for managers; published, they read as a rubric and can expose how candidates are assessed.".into(),
            source: None,
            suggestion: Some(format!("switch off the section \"{}\"", section.key)),
        };
        // Place it on the section's heading when it is in the text.
        let md = out.md();
        let heading = heading_line(md, &section.heading)
            .or_else(|| heading_line(md, &section.title))
            .or_else(|| {
                md.find(&section.heading)
                    .map(|i| (i, i + section.heading.len()))
                    .or_else(|| {
                        md.find(&section.title)
                            .map(|i| (i, i + section.title.len()))
                    })
            });
        match heading {
            Some((s, e)) => out.place(s, e, origin, say),
            None => out.about(origin, say),
        }
        flagged.push(Flagged {
            key: section.key.clone(),
            heading,
        });
    }
    flagged
}

/// (marker, what it is, whether it is a placeholder: unfinished in any document, where the
/// others are expected in an internal one).
const INTERNAL_MARKERS: [(&str, &str, bool); 7] = [
    (
        "(internal link)",
        "a link to an internal page that candidates cannot open",
        false,
    ),
    ("internal links", "a reference to internal pages", false),
    (
        "not for publication",
        "a note saying the text is internal",
        false,
    ),
    ("(edited for this posting)", "an editor's note", false),
    (
        "reference: ",
        "a cross-reference to an internal document",
        false,
    ),
    ("TODO", "a note left for later", true),
    ("TBD", "a placeholder", true),
];

/// Where to change text that came from `origin`: only an item's text is the draft's to edit.
fn how_to_remove(origin: &FindingOrigin) -> String {
    match origin {
        FindingOrigin::Item { .. } => "remove it, or edit the item in the draft".into(),
        FindingOrigin::Field { field } => format!("remove it from the posting field {field}"),
        FindingOrigin::Fact { key, .. } => format!("it is the role's fact {key}: edit the role"),
        FindingOrigin::Section { section } => {
            format!("it is in the section's title: switch off the section \"{section}\"")
        }
        FindingOrigin::Template | FindingOrigin::Posting => {
            "it is the template's own text: edit the template, or choose another one".into()
        }
    }
}

/// Text that reads as internal: "(internal link)", generator and editor notes, outside the
/// sections `internal_sections` flagged. In an internal document only placeholders (`TODO`,
/// `TBD`) are reported, as infos.
pub(crate) fn internal_text(
    _input: &CheckInput,
    audience: Audience,
    flagged: &[Flagged],
    out: &mut Out,
) {
    let md = out.md();
    let lower = md.to_lowercase();
    let mut found = Vec::new();
    for (marker, what, placeholder) in INTERNAL_MARKERS {
        if audience == Audience::Internal && !placeholder {
            continue;
        }
        let case_sensitive = marker.chars().all(|c| c.is_ascii_uppercase());
        let hay = if case_sensitive { md } else { lower.as_str() };
        let needle = if case_sensitive {
            marker.to_string()
        } else {
            marker.to_lowercase()
        };
        for (i, _) in hay.match_indices(&needle) {
            if case_sensitive && !word_bounded(md, i, i + needle.len()) {
                continue;
            }
            found.push((i, i + needle.len(), marker, what));
        }
    }
    for (s, e, marker, what) in found {
        let origin = out.origin(s, e);
        // The section is reported already: switching it off removes this too.
        if flagged.iter().any(|f| f.holds(s, e, &origin)) {
            continue;
        }
        let suggestion = how_to_remove(&origin);
        out.place(
            s,
            e,
            origin,
            Say {
                rule: "internal_text",
                severity: match audience {
                    Audience::Candidates => Severity::Error,
                    Audience::Internal => Severity::Info,
                },
                message: format!("\"{}\" is internal text: {what}.", marker.trim()),
                explanation: match audience {
                    Audience::Candidates => "Text meant for colleagues makes a posting look unfinished and can point candidates at pages they cannot open.".into(),
                    Audience::Internal => "A placeholder left in an internal document: colleagues will read it as unfinished.".into(),
                },
                source: None,
                suggestion: Some(suggestion),
            },
        );
    }
}

fn word_bounded(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

const ROLE_WORDS: [&str; 14] = [
    "Chief",
    "Officer",
    "Engineer",
    "Director",
    "Manager",
    "Head",
    "VP",
    "President",
    "Lead",
    "Architect",
    "Designer",
    "Analyst",
    "Owner",
    "Scientist",
];

/// Text naming another role than the one posted ("The Chief Engineer sets technical strategy"
/// on a VP of Product posting), as the importer warns (name mismatch).
pub(crate) fn other_role(input: &CheckInput, out: &mut Out) {
    let title = input.role.title.to_lowercase();
    let md = out.md();
    let mut hits = Vec::new();
    for (i, _) in md.match_indices("The ") {
        if !word_bounded(md, i, i + 3) {
            continue;
        }
        let rest = &md[i + 4..];
        let mut end = 0;
        let mut words = Vec::new();
        for w in rest.split(' ') {
            let w = w.trim_end_matches([',', '.', ':', ';']);
            if w.chars().next().is_some_and(char::is_uppercase) || w == "of" {
                words.push(w);
                end += w.len() + 1;
            } else {
                break;
            }
        }
        while words.last() == Some(&"of") {
            words.pop();
        }
        if words.is_empty() || !words.iter().any(|w| ROLE_WORDS.contains(w)) {
            continue;
        }
        let name = words.join(" ");
        if title.contains(&name.to_lowercase()) {
            continue;
        }
        let len = name.len();
        let _ = end;
        hits.push((i, i + 4 + len, name));
    }
    for (s, e, name) in hits {
        out.at(
            s,
            e,
            Say {
                rule: "other_role",
                severity: Severity::Warning,
                message: format!(
                    "The text names \"{name}\", but the posting is for \"{}\".",
                    input.role.title
                ),
                explanation: "The importer warned about this (name mismatch): the item was written for another role, and candidates will wonder which job this is.".into(),
                source: Some("Rolecraft importer warning name_mismatch".into()),
                suggestion: Some(format!("edit the item to describe the {}", input.role.title)),
            },
        );
    }
}

/// Words in `md` with their byte offsets, split on what is not a letter, digit, `'` or `-`.
pub(crate) fn words(md: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in md.char_indices() {
        let part = c.is_alphanumeric() || c == '\'' || c == '-' || c == '’';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &md[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &md[s..]));
    }
    out.into_iter()
        .map(|(s, w)| {
            let t = w.trim_start_matches(['-', '\'', '’']);
            let s = s + (w.len() - t.len());
            (s, t.trim_end_matches(['-', '\'', '’']))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect()
}

/// Gender Decoder's `assess_coding` on occurrence counts (its `find_and_count_coded_words`
/// counts every occurrence): the feminine count minus the masculine count.
pub(crate) fn verdict(masculine: usize, feminine: usize) -> &'static str {
    let score = feminine as i64 - masculine as i64;
    match score {
        0 => "neutral",
        s if s > 3 => "strongly feminine-coded",
        s if s > 0 => "feminine-coded",
        s if s < -3 => "strongly masculine-coded",
        _ => "masculine-coded",
    }
}

/// Gender-coded words (stems at word starts; hyphenated words split unless a stem has the
/// hyphen; listed false positives skipped) and the balance: the de-duplicated lists a reader
/// sees, and how often each kind occurs, which is what the verdict weighs.
pub(crate) fn gender(
    checker: &Checker,
    _input: &CheckInput,
    out: &mut Out,
    report_words: bool,
) -> Balance {
    let st = &checker.stems;
    let md = out.md();
    let lower = md.to_lowercase().replace('-', " ");
    // Spans covered by a false-positive phrase.
    let mut masked: Vec<(usize, usize)> = Vec::new();
    for phrase in &st.false_phrases {
        for (i, _) in lower.match_indices(phrase.as_str()) {
            if word_bounded(&lower, i, i + phrase.len()) {
                masked.push((i, i + phrase.len()));
            }
        }
    }
    let mut balance = Balance::default();
    let mut hits = Vec::new();
    for (start, word) in words(md) {
        let lw = word.to_lowercase();
        let mut candidates: Vec<(usize, String)> = vec![(start, lw.clone())];
        if lw.contains('-') {
            let hyphen_stem = st
                .masculine
                .iter()
                .chain(&st.feminine)
                .any(|s| s.contains('-') && lw.starts_with(s.as_str()));
            if !hyphen_stem {
                candidates.clear();
                let parts: Vec<&str> = lw.split('-').collect();
                let mut off = start;
                for (i, part) in parts.iter().enumerate() {
                    // "data-driven": a method, not a person; "self-driven" stays coded.
                    let tail = i > 0
                        && st.compound_tails.iter().any(|t| t == part)
                        && !st.tails_coded_after.iter().any(|h| h == parts[i - 1]);
                    if !tail {
                        candidates.push((off, part.to_string()));
                    }
                    off += part.len() + 1;
                }
            }
        }
        for (s, w) in candidates {
            if w.is_empty() || st.false_words.contains(&w) {
                continue;
            }
            let e = s + w.len();
            if masked.iter().any(|(ms, me)| *ms <= s && e <= *me) {
                continue;
            }
            let coding = if st.masculine.iter().any(|m| w.starts_with(m.as_str())) {
                "masculine"
            } else if st.feminine.iter().any(|f| w.starts_with(f.as_str())) {
                "feminine"
            } else {
                continue;
            };
            let list = if coding == "masculine" {
                &mut balance.masculine
            } else {
                &mut balance.feminine
            };
            if !list.contains(&w) {
                list.push(w.clone());
            }
            hits.push((s, e, w, coding));
        }
    }
    // Every occurrence counts, as in Gender Decoder; the lists show each word once.
    balance.masculine_uses = hits.iter().filter(|h| h.3 == "masculine").count();
    balance.feminine_uses = hits.len() - balance.masculine_uses;
    balance.verdict = verdict(balance.masculine_uses, balance.feminine_uses).to_string();
    if report_words {
        for (s, e, w, coding) in hits {
            out.at(
                s,
                e,
                Say {
                    rule: "gender_coded",
                    severity: Severity::Info,
                    message: format!("\"{w}\" is {coding}-coded."),
                    explanation: format!(
                        "Job ads with more {coding}-coded words were found less appealing to {} applicants, who anticipated they would belong less (Gaucher, Friesen & Kay 2011). One word is no problem; the balance of the whole posting is what matters.",
                        if coding == "masculine" { "women" } else { "men" }
                    ),
                    source: Some(st.source.clone()),
                    suggestion: None,
                },
            );
        }
    }
    balance
}

pub(crate) fn gender_balance(balance: &Balance, out: &mut Out) {
    if !balance.verdict.starts_with("strongly") {
        return;
    }
    out.about(
        FindingOrigin::Posting,
        Say {
            rule: "gender_balance",
            severity: Severity::Warning,
            message: format!(
                "The posting is {} ({} masculine-coded, {} feminine-coded words, counting every occurrence).",
                balance.verdict, balance.masculine_uses, balance.feminine_uses
            ),
            explanation: "Gaucher, Friesen & Kay (2011) found that strongly gendered wording lowers the appeal of a job to the other gender. The verdict weighs every occurrence of a coded word, as Gender Decoder does: more than 3 more of one kind than the other is strongly coded. Balance the posting by rewording some coded words.".into(),
            source: Some("Gaucher, Friesen & Kay (2011), doi:10.1037/a0022530; verdicts as Gender Decoder (Kat Matfield)".into()),
            suggestion: None,
        },
    );
}

/// Listed terms (exclusionary, cliché, age-coded).
pub(crate) fn terms(
    terms: &[Term],
    rule: &'static str,
    source: &str,
    _input: &CheckInput,
    out: &mut Out,
) {
    let md = out.md();
    let lower = md.to_lowercase().replace('-', " ");
    let mut hits = Vec::new();
    for t in terms {
        for m in t.regex.find_iter(md) {
            let inside_exception = t.entry.exceptions.iter().any(|ex| {
                let ex = ex.to_lowercase().replace('-', " ");
                lower
                    .match_indices(&ex)
                    .any(|(i, _)| i <= m.start() && m.end() <= i + ex.len())
            });
            if !inside_exception {
                hits.push((m.start(), m.end(), t));
            }
        }
    }
    for (s, e, t) in hits {
        let found = &md[s..e];
        let what = t
            .entry
            .category
            .as_deref()
            .unwrap_or(rule)
            .replace('_', " ");
        out.at(
            s,
            e,
            Say {
                rule,
                severity: t.entry.severity.unwrap_or(Severity::Warning),
                message: format!("\"{found}\" ({what})."),
                explanation: t
                    .entry
                    .message
                    .clone()
                    .unwrap_or_else(|| "This wording puts some applicants off.".into()),
                source: Some(source.to_string()),
                suggestion: t.entry.suggestion.clone(),
            },
        );
    }
}

/// Years-of-experience demands above the threshold ("15+ years", and a labelled figure such as
/// "Years of experience: 20+"), and age-coded terms.
pub(crate) fn age(checker: &Checker, input: &CheckInput, out: &mut Out) {
    terms(&checker.age, "age_coded", &checker.age_source, input, out);
    let md = out.md();
    let number = |m: Option<regex::Match>| m.and_then(|m| m.as_str().parse::<u32>().ok());
    let above =
        |low: u32, high: u32| low > checker.years_threshold || high > checker.years_threshold;
    // (start, end, the lower figure, the label it follows)
    let mut hits: Vec<(usize, usize, u32, Option<&str>)> = Vec::new();
    for c in checker.years.captures_iter(md) {
        let low = number(c.get(1)).unwrap_or(0);
        let high = number(c.get(2)).unwrap_or(low);
        if let (true, Some(m)) = (above(low, high), c.get(0)) {
            hits.push((m.start(), m.end(), low, None));
        }
    }
    for c in checker.years_label.captures_iter(md) {
        let (Some(all), Some(first)) = (c.get(0), c.get(1)) else {
            continue;
        };
        let low = number(Some(first)).unwrap_or(0);
        let high = number(c.get(2)).unwrap_or(low);
        let (s, e) = (first.start(), all.end());
        // "Years of experience: 15+ years" is one demand.
        let seen = hits.iter().any(|(hs, he, ..)| *hs < e && s < *he);
        if above(low, high) && !seen {
            hits.push((s, e, low, Some("Years of experience")));
        }
    }
    hits.sort_by_key(|h| h.0);
    for (s, e, n, label) in hits {
        let figure = &md[s..e];
        let found = match label {
            Some(label) => format!("{label}: {figure}"),
            None => figure.to_string(),
        };
        let say = Say {
            rule: "age_coded",
            severity: Severity::Warning,
            message: format!(
                "\"{found}\" asks for more than {} years of experience: an age-coded demand.",
                checker.years_threshold
            ),
            explanation: format!(
                "Asking for {n}+ years excludes younger applicants who have the skills, and is a known age-discrimination risk (UK Equality Act 2010; EU Directive 2000/78/EC; the US EEOC treats such limits as evidence under the ADEA). Describe the experience, not its length."
            ),
            source: Some(checker.age_source.clone()),
            suggestion: Some("describe the experience itself, e.g. \"experience leading several engineering teams through growth\"".into()),
        };
        // A labelled figure that is the role's fact points at the fact.
        let fact = label.and_then(|_| {
            let (key, value) = input
                .role
                .facts
                .iter()
                .find(|(k, _)| k.as_str() == "years_of_experience")?;
            (value.trim() == figure.trim()).then(|| {
                let source = input.role.fact_sources.get(key);
                FindingOrigin::Fact {
                    key: key.clone(),
                    file: source.map(|s| s.file.clone()),
                    line: source.map(|s| s.line),
                }
            })
        });
        match fact {
            Some(origin) => out.place(s, e, origin, say),
            None => out.at(s, e, say),
        }
    }
}

/// Words and Flesch reading ease of the posting as a reader sees it.
/// Words and reading ease; the length is judged only for a posting (`posting`).
pub(crate) fn length_and_readability(
    checker: &Checker,
    input: &CheckInput,
    posting: bool,
    out: &mut Out,
) -> (usize, f64) {
    let plain = plain_text(input.markdown);
    let words: Vec<&str> = plain
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let n = words.len();
    let sentences = plain
        .split(['.', '!', '?', '\n'])
        .filter(|s| {
            s.split_whitespace()
                .any(|w| w.chars().any(char::is_alphabetic))
        })
        .count()
        .max(1);
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let ease = if n == 0 {
        0.0
    } else {
        206.835 - 1.015 * (n as f64 / sentences as f64) - 84.6 * (syllables as f64 / n as f64)
    };
    let ease = (ease * 10.0).round() / 10.0;
    let cfg = &checker.config;
    let data = &checker.readability;
    let min = cfg.min_words.or(data.length.min_words).unwrap_or(300);
    let max = cfg.max_words.or(data.length.max_words).unwrap_or(700);
    let warn_below = cfg
        .min_reading_ease
        .or(data.flesch.warn_below)
        .unwrap_or(30.0);
    let info_below = data.flesch.info_below.unwrap_or(50.0).max(warn_below);
    if posting && checker.enabled("length") && (n < min || n > max) {
        out.about(
            FindingOrigin::Posting,
            Say {
                rule: "length",
                severity: Severity::Warning,
                message: format!(
                    "The posting has {n} words; postings of {min}–{max} words get the most applications."
                ),
                explanation: if n > max {
                    "Long postings are skimmed and abandoned, most of all on phones. Switch off sections or items a candidate does not need before applying.".into()
                } else {
                    "Very short postings leave candidates guessing what the job is.".into()
                },
                source: super::data::describe_source(&data.length.source)
                    .or_else(|| Some("Textio, How to write your best job post ever (300–700 words)".into())),
                suggestion: None,
            },
        );
    }
    if checker.enabled("readability") && n > 0 && ease < info_below {
        let hard = ease < warn_below;
        out.about(
            FindingOrigin::Posting,
            Say {
                rule: "readability",
                severity: if hard { Severity::Warning } else { Severity::Info },
                message: format!(
                    "Flesch reading ease is {ease:.1} (below {}): {}.",
                    if hard { warn_below } else { info_below },
                    if hard { "very difficult to read" } else { "difficult to read" }
                ),
                explanation: "Long sentences and long words make a posting hard to read; 60–70 is plain English. Split sentences and prefer short words.".into(),
                source: super::data::describe_source(&data.flesch.source).or_else(|| {
                    Some("Flesch, R. (1948), A new readability yardstick, Journal of Applied Psychology 32(3)".into())
                }),
                suggestion: None,
            },
        );
    }
    (n, ease)
}

/// The text a reader sees: Markdown syntax left out.
pub(crate) fn plain_text(md: &str) -> String {
    use pulldown_cmark::{Event, Tag, TagEnd};
    let mut out = String::with_capacity(md.len());
    for ev in crate::markdown::new_parser(md) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell,
            ) => out.push('\n'),
            Event::Start(Tag::Item) => {}
            _ => {}
        }
    }
    out
}

/// Syllables of an English word, by vowel groups (Flesch's own counting is by dictionary;
/// this is the usual approximation).
fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if w.is_empty() {
        return 1;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            count += 1;
        }
        prev = v;
    }
    if w.len() > 2 && w.ends_with(&['e']) && !w.ends_with(&['l', 'e']) && count > 1 {
        count -= 1;
    }
    count.max(1)
}
