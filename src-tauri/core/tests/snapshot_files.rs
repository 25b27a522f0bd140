//! insta (without cargo-insta) never notices a snapshot file no test writes any more: a renamed
//! role, template or fixture would leave a stale golden behind. This test names the snapshots
//! each snapshot test produces and fails on any other file in a snapshots folder (including a
//! pending `.snap.new`). A new snapshot test adds its names here.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rolecraft_core::library::{Library, LibrarySources};
use rolecraft_core::render::Renderer;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn names_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// `src/render/golden_tests.rs`: every built-in template × bundled role × format.
fn golden_render_snapshots() -> BTreeSet<String> {
    let library = Library::open(&LibrarySources::default()).unwrap();
    let mut out = BTreeSet::new();
    for role in library.roles().expect("bundled roles read") {
        for template in Renderer::new().templates() {
            for ext in ["md", "html"] {
                out.insert(format!(
                    "rolecraft_core__render__golden_tests__{}__{}.{ext}.snap",
                    template.name, role.id
                ));
            }
        }
    }
    out
}

/// `insta::glob!` in `tests/<test>.rs` over `fixtures`: one snapshot per file, its path
/// relative to the folder with `/` as `__`.
fn glob_snapshots(test: &str, function: &str, fixtures: &Path, depth: usize) -> BTreeSet<String> {
    let mut files = vec![(PathBuf::new(), fixtures.to_path_buf())];
    for _ in 0..depth {
        let mut next = Vec::new();
        for (rel, dir) in files {
            for name in names_in(&dir) {
                next.push((rel.join(&name), dir.join(&name)));
            }
        }
        files = next;
    }
    files
        .into_iter()
        .filter(|(_, path)| path.is_file())
        .map(|(rel, _)| {
            let rel = rel.to_string_lossy().replace('/', "__");
            format!("{test}__{function}@{rel}.snap")
        })
        .collect()
}

fn assert_only(dir: &Path, want: BTreeSet<String>) {
    let have = names_in(dir);
    let stale: Vec<_> = have.difference(&want).collect();
    assert!(
        stale.is_empty(),
        "snapshot files in {} that no test writes (delete them, or name them in tests/snapshot_files.rs): {stale:?}",
        dir.display()
    );
}

#[test]
fn every_render_snapshot_file_is_written_by_a_test() {
    assert_only(
        &root().join("src/render/snapshots"),
        golden_render_snapshots(),
    );
}

#[test]
fn every_import_snapshot_file_is_written_by_a_test() {
    let fixtures = root().join("../../tests/fixtures");
    let mut want = glob_snapshots(
        "corpus",
        "every_corpus_page_has_a_golden_snapshot",
        &fixtures.join("corpus"),
        2,
    );
    want.extend(glob_snapshots(
        "seeds",
        "every_seed_imports_as_its_golden_snapshot",
        &fixtures.join("seeds"),
        1,
    ));
    assert_only(&root().join("tests/snapshots"), want);
}
