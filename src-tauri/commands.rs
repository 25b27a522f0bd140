//! The app's commands: each takes state, calls the core and maps the error. Every command is
//! listed in `build.rs` and granted in `capabilities/main.json`.

use rolecraft_core::model::Role;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError};
use crate::state::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// The library as the UI shows it.
#[derive(Debug, Serialize, TS)]
pub struct LibraryView {
    pub roles: Vec<Role>,
    /// Set when the user's folder could not be read (the bundled roles are still listed).
    pub problem: Option<String>,
}

fn poisoned<T>(_: T) -> IpcError {
    IpcError::new(ErrorKind::Internal, "the library lock is poisoned")
}

#[tauri::command]
pub fn list_roles(state: State<'_, AppState>) -> Result<LibraryView> {
    let library = state.library.read().map_err(poisoned)?;
    Ok(LibraryView {
        roles: library.roles().to_vec(),
        problem: state.library_problem.clone(),
    })
}

#[tauri::command]
pub fn get_role(state: State<'_, AppState>, id: String) -> Result<Role> {
    let library = state.library.read().map_err(poisoned)?;
    Ok(library.get(&id)?.clone())
}

#[tauri::command]
pub fn startup_route(state: State<'_, AppState>) -> Option<String> {
    state.startup_route.clone()
}
