//! Import in the app: choose documents (file dialog, folder dialog or drag and drop), plan the
//! import in the core on a blocking thread with progress, review it, apply the user's decisions.
//!
//! The plan stays in Rust (`ImportState`) under an id; the webview only sends back that id and
//! the decisions, so what gets written is what the core planned, never data the page made up.
//! One plan is pending at a time: planning again or cancelling drops the previous one.
//!
//! `ROLECRAFT_IMPORT_FILES` (paths joined like `PATH`), when set, stands in for the open dialog:
//! the end-to-end tests use it, since WebDriver cannot drive a native dialog.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rolecraft_core::import::{import_many, FileError, SourceText};
use rolecraft_core::library::{
    bundled_roles, library_file, lock, save_roles, save_sources, set_aside, DirState, Library,
    LibrarySources, SaveMode,
};
use rolecraft_core::model::Role;
use rolecraft_core::review::{plan_import_until, Decisions, ImportPlan};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, DragDropEvent, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// The pending plan, and a counter that every new plan and every cancel moves on, so a
/// planning run that was cancelled (or overtaken) knows to throw its result away.
///
/// It also holds the paths the user handed over: chosen in the open dialog or dropped onto the
/// window. `plan_import` reads only those, so the page (should anything ever run in it that
/// should not) cannot make the shell read an arbitrary file and show it back as a role.
#[derive(Default)]
pub struct ImportState {
    generation: Arc<AtomicU32>,
    /// The plan, and the texts of the documents it was made from (kept in the library on apply).
    pending: Mutex<Option<(u32, ImportPlan, Vec<SourceText>)>>,
    handed_over: Mutex<HashSet<PathBuf>>,
}

impl ImportState {
    /// Lets `plan_import` read `paths` (files or folders) from now on: called with what the open
    /// dialog returned and with the paths dropped onto the window.
    pub fn allow(&self, paths: &[PathBuf]) {
        let mut handed_over = self
            .handed_over
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        handed_over.extend(paths.iter().cloned());
    }

    /// Refuses the first path the user did not hand over (before anything is read).
    fn check_handed_over(&self, paths: &[PathBuf]) -> Result<()> {
        let handed_over = self.handed_over.lock()?;
        match paths.iter().find(|p| !handed_over.contains(*p)) {
            None => Ok(()),
            Some(p) => Err(IpcError::new(
                ErrorKind::BadInput,
                format!(
                    "{}: only files chosen in the open dialog or dropped onto the window can be imported",
                    p.display()
                ),
            )),
        }
    }
}

/// How far planning has come: `done` of `total` files read.
#[derive(Debug, Clone, Copy, Serialize, TS)]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// What the review screen shows.
#[derive(Debug, Serialize, TS)]
pub struct ImportReview {
    /// Pass it back to `apply_import`.
    pub id: u32,
    /// Files read (folders expanded).
    pub files: u32,
    pub plan: ImportPlan,
    /// Files that could not be imported (the others still are).
    pub errors: Vec<FileError>,
    /// Where the roles will be saved.
    pub library_dir: Option<String>,
}

/// What an import wrote.
#[derive(Debug, Serialize, TS)]
pub struct ImportResult {
    /// Ids of the roles saved, in plan order.
    pub saved: Vec<String>,
    pub library_dir: String,
}

/// The library folder: the one chosen in the app (settings.json), else `<app data>/roles`.
fn user_library_dir() -> Option<std::path::PathBuf> {
    crate::settings::Settings::load().library_dir()
}

fn no_data_dir() -> IpcError {
    IpcError::new(
        ErrorKind::Io,
        "no data folder: set ROLECRAFT_DATA_DIR or HOME",
    )
}

