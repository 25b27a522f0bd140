//! Import throughput over a folder of role documents, next to raw pulldown-cmark parsing of
//! the same bytes, measured in the same run.
//!
//! ```text
//! python3 scripts/gen-library.py /tmp/rolecraft-library 10000
//! cargo run --release -p rolecraft-core --example throughput -- /tmp/rolecraft-library [ROUNDS]
//! ```
//!
//! Every file is read into memory first (disk time is not the importer's). Then, per round:
//! `import`: `Document::from_bytes` (decoding, hashing) + `import_document` (detection and
//! the importer) of every file; `pulldown-cmark`: `Parser::new(text).count()` over the same
//! decoded texts. Rounds alternate the two; the best round of each is reported (default 5
//! rounds). A line reads and imports every file from disk with `import_path`.
//!
//! Then the whole import as the app does it, end to end from the files: read and parse every
//! document (`import_many`, on every core), merge the roles they give and plan against an
//! empty library (`plan_import`), on the first quarter, the first half and all of the files
//! (1×, 2×, 4×), best of ROUNDS each, with the growth of the time per byte (1.00 is linear);
//! and how long a cancel takes to stop planning all of them (the flag is flipped from another
//! thread 50 ms into `plan_import_until`). The example allocates with mimalloc, as the app
//! and the CLI do.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use rolecraft_core::import::{import_document, import_many, import_path, Document, Imported};
use rolecraft_core::review::{plan_import, plan_import_until};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(
        args.next()
            .expect("usage: throughput DIR [ROUNDS] (make DIR with scripts/gen-library.py)"),
    );
    let rounds: usize = args
        .next()
        .map_or(5, |r| r.parse().expect("ROUNDS is a number"));
    let paths = files(&dir);
    let docs: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(p).expect("readable"))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(_, b)| b.len()).sum();

    // One untimed pass: what the library holds, and the decoded texts for pulldown-cmark.
    let mut formats: BTreeMap<String, usize> = BTreeMap::new();
    let mut roles = 0;
    let mut errors = Vec::new();
    let mut texts = Vec::new();
    for (name, b) in &docs {
        match Document::from_bytes(name, b).and_then(|doc| {
            texts.push(doc.text.clone());
            import_document(&doc)
        }) {
            Ok(imported) => {
                roles += imported.roles.len();
                for r in &imported.roles {
                    *formats
                        .entry(r.sources[0].format.name().to_string())
                        .or_default() += 1;
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    println!(
        "{} documents, {:.1} MB, {roles} roles {formats:?}, {} errors",
        docs.len(),
        bytes as f64 / 1e6,
        errors.len()
    );
    for e in errors.iter().take(5) {
        println!("  error: {e}");
    }
    let text_bytes: usize = texts.iter().map(String::len).sum();

    let mut best_import = Duration::MAX;
    let mut best_cmark = Duration::MAX;
    for _ in 0..rounds {
        let started = Instant::now();
        for (name, b) in &docs {
            let r = Document::from_bytes(name, b).and_then(|doc| import_document(&doc));
            black_box(r.map(|i| i.roles.len()).ok());
        }
        best_import = best_import.min(started.elapsed());

        let started = Instant::now();
        for text in &texts {
            black_box(pulldown_cmark::Parser::new(black_box(text)).count());
        }
        best_cmark = best_cmark.min(started.elapsed());
    }
    println!(
        "import (from_bytes + import_document): {:>8.1} MB/s  ({:.3} s for {} documents, best of {rounds})",
        mb_per_s(bytes, best_import),
        best_import.as_secs_f64(),
        docs.len()
    );
    println!(
        "raw pulldown-cmark (Parser::new(text).count()): {:>8.1} MB/s  ({:.3} s, same texts, best of {rounds})",
        mb_per_s(text_bytes, best_cmark),
        best_cmark.as_secs_f64()
    );
    println!(
        "import / raw pulldown-cmark: {:.2}x the time",
        best_import.as_secs_f64() / best_cmark.as_secs_f64()
    );

    let started = Instant::now();
    for p in &paths {
        black_box(import_path(p).map(|i| i.roles.len()).ok());
    }
    let from_disk = started.elapsed();
    println!(
        "import_path (read from disk + import), one round: {:>8.1} MB/s  ({:.3} s)",
        mb_per_s(bytes, from_disk),
        from_disk.as_secs_f64()
    );

    plan_benchmark(&paths, &docs, rounds);
}

/// The documents in `paths`, read and parsed as the app reads them.
fn read_all(paths: &[PathBuf]) -> Vec<Imported> {
    import_many(paths, |_, _| std::ops::ControlFlow::Continue(())).documents
}

/// Read + parse + merge + plan of the first quarter, half and all of the documents.
fn plan_benchmark(paths: &[PathBuf], docs: &[(String, Vec<u8>)], rounds: usize) {
    println!(
        "read + parse + merge + plan (import_many, plan_import against an empty library), best of {rounds}:"
    );
    let mut per_byte = Vec::new();
    for (label, n) in [
        ("1x", docs.len() / 4),
        ("2x", docs.len() / 2),
        ("4x", docs.len()),
    ] {
        let part = &paths[..n];
        let bytes: usize = docs[..n].iter().map(|(_, b)| b.len()).sum();
        let mut best = Duration::MAX;
        let mut summary = (0, 0, 0);
        for _ in 0..rounds {
            let started = Instant::now();
            let plan = plan_import(&[], read_all(part));
            best = best.min(started.elapsed());
            summary = (
                plan.roles.len(),
                plan.roles.iter().map(|r| r.incoming.items().count()).sum(),
                plan.roles.iter().map(|r| r.source_conflicts.len()).sum(),
            );
            black_box(plan);
        }
        per_byte.push(best.as_secs_f64() / bytes as f64);
        println!(
            "  {label}: {n:>6} documents, {:>6.1} MB: {:>7.3} s, {:>6.1} MB/s  ({} roles, {} items, {} conflicts)",
            bytes as f64 / 1e6,
            best.as_secs_f64(),
            mb_per_s(bytes, best),
            summary.0,
            summary.1,
            summary.2
        );
    }
    if let (Some(first), Some(last)) = (per_byte.first(), per_byte.last()) {
        println!(
            "  time per byte, 4x / 1x: {:.2}, 2x / 1x: {:.2} (1.00 is linear)",
            last / first,
            per_byte[1] / first
        );
    }

    // Cancel: flip the flag 50 ms into planning all the documents (parsed beforehand).
    let documents = read_all(paths);
    let cancel = Arc::new(AtomicBool::new(false));
    let (started_tx, started_rx) = mpsc::channel::<()>();
    let flipper = {
        let cancel = cancel.clone();
        std::thread::spawn(move || {
            let _ = started_rx.recv();
            std::thread::sleep(Duration::from_millis(50));
            cancel.store(true, Ordering::SeqCst);
            Instant::now()
        })
    };
    let _ = started_tx.send(());
    let result = plan_import_until(&[], documents, &|| cancel.load(Ordering::SeqCst));
    let returned = Instant::now();
    let flipped = flipper.join().expect("the cancel thread");
    println!(
        "  cancel: {} {:.1} ms after the flag was set",
        if result.is_none() {
            "stopped"
        } else {
            "finished (too small to cancel)"
        },
        returned.saturating_duration_since(flipped).as_secs_f64() * 1e3
    );
}
