//! Markdown → a flat list of blocks (headings and items) with source lines. Every importer
//! that reads Markdown goes through `markdown_blocks`, so all of them parse the same way.

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::text::{clean_inline, LineIndex};
use crate::markdown::new_parser;
use crate::model::Link;

/// What a Markdown fragment is made of, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading {
        level: u8,
        text: String,
        line: u32,
    },
    /// A list item, a paragraph or a table row. Soft line breaks stay as `\n`.
    Item(BlockItem),
    /// A Markdown table's header row (cells joined by ` | `).
    TableHeader(BlockItem),
    /// A thematic break (`---`).
    Rule {
        line: u32,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlockItem {
    pub text: String,
    pub line: u32,
    pub kind: ItemKind,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Bullet,
    Paragraph,
    TableRow,
}

struct Open {
    text: String,
    line: u32,
    kind: ItemKind,
    links: Vec<Link>,
    /// An item whose own text was already emitted (because a nested list started).
    flushed: bool,
}

/// Parses `text`, whose first line is line `first_line` of its document.
pub fn markdown_blocks(text: &str, first_line: u32) -> Vec<Block> {
    // Kramdown attribute lists are markup: out before parsing, so `_text_{:x}_` stays emphasis.
    let text = &super::text::strip_kramdown_attributes(text);
    let index = LineIndex::new(text);
    let line_of = |offset: usize| index.line_of(offset) + first_line - 1;
    let mut blocks = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut heading: Option<(u8, String, u32)> = None;
    let mut link: Option<(String, String)> = None;
    let mut in_table_head = false;
    let mut cells: Vec<String> = Vec::new();
    let mut row_line = 0;

    let emit = |blocks: &mut Vec<Block>, open: &Open, header: bool| {
        let text = clean_inline(&open.text);
        if text.is_empty() {
            return;
        }
        let item = BlockItem {
            text,
            line: open.line,
            kind: open.kind,
            links: open.links.clone(),
        };
        blocks.push(if header {
            Block::TableHeader(item)
        } else {
            Block::Item(item)
        });
    };

    for (event, range) in new_parser(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((heading_level(level), String::new(), line_of(range.start)));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text, line)) = heading.take() {
                    blocks.push(Block::Heading {
                        level,
                        text: clean_inline(&text),
                        line,
                    });
                }
            }
            Event::Start(Tag::Item) => stack.push(Open {
                text: String::new(),
                line: line_of(range.start),
                kind: ItemKind::Bullet,
                links: Vec::new(),
                flushed: false,
            }),
            Event::Start(Tag::List(_)) => {
                // A nested list: the parent item's own text comes first.
                if let Some(parent) = stack.last_mut() {
                    if !parent.flushed {
                        emit(&mut blocks, parent, false);
                        parent.flushed = true;
                        parent.text.clear();
                    }
                }
            }
            Event::End(TagEnd::Item) => {
                if let Some(open) = stack.pop() {
                    if !open.flushed {
                        emit(&mut blocks, &open, false);
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                if stack.is_empty() {
                    stack.push(Open {
                        text: String::new(),
                        line: line_of(range.start),
                        kind: ItemKind::Paragraph,
                        links: Vec::new(),
                        flushed: false,
                    });
                } else if let Some(open) = stack.last_mut() {
                    // A second paragraph inside one list item continues its text.
                    if !open.text.trim().is_empty() {
                        open.text.push('\n');
                    }
                }
            }
            Event::End(TagEnd::Paragraph)
                if stack.len() == 1 && stack[0].kind == ItemKind::Paragraph =>
            {
                if let Some(open) = stack.pop() {
                    emit(&mut blocks, &open, false);
                }
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                cells.clear();
                row_line = line_of(range.start);
            }
            Event::Start(Tag::TableRow) => {
                cells.clear();
                row_line = line_of(range.start);
            }
            Event::Start(Tag::TableCell) => cells.push(String::new()),
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => {
                let open = Open {
                    text: cells
                        .iter()
                        .map(|c| clean_inline(c))
                        .collect::<Vec<_>>()
                        .join(" | "),
                    line: row_line,
                    kind: ItemKind::TableRow,
                    links: Vec::new(),
                    flushed: false,
                };
                emit(&mut blocks, &open, in_table_head);
                in_table_head = false;
                cells.clear();
            }
            Event::Rule => blocks.push(Block::Rule {
                line: line_of(range.start),
            }),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((String::new(), dest_url.to_string()))
            }
            Event::End(TagEnd::Link) => {
                if let (Some((text, url)), Some(open)) = (link.take(), stack.last_mut()) {
                    open.links.push(Link {
                        text: clean_inline(&text),
                        url,
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                let t: &str = &t;
                push_text(&mut heading, &mut cells, &mut stack, &mut link, t);
            }
            Event::SoftBreak | Event::HardBreak => {
                push_text(&mut heading, &mut cells, &mut stack, &mut link, "\n");
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                let stripped = super::text::strip_tags(&html);
                if stack.is_empty()
                    && heading.is_none()
                    && cells.is_empty()
                    && !stripped.trim().is_empty()
                {
                    // A raw HTML block outside any paragraph: its text is still an item.
                    let open = Open {
                        text: stripped,
                        line: line_of(range.start),
                        kind: ItemKind::Paragraph,
                        links: Vec::new(),
                        flushed: false,
                    };
                    emit(&mut blocks, &open, false);
                } else {
                    push_text(&mut heading, &mut cells, &mut stack, &mut link, &stripped);
                }
            }
            _ => {}
        }
    }
    // Unclosed containers cannot happen with pulldown-cmark, but never lose text if they do.
    while let Some(open) = stack.pop() {
        if !open.flushed {
            emit(&mut blocks, &open, false);
        }
    }
    blocks
}

fn push_text(
    heading: &mut Option<(u8, String, u32)>,
    cells: &mut [String],
    stack: &mut [Open],
    link: &mut Option<(String, String)>,
    t: &str,
) {
    if let Some((_, text, _)) = heading {
        text.push_str(t);
    } else if let Some(cell) = cells.last_mut() {
        cell.push_str(t);
    } else if let Some(open) = stack.last_mut() {
        open.text.push_str(t);
    }
    if let Some((text, _)) = link {
        text.push_str(t);
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(blocks: &[Block]) -> Vec<(String, u32)> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Item(i) => Some((i.text.clone(), i.line)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn bullets_and_paragraphs_are_items_with_their_lines() {
        let md = "# Title\n\nA paragraph\nthat wraps.\n\n- one\n- two\n  - nested\n";
        let blocks = markdown_blocks(md, 10);
        assert_eq!(
            blocks[0],
            Block::Heading {
                level: 1,
                text: "Title".into(),
                line: 10
            }
        );
        assert_eq!(
            items(&blocks),
            vec![
                ("A paragraph\nthat wraps.".to_string(), 12),
                ("one".to_string(), 15),
                ("two".to_string(), 16),
                ("nested".to_string(), 17)
            ]
        );
    }

    #[test]
    fn links_keep_their_text_and_url_and_kramdown_attributes_go() {
        let md = "- [CTO](https://example.com/x){:target=\"_blank\"}\n";
        let blocks = markdown_blocks(md, 1);
        let Block::Item(item) = &blocks[0] else {
            panic!("{blocks:?}")
        };
        assert_eq!(item.text, "CTO");
        assert_eq!(
            item.links,
            vec![Link {
                text: "CTO".into(),
                url: "https://example.com/x".into()
            }]
        );
    }

    #[test]
    fn table_rows_are_items_and_the_header_is_recognised() {
        let md = "| a | b |\n|---|---|\n| 1 | 2 |\n";
        let blocks = markdown_blocks(md, 1);
        assert!(matches!(&blocks[0], Block::TableHeader(h) if h.text == "a | b"));
        assert_eq!(items(&blocks), vec![("1 | 2".to_string(), 3)]);
    }
}
