//! End-to-end: the real built app (frontend embedded) under Xvfb through tauri-driver and
//! WebKitWebDriver. Run with `scripts/e2e.sh`.

mod a11y;
mod authoring;
mod driver;
mod import;
mod postings;
mod scale;

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
    s.wait_until(
        ".track:not(.text-hits) .role-link",
        "search to narrow the list",
        |_, e| e.len() == 1,
    );
    // Roles that only mention it in their text follow, under their own heading.
    let in_text = s.wait_until(
        ".text-hits .role-link .role-title",
        "the roles that mention it in their text",
        |_, e| !e.is_empty(),
    );
    let in_text: Vec<String> = in_text.iter().map(|e| s.text(e)).collect();
    assert!(in_text.iter().any(|t| t == "CTO"), "{in_text:?}");
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
    // The app loads nothing from the network: every resource is the app's own or IPC.
    let loaded = s.execute(
        "return performance.getEntriesByType('resource').map(e => e.name)",
        serde_json::json!([]),
    );
    let urls: Vec<&str> = loaded
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|u| u.as_str())
        .collect();
    let local = |u: &&str| {
        ["tauri://", "ipc://", "http://ipc.localhost", "about:"]
            .iter()
            .any(|p| u.starts_with(p))
    };
    assert!(urls.iter().all(local), "network requests: {urls:?}");

    // Every item says where it came from, by the document's title and line; a click shows
    // the cited line in its context, from the copy the library keeps.
    // (Read from the DOM: WebKitWebDriver's visible-text rule skips the ellipsised buttons.)
    let sources = s.execute(
        "return [...document.querySelectorAll('.item .source')].map(e => e.textContent.trim())",
        serde_json::json!([]),
    );
    let sources: Vec<String> = serde_json::from_value(sources).expect("a list of texts");
    assert_eq!(sources.len(), items.len());
    assert!(
        sources.iter().all(|src| src.contains(", line ")),
        "{sources:?}"
    );
    let link = s.find(".item .source button.source-link");
    s.click(&link);
    let cited = s.wait_until(
        "[data-testid=source-dialog] li.cited",
        "the source line in context",
        |_, e| !e.is_empty(),
    );
    let line = s.text(&cited[0]);
    assert!(!line.trim().is_empty(), "the cited line is empty");
    let around = s.all("[data-testid=source-dialog] li");
    assert!(around.len() > 1, "no context around the cited line");
}

