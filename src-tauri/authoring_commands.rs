//! Authoring in the app: thin commands over `rolecraft_core::authoring` and `history`.
//!
//! The page edits a role by sending typed edits and the hash of the version it shows
//! (`role_version` gives both). The shell keeps the versions it handed out (`AuthoringState`),
//! so a conflict can be computed and resolved in Rust: the page never sends a whole role to be
//! written. Undo and redo are the page's two stacks of edits (each `edit_role` returns `undo`).
//!
//! Choosing the library folder (`choose_library_folder`) uses the native folder dialog from
//! Rust; `ROLECRAFT_LIBRARY_CHOICE` stands in for it in debug builds (tests).

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Mutex;

use rolecraft_core::authoring::{
    self, current, edit_and_save, now, role_file, save_if_unchanged, Deleted, EditOutcome,
    RoleEdit, Versioned,
};
use rolecraft_core::history::{history, version_at, RoleHistory};
use rolecraft_core::library::bundled_roles;
use rolecraft_core::model::Role;
use tauri::{AppHandle, Emitter, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ErrorKind, IpcError};
use crate::settings::Settings;
use crate::state::{watch_library, AppState};
use crate::watch::{LibraryChanged, LIBRARY_CHANGED};

type Result<T> = std::result::Result<T, IpcError>;

/// How many versions the shell remembers (the bases of the page's pending edits).
const REMEMBERED: usize = 64;

#[derive(Default)]
pub struct AuthoringState {
    /// Versions handed to the page, newest last.
    versions: Mutex<VecDeque<Versioned>>,
    /// Roles deleted since the app started, newest last, for `restore_role`.
    deleted: Mutex<Vec<Deleted>>,
}

impl AuthoringState {
    fn remember(&self, version: &Versioned) {
        let mut versions = self
            .versions
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        versions.retain(|v| v.hash != version.hash);
        versions.push_back(version.clone());
        while versions.len() > REMEMBERED {
            versions.pop_front();
        }
    }

    fn version(&self, id: &str, hash: &str) -> Option<Role> {
        let versions = self.versions.lock().ok()?;
        versions
            .iter()
            .rev()
            .find(|v| v.hash == hash && v.role.id == id)
            .map(|v| v.role.clone())
    }
}

fn library_dir(state: &AppState) -> Result<PathBuf> {
    state.library_dir().ok_or_else(|| {
        IpcError::new(
            ErrorKind::Io,
            "no data folder: set ROLECRAFT_DATA_DIR or HOME",
        )
    })
}

fn bundled(id: &str) -> Option<Role> {
    bundled_roles().ok()?.into_iter().find(|r| r.id == id)
}

/// The library after the app wrote the files of roles `ids`: those files read again, not the
/// whole folder.
fn reread(state: &AppState, ids: &[&str]) -> Result<()> {
    state
        .reread_roles(ids)
        .map(|_| ())
        .map_err(|e| IpcError::new(ErrorKind::Internal, e))
}

fn role_path(state: &AppState, id: &str) -> Result<PathBuf> {
    let dir = library_dir(state)?;
    role_file(&dir, id).ok_or_else(|| {
        IpcError::new(
            ErrorKind::NotInGit,
            format!(
                "\"{id}\" is bundled with Rolecraft, not a file in {}: it has no history",
                dir.display()
            ),
        )
    })
}

/// A role as the library folder holds it now (else the bundled role), with the hash its edits
/// are based on.
#[tauri::command]
pub fn role_version(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    id: String,
) -> Result<Versioned> {
    let dir = library_dir(&state)?;
    let version = current(&dir, &id, bundled(&id).as_ref())?.ok_or_else(|| {
        IpcError::new(
            ErrorKind::NotFound,
            format!("no role \"{id}\" in the library"),
        )
    })?;
    authoring.remember(&version);
    Ok(version)
}

