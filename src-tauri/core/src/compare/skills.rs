//! SFIA skills compared by code (and level), their attainment statements matched like items.

use super::align::union_order;
use super::matching::{match_items, Kind, Link};
use super::rows::{item_rows, nth_ids, texts};
use super::types::{SkillRow, Status};
use crate::model::{Role, Skill};

pub(crate) type SkillId<'r> = (&'r str, usize);

pub(crate) fn skill_ids(role: &Role) -> Vec<SkillId<'_>> {
    nth_ids(role.skills.iter().map(|s| s.code.as_str()))
}

pub(crate) struct SkillMatch<'r> {
    pub code: &'r str,
    pub nth: usize,
    pub left: Option<&'r Skill>,
    pub right: Option<&'r Skill>,
    /// Attainment statements of the left skill paired with the right one's.
    pub links: Vec<Option<Link>>,
    pub status: Status,
}

impl SkillMatch<'_> {
    pub fn to_row(&self) -> SkillRow {
        let empty = Vec::new();
        SkillRow {
            code: self.code.to_string(),
            name: self
                .right
                .or(self.left)
                .map(|s| s.name.clone())
                .unwrap_or_default(),
            status: self.status,
            left_level: self.left.and_then(|s| s.level),
            right_level: self.right.and_then(|s| s.level),
            attainment: item_rows(
                self.left.map_or(&empty, |s| &s.attainment),
                self.right.map_or(&empty, |s| &s.attainment),
                &self.links,
            ),
        }
    }
}

/// Every skill either role requires, in the roles' order.
pub(crate) fn match_skills<'r>(left: &'r Role, right: &'r Role) -> Vec<SkillMatch<'r>> {
    union_order(&[skill_ids(left), skill_ids(right)])
        .into_iter()
        .map(|((code, nth), at)| {
            let l = at[0].map(|i| &left.skills[i]);
            let r = at[1].map(|i| &right.skills[i]);
            let l_items = l.map_or(&[][..], |s| &s.attainment[..]);
            let r_items = r.map_or(&[][..], |s| &s.attainment[..]);
            let (links, _) = match_items(&texts(l_items), &texts(r_items));
            let status = match (l, r) {
                (Some(a), Some(b)) => {
                    let all_same = l_items.len() == r_items.len()
                        && links
                            .iter()
                            .all(|k| k.is_some_and(|k| k.kind == Kind::Same));
                    if a.level == b.level && all_same {
                        Status::Same
                    } else {
                        Status::Changed
                    }
                }
                (Some(_), None) => Status::Removed,
                (None, _) => Status::Added,
            };
            SkillMatch {
                code,
                nth,
                left: l,
                right: r,
                links,
                status,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testing::{role, skill};
    use super::*;

    #[test]
    fn skills_compare_by_code_and_level() {
        let mut a = role("a", vec![]);
        let mut b = role("b", vec![]);
        a.skills = vec![
            skill("PROD", 5, &["Plans products."]),
            skill("REQM", 5, &["Defines requirements."]),
            skill("TEST", 4, &["Tests."]),
        ];
        b.skills = vec![
            skill("PROD", 6, &["Plans products and services."]),
            skill("REQM", 5, &["Defines requirements"]),
            skill("ARCH", 6, &["Designs."]),
        ];
        let rows: Vec<SkillRow> = match_skills(&a, &b)
            .iter()
            .map(SkillMatch::to_row)
            .collect();
        let got: Vec<(&str, Status, Option<u32>, Option<u32>)> = rows
            .iter()
            .map(|r| (r.code.as_str(), r.status, r.left_level, r.right_level))
            .collect();
        assert_eq!(
            got,
            [
                ("PROD", Status::Changed, Some(5), Some(6)),
                ("REQM", Status::Same, Some(5), Some(5)),
                ("TEST", Status::Removed, Some(4), None),
                ("ARCH", Status::Added, None, Some(6)),
            ]
        );
        assert_eq!(rows[0].attainment[0].status, Status::Changed);
        assert_eq!(rows[2].attainment[0].status, Status::Removed);
        assert_eq!(rows[3].attainment[0].status, Status::Added);
    }

    #[test]
    fn same_level_with_different_attainment_is_changed() {
        let mut a = role("a", vec![]);
        let mut b = role("b", vec![]);
        a.skills = vec![skill("PROD", 5, &["Plans products."])];
        b.skills = vec![skill("PROD", 5, &["Plans products.", "Leads a team."])];
        let m = match_skills(&a, &b);
        assert_eq!(m[0].status, Status::Changed);
    }
}
