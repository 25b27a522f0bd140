//! Every rule with texts it must flag and texts it must leave alone.

use std::sync::LazyLock;

use super::*;
use crate::render::{build_context, Meta, Renderer};
use crate::testing::{section, vp};

static CHECKER: LazyLock<Checker> = LazyLock::new(|| Checker::new().unwrap());

fn draft_with(pairs: &[&str]) -> Draft {
    let mut d = Draft::new("t", "vp-of-engineering", "full");
    for p in pairs {
        d.posting.set_pair(p).unwrap();
    }
    d
}

const COMPLETE: [&str; 4] = [
    "company=Acme",
    "location=Berlin, Germany",
    "employment_type=full_time",
    "how_to_apply=Send your CV to jobs@acme.example.",
];

/// Findings of the rule on `md`, with the hand-built VP role and a complete posting.
fn on_text(rule: &str, md: &str) -> Vec<Finding> {
    let role = vp();
    let d = draft_with(&COMPLETE);
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    CHECKER
        .check(&CheckInput {
            role: &role,
            draft: &d,
            context: &ctx,
            markdown: md,
        })
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn texts(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| f.text.clone().unwrap_or_default().to_lowercase())
        .collect()
}

/// A whole posting rendered with `full` for the hand-built role and the given fields.
fn on_posting(pairs: &[&str]) -> Report {
    check_rendered(&vp(), &draft_with(pairs))
}

/// `d` rendered with its template (dated 2026-12-01) for `role`: the context and Markdown.
fn rendered_with(role: &crate::model::Role, d: &Draft) -> (JdContext, String) {
    let r = Renderer::new();
    let ctx = r
        .context(role, d, Meta::at("2026-12-01", &d.template))
        .unwrap();
    let md = r.render_markdown(&d.template, &ctx).unwrap();
    (ctx, md)
}

/// `d` rendered for `role` and checked (the audience guessed from the template).
fn check_rendered(role: &crate::model::Role, d: &Draft) -> Report {
    let (ctx, md) = rendered_with(role, d);
    CHECKER.check(&CheckInput {
        role,
        draft: d,
        context: &ctx,
        markdown: &md,
    })
}

fn rule<'a>(r: &'a Report, id: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == id).collect()
}

#[test]
fn gender_coded_stems_match_at_word_starts_with_the_listed_exceptions() {
    let f = on_text(
        "gender_coded",
        "A competitive, confident and self-confident leader. Sharing and understanding.",
    );
    assert_eq!(
        texts(&f),
        [
            "competitive",
            "confident",
            "self-confident",
            "leader",
            "sharing",
            "understanding"
        ]
    );
    // False positives: stems inside words, listed exceptions, phrases.
    let none = on_text(
        "gender_coded",
        "Competence and competent people; sharks; sharp; understated; confidential data; data-driven; shareholder.",
    );
    assert!(none.is_empty(), "{:?}", texts(&none));
    assert!(f.iter().all(|x| x.severity == Severity::Info));
    assert!(f[0].source.as_deref().unwrap().contains("Gaucher"));
}

#[test]
fn gender_coded_words_in_names_of_teams_tools_and_metrics_are_not_coded() {
    let none = on_text(
        "gender_coded",
        "Works with Customer Success, Support, Security. Support ticket rate per account; \
         reduced support burden. Collaboration Slack / Microsoft Teams. Interpretation of \
         leading vs lagging indicators (leading/lagging, cohorts); leading indicators. \
         Objection handling, competitive battlecards. Present competing requests. Decision \
         logs. 60–80% of committed OKRs; predictability for committed work. Shared platforms.",
    );
    assert!(none.is_empty(), "{:?}", texts(&none));
    // The same words as traits stay coded.
    let coded = on_text(
        "gender_coded",
        "We support each other. Leading a team of 40. A competitive culture, competing with \
         peers. A decision maker. A committed engineer. Shared ownership. Collaboration is \
         our habit.",
    );
    assert_eq!(
        texts(&coded),
        [
            "support",
            "leading",
            "competitive",
            "competing",
            "decision",
            "committed",
            "shared",
            "collaboration"
        ]
    );
}

