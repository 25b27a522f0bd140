// Hide the console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// Importing is allocation-heavy: with glibc's malloc, parsing, merging and planning 10,000
/// documents ran at 18.9-19.6 MB/s; with mimalloc at 24.7-25.4 MB/s (examples/throughput).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    rolecraft_app::run(tauri::Builder::default());
}
