//! Job descriptions: a role and a draft's choices become a typed context, a Handlebars
//! template turns it into Markdown, and that Markdown becomes sanitised HTML.
//!
//! ```text
//! Role + Draft ─ build_context ─▶ JdContext ─ Handlebars (Markdown registry) ─▶ Markdown
//!                                                         pulldown-cmark + ammonia ─▶ HTML
//! ```
//! The UI and the CLI call a [`Renderer`] (templates registered once, reused for every render):
//! `Renderer::with_user_templates(dir)`, then `render_draft(role, draft, format)`, which gives
//! the text and the posting fields the template uses that are still empty. Drafts and their
//! store are `crate::drafts`. The context is documented in `docs/templates.md`.

pub mod context;
mod export;
pub mod formats;
pub mod guard;
mod helpers;
pub mod html;
mod markdown;
mod renderer;
mod role_value;
pub mod sections;
pub mod templates;

#[cfg(test)]
mod formats_tests;
#[cfg(test)]
pub(crate) mod golden_tests;
#[cfg(test)]
mod xss_tests;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::drafts::ChoiceError;

pub use context::{
    build_context, build_context_with, JdContext, JdGroup, JdItem, JdSection, Meta, TemplateOptions,
};
pub use export::{export_rendered, ExportFormat};
pub use helpers::register as register_helpers;
pub use html::{html_document, markdown_to_html, sanitize};
pub use markdown::tidy_markdown;
pub use renderer::{Rendered, Renderer};
pub use role_value::role_value;
pub use sections::{candidate_heading, is_internal_section, CANDIDATE_HEADINGS, INTERNAL_SECTIONS};
pub use templates::{TemplateInfo, TemplateOrigin, BUILT_IN, DEFAULT_TEMPLATE};

/// The two export formats.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum OutputFormat {
    /// Markdown, straight from the template (no HTML escaping).
    #[default]
    #[serde(rename = "md")]
    Markdown,
    /// One self-contained, sanitised HTML document.
    #[serde(rename = "html")]
    Html,
}

impl OutputFormat {
    /// The file extension: `md`, `html`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Markdown => "md",
            OutputFormat::Html => "html",
        }
    }
}

/// Why a job description could not be drafted or rendered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The template does not compile.
    #[error("template \"{template}\" line {line}, column {column}: {message}")]
    TemplateSyntax {
        template: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// The template compiled but failed while rendering (a missing field in strict mode, a
    /// helper misused, ...).
    #[error("template \"{template}\"{}: {message}", position(*line, *column))]
    Template {
        template: String,
        line: Option<usize>,
        column: Option<usize>,
        message: String,
    },
    #[error("no template \"{name}\" (known: {known})")]
    UnknownTemplate { name: String, known: String },
    #[error("role \"{role}\" has no section \"{key}\" (it has: {known})")]
    UnknownSection {
        key: String,
        role: String,
        known: String,
    },
    #[error("unknown posting field \"{key}\"; use KEY=VALUE with KEY one of: {known}")]
    UnknownField { key: String, known: String },
    #[error("posting field \"{key}\": \"{value}\" is not {expected}")]
    InvalidField {
        key: String,
        value: String,
        expected: String,
    },
    #[error("the JSON-LD lacks required JobPosting properties: {missing}")]
    MissingProperties { missing: String },
    #[error("{path}: {reason}")]
    Io { path: String, reason: String },
}

impl From<ChoiceError> for RenderError {
    fn from(e: ChoiceError) -> Self {
        match e {
            ChoiceError::UnknownSection { key, role, known } => {
                RenderError::UnknownSection { key, role, known }
            }
            ChoiceError::UnknownField { key, known } => RenderError::UnknownField { key, known },
            ChoiceError::InvalidField {
                key,
                value,
                expected,
            } => RenderError::InvalidField {
                key,
                value,
                expected,
            },
        }
    }
}

fn position(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(" line {l}, column {c}"),
        (Some(l), None) => format!(" line {l}"),
        _ => String::new(),
    }
}

impl RenderError {
    /// Where a template error is: (template, line, column), for the UI to point at it.
    pub fn location(&self) -> Option<(&str, Option<usize>, Option<usize>)> {
        match self {
            RenderError::TemplateSyntax {
                template,
                line,
                column,
                ..
            } => Some((template, Some(*line), Some(*column))),
            RenderError::Template {
                template,
                line,
                column,
                ..
            } => Some((template, *line, *column)),
            _ => None,
        }
    }

    /// A short machine-readable kind for the UI (`{kind, message}` over IPC).
    pub fn kind(&self) -> &'static str {
        match self {
            RenderError::TemplateSyntax { .. } => "template_syntax",
            RenderError::Template { .. } => "template_render",
            RenderError::UnknownTemplate { .. } => "unknown_template",
            RenderError::UnknownSection { .. } => "unknown_section",
            RenderError::UnknownField { .. } => "unknown_field",
            RenderError::InvalidField { .. } => "invalid_field",
            RenderError::MissingProperties { .. } => "missing_properties",
            RenderError::Io { .. } => "io",
        }
    }
}

#[cfg(test)]
mod tests {
    use ts_rs::{Config, TS};

    use super::*;
    use crate::drafts::{
        Draft, DraftSummary, ItemEdit, ItemRef, OutlineItem, OutlineSection, Posting, PostingField,
    };

    /// Every type the UI gets from the render module exports to TypeScript (the shell's
    /// bindings test writes them into `ui/src/lib/bindings/`).
    #[test]
    fn typescript_declarations_export() {
        let cfg = Config::new();
        let ctx = JdContext::export_to_string(&cfg).unwrap();
        assert!(
            ctx.contains("role: Role") && ctx.contains("import type { Role }"),
            "{ctx}"
        );
        assert!(ctx.contains("sections: Array<JdSection>"), "{ctx}");
        let draft = Draft::export_to_string(&cfg).unwrap();
        assert!(draft.contains("sections: Array<string> | null"), "{draft}");
        assert!(PostingField::export_to_string(&cfg)
            .unwrap()
            .contains("\"remote_policy\""));
        assert!(OutputFormat::export_to_string(&cfg)
            .unwrap()
            .contains("\"md\" | \"html\""));
        for text in [
            Posting::export_to_string(&cfg),
            JdSection::export_to_string(&cfg),
            JdGroup::export_to_string(&cfg),
            JdItem::export_to_string(&cfg),
            Meta::export_to_string(&cfg),
            ItemRef::export_to_string(&cfg),
            ItemEdit::export_to_string(&cfg),
            DraftSummary::export_to_string(&cfg),
            OutlineSection::export_to_string(&cfg),
            OutlineItem::export_to_string(&cfg),
            TemplateInfo::export_to_string(&cfg),
            TemplateOrigin::export_to_string(&cfg),
            Rendered::export_to_string(&cfg),
        ] {
            assert!(text.unwrap().contains("export type"));
        }
    }

    #[test]
    fn template_errors_have_a_location_and_others_do_not() {
        let syntax = RenderError::TemplateSyntax {
            template: "t".into(),
            line: 2,
            column: 3,
            message: "m".into(),
        };
        assert_eq!(syntax.location(), Some(("t", Some(2), Some(3))));
        let unknown = RenderError::UnknownTemplate {
            name: "x".into(),
            known: "full".into(),
        };
        assert_eq!(unknown.location(), None);
        assert_eq!(unknown.kind(), "unknown_template");
    }
}
