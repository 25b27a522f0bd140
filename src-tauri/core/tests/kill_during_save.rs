//! Kill during save: a child process saves in a loop (a multi-role import into a library, a
//! draft autosave, an HTML export) and is killed with SIGKILL at a random moment; then the
//! next start (opening the library, listing the drafts, the next export) must find no torn
//! file and no temp file left.
//!
//! The child is this test binary again (`KILL_CHILD` set, running `child_saves_in_a_loop`).
//! `KILL_RUNS` sets the number of runs (default 12 in the test suite);
//! `scripts/kill-during-save.sh 1000` runs many and prints the summary line.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rolecraft_core::drafts::{Draft, DraftStore, PostingField};
use rolecraft_core::fs::{is_temp_name, write_atomic};
use rolecraft_core::library::{
    bundled_roles, lock, save_roles, DirState, Library, LibrarySources, SaveMode,
};

const KINDS: [&str; 3] = ["import", "draft", "export"];

/// A small xorshift: random enough for kill delays, no extra crate.
struct Rng(u64);
impl Rng {
    fn new() -> Rng {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(7);
        Rng(nanos | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The export's content: a whole document, its end recognisable.
fn export_text(n: u64) -> String {
    format!(
        "<!DOCTYPE html>\n<html><body>\n{}\n</body></html>\n",
        format!("<p>export {n}</p>\n").repeat(2000)
    )
}

/// One round of the saves of `kind` into `dir`.
fn save_once(kind: &str, dir: &Path, n: u64) {
    match kind {
        "import" => {
            let lib = dir.join("roles");
            let mut roles = bundled_roles().unwrap();
            for r in &mut roles {
                r.facts.insert("round".into(), n.to_string());
            }
            let held = lock(&lib).unwrap();
            save_roles(&held, &lib, &roles, SaveMode::Overwrite, None).unwrap();
        }
        "draft" => {
            let drafts = dir.join("drafts");
            let mut draft = Draft::new("vp-of-engineering-1", "vp-of-engineering", "full");
            draft.posting.set(
                PostingField::Company,
                format!("Acme {n} {}", "x".repeat(4000)),
            );
            DraftStore::new(drafts).save(&draft).unwrap();
        }
        _ => {
            let out = dir.join("exports");
            std::fs::create_dir_all(&out).unwrap();
            write_atomic(&out.join("comparison.html"), export_text(n).as_bytes()).unwrap();
        }
    }
}

/// The child: saves until killed.
#[test]
fn child_saves_in_a_loop() {
    let dir = match std::env::var_os("KILL_CHILD") {
        Some(d) => PathBuf::from(d),
        None => {
            // Not a child: one round of each kind, checked like after a kill.
            let tmp = tempfile::tempdir().unwrap();
            for kind in KINDS {
                save_once(kind, tmp.path(), 1);
            }
            assert_eq!(check_after_restart(tmp.path()), (0, 0));
            return;
        }
    };
    let kind = std::env::var("KILL_KIND").unwrap();
    for n in 0.. {
        save_once(&kind, &dir, n);
    }
}

/// Starts again the way the app and CLI do, then counts torn files and leftovers.
fn check_after_restart(dir: &Path) -> (usize, usize) {
    let lib = dir.join("roles");
    let drafts = dir.join("drafts");
    let exports = dir.join("exports");
    let mut torn = 0;
    // The next start: the library opens, the drafts are listed, the next export is written.
    let library_opens = |lib: &Path| {
        Library::open(&LibrarySources {
            only: None,
            user_dir: Some(lib.to_path_buf()),
        })
        .is_ok()
            && DirState::read(lib).is_ok()
    };
    if lib.is_dir() && !library_opens(&lib) {
        torn += 1;
    }
    if drafts.is_dir() {
        match DraftStore::new(&drafts).list() {
            Ok(list) => {
                for d in list {
                    let text = std::fs::read_to_string(drafts.join(format!("{}.json", d.id)));
                    let whole =
                        text.is_ok_and(|t| serde_json::from_str::<serde_json::Value>(&t).is_ok());
                    if !whole {
                        torn += 1;
                    }
                }
            }
            Err(_) => torn += 1,
        }
    }
    if exports.is_dir() {
        let path = exports.join("comparison.html");
        if let Ok(text) = std::fs::read_to_string(&path) {
            if !text.ends_with("</body></html>\n") || !text.starts_with("<!DOCTYPE html>") {
                torn += 1;
            }
        }
        write_atomic(&exports.join("next.html"), b"next start").unwrap();
    }
    let leftovers = [&lib, &drafts, &exports]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).into_iter().flatten().flatten())
        .filter(|e| e.file_name().to_str().is_some_and(is_temp_name))
        .count();
    (torn, leftovers)
}

#[test]
fn no_torn_file_and_no_leftover_after_a_kill() {
    let runs: usize = std::env::var("KILL_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(12);
    let me = std::env::current_exe().unwrap();
    let mut rng = Rng::new();
    let (mut kills, mut torn, mut leftovers) = (0, 0, 0);
    let started = Instant::now();
    for run in 0..runs {
        let tmp = tempfile::tempdir().unwrap();
        let kind = KINDS[run % KINDS.len()];
        // Some rounds done before the kill, so there is an old file to tear.
        save_once(kind, tmp.path(), 0);
        let mut child = Command::new(&me)
            .args([
                "--exact",
                "child_saves_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("KILL_CHILD", tmp.path())
            .env("KILL_KIND", kind)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(2_000 + rng.next() % 60_000));
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap();
            kills += 1;
        }
        child.wait().unwrap();
        let (t, l) = check_after_restart(tmp.path());
        if t + l > 0 {
            eprintln!("run {run} ({kind}): {t} torn, {l} leftover(s)");
        }
        torn += t;
        leftovers += l;
        if (run + 1) % 50 == 0 && run + 1 < runs {
            println!(
                "kill-during-save: {} runs, {kills} kills, {torn} torn, {leftovers} leftovers so far ({:.1} s)",
                run + 1,
                started.elapsed().as_secs_f64()
            );
        }
    }
    println!(
        "kill-during-save: {runs} runs, {kills} kills, {torn} torn, {leftovers} leftovers ({:.1} s)",
        started.elapsed().as_secs_f64()
    );
    assert!(kills > 0, "no run was killed while saving");
    assert_eq!((torn, leftovers), (0, 0));
}
