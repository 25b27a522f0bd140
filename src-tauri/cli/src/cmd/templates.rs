//! `rolecraft templates`: the built-in and user templates, as a table or JSON.

use clap::Args;
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::render::{TemplateInfo, TemplateOrigin};

#[derive(Args, Debug, Clone)]
pub struct TemplatesArgs {
    /// Print JSON: [{name, title, description, origin, path, overrides_built_in,
    /// default_sections, fields, error}, ...].
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &TemplatesArgs) -> Result<String, String> {
    let templates = super::jd::renderer()?.templates();
    if args.json {
        return Ok(serde_json::to_string_pretty(&templates).map_err(|e| e.to_string())? + "\n");
    }
    Ok(table(
        &templates,
        DataDir::from_env().map(|d| d.templates().display().to_string()),
    ))
}

fn table(templates: &[TemplateInfo], user_dir: Option<String>) -> String {
    let width = templates
        .iter()
        .map(|t| t.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{:width$}  {:8}  TITLE\n", "NAME", "ORIGIN");
    for t in templates {
        let origin = match (t.origin, t.overrides_built_in) {
            (TemplateOrigin::BuiltIn, _) => "built-in",
            (TemplateOrigin::User, true) => "user*",
            (TemplateOrigin::User, false) => "user",
            (TemplateOrigin::File, _) => "file",
        };
        let title = match &t.error {
            Some(error) => format!("ERROR {error}"),
            None => t.title.clone(),
        };
        out.push_str(&format!("{:width$}  {origin:8}  {title}\n", t.name));
    }
    if templates.iter().any(|t| t.overrides_built_in) {
        out.push_str("\n* replaces the built-in template of the same name\n");
    }
    if let Some(dir) = user_dir {
        out.push_str(&format!("\nUser templates: {dir}/*.hbs\n"));
    }
    out
}
