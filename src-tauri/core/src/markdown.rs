//! Markdown parsing as every Rolecraft caller does it (the importers reading documents, the
//! renderer turning a job description into HTML): the parser options are set here only.

use pulldown_cmark::{Options, Parser};

/// The one place Markdown parser options are set.
pub fn new_parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
}
