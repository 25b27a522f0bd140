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
