// The app's commands, as `module::function`: the one list. Read with `include!` by both the
// crate (lib.rs: the handler given to `tauri::generate_handler!`, and `COMMANDS`) and build.rs
// (an `allow-<command>` permission for each). Tests check it against the `#[tauri::command]`
// functions, `capabilities/main.json`, `ui/src/lib/api.ts` and the generated command map
// `ui/src/lib/bindings/commands.ts`. To add a command: write the function, add it here, grant
// it in the capability, call it from api.ts, then `UPDATE_BINDINGS=1 cargo test -p
// rolecraft-app commands` (see docs/architecture.md).
macro_rules! app_commands {
    ($then:ident) => {
        $then! {
            commands::list_roles,
            commands::get_role,
            commands::search_roles,
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
            drafts::check_draft,
            drafts::copy_draft,
            drafts::switch_draft_item,
            drafts::edit_draft_item,
            drafts::switch_draft_section,
            drafts::move_draft_section,
            import_commands::choose_import_files,
            import_commands::plan_import,
            import_commands::apply_import,
            import_commands::cancel_import,
            import_commands::set_aside_role_file,
            import_commands::reveal_library_file,
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
        }
    };
}

/// The command names of the list, for `AppManifest::commands` and the tests.
#[allow(unused_macros)]
macro_rules! command_names {
    ($($module:ident :: $command:ident),* $(,)?) => {
        &[$(stringify!($command)),*]
    };
}
