//! The TypeScript bindings in `ui/src/lib/bindings/` are generated from the core's Rust types
//! (ts-rs) and committed. This test fails when they drift; `UPDATE_BINDINGS=1 cargo test -p
//! rolecraft-core --test bindings` rewrites them.

use std::path::PathBuf;

use rolecraft_core::authoring::{Deleted, EditConflict, EditOutcome, ItemAt, RoleEdit, Versioned};
use rolecraft_core::checks::{
    Balance, ChecksConfig, Finding, FindingOrigin, Report, RuleConfig, Severity, Span, TermEntry,
};
use rolecraft_core::compare::{
    Cell, CompareOptions, Comparison, Counts, FactRow, GridFact, GridRow, GridSection,
    GridSectionSummary, GridSkill, GridSummary, Ladder, LadderStep, MultiComparison,
    OmittedSection, RoleHeader, Row, SectionDiff, SectionSummary, Shared, SharedFact,
    SharedSection, SharedSkill, SkillCell, SkillRow, Status, Summary, WordOp, WordOpKind,
};
use rolecraft_core::drafts::{
    Draft, DraftSummary, EmploymentType, ItemEdit, ItemRef, Location, OutlineItem, OutlineSection,
    PayPeriod, Posting, PostingField, Salary, Workplace, WorkplaceKind,
};
use rolecraft_core::history::{RoleCommit, RoleHistory};
use rolecraft_core::import::FileError;
use rolecraft_core::library::{RoleOrigin, RoleSummary, SourceContext, SourceLine};
use rolecraft_core::model::{
    Conflict, ConflictSide, Format, Item, ItemOrigin, Link, Role, Section, Skill, SourceDoc,
    SourceRef, Warning, WarningKind,
};
use rolecraft_core::render::{ExportFormat, OutputFormat, TemplateInfo, TemplateOrigin};
use rolecraft_core::review::{Decisions, ImportPlan, RoleChoice, RolePlan};
use rolecraft_core::search::{SearchHit, SearchMatch, SearchResults};
use rolecraft_core::section_notes::SectionNote;
use ts_rs::{Config, ExportError, TS};

type Export = fn(&Config) -> Result<String, ExportError>;

