//! `indent`: every line of a text after the first, indented by N spaces (default 2), so a
//! multi-line item stays inside its list item: `- {{indent text 2}}`.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};
use serde_json::Value;

use super::param;

pub struct IndentHelper;

pub fn indent(text: &str, width: usize) -> String {
    let pad = " ".repeat(width);
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.trim().is_empty() {
                out.push_str(&pad);
            }
        }
        out.push_str(line);
    }
    out
}

impl HelperDef for IndentHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let text = param(h, "indent", 0)?;
        let width = match h.param(1).map(|p| p.value()) {
            None => 2,
            Some(Value::Number(n)) if n.as_u64().is_some_and(|w| w <= 16) => {
                n.as_u64().unwrap_or(2) as usize
            }
            Some(_) => {
                return Err(
                    RenderErrorReason::InvalidParamType("a number of spaces from 0 to 16").into(),
                )
            }
        };
        let text = match text.value() {
            Value::String(s) => indent(s, width),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;

    #[test]
    fn continuation_lines_are_indented() {
        let r = test_registry();
        let data = json!({"text": "first\nsecond\n\nthird", "one": "single"});
        let render = |t: &str| r.render_template(t, &data);
        assert_eq!(
            render("- {{indent text}}").unwrap(),
            "- first\n  second\n\n  third"
        );
        assert_eq!(
            render("1. {{indent text 3}}").unwrap(),
            "1. first\n   second\n\n   third"
        );
        assert_eq!(render("- {{indent one}}").unwrap(), "- single");
        assert!(render("{{indent txet}}").is_err());
        assert!(render("{{indent text \"x\"}}").is_err());
    }
}
