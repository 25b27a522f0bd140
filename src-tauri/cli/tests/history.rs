//! Role history and authoring from the command line: a git repository of role files with three
//! commits, `history`, `compare ID@REV ID`, `new` and `edit`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{repo, rolecraft, stderr, stdout};
use serde_json::Value;

const DIRECTOR: &str = "director-of-engineering";

fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.com")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.com")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
}

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_str(&stdout(out)).unwrap()
}

/// A team's ladder in git: the roles imported, a fact changed with `rolecraft edit`, a typo
/// fixed in an editor. Returns the repository and its `roles/` folder.
fn ladder_repo(data: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let repository = tempfile::tempdir().unwrap();
    let dir = repository.path().join("roles");
    std::fs::create_dir(&dir).unwrap();
    for id in [DIRECTOR, "cto"] {
        std::fs::copy(
            repo().join(format!("roles/{id}.json")),
            dir.join(format!("{id}.json")),
        )
        .unwrap();
    }
    let root = repository.path();
    let first = "2025-01-06T10:00:00+00:00";
    git(root, &["init", "-q", "-b", "main"], first);
    git(root, &["add", "."], first);
    git(root, &["commit", "-q", "-m", "Import the ladder"], first);

    let lib = dir.to_str().unwrap();
    let out = rolecraft(
        data,
        &[
            "--library",
            lib,
            "edit",
            DIRECTOR,
            "--set-fact",
            "scope=Two platform teams",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        dir.join(format!("{DIRECTOR}.json")).display().to_string()
    );
    let second = "2025-06-02T09:30:00+02:00";
    git(
        root,
        &["commit", "-q", "-am", "Director: scope is two teams"],
        second,
    );

    let file = dir.join(format!("{DIRECTOR}.json"));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("Stretegic thinking."));
    std::fs::write(
        &file,
        text.replace("Stretegic thinking.", "Strategic thinking."),
    )
    .unwrap();
    let third = "2025-12-01T16:00:00-05:00";
    git(
        root,
        &["commit", "-q", "-am", "Fix a typo\n\nReported in review."],
        third,
    );
    (repository, dir)
}

