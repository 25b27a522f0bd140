//! Plain Markdown (front matter optional): headings become sections, lists and paragraphs
//! become items; the first `#` heading (or the front matter title) is the role's title.

use crate::model::Format;

use super::blocks::{markdown_blocks, Block};
use super::builder::{item, RoleBuilder};
use super::sections::{canonical, section_key, unmapped_heading, Target};
use super::text::front_matter;
use super::{Document, ImportError, Imported};

pub fn detect(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("# ") || l.starts_with("## "))
}

pub fn parse(doc: &Document) -> Result<Imported, ImportError> {
    let file = doc.name.as_str();
    let front = front_matter(&doc.text);
    let body = &doc.text[front.body_start..];
    let first_line = doc.text[..front.body_start].matches('\n').count() as u32 + 1;
    let blocks = markdown_blocks(body, first_line);
    let title_fm = front.get("title").map(str::to_string);
    let title = title_fm
        .or_else(|| {
            blocks.iter().find_map(|b| match b {
                Block::Heading { level: 1, text, .. } => Some(text.clone()),
                _ => None,
            })
        })
        .ok_or_else(|| ImportError::Invalid {
            file: file.into(),
            line: 1,
            message: "Markdown role without a title (`# Title` or front matter `title:`)".into(),
        })?;
    let mut role = RoleBuilder::new(&title, doc, Format::Markdown, true);
    let mut warnings = Vec::new();
    let mut section: (String, String) = ("summary".into(), "Summary".into());
    let mut group: Option<String> = None;
    let mut section_level: Option<u8> = None;
    for block in blocks {
        match block {
            Block::Heading { level: 1, .. } | Block::Rule { .. } => {}
            Block::Heading { level, text, line } => {
                if section_level.is_none_or(|l| level <= l) {
                    section_level = Some(level);
                    if !matches!(canonical(&text), Some(Target::Section(_))) {
                        warnings.push(unmapped_heading(file, line, &text));
                    }
                    section = (section_key(&text), text);
                    group = None;
                    role.section(&section.0, &section.1);
                } else {
                    group = Some(text);
                }
            }
            Block::TableHeader(it) => {
                role.section(&section.0, &section.1)
                    .table_headers
                    .push(item(
                        it.text.clone(),
                        group.as_deref(),
                        file,
                        it.line,
                        it.links,
                    ));
            }
            Block::Item(it) => {
                role.push(
                    &section.0,
                    &section.1,
                    item(it.text.clone(), group.as_deref(), file, it.line, it.links),
                );
            }
        }
    }
    Ok(Imported {
        roles: vec![role.build()],
        warnings,
    })
}
