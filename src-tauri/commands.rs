//! The app's commands: each takes state, calls the core and maps the error. Every command is
//! listed in `build.rs` and granted in `capabilities/main.json`.

use std::collections::BTreeMap;
use std::sync::Arc;

use rolecraft_core::authoring::role_file;
use rolecraft_core::compare::{self, CompareOptions, MultiComparison};
use rolecraft_core::history::{split_spec, version_at};
use rolecraft_core::library::{self, Library, RoleOrigin, RoleSummary, SourceContext};
use rolecraft_core::model::Role;
use rolecraft_core::render::OutputFormat;
use rolecraft_core::search::{SearchOptions, SearchResults};
use rolecraft_core::section_notes::{self, SectionNote};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use ts_rs::TS;

use crate::error::{ErrorKind, IpcError};
use crate::save;
use crate::state::{off_main, AppState};

type Result<T> = std::result::Result<T, IpcError>;

/// The library as the UI lists it: summaries only (a role's body comes from `get_role`), so a
/// library of thousands of roles opens at once.
#[derive(Debug, Serialize, TS)]
pub struct LibraryView {
    pub roles: Vec<RoleSummary>,
    /// Set when the user's folder could not be read (the bundled roles are still listed).
    pub problem: Option<String>,
    /// Role id → `bundled` (shipped with Rolecraft) or `user` (the user's own; it replaces a
    /// bundled role of the same id).
    pub origins: BTreeMap<String, RoleOrigin>,
}

/// Off the main thread: at start it waits for the library's first read (see `AppState::open`)
/// while the window already shows.
#[tauri::command]
pub async fn list_roles<R: Runtime>(app: AppHandle<R>) -> Result<LibraryView> {
    off_main(&app, "listing the library", |state| {
        let library = state.library().read()?;
        let problem = state.library_problem.read()?.clone();
        Ok(LibraryView {
            roles: library.summaries().cloned().collect(),
            problem,
            origins: library
                .ids()
                .filter_map(|id| library.origin(id).map(|o| (id.to_string(), o)))
                .collect(),
        })
    })
    .await
}

#[tauri::command]
pub async fn get_role<R: Runtime>(app: AppHandle<R>, id: String) -> Result<Role> {
    off_main(&app, "reading the role", move |state| {
        Ok(state.library().read()?.get(&id)?.as_ref().clone())
    })
    .await
}

/// Roles whose titles, tracks, facts or items hold every word of `query` at a word start
/// ("budget" finds "budgeting"), best first (title matches first), each with its matching
/// items. Off the main thread: the first search builds the library's index.
#[tauri::command]
pub async fn search_roles<R: Runtime>(
    app: AppHandle<R>,
    query: String,
    limit: Option<u32>,
) -> Result<SearchResults> {
    off_main(&app, "search", move |state| {
        let library = state.library().read()?;
        let mut options = SearchOptions::default();
        if let Some(limit) = limit {
            options.limit = limit as usize;
        }
        Ok(library.search(&query, options))
    })
    .await
}

#[tauri::command]
pub fn startup_route(state: State<'_, AppState>) -> Option<String> {
    state.startup_route.clone()
}

/// The roles `ids` names: library ids, or `ID@REV` for a version from the library folder's git
/// history (`cto@HEAD~2`).
fn roles_of(state: &AppState, library: &Library, ids: &[String]) -> Result<Vec<Arc<Role>>> {
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
                Ok(Arc::new(version_at(&file, rev)?))
            }
            (_, None) => Ok(library.get(spec)?),
        })
        .collect()
}

fn compare_options(include_internal: Option<bool>) -> CompareOptions {
    CompareOptions {
        include_internal: include_internal.unwrap_or(false),
    }
}

/// Two to six roles side by side, rows aligned, each role against its left neighbour, with a
/// summary. An id may be `ID@REV`: that role as a git revision held it. Internal sections are
/// left out unless `include_internal`.
#[tauri::command]
pub fn compare_roles(
    state: State<'_, AppState>,
    ids: Vec<String>,
    include_internal: Option<bool>,
) -> Result<MultiComparison> {
    let library = state.library().read()?;
    let roles = roles_of(&state, &library, &ids)?;
    let refs: Vec<&Role> = roles.iter().map(|r| r.as_ref()).collect();
    Ok(compare::compare_many_with(
        &refs,
        compare_options(include_internal),
    )?)
}

/// Exports the comparison (the CLI's Markdown or HTML) through the save dialog. Returns the
/// path written, or null when the user cancelled.
#[tauri::command]
pub async fn export_comparison<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    ids: Vec<String>,
    format: OutputFormat,
    include_internal: Option<bool>,
) -> Result<Option<String>> {
    let (text, name) = {
        let library = state.library().read()?;
        let owned = roles_of(&state, &library, &ids)?;
        let roles: Vec<&Role> = owned.iter().map(|r| r.as_ref()).collect();
        let report = compare::compare_roles_with(&roles, compare_options(include_internal))?;
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

/// A source line in context: the document's own title and `radius` lines (default 3, at most
/// 50) either side of `line`, from the copy the library keeps of the document. `file` is a
/// source file name (as items' `source.file` names it) or a document hash (`sha256:<hex>`).
#[tauri::command]
pub fn source_context(
    state: State<'_, AppState>,
    file: String,
    line: u32,
    radius: Option<u32>,
) -> Result<SourceContext> {
    let library = state.library().read()?;
    let user_dir = state.library_dir();
    library::source_context(
        &library,
        user_dir.as_deref(),
        &file,
        line,
        radius.unwrap_or(3),
    )
    .map_err(|e| {
        let kind = match e {
            library::SourceError::NoSuchLine { .. } => ErrorKind::BadInput,
            _ => ErrorKind::NotFound,
        };
        IpcError::new(kind, e.to_string())
    })
}

/// What some sections are (internal ones: for the hiring team, not published).
#[tauri::command]
pub fn section_notes() -> Vec<SectionNote> {
    section_notes::section_notes()
}
