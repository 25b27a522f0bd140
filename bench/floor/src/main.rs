//! Hello world: one window showing `dist/index.html`. The floor the app is measured against.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the floor app");
}