#[test]
fn the_balance_lists_each_word_once_and_gives_a_verdict() {
    let r = on_posting(&COMPLETE);
    assert!(!r.balance.verdict.is_empty());
    let masc: Vec<&str> = r.balance.masculine.iter().map(String::as_str).collect();
    let mut dedup = masc.clone();
    dedup.dedup();
    assert_eq!(masc.len(), dedup.len());
    let strongly = on_text(
        "gender_balance",
        "Aggressive, ambitious, assertive, decisive, dominant, fearless leaders.",
    );
    assert_eq!(strongly.len(), 1);
    assert!(strongly[0].message.contains("strongly masculine-coded"));
    assert!(on_text("gender_balance", "Kind, supportive and aggressive.").is_empty());
}

#[test]
fn the_verdict_weighs_every_occurrence_as_gender_decoder_does() {
    // Two distinct masculine words against three distinct feminine ones, but eleven
    // masculine occurrences: strongly masculine-coded, not feminine-coded.
    let md =
        "Lead the leaders. Lead, lead, lead and lead. The leaders lead; leaders lead and lead. \
              Kind, supportive and loyal.";
    let role = vp();
    let d = draft_with(&COMPLETE);
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    let r = CHECKER.check(&CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: md,
    });
    assert_eq!(
        r.balance.masculine,
        ["lead", "leaders"],
        "each word listed once"
    );
    assert_eq!(r.balance.feminine, ["kind", "supportive", "loyal"]);
    assert_eq!(
        (r.balance.masculine_uses, r.balance.feminine_uses),
        (11, 3),
        "and every occurrence counted"
    );
    assert_eq!(r.balance.verdict, "strongly masculine-coded");
    let warn = rule(&r, "gender_balance");
    assert_eq!(warn.len(), 1);
    assert!(
        warn[0]
            .message
            .contains("11 masculine-coded, 3 feminine-coded"),
        "{}",
        warn[0].message
    );
    // Balanced occurrences: neutral, whatever the distinct words.
    let even = on_text(
        "gender_balance",
        "Lead, lead, lead and lead. Kind, loyal, warm and gentle.",
    );
    assert!(even.is_empty(), "{:?}", texts(&even));
    assert_eq!(rules::verdict(4, 4), "neutral");
    assert_eq!(rules::verdict(1, 5), "strongly feminine-coded");
    assert_eq!(rules::verdict(2, 5), "feminine-coded");
    assert_eq!(rules::verdict(5, 2), "masculine-coded");
    assert_eq!(rules::verdict(6, 2), "strongly masculine-coded");
}

#[test]
fn exclusionary_terms_are_found_and_exceptions_and_substrings_are_not() {
    let f = on_text(
        "exclusionary",
        "We want a rockstar ninja who can work hard, play hard in a fast-paced team.",
    );
    let t = texts(&f);
    assert!(
        t.contains(&"rockstar".to_string()) && t.contains(&"ninja".to_string()),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x.starts_with("work hard")), "{t:?}");
    assert!(f.iter().all(|x| x.suggestion.is_some()));
    let none = on_text(
        "exclusionary",
        "Use the setup wizard. Brothers in arms. Heroic efforts. Broad scope. Rocks and stars.",
    );
    assert!(none.is_empty(), "{:?}", texts(&none));
}

