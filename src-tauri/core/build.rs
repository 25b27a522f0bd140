//! The bundled library (`roles/`) is embedded with include_dir!: rebuild when it changes.
//! The bundled roles' summaries (id, title, track, level) are read here, once, into
//! `$OUT_DIR/bundled_summaries.rs`, so opening the library does not parse every bundled role
//! (240 KB of JSON) at each start of the CLI or the app. `library::catalog` falls back to
//! parsing a file that has no summary here, and a test checks both agree.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let dir = Path::new("../../roles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".json"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for name in names {
        println!("cargo:rerun-if-changed={}", dir.join(&name).display());
        let Ok(text) = std::fs::read_to_string(dir.join(&name)) else {
            continue;
        };
        let Ok(role) = serde_json::from_str::<serde_json::Value>(&text) else {
            continue; // Left to the library, which names the file and the place.
        };
        let (Some(id), Some(title)) = (role["id"].as_str(), role["title"].as_str()) else {
            continue;
        };
        let track = role["track"].as_str();
        let level = role["level"].as_u64().and_then(|l| u32::try_from(l).ok());
        let _ = writeln!(
            out,
            "    ({name:?}, {id:?}, {title:?}, {track:?}, {level:?}),"
        );
    }
    out.push_str("]\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("bundled_summaries.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
