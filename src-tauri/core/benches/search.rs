//! Search at 10,000 roles (the synthetic library of `examples/synth`): per query as people
//! type it (1 to 3 letters, then the word), whole words and two words; each search returns the
//! best 50 roles with their matching items (bodies from memory here; `examples/library_scale.rs`
//! reads them from disk). Baseline in the same run: a scan of every role's folded text for the
//! query's words at word starts, the index-less way.

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use rolecraft_core::model::Role;
use rolecraft_core::search::{fold, words, SearchIndex, SearchOptions};

fn bench(c: &mut Criterion) {
    let roles: Vec<Arc<Role>> = synth::roles(10_000).into_iter().map(Arc::new).collect();
    let index = SearchIndex::build(roles.iter().map(|r| &**r));
    let by_id: std::collections::HashMap<&str, &Arc<Role>> =
        roles.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut group = c.benchmark_group("search_10000_roles");
    group.sample_size(20);
    for (label, queries) in [
        (
            "typing 1-3 letters",
            &["b", "bu", "bud", "s", "st", "str", "p", "pr", "pro"][..],
        ),
        (
            "whole word",
            &["budget", "strategy", "stakeholders", "security", "payments"][..],
        ),
        (
            "two words",
            &["product strategy", "team budget", "senior data", "vp eng"][..],
        ),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| {
                for q in queries {
                    black_box(index.search(q, SearchOptions::default(), |id| {
                        by_id.get(id).map(|r| (*r).clone())
                    }));
                }
            })
        });
    }
    group.bench_function("all realistic queries, each", |b| {
        b.iter(|| {
            for q in synth::QUERIES {
                black_box(index.search(q, SearchOptions::default(), |id| {
                    by_id.get(id).map(|r| (*r).clone())
                }));
            }
        })
    });
    // The index-less baseline: every role's text folded once, then scanned per query.
    let texts: Vec<String> = roles
        .iter()
        .map(|r| {
            let mut t = fold(&r.title);
            for i in r.items() {
                t.push(' ');
                t.push_str(&fold(&i.text));
            }
            t
        })
        .collect();
    group.bench_function("scan baseline, whole word", |b| {
        b.iter(|| {
            for q in ["budget", "strategy", "stakeholders", "security", "payments"] {
                let found = texts
                    .iter()
                    .filter(|t| words(t).any(|w| w.starts_with(q)))
                    .count();
                black_box(found);
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
