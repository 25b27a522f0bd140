//! `rolecraft jd ID`: draft a job description for a library role with a template, posting
//! fields from `--set`, and the sections chosen by `--sections`; Markdown, HTML, JSON-LD, an
//! HTML fragment, plain text or .docx, to stdout or atomically to a file. Posting fields the
//! template uses but that are unset are named on stderr (an error with `--strict`); `--check`
//! runs the posting checks first.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, ValueEnum};
use rolecraft_core::checks::{Audience, CheckInput, Severity};
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::drafts::{Draft, PostingField};
use rolecraft_core::fs::write_atomic;
use rolecraft_core::library::Library;
use rolecraft_core::model::Role;
use rolecraft_core::render::{
    export_rendered, ExportFormat, Meta, OutputFormat, Renderer, DEFAULT_TEMPLATE,
};

use crate::Output;

#[derive(Args, Debug, Clone)]
pub struct JdArgs {
    #[command(flatten)]
    pub posting: PostingArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = JdFormat::Md)]
    pub format: JdFormat,
    /// Write to FILE (atomically) instead of stdout (required for docx).
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Fail (exit 1, nothing written) when the template uses posting fields that are unset.
    #[arg(long)]
    pub strict: bool,
    /// Run the posting checks first: print the findings on stderr and write nothing when one
    /// is an error (exit 1).
    #[arg(long)]
    pub check: bool,
}

/// A role, a template and the posting fields: what `jd` and `check` both take.
#[derive(Args, Debug, Clone)]
pub struct PostingArgs {
    /// The role's id (see `rolecraft roles`).
    pub id: String,
    /// A built-in or user template by name (see `rolecraft templates`) [default: full].
    #[arg(long, value_name = "NAME", conflicts_with = "template_file")]
    pub template: Option<String>,
    /// A template file (Handlebars producing Markdown; see docs/templates.md).
    #[arg(long, value_name = "FILE")]
    pub template_file: Option<PathBuf>,
    /// Fill a posting field; repeatable. KEY: company, team, location ("Denver, CO, US"),
    /// remote_policy, employment_type (full_time, part_time, contractor, ...), salary_range,
    /// about_company, benefits, how_to_apply, equal_opportunity, reports_to, date_posted,
    /// valid_through (YYYY-MM-DD), requisition_id, apply_url; structured: salary_min,
    /// salary_max, currency, salary_period (hour..year), workplace (on_site, hybrid, remote),
    /// applicant_regions (US,CA,...). Keys and values ignore case and '-'/'_'.
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// The sections to include, in this order (section keys as the role's JSON names them)
    /// [default: the template's choice].
    #[arg(long, value_name = "KEY,KEY", value_delimiter = ',')]
    pub sections: Option<Vec<String>>,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub enum JdFormat {
    /// Markdown, straight from the template.
    Md,
    /// One self-contained, sanitised HTML document.
    Html,
    /// schema.org JobPosting JSON-LD (fails naming a missing required property).
    Jsonld,
    /// An HTML fragment with only p, ul, ol, li, h2, h3, strong, em, br.
    Fragment,
    /// Plain text.
    Text,
    /// A Word document (needs -o FILE).
    Docx,
}

impl From<JdFormat> for ExportFormat {
    fn from(format: JdFormat) -> ExportFormat {
        match format {
            JdFormat::Md => ExportFormat::Md,
            JdFormat::Html => ExportFormat::Html,
            JdFormat::Jsonld => ExportFormat::Jsonld,
            JdFormat::Fragment => ExportFormat::Fragment,
            JdFormat::Text => ExportFormat::Text,
            JdFormat::Docx => ExportFormat::Docx,
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

/// The renderer, the role and the draft the arguments describe.
pub fn setup(lib: &Library, args: &PostingArgs) -> Result<(Renderer, Arc<Role>, Draft), String> {
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
    Ok((renderer, role, draft))
}

pub fn run(lib: &Library, args: &JdArgs) -> Result<Output, String> {
    let (renderer, role, draft) = setup(lib, &args.posting)?;
    let template = draft.template.clone();
    let ctx = renderer
        .context(&role, &draft, Meta::now(&template))
        .map_err(|e| e.to_string())?;
    let md = renderer
        .render(&template, &ctx, OutputFormat::Markdown)
        .map_err(|e| e.to_string())?;

    let mut notes = Vec::new();
    if !md.unset_fields.is_empty() {
        let names = field_list(&md.unset_fields);
        if args.strict {
            return Err(format!(
                "template \"{template}\" uses posting fields that are not set: {names} (set them with --set KEY=VALUE)"
            ));
        }
        notes.push(format!(
            "rolecraft: not set, but used by template \"{template}\": {names} (--set KEY=VALUE)"
        ));
    }
    if args.check {
        let checker = super::check::checker()?;
        let report = checker.check_as(
            &CheckInput {
                role: &role,
                draft: &draft,
                context: &ctx,
                markdown: &md.text,
            },
            Audience::of(&renderer, &draft.template).map_err(|e| e.to_string())?,
        );
        let text = super::check::human(&report);
        if report.has_errors() {
            return Err(format!(
                "the posting has {} error(s); nothing written\n{text}",
                report.count(Severity::Error)
            ));
        }
        notes.extend(text.lines().map(|l| format!("rolecraft: {l}")));
    }
    let format = args.format.into();
    if ExportFormat::is_binary(format) && args.output.is_none() {
        return Err(format!(
            "--format {} writes a binary file: give -o FILE",
            format.extension()
        ));
    }
    // The Markdown rendered above is the posting; exporting it needs no second render.
    let bytes = export_rendered(&role, &ctx, md.text, format).map_err(|e| e.to_string())?;
    match &args.output {
        Some(path) => {
            write_atomic(path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            notes.push(format!("rolecraft: wrote {}", path.display()));
            Ok(Output {
                stdout: String::new(),
                stderr: notes,
                failed: false,
            })
        }
        None => Ok(Output {
            stdout: String::from_utf8_lossy(&bytes).into_owned(),
            stderr: notes,
            failed: false,
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
