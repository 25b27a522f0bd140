//! Pairing the items of two lists (a section of each role) one to one.
//!
//! 1. Items equal after [`normalise`] are paired first: the k-th occurrence of a text on the
//!    left with its k-th occurrence on the right. An equal pair is never broken up to make a
//!    better-scoring reworded pair.
//! 2. The items left over are paired by an optimal assignment (the Hungarian algorithm,
//!    `pathfinding::kuhn_munkres`) that maximises the total [`crate::text::score`] over the
//!    section. Pairs scoring below [`CHANGED_THRESHOLD`] are not allowed (weight 0, dropped).
//!    Ties are broken towards pairs at nearby positions, and the assignment is always run in
//!    one orientation chosen from the content (never from which role is left), so comparing
//!    B with A pairs exactly what comparing A with B pairs.
//!
//! 3. A section with exactly one item on each side (a "Role Description" paragraph, say) is one
//!    statement in both roles: the two items pair as changed whatever their score, as long as
//!    they share a content word, so a rewritten paragraph shows as one change with word marks
//!    rather than a removed block and a full addition.
//! 4. Beyond [`MAX_MATCH_ITEMS`] unpaired items on either side, step 2 would cost too much
//!    (an n×m score matrix and an O(n³) assignment): the rest are paired by position instead
//!    (the k-th unpaired item on the left with the k-th on the right, when they score at least
//!    the threshold), and the caller says so in the comparison. Scores only look at the first
//!    [`MAX_MATCH_WORDS`] words of an item.
//!
//! Why an assignment and not an order-keeping alignment (LCS/Needleman–Wunsch): ladders often
//! reorder a level's statements; an alignment that keeps order would report a moved statement
//! as removed and added, while the assignment still pairs it.

use std::collections::{HashMap, VecDeque};

use pathfinding::kuhn_munkres::kuhn_munkres;
use pathfinding::matrix::Matrix;

use crate::text::{normalise, score_with, words, CHANGED_THRESHOLD};

/// Whether a pair is equal after normalising, or reworded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    Same,
    Changed,
}

/// A left item's partner on the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link {
    pub to: usize,
    pub kind: Kind,
}

/// Score resolution: scores are compared to three decimals.
const SCALE: i64 = 1000;

/// The most unpaired items per side a section is matched optimally with (see step 3).
pub const MAX_MATCH_ITEMS: usize = 200;
/// The words of an item that count for its similarity score.
pub const MAX_MATCH_WORDS: usize = 48;

