//! Assembles a `Role` item by item, keeping sections in first-seen order.

use std::collections::HashMap;

use crate::model::{Format, Item, Link, Role, Section, SourceRef};

use super::sections::display_title;
use super::Document;

pub struct RoleBuilder {
    role: Role,
    /// Section key → index in `role.sections` / `role.context`, so that finding an item's
    /// section costs the same however many sections a document has.
    sections: HashMap<String, usize>,
    context: HashMap<String, usize>,
}

impl RoleBuilder {
    pub fn new(title: &str, doc: &Document, format: Format, own_page: bool) -> Self {
        let title = title.trim().to_string();
        RoleBuilder {
            role: Role {
                sources: vec![doc.source_doc(format, own_page)],
                ..Role::empty(
                    // A title with no letters or digits ("***") still needs a file name.
                    Some(crate::model::slug(&title))
                        .filter(|id| !id.is_empty())
                        .unwrap_or_else(|| "untitled-role".into()),
                    title,
                )
            },
            sections: HashMap::new(),
            context: HashMap::new(),
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
        section_in(&mut self.role.sections, &mut self.sections, key, heading)
    }

    /// The same, in `context` (framework text that is not about the role).
    pub fn context_section(&mut self, key: &str, heading: &str) -> &mut Section {
        section_in(&mut self.role.context, &mut self.context, key, heading)
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

/// Finds or appends a section in a list of sections, through its key index.
fn section_in<'a>(
    sections: &'a mut Vec<Section>,
    index: &mut HashMap<String, usize>,
    key: &str,
    heading: &str,
) -> &'a mut Section {
    if index.len() != sections.len() {
        // Sections added through `role_mut()`: index them all again.
        *index = sections
            .iter()
            .enumerate()
            .rev()
            .map(|(i, s)| (s.key.clone(), i))
            .collect();
    }
    let at = match index.get(key) {
        Some(&i) => i,
        None => {
            index.insert(key.to_string(), sections.len());
            sections.push(Section {
                key: key.to_string(),
                title: display_title(heading),
                items: Vec::new(),
                table_headers: Vec::new(),
            });
            sections.len() - 1
        }
    };
    &mut sections[at]
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
        origin: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pathological input: 100,000 distinct headings took 28 s (markdown) and 64 s
    /// (blueprint) when each item's section was found by a scan of all sections.
    #[test]
    fn quadratic_section_lookup_sections_are_indexed_in_first_seen_order() {
        let doc = Document::from_text("r.md", "# R\n");
        let mut b = RoleBuilder::new("R", &doc, Format::Markdown, true);
        for i in 0..50_000 {
            b.push(
                &format!("s{i}"),
                "S",
                item("x", None, "r.md", 1, Vec::new()),
            );
        }
        b.push("s7", "S", item("y", None, "r.md", 2, Vec::new()));
        // A section added behind the builder's back is still found, not duplicated.
        b.role_mut().sections.push(Section {
            key: "outside".into(),
            title: "Outside".into(),
            items: Vec::new(),
            table_headers: Vec::new(),
        });
        b.push("outside", "Outside", item("z", None, "r.md", 3, Vec::new()));
        b.context_section("framework", "Framework");
        b.context_section("framework", "Framework");
        let role = b.build();
        assert_eq!(role.sections.len(), 50_001);
        assert_eq!(role.sections[7].items.len(), 2);
        assert_eq!(role.sections[50_000].items[0].text, "z");
        assert_eq!(role.context.len(), 1);
        assert_eq!(role.sections[0].key, "s0");
    }
}