/// The library an import is planned and applied against, read from disk now: the bundled
/// roles with the user's folder over them. A broken file in the user's folder stops the import
/// with its name (nothing falls back to the bundled roles, which would then overwrite files):
/// the user fixes it or sets it aside (`set_aside_role_file`).
fn library_now() -> Result<(Vec<Role>, DirState)> {
    let dir = user_library_dir().ok_or_else(no_data_dir)?;
    let (user, files) = DirState::read_or_empty(&dir).map_err(|e| {
        IpcError::new(
            ErrorKind::BadInput,
            format!("{e} — imports wait until this file is fixed or set aside"),
        )
    })?;
    let mut roles = bundled_roles()?;
    for role in user {
        match roles.iter_mut().find(|r| r.id == role.id) {
            Some(existing) => *existing = role,
            None => roles.push(role),
        }
    }
    Ok((roles, files))
}

/// Renames a broken role file of the user's library to `NAME.json.broken-<time>` (inside the
/// library) so imports can go on; reloads the library. Returns the new path.
#[tauri::command]
pub fn set_aside_role_file(state: State<'_, AppState>, name: String) -> Result<String> {
    let dir = user_library_dir().ok_or_else(no_data_dir)?;
    let held = lock(&dir)?;
    let moved = set_aside(&held, &dir, &name)?;
    drop(held);
    // The library and its problem line as they are now (another broken file stays named).
    let _ = state.reload();
    Ok(moved.display().to_string())
}

/// Shows a file of the user's library (a broken role file, or the copy it was set aside as) in
/// the system's file manager. Only the plain name of such a file in the library is accepted.
#[tauri::command]
pub async fn reveal_library_file(name: String) -> Result<()> {
    let dir = user_library_dir().ok_or_else(no_data_dir)?;
    let path = library_file(&dir, &name)?;
    // Revealing talks to the file manager over D-Bus (Linux): it may block.
    tauri::async_runtime::spawn_blocking(move || {
        tauri_plugin_opener::reveal_item_in_dir(&path).map_err(|e| {
            IpcError::new(
                ErrorKind::Io,
                format!(
                    "{}: could not show it in the file manager: {e}",
                    path.display()
                ),
            )
        })
    })
    .await
    .map_err(|e| IpcError::new(ErrorKind::Internal, format!("reveal stopped: {e}")))?
}

/// Opens the native dialog for several files (or folders). Null when the user closed it.
/// The paths chosen are handed over: `plan_import` may read them.
#[tauri::command]
pub async fn choose_import_files<R: Runtime>(
    app: AppHandle<R>,
    imports: State<'_, ImportState>,
    folders: bool,
) -> Result<Option<Vec<String>>> {
    let Some(paths) = pick(&app, folders)? else {
        return Ok(None);
    };
    imports.allow(&paths);
    Ok(Some(
        paths.iter().map(|p| p.display().to_string()).collect(),
    ))
}

fn pick<R: Runtime>(app: &AppHandle<R>, folders: bool) -> Result<Option<Vec<PathBuf>>> {
    // Debug builds only: a release build always asks through the dialog.
    if let Some(list) = std::env::var_os("ROLECRAFT_IMPORT_FILES")
        .filter(|v| cfg!(debug_assertions) && !v.is_empty())
    {
        return Ok(Some(std::env::split_paths(&list).collect()));
    }
    // Blocking is fine: async commands run off the main thread.
    let dialog = app.dialog().file().set_title("Import role documents");
    let picked = if folders {
        dialog.blocking_pick_folders()
    } else {
        dialog.blocking_pick_files()
    };
    let Some(picked) = picked else {
        return Ok(None);
    };
    picked
        .into_iter()
        .map(|p| {
            p.into_path()
                .map_err(|e| IpcError::new(ErrorKind::BadInput, format!("not a local file: {e}")))
        })
        .collect::<Result<Vec<_>>>()
        .map(Some)
}

/// Hands over the paths dropped onto the window. Tauri calls the app's window and webview
/// event listeners right after it has emitted `tauri://drag-drop` to the page, in the same
/// main-thread callback, so they are recorded before the page's `plan_import` can arrive.
pub fn on_drop<R: Runtime>(app: &AppHandle<R>, event: &DragDropEvent) {
    if let DragDropEvent::Drop { paths, .. } = event {
        if let Some(imports) = app.try_state::<ImportState>() {
            imports.allow(paths);
        }
    }
}