/// Applies `edits` to the version `base_hash` of role `id` and saves it (atomically, into the
/// library folder; a bundled role becomes the user's copy). When the file changed on disk since
/// `base_hash`, nothing is written and the outcome is a conflict with both versions.
#[tauri::command]
pub fn edit_role(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    id: String,
    edits: Vec<RoleEdit>,
    base_hash: String,
) -> Result<EditOutcome> {
    let dir = library_dir(&state)?;
    let fallback = bundled(&id);
    let on_disk = current(&dir, &id, fallback.as_ref())?;
    let base = match on_disk {
        Some(v) if v.hash == base_hash => v.role,
        _ => authoring.version(&id, &base_hash).ok_or_else(|| {
            IpcError::new(
                ErrorKind::NotFound,
                format!("this version of \"{id}\" is no longer held: open the role again"),
            )
        })?,
    };
    let outcome = edit_and_save(&dir, &base, &base_hash, &edits, &now(), fallback.as_ref())?;
    remember_outcome(&state, &authoring, &outcome)?;
    Ok(outcome)
}

/// Resolves a conflict by keeping the version `hash` (the `mine` of the conflict) over the one
/// on disk now (`over_hash`, the conflict's `theirs`). Keeping theirs needs no command.
#[tauri::command]
pub fn keep_role_version(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    id: String,
    hash: String,
    over_hash: String,
) -> Result<EditOutcome> {
    let dir = library_dir(&state)?;
    let mine = authoring.version(&id, &hash).ok_or_else(|| {
        IpcError::new(
            ErrorKind::NotFound,
            format!("this version of \"{id}\" is no longer held"),
        )
    })?;
    let outcome = match save_if_unchanged(&dir, mine, &over_hash, bundled(&id).as_ref())? {
        Ok(saved) => EditOutcome::Saved {
            role: saved.role,
            hash: saved.hash,
            undo: Vec::new(),
        },
        Err(conflict) => EditOutcome::Conflict {
            conflict: Box::new(conflict),
            undo: Vec::new(),
        },
    };
    remember_outcome(&state, &authoring, &outcome)?;
    Ok(outcome)
}

fn remember_outcome(
    state: &AppState,
    authoring: &AuthoringState,
    outcome: &EditOutcome,
) -> Result<()> {
    match outcome {
        EditOutcome::Saved { role, hash, .. } => {
            authoring.remember(&Versioned {
                role: role.clone(),
                hash: hash.clone(),
            });
            reread(state, &[&role.id])
        }
        EditOutcome::Conflict { conflict, .. } => {
            authoring.remember(&conflict.mine);
            if let Some(theirs) = &conflict.theirs {
                authoring.remember(theirs);
            }
            Ok(())
        }
    }
}

/// A new role in the library folder: empty, or a copy of role `from` ("new level from this
/// one"). Its id is the title's slug and must be new.
#[tauri::command]
pub fn new_role(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    title: String,
    from: Option<String>,
) -> Result<Versioned> {
    let dir = library_dir(&state)?;
    let saved = {
        let library = state.library().read()?;
        let role = match &from {
            None => authoring::new_role(&title),
            Some(id) => authoring::new_role_from(library.get(id)?.as_ref(), &title),
        }
        .map_err(|e| IpcError::new(ErrorKind::BadInput, e.to_string()))?;
        authoring::create(&dir, role, &library)?
    };
    authoring.remember(&saved);
    reread(&state, &[&saved.role.id])?;
    Ok(saved)
}

/// Deletes role `id`'s file (if it is still the version `base_hash`); `restore_role` undoes it.
#[tauri::command]
pub fn delete_role(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    id: String,
    base_hash: String,
) -> Result<Deleted> {
    let dir = library_dir(&state)?;
    let deleted = authoring::delete(&dir, &id, &base_hash)?;
    authoring.deleted.lock()?.push(deleted.clone());
    reread(&state, &[&id])?;
    Ok(deleted)
}

/// Puts the role `id` deleted last back, byte for byte.
#[tauri::command]
pub fn restore_role(
    state: State<'_, AppState>,
    authoring: State<'_, AuthoringState>,
    id: String,
) -> Result<Versioned> {
    let dir = library_dir(&state)?;
    let deleted = {
        let mut all = authoring.deleted.lock()?;
        let index = all.iter().rposition(|d| d.id == id).ok_or_else(|| {
            IpcError::new(
                ErrorKind::NotFound,
                format!("no deleted role \"{id}\" to restore"),
            )
        })?;
        all.remove(index)
    };
    match authoring::restore(&dir, &deleted) {
        Ok(version) => {
            authoring.remember(&version);
            // Where `restore` put it: the file name it had, else `ID.json`.
            state
                .reread(&[dir.join(&deleted.file), dir.join(format!("{id}.json"))])
                .map_err(|e| IpcError::new(ErrorKind::Internal, e))?;
            Ok(version)
        }
        Err(e) => {
            authoring.deleted.lock()?.push(deleted);
            Err(e.into())
        }
    }
}

