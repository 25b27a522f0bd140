//! `join`: the non-empty values among its parameters (arrays are flattened), joined by `sep`
//! (default `", "`): `{{join posting.team posting.location posting.remote_policy sep=" · "}}`.
//! Null and blank values are skipped, so optional fields need no `{{#if}}` around them.

use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, ScopedJson};
use serde_json::Value;

use super::present;

pub struct JoinHelper;

fn push(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::String(s) if s.trim().is_empty() => {}
        Value::String(s) => out.push(s.trim().to_string()),
        Value::Array(items) => items.iter().for_each(|v| push(v, out)),
        // Items (`{text, ...}`) join by their text.
        Value::Object(map) => {
            if let Some(text) = map.get("text") {
                push(text, out)
            }
        }
        other => out.push(other.to_string()),
    }
}

impl HelperDef for JoinHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let mut parts = Vec::new();
        for param in h.params() {
            present(param)?;
            push(param.value(), &mut parts);
        }
        let sep = h
            .hash_get("sep")
            .and_then(|v| v.value().as_str())
            .unwrap_or(", ");
        Ok(ScopedJson::Derived(Value::String(parts.join(sep))))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;

    #[test]
    fn joins_present_values_and_skips_empty_ones() {
        let r = test_registry();
        let data = json!({"p": {"a": "Berlin", "b": null, "c": " ", "d": "Remote"},
                          "items": [{"text": "x"}, {"text": "y"}], "tags": ["t1", "t2"]});
        let render = |t: &str| r.render_template(t, &data);
        assert_eq!(
            render("{{join p.a p.b p.c p.d sep=\" · \"}}").unwrap(),
            "Berlin · Remote"
        );
        assert_eq!(render("{{join items}}").unwrap(), "x, y");
        assert_eq!(
            render("{{join tags p.d sep=\"/\"}}").unwrap(),
            "t1/t2/Remote"
        );
        assert_eq!(render("[{{join p.b}}]").unwrap(), "[]");
        assert!(render("{{join p.zz}}").is_err());
    }
}
