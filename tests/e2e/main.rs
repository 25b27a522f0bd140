//! End-to-end: the real built app (frontend embedded) under Xvfb through tauri-driver and
//! WebKitWebDriver. Run with `scripts/e2e.sh`.

mod driver;

use driver::Session;

#[test]
fn library_lists_the_bundled_roles_and_opens_vp_of_engineering() {
    let mut s = Session::start(&[]);
    s.wait_until(".role-link", "the four bundled roles", |_, e| e.len() >= 4);
    let titles = s.texts(".role-link .role-title");
    for want in [
        "Director of Engineering",
        "VP of Engineering",
        "CTO",
        "VP of Product",
    ] {
        assert!(
            titles.iter().any(|t| t == want),
            "{want} not in the library: {titles:?}"
        );
    }
    let groups = s.texts(".track-name");
    // (shown in capitals by CSS, which WebDriver text reflects)
    assert!(
        groups
            .iter()
            .any(|g| g.to_lowercase().starts_with("people manager path")),
        "tracks: {groups:?}"
    );

    // Search narrows the list; the keyboard opens the first match.
    let search = s.find("input[type=search]");
    s.type_into(&search, "vp of eng");
    s.wait_until(".role-link", "search to narrow the list", |_, e| {
        e.len() == 1
    });
    s.type_into(&search, "\u{E007}"); // Enter

    let heading = s.wait_until("article.role-view h1", "the role view", |s, e| {
        e.first().is_some_and(|h| s.text(h) == "VP of Engineering")
    });
    assert_eq!(heading.len(), 1);
    let items = s.texts(".item-text");
    assert!(
        items
            .iter()
            .any(|t| t == "Can drive all internal and external communication."),
        "the item is not shown; items: {items:#?}"
    );
    // Every item says where it came from.
    let sources = s.texts(".item .source");
    assert_eq!(sources.len(), items.len());
    assert!(
        sources.iter().all(|src| src.contains(".txt:")),
        "{sources:?}"
    );
}
