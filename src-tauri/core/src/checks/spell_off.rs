//! Builds without the `spell` feature (the fuzz targets only) have no spelling or grammar
//! rule: the other checks run as usual. The app and the CLI always build with it.

use super::rules::Out;

pub(crate) struct Speller;

impl Speller {
    pub fn new(_user_terms: &[String]) -> Speller {
        Speller
    }

    pub fn check(&self, _md: &str, _out: &mut Out, _spelling: bool, _grammar: bool) {}
}
