//! `rolecraft compare A B [C ...] [--format json|md|html] [--json] [-o FILE]`: two to six roles
//! side by side. Two roles give the 2-way comparison, more the N-way one (docs/compare.md).
//! `ID@REV` is the role as revision REV of the library's git repository held it (`cto@HEAD~2`,
//! `cto@v2025`), so one role's versions compare like two roles.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::{Args, ValueEnum};
use rolecraft_core::compare::{compare_roles_with, CompareOptions, MAX_ROLES};
use rolecraft_core::fs::write_atomic;
use rolecraft_core::history::{split_spec, version_at};
use rolecraft_core::library::Library;
use rolecraft_core::model::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Json,
    Md,
    Html,
}

#[derive(Debug, Clone, Args)]
pub struct CompareArgs {
    /// Role ids, 2 to 6, compared left to right (e.g. director-of-engineering vp-of-engineering);
    /// ID@REV is a version from git (cto@HEAD~2 cto).
    #[arg(value_name = "ID", required = true, num_args = 2..=6)]
    pub ids: Vec<String>,
    /// Output format: JSON, Markdown or a self-contained HTML page.
    #[arg(long, value_enum, default_value = "md")]
    pub format: CompareFormat,
    /// Short for --format json.
    #[arg(long)]
    pub json: bool,
    /// Write the comparison to FILE (atomically) instead of printing it.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Compare internal sections too (links to the hiring team's pages, page notes); they are
    /// left out by default.
    #[arg(long)]
    pub include_internal: bool,
}

/// The comparison as text to print, or an empty string when it went to `-o FILE`. An unknown
/// id is an error whose message lists the ids the library knows. `dir` is the library folder
/// whose git history `ID@REV` reads.
pub fn run(lib: &Library, dir: Option<&Path>, args: &CompareArgs) -> Result<String, String> {
    if !(2..=MAX_ROLES).contains(&args.ids.len()) {
        return Err(format!(
            "compare takes 2 to {MAX_ROLES} role ids, got {}",
            args.ids.len()
        ));
    }
    let owned = args
        .ids
        .iter()
        .map(|spec| resolve(lib, dir, spec))
        .collect::<Result<Vec<_>, _>>()?;
    let roles: Vec<&Role> = owned.iter().map(|r| r.as_ref()).collect();
    let options = CompareOptions {
        include_internal: args.include_internal,
    };
    let report = compare_roles_with(&roles, options).map_err(|e| e.to_string())?;
    let text = match (args.json, args.format) {
        (true, _) | (_, CompareFormat::Json) => report.to_json(),
        (false, CompareFormat::Md) => report.to_markdown(),
        (false, CompareFormat::Html) => report.to_html(),
    };
    match &args.output {
        None => Ok(text),
        Some(path) => {
            write_atomic(path, text.as_bytes())
                .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
            Ok(String::new())
        }
    }
}

