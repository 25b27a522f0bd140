//! Compare engine vs raw `similar` on the seed roles of the bundled library, in one run.
//!
//! `cargo bench -p rolecraft-core --bench compare -- --warm-up-time 1 --measurement-time 3`
//!
//! - `compare/2-way …`: `compare(a, b)` — sections aligned, items matched optimally, word
//!   diffs of changed rows, facts and skills.
//! - `compare/6-way …`: `compare_many` of six roles (the four seed roles, then the first two
//!   again): grid, five neighbour pairs, ladder.
//! - `similar/…`: the raw cost of diffing the same texts with `similar` alone (every item of a
//!   role one line; a line diff per neighbouring pair, and a word diff of the 2-way pair — a
//!   whole-role word diff of the larger pairs takes hundreds of milliseconds, so it is left out).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use rolecraft_core::compare::{compare, compare_many};
use rolecraft_core::library::bundled_roles;
use rolecraft_core::model::Role;
use similar::TextDiff;

/// Every item of a role, one per line, as a plain diff would see the role.
fn role_text(role: &Role) -> String {
    let mut text = String::new();
    for item in role.items() {
        text.push_str(&item.text.replace('\n', " "));
        text.push('\n');
    }
    text
}

fn similar_lines(a: &str, b: &str) -> usize {
    TextDiff::from_lines(a, b).ops().len()
}

fn similar_words(a: &str, b: &str) -> usize {
    TextDiff::configure().diff_words(a, b).ops().len()
}

fn benches(c: &mut Criterion) {
    let roles = bundled_roles().expect("the bundled library loads");
    let get = |id: &str| {
        roles
            .iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("bundled role {id}"))
    };
    let (dir, vp, cto, vpp) = (
        get("director-of-engineering"),
        get("vp-of-engineering"),
        get("cto"),
        get("vp-of-product"),
    );
    let six = [dir, vp, cto, vpp, dir, vp];
    let texts: Vec<String> = six.iter().map(|r| role_text(r)).collect();

    let mut g = c.benchmark_group("compare");
    g.bench_function("2-way director-of-engineering vs vp-of-engineering", |b| {
        b.iter(|| compare(black_box(dir), black_box(vp)))
    });
    g.bench_function("2-way cto vs vp-of-product", |b| {
        b.iter(|| compare(black_box(cto), black_box(vpp)))
    });
    g.bench_function("6-way dir, vp, cto, vp-of-product, dir, vp", |b| {
        b.iter(|| compare_many(black_box(&six)).expect("six roles"))
    });
    g.finish();

    let mut g = c.benchmark_group("similar");
    g.bench_function(
        "2-way director-of-engineering vs vp-of-engineering, lines",
        |b| b.iter(|| similar_lines(black_box(&texts[0]), black_box(&texts[1]))),
    );
    g.bench_function(
        "2-way director-of-engineering vs vp-of-engineering, words",
        |b| b.iter(|| similar_words(black_box(&texts[0]), black_box(&texts[1]))),
    );
    g.bench_function("6-way (5 neighbour pairs), lines", |b| {
        b.iter(|| {
            texts
                .windows(2)
                .map(|w| similar_lines(black_box(&w[0]), black_box(&w[1])))
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(compare_benches, benches);
criterion_main!(compare_benches);
