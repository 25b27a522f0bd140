//! Assembles a `Role` item by item, keeping sections in first-seen order.

use crate::model::{Format, Item, Link, Role, Section, SourceRef};

use super::sections::display_title;
use super::Document;

pub struct RoleBuilder {
    role: Role,
}

impl RoleBuilder {
    pub fn new(title: &str, doc: &Document, format: Format, own_page: bool) -> Self {
        let title = title.trim().to_string();
        RoleBuilder {
            role: Role {
                id: crate::model::slug(&title),
                title,
                track: None,
                level: None,
                facts: Default::default(),
                fact_sources: Default::default(),
                sections: Vec::new(),
                skills: Vec::new(),
                context: Vec::new(),
                sources: vec![doc.source_doc(format, own_page)],
            },
        }
    }

    pub fn role_mut(&mut self) -> &mut Role {
        &mut self.role
    }

    pub fn id(&self) -> &str {
        &self.role.id
    }

    /// The section with this key, created (with this heading as its title) when missing.
    pub fn section(&mut self, key: &str, heading: &str) -> &mut Section {
        section_in(&mut self.role.sections, key, heading)
    }

    pub fn push(&mut self, key: &str, heading: &str, item: Item) {
        self.section(key, heading).items.push(item);
    }

    pub fn set_fact(&mut self, key: &str, value: String, source: SourceRef) {
        self.role.facts.insert(key.to_string(), value);
        self.role.fact_sources.insert(key.to_string(), source);
    }

    pub fn build(self) -> Role {
        self.role
    }
}

/// Finds or appends a section in a list of sections.
pub fn section_in<'a>(sections: &'a mut Vec<Section>, key: &str, heading: &str) -> &'a mut Section {
    let index = match sections.iter().position(|s| s.key == key) {
        Some(i) => i,
        None => {
            sections.push(Section {
                key: key.to_string(),
                title: display_title(heading),
                items: Vec::new(),
                table_headers: Vec::new(),
            });
            sections.len() - 1
        }
    };
    &mut sections[index]
}

pub fn item(
    text: impl Into<String>,
    group: Option<&str>,
    file: &str,
    line: u32,
    links: Vec<Link>,
) -> Item {
    Item {
        text: text.into(),
        group: group.map(str::to_string),
        source: SourceRef {
            file: file.to_string(),
            line,
        },
        links,
    }
}
