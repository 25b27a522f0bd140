//! Shared driver for the fuzz targets: every importer is reached through the public entry
//! point `import_document`, on a document built so that format detection picks the target's
//! format (the format modules are private).

use rolecraft_core::import::{detect, import_document, Document, Imported};
use rolecraft_core::model::Format;

/// Imports `text` as `format`: as it is when detection already picks that format, else
/// wrapped with `wrap` (which adds the format's structural markers). Inputs that still detect
/// as another format are skipped (the `any_document` target covers them). Returns what the
/// importer returned; a panic or a hang is the bug the fuzzer looks for.
pub fn import_as(format: Format, data: &[u8], wrap: fn(&str) -> String) {
    let text = String::from_utf8_lossy(data);
    let mut doc = Document::from_text("fuzz.md", text.as_ref());
    if detect(&doc) != Some(format) {
        doc = Document::from_text("fuzz.md", wrap(&text));
        if detect(&doc) != Some(format) {
            return;
        }
    }
    if let Ok(imported) = import_document(&doc) {
        check(&doc, &imported);
    }
}

/// Arbitrary bytes through the same path as a file read from disk.
pub fn import_bytes(data: &[u8]) {
    if let Ok(doc) = Document::from_bytes("fuzz.bin", data) {
        if let Ok(imported) = import_document(&doc) {
            check(&doc, &imported);
        }
    }
}

/// What every successful import must satisfy: every item and skill points at a real line
/// of the document it came from.
fn check(doc: &Document, imported: &Imported) {
    if detect(doc) == Some(Format::RoleJson) {
        return; // A role file carries the sources of the documents it was made from.
    }
    let lines = doc.text.split('\n').count() as u32;
    for role in &imported.roles {
        for it in role
            .items()
            .chain(role.context.iter().flat_map(|s| s.items.iter()))
        {
            assert!(
                (1..=lines).contains(&it.source.line),
                "item {:?} at line {} of a {lines}-line document",
                it.text,
                it.source.line
            );
        }
        for skill in &role.skills {
            assert!(
                (1..=lines).contains(&skill.source.line),
                "skill {:?}",
                skill.name
            );
            for it in skill.description.iter().chain(&skill.attainment) {
                assert!(
                    (1..=lines).contains(&it.source.line),
                    "skill item {:?} at line {} of a {lines}-line document",
                    it.text,
                    it.source.line
                );
            }
        }
    }
}

/// A bundled role (the CTO), read once.
fn bundled_role() -> &'static rolecraft_core::model::Role {
    use std::sync::OnceLock;
    static ROLE: OnceLock<rolecraft_core::model::Role> = OnceLock::new();
    ROLE.get_or_init(|| {
        let roles = rolecraft_core::library::bundled_roles().expect("bundled roles parse");
        roles
            .into_iter()
            .find(|r| r.id == "cto")
            .expect("the bundled library has cto")
    })
}

/// `data` as a user template, rendered for a draft of a bundled role.
pub fn render_template(data: &[u8]) {
    use rolecraft_core::drafts::Draft;
    use rolecraft_core::render::{OutputFormat, Renderer, TemplateOrigin};
    let format = if data.first().is_some_and(|b| b % 2 == 1) {
        OutputFormat::Html
    } else {
        OutputFormat::Markdown
    };
    thread_local! {
        // The built-ins compiled once per thread: compiling them for every input kept this
        // target at about 100 executions a second. Each input replaces the template "fuzz".
        static RENDERER: std::cell::RefCell<Renderer> = std::cell::RefCell::new(Renderer::new());
    }
    let text = String::from_utf8_lossy(data);
    RENDERER.with_borrow_mut(|renderer| {
        if renderer
            .add_template("fuzz", &text, TemplateOrigin::User)
            .is_err()
        {
            return;
        }
        let role = bundled_role();
        let draft = Draft::new("fuzz-1", &role.id, "fuzz");
        let _ = renderer.render_draft(role, &draft, format);
    });
}

/// A role from text: `#` lines start sections, other non-blank lines are items.
fn role_from(id: &str, text: &str) -> rolecraft_core::model::Role {
    let mut json = serde_json::json!({
        "id": id, "title": id, "track": null, "level": null, "sections": []
    });
    let mut sections: Vec<serde_json::Value> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if let Some(title) = line.strip_prefix('#') {
            sections.push(serde_json::json!({
                "key": rolecraft_core::model::snake_key(title),
                "title": title, "items": []
            }));
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        if sections.is_empty() {
            sections.push(serde_json::json!({"key": "responsibilities", "title": "R", "items": []}));
        }
        if let Some(items) = sections
            .last_mut()
            .and_then(|s| s.get_mut("items"))
            .and_then(|i| i.as_array_mut())
        {
            items.push(serde_json::json!({
                "text": line, "source": {"file": "fuzz.md", "line": n + 1}
            }));
        }
    }
    json["sections"] = serde_json::Value::Array(sections);
    serde_json::from_value(json).expect("a role built from lines")
}

/// Two roles from the halves of `data` (split at the first 0xFF byte, else the middle).
pub fn compare_two(data: &[u8]) {
    use rolecraft_core::compare::{compare, compare_roles};
    let cut = data
        .iter()
        .position(|&b| b == 0xFF)
        .unwrap_or(data.len() / 2);
    let (a, b) = data.split_at(cut);
    let b = b.strip_prefix(&[0xFF]).unwrap_or(b);
    let left = role_from("left", &String::from_utf8_lossy(a));
    let right = role_from("right", &String::from_utf8_lossy(b));
    let c = compare(&left, &right);
    let back = compare(&right, &left);
    assert_eq!(c.totals().same, back.totals().same, "same pairs both ways");
    for roles in [vec![&left, &right], vec![&left, &right, &left]] {
        if let Ok(report) = compare_roles(&roles) {
            let _ = report.to_json();
            let _ = report.to_markdown();
            let _ = report.to_html();
        }
    }
}

/// `data` as a role JSON document.
pub fn role_json(data: &[u8]) {
    use rolecraft_core::library::{parse_role, role_json};
    let Ok(doc) = Document::from_bytes("fuzz.json", data) else {
        return;
    };
    if detect(&doc) != Some(Format::RoleJson) {
        return;
    }
    let Ok(imported) = import_document(&doc) else {
        return;
    };
    for role in &imported.roles {
        let name = rolecraft_core::model::ids::file_name(&role.id).expect("an imported id is a file name");
        assert!(!name.contains('/') && !name.contains('\\') && !name.starts_with('.'));
        let text = role_json(role);
        let again = parse_role("fuzz.json", &text).expect("a saved role reads back");
        assert_eq!(&again, role);
    }
}
