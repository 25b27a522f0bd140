//! SFIA-based Markdown level pages: `# Title`, `**Level N** | **Career Path:** X`, a role
//! overview, then one `### Name (CODE)` per required SFIA skill with its category,
//! description, guidance notes and level attainment. The generic "Framework Overview" is
//! about the framework, not the role: it goes to `context`, never into `sections`.

use crate::model::{Format, Item, Link, Skill, SourceRef, Warning, WarningKind};

use super::blocks::{markdown_blocks, Block, BlockItem};
use super::builder::{item, RoleBuilder};
use super::sections::{canonical, section_key, unmapped_heading, Target};
use super::text::one_line;
use super::{Document, ImportError, Imported};

pub fn detect(text: &str) -> bool {
    text.lines().any(|l| level_line(l).is_some())
        && (text.contains("SFIA") || text.contains("Attainment"))
}

/// `**Level 7** | **Career Path:** Product` → (7, Some("Product")).
fn level_line(line: &str) -> Option<(u32, Option<String>)> {
    let plain = line.replace("**", "");
    let rest = plain.trim().strip_prefix("Level ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let level = digits.parse().ok()?;
    let track = plain
        .split_once("Career Path:")
        .map(|(_, t)| t.trim().to_string())
        .filter(|t| !t.is_empty());
    Some((level, track))
}

/// `Product management (PROD)` → ("Product management", "PROD").
fn skill_heading(heading: &str) -> Option<(String, String)> {
    let h = heading.trim();
    let open = h.rfind('(')?;
    let code = h[open + 1..].strip_suffix(')')?.trim();
    let is_code = (2..=6).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    is_code.then(|| (h[..open].trim().to_string(), code.to_string()))
}

/// Which part of a skill the following paragraphs belong to.
#[derive(Clone, Copy, PartialEq)]
enum SkillPart {
    Description,
    Guidance,
    Attainment,
    Other,
}

#[derive(Clone, PartialEq)]
enum Place {
    /// Before any `##` heading: the title area.
    Top,
    /// A `##` section of the role.
    RoleSection {
        key: String,
        heading: String,
        group: Option<String>,
    },
    /// Framework text: kept in `context`.
    Context {
        key: String,
        heading: String,
        group: Option<String>,
    },
    /// Inside a skill.
    Skill,
    /// Site navigation: dropped with a warning.
    Navigation,
}

pub fn parse(doc: &Document) -> Result<Imported, ImportError> {
    let file = doc.name.as_str();
    let blocks = markdown_blocks(&doc.text, 1);
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Heading { level: 1, text, .. } => Some(text.clone()),
            _ => None,
        })
        .ok_or_else(|| ImportError::Invalid {
            file: file.into(),
            line: 1,
            message: "SFIA page without a `# Title` heading".into(),
        })?;
    let mut role = RoleBuilder::new(&title, doc, Format::SfiaPage, true);
    let mut warnings = Vec::new();
    let mut place = Place::Top;
    let mut skill_part = SkillPart::Other;
    let mut skills: Vec<Skill> = Vec::new();
    let mut navigation: Vec<String> = Vec::new();
    let mut navigation_line = None;
    let mut in_skills_section = false;

    for block in blocks {
        match block {
            Block::Heading { level: 1, .. } | Block::Rule { .. } => {}
            Block::Heading {
                level: 2,
                text,
                line,
            } => {
                in_skills_section = false;
                let norm = super::sections::normalise_heading(&text);
                place = if norm.contains("framework") {
                    Place::Context {
                        key: section_key(&text),
                        heading: text,
                        group: None,
                    }
                } else if norm == "navigation" || norm.ends_with(" navigation") {
                    navigation_line.get_or_insert(line);
                    Place::Navigation
                } else if norm.contains("sfia skills")
                    || norm == "skills"
                    || norm == "required skills"
                {
                    in_skills_section = true;
                    Place::Context {
                        key: section_key(&text),
                        heading: text,
                        group: None,
                    }
                } else {
                    if !matches!(canonical(&text), Some(Target::Section(_))) {
                        warnings.push(unmapped_heading(file, line, &text));
                    }
                    Place::RoleSection {
                        key: section_key(&text),
                        heading: text,
                        group: None,
                    }
                };
            }
            Block::Heading { text, line, .. } => {
                if let (true, Some((name, code))) = (in_skills_section, skill_heading(&text)) {
                    skills.push(Skill {
                        code,
                        name,
                        level: None,
                        category: None,
                        subcategory: None,
                        attainment: Vec::new(),
                        description: Vec::new(),
                        reference: None,
                        source: SourceRef {
                            file: file.into(),
                            line,
                        },
                    });
                    place = Place::Skill;
                    skill_part = SkillPart::Other;
                } else {
                    match &mut place {
                        Place::RoleSection { group, .. } | Place::Context { group, .. } => {
                            *group = Some(text)
                        }
                        Place::Navigation => navigation.push(text),
                        _ => {
                            place = Place::RoleSection {
                                key: section_key(&text),
                                heading: text,
                                group: None,
                            };
                        }
                    }
                }
            }
            Block::Item(it) | Block::TableHeader(it) => match &place {
                Place::Top => {
                    if let Some((level, track)) = level_line(&it.text) {
                        role.role_mut().level = Some(level);
                        role.role_mut().track = track;
                    } else {
                        for (text, line) in split_lines(&it) {
                            role.push(
                                "summary",
                                "Summary",
                                item(text, None, file, line, it.links.clone()),
                            );
                        }
                    }
                }
                Place::RoleSection {
                    key,
                    heading,
                    group,
                } => {
                    for (text, line) in split_lines(&it) {
                        role.push(
                            key,
                            heading,
                            item(text, group.as_deref(), file, line, it.links.clone()),
                        );
                    }
                }
                Place::Context {
                    key,
                    heading,
                    group,
                } => {
                    let section = role.context_section(key, heading);
                    for (text, line) in split_lines(&it) {
                        section.items.push(item(
                            text,
                            group.as_deref(),
                            file,
                            line,
                            it.links.clone(),
                        ));
                    }
                }
                Place::Navigation => {
                    navigation.push(one_line(&it.text));
                }
                Place::Skill => {
                    // `Place::Skill` follows a skill heading, so there is a last skill.
                    if let Some(skill) = skills.last_mut() {
                        skill_block(skill, &mut skill_part, &it, file);
                    }
                }
            },
        }
    }
    for skill in &mut skills {
        skill.level = skill.level.or(role.role_mut().level);
    }
    role.role_mut().skills = skills;
    if !navigation.is_empty() {
        warnings.push(Warning {
            kind: WarningKind::NavigationDropped,
            file: file.into(),
            line: navigation_line,
            message: "site navigation dropped (links to other pages, not role content)".into(),
            dropped: navigation,
        });
    }
    let role = role.build();
    if let Some(w) = name_mismatch(
        &role.title,
        role.section("summary")
            .map(|s| s.items.as_slice())
            .unwrap_or(&[]),
        file,
    ) {
        warnings.push(w);
    }
    Ok(Imported {
        roles: vec![role],
        warnings,
    })
}

