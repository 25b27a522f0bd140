//! The core's layers, checked over its source: every `crate::` and `super::` path in
//! `src/**/*.rs` is resolved to the module it names, and
//!
//! 1. a module may use only itself and the layers below it (a use that points upward or
//!    sideways across a layer fails), and
//! 2. no two sibling files (or folders) inside a module use each other, directly or round a
//!    longer circle (a module's `mod.rs` may use its children; test modules are left out).
//!
//! The layers, bottom first (review sits on top: it needs import, library and compare, and
//! nothing in the core needs it; drafts sit below render, which reads them):
//!
//! ```text
//! 0  model
//! 1  text  markdown  fs  time  data_dir  section_notes  (testing, unit-test fixtures)   — independent of each other
//! 2  import
//! 3  library
//! 4  compare  authoring  history                                         — independent of each other
//! 5  drafts
//! 6  render
//! 7  review  checks
//! ```
//! A new top-level module must be given a layer here, or this test fails.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const LAYERS: &[(&str, u32)] = &[
    ("model", 0),
    ("text", 1),
    ("markdown", 1),
    ("fs", 1),
    ("time", 1),
    ("html_page", 1),
    ("data_dir", 1),
    ("section_notes", 1),
    ("testing", 1),
    ("import", 2),
    ("search", 2),
    ("library", 3),
    ("compare", 4),
    ("authoring", 4),
    ("history", 4),
    ("drafts", 5),
    ("render", 6),
    ("review", 7),
    ("checks", 7),
];

fn layer(module: &str) -> Option<u32> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// A source file: its path under `src/` (`compare/pair.rs`) and its text.
struct Source {
    path: String,
    text: String,
}

fn sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| Source {
            path: p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/"),
            text: std::fs::read_to_string(&p).unwrap(),
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file: `compare/render/html.rs` → `[compare, render, html]`,
/// `compare/mod.rs` → `[compare]`, `lib.rs` → `[]`.
fn module_path(file: &str) -> Vec<String> {
    let mut parts: Vec<String> = file
        .trim_end_matches(".rs")
        .split('/')
        .map(str::to_string)
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// The code without comments (`//`, `///`, `//!` and `/* */`).
fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.find('\n').map_or("", |i| &after[i..]);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |i| &after[i + 2..]);
        } else {
            let c = rest.chars().next().unwrap();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The code before the file's test module (`#[cfg(test)] mod tests {`).
fn without_tests(code: &str) -> &str {
    let mut search = 0;
    while let Some(i) = code[search..].find("#[cfg(test)]") {
        let at = search + i;
        let after = code[at + "#[cfg(test)]".len()..].trim_start();
        let after = after
            .strip_prefix("pub(crate)")
            .or_else(|| after.strip_prefix("pub"))
            .unwrap_or(after)
            .trim_start();
        if let Some(rest) = after.strip_prefix("mod ") {
            let decl = rest.split(['{', ';']).next().unwrap_or("");
            if rest[decl.len()..].starts_with('{') {
                return &code[..at];
            }
        }
        search = at + 1;
    }
    code
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Every path starting at `start` (just after `crate::` or a `super::` chain), with braces
/// expanded: `{a, b::{c, d}}` → `a`, `b::c`, `b::d`.
fn expand(code: &str, start: usize) -> Vec<Vec<String>> {
    fn parse(s: &[u8], i: &mut usize) -> Vec<Vec<String>> {
        let skip_ws = |i: &mut usize| {
            while *i < s.len() && (s[*i] as char).is_whitespace() {
                *i += 1;
            }
        };
        skip_ws(i);
        if *i < s.len() && s[*i] == b'{' {
            *i += 1;
            let mut all = Vec::new();
            loop {
                skip_ws(i);
                if *i >= s.len() || s[*i] == b'}' {
                    *i += 1;
                    return all;
                }
                all.extend(parse(s, i));
                skip_ws(i);
                // Skip `as name` and anything else up to the separator.
                while *i < s.len() && s[*i] != b',' && s[*i] != b'}' {
                    if s[*i] == b'{' {
                        let mut depth = 0;
                        while *i < s.len() {
                            match s[*i] {
                                b'{' => depth += 1,
                                b'}' => {
                                    depth -= 1;
                                    if depth == 0 {
                                        break;
                                    }
                                }
                                _ => {}
                            }
                            *i += 1;
                        }
                    }
                    *i += 1;
                }
                if *i < s.len() && s[*i] == b',' {
                    *i += 1;
                }
            }
        }
        let begin = *i;
        while *i < s.len() && is_ident(s[*i] as char) {
            *i += 1;
        }
        let name = String::from_utf8_lossy(&s[begin..*i]).into_owned();
        if name.is_empty() {
            return vec![Vec::new()];
        }
        if s[*i..].starts_with(b"::") {
            *i += 2;
            parse(s, i)
                .into_iter()
                .map(|mut rest| {
                    rest.insert(0, name.clone());
                    rest
                })
                .collect()
        } else {
            vec![vec![name]]
        }
    }
    let mut i = start;
    parse(code.as_bytes(), &mut i)
}

/// The absolute module paths (as segments) every `crate::`, `super::` and `self::` path of
/// `code` names, for a file at module path `here`.
fn references(code: &str, here: &[String]) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let boundary = i == 0 || !is_ident(bytes[i - 1] as char) && bytes[i - 1] != b':';
        if !boundary || !code.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &code[i..];
        let (base, len): (Vec<String>, usize) = if rest.starts_with("crate::") {
            (Vec::new(), "crate::".len())
        } else if rest.starts_with("super::") || rest.starts_with("self::") {
            // The module a `self::` path starts from: the file's own module.
            let mut base: Vec<String> = here.to_vec();
            let mut len = 0;
            if rest.starts_with("self::") {
                len = "self::".len();
            }
            while code[i + len..].starts_with("super::") {
                // `super` of a file `a/b.rs` (module a::b) is `a`; of `a/mod.rs` (module a) is
                // the crate root; the same rule either way: drop one segment.
                base.pop();
                len += "super::".len();
            }
            (base, len)
        } else {
            i += 1;
            continue;
        };
        for tail in expand(code, i + len) {
            let mut path = base.clone();
            path.extend(tail);
            out.push(path);
        }
        i += len;
    }
    out
}

