//! Plain Markdown: optional front matter, headings become sections, lists and paragraphs items.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecraft_core::model::Format;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_as(Format::Markdown, data, |text| format!("# Fuzz\n\n{text}\n"));
});
