//! Every real page of the corpus (copies under tests/fixtures/corpus, and ../shared/corpus
//! where it exists) imports faithfully: each list item and paragraph of the source is in
//! the result verbatim, at its line, and the result holds nothing else.
//!
//! The source side is read by an independent extractor (plain pulldown-cmark over the whole
//! page, no importer code), so the importers cannot agree with themselves by construction.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rolecraft_core::import::{import_path, Imported};

fn fixture_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/corpus")
}

fn pages(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            out.extend(std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()));
        }
    }
    out.sort();
    out
}

/// Source items: (line, text) of every list item (own text, nested lists apart) and every
/// paragraph outside list items, markup stripped the way the format defines it.
fn source_items(text: &str) -> Vec<(u32, String)> {
    let text = &strip_ial(text);
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |off: usize| (starts.partition_point(|&s| s <= off)) as u32;
    let mut out = Vec::new();
    let mut stack: Vec<(u32, String, bool)> = Vec::new(); // line, text, is_item
    for (ev, range) in Parser::new(text).into_offset_iter() {
        match ev {
            Event::Start(Tag::Item) => stack.push((line_of(range.start), String::new(), true)),
            Event::Start(Tag::Paragraph) if stack.is_empty() => {
                stack.push((line_of(range.start), String::new(), false))
            }
            Event::Start(Tag::Paragraph) => {
                if let Some(top) = stack.last_mut() {
                    if !top.1.trim().is_empty() {
                        top.1.push('\n');
                    }
                }
            }
            Event::Start(Tag::List(_)) => {
                if let Some(top) = stack.last_mut() {
                    let t = std::mem::take(&mut top.1);
                    if !t.trim().is_empty() {
                        out.push((top.0, t));
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                let (line, t, _) = stack.pop().unwrap();
                out.push((line, t));
            }
            Event::End(TagEnd::Paragraph) if stack.len() == 1 && !stack[0].2 => {
                let (line, t, _) = stack.pop().unwrap();
                out.push((line, t));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(top) = stack.last_mut() {
                    top.1.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(top) = stack.last_mut() {
                    top.1.push('\n');
                }
            }
            _ => {}
        }
    }
    out.into_iter()
        .map(|(l, t)| (l, tidy(&t)))
        .filter(|(_, t)| !t.is_empty())
        .collect()
}

/// Kramdown attribute lists (`{:target="_blank"}`) are markup: removed line by line.
fn strip_ial(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let mut l = line.to_string();
            while let Some(a) = l.find("{:") {
                match l[a..].find('}') {
                    Some(b) => l.replace_range(a..a + b + 1, ""),
                    None => break,
                }
            }
            l
        })
        .collect()
}

/// Each line trimmed, blank lines out.
fn tidy(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the import holds: (line, text) of every item, fact and skill part with a source
/// line, and the structural text (level names, labels) the importer turned into fields.
struct ResultText {
    placed: BTreeSet<(u32, String)>,
    structural: Vec<String>,
}

fn result_text(imported: &Imported) -> ResultText {
    let mut placed = BTreeSet::new();
    let mut structural = Vec::new();
    for role in &imported.roles {
        let sections = role.sections.iter().chain(&role.context);
        for item in sections.flat_map(|s| s.items.iter().chain(&s.table_headers)) {
            placed.insert((item.source.line, item.text.clone()));
        }
        for (key, value) in &role.facts {
            let line = role.fact_sources[key].line;
            for (k, part) in value.split('\n').enumerate() {
                // Multi-item facts: one item per line, in order, each on its own source line.
                placed.insert((if k == 0 { line } else { 0 }, part.to_string()));
            }
        }
        structural.push(role.title.clone());
        if let (Some(level), Some(track)) = (role.level, &role.track) {
            structural.push(format!("Level {level} | Career Path: {track}"));
        }
        for skill in &role.skills {
            for item in skill.attainment.iter().chain(&skill.description) {
                placed.insert((item.source.line, item.text.clone()));
            }
            if let Some(r) = &skill.reference {
                structural.push(format!("SFIA Reference: {}", r.text));
            }
            let sub = skill
                .subcategory
                .as_ref()
                .map(|s| format!(" | Subcategory: {s}"))
                .unwrap_or_default();
            structural.push(format!(
                "Category: {}{sub}",
                skill.category.clone().unwrap_or_default()
            ));
            structural.extend([
                "Overall Description:".to_string(),
                "Guidance Notes:".to_string(),
            ]);
            structural.push(format!("Level {} Attainment:", skill.level.unwrap_or(0)));
        }
    }
    for w in &imported.warnings {
        structural.extend(w.dropped.iter().cloned());
    }
    ResultText { placed, structural }
}

/// Compares one page; returns (items compared, mismatches as messages).
fn check_page(path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let imported = import_path(path).unwrap_or_else(|e| panic!("{e}"));
    let source = source_items(&text);
    let result = result_text(&imported);
    let mut problems = Vec::new();
    let mut used: BTreeSet<(u32, String)> = BTreeSet::new();
    let name = path.file_name().unwrap().to_string_lossy();
    for (line, t) in &source {
        let key = (*line, t.clone());
        if result.placed.contains(&key) {
            used.insert(key);
        } else if let Some(k) = result.placed.iter().find(|(l, x)| *l == 0 && x == t) {
            used.insert(k.clone());
        } else if !result.structural.iter().any(|s| s == t) {
            problems.push(format!(
                "{name}:{line}: source item missing from the import: {t:?}"
            ));
        }
    }
    for (line, t) in result.placed.difference(&used) {
        problems.push(format!(
            "{name}:{line}: imported text not in the source: {t:?}"
        ));
    }
    (source.len(), problems)
}

fn check_all(root: &Path) -> (usize, usize, Vec<String>) {
    let mut compared = 0;
    let mut problems = Vec::new();
    let all = pages(root);
    for page in &all {
        let (n, p) = check_page(page);
        compared += n;
        problems.extend(p);
    }
    (all.len(), compared, problems)
}

#[test]
fn every_fixture_corpus_page_imports_verbatim_and_completely() {
    let (pages, compared, problems) = check_all(&fixture_corpus());
    eprintln!(
        "corpus check: {pages} pages, {compared} source items compared, {} mismatches",
        problems.len()
    );
    assert_eq!(pages, 13);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// CI has ../shared/corpus beside the clone; it may hold pages the fixtures lack.
#[test]
fn shared_corpus_pages_import_verbatim_where_the_folder_exists() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    if !shared.is_dir() {
        eprintln!("../shared/corpus not here: only the fixture copy was checked");
        return;
    }
    let (pages, compared, problems) = check_all(&shared);
    eprintln!(
        "shared corpus check: {pages} pages, {compared} items compared, {} mismatches",
        problems.len()
    );
    assert!(pages > 0);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_corpus_page_has_a_golden_snapshot() {
    insta::glob!("../../../tests/fixtures/corpus", "*/*", |path| {
        let imported = import_path(path).unwrap();
        insta::assert_json_snapshot!(imported);
    });
}

#[test]
fn the_extractor_sees_nested_items_and_paragraphs() {
    let items = source_items("Intro\ntext\n\n- a\n  - b\n- c {:x}\n");
    assert_eq!(
        items,
        vec![
            (1, "Intro\ntext".into()),
            (4, "a".into()),
            (5, "b".into()),
            (6, "c".into())
        ]
    );
    let _ = BTreeMap::<u8, u8>::new();
}