#[test]
fn compare_aligns_director_vp_and_cto_and_exports() {
    let mut s = Session::start(&[]);
    s.wait_until(".role-link", "the library", |_, e| e.len() >= 4);
    let tab = s.find("nav.tabs a[href^='#/compare']");
    s.click(&tab);

    // Pick three roles from the keyboard.
    let picker = s.find("input[role=combobox]");
    for query in ["director", "vp of eng", "cto"] {
        s.type_into(&picker, query);
        s.type_into(&picker, "\u{E007}"); // Enter
    }
    // Done picking: the list of further roles closes (it would cover the buttons below).
    s.type_into(&picker, "\u{E00C}"); // Escape
    s.wait_until("#picker-options", "the picker's list to close", |_, e| {
        e.is_empty()
    });
    let headers = s.wait_until(".col-header .col-title", "three columns", |_, e| {
        e.len() == 3
    });
    let titles: Vec<String> = headers.iter().map(|h| s.text(h)).collect();
    assert_eq!(
        titles,
        ["Director of Engineering", "VP of Engineering", "CTO"]
    );

    // At a glance: a summary on top names the sections and what changes in each.
    // Section notes arrive just after the comparison and re-render the headings: let the
    // grid settle before holding on to its elements.
    std::thread::sleep(std::time::Duration::from_millis(500));
    let summary = s.find("[data-testid=compare-summary]");
    let summary = s.text(&summary);
    assert!(
        summary.contains("What changes from Director of Engineering")
            && summary.contains("Role Description"),
        "{summary}"
    );
    // The rewritten Role Description is one changed item with word marks, not a removal
    // and an addition.
    // (Read in one script: the grid may re-render between WebDriver calls.)
    let description = s.execute(
        "return [...document.querySelectorAll('.item-row[data-section=summary] > .cell')] \
           .map(c => [c.dataset.status, c.querySelectorAll('ins').length])",
        serde_json::json!([]),
    );
    let description = description.as_array().cloned().unwrap_or_default();
    assert_eq!(
        description.len(),
        3,
        "one row for the Role Description: {description:?}"
    );
    assert_eq!(description[1][0], "changed", "{description:?}");
    assert!(
        description[1][1].as_u64().unwrap_or(0) > 0,
        "no word marks: {description:?}"
    );

    // Rows are aligned: the three cells of a row sit at the same height, one per column.
    let cells = s.all(".item-row[data-section=scope_of_knowledge] > .cell");
    assert!(
        cells.len() >= 9 && cells.len() % 3 == 0,
        "{} cells",
        cells.len()
    );
    let mut found = false;
    for row in cells.chunks(3) {
        let rects: Vec<_> = row.iter().map(|c| s.rect(c)).collect();
        assert!(
            rects.iter().all(|r| (r.1 - rects[0].1).abs() < 0.5),
            "row not aligned: {rects:?}"
        );
        assert!(
            rects[0].0 < rects[1].0 && rects[1].0 < rects[2].0,
            "columns out of order: {rects:?}"
        );
        if s.text(&row[0]) == "Manages managers and ICs." {
            found = true;
            assert_eq!(s.attr(&row[1], "data-status").as_deref(), Some("changed"));
            let inserted = s.children(&row[1], "ins");
            let deleted = s.children(&row[1], "del");
            assert_eq!(inserted.len(), 1);
            assert_eq!(s.text(&inserted[0]), "directors.");
            assert_eq!(s.text(&deleted[0]), "ICs.");
        }
    }
    assert!(
        found,
        "no row starts with the Director's \"Manages managers and ICs.\""
    );
    let counts = s.texts("[data-section-counts=responsibilities] .count-cell");
    assert!(
        counts[1].contains("3 same"),
        "responsibilities counts: {counts:?}"
    );

    // Differences only hides rows every role shares.
    let before = s.all(".item-row").len();
    let toggle = s.find("label.toggle input");
    s.click(&toggle);
    s.wait_until(".item-row", "fewer rows", |_, e| e.len() < before);
    let all_same = s.execute(
        "return [...document.querySelectorAll('.item-row')].filter(r => { \
           const st = [...r.querySelectorAll(':scope > .cell')].slice(1).map(c => c.dataset.status); \
           return st.length > 0 && st.every(x => x === 'same'); }).length",
        serde_json::json!([]),
    );
    assert_eq!(
        all_same,
        serde_json::json!(0),
        "a row every role shares is still shown"
    );
    let hidden = s.texts(".hidden-count");
    assert!(
        hidden
            .first()
            .is_some_and(|h| h.ends_with("unchanged rows hidden")),
        "{hidden:?}"
    );

    // Export both formats (ROLECRAFT_SAVE_DIR stands in for the save dialog).
    for (button, file) in [
        (
            "Export Markdown…",
            "director-of-engineering-vs-vp-of-engineering-vs-cto.md",
        ),
        (
            "Export HTML…",
            "director-of-engineering-vs-vp-of-engineering-vs-cto.html",
        ),
    ] {
        let el = s.button(".actions button", button);
        s.click(&el);
        s.wait_until("p.note[role=status]", "the saved note", |s, e| {
            e.first().is_some_and(|n| s.text(n).contains(file))
        });
        let text = std::fs::read_to_string(s.save_dir.join(file)).unwrap();
        for want in [
            "Director of Engineering",
            "VP of Engineering",
            "CTO",
            "directors.",
        ] {
            assert!(text.contains(want), "{file} lacks {want:?}: {text}");
        }
    }

    // The ladder: per rung only what is new or changed, and apart what every role shares.
    let ladder = s.button(".view-switch button", "Ladder");
    s.click(&ladder);
    let rungs = s.wait_until(".rung-header .rung-title", "three rungs", |_, e| {
        e.len() == 3
    });
    let titles: Vec<String> = rungs.iter().map(|h| s.text(h)).collect();
    assert_eq!(
        titles,
        ["Director of Engineering", "VP of Engineering", "CTO"]
    );
    let vp = "[data-role-id=vp-of-engineering][data-section=scope_of_knowledge]";
    let added = s.texts(&format!(".rung-cell{vp} .entry[data-status=added]"));
    assert!(
        added.iter().any(|t| t == "Organizational design"),
        "VP's new scope items: {added:?}"
    );
    let inserted = s.texts(&format!(".rung-cell{vp} .entry[data-status=changed] ins"));
    assert!(inserted.iter().any(|t| t == "directors."), "{inserted:?}");
    // What runs unchanged through all three is listed once, apart, and in no rung.
    let shared = s.texts("[data-testid=ladder-shared] .shared-item");
    let budgeting = "Capacity planning, resource allocation, and budgeting.";
    assert!(shared.iter().any(|t| t == budgeting), "shared: {shared:?}");
    let in_rungs = s.texts(".rung-cell .entry");
    assert!(!in_rungs.iter().any(|t| t == budgeting), "{in_rungs:?}");
    let hash = s.execute("return location.hash", serde_json::json!([]));
    assert!(
        hash.as_str().is_some_and(|h| h.ends_with("/ladder")),
        "{hash}"
    );
}

