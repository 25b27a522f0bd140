//! `rolecraft history ID [--json]`: the commits that changed a role's file, newest first, when
//! its library folder is inside a git repository.

use std::path::Path;

use clap::Args;
use rolecraft_core::history::history;

use super::role_path;

#[derive(Debug, Clone, Args)]
pub struct HistoryArgs {
    /// Role id, e.g. vp-of-engineering.
    pub id: String,
    /// Print {repository, file, commits: [{id, date, author, email, message}]}.
    #[arg(long)]
    pub json: bool,
}

pub fn run(dir: &Path, args: &HistoryArgs) -> Result<String, String> {
    let file = role_path(dir, &args.id)?;
    let log = history(&file).map_err(|e| e.to_string())?;
    if args.json {
        let mut json = serde_json::to_string_pretty(&log).map_err(|e| e.to_string())?;
        json.push('\n');
        return Ok(json);
    }
    if log.commits.is_empty() {
        return Ok(format!("{}: no commits yet\n", log.file));
    }
    Ok(log
        .commits
        .iter()
        .map(|c| {
            let summary = c.message.lines().next().unwrap_or_default();
            let short = c.id.get(..10).unwrap_or(&c.id);
            format!("{short}  {}  {}  {summary}\n", c.date, c.author)
        })
        .collect())
}