#[test]
fn age_coded_years_above_the_threshold_and_terms() {
    let f = on_text(
        "age_coded",
        "15+ years of experience; a recent graduate or digital native welcome.",
    );
    let t = texts(&f);
    assert!(t.contains(&"15+ years".to_string()), "{t:?}");
    assert!(
        t.contains(&"recent graduate".to_string()) && t.contains(&"digital native".to_string()),
        "{t:?}"
    );
    assert!(f.iter().all(|x| x.suggestion.is_some()));
    let none = on_text(
        "age_coded",
        "5+ years of experience; 8-10 years is fine; a 20-person team; graduates of any year.",
    );
    assert!(none.is_empty(), "{:?}", texts(&none));
    // The threshold is configurable.
    let cfg = ChecksConfig::parse(r#"{"years_threshold": 4}"#).unwrap();
    let strict = Checker::with_config(cfg).unwrap();
    let role = vp();
    let d = draft_with(&COMPLETE);
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    let r = strict.check(&CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: "5+ years of experience.",
    });
    assert_eq!(rule(&r, "age_coded").len(), 1);
}

#[test]
fn age_coded_ranges_with_a_plus_and_labelled_figures() {
    let f = on_text(
        "age_coded",
        "12–18+ years of product leadership experience.",
    );
    assert_eq!(
        texts(&f),
        ["12–18+ years"],
        "the whole range, not \"18+ years\""
    );
    assert!(on_text("age_coded", "6–8+ years of experience.").is_empty());
    // How the levelling summary prints the fact: no "years" after the figure.
    let f = on_text(
        "age_coded",
        "- **Track:** People Manager Path\n- **Years of experience:** 20+\n",
    );
    assert_eq!(texts(&f), ["20+"]);
    assert!(
        f[0].message.contains("\"Years of experience: 20+\""),
        "{}",
        f[0].message
    );
    assert!(f[0].suggestion.is_some());
    for fine in [
        "- **Years of experience:** 8+\n",
        "Years of experience: 5-10\n",
        "We have 20+ engineers and 15 offices.",
    ] {
        assert!(on_text("age_coded", fine).is_empty(), "{fine}");
    }
    // Said twice, reported once.
    assert_eq!(
        on_text("age_coded", "Years of experience: 15+ years").len(),
        1
    );
    // Rendered by the levelling summary, the finding points at the role's fact.
    let mut role = vp();
    role.fact_sources.insert(
        "years_of_experience".into(),
        crate::model::SourceRef {
            file: "hand.md".into(),
            line: 7,
        },
    );
    let mut d = draft_with(&COMPLETE);
    d.template = "levelling-summary".into();
    let rep = check_rendered(&role, &d);
    let age = rule(&rep, "age_coded");
    assert_eq!(age.len(), 1, "{age:?}");
    assert_eq!(
        age[0].origin,
        FindingOrigin::Fact {
            key: "years_of_experience".into(),
            file: Some("hand.md".into()),
            line: Some(7)
        }
    );
}

#[test]
fn spelling_flags_typos_and_accepts_company_terms_and_the_user_dictionary() {
    let f = on_text(
        "spelling",
        "Stretegic thinking. Accountable for histing COGS and SaaS spending with EMs.",
    );
    let t = texts(&f);
    assert!(
        t.contains(&"stretegic".to_string()) && t.contains(&"histing".to_string()),
        "{t:?}"
    );
    assert!(
        !t.iter()
            .any(|w| ["cogs", "saas", "ems"].contains(&w.as_str())),
        "{t:?}"
    );
    let good = on_text("spelling", "Strategic thinking about engineering spending.");
    assert!(good.is_empty(), "{:?}", texts(&good));
    let cfg = ChecksConfig::parse(r#"{"dictionary": ["Acmeflow"]}"#).unwrap();
    let mine = Checker::with_config(cfg).unwrap();
    let role = vp();
    let d = draft_with(&COMPLETE);
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    let input = CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: "Acmeflow runs here.",
    };
    assert!(rule(&mine.check(&input), "spelling").is_empty());
    assert_eq!(rule(&CHECKER.check(&input), "spelling").len(), 1);
}

#[test]
fn product_jargon_is_not_misspelt_and_typos_still_are() {
    let ok = on_text(
        "spelling",
        "Drives reprioritization in a matrixed organisation; virality loops; tiering of \
         accounts; customer referenceability; qual/quant research; product mgmt.",
    );
    assert!(ok.is_empty(), "{:?}", texts(&ok));
    let typos = on_text(
        "spelling",
        "Stretegic thinking. Accountable for histing the budget, eg the cloud spend.",
    );
    assert_eq!(texts(&typos), ["stretegic", "histing", "eg"]);
}

