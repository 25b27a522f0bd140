//! Pathological documents, generated in code, shared by `tests/pathological.rs` (no panic,
//! a clean import or a clean error) and `benches/pathological.rs` (time at 1×, 2×, 4×).
//!
//! Each case is built by `make(n)`; `full` is the size the issue names (a 20,000-deep table,
//! 3 MB of punctuation, ...) and the bench also runs `full / 4` and `full / 2`.

#![allow(dead_code)] // each user takes what it needs

/// One pathological input: a file name (its extension is only for show: formats are detected
/// from the content) and a generator.
pub struct Case {
    pub name: &'static str,
    pub make: fn(usize) -> Vec<u8>,
    /// The size parameter of the full-size input.
    pub full: usize,
}

impl Case {
    pub fn file(&self) -> String {
        format!("{}.md", self.name)
    }
}

pub const CASES: &[Case] = &[
    // Ladder pages (`<table markdown="1">` blocks).
    Case {
        name: "ladder_nested_tables",
        make: ladder_nested_tables,
        full: 20_000,
    },
    Case {
        name: "ladder_unclosed_tables",
        make: ladder_unclosed_tables,
        full: 20_000,
    },
    Case {
        name: "ladder_many_tables",
        make: ladder_many_tables,
        full: 50_000,
    },
    Case {
        name: "ladder_many_columns",
        make: ladder_many_columns,
        full: 5_000,
    },
    Case {
        name: "ladder_many_rows",
        make: ladder_many_rows,
        full: 20_000,
    },
    Case {
        name: "ladder_long_cell",
        make: ladder_long_cell,
        full: 100_000,
    },
    // Any format: noise.
    Case {
        name: "random_punctuation",
        make: random_punctuation,
        full: 3_000_000,
    },
    // The cmark pathological inputs, in a Markdown role, a ladder cell and an SFIA page.
    Case {
        name: "md_nested_lists",
        make: md_nested_lists,
        full: 20_000,
    },
    Case {
        name: "md_indented_lists",
        make: md_indented_lists,
        full: 1_000,
    },
    Case {
        name: "md_nested_ordered_lists",
        make: md_nested_ordered_lists,
        full: 20_000,
    },
    Case {
        name: "md_blockquotes",
        make: md_blockquotes,
        full: 50_000,
    },
    Case {
        name: "md_blockquote_lines",
        make: md_blockquote_lines,
        full: 1_000,
    },
    Case {
        name: "md_wide_table",
        make: md_wide_table,
        full: 5_000,
    },
    Case {
        name: "md_emphasis_runs",
        make: md_emphasis_runs,
        full: 30_000,
    },
    Case {
        name: "md_emphasis_nested",
        make: md_emphasis_nested,
        full: 100_000,
    },
    Case {
        name: "md_unclosed_brackets",
        make: md_unclosed_brackets,
        full: 100_000,
    },
    Case {
        name: "md_unclosed_links",
        make: md_unclosed_links,
        full: 100_000,
    },
    Case {
        name: "md_backtick_runs",
        make: md_backtick_runs,
        full: 50_000,
    },
    Case {
        name: "md_html_tags",
        make: md_html_tags,
        full: 100_000,
    },
    Case {
        name: "md_many_headings",
        make: md_many_headings,
        full: 100_000,
    },
    Case {
        name: "ladder_cell_cmark_mix",
        make: ladder_cell_cmark_mix,
        full: 200_000,
    },
    Case {
        name: "sfia_cmark_mix",
        make: sfia_cmark_mix,
        full: 200_000,
    },
    Case {
        name: "sfia_many_skills",
        make: sfia_many_skills,
        full: 20_000,
    },
    // Blueprints (plain text, numbered sections).
    Case {
        name: "blueprint_many_sections",
        make: blueprint_many_sections,
        full: 100_000,
    },
    Case {
        name: "blueprint_single_lines",
        make: blueprint_single_lines,
        full: 100_000,
    },
    Case {
        name: "blueprint_trailing_widgets",
        make: blueprint_trailing_widgets,
        full: 50_000,
    },
    // HTML pages saved from a browser.
    Case {
        name: "html_nested_tables",
        make: html_nested_tables,
        full: 20_000,
    },
    Case {
        name: "html_many_items",
        make: html_many_items,
        full: 50_000,
    },
    Case {
        name: "html_entities",
        make: html_entities,
        full: 50_000,
    },
];

/// A small deterministic generator (xorshift64*), so inputs are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn markdown_role(body: &str) -> Vec<u8> {
    format!("# Pathological Role\n\n## Responsibilities\n\n{body}\n").into_bytes()
}

fn ladder_page(cell: &str) -> Vec<u8> {
    format!(
        "---\ntitle: Pathological Role\n---\n# Pathological Role\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n\nPathological Role\n\n</td></tr>\n<tr><td markdown=\"1\">\n\n{cell}\n\n</td></tr>\n</table>\n"
    )
    .into_bytes()
}

