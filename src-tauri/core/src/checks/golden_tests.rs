//! The findings for every bundled role × built-in template, with the golden posting fields
//! (Acme, Berlin): one line per finding, read as a recruiter would.
//! `INSTA_UPDATE=always cargo test -p rolecraft-core checks::golden` rewrites them.

use super::*;
use crate::library::bundled_roles;
use crate::render::golden_tests::{acme_posting, reports_to};
use crate::render::{Meta, Renderer, BUILT_IN};

pub(crate) fn summary(report: &Report) -> String {
    let mut out = format!(
        "{} words, reading ease {:.1}, {} (masculine: {}; feminine: {})\n",
        report.words,
        report.reading_ease,
        report.balance.verdict,
        report.balance.masculine.join(", "),
        report.balance.feminine.join(", ")
    );
    for f in &report.findings {
        let place = match &f.origin {
            FindingOrigin::Field { field } => format!("field {field}"),
            FindingOrigin::Item {
                section,
                index,
                file,
                line,
            } => format!("{section}#{index} {file}:{line}"),
            FindingOrigin::Fact { key, .. } => format!("fact {key}"),
            FindingOrigin::Section { section } => format!("section {section}"),
            FindingOrigin::Template => "template".into(),
            FindingOrigin::Posting => "posting".into(),
        };
        let sev = match f.severity {
            Severity::Error => "E",
            Severity::Warning => "W",
            Severity::Info => "I",
        };
        out.push_str(&format!("{sev} {:<16} {} ({place})\n", f.rule, f.message));
    }
    out
}

#[test]
fn findings_for_every_bundled_role_and_built_in_template() {
    let checker = Checker::new().unwrap();
    let renderer = Renderer::new();
    for role in bundled_roles().unwrap() {
        for (template, _) in BUILT_IN {
            let mut draft = Draft::new("golden", &role.id, template);
            draft.posting = acme_posting();
            draft.posting.reports_to = Some(reports_to(&role.id).into());
            let ctx = renderer
                .context(&role, &draft, Meta::at("2026-12-01", template))
                .unwrap();
            let md = renderer.render_markdown(template, &ctx).unwrap();
            let audience = Audience::of_template(renderer.info(template).unwrap().internal);
            let report = checker.check_as(
                &CheckInput {
                    role: &role,
                    draft: &draft,
                    context: &ctx,
                    markdown: &md,
                },
                audience,
            );
            for f in &report.findings {
                if let Some(s) = f.span {
                    assert_eq!(f.text.as_deref(), md.get(s.start..s.end), "{f:?}");
                }
            }
            insta::assert_snapshot!(format!("{template}__{}", role.id), summary(&report));
        }
    }
}
