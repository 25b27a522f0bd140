use std::path::Path;

use super::*;
use crate::library::{bundled_roles, role_json, LibraryError};
use crate::model::ItemOrigin;

const AT: &str = "2026-12-01T23:50:00Z";
const LATER: &str = "2026-12-02T08:00:00Z";

fn director() -> Role {
    bundled_roles()
        .unwrap()
        .into_iter()
        .find(|r| r.id == "director-of-engineering")
        .unwrap()
}

/// An edit of every kind, in an order where each fits the role the one before left.
fn every_kind_of_edit() -> Vec<RoleEdit> {
    vec![
        RoleEdit::SetTitle {
            title: "Director of Platform Engineering".into(),
        },
        RoleEdit::SetTrack {
            track: Some("Platform".into()),
        },
        RoleEdit::SetLevel { level: Some(7) },
        RoleEdit::SetFact {
            key: "scope".into(),
            value: "Platform org".into(),
        },
        RoleEdit::SetFact {
            key: "reports_to".into(),
            value: "VP of Engineering".into(),
        },
        RoleEdit::RemoveFact {
            key: "years_of_experience".into(),
        },
        RoleEdit::AddSection {
            index: 1,
            title: "Responsibilities".into(),
        },
        RoleEdit::RenameSection {
            section: 0,
            title: "In short".into(),
        },
        RoleEdit::AddItem {
            section: 1,
            index: 0,
            text: "Runs the platform review.".into(),
        },
        RoleEdit::EditItem {
            section: 0,
            index: 0,
            text: "A rewritten first item.".into(),
        },
        RoleEdit::MoveItem {
            from: ItemAt {
                section: 0,
                index: 0,
            },
            to: ItemAt {
                section: 1,
                index: 1,
            },
        },
        RoleEdit::MoveItem {
            from: ItemAt {
                section: 2,
                index: 0,
            },
            to: ItemAt {
                section: 2,
                index: 1,
            },
        },
        RoleEdit::RemoveItem {
            section: 2,
            index: 3,
        },
        RoleEdit::MoveSection { from: 1, to: 3 },
        RoleEdit::RemoveSection { section: 0 },
    ]
}

#[test]
fn undo_restores_the_role_exactly_and_redo_repeats_the_edits() {
    let original = director();
    assert!(original.facts.contains_key("years_of_experience"));
    let edits = every_kind_of_edit();
    let mut role = original.clone();
    let undo = apply_all(&mut role, &edits, AT).unwrap();
    assert_ne!(role, original);
    let edited = role.clone();
    assert_eq!(role.title, "Director of Platform Engineering");
    assert_eq!(role.facts.get("reports_to").unwrap(), "VP of Engineering");
    assert!(!role.facts.contains_key("years_of_experience"));
    // set_fact drops the document source: the value now comes from here.
    assert!(!role.fact_sources.contains_key("scope"));

    let redo = apply_all(&mut role, &undo, LATER).unwrap();
    assert_eq!(role, original, "undo gives back the role byte for byte");
    assert_eq!(role_json(&role), role_json(&original));
    apply_all(&mut role, &redo, LATER).unwrap();
    assert_eq!(role, edited, "redo repeats the edits, times included");

    // One at a time, undone one at a time in reverse order, ends where it started too.
    let mut role = original.clone();
    let mut stack = Vec::new();
    for edit in &edits {
        stack.push(apply(&mut role, edit, AT).unwrap());
    }
    while let Some(inverse) = stack.pop() {
        apply(&mut role, &inverse, AT).unwrap();
    }
    assert_eq!(role, original);
}

#[test]
fn an_edited_item_keeps_its_source_and_imported_text_and_an_added_one_is_authored() {
    let mut role = director();
    let before = role.sections[0].items[0].clone();
    let edit = |text: &str| RoleEdit::EditItem {
        section: 0,
        index: 0,
        text: text.into(),
    };
    apply(&mut role, &edit("Fixed text."), AT).unwrap();
    let item = &role.sections[0].items[0];
    assert_eq!(item.text, "Fixed text.");
    assert_eq!(item.source, before.source);
    assert_eq!(
        item.origin,
        Some(ItemOrigin::Edited {
            at: AT.into(),
            imported_text: before.text.clone(),
        })
    );
    // Edited again: the imported text stays what the document says.
    apply(&mut role, &edit("Fixed text, twice."), LATER).unwrap();
    assert_eq!(
        role.sections[0].items[0].origin,
        Some(ItemOrigin::Edited {
            at: LATER.into(),
            imported_text: before.text.clone(),
        })
    );
    // Back to the document's words: an imported item again.
    apply(&mut role, &edit(&before.text), LATER).unwrap();
    assert_eq!(role.sections[0].items[0], before);

    apply(
        &mut role,
        &RoleEdit::AddItem {
            section: 0,
            index: 1,
            text: "  Written here.  ".into(),
        },
        AT,
    )
    .unwrap();
    let added = &role.sections[0].items[1];
    assert_eq!(added.text, "Written here.");
    assert_eq!(added.source, no_source());
    assert_eq!(added.origin, Some(ItemOrigin::Authored { at: AT.into() }));
    apply(&mut role, &edit("x"), AT).unwrap();
    let json = role_json(&role);
    assert!(
        json.contains("\"origin\": {\n            \"kind\": \"authored\""),
        "{json}"
    );
    assert!(json.contains("\"kind\": \"edited\""), "{json}");
    // The JSON reads back as the same role.
    assert_eq!(crate::library::parse_role("x.json", &json).unwrap(), role);
}