/// Five roles from the ladder corpus imported into the user library, with one bundled role.
const SIX: [&str; 6] = [
    "sr-software-engineer-3",
    "staff-engineer",
    "sr-staff-engineer",
    "technical-lead-manager",
    "engineering-manager",
    "vp-of-engineering",
];

fn import_corpus_roles(data_dir: &std::path::Path) {
    use rolecraft_core::library::{save_role, SaveMode};
    let roles_dir = data_dir.join("roles");
    std::fs::create_dir_all(&roles_dir).unwrap();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    for page in ["staff_engineer.md", "technical_lead_manager.md"] {
        let imported = rolecraft_core::import::import_path(&corpus.join("ladder-html").join(page))
            .unwrap_or_else(|e| panic!("{page}: {e}"));
        for role in imported
            .roles
            .iter()
            .filter(|r| SIX.contains(&r.id.as_str()))
        {
            save_role(&roles_dir, role, SaveMode::Overwrite).unwrap();
        }
    }
}

#[test]
fn six_roles_fit_at_1280x800_with_sticky_headers() {
    let route = format!("compare/{}", SIX.join(","));
    let mut s = Session::start_with(&["--open", &route], import_corpus_roles);
    s.wait_until(".col-header", "six columns", |_, e| e.len() == 6);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let geometry = s.execute(
        r#"const main = document.querySelector('main.content');
        const heads = [...document.querySelectorAll('.col-header')];
        const read = () => heads.map(h => { const r = h.getBoundingClientRect();
          const t = h.querySelector('.col-title');
          return {left: r.left, right: r.right, top: r.top, width: r.width,
                  clipped: t.scrollWidth > t.clientWidth + 1,
                  seen: document.elementFromPoint(r.left + r.width / 2, r.top + 8)?.closest('.col-header') === h}; });
        const before = read();
        main.scrollTop = 1200;
        const scrolled = main.scrollTop;
        return {innerWidth: window.innerWidth, mainTop: main.getBoundingClientRect().top,
                scrollWidth: main.scrollWidth, clientWidth: main.clientWidth,
                font: parseFloat(getComputedStyle(document.querySelector('.item-row .cell')).fontSize),
                before, scrolled, after: read()};"#,
        serde_json::json!([]),
    );
    let g = &geometry;
    let num = |v: &serde_json::Value| v.as_f64().unwrap();
    assert!(num(&g["innerWidth"]) >= 1270.0, "window: {g}");
    assert!(
        num(&g["scrollWidth"]) <= num(&g["clientWidth"]),
        "the columns overflow sideways: {g}"
    );
    assert!(num(&g["font"]) >= 12.0, "item text too small: {g}");
    let titles = s.texts(".col-header .col-title");
    assert_eq!(titles.len(), 6, "{titles:?}");
    assert!(titles.iter().all(|t| !t.is_empty()), "{titles:?}");
    for h in g["before"].as_array().unwrap() {
        assert!(num(&h["width"]) >= 150.0, "a column is too narrow: {g}");
        assert!(num(&h["right"]) <= num(&g["innerWidth"]), "off screen: {g}");
        assert_eq!(h["clipped"], false, "a role title is cut off: {g}");
        assert_eq!(h["seen"], true, "a header is covered: {g}");
    }
    // Scrolled down the rows, every header is still at the top of the view and visible.
    assert!(num(&g["scrolled"]) > 200.0, "nothing to scroll: {g}");
    for h in g["after"].as_array().unwrap() {
        assert!(
            (num(&h["top"]) - num(&g["mainTop"])).abs() < 2.0,
            "a header scrolled away: {g}"
        );
        assert_eq!(h["seen"], true, "a header is covered after scrolling: {g}");
    }
}

