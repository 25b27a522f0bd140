//! The formats recruiters paste into, from a rendered posting:
//!
//! - [`json_ld`]: schema.org `JobPosting` (Google's job-posting structured data), with the
//!   required properties it lacks named;
//! - [`fragment`]: an HTML fragment with only the tags job boards accept
//!   ([`FRAGMENT_TAGS`]);
//! - [`plain_text`]: the text a reader sees, Markdown syntax left out;
//! - [`docx`]: a Word document for hiring managers who edit in Word.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
use serde_json::{json, Map, Value};

use super::context::JdContext;
use super::RenderError;
use crate::drafts::WorkplaceKind;
use crate::markdown::new_parser;

/// The tags an HTML fragment may hold.
pub const FRAGMENT_TAGS: [&str; 9] = ["p", "ul", "ol", "li", "h2", "h3", "strong", "em", "br"];

static FRAGMENT_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.tags(FRAGMENT_TAGS.iter().copied().collect::<HashSet<_>>())
        .clean_content_tags(["script", "style"].into_iter().collect());
    b
});

/// Markdown → an HTML fragment with only [`FRAGMENT_TAGS`]: `#` becomes `h2`, deeper
/// headings `h3`, links keep their text, tables become lists of rows, anything else is
/// dropped by the sanitiser (ammonia with that allow-list).
pub fn fragment(markdown: &str) -> String {
    let events = new_parser(markdown).map(|ev| match ev {
        Event::Start(Tag::Heading { level, .. }) => Event::Start(Tag::Heading {
            level: fragment_level(level),
            id: None,
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(fragment_level(level))),
        Event::Start(Tag::Table(_)) => Event::Start(Tag::List(None)),
        Event::End(TagEnd::Table) => Event::End(TagEnd::List(false)),
        Event::Start(Tag::TableHead | Tag::TableRow) => Event::Start(Tag::Item),
        Event::End(TagEnd::TableHead | TagEnd::TableRow) => Event::End(TagEnd::Item),
        Event::Start(Tag::TableCell) => Event::Text(" ".into()),
        Event::End(TagEnd::TableCell) => Event::Text(" |".into()),
        Event::Rule => Event::SoftBreak,
        other => other,
    });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut raw, events);
    FRAGMENT_SANITIZER.clean(&raw).to_string()
}

fn fragment_level(level: HeadingLevel) -> HeadingLevel {
    if level <= HeadingLevel::H2 {
        HeadingLevel::H2
    } else {
        HeadingLevel::H3
    }
}

/// The text a reader sees: headings and paragraphs on their own lines, list items with `- `.
pub fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut depth = 0usize;
    for ev in new_parser(markdown) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::List(_)) => depth += 1,
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                if !out.ends_with('\n') && !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(&"  ".repeat(depth.saturating_sub(1)));
                out.push_str("- ");
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::End(TagEnd::Paragraph) => {
                out.push('\n');
                if depth == 0 {
                    out.push('\n');
                }
            }
            Event::End(TagEnd::Heading(_)) => out.push_str("\n\n"),
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            Event::Rule => out.push_str("\n---\n\n"),
            _ => {}
        }
    }
    let mut text = out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    format!("{}\n", text.trim())
}

/// A JobPosting and the required properties it lacks (by schema.org / Google's name).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonLd {
    pub value: Value,
    pub missing: Vec<&'static str>,
}

impl JsonLd {
    /// Pretty JSON, safe to put inside `<script type="application/ld+json">` (`</` escaped).
    pub fn to_json(&self) -> String {
        let text = serde_json::to_string_pretty(&self.value).unwrap_or_default();
        text.replace("</", "<\\/")
    }
}

/// The properties Google's job-posting structured data requires. `jobLocation` may be
/// replaced by `jobLocationType: TELECOMMUTE` with `applicantLocationRequirements`.
pub const JSON_LD_REQUIRED: [&str; 5] = [
    "title",
    "description",
    "datePosted",
    "hiringOrganization",
    "jobLocation",
];

