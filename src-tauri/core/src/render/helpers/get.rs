//! `get`: `{{get role.facts "years_of_experience"}}` is the value under a key that may be
//! absent (an object key or an array index), or null. The object itself must exist: a
//! misspelt `role.fatcs` is still an error.

use handlebars::{
    Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, RenderErrorReason,
    ScopedJson,
};

use super::param;
use serde_json::Value;

pub struct GetHelper;

impl HelperDef for GetHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let target = param(h, "get", 0)?;
        let key = h
            .param(1)
            .ok_or(RenderErrorReason::ParamNotFoundForIndex("get", 1))?
            .value();
        let found = match (target.value(), key) {
            (Value::Object(map), Value::String(k)) => map.get(k),
            (Value::Array(list), Value::Number(n)) => n.as_u64().and_then(|i| list.get(i as usize)),
            (Value::Array(list), Value::String(s)) => {
                s.parse::<usize>().ok().and_then(|i| list.get(i))
            }
            _ => None,
        };
        Ok(ScopedJson::Derived(found.cloned().unwrap_or(Value::Null)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;

    #[test]
    fn an_absent_key_is_null_but_a_missing_object_is_an_error() {
        let r = test_registry();
        let data = json!({"role": {"facts": {"years_of_experience": "15+"}, "list": ["a", "b"]}});
        let render = |t: &str| r.render_template(t, &data);
        assert_eq!(
            render("{{get role.facts \"years_of_experience\"}}").unwrap(),
            "15+"
        );
        assert_eq!(render("[{{get role.facts \"scope\"}}]").unwrap(), "[]");
        assert_eq!(
            render("{{#if (get role.facts \"scope\")}}s{{else}}no scope{{/if}}").unwrap(),
            "no scope"
        );
        assert_eq!(render("{{get role.list 1}}").unwrap(), "b");
        assert!(render("{{get role.fatcs \"scope\"}}").is_err());
    }
}
