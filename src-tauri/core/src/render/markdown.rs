//! The Markdown side: the registry job-description templates are compiled into (strict, no
//! HTML escaping, Rolecraft's helpers), Handlebars errors as `RenderError`s, and the tidying
//! applied to every rendered Markdown text.

use handlebars::{Handlebars, RenderErrorReason, TemplateError};

use super::{helpers, RenderError};

/// Strict mode (a misspelt or missing field is an error naming template, line and column),
/// no HTML escaping (Markdown is the output; the HTML step sanitises), and the helpers.
pub(crate) fn new_registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(handlebars::no_escape);
    helpers::register(&mut registry);
    registry
}

pub(crate) fn syntax_error(name: &str, e: &TemplateError) -> RenderError {
    let (line, column) = e.pos().unwrap_or((1, 1));
    RenderError::TemplateSyntax {
        template: e.name().cloned().unwrap_or_else(|| name.to_string()),
        line,
        column,
        message: e.reason().to_string(),
    }
}

pub(crate) fn render_error(name: &str, e: handlebars::RenderError) -> RenderError {
    let message = match e.reason() {
        RenderErrorReason::TemplateError(t) => return syntax_error(name, t),
        RenderErrorReason::MissingVariable(Some(path)) => {
            format!(
                "no field \"{path}\" here (misspelt, or not in the context: see docs/templates.md)"
            )
        }
        RenderErrorReason::MissingVariable(None) => {
            "a helper looked up a field that is not in the context (see docs/templates.md)"
                .to_string()
        }
        other => other.to_string(),
    };
    RenderError::Template {
        template: e.template_name.clone().unwrap_or_else(|| name.to_string()),
        line: e.line_no,
        column: e.column_no,
        message,
    }
}

/// Leading blank lines dropped, runs of blank lines folded into one, whitespace-only lines
/// emptied, and at most one final newline (none when the template ends without one). This
/// spares template authors Handlebars' whitespace control around optional blocks.
pub fn tidy_markdown(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut blank_run = 0usize;
    for line in raw.lines() {
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
            if blank_run > 0 {
                out.push('\n');
            }
        }
        blank_run = 0;
        out.push_str(line);
    }
    if raw.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidying_folds_blank_lines_and_keeps_one_final_newline() {
        assert_eq!(
            tidy_markdown("\n\n# T\n\n\n\n- a\n   \n- b\n\n\n"),
            "# T\n\n- a\n\n- b\n"
        );
        assert_eq!(
            tidy_markdown("VP of Engineering at Acme"),
            "VP of Engineering at Acme"
        );
        assert_eq!(tidy_markdown("line  \nnext\n"), "line  \nnext\n");
        assert_eq!(tidy_markdown("\n \n"), "");
    }

    #[test]
    fn a_missing_field_names_template_line_and_column() {
        let mut r = new_registry();
        r.register_template_string("mine", "# {{role.title}}\n\n{{posting.compnay}}")
            .unwrap();
        let data = serde_json::json!({"role": {"title": "CTO"}, "posting": {"company": null}});
        let err = render_error("mine", r.render("mine", &data).unwrap_err());
        assert_eq!(
            err,
            RenderError::Template {
                template: "mine".into(),
                line: Some(3),
                column: Some(1),
                message: "no field \"posting.compnay\" here (misspelt, or not in the context: see docs/templates.md)"
                    .into(),
            }
        );
        assert!(err
            .to_string()
            .starts_with("template \"mine\" line 3, column 1: no field \"posting.compnay\""));
    }

    /// The vendored handlebars places elements with pest's line index (vendor/handlebars/
    /// PATCHED.md): lines end at `\n` (a `\r\n` is one end), columns count characters.
    #[test]
    fn a_missing_field_is_placed_in_characters_across_crlf_lines() {
        let mut r = new_registry();
        let source = "# {{role.title}} é\r\n\r\n  ü {{posting.compnay}}\r\n";
        r.register_template_string("mine", source).unwrap();
        let data = serde_json::json!({"role": {"title": "CTO"}, "posting": {"company": null}});
        match render_error("mine", r.render("mine", &data).unwrap_err()) {
            RenderError::Template { line, column, .. } => {
                assert_eq!((line, column), (Some(3), Some(5)))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_syntax_error_names_template_line_and_column() {
        let mut r = new_registry();
        let e = r
            .register_template_string("broken", "# T\n\n{{#each sections}}\n{{/if}}")
            .unwrap_err();
        let err = syntax_error("broken", &e);
        match &err {
            RenderError::TemplateSyntax {
                template,
                line,
                column,
                ..
            } => {
                assert_eq!((template.as_str(), *line, *column), ("broken", 4, 1));
            }
            other => panic!("{other:?}"),
        }
        assert!(
            err.to_string()
                .contains("\"each\" was opened, but \"if\" is closing"),
            "{err}"
        );
    }
}