#[test]
fn grammar_leaves_nouns_in_a_list_of_adjectives_alone() {
    let none = on_text(
        "grammar",
        "Judge a hire from a staffing, cultural, and technical standpoint.",
    );
    assert!(
        none.is_empty(),
        "{:?}",
        none.iter().map(|f| &f.message).collect::<Vec<_>>()
    );
    let repeated = on_text("grammar", "You will lead the the team.");
    assert_eq!(texts(&repeated), ["the the"], "grammar is still checked");
}

#[test]
fn two_threads_checking_at_once_each_get_their_own_findings() {
    let role = vp();
    let d = draft_with(&COMPLETE);
    let r = Renderer::new();
    let ctx = r
        .context(&role, &d, Meta::at("2026-12-01", "full"))
        .unwrap();
    let posting = r.render_markdown("full", &ctx).unwrap();
    let typos = "Stretegic thinking. Accountable for histing COGS and SaaS spending with EMs.";
    let check = |checker: &Checker, md: &str| {
        checker.check(&CheckInput {
            role: &role,
            draft: &d,
            context: &ctx,
            markdown: md,
        })
    };
    // Each text alone, on a checker of its own.
    let expected = [
        check(&Checker::new().unwrap(), &posting),
        check(&Checker::new().unwrap(), typos),
    ];
    assert_eq!(rule(&expected[1], "spelling").len(), 2);
    let shared = Checker::new().unwrap();
    let start = std::sync::Barrier::new(2);
    std::thread::scope(|s| {
        let threads = [posting.as_str(), typos].map(|md| {
            let (shared, start, check) = (&shared, &start, &check);
            s.spawn(move || {
                start.wait();
                (0..3).map(|_| check(shared, md)).collect::<Vec<_>>()
            })
        });
        for (thread, expected) in threads.into_iter().zip(&expected) {
            for report in thread.join().unwrap() {
                assert_eq!(&report, expected);
            }
        }
    });
}

#[test]
fn length_and_readability() {
    let short = on_text("length", "A short posting.");
    assert_eq!(short.len(), 1);
    assert!(short[0].message.contains("3 words"), "{}", short[0].message);
    let ok = "Plain words here. ".repeat(120);
    assert!(on_text("length", &ok).is_empty());
    assert!(on_text("readability", &ok).is_empty());
    let hard = "Organisational transformational accountabilities necessitate comprehensive interdisciplinary institutionalisation. ".repeat(60);
    assert_eq!(on_text("readability", &hard).len(), 1);
}

#[test]
fn another_role_named_in_the_text() {
    let f = on_text("other_role", "The Chief Engineer sets technical strategy.");
    assert_eq!(texts(&f), ["the chief engineer"]);
    assert!(f[0].message.contains("VP of Engineering"));
    assert!(on_text(
        "other_role",
        "The VP of Engineering sets strategy. The Platform is ours."
    )
    .is_empty());
}

#[test]
fn internal_text_and_sections_are_errors() {
    let f = on_text(
        "internal_text",
        "reference: People manager competencies (internal link)",
    );
    assert_eq!(f.len(), 2);
    assert!(f.iter().all(|x| x.severity == Severity::Error));
    assert!(on_text(
        "internal_text",
        "We publish our internal tools as open source. Nothing TBDish."
    )
    .is_empty());
    let mut d = draft_with(&COMPLETE);
    d.sections = Some(vec!["summary".into(), "checkpoints".into()]);
    let role = vp();
    let rep = check_rendered(&role, &d);
    let found = rule(&rep, "internal_section");
    assert_eq!(found.len(), 1, "chosen explicitly: a warning");
    assert_eq!(found[0].severity, Severity::Warning);
    assert!(rule(&on_posting(&COMPLETE), "internal_section").is_empty());
}

