//! Golden outputs: every built-in template × every bundled role × Markdown and HTML, with a
//! fixed date and every posting field filled. `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test -p rolecraft-core render::golden`) rewrites them.

use super::*;
use crate::drafts::{Draft, Posting, PostingField};
use crate::library::bundled_roles;

/// The roles the bundled library must hold (issue 5's tests name them).
const REQUIRED: [&str; 4] = [
    "director-of-engineering",
    "vp-of-engineering",
    "cto",
    "vp-of-product",
];

pub(crate) fn acme_posting() -> Posting {
    Posting {
        company: Some("Acme".into()),
        team: Some("Platform".into()),
        location: Some("Berlin, Germany".into()),
        remote_policy: Some("Hybrid (two days a week in the office)".into()),
        employment_type: Some("Full-time".into()),
        salary_range: Some("€180,000–€220,000 a year".into()),
        about_company: Some("Acme builds the tools small businesses run on. We are 400 people in six countries.".into()),
        benefits: Some("- 30 days of paid holiday\n- A yearly learning budget\n- Parental leave for every parent".into()),
        how_to_apply: Some("Send your CV to [jobs@acme.example](mailto:jobs@acme.example).".into()),
        equal_opportunity: Some(
            "Acme is an equal-opportunity employer: we welcome applicants of every background.".into(),
        ),
        reports_to: None,
        date_posted: Some("2026-12-01".into()),
        valid_through: Some("2027-01-31".into()),
        requisition_id: Some("ENG-0420".into()),
        apply_url: Some("https://acme.example/jobs/0420".into()),
        ..Posting::default()
    }
}

/// Whom each bundled role reports to, for the golden postings.
pub(crate) fn reports_to(role_id: &str) -> &'static str {
    match role_id {
        "director-of-engineering" => "VP of Engineering",
        "vp-of-engineering" => "CTO",
        _ => "CEO",
    }
}

#[test]
fn every_built_in_template_for_every_bundled_role_in_both_formats() {
    let roles = bundled_roles().expect("the bundled library loads");
    let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    for id in REQUIRED {
        assert!(ids.contains(&id), "bundled library lacks {id}: {ids:?}");
    }
    let renderer = Renderer::new();
    for role in &roles {
        for (template, _) in BUILT_IN {
            let mut draft = Draft::new("golden", &role.id, template);
            draft.posting = acme_posting();
            draft.posting.reports_to = Some(reports_to(&role.id).into());
            let ctx = renderer
                .context(role, &draft, Meta::at("2025-01-15", template))
                .unwrap();
            for format in [OutputFormat::Markdown, OutputFormat::Html] {
                let out = renderer.render(template, &ctx, format).unwrap();
                assert!(
                    out.unset_fields.is_empty(),
                    "{template} × {}: {:?}",
                    role.id,
                    out.unset_fields
                );
                let name = format!("{template}__{}.{}", role.id, format.extension());
                insta::assert_snapshot!(name, out.text);
            }
        }
    }
}

/// The issue's acceptance check, in core: the VP of Engineering posting has the title, the
/// company and all five responsibilities, in Markdown and in HTML.
#[test]
fn vp_of_engineering_posting_has_title_company_and_five_responsibilities() {
    let roles = bundled_roles().unwrap();
    let role = roles
        .iter()
        .find(|r| r.id == "vp-of-engineering")
        .expect("bundled vp-of-engineering");
    let responsibilities = &role
        .section("responsibilities")
        .expect("a responsibilities section")
        .items;
    assert_eq!(responsibilities.len(), 5);
    let renderer = Renderer::new();
    let mut draft = Draft::new("d", &role.id, DEFAULT_TEMPLATE);
    draft.posting.set(PostingField::Company, "Acme");
    let md = renderer
        .render_draft(role, &draft, OutputFormat::Markdown)
        .unwrap()
        .text;
    let html = renderer
        .render_draft(role, &draft, OutputFormat::Html)
        .unwrap()
        .text;
    assert!(md.starts_with("# VP of Engineering at Acme\n"), "{md}");
    assert!(
        html.contains("<h1>VP of Engineering at Acme</h1>"),
        "{html}"
    );
    for item in responsibilities {
        assert!(
            md.contains(&format!("- {}\n", item.text)),
            "{} missing from\n{md}",
            item.text
        );
        let escaped = html_escape::encode_text(&item.text).to_string();
        assert!(
            html.contains(&format!("<li>{escaped}</li>")),
            "{} missing from\n{html}",
            item.text
        );
    }
}

/// The example template in docs/templates.md compiles and renders what the docs say.
#[test]
fn the_documented_example_template_renders() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/templates.md"
    ))
    .unwrap();
    let example = &doc[doc.find("## Example").expect("an Example section")..];
    let start =
        example.find("```handlebars\n").expect("a handlebars block") + "```handlebars\n".len();
    let source = &example[start..start + example[start..].find("```").unwrap()];
    let mut renderer = Renderer::new();
    renderer
        .add_template("linkedin", source, TemplateOrigin::User)
        .unwrap();
    let info = renderer.info("linkedin").unwrap();
    assert_eq!(info.title, "LinkedIn post");
    assert_eq!(
        info.default_sections.as_deref(),
        Some(&["summary".to_string(), "responsibilities".to_string()][..])
    );

    let roles = bundled_roles().unwrap();
    let role = roles.iter().find(|r| r.id == "vp-of-engineering").unwrap();
    let mut draft = Draft::new("d", &role.id, "linkedin");
    draft.posting.set(PostingField::Company, "Acme");
    draft.posting.set(PostingField::Location, "Berlin");
    let ctx = renderer
        .context(role, &draft, Meta::at("2025-01-15", "linkedin"))
        .unwrap();
    let out = renderer
        .render("linkedin", &ctx, OutputFormat::Markdown)
        .unwrap();
    assert!(
        out.text
            .starts_with("# We're hiring: VP of Engineering at Acme\n\nBerlin\n"),
        "{}",
        out.text
    );
    assert!(
        out.text
            .contains("**What you'll do**\n\n- Owns accountability"),
        "{}",
        out.text
    );
    assert!(
        out.text.contains("You bring 15+ years of experience."),
        "{}",
        out.text
    );
    assert!(out.text.ends_with("*Posted 2025-01-15*\n"), "{}", out.text);
    assert_eq!(
        out.unset_fields,
        [
            PostingField::RemotePolicy,
            PostingField::EmploymentType,
            PostingField::HowToApply
        ]
    );
}
