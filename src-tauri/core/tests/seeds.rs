//! The seed documents Rolecraft started from (copies under tests/fixtures/seeds): golden
//! snapshots of each import, the counts the foundation issue names, and the bundled
//! library's regeneration check.

use std::path::{Path, PathBuf};

use rolecraft_core::import::{import_path, Imported};
use rolecraft_core::library::{bundled_roles, merge_roles, role_json};
use rolecraft_core::model::{Role, WarningKind};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed(prefix: &str) -> PathBuf {
    let dir = repo().join("tests/fixtures/seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()))
}

fn import(prefix: &str) -> Imported {
    import_path(&seed(prefix)).unwrap()
}

fn counts(role: &Role, keys: &[&str]) -> Vec<usize> {
    keys.iter()
        .map(|k| role.section(k).map_or(0, |s| s.items.len()))
        .collect()
}

#[test]
fn every_seed_imports_as_its_golden_snapshot() {
    insta::glob!("../../../tests/fixtures/seeds", "*.txt", |path| {
        let imported = import_path(path).unwrap();
        insta::assert_json_snapshot!(imported);
    });
}

#[test]
fn seed_000_gives_three_columns_with_the_issue_counts() {
    let imported = import("000");
    let keys = [
        "scope_of_knowledge",
        "responsibilities",
        "communication_and_leadership",
        "competencies",
        "checkpoints",
    ];
    let got: Vec<(&str, Vec<usize>, &str)> = imported
        .roles
        .iter()
        .map(|r| {
            (
                r.title.as_str(),
                counts(r, &keys),
                r.facts["years_of_experience"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Director of Engineering", vec![8, 7, 3, 2, 3], "15+"),
            ("VP of Engineering", vec![9, 5, 5, 2, 9], "15+"),
            ("CTO", vec![9, 14, 13, 2, 7], "20+"),
        ]
    );
    assert_eq!(imported.roles[1].facts["scope"], "Organization");
    // Only the bold column is the page's own role.
    let own: Vec<bool> = imported
        .roles
        .iter()
        .map(|r| r.sources[0].own_page)
        .collect();
    assert_eq!(own, [false, true, false]);
}

#[test]
fn items_keep_their_source_line_and_lose_their_markup() {
    let imported = import("000");
    let vp = &imported.roles[1];
    let item = vp
        .items()
        .find(|i| i.text == "Can drive all internal and external communication.")
        .unwrap();
    let source = std::fs::read_to_string(seed("000")).unwrap();
    let line = source.lines().nth(item.source.line as usize - 1).unwrap();
    assert_eq!(line, "- Can drive all internal and external communication.");
    let link = vp.section("job_description_links").unwrap();
    assert_eq!(link.items[0].text, "VP Of Engineering (original)");
    assert!(link.items[0].links[0]
        .url
        .starts_with("https://drive.google.com/"));
    assert!(vp
        .items()
        .all(|i| !i.text.contains("{:") && !i.text.contains("<td")));
}

#[test]
fn seed_002_gives_vp_of_product_with_its_skills_in_order_and_the_framework_apart() {
    let imported = import("002");
    let role = &imported.roles[0];
    assert_eq!(
        (role.title.as_str(), role.level, role.track.as_deref()),
        ("VP of Product", Some(7), Some("Product"))
    );
    let codes: Vec<&str> = role.skills.iter().map(|s| s.code.as_str()).collect();
    assert_eq!(codes, ["PROD", "REQM", "BSMO", "CEXP", "DEMG"]);
    assert!(role.skills.iter().all(|s| s.level == Some(7)
        && s.attainment.len() == 1
        && s.attainment[0].text.lines().count() == 4));
    assert!(role.section("framework_overview").is_none());
    assert!(role.context.iter().any(|s| s.key == "framework_overview"));
    assert!(imported
        .warnings
        .iter()
        .any(|w| w.kind == WarningKind::NameMismatch && w.message.contains("Chief Engineer")));
}

#[test]
fn seed_003_gives_22_responsibilities_in_6_groups_and_drops_the_junk() {
    let imported = import("003");
    let role = &imported.roles[0];
    assert_eq!(role.title, "VP of Product");
    let resp = role.section("responsibilities").unwrap();
    assert_eq!(resp.items.len(), 22);
    let mut groups: Vec<&str> = resp
        .items
        .iter()
        .filter_map(|i| i.group.as_deref())
        .collect();
    groups.dedup();
    assert_eq!(groups.len(), 6);
    assert_eq!(groups[0], "Strategic responsibilities");
    let json = serde_json::to_string(&imported.roles).unwrap();
    for junk in [
        "Hospitals",
        "Subscribe",
        "Comments",
        "DevOpsSchool",
        "Certification Courses",
        "please comment",
    ] {
        assert!(!json.contains(junk), "{junk} leaked into the role");
    }
    let dropped: Vec<&String> = imported
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::JunkDropped)
        .flat_map(|w| &w.dropped)
        .collect();
    assert!(dropped
        .iter()
        .any(|l| l.as_str() == "Find the Best Cosmetic Hospitals"));
    assert!(dropped.iter().any(|l| l.as_str() == "View all comments"));
    // The last real row of the last table survives.
    let scorecard = role.section("scorecard").unwrap();
    assert!(scorecard
        .items
        .last()
        .unwrap()
        .text
        .starts_with("Career progression options CPO;"));
    assert_eq!(scorecard.table_headers[0].text, "Category Summary");
}

#[test]
fn seeds_000_and_001_report_the_cto_checkpoint_conflict_and_the_own_page_wins() {
    let mut roles = import("000").roles;
    roles.extend(import("001").roles);
    let merged = merge_roles(roles);
    assert_eq!(merged.conflicts.len(), 1, "{:#?}", merged.conflicts);
    let c = &merged.conflicts[0];
    assert_eq!(
        (c.role_id.as_str(), c.section.as_str()),
        ("cto", "checkpoints")
    );
    assert!(c.kept.text.contains("10+ years") && c.kept.source.file.starts_with("001_"));
    assert!(c.other.text.contains("3+ years") && c.other.source.file.starts_with("000_"));
    let cto = merged.roles.iter().find(|r| r.id == "cto").unwrap();
    assert!(cto.items().any(|i| i.text.contains("for 10+ years")));
    assert!(!cto
        .items()
        .any(|i| i.text.contains("or equivalent for 3+ years")));
}

#[test]
fn bundled_library_matches_the_seeds_regenerated() {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    let roles = paths
        .iter()
        .flat_map(|p| import_path(p).unwrap().roles)
        .collect();
    let merged = merge_roles(roles);
    let mut expected: Vec<(String, String)> = merged
        .roles
        .iter()
        .map(|r| (format!("{}.json", r.id), role_json(r)))
        .collect();
    expected.sort();
    let mut actual: Vec<(String, String)> = std::fs::read_dir(repo().join("roles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    actual.sort();
    let names = |v: &[(String, String)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&actual),
        names(&expected),
        "roles/ holds other files than the seeds give: run scripts/regenerate-roles.sh"
    );
    for ((name, got), (_, want)) in actual.iter().zip(&expected) {
        assert!(got == want, "roles/{name} differs from a fresh import of the seeds: run scripts/regenerate-roles.sh");
    }
    // roles/sources/ holds a copy of each seed, named by its hash, and nothing else.
    let mut want_sources: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap();
            let doc = rolecraft_core::import::Document::read(p).unwrap();
            let name = rolecraft_core::library::source_file_name(
                &doc.hash,
                &p.file_name().unwrap().to_string_lossy(),
            )
            .unwrap();
            (name, bytes)
        })
        .collect();
    want_sources.sort();
    let mut got_sources: Vec<(String, Vec<u8>)> = std::fs::read_dir(repo().join("roles/sources"))
        .expect("roles/sources: run scripts/regenerate-roles.sh")
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    got_sources.sort();
    assert!(
        got_sources == want_sources,
        "roles/sources/ differs from the seeds: run scripts/regenerate-roles.sh"
    );
    // And the embedded copy the app and CLI use is the same.
    assert_eq!(
        bundled_roles().unwrap(),
        merged.roles.iter().cloned().fold(Vec::new(), |mut v, r| {
            v.push(r);
            v.sort_by(|a, b| a.id.cmp(&b.id));
            v
        })
    );
}

#[test]
fn the_bundled_library_holds_the_four_seed_roles_and_vp_of_product_keeps_both_sources() {
    let roles = bundled_roles().unwrap();
    let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
    for id in [
        "director-of-engineering",
        "vp-of-engineering",
        "cto",
        "vp-of-product",
    ] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    let vpp = roles.iter().find(|r| r.id == "vp-of-product").unwrap();
    let files: Vec<&str> = vpp.sources.iter().map(|s| s.file.as_str()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(vpp.items().any(|i| i.source.file.starts_with("002_")));
    assert!(vpp.items().any(|i| i.source.file.starts_with("003_")));
    assert_eq!(vpp.skills.len(), 5);
}

#[test]
fn the_cto_checkpoint_conflict_is_on_the_cto_item_after_a_fresh_import() {
    let roles = ["000_", "001_"]
        .iter()
        .flat_map(|p| import(p).roles)
        .collect();
    let merged = merge_roles(roles);
    for cto in [
        merged.roles.iter().find(|r| r.id == "cto").unwrap().clone(),
        bundled_roles()
            .unwrap()
            .into_iter()
            .find(|r| r.id == "cto")
            .unwrap(),
    ] {
        let checkpoints = cto.section("checkpoints").unwrap();
        let item = checkpoints
            .items
            .iter()
            .find(|i| i.text.contains("or equivalent for 10+ years"))
            .unwrap();
        let on_item: Vec<_> = cto.conflicts_of("checkpoints", item).collect();
        assert_eq!(on_item.len(), 1, "{:?}", cto.conflicts);
        assert!(on_item[0].other.text.contains("for 3+ years"));
        assert_eq!(on_item[0].other.source.line, 414);
        assert_eq!(cto.source_label(&item.source), "CTO, line 306");
        assert_eq!(
            cto.source_label(&on_item[0].other.source),
            "VP of Engineering, line 414"
        );
        // No other item of the role carries it.
        let others = checkpoints
            .items
            .iter()
            .filter(|i| cto.conflicts_of("checkpoints", i).count() > 0)
            .count();
        assert_eq!(others, 1);
    }
}
