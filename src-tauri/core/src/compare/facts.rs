//! Facts (`years_of_experience`, `scope`, ...) compared by key.

use super::types::{FactRow, Status};
use super::words::word_diff;
use crate::model::Role;
use crate::text::normalise;

pub(crate) struct FactMatch<'r> {
    pub key: &'r str,
    pub left: Option<&'r str>,
    pub right: Option<&'r str>,
}

/// How `right` relates to `left`; None when neither has a value.
pub(crate) fn fact_status(left: Option<&str>, right: Option<&str>) -> Option<Status> {
    match (left, right) {
        (Some(l), Some(r)) if normalise(l) == normalise(r) => Some(Status::Same),
        (Some(_), Some(_)) => Some(Status::Changed),
        (Some(_), None) => Some(Status::Removed),
        (None, Some(_)) => Some(Status::Added),
        (None, None) => None,
    }
}

impl FactMatch<'_> {
    pub fn status(&self) -> Status {
        // A fact match has a value on at least one side; `Same` would be the harmless answer.
        fact_status(self.left, self.right).unwrap_or(Status::Same)
    }

    pub fn to_row(&self) -> FactRow {
        let status = self.status();
        FactRow {
            key: self.key.to_string(),
            status,
            left: self.left.map(str::to_string),
            right: self.right.map(str::to_string),
            words: match (status, self.left, self.right) {
                (Status::Changed, Some(l), Some(r)) => Some(word_diff(l, r)),
                _ => None,
            },
        }
    }
}

/// Every fact key either role has, sorted.
pub(crate) fn match_facts<'r>(left: &'r Role, right: &'r Role) -> Vec<FactMatch<'r>> {
    let mut keys: Vec<&str> = left
        .facts
        .keys()
        .chain(right.facts.keys())
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .map(|key| FactMatch {
            key,
            left: left.facts.get(key).map(String::as_str),
            right: right.facts.get(key).map(String::as_str),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::role;
    use super::*;

    #[test]
    fn facts_compare_by_key() {
        let mut a = role("a", vec![]);
        let mut b = role("b", vec![]);
        a.facts.insert("years_of_experience".into(), "15+".into());
        b.facts.insert("years_of_experience".into(), "20+".into());
        a.facts.insert("scope".into(), "Organization.".into());
        b.facts.insert("scope".into(), "organization".into());
        a.facts.insert("team".into(), "4 teams".into());
        b.facts.insert("budget".into(), "yes".into());
        let rows: Vec<FactRow> = match_facts(&a, &b).iter().map(FactMatch::to_row).collect();
        let got: Vec<(&str, Status)> = rows.iter().map(|r| (r.key.as_str(), r.status)).collect();
        assert_eq!(
            got,
            [
                ("budget", Status::Added),
                ("scope", Status::Same),
                ("team", Status::Removed),
                ("years_of_experience", Status::Changed),
            ]
        );
        assert!(rows[3].words.is_some());
        assert!(rows[1].words.is_none());
    }
}
