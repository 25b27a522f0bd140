//! Laying matched entries out in rows across columns (one column per role).

/// The union of several lists of identities (section keys, skill codes), in an order that keeps
/// each list's own order where it can: the first list's order, then each identity the first
/// list lacks goes just before the next identity of its own list that is already placed.
/// Returns each identity with its index in every list (None where a list lacks it).
pub(crate) fn union_order<K: PartialEq + Copy>(lists: &[Vec<K>]) -> Vec<(K, Vec<Option<usize>>)> {
    let mut out: Vec<(K, Vec<Option<usize>>)> = Vec::new();
    for (col, list) in lists.iter().enumerate() {
        for (idx, id) in list.iter().enumerate() {
            if let Some(slot) = out.iter_mut().find(|(k, _)| k == id) {
                slot.1[col] = Some(idx);
                continue;
            }
            let pos = list[idx + 1..]
                .iter()
                .find_map(|next| out.iter().position(|(k, _)| k == next))
                .unwrap_or(out.len());
            let mut at = vec![None; lists.len()];
            at[col] = Some(idx);
            out.insert(pos, (*id, at));
        }
    }
    out
}

/// Rows of item indices, one cell per column: `links[c][i]` is the item of column `c + 1`
/// paired with item `i` of column `c`, and paired items share a row (a chain across columns).
/// Rows follow the first column's order; an item not paired with its left neighbour gets a
/// row of its own just before the row of the next paired item of its column (so, as in a
/// unified diff, what was removed comes before what was added in its place).
pub(crate) fn align(lens: &[usize], links: &[Vec<Option<usize>>]) -> Vec<Vec<Option<usize>>> {
    let cols = lens.len();
    debug_assert_eq!(links.len() + 1, cols.max(1));
    let Some(first) = lens.first() else {
        return Vec::new();
    };
    let mut rows: Vec<Vec<Option<usize>>> = (0..*first)
        .map(|i| {
            let mut row = vec![None; cols];
            row[0] = Some(i);
            row
        })
        .collect();
    for c in 1..cols {
        let mut paired = vec![false; lens[c]];
        for row in rows.iter_mut() {
            if let Some(j) = row[c - 1].and_then(|i| links[c - 1][i]) {
                row[c] = Some(j);
                paired[j] = true;
            }
        }
        let unpaired: Vec<usize> = (0..lens[c]).filter(|j| !paired[*j]).collect();
        for j in unpaired {
            let pos = (j + 1..lens[c])
                .filter(|k| paired[*k])
                .find_map(|k| rows.iter().position(|r| r[c] == Some(k)))
                .unwrap_or(rows.len());
            let mut row = vec![None; cols];
            row[c] = Some(j);
            rows.insert(pos, row);
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn union_keeps_each_lists_order() {
        let u = union_order(&[vec!["a", "b", "d"], vec!["x", "a", "c", "d", "e"]]);
        let keys: Vec<&str> = u.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["x", "a", "b", "c", "d", "e"]);
        assert_eq!(u[0].1, [None, Some(0)]);
        assert_eq!(u[2].1, [Some(1), None]);
        assert_eq!(u[4].1, [Some(2), Some(3)]);
    }

    #[test]
    fn two_columns_put_removed_before_added() {
        // left a r b, right a x b: a-a, b-b paired.
        let rows = align(&[3, 3], &[vec![Some(0), None, Some(2)]]);
        assert_eq!(
            rows,
            [
                vec![Some(0), Some(0)],
                vec![Some(1), None],
                vec![None, Some(1)],
                vec![Some(2), Some(2)],
            ]
        );
    }

    #[test]
    fn added_items_keep_their_order_and_trailing_ones_go_last() {
        let rows = align(&[1, 4], &[vec![Some(2)]]);
        assert_eq!(
            rows,
            [
                vec![None, Some(0)],
                vec![None, Some(1)],
                vec![Some(0), Some(2)],
                vec![None, Some(3)]
            ]
        );
    }

    #[test]
    fn chains_span_columns() {
        // a0 - b1 - c0; a1 removed in b; b0 added in b, kept in c as c1.
        let rows = align(&[2, 2, 2], &[vec![Some(1), None], vec![Some(1), Some(0)]]);
        assert_eq!(
            rows,
            [
                vec![None, Some(0), Some(1)],
                vec![Some(0), Some(1), Some(0)],
                vec![Some(1), None, None],
            ]
        );
    }

    #[test]
    fn every_item_appears_once() {
        let lens = [3, 4, 2];
        let links = [
            vec![Some(3), None, Some(0)],
            vec![Some(1), None, None, Some(0)],
        ];
        let rows = align(&lens, &links);
        for (c, len) in lens.iter().enumerate() {
            let mut seen: Vec<usize> = rows.iter().filter_map(|r| r[c]).collect();
            seen.sort();
            assert_eq!(seen, (0..*len).collect::<Vec<_>>());
        }
    }
}
