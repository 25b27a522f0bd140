use std::path::PathBuf;

use clap::Args;
use rolecraft_core::import::import_path;
use rolecraft_core::library::{load_dir, merge_roles, save_role, SaveMode};
use rolecraft_core::model::{Conflict, Role, Warning};
use serde::Serialize;

use crate::Output;

#[derive(Args)]
pub struct ImportArgs {
    /// Documents to import.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print JSON: {"roles": [...], "warnings": [...], "conflicts": [...]}.
    #[arg(long)]
    json: bool,
    /// Save the roles into this folder (default: the user library).
    #[arg(long, value_name = "DIR")]
    into: Option<PathBuf>,
    /// Merge into roles the folder already has (the folder's items win conflicts).
    #[arg(long, conflicts_with = "replace")]
    merge: bool,
    /// Replace roles the folder already has.
    #[arg(long)]
    replace: bool,
}

#[derive(Serialize)]
struct Report<'a> {
    roles: &'a [Role],
    warnings: &'a [Warning],
    conflicts: &'a [Conflict],
}

pub fn run(args: &ImportArgs) -> Result<Output, String> {
    let mut roles = Vec::new();
    let mut warnings = Vec::new();
    for path in &args.files {
        let imported = import_path(path).map_err(|e| e.to_string())?;
        roles.extend(imported.roles);
        warnings.extend(imported.warnings);
    }
    let merged = merge_roles(roles);
    let notes: Vec<String> = warnings
        .iter()
        .map(|w| {
            format!(
                "warning: {}{}: {}",
                w.file,
                w.line.map(|l| format!(":{l}")).unwrap_or_default(),
                w.message
            )
        })
        .chain(merged.conflicts.iter().map(|c| {
            format!(
                "conflict: {} {}: kept \"{}\" ({}:{}), set aside \"{}\" ({}:{})",
                c.role_id,
                c.section,
                c.kept.text,
                c.kept.source.file,
                c.kept.source.line,
                c.other.text,
                c.other.source.file,
                c.other.source.line
            )
        }))
        .collect();
    let report = |roles: &[Role], conflicts: &[Conflict]| -> Result<String, String> {
        if args.json {
            let r = Report {
                roles,
                warnings: &warnings,
                conflicts,
            };
            Ok(serde_json::to_string_pretty(&r).map_err(|e| e.to_string())? + "\n")
        } else {
            Ok(roles
                .iter()
                .map(|r| format!("{}\t{}\t{} items\n", r.id, r.title, r.items().count()))
                .collect())
        }
    };
    if args.dry_run {
        return Ok(Output {
            stdout: report(&merged.roles, &merged.conflicts)?,
            stderr: notes,
        });
    }
    let dir = match &args.into {
        Some(d) => d.clone(),
        None => rolecraft_core::library::user_library_dir()
            .ok_or("no user data folder on this system; pass --into DIR")?,
    };
    let existing = if dir.is_dir() {
        load_dir(&dir).map_err(|e| e.to_string())?
    } else {
        Vec::new()
    };
    // Refuse before writing anything, so a refused import leaves the folder untouched.
    let clashes: Vec<&str> = merged
        .roles
        .iter()
        .filter(|r| existing.iter().any(|e| e.id == r.id))
        .map(|r| r.id.as_str())
        .collect();
    if !clashes.is_empty() && !args.merge && !args.replace {
        return Err(format!(
            "{}: already has {}; nothing written (pass --merge or --replace)",
            dir.display(),
            clashes.join(", ")
        ));
    }
    let mut conflicts = merged.conflicts.clone();
    let mut to_save = Vec::new();
    for role in merged.roles {
        match existing.iter().find(|e| e.id == role.id) {
            Some(old) if args.merge => {
                let m = merge_roles(vec![old.clone(), role]);
                conflicts.extend(m.conflicts);
                to_save.extend(m.roles);
            }
            _ => to_save.push(role),
        }
    }
    let mode = if args.merge || args.replace {
        SaveMode::Overwrite
    } else {
        SaveMode::CreateNew
    };
    for role in &to_save {
        save_role(&dir, role, mode).map_err(|e| e.to_string())?;
    }
    Ok(Output {
        stdout: report(&to_save, &conflicts)?,
        stderr: notes,
    })
}
