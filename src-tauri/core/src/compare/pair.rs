//! Two roles matched: sections aligned by key, items paired, facts and skills compared; and
//! the 2-way [`Comparison`] built from that.

use super::align::union_order;
use super::facts::{match_facts, FactMatch};
use super::matching::{match_items, Kind, Link, MAX_MATCH_ITEMS};
use super::rows::{item_rows, nth_ids, texts};
use super::skills::{match_skills, SkillMatch};
use super::types::{Comparison, Counts, RoleHeader, SectionDiff, Status, Summary};
use crate::model::{Item, Role};

/// A section identity within a role: its key and which occurrence of that key it is (roles
/// rarely have two sections with one key, but nothing forbids it).
pub(crate) type SectionId<'r> = (&'r str, usize);

/// The identities of a role's sections, in order.
pub(crate) fn section_ids(role: &Role) -> Vec<SectionId<'_>> {
    nth_ids(role.sections.iter().map(|s| s.key.as_str()))
}

/// One section (present in either role) with its items paired.
pub(crate) struct SectionMatch<'r> {
    pub id: SectionId<'r>,
    pub title: &'r str,
    pub left: &'r [Item],
    pub right: &'r [Item],
    /// For each left item, its right partner.
    pub links: Vec<Option<Link>>,
    /// Over the matching limits: reworded items paired by position (`matching`, step 3).
    pub approximate: bool,
}

impl SectionMatch<'_> {
    pub fn counts(&self) -> Counts {
        link_counts(&self.links, self.right.len())
    }

    pub fn to_diff(&self) -> SectionDiff {
        SectionDiff {
            key: self.id.0.to_string(),
            title: self.title.to_string(),
            counts: self.counts(),
            rows: item_rows(self.left, self.right, &self.links),
        }
    }
}

/// Counts of a pairing of `links.len()` left items with `right_len` right items.
pub(crate) fn link_counts(links: &[Option<Link>], right_len: usize) -> Counts {
    let mut counts = Counts::default();
    for link in links {
        counts.add(match link {
            Some(Link {
                kind: Kind::Same, ..
            }) => Status::Same,
            Some(Link {
                kind: Kind::Changed,
                ..
            }) => Status::Changed,
            None => Status::Removed,
        });
    }
    let paired = links.iter().flatten().count();
    counts.added = (right_len - paired) as u32;
    counts
}

pub(crate) fn header(role: &Role) -> RoleHeader {
    RoleHeader {
        id: role.id.clone(),
        title: role.title.clone(),
        track: role.track.clone(),
        level: role.level,
    }
}

/// Two roles, matched.
pub(crate) struct PairMatch<'r> {
    pub left: &'r Role,
    pub right: &'r Role,
    pub sections: Vec<SectionMatch<'r>>,
    pub facts: Vec<FactMatch<'r>>,
    pub skills: Vec<SkillMatch<'r>>,
}

impl<'r> PairMatch<'r> {
    pub fn new(left: &'r Role, right: &'r Role) -> Self {
        let sections = union_order(&[section_ids(left), section_ids(right)])
            .into_iter()
            .map(|(id, at)| {
                let l = at[0].map(|i| &left.sections[i]);
                let r = at[1].map(|i| &right.sections[i]);
                let left_items = l.map_or(&[][..], |s| &s.items[..]);
                let right_items = r.map_or(&[][..], |s| &s.items[..]);
                let (links, approximate) = match_items(&texts(left_items), &texts(right_items));
                SectionMatch {
                    id,
                    title: l.or(r).map_or("", |s| s.title.as_str()),
                    left: left_items,
                    right: right_items,
                    links,
                    approximate,
                }
            })
            .collect();
        PairMatch {
            left,
            right,
            sections,
            facts: match_facts(left, right),
            skills: match_skills(left, right),
        }
    }

    pub fn section(&self, id: SectionId<'_>) -> Option<&SectionMatch<'r>> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn skill(&self, id: (&str, usize)) -> Option<&SkillMatch<'r>> {
        self.skills.iter().find(|s| (s.code, s.nth) == id)
    }

