//! Render time per bundled role with the default template ("full"), next to the raw cost of
//! the same template in the same run:
//!
//! - `rolecraft`: what a preview or export costs: the context built from role + draft,
//!   Handlebars (strict, helpers), Markdown tidying, pulldown-cmark, ammonia, document shell;
//! - `raw`: the same template and helpers in a plain registry rendering a ready-made JSON
//!   context, then pulldown-cmark to HTML: no context building, no sanitising, no shell;
//! - `draft+unset`: `Renderer::render_draft` as the CLI and the app call it, which also renders
//!   once more to list the posting fields the template uses that are empty.
//!
//! `cargo bench -p rolecraft-core --bench render`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use handlebars::Handlebars;
use rolecraft_core::drafts::{Draft, Posting};
use rolecraft_core::library::bundled_roles;
use rolecraft_core::markdown::new_parser;
use rolecraft_core::render::{
    html_document, register_helpers, Meta, OutputFormat, Renderer, BUILT_IN, DEFAULT_TEMPLATE,
};

fn posting() -> Posting {
    let mut p = Posting::default();
    for pair in [
        "company=Acme",
        "team=Platform",
        "location=Berlin, Germany",
        "remote_policy=Hybrid",
        "employment_type=Full-time",
        "salary_range=€180,000–€220,000",
        "about_company=Acme builds the tools small businesses run on.",
        "benefits=- 30 days of paid holiday\n- A yearly learning budget",
        "how_to_apply=Send your CV to [jobs@acme.example](mailto:jobs@acme.example).",
        "equal_opportunity=Acme is an equal-opportunity employer.",
    ] {
        p.set_pair(pair).unwrap();
    }
    p
}

fn bench_render(c: &mut Criterion) {
    let roles = bundled_roles().expect("bundled roles");
    let renderer = Renderer::new();
    let source = BUILT_IN
        .iter()
        .find(|(n, _)| *n == DEFAULT_TEMPLATE)
        .unwrap()
        .1;
    let mut raw = Handlebars::new();
    register_helpers(&mut raw);
    raw.register_template_string(DEFAULT_TEMPLATE, source)
        .unwrap();

    let mut group = c.benchmark_group("render");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(60);
    for role in &roles {
        let mut draft = Draft::new("bench", &role.id, DEFAULT_TEMPLATE);
        draft.posting = posting();
        let meta = Meta::at("2025-01-15", DEFAULT_TEMPLATE);
        let ctx = renderer.context(role, &draft, meta.clone()).unwrap();
        let markdown = renderer.render_markdown(DEFAULT_TEMPLATE, &ctx).unwrap();
        let json = serde_json::to_value(&ctx).unwrap();
        group.throughput(Throughput::Bytes(markdown.len() as u64));

        group.bench_function(format!("{}/rolecraft", role.id), |b| {
            b.iter(|| {
                let ctx = renderer
                    .context(black_box(role), black_box(&draft), meta.clone())
                    .unwrap();
                let md = renderer.render_markdown(DEFAULT_TEMPLATE, &ctx).unwrap();
                black_box(html_document(&role.title, &md))
            })
        });
        group.bench_function(format!("{}/raw", role.id), |b| {
            b.iter(|| {
                let md = raw.render(DEFAULT_TEMPLATE, black_box(&json)).unwrap();
                let mut html = String::with_capacity(md.len() * 3 / 2);
                pulldown_cmark::html::push_html(&mut html, new_parser(&md));
                black_box(html)
            })
        });
        group.bench_function(format!("{}/draft+unset", role.id), |b| {
            b.iter(|| {
                black_box(
                    renderer
                        .render_draft(black_box(role), &draft, OutputFormat::Html)
                        .unwrap(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_render);
criterion_main!(benches);
