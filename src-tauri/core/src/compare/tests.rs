//! Behaviour of the whole engine: the "Done when" comparison on the bundled library,
//! N-way and ladder views, and property tests of the invariants.

use proptest::prelude::*;

use super::testing::{role, section, skill};
use super::*;
use crate::library::bundled_roles;
use crate::model::Role;

fn bundled(id: &str) -> Role {
    bundled_roles()
        .expect("the bundled library loads")
        .into_iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("bundled role {id}"))
}

fn rows_with(section: &SectionDiff, status: Status) -> Vec<(Option<&str>, Option<&str>)> {
    section
        .rows
        .iter()
        .filter(|r| r.status == status)
        .map(|r| (r.left.as_deref(), r.right.as_deref()))
        .collect()
}

#[test]
fn director_vs_vp_of_engineering_from_the_bundled_library() {
    let dir = bundled("director-of-engineering");
    let vp = bundled("vp-of-engineering");
    let c = compare(&dir, &vp);
    assert_eq!(c.roles, ["director-of-engineering", "vp-of-engineering"]);

    let resp = c.section("responsibilities").expect("responsibilities");
    assert_eq!(
        resp.counts,
        Counts {
            same: 3,
            changed: 2,
            removed: 2,
            added: 0
        }
    );
    let removed = rows_with(resp, Status::Removed);
    assert!(
        removed.contains(&(Some("Drives EMs' happiness, engagement, and growth."), None)),
        "{removed:?}"
    );
    let changed = rows_with(resp, Status::Changed);
    assert!(
        changed.contains(&(
            Some("Owns accountability for metrics-based performance of their part of the org (eg. retention, acquisition, throughput, quality)."),
            Some("Owns accountability for metrics-based performance for the engineering org (eg. retention, acquisition, throughput, quality)."),
        )),
        "{changed:?}"
    );
    assert!(changed.contains(&(
        Some("Can drive all internal communication, including cross-departmental."),
        Some("Can drive all internal and external communication."),
    )));
    let owns = resp
        .rows
        .iter()
        .find(|r| {
            r.left
                .as_deref()
                .is_some_and(|l| l.starts_with("Owns accountability"))
        })
        .unwrap();
    let words = owns.words.as_ref().expect("changed rows have words");
    assert!(
        words
            .iter()
            .any(|w| w.op == WordOpKind::Delete && w.text.contains("their part")),
        "{words:?}"
    );
    assert!(
        words
            .iter()
            .any(|w| w.op == WordOpKind::Insert && w.text.contains("engineering")),
        "{words:?}"
    );

    let scope = c.section("scope_of_knowledge").expect("scope of knowledge");
    assert_eq!(scope.counts.same, 6, "{:?}", scope.rows);
    let changed = rows_with(scope, Status::Changed);
    assert!(
        changed.contains(&(
            Some("Manages managers and ICs."),
            Some("Manages managers and directors.")
        )),
        "{changed:?}"
    );
    assert!(changed.contains(&(
        Some("Cross-functional communication."),
        Some("Cross-functional and external communication.")
    )));
    assert_eq!(
        rows_with(scope, Status::Added),
        [(None, Some("Organizational design"))]
    );
    assert_eq!(
        scope.counts,
        Counts {
            same: 6,
            changed: 2,
            removed: 0,
            added: 1
        }
    );

    let years = c
        .facts
        .iter()
        .find(|f| f.key == "years_of_experience")
        .expect("years fact");
    assert_eq!(years.status, Status::Same);
    let scope_fact = c
        .facts
        .iter()
        .find(|f| f.key == "scope")
        .expect("scope fact");
    assert_eq!(scope_fact.status, Status::Changed);
}

