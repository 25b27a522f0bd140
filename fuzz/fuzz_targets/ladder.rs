//! Ladder pages: front matter, headings and `<table markdown="1">` blocks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecraft_core::model::Format;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_as(Format::LadderPage, data, |text| {
        format!("---\ntitle: Fuzz\n---\n# Fuzz\n### Responsibilities\n<table markdown=\"1\">\n<tr><td>\n{text}\n</td></tr>\n</table>\n")
    });
});
