//! `humanize`: a snake_case key as words, first letter capital: `years_of_experience` →
//! `Years of experience`. For fact names and section keys.

use handlebars::{Context, Handlebars, Helper, HelperDef, RenderContext, RenderError, ScopedJson};
use serde_json::Value;

use super::param;

pub struct HumanizeHelper;

pub fn humanize(key: &str) -> String {
    let words = key
        .split(['_', '-'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl HelperDef for HumanizeHelper {
    fn call_inner<'reg: 'rc, 'rc>(
        &self,
        h: &Helper<'rc>,
        _: &'reg Handlebars<'reg>,
        _: &'rc Context,
        _: &mut RenderContext<'reg, 'rc>,
    ) -> Result<ScopedJson<'rc>, RenderError> {
        let text = match param(h, "humanize", 0)?.value() {
            Value::String(s) => humanize(s),
            Value::Null => String::new(),
            other => humanize(&other.to_string()),
        };
        Ok(ScopedJson::Derived(Value::String(text)))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::super::test_registry;
    use super::humanize;

    #[test]
    fn snake_keys_become_words() {
        assert_eq!(humanize("years_of_experience"), "Years of experience");
        assert_eq!(humanize("scope"), "Scope");
        assert_eq!(humanize("kpis"), "Kpis");
        assert_eq!(humanize(""), "");
        let r = test_registry();
        let data = json!({"facts": {"years_of_experience": "15+"}});
        assert_eq!(
            r.render_template("{{#each facts}}{{humanize @key}}: {{this}}{{/each}}", &data)
                .unwrap(),
            "Years of experience: 15+"
        );
    }
}
