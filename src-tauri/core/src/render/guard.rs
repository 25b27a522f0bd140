//! Limits on what a user template can make the renderer do. Handlebars parses and renders
//! recursively, and a template is data from the user's folder: without these a template
//! could overflow the stack (a partial that includes itself, directly, inside `{{#if}}`, as an
//! inline partial or through another partial; thousands of nested blocks) or run without end
//! (nine nested `{{#each}}`).
//!
//! - [`check_source`], before a template is compiled: at most [`MAX_TEMPLATE_BYTES`], blocks
//!   nested at most [`MAX_NESTING`] deep and sub-expressions at most [`MAX_PARENS`] deep.
//! - [`check_partials`], before a template is rendered: the partials it can reach, followed
//!   through every template and inline partial that could answer to each name, contain no
//!   cycle and are at most [`MAX_PARTIAL_DEPTH`] deep; a partial name computed at render time
//!   is refused (it could not be checked).
//! - [`Budget`], while rendering: the output is at most [`MAX_OUTPUT_BYTES`] and the render
//!   takes at most [`TIME_BUDGET`] (checked on every write and every `{{#each}}` step).

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::time::{Duration, Instant};

use handlebars::template::{Parameter, Template, TemplateElement};
use handlebars::Handlebars;
use serde_json::Value;

pub const MAX_TEMPLATE_BYTES: usize = 1024 * 1024;
pub const MAX_NESTING: usize = 64;
pub const MAX_PARENS: usize = 16;
pub const MAX_PARTIAL_DEPTH: usize = 16;
pub const MAX_OUTPUT_BYTES: usize = 16 * 1024 * 1024;
pub const TIME_BUDGET: Duration = Duration::from_secs(2);

/// A template's text over a limit: (line, message).
pub fn check_source(source: &str) -> Result<(), (usize, String)> {
    if source.len() > MAX_TEMPLATE_BYTES {
        return Err((
            1,
            format!(
                "{} bytes is over the {MAX_TEMPLATE_BYTES}-byte limit for a template",
                source.len()
            ),
        ));
    }
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut line = 1usize;
    let mut i = 0;
    let line_of = |from: usize, to: usize| bytes[from..to].iter().filter(|&&b| b == b'\n').count();
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            line += 1;
            i += 1;
            continue;
        }
        if !bytes[i..].starts_with(b"{{") {
            i += 1;
            continue;
        }
        // Comments and raw blocks: skipped whole.
        let rest = &source[i..];
        let skip_past = |end: &str| rest.find(end).map_or(rest.len(), |p| p + end.len());
        let inner = rest.trim_start_matches('{').trim_start_matches('~');
        if rest.starts_with("{{{{") {
            let len = skip_past("}}}}");
            let close = rest[len..].find("{{{{/").map_or(rest.len(), |p| len + p);
            let len = close + rest[close..].find("}}}}").map_or(0, |p| p + 4);
            line += line_of(i, i + len.min(rest.len()));
            i += len.clamp(1, rest.len());
            continue;
        }
        if inner.starts_with("!--") || inner.starts_with('!') {
            let end = if inner.starts_with("!--") {
                "--}}"
            } else {
                "}}"
            };
            let len = skip_past(end);
            line += line_of(i, i + len);
            i += len;
            continue;
        }
        let len = skip_past("}}");
        let tag = &rest[..len];
        if inner.starts_with('#') {
            depth += 1;
            if depth > MAX_NESTING {
                return Err((line, format!("blocks nested deeper than {MAX_NESTING}")));
            }
        } else if inner.starts_with('/') {
            depth = depth.saturating_sub(1);
        }
        let mut parens = 0usize;
        for b in tag.bytes() {
            match b {
                b'(' => {
                    parens += 1;
                    if parens > MAX_PARENS {
                        return Err((
                            line,
                            format!("sub-expressions nested deeper than {MAX_PARENS}"),
                        ));
                    }
                }
                b')' => parens = parens.saturating_sub(1),
                _ => {}
            }
        }
        line += line_of(i, i + len);
        i += len;
    }
    Ok(())
}

/// A node of the partial graph: a registered template, or a part of one (an inline partial
/// or the block of a partial block).
type Node = (String, Option<String>);

#[derive(Default)]
struct Graph {
    /// Name → the nodes that may answer to it.
    by_name: BTreeMap<String, Vec<Node>>,
    /// Node → the partial names it includes.
    refs: BTreeMap<Node, Vec<String>>,
    /// A problem found while reading the templates (a computed partial name).
    dynamic: Option<(String, String)>,
}

impl Graph {
    fn of(registry: &Handlebars<'_>) -> Graph {
        let mut g = Graph::default();
        let mut names: Vec<&String> = registry.get_templates().keys().collect();
        names.sort();
        for name in names {
            if let Some(t) = registry.get_template(name) {
                let node: Node = (name.clone(), None);
                g.by_name
                    .entry(name.clone())
                    .or_default()
                    .push(node.clone());
                let mut refs = Vec::new();
                let mut blocks = 0;
                g.walk(name, t, &mut refs, &mut blocks);
                g.refs.insert(node, refs);
            }
        }
        g
    }

