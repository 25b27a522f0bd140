//! `rolecraft check ID`: render the posting (as `jd` would) and run the posting checks on it;
//! print the findings (or `--format json`), exit 1 when one is an error.

use clap::{Args, ValueEnum};
use rolecraft_core::checks::{check_draft, Checker, ChecksConfig, Finding, FindingOrigin, Report};
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::library::Library;
use serde_json::{json, Value};

use super::jd::{setup, PostingArgs};
use crate::Output;

#[derive(Args, Debug, Clone)]
pub struct CheckArgs {
    #[command(flatten)]
    pub posting: PostingArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// One finding per line, grouped by severity.
    Text,
    /// `{"findings": [...], "words", "reading_ease", "balance"}`.
    Json,
}

/// The checks with the user's `checks.json` (in the app-data folder) applied.
pub fn checker() -> Result<Checker, String> {
    let config = match DataDir::from_env() {
        Some(dir) => ChecksConfig::load(dir.root()).map_err(|e| e.to_string())?,
        None => ChecksConfig::default(),
    };
    Checker::with_config(config).map_err(|e| e.to_string())
}

pub fn run(lib: &Library, args: &CheckArgs) -> Result<Output, String> {
    let (renderer, role, draft) = setup(lib, &args.posting)?;
    let (_, report) =
        check_draft(&checker()?, &renderer, &role, &draft).map_err(|e| e.to_string())?;
    let stdout = match args.format {
        CheckFormat::Text => human(&report),
        CheckFormat::Json => {
            let mut s =
                serde_json::to_string_pretty(&json_report(&report)).map_err(|e| e.to_string())?;
            s.push('\n');
            s
        }
    };
    Ok(Output {
        stdout,
        stderr: Vec::new(),
        failed: report.has_errors(),
    })
}

/// `{"findings": [{"rule", "severity", "message", "field" | "item", "span", ...}], "words",
/// "reading_ease", "balance"}`.
pub fn json_report(report: &Report) -> Value {
    let findings: Vec<Value> = report.findings.iter().map(json_finding).collect();
    json!({
        "findings": findings,
        "words": report.words,
        "reading_ease": report.reading_ease,
        "balance": report.balance,
    })
}

fn json_finding(f: &Finding) -> Value {
    let mut v = json!({
        "rule": f.rule,
        "severity": f.severity,
        "message": f.message,
        "explanation": f.explanation,
        "source": f.source,
        "span": f.span,
        "text": f.text,
        "suggestion": f.suggestion,
    });
    if let Value::Object(obj) = &mut v {
        match &f.origin {
            FindingOrigin::Field { field } => {
                obj.insert("field".into(), json!(field));
            }
            FindingOrigin::Item {
                section,
                index,
                file,
                line,
            } => {
                obj.insert(
                    "item".into(),
                    json!({"section": section, "index": index, "file": file, "line": line}),
                );
            }
            FindingOrigin::Fact { key, file, line } => {
                obj.insert(
                    "fact".into(),
                    json!({"key": key, "file": file, "line": line}),
                );
            }
            FindingOrigin::Section { section } => {
                obj.insert("section".into(), json!(section));
            }
            FindingOrigin::Template | FindingOrigin::Posting => {}
        }
    }
    v
}

/// One line per finding (severity, rule, message, where it came from), then the totals.
pub fn human(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.findings {
        let sev = serde_json::to_value(f.severity)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let place = match &f.origin {
            FindingOrigin::Field { field } => format!(" [field {field}]"),
            FindingOrigin::Item {
                section,
                index,
                file,
                line,
            } => format!(" [{section} #{index}, {file}:{line}]"),
            FindingOrigin::Fact { key, file, line } => match (file, line) {
                (Some(f), Some(l)) => format!(" [fact {key}, {f}:{l}]"),
                _ => format!(" [fact {key}]"),
            },
            FindingOrigin::Section { section } => format!(" [section {section}]"),
            FindingOrigin::Template => f
                .span
                .map(|s| format!(" [template, line {}]", s.line))
                .unwrap_or_default(),
            FindingOrigin::Posting => String::new(),
        };
        out.push_str(&format!("{sev:<8} {:<17} {}{place}\n", f.rule, f.message));
        if let Some(s) = &f.suggestion {
            out.push_str(&format!("{:27}→ {s}\n", ""));
        }
    }
    out.push_str(&format!(
        "{} words · reading ease {:.1} · {} ({} masculine-, {} feminine-coded words, counting every use) · {} errors, {} warnings\n",
        report.words,
        report.reading_ease,
        report.balance.verdict,
        report.balance.masculine_uses,
        report.balance.feminine_uses,
        report.count(rolecraft_core::checks::Severity::Error),
        report.count(rolecraft_core::checks::Severity::Warning),
    ));
    out
}
