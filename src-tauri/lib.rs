//! Rolecraft's desktop shell: app state, thin commands over `rolecraft-core`, and `run(builder)`.
//! Everything a user sees is computed in the core; the shell only carries it over IPC.

mod authoring_commands;
mod checker;
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

include!("command_list.rs");

/// The handler of the one list of commands (`command_list.rs`).
macro_rules! handler {
    ($($module:ident :: $command:ident),* $(,)?) => {
        tauri::generate_handler![$($module::$command),*]
    };
}

/// Every command's name, from the one list.
#[cfg(test)]
pub(crate) const COMMANDS: &[&str] = app_commands!(command_names);

/// How long after start the search index is built (see `app`).
const INDEX_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

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
            state::watch_library(app.handle());
            // The search index is built off the main thread once the library shows (it reads
            // every role body: started at once it would slow the first paint of a large
            // library), so the first search need not wait for it.
            let handle = app.handle().clone();
            std::thread::spawn(move || {
                std::thread::sleep(INDEX_AFTER);
                if let Ok(library) = handle.state::<AppState>().library().read() {
                    library.search_index();
                }
            });
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
        .invoke_handler(app_commands!(handler))
}

pub fn run<R: Runtime>(builder: Builder<R>) {
    app(builder)
        .run(tauri::generate_context!())
        .expect("error while running Rolecraft");
}

#[cfg(test)]
mod command_map;
#[cfg(test)]
mod no_circles;
#[cfg(test)]
mod tests;
