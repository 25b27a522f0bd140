//! HTML pages saved from a browser: reduced to text through htmd, then read as a text format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecraft_core::model::Format;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_as(Format::Html, data, |text| {
        format!("<!DOCTYPE html>\n<html><body>\n<h1>Fuzz</h1>\n{text}\n</body></html>\n")
    });
});