/// The hand-built role rendered with `template` from `renderer`, and the input parts.
fn rendered(renderer: &Renderer, template: &str) -> (crate::model::Role, Draft, JdContext, String) {
    let role = vp();
    let mut d = draft_with(&COMPLETE);
    d.template = template.into();
    let ctx = renderer
        .context(&role, &d, Meta::at("2026-12-01", template))
        .unwrap();
    let md = renderer.render_markdown(template, &ctx).unwrap();
    (role, d, ctx, md)
}

#[test]
fn an_internal_template_may_show_internal_sections_and_notes() {
    let renderer = Renderer::new();
    let (role, d, ctx, md) = rendered(&renderer, "levelling-summary");
    assert!(
        md.contains("Checkpoints for reaching this level") && md.contains("not for publication")
    );
    let input = CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: &md,
    };
    let internal = |r: &Report| {
        r.findings
            .iter()
            .filter(|f| f.rule.starts_with("internal_"))
            .cloned()
            .collect::<Vec<_>>()
    };
    // Told by the template's header, or guessed from the built-in's: nothing to report.
    let told = CHECKER.check_as(
        &input,
        Audience::of_template(renderer.info("levelling-summary").unwrap().internal),
    );
    assert!(internal(&told).is_empty(), "{:?}", internal(&told));
    assert_eq!(Audience::guess(&input), Audience::Internal);
    assert_eq!(CHECKER.check(&input), told);
    // The same text published is full of errors.
    let published = CHECKER.check_as(&input, Audience::Candidates);
    let errors = internal(&published);
    assert!(
        errors.iter().any(|f| f.rule == "internal_section"),
        "{errors:?}"
    );
    assert!(errors.iter().all(|f| f.severity == Severity::Error));
    // A placeholder is still worth an info in an internal document.
    let todo = format!("{md}\nTODO: add the promotion criteria.\n");
    let r = CHECKER.check_as(
        &CheckInput {
            markdown: &todo,
            ..input
        },
        Audience::Internal,
    );
    let found = internal(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    // Nor is it a posting: no company, way to apply, pay or length is asked of it, even for
    // a Denver job with none of them (all asked once the same text is a posting).
    let mut denver = draft_with(&["location=Denver, CO, US"]);
    denver.template = d.template.clone();
    let denver_ctx = renderer
        .context(&role, &denver, Meta::at("2026-12-01", &denver.template))
        .unwrap();
    let long = format!(
        "{}\n{}",
        renderer
            .render_markdown(&denver.template, &denver_ctx)
            .unwrap(),
        "More words for colleagues. ".repeat(300)
    );
    let denver_input = CheckInput {
        role: &role,
        draft: &denver,
        context: &denver_ctx,
        markdown: &long,
    };
    let posting_only = ["required_field", "pay_transparency", "length"];
    let asked = |r: &Report| {
        posting_only
            .iter()
            .filter(|rule| r.findings.iter().any(|f| f.rule == **rule))
            .count()
    };
    assert_eq!(
        asked(&CHECKER.check_as(&denver_input, Audience::Internal)),
        0
    );
    assert_eq!(
        asked(&CHECKER.check_as(&denver_input, Audience::Candidates)),
        posting_only.len()
    );
    assert_eq!(found[0].severity, Severity::Info);
    // A user template that replaces the built-in for candidates is checked as a posting.
    let mut mine = Renderer::new();
    mine.add_template(
        "levelling-summary",
        "# {{role.title}}\n\n{{#each sections}}## {{heading}}\n\n{{#each items}}- {{text}}\n{{/each}}\n{{/each}}",
        crate::render::TemplateOrigin::User,
    )
    .unwrap();
    let (role, d, ctx, md) = rendered(&mine, "levelling-summary");
    let input = CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: &md,
    };
    assert_eq!(Audience::guess(&input), Audience::Candidates);
}

