//! Plain-text role blueprints: a title line, numbered sections `N) Title`, bullets, tables.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecraft_core::model::Format;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_as(Format::Blueprint, data, |text| {
        format!("Fuzz: Role Blueprint\n\n1) Role Summary\n\n2) Role Mission\n\n3) Core Responsibilities\n\n{text}\n")
    });
});
