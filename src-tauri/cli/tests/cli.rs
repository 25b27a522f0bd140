//! The CLI as scripts use it: JSON output, exit codes, nothing written on refusal.

mod common;

use std::path::PathBuf;

use common::{repo, rolecraft, stderr, stdout};
use tempfile::TempDir;

fn seed(prefix: &str) -> PathBuf {
    std::fs::read_dir(repo().join("tests/fixtures/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

/// An empty data folder, and a library folder holding what the seed `prefix` imports.
fn library_of_seed(prefix: &str) -> (TempDir, TempDir) {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let dir = lib.path().to_str().unwrap();
    assert!(rolecraft(
        data.path(),
        &["import", seed(prefix).to_str().unwrap(), "--into", dir]
    )
    .status
    .success());
    (data, lib)
}

#[test]
fn roles_lists_the_bundled_library() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(data.path(), &["roles", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let roles: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = roles
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "cto",
            "director-of-engineering",
            "vp-of-engineering",
            "vp-of-product"
        ]
    );
}

#[test]
fn show_json_prints_exactly_the_role_file() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(data.path(), &["show", "vp-of-engineering", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let file = std::fs::read_to_string(repo().join("roles/vp-of-engineering.json")).unwrap();
    assert_eq!(stdout(&out), file);
    let md = stdout(&rolecraft(
        data.path(),
        &["show", "vp-of-engineering", "--format", "md"],
    ));
    assert!(md.starts_with("# VP of Engineering\n"));
    assert!(md.contains("- Can drive all internal and external communication.\n"));
}

#[test]
fn dry_run_json_reports_roles_warnings_and_the_cto_conflict_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let (a, b) = (seed("000"), seed("001"));
    let out = rolecraft(
        data.path(),
        &[
            "import",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--dry-run",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let ids: Vec<&str> = report["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["director-of-engineering", "vp-of-engineering", "cto"]);
    let conflicts = report["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0]["role_id"], "cto");
    assert!(conflicts[0]["other"]["text"]
        .as_str()
        .unwrap()
        .contains("3+ years"));
    assert!(report["warnings"].is_array());
    assert_eq!(
        std::fs::read_dir(data.path()).unwrap().count(),
        0,
        "a dry run wrote files"
    );
}

#[test]
fn import_reads_the_documents_directly_inside_a_folder() {
    let data = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    for prefix in ["000", "002"] {
        let from = seed(prefix);
        std::fs::copy(&from, docs.path().join(from.file_name().unwrap())).unwrap();
    }
    // Hidden files and subfolders are not documents of the folder.
    std::fs::write(docs.path().join(".DS_Store"), [0u8, 159, 146, 150]).unwrap();
    std::fs::create_dir(docs.path().join("sources")).unwrap();
    std::fs::write(docs.path().join("sources/broken.md"), "").unwrap();
    let folder = docs.path().to_str().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let into = lib.path().to_str().unwrap();

    let out = rolecraft(
        data.path(),
        &["import", folder, "--into", into, "--dry-run", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut ids: Vec<&str> = report["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    ids.sort();
    // Seed 000 is the engineering ladder (three roles), 002 an SFIA product page.
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids.contains(&"cto"), "{ids:?}");

    let empty = tempfile::tempdir().unwrap();
    let none = rolecraft(
        data.path(),
        &["import", empty.path().to_str().unwrap(), "--into", into],
    );
    assert_eq!(none.status.code(), Some(1));
    assert!(
        stderr(&none).contains("no documents to import"),
        "{}",
        stderr(&none)
    );
}

#[test]
fn import_into_never_overwrites_without_merge_or_replace() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    let dir = lib.path().to_str().unwrap();
    let a = seed("000");
    assert!(
        rolecraft(data.path(), &["import", a.to_str().unwrap(), "--into", dir])
            .status
            .success()
    );
    let cto = lib.path().join("cto.json");
    let before = std::fs::read_to_string(&cto).unwrap();
    std::fs::write(&cto, before.replace("\"CTO\"", "\"CTO (edited)\"")).unwrap();
    let edited = std::fs::read_to_string(&cto).unwrap();

    let refused = rolecraft(data.path(), &["import", a.to_str().unwrap(), "--into", dir]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("already has"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(&cto).unwrap(),
        edited,
        "refused import changed a role"
    );

    let replaced = rolecraft(
        data.path(),
        &["import", a.to_str().unwrap(), "--into", dir, "--replace"],
    );
    assert!(replaced.status.success(), "{}", stderr(&replaced));
    assert_eq!(std::fs::read_to_string(&cto).unwrap(), before);

    // --library reads that folder only.
    let out = rolecraft(data.path(), &["--library", dir, "roles", "--json"]);
    let roles: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(roles.as_array().unwrap().len(), 3);
}

#[test]
fn import_merge_keeps_the_existing_items_and_adds_the_new_ones() {
    let (data, lib) = library_of_seed("001");
    let dir = lib.path().to_str().unwrap();
    let out = rolecraft(
        data.path(),
        &[
            "import",
            seed("000").to_str().unwrap(),
            "--into",
            dir,
            "--merge",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cto_change = report["library"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "cto")
        .unwrap();
    assert!(cto_change["merge_conflicts"][0]["other"]["text"]
        .as_str()
        .unwrap()
        .contains("3+ years"));
    assert_eq!(cto_change["changed"], 1, "{cto_change}");
    let cto: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lib.path().join("cto.json")).unwrap())
            .unwrap();
    let items: Vec<&str> = cto["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert!(items.iter().any(|t| t.contains("for 10+ years")));
    assert!(!items.iter().any(|t| t.contains("equivalent for 3+ years")));
    // The role file records the conflict (the set-aside side with its source).
    let conflict = &cto["conflicts"][0];
    assert_eq!(conflict["section"], "checkpoints", "{cto}");
    assert!(conflict["other"]["text"]
        .as_str()
        .unwrap()
        .contains("equivalent for 3+ years"));
    assert!(lib.path().join("director-of-engineering.json").exists());
    // And a copy of the imported document, by hash.
    let copies: Vec<String> = std::fs::read_dir(lib.path().join("sources"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        copies.contains(
            &"sha256-676171e433faa1211bd5617a9f9733102f7142441c4cec284842a5a13a01ea91.txt"
                .to_string()
        ),
        "{copies:?}"
    );
}

#[test]
fn dry_run_against_a_library_shows_what_would_change_before_writing() {
    let (data, lib) = library_of_seed("001");
    let dir = lib.path().to_str().unwrap();
    let before = std::fs::read_to_string(lib.path().join("cto.json")).unwrap();
    let out = rolecraft(
        data.path(),
        &[
            "import",
            seed("000").to_str().unwrap(),
            "--into",
            dir,
            "--dry-run",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("cto\tCTO\t") && text.contains("exists: "),
        "{text}"
    );
    assert!(
        text.contains("director-of-engineering\tDirector of Engineering\t26 items\tnew"),
        "{text}"
    );
    assert!(
        stderr(&out).contains("conflict: cto checkpoints"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(lib.path().join("cto.json")).unwrap(),
        before
    );
    assert!(!lib.path().join("director-of-engineering.json").exists());
}

#[test]
fn bad_input_exits_1_naming_the_file_and_usage_errors_exit_2() {
    let data = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let empty = tmp.path().join("empty.md");
    std::fs::write(&empty, "").unwrap();
    let noise = tmp.path().join("noise.txt");
    std::fs::write(&noise, "%%% ### ,,, ;;;\n").unwrap();
    let binary = tmp.path().join("blob.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).unwrap();
    let missing = tmp.path().join("missing.md");
    for (path, says) in [
        (&empty, "empty"),
        (&noise, "unrecognised format"),
        (&binary, "not text"),
        (&missing, "cannot read"),
    ] {
        let out = rolecraft(
            data.path(),
            &["import", path.to_str().unwrap(), "--dry-run"],
        );
        assert_eq!(out.status.code(), Some(1), "{}", path.display());
        let err = stderr(&out);
        assert!(
            err.contains(path.file_name().unwrap().to_str().unwrap()) && err.contains(says),
            "{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
    // A folder is its documents: the first bad one (by name) is the error.
    let folder = rolecraft(
        data.path(),
        &["import", tmp.path().to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(folder.status.code(), Some(1));
    assert!(
        stderr(&folder).contains("blob.bin: not text"),
        "{}",
        stderr(&folder)
    );
    let unknown = rolecraft(data.path(), &["show", "no-such-role"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(stderr(&unknown).contains("no role \"no-such-role\""));
    assert_eq!(
        rolecraft(data.path(), &["frobnicate"]).status.code(),
        Some(2)
    );
}
#[test]
fn search_finds_word_starts_in_items_and_lists_the_matching_items() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(data.path(), &["search", "budget", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let found: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = found["results"].as_array().unwrap();
    let ids: Vec<&str> = results.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // "budget" finds "budgeting" in all four bundled roles (none has it in its title).
    assert_eq!(
        ids,
        [
            "cto",
            "director-of-engineering",
            "vp-of-engineering",
            "vp-of-product"
        ]
    );
    let cto = &results[0];
    assert_eq!(cto["title"], "CTO");
    assert!(cto["matches"].as_array().unwrap().iter().any(|m| m["text"]
        == "Capacity planning, resource allocation, and budgeting."
        && m["section"].is_string()));

    // Title words rank first; case does not matter.
    let out = rolecraft(data.path(), &["search", "VP", "eng"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("vp-of-engineering\tVP of Engineering\n"),
        "{}",
        stdout(&out)
    );

    let out = rolecraft(data.path(), &["search", "zzzz", "--json"]);
    assert!(out.status.success());
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout(&out)).unwrap(),
        serde_json::json!({ "results": [] })
    );
}