#[test]
fn internal_text_inside_a_flagged_section_is_not_reported_again() {
    let mut role = vp();
    role.sections.push(section(
        "job_description_links",
        "Job Description (Internal links)",
        &["Engineering ladder overview"],
    ));
    role.sections.push(section(
        "page_notes",
        "Page notes",
        &["reference: People manager competencies (internal link)"],
    ));
    role.sections[1].items[0].text = "Owns the metrics on the dashboard (internal link).".into();
    let mut d = draft_with(&COMPLETE);
    d.template = "levelling-summary".into();
    let (ctx, md) = rendered_with(&role, &d);
    let input = CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: &md,
    };
    // Published: each internal section once; internal text only outside them.
    let rep = CHECKER.check_as(&input, Audience::Candidates);
    let sections: Vec<_> = rule(&rep, "internal_section")
        .iter()
        .map(|f| f.origin.clone())
        .collect();
    assert_eq!(sections.len(), 3, "{sections:?}");
    let text = rule(&rep, "internal_text");
    assert_eq!(
        texts(&text.iter().map(|f| (*f).clone()).collect::<Vec<_>>()),
        ["(internal link)", "not for publication"]
    );
    assert!(
        matches!(&text[0].origin, FindingOrigin::Item { section, .. } if section == "responsibilities")
    );
    // With internal_section off, internal_text reports what is in those sections too.
    let cfg =
        ChecksConfig::parse(r#"{"rules": {"internal_section": {"enabled": false}}}"#).unwrap();
    let alone = Checker::with_config(cfg)
        .unwrap()
        .check_as(&input, Audience::Candidates);
    assert_eq!(
        texts(
            &alone
                .findings
                .into_iter()
                .filter(|f| f.rule == "internal_text")
                .collect::<Vec<_>>()
        ),
        [
            "(internal link)",
            "internal links",
            "reference: ",
            "(internal link)",
            "not for publication"
        ]
    );
}

#[test]
fn internal_text_from_the_template_does_not_suggest_editing_an_item() {
    let f = on_text("internal_text", "*Internal: not for publication.*");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].origin, FindingOrigin::Template);
    let s = f[0].suggestion.as_deref().unwrap();
    assert!(s.contains("template") && !s.contains("item"), "{s}");
    // In an item, editing the item is the way.
    let role = vp();
    let mut d = draft_with(&COMPLETE);
    d.sections = Some(vec!["responsibilities".into()]);
    let mut role_todo = role.clone();
    role_todo.sections[1].items[0].text = "Owns the metrics (TODO: which ones).".into();
    let rep = check_rendered(&role_todo, &d);
    let todo = rule(&rep, "internal_text");
    assert_eq!(todo.len(), 1, "{todo:?}");
    assert!(matches!(todo[0].origin, FindingOrigin::Item { .. }));
    assert!(todo[0]
        .suggestion
        .as_deref()
        .unwrap()
        .contains("edit the item"));
}

#[test]
fn required_fields_do_not_depend_on_the_template() {
    let r = on_posting(&[]);
    let fields: Vec<_> = rule(&r, "required_field")
        .iter()
        .map(|f| f.origin.clone())
        .collect();
    for key in ["company", "location", "employment_type", "how_to_apply"] {
        assert!(
            fields.contains(&FindingOrigin::Field { field: key.into() }),
            "{key}: {fields:?}"
        );
    }
    assert!(rule(&on_posting(&COMPLETE), "required_field").is_empty());
    // A remote job needs no location; an apply URL is a way to apply.
    let remote = on_posting(&[
        "company=Acme",
        "workplace=remote",
        "applicant_regions=DE",
        "employment_type=full_time",
        "apply_url=https://acme.example/jobs/1",
    ]);
    assert!(
        rule(&remote, "required_field").is_empty(),
        "{:?}",
        rule(&remote, "required_field")
    );
}

