//! Editing a role in the real app: the edit saves itself into the user library with its
//! provenance, Ctrl+Z takes it back, a typo is fixed, the edits show in compare after a reload,
//! a change on disk during an edit offers both versions, one while reading shows at once, and
//! history says plainly that the folder is not in git.

use std::time::Instant;

use crate::driver::{report, Session};

/// Waits for the role page to show the role titled `title`.
fn wait_for_heading(s: &mut Session, title: &str) {
    s.wait_until("article.role-view h1", title, |s, e| {
        e.first().is_some_and(|h| s.text(h) == title)
    });
}

fn saved_role(path: &std::path::Path, want: &str) -> serde_json::Value {
    for _ in 0..100 {
        if let Ok(text) = std::fs::read_to_string(path) {
            if text.contains(want) {
                return serde_json::from_str(&text).expect("the saved role is JSON");
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{} never held {want:?}", path.display());
}

#[test]
fn edits_save_with_provenance_undo_and_never_overwrite_a_change_on_disk() {
    let mut s = Session::start(&["--open", "role/director-of-engineering"]);
    s.wait_until("article.role-view h1", "the Director's page", |s, e| {
        e.first()
            .is_some_and(|h| s.text(h) == "Director of Engineering")
    });
    let edit = s.button("button", "Edit");
    s.click(&edit);
    let first = s.find("textarea[data-item='0-0']");
    s.type_into(&first, " Edited in the app.");

    // Saved into the user library (the bundled role becomes the user's copy), atomically.
    let file = s.data_dir.join("roles/director-of-engineering.json");
    let role = saved_role(&file, "Edited in the app.");
    let item = &role["sections"][0]["items"][0];
    assert!(
        item["text"]
            .as_str()
            .unwrap_or("")
            .ends_with("Edited in the app."),
        "{item}"
    );
    assert_eq!(item["origin"]["kind"], "edited", "{item}");
    assert!(
        !item["origin"]["imported_text"]
            .as_str()
            .unwrap_or("")
            .contains("Edited in the app."),
        "the imported text is kept as it was: {item}"
    );
    // (The status is read from the DOM: WebKitWebDriver's visible-text rule skips it.)
    let mut status = String::new();
    for _ in 0..100 {
        status = s
            .execute(
                "return document.querySelector('[data-testid=save-status]')?.textContent ?? ''",
                serde_json::json!([]),
            )
            .as_str()
            .unwrap_or("")
            .to_string();
        if status.to_lowercase().contains("saved") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(
        status.to_lowercase().contains("saved"),
        "status: {status:?}"
    );

    // Ctrl+Z undoes the edit, and that is saved too.
    s.type_into(&first, "\u{E009}z\u{E000}"); // Ctrl down, z, all keys up
    for _ in 0..100 {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if !text.contains("Edited in the app.") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let text = std::fs::read_to_string(&file).expect("the role file stays");
    assert!(!text.contains("Edited in the app."), "undo was not saved");

    // Ctrl+Shift+Z redoes it.
    s.type_into(&first, "\u{E009}\u{E008}z\u{E000}");
    saved_role(&file, "Edited in the app.");

    // Enter at the end of an item starts a new one after it, written here.
    s.type_into(&first, "\u{E007}");
    let blank = s.find("textarea[data-blank]");
    s.type_into(&blank, "A");
    let added = s.find("textarea[data-item='0-1']");
    s.type_into(&added, " new item written here.");
    let role = saved_role(&file, "A new item written here.");
    let new_item = &role["sections"][0]["items"][1];
    assert_eq!(new_item["text"], "A new item written here.", "{new_item}");
    assert_eq!(new_item["origin"]["kind"], "authored", "{new_item}");

    // Moved to another section with the item's menu.
    let to_scope = s.find("#move-0-1 option[value='1']");
    s.click(&to_scope);
    let mut moved = false;
    for _ in 0..100 {
        let role = saved_role(&file, "A new item written here.");
        let scope = role["sections"][1]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if scope
            .last()
            .is_some_and(|i| i["text"] == "A new item written here.")
        {
            moved = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert!(moved, "the item was not moved to the second section");

    // The typo "Stretegic" (Competencies) fixed: its text selected and typed over.
    let typo = s.execute(
        "const t = [...document.querySelectorAll('textarea[data-item]')] \
           .find(t => t.value === 'Stretegic thinking.'); return t ? t.dataset.item : null;",
        serde_json::json!([]),
    );
    let typo = typo
        .as_str()
        .unwrap_or_else(|| panic!("no item reads \"Stretegic thinking.\": {typo}"))
        .to_string();
    // Focused and selected first: typing into a focused field keeps its selection.
    s.execute(
        "const t = document.querySelector(`textarea[data-item='${arguments[0]}']`); \
         t.focus(); t.select();",
        serde_json::json!([typo]),
    );
    let field = s.find(&format!("textarea[data-item='{typo}']"));
    s.type_into(&field, "Strategic thinking.");
    let role = saved_role(&file, "\"Strategic thinking.\"");
    let fixed = role["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|sec| sec["items"].as_array().cloned().unwrap_or_default())
        .find(|i| i["text"] == "Strategic thinking.")
        .expect("the fixed item");
    assert_eq!(fixed["origin"]["kind"], "edited", "{fixed}");
    assert_eq!(
        fixed["origin"]["imported_text"], "Stretegic thinking.",
        "{fixed}"
    );
    assert!(
        !role["sections"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|sec| sec["items"].as_array().cloned().unwrap_or_default())
            .any(|i| i["text"] == "Stretegic thinking."),
        "no item keeps the typo"
    );

    // After a reload of the app the edits are there, and marked.
    s.execute("location.reload()", serde_json::json!([]));
    wait_for_heading(&mut s, "Director of Engineering");
    let texts = s.execute(
        "return [...document.querySelectorAll('article.role-view .item')].map(e => e.textContent)",
        serde_json::json!([]),
    );
    let texts: Vec<String> = serde_json::from_value(texts).expect("texts");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Edited in the app.") && t.contains("edited")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("A new item written here.") && t.contains("written here")),
        "{texts:?}"
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Strategic thinking.") && t.contains("edited")),
        "{texts:?}"
    );

    // Compare shows the edits, marked: against VP of Engineering, the Director's column
    // holds the fixed, the appended and the new item.
    s.execute(
        "location.hash = '#/compare/director-of-engineering,vp-of-engineering'",
        serde_json::json!([]),
    );
    s.wait_in_page(
        "const cells = [...document.querySelectorAll('.item-row > .cell')].map(c => c.textContent); \
         return cells.some(t => t.includes('Strategic thinking.') && t.includes('edited')) \
           && cells.some(t => t.includes('Edited in the app.') && t.includes('edited')) \
           && cells.some(t => t.includes('A new item written here.') && t.includes('written here'));",
        "compare to show the three edits, marked",
    );
    s.execute(
        "location.hash = '#/role/director-of-engineering'",
        serde_json::json!([]),
    );
    wait_for_heading(&mut s, "Director of Engineering");
    let edit = s.button("button", "Edit");
    s.click(&edit);
    let first = s.find("textarea[data-item='0-0']");

    // A change made outside while the editor is open is never overwritten: typing, then the
    // file changes on disk before the autosave, offers both versions.
    let outside = |title: &str| {
        let text = std::fs::read_to_string(&file).expect("the role file");
        let mut role: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        role["title"] = serde_json::json!(title);
        let tmp = file.with_extension("json.outside");
        std::fs::write(
            &tmp,
            serde_json::to_string_pretty(&role).expect("JSON") + "\n",
        )
        .expect("write");
        std::fs::rename(&tmp, &file).expect("rename");
    };
    s.type_into(&first, " Mine.");
    outside("Director of Engineering (from git pull)");
    let chooser = s.wait_until(
        "[data-testid=conflict]",
        "both versions to be offered",
        |_, e| !e.is_empty(),
    );
    assert_eq!(chooser.len(), 1);
    let keep = s.button("[data-testid=conflict] button", "Keep mine");
    s.click(&keep);
    saved_role(&file, "Mine.");

    // Outside git, history says so plainly.
    let history = s.button("button", "History");
    s.click(&history);
    let problem = s.find("[data-testid=history-problem]");
    let problem = s.text(&problem);
    assert!(problem.to_lowercase().contains("git"), "{problem}");

    // A change on disk while the role is read shows up within a second or two, in place.
    let read = s.button("button", "Read");
    s.click(&read);
    let written = Instant::now();
    outside("Director of Engineering, revised outside");
    s.wait_until("article.role-view h1", "the new title", |s, e| {
        e.first()
            .is_some_and(|h| s.text(h) == "Director of Engineering, revised outside")
    });
    // Reported, not asserted (noisy machines); includes WebDriver's polling.
    report(&format!(
        "e2e: a role file changed on disk shows in the app after {} ms",
        written.elapsed().as_millis()
    ));
}
