//! Roles built by hand for the unit tests of every layer.

use crate::model::{Item, Role, Section, SourceRef};

pub fn item(text: &str, group: Option<&str>) -> Item {
    Item {
        text: text.to_string(),
        group: group.map(str::to_string),
        source: SourceRef {
            file: "hand.md".into(),
            line: 1,
        },
        links: vec![],
        origin: None,
    }
}

pub fn section(key: &str, title: &str, items: &[&str]) -> Section {
    Section {
        key: key.into(),
        title: title.into(),
        items: items.iter().map(|t| item(t, None)).collect(),
        table_headers: vec![],
    }
}

/// A hand-built VP of Engineering, close to the bundled one.
pub fn vp() -> Role {
    Role {
            id: "vp-of-engineering".into(),
            title: "VP of Engineering".into(),
            track: Some("People Manager Path".into()),
            level: None,
            facts: [("years_of_experience".to_string(), "15+".to_string())].into_iter().collect(),
            fact_sources: Default::default(),
            sections: vec![
                section("summary", "Role Description", &["An executive leader who translates company strategy into engineering execution."]),
                section(
                    "responsibilities",
                    "Responsibilities",
                    &[
                        "Owns accountability for metrics-based performance for the engineering org.",
                        "Collaborates with Product leadership to define strategy across multiple teams.",
                        "Can drive all internal and external communication.",
                        "Collaborates with staff engineers to resolve cross-teams dependencies.",
                        "Drives engineering operations strategy.",
                    ],
                ),
                section("scope_of_knowledge", "Scope of knowledge", &["Manages managers and directors.", "Culture leadership."]),
                section("checkpoints", "Checkpoints for reaching this level", &["Has grown directors."]),
            ],
            skills: vec![],
            context: vec![],
            sources: vec![],
        }
}
