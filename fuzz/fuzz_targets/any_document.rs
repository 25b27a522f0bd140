//! Arbitrary bytes through `Document::from_bytes` (decoding: BOMs, UTF-16, line ends) and
//! `import_document` (format detection, then whichever importer it picks).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_bytes(data);
});