#[test]
fn history_lists_the_commits_that_changed_a_role_and_compare_reads_any_revision() {
    let data = tempfile::tempdir().unwrap();
    let (_repository, dir) = ladder_repo(data.path());
    let lib = dir.to_str().unwrap();

    let log = json(&rolecraft(
        data.path(),
        &["--library", lib, "history", DIRECTOR, "--json"],
    ));
    assert_eq!(log["file"], "roles/director-of-engineering.json");
    let commits = log["commits"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = commits
        .iter()
        .map(|c| {
            (
                c["date"].as_str().unwrap(),
                c["author"].as_str().unwrap(),
                c["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "2025-12-01T16:00:00-05:00",
                "Ada Lovelace",
                "Fix a typo\n\nReported in review."
            ),
            (
                "2025-06-02T09:30:00+02:00",
                "Ada Lovelace",
                "Director: scope is two teams"
            ),
            (
                "2025-01-06T10:00:00+00:00",
                "Ada Lovelace",
                "Import the ladder"
            ),
        ]
    );
    assert!(commits
        .iter()
        .all(|c| c["id"].as_str().unwrap().len() == 40 && c["email"] == "ada@example.com"));

    // cto.json was only committed once.
    let cto = json(&rolecraft(
        data.path(),
        &["--library", lib, "history", "cto", "--json"],
    ));
    assert_eq!(cto["commits"].as_array().unwrap().len(), 1);
    assert_eq!(cto["commits"][0]["id"], commits[2]["id"]);

    // The plain listing: short id, date, author, first line of the message.
    let out = rolecraft(data.path(), &["--library", lib, "history", DIRECTOR]);
    let text = stdout(&out);
    let first = text.lines().next().unwrap();
    assert_eq!(
        first,
        format!(
            "{}  2025-12-01T16:00:00-05:00  Ada Lovelace  Fix a typo",
            &commits[0]["id"].as_str().unwrap()[..10]
        )
    );
    assert_eq!(text.lines().count(), 3);

    // The first version against the current one: the two changes the commits made, nothing else.
    let spec = format!("{DIRECTOR}@HEAD~2");
    let cmp = json(&rolecraft(
        data.path(),
        &[
            "--library",
            lib,
            "compare",
            &spec,
            DIRECTOR,
            "--format",
            "json",
        ],
    ));
    assert_eq!(cmp["roles"], serde_json::json!([spec, DIRECTOR]));
    assert_eq!(
        cmp["headers"][0]["title"],
        "Director of Engineering (HEAD~2)"
    );
    let changed_facts: Vec<&Value> = cmp["facts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] != "same")
        .collect();
    assert_eq!(changed_facts.len(), 1, "{changed_facts:?}");
    assert_eq!(changed_facts[0]["key"], "scope");
    assert_eq!(
        changed_facts[0]["left"],
        "4-6 teams / 3-4 directs, 15-20 total"
    );
    assert_eq!(changed_facts[0]["right"], "Two platform teams");
    let changed_rows: Vec<&Value> = cmp["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .filter(|r| r["status"] != "same")
        .collect();
    assert_eq!(changed_rows.len(), 1, "{changed_rows:?}");
    assert_eq!(changed_rows[0]["status"], "changed");
    assert_eq!(changed_rows[0]["left"], "Stretegic thinking.");
    assert_eq!(changed_rows[0]["right"], "Strategic thinking.");

    // Two revisions against each other, by hash and by ancestry; Markdown and HTML too.
    let older = format!("{DIRECTOR}@{}", commits[2]["id"].as_str().unwrap());
    let newer = format!("{DIRECTOR}@HEAD~1");
    let cmp = json(&rolecraft(
        data.path(),
        &["--library", lib, "compare", &older, &newer, "--json"],
    ));
    let rows_changed = cmp["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["rows"].as_array().unwrap())
        .filter(|r| r["status"] != "same")
        .count();
    assert_eq!(rows_changed, 0);
    assert_eq!(
        cmp["facts"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] != "same")
            .count(),
        1
    );
    let md = rolecraft(
        data.path(),
        &["--library", lib, "compare", &older, DIRECTOR],
    );
    let heading = format!(
        "# Director of Engineering ({}) → Director of Engineering\n",
        commits[2]["id"].as_str().unwrap()
    );
    assert!(stdout(&md).starts_with(&heading), "{}", stdout(&md));
    let html = rolecraft(
        data.path(),
        &[
            "--library",
            lib,
            "compare",
            &newer,
            DIRECTOR,
            "--format",
            "html",
        ],
    );
    assert!(html.status.success(), "{}", stderr(&html));
    assert!(stdout(&html).contains("Strategic"));

    // A revision git does not know, and a revision before the file existed.
    let out = rolecraft(
        data.path(),
        &[
            "--library",
            lib,
            "compare",
            &format!("{DIRECTOR}@nope"),
            DIRECTOR,
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("\"nope\" is not a revision"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn history_outside_git_says_so() {
    let data = tempfile::tempdir().unwrap();
    let lib = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join("roles/cto.json"), lib.path().join("cto.json")).unwrap();
    let dir = lib.path().to_str().unwrap();
    let out = rolecraft(data.path(), &["--library", dir, "history", "cto"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cto.json: not in a git repository"),
        "{}",
        stderr(&out)
    );
    // A bundled role has no file to follow.
    let out = rolecraft(data.path(), &["history", "cto"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("bundled roles have no history"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn new_and_edit_write_into_the_user_library() {
    let data = tempfile::tempdir().unwrap();
    let out = rolecraft(
        data.path(),
        &["new", "Senior Director of Engineering", "--from", DIRECTOR],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let file = data
        .path()
        .join("roles/senior-director-of-engineering.json");
    assert_eq!(stdout(&out).trim(), file.display().to_string());
    let role: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(role["title"], "Senior Director of Engineering");
    let director: Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("roles/director-of-engineering.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(role["sections"], director["sections"]);

    // The new role is in the library now; its id cannot be taken twice, nor a bundled one.
    let show = json(&rolecraft(
        data.path(),
        &["show", "senior-director-of-engineering", "--json"],
    ));
    assert_eq!(show["id"], "senior-director-of-engineering");
    for title in ["Senior Director of Engineering", "CTO"] {
        let out = rolecraft(data.path(), &["new", title]);
        assert_eq!(out.status.code(), Some(1), "{title}");
        assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    }

    // A bundled role edited becomes the user's copy; the bundled file is untouched.
    let out = rolecraft(
        data.path(),
        &[
            "edit",
            "cto",
            "--set-fact",
            "reports_to=CEO",
            "--remove-fact",
            "scope",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let cto = json(&rolecraft(data.path(), &["show", "cto", "--json"]));
    assert_eq!(cto["facts"]["reports_to"], "CEO");
    assert!(cto["facts"].get("scope").is_none());
    assert!(data.path().join("roles/cto.json").is_file());
    assert!(std::fs::read_to_string(repo().join("roles/cto.json"))
        .unwrap()
        .contains("\"scope\""));

    let out = rolecraft(data.path(), &["edit", "cto", "--set-fact", "Reports To=x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not snake_case"), "{}", stderr(&out));
    let out = rolecraft(data.path(), &["edit", "cto"]);
    assert_eq!(out.status.code(), Some(1));
}
