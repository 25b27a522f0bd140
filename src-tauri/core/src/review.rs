//! The review of an import (above import, library and compare; the shell and the CLI call
//! it): before anything is written, what each imported role would
//! add to, change in and remove from the library, and every conflict, side by side. The user
//! decides per role (add, keep, replace, merge) and per conflict (which side wins);
//! `ImportPlan::resolve` turns those decisions into the roles to save.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::compare::{compare_with, CompareOptions, Comparison};
use crate::import::Imported;
use crate::library::{discard, merge_roles_until, merge_two, Cancelled};
use crate::model::{Conflict, Role, Warning};

/// What to do with one imported role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoleChoice {
    /// A new role: save it.
    Add,
    /// Leave the library's role as it is; import nothing for this id.
    Keep,
    /// Save the imported role in place of the library's.
    Replace,
    /// Merge: the library's items stay (and win conflicts unless chosen otherwise); new items join.
    Merge,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct RolePlan {
    /// The role as the imported documents give it (already merged across those documents).
    pub incoming: Role,
    /// The library's role with the same id, if any.
    pub existing: Option<Role>,
    /// Library role → imported role: what `replace` would add, change and remove.
    pub changes: Option<Comparison>,
    /// Conflicts `merge` would raise between the library's role (kept) and the imported one.
    pub merge_conflicts: Vec<Conflict>,
    /// Conflicts between the imported documents themselves (kept: the role's own page).
    pub source_conflicts: Vec<Conflict>,
    /// What Rolecraft suggests: `add` for a new role, `merge` for an existing one.
    pub suggested: RoleChoice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ImportPlan {
    pub roles: Vec<RolePlan>,
    pub warnings: Vec<Warning>,
    /// Id → hash of its file in the target folder when the plan was made (`None`: no file),
    /// checked again when the plan is applied (`with_files`, `save_roles`). Stays with the
    /// process that planned: not sent to the page.
    #[serde(skip)]
    #[ts(skip)]
    #[schemars(skip)]
    pub file_hashes: BTreeMap<String, Option<String>>,
}

/// The user's decisions. Roles without a choice take the plan's suggestion; a conflict listed
/// in `take_other` (role id → indexes into `source_conflicts` then `merge_conflicts`, counted
/// together) takes the other side instead of the kept one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Decisions {
    #[serde(default)]
    pub roles: BTreeMap<String, RoleChoice>,
    #[serde(default)]
    pub take_other: BTreeMap<String, Vec<usize>>,
}

/// Plans the import of `documents` into a library that holds `existing`.
pub fn plan_import(existing: &[Role], documents: Vec<Imported>) -> ImportPlan {
    plan_import_until(existing, documents, &|| false).unwrap_or_else(|| ImportPlan {
        roles: Vec::new(),
        warnings: Vec::new(),
        file_hashes: BTreeMap::new(),
    })
}