#[test]
fn field_formats() {
    let mut d = draft_with(&COMPLETE);
    d.posting.date_posted = Some("01/12/2026".into());
    d.posting.salary = Some(crate::drafts::Salary {
        min: Some(200.0),
        max: Some(100.0),
        currency: None,
        period: None,
    });
    let role = vp();
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    let r = CHECKER.check(&CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: "x",
    });
    let msgs: Vec<_> = rule(&r, "field_format")
        .iter()
        .map(|f| f.message.clone())
        .collect();
    assert_eq!(msgs.len(), 4, "{msgs:?}");
    assert!(rule(&on_posting(&COMPLETE), "field_format").is_empty());
}

#[test]
fn pay_transparency_colorado_needs_a_range_and_benefits() {
    let mut pairs = COMPLETE.to_vec();
    pairs[1] = "location=Denver, CO, US";
    let r = on_posting(&pairs);
    let pay = rule(&r, "pay_transparency");
    assert_eq!(pay.len(), 2, "{pay:?}");
    assert!(pay.iter().all(|f| f.severity == Severity::Error));
    assert!(pay
        .iter()
        .any(|f| f.message.contains("Colorado") && f.message.contains("pay range")));
    assert!(pay.iter().any(|f| f.message.contains("benefits")));
    assert!(
        pay[0].explanation.contains("not legal advice"),
        "{}",
        pay[0].explanation
    );
    assert!(pay[0]
        .source
        .as_deref()
        .unwrap()
        .contains("cdle.colorado.gov"));

    pairs.extend([
        "salary_min=150000",
        "salary_max=180000",
        "currency=USD",
        "salary_period=year",
        "benefits=Health, dental and vision insurance; 401(k) with match.",
    ]);
    assert!(rule(&on_posting(&pairs), "pay_transparency").is_empty());
    // Berlin: the EU directive applies, but is not yet in force... or in force: it names a range.
    let berlin = on_posting(&COMPLETE);
    for f in rule(&berlin, "pay_transparency") {
        assert!(f.message.contains("European Union"), "{}", f.message);
    }
}

#[test]
fn pay_transparency_new_york_city_rejects_an_open_ended_range() {
    let mut pairs = COMPLETE.to_vec();
    pairs[1] = "location=New York, NY, US";
    pairs.push("salary_max=250000");
    let r = on_posting(&pairs);
    let pay = rule(&r, "pay_transparency");
    assert!(
        pay.iter()
            .any(|f| f.message.contains("New York City") && f.message.contains("open-ended")),
        "{pay:?}"
    );
    assert!(pay.iter().any(|f| f.origin
        == FindingOrigin::Field {
            field: "salary_min".into()
        }));
    // Texas has no rule; a Denver office job is not covered by remote applicants elsewhere.
    let mut tx = COMPLETE.to_vec();
    tx[1] = "location=Austin, TX, US";
    assert!(rule(&on_posting(&tx), "pay_transparency").is_empty());
    // A remote job open to US applicants is covered by Colorado's rule (covers remote work).
    let remote = on_posting(&[
        "company=Acme",
        "workplace=remote",
        "applicant_regions=US",
        "employment_type=full_time",
        "how_to_apply=Apply online.",
    ]);
    assert!(rule(&remote, "pay_transparency")
        .iter()
        .any(|f| f.message.contains("Colorado")));
}

#[test]
fn findings_on_items_point_at_the_item_and_its_source_line() {
    let mut role = vp();
    role.sections[1].items[2].text = "Stretegic thinking across teams.".into();
    role.sections[1].items[2].source.line = 42;
    let d = draft_with(&COMPLETE);
    let md = rendered_with(&role, &d).1;
    let rep = check_rendered(&role, &d);
    let typo = rule(&rep, "spelling")
        .into_iter()
        .find(|f| f.text.as_deref() == Some("Stretegic"))
        .expect("the typo is found");
    assert_eq!(
        typo.origin,
        FindingOrigin::Item {
            section: "responsibilities".into(),
            index: 2,
            file: "hand.md".into(),
            line: 42
        }
    );
    let span = typo.span.unwrap();
    assert_eq!(&md[span.start..span.end], "Stretegic");
}

