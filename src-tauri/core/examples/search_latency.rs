//! Search latency at 10,000 roles, per query: p50, p95 and the worst, over every realistic
//! query (`synth::QUERIES`: what people type, letter by letter, and whole words) repeated.
//! The bar is one frame (16 ms) at p95.
//!
//! `cargo run -p rolecraft-core --release --example search_latency [-- ROLES ROUNDS]`

#[path = "synth/mod.rs"]
mod synth;

use std::time::{Duration, Instant};

use rolecraft_core::search::{SearchIndex, SearchOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let count: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(20);
    let roles = synth::roles(count);
    let started = Instant::now();
    let index = SearchIndex::build(&roles);
    let built = started.elapsed();
    let by_id: std::collections::HashMap<&str, &rolecraft_core::model::Role> =
        roles.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut times: Vec<Duration> = Vec::new();
    for _ in 0..rounds {
        for query in synth::QUERIES {
            let t = Instant::now();
            let found = index.search(query, SearchOptions::default(), |id| by_id.get(id).copied());
            times.push(t.elapsed());
            std::hint::black_box(found);
        }
    }
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{count} roles: index built in {:.0} ms ({:.1} MiB); {} searches: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        built.as_secs_f64() * 1e3,
        index.heap_bytes() as f64 / (1024.0 * 1024.0),
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.95).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3,
    );
}