/// For each left item, the right item it is paired with (if any). Every right index appears
/// at most once. The flag is set when the section was over the limits and its reworded items
/// were paired by position (step 3).
pub(crate) fn match_items(left: &[&str], right: &[&str]) -> (Vec<Option<Link>>, bool) {
    let mut links: Vec<Option<Link>> = vec![None; left.len()];
    if left.is_empty() || right.is_empty() {
        return (links, false);
    }
    let mut right_used = vec![false; right.len()];

    // 1. Equal texts, k-th occurrence with k-th occurrence.
    let right_norm: Vec<String> = right.iter().map(|t| normalise(t)).collect();
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (j, n) in right_norm.iter().enumerate() {
        by_text.entry(n.as_str()).or_default().push_back(j);
    }
    let mut left_rest = Vec::new();
    for (i, text) in left.iter().enumerate() {
        let n = normalise(text);
        match by_text.get_mut(n.as_str()).and_then(VecDeque::pop_front) {
            Some(j) => {
                links[i] = Some(Link {
                    to: j,
                    kind: Kind::Same,
                });
                right_used[j] = true;
            }
            None => left_rest.push(i),
        }
    }
    let right_rest: Vec<usize> = (0..right.len()).filter(|j| !right_used[*j]).collect();
    if left_rest.is_empty() || right_rest.is_empty() {
        return (links, false);
    }

    // 3. One statement on each side: the section's statement, reworded. Only the first
    // MAX_MATCH_WORDS words count, as in step 2, so a huge paragraph costs no more.
    if left.len() == 1 && right.len() == 1 {
        let capped = |t: &str| {
            words(t)
                .into_iter()
                .take(MAX_MATCH_WORDS)
                .collect::<Vec<_>>()
        };
        if score_with(&capped(left[0]), &capped(right[0]), &mut Vec::new()) > 0.0 {
            links[0] = Some(Link {
                to: 0,
                kind: Kind::Changed,
            });
        }
        return (links, false);
    }

    // 2. Optimal assignment of the rest over similarity.
    // Words as small integers, so scoring compares numbers, not strings.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut intern = |text: &str| -> Vec<u32> {
        words(text)
            .into_iter()
            .take(MAX_MATCH_WORDS)
            .map(|w| {
                let next = ids.len() as u32;
                *ids.entry(w).or_insert(next)
            })
            .collect()
    };
    let left_words: Vec<Vec<u32>> = left_rest.iter().map(|i| intern(left[*i])).collect();
    let right_words: Vec<Vec<u32>> = right_rest.iter().map(|j| intern(right[*j])).collect();
    if left_rest.len() > MAX_MATCH_ITEMS || right_rest.len() > MAX_MATCH_ITEMS {
        // 3. Too many for an optimal assignment: by position.
        let mut scratch = Vec::new();
        for (k, (a, b)) in left_rest.iter().zip(&right_rest).enumerate() {
            if score_with(&left_words[k], &right_words[k], &mut scratch) >= CHANGED_THRESHOLD {
                links[*a] = Some(Link {
                    to: *b,
                    kind: Kind::Changed,
                });
            }
        }
        return (links, true);
    }
    for (a, b) in assign(
        &left_rest,
        &left_words,
        left,
        &right_rest,
        &right_words,
        right,
    ) {
        links[a] = Some(Link {
            to: b,
            kind: Kind::Changed,
        });
    }
    (links, false)
}

