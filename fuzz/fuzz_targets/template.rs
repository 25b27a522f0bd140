//! Arbitrary template text rendered against a bundled role (Markdown, and HTML when the
//! first byte is odd): a syntax error, a cycle, a limit or a strict-mode error is fine; a
//! panic, a stack overflow, a hang or a memory blow-up is the bug looked for.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::render_template(data);
});