/// schema.org `JobPosting` for the context and its rendered Markdown (the description is
/// the HTML fragment). `datePosted` defaults to the date of rendering.
pub fn json_ld(ctx: &JdContext, markdown: &str) -> JsonLd {
    let p = &ctx.posting;
    let mut v = Map::new();
    v.insert("@context".into(), json!("https://schema.org/"));
    v.insert("@type".into(), json!("JobPosting"));
    if let Some(title) = ctx.role.get("title").and_then(Value::as_str) {
        v.insert("title".into(), json!(title));
    }
    v.insert("description".into(), json!(fragment(markdown)));
    v.insert(
        "datePosted".into(),
        json!(p
            .date_posted
            .clone()
            .unwrap_or_else(|| ctx.meta.date.clone())),
    );
    if let Some(d) = &p.valid_through {
        v.insert("validThrough".into(), json!(d));
    }
    if let Some(company) = &p.company {
        v.insert(
            "hiringOrganization".into(),
            json!({"@type": "Organization", "name": company}),
        );
    }
    let places: Vec<Value> = p
        .locations
        .iter()
        .map(|l| {
            let mut a = Map::new();
            a.insert("@type".into(), json!("PostalAddress"));
            for (k, val) in [
                ("addressLocality", &l.city),
                ("addressRegion", &l.region),
                ("addressCountry", &l.country),
            ] {
                if let Some(val) = val {
                    a.insert(k.into(), json!(val));
                }
            }
            json!({"@type": "Place", "address": Value::Object(a)})
        })
        .collect();
    if !places.is_empty() {
        v.insert("jobLocation".into(), Value::Array(places));
    }
    let remote = p
        .workplace
        .as_ref()
        .filter(|w| w.kind == WorkplaceKind::Remote);
    if let Some(w) = remote {
        v.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        if !w.applicant_regions.is_empty() {
            v.insert(
                "applicantLocationRequirements".into(),
                Value::Array(
                    w.applicant_regions
                        .iter()
                        .map(|r| {
                            let kind = if r.len() == 2 {
                                "Country"
                            } else {
                                "AdministrativeArea"
                            };
                            json!({"@type": kind, "name": r})
                        })
                        .collect(),
                ),
            );
        }
    }
    if let Some(e) = p.employment {
        v.insert("employmentType".into(), json!(e.schema_org()));
    }
    if let Some(s) = p
        .salary
        .as_ref()
        .filter(|s| s.min.is_some() || s.max.is_some())
    {
        let mut q = Map::new();
        q.insert("@type".into(), json!("QuantitativeValue"));
        match (s.min, s.max) {
            (Some(a), Some(b)) if a == b => {
                q.insert("value".into(), json!(a));
            }
            (a, b) => {
                if let Some(a) = a {
                    q.insert("minValue".into(), json!(a));
                }
                if let Some(b) = b {
                    q.insert("maxValue".into(), json!(b));
                }
            }
        }
        if let Some(period) = s.period {
            q.insert("unitText".into(), json!(period.schema_org()));
        }
        let mut m = Map::new();
        m.insert("@type".into(), json!("MonetaryAmount"));
        if let Some(c) = &s.currency {
            m.insert("currency".into(), json!(c));
        }
        m.insert("value".into(), Value::Object(q));
        v.insert("baseSalary".into(), Value::Object(m));
    }
    if let Some(id) = &p.requisition_id {
        v.insert(
            "identifier".into(),
            json!({"@type": "PropertyValue", "name": p.company.clone().unwrap_or_default(), "value": id}),
        );
    }
    if let Some(url) = &p.apply_url {
        if url.starts_with("http") {
            v.insert("url".into(), json!(url));
        }
    }
    let value = Value::Object(v);
    let missing = missing_required(&value);
    JsonLd { value, missing }
}

/// The required JobPosting properties a JSON-LD value lacks (or has empty).
pub fn missing_required(value: &Value) -> Vec<&'static str> {
    let has = |k: &str| {
        value.get(k).is_some_and(|v| match v {
            Value::String(s) => !s.trim().is_empty(),
            Value::Array(a) => !a.is_empty(),
            Value::Null => false,
            _ => true,
        })
    };
    JSON_LD_REQUIRED
        .into_iter()
        .filter(|k| {
            if *k == "jobLocation" {
                let remote = value.get("jobLocationType").and_then(Value::as_str)
                    == Some("TELECOMMUTE")
                    && has("applicantLocationRequirements");
                !(has("jobLocation") || remote)
            } else {
                !has(k)
            }
        })
        .collect()
}

/// The JSON-LD, or an error naming the required properties it lacks.
pub fn json_ld_checked(ctx: &JdContext, markdown: &str) -> Result<String, RenderError> {
    let ld = json_ld(ctx, markdown);
    if ld.missing.is_empty() {
        Ok(ld.to_json())
    } else {
        Err(RenderError::MissingProperties {
            missing: ld.missing.join(", "),
        })
    }
}

