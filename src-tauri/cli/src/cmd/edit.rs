//! `rolecraft edit ID --set-fact KEY=VALUE --remove-fact KEY`: scripted edits, saved atomically
//! into the library folder (a bundled role edited becomes the user's copy).

use std::path::Path;

use clap::Args;
use rolecraft_core::authoring::{current, edit_and_save, now, EditOutcome, RoleEdit};
use rolecraft_core::library::Library;

#[derive(Debug, Clone, Args)]
pub struct EditArgs {
    /// Role id, e.g. vp-of-engineering.
    pub id: String,
    /// Set a fact (snake_case key), e.g. --set-fact scope="Two teams". Repeatable.
    #[arg(long = "set-fact", value_name = "KEY=VALUE")]
    pub set_fact: Vec<String>,
    /// Remove a fact. Repeatable.
    #[arg(long = "remove-fact", value_name = "KEY")]
    pub remove_fact: Vec<String>,
}

/// Prints the path written.
pub fn run(lib: &Library, dir: &Path, args: &EditArgs) -> Result<String, String> {
    let mut edits = Vec::new();
    for pair in &args.set_fact {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| format!("--set-fact {pair}: expected KEY=VALUE"))?;
        edits.push(RoleEdit::SetFact {
            key: key.trim().to_string(),
            value: value.to_string(),
        });
    }
    edits.extend(
        args.remove_fact
            .iter()
            .map(|key| RoleEdit::RemoveFact { key: key.clone() }),
    );
    if edits.is_empty() {
        return Err("edit: nothing to do (give --set-fact or --remove-fact)".into());
    }
    // The library's role: the folder's file, else the bundled role the file will replace.
    let role = lib.get(&args.id).map_err(|e| e.to_string())?;
    let base = current(dir, &role.id, Some(&role))
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no role \"{}\" in {}", args.id, dir.display()))?;
    let outcome = edit_and_save(dir, &base.role, &base.hash, &edits, &now(), Some(&role))
        .map_err(|e| format!("{}: {e}", args.id))?;
    match outcome {
        EditOutcome::Saved { role, .. } => Ok(format!(
            "{}\n",
            rolecraft_core::authoring::role_file(dir, &role.id)
                .unwrap_or_else(|| dir.join(format!("{}.json", role.id)))
                .display()
        )),
        EditOutcome::Conflict { .. } => Err(format!(
            "{}: the role changed on disk while it was being edited; nothing written",
            args.id
        )),
    }
}
