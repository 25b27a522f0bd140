//! All posting checks on VP of Product's `full` posting, next to a plain render of the same
//! draft:
//!
//! - `render`: context + template → Markdown (what the preview costs before HTML);
//! - `checks`: every rule on that Markdown and the role (Harper spelling and grammar included),
//!   with a `Checker` built once as the app and the CLI hold it, on the same text each time;
//! - `checks-after-edit`: the same, but each check sees the posting with one word (mid-text)
//!   changed to a new one, as while a recruiter types in the draft form and the checks re-run;
//! - `checker-new`: building the `Checker` itself (data parsed, patterns compiled);
//! - `checks-cold/first-check`: `Checker::new` and one check on a new thread, as
//!   `rolecraft check` does once (Harper's thread-local model and caches start cold; its
//!   process-wide dictionary does not).
//!
//! Two drafts: the template's default sections, and every section of the role chosen (the
//! ~4,500-word posting issue 10 starts from).
//!
//! `cargo bench -p rolecraft-core --bench checks`

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rolecraft_core::checks::{CheckInput, Checker};
use rolecraft_core::drafts::Draft;
use rolecraft_core::library::bundled_roles;
use rolecraft_core::model::Role;
use rolecraft_core::render::{JdContext, Meta, Renderer};

struct Case {
    name: &'static str,
    draft: Draft,
    ctx: JdContext,
    md: String,
}

fn bench_checks(c: &mut Criterion) {
    let roles = bundled_roles().expect("bundled roles");
    let role = roles
        .iter()
        .find(|r| r.id == "vp-of-product")
        .expect("vp-of-product");
    let renderer = Renderer::new();
    let meta = Meta::at("2026-12-01", "full");
    let cases: Vec<Case> = [("default-sections", false), ("every-section", true)]
        .into_iter()
        .map(|(name, every)| {
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
            let ctx = renderer.context(role, &draft, meta.clone()).unwrap();
            let md = renderer.render_markdown("full", &ctx).unwrap();
            eprintln!(
                "{name}: {} bytes of Markdown, {} words",
                md.len(),
                md.split_whitespace().count()
            );
            Case {
                name,
                draft,
                ctx,
                md,
            }
        })
        .collect();

    let checker = Checker::new().expect("checker");
    let mut group = c.benchmark_group("checks");
    group
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sample_size(20);
    for case in &cases {
        let Case {
            name, draft, md, ..
        } = case;
        group.bench_function(format!("{name}/render"), |b| {
            b.iter(|| {
                let ctx = renderer
                    .context(black_box(role), black_box(draft), meta.clone())
                    .unwrap();
                black_box(renderer.render_markdown("full", &ctx).unwrap())
            })
        });
        group.bench_function(format!("{name}/checks"), |b| {
            b.iter(|| black_box(check(&checker, role, case, black_box(md))))
        });
        let mut n = 0u32;
        group.bench_function(format!("{name}/checks-after-edit"), |b| {
            b.iter_batched(
                || {
                    n += 1;
                    one_word_changed(md, n)
                },
                |edited| black_box(check(&checker, role, case, &edited)),
                BatchSize::SmallInput,
            )
        });
    }
    group.bench_function("checker-new", |b| {
        b.iter(|| black_box(Checker::new().unwrap()))
    });
    group.finish();

    // Seconds an iteration: the fewest samples criterion allows.
    let mut cold = c.benchmark_group("checks-cold");
    cold.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .sample_size(10);
    for case in &cases {
        cold.bench_function(format!("{}/first-check", case.name), |b| {
            b.iter(|| {
                // On a new thread: Harper keeps its chunker model and caches per thread, so
                // the bench's own thread would be warm after the first iteration.
                std::thread::scope(|s| {
                    s.spawn(|| {
                        let checker = Checker::new().unwrap();
                        black_box(check(&checker, role, case, black_box(&case.md)))
                    })
                    .join()
                    .unwrap()
                })
            })
        });
    }
    cold.finish();
}

fn check(checker: &Checker, role: &Role, case: &Case, md: &str) -> rolecraft_core::checks::Report {
    checker.check(&CheckInput {
        role,
        draft: &case.draft,
        context: &case.ctx,
        markdown: md,
    })
}

/// `md` with the first word after its middle replaced by a word made from `n`: a new text
/// for each `n`, one word apart from the posting, as typing makes. (The word is not English,
/// as a half-typed one often is not.)
fn one_word_changed(md: &str, n: u32) -> String {
    let mut word = String::from("draft");
    let mut k = n;
    while k > 0 {
        word.push(char::from(b'a' + (k % 26) as u8));
        k /= 26;
    }
    let start = (md.len() / 2..md.len())
        .find(|&i| {
            md.is_char_boundary(i)
                && md[i..].starts_with(' ')
                && md[i + 1..].starts_with(|c: char| c.is_ascii_lowercase())
        })
        .map_or(md.len(), |i| i + 1);
    let end = md[start..]
        .find(|c: char| !c.is_alphabetic())
        .map_or(md.len(), |e| start + e);
    format!("{}{word}{}", &md[..start], &md[end..])
}

criterion_group!(benches, bench_checks);
criterion_main!(benches);