/// A `.docx`: headings as Word headings (bold, larger), paragraphs, list items as indented
/// bullet paragraphs (nested lists indented further), bold and italic kept.
pub fn docx(markdown: &str, title: &str) -> Result<Vec<u8>, RenderError> {
    use docx_rs::{Docx, Paragraph, Run};
    let mut doc = Docx::new();
    let mut para: Option<Paragraph> = None;
    let mut heading: Option<usize> = None;
    let (mut bold, mut italic) = (false, false);
    let mut depth = 0usize;
    let mut item_start = false;
    let flush = |doc: Docx, para: &mut Option<Paragraph>| match para.take() {
        Some(p) => doc.add_paragraph(p),
        None => doc,
    };
    for ev in new_parser(markdown) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                doc = flush(doc, &mut para);
                heading = Some(match level {
                    HeadingLevel::H1 => 36,
                    HeadingLevel::H2 => 30,
                    _ => 26,
                });
                para = Some(Paragraph::new());
            }
            Event::End(TagEnd::Heading(_)) => {
                doc = flush(doc, &mut para);
                heading = None;
            }
            Event::Start(Tag::Paragraph) if para.is_none() => para = Some(Paragraph::new()),
            Event::End(TagEnd::Paragraph) if depth == 0 => doc = flush(doc, &mut para),
            Event::Start(Tag::List(_)) => {
                doc = flush(doc, &mut para);
                depth += 1;
            }
            Event::End(TagEnd::List(_)) => depth = depth.saturating_sub(1),
            Event::Start(Tag::Item) => {
                doc = flush(doc, &mut para);
                let indent = 360 * depth as i32;
                para = Some(Paragraph::new().indent(Some(indent), None, None, None));
                item_start = true;
            }
            Event::End(TagEnd::Item) => doc = flush(doc, &mut para),
            Event::Start(Tag::Strong) => bold = true,
            Event::End(TagEnd::Strong) => bold = false,
            Event::Start(Tag::Emphasis) => italic = true,
            Event::End(TagEnd::Emphasis) => italic = false,
            Event::Text(t) | Event::Code(t) => {
                let mut text = t.to_string();
                if item_start {
                    text = format!("• {text}");
                    item_start = false;
                }
                let mut run = Run::new().add_text(text);
                if bold || heading.is_some() {
                    run = run.bold();
                }
                if italic {
                    run = run.italic();
                }
                if let Some(size) = heading {
                    run = run.size(size);
                }
                let p = para.take().unwrap_or_default();
                para = Some(p.add_run(run));
            }
            Event::SoftBreak | Event::HardBreak => {
                let p = para.take().unwrap_or_default();
                para = Some(p.add_run(Run::new().add_text(" ")));
            }
            Event::Rule => {
                doc = flush(doc, &mut para);
            }
            _ => {}
        }
    }
    doc = flush(doc, &mut para);
    let _ = title;
    let mut buf = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut buf).map_err(|e| RenderError::Io {
        path: "docx".into(),
        reason: e.to_string(),
    })?;
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fragment_keeps_only_its_tags() {
        let md = "# Title\n\n## Part\n\n#### Deep\n\n- a\n  - nested **b** *c*\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[link](https://evil.example) <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n---\n\nline  \nbreak";
        let html = fragment(md);
        assert!(
            html.contains("<h2>Title</h2>") && html.contains("<h3>Deep</h3>"),
            "{html}"
        );
        assert!(
            html.contains("<ul>\n<li>nested <strong>b</strong> <em>c</em></li>")
                || html.contains("<li>nested"),
            "{html}"
        );
        assert!(
            !html.contains("script") && !html.contains("img") && !html.contains("href"),
            "{html}"
        );
        assert!(html.contains("link"), "link text stays: {html}");
        for tag in tags(&html) {
            assert!(FRAGMENT_TAGS.contains(&tag.as_str()), "{tag} in {html}");
        }
    }

    pub(crate) fn tags(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i + 1..];
            let name: String = rest
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            out.push(name.to_lowercase());
        }
        out
    }

    #[test]
    fn plain_text_keeps_lists_and_drops_syntax() {
        let t = plain_text("# T\n\nSome **bold** text.\n\n- a\n  - b\n- c\n\nEnd.");
        assert_eq!(t, "T\n\nSome bold text.\n\n- a\n  - b\n- c\n\nEnd.\n");
    }

    #[test]
    fn a_docx_is_a_zip_with_the_text() {
        let bytes = docx("# Title\n\nHello **world**.\n\n- one\n- two", "T").unwrap();
        assert_eq!(&bytes[..2], b"PK");
        let reader = docx_rs::read_docx(&bytes).unwrap();
        let json = reader.json();
        assert!(json.contains("Hello") && json.contains("• one"), "{json}");
    }
}
