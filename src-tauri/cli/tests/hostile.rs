//! The hostile-input corpus (`tests/hostile/`, described in its README): every case run
//! through the built `rolecraft` under a memory limit (`prlimit --as`) and a timeout, each
//! with its expected clean error (exit 1, a message naming the file) or capped result. A stack
//! overflow (exit 134), an out-of-memory kill or a hang fails the case.

#[allow(dead_code)] // `rolecraft()` runs without limits; these cases use `run()`.
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{repo, stderr, stdout};

/// Address space per run (a runaway allocation fails instead of swapping the machine).
const MEMORY_LIMIT: &str = "--as=2147483648";
/// Seconds per run.
const TIMEOUT: &str = "20";

fn hostile() -> PathBuf {
    repo().join("tests/hostile")
}

/// Runs `rolecraft` with `data` as the app-data folder, limited.
fn run(data: &Path, args: &[&str]) -> Output {
    Command::new("prlimit")
        .arg(MEMORY_LIMIT)
        .arg("--")
        .arg("timeout")
        .arg("-s")
        .arg("KILL")
        .arg(TIMEOUT)
        .arg(env!("CARGO_BIN_EXE_rolecraft"))
        .args(args)
        .env("ROLECRAFT_DATA_DIR", data)
        .env_remove("SOURCE_DATE_EPOCH")
        .current_dir(repo())
        .output()
        .expect("prlimit and timeout (util-linux, coreutils) are installed")
}

/// Asserts exit 1 with every `needles` in stderr.
fn refused(out: &Output, needles: &[&str]) {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit {:?}; stderr: {err}",
        out.status
    );
    for needle in needles {
        assert!(err.contains(needle), "{needle:?} not in stderr: {err}");
    }
}

