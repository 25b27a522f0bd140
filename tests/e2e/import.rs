//! Import end to end: the two seed pages into an empty data folder through the real Import tab
//! (`ROLECRAFT_IMPORT_FILES` stands in for the native open dialog, which WebDriver cannot drive),
//! the review screen with the CTO checkpoint conflict, the other side chosen, the roles saved
//! into `<data dir>/roles` and shown by the library view.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::driver::Session;

fn seed(prefix: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}* in {}", dir.display()))
}

/// The whole X screen (the app's window at 1280×800) as `import` (ImageMagick) sees it: into
/// tests/e2e/output/, and into docs/screenshots/ with `UPDATE_SCREENSHOTS=1`.
fn screenshot(name: &str) {
    std::thread::sleep(Duration::from_millis(600));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("tests/e2e/output")];
    if std::env::var_os("UPDATE_SCREENSHOTS").is_some_and(|v| v == "1") {
        dirs.push(root.join("docs/screenshots"));
    }
    for dir in dirs {
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status();
        match status {
            Ok(s) if s.success() => eprintln!("screenshot: {}", path.display()),
            other => eprintln!("no screenshot ({other:?}): is ImageMagick installed?"),
        }
    }
}

#[test]
fn import_reviews_the_cto_conflict_saves_the_chosen_side_and_shows_the_roles() {
    let files = [seed("000_"), seed("001_")];
    // Inherited by tauri-driver, then by the app it starts.
    std::env::set_var(
        "ROLECRAFT_IMPORT_FILES",
        std::env::join_paths(&files).unwrap(),
    );
    let mut s = Session::start(&[]);
    std::env::remove_var("ROLECRAFT_IMPORT_FILES");
    let roles_dir = s.data_dir.join("roles");
    // (The app makes the folder to watch it, but nothing is in it.)
    let role_files = |dir: &std::path::Path| -> Vec<String> {
        std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".json"))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        role_files(&roles_dir),
        Vec::<String>::new(),
        "the library starts empty"
    );

    s.wait_until(".role-link", "the library", |_, e| e.len() >= 4);
    let tab = s.find("nav.tabs a[href='#/import']");
    s.click(&tab);
    let choose = s.button(".start button", "Choose files…");
    s.click(&choose);

    // The review screen: what was found, before anything is written.
    let summary = s.find("[data-testid=import-summary]");
    let summary = s.text(&summary);
    assert!(summary.starts_with("2 files read"), "{summary}");
    assert!(summary.contains("roles found"), "{summary}");
    assert_eq!(
        role_files(&roles_dir),
        Vec::<String>::new(),
        "nothing may be written before the user imports"
    );
    let planned: Vec<String> = {
        let cards = s.all("article.role-plan");
        cards
            .iter()
            .map(|c| s.attr(c, "data-role-id").unwrap_or_default())
            .collect()
    };
    assert!(planned.contains(&"cto".to_string()), "{planned:?}");

    // The roles' sections are listed, collapsed.
    let sections = s.all("article.role-plan[data-role-id=cto] details.section");
    assert!(!sections.is_empty(), "the CTO's sections are not listed");
    assert!(s.all("article.role-plan details.section[open]").is_empty());

    // The CTO checkpoint conflict, side by side with where each side comes from.
    let conflicts = s.all("article.role-plan[data-role-id=cto] fieldset.conflict");
    let mut checkpoint = None;
    for c in &conflicts {
        let text = s.text(c);
        if text.contains("for 10+ years.") && text.contains("for 3+ years.") {
            checkpoint = Some((c.clone(), text));
        }
    }
    let (conflict, text) = checkpoint.unwrap_or_else(|| {
        panic!(
            "no CTO checkpoint conflict among {} conflicts; page:\n{}",
            conflicts.len(),
            s.text_of_body()
        )
    });
    let kept = s.children(&conflict, "label.side.kept")[0].clone();
    let other = s.children(&conflict, "label.side.other")[0].clone();
    let (kept_text, other_text) = (s.text(&kept), s.text(&other));
    assert!(
        kept_text.contains("for 10+ years.") && kept_text.contains("001_a79071d1db045453.txt:306"),
        "kept side: {kept_text}"
    );
    assert!(
        other_text.contains("for 3+ years.") && other_text.contains("000_8c1f8f3f73223611.txt:414"),
        "other side: {other_text}"
    );
    assert!(
        text.contains("Checkpoints for reaching this level"),
        "{text}"
    );

    // Choose the other side; the suggestion for the role stays preselected.
    let radio = s.children(&other, "input[value=other]")[0].clone();
    s.click(&radio);
    s.wait_until(
        "article.role-plan[data-role-id=cto] fieldset.conflict label.side.other.chosen",
        "the other side chosen",
        |_, e| !e.is_empty(),
    );
    let suggested = s.all("article.role-plan[data-role-id=cto] .choice input:checked");
    assert_eq!(suggested.len(), 1);
    assert_eq!(s.attr(&suggested[0], "value").as_deref(), Some("merge"));

    screenshot("import");

    let import = s.find(".actions button.primary");
    let label = s.text(&import);
    assert!(label.starts_with("Import "), "{label}");
    s.click(&import);
    let result = s.wait_until(".result[role=status]", "the import result", |s, e| {
        e.first().is_some_and(|r| s.text(r).starts_with("Imported"))
    });
    let result_text = s.text(&result[0]);
    assert!(
        result_text.contains(&roles_dir.display().to_string()),
        "{result_text}"
    );

    // Saved atomically into the user library, with the side chosen.
    let cto = std::fs::read_to_string(roles_dir.join("cto.json")).expect("cto.json saved");
    let cto: serde_json::Value = serde_json::from_str(&cto).expect("cto.json is JSON");
    let items: Vec<String> = cto["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["items"].as_array().cloned().unwrap_or_default())
        .filter_map(|i| i["text"].as_str().map(str::to_owned))
        .collect();
    assert!(
        items.iter().any(|t| t
            == "Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 3+ years."),
        "cto.json lacks the chosen side"
    );
    assert!(
        !items
            .iter()
            .any(|t| t.contains("or equivalent for 10+ years.")),
        "cto.json still holds the side set aside"
    );
    // The conflict stays on record, the chosen side as the kept one.
    let recorded = cto["conflicts"].as_array().expect("conflicts recorded");
    assert!(
        recorded.iter().any(|c| c["kept"]["text"]
            .as_str()
            .is_some_and(|t| t.contains("for 3+ years."))),
        "{recorded:?}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&roles_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The library's lock file stays (an advisory lock; removing it on unlock would race);
        // `sources/` keeps a copy of each imported document, for showing a source line.
        .filter(|n| !n.ends_with(".json") && n != ".rolecraft.lock" && n != "sources")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
    let copies = std::fs::read_dir(roles_dir.join("sources"))
        .map(|d| d.count())
        .unwrap_or(0);
    assert_eq!(copies, 2, "one copy per imported document");

    // The library view shows the imported roles, the CTO with the chosen checkpoint.
    let open_cto = s.button(".result button.link", "CTO");
    s.click(&open_cto);
    s.wait_until("article.role-view h1", "the CTO's page", |s, e| {
        e.first().is_some_and(|h| s.text(h) == "CTO")
    });
    let titles = s.texts(".role-link .role-title");
    for id in &planned {
        let saved = std::fs::read_to_string(roles_dir.join(format!("{id}.json")))
            .unwrap_or_else(|e| panic!("{id}.json: {e}"));
        let title: serde_json::Value = serde_json::from_str(&saved).unwrap();
        let title = title["title"].as_str().unwrap();
        assert!(
            titles.iter().any(|t| t == title),
            "{title} not in {titles:?}"
        );
    }
    // (Read from the DOM: WebKitWebDriver's visible-text rule skips the ellipsised source.)
    let items = s.execute(
        "return [...document.querySelectorAll('article.role-view .item')].map(e => e.textContent)",
        serde_json::json!([]),
    );
    let items: Vec<String> = serde_json::from_value(items).expect("a list of texts");
    let shown = items.into_iter().rfind(|t| t.contains("equivalent for"));
    let shown = shown.expect("the CTO's experience checkpoint is shown");
    assert!(
        shown.contains("for 3+ years.") && shown.contains(", line 414"),
        "{shown}"
    );
}
