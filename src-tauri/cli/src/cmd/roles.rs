use clap::Args;
use rolecraft_core::library::Library;
use serde::Serialize;

#[derive(Args)]
pub struct RolesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

#[derive(Serialize)]
struct RoleRow {
    id: String,
    title: String,
    track: Option<String>,
    level: Option<u32>,
    sections: usize,
    items: usize,
}

pub fn run(lib: &Library, args: &RolesArgs) -> Result<String, String> {
    let mut rows: Vec<RoleRow> = Vec::with_capacity(lib.len());
    // Every body is read for its counts (one at a time: a large library is not held).
    lib.for_each_role(|r| {
        rows.push(RoleRow {
            id: r.id.clone(),
            title: r.title.clone(),
            track: r.track.clone(),
            level: r.level,
            sections: r.sections.len(),
            items: r.items().count(),
        });
        Ok(())
    })
    .map_err(|e| e.to_string())?;
    if args.json {
        return Ok(serde_json::to_string_pretty(&rows).map_err(|e| e.to_string())? + "\n");
    }
    let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let mut out = format!("{:width$}  {:28}  TRACK\n", "ID", "TITLE");
    for r in &rows {
        out.push_str(&format!(
            "{:width$}  {:28}  {}\n",
            r.id,
            r.title,
            r.track.as_deref().unwrap_or("-")
        ));
    }
    Ok(out)
}
