//! Arbitrary bytes as a role JSON file: an accepted role has an id that is a valid file name
//! and survives the library's write and read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::role_json(data);
});
