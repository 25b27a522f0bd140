//! Declares the app's commands so each one gets an `allow-<command>` permission, and reads the
//! capabilities (which grant those permissions to the main window) from `src-tauri/capabilities/`.

/// Every `#[tauri::command]` in `commands.rs`; a command missing here cannot be invoked.
const COMMANDS: &[&str] = &[
    "list_roles",
    "get_role",
    "startup_route",
    "compare_roles",
    "export_comparison",
    "source_context",
    "section_notes",
    "editor_options",
    "list_drafts",
    "create_draft",
    "open_draft",
    "save_draft",
    "duplicate_draft",
    "delete_draft",
    "preview_draft",
    "export_draft",
    "copy_draft",
    "switch_draft_item",
    "edit_draft_item",
    "choose_import_files",
    "plan_import",
    "apply_import",
    "cancel_import",
];

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=ui/dist");
    placeholder_frontend();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("src-tauri/capabilities/*.json")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}

/// `tauri::generate_context!` embeds `ui/dist` and fails when it is missing, which would stop a
/// plain `cargo test` in a fresh clone. Until `npm --prefix ui run build` has run, a page saying
/// so stands in (ui/dist is ignored by git; the scripts always build the UI first).
fn placeholder_frontend() {
    let dist = std::path::Path::new("ui/dist");
    if !dist.join("index.html").exists() {
        std::fs::create_dir_all(dist).expect("create ui/dist");
        std::fs::write(
            dist.join("index.html"),
            "<!doctype html><title>Rolecraft</title><p>The frontend was not built: run \
             <code>npm --prefix ui ci &amp;&amp; npm --prefix ui run build</code>, then build the app again.</p>\n",
        )
        .expect("write the placeholder ui/dist/index.html");
    }
}
