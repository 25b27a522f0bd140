//! All posting checks on VP of Product's `full` posting, next to a plain render of the same
//! draft:
//!
//! - `render`: context + template → Markdown (what the preview costs before HTML);
//! - `checks`: every rule on that Markdown and the role (Harper spelling and grammar included),
//!   with a `Checker` built once as the app and the CLI hold it;
//! - `checker-new`: building the `Checker` itself (data parsed, patterns compiled).
//!
//! Two drafts: the template's default sections, and every section of the role chosen (the
//! ~4,500-word posting issue 10 starts from).
//!
//! `cargo bench -p rolecraft-core --bench checks`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use rolecraft_core::checks::{CheckInput, Checker};
use rolecraft_core::drafts::Draft;
use rolecraft_core::library::bundled_roles;
use rolecraft_core::render::{Meta, Renderer};

fn bench_checks(c: &mut Criterion) {
    let roles = bundled_roles().expect("bundled roles");
    let role = roles
        .iter()
        .find(|r| r.id == "vp-of-product")
        .expect("vp-of-product");
    let renderer = Renderer::new();
    let checker = Checker::new().expect("checker");
    let mut group = c.benchmark_group("checks");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(20);
    for (name, every) in [("default-sections", false), ("every-section", true)] {
        let mut draft = Draft::new("bench", &role.id, "full");
        for pair in [
            "company=Acme",
            "location=New York, NY, US",
            "employment_type=full_time",
            "salary_min=200000",
            "salary_max=260000",
            "currency=USD",
            "salary_period=year",
            "how_to_apply=Apply at acme.example/jobs.",
        ] {
            draft.posting.set_pair(pair).unwrap();
        }
        if every {
            draft.sections = Some(role.sections.iter().map(|s| s.key.clone()).collect());
        }
        let meta = Meta::at("2026-12-01", "full");
        let ctx = renderer.context(role, &draft, meta.clone()).unwrap();
        let md = renderer.render_markdown("full", &ctx).unwrap();
        eprintln!(
            "{name}: {} bytes of Markdown, {} words",
            md.len(),
            md.split_whitespace().count()
        );
        group.bench_function(format!("{name}/render"), |b| {
            b.iter(|| {
                let ctx = renderer
                    .context(black_box(role), black_box(&draft), meta.clone())
                    .unwrap();
                black_box(renderer.render_markdown("full", &ctx).unwrap())
            })
        });
        group.bench_function(format!("{name}/checks"), |b| {
            b.iter(|| {
                black_box(checker.check(&CheckInput {
                    role,
                    draft: &draft,
                    context: &ctx,
                    markdown: black_box(&md),
                }))
            })
        });
    }
    group.bench_function("checker-new", |b| {
        b.iter(|| black_box(Checker::new().unwrap()))
    });
    group.finish();
}

criterion_group!(benches, bench_checks);
criterion_main!(benches);
