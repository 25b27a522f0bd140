//! The library folder, watched: roles changed on disk by the CLI, an editor or `git pull` are
//! reloaded and the page is told which ids changed (`library-changed`), within a second.
//!
//! The `notify` crate watches from Rust (debounced 200 ms by notify-debouncer-mini), so the page
//! needs no fs permission. Changes the app made itself are already in the library it holds, so
//! they compare equal and raise no event.

use std::path::Path;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};
use ts_rs::TS;

use crate::state::AppState;

/// The event the page listens to.
pub const LIBRARY_CHANGED: &str = "library-changed";

/// Roles that changed on disk: added, changed or removed, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LibraryChanged {
    pub ids: Vec<String>,
}

/// A running watch; dropping it stops watching.
pub struct Watch(#[allow(dead_code)] Debouncer<RecommendedWatcher>);

/// Calls `on_change` (on the watcher's thread) after changes to `*.json` files in `dir` settle.
pub fn watch_folder(dir: &Path, on_change: impl Fn() + Send + 'static) -> Result<Watch, String> {
    let mut debouncer = new_debouncer(
        Duration::from_millis(200),
        move |result: DebounceEventResult| {
            let touches_a_role = match result {
                Ok(events) => events
                    .iter()
                    .any(|e| e.path.extension().is_some_and(|x| x == "json")),
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
        .watcher()
        .watch(dir, RecursiveMode::NonRecursive)
        .map_err(|e| format!("{}: cannot watch: {e}", dir.display()))?;
    Ok(Watch(debouncer))
}

pub fn start<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let Some(dir) = state.library_dir() else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let handle = app.clone();
    let watch = watch_folder(&dir, move || {
        if let Some(state) = handle.try_state::<AppState>() {
            if let Ok(ids) = state.reload() {
                if !ids.is_empty() {
                    let _ = handle.emit(LIBRARY_CHANGED, LibraryChanged { ids });
                }
            }
        }
    });
    let mut slot = state
        .watch
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *slot = watch.ok();
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
}
