//! SFIA level pages: `# Title`, `**Level N** | **Career Path:** X`, skills `### Name (CODE)`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rolecraft_core::model::Format;

fuzz_target!(|data: &[u8]| {
    rolecraft_fuzz::import_as(Format::SfiaPage, data, |text| {
        format!(
            "# Fuzz\n\n**Level 3** | **Career Path:** Fuzz\n\n## Required SFIA Skills\n\n{text}\n"
        )
    });
});
