use std::path::PathBuf;

use clap::Args;
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::import::{expand_folders, import_files};
use rolecraft_core::library::{lock, save_roles, save_sources, DirState, SaveMode};
use rolecraft_core::model::{Conflict, Role, Warning};
use rolecraft_core::review::{plan_import, Decisions, ImportPlan, RoleChoice};
use serde::Serialize;

use crate::Output;

#[derive(Args)]
pub struct ImportArgs {
    /// Documents to import; a folder means the documents directly inside it (hidden files
    /// skipped), as in the app.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Show what would be imported and what it would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print JSON: {"roles": [...], "warnings": [...], "conflicts": [...], "library": [...]}.
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

/// `--json` output: the imported roles, warnings and conflicts between the documents, and,
/// per role the target folder already has, what replacing it would change.
#[derive(Serialize)]
struct Report<'a> {
    roles: Vec<&'a Role>,
    warnings: &'a [Warning],
    conflicts: Vec<&'a Conflict>,
    library: Vec<LibraryChange<'a>>,
}

#[derive(Serialize)]
struct LibraryChange<'a> {
    id: &'a str,
    exists: bool,
    same: u32,
    changed: u32,
    removed: u32,
    added: u32,
    merge_conflicts: &'a [Conflict],
}

pub fn run(args: &ImportArgs) -> Result<Output, String> {
    let mut documents = Vec::new();
    let mut sources = Vec::new();
    let (files, unlisted) = expand_folders(&args.files);
    if let Some(e) = unlisted.first() {
        return Err(e.message.clone());
    }
    if files.is_empty() {
        let named: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
        return Err(format!("{}: no documents to import", named.join(", ")));
    }
    for read in import_files(&files) {
        let (imported, source) = read.map_err(|e| e.to_string())?;
        documents.push(imported);
        sources.push(source);
    }
    let dir = match &args.into {
        Some(d) => Some(d.clone()),
        None if args.dry_run => DataDir::from_env().map(|d| d.roles()),
        None => Some(
            DataDir::from_env()
                .map(|d| d.roles())
                .ok_or("no user data folder on this system; pass --into DIR")?,
        ),
    };
    // One writer at a time: held from reading the folder to the end of the save.
    let held = match &dir {
        Some(d) if !args.dry_run => Some(lock(d).map_err(|e| e.to_string())?),
        _ => None,
    };
    if let Some(d) = dir.as_ref().filter(|_| held.is_some()) {
        rolecraft_core::fs::remove_stale_temps(d);
    }
    let (existing, state) = match &dir {
        Some(d) => DirState::read_or_empty(d).map_err(|e| {
            format!("{e}\n(imports are blocked while a role file of the folder is broken: fix it or move it away)")
        })?,
        None => Default::default(),
    };
    let plan = plan_import(&existing, documents).with_files(&state);
    let notes = notes(&plan);
    if args.dry_run {
        return Ok(Output {
            stdout: report(&plan, args.json)?,
            stderr: notes,
            failed: false,
        });
    }
    let (Some(dir), Some(held)) = (dir, held) else {
        return Err("no user data folder on this system; pass --into DIR".into());
    };
    let clashes: Vec<&str> = plan
        .roles
        .iter()
        .filter(|r| r.existing.is_some())
        .map(|r| r.incoming.id.as_str())
        .collect();
    // Refuse before writing anything, so a refused import leaves the folder untouched.
    if !clashes.is_empty() && !args.merge && !args.replace {
        return Err(format!(
            "{}: already has {}; nothing written (pass --merge or --replace)",
            dir.display(),
            clashes.join(", ")
        ));
    }
    let mut decisions = Decisions::default();
    for id in clashes {
        decisions.roles.insert(
            id.to_string(),
            if args.replace {
                RoleChoice::Replace
            } else {
                RoleChoice::Merge
            },
        );
    }
    let roles = plan.resolve(&decisions);
    // The roles, all or nothing; then the documents they came from (by hash, each atomically),
    // so a refused import leaves the folder as it was.
    save_roles(
        &held,
        &dir,
        &roles,
        SaveMode::Overwrite,
        Some(&plan.file_hashes),
    )
    .map_err(|e| e.to_string())?;
    if !roles.is_empty() {
        save_sources(&dir, &sources)
            .map_err(|e| format!("the roles were saved, but not their source documents: {e}"))?;
    }
    Ok(Output {
        stdout: report(&plan, args.json)?,
        stderr: notes,
        failed: false,
    })
}

fn report(plan: &ImportPlan, json: bool) -> Result<String, String> {
    if !json {
        return Ok(plan
            .roles
            .iter()
            .map(|r| {
                let status = match &r.changes {
                    None => "new".to_string(),
                    Some(c) => {
                        let t = c.totals();
                        format!(
                            "exists: {} same, {} changed, {} removed, {} added",
                            t.same, t.changed, t.removed, t.added
                        )
                    }
                };
                format!(
                    "{}\t{}\t{} items\t{status}\n",
                    r.incoming.id,
                    r.incoming.title,
                    r.incoming.items().count()
                )
            })
            .collect());
    }
    let report = Report {
        roles: plan.roles.iter().map(|r| &r.incoming).collect(),
        warnings: &plan.warnings,
        conflicts: plan
            .roles
            .iter()
            .flat_map(|r| &r.source_conflicts)
            .collect(),
        library: plan
            .roles
            .iter()
            .filter_map(|r| {
                let t = r.changes.as_ref()?.totals();
                Some(LibraryChange {
                    id: &r.incoming.id,
                    exists: true,
                    same: t.same,
                    changed: t.changed,
                    removed: t.removed,
                    added: t.added,
                    merge_conflicts: &r.merge_conflicts,
                })
            })
            .collect(),
    };
    Ok(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n")
}

fn notes(plan: &ImportPlan) -> Vec<String> {
    let warnings = plan.warnings.iter().map(|w| {
        format!(
            "warning: {}{}: {}",
            w.file,
            w.line.map(|l| format!(":{l}")).unwrap_or_default(),
            w.message
        )
    });
    let conflicts = plan
        .roles
        .iter()
        .flat_map(|r| r.source_conflicts.iter().chain(&r.merge_conflicts))
        .map(|c| {
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
        });
    warnings.chain(conflicts).collect()
}
