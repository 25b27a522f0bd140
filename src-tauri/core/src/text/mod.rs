//! Text as every layer compares it: [`normalise`] (when two texts are the same) and
//! [`similarity`] (when two different texts are the same statement, edited). The importers'
//! own cleaning of document text is `import::text`.

mod similarity;

pub use similarity::{
    drop_stop_words, each_word, is_stop_word, score, score_with, similarity, words,
    CHANGED_THRESHOLD, CONFLICT_THRESHOLD,
};

/// Whitespace, case and trailing punctuation do not make two items different.
pub fn normalise(text: &str) -> String {
    // Word by word, in one string: lower-casing each word alone is lower-casing the words
    // joined by spaces (a space ends the context of a final sigma).
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        if word.is_ascii() {
            folded.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            folded.push_str(&word.to_lowercase());
        }
    }
    let kept = folded
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
        .len();
    folded.truncate(kept);
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `normalise` did before it worked word by word in one string.
    fn normalise_as_before(text: &str) -> String {
        let folded = text
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        folded
            .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace())
            .to_string()
    }

    proptest::proptest! {
        #[test]
        fn normalising_word_by_word_is_normalising_the_joined_text(
            text in "(\\PC|[ \t\n.!?ΣσςİIẞ]){0,40}"
        ) {
            proptest::prop_assert_eq!(normalise(&text), normalise_as_before(&text));
        }
    }

    #[test]
    fn normalising_ignores_case_space_and_trailing_punctuation() {
        for text in [
            "ΟΔΟΣ ΟΔΟΣ.",
            "AΣ Σ ΣA",
            "İstanbul  \u{2003}X.",
            "a\u{85}Σ b",
        ] {
            assert_eq!(normalise(text), normalise_as_before(text), "{text}");
        }
        assert_eq!(normalise("Deliver  Results."), normalise("deliver results"));
        assert_ne!(normalise("3+ years"), normalise("10+ years"));
    }
}