/// `ID` from the library, or `ID@REV` from git: that version gets the id `ID@REV` and the
/// title `TITLE (REV)`, so the comparison tells the versions apart.
fn resolve(lib: &Library, dir: Option<&Path>, spec: &str) -> Result<Arc<Role>, String> {
    let (id, Some(rev)) = split_spec(spec) else {
        return lib.get(spec).map_err(|e| e.to_string());
    };
    let dir = dir.ok_or_else(|| format!("{spec}: no library folder to read the history of"))?;
    let file = super::role_path(dir, id)?;
    version_at(&file, rev)
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;
    use rolecraft_core::library::bundled_roles;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: CompareArgs,
    }

    fn parse(argv: &[&str]) -> Result<CompareArgs, clap::Error> {
        Cli::try_parse_from(std::iter::once("compare").chain(argv.iter().copied())).map(|c| c.args)
    }

    fn lib() -> Library {
        Library::from_roles(bundled_roles().unwrap())
    }

    #[test]
    fn two_roles_print_the_2_way_json() {
        let args = parse(&["director-of-engineering", "vp-of-engineering", "--json"]).unwrap();
        let out = run(&lib(), None, &args).unwrap();
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            json["roles"],
            serde_json::json!(["director-of-engineering", "vp-of-engineering"])
        );
        let resp = json["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == "responsibilities")
            .unwrap();
        assert_eq!(
            resp["counts"],
            serde_json::json!({"same": 3, "changed": 2, "removed": 2, "added": 0})
        );
        assert!(json.get("ladder").is_none());
    }

    #[test]
    fn three_roles_print_the_n_way_json() {
        let args = parse(&[
            "director-of-engineering",
            "vp-of-engineering",
            "cto",
            "--format",
            "json",
        ])
        .unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&run(&lib(), None, &args).unwrap()).unwrap();
        assert_eq!(json["roles"].as_array().unwrap().len(), 3);
        assert_eq!(json["pairs"].as_array().unwrap().len(), 2);
        assert_eq!(json["ladder"]["steps"].as_array().unwrap().len(), 3);
        assert_eq!(
            json["sections"][0]["rows"][0]["cells"]
                .as_array()
                .unwrap()
                .len(),
            3
        );
    }

    #[test]
    fn markdown_is_the_default_and_html_is_a_page() {
        let md = run(
            &lib(),
            None,
            &parse(&["director-of-engineering", "vp-of-engineering"]).unwrap(),
        )
        .unwrap();
        assert!(
            md.starts_with("# Director of Engineering → VP of Engineering\n"),
            "{md}"
        );
        assert!(
            md.contains("| − | Drives EMs' happiness, engagement, and growth. |  |"),
            "{md}"
        );
        let html = run(
            &lib(),
            None,
            &parse(&[
                "director-of-engineering",
                "vp-of-engineering",
                "--format",
                "html",
            ])
            .unwrap(),
        )
        .unwrap();
        assert!(html.starts_with("<!DOCTYPE html>") && !html.contains("<script"));
    }

    #[test]
    fn the_summary_comes_first_and_internal_sections_only_when_asked() {
        let md = run(
            &lib(),
            None,
            &parse(&["director-of-engineering", "vp-of-engineering"]).unwrap(),
        )
        .unwrap();
        let summary = md.find("## Summary\n").expect("a summary");
        assert!(summary < md.find("## Facts").unwrap(), "{md}");
        assert!(md.contains("| Role Description | 0 | 1 | 0 | 0 |"), "{md}");
        assert!(!md.contains("## Page notes"), "{md}");
        assert!(md
            .contains("Internal sections left out: Job Description (Internal links), Page notes."));
        let all = run(
            &lib(),
            None,
            &parse(&[
                "director-of-engineering",
                "vp-of-engineering",
                "--include-internal",
            ])
            .unwrap(),
        )
        .unwrap();
        assert!(all.contains("## Page notes"), "{all}");
        assert!(!all.contains("Internal sections left out"));
        let json: serde_json::Value = serde_json::from_str(
            &run(
                &lib(),
                None,
                &parse(&["director-of-engineering", "vp-of-engineering", "--json"]).unwrap(),
            )
            .unwrap(),
        )
        .unwrap();
        assert_eq!(
            json["summary"]["sections"][0],
            serde_json::json!({"key": "checkpoints", "title": "Checkpoints for reaching this level",
                "counts": {"same": 0, "changed": 0, "removed": 3, "added": 9}, "changes": 12})
        );
        assert_eq!(json["omitted"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn output_file_is_written_and_nothing_printed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cmp.html");
        let path = file.to_str().unwrap();
        let args = parse(&[
            "director-of-engineering",
            "vp-of-engineering",
            "cto",
            "--format",
            "html",
            "-o",
            path,
        ])
        .unwrap();
        assert_eq!(run(&lib(), None, &args).unwrap(), "");
        let page = std::fs::read_to_string(&file).unwrap();
        assert!(
            page.contains("<h1>Director of Engineering → VP of Engineering → CTO</h1>"),
            "{page}"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left behind"
        );
    }

    #[test]
    fn unknown_ids_are_an_error_listing_the_known_ones() {
        let err = run(
            &lib(),
            None,
            &parse(&["director-of-engineering", "nope"]).unwrap(),
        )
        .unwrap_err();
        assert!(err.contains("\"nope\""), "{err}");
        assert!(
            err.contains("cto, director-of-engineering, vp-of-engineering, vp-of-product"),
            "{err}"
        );
    }

    #[test]
    fn two_to_six_ids() {
        assert!(parse(&["a"]).is_err());
        assert!(parse(&["a", "b", "c", "d", "e", "f", "g"]).is_err());
        assert_eq!(parse(&["a", "b", "c", "d", "e", "f"]).unwrap().ids.len(), 6);
        let args = CompareArgs {
            ids: vec!["cto".into()],
            format: CompareFormat::Md,
            json: false,
            output: None,
            include_internal: false,
        };
        assert_eq!(
            run(&lib(), None, &args).unwrap_err(),
            "compare takes 2 to 6 role ids, got 1"
        );
    }
}