/// The commits that changed role `id`'s file, newest first; error kind `not_in_git` when the
/// library folder is not in a git repository (or the role is bundled).
#[tauri::command]
pub async fn role_history(state: State<'_, AppState>, id: String) -> Result<RoleHistory> {
    let file = role_path(&state, &id)?;
    tauri::async_runtime::spawn_blocking(move || history(&file))
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, e.to_string()))?
        .map_err(IpcError::from)
}

/// Role `id` as git revision `rev` held it (id `ID@REV`, title `TITLE (REV)`). Compare takes
/// the same `ID@REV` ids (`compare_roles(["cto@HEAD~2", "cto"])`).
#[tauri::command]
pub fn role_at_revision(state: State<'_, AppState>, id: String, rev: String) -> Result<Role> {
    Ok(version_at(&role_path(&state, &id)?, &rev)?)
}

/// The library folder user roles are read from and saved to.
#[tauri::command]
pub fn library_folder(state: State<'_, AppState>) -> Option<String> {
    state.library_dir().map(|d| d.display().to_string())
}

/// Lets the user choose the library folder (a team's checked-out repository, say) in the native
/// folder dialog; remembered in settings.json, watched from now on. Null when cancelled.
#[tauri::command]
pub async fn choose_library_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Option<String>> {
    let Some(dir) = pick_folder(&app)? else {
        return Ok(None);
    };
    if !dir.is_dir() {
        return Err(IpcError::new(
            ErrorKind::BadInput,
            format!("{}: not a folder", dir.display()),
        ));
    }
    Settings {
        library_dir: Some(dir.clone()),
    }
    .save()
    .map_err(|e| IpcError::new(ErrorKind::Io, e))?;
    let ids = state
        .reload_from(Some(dir.clone()))
        .map_err(|e| IpcError::new(ErrorKind::Internal, e))?;
    watch_library(&app);
    if !ids.is_empty() {
        let _ = app.emit(LIBRARY_CHANGED, LibraryChanged { ids });
    }
    Ok(Some(dir.display().to_string()))
}

