//! `rolecraft jd ID`: draft a job description for a library role with a template, posting
//! fields from `--set`, and the sections chosen by `--sections`; Markdown or HTML, to stdout
//! or atomically to a file. Posting fields the template uses but that are unset are named on
//! stderr (an error with `--strict`).

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::drafts::{Draft, PostingField};
use rolecraft_core::fs::write_atomic;
use rolecraft_core::library::Library;
use rolecraft_core::render::{OutputFormat, Renderer, DEFAULT_TEMPLATE};

use crate::Output;

#[derive(Args, Debug, Clone)]
pub struct JdArgs {
    /// The role's id (see `rolecraft roles`).
    pub id: String,
    /// A built-in or user template by name (see `rolecraft templates`) [default: full].
    #[arg(long, value_name = "NAME", conflicts_with = "template_file")]
    pub template: Option<String>,
    /// A template file (Handlebars producing Markdown; see docs/templates.md).
    #[arg(long, value_name = "FILE")]
    pub template_file: Option<PathBuf>,
    /// Fill a posting field; repeatable. KEY: company, team, location, remote_policy,
    /// employment_type, salary_range, about_company, benefits, how_to_apply, equal_opportunity.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// The sections to include, in this order (section keys as the role's JSON names them)
    /// [default: the template's choice].
    #[arg(long, value_name = "KEY,KEY", value_delimiter = ',')]
    pub sections: Option<Vec<String>>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = JdFormat::Md)]
    pub format: JdFormat,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1, nothing written) when the template uses posting fields that are unset.
    #[arg(long)]
    pub strict: bool,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum JdFormat {
    /// Markdown, straight from the template.
    Md,
    /// One self-contained, sanitised HTML document.
    Html,
}

impl From<JdFormat> for OutputFormat {
    fn from(f: JdFormat) -> Self {
        match f {
            JdFormat::Md => OutputFormat::Markdown,
            JdFormat::Html => OutputFormat::Html,
        }
    }
}

/// The built-ins plus the user's templates (`<data dir>/templates/*.hbs`).
pub fn renderer() -> Result<Renderer, String> {
    match DataDir::from_env() {
        Some(dir) => Renderer::with_user_templates(&dir.templates()).map_err(|e| e.to_string()),
        None => Ok(Renderer::new()),
    }
}

pub fn run(lib: &Library, args: &JdArgs) -> Result<Output, String> {
    let role = lib.get(&args.id).map_err(|e| e.to_string())?;
    // Only the template used is compiled (see `Renderer::for_template`).
    let (renderer, template) = match (&args.template_file, &args.template) {
        (Some(path), _) => {
            let mut renderer = renderer()?;
            let name = renderer
                .add_template_file(path)
                .map_err(|e| e.to_string())?;
            (renderer, name)
        }
        (None, name) => {
            let name = name.as_deref().unwrap_or(DEFAULT_TEMPLATE);
            let dir = DataDir::from_env().map(|d| d.templates());
            let renderer =
                Renderer::for_template(name, dir.as_deref()).map_err(|e| e.to_string())?;
            (renderer, name.to_string())
        }
    };
    let mut draft = Draft::new("cli", &role.id, &template);
    for pair in &args.set {
        draft.posting.set_pair(pair).map_err(|e| e.to_string())?;
    }
    draft.sections = args.sections.clone();
    let rendered = renderer
        .render_draft(role, &draft, args.format.into())
        .map_err(|e| e.to_string())?;

    let mut notes = Vec::new();
    if !rendered.unset_fields.is_empty() {
        let names = field_list(&rendered.unset_fields);
        if args.strict {
            return Err(format!(
                "template \"{template}\" uses posting fields that are not set: {names} (set them with --set KEY=VALUE)"
            ));
        }
        notes.push(format!(
            "rolecraft: not set, but used by template \"{template}\": {names} (--set KEY=VALUE)"
        ));
    }
    match &args.output {
        Some(path) => {
            write_atomic(path, rendered.text.as_bytes())
                .map_err(|e| format!("{}: {e}", path.display()))?;
            notes.push(format!("rolecraft: wrote {}", path.display()));
            Ok(Output {
                stdout: String::new(),
                stderr: notes,
            })
        }
        None => Ok(Output {
            stdout: rendered.text,
            stderr: notes,
        }),
    }
}

fn field_list(fields: &[PostingField]) -> String {
    fields
        .iter()
        .map(|f| f.key())
        .collect::<Vec<_>>()
        .join(", ")
}