/// Reads the documents (folders expanded) on a blocking thread, reporting progress on
/// `on_progress`, and plans their import against the library. Nothing is written.
#[tauri::command]
pub async fn plan_import(
    imports: State<'_, ImportState>,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReview> {
    if paths.is_empty() {
        return Err(IpcError::new(ErrorKind::BadInput, "no files to import"));
    }
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    imports.check_handed_over(&paths)?;
    let (existing, files_now) = library_now()?;
    let generation = imports.generation.clone();
    let id = generation.fetch_add(1, Ordering::SeqCst) + 1;
    let (files, plan, errors, sources) = tauri::async_runtime::spawn_blocking(move || {
        let mut last = Instant::now();
        let mut files = 0;
        let batch = import_many(&paths, |done, total| {
            files = total;
            // Not one message per file: at most ~25 a second, plus the first and the last.
            if done == 1 || done == total || last.elapsed() >= Duration::from_millis(40) {
                last = Instant::now();
                if generation.load(Ordering::SeqCst) == id {
                    let _ = on_progress.send(ImportProgress {
                        done: done as u32,
                        total: total as u32,
                    });
                }
            }
            // A cancelled run stops reading files.
            if generation.load(Ordering::SeqCst) == id {
                ControlFlow::Continue(())
            } else {
                ControlFlow::Break(())
            }
        });
        // A cancel also stops the merge and plan, not only the reading (None: cancelled).
        let cancelled = || generation.load(Ordering::SeqCst) != id;
        let planned = plan_import_until(&existing, batch.documents, &cancelled)
            .map(|p| p.with_files(&files_now));
        (files, planned, batch.errors, batch.sources)
    })
    .await
    .map_err(|e| IpcError::new(ErrorKind::Internal, format!("import stopped: {e}")))?;
    let mut pending = imports.pending.lock()?;
    let Some(plan) = plan.filter(|_| imports.generation.load(Ordering::SeqCst) == id) else {
        return Err(IpcError::new(
            ErrorKind::Cancelled,
            "the import was cancelled",
        ));
    };
    *pending = Some((id, plan.clone(), sources));
    Ok(ImportReview {
        id,
        files: files as u32,
        plan,
        errors,
        library_dir: user_library_dir().map(|d| d.display().to_string()),
    })
}

/// Applies the user's decisions to the pending plan `id`: the resolved roles are saved into the
/// user library (each atomically) and the library is reloaded.
#[tauri::command]
pub fn apply_import(
    state: State<'_, AppState>,
    imports: State<'_, ImportState>,
    id: u32,
    decisions: Decisions,
) -> Result<ImportResult> {
    let mut pending = imports.pending.lock()?;
    let (plan, sources) = match pending.as_ref() {
        Some((current, plan, sources)) if *current == id => (plan, sources),
        _ => {
            return Err(IpcError::new(
                ErrorKind::NotFound,
                "this import is no longer pending: choose the files again",
            ))
        }
    };
    let dir = user_library_dir().ok_or_else(no_data_dir)?;
    // One writer at a time (another window, the CLI); the files the plan was made against
    // must not have changed since (checked again by `save_roles`).
    let held = lock(&dir)?;
    let (now, _) = library_now()?;
    plan.check(&decisions, &now)
        .map_err(|e| IpcError::new(ErrorKind::BadInput, e.to_string()))?;
    let roles = plan.resolve(&decisions);
    // The roles, all or nothing; then the documents they came from (by hash, each atomically),
    // so a refused import leaves the folder as it was. A role whose source copy is missing
    // still opens; its source just cannot be shown.
    save_roles(
        &held,
        &dir,
        &roles,
        SaveMode::Overwrite,
        Some(&plan.file_hashes),
    )?;
    if !roles.is_empty() {
        save_sources(&dir, sources)?;
    }
    drop(held);
    *pending = None;
    let library = Library::open(&LibrarySources {
        only: None,
        user_dir: Some(dir.clone()),
    })?;
    *state.library().write()? = library;
    Ok(ImportResult {
        saved: roles.into_iter().map(|r| r.id).collect(),
        library_dir: dir.display().to_string(),
    })
}

