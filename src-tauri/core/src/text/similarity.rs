//! How alike two statements are: the share of content words they have in common, in order.
//!
//! The score is the Dice coefficient over the longest common subsequence of the two word
//! lists, `2·LCS / (|a| + |b|)`, on lower-cased words with surrounding punctuation stripped and
//! a handful of function words (`and`, `the`, `of`, ...) left out, so that "Manages managers and
//! ICs." and "Manages managers and directors." score 2·2/(3+3) ≈ 0.67. Word order counts (a
//! subsequence, not a bag of words), so shuffled unrelated statements do not look alike.

/// Compare: two items that are not the same but score at least this are one statement,
/// changed. Below it they are unrelated: one removed, the other added.
pub const CHANGED_THRESHOLD: f64 = 0.5;

/// Merge: two differing items from two sources of one role that score at least this are the
/// same statement, edited — a conflict, not two items. Stricter than [`CHANGED_THRESHOLD`]:
/// a merge keeps both texts when unsure, a comparison only draws them side by side.
pub const CONFLICT_THRESHOLD: f64 = 0.6;

/// Words too common to make two statements alike.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "with",
];

/// The words of `text` that count for similarity. When a text has only stop words, they all
/// count (so "and/or" is still like "and/or").
pub fn words(text: &str) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    each_word(text, |w| all.push(w.to_string()));
    drop_stop_words(&mut all, |w| is_stop_word(w));
    all
}

/// Leaves the stop words out of a text's words, unless it has nothing else (see [`words`]).
pub fn drop_stop_words<T>(words: &mut Vec<T>, is_stop: impl Fn(&T) -> bool) {
    if !words.iter().all(&is_stop) {
        words.retain(|w| !is_stop(w));
    }
}

/// Each word of `text` as [`words`] gives it, stop words included, in order. The word lent to
/// `each` lives in one buffer reused for every ASCII word, so a caller that keeps only some
/// words (or numbers them) allocates nothing per word.
pub fn each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut lower = String::new();
    for w in text.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        if w.is_ascii() {
            lower.clear();
            lower.push_str(w);
            lower.make_ascii_lowercase();
            each(&lower);
        } else {
            each(&w.to_lowercase());
        }
    }
}

/// Whether a lower-cased word is one of the function words [`words`] leaves out.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.contains(&word)
}

/// How alike two statements are, from 0.0 to 1.0: [`score`] over their [`words`].
pub fn similarity(a: &str, b: &str) -> f64 {
    score_with(&words(a), &words(b), &mut Vec::new())
}

/// Dice coefficient over the longest common subsequence: 1.0 for equal lists, 0.0 for lists
/// with no word in common. Two empty lists are equal (1.0).
pub fn score<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    score_with(a, b, &mut Vec::new())
}

/// [`score`] with a reusable buffer (the matcher scores every pair of a section).
pub fn score_with<T: PartialEq>(a: &[T], b: &[T], row: &mut Vec<usize>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * lcs_len(a, b, row) as f64 / (a.len() + b.len()) as f64
}

/// Length of the longest common subsequence, one DP row at a time.
fn lcs_len<T: PartialEq>(a: &[T], b: &[T], row: &mut Vec<usize>) -> usize {
    row.clear();
    row.resize(b.len() + 1, 0);
    for x in a {
        let mut diagonal = 0; // row[j] of the previous line
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: &str, b: &str) -> f64 {
        score(&words(a), &words(b))
    }

    #[test]
    fn words_drop_punctuation_case_and_function_words() {
        assert_eq!(
            words("Can drive all internal communication, including cross-departmental."),
            [
                "can",
                "drive",
                "all",
                "internal",
                "communication",
                "including",
                "cross-departmental"
            ]
        );
        assert_eq!(
            words("Culture leadership - defines"),
            ["culture", "leadership", "defines"]
        );
        assert_eq!(words("and / or"), ["and", "or"]);
    }

    #[test]
    fn reworded_statements_score_above_the_threshold() {
        for (a, b) in [
            ("Manages managers and ICs.", "Manages managers and directors."),
            ("Cross-functional communication.", "Cross-functional and external communication."),
            (
                "Can drive all internal communication, including cross-departmental.",
                "Can drive all internal and external communication.",
            ),
            (
                "Owns accountability for metrics-based performance of their part of the org (eg. retention, acquisition, throughput, quality).",
                "Owns accountability for metrics-based performance for the engineering org (eg. retention, acquisition, throughput, quality).",
            ),
        ] {
            assert!(s(a, b) >= CHANGED_THRESHOLD, "{a} / {b}: {}", s(a, b));
        }
    }

    #[test]
    fn unrelated_statements_score_below_the_threshold() {
        for (a, b) in [
            (
                "Drives EMs' happiness, engagement, and growth.",
                "Drives engineering operations strategy.",
            ),
            ("Deliver results.", "Strategic thinking."),
            ("Organizational design", "Technical mentorship."),
        ] {
            assert!(s(a, b) < CHANGED_THRESHOLD, "{a} / {b}: {}", s(a, b));
        }
    }

    #[test]
    fn score_is_symmetric_and_bounded() {
        let a = words("Owns the budget for the org");
        let b = words("Owns org budget");
        assert_eq!(score(&a, &b), score(&b, &a));
        assert_eq!(score(&a, &a), 1.0);
        assert_eq!(score(&a, &words("nothing alike here")), 0.0);
        assert_eq!(score::<String>(&[], &[]), 1.0);
        assert_eq!(score(&a, &[]), 0.0);
    }

    #[test]
    fn lcs_of_known_lists() {
        let lcs = |a: &str, b: &str| {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            lcs_len(&a, &b, &mut Vec::new())
        };
        assert_eq!(lcs("ABCBDAB", "BDCABA"), 4);
        assert_eq!(lcs("", "abc"), 0);
        assert_eq!(lcs("abc", "abc"), 3);
        assert_eq!(lcs("abc", "xyz"), 0);
    }

    #[test]
    fn word_order_matters() {
        // Same words, reversed: the LCS is one word.
        assert!(s("alpha beta gamma delta", "delta gamma beta alpha") < CHANGED_THRESHOLD);
    }
}