    /// The 2-way comparison, its summary filled in; `omitted` is left for the caller, which
    /// knows what it filtered out.
    pub fn to_comparison(&self) -> Comparison {
        let mut c = Comparison {
            roles: vec![self.left.id.clone(), self.right.id.clone()],
            headers: vec![header(self.left), header(self.right)],
            summary: Summary::default(),
            omitted: Vec::new(),
            sections: self.sections.iter().map(SectionMatch::to_diff).collect(),
            facts: self.facts.iter().map(FactMatch::to_row).collect(),
            skills: self.skills.iter().map(SkillMatch::to_row).collect(),
            approximate: self.approximate(),
        };
        c.summary = c.summarise();
        c
    }

    /// The note a comparison carries when some section was over the matching limits.
    pub fn approximate(&self) -> Option<String> {
        let over: Vec<&str> = self
            .sections
            .iter()
            .filter(|s| s.approximate)
            .map(|s| s.title)
            .collect();
        (!over.is_empty()).then(|| {
            format!(
                "over {MAX_MATCH_ITEMS} unpaired items in a section, reworded items were paired by position, not optimally, in: {}",
                over.join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{role, section};
    use super::*;

    #[test]
    fn sections_align_by_key_and_one_sided_sections_still_show() {
        let a = role(
            "a",
            vec![
                section("summary", &["x"]),
                section("responsibilities", &["r1", "r2"]),
            ],
        );
        let b = role(
            "b",
            vec![
                section("responsibilities", &["r1"]),
                section("checkpoints", &["c1"]),
            ],
        );
        let c = PairMatch::new(&a, &b).to_comparison();
        let keys: Vec<&str> = c.sections.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["summary", "responsibilities", "checkpoints"]);
        assert_eq!(c.sections[0].rows[0].status, Status::Removed);
        assert_eq!(
            c.sections[1].counts,
            Counts {
                same: 1,
                changed: 0,
                removed: 1,
                added: 0
            }
        );
        assert_eq!(c.sections[2].rows[0].status, Status::Added);
        assert_eq!(c.sections[2].rows[0].left, None);
        assert_eq!(c.sections[2].rows[0].right.as_deref(), Some("c1"));
    }

    #[test]
    fn changed_rows_carry_word_diffs_and_others_do_not() {
        let a = role(
            "a",
            vec![section(
                "scope",
                &["Manages managers and ICs.", "Culture leadership."],
            )],
        );
        let b = role(
            "b",
            vec![section(
                "scope",
                &["culture leadership", "Manages managers and directors."],
            )],
        );
        let c = PairMatch::new(&a, &b).to_comparison();
        let rows = &c.sections[0].rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].status, Status::Changed);
        let words = rows[0].words.as_ref().expect("a changed row has words");
        assert_eq!(
            super::super::words::side_text(words, true),
            "Manages managers and ICs."
        );
        assert_eq!(
            super::super::words::side_text(words, false),
            "Manages managers and directors."
        );
        assert_eq!(rows[1].status, Status::Same);
        assert_eq!(rows[1].words, None);
        assert_eq!(rows[1].right.as_deref(), Some("culture leadership"));
    }

    #[test]
    fn repeated_section_keys_pair_by_occurrence() {
        let a = role(
            "a",
            vec![section("notes", &["one"]), section("notes", &["two"])],
        );
        let b = role("b", vec![section("notes", &["one"])]);
        let c = PairMatch::new(&a, &b).to_comparison();
        assert_eq!(c.sections.len(), 2);
        assert_eq!(c.sections[0].counts.same, 1);
        assert_eq!(c.sections[1].counts.removed, 1);
    }

    #[test]
    fn json_has_the_documented_shape() {
        let a = role("a", vec![section("scope", &["Manages managers and ICs."])]);
        let b = role(
            "b",
            vec![section(
                "scope",
                &["Manages managers and directors.", "Organizational design"],
            )],
        );
        let json = serde_json::to_value(PairMatch::new(&a, &b).to_comparison()).unwrap();
        assert_eq!(json["roles"], serde_json::json!(["a", "b"]));
        let rows = &json["sections"][0]["rows"];
        assert_eq!(rows[0]["status"], "changed");
        assert_eq!(
            rows[0]["words"][1],
            serde_json::json!({"op": "delete", "text": "ICs."})
        );
        assert_eq!(
            rows[1],
            serde_json::json!({"status": "added", "left": null, "right": "Organizational design", "words": null})
        );
        assert_eq!(
            json["sections"][0]["counts"],
            serde_json::json!({"same": 0, "changed": 1, "removed": 0, "added": 1})
        );
    }
}