fn files_under(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn role_json_ids_that_are_not_slugs_write_nothing_anywhere() {
    for (file, shown) in [
        ("id-traversal.json", "../../escaped-from-library"),
        ("id-absolute.json", "/tmp/rolecraft-escaped"),
        ("id-dot-slash.json", "./cto"),
        ("id-upper.json", "CTO"),
        ("id-control.json", "a\\u{1b}[31mb"),
        ("id-reserved.json", "con"),
        ("id-long.json", "longer than"),
        ("id-decomposed.json", "cafe\\u{301}"),
        ("id-backslash.json", "escaped"),
        ("id-empty.json", "empty"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let into = data.path().join("deep/er/lib");
        let path = hostile().join(file);
        let out = run(
            data.path(),
            &[
                "import",
                path.to_str().unwrap(),
                "--into",
                into.to_str().unwrap(),
            ],
        );
        refused(
            &out,
            &[&format!("{file}:2: not a role file: at $.id:"), shown],
        );
        assert!(
            !stderr(&out).contains('\u{1b}'),
            "raw escape reached stderr"
        );
        assert_eq!(files_under(data.path()), Vec::<String>::new(), "{file}");
    }
    assert!(!Path::new("/tmp/rolecraft-escaped.json").exists());
}

#[test]
fn library_files_that_hold_another_id_or_a_case_variant_are_not_replaced() {
    let seed = repo().join("tests/fixtures/seeds");
    let cto_page = std::fs::read_dir(&seed)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().contains("000"))
        .unwrap();
    for (library, needle) in [
        ("library-other-id", "holds the role \"ceo\", not \"cto\""),
        ("library-case", "clashes with"),
        ("library-broken", "library-broken/cto.json"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let lib = data.path().join(library);
        copy_dir(&hostile().join(library), &lib);
        let before = files_under(&lib);
        let out = run(
            data.path(),
            &[
                "import",
                cto_page.to_str().unwrap(),
                "--into",
                lib.to_str().unwrap(),
                "--replace",
            ],
        );
        refused(&out, &[needle]);
        let after: Vec<String> = files_under(&lib)
            .into_iter()
            .filter(|f| f != ".rolecraft.lock")
            .collect();
        assert_eq!(after, before, "{library}");
    }
}

#[test]
fn a_multi_role_import_is_all_or_nothing() {
    let data = tempfile::tempdir().unwrap();
    let lib = data.path().join("lib");
    copy_dir(&hostile().join("library-gamma-taken"), &lib);
    let h = hostile();
    let args: Vec<String> = ["multi-a.md", "multi-b.md", "multi-c.md"]
        .iter()
        .map(|f| h.join(f).display().to_string())
        .collect();
    let mut all: Vec<&str> = vec!["import"];
    all.extend(args.iter().map(String::as_str));
    all.extend(["--into", lib.to_str().unwrap(), "--merge"]);
    let out = run(data.path(), &all);
    refused(
        &out,
        &[
            "gamma-lead.json holds the role \"delta-lead\"",
            "nothing written",
        ],
    );
    let after: Vec<String> = files_under(&lib)
        .into_iter()
        .filter(|f| f != ".rolecraft.lock")
        .collect();
    assert_eq!(after, ["gamma-lead.json"]);
}

#[test]
fn titles_that_slug_alike_warn_and_similar_titles_stay_apart() {
    let data = tempfile::tempdir().unwrap();
    let h = hostile();
    let files: Vec<String> = [
        "c-family.md",
        "c-sharp.md",
        "c-plain.md",
        "cafe-precomposed.md",
        "cafe-decomposed.md",
        "r-and-d.md",
        "r-slash-d.md",
    ]
    .iter()
    .map(|f| h.join(f).display().to_string())
    .collect();
    let mut args: Vec<&str> = vec!["import", "--dry-run"];
    args.extend(files.iter().map(String::as_str));
    let out = run(data.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let ids: Vec<&str> = text.lines().filter_map(|l| l.split('\t').next()).collect();
    for id in [
        "c-plus-plus-engineer",
        "c-sharp-engineer",
        "c-engineer",
        "cafe-manager",
        "r-d-lead",
    ] {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    // Precomposed and decomposed "Café" are one role; "R&D" and "R/D" collide, with a warning.
    assert_eq!(ids.iter().filter(|i| **i == "cafe-manager").count(), 1);
    let err = stderr(&out);
    assert!(
        err.contains("\"R&D Lead\" and \"R/D Lead\" have the same id \"r-d-lead\""),
        "{err}"
    );
}

#[test]
fn deep_html_pages_are_clean_errors() {
    let data = tempfile::tempdir().unwrap();
    for (name, unit) in [
        ("deep-div.html", "<div></x>"),
        ("deep-comment.html", "<div><!-- </div> -->"),
        ("deep-script.html", "<div><script></div></script>"),
        ("deep-li.html", "<ul><li>x"),
    ] {
        let path = data.path().join(name);
        let page = format!(
            "<!DOCTYPE html><html><body>\n<h1>T</h1>{}</body></html>",
            unit.repeat(100_000)
        );
        std::fs::write(&path, page).unwrap();
        let out = run(
            data.path(),
            &["import", path.to_str().unwrap(), "--dry-run"],
        );
        refused(&out, &[name, "nested"]);
    }
}

#[test]
fn recursive_deep_and_runaway_templates_are_clean_errors() {
    for (template, needle) in [
        ("self-include-if", "cycle"),
        ("inline-recursive", "cycle"),
        ("mutual-a", "cycle"),
        ("partial-block-loop", "cycle"),
        ("dynamic-partial", "computed"),
        ("deep-blocks", "nested deeper"),
        ("deep-subexpressions", "sub-expressions nested deeper"),
        ("nested-each", "stopped"),
        ("silent-nested-each", "longer than"),
    ] {
        let data = tempfile::tempdir().unwrap();
        let templates = data.path().join("templates");
        std::fs::create_dir_all(&templates).unwrap();
        for f in std::fs::read_dir(hostile()).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|e| e == "hbs") {
                std::fs::copy(&p, templates.join(p.file_name().unwrap())).unwrap();
            }
        }
        let out = run(data.path(), &["jd", "cto", "--template", template]);
        refused(&out, &[needle]);
        let err = stderr(&out);
        assert!(err.contains("template \""), "names the template: {err}");
    }
}

#[test]
fn a_4000_item_compare_falls_back_to_positional_pairing_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let lib = data.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    for (id, word) in [("big-a", "area"), ("big-b", "zone")] {
        let items: Vec<serde_json::Value> = (0..4000)
            .map(|i| {
                serde_json::json!({"text": format!("Owns the roadmap for {word} {i} and its budget with care"), "source": {"file": "x.md", "line": i + 1}})
            })
            .collect();
        let role = serde_json::json!({"id": id, "title": id, "track": null, "level": null,
            "sections": [{"key": "responsibilities", "title": "Responsibilities", "items": items}]});
        std::fs::write(lib.join(format!("{id}.json")), role.to_string()).unwrap();
    }
    for format in ["json", "md", "html"] {
        let out = run(
            data.path(),
            &[
                "--library",
                lib.to_str().unwrap(),
                "compare",
                "big-a",
                "big-b",
                "--format",
                format,
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("paired by position, not optimally, in: Responsibilities"),
            "{format}"
        );
    }
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_oversized_files_are_refused_before_reading() {
    let data = tempfile::tempdir().unwrap();
    let zero = data.path().join("zero.md");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let out = run(
        data.path(),
        &["import", zero.to_str().unwrap(), "--dry-run"],
    );
    refused(&out, &["zero.md", "not a regular file"]);

    let fifo = data.path().join("pipe.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let out = run(
        data.path(),
        &["import", fifo.to_str().unwrap(), "--dry-run"],
    );
    refused(&out, &["pipe.md", "not a regular file"]);

    let big = data.path().join("big.md");
    std::fs::write(&big, vec![b'a'; 6 * 1024 * 1024]).unwrap();
    let out = run(data.path(), &["import", big.to_str().unwrap(), "--dry-run"]);
    refused(&out, &["big.md", "limit"]);

    let template = data.path().join("zero.hbs");
    std::os::unix::fs::symlink("/dev/zero", &template).unwrap();
    let out = run(
        data.path(),
        &["jd", "cto", "--template-file", template.to_str().unwrap()],
    );
    refused(&out, &["zero.hbs", "not a regular file"]);
}

#[test]
fn exported_html_is_guarded_and_terminal_text_is_escaped() {
    let data = tempfile::tempdir().unwrap();
    let out = run(
        data.path(),
        &["compare", "cto", "vp-of-engineering", "--format", "html"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out)
        .contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));

    // A title with terminal escapes reaches a terminal (a pty, through `script`) escaped.
    let lib = data.path().join("lib");
    let path = hostile().join("title-control.md");
    let out = run(
        data.path(),
        &[
            "import",
            path.to_str().unwrap(),
            "--into",
            lib.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let command = format!(
        "{} --library {} roles",
        env!("CARGO_BIN_EXE_rolecraft"),
        lib.display()
    );
    let tty = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .unwrap();
    let shown = stdout(&tty);
    assert!(
        shown.contains("Evil \\u{1b}[2J\\u{1b}[31mLead\\u{7}"),
        "{shown:?}"
    );
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}'),
        "{shown:?}"
    );
}
