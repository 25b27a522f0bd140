pub fn run<R: tauri::Runtime>(builder: tauri::Builder<R>) {
    builder
        .plugin(tauri_plugin_fs::init())
        .plugin(tauri_plugin_dialog::init())
        .run(tauri::generate_context!())
        .expect("error while running Rolecraft");
}
