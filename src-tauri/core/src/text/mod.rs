//! Text as every layer compares it: [`normalise`] (when two texts are the same) and
//! [`similarity`] (when two different texts are the same statement, edited). The importers'
//! own cleaning of document text is `import::text`.

mod similarity;

pub use similarity::{score, score_with, similarity, words, CHANGED_THRESHOLD, CONFLICT_THRESHOLD};

/// Whitespace, case and trailing punctuation do not make two items different.
pub fn normalise(text: &str) -> String {
    let folded = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    folded
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_ignores_case_space_and_trailing_punctuation() {
        assert_eq!(normalise("Deliver  Results."), normalise("deliver results"));
        assert_ne!(normalise("3+ years"), normalise("10+ years"));
    }
}
