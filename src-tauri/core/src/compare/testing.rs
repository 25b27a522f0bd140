//! Roles built by hand for the compare tests.

use std::collections::BTreeMap;

use crate::model::{Item, Role, Section, Skill, SourceRef};

pub(crate) fn item(text: &str) -> Item {
    Item {
        text: text.to_string(),
        group: None,
        source: SourceRef {
            file: "test.md".into(),
            line: 1,
        },
        links: Vec::new(),
        origin: None,
    }
}

pub(crate) fn section(key: &str, items: &[&str]) -> Section {
    Section {
        key: key.to_string(),
        title: key.replace('_', " "),
        items: items.iter().map(|t| item(t)).collect(),
        table_headers: Vec::new(),
    }
}

pub(crate) fn role(id: &str, sections: Vec<Section>) -> Role {
    Role {
        id: id.to_string(),
        title: id.to_uppercase(),
        track: None,
        level: None,
        facts: BTreeMap::new(),
        fact_sources: BTreeMap::new(),
        sections,
        skills: Vec::new(),
        context: Vec::new(),
        sources: Vec::new(),
    }
}

pub(crate) fn skill(code: &str, level: u32, attainment: &[&str]) -> Skill {
    Skill {
        code: code.to_string(),
        name: format!("Skill {code}"),
        level: Some(level),
        category: None,
        subcategory: None,
        attainment: attainment.iter().map(|t| item(t)).collect(),
        description: Vec::new(),
        reference: None,
        source: SourceRef {
            file: "test.md".into(),
            line: 1,
        },
    }
}
