//! Template helpers, one per file. `register` adds them all to a registry.
//!
//! | helper | use |
//! | --- | --- |
//! | `each` | as built in, but each step checks the render's time budget |
//! | `if`, `unless` | as built in, but a missing (misspelt) path is an error, not false |
//! | `section` | `{{#section "responsibilities"}}…{{else}}…{{/section}}`: the chosen section by key |
//! | `get` | `{{get role.facts "years_of_experience"}}`: a key that may be absent, as null |
//! | `join` | `{{join posting.location posting.remote_policy sep=" · "}}`: the non-empty values |
//! | `humanize` | `{{humanize @key}}`: `years_of_experience` → `Years of experience` |
//! | `indent` | `- {{indent text 2}}`: lines after the first indented, to stay in the list item |

mod each;
mod get;
mod humanize;
mod indent;
mod join;
mod section;
mod strict_if;

use handlebars::{Handlebars, Helper, PathAndJson, RenderError, RenderErrorReason};

/// Adds every Rolecraft helper to `registry` (also for use outside the `Renderer`).
pub fn register(registry: &mut Handlebars<'_>) {
    registry.register_helper("each", Box::new(each::EachHelper));
    registry.register_helper("if", Box::new(strict_if::StrictIf { positive: true }));
    registry.register_helper("unless", Box::new(strict_if::StrictIf { positive: false }));
    registry.register_helper("section", Box::new(section::SectionHelper));
    registry.register_helper("get", Box::new(get::GetHelper));
    registry.register_helper("join", Box::new(join::JoinHelper));
    registry.register_helper("humanize", Box::new(humanize::HumanizeHelper));
    registry.register_helper("indent", Box::new(indent::IndentHelper));
}

/// Parameter `index` of helper `name`: it must be given and, when it is a path, the path must
/// exist (a misspelt path is an error naming it, not null).
fn param<'a, 'rc>(
    h: &'a Helper<'rc>,
    name: &'static str,
    index: usize,
) -> Result<&'a PathAndJson<'rc>, RenderError> {
    let param = h
        .param(index)
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(name, index))?;
    present(param)?;
    Ok(param)
}

/// An error naming the path when `param` is a path that does not exist.
fn present(param: &PathAndJson<'_>) -> Result<(), RenderError> {
    if param.is_value_missing() {
        Err(RenderError::strict_error(param.relative_path()))
    } else {
        Ok(())
    }
}

#[cfg(test)]
pub(crate) fn test_registry() -> Handlebars<'static> {
    let mut r = Handlebars::new();
    r.set_strict_mode(true);
    r.register_escape_fn(handlebars::no_escape);
    register(&mut r);
    r
}