#[test]
fn director_vp_cto_side_by_side() {
    let (dir, vp, cto) = (
        bundled("director-of-engineering"),
        bundled("vp-of-engineering"),
        bundled("cto"),
    );
    let m = compare_many(&[&dir, &vp, &cto]).unwrap();
    assert_eq!(
        m.roles,
        ["director-of-engineering", "vp-of-engineering", "cto"]
    );
    assert_eq!(m.pairs.len(), 2);
    assert_eq!(m.pairs[0], compare(&dir, &vp));
    let scope = m
        .sections
        .iter()
        .find(|s| s.key == "scope_of_knowledge")
        .unwrap();
    assert_eq!(
        scope.counts[1],
        Some(m.pairs[0].section("scope_of_knowledge").unwrap().counts)
    );
    // "Manages managers and ICs." → "… directors." → (CTO has no such item).
    let manages = scope
        .rows
        .iter()
        .find(|r| {
            r.cells[0].as_ref().and_then(|c| c.text.as_deref()) == Some("Manages managers and ICs.")
        })
        .unwrap();
    let vp_cell = manages.cells[1].as_ref().unwrap();
    assert_eq!(vp_cell.status, Some(Status::Changed));
    assert_eq!(
        vp_cell.text.as_deref(),
        Some("Manages managers and directors.")
    );
    assert_eq!(
        manages.cells[2].as_ref().unwrap().status,
        Some(Status::Removed)
    );
    // Same statement all the way: capacity planning is shared by the three.
    let shared = m
        .ladder
        .shared
        .sections
        .iter()
        .find(|s| s.key == "scope_of_knowledge")
        .unwrap();
    assert!(
        shared
            .items
            .contains(&"Capacity planning, resource allocation, and budgeting.".to_string()),
        "{shared:?}"
    );
    assert!(!m.ladder.by_level);
    assert_eq!(m.ladder.order, m.roles);
    assert_eq!(m.ladder.steps.len(), 3);
    // The first rung lists what is not shared; shared items are not repeated there.
    let first_scope = m.ladder.steps[0]
        .sections
        .iter()
        .find(|s| s.key == "scope_of_knowledge")
        .unwrap();
    assert!(first_scope.rows.iter().all(|r| r.status == Status::Added));
    assert!(!first_scope
        .rows
        .iter()
        .any(|r| r.right.as_deref()
            == Some("Capacity planning, resource allocation, and budgeting.")));
    let vp_scope = m.ladder.steps[1]
        .sections
        .iter()
        .find(|s| s.key == "scope_of_knowledge")
        .unwrap();
    assert_eq!(vp_scope.rows.len(), 3, "{vp_scope:?}");
    assert_eq!(vp_scope.counts.same, 6);
}

fn counts(same: u32, changed: u32, removed: u32, added: u32) -> Counts {
    Counts {
        same,
        changed,
        removed,
        added,
    }
}

#[test]
fn director_vs_vp_summary_puts_the_biggest_change_first() {
    let c = compare(
        &bundled("director-of-engineering"),
        &bundled("vp-of-engineering"),
    );
    let lines: Vec<(&str, Counts)> = c
        .summary
        .sections
        .iter()
        .map(|s| (s.key.as_str(), s.counts))
        .collect();
    assert_eq!(
        lines,
        [
            ("checkpoints", counts(0, 0, 3, 9)),
            ("communication_and_leadership", counts(0, 0, 3, 5)),
            ("responsibilities", counts(3, 2, 2, 0)),
            ("scope_of_knowledge", counts(6, 2, 0, 1)),
            ("summary", counts(0, 1, 0, 0)),
            ("competencies", counts(2, 0, 0, 0)),
        ]
    );
    assert_eq!(c.summary.sections[0].changes, 12);
    assert_eq!(
        c.summary.sections[0].title,
        "Checkpoints for reaching this level"
    );
    assert_eq!(c.summary.total, counts(11, 5, 8, 15));
    assert_eq!(c.summary.total, c.totals());
    assert_eq!(c.summary.facts, counts(1, 1, 0, 0));
    assert_eq!(c.summary.skills, Counts::default());
    // Every section of the comparison is in the summary, with its own counts.
    assert_eq!(c.summary.sections.len(), c.sections.len());
    for line in &c.summary.sections {
        assert_eq!(c.section(&line.key).unwrap().counts, line.counts);
    }

    let md = Report::Pair(c.clone()).to_markdown();
    let summary_at = md.find("## Summary").expect("a summary");
    assert!(summary_at < md.find("## Facts").unwrap(), "{md}");
    assert!(
        md.contains("| Checkpoints for reaching this level | 0 | 0 | 3 | 9 |\n| Communication and leadership | 0 | 0 | 3 | 5 |"),
        "{md}"
    );
    let html = Report::Pair(c).to_html();
    let summary_at = html.find("<h2>Summary</h2>").expect("a summary");
    assert!(summary_at < html.find("<h2>Facts</h2>").unwrap());
    assert!(html.contains(
        "<td>Checkpoints for reaching this level</td><td>0</td><td>0</td><td>3</td><td>9</td>"
    ));
}

