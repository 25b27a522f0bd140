//! axe-core on the library, a role, compare, the ladder, import, the draft editor with its
//! findings and the command palette, in the real
//! webview, in the light and the dark theme, at 1280×800 and 900×600: no serious or critical
//! violation (colour contrast included, which the component tests cannot judge).
//! With `ROLECRAFT_SCREENSHOT_DIR` set, each screen is also saved there as `<screen>-<theme>-<size>.png`.

use crate::driver::Session;

const SCREENS: [(&str, &str, &str); 5] = [
    ("role", "#/role/vp-of-engineering", "article.role-view h1"),
    (
        "compare",
        "#/compare/director-of-engineering,vp-of-engineering,cto",
        ".col-header",
    ),
    (
        "ladder",
        "#/compare/director-of-engineering,vp-of-engineering,cto/ladder",
        ".rung-header",
    ),
    ("import", "#/import", ".import-view h1"),
    // The draft editor with its findings (a New York posting without pay: an error).
    (
        "draft",
        "#/draft/vp-of-engineering-1",
        ".findings li.finding",
    ),
];

/// A draft to open, written before the app starts.
const DRAFT: &str = r#"{
  "id": "vp-of-engineering-1",
  "name": "VP of Engineering, New York",
  "role_id": "vp-of-engineering",
  "template": "full",
  "posting": {"company": "Acme Robotics", "location": "New York, NY, US"},
  "sections": null,
  "items_off": [],
  "item_edits": [],
  "updated_at": null
}"#;

fn choose_theme(s: &mut Session, theme: &str) {
    let option = s.find(&format!(".theme-switch select option[value={theme}]"));
    s.click(&option);
    s.wait_until("html", "the theme to apply", |s, _| {
        s.execute(
            "return document.documentElement.dataset.theme",
            serde_json::json!([]),
        ) == serde_json::json!(theme)
    });
}

#[test]
fn axe_finds_no_serious_problems_on_any_screen_in_either_theme() {
    let shots = std::env::var_os("ROLECRAFT_SCREENSHOT_DIR").map(std::path::PathBuf::from);
    let mut s = Session::start_with(&["--open", "role/vp-of-engineering"], |data| {
        std::fs::create_dir_all(data.join("drafts")).expect("drafts folder");
        std::fs::write(data.join("drafts/vp-of-engineering-1.json"), DRAFT).expect("a draft");
    });
    s.wait_until(".role-link", "the library", |_, e| e.len() >= 4);
    let mut problems = Vec::new();
    let mut report = Vec::new();
    for (width, height) in [(1280, 800), (900, 600)] {
        s.set_window_size(width, height);
        for theme in ["light", "dark"] {
            choose_theme(&mut s, theme);
            for (name, hash, ready) in SCREENS {
                s.execute(&format!("location.hash = '{hash}'"), serde_json::json!([]));
                s.find(ready);
                if name == "role" {
                    // With found words marked (their colours are checked too).
                    let find = s.find("input[aria-label='Find in this role']");
                    s.clear(&find);
                    s.type_into(&find, "budget\u{E007}");
                    s.find("mark.current");
                }
                std::thread::sleep(std::time::Duration::from_millis(400));
                let found = s.axe();
                report.push(format!("{name} {theme} {width}x{height}: {}", found.len()));
                eprintln!("{}", report.last().unwrap());
                problems.extend(
                    found
                        .into_iter()
                        .map(|p| format!("{name} ({theme}, {width}x{height}): {p}")),
                );
                if let Some(dir) = &shots {
                    std::fs::create_dir_all(dir).unwrap();
                    s.screenshot(&dir.join(format!("{name}-{theme}-{width}x{height}.png")));
                }
            }
            // The command palette, over the role page.
            s.execute(
                "location.hash = '#/role/vp-of-engineering'",
                serde_json::json!([]),
            );
            s.find("article.role-view h1");
            let open = s.find("button[aria-keyshortcuts='Control+K']");
            s.click(&open);
            let input = s.find("[role=dialog] input[role=combobox]");
            s.type_into(&input, "vp");
            std::thread::sleep(std::time::Duration::from_millis(300));
            let found = s.axe();
            report.push(format!("palette {theme} {width}x{height}: {}", found.len()));
            eprintln!("{}", report.last().unwrap());
            problems.extend(
                found
                    .into_iter()
                    .map(|p| format!("palette ({theme}, {width}x{height}): {p}")),
            );
            if let Some(dir) = &shots {
                s.screenshot(&dir.join(format!("palette-{theme}-{width}x{height}.png")));
            }
            s.type_into(&input, "\u{E00C}"); // Escape
            s.wait_until("[role=dialog]", "the palette to close", |_, e| e.is_empty());
        }
    }
    // Back to System: WebKit keeps localStorage in the user's app-data folder, not the test's.
    let system = s.find(".theme-switch select option[value=system]");
    s.click(&system);
    s.wait_until("html", "the choice to be forgotten", |s, _| {
        s.execute(
            "return localStorage.getItem('rolecraft.theme')",
            serde_json::json!([]),
        )
        .is_null()
    });
    eprintln!(
        "axe, serious and critical violations per screen:\n{}",
        report.join("\n")
    );
    assert!(problems.is_empty(), "axe found:\n{}", problems.join("\n"));
}

#[test]
fn command_palette_opens_vp_of_engineering_from_the_keyboard() {
    let mut s = Session::start(&["--open", "role/cto"]);
    s.wait_until("article.role-view h1", "the CTO", |s, e| {
        e.first().is_some_and(|h| s.text(h) == "CTO")
    });
    // Ctrl+K works from a text field too (WebDriver key codes: Control down, "k", keys up).
    let search = s.find("input[aria-label='Search roles']");
    s.type_into(&search, "\u{E009}k\u{E000}");
    let input = s.find("[role=dialog] input[role=combobox]");
    s.type_into(&input, "vp");
    s.type_into(&input, "\u{E007}"); // Enter
    s.wait_until("article.role-view h1", "VP of Engineering", |s, e| {
        e.first().is_some_and(|h| s.text(h) == "VP of Engineering")
    });
    assert!(s.all("[role=dialog]").is_empty());
}
