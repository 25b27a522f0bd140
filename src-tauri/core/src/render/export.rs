//! One posting in every format a recruiter pastes or uploads: Markdown, a whole HTML document,
//! an HTML fragment for applicant-tracking systems, plain text, schema.org JSON-LD and Word.
//! The CLI's `jd --format` and the app's export both come through [`Renderer::export`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::formats::{docx, fragment, json_ld_checked, plain_text};
use super::renderer::posting_html;
use super::{JdContext, Meta, OutputFormat, RenderError, Renderer};
use crate::drafts::Draft;
use crate::model::Role;

/// What a posting can be exported as.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Markdown, straight from the template.
    #[default]
    Md,
    /// One self-contained, sanitised HTML document.
    Html,
    /// An HTML fragment with only p, ul, ol, li, h2, h3, strong, em, br.
    Fragment,
    /// Plain text.
    Text,
    /// schema.org JobPosting JSON-LD (fails naming a missing required property).
    Jsonld,
    /// A Word document.
    Docx,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::Md,
        ExportFormat::Html,
        ExportFormat::Fragment,
        ExportFormat::Text,
        ExportFormat::Jsonld,
        ExportFormat::Docx,
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Fragment => "fragment.html",
            ExportFormat::Text => "txt",
            ExportFormat::Jsonld => "jsonld",
            ExportFormat::Docx => "docx",
        }
    }

    /// What a save dialog's filter calls it.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::Md => "Markdown",
            ExportFormat::Html => "HTML document",
            ExportFormat::Fragment => "HTML fragment",
            ExportFormat::Text => "Plain text",
            ExportFormat::Jsonld => "JSON-LD (schema.org JobPosting)",
            ExportFormat::Docx => "Word document",
        }
    }

    /// Bytes that are not text (a terminal or clipboard cannot take them).
    pub fn is_binary(self) -> bool {
        self == ExportFormat::Docx
    }
}

impl From<OutputFormat> for ExportFormat {
    fn from(format: OutputFormat) -> ExportFormat {
        match format {
            OutputFormat::Markdown => ExportFormat::Md,
            OutputFormat::Html => ExportFormat::Html,
        }
    }
}

impl Renderer {
    /// The draft's posting as `format`, dated today.
    pub fn export(
        &self,
        role: &Role,
        draft: &Draft,
        format: ExportFormat,
    ) -> Result<Vec<u8>, RenderError> {
        let ctx = self.context(role, draft, Meta::now(&draft.template))?;
        let markdown = self.render_markdown(&draft.template, &ctx)?;
        export_rendered(role, &ctx, markdown, format)
    }
}

/// A posting the template has already turned into `markdown` (from `ctx`), as `format`.
/// `rolecraft jd` renders once for the unset fields and the checks, then exports that text.
pub fn export_rendered(
    role: &Role,
    ctx: &JdContext,
    markdown: String,
    format: ExportFormat,
) -> Result<Vec<u8>, RenderError> {
    Ok(match format {
        ExportFormat::Md => markdown.into_bytes(),
        ExportFormat::Html => posting_html(ctx, &markdown).into_bytes(),
        ExportFormat::Fragment => fragment(&markdown).into_bytes(),
        ExportFormat::Text => plain_text(&markdown).into_bytes(),
        ExportFormat::Jsonld => {
            let mut json = json_ld_checked(ctx, &markdown)?;
            json.push('\n');
            json.into_bytes()
        }
        ExportFormat::Docx => docx(&markdown, &role.title)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled_roles;
    use crate::render::golden_tests::acme_posting;

    fn setup() -> (Role, Renderer, Draft) {
        let role = bundled_roles()
            .expect("the bundled library loads")
            .into_iter()
            .find(|r| r.id == "cto")
            .expect("cto is bundled");
        let mut draft = Draft::new("t", &role.id, "job-board");
        draft.posting = acme_posting();
        (role, Renderer::new(), draft)
    }

    #[test]
    fn every_format_exports_the_same_posting() {
        let (role, renderer, draft) = setup();
        let role = &role;
        for format in ExportFormat::ALL {
            let bytes = renderer.export(role, &draft, format).expect("exports");
            assert!(!bytes.is_empty(), "{format:?} is empty");
            if !format.is_binary() {
                let text = String::from_utf8(bytes).expect("text formats are UTF-8");
                assert!(
                    text.contains("Acme"),
                    "{format:?} lacks the company:\n{text}"
                );
            } else {
                assert_eq!(&bytes[..2], b"PK", "a .docx is a zip");
            }
        }
    }

    #[test]
    fn a_posting_rendered_once_exports_as_a_fresh_render_does() {
        let (role, renderer, draft) = setup();
        let ctx = renderer
            .context(&role, &draft, Meta::now(&draft.template))
            .expect("context");
        let html = renderer
            .render(&draft.template, &ctx, OutputFormat::Html)
            .expect("renders");
        let markdown = renderer
            .render_markdown(&draft.template, &ctx)
            .expect("renders");
        assert_eq!(
            export_rendered(&role, &ctx, markdown.clone(), ExportFormat::Html).expect("html"),
            html.text.into_bytes()
        );
        for format in ExportFormat::ALL.into_iter().filter(|f| !f.is_binary()) {
            assert_eq!(
                export_rendered(&role, &ctx, markdown.clone(), format).expect("exports"),
                renderer.export(&role, &draft, format).expect("exports"),
                "{format:?}"
            );
        }
    }

    #[test]
    fn json_ld_names_what_it_lacks_and_writes_nothing_else() {
        let (role, renderer, mut draft) = setup();
        draft.posting.company = None;
        let role = &role;
        let err = renderer
            .export(role, &draft, ExportFormat::Jsonld)
            .expect_err("no hiring organisation");
        assert!(err.to_string().contains("hiringOrganization"), "{err}");
        assert!(renderer.export(role, &draft, ExportFormat::Md).is_ok());
    }

    #[test]
    fn formats_cross_ipc_by_their_short_names() {
        let names = serde_json::to_string(&ExportFormat::ALL).expect("json");
        assert_eq!(names, r#"["md","html","fragment","text","jsonld","docx"]"#);
    }
}
