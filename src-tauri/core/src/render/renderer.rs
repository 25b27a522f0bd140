//! The `Renderer`: every template registered once in one strict Markdown registry, reused for
//! every render (re-parsing a template per call costs ~4× a render).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use handlebars::Handlebars;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[cfg(test)]
use super::context::build_context;
use super::context::{build_context_with, JdContext, Meta, TemplateOptions};
use super::markdown::{new_registry, render_error, syntax_error, tidy_markdown};
use super::templates::{parse_header, posting_fields, TemplateInfo, TemplateOrigin, BUILT_IN};
use super::{html, OutputFormat, RenderError};
use crate::drafts::{Draft, PostingField};
use crate::model::Role;

/// A rendered job description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Rendered {
    pub format: OutputFormat,
    /// The Markdown, or the whole HTML document.
    pub text: String,
    /// Posting fields the template uses that are still empty (warn before export).
    pub unset_fields: Vec<PostingField>,
}

struct Entry {
    info: TemplateInfo,
    /// Set when the template does not compile (or could not be read).
    error: Option<RenderError>,
}

pub struct Renderer {
    registry: Handlebars<'static>,
    entries: BTreeMap<String, Entry>,
}

impl Default for Renderer {
    fn default() -> Self {
        Renderer::new()
    }
}

impl Renderer {
    /// The built-in templates only.
    pub fn new() -> Renderer {
        let mut renderer = Renderer {
            registry: new_registry(),
            entries: BTreeMap::new(),
        };
        for (name, source) in BUILT_IN {
            renderer.add(name, source, TemplateOrigin::BuiltIn, None);
            debug_assert!(
                renderer.entries[name].error.is_none(),
                "built-in template {name} compiles"
            );
        }
        renderer
    }

    /// Built-ins plus every `*.hbs` in `dir` (a missing folder is fine). A user template
    /// replaces the built-in of the same name. A user template that doesn't compile is listed
    /// with its error, and rendering it gives that error.
    pub fn with_user_templates(dir: &Path) -> Result<Renderer, RenderError> {
        let mut renderer = Renderer::new();
        renderer.load_user_dir(dir)?;
        Ok(renderer)
    }

    /// A renderer for one template, as `with_user_templates` would give it. A built-in `name`
    /// that no user template replaces is compiled alone (compiling the three built-ins is a
    /// third of `rolecraft jd`). A user template may include the other user templates as
    /// partials, and the partial-cycle check must see them all, so it gets the whole folder;
    /// any other name too, so it fails with the same list of templates.
    pub fn for_template(name: &str, dir: Option<&Path>) -> Result<Renderer, RenderError> {
        let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
        let user = dir
            .filter(|_| plain)
            .map(|d| d.join(format!("{name}.hbs")))
            .filter(|p| p.is_file());
        let built_in = BUILT_IN.iter().find(|(n, _)| *n == name);
        let mut renderer = Renderer {
            registry: new_registry(),
            entries: BTreeMap::new(),
        };
        match (user, built_in) {
            (None, Some((name, source))) => {
                renderer.add(name, source, TemplateOrigin::BuiltIn, None)
            }
            _ => {
                return match dir {
                    Some(dir) => Renderer::with_user_templates(dir),
                    None => Ok(Renderer::new()),
                }
            }
        }
        Ok(renderer)
    }

