//! Rolecraft's desktop shell: app state, thin commands over `rolecraft-core`, and `run(builder)`.
//! Everything a user sees is computed in the core; the shell only carries it over IPC.

mod authoring_commands;
mod commands;
mod drafts;
mod error;
mod import_commands;
mod save;
mod settings;
mod state;
mod watch;

pub use commands::LibraryView;
pub use drafts::{DraftPreview, EditorOptions, FieldInfo};
pub use error::{ErrorKind, ErrorLocation, IpcError};
pub use import_commands::{ImportProgress, ImportResult, ImportReview};
pub use state::AppState;
pub use watch::{LibraryChanged, LIBRARY_CHANGED};

use tauri::{Builder, Manager, Runtime};

/// The app's plugins, state and commands on a builder (the real one or `tauri::test::mock_builder()`).
pub fn app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    let args: Vec<String> = std::env::args().collect();
    builder
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::open(&args))
        .manage(import_commands::ImportState::default())
        .manage(authoring_commands::AuthoringState::default())
        // Roles changed on disk reach the page as `library-changed` (see `watch.rs`).
        .setup(|app| {
            watch::start(app.handle());
            Ok(())
        })
        // Paths dropped onto the window may be imported (see `ImportState`).
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(drop) = event {
                import_commands::on_drop(window.app_handle(), drop);
            }
        })
        .on_webview_event(|webview, event| {
            if let tauri::WebviewEvent::DragDrop(drop) = event {
                import_commands::on_drop(webview.app_handle(), drop);
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::list_roles,
            commands::get_role,
            commands::startup_route,
            commands::compare_roles,
            commands::export_comparison,
            drafts::editor_options,
            drafts::list_drafts,
            drafts::create_draft,
            drafts::open_draft,
            drafts::save_draft,
            drafts::duplicate_draft,
            drafts::delete_draft,
            drafts::preview_draft,
            drafts::export_draft,
            drafts::copy_draft,
            drafts::switch_draft_item,
            drafts::edit_draft_item,
            import_commands::choose_import_files,
            import_commands::plan_import,
            import_commands::apply_import,
            import_commands::cancel_import,
            authoring_commands::role_version,
            authoring_commands::edit_role,
            authoring_commands::keep_role_version,
            authoring_commands::new_role,
            authoring_commands::delete_role,
            authoring_commands::restore_role,
            authoring_commands::role_history,
            authoring_commands::role_at_revision,
            authoring_commands::library_folder,
            authoring_commands::choose_library_folder,
            import_commands::set_aside_role_file,
        ])
}

pub fn run<R: Runtime>(builder: Builder<R>) {
    app(builder)
        .run(tauri::generate_context!())
        .expect("error while running Rolecraft");
}

#[cfg(test)]
mod tests;