/// The optimal pairs `(left index, right index)` among the remaining items.
fn assign(
    left_idx: &[usize],
    left_words: &[Vec<u32>],
    left: &[&str],
    right_idx: &[usize],
    right_words: &[Vec<u32>],
    right: &[&str],
) -> Vec<(usize, usize)> {
    // Orientation from content alone: the shorter list are the matrix rows (kuhn_munkres needs
    // rows <= columns); on equal lengths, the list whose texts sort first. After step 1 no
    // text is on both sides, so two non-empty lists never compare equal.
    let left_texts: Vec<&str> = left_idx.iter().map(|i| left[*i]).collect();
    let right_texts: Vec<&str> = right_idx.iter().map(|j| right[*j]).collect();
    let left_rows = (left_idx.len(), &left_texts) <= (right_idx.len(), &right_texts);
    let (rows, row_words, cols, col_words) = if left_rows {
        (left_idx, left_words, right_idx, right_words)
    } else {
        (right_idx, right_words, left_idx, left_words)
    };

    // A position penalty below one score step in total breaks ties towards nearby items.
    let tie = 1 + (rows.len() * cols.len().max(rows.len())) as i64;
    let mut weights = Vec::with_capacity(rows.len() * cols.len());
    let mut any = false;
    let mut scratch = Vec::new();
    for (r, rw) in rows.iter().zip(row_words) {
        for (c, cw) in cols.iter().zip(col_words) {
            let s = score_with(rw, cw, &mut scratch);
            if s >= CHANGED_THRESHOLD {
                any = true;
                let quantised = (s * SCALE as f64).round() as i64;
                weights.push(quantised * tie - r.abs_diff(*c) as i64);
            } else {
                weights.push(0);
            }
        }
    }
    if !any {
        return Vec::new();
    }
    // `weights` has exactly rows × cols entries, so this cannot fail.
    let Ok(matrix) = Matrix::from_vec(rows.len(), cols.len(), weights) else {
        return Vec::new();
    };
    let (_, assignment) = kuhn_munkres(&matrix);
    assignment
        .into_iter()
        .enumerate()
        .filter(|(r, c)| matrix[(*r, *c)] > 0)
        .map(|(r, c)| {
            if left_rows {
                (rows[r], cols[c])
            } else {
                (cols[c], rows[r])
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(left: &[&str], right: &[&str]) -> Vec<(usize, usize, Kind)> {
        match_items(left, right)
            .0
            .into_iter()
            .enumerate()
            .filter_map(|(i, l)| l.map(|l| (i, l.to, l.kind)))
            .collect()
    }

    #[test]
    fn equal_after_normalising_is_same() {
        assert_eq!(
            pairs(
                &["Deliver results.", "Strategic  thinking"],
                &["strategic thinking.", "deliver Results"]
            ),
            [(0, 1, Kind::Same), (1, 0, Kind::Same)]
        );
    }

    #[test]
    fn duplicates_pair_in_order() {
        assert_eq!(
            pairs(&["a", "b", "a"], &["a", "a"]),
            [(0, 0, Kind::Same), (2, 1, Kind::Same)]
        );
    }

    #[test]
    fn reworded_items_pair_as_changed_and_unrelated_ones_do_not() {
        let left = [
            "Manages managers and ICs.",
            "Drives EMs' happiness, engagement, and growth.",
        ];
        let right = ["Organizational design", "Manages managers and directors."];
        assert_eq!(pairs(&left, &right), [(0, 1, Kind::Changed)]);
    }

    #[test]
    fn matching_is_optimal_not_greedy() {
        // "alpha beta gamma" likes "alpha beta gamma delta" best (0.86), but that is the only
        // partner "gamma delta epsilon" has (0.57); taking it greedily would leave one item
        // unpaired. The optimum pairs both.
        let left = ["alpha beta gamma", "gamma delta epsilon"];
        let right = ["alpha beta gamma delta", "alpha beta"];
        assert_eq!(
            pairs(&left, &right),
            [(0, 1, Kind::Changed), (1, 0, Kind::Changed)]
        );
    }

    #[test]
    fn ties_prefer_nearby_positions() {
        let left = ["alpha beta one", "x", "y"];
        let right = ["q", "r", "alpha beta two", "alpha beta three"];
        assert_eq!(pairs(&left, &right), [(0, 2, Kind::Changed)]);
    }

    #[test]
    fn swapping_sides_keeps_the_pairs() {
        let left = ["alpha beta one", "alpha beta two", "gamma delta", "z"];
        let right = ["alpha beta three", "gamma delta epsilon", "alpha beta four"];
        let ab = pairs(&left, &right);
        let mut ba: Vec<(usize, usize, Kind)> = pairs(&right, &left)
            .into_iter()
            .map(|(i, j, k)| (j, i, k))
            .collect();
        ba.sort();
        assert_eq!(ab, ba);
    }

    #[test]
    fn a_single_item_on_each_side_pairs_below_the_threshold_if_it_shares_a_word() {
        let left = ["A senior leader who manages teams and owns budgeting."];
        let right = ["An executive who translates strategy into execution and owns budgets."];
        // 2·2/(7+7) ≈ 0.29: below the threshold, still the section's one statement.
        assert_eq!(pairs(&left, &right), [(0, 0, Kind::Changed)]);
        assert!(pairs(&["Jira"], &["Figma"]).is_empty());
        // With more items, the threshold applies.
        assert!(pairs(&left, &[right[0], "Other"]).is_empty());
    }

    #[test]
    fn empty_sides() {
        assert!(pairs(&[], &["a"]).is_empty());
        assert_eq!(match_items(&["a"], &[]).0, [None]);
    }

    #[test]
    fn big_sections_fall_back_to_pairing_by_position_and_say_so() {
        let left: Vec<String> = (0..4000)
            .map(|i| format!("Owns the roadmap for area {i} and its budget"))
            .collect();
        let right: Vec<String> = (0..4000)
            .map(|i| format!("Owns the roadmap for zone {i} and its budget"))
            .collect();
        let l: Vec<&str> = left.iter().map(String::as_str).collect();
        let r: Vec<&str> = right.iter().map(String::as_str).collect();
        let (links, approximate) = match_items(&l, &r);
        assert!(approximate);
        assert_eq!(
            links[7],
            Some(Link {
                to: 7,
                kind: Kind::Changed
            })
        );
        let (_, small) = match_items(&l[..10], &r[..10]);
        assert!(!small);
    }
}