#[test]
fn the_rewritten_role_description_is_one_changed_item_with_word_marks() {
    let dir = bundled("director-of-engineering");
    let vp = bundled("vp-of-engineering");
    let c = compare(&dir, &vp);
    let summary = c.section("summary").unwrap();
    assert_eq!(summary.title, "Role Description");
    assert_eq!(summary.rows.len(), 1, "{:?}", summary.rows);
    let row = &summary.rows[0];
    assert_eq!(row.status, Status::Changed);
    assert_eq!(
        row.left.as_deref(),
        Some(dir.section("summary").unwrap().items[0].text.as_str())
    );
    assert_eq!(
        row.right.as_deref(),
        Some(vp.section("summary").unwrap().items[0].text.as_str())
    );
    let words = row.words.as_ref().expect("word marks");
    assert!(words
        .iter()
        .any(|w| w.op == WordOpKind::Equal && w.text.contains("leader who")));
    assert!(words
        .iter()
        .any(|w| w.op == WordOpKind::Insert && w.text.contains("An executive")));
    assert!(words
        .iter()
        .any(|w| w.op == WordOpKind::Delete && w.text.contains("A senior")));
    // And in the N-way view: one row, changed in each column.
    let m = compare_many(&[&dir, &vp, &bundled("cto")]).unwrap();
    let rows = &m.sections.iter().find(|s| s.key == "summary").unwrap().rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].cells[1].as_ref().unwrap().status,
        Some(Status::Changed)
    );
    assert_eq!(
        rows[0].cells[2].as_ref().unwrap().status,
        Some(Status::Changed)
    );
}

#[test]
fn n_way_rows_say_when_every_role_has_them_unchanged() {
    let m = compare_many(&[
        &bundled("director-of-engineering"),
        &bundled("vp-of-engineering"),
        &bundled("cto"),
    ])
    .unwrap();
    let same_everywhere = |cells: &[Option<Cell>]| {
        cells[0].as_ref().is_some_and(|c| c.text.is_some())
            && cells[1..]
                .iter()
                .all(|c| c.as_ref().is_some_and(|c| c.status == Some(Status::Same)))
    };
    let mut flagged = Vec::new();
    for s in &m.sections {
        for r in &s.rows {
            assert_eq!(r.all_same, same_everywhere(&r.cells), "{r:?}");
            if r.all_same {
                flagged.push(r.cells[0].as_ref().unwrap().text.clone().unwrap());
            }
        }
    }
    assert_eq!(
        flagged,
        [
            "Capacity planning, resource allocation, and budgeting.",
            "Deliver results."
        ]
    );
    // Those are exactly the ladder's shared items.
    let shared: Vec<&String> = m
        .ladder
        .shared
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .collect();
    assert_eq!(shared.len(), flagged.len());
    let scope = m
        .summary
        .sections
        .iter()
        .find(|s| s.key == "scope_of_knowledge")
        .unwrap();
    assert_eq!((scope.all_same, scope.rows), (1, 12));
    assert_eq!(m.summary.sections[0].key, "checkpoints");
    assert_eq!(
        m.summary.sections[0].counts,
        [None, Some(counts(0, 0, 3, 9)), Some(counts(0, 2, 7, 5))]
    );
    assert_eq!(m.summary.total[0], None);
    assert_eq!(m.summary.total[1], Some(m.pairs[0].totals()));
    assert_eq!(m.summary.total[2], Some(m.pairs[1].totals()));
    // Facts: years of experience is 15+, 15+, 20+; nothing is the same in all three.
    assert!(m.facts.iter().all(|f| !f.all_same));
    let two = compare_many(&[
        &bundled("director-of-engineering"),
        &bundled("vp-of-engineering"),
    ])
    .unwrap();
    let years = two
        .facts
        .iter()
        .find(|f| f.key == "years_of_experience")
        .unwrap();
    assert!(years.all_same);
}