#[test]
fn findings_in_section_titles_group_titles_and_skills_point_at_the_role() {
    use crate::model::{Skill, SourceRef};
    let mut role = vp();
    role.sections[2].title = "Scope, with courage".into();
    role.sections[1].items[4].group = Some("Fearless delivery".into());
    let mut attainment = crate::testing::item("Champions product discovery across teams.", None);
    attainment.source = SourceRef {
        file: "sfia.txt".into(),
        line: 9,
    };
    role.skills.push(Skill {
        code: "PROD".into(),
        name: "Product management".into(),
        level: Some(6),
        category: None,
        subcategory: None,
        attainment: vec![attainment],
        description: vec![],
        reference: None,
        source: SourceRef {
            file: "sfia.txt".into(),
            line: 8,
        },
    });
    let mut d = draft_with(&COMPLETE);
    d.template = "levelling-summary".into();
    let (ctx, md) = rendered_with(&role, &d);
    let input = CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: &md,
    };
    let rep = CHECKER.check(&input);
    let origin_of = |word: &str| {
        rule(&rep, "gender_coded")
            .into_iter()
            .find(|f| f.text.as_deref() == Some(word))
            .unwrap_or_else(|| panic!("{word} is coded"))
            .origin
            .clone()
    };
    let section = |key: &str| FindingOrigin::Section {
        section: key.into(),
    };
    assert_eq!(
        origin_of("courage"),
        section("scope_of_knowledge"),
        "section title"
    );
    assert_eq!(
        origin_of("Fearless"),
        section("responsibilities"),
        "group title"
    );
    assert_eq!(
        origin_of("Champions"),
        FindingOrigin::Item {
            section: "skills".into(),
            index: 0,
            file: "sfia.txt".into(),
            line: 9
        },
        "skill statement"
    );
    // The template's own words stay the template's.
    let map = SourceMap::build(&input);
    let i = md.find("levelling summary").unwrap();
    assert_eq!(map.origin(i, i + 17), FindingOrigin::Template);
    let i = md.find("SFIA skills").unwrap();
    assert_eq!(map.origin(i, i + 11), FindingOrigin::Template);
    let i = md.find("Product management").unwrap();
    assert_eq!(map.origin(i, i + 18), section("skills"));
}

#[test]
fn a_rule_can_be_switched_off_or_given_another_severity() {
    let cfg = ChecksConfig::parse(
        r#"{"rules": {"spelling": {"enabled": false}, "length": {"severity": "error"}}}"#,
    )
    .unwrap();
    let c = Checker::with_config(cfg).unwrap();
    let role = vp();
    let d = draft_with(&COMPLETE);
    let ctx = build_context(&role, &d, None, Meta::at("2026-12-01", "full")).unwrap();
    let r = c.check(&CheckInput {
        role: &role,
        draft: &d,
        context: &ctx,
        markdown: "Stretegic.",
    });
    assert!(rule(&r, "spelling").is_empty());
    assert_eq!(rule(&r, "length")[0].severity, Severity::Error);
    let err =
        ChecksConfig::parse("{\n  \"rules\": {\"spelling\": {\"enabeld\": true}}\n}").unwrap_err();
    assert!(err.contains("line 2") && err.contains("enabeld"), "{err}");
}

#[test]
fn every_rule_id_is_documented() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/checks.md"))
        .unwrap();
    for id in RULES {
        assert!(
            doc.contains(&format!("`{id}`")),
            "docs/checks.md lacks {id}"
        );
    }
}

#[test]
fn typescript_declarations_export() {
    use ts_rs::{Config, TS};
    let cfg = Config::new();
    for text in [
        Finding::export_to_string(&cfg),
        Report::export_to_string(&cfg),
        FindingOrigin::export_to_string(&cfg),
        Severity::export_to_string(&cfg),
        Span::export_to_string(&cfg),
        Balance::export_to_string(&cfg),
        ChecksConfig::export_to_string(&cfg),
    ] {
        assert!(text.unwrap().contains("export type"));
    }
}