#[test]
fn an_edit_that_does_not_fit_changes_nothing() {
    let original = director();
    let mut role = original.clone();
    let count = role.sections.len();
    let bad = [
        RoleEdit::RemoveSection { section: count },
        RoleEdit::EditItem {
            section: 0,
            index: 999,
            text: "x".into(),
        },
        RoleEdit::SetTitle { title: "  ".into() },
        RoleEdit::AddItem {
            section: 0,
            index: 0,
            text: "".into(),
        },
        RoleEdit::SetFact {
            key: "Reports To".into(),
            value: "x".into(),
        },
        RoleEdit::RemoveFact {
            key: "nothing_here".into(),
        },
        RoleEdit::MoveSection { from: 0, to: count },
    ];
    for edit in &bad {
        assert!(apply(&mut role, edit, AT).is_err(), "{edit:?}");
        assert_eq!(role, original, "{edit:?} changed the role");
    }
    // All or nothing: a good edit before a bad one is not kept either.
    let edits = [
        RoleEdit::SetTitle {
            title: "New".into(),
        },
        RoleEdit::RemoveSection { section: count },
    ];
    let err = apply_all(&mut role, &edits, AT).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("the role has {count} section(s); there is no section {count}")
    );
    assert_eq!(role, original);
    let err = apply(&mut role, &bad[4], AT).unwrap_err();
    assert_eq!(
        err.to_string(),
        "fact key \"Reports To\" is not snake_case (try \"reports_to\")"
    );
}

#[test]
fn edits_cross_ipc_as_tagged_json() {
    let edit: RoleEdit = serde_json::from_str(
        r#"{"op": "move_item", "from": {"section": 0, "index": 2}, "to": {"section": 1, "index": 0}}"#,
    )
    .unwrap();
    assert_eq!(
        edit,
        RoleEdit::MoveItem {
            from: ItemAt {
                section: 0,
                index: 2
            },
            to: ItemAt {
                section: 1,
                index: 0
            },
        }
    );
    let err = serde_json::from_str::<RoleEdit>(r#"{"op": "set_title", "title": "x", "y": 1}"#)
        .unwrap_err();
    assert!(err.to_string().contains("unknown field"), "{err}");
}

#[test]
fn a_bundled_role_edited_becomes_the_users_copy() {
    let dir = tempfile::tempdir().unwrap();
    let bundled = director();
    let base = Versioned::of(bundled.clone());
    let now = current(dir.path(), &bundled.id, Some(&bundled))
        .unwrap()
        .unwrap();
    assert_eq!(now, base);
    let edits = [RoleEdit::SetFact {
        key: "scope".into(),
        value: "Two teams".into(),
    }];
    let outcome = edit_and_save(
        dir.path(),
        &base.role,
        &base.hash,
        &edits,
        AT,
        Some(&bundled),
    )
    .unwrap();
    let EditOutcome::Saved { role, hash, undo } = outcome else {
        panic!("saved expected: {outcome:?}");
    };
    let path = dir.path().join("director-of-engineering.json");
    let on_disk = read_versioned(&path).unwrap();
    assert_eq!(on_disk.hash, hash);
    assert_eq!(on_disk.role, role);
    assert_eq!(role.facts["scope"], "Two teams");
    assert_eq!(undo.len(), 1);
    // Undo is an edit like any other, based on the saved version.
    let outcome = edit_and_save(dir.path(), &role, &hash, &undo, AT, Some(&bundled)).unwrap();
    let EditOutcome::Saved { role: undone, .. } = outcome else {
        panic!("saved expected: {outcome:?}");
    };
    assert_eq!(undone, bundled);
}

#[test]
fn a_file_changed_on_disk_since_the_base_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let role = director();
    let saved = create(dir.path(), role.clone(), &Library::default()).unwrap();
    let path = dir.path().join("director-of-engineering.json");
    // Someone else changes the file (another editor, `git pull`), formatting and all.
    let mut theirs = role.clone();
    theirs.title = "Director of Engineering (team version)".into();
    let theirs_text = serde_json::to_string(&theirs).unwrap();
    std::fs::write(&path, &theirs_text).unwrap();

    let edits = [RoleEdit::SetTitle {
        title: "Director, Engineering".into(),
    }];
    let outcome = edit_and_save(dir.path(), &saved.role, &saved.hash, &edits, AT, None).unwrap();
    let EditOutcome::Conflict { conflict, .. } = outcome else {
        panic!("conflict expected: {outcome:?}");
    };
    assert_eq!(conflict.mine.role.title, "Director, Engineering");
    let theirs_now = conflict.theirs.unwrap();
    assert_eq!(theirs_now.role, theirs);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs_text);

    // Keeping mine is a save based on theirs.
    let kept = save_if_unchanged(
        dir.path(),
        conflict.mine.role.clone(),
        &theirs_now.hash,
        None,
    )
    .unwrap()
    .unwrap();
    assert_eq!(read_versioned(&path).unwrap(), kept);

    // Deleted on disk: the conflict says so.
    std::fs::remove_file(&path).unwrap();
    let outcome =
        edit_and_save(dir.path(), &kept.role, &kept.hash, &edits, AT, Some(&role)).unwrap();
    assert!(
        matches!(&outcome, EditOutcome::Conflict { conflict, .. } if conflict.theirs.as_ref().map(|t| &t.role) == Some(&role)),
        "{outcome:?}"
    );
}