#[test]
fn n_way_skills_are_all_same_only_when_every_role_has_them_unchanged() {
    let mut a = role("a", vec![]);
    let mut b = role("b", vec![]);
    let mut c = role("c", vec![]);
    a.skills = vec![skill("PROG", 4, &["Codes."]), skill("TEST", 3, &["Tests."])];
    b.skills = vec![
        skill("PROG", 4, &["Codes."]),
        skill("TEST", 4, &["Tests more."]),
    ];
    c.skills = vec![skill("PROG", 4, &["Codes."])];
    let m = compare_many(&[&a, &b, &c]).unwrap();
    let flags: Vec<(&str, bool)> = m
        .skills
        .iter()
        .map(|s| (s.code.as_str(), s.all_same))
        .collect();
    assert_eq!(flags, [("PROG", true), ("TEST", false)]);
}

#[test]
fn the_ladder_lists_what_each_rung_does_not_carry_over() {
    let m = compare_many(&[
        &bundled("director-of-engineering"),
        &bundled("vp-of-engineering"),
        &bundled("cto"),
    ])
    .unwrap();
    assert_eq!(m.ladder.steps[0].not_carried_over, Shared::default());
    let vp = &m.ladder.steps[1];
    let resp = vp
        .not_carried_over
        .sections
        .iter()
        .find(|s| s.key == "responsibilities")
        .unwrap();
    assert_eq!(
        resp.items,
        [
            "Drives EMs' happiness, engagement, and growth.",
            "Operates talent strategy (IDPs, retention, acquisition)."
        ]
    );
    // As many items per section as the step's counts say were removed.
    for step in &m.ladder.steps[1..] {
        let pair = m.pairs.iter().find(|p| p.roles[1] == step.role).unwrap();
        for s in &pair.sections {
            let listed = step
                .not_carried_over
                .sections
                .iter()
                .find(|n| n.key == s.key)
                .map_or(0, |n| n.items.len());
            assert_eq!(listed as u32, s.counts.removed, "{}", s.key);
        }
    }
    let md = Report::Many(m.clone()).to_markdown();
    assert!(md.contains("Not carried over from Director of Engineering:\n\n- − Responsibilities: Drives EMs' happiness, engagement, and growth.\n"), "{md}");
    let html = Report::Many(m).to_html();
    assert!(html.contains("<p>Not carried over from VP of Engineering:</p>"));
}

