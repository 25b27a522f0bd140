//! Word-level differences between two texts, with `similar`.

use similar::{ChangeTag, TextDiff};

use super::types::{WordOp, WordOpKind};

/// The word-level diff from `left` to `right`, consecutive runs of one kind merged. Whitespace
/// belongs to the runs, so the `equal` + `delete` runs spell `left` and `equal` + `insert`
/// runs spell `right` exactly. A lone space between two replacements joins them, so "of their
/// part of the" → "for the engineering" reads as one change, not five interleaved ones.
pub fn word_diff(left: &str, right: &str) -> Vec<WordOp> {
    // A deadline keeps huge or hostile texts from taking long (the diff is then coarser).
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_words(left, right);
    let mut runs: Vec<WordOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => WordOpKind::Equal,
            ChangeTag::Delete => WordOpKind::Delete,
            ChangeTag::Insert => WordOpKind::Insert,
        };
        push(&mut runs, op, change.value());
    }
    let mut out: Vec<WordOp> = Vec::new();
    let (mut del, mut ins) = (String::new(), String::new());
    for (k, run) in runs.iter().enumerate() {
        match run.op {
            WordOpKind::Delete => del.push_str(&run.text),
            WordOpKind::Insert => ins.push_str(&run.text),
            WordOpKind::Equal => {
                let joins = !del.is_empty()
                    && !ins.is_empty()
                    && run.text.trim().is_empty()
                    && runs.get(k + 1).is_some_and(|n| n.op != WordOpKind::Equal);
                if joins {
                    del.push_str(&run.text);
                    ins.push_str(&run.text);
                } else {
                    flush(&mut out, &mut del, &mut ins);
                    push(&mut out, WordOpKind::Equal, &run.text);
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    out
}

fn push(ops: &mut Vec<WordOp>, op: WordOpKind, text: &str) {
    match ops.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => ops.push(WordOp {
            op,
            text: text.to_string(),
        }),
    }
}

fn flush(out: &mut Vec<WordOp>, del: &mut String, ins: &mut String) {
    if !del.is_empty() {
        push(out, WordOpKind::Delete, &std::mem::take(del));
    }
    if !ins.is_empty() {
        push(out, WordOpKind::Insert, &std::mem::take(ins));
    }
}

/// The text a side of a diff spells: `equal` + `delete` runs for the left, `equal` + `insert`
/// runs for the right.
#[cfg(test)]
pub(crate) fn side_text(ops: &[WordOp], left: bool) -> String {
    let keep = if left {
        WordOpKind::Delete
    } else {
        WordOpKind::Insert
    };
    ops.iter()
        .filter(|o| o.op == WordOpKind::Equal || o.op == keep)
        .map(|o| o.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(op: WordOpKind, text: &str) -> WordOp {
        WordOp {
            op,
            text: text.to_string(),
        }
    }

    #[test]
    fn changed_word_is_a_delete_then_an_insert() {
        assert_eq!(
            word_diff(
                "Manages managers and ICs.",
                "Manages managers and directors."
            ),
            [
                op(WordOpKind::Equal, "Manages managers and "),
                op(WordOpKind::Delete, "ICs."),
                op(WordOpKind::Insert, "directors."),
            ]
        );
    }

    #[test]
    fn inserted_words() {
        assert_eq!(
            word_diff(
                "Cross-functional communication.",
                "Cross-functional and external communication."
            ),
            [
                op(WordOpKind::Equal, "Cross-functional "),
                op(WordOpKind::Insert, "and external "),
                op(WordOpKind::Equal, "communication."),
            ]
        );
    }

    #[test]
    fn neighbouring_replacements_read_as_one() {
        assert_eq!(
            word_diff(
                "Owns performance of their part of the org (eg. quality).",
                "Owns performance for the engineering org (eg. quality)."
            ),
            [
                op(WordOpKind::Equal, "Owns performance "),
                op(WordOpKind::Delete, "of their part of the"),
                op(WordOpKind::Insert, "for the engineering"),
                op(WordOpKind::Equal, " org (eg. quality)."),
            ]
        );
    }

    #[test]
    fn sides_spell_the_texts() {
        let (a, b) = (
            "Owns  the budget, for the org",
            "Owns org budget for the team  ",
        );
        let ops = word_diff(a, b);
        assert_eq!(side_text(&ops, true), a);
        assert_eq!(side_text(&ops, false), b);
    }
}
