//! Rolecraft's desktop shell: app state, thin commands over `rolecraft-core`, and `run(builder)`.
//! Everything a user sees is computed in the core; the shell only carries it over IPC.

mod commands;
mod drafts;
mod error;
mod import_commands;
mod save;
mod state;

pub use commands::LibraryView;
pub use drafts::{DraftPreview, EditorOptions, FieldInfo};
pub use error::{ErrorKind, ErrorLocation, IpcError};
pub use import_commands::{ImportProgress, ImportResult, ImportReview};
pub use state::AppState;

use tauri::{Builder, Manager, Runtime};

/// The app's plugins, state and commands on a builder (the real one or `tauri::test::mock_builder()`).
pub fn app<R: Runtime>(builder: Builder<R>) -> Builder<R> {
    let args: Vec<String> = std::env::args().collect();
    builder
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .manage(AppState::open(&args))
        .manage(import_commands::ImportState::default())
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
            commands::source_context,
            commands::section_notes,
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
        ])
}

pub fn run<R: Runtime>(builder: Builder<R>) {
    app(builder)
        .run(tauri::generate_context!())
        .expect("error while running Rolecraft");
}

#[cfg(test)]
mod tests;