#[test]
fn internal_sections_are_left_out_unless_asked_for() {
    let dir = bundled("director-of-engineering");
    let vp = bundled("vp-of-engineering");
    let keys =
        |c: &Comparison| -> Vec<String> { c.sections.iter().map(|s| s.key.clone()).collect() };
    let c = compare(&dir, &vp);
    assert!(!keys(&c).contains(&"job_description_links".to_string()));
    assert!(!keys(&c).contains(&"page_notes".to_string()));
    let omitted: Vec<(&str, &str)> = c
        .omitted
        .iter()
        .map(|o| (o.key.as_str(), o.title.as_str()))
        .collect();
    assert_eq!(
        omitted,
        [
            ("job_description_links", "Job Description (Internal links)"),
            ("page_notes", "Page notes")
        ]
    );
    assert!(c.omitted[0].note.starts_with("Internal:"));
    assert!(Report::Pair(c.clone())
        .to_markdown()
        .contains("Internal sections left out: Job Description (Internal links), Page notes."));

    let all = compare_with(&dir, &vp, CompareOptions::all());
    assert!(all.omitted.is_empty());
    let links = all
        .section("job_description_links")
        .expect("compared when asked");
    assert_eq!(links.counts, counts(0, 0, 1, 2));
    assert_eq!(
        all.section("page_notes").unwrap().counts,
        counts(1, 0, 0, 0)
    );
    assert_eq!(all.sections.len(), c.sections.len() + 2);

    let cto = bundled("cto");
    let m = compare_many(&[&dir, &vp, &cto]).unwrap();
    assert!(m.sections.iter().all(|s| s.key != "page_notes"));
    assert!(m
        .ladder
        .shared
        .sections
        .iter()
        .all(|s| s.key != "page_notes"));
    assert_eq!(m.omitted.len(), 2);
    assert!(m.pairs.iter().all(|p| p.omitted.len() == 2));
    let m = compare_many_with(&[&dir, &vp, &cto], CompareOptions::all()).unwrap();
    assert!(m.sections.iter().any(|s| s.key == "page_notes"));
    assert!(m.omitted.is_empty());
    // The JSON says what was left out.
    let json = serde_json::to_value(compare(&dir, &vp)).unwrap();
    assert_eq!(json["omitted"][1]["key"], "page_notes");
    assert_eq!(json["summary"]["sections"][0]["key"], "checkpoints");
}

#[test]
fn role_count_is_two_to_six() {
    let a = role("a", vec![]);
    assert_eq!(compare_many(&[&a]).unwrap_err(), CompareError::RoleCount(1));
    assert_eq!(
        compare_many(&[&a; 7]).unwrap_err(),
        CompareError::RoleCount(7)
    );
    assert!(compare_many(&[&a; 6]).is_ok());
    assert!(matches!(compare_roles(&[&a, &a]), Ok(Report::Pair(_))));
    assert!(matches!(compare_roles(&[&a, &a, &a]), Ok(Report::Many(_))));
    assert_eq!(
        CompareError::RoleCount(7).to_string(),
        "compare takes 2 to 6 roles, got 7"
    );
}

#[test]
fn ladder_orders_by_level_when_every_role_has_one() {
    let mut senior = role(
        "senior",
        vec![section(
            "scope",
            &["Team", "Leads projects", "Sets direction"],
        )],
    );
    let mut junior = role("junior", vec![section("scope", &["Team", "Learns"])]);
    let mut mid = role("mid", vec![section("scope", &["Team", "Leads projects"])]);
    senior.level = Some(5);
    junior.level = Some(2);
    mid.level = Some(3);
    senior.skills = vec![skill("PROG", 5, &["Designs."])];
    mid.skills = vec![skill("PROG", 4, &["Codes."])];
    junior.skills = vec![skill("PROG", 2, &["Codes."])];
    let m = compare_many(&[&senior, &junior, &mid]).unwrap();
    assert!(m.ladder.by_level);
    assert_eq!(m.ladder.order, ["junior", "mid", "senior"]);
    assert_eq!(m.ladder.shared.sections[0].items, ["Team"]);
    let step = |i: usize| -> Vec<(Status, String)> {
        m.ladder.steps[i]
            .sections
            .iter()
            .flat_map(|s| s.rows.iter().map(|r| (r.status, r.right.clone().unwrap())))
            .collect()
    };
    assert_eq!(step(0), [(Status::Added, "Learns".to_string())]);
    assert_eq!(
        m.ladder.steps[0].sections[0].counts,
        Counts {
            added: 1,
            ..Counts::default()
        }
    );
    assert_eq!(step(1), [(Status::Added, "Leads projects".to_string())]);
    assert_eq!(m.ladder.steps[1].from.as_deref(), Some("junior"));
    assert_eq!(m.ladder.steps[1].sections[0].counts.removed, 1);
    assert_eq!(step(2), [(Status::Added, "Sets direction".to_string())]);
    assert_eq!(m.ladder.steps[1].skills[0].status, Status::Changed);
    assert_eq!(
        (
            m.ladder.steps[1].skills[0].left_level,
            m.ladder.steps[1].skills[0].right_level
        ),
        (Some(2), Some(4))
    );
    // The grid itself keeps the given order.
    assert_eq!(m.roles, ["senior", "junior", "mid"]);
}

