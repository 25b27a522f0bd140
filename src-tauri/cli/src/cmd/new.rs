//! `rolecraft new TITLE [--from ID]`: a new role file in the library folder, empty or copied
//! from an existing role ("new level from this one").

use std::path::Path;

use clap::Args;
use rolecraft_core::authoring::{create, new_role, new_role_from};
use rolecraft_core::library::Library;

#[derive(Debug, Clone, Args)]
pub struct NewArgs {
    /// The new role's title; its id is the title's slug.
    pub title: String,
    /// Copy the sections, facts and sources of this role.
    #[arg(long, value_name = "ID")]
    pub from: Option<String>,
}

/// Prints the path written.
pub fn run(lib: &Library, dir: &Path, args: &NewArgs) -> Result<String, String> {
    let role = match &args.from {
        None => new_role(&args.title),
        Some(id) => new_role_from(
            lib.get(id).map_err(|e| e.to_string())?.as_ref(),
            &args.title,
        ),
    }
    .map_err(|e| e.to_string())?;
    let saved = create(dir, role, lib).map_err(|e| e.to_string())?;
    Ok(format!(
        "{}\n",
        dir.join(format!("{}.json", saved.role.id)).display()
    ))
}
