//! Two arbitrary roles (built from the input's two halves: `#` lines start sections, other
//! lines are items) compared 2-way and 3-way, and rendered as JSON, Markdown and HTML.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::compare_two(data);
});