    fn walk(&mut self, owner: &str, t: &Template, refs: &mut Vec<String>, blocks: &mut usize) {
        for element in &t.elements {
            match element {
                TemplateElement::HelperBlock(h) => {
                    for inner in [&h.template, &h.inverse].into_iter().flatten() {
                        self.walk(owner, inner, refs, blocks);
                    }
                }
                TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                    match partial_name(&d.name) {
                        Some(n) => refs.push(n),
                        None => {
                            self.dynamic.get_or_insert((
                                owner.to_string(),
                                "a partial name computed while rendering cannot be checked: write the name out".into(),
                            ));
                        }
                    }
                    if let Some(body) = &d.template {
                        // The block is what `@partial-block` renders inside the partial.
                        *blocks += 1;
                        let node: Node = (owner.to_string(), Some(format!("@block{blocks}")));
                        self.by_name
                            .entry("@partial-block".into())
                            .or_default()
                            .push(node.clone());
                        let mut inner = Vec::new();
                        self.walk(owner, body, &mut inner, blocks);
                        self.refs.insert(node.clone(), inner);
                        refs.push(format!("\u{0}{}", node.1.unwrap_or_default()));
                    }
                }
                TemplateElement::DecoratorBlock(d) => {
                    let Some(body) = &d.template else { continue };
                    let inline = d.name.as_name() == Some("inline");
                    match d.params.first().and_then(partial_name).filter(|_| inline) {
                        Some(name) => {
                            let node: Node = (owner.to_string(), Some(name.clone()));
                            self.by_name.entry(name).or_default().push(node.clone());
                            let mut inner = Vec::new();
                            self.walk(owner, body, &mut inner, blocks);
                            self.refs.entry(node).or_default().extend(inner);
                        }
                        None => self.walk(owner, body, refs, blocks),
                    }
                }
                _ => {}
            }
        }
    }

    /// The nodes `name`, included from `from`, may be.
    fn resolve(&self, from: &Node, name: &str) -> Vec<Node> {
        if let Some(block) = name.strip_prefix('\u{0}') {
            return vec![(from.0.clone(), Some(block.to_string()))];
        }
        self.by_name.get(name).cloned().unwrap_or_default()
    }
}

fn partial_name(p: &Parameter) -> Option<String> {
    match p {
        Parameter::Literal(Value::String(s)) => Some(s.clone()),
        Parameter::Name(_) | Parameter::Path(_) => p.as_name().map(str::to_string),
        _ => None,
    }
}

/// Checks the partials `template` can reach: no cycle, at most `MAX_PARTIAL_DEPTH` deep, no
/// computed names. The error names the template where the problem is.
pub fn check_partials(registry: &Handlebars<'_>, template: &str) -> Result<(), (String, String)> {
    let g = Graph::of(registry);
    let start: Node = (template.to_string(), None);
    if !g.refs.contains_key(&start) {
        return Ok(());
    }
    // Depth-first with an explicit stack of (node, next reference to follow).
    let mut path: Vec<(Node, Vec<Node>)> = Vec::new();
    let mut on_path: BTreeSet<Node> = BTreeSet::new();
    let mut done: BTreeSet<Node> = BTreeSet::new();
    let next_of = |node: &Node| -> Vec<Node> {
        let mut out: Vec<Node> = g
            .refs
            .get(node)
            .into_iter()
            .flatten()
            .flat_map(|name| g.resolve(node, name))
            .collect();
        out.reverse();
        out
    };
    path.push((start.clone(), next_of(&start)));
    on_path.insert(start);
    while let Some((node, todo)) = path.last_mut() {
        let Some(next) = todo.pop() else {
            let node = node.clone();
            on_path.remove(&node);
            done.insert(node);
            path.pop();
            continue;
        };
        let here = node.0.clone();
        if on_path.contains(&next) {
            let mut chain: Vec<String> = path.iter().map(|(n, _)| shown(n)).collect();
            chain.push(shown(&next));
            return Err((
                here,
                format!(
                    "partials include each other in a cycle: {}",
                    chain.join(" → ")
                ),
            ));
        }
        if done.contains(&next) {
            continue;
        }
        if path.len() >= MAX_PARTIAL_DEPTH {
            return Err((
                here,
                format!("partials nested deeper than {MAX_PARTIAL_DEPTH}"),
            ));
        }
        on_path.insert(next.clone());
        let todo = next_of(&next);
        path.push((next, todo));
    }
    if let Some((owner, message)) = g.dynamic {
        let reached = done.iter().any(|(n, _)| *n == owner);
        if reached {
            return Err((owner, message));
        }
    }
    Ok(())
}

fn shown(node: &Node) -> String {
    match &node.1 {
        None => node.0.clone(),
        Some(part) if part.starts_with("@block") => format!("{} (partial block)", node.0),
        Some(inline) => format!("{} (inline \"{inline}\")", node.0),
    }
}

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// The render budget of this thread, from `start` until dropped.
pub struct Budget {
    previous: Option<Instant>,
}

