//! `section`: the chosen section with a given key.
//!
//! As a block, `{{#section "responsibilities"}}## {{title}}{{/section}}` renders its body with
//! the section as context when the draft chose it, else its `{{else}}` part (or nothing: a role
//! without that section is normal). As a subexpression, `(section "summary")` is the section or
//! null.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, Output, RenderContext, RenderError,
    RenderErrorReason, Renderable, ScopedJson,
};

pub struct SectionHelper;

fn find<'rc>(
    h: &Helper<'rc>,
    ctx: &'rc Context,
) -> Result<Option<(usize, &'rc serde_json::Value)>, RenderError> {
    let key = h.param(0).and_then(|p| p.value().as_str()).ok_or(
        RenderErrorReason::ParamTypeMismatchForName("section", "0".into(), "string".into()),
    )?;
    let sections = ctx
        .data()
        .get("sections")
        .and_then(|s| s.as_array())
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    Ok(sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.get("key").and_then(|k| k.as_str()) == Some(key)))
}

impl HelperDef for SectionHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        Ok(match find(h, ctx)? {
            Some((i, value)) => ScopedJson::Context(value, vec!["sections".into(), i.to_string()]),
            None => ScopedJson::Derived(serde_json::Value::Null),
        })
    }

    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        if !h.is_block() {
            return Err(RenderErrorReason::Other(
                "use {{#section \"key\"}}…{{/section}} as a block, or (section \"key\") in a subexpression".into(),
            )
            .into());
        }
        match find(h, ctx)? {
            Some((i, _)) => {
                let mut block = handlebars::BlockContext::new();
                *block.base_path_mut() = vec!["sections".into(), i.to_string()];
                rc.push_block(block);
                let result = h
                    .template()
                    .map(|t| t.render(r, ctx, rc, out))
                    .unwrap_or(Ok(()));
                rc.pop_block();
                result
            }
            None => h
                .inverse()
                .map(|t| t.render(r, ctx, rc, out))
                .unwrap_or(Ok(())),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;

    #[test]
    fn finds_a_chosen_section_by_key_as_block_and_subexpression() {
        let r = test_registry();
        let data = json!({"sections": [
            {"key": "summary", "title": "Summary", "items": [{"text": "s"}]},
            {"key": "responsibilities", "title": "Responsibilities", "items": [{"text": "a"}, {"text": "b"}]}
        ], "role": {"title": "CTO"}});
        let render = |t: &str| r.render_template(t, &data).unwrap();
        assert_eq!(
            render("{{#section \"responsibilities\"}}{{title}}:{{#each items}} {{text}}{{/each}} ({{@root.role.title}}){{/section}}"),
            "Responsibilities: a b (CTO)"
        );
        assert_eq!(
            render("{{#section \"qualifications\"}}q{{else}}none{{/section}}"),
            "none"
        );
        assert_eq!(render("{{#section \"qualifications\"}}q{{/section}}"), "");
        assert_eq!(
            render("{{#with (section \"summary\")}}{{title}}{{/with}}"),
            "Summary"
        );
        assert_eq!(
            render("{{#if (section \"kpis\")}}k{{else}}no kpis{{/if}}"),
            "no kpis"
        );
        assert!(r.render_template("{{section \"summary\"}}", &data).is_err());
        assert!(r
            .render_template("{{#section \"summary\"}}{{titel}}{{/section}}", &data)
            .is_err());
    }
}