fn sfia_page(body: &str) -> Vec<u8> {
    format!(
        "# Pathological Role\n\n**Level 3** | **Career Path:** Engineering\n\n## Role Overview\n\n{body}\n\n## Required SFIA Skills\n\n### Software design (SWDN)\n\n**Level 3 Attainment:**\n\n{body}\n"
    )
    .into_bytes()
}

fn html_page(body: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html><head><title>P</title></head>\n<body>\n<h1>Pathological Role</h1>\n<h2>Responsibilities</h2>\n{body}\n</body></html>\n"
    )
    .into_bytes()
}

pub fn ladder_nested_tables(depth: usize) -> Vec<u8> {
    let cell = format!(
        "{}deepest\n{}",
        "<table><tr><td>\n".repeat(depth),
        "</td></tr></table>\n".repeat(depth)
    );
    ladder_page(&cell)
}

pub fn ladder_unclosed_tables(depth: usize) -> Vec<u8> {
    let mut page = String::from("---\ntitle: P\n---\n# P\n### Responsibilities\n");
    for _ in 0..depth {
        page.push_str("<table markdown=\"1\"><tr><td>\n");
    }
    page.push_str("text\n");
    page.into_bytes()
}

pub fn ladder_many_tables(n: usize) -> Vec<u8> {
    let mut page = String::from("---\ntitle: P\n---\n# P\n### Responsibilities\n");
    for i in 0..n {
        page.push_str(&format!(
            "<table markdown=\"1\"><tr><td>P</td></tr><tr><td>item {i}</td></tr></table>\n"
        ));
    }
    page.into_bytes()
}

/// One horizontal table with `n` distinct level columns, and page notes beside it.
pub fn ladder_many_columns(n: usize) -> Vec<u8> {
    let mut page = String::from("---\ntitle: Level 0\n---\n# Level 0\n### Responsibilities\n");
    page.push_str("A note beside the table.\n\n<table markdown=\"1\">\n<tr>");
    for i in 0..n {
        page.push_str(&format!("<td>Level {i}</td>"));
    }
    page.push_str("</tr>\n<tr>");
    for i in 0..n {
        page.push_str(&format!("<td markdown=\"1\">\n\n- does {i}\n\n</td>"));
    }
    page.push_str("</tr>\n</table>\n\nAnother note.\n");
    page.into_bytes()
}

/// A vertical table: `n` name/value row pairs, the same two columns over and over.
pub fn ladder_many_rows(n: usize) -> Vec<u8> {
    let mut page =
        String::from("---\ntitle: A\n---\n# A\n### Responsibilities\n<table markdown=\"1\">\n");
    for i in 0..n {
        let name = if i % 2 == 0 { "A" } else { "B" };
        page.push_str(&format!(
            "<tr><td>{name}</td></tr>\n<tr><td markdown=\"1\">\n\n- item {i}\n\n</td></tr>\n"
        ));
    }
    page.push_str("</table>\n");
    page.into_bytes()
}

/// One cell holding `n` list items.
pub fn ladder_long_cell(n: usize) -> Vec<u8> {
    let mut cell = String::new();
    for i in 0..n {
        cell.push_str(&format!("- item {i}\n"));
    }
    ladder_page(&cell)
}

pub fn random_punctuation(bytes: usize) -> Vec<u8> {
    const ALPHABET: &[u8] = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \n";
    let mut rng = Rng::new(0x5eed_0003);
    (0..bytes)
        .map(|_| ALPHABET[rng.below(ALPHABET.len())])
        .collect()
}

pub fn md_nested_lists(n: usize) -> Vec<u8> {
    markdown_role(&format!("{}deep\n", "- ".repeat(n)))
}

pub fn md_indented_lists(depth: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..depth {
        body.push_str(&" ".repeat(2 * i));
        body.push_str(&format!("- level {i}\n"));
    }
    markdown_role(&body)
}

pub fn md_nested_ordered_lists(n: usize) -> Vec<u8> {
    markdown_role(&format!("{}deep\n", "1. ".repeat(n)))
}

pub fn md_blockquotes(n: usize) -> Vec<u8> {
    markdown_role(&format!("{} deep\n", ">".repeat(n)))
}

/// `n` lines, each quoted one level deeper than the last (`>`, `>>`, `>>>`, ...).
pub fn md_blockquote_lines(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 1..=n {
        body.push_str(&">".repeat(i));
        body.push_str(" x\n");
    }
    markdown_role(&body)
}

pub fn md_wide_table(cols: usize) -> Vec<u8> {
    let mut body = String::new();
    body.push_str(&"| h ".repeat(cols));
    body.push_str("|\n");
    body.push_str(&"|---".repeat(cols));
    body.push_str("|\n");
    for _ in 0..20 {
        body.push_str(&"| x ".repeat(cols));
        body.push_str("|\n");
    }
    markdown_role(&body)
}

