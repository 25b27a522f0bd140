//! A synthetic role library for scale measurements (shared by `examples/library_scale.rs` and
//! `benches/search.rs`): `n` roles with unique titles, a track, a level, two facts and eight
//! sections of 12 to 24 items each (about 26 KB of role JSON per role, as the 10,000-role
//! library of issue 12: 263 MB). The item texts are runs of 8 to 24 consecutive words taken
//! from the bundled roles at random places, so words keep their real frequencies. The same
//! `n` gives the same library.

use std::collections::BTreeMap;

use rolecraft_core::library::bundled_roles;
use rolecraft_core::model::{Item, Role, Section, SourceRef};

/// xorshift64*: enough randomness for test data, no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SENIORITY: &[&str] = &[
    "Junior",
    "Associate",
    "",
    "Senior",
    "Staff",
    "Principal",
    "Lead",
    "Head of",
    "Director of",
    "VP of",
];
const FUNCTIONS: &[&str] = &[
    "Software Engineering",
    "Data Engineering",
    "Data Science",
    "Product Management",
    "Product Design",
    "Security",
    "Site Reliability",
    "Finance",
    "Marketing",
    "Sales",
    "Customer Success",
    "People Operations",
    "Legal",
    "Quality Assurance",
    "Research",
    "Platform",
    "Infrastructure",
    "Analytics",
    "Procurement",
    "Communications",
];
const AREAS: &[&str] = &[
    "Payments",
    "Mobile",
    "Growth",
    "Identity",
    "Search",
    "Billing",
    "Logistics",
    "Risk",
    "Compliance",
    "Onboarding",
    "Checkout",
    "Messaging",
    "Ads",
    "Maps",
    "Pricing",
    "Fraud",
    "Catalog",
    "Partnerships",
    "Devices",
    "Health",
    "Learning",
    "Media",
    "Travel",
    "Energy",
    "Retail",
    "Insurance",
    "Lending",
    "Trading",
    "Support",
    "Localisation",
    "Accessibility",
    "Observability",
    "Storage",
    "Networking",
    "Machine Learning",
    "Developer Tools",
    "Internal Tools",
    "Emerging Markets",
    "Enterprise",
    "Public Sector",
];
const TRACKS: &[&str] = &[
    "Individual Contributor Path",
    "People Manager Path",
    "Product",
    "Design",
    "Data",
    "Operations",
];
const SECTIONS: &[(&str, &str)] = &[
    ("summary", "Role Description"),
    ("responsibilities", "Responsibilities"),
    ("scope_of_knowledge", "Scope of knowledge"),
    (
        "communication_and_leadership",
        "Communication and Leadership",
    ),
    ("competencies", "Competencies"),
    ("deliverables", "Key Deliverables"),
    ("kpis", "Success Metrics"),
    ("qualifications", "Qualifications"),
];

/// Every word of the bundled roles' items, in order.
fn corpus() -> Vec<String> {
    let roles = bundled_roles().expect("the bundled roles parse");
    roles
        .iter()
        .flat_map(|r| r.items().map(|i| i.text.clone()).collect::<Vec<_>>())
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// `n` roles (see the module's documentation).
pub fn roles(n: usize) -> Vec<Role> {
    let words = corpus();
    let mut rng = Rng::new(0x5eed_0000 + n as u64);
    let mut taken: BTreeMap<String, usize> = BTreeMap::new();
    (0..n)
        .map(|k| {
            let seniority = SENIORITY[rng.below(SENIORITY.len())];
            let function = FUNCTIONS[rng.below(FUNCTIONS.len())];
            let area = AREAS[rng.below(AREAS.len())];
            let base = format!("{seniority} {function}, {area}").trim().to_string();
            let seen = taken.entry(base.clone()).or_default();
            *seen += 1;
            let title = if *seen == 1 {
                base
            } else {
                format!("{base} {}", *seen)
            };
            let file = format!("synthetic-{k:05}.md");
            let mut line = 1;
            let phrase = |rng: &mut Rng| {
                let len = 8 + rng.below(17);
                let start = rng.below(words.len().saturating_sub(len));
                let mut text = words[start..start + len].join(" ");
                if let Some(first) = text.get(..1) {
                    let upper = first.to_uppercase();
                    text.replace_range(..1, &upper);
                }
                text
            };
            let sections = SECTIONS
                .iter()
                .map(|(key, heading)| Section {
                    key: key.to_string(),
                    title: heading.to_string(),
                    items: (0..12 + rng.below(13))
                        .map(|_| {
                            line += 1;
                            Item {
                                text: phrase(&mut rng),
                                group: None,
                                source: SourceRef {
                                    file: file.clone(),
                                    line,
                                },
                                links: Vec::new(),
                                origin: None,
                            }
                        })
                        .collect(),
                    table_headers: Vec::new(),
                })
                .collect();
            let mut facts = BTreeMap::new();
            facts.insert(
                "years_of_experience".to_string(),
                format!("{}+", 1 + rng.below(15)),
            );
            facts.insert("scope".to_string(), phrase(&mut rng));
            Role {
                id: rolecraft_core::model::slug(&title),
                title,
                track: Some(TRACKS[rng.below(TRACKS.len())].to_string()),
                level: Some(1 + rng.below(7) as u32),
                facts,
                fact_sources: BTreeMap::new(),
                sections,
                skills: Vec::new(),
                context: Vec::new(),
                sources: Vec::new(),
                conflicts: Vec::new(),
            }
        })
        .collect()
}

/// What people type: a word letter by letter (1 to 3 letters, then the whole word), whole
/// words, and two words.
pub const QUERIES: &[&str] = &[
    "b",
    "bu",
    "bud",
    "budget",
    "s",
    "st",
    "str",
    "strategy",
    "e",
    "en",
    "eng",
    "engineering",
    "p",
    "pr",
    "pro",
    "product",
    "h",
    "hi",
    "hir",
    "hiring",
    "stakeholders",
    "roadmap",
    "security",
    "mentoring",
    "compliance",
    "payments",
    "director",
    "metrics",
    "customer",
    "quality",
    "product strategy",
    "team budget",
    "senior data",
    "hiring managers",
    "roadmap stakeholders",
    "vp eng",
    "risk compliance",
    "cross functional",
];
