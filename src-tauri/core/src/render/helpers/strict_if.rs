//! `if` and `unless` that refuse a missing path. The built-in ones treat a misspelt field
//! (`{{#if posting.compnay}}`) as false even in strict mode, silently dropping a block; here it
//! is an error naming the path, the template, line and column (as Handlebars.js's strict mode
//! does). A field that exists but is null, empty or false is false as usual.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, HelperResult, JsonTruthy, Output, RenderContext,
    Renderable,
};

use super::param;

pub struct StrictIf {
    pub positive: bool,
}

impl HelperDef for StrictIf {
    fn call<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        r: &'reg Handlebars<'reg>,
        ctx: &'rc Context,
        rc: &mut RenderContext<'reg, 'rc>,
        out: &mut dyn Output,
    ) -> HelperResult {
        let name = if self.positive { "if" } else { "unless" };
        let param = param(h, name, 0)?;
        let include_zero = h
            .hash_get("includeZero")
            .and_then(|v| v.value().as_bool())
            .unwrap_or(false);
        let truthy = param.value().is_truthy(include_zero) == self.positive;
        match if truthy { h.template() } else { h.inverse() } {
            Some(t) => t.render(r, ctx, rc, out),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;

    #[test]
    fn a_missing_path_is_an_error_and_null_is_false() {
        let r = test_registry();
        let data = json!({"posting": {"company": null, "team": "Platform"}});
        let render = |t: &str| r.render_template(t, &data);
        assert_eq!(
            render("{{#if posting.company}}a{{else}}b{{/if}}").unwrap(),
            "b"
        );
        assert_eq!(
            render("{{#if posting.team}}a{{else}}b{{/if}}").unwrap(),
            "a"
        );
        assert_eq!(
            render("{{#unless posting.company}}u{{/unless}}").unwrap(),
            "u"
        );
        assert_eq!(
            render("{{#if posting.company}}a{{else if posting.team}}t{{/if}}").unwrap(),
            "t"
        );
        let err = render("x\n{{#if posting.compnay}}a{{/if}}").unwrap_err();
        assert_eq!((err.line_no, err.column_no), (Some(2), Some(1)));
        assert!(err.to_string().contains("posting.compnay"), "{err}");
        assert!(render("{{#unless posting.compnay}}a{{/unless}}").is_err());
        assert!(render("{{#if posting.company}}a{{else if posting.tem}}t{{/if}}").is_err());
    }
}
