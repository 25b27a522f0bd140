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
use rolecraft_core::model::Role;
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

/// Ids whose role differs between two versions of the library (sorted). By id through hash
/// maps, so a library of thousands of roles compares in linear time.
pub fn changed_ids(before: &[Role], after: &[Role]) -> Vec<String> {
    use std::collections::HashMap;
    let old: HashMap<&str, &Role> = before.iter().map(|r| (r.id.as_str(), r)).collect();
    let new: HashMap<&str, &Role> = after.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut ids: Vec<String> = old
        .iter()
        .filter(|(id, role)| new.get(*id) != Some(*role))
        .map(|(id, _)| id.to_string())
        .chain(
            new.keys()
                .filter(|id| !old.contains_key(*id))
                .map(|id| id.to_string()),
        )
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Watches the app's library folder: on a change, reloads the library and emits
/// `library-changed` with the ids that changed. Replaces any earlier watch.
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
    use rolecraft_core::library::bundled_roles;

    #[test]
    fn changed_ids_are_the_added_changed_and_removed_roles() {
        let before = bundled_roles().unwrap();
        let mut after = before.clone();
        after.retain(|r| r.id != "cto");
        after[0].title = "Changed".into();
        let first = after[0].id.clone();
        let mut new = after[1].clone();
        new.id = "new-role".into();
        after.push(new);
        let mut want = vec!["cto".to_string(), first, "new-role".to_string()];
        want.sort();
        assert_eq!(changed_ids(&before, &after), want);
        assert!(changed_ids(&before, &before).is_empty());
    }

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