/// `*a**a***a****a…`: runs of 1 to 40 delimiters between letters, never balanced.
pub fn md_emphasis_runs(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&"*".repeat(i % 40 + 1));
        body.push('a');
    }
    markdown_role(&body)
}

/// `*a **a *a **a …` and `_a __a …`: openers that nest and never close.
pub fn md_emphasis_nested(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(match i % 4 {
            0 => "*a ",
            1 => "**a ",
            2 => "_a ",
            _ => "__a ",
        });
    }
    markdown_role(&body)
}

pub fn md_unclosed_brackets(n: usize) -> Vec<u8> {
    markdown_role(&format!("{}a{}", "[".repeat(n), "![".repeat(n / 4)))
}

pub fn md_unclosed_links(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(match i % 3 {
            0 => "[a](",
            1 => "[a]: <",
            _ => "[[a](b ",
        });
    }
    markdown_role(&body)
}

/// Backtick runs of every length from 1 to 50 with no closing run of the same length.
pub fn md_backtick_runs(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&"`".repeat(i % 50 + 1));
        body.push('a');
    }
    markdown_role(&body)
}

pub fn md_html_tags(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(match i % 4 {
            0 => "<a ",
            1 => "<!-- ",
            2 => "<div x='",
            _ => "</",
        });
    }
    markdown_role(&body)
}

/// `n` distinct sections, one item each.
pub fn md_many_headings(n: usize) -> Vec<u8> {
    let mut body = String::new();
    for i in 0..n {
        body.push_str(&format!("## Heading {i}\n- item\n"));
    }
    markdown_role(&body)
}

fn cmark_mix(n: usize) -> String {
    let mut rng = Rng::new(7);
    let pieces = [
        "- ", "> ", "*a", "**", "[", "](", "`", "``", "<td>", "|", "\n", "1. ", "_", "#",
    ];
    (0..n).map(|_| pieces[rng.below(pieces.len())]).collect()
}

pub fn ladder_cell_cmark_mix(n: usize) -> Vec<u8> {
    ladder_page(&cmark_mix(n))
}

pub fn sfia_cmark_mix(n: usize) -> Vec<u8> {
    sfia_page(&cmark_mix(n))
}

pub fn sfia_many_skills(n: usize) -> Vec<u8> {
    let mut body = String::from("# Pathological Role\n\n**Level 3** | **Career Path:** Engineering\n\n## Required SFIA Skills\n\n");
    for i in 0..n {
        body.push_str(&format!(
            "### Skill {i} (SK{})\n\n**Category:** C | **Subcategory:** S\n\n**Level 3 Attainment:**\n\nDoes {i}.\n\n",
            i % 1000
        ));
    }
    body.into_bytes()
}

/// `n` numbered sections, distinct headings, one bullet each.
pub fn blueprint_many_sections(n: usize) -> Vec<u8> {
    let mut text = String::from("Pathological Role: Role Blueprint\n\n");
    for i in 1..=n {
        text.push_str(&format!("{i}) Section {i}\n\n• item {i}\n\n"));
    }
    text.into_bytes()
}

/// Three sections, then `n` short lines each standing alone (group-heading candidates).
pub fn blueprint_single_lines(n: usize) -> Vec<u8> {
    let mut text = String::from(
        "Pathological Role\n\n1) Role Summary\n\n2) Role Mission\n\n3) Core Responsibilities\n\n",
    );
    for i in 0..n {
        text.push_str(&format!("Group {i}\n\n"));
    }
    text.push_str("  • last\n");
    text.into_bytes()
}

/// Three sections, then `n` promotional blocks and a comment widget at the end.
pub fn blueprint_trailing_widgets(n: usize) -> Vec<u8> {
    let mut text = String::from("Pathological Role\n\n1) Role Summary\n\n• a\n\n2) Role Mission\n\n• b\n\n3) Core Responsibilities\n\n• c\n\n");
    for i in 0..n {
        text.push_str(&format!("Explore offer {i}\n\n"));
    }
    text.push_str("Subscribe\nNotify of\nguest\n0 Comments\n");
    text.into_bytes()
}

pub fn html_nested_tables(depth: usize) -> Vec<u8> {
    html_page(&format!(
        "{}deepest{}",
        "<table><tr><td>".repeat(depth),
        "</td></tr></table>".repeat(depth)
    ))
}

pub fn html_many_items(n: usize) -> Vec<u8> {
    let mut body = String::from("<ul>\n");
    for i in 0..n {
        body.push_str(&format!("<li>Does thing {i}.</li>\n"));
    }
    body.push_str("</ul>");
    html_page(&body)
}

/// List items whose text the HTML writes with entities: their words cannot be found back
/// verbatim in the page.
pub fn html_entities(n: usize) -> Vec<u8> {
    let mut body = String::from("<ul>\n");
    for i in 0..n {
        body.push_str(&format!("<li>x&nbsp;{i}</li>\n"));
    }
    body.push_str("</ul>");
    html_page(&body)
}
