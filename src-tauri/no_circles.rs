//! No two files of the shell use each other, directly or round a longer circle: every
//! `crate::NAME` in a file's code (up to its `#[cfg(test)]` module, comments left out) is an
//! edge to `NAME.rs`.
//! (The core's layers and circles are checked in `core/tests/layers.rs`.)

use std::collections::{BTreeMap, BTreeSet};

/// File stem → the shell files its code names through `crate::`.
type Uses = BTreeMap<String, BTreeSet<String>>;

fn uses_of(files: &[(String, String)]) -> Uses {
    let stems: BTreeSet<&str> = files.iter().map(|(stem, _)| stem.as_str()).collect();
    files
        .iter()
        .map(|(stem, text)| {
            // Code only: up to the test module, without comments.
            let code: String = text
                .split("#[cfg(test)]")
                .next()
                .unwrap_or("")
                .lines()
                .map(|line| line.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            let named = code
                .split("crate::")
                .skip(1)
                .flat_map(first_names)
                .filter(|name| *name != stem && stems.contains(name))
                .map(str::to_string)
                .collect();
            (stem.clone(), named)
        })
        .collect()
}

/// The names a path starts with: `state::AppState` names `state`; `{state::A, watch}` both.
fn first_names(path: &str) -> Vec<&str> {
    fn ident(s: &str) -> &str {
        let s = s.trim_start();
        let end = s
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(s.len());
        &s[..end]
    }
    let Some(group) = path.strip_prefix('{') else {
        return vec![ident(path)];
    };
    let (mut names, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                names.push(ident(&group[start..i]));
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                names.push(ident(&group[start..i]));
                start = i + 1;
            }
            _ => {}
        }
    }
    names
}

/// Each circle once, as `a -> b -> a`, starting from its smallest name.
fn circles(uses: &Uses) -> Vec<String> {
    fn walk(uses: &Uses, path: &mut Vec<String>, found: &mut BTreeSet<String>) {
        let Some(last) = path.last().cloned() else {
            return;
        };
        for next in uses.get(&last).into_iter().flatten() {
            if *next == path[0] {
                let mut circle = path.clone();
                circle.push(next.clone());
                found.insert(circle.join(" -> "));
            } else if next > &path[0] && !path.contains(next) {
                path.push(next.clone());
                walk(uses, path, found);
                path.pop();
            }
        }
    }
    let mut found = BTreeSet::new();
    for start in uses.keys() {
        walk(uses, &mut vec![start.clone()], &mut found);
    }
    found.into_iter().collect()
}

#[test]
fn no_circle_between_the_shells_files() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            files.push((stem, std::fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(
        files.len() > 5,
        "the shell's files are read: {}",
        files.len()
    );
    assert_eq!(circles(&uses_of(&files)), Vec::<String>::new());
}

#[test]
fn a_circle_is_found_through_any_use_but_not_in_tests_or_comments() {
    let file = |stem: &str, text: &str| (stem.to_string(), text.to_string());
    let files = [
        file("state", "use crate::watch::Watch;\nuse crate::error::E;"),
        file("watch", "fn f() { crate::state::AppState::x(); }"),
        file("a", "use crate::b;"),
        file("b", "use crate::{error::E, c::{x, y}};"),
        file("c", "use crate::a::y;"),
        file(
            "error",
            "/// Made by crate::b::x.\n#[cfg(test)]\nmod tests { use crate::state::x; }",
        ),
    ];
    assert_eq!(
        circles(&uses_of(&files)),
        ["a -> b -> c -> a", "state -> watch -> state"]
    );
}