/// Drops the pending plan and makes a planning run still going throw its result away.
#[tauri::command]
pub fn cancel_import(imports: State<'_, ImportState>) -> Result<()> {
    imports.generation.fetch_add(1, Ordering::SeqCst);
    *imports.pending.lock()? = None;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use serde_json::{json, Value};
    use tauri::WebviewWindow;
    use ts_rs::TS;

    use super::*;
    use crate::tests::{invoke_on as invoke, Mock};

    fn seeds() -> Vec<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
        ["000_8c1f8f3f73223611.txt", "001_a79071d1db045453.txt"]
            .iter()
            .map(|f| dir.join(f).display().to_string())
            .collect()
    }

    /// The shell's test app (see `crate::tests::app`) and its data folder.
    fn app() -> (tauri::App<Mock>, WebviewWindow<Mock>, PathBuf) {
        let (app, webview) = crate::tests::app();
        (app, webview, crate::tests::data_dir())
    }

    #[test]
    fn plans_the_seeds_applies_a_conflict_choice_and_refuses_a_stale_plan() {
        // It saves `cto` into the data folder the other tests read.
        crate::tests::change_the_shared_library();
        let (app, w, data) = app();
        let mut paths = seeds();
        paths.push(data.join("missing.md").display().to_string());
        // As if chosen in the open dialog.
        let chosen: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
        app.state::<ImportState>().allow(&chosen);
        let review = invoke(
            &w,
            "plan_import",
            json!({ "paths": paths, "onProgress": "__CHANNEL__:7" }),
        )
        .expect("plan_import is allowed");
        assert_eq!(review["files"], 3);
        assert_eq!(review["errors"].as_array().unwrap().len(), 1, "{review}");
        assert!(review["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("missing.md"));
        let roles = review["plan"]["roles"].as_array().unwrap();
        let cto = roles
            .iter()
            .find(|r| r["incoming"]["id"] == "cto")
            .expect("cto planned");
        let conflicts: Vec<&Value> = cto["source_conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .chain(cto["merge_conflicts"].as_array().unwrap())
            .collect();
        let index = conflicts
            .iter()
            .position(|c| {
                c["kept"]["text"].as_str().unwrap().contains("10+ years")
                    && c["other"]["text"].as_str().unwrap().contains("3+ years")
            })
            .expect("the checkpoint conflict");
        let other = conflicts[index]["other"]["text"]
            .as_str()
            .unwrap()
            .to_string();
        let id = review["id"].clone();

        // A plan id the shell does not hold is refused.
        let err = invoke(&w, "apply_import", json!({ "id": 999, "decisions": {} })).unwrap_err();
        assert_eq!(err["kind"], "not_found", "{err}");

        let decisions = json!({ "roles": {}, "take_other": { "cto": [index] } });
        let result = invoke(
            &w,
            "apply_import",
            json!({ "id": id, "decisions": decisions }),
        )
        .expect("applied");
        assert!(result["saved"].as_array().unwrap().contains(&json!("cto")));
        let saved: Value =
            serde_json::from_str(&std::fs::read_to_string(data.join("roles/cto.json")).unwrap())
                .unwrap();
        let texts: Vec<&str> = saved["sections"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|s| s["items"].as_array().unwrap())
            .map(|i| i["text"].as_str().unwrap())
            .collect();
        assert!(texts.contains(&other.as_str()), "cto.json lacks {other:?}");
        assert!(!texts.iter().any(|t| t.contains("equivalent for 10+ years")));
        // The conflict stays on the role, recorded the way the user decided it.
        let conflict = saved["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["section"] == "checkpoints")
            .expect("the checkpoint conflict is recorded");
        assert_eq!(conflict["kept"]["text"], json!(other));
        assert!(conflict["other"]["text"]
            .as_str()
            .unwrap()
            .contains("10+ years"));
        // A copy of each imported document is kept by hash.
        for hash in [
            "676171e433faa1211bd5617a9f9733102f7142441c4cec284842a5a13a01ea91",
            "018146f44869a69514013c3e2657586809bfde20dd315bf3684e05086e59fe45",
        ] {
            let copy = data.join(format!("roles/sources/sha256-{hash}.txt"));
            assert!(copy.is_file(), "{} missing", copy.display());
        }

        // The library now serves the saved role.
        let role = invoke(&w, "get_role", json!({ "id": "cto" })).unwrap();
        assert!(role.to_string().contains(&other));

        // Applied once: the plan is gone.
        let err = invoke(&w, "apply_import", json!({ "id": id, "decisions": {} })).unwrap_err();
        assert_eq!(err["kind"], "not_found", "{err}");

        // Cancel drops a pending plan.
        let review = invoke(
            &w,
            "plan_import",
            json!({ "paths": seeds(), "onProgress": "__CHANNEL__:8" }),
        )
        .unwrap();
        invoke(&w, "cancel_import", json!({})).unwrap();
        let err = invoke(
            &w,
            "apply_import",
            json!({ "id": review["id"], "decisions": {} }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "not_found", "{err}");

        let err = invoke(
            &w,
            "plan_import",
            json!({ "paths": [], "onProgress": "__CHANNEL__:9" }),
        )
        .unwrap_err();
        assert_eq!(err["kind"], "bad_input");

        // The test stand-in for the open dialog.
        std::env::set_var(
            "ROLECRAFT_IMPORT_FILES",
            std::env::join_paths(seeds()).unwrap(),
        );
        let chosen = invoke(&w, "choose_import_files", json!({ "folders": false })).unwrap();
        std::env::remove_var("ROLECRAFT_IMPORT_FILES");
        assert_eq!(chosen, json!(seeds()));

        // Leave the shared data folder's library as the other tests expect it: bundled only.
        for id in result["saved"].as_array().unwrap() {
            let _ = std::fs::remove_file(data.join(format!("roles/{}.json", id.as_str().unwrap())));
        }
    }

    /// The page cannot make the shell read a file the user did not hand over: a path that did
    /// not come from the open dialog or a drop onto the window is refused before anything is
    /// read; once dropped, the same path plans.
    #[test]
    fn plan_import_reads_only_paths_chosen_in_the_dialog_or_dropped() {
        let (app, w, _) = app();
        let secret =
            std::env::temp_dir().join(format!("rolecraft-not-chosen-{}.md", std::process::id()));
        std::fs::write(
            &secret,
            "# Secret\n\n## Responsibilities\n\n- a private line\n",
        )
        .unwrap();
        let path = secret.display().to_string();
        let plan = |channel: &str| {
            invoke(
                &w,
                "plan_import",
                json!({ "paths": [&path], "onProgress": channel }),
            )
        };
        let err = plan("__CHANNEL__:20").unwrap_err();
        assert_eq!(err["kind"], "bad_input", "{err}");
        assert!(!err.to_string().contains("private line"), "{err}");

        app.state::<ImportState>()
            .allow(std::slice::from_ref(&secret));
        let review = plan("__CHANNEL__:21").expect("a dropped file plans");
        assert_eq!(review["files"], 1, "{review}");
        invoke(&w, "cancel_import", json!({})).unwrap();
        let _ = std::fs::remove_file(&secret);
    }

    /// The import types the UI receives match `ui/src/lib/bindings/`
    /// (`UPDATE_BINDINGS=1 cargo test -p rolecraft-app import_bindings` rewrites them).
    #[test]
    fn import_bindings_match_the_committed_files() {
        let cfg = ts_rs::Config::new();
        let exports = [
            ("ImportProgress", ImportProgress::export_to_string(&cfg)),
            ("ImportReview", ImportReview::export_to_string(&cfg)),
            ("ImportResult", ImportResult::export_to_string(&cfg)),
        ];
        crate::tests::check_bindings(exports, "import_bindings");
    }
}
