//! The library folder, watched: roles changed on disk by the CLI, an editor or `git pull` are
//! reloaded and the page is told which ids changed (`library-changed`), within a second.
//! `state::watch_library` starts the watch on the library folder and emits the event.
//!
//! The `notify` crate watches from Rust (debounced 200 ms by notify-debouncer-full), so the page
//! needs no fs permission. Only changes count: notify's inotify backend also reports a file
//! being opened and closed for reading, and the app reads role files all the time (a role
//! opened, a search, the reload itself), which made every read a reload. Changes the app made
//! itself are already in the library it holds, so they compare equal and raise no event.

use std::path::Path;
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

/// Calls `on_change` (on the watcher's thread) after changes to `*.json` files in `dir` settle.
pub fn watch_folder(dir: &Path, on_change: impl Fn() + Send + 'static) -> Result<Watch, String> {
    let mut debouncer = new_debouncer(
        Duration::from_millis(200),
        None,
        move |result: DebounceEventResult| {
            let touches_a_role = match result {
                Ok(events) => events.iter().any(|e| {
                    changes_content(&e.event.kind)
                        && e.event
                            .paths
                            .iter()
                            .any(|p| p.extension().is_some_and(|x| x == "json"))
                }),
                // Events were lost: reload to be sure.
                Err(_) => true,
            };
            if touches_a_role {
                on_change();
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
        let _watch = watch_folder(dir.path(), move || {
            let _ = tx.send(());
        })
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a role").unwrap();
        std::fs::write(dir.path().join("cto.json"), "{}").unwrap();
        rx.recv_timeout(Duration::from_secs(1))
            .expect("a change within a second");
    }

    #[test]
    fn reading_a_role_file_is_not_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cto.json");
        std::fs::write(&file, "{}").unwrap();
        let (tx, rx) = mpsc::channel();
        let _watch = watch_folder(dir.path(), move || {
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
