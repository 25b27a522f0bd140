//! Pathological inputs (generated in `pathological/inputs.rs`): every one gives a clean import
//! or a clean error naming the file, never a panic. Times are measured by
//! `benches/pathological.rs`, not asserted here; each test prints how long its input took.
//!
//! The file-system cases (binary, empty, a directory, a missing path, over the size cap) go
//! through `import_path` like a file the user picked.

#[path = "pathological/inputs.rs"]
mod inputs;

use std::time::Instant;

use inputs::{Case, CASES};
use rolecraft_core::import::MAX_DOCUMENT_BYTES;
use rolecraft_core::import::{import_document, import_path, Document, ImportError, Imported};

/// Bytes → document → import, as a file read from disk goes. An error must name the file.
fn import_bytes(file: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    let started = Instant::now();
    let result = Document::from_bytes(file, bytes).and_then(|doc| import_document(&doc));
    eprintln!(
        "{file}: {} bytes in {:?}: {}",
        bytes.len(),
        started.elapsed(),
        match &result {
            Ok(i) => format!("{} role(s)", i.roles.len()),
            Err(e) => format!("error: {}", truncate(&e.to_string())),
        }
    );
    if let Err(e) = &result {
        assert_eq!(e.file(), file);
        assert!(e.to_string().starts_with(file), "{e}");
    }
    result
}

fn truncate(s: &str) -> &str {
    s.char_indices().nth(160).map_or(s, |(i, _)| &s[..i])
}

fn case(name: &str) -> &'static Case {
    CASES.iter().find(|c| c.name == name).expect("a known case")
}

fn run(name: &str) -> Result<Imported, ImportError> {
    let c = case(name);
    import_bytes(&c.file(), &(c.make)(c.full))
}

fn item_texts(imported: &Imported) -> Vec<&str> {
    imported.roles[0].items().map(|i| i.text.as_str()).collect()
}

#[test]
fn every_case_imports_or_fails_cleanly() {
    for c in CASES {
        let _ = import_bytes(&c.file(), &(c.make)(c.full));
    }
}

#[test]
fn a_table_nested_20000_deep_in_a_ladder_page_imports_its_text() {
    let imported = run("ladder_nested_tables").unwrap();
    assert_eq!(imported.roles.len(), 1);
    assert!(item_texts(&imported).iter().any(|t| t.contains("deepest")));
}

#[test]
fn unclosed_nested_tables_do_not_hang() {
    let _ = run("ladder_unclosed_tables");
}

#[test]
fn many_small_tables_all_import() {
    let imported = run("ladder_many_tables").unwrap();
    assert_eq!(imported.roles.len(), 1);
    assert_eq!(item_texts(&imported).len(), case("ladder_many_tables").full);
}

#[test]
fn a_ladder_cell_of_100000_items_keeps_every_item() {
    let imported = run("ladder_long_cell").unwrap();
    assert_eq!(item_texts(&imported).len(), case("ladder_long_cell").full);
}

#[test]
fn three_megabytes_of_random_punctuation_is_a_clean_result() {
    let c = case("random_punctuation");
    let bytes = (c.make)(c.full);
    assert_eq!(bytes.len(), 3_000_000);
    let _ = import_bytes("punctuation.txt", &bytes);
}

#[test]
fn cmark_pathological_inputs_import_in_a_markdown_role() {
    for name in [
        "md_nested_lists",
        "md_indented_lists",
        "md_nested_ordered_lists",
        "md_blockquotes",
        "md_blockquote_lines",
        "md_wide_table",
        "md_emphasis_runs",
        "md_emphasis_nested",
        "md_unclosed_brackets",
        "md_unclosed_links",
        "md_backtick_runs",
        "md_html_tags",
    ] {
        let imported = run(name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(imported.roles[0].title, "Pathological Role", "{name}");
        assert!(!item_texts(&imported).is_empty(), "{name}");
    }
}

#[test]
fn a_markdown_role_with_100000_sections_keeps_them_all() {
    let imported = run("md_many_headings").unwrap();
    // Responsibilities plus one per heading.
    assert_eq!(
        imported.roles[0].sections.len(),
        case("md_many_headings").full + 1
    );
}

#[test]
fn cmark_noise_in_a_ladder_cell_and_an_sfia_page() {
    run("ladder_cell_cmark_mix").unwrap();
    run("sfia_cmark_mix").unwrap();
}

#[test]
fn an_sfia_page_with_20000_skills_keeps_them_all() {
    let imported = run("sfia_many_skills").unwrap();
    assert_eq!(
        imported.roles[0].skills.len(),
        case("sfia_many_skills").full
    );
}

#[test]
fn blueprints_with_many_sections_lines_and_widgets() {
    let imported = run("blueprint_many_sections").unwrap();
    assert_eq!(
        imported.roles[0].sections.len(),
        case("blueprint_many_sections").full
    );
    run("blueprint_single_lines").unwrap();
    let imported = run("blueprint_trailing_widgets").unwrap();
    assert_eq!(item_texts(&imported), ["a", "b", "c"]);
}

#[test]
fn a_table_nested_20000_deep_in_an_html_page_is_a_clean_error() {
    let err = run("html_nested_tables").unwrap_err();
    assert!(matches!(err, ImportError::Invalid { .. }), "{err}");
}

#[test]
fn html_pages_with_many_items_keep_them_all() {
    for name in ["html_many_items", "html_entities"] {
        let imported = run(name).unwrap();
        assert_eq!(item_texts(&imported).len(), case(name).full, "{name}");
    }
}

#[test]
fn files_that_are_not_documents_are_clean_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let shown = |p: &std::path::Path| p.display().to_string();

    let binary = dir.path().join("photo.png");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    std::fs::write(&binary, &png).unwrap();
    let err = import_path(&binary).unwrap_err();
    assert!(matches!(err, ImportError::NotText { .. }), "{err}");
    assert!(err.to_string().contains("photo.png"), "{err}");

    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, b"").unwrap();
    let err = import_path(&empty).unwrap_err();
    assert!(matches!(err, ImportError::Empty { .. }), "{err}");
    assert!(err.to_string().contains("empty.md"), "{err}");

    let folder = dir.path().join("a-folder.md");
    std::fs::create_dir(&folder).unwrap();
    let err = import_path(&folder).unwrap_err();
    assert!(matches!(err, ImportError::Unreadable { .. }), "{err}");
    assert_eq!(err.file(), shown(&folder));

    let missing = dir.path().join("missing.md");
    let err = import_path(&missing).unwrap_err();
    assert!(matches!(err, ImportError::Unreadable { .. }), "{err}");
    assert_eq!(err.file(), shown(&missing));

    let big = dir.path().join("big.md");
    let mut text = b"# Big\n\n".to_vec();
    text.resize(MAX_DOCUMENT_BYTES as usize + 1, b'a');
    std::fs::write(&big, &text).unwrap();
    let err = import_path(&big).unwrap_err();
    assert!(
        matches!(err, ImportError::TooLarge { size, limit, .. } if size == MAX_DOCUMENT_BYTES + 1 && limit == MAX_DOCUMENT_BYTES),
        "{err}"
    );
    assert_eq!(err.file(), shown(&big));
    // At the cap exactly, the same text imports.
    text.truncate(MAX_DOCUMENT_BYTES as usize);
    std::fs::write(&big, &text).unwrap();
    assert_eq!(import_path(&big).unwrap().roles[0].title, "Big");
    // Over the cap in memory too (drag and drop).
    text.push(b'a');
    assert!(matches!(
        Document::from_bytes("dropped.md", &text),
        Err(ImportError::TooLarge { .. })
    ));
}
