//! The app's commands: each takes state, calls the core and maps the error. Every command is
//! listed in `build.rs` and granted in `capabilities/main.json`.

use rolecraft_core::compare::{self, MultiComparison};
use rolecraft_core::library::Library;
use rolecraft_core::model::Role;
use rolecraft_core::render::OutputFormat;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::IpcError;
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
    Ok(LibraryView {
        roles: library.roles().to_vec(),
        problem: state.library_problem.clone(),
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

fn roles_of<'a>(library: &'a Library, ids: &[String]) -> Result<Vec<&'a Role>> {
    ids.iter()
        .map(|id| library.get(id).map_err(IpcError::from))
        .collect()
}

/// Two to six roles side by side, rows aligned, each role against its left neighbour.
#[tauri::command]
pub fn compare_roles(state: State<'_, AppState>, ids: Vec<String>) -> Result<MultiComparison> {
    let library = state.library.read()?;
    Ok(compare::compare_many(&roles_of(&library, &ids)?)?)
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
        let roles = roles_of(&library, &ids)?;
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
