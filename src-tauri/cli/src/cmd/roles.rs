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
struct RoleSummary<'a> {
    id: &'a str,
    title: &'a str,
    track: Option<&'a str>,
    level: Option<u32>,
    sections: usize,
    items: usize,
}

pub fn run(lib: &Library, args: &RolesArgs) -> Result<String, String> {
    let rows: Vec<RoleSummary> = lib
        .roles()
        .iter()
        .map(|r| RoleSummary {
            id: &r.id,
            title: &r.title,
            track: r.track.as_deref(),
            level: r.level,
            sections: r.sections.len(),
            items: r.items().count(),
        })
        .collect();
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
            r.track.unwrap_or("-")
        ));
    }
    Ok(out)
}
