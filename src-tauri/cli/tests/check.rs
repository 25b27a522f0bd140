//! `rolecraft check` and the posting formats of `rolecraft jd`: the done-when cases.

mod common;

use common::{rolecraft, stderr, stdout};
use serde_json::Value;

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_str(&stdout(out)).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

#[test]
fn a_denver_posting_without_pay_fails_naming_colorado_and_passes_with_range_and_benefits() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &["check", "cto", "--set", "location=Denver, CO, US"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("error")
            && l.contains("pay_transparency")
            && l.contains("Colorado")),
        "{text}"
    );

    let full = [
        "check",
        "cto",
        "--format",
        "json",
        "--set",
        "location=Denver, CO, US",
        "--set",
        "salary_min=250000",
        "--set",
        "salary_max=300000",
        "--set",
        "currency=USD",
        "--set",
        "salary_period=year",
        "--set",
        "benefits=Health, dental and vision; 401(k) with a match.",
        "--set",
        "company=Acme",
        "--set",
        "employment_type=full_time",
        "--set",
        "how_to_apply=Apply at acme.example/jobs.",
    ];
    let out = rolecraft(data.path(), &full);
    let v = json_of(&out);
    assert!(findings(&v, "pay_transparency").is_empty(), "{v:#}");
    assert!(v["words"].as_u64().unwrap() > 100);
    assert!(v["balance"]["verdict"].is_string());
}

#[test]
fn new_york_city_with_only_a_maximum_names_the_open_ended_range() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &[
            "check",
            "cto",
            "--format",
            "json",
            "--set",
            "location=New York, NY, US",
            "--set",
            "salary_max=250000",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let v = json_of(&out);
    let pay = findings(&v, "pay_transparency");
    assert!(
        pay.iter().any(|f| {
            let m = f["message"].as_str().unwrap();
            m.contains("New York City") && m.contains("open-ended") && f["field"] == "salary_min"
        }),
        "{pay:#?}"
    );
}

#[test]
fn director_of_engineering_has_stretegic_at_its_item_and_source_line_and_15_years_age_coded() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &["check", "director-of-engineering", "--format", "json"],
    );
    let v = json_of(&out);
    let spelling = findings(&v, "spelling");
    let typo = spelling
        .iter()
        .find(|f| f["text"] == "Stretegic")
        .unwrap_or_else(|| panic!("{spelling:#?}"));
    assert_eq!(typo["item"]["section"], "competencies");
    assert_eq!(typo["item"]["file"], "000_8c1f8f3f73223611.txt");
    assert!(typo["item"]["line"].as_u64().unwrap() > 0);
    assert!(typo["span"]["start"].as_u64().unwrap() < typo["span"]["end"].as_u64().unwrap());
    let age = findings(&v, "age_coded");
    assert!(
        age.iter()
            .any(|f| f["text"].as_str().unwrap().starts_with("15+")),
        "{age:#?}"
    );
    // The human format names the item and its source line too.
    let out = rolecraft(data.path(), &["check", "director-of-engineering"]);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.contains("Stretegic")
            && l.contains("[competencies #1, 000_8c1f8f3f73223611.txt:")),
        "{text}"
    );
}

