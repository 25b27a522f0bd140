//! Where templates come from: three built in (embedded), the user's folder
//! (`<data_dir>/templates/*.hbs`, overriding built-ins by name) and any file by path.
//!
//! A template may open with a header comment that the app reads:
//!
//! ```handlebars
//! {{!--
//! title: Full public posting
//! description: A complete posting for a careers page.
//! sections: summary, responsibilities, qualifications
//! --}}
//! ```
//! `sections` is the default choice and order of sections for a new draft (keys the role
//! lacks are skipped); without it a draft starts with every section of the role that is not
//! internal (see `sections.rs`). `headings: key=Heading; key=Heading` overrides candidate
//! headings; `audience: internal` marks a template for colleagues (every section, the
//! source's own titles).

use std::collections::{BTreeMap, BTreeSet};

use handlebars::template::{HelperTemplate, Parameter, Template, TemplateElement};
use handlebars::Path as HbPath;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::drafts::PostingField;

/// The template a draft starts with.
pub const DEFAULT_TEMPLATE: &str = "full";

/// The built-in templates: (name, source).
pub const BUILT_IN: [(&str, &str); 3] = [
    ("full", include_str!("../../templates/full.hbs")),
    ("job-board", include_str!("../../templates/job-board.hbs")),
    (
        "levelling-summary",
        include_str!("../../templates/levelling-summary.hbs"),
    ),
];

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum TemplateOrigin {
    /// Embedded in the app.
    BuiltIn,
    /// From the user's templates folder.
    User,
    /// A file given by path (`--template-file`).
    File,
}

/// What the app and `rolecraft templates` show about a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct TemplateInfo {
    /// The name to pick it by (file stem for user templates, the path for a file).
    pub name: String,
    /// The header's `title`, else the name.
    pub title: String,
    pub description: Option<String>,
    pub origin: TemplateOrigin,
    /// The file it was read from (user and file templates).
    pub path: Option<String>,
    /// A user template that replaces the built-in of the same name.
    pub overrides_built_in: bool,
    /// The header's `sections`: the default section keys, in order.
    pub default_sections: Option<Vec<String>>,
    /// The posting fields the template's text names (`posting.company`, ...).
    pub fields: Vec<PostingField>,
    /// The header's `headings`: section key → heading, over the candidate-heading table.
    pub headings: BTreeMap<String, String>,
    /// `audience: internal`: for colleagues, not candidates (every section by default, the
    /// source's own titles as headings).
    pub internal: bool,
    /// The syntax error, when the template does not compile: `name line L, column C: ...`.
    pub error: Option<String>,
}

/// The header comment's fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub description: Option<String>,
    pub sections: Option<Vec<String>>,
    pub headings: BTreeMap<String, String>,
    pub internal: bool,
}

/// Reads `key: value` lines from a `{{!-- ... --}}` comment that opens the template.
pub fn parse_header(source: &str) -> Header {
    let mut header = Header::default();
    let text = source.trim_start_matches('\u{feff}').trim_start();
    let Some(rest) = text
        .strip_prefix("{{!--")
        .or_else(|| text.strip_prefix("{{~!--"))
    else {
        return header;
    };
    let Some(end) = rest.find("--}}").or_else(|| rest.find("--~}}")) else {
        return header;
    };
    for line in rest[..end].lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => header.title = Some(value.to_string()),
            "description" => header.description = Some(value.to_string()),
            "sections" => {
                let keys: Vec<String> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|k| !k.is_empty())
                    .map(str::to_string)
                    .collect();
                header.sections = Some(keys);
            }
            "headings" => header.headings = super::sections::parse_headings(value),
            "audience" => header.internal = value.eq_ignore_ascii_case("internal"),
            _ => {}
        }
    }
    header
}

/// The posting fields a compiled template names, wherever it names them (expressions, helper
/// parameters, hashes, sub-expressions, blocks and their `else` parts). A field reached only
/// through `{{#with posting}}` is not seen here; `Renderer::unset_fields` also renders to find those.
pub fn posting_fields(template: &Template) -> Vec<PostingField> {
    let mut found = BTreeSet::new();
    walk_template(template, &mut found);
    found.into_iter().collect()
}

