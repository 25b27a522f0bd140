//! Every HTML document the app or the CLI exports (a draft with each built-in template, a
//! 2-way and an N-way comparison) is the one document of `html_page`: it carries the
//! Content-Security-Policy meta in its head. And no other file of the core writes a document
//! shell of its own.

use std::path::{Path, PathBuf};

use rolecraft_core::compare::compare_roles;
use rolecraft_core::drafts::Draft;
use rolecraft_core::html_page::CSP;
use rolecraft_core::library::{Library, LibrarySources};
use rolecraft_core::render::{OutputFormat, Renderer};

fn assert_csp(what: &str, doc: &str) {
    let meta = format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">");
    let head = &doc[..doc
        .find("</head>")
        .unwrap_or_else(|| panic!("{what}: no </head>"))];
    assert!(doc.starts_with("<!DOCTYPE html>\n"), "{what}: {doc}");
    assert!(head.contains(&meta), "{what} lacks the CSP meta: {head}");
}

#[test]
fn every_exported_html_document_carries_the_csp() {
    let library = Library::open(&LibrarySources::default()).unwrap();
    let renderer = Renderer::new();
    let role = library.get("vp-of-engineering").unwrap();
    for template in renderer.templates() {
        let draft = Draft::new("d", &role.id, &template.name);
        let doc = renderer
            .render_draft(&role, &draft, OutputFormat::Html)
            .unwrap()
            .text;
        assert_csp(&format!("draft with template {}", template.name), &doc);
    }
    let ids = ["director-of-engineering", "vp-of-engineering", "cto"];
    let held: Vec<_> = ids.iter().map(|id| library.get(id).unwrap()).collect();
    let roles: Vec<&_> = held.iter().map(|r| r.as_ref()).collect();
    assert_csp(
        "2-way comparison",
        &compare_roles(&roles[..2]).unwrap().to_html(),
    );
    assert_csp(
        "3-way comparison",
        &compare_roles(&roles).unwrap().to_html(),
    );
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn only_html_page_writes_a_document_shell() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let own: Vec<String> = files
        .iter()
        .filter(|f| !f.ends_with("html_page.rs"))
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("<html lang"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(
        own.is_empty(),
        "write exported HTML through html_page::document, not by hand: {own:?}"
    );
}
