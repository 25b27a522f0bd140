//! Pages no one here has seen, built from the structure of the formats: older ladder
//! variants, SFIA pages of other shapes, other encodings. The importers must read the
//! structure, not the seeds' exact headings.

use rolecraft_core::import::{import_document, Document};
use rolecraft_core::model::{Format, WarningKind};

fn cell(text: &str, bold: bool) -> String {
    let style = if bold {
        " style=\"font-weight:bold\""
    } else {
        ""
    };
    format!("<td markdown=\"1\"{style}>\n\n{text}\n\n</td>\n")
}

fn horizontal(heading: &str, names: &[&str], values: &[&str], bold: usize) -> String {
    let row = |cells: &[&str]| -> String {
        let inner: String = cells
            .iter()
            .enumerate()
            .map(|(i, c)| cell(c, i == bold))
            .collect();
        format!("<tr>\n{inner}</tr>\n")
    };
    format!(
        "### {heading}\n<table markdown=\"1\">\n{}{}</table>\n\n",
        row(names),
        row(values)
    )
}

#[test]
fn an_older_two_column_ladder_with_years_of_xp_a_repeated_column_and_a_new_section() {
    let mut page = String::from(
        "---\ntitle: Team Lead\nlayout: page\n---\n\n# Team Lead (People Manager Path)\n",
    );
    page += &horizontal(
        "Years of xp (guideline)",
        &["Senior Engineer", "Team Lead"],
        &["5+", "7+"],
        1,
    );
    page += &horizontal(
        "Responsibilities",
        &["Senior Engineer", "Team Lead", "Team Lead"],
        &[
            "- Ships features.",
            "- Runs the team.\n- Hires.",
            "- Runs the team.\n- Hires.",
        ],
        1,
    );
    page += &horizontal(
        "On-call expectations",
        &["Senior Engineer", "Team Lead"],
        &["Primary rotation.", "Escalation point."],
        1,
    );
    let imported = import_document(&Document::from_text("team_lead.md", page)).unwrap();
    let titles: Vec<&str> = imported.roles.iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["Senior Engineer", "Team Lead"]);
    let lead = &imported.roles[1];
    assert!(lead.sources[0].own_page);
    assert_eq!(lead.facts["years_of_experience"], "7+");
    let resp: Vec<&str> = lead
        .section("responsibilities")
        .unwrap()
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(
        resp,
        ["Runs the team.", "Hires."],
        "the repeated column is read once"
    );
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::DuplicateColumn));
    let oncall = lead.section("on_call_expectations").unwrap();
    assert_eq!(oncall.items[0].text, "Escalation point.");
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::UnmappedHeading && w.message.contains("On-call")));
}

#[test]
fn a_ladder_with_vertical_tables_only_and_no_bold_column_uses_the_front_matter_title() {
    let page = "---\ntitle: Principal\n---\n# Principal\n### Scope of knowledge\n<table markdown=\"1\">\n<tr><td>\n\nStaff\n\n</td></tr>\n<tr><td markdown=\"1\">\n\n- Systems.\n\n</td></tr>\n<tr><td>\n\nPrincipal\n\n</td></tr>\n<tr><td markdown=\"1\">\n\n- Company-wide systems.\n\n</td></tr>\n</table>\n";
    let imported = import_document(&Document::from_text("principal.md", page)).unwrap();
    let own: Vec<(&str, bool)> = imported
        .roles
        .iter()
        .map(|r| (r.title.as_str(), r.sources[0].own_page))
        .collect();
    assert_eq!(own, [("Staff", false), ("Principal", true)]);
    assert_eq!(
        imported.roles[1]
            .section("scope_of_knowledge")
            .unwrap()
            .items[0]
            .text,
        "Company-wide systems."
    );
}

const SFIA_ONE_SKILL: &str = "# Data Analyst\n\n**Level 3** | **Career Path:** Data\n\n## Role Overview\n\nAnalyses data for the business.\n\n## Required SFIA Skills\n\n### Data science (DATS)\n\n**Category:** Data and analytics | **Subcategory:** Data science\n\n**Level 3 Attainment:**\n\nApplies data science techniques.\nReports findings.\n";

#[test]
fn an_sfia_page_of_another_path_with_one_skill_and_no_framework_overview() {
    let imported = import_document(&Document::from_text("analyst.md", SFIA_ONE_SKILL)).unwrap();
    let role = &imported.roles[0];
    assert_eq!(role.sources[0].format, Format::SfiaPage);
    assert_eq!((role.level, role.track.as_deref()), (Some(3), Some("Data")));
    assert_eq!(role.skills.len(), 1);
    let skill = &role.skills[0];
    assert_eq!(
        (skill.code.as_str(), skill.level, skill.category.as_deref()),
        ("DATS", Some(3), Some("Data and analytics"))
    );
    assert_eq!(
        skill.attainment[0].text,
        "Applies data science techniques.\nReports findings."
    );
    assert!(role.context.iter().all(|s| s.key != "framework_overview"));
    assert_eq!(
        role.section("summary").unwrap().items[0].text,
        "Analyses data for the business."
    );
}

const MARKDOWN: &str = "---\ntitle: Head of Design\n---\n\nLeads design.\n\n## Responsibilities\n\n### Craft\n\n- Sets the design bar.\n- Reviews work.\n\n## Fun facts\n\nLikes typography.\n";

#[test]
fn plain_markdown_with_front_matter_groups_and_an_unmapped_heading() {
    let imported = import_document(&Document::from_text("design.md", MARKDOWN)).unwrap();
    let role = &imported.roles[0];
    assert_eq!(
        (role.id.as_str(), role.sources[0].format),
        ("head-of-design", Format::Markdown)
    );
    let resp = role.section("responsibilities").unwrap();
    assert_eq!(
        resp.items
            .iter()
            .map(|i| (i.text.as_str(), i.group.as_deref(), i.source.line))
            .collect::<Vec<_>>(),
        [
            ("Sets the design bar.", Some("Craft"), 11),
            ("Reviews work.", Some("Craft"), 12)
        ]
    );
    assert_eq!(
        role.section("summary").unwrap().items[0].text,
        "Leads design."
    );
    assert_eq!(
        role.section("fun_facts").unwrap().items[0].text,
        "Likes typography."
    );
}

#[test]
fn utf16_with_bom_and_crlf_files_import_like_utf8() {
    let utf8 = import_document(&Document::from_text("a.md", MARKDOWN)).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(
        MARKDOWN
            .replace('\n', "\r\n")
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let from16 = import_document(&Document::from_bytes("a.md", &utf16).unwrap()).unwrap();
    let crlf = import_document(
        &Document::from_bytes("a.md", MARKDOWN.replace('\n', "\r\n").as_bytes()).unwrap(),
    )
    .unwrap();
    let bom8 = import_document(
        &Document::from_bytes(
            "a.md",
            &[b"\xEF\xBB\xBF".as_slice(), MARKDOWN.as_bytes()].concat(),
        )
        .unwrap(),
    )
    .unwrap();
    for other in [&from16, &crlf, &bom8] {
        assert_eq!(other.roles[0].sections, utf8.roles[0].sections);
    }
}