fn walk_template(template: &Template, found: &mut BTreeSet<PostingField>) {
    for element in &template.elements {
        walk_element(element, found);
    }
}

fn walk_element(element: &TemplateElement, found: &mut BTreeSet<PostingField>) {
    match element {
        TemplateElement::Expression(h)
        | TemplateElement::HtmlExpression(h)
        | TemplateElement::HelperBlock(h) => walk_helper(h, found),
        TemplateElement::DecoratorExpression(d)
        | TemplateElement::DecoratorBlock(d)
        | TemplateElement::PartialExpression(d)
        | TemplateElement::PartialBlock(d) => {
            walk_param(&d.name, found);
            d.params.iter().for_each(|p| walk_param(p, found));
            d.hash.values().for_each(|p| walk_param(p, found));
            if let Some(t) = &d.template {
                walk_template(t, found);
            }
        }
        _ => {}
    }
}

fn walk_helper(h: &HelperTemplate, found: &mut BTreeSet<PostingField>) {
    walk_param(&h.name, found);
    h.params.iter().for_each(|p| walk_param(p, found));
    h.hash.values().for_each(|p| walk_param(p, found));
    for t in [&h.template, &h.inverse].into_iter().flatten() {
        walk_template(t, found);
    }
}

fn walk_param(param: &Parameter, found: &mut BTreeSet<PostingField>) {
    match param {
        Parameter::Path(HbPath::Relative((_, raw))) => {
            if let Some(field) = posting_field_of_path(raw) {
                found.insert(field);
            }
        }
        Parameter::Subexpression(sub) => walk_element(&sub.element, found),
        _ => {}
    }
}

/// `posting.company`, `@root.posting.company`, `../posting/company`, `this.posting.company`.
fn posting_field_of_path(raw: &str) -> Option<PostingField> {
    let mut rest = raw.trim();
    loop {
        let before = rest;
        rest = rest.strip_prefix("../").unwrap_or(rest);
        rest = rest
            .strip_prefix("@root.")
            .or_else(|| rest.strip_prefix("@root/"))
            .unwrap_or(rest);
        rest = rest
            .strip_prefix("this.")
            .or_else(|| rest.strip_prefix("this/"))
            .unwrap_or(rest);
        rest = rest.strip_prefix("./").unwrap_or(rest);
        if rest == before {
            break;
        }
    }
    let mut segs = rest.split(['.', '/']);
    if segs.next()? != "posting" {
        return None;
    }
    let field = segs.next()?.trim_matches(['[', ']']);
    PostingField::parse(field).filter(|f| f.key() == field)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_gives_title_description_and_default_sections() {
        let h = parse_header("{{!--\ntitle: Mine\ndescription: A: B\nsections: summary, responsibilities ,\n--}}\n# x");
        assert_eq!(h.title.as_deref(), Some("Mine"));
        assert_eq!(h.description.as_deref(), Some("A: B"));
        assert_eq!(
            h.sections,
            Some(vec!["summary".to_string(), "responsibilities".to_string()])
        );
        assert_eq!(
            parse_header("# no header {{!-- title: x --}}"),
            Header::default()
        );
    }

    #[test]
    fn every_built_in_has_a_header() {
        for (name, source) in BUILT_IN {
            let h = parse_header(source);
            assert!(h.title.is_some() && h.description.is_some(), "{name}");
        }
    }

    #[test]
    fn posting_fields_are_found_in_every_kind_of_expression() {
        let t = Template::compile(
            "{{posting.company}} {{#if posting.team}}{{else}}{{@root.posting.location}}{{/if}}\
             {{join (eq posting.salary_range 1) sep=posting.benefits}} {{{posting.about_company}}}\
             {{#each sections}}{{../posting.how_to_apply}}{{/each}} {{posting.nope}} {{role.title}}",
        )
        .unwrap();
        let keys: Vec<_> = posting_fields(&t)
            .into_iter()
            .map(PostingField::key)
            .collect();
        assert_eq!(
            keys,
            [
                "company",
                "team",
                "location",
                "salary_range",
                "about_company",
                "benefits",
                "how_to_apply"
            ]
        );
    }
}
