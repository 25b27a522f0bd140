pub mod check;
pub mod compare;
pub mod edit;
pub mod history;
pub mod import;
pub mod jd;
pub mod new;
pub mod roles;
pub mod search;
pub mod show;
pub mod templates;

use std::path::{Path, PathBuf};

/// The file of role `id` in the library folder `dir` (history needs a file, not a bundled role).
pub fn role_path(dir: &Path, id: &str) -> Result<PathBuf, String> {
    rolecraft_core::authoring::role_file(dir, id).ok_or_else(|| {
        format!(
            "{}: no file for role \"{id}\" (bundled roles have no history here; point --library at the folder that holds it)",
            dir.display()
        )
    })
}
