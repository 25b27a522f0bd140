//! Opening a large library: summaries first, bodies on demand.
//!
//! `cargo run -p rolecraft-core --release --example library_open -- DIR [RUNS]`
//!
//! `DIR` holds role files (`bench/gen-roles.py DATA_DIR 10000` writes `DATA_DIR/roles`). Prints
//! per run the time to open (every summary read), to read one body, and to build the search
//! index (every body read once, none kept), then the process's resident memory: what the app
//! holds for its library. Then what a save costs the app: the last role's file is rewritten
//! with its title changed and read again (`Library::reread`, the search index kept), then put
//! back byte for byte.

use std::path::PathBuf;
use std::time::Instant;

use rolecraft_core::library::{Library, LibrarySources};

fn resident_mib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kib| kib.parse::<f64>().ok())
        .map_or(f64::NAN, |kib| kib / 1024.0)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: library_open DIR [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let sources = LibrarySources {
        only: None,
        user_dir: Some(dir),
    };
    for run in 1..=runs {
        let started = Instant::now();
        let (mut library, problems) = Library::open_lenient(&sources);
        let opened = started.elapsed();
        let last = library.ids().last().unwrap_or_default().to_string();
        let t = Instant::now();
        let role = library.get(&last).map(|r| r.items().count());
        let one = t.elapsed();
        let t = Instant::now();
        let words = library.search_index().len();
        let indexed = t.elapsed();
        let mut took: Vec<f64> = [
            "budg",
            "budgeting",
            "road",
            "roadmap hiring",
            "lead",
            "ment",
            "forecast",
            "arch",
            "product strategy",
            "nego",
            "analytics",
            "stake",
        ]
        .iter()
        .map(|q| {
            let t = Instant::now();
            let options = rolecraft_core::search::SearchOptions {
                limit: 200,
                ..Default::default()
            };
            std::hint::black_box(library.search(q, options));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
        took.sort_by(f64::total_cmp);
        println!(
            "run {run}: 12 searches (limit 200, as the app asks): p50 {:.1} ms, max {:.1} ms",
            took[took.len() / 2],
            took[took.len() - 1]
        );
        println!(
            "run {run}: {} roles ({} problems) opened in {:.0} ms; one body ({:?} items) in {:.2} ms; index of {words} roles in {:.0} ms; RSS {:.0} MiB",
            library.len(),
            problems.len(),
            opened.as_secs_f64() * 1e3,
            role.ok(),
            one.as_secs_f64() * 1e3,
            indexed.as_secs_f64() * 1e3,
            resident_mib("VmRSS:"),
        );
        if let Some(file) = library.file_of(&last).map(PathBuf::from) {
            let (folder, original) = (file.parent().map(PathBuf::from), std::fs::read(&file));
            if let (Some(folder), Ok(original)) = (folder, original) {
                let mut role =
                    serde_json::from_slice::<serde_json::Value>(&original).expect("a role file");
                role["title"] = format!("{} (edited)", role["title"].as_str().unwrap_or("")).into();
                std::fs::write(&file, role.to_string()).expect("the role file written");
                let t = Instant::now();
                let changed = library.reread(&folder, std::slice::from_ref(&file));
                let reread = t.elapsed();
                let t = Instant::now();
                let kept = library.search("edited", Default::default()).total;
                let searched = t.elapsed();
                std::fs::write(&file, &original).expect("the role file put back");
                library
                    .reread(&folder, &[file])
                    .expect("the role file read again");
                println!(
                    "run {run}: a save: {changed:?} read again in {:.2} ms; then a search in {:.2} ms ({kept} found)",
                    reread.as_secs_f64() * 1e3,
                    searched.as_secs_f64() * 1e3,
                );
            }
        }
    }
    println!("peak RSS {:.0} MiB", resident_mib("VmHWM:"));
}