    /// Adds (or re-reads) the user templates in `dir`.
    pub fn load_user_dir(&mut self, dir: &Path) -> Result<(), RenderError> {
        if !dir.is_dir() {
            return Ok(());
        }
        let io = |e: std::io::Error| RenderError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "hbs") && p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let Some(name) = path
                .file_stem()
                .and_then(|s| s.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let shown = path.display().to_string();
            match read_template(&path) {
                Ok(source) => self.add(&name, &source, TemplateOrigin::User, Some(shown)),
                Err(error) => {
                    self.add_broken(&name, TemplateOrigin::User, Some(shown), error);
                }
            }
        }
        Ok(())
    }

    /// Registers a template file given by path under its path as name (so errors name the file).
    /// A syntax error is returned at once.
    pub fn add_template_file(&mut self, path: &Path) -> Result<String, RenderError> {
        let name = path.display().to_string();
        let source = read_template(path)?;
        self.add(&name, &source, TemplateOrigin::File, Some(name.clone()));
        match &self.entries[&name].error {
            Some(e) => Err(e.clone()),
            None => Ok(name),
        }
    }

    /// Registers a template from text (replacing one of the same name). For the template fuzz
    /// target and tests: the app and the CLI register files (`add_template_file`,
    /// `with_user_templates`).
    pub fn add_template(
        &mut self,
        name: &str,
        source: &str,
        origin: TemplateOrigin,
    ) -> Result<(), RenderError> {
        self.add(name, source, origin, None);
        match &self.entries[name].error {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }

    fn add(&mut self, name: &str, source: &str, origin: TemplateOrigin, path: Option<String>) {
        let header = parse_header(source);
        let overrides_built_in =
            origin != TemplateOrigin::BuiltIn && BUILT_IN.iter().any(|(n, _)| *n == name);
        let mut info = TemplateInfo {
            name: name.to_string(),
            title: header.title.unwrap_or_else(|| name.to_string()),
            description: header.description,
            origin,
            path,
            overrides_built_in,
            default_sections: header.sections,
            fields: Vec::new(),
            headings: header.headings,
            internal: header.internal,
            error: None,
        };
        // Limits checked before Handlebars' recursive parser sees the text.
        if let Err((line, message)) = super::guard::check_source(source) {
            self.registry.unregister_template(name);
            let error = RenderError::TemplateSyntax {
                template: name.to_string(),
                line,
                column: 1,
                message,
            };
            info.error = Some(error.to_string());
            self.entries.insert(
                name.to_string(),
                Entry {
                    info,
                    error: Some(error),
                },
            );
            return;
        }
        let error = match self.registry.register_template_string(name, source) {
            Ok(()) => {
                info.fields = self
                    .registry
                    .get_template(name)
                    .map(posting_fields)
                    .unwrap_or_default();
                None
            }
            Err(e) => {
                self.registry.unregister_template(name);
                let error = syntax_error(name, &e);
                info.error = Some(error.to_string());
                Some(error)
            }
        };
        self.entries.insert(name.to_string(), Entry { info, error });
    }

    fn add_broken(
        &mut self,
        name: &str,
        origin: TemplateOrigin,
        path: Option<String>,
        error: RenderError,
    ) {
        self.registry.unregister_template(name);
        let info = TemplateInfo {
            name: name.to_string(),
            title: name.to_string(),
            description: None,
            origin,
            path,
            overrides_built_in: BUILT_IN.iter().any(|(n, _)| *n == name),
            default_sections: None,
            fields: Vec::new(),
            headings: Default::default(),
            internal: false,
            error: Some(error.to_string()),
        };
        self.entries.insert(
            name.to_string(),
            Entry {
                info,
                error: Some(error),
            },
        );
    }

    /// Every template: built-ins (or the user templates replacing them) in their fixed order,
    /// then user templates, then files, each by name.
    pub fn templates(&self) -> Vec<TemplateInfo> {
        let built_in_rank = |name: &str| {
            BUILT_IN
                .iter()
                .position(|(n, _)| *n == name)
                .unwrap_or(usize::MAX)
        };
        let mut infos: Vec<TemplateInfo> = self.entries.values().map(|e| e.info.clone()).collect();
        infos.sort_by(|a, b| {
            (built_in_rank(&a.name), a.origin, &a.name).cmp(&(
                built_in_rank(&b.name),
                b.origin,
                &b.name,
            ))
        });
        infos
    }

    fn entry(&self, name: &str) -> Result<&Entry, RenderError> {
        self.entries
            .get(name)
            .ok_or_else(|| RenderError::UnknownTemplate {
                name: name.to_string(),
                known: self
                    .templates()
                    .iter()
                    .map(|t| t.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
    }

    pub fn info(&self, name: &str) -> Result<&TemplateInfo, RenderError> {
        self.entry(name).map(|e| &e.info)
    }

    /// The context for `role` as `draft` changes it, with the draft's template's default sections.
    pub fn context(
        &self,
        role: &Role,
        draft: &Draft,
        meta: Meta,
    ) -> Result<JdContext, RenderError> {
        let info = &self.entry(&draft.template)?.info;
        let options = TemplateOptions {
            default_sections: info.default_sections.clone(),
            headings: info.headings.clone(),
            internal: info.internal,
        };
        build_context_with(role, draft, &options, meta)
    }

    /// The draft rendered with its template, dated today: what the preview, the export and
    /// `rolecraft jd` show.
    pub fn render_draft(
        &self,
        role: &Role,
        draft: &Draft,
        format: OutputFormat,
    ) -> Result<Rendered, RenderError> {
        let ctx = self.context(role, draft, Meta::now(&draft.template))?;
        self.render(&draft.template, &ctx, format)
    }

    /// A context rendered with a template, plus the posting fields it uses that are empty.
    pub fn render(
        &self,
        template: &str,
        ctx: &JdContext,
        format: OutputFormat,
    ) -> Result<Rendered, RenderError> {
        let markdown = self.render_markdown(template, ctx)?;
        let unset_fields = self.unset_fields(template, ctx)?;
        let text = match format {
            OutputFormat::Markdown => markdown,
            OutputFormat::Html => posting_html(ctx, &markdown),
        };
        Ok(Rendered {
            format,
            text,
            unset_fields,
        })
    }

    /// The template's Markdown (tidied: see `tidy_markdown`).
    pub fn render_markdown(&self, template: &str, ctx: &JdContext) -> Result<String, RenderError> {
        self.render_raw(template, ctx)
            .map(|raw| tidy_markdown(&raw))
    }

    fn render_raw(&self, template: &str, ctx: &JdContext) -> Result<String, RenderError> {
        let entry = self.entry(template)?;
        if let Some(e) = &entry.error {
            return Err(e.clone());
        }
        super::guard::check_partials(&self.registry, template).map_err(|(at, message)| {
            RenderError::Template {
                template: at,
                line: None,
                column: None,
                message,
            }
        })?;
        let _budget = super::guard::Budget::start();
        let mut out = super::guard::CappedWriter::default();
        let rendered = self.registry.render_to_write(template, ctx, &mut out);
        if let Some(message) = out.stopped.take().or_else(super::guard::over_time) {
            return Err(RenderError::Template {
                template: template.to_string(),
                line: None,
                column: None,
                message,
            });
        }
        rendered.map_err(|e| render_error(template, e))?;
        String::from_utf8(out.bytes).map_err(|e| RenderError::Template {
            template: template.to_string(),
            line: None,
            column: None,
            message: format!("the output is not UTF-8: {e}"),
        })
    }

    /// The posting fields the template uses that are empty in `ctx`, in form order. "Uses"
    /// means named in the template's text (even only in an `{{#if}}`) or printed when set:
    /// the template is rendered once more with a marker in every empty field.
    pub fn unset_fields(
        &self,
        template: &str,
        ctx: &JdContext,
    ) -> Result<Vec<PostingField>, RenderError> {
        let entry = self.entry(template)?;
        if let Some(e) = &entry.error {
            return Err(e.clone());
        }
        let unset: Vec<PostingField> = PostingField::ALL
            .into_iter()
            .filter(|f| ctx.posting.get(*f).is_none())
            .collect();
        let mut used: BTreeSet<PostingField> = entry
            .info
            .fields
            .iter()
            .copied()
            .filter(|f| unset.contains(f))
            .collect();
        if used.len() < unset.len() {
            let mut probe = ctx.clone();
            for field in &unset {
                probe.posting.set(*field, marker(*field));
            }
            if let Ok(text) = self.render_raw(template, &probe) {
                used.extend(unset.iter().copied().filter(|f| text.contains(&marker(*f))));
            }
        }
        Ok(used.into_iter().collect())
    }
}

/// A template file's text: a regular file of at most `guard::MAX_TEMPLATE_BYTES`, UTF-8.
fn read_template(path: &Path) -> Result<String, RenderError> {
    let io = |reason: String| RenderError::Io {
        path: path.display().to_string(),
        reason,
    };
    let bytes = crate::fs::read_capped(path, super::guard::MAX_TEMPLATE_BYTES as u64)
        .map_err(|e| io(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| io(format!("not UTF-8 text: {e}")))
}

fn marker(field: PostingField) -> String {
    format!("\u{E000}{}\u{E001}", field.key())
}

/// The posting's Markdown as one HTML document, titled from `ctx`: what the HTML preview and
/// the HTML export both give.
pub(super) fn posting_html(ctx: &JdContext, markdown: &str) -> String {
    html::html_document(&document_title(ctx), markdown)
}

/// "VP of Engineering at Acme", or the role title alone.
fn document_title(ctx: &JdContext) -> String {
    let title = ctx
        .role
        .get("title")
        .and_then(|t| t.as_str())
        .unwrap_or("Job description");
    match ctx.posting.get(PostingField::Company) {
        Some(company) => format!("{title} at {company}"),
        None => title.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::vp;

    fn ctx_with(company: Option<&str>) -> JdContext {
        let mut draft = Draft::new("d", "vp-of-engineering", "full");
        if let Some(c) = company {
            draft.posting.set(PostingField::Company, c);
        }
        build_context(&vp(), &draft, None, Meta::at("2025-01-02", "full")).unwrap()
    }

    #[test]
    fn a_user_template_gives_exactly_its_text() {
        let mut r = Renderer::new();
        r.add_template(
            "mine",
            "{{role.title}} at {{posting.company}}",
            TemplateOrigin::User,
        )
        .unwrap();
        let out = r
            .render("mine", &ctx_with(Some("Acme")), OutputFormat::Markdown)
            .unwrap();
        assert_eq!(out.text, "VP of Engineering at Acme");
        assert!(out.unset_fields.is_empty());
        let out = r
            .render("mine", &ctx_with(None), OutputFormat::Markdown)
            .unwrap();
        assert_eq!(out.text, "VP of Engineering at ");
        assert_eq!(out.unset_fields, [PostingField::Company]);
    }

    #[test]
    fn user_templates_from_a_folder_override_built_ins_and_broken_ones_carry_their_error() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(
            tmp.path().join("full.hbs"),
            "{{!--\ntitle: Our full posting\n--}}\nOurs: {{role.title}}\n",
        )
        .unwrap();
        std::fs::write(
            tmp.path().join("short.hbs"),
            "{{role.title}} in {{posting.location}}\n",
        )
        .unwrap();
        std::fs::write(
            tmp.path().join("broken.hbs"),
            "# {{role.title}}\n{{#each sections}}\n",
        )
        .unwrap();
        std::fs::write(tmp.path().join("notes.txt"), "not a template").unwrap();
        let r = Renderer::with_user_templates(tmp.path()).unwrap();
        let names: Vec<_> = r
            .templates()
            .into_iter()
            .map(|t| (t.name, t.origin))
            .collect();
        assert_eq!(
            names,
            [
                ("full".to_string(), TemplateOrigin::User),
                ("job-board".to_string(), TemplateOrigin::BuiltIn),
                ("levelling-summary".to_string(), TemplateOrigin::BuiltIn),
                ("broken".to_string(), TemplateOrigin::User),
                ("short".to_string(), TemplateOrigin::User),
            ]
        );
        let full = r.info("full").unwrap();
        assert!(full.overrides_built_in);
        assert_eq!(full.title, "Our full posting");
        assert_eq!(
            r.render_markdown("full", &ctx_with(None)).unwrap(),
            "Ours: VP of Engineering\n"
        );
        assert_eq!(r.info("short").unwrap().fields, [PostingField::Location]);

        let broken = r.info("broken").unwrap();
        assert!(
            broken
                .error
                .as_deref()
                .is_some_and(|e| e.starts_with("template \"broken\" line ")),
            "{broken:?}"
        );
        let err = r.render_markdown("broken", &ctx_with(None)).unwrap_err();
        assert_eq!(err.kind(), "template_syntax");
        assert!(
            matches!(err, RenderError::TemplateSyntax { ref template, line: 2.., .. } if template == "broken"),
            "{err:?}"
        );
    }

    #[test]
    fn a_renderer_for_one_template_renders_and_fails_as_the_whole_one() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("full.hbs"), "Ours: {{role.title}}\n").unwrap();
        std::fs::write(tmp.path().join("short.hbs"), "{{posting.location}}\n").unwrap();
        std::fs::write(tmp.path().join("broken.hbs"), "{{#each sections}}\n").unwrap();
        let whole = Renderer::with_user_templates(tmp.path()).unwrap();
        let ctx = ctx_with(Some("Acme"));
        for name in [
            "full",
            "short",
            "broken",
            "job-board",
            "levelling-summary",
            "nope",
            "../x",
        ] {
            let one = Renderer::for_template(name, Some(tmp.path())).unwrap();
            let a = one.render(name, &ctx, OutputFormat::Html);
            let b = whole.render(name, &ctx, OutputFormat::Html);
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{name}");
            if name == "job-board" {
                assert_eq!(one.templates().len(), 1, "{name} alone is compiled");
            }
            if ["full", "short", "job-board"].contains(&name) {
                assert_eq!(one.info(name).unwrap(), whole.info(name).unwrap());
            }
        }
        let built_in = Renderer::for_template("full", None).unwrap();
        assert_eq!(
            built_in.render_markdown("full", &ctx).unwrap(),
            Renderer::new().render_markdown("full", &ctx).unwrap()
        );
        assert_eq!(
            Renderer::for_template("nope", None)
                .unwrap()
                .render_markdown("nope", &ctx)
                .unwrap_err()
                .kind(),
            "unknown_template"
        );
    }

    #[test]
    fn an_unknown_template_names_the_known_ones() {
        let err = Renderer::new()
            .render_markdown("fulll", &ctx_with(None))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "no template \"fulll\" (known: full, job-board, levelling-summary)"
        );
    }

    #[test]
    fn a_template_file_is_named_by_its_path_in_errors() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("jd.hbs");
        std::fs::write(&path, "# {{role.title}}\n\n{{posting.compnay}}\n").unwrap();
        let mut r = Renderer::new();
        let name = r.add_template_file(&path).unwrap();
        let err = r.render_markdown(&name, &ctx_with(None)).unwrap_err();
        assert_eq!(err.kind(), "template_render");
        let msg = err.to_string();
        assert!(
            msg.starts_with(&format!(
                "template \"{}\" line 3, column 1: no field \"posting.compnay\"",
                path.display()
            )),
            "{msg}"
        );

        std::fs::write(&path, "{{#if}}").unwrap();
        let err = r.add_template_file(&path).unwrap_err();
        assert!(
            matches!(err, RenderError::TemplateSyntax { line: 1, .. }),
            "{err:?}"
        );
        assert!(
            r.add_template_file(&tmp.path().join("nope.hbs"))
                .unwrap_err()
                .kind()
                == "io"
        );
    }

    #[test]
    fn unset_fields_cover_fields_named_in_conditions_and_reached_through_with() {
        let mut r = Renderer::new();
        r.add_template(
            "t",
            "{{#if posting.salary_range}}pay{{/if}}{{#with posting}}{{team}}{{/with}}{{posting.company}}",
            TemplateOrigin::User,
        )
        .unwrap();
        let mut ctx = ctx_with(Some("Acme"));
        ctx.posting.team = Some("Platform".into());
        assert_eq!(
            r.unset_fields("t", &ctx).unwrap(),
            [PostingField::SalaryRange]
        );
        ctx.posting.team = None;
        assert_eq!(
            r.unset_fields("t", &ctx).unwrap(),
            [PostingField::Team, PostingField::SalaryRange]
        );
    }

    #[test]
    fn built_ins_report_the_fields_they_use() {
        let r = Renderer::new();
        let ctx = ctx_with(None);
        assert_eq!(r.unset_fields("full", &ctx).unwrap(), PostingField::ALL);
        assert_eq!(
            r.unset_fields("job-board", &ctx).unwrap(),
            [
                PostingField::Company,
                PostingField::Location,
                PostingField::RemotePolicy,
                PostingField::EmploymentType,
                PostingField::SalaryRange,
                PostingField::Benefits,
                PostingField::HowToApply,
                PostingField::EqualOpportunity,
                PostingField::ValidThrough,
                PostingField::ApplyUrl,
            ]
        );
        assert!(r
            .unset_fields("levelling-summary", &ctx)
            .unwrap()
            .is_empty());
    }

    #[test]
    fn render_draft_uses_the_templates_default_sections_and_the_html_has_the_company() {
        let r = Renderer::new();
        let mut draft = Draft::new("d", "vp-of-engineering", "job-board");
        draft.posting.set(PostingField::Company, "Acme");
        let md = r
            .render_draft(&vp(), &draft, OutputFormat::Markdown)
            .unwrap();
        assert!(
            md.text.starts_with("# VP of Engineering\n\nAcme\n"),
            "{}",
            md.text
        );
        assert!(md.text.contains("**What you'll do**"));
        assert!(
            !md.text.contains("Culture leadership"),
            "scope_of_knowledge is not in job-board's default"
        );
        let html = r.render_draft(&vp(), &draft, OutputFormat::Html).unwrap();
        assert!(html
            .text
            .contains("<title>VP of Engineering at Acme</title>"));
        assert!(html
            .text
            .contains("<li>Drives engineering operations strategy.</li>"));
        assert_eq!(html.unset_fields, md.unset_fields);
    }
}
