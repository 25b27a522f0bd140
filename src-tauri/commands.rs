//! The app's commands: each takes state, calls the core and maps the error. Every command is
//! listed in `build.rs` and granted in `capabilities/main.json`.

use std::borrow::Cow;

use rolecraft_core::authoring::role_file;
use rolecraft_core::compare::{self, MultiComparison};
use rolecraft_core::history::{split_spec, version_at};
use rolecraft_core::library::Library;
use rolecraft_core::model::Role;
use rolecraft_core::render::OutputFormat;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError};
use crate::save;
use crate::state::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// The library as the UI shows it.
#[derive(Debug, Serialize, TS)]
pub struct LibraryView {
    pub roles: Vec<Role>,
    /// Set when the user's folder could not be read (the bundled roles are still listed).
    pub problem: Option<String>,
}

#[tauri::command]
pub fn list_roles(state: State<'_, AppState>) -> Result<LibraryView> {
    let library = state.library.read()?;
    let problem = state.library_problem.read()?.clone();
    Ok(LibraryView {
        roles: library.roles().to_vec(),
        problem,
    })
}

#[tauri::command]
pub fn get_role(state: State<'_, AppState>, id: String) -> Result<Role> {
    let library = state.library.read()?;
    Ok(library.get(&id)?.clone())
}

#[tauri::command]
pub fn startup_route(state: State<'_, AppState>) -> Option<String> {
    state.startup_route.clone()
}

/// The roles `ids` names: library ids, or `ID@REV` for a version from the library folder's git
/// history (`cto@HEAD~2`).
fn roles_of<'a>(
    state: &AppState,
    library: &'a Library,
    ids: &[String],
) -> Result<Vec<Cow<'a, Role>>> {
    ids.iter()
        .map(|spec| match split_spec(spec) {
            (id, Some(rev)) => {
                let dir = state.library_dir().ok_or_else(|| {
                    IpcError::new(ErrorKind::NotInGit, "no library folder: no history")
                })?;
                let file = role_file(&dir, id).ok_or_else(|| {
                    IpcError::new(
                        ErrorKind::NotInGit,
                        format!(
                            "\"{id}\" is not a file in {}: it has no history",
                            dir.display()
                        ),
                    )
                })?;
                Ok(Cow::Owned(version_at(&file, rev)?))
            }
            (_, None) => Ok(Cow::Borrowed(library.get(spec)?)),
        })
        .collect()
}

/// Two to six roles side by side, rows aligned, each role against its left neighbour. An id
/// may be `ID@REV`: that role as a git revision held it.
#[tauri::command]
pub fn compare_roles(state: State<'_, AppState>, ids: Vec<String>) -> Result<MultiComparison> {
    let library = state.library.read()?;
    let roles = roles_of(&state, &library, &ids)?;
    let refs: Vec<&Role> = roles.iter().map(|r| r.as_ref()).collect();
    Ok(compare::compare_many(&refs)?)
}

/// Exports the comparison (the CLI's Markdown or HTML) through the save dialog. Returns the
/// path written, or null when the user cancelled.
#[tauri::command]
pub async fn export_comparison<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Vec<String>,
    format: OutputFormat,
) -> Result<Option<String>> {
    let (text, name) = {
        let library = state.library.read()?;
        let owned = roles_of(&state, &library, &ids)?;
        let roles: Vec<&Role> = owned.iter().map(|r| r.as_ref()).collect();
        let report = compare::compare_roles(&roles)?;
        let text = match format {
            OutputFormat::Markdown => report.to_markdown(),
            OutputFormat::Html => report.to_html(),
        };
        let title = roles
            .iter()
            .map(|r| r.title.as_str())
            .collect::<Vec<_>>()
            .join(" vs ");
        (text, save::file_name(&title, format))
    };
    save::save_with_dialog(&app, &name, format, text.as_bytes())
}