impl Budget {
    pub fn start() -> Budget {
        let previous = DEADLINE.with(|d| d.replace(Some(Instant::now() + TIME_BUDGET)));
        Budget { previous }
    }
}

impl Drop for Budget {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.previous));
    }
}

/// The message when this thread's render ran out of time.
pub fn over_time() -> Option<String> {
    let deadline = DEADLINE.with(Cell::get)?;
    (Instant::now() > deadline).then(|| {
        format!(
            "rendering took longer than {} s (loops nested too deep?); stopped",
            TIME_BUDGET.as_secs()
        )
    })
}

/// Collects a render's output, refusing more than `MAX_OUTPUT_BYTES` or past the deadline.
#[derive(Default)]
pub struct CappedWriter {
    pub bytes: Vec<u8>,
    /// Why writing was refused, if it was.
    pub stopped: Option<String>,
}

impl Write for CappedWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            let why = format!(
                "the output passed the {} MiB limit; stopped",
                MAX_OUTPUT_BYTES >> 20
            );
            self.stopped = Some(why.clone());
            return Err(std::io::Error::other(why));
        }
        if let Some(why) = over_time() {
            self.stopped = Some(why.clone());
            return Err(std::io::Error::other(why));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry(templates: &[(&str, &str)]) -> Handlebars<'static> {
        let mut r = Handlebars::new();
        for (name, source) in templates {
            r.register_template_string(name, *source).unwrap();
        }
        r
    }

    #[test]
    fn deep_blocks_and_subexpressions_are_refused_before_compiling() {
        let deep = "{{#if a}}".repeat(100) + &"{{/if}}".repeat(100);
        assert!(check_source(&deep).unwrap_err().1.contains("nested deeper"));
        let parens = format!("{{{{x {}1{}}}}}", "(".repeat(40), ")".repeat(40));
        assert!(check_source(&parens)
            .unwrap_err()
            .1
            .contains("sub-expressions"));
        let fine = "{{#each a}}\n{{#if b}}({{c}}){{/if}}\n{{/each}}{{!-- {{#if --}}";
        assert_eq!(check_source(fine), Ok(()));
        let err = check_source(&format!("a\nb\n{}", "{{#if x}}".repeat(70))).unwrap_err();
        assert_eq!(err.0, 3);
    }

    #[test]
    fn partial_cycles_are_found_before_rendering() {
        let cases: &[&[(&str, &str)]] = &[
            &[("t", "{{> t}}")],
            &[("t", "{{#if x}}{{> t}}{{/if}}")],
            &[("t", "{{#*inline \"p\"}}{{> p}}{{/inline}}{{> p}}")],
            &[("a", "{{> b}}"), ("b", "{{#each x}}{{> a}}{{/each}}")],
            &[("t", "{{#> t}}x{{/t}}")],
            &[
                ("t", "{{#> p}}{{> @partial-block}}{{/p}}"),
                ("p", "{{> @partial-block}}"),
            ],
        ];
        for case in cases {
            let r = registry(case);
            let err = check_partials(&r, case[0].0);
            assert!(err.is_err(), "{case:?}");
            assert!(err.unwrap_err().1.contains("cycle"), "{case:?}");
        }
        let dynamic = registry(&[("t", "{{> (lookup role \"title\")}}")]);
        assert!(check_partials(&dynamic, "t")
            .unwrap_err()
            .1
            .contains("computed"));
    }

    #[test]
    fn acyclic_partials_pass_and_depth_is_capped() {
        let r = registry(&[
            ("t", "{{#*inline \"row\"}}- {{this}}{{/inline}}{{#each x}}{{> row}}{{/each}}{{> a}}{{> a}}"),
            ("a", "{{> b}}"),
            ("b", "leaf"),
            ("layout", "<{{> @partial-block}}>"),
            ("page", "{{#> layout}}body{{/layout}}"),
        ]);
        assert_eq!(check_partials(&r, "t"), Ok(()));
        assert_eq!(check_partials(&r, "page"), Ok(()));
        let chain: Vec<(String, String)> = (0..30)
            .map(|i| (format!("p{i}"), format!("{{{{> p{}}}}}", i + 1)))
            .collect();
        let refs: Vec<(&str, &str)> = chain
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        let r = registry(&refs);
        assert!(check_partials(&r, "p0")
            .unwrap_err()
            .1
            .contains("deeper than"));
    }

    #[test]
    fn output_is_capped() {
        let mut w = CappedWriter::default();
        let chunk = vec![b'x'; 1 << 20];
        let mut result = Ok(());
        for _ in 0..20 {
            result = w.write_all(&chunk);
            if result.is_err() {
                break;
            }
        }
        assert!(result.is_err());
        assert!(w.bytes.len() <= MAX_OUTPUT_BYTES);
        assert!(w.stopped.unwrap().contains("MiB limit"));
    }
}