/// [`plan_import`], asking `cancelled` between roles (each merged source role, each planned
/// role): `None` as soon as it says yes, so a Cancel stops planning within milliseconds.
pub fn plan_import_until(
    existing: &[Role],
    documents: Vec<Imported>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<ImportPlan> {
    let mut roles = Vec::new();
    let mut warnings = Vec::new();
    for doc in documents {
        roles.extend(doc.roles);
        warnings.extend(doc.warnings);
    }
    warnings.extend(id_collisions(existing, &roles));
    let merged = merge_roles_until(roles, cancelled)?;
    let mut conflicts_of: HashMap<String, Vec<Conflict>> = HashMap::new();
    for c in merged.conflicts {
        conflicts_of.entry(c.role_id.clone()).or_default().push(c);
    }
    let existing_of: HashMap<&str, &Role> =
        existing.iter().rev().map(|r| (r.id.as_str(), r)).collect();
    let incoming: Vec<(Role, Vec<Conflict>)> = merged
        .roles
        .into_iter()
        .map(|role| {
            let conflicts = conflicts_of.remove(&role.id).unwrap_or_default();
            (role, conflicts)
        })
        .collect();
    // Each role is planned on its own (on every core), asking `cancelled` first; a cancelled
    // role comes back as it was, for everything to be freed at once (see `discard`).
    let planned: Vec<Result<RolePlan, Cancelled>> = incoming
        .into_par_iter()
        .map(|(incoming, source_conflicts)| {
            if cancelled() {
                let held: Cancelled = Box::new((incoming, source_conflicts));
                return Err(held);
            }
            let existing = existing_of.get(incoming.id.as_str()).map(|r| (*r).clone());
            Ok(plan_role(incoming, existing, source_conflicts))
        })
        .collect();
    if planned.iter().any(Result::is_err) {
        discard((planned, warnings));
        return None;
    }
    let plans: Vec<RolePlan> = planned.into_iter().flatten().collect();
    Some(ImportPlan {
        roles: plans,
        warnings,
        file_hashes: BTreeMap::new(),
    })
}

/// What importing `incoming` would do to the library's role with its id (`existing`), if any.
fn plan_role(incoming: Role, existing: Option<Role>, source_conflicts: Vec<Conflict>) -> RolePlan {
    let (changes, merge_conflicts) = match &existing {
        Some(old) => (
            Some(compare_with(old, &incoming, CompareOptions::all())),
            merge_two(old.clone(), incoming.clone()).1,
        ),
        None => (None, Vec::new()),
    };
    let suggested = if existing.is_some() {
        RoleChoice::Merge
    } else {
        RoleChoice::Add
    };
    RolePlan {
        incoming,
        existing,
        changes,
        merge_conflicts,
        source_conflicts,
        suggested,
    }
}

/// Roles that share an id but not a title (after case and spacing), within the import or
/// with the library: a warning naming both titles, since they become one role.
fn id_collisions(existing: &[Role], incoming: &[Role]) -> Vec<Warning> {
    let fold = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let mut seen: BTreeMap<&str, &Role> = existing.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut warned: BTreeSet<(String, String, String)> = BTreeSet::new();
    let mut out = Vec::new();
    for role in incoming {
        match seen.get(role.id.as_str()) {
            Some(first) if fold(&first.title) != fold(&role.title) => {
                let key = (role.id.clone(), fold(&first.title), fold(&role.title));
                if warned.insert(key) {
                    out.push(Warning {
                        kind: crate::model::WarningKind::IdCollision,
                        file: role.sources.first().map(|s| s.file.clone()).unwrap_or_default(),
                        line: None,
                        message: format!(
                            "\"{}\" and \"{}\" have the same id \"{}\": they are imported as one role",
                            first.title, role.title, role.id
                        ),
                        dropped: Vec::new(),
                    });
                }
            }
            Some(_) => {}
            None => {
                seen.insert(&role.id, role);
            }
        }
    }
    out
}

impl ImportPlan {
    /// Records the hash of each role's file in the target folder now, for `save_roles` to
    /// refuse the plan if any of them changes before it is applied.
    pub fn with_files(mut self, state: &crate::library::DirState) -> Self {
        self.file_hashes = state.expected(self.roles.iter().map(|r| r.incoming.id.clone()));
        self
    }
}

/// Why a set of decisions cannot be applied to a plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecisionError {
    #[error("no role \"{0}\" in this import")]
    UnknownRole(String),
    #[error("role \"{id}\" has {count} conflict(s); there is no conflict {index}")]
    NoSuchConflict {
        id: String,
        index: usize,
        count: usize,
    },
    #[error("role \"{0}\" is already in the library: choose keep, replace or merge")]
    AddExisting(String),
    #[error("role \"{0}\" is new: there is nothing to replace or merge, choose add or keep")]
    NothingToChange(String),
    #[error("the library's role \"{0}\" changed since this import was reviewed: review it again")]
    Stale(String),
}

impl ImportPlan {
    /// Checks decisions (which may come from an untrusted UI) against the plan, and the plan
    /// against the library as it is now: a plan made before the library changed is refused.
    pub fn check(&self, decisions: &Decisions, library_now: &[Role]) -> Result<(), DecisionError> {
        let mut plans: HashMap<&str, &RolePlan> = HashMap::new();
        for plan in &self.roles {
            plans.entry(plan.incoming.id.as_str()).or_insert(plan);
        }
        let plan_of = |id: &str| plans.get(id).copied();
        for (id, choice) in &decisions.roles {
            let plan = plan_of(id).ok_or_else(|| DecisionError::UnknownRole(id.clone()))?;
            match (choice, plan.existing.is_some()) {
                (RoleChoice::Add, true) => return Err(DecisionError::AddExisting(id.clone())),
                (RoleChoice::Replace | RoleChoice::Merge, false) => {
                    return Err(DecisionError::NothingToChange(id.clone()))
                }
                _ => {}
            }
        }
        for (id, indexes) in &decisions.take_other {
            let plan = plan_of(id).ok_or_else(|| DecisionError::UnknownRole(id.clone()))?;
            let count = plan.source_conflicts.len() + plan.merge_conflicts.len();
            if let Some(&index) = indexes.iter().find(|&&i| i >= count) {
                return Err(DecisionError::NoSuchConflict {
                    id: id.clone(),
                    index,
                    count,
                });
            }
        }
        let mut now_of: HashMap<&str, &Role> = HashMap::new();
        for role in library_now {
            now_of.entry(role.id.as_str()).or_insert(role);
        }
        for plan in &self.roles {
            let now = now_of.get(plan.incoming.id.as_str()).copied();
            if now != plan.existing.as_ref() {
                return Err(DecisionError::Stale(plan.incoming.id.clone()));
            }
        }
        Ok(())
    }

