//! Row helpers shared by the pair and skill matchers: ids of repeated keys, and the rows of two
//! paired item lists.

use super::align::align;
use super::matching::{Kind, Link};
use super::types::{Row, Status};
use super::words::word_diff;
use crate::model::Item;

/// `(id, k)` for the k-th occurrence of each id.
pub(crate) fn nth_ids<'r>(ids: impl Iterator<Item = &'r str>) -> Vec<(&'r str, usize)> {
    let mut out: Vec<(&str, usize)> = Vec::new();
    for id in ids {
        let nth = out.iter().filter(|(k, _)| *k == id).count();
        out.push((id, nth));
    }
    out
}

pub(crate) fn texts(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

/// The rows of two paired item lists, laid out by [`align`].
pub(crate) fn item_rows(left: &[Item], right: &[Item], links: &[Option<Link>]) -> Vec<Row> {
    let to: Vec<Option<usize>> = links.iter().map(|l| l.map(|l| l.to)).collect();
    align(&[left.len(), right.len()], &[to])
        .into_iter()
        .filter_map(|cells| match (cells[0], cells[1]) {
            (Some(i), Some(j)) => {
                let (l, r) = (&left[i].text, &right[j].text);
                let changed = links[i].is_some_and(|k| k.kind == Kind::Changed);
                Some(Row {
                    status: if changed {
                        Status::Changed
                    } else {
                        Status::Same
                    },
                    left: Some(l.clone()),
                    right: Some(r.clone()),
                    words: changed.then(|| word_diff(l, r)),
                })
            }
            (Some(i), None) => Some(Row {
                status: Status::Removed,
                left: Some(left[i].text.clone()),
                right: None,
                words: None,
            }),
            (None, Some(j)) => Some(Row {
                status: Status::Added,
                left: None,
                right: Some(right[j].text.clone()),
                words: None,
            }),
            // `align` never yields an empty row.
            (None, None) => None,
        })
        .collect()
}
