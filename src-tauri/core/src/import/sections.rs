//! Heading → canonical section key, through one table of synonyms shared by every importer.

use crate::model::{snake_key, Warning, WarningKind};

/// Where a heading's content goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A canonical section.
    Section(&'static str),
    /// A short scalar fact (`years_of_experience`, `scope`).
    Fact(&'static str),
}

/// (canonical key, normalised headings that mean it). Headings are compared after
/// `normalise_heading`: lower case, numbering and parentheses removed, punctuation to spaces.
const SECTION_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "summary",
        &[
            "role description",
            "role summary",
            "role overview",
            "summary",
            "overview",
            "about the role",
            "description",
            "role purpose",
        ],
    ),
    ("mission", &["role mission", "mission"]),
    (
        "scope_of_knowledge",
        &["scope of knowledge", "breadth and depth", "knowledge"],
    ),
    (
        "responsibilities",
        &[
            "responsibilities",
            "core responsibilities",
            "key responsibilities",
            "main responsibilities",
            "what you will do",
            "duties",
        ],
    ),
    (
        "communication_and_leadership",
        &[
            "communication and leadership",
            "leadership and communication",
            "communication",
            "leadership",
        ],
    ),
    (
        "competencies",
        &[
            "competencies focus",
            "competencies",
            "core competencies",
            "competency focus",
        ],
    ),
    (
        "checkpoints",
        &[
            "checkpoints for reaching this level",
            "checkpoints",
            "promotion checkpoints",
            "checkpoints for this level",
        ],
    ),
    ("deliverables", &["key deliverables", "deliverables"]),
    (
        "kpis",
        &[
            "kpis and productivity metrics",
            "kpis",
            "key performance indicators",
            "success metrics",
            "metrics",
        ],
    ),
    (
        "qualifications",
        &[
            "required experience and qualifications",
            "qualifications",
            "requirements",
            "experience and qualifications",
            "what you bring",
        ],
    ),
    (
        "career_path",
        &[
            "career path and progression",
            "career path",
            "career progression",
            "progression",
        ],
    ),
    (
        "job_description_links",
        &[
            "job description internal links",
            "job description",
            "job descriptions",
        ],
    ),
    (
        "day_to_day",
        &["day to day activities", "day to day", "typical day"],
    ),
    (
        "goals",
        &["goals objectives and milestones", "goals", "objectives"],
    ),
    (
        "technical_skills",
        &["technical skills required", "technical skills"],
    ),
    (
        "soft_skills",
        &[
            "soft skills and behavioral capabilities",
            "soft skills",
            "behavioral capabilities",
            "behaviours",
            "behaviors",
        ],
    ),
    ("tools", &["tools platforms and software", "tools"]),
    (
        "tech_stack",
        &["typical tech stack environment", "tech stack"],
    ),
    (
        "stakeholders",
        &["stakeholders and collaboration map", "stakeholders"],
    ),
    (
        "decision_rights",
        &["decision rights and scope of authority", "decision rights"],
    ),
    ("risks", &["risks challenges and failure modes", "risks"]),
    ("role_variants", &["role variants", "variants"]),
    (
        "ai_impact",
        &["ai automation impact on the role", "ai impact"],
    ),
    (
        "hiring_criteria",
        &["hiring evaluation criteria", "interview criteria"],
    ),
    (
        "scorecard",
        &[
            "final role scorecard summary",
            "role scorecard",
            "scorecard",
        ],
    ),
    ("benefits", &["benefits", "perks"]),
];

const FACT_SYNONYMS: &[(&str, &[&str])] = &[
    (
        "years_of_experience",
        &[
            "years of experience guideline",
            "years of experience",
            "years of xp guideline",
            "years of xp",
            "years of exp",
            "experience years",
            "yoe",
        ],
    ),
    ("scope", &["scope of action", "scope of impact", "scope"]),
];

/// Lower case; leading numbering (`3)`, `3.`, `III.`) and parenthesised asides removed;
/// punctuation folded to single spaces.
pub fn normalise_heading(heading: &str) -> String {
    let h = strip_numbering(heading.trim());
    let mut out = String::new();
    let mut depth = 0usize;
    for ch in h.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {
                if !out.ends_with(' ') {
                    out.push(' ')
                }
            }
        }
    }
    let folded = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.is_empty() {
        // A heading that is all parenthesis still needs a key.
        heading
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    } else {
        folded
    }
}

/// The canonical place for a heading, or None when it has no canonical meaning.
pub fn canonical(heading: &str) -> Option<Target> {
    let norm = normalise_heading(heading);
    let hit = |table: &[(&'static str, &[&str])]| {
        table
            .iter()
            .find(|(_, names)| names.contains(&norm.as_str()))
            .map(|(k, _)| *k)
    };
    if let Some(k) = hit(FACT_SYNONYMS) {
        return Some(Target::Fact(k));
    }
    hit(SECTION_SYNONYMS).map(Target::Section)
}

/// Canonical key, or a snake_case slug of the heading (never empty).
pub fn section_key(heading: &str) -> String {
    match canonical(heading) {
        Some(Target::Section(k)) | Some(Target::Fact(k)) => k.to_string(),
        None => {
            let key = snake_key(&normalise_heading(heading));
            if key.is_empty() {
                "section".to_string()
            } else {
                key
            }
        }
    }
}

/// The heading without its leading numbering ("3) Core Responsibilities" → "Core Responsibilities").
pub fn display_title(heading: &str) -> String {
    strip_numbering(heading.trim()).trim().to_string()
}

/// Leading `3)` or `3.` numbering removed (the rest untrimmed).
fn strip_numbering(heading: &str) -> &str {
    let digits = heading.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let rest = &heading[digits..];
        if let Some(stripped) = rest.strip_prefix(')').or_else(|| rest.strip_prefix('.')) {
            return stripped;
        }
    }
    heading
}

/// The warning for a heading that maps to no canonical key (its slug is kept).
pub fn unmapped_heading(file: &str, line: u32, heading: &str) -> Warning {
    Warning {
        kind: WarningKind::UnmappedHeading,
        file: file.into(),
        line: Some(line),
        message: format!(
            "heading \"{heading}\" has no canonical section; kept as \"{}\"",
            section_key(heading)
        ),
        dropped: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_map_to_canonical_keys() {
        assert_eq!(
            section_key("Scope of knowledge (Breadth and Depth)"),
            "scope_of_knowledge"
        );
        assert_eq!(
            section_key("Checkpoints for reaching this level"),
            "checkpoints"
        );
        assert_eq!(section_key("3) Core Responsibilities"), "responsibilities");
        assert_eq!(section_key("Competencies focus"), "competencies");
        assert_eq!(
            canonical("Years of xp (guideline)"),
            Some(Target::Fact("years_of_experience"))
        );
        assert_eq!(canonical("Scope of action"), Some(Target::Fact("scope")));
    }

    #[test]
    fn unknown_headings_keep_a_slug_of_their_own() {
        assert_eq!(
            canonical("Typical Tech Stack / Environment"),
            Some(Target::Section("tech_stack"))
        );
        assert_eq!(section_key("Fun facts about us"), "fun_facts_about_us");
        assert_eq!(
            display_title("12) Stakeholders and Collaboration Map"),
            "Stakeholders and Collaboration Map"
        );
    }
}