/// Uses that point upward or across the layers: `(file, module it uses)`.
fn layer_violations(files: &[Source]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        let here = module_path(&file.path);
        let Some(top) = here.first() else { continue };
        let Some(own) = layer(top) else {
            out.push(format!(
                "{}: module `{top}` has no layer in tests/layers.rs",
                file.path
            ));
            continue;
        };
        let code = strip_comments(&file.text);
        for path in references(&code, &here) {
            let Some(target) = path.first() else { continue };
            if target == top {
                continue;
            }
            match layer(target) {
                Some(l) if l < own => {}
                // Not a module (a crate-root item or macro): nothing to check.
                None if !LAYERS.iter().any(|(m, _)| m == target) => {}
                _ => out.push(format!(
                    "{}: `{top}` (layer {own}) uses `crate::{}` (layer {})",
                    file.path,
                    path.join("::"),
                    layer(target).map_or("?".to_string(), |l| l.to_string()),
                )),
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Circles between sibling files or folders of one module, each as `module: a -> b -> a`.
fn sibling_circles(files: &[Source]) -> Vec<String> {
    // Every module (folder) and its children: file stems and sub-folder names.
    let mut children: BTreeMap<Vec<String>, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let here = module_path(&file.path);
        if let Some((last, parent)) = here.split_last() {
            children
                .entry(parent.to_vec())
                .or_default()
                .insert(last.clone());
        }
    }
    let mut edges: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for file in files {
        let here = module_path(&file.path);
        let name = here.last().map(String::as_str).unwrap_or("");
        if name.ends_with("tests") || name == "testing" {
            continue;
        }
        let code = strip_comments(&file.text);
        let code = without_tests(&code);
        for target in references(code, &here) {
            let common = here.iter().zip(&target).take_while(|(a, b)| a == b).count();
            // The file is the module root of the shared prefix (a `mod.rs` using its
            // children), or the target is an item of an ancestor: no sibling edge.
            let (Some(from), Some(to)) = (here.get(common), target.get(common)) else {
                continue;
            };
            let parent = here[..common].to_vec();
            let Some(siblings) = children.get(&parent) else {
                continue;
            };
            if siblings.contains(to) && from != to && !to.ends_with("tests") && to != "testing" {
                edges
                    .entry(parent)
                    .or_default()
                    .insert((from.clone(), to.clone()));
            }
        }
    }
    let mut out = Vec::new();
    for (module, edges) in edges {
        let module = if module.is_empty() {
            "crate".to_string()
        } else {
            module.join("::")
        };
        let nodes: BTreeSet<&String> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
        for start in &nodes {
            // Depth-first search for a path back to `start`.
            let mut stack = vec![(*start, vec![(*start).clone()])];
            let mut seen = BTreeSet::new();
            while let Some((node, path)) = stack.pop() {
                for (_, next) in edges.iter().filter(|(a, _)| a == node) {
                    if next == *start {
                        let mut circle = path.clone();
                        circle.push(next.clone());
                        // Report each circle once, from its smallest member.
                        if path.iter().all(|n| n >= *start) {
                            out.push(format!("{module}: {}", circle.join(" -> ")));
                        }
                    } else if seen.insert(next.clone()) {
                        let mut longer = path.clone();
                        longer.push(next.clone());
                        stack.push((next, longer));
                    }
                }
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let violations = layer_violations(&sources());
    assert!(
        violations.is_empty(),
        "upward uses:\n{}",
        violations.join("\n")
    );
}

#[test]
fn no_circle_between_sibling_files() {
    let circles = sibling_circles(&sources());
    assert!(circles.is_empty(), "circles:\n{}", circles.join("\n"));
}

fn source(path: &str, text: &str) -> Source {
    Source {
        path: path.to_string(),
        text: text.to_string(),
    }
}

#[test]
fn the_checks_see_every_form_of_path() {
    let files = [
        source("model.rs", "pub struct Role;"),
        source(
            "library/mod.rs",
            "use crate::{model::Role, render::{Renderer, html}};\n// crate::review::x in a comment\n",
        ),
        source("text/mod.rs", "fn f() { crate::fs::write_atomic(); }"),
        source("import/mod.rs", "use crate::model::Role;\nuse crate::text::normalise;"),
        source("render/mod.rs", "use crate::drafts::Draft;"),
        source("drafts/mod.rs", "pub struct Draft;"),
        source("widgets/mod.rs", "pub struct W;"),
    ];
    assert_eq!(
        layer_violations(&files),
        [
            "library/mod.rs: `library` (layer 3) uses `crate::render::Renderer` (layer 6)",
            "library/mod.rs: `library` (layer 3) uses `crate::render::html` (layer 6)",
            "text/mod.rs: `text` (layer 1) uses `crate::fs::write_atomic` (layer 1)",
            "widgets/mod.rs: module `widgets` has no layer in tests/layers.rs",
        ]
    );
}

#[test]
fn circles_are_found_through_super_and_crate_paths_but_not_in_tests_or_from_mod_rs() {
    let files = [
        source(
            "compare/mod.rs",
            "mod a; mod b; mod c; use a::x; use self::b::y;",
        ),
        source("compare/a.rs", "use super::b::y;"),
        source("compare/b.rs", "use crate::compare::{c::z};"),
        source("compare/c.rs", "fn f() { super::a::x(); }"),
        source("compare/render/mod.rs", "use super::super::compare::a;"),
        source("compare/render/html.rs", "use super::super::a::x;"),
        source(
            "import/x.rs",
            "use super::y::f;\n#[cfg(test)]\nmod tests {\n    use super::super::z::g;\n}\n",
        ),
        source("import/y.rs", "use super::{Document, x};"),
        source("import/z.rs", "use super::x::f;"),
    ];
    assert_eq!(
        sibling_circles(&files),
        ["compare: a -> b -> c -> a", "import: x -> y -> x"]
    );
}
