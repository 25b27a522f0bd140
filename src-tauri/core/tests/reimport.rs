//! Re-importing a document over a role the user edited never drops the edits: each edited item
//! is one side of a conflict (the user's side kept unless chosen otherwise), items written here
//! stay.

use rolecraft_core::authoring::{apply_all, ItemAt, RoleEdit};
use rolecraft_core::import::{import_document, Document, Imported};
use rolecraft_core::model::{Origin, Role};
use rolecraft_core::review::{plan_import, Decisions};

const AT: &str = "2026-12-01T23:50:00Z";

const PAGE: &str = "# Director of Engineering\n\n## Competencies\n\n- Deliver results.\n- Stretegic thinking.\n\n## Responsibilities\n\n- Runs the quarterly planning.\n- Owns the hiring plan for the org.\n";

fn page() -> Imported {
    import_document(&Document::from_text("director.md", PAGE)).unwrap()
}

/// The imported role with the typo fixed, an item rewritten beyond recognition, one authored.
fn edited() -> Role {
    let mut role = page().roles.remove(0);
    let edits = [
        RoleEdit::EditItem {
            section: 0,
            index: 1,
            text: "Strategic thinking.".into(),
        },
        RoleEdit::EditItem {
            section: 1,
            index: 1,
            text: "Hires leaders who hire well.".into(),
        },
        RoleEdit::AddItem {
            section: 1,
            index: 0,
            text: "Writes the engineering strategy.".into(),
        },
        RoleEdit::MoveItem {
            from: ItemAt {
                section: 0,
                index: 0,
            },
            to: ItemAt {
                section: 1,
                index: 3,
            },
        },
    ];
    apply_all(&mut role, &edits, AT).unwrap();
    role
}

fn texts(role: &Role) -> Vec<&str> {
    role.items().map(|i| i.text.as_str()).collect()
}

#[test]
fn a_reimport_over_an_edited_role_keeps_every_edit_as_a_conflict_side() {
    let mine = edited();
    let plan = plan_import(std::slice::from_ref(&mine), vec![page()]);
    let role = &plan.roles[0];
    assert_eq!(role.existing.as_ref(), Some(&mine));
    let mut sides: Vec<(&str, &str)> = role
        .merge_conflicts
        .iter()
        .map(|c| (c.kept.text.as_str(), c.other.text.as_str()))
        .collect();
    sides.sort();
    assert_eq!(
        sides,
        [
            (
                "Hires leaders who hire well.",
                "Owns the hiring plan for the org."
            ),
            ("Strategic thinking.", "Stretegic thinking."),
        ]
    );
    for conflict in &role.merge_conflicts {
        assert!(
            matches!(conflict.kept.origin, Some(Origin::Edited { .. })),
            "the kept side says it is the user's edit: {conflict:?}"
        );
    }

    // The suggestion (merge, the user's side kept) changes nothing the user did.
    let merged = plan.resolve(&Decisions::default()).remove(0);
    assert_eq!(texts(&merged), texts(&mine));
    assert_eq!(merged, mine);

    // Taking the document's side of one conflict puts the imported item back as imported.
    let typo = role
        .merge_conflicts
        .iter()
        .position(|c| c.kept.text == "Strategic thinking.")
        .unwrap();
    let mut decisions = Decisions::default();
    decisions
        .take_other
        .insert(mine.id.clone(), vec![role.source_conflicts.len() + typo]);
    let taken = plan.resolve(&decisions).remove(0);
    let item = taken
        .items()
        .find(|i| i.text == "Stretegic thinking.")
        .expect("the document's text");
    assert_eq!(item.origin, None);
    assert!(texts(&taken).contains(&"Hires leaders who hire well."));
    assert!(texts(&taken).contains(&"Writes the engineering strategy."));
}