    /// The roles to write (each replaces any file of its id), following `decisions`.
    pub fn resolve(&self, decisions: &Decisions) -> Vec<Role> {
        let mut out = Vec::new();
        for plan in &self.roles {
            let id = &plan.incoming.id;
            let choice = decisions.roles.get(id).copied().unwrap_or(plan.suggested);
            let chosen: BTreeSet<usize> = decisions
                .take_other
                .get(id)
                .into_iter()
                .flatten()
                .copied()
                .collect();
            let n_source = plan.source_conflicts.len();
            let mut role = match (choice, &plan.existing) {
                (RoleChoice::Keep, _) => continue,
                (RoleChoice::Merge, Some(old)) => merge_two(old.clone(), plan.incoming.clone()).0,
                _ => plan.incoming.clone(),
            };
            for (i, c) in plan.source_conflicts.iter().enumerate() {
                if chosen.contains(&i) {
                    take_other(&mut role, c);
                }
            }
            if choice == RoleChoice::Merge {
                for (i, c) in plan.merge_conflicts.iter().enumerate() {
                    if chosen.contains(&(n_source + i)) {
                        take_other(&mut role, c);
                    }
                }
            }
            out.push(role);
        }
        out
    }
}

/// Puts a conflict's other side in place of the kept one (and records it that way round).
fn take_other(role: &mut Role, conflict: &Conflict) {
    if let Some(c) = role.conflicts.iter_mut().find(|c| *c == conflict) {
        std::mem::swap(&mut c.kept, &mut c.other);
    }
    if let Some(fact) = conflict.section.strip_prefix("facts.") {
        role.facts
            .insert(fact.to_string(), conflict.other.text.clone());
        role.fact_sources
            .insert(fact.to_string(), conflict.other.source.clone());
        return;
    }
    let kept = &conflict.kept;
    if let Some(item) = role
        .sections
        .iter_mut()
        .filter(|s| s.key == conflict.section)
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.text == kept.text && i.source == kept.source)
    {
        item.text = conflict.other.text.clone();
        item.source = conflict.other.source.clone();
        // The document's text again: no longer the user's edit.
        item.origin = conflict.other.origin.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_document, Document};

    fn doc(name: &str, text: &str) -> Imported {
        import_document(&Document::from_text(name, text)).unwrap()
    }

    const OLD: &str = "# Staff Engineer\n\n## Responsibilities\n\n- Leads design reviews.\n- Mentors senior engineers for 2+ years.\n- Writes RFCs.\n";
    const NEW: &str = "# Staff Engineer\n\n## Responsibilities\n\n- Leads design reviews.\n- Mentors senior engineers for 3+ years.\n- Owns the platform roadmap.\n";

    #[test]
    fn the_plan_shows_added_changed_removed_and_conflicts_before_writing() {
        let existing = doc("old.md", OLD).roles;
        let plan = plan_import(&existing, vec![doc("new.md", NEW)]);
        let role = &plan.roles[0];
        assert_eq!(role.suggested, RoleChoice::Merge);
        let counts = role
            .changes
            .as_ref()
            .unwrap()
            .section("responsibilities")
            .unwrap()
            .counts;
        assert_eq!(
            (counts.same, counts.changed, counts.removed, counts.added),
            (1, 1, 1, 1)
        );
        assert_eq!(role.merge_conflicts.len(), 1);
        assert!(role.merge_conflicts[0].kept.text.contains("2+ years"));
    }

    #[test]
    fn decisions_choose_per_role_and_per_conflict() {
        let existing = doc("old.md", OLD).roles;
        let plan = plan_import(&existing, vec![doc("new.md", NEW)]);
        let texts = |roles: Vec<Role>| -> Vec<String> {
            roles[0].items().map(|i| i.text.clone()).collect()
        };

        let merged = texts(plan.resolve(&Decisions::default()));
        assert_eq!(
            merged,
            [
                "Leads design reviews.",
                "Mentors senior engineers for 2+ years.",
                "Writes RFCs.",
                "Owns the platform roadmap."
            ]
        );

        let mut d = Decisions::default();
        d.take_other.insert("staff-engineer".into(), vec![0]);
        assert!(
            texts(plan.resolve(&d)).contains(&"Mentors senior engineers for 3+ years.".to_string())
        );

        d.roles.insert("staff-engineer".into(), RoleChoice::Replace);
        assert_eq!(
            texts(plan.resolve(&d)),
            [
                "Leads design reviews.",
                "Mentors senior engineers for 3+ years.",
                "Owns the platform roadmap."
            ]
        );

        d.roles.insert("staff-engineer".into(), RoleChoice::Keep);
        assert!(plan.resolve(&d).is_empty());
    }

    #[test]
    fn decisions_that_do_not_fit_the_plan_or_a_changed_library_are_refused() {
        let existing = doc("old.md", OLD).roles;
        let plan = plan_import(&existing, vec![doc("new.md", NEW)]);
        assert_eq!(plan.check(&Decisions::default(), &existing), Ok(()));
        let mut d = Decisions::default();
        d.roles.insert("nobody".into(), RoleChoice::Merge);
        assert_eq!(
            plan.check(&d, &existing),
            Err(DecisionError::UnknownRole("nobody".into()))
        );
        let mut d = Decisions::default();
        d.roles.insert("staff-engineer".into(), RoleChoice::Add);
        assert_eq!(
            plan.check(&d, &existing),
            Err(DecisionError::AddExisting("staff-engineer".into()))
        );
        let mut d = Decisions::default();
        d.take_other.insert("staff-engineer".into(), vec![1]);
        assert!(matches!(
            plan.check(&d, &existing),
            Err(DecisionError::NoSuchConflict {
                index: 1,
                count: 1,
                ..
            })
        ));
        // The library changed after the review.
        let mut changed = existing.clone();
        changed[0].title = "Staff Engineer II".into();
        assert_eq!(
            plan.check(&Decisions::default(), &changed),
            Err(DecisionError::Stale("staff-engineer".into()))
        );
        let fresh = plan_import(&[], vec![doc("new.md", NEW)]);
        let mut d = Decisions::default();
        d.roles.insert("staff-engineer".into(), RoleChoice::Replace);
        assert_eq!(
            fresh.check(&d, &[]),
            Err(DecisionError::NothingToChange("staff-engineer".into()))
        );
        assert_eq!(
            fresh.check(&Decisions::default(), &existing),
            Err(DecisionError::Stale("staff-engineer".into()))
        );
    }

    #[test]
    fn a_new_role_is_added() {
        let plan = plan_import(&[], vec![doc("new.md", NEW)]);
        assert_eq!(plan.roles[0].suggested, RoleChoice::Add);
        assert!(plan.roles[0].changes.is_none());
        assert_eq!(plan.resolve(&Decisions::default()).len(), 1);
    }

    /// Many documents of one role: a cancel flag flipped from another thread while planning
    /// runs stops it (the planner asks between roles).
    #[test]
    fn a_cancel_from_another_thread_stops_planning() {
        use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
        use std::sync::{mpsc, Arc};

        let documents: Vec<Imported> = (0..3000)
            .map(|i| {
                let items: String = (0..20)
                    .map(|k| format!("- Item {k} of document {i} says something new.\n"))
                    .collect();
                doc(
                    &format!("d{i}.md"),
                    &format!("# Staff Engineer\n\n## Responsibilities\n\n{items}"),
                )
            })
            .collect();
        let cancel = Arc::new(AtomicBool::new(false));
        let (started, on_start) = mpsc::channel::<()>();
        let flipper = {
            let cancel = cancel.clone();
            std::thread::spawn(move || {
                let _ = on_start.recv();
                cancel.store(true, Ordering::SeqCst);
            })
        };
        let asked = AtomicUsize::new(0);
        let plan = plan_import_until(&[], documents, &|| {
            asked.fetch_add(1, Ordering::SeqCst);
            let _ = started.send(());
            cancel.load(Ordering::SeqCst)
        });
        flipper.join().unwrap();
        assert!(plan.is_none(), "planning ran to the end");
        assert!(
            asked.load(Ordering::SeqCst) < 3000,
            "asked after every role"
        );
    }

    /// Without a cancel, the cancellable planner gives exactly what `plan_import` gives.
    #[test]
    fn planning_until_never_cancelled_is_planning() {
        let existing = doc("old.md", OLD).roles;
        let a = plan_import(&existing, vec![doc("new.md", NEW), doc("old2.md", OLD)]);
        let b = plan_import_until(
            &existing,
            vec![doc("new.md", NEW), doc("old2.md", OLD)],
            &|| false,
        );
        assert_eq!(Some(a), b);
    }
}
