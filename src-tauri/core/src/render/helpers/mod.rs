//! Template helpers, one per file. `register` adds them all to a registry.
//!
//! | helper | use |
//! | --- | --- |
//! | `if`, `unless` | as built in, but a missing (misspelt) path is an error, not false |
//! | `section` | `{{#section "responsibilities"}}…{{else}}…{{/section}}`: the chosen section by key |
//! | `get` | `{{get role.facts "years_of_experience"}}`: a key that may be absent, as null |
//! | `join` | `{{join posting.location posting.remote_policy sep=" · "}}`: the non-empty values |
//! | `humanize` | `{{humanize @key}}`: `years_of_experience` → `Years of experience` |
//! | `indent` | `- {{indent text 2}}`: lines after the first indented, to stay in the list item |

mod get;
mod humanize;
mod indent;
mod join;
mod section;
mod strict_if;

use handlebars::Handlebars;

/// Adds every Rolecraft helper to `registry` (also for use outside the `Renderer`).
pub fn register(registry: &mut Handlebars<'_>) {
    registry.register_helper("if", Box::new(strict_if::StrictIf { positive: true }));
    registry.register_helper("unless", Box::new(strict_if::StrictIf { positive: false }));
    registry.register_helper("section", Box::new(section::SectionHelper));
    registry.register_helper("get", Box::new(get::GetHelper));
    registry.register_helper("join", Box::new(join::JoinHelper));
    registry.register_helper("humanize", Box::new(humanize::HumanizeHelper));
    registry.register_helper("indent", Box::new(indent::IndentHelper));
}

#[cfg(test)]
pub(crate) fn test_registry() -> Handlebars<'static> {
    let mut r = Handlebars::new();
    r.set_strict_mode(true);
    r.register_escape_fn(handlebars::no_escape);
    register(&mut r);
    r
}