/// Every type the UI receives, by the file name the UI imports it from.
fn exports() -> Vec<(&'static str, Export)> {
    vec![
        ("Role", Role::export_to_string),
        ("Section", Section::export_to_string),
        ("Item", Item::export_to_string),
        ("Link", Link::export_to_string),
        ("SourceRef", SourceRef::export_to_string),
        ("Skill", Skill::export_to_string),
        ("SourceDoc", SourceDoc::export_to_string),
        ("Format", Format::export_to_string),
        ("Warning", Warning::export_to_string),
        ("WarningKind", WarningKind::export_to_string),
        ("Conflict", Conflict::export_to_string),
        ("ConflictSide", ConflictSide::export_to_string),
        // compare
        ("MultiComparison", MultiComparison::export_to_string),
        ("Comparison", Comparison::export_to_string),
        ("RoleHeader", RoleHeader::export_to_string),
        ("GridSection", GridSection::export_to_string),
        ("GridRow", GridRow::export_to_string),
        ("Cell", Cell::export_to_string),
        ("GridFact", GridFact::export_to_string),
        ("GridSkill", GridSkill::export_to_string),
        ("SkillCell", SkillCell::export_to_string),
        ("SectionDiff", SectionDiff::export_to_string),
        ("Row", Row::export_to_string),
        ("FactRow", FactRow::export_to_string),
        ("SkillRow", SkillRow::export_to_string),
        ("Counts", Counts::export_to_string),
        ("Status", Status::export_to_string),
        ("WordOp", WordOp::export_to_string),
        ("WordOpKind", WordOpKind::export_to_string),
        ("Ladder", Ladder::export_to_string),
        ("LadderStep", LadderStep::export_to_string),
        ("Shared", Shared::export_to_string),
        ("SharedSection", SharedSection::export_to_string),
        ("SharedFact", SharedFact::export_to_string),
        ("SharedSkill", SharedSkill::export_to_string),
        ("CompareOptions", CompareOptions::export_to_string),
        ("OmittedSection", OmittedSection::export_to_string),
        ("Summary", Summary::export_to_string),
        ("SectionSummary", SectionSummary::export_to_string),
        ("GridSummary", GridSummary::export_to_string),
        ("GridSectionSummary", GridSectionSummary::export_to_string),
        // library
        ("RoleOrigin", RoleOrigin::export_to_string),
        ("RoleSummary", RoleSummary::export_to_string),
        ("SourceContext", SourceContext::export_to_string),
        ("SourceLine", SourceLine::export_to_string),
        ("SectionNote", SectionNote::export_to_string),
        // render
        ("OutputFormat", OutputFormat::export_to_string),
        ("ExportFormat", ExportFormat::export_to_string),
        // search
        ("SearchResults", SearchResults::export_to_string),
        ("SearchHit", SearchHit::export_to_string),
        ("SearchMatch", SearchMatch::export_to_string),
        ("Draft", Draft::export_to_string),
        ("DraftSummary", DraftSummary::export_to_string),
        ("Posting", Posting::export_to_string),
        ("PostingField", PostingField::export_to_string),
        ("Salary", Salary::export_to_string),
        ("PayPeriod", PayPeriod::export_to_string),
        ("Location", Location::export_to_string),
        ("Workplace", Workplace::export_to_string),
        ("WorkplaceKind", WorkplaceKind::export_to_string),
        ("EmploymentType", EmploymentType::export_to_string),
        ("ItemRef", ItemRef::export_to_string),
        ("ItemEdit", ItemEdit::export_to_string),
        ("OutlineSection", OutlineSection::export_to_string),
        ("OutlineItem", OutlineItem::export_to_string),
        ("TemplateInfo", TemplateInfo::export_to_string),
        ("TemplateOrigin", TemplateOrigin::export_to_string),
        // checks
        ("Report", Report::export_to_string),
        ("Finding", Finding::export_to_string),
        ("FindingOrigin", FindingOrigin::export_to_string),
        ("Severity", Severity::export_to_string),
        ("Span", Span::export_to_string),
        ("Balance", Balance::export_to_string),
        ("ChecksConfig", ChecksConfig::export_to_string),
        ("RuleConfig", RuleConfig::export_to_string),
        ("TermEntry", TermEntry::export_to_string),
        // import review
        ("ImportPlan", ImportPlan::export_to_string),
        ("RolePlan", RolePlan::export_to_string),
        ("RoleChoice", RoleChoice::export_to_string),
        ("Decisions", Decisions::export_to_string),
        ("FileError", FileError::export_to_string),
        // authoring and history
        ("ItemOrigin", ItemOrigin::export_to_string),
        ("RoleEdit", RoleEdit::export_to_string),
        ("ItemAt", ItemAt::export_to_string),
        ("Versioned", Versioned::export_to_string),
        ("EditOutcome", EditOutcome::export_to_string),
        ("EditConflict", EditConflict::export_to_string),
        ("Deleted", Deleted::export_to_string),
        ("RoleHistory", RoleHistory::export_to_string),
        ("RoleCommit", RoleCommit::export_to_string),
    ]
}

fn bindings_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings")
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let cfg = Config::new();
    let dir = bindings_dir();
    let update = std::env::var_os("UPDATE_BINDINGS").is_some_and(|v| v == "1");
    let mut drifted = Vec::new();
    for (name, export) in exports() {
        let text = export(&cfg).unwrap_or_else(|e| panic!("{name}: {e}"));
        let path = dir.join(format!("{name}.ts"));
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            drifted.push(format!("ui/src/lib/bindings/{name}.ts"));
        }
    }
    assert!(
        drifted.is_empty(),
        "the TypeScript bindings no longer match the Rust types: {drifted:?}\n\
         regenerate them with `UPDATE_BINDINGS=1 cargo test -p rolecraft-core --test bindings` and commit them"
    );
}

/// Every type a committed binding imports is itself exported here, so no import dangles.
#[test]
fn every_imported_binding_is_exported() {
    let cfg = Config::new();
    let names: Vec<&str> = exports().iter().map(|(n, _)| *n).collect();
    for (name, export) in exports() {
        let text = export(&cfg).unwrap();
        for line in text.lines().filter(|l| l.starts_with("import type")) {
            let dep = line.rsplit("\"./").next().unwrap().trim_end_matches("\";");
            assert!(
                names.contains(&dep),
                "{name}.ts imports {dep}, which this test does not export"
            );
        }
    }
}