#[test]
fn shared_facts_and_skills_are_set_apart() {
    let mut a = role("a", vec![]);
    let mut b = role("b", vec![]);
    for r in [&mut a, &mut b] {
        r.facts.insert("track".into(), "Engineering".into());
        r.skills = vec![skill("PROG", 4, &["Codes."])];
    }
    a.facts.insert("years_of_experience".into(), "5+".into());
    b.facts.insert("years_of_experience".into(), "8+".into());
    let m = compare_many(&[&a, &b]).unwrap();
    assert_eq!(
        m.ladder.shared.facts,
        [SharedFact {
            key: "track".into(),
            value: "Engineering".into()
        }]
    );
    assert_eq!(m.ladder.shared.skills.len(), 1);
    assert_eq!(m.ladder.steps[0].facts.len(), 1);
    assert!(m.ladder.steps[0].skills.is_empty());
    assert_eq!(m.ladder.steps[1].facts[0].status, Status::Changed);
    assert_eq!(m.facts.len(), 2);
}

#[test]
fn report_json_round_trips_in_both_shapes() {
    let a = role("a", vec![section("scope", &["Manages managers and ICs."])]);
    let b = role(
        "b",
        vec![section("scope", &["Manages managers and directors."])],
    );
    for report in [
        compare_roles(&[&a, &b]).unwrap(),
        compare_roles(&[&a, &b, &a]).unwrap(),
    ] {
        let back: Report = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(back, report);
    }
}

// ---- property tests ----

const WORDS: &[&str] = &[
    "manages", "teams", "and", "Strategy", "budget", "owns", "the", "org", "drives", "growth",
];

fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(0..WORDS.len(), 1..6),
        prop::sample::select(vec!["", ".", "!", " "]),
        any::<bool>(),
    )
        .prop_map(|(idx, end, upper)| {
            let mut t = idx.iter().map(|i| WORDS[*i]).collect::<Vec<_>>().join(" ");
            if upper {
                t = t.to_uppercase();
            }
            t + end
        })
}

fn arb_role(id: &'static str) -> impl Strategy<Value = Role> {
    let sections = prop::collection::vec(
        (
            prop::sample::select(vec!["scope", "responsibilities", "checkpoints"]),
            prop::collection::vec(text(), 0..7),
        ),
        0..4,
    );
    let facts =
        prop::collection::btree_map(prop::sample::select(vec!["scope", "years"]), text(), 0..3);
    let skills = prop::collection::vec(
        (
            prop::sample::select(vec!["PROD", "REQM"]),
            3..6u32,
            prop::collection::vec(text(), 0..3),
        ),
        0..3,
    );
    (sections, facts, skills).prop_map(move |(sections, facts, skills)| {
        let mut r = role(id, Vec::new());
        r.sections = sections
            .into_iter()
            .map(|(key, items)| section(key, &items.iter().map(String::as_str).collect::<Vec<_>>()))
            .collect();
        r.facts = facts.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        r.skills = skills
            .into_iter()
            .map(|(code, level, att)| {
                skill(
                    code,
                    level,
                    &att.iter().map(String::as_str).collect::<Vec<_>>(),
                )
            })
            .collect();
        r
    })
}