#[test]
fn jd_formats_and_check_before_writing() {
    let data = tempfile::tempdir().unwrap();
    let base = [
        "jd",
        "vp-of-engineering",
        "--set",
        "company=Acme",
        "--set",
        "location=Berlin, Germany",
        "--set",
        "employment_type=FULL-TIME",
        "--set",
        "how_to_apply=Send your CV to jobs@acme.example.",
    ];
    let with = |extra: &[&str]| -> Vec<String> {
        base.iter().chain(extra).map(|s| s.to_string()).collect()
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        rolecraft(data.path(), &refs)
    };

    let out = run(with(&["--format", "jsonld"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let ld: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(ld["@type"], "JobPosting");
    assert_eq!(ld["employmentType"], "FULL_TIME");

    let out = run(vec![
        "jd".into(),
        "cto".into(),
        "--format".into(),
        "jsonld".into(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("hiringOrganization"),
        "{}",
        stderr(&out)
    );

    let out = run(with(&["--format", "fragment"]));
    let html = stdout(&out);
    assert!(
        html.contains("<h2>VP of Engineering at Acme</h2>"),
        "{html}"
    );
    assert!(!html.contains("<h1") && !html.contains("<a "), "{html}");

    let out = run(with(&["--format", "text"]));
    let text = stdout(&out);
    assert!(
        text.starts_with("VP of Engineering at Acme\n") && !text.contains("**"),
        "{text}"
    );

    let file = data.path().join("vp.docx");
    let out = run(with(&["--format", "docx", "-o", file.to_str().unwrap()]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(&std::fs::read(&file).unwrap()[..2], b"PK");
    assert_eq!(run(with(&["--format", "docx"])).status.code(), Some(1));

    // --check: a Denver posting without pay writes nothing and exits 1.
    let md = data.path().join("denver.md");
    let out = run(with(&[
        "--set",
        "location=Denver, CO, US",
        "--check",
        "-o",
        md.to_str().unwrap(),
    ]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("Colorado"), "{}", stderr(&out));
    assert!(!md.exists());
    let out = run(with(&["--check", "-o", md.to_str().unwrap()]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(md.exists());

    // Bad structured values are errors naming the key.
    let out = run(with(&["--set", "salary_period=fortnight"]));
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("salary_period"), "{}", stderr(&out));
}

#[test]
fn a_broken_checks_json_is_an_error_naming_it() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(
        data.path().join("checks.json"),
        "{\"rules\": {\"spelling\": {\"on\": 1}}}",
    )
    .unwrap();
    let out = rolecraft(data.path(), &["check", "cto"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("checks.json") && stderr(&out).contains("line 1"),
        "{}",
        stderr(&out)
    );
    std::fs::write(
        data.path().join("checks.json"),
        "{\"rules\": {\"spelling\": {\"enabled\": false}}}",
    )
    .unwrap();
    let out = rolecraft(
        data.path(),
        &["check", "director-of-engineering", "--format", "json"],
    );
    assert!(findings(&json_of(&out), "spelling").is_empty());
}

/// Internal sections are faulted in a posting, not in a template whose header says
/// `audience: internal` (the same text checked both ways).
#[test]
fn internal_sections_are_errors_only_in_templates_for_candidates() {
    let data = tempfile::tempdir().unwrap();
    let templates = data.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let body =
        "{{#each sections}}\n## {{title}}\n\n{{#each items}}\n- {{text}}\n{{/each}}\n\n{{/each}}\n";
    std::fs::write(
        templates.join("notes-posting.hbs"),
        format!("{{{{!--\ntitle: Notes\nsections: checkpoints, page_notes\n--}}}}\n{body}"),
    )
    .unwrap();
    std::fs::write(
        templates.join("notes-internal.hbs"),
        format!(
            "{{{{!--\ntitle: Notes\naudience: internal\nsections: checkpoints, page_notes\n--}}}}\n{body}"
        ),
    )
    .unwrap();
    let internal_errors = |template: &str| {
        let out = rolecraft(
            data.path(),
            &["check", "cto", "--format", "json", "--template", template],
        );
        let v = json_of(&out);
        ["internal_section", "internal_text"]
            .iter()
            .flat_map(|rule| findings(&v, rule))
            .filter(|f| f["severity"] == "error")
            .count()
    };
    assert!(internal_errors("notes-posting") > 0);
    assert_eq!(internal_errors("notes-internal"), 0);
}

#[test]
fn the_summary_counts_the_coded_words_its_verdict_weighs() {
    // Two masculine-coded words used nine times against four feminine ones used once each:
    // the summary must give the counts that make its verdict, not the lengths of the
    // de-duplicated lists (which would read "2 masculine-, 4 feminine-coded").
    let data = tempfile::tempdir().unwrap();
    let template = data.path().join("coded.hbs");
    std::fs::write(
        &template,
        "# {{role.title}}\n\nLead the leaders. Lead, lead, lead and lead. The leaders lead; \
         leaders lead.\n\nKind, supportive, loyal and warm.\n",
    )
    .unwrap();
    let path = template.to_str().unwrap();
    let args = |format| ["check", "cto", "--template-file", path, "--format", format];
    let v = json_of(&rolecraft(data.path(), &args("json")));
    let balance = &v["balance"];
    let uses = |kind: &str| {
        findings(&v, "gender_coded")
            .iter()
            .filter(|f| {
                f["message"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("is {kind}-coded."))
            })
            .count() as u64
    };
    let (m, f) = (uses("masculine"), uses("feminine"));
    assert_eq!(balance["masculine_uses"], m, "{balance:#}");
    assert_eq!(balance["feminine_uses"], f, "{balance:#}");
    let distinct = |kind: &str| balance[kind].as_array().unwrap().len();
    assert!(
        m > f + 3 && distinct("masculine") < distinct("feminine"),
        "the case this test is about: {balance:#}"
    );

    let text = stdout(&rolecraft(data.path(), &args("text")));
    let summary = text.lines().last().unwrap();
    assert!(
        summary.contains(&format!(
            "strongly masculine-coded ({m} masculine-, {f} feminine-coded words, counting every use)"
        )),
        "{summary}"
    );
}
