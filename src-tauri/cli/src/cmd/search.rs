use clap::Args;
use rolecraft_core::library::Library;
use rolecraft_core::search::{SearchHit, SearchOptions};
use serde::Serialize;

#[derive(Args)]
pub struct SearchArgs {
    /// Words to find at word starts in titles, tracks, facts and items ("budget" finds
    /// "budgeting"); case and accents do not matter. Every word must match.
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// Print JSON: {"results": [{"id", "title", "matches": [{"section", "text"}]}]}.
    #[arg(long)]
    json: bool,
    /// At most this many roles (the best first).
    #[arg(long, default_value_t = 20)]
    limit: usize,
    /// At most this many matching items per role.
    #[arg(long, default_value_t = 5)]
    matches: usize,
}

#[derive(Serialize)]
struct Report<'a> {
    results: &'a [SearchHit],
}

pub fn run(lib: &Library, args: &SearchArgs) -> Result<String, String> {
    let query = args.query.join(" ");
    let found = lib.search(
        &query,
        SearchOptions {
            limit: args.limit,
            matches_per_role: args.matches,
            // The terminal lists every role shown with its matches.
            roles_with_matches: args.limit,
        },
    );
    if args.json {
        let report = Report {
            results: &found.results,
        };
        return Ok(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n");
    }
    let mut out = String::new();
    for hit in &found.results {
        out.push_str(&format!("{}\t{}\n", hit.id, hit.title));
        for m in &hit.matches {
            out.push_str(&format!("  {}: {}\n", m.section, m.text.replace('\n', " ")));
        }
    }
    let shown = found.results.len();
    if (found.total as usize) > shown {
        out.push_str(&format!(
            "({shown} of {} roles shown; --limit N for more)\n",
            found.total
        ));
    } else if shown == 0 {
        out.push_str(&format!("no role matches \"{query}\"\n"));
    }
    Ok(out)
}