/// Every row of every section and skill's attainment of a comparison.
fn all_rows(c: &Comparison) -> Vec<&Row> {
    c.sections
        .iter()
        .flat_map(|s| s.rows.iter())
        .chain(c.skills.iter().flat_map(|s| s.attainment.iter()))
        .collect()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn comparing_a_role_with_itself_is_all_same(a in arb_role("a")) {
        let c = compare(&a, &a);
        prop_assert!(all_rows(&c).iter().all(|r| r.status == Status::Same && r.left == r.right && r.words.is_none()));
        prop_assert!(c.facts.iter().all(|f| f.status == Status::Same));
        prop_assert!(c.skills.iter().all(|s| s.status == Status::Same));
        prop_assert!(c.sections.iter().all(|s| (s.counts.changed, s.counts.removed, s.counts.added) == (0, 0, 0)));
    }

    #[test]
    fn every_item_of_each_side_appears_exactly_once(a in arb_role("a"), b in arb_role("b")) {
        let c = compare(&a, &b);
        // Sections pair by (key, occurrence), in the order the comparison lists them.
        for (role, left) in [(&a, true), (&b, false)] {
            let mut expected: Vec<(String, String)> = role.sections.iter()
                .flat_map(|s| s.items.iter().map(|i| (s.key.clone(), i.text.clone()))).collect();
            expected.sort();
            let got: Vec<(String, String)> = c.sections.iter().flat_map(|s| s.rows.iter().filter_map(|r| {
                let side = if left { &r.left } else { &r.right };
                side.clone().map(|t| (s.key.clone(), t))
            })).collect();
            prop_assert_eq!(sorted(got), expected);
        }
        for s in &c.sections {
            let counted = s.counts.same + s.counts.changed + s.counts.removed + s.counts.added;
            prop_assert_eq!(counted as usize, s.rows.len());
            for r in &s.rows {
                prop_assert_eq!(r.left.is_some(), r.status != Status::Added);
                prop_assert_eq!(r.right.is_some(), r.status != Status::Removed);
                prop_assert_eq!(r.words.is_some(), r.status == Status::Changed);
                if let Some(w) = &r.words {
                    prop_assert_eq!(&words::side_text(w, true), r.left.as_ref().unwrap());
                    prop_assert_eq!(&words::side_text(w, false), r.right.as_ref().unwrap());
                }
            }
        }
        let fact_keys: Vec<&String> = c.facts.iter().map(|f| &f.key).collect();
        let mut expected_keys: Vec<&String> = a.facts.keys().chain(b.facts.keys()).collect();
        expected_keys.sort();
        expected_keys.dedup();
        prop_assert_eq!(fact_keys, expected_keys);
        let codes = |r: &Role| sorted(r.skills.iter().map(|s| s.code.clone()).collect::<Vec<_>>());
        let left_codes = sorted(c.skills.iter().filter(|s| s.status != Status::Added).map(|s| s.code.clone()).collect());
        let right_codes = sorted(c.skills.iter().filter(|s| s.status != Status::Removed).map(|s| s.code.clone()).collect());
        prop_assert_eq!(left_codes, codes(&a));
        prop_assert_eq!(right_codes, codes(&b));
    }

    #[test]
    fn swapping_roles_swaps_removed_and_added_and_keeps_pairs(a in arb_role("a"), b in arb_role("b")) {
        let ab = compare(&a, &b);
        let ba = compare(&b, &a);
        let flip = |s: Status| match s {
            Status::Removed => Status::Added,
            Status::Added => Status::Removed,
            s => s,
        };
        type Key = (String, Status, Option<String>, Option<String>);
        let rows = |c: &Comparison, swap: bool| -> Vec<Key> {
            let mut v: Vec<Key> = c.sections.iter().flat_map(|s| s.rows.iter().map(|r| {
                if swap {
                    (s.key.clone(), flip(r.status), r.right.clone(), r.left.clone())
                } else {
                    (s.key.clone(), r.status, r.left.clone(), r.right.clone())
                }
            })).collect();
            v.sort();
            v
        };
        prop_assert_eq!(rows(&ab, false), rows(&ba, true));
        for (x, y) in ab.facts.iter().zip(&ba.facts) {
            prop_assert_eq!(&x.key, &y.key);
            prop_assert_eq!(x.status, flip(y.status));
        }
        let skills = |c: &Comparison, swap: bool| -> Vec<(String, Status)> {
            sorted(c.skills.iter().map(|s| (s.code.clone(), if swap { flip(s.status) } else { s.status })).collect())
        };
        prop_assert_eq!(skills(&ab, false), skills(&ba, true));
    }

    #[test]
    fn n_way_rows_hold_every_item_once_and_pairs_match_2_way(a in arb_role("a"), b in arb_role("b"), c in arb_role("c")) {
        let roles = [&a, &b, &c];
        let m = compare_many(&roles).unwrap();
        prop_assert_eq!(&m.pairs[0], &compare(&a, &b));
        prop_assert_eq!(&m.pairs[1], &compare(&b, &c));
        for (col, role) in roles.iter().enumerate() {
            let mut expected: Vec<(String, String)> = role.sections.iter()
                .flat_map(|s| s.items.iter().map(|i| (s.key.clone(), i.text.clone()))).collect();
            expected.sort();
            let got: Vec<(String, String)> = m.sections.iter().flat_map(|s| s.rows.iter().filter_map(|r| {
                r.cells[col].as_ref().and_then(|cell| cell.text.clone()).map(|t| (s.key.clone(), t))
            })).collect();
            prop_assert_eq!(sorted(got), expected);
        }
        for s in &m.sections {
            for col in 1..roles.len() {
                let counts = s.counts[col].unwrap();
                let mut seen = Counts::default();
                for r in &s.rows {
                    if let Some(st) = r.cells[col].as_ref().and_then(|c| c.status) {
                        seen.add(st);
                    }
                }
                prop_assert_eq!(seen, counts);
            }
        }
    }
}

