//! `rolecraft jd` and `rolecraft templates` as a user runs them: files written, stdout, the
//! unset-field notes on stderr, exit codes.

mod common;

use std::path::Path;
use std::process::Output;

use common::{repo, rolecraft, stderr, stdout};

/// The five responsibilities of the bundled VP of Engineering, from its role file.
fn vp_responsibilities() -> Vec<String> {
    let text = std::fs::read_to_string(repo().join("roles/vp-of-engineering.json")).unwrap();
    let role: serde_json::Value = serde_json::from_str(&text).unwrap();
    let section = role["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "responsibilities")
        .unwrap();
    let items: Vec<String> = section["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(items.len(), 5, "{items:?}");
    items
}

/// `rolecraft jd vp-of-engineering --set company=Acme --format FORMAT -o FILE`.
fn vp_at_acme_to(data: &Path, format: &str, file: &Path) -> Output {
    let file = file.to_str().unwrap();
    let args = [
        "jd",
        "vp-of-engineering",
        "--set",
        "company=Acme",
        "--format",
        format,
        "-o",
        file,
    ];
    rolecraft(data, &args)
}

fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn html_export_has_the_title_the_company_and_all_five_responsibilities() {
    let data = tempfile::tempdir().unwrap();
    let file = data.path().join("jd.html");
    let out = vp_at_acme_to(data.path(), "html", &file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "with -o nothing goes to stdout");
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("<title>VP of Engineering at Acme</title>"),
        "{html}"
    );
    assert!(
        html.contains("<h1>VP of Engineering at Acme</h1>"),
        "{html}"
    );
    for item in vp_responsibilities() {
        assert!(
            html.contains(&format!("<li>{}</li>", html_text(&item))),
            "{item} missing from\n{html}"
        );
    }
    assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
    // No temp file is left beside the export (atomic write).
    let names: Vec<_> = std::fs::read_dir(data.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["jd.html"]);
}

#[test]
fn markdown_to_stdout_and_to_a_file_has_them_too() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &["jd", "vp-of-engineering", "--set", "company=Acme"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    assert!(md.starts_with("# VP of Engineering at Acme\n"), "{md}");
    for item in vp_responsibilities() {
        assert!(
            md.contains(&format!("- {item}\n")),
            "{item} missing from\n{md}"
        );
    }
    let file = data.path().join("jd.md");
    let out = vp_at_acme_to(data.path(), "md", &file);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
}

#[test]
fn unset_fields_are_named_on_stderr_and_strict_makes_them_an_error() {
    let data = tempfile::tempdir().unwrap();
    let args = [
        "jd",
        "vp-of-engineering",
        "--template",
        "job-board",
        "--set",
        "company=Acme",
    ];
    let out = rolecraft(data.path(), &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("location, remote_policy, employment_type, salary_range, benefits, how_to_apply, equal_opportunity, valid_through, apply_url"),
        "{err}"
    );
    assert!(!err.contains("company"), "company is set: {err}");

    let file = data.path().join("jd.md");
    let mut strict = args.to_vec();
    strict.extend(["--strict", "-o", file.to_str().unwrap()]);
    let out = rolecraft(data.path(), &strict);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("location, remote_policy"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists(), "nothing is written when --strict refuses");

    let mut all = strict.clone();
    for pair in [
        "location=Berlin",
        "remote-policy=Hybrid",
        "employment_type=Full-time",
        "salary_range=€200k",
        "how_to_apply=jobs@acme.example",
        "benefits=30 days of holiday",
        "equal_opportunity=We welcome everyone.",
        "valid_through=2027-01-31",
        "apply_url=https://acme.example/jobs",
    ] {
        all.extend(["--set", pair]);
    }
    let out = rolecraft(data.path(), &all);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Acme | Berlin | Hybrid | Full-time | €200k"));
}

#[test]
fn a_user_template_gives_exactly_its_text_and_is_listed() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("templates")).unwrap();
    std::fs::write(
        data.path().join("templates/mine.hbs"),
        "{{role.title}} at {{posting.company}}",
    )
    .unwrap();
    let out = rolecraft(
        data.path(),
        &[
            "jd",
            "vp-of-engineering",
            "--template",
            "mine",
            "--set",
            "company=Acme",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out), "VP of Engineering at Acme");
    assert_eq!(stderr(&out), "");

    let out = rolecraft(data.path(), &["templates", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let names: Vec<(&str, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap(), t["origin"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [
            ("full", "built_in"),
            ("job-board", "built_in"),
            ("levelling-summary", "built_in"),
            ("mine", "user")
        ]
    );
    assert_eq!(list[3]["fields"], serde_json::json!(["company"]));
    let table = stdout(&rolecraft(data.path(), &["templates"]));
    assert!(
        table.contains("full") && table.contains("Full public posting") && table.contains("mine"),
        "{table}"
    );
}

#[test]
fn a_template_file_with_a_misspelt_field_fails_naming_the_file_line_and_column() {
    let data = tempfile::tempdir().unwrap();
    let tpl = data.path().join("jd.hbs");
    std::fs::write(&tpl, "# {{role.title}}\n\nAt {{posting.compnay}}\n").unwrap();
    let out = rolecraft(
        data.path(),
        &["jd", "cto", "--template-file", tpl.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("template \"{}\" line 3, column 4", tpl.display())),
        "{err}"
    );
    assert!(err.contains("posting.compnay"), "{err}");

    std::fs::write(&tpl, "# {{role.title}}\n{{#each sections}}\n{{/if}}\n").unwrap();
    let out = rolecraft(
        data.path(),
        &["jd", "cto", "--template-file", tpl.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("line 3, column 1"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn sections_choose_and_order_what_the_posting_shows() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &[
            "jd",
            "vp-of-engineering",
            "--template",
            "levelling-summary",
            "--sections",
            "responsibilities,scope_of_knowledge",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let md = stdout(&out);
    let resp = md.find("## Responsibilities").expect("responsibilities");
    let scope = md
        .find("## Scope of knowledge")
        .expect("scope of knowledge");
    assert!(resp < scope, "{md}");
    assert_eq!(
        md.matches("\n## ").count(),
        3,
        "two sections and Sources: {md}"
    );
}

#[test]
fn bad_input_exits_1_with_a_message() {
    let data = tempfile::tempdir().unwrap();
    for (args, expected) in [
        (
            vec!["jd", "vp-of-engineering", "--set", "compnay=Acme"],
            "unknown posting field \"compnay\"",
        ),
        (
            vec!["jd", "vp-of-engineering", "--template", "nope"],
            "no template \"nope\"",
        ),
        (
            vec!["jd", "vp-of-engineering", "--sections", "nope"],
            "has no section \"nope\"",
        ),
        (vec!["jd", "no-such-role"], "no-such-role"),
    ] {
        let out = rolecraft(data.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
        assert_eq!(stdout(&out), "");
    }
}