/// A paragraph is one item; its soft line breaks stay in the text as `\n` (SFIA pages write
/// one activity or attainment statement per line inside a paragraph).
fn split_lines(it: &BlockItem) -> Vec<(String, u32)> {
    vec![(it.text.clone(), it.line)]
}

fn skill_block(skill: &mut Skill, part: &mut SkillPart, it: &BlockItem, file: &str) {
    let text = one_line(&it.text);
    // `**Label:** value` lines set the part or a field.
    if let Some((label, value)) = text.split_once(':') {
        let label_norm = label.trim().to_lowercase();
        let value = value.trim();
        match label_norm.as_str() {
            "sfia reference" => {
                skill.reference = it.links.first().cloned().or_else(|| {
                    Some(Link {
                        text: value.into(),
                        url: String::new(),
                    })
                });
                return;
            }
            "category" => {
                let (category, sub) = match value.split_once('|') {
                    Some((c, s)) => (
                        c.trim(),
                        s.split_once(':').map(|(_, v)| v.trim().to_string()),
                    ),
                    None => (value, None),
                };
                skill.category = Some(category.to_string());
                skill.subcategory = sub;
                return;
            }
            "overall description" if value.is_empty() => {
                *part = SkillPart::Description;
                return;
            }
            "guidance notes" if value.is_empty() => {
                *part = SkillPart::Guidance;
                return;
            }
            l if l.ends_with("attainment") && value.is_empty() => {
                *part = SkillPart::Attainment;
                if let Some((level, _)) = level_line(l.trim_end_matches("attainment").trim()) {
                    skill.level = Some(level);
                } else if let Some(n) = l.split_whitespace().nth(1).and_then(|n| n.parse().ok()) {
                    skill.level = Some(n);
                }
                return;
            }
            _ => {}
        }
    }
    let group = match part {
        SkillPart::Description => Some("Overall description"),
        SkillPart::Guidance => Some("Guidance notes"),
        SkillPart::Attainment | SkillPart::Other => None,
    };
    for (text, line) in split_lines(it) {
        let entry: Item = item(text, group, file, line, it.links.clone());
        match part {
            SkillPart::Attainment => skill.attainment.push(entry),
            _ => skill.description.push(entry),
        }
    }
}

/// A role overview that names a different role than the page title ("The Chief Engineer
/// sets technical strategy…" on a VP of Product page) is worth telling the user.
fn name_mismatch(title: &str, summary: &[Item], file: &str) -> Option<Warning> {
    for it in summary {
        let words: Vec<&str> = it.text.split_whitespace().collect();
        let Some(start) = words.iter().position(|w| *w == "The") else {
            continue;
        };
        let named: Vec<&str> = words[start + 1..]
            .iter()
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .copied()
            .collect();
        if named.is_empty() {
            continue;
        }
        let name = named.join(" ");
        if !title.to_lowercase().contains(&name.to_lowercase()) {
            return Some(Warning {
                kind: WarningKind::NameMismatch,
                file: file.into(),
                line: Some(it.source.line),
                message: format!(
                    "the role overview describes \"{name}\", but the page is \"{title}\""
                ),
                dropped: Vec::new(),
            });
        }
    }
    None
}