#[test]
fn delete_keeps_the_bytes_and_restore_puts_them_back() {
    let dir = tempfile::tempdir().unwrap();
    // A team's file name, hand formatted.
    let path = dir.path().join("director.json");
    let text = serde_json::to_string(&director()).unwrap();
    std::fs::write(&path, &text).unwrap();
    let now = current(dir.path(), "director-of-engineering", None)
        .unwrap()
        .unwrap();
    let err = delete(dir.path(), "director-of-engineering", "sha256:old").unwrap_err();
    assert!(matches!(err, AuthoringError::Changed { .. }), "{err}");
    let deleted = delete(dir.path(), "director-of-engineering", &now.hash).unwrap();
    assert!(!path.exists());
    assert_eq!(deleted.file, "director.json");
    let back = restore(dir.path(), &deleted).unwrap();
    assert_eq!(back, now);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    let err = restore(dir.path(), &deleted).unwrap_err();
    assert!(
        matches!(err, AuthoringError::Library(LibraryError::Exists { .. })),
        "{err}"
    );
    let err = delete(dir.path(), "cto", "x").unwrap_err();
    assert!(err.to_string().contains("bundled"), "{err}");
}

#[test]
fn new_roles_from_scratch_and_from_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::from_roles(bundled_roles().unwrap());
    let blank = new_role("  Head of Design ").unwrap();
    assert_eq!(
        (blank.id.as_str(), blank.title.as_str()),
        ("head-of-design", "Head of Design")
    );
    assert!(blank.sections.is_empty() && blank.sources.is_empty());
    create(dir.path(), blank, &library).unwrap();
    assert!(dir.path().join("head-of-design.json").is_file());

    let next = new_role_from(&director(), "Senior Director of Engineering").unwrap();
    assert_eq!(next.id, "senior-director-of-engineering");
    assert_eq!(next.sections, director().sections);
    let again = create(dir.path(), next.clone(), &library).unwrap();
    assert_eq!(again.role, next);

    let err = create(dir.path(), new_role("CTO").unwrap(), &library).unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    let err = create(
        dir.path(),
        new_role("Head of Design").unwrap(),
        &Library::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("already exists"), "{err}");
    assert!(new_role(" ").is_err());
    assert_eq!(new_role("!!").unwrap().id, "untitled-role");
}

/// The model gained optional fields: every role file we ship or test with still loads, and
/// saves back byte for byte.
#[test]
fn every_existing_role_file_loads_and_saves_unchanged() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for dir in ["roles", "tests/fixtures"] {
        collect_json(&root.join(dir), &mut files);
    }
    let roles: Vec<_> = files
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            let value: serde_json::Value = serde_json::from_str(&text).ok()?;
            let role_like = ["id", "title", "sections"]
                .iter()
                .all(|k| value.get(k).is_some());
            role_like.then_some((p, text))
        })
        .collect();
    assert!(roles.len() >= 4, "{files:?}");
    for (path, text) in roles {
        let role = crate::library::parse_role(&path.display().to_string(), &text).unwrap();
        assert_eq!(role_json(&role), text, "{} changed on save", path.display());
    }
}

fn collect_json(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}
