//! Time of each pathological input (tests/pathological/inputs.rs) at 1×, 2× and 4× its size,
//! through `Document::from_bytes` + `import_document`, next to raw pulldown-cmark over the
//! same text (`Parser::new(text).count()`), so that super-linear spots show.
//!
//! `cargo bench -p rolecraft-core --bench pathological`: criterion for every case and size,
//! then a scaling table (best of at least 5 runs; 4× is the size the tests use: a 20,000-deep
//! table, 3 MB of punctuation, ...). `PATHOLOGICAL_TABLE=1` prints only the table:
//! `PATHOLOGICAL_TABLE=1 cargo bench -p rolecraft-core --bench pathological`.
//!
//! `PATHOLOGICAL_CASE=<name>` keeps the table to one input.
//!
//! Linear time grows like the bytes (some inputs, like indented lists, grow quadratically
//! in bytes with depth): the table flags an input as super-linear when its time grows more
//! than 1.5 times faster than its bytes on both doublings (1×→2× and 2×→4×); quadratic time
//! grows twice as fast on each. A single step can jump when the generated text changes kind
//! (raw pulldown-cmark shows the same jump then).

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput};
use rolecraft_core::import::{import_document, Document};

#[path = "../tests/pathological/inputs.rs"]
mod inputs;

use inputs::{Case, CASES};

const SCALES: [usize; 3] = [1, 2, 4];

fn input(case: &Case, scale: usize) -> Vec<u8> {
    (case.make)(case.full * scale / 4)
}

fn import(name: &str, bytes: &[u8]) -> usize {
    match Document::from_bytes(name, bytes).and_then(|doc| import_document(&doc)) {
        Ok(imported) => imported.roles.len(),
        Err(e) => e.to_string().len(),
    }
}

fn raw_cmark(bytes: &[u8]) -> usize {
    pulldown_cmark::Parser::new(&String::from_utf8_lossy(bytes)).count()
}

/// Best of at least 5 runs, and of more for fast inputs (up to 0.2 s of runs): the least
/// disturbed by other work on the machine.
fn best_time(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (started.elapsed() < Duration::from_millis(200) && times.len() < 101) {
        let run = Instant::now();
        f();
        times.push(run.elapsed());
    }
    times.into_iter().min().expect("at least one run")
}

fn criterion_benches(c: &mut Criterion) {
    for case in CASES {
        let mut group = c.benchmark_group(format!("pathological/{}", case.name));
        group
            .sample_size(10)
            .warm_up_time(Duration::from_millis(200))
            .measurement_time(Duration::from_secs(1));
        for scale in SCALES {
            let bytes = input(case, scale);
            group.throughput(Throughput::Bytes(bytes.len() as u64));
            let file = case.file();
            group.bench_with_input(
                BenchmarkId::new("import", format!("{scale}x")),
                &bytes,
                |b, bytes| b.iter(|| import(&file, black_box(bytes))),
            );
            group.bench_with_input(
                BenchmarkId::new("pulldown-cmark", format!("{scale}x")),
                &bytes,
                |b, bytes| b.iter(|| raw_cmark(black_box(bytes))),
            );
        }
        group.finish();
    }
}

fn scaling_table() {
    println!(
        "\n{:<28} {:>10} {:>10} {:>10} {:>10} {:>7} {:>7} {:>11}  verdict",
        "input (import)", "4x bytes", "1x", "2x", "4x", "t 4/1", "b 4/1", "cmark 4x"
    );
    let mut slowest: Option<(&str, Duration)> = None;
    let mut super_linear = Vec::new();
    let only = std::env::var("PATHOLOGICAL_CASE").ok();
    for case in CASES {
        if only.as_deref().is_some_and(|name| name != case.name) {
            continue;
        }
        let file = case.file();
        let mut times = Vec::new();
        let mut sizes = Vec::new();
        for scale in SCALES {
            let bytes = input(case, scale);
            sizes.push(bytes.len());
            times.push(best_time(|| {
                black_box(import(&file, black_box(&bytes)));
            }));
        }
        let full = input(case, 4);
        let cmark = best_time(|| {
            black_box(raw_cmark(black_box(&full)));
        });
        let ratio = times[2].as_secs_f64() / times[0].as_secs_f64().max(1e-9);
        let bytes_ratio = sizes[2] as f64 / sizes[0] as f64;
        let faster = |a: usize, b: usize| {
            let time = times[b].as_secs_f64() / times[a].as_secs_f64().max(1e-9);
            time > 1.5 * (sizes[b] as f64 / sizes[a] as f64)
        };
        // Under a millisecond, timer noise decides the ratio.
        let linear = !(faster(0, 1) && faster(1, 2)) || times[2] < Duration::from_millis(1);
        if !linear {
            super_linear.push(case.name);
        }
        if slowest.is_none_or(|(_, t)| times[2] > t) {
            slowest = Some((case.name, times[2]));
        }
        let verdict = match (linear, times[2] < Duration::from_millis(100)) {
            (true, true) => "ok",
            (true, false) => "linear, over 0.1 s",
            (false, _) => "SUPER-LINEAR",
        };
        println!(
            "{:<28} {:>10} {:>10.2?} {:>10.2?} {:>10.2?} {:>7.1} {:>7.1} {:>11.2?}  {verdict}",
            case.name, sizes[2], times[0], times[1], times[2], ratio, bytes_ratio, cmark
        );
    }
    if let Some((name, time)) = slowest {
        println!("slowest at full size: {name} in {time:.2?}");
    }
    if super_linear.is_empty() {
        println!("no super-linear input");
    } else {
        println!("super-linear: {}", super_linear.join(", "));
    }
}

fn main() {
    if std::env::var_os("PATHOLOGICAL_TABLE").is_none() {
        let mut c = Criterion::default().configure_from_args();
        criterion_benches(&mut c);
        c.final_summary();
    }
    scaling_table();
}
