//! The library folder, watched: roles changed on disk by the CLI, an editor or `git pull` are
//! reloaded and the page is told which ids changed (`library-changed`), within a second.
//! `state::watch_library` starts the watch on the library folder and emits the event.
//!
//! The `notify` crate watches from Rust (debounced 200 ms by notify-debouncer-full), so the page
//! needs no fs permission. Only changes count: notify's inotify backend also reports a file
//! being opened and closed for reading, and the app reads role files all the time (a role
//! opened, a search, the reload itself), which made every read a reload. Changes the app made
//! itself are already in the library it holds, so they compare equal and raise no event.
//!
//! The watch names the files that changed, so only those are read again (`Library::reread`):
//! in a library of 10,000 roles a save is one file read, not 10,000.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{new_debouncer, DebounceEventResult, Debouncer, RecommendedCache};
use serde::Serialize;
use ts_rs::TS;

/// The event the page listens to.
pub const LIBRARY_CHANGED: &str = "library-changed";

/// Roles that changed on disk: added, changed or removed, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LibraryChanged {
    pub ids: Vec<String>,
}

/// A running watch; dropping it stops watching.
pub struct Watch(#[allow(dead_code)] Debouncer<RecommendedWatcher, RecommendedCache>);

/// Whether an event can change what a file holds: not a read (an open, a read, a close after
/// reading), but a close after writing is the end of a write.
fn changes_content(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// What changed in the watched folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These `*.json` files were written, added, renamed or removed.
    Files(Vec<PathBuf>),
    /// Events were lost: read the whole folder again.
    Unknown,
}

/// The change a batch of settled events makes to the role files, if any.
fn change_of(result: DebounceEventResult) -> Option<Change> {
    let Ok(events) = result else {
        return Some(Change::Unknown);
    };
    if events.iter().any(|e| e.event.need_rescan()) {
        return Some(Change::Unknown);
    }
    let files: BTreeSet<PathBuf> = events
        .iter()
        .filter(|e| changes_content(&e.event.kind))
        .flat_map(|e| e.event.paths.iter())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .cloned()
        .collect();
    (!files.is_empty()).then(|| Change::Files(files.into_iter().collect()))
}

/// Calls `on_change` (on the watcher's thread) after changes to `*.json` files in `dir` settle.
pub fn watch_folder(
    dir: &Path,
    on_change: impl Fn(Change) + Send + 'static,
) -> Result<Watch, String> {
    let mut debouncer = new_debouncer(
        Duration::from_millis(200),
        None,
        move |result: DebounceEventResult| {
            if let Some(change) = change_of(result) {
                on_change(change);
            }
        },
    )
    .map_err(|e| format!("{}: cannot watch: {e}", dir.display()))?;
    debouncer
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| format!("{}: cannot watch: {e}", dir.display()))?;
    Ok(Watch(debouncer))
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use super::*;

    #[test]
    fn a_role_file_written_in_the_folder_is_noticed_within_a_second() {
        let dir = tempfile::tempdir().unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = watch_folder(dir.path(), move |change| {
            let _ = tx.send(change);
        })
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a role").unwrap();
        std::fs::write(dir.path().join("cto.json"), "{}").unwrap();
        let change = rx
            .recv_timeout(Duration::from_secs(1))
            .expect("a change within a second");
        // The file is named, so only it is read again; notes.txt is not a role.
        let cto = dir.path().canonicalize().unwrap().join("cto.json");
        match change {
            Change::Files(files) => assert_eq!(
                files
                    .iter()
                    .map(|f| f.canonicalize().unwrap())
                    .collect::<Vec<_>>(),
                [cto]
            ),
            Change::Unknown => panic!("the change named no file"),
        }
    }

    #[test]
    fn reading_a_role_file_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cto.json");
        std::fs::write(&file, "{}").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = watch_folder(dir.path(), move |_| {
            let _ = tx.send(());
        })
        .unwrap();
        for _ in 0..5 {
            assert_eq!(std::fs::read_to_string(&file).unwrap(), "{}");
        }
        assert!(
            rx.recv_timeout(Duration::from_millis(800)).is_err(),
            "reads were taken for a change"
        );
        // A write after the reads still counts.
        std::fs::write(&file, "{\"id\": \"cto\"}").unwrap();
        rx.recv_timeout(Duration::from_secs(1))
            .expect("a change within a second");
    }
}