fn pick_folder<R: Runtime>(app: &AppHandle<R>) -> Result<Option<PathBuf>> {
    // Debug builds only: a release build always asks through the dialog.
    if let Some(dir) = std::env::var_os("ROLECRAFT_LIBRARY_CHOICE")
        .filter(|v| cfg!(debug_assertions) && !v.is_empty())
    {
        return Ok(Some(PathBuf::from(dir)));
    }
    // Blocking is fine: async commands run off the main thread.
    let picked = app
        .dialog()
        .file()
        .set_title("Choose the library folder")
        .blocking_pick_folder();
    picked
        .map(|p| {
            p.into_path()
                .map_err(|e| IpcError::new(ErrorKind::BadInput, format!("not a local folder: {e}")))
        })
        .transpose()
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    use serde_json::{json, Value};
    use tauri::{Listener, Manager};
    use ts_rs::TS;

    use super::*;
    use crate::tests::invoke_on as invoke;

    /// Edit, undo, redo, a conflict with a change made on disk, keeping mine, delete and
    /// restore: all through IPC, on a role created for the test (the data folder is shared).
    #[test]
    fn a_role_is_created_edited_undone_redone_conflicted_deleted_and_restored() {
        let (_app, w) = crate::tests::app();
        let dir = crate::tests::data_dir().join("roles");
        let created = invoke(
            &w,
            "new_role",
            json!({ "title": "Authoring Test Director", "from": "director-of-engineering" }),
        )
        .expect("new_role is allowed");
        let id = "authoring-test-director";
        assert_eq!(created["role"]["id"], id);
        let file = dir.join(format!("{id}.json"));
        assert!(file.is_file());
        let listed = invoke(&w, "get_role", json!({ "id": id })).unwrap();
        assert_eq!(listed["title"], "Authoring Test Director");

        let version = invoke(&w, "role_version", json!({ "id": id })).unwrap();
        assert_eq!(version["hash"], created["hash"]);
        let edits = json!([
            { "op": "edit_item", "section": 4, "index": 1, "text": "Strategic thinking." },
            { "op": "add_item", "section": 4, "index": 2, "text": "Writes things down." },
            { "op": "move_item", "from": { "section": 4, "index": 2 }, "to": { "section": 2, "index": 0 } }
        ]);
        let before = version["role"]["sections"][4]["items"][1]["text"].clone();
        assert_eq!(before, "Stretegic thinking.");
        let saved = invoke(
            &w,
            "edit_role",
            json!({ "id": id, "edits": edits, "baseHash": version["hash"] }),
        )
        .unwrap();
        assert_eq!(saved["outcome"], "saved", "{saved}");
        let item = &saved["role"]["sections"][4]["items"][1];
        assert_eq!(item["text"], "Strategic thinking.");
        assert_eq!(item["origin"]["kind"], "edited");
        assert_eq!(item["origin"]["imported_text"], "Stretegic thinking.");
        assert_eq!(
            saved["role"]["sections"][2]["items"][0]["origin"]["kind"],
            "authored"
        );
        // The library serves the edit, and the file holds it.
        let served = invoke(&w, "get_role", json!({ "id": id })).unwrap();
        assert_eq!(served, saved["role"]);
        let on_disk: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(on_disk, saved["role"]);

        // Undo is an edit; its own undo is the redo.
        let undone = invoke(
            &w,
            "edit_role",
            json!({ "id": id, "edits": saved["undo"], "baseHash": saved["hash"] }),
        )
        .unwrap();
        assert_eq!(undone["role"], version["role"]);
        let redone = invoke(
            &w,
            "edit_role",
            json!({ "id": id, "edits": undone["undo"], "baseHash": undone["hash"] }),
        )
        .unwrap();
        assert_eq!(redone["role"], saved["role"]);

        // Someone changes the file while the page still shows `redone`.
        let mut theirs = redone["role"].clone();
        theirs["title"] = json!("Changed outside");
        std::fs::write(&file, serde_json::to_string(&theirs).unwrap()).unwrap();
        let conflict = invoke(
            &w,
            "edit_role",
            json!({ "id": id, "edits": [{ "op": "set_level", "level": 6 }], "baseHash": redone["hash"] }),
        )
        .unwrap();
        assert_eq!(conflict["outcome"], "conflict", "{conflict}");
        assert_eq!(conflict["conflict"]["mine"]["role"]["level"], 6);
        assert_eq!(
            conflict["conflict"]["theirs"]["role"]["title"],
            "Changed outside"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            serde_json::to_string(&theirs).unwrap(),
            "never overwritten silently"
        );
        // Keep mine over theirs.
        let kept = invoke(
            &w,
            "keep_role_version",
            json!({
                "id": id,
                "hash": conflict["conflict"]["mine"]["hash"],
                "overHash": conflict["conflict"]["theirs"]["hash"],
            }),
        )
        .unwrap();
        assert_eq!(kept["outcome"], "saved");
        assert_eq!(kept["role"]["level"], 6);
        assert_eq!(kept["role"]["title"], "Authoring Test Director");

        // Edits that do not fit are refused, naming the problem.
        let err = invoke(
            &w,
            "edit_role",
            json!({ "id": id, "edits": [{ "op": "remove_section", "section": 99 }], "baseHash": kept["hash"] }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "bad_input", "{err}");
        assert!(err["message"].as_str().unwrap().contains("no section 99"));

        // History: the shared data folder is not in git.
        let err = invoke(&w, "role_history", json!({ "id": id })).unwrap_err();
        assert_eq!(err["kind"], "not_in_git", "{err}");
        let err = invoke(&w, "role_history", json!({ "id": "cto" })).unwrap_err();
        assert_eq!(err["kind"], "not_in_git", "{err}");
        let err = invoke(
            &w,
            "compare_roles",
            json!({ "ids": [format!("{id}@HEAD~1"), id] }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "not_in_git", "{err}");

        // Delete, then restore byte for byte.
        let text = std::fs::read_to_string(&file).unwrap();
        let err = invoke(
            &w,
            "delete_role",
            json!({ "id": id, "baseHash": "sha256:old" }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "changed", "{err}");
        let deleted = invoke(
            &w,
            "delete_role",
            json!({ "id": id, "baseHash": kept["hash"] }),
        )
        .unwrap();
        assert_eq!(deleted["json"], text);
        assert!(!file.exists());
        assert_eq!(
            invoke(&w, "get_role", json!({ "id": id })).unwrap_err()["kind"],
            "not_found"
        );
        let restored = invoke(&w, "restore_role", json!({ "id": id })).unwrap();
        assert_eq!(restored["hash"], kept["hash"]);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
        assert!(invoke(&w, "get_role", json!({ "id": id })).is_ok());

        let err = invoke(&w, "new_role", json!({ "title": "CTO" })).unwrap_err();
        assert_eq!(err["kind"], "bad_input", "{err}");
        std::fs::remove_file(&file).unwrap();
    }

    /// A role file written into the library folder from outside reaches the page as
    /// `library-changed` with its id, and the library serves it.
    #[test]
    fn a_role_changed_on_disk_is_announced_with_its_id() {
        let (app, w) = crate::tests::app();
        // The real app starts the watch in its setup hook, which the mock runtime never runs.
        watch_library(app.handle());
        assert!(app.state::<AppState>().watch.lock().unwrap().is_some());
        let (tx, rx) = mpsc::channel::<String>();
        app.listen(LIBRARY_CHANGED, move |event| {
            let _ = tx.send(event.payload().to_string());
        });
        let dir = crate::tests::data_dir().join("roles");
        std::fs::create_dir_all(&dir).unwrap();
        let mut role = bundled("cto").unwrap();
        role.id = "watched-role".into();
        role.title = "Watched Role".into();
        let file = dir.join("watched-role.json");
        std::fs::write(&file, rolecraft_core::library::role_json(&role)).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(3);
        let mut seen = false;
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(payload) => {
                    let event: Value = serde_json::from_str(&payload).unwrap();
                    if event["ids"]
                        .as_array()
                        .unwrap()
                        .contains(&json!("watched-role"))
                    {
                        seen = true;
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        assert!(seen, "no library-changed event for watched-role");
        let served = invoke(&w, "get_role", json!({ "id": "watched-role" })).unwrap();
        assert_eq!(served["title"], "Watched Role");
        std::fs::remove_file(&file).unwrap();
        assert!(app.state::<AppState>().library_dir().is_some());
    }

    /// The folder chosen in the app is remembered in settings.json. (The test chooses the
    /// default folder, so other tests sharing the data folder see no difference.)
    #[test]
    fn the_chosen_library_folder_is_remembered() {
        let (_app, w) = crate::tests::app();
        let dir = crate::tests::data_dir().join("roles");
        std::fs::create_dir_all(&dir).unwrap();
        std::env::set_var("ROLECRAFT_LIBRARY_CHOICE", &dir);
        let chosen = invoke(&w, "choose_library_folder", json!({})).unwrap();
        std::env::remove_var("ROLECRAFT_LIBRARY_CHOICE");
        assert_eq!(chosen, json!(dir.display().to_string()));
        assert_eq!(Settings::load().library_dir, Some(dir.clone()));
        let shown = invoke(&w, "library_folder", json!({})).unwrap();
        assert_eq!(shown, json!(dir.display().to_string()));
    }

    /// The authoring types the UI receives match `ui/src/lib/bindings/`
    /// (`UPDATE_BINDINGS=1 cargo test -p rolecraft-app authoring_bindings` rewrites them).
    #[test]
    fn authoring_bindings_match_the_committed_files() {
        let cfg = ts_rs::Config::new();
        let exports = [("LibraryChanged", LibraryChanged::export_to_string(&cfg))];
        crate::tests::check_bindings(exports, "authoring_bindings");
    }
}