#[test]
fn an_item_edited_in_rolecraft_is_marked_in_the_grid() {
    use crate::model::ItemOrigin;
    let before = role(
        "dir",
        vec![section(
            "responsibilities",
            &["Owns the hiring plan.", "Runs planning."],
        )],
    );
    let mut after = before.clone();
    after.id = "dir-now".into();
    let edited = &mut after.sections[0].items[0];
    edited.text = "Owns the hiring plan for the org.".into();
    edited.origin = Some(ItemOrigin::Edited {
        at: "2026-12-01T23:50:00Z".into(),
        imported_text: "Owns the hiring plan.".into(),
    });
    let grid = compare_many(&[&before, &after]).expect("compares");
    let rows = &grid.sections[0].rows;
    let origin_of = |text: &str| {
        rows.iter()
            .filter_map(|r| r.cells[1].as_ref())
            .find(|c| c.text.as_deref() == Some(text))
            .map(|c| c.origin.clone())
            .expect("a cell with the text")
    };
    assert!(matches!(
        origin_of("Owns the hiring plan for the org."),
        Some(ItemOrigin::Edited { .. })
    ));
    assert_eq!(origin_of("Runs planning."), None);
    // Imported text carries no origin in the JSON at all (existing exports unchanged).
    let json = serde_json::to_string(&grid).expect("json");
    assert_eq!(json.matches("\"origin\"").count(), 1, "{json}");
}