fn wait_for_bytes(path: &std::path::Path) -> Vec<u8> {
    for _ in 0..100 {
        if let Ok(bytes) = std::fs::read(path) {
            if !bytes.is_empty() {
                return bytes;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("{} was not written", path.display());
}

fn wait_for_file(path: &std::path::Path, want: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if text.contains(want) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{} never held {want:?}: {text}",
            path.display()
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn draft_previews_the_company_exports_both_formats_and_runs_no_script() {
    let mut s = Session::start(&[]);
    s.new_draft("vp-of-engineering", None);

    let company = s.find("input[name=company]");
    s.type_into(&company, "Acme Robotics");
    let preview = s.wait_until(
        "iframe.preview",
        "the preview to show the company",
        |s, e| !e.is_empty() && s.frame_text("iframe.preview").contains("Acme Robotics"),
    );
    assert_eq!(preview.len(), 1);
    let text = s.frame_text("iframe.preview");
    assert!(text.contains("VP of Engineering"), "{text}");

    // The preview keeps its place while the posting is typed into: scrolled to the middle,
    // it is still there after the next render.
    let scroll = "const d = document.querySelector('iframe.preview').contentDocument; \
                  const e = d.scrollingElement; \
                  if (arguments[0]) { e.scrollTop = e.scrollHeight / 2; } \
                  return [e.scrollTop, e.scrollHeight, d.body.textContent.includes(arguments[1])];";
    let before = s.execute(scroll, serde_json::json!([true, ""]));
    let middle = before[0].as_f64().expect("a scroll offset");
    assert!(
        middle > 200.0,
        "the preview is too short to scroll: {before}"
    );
    s.type_into(&company, " Inc");
    let mut after = serde_json::Value::Null;
    for _ in 0..100 {
        after = s.execute(scroll, serde_json::json!([false, "Acme Robotics Inc"]));
        if after[2] == serde_json::json!(true) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    assert_eq!(
        after[2],
        serde_json::json!(true),
        "the preview never re-rendered"
    );
    let kept = after[0].as_f64().expect("a scroll offset");
    assert!(
        (kept - middle).abs() < 30.0,
        "the preview jumped from {middle} to {kept}"
    );
    for _ in 0..4 {
        s.type_into(&company, "\u{E003}"); // Backspace: back to "Acme Robotics"
    }

    // Autosaved in the data folder.
    let drafts = s.data_dir.join("drafts");
    let file = std::fs::read_dir(&drafts)
        .unwrap()
        .next()
        .expect("a draft file")
        .unwrap()
        .path();
    wait_for_file(&file, "Acme Robotics");

    for (label, ext) in [
        ("Markdown", "md"),
        ("HTML document", "html"),
        ("Word .docx", "docx"),
    ] {
        s.choose_export(label);
        // Fields the template uses are still empty: they are listed first, then export anyway.
        let listed = s.wait_until(
            ".confirm .empty-fields li",
            "the empty fields before export",
            |_, e| !e.is_empty(),
        );
        let listed: Vec<String> = listed.iter().map(|l| s.text(l)).collect();
        assert!(
            listed.iter().any(|f| f == "Salary range") && !listed.iter().any(|f| f == "Company"),
            "{listed:?}"
        );
        let anyway = s.find(".confirm button.primary");
        s.click(&anyway);
        let path = s
            .save_dir
            .join(format!("vp-of-engineering-acme-robotics.{ext}"));
        if ext == "docx" {
            let bytes = wait_for_bytes(&path);
            assert_eq!(&bytes[..2], b"PK", "a .docx is a zip");
            continue;
        }
        let text = wait_for_file(&path, "Acme Robotics");
        assert!(text.contains("VP of Engineering"), "{ext}: {text}");
        assert!(
            text.contains("Can drive all internal and external communication."),
            "{ext}: {text}"
        );
    }

    // The checks run on the posting as it is: a New York City job without pay is an error
    // that names its law; entering a range clears it.
    s.add_location("New York", "NY", "US");
    s.wait_in_page(
        "return [...document.querySelectorAll('.findings li.finding[data-rule=pay_transparency]')] \
           .some((li) => li.textContent.toLowerCase().includes('new york'));",
        "a pay-transparency finding naming New York",
    );
    s.type_pay("180000", "220000", "USD");
    s.wait_until(
        ".findings li.finding[data-rule=pay_transparency].error",
        "the pay-transparency error to go once the range is set",
        |_, e| e.is_empty(),
    );

    // schema.org JobPosting for job boards: asked first while errors remain (how to apply).
    s.choose_export("JSON-LD (schema.org)");
    let anyway = s.find(".confirm button.primary");
    s.click(&anyway);
    let path = s.save_dir.join("vp-of-engineering-acme-robotics.jsonld");
    let text = wait_for_file(&path, "JobPosting");
    let ld: serde_json::Value = serde_json::from_str(&text).expect("JSON-LD is JSON");
    assert_eq!(ld["@type"], "JobPosting", "{ld}");
    assert_eq!(ld["hiringOrganization"]["name"], "Acme Robotics", "{ld}");
    assert_eq!(ld["baseSalary"]["currency"], "USD", "{ld}");

    // Markup in a posting field comes out inert in the live preview.
    s.clear(&company);
    let evil = r#"Evil Corp <img src=x onerror="parent.document.title='pwned'"><script>parent.document.title='pwned'</script><a href="javascript:parent.document.title='pwned'">x</a>"#;
    s.type_into(&company, evil);
    s.wait_until(
        "iframe.preview",
        "the preview to show the new company",
        |s, _| s.frame_text("iframe.preview").contains("Evil Corp"),
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    assert_eq!(
        s.count_in_frame("iframe.preview", "script, [onerror], a[href^='javascript']"),
        0
    );
    assert_eq!(s.title(), "Rolecraft", "a script ran");
    assert!(
        s.all("body img, body script").is_empty(),
        "markup leaked into the app's own page"
    );
}
