//! Merging the roles that several documents give for the same role id. Identical items are
//! kept once; items that say almost the same thing differently are conflicts, reported with
//! both sides, and the role's own page wins.
//!
//! Merging an import into a library role (`merge_two`) also respects the user's edits: an item
//! the role holds in any section (the user may have moved it) is not added again, and an item
//! whose imported text the user edited is a conflict with the user's edit as the kept side.
//!
//! Merging one more source into a role costs about the same however many came before: the
//! role's sections are indexed (exact texts, and words for the similarity, see
//! [`SectionIndex`]) instead of comparing each incoming item with every item held.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Conflict, ConflictSide, Item, ItemOrigin, Role, Section, SourceRef};
use crate::text::{
    drop_stop_words, each_word, is_stop_word, normalise, score_with, CONFLICT_THRESHOLD,
};

#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub roles: Vec<Role>,
    pub conflicts: Vec<Conflict>,
}

/// Merges roles with equal ids (first-seen order of ids is kept). Within one id, roles from
/// their own page come first, so their items win conflicts.
pub fn merge_roles(roles: Vec<Role>) -> Merged {
    merge_roles_until(roles, &|| false).unwrap_or_default()
}

/// [`merge_roles`], asking `cancelled` before each role is merged in: `None` once it says yes.
/// The roles of different ids share nothing, so they merge on every core; one role's merge is
/// bounded (see [`SectionIndex`]), so a cancel is seen within milliseconds.
pub fn merge_roles_until(
    roles: Vec<Role>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Option<Merged> {
    use rayon::prelude::*;
    let mut groups: Vec<Vec<Role>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for role in roles {
        match group_of.get(&role.id) {
            Some(&g) => groups[g].push(role),
            None => {
                group_of.insert(role.id.clone(), groups.len());
                groups.push(vec![role]);
            }
        }
    }
    // In the order of the groups, as merging them one after the other gives.
    let merged: Vec<Result<Merged, Cancelled>> = groups
        .into_par_iter()
        .map(|group| merge_group(group, cancelled))
        .collect();
    if merged.iter().any(Result::is_err) {
        discard(merged);
        return None;
    }
    let mut out = Merged::default();
    for group in merged.into_iter().flatten() {
        out.roles.extend(group.roles);
        out.conflicts.extend(group.conflicts);
    }
    Some(out)
}

/// What a merge the user cancelled held, to be freed with the rest at once (see [`discard`]).
pub(crate) type Cancelled = Box<dyn Send>;

/// Merges the roles of one id into the first from its own page (the first of all if none is):
/// that role and the conflicts its merge found.
fn merge_group(
    mut group: Vec<Role>,
    cancelled: &(dyn Fn() -> bool + Sync),
) -> Result<Merged, Cancelled> {
    group.sort_by_key(|r| !r.sources.iter().any(|s| s.own_page));
    let mut members = group.into_iter();
    let Some(mut base) = members.next() else {
        return Ok(Merged::default());
    };
    let mut conflicts = Vec::new();
    let mut index = RoleIndex::default();
    for other in members.by_ref() {
        if cancelled() {
            return Err(Box::new((members, base, other, conflicts, index)));
        }
        merge_into(&mut base, other, &mut conflicts, false, &mut index);
    }
    Ok(Merged {
        roles: vec![base],
        conflicts,
    })
}

/// Frees what a cancelled run held on another thread: freeing the strings of 10,000 documents
/// takes longer than a cancel may.
pub(crate) fn discard<T: Send + 'static>(held: T) {
    // Should no thread be spared, the failed spawn drops it here instead.
    let _ = std::thread::Builder::new().spawn(move || drop(held));
}

/// Merges `other` (an import) into `base` (the library's role); `base`'s items win conflicts,
/// which are returned. The user's edits in `base` are kept, each one a conflict side.
pub fn merge_two(mut base: Role, other: Role) -> (Role, Vec<Conflict>) {
    let mut conflicts = Vec::new();
    merge_into(
        &mut base,
        other,
        &mut conflicts,
        true,
        &mut RoleIndex::default(),
    );
    (base, conflicts)
}

/// Merges `other` into `base`; new conflicts go to `conflicts` and are recorded on the role
/// too (`Role::conflicts`, with those `other` already had), each once. `library`: `base` is a
/// library role the user may have edited (see the module doc). `index` holds what `base`
/// held after the previous merge into it (empty before the first).
fn merge_into(
    base: &mut Role,
    mut other: Role,
    conflicts: &mut Vec<Conflict>,
    library: bool,
    index: &mut RoleIndex,
) {
    let first_new = conflicts.len();
    let carried = std::mem::take(&mut other.conflicts);
    merge_content(base, other, conflicts, library, index);
    if index.conflicts.is_none() {
        let mut known: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, c) in base.conflicts.iter().enumerate() {
            known.entry(conflict_hash(c)).or_default().push(i);
        }
        index.conflicts = Some(known);
    }
    let Some(known) = index.conflicts.as_mut() else {
        return;
    };
    for c in carried
        .into_iter()
        .chain(conflicts[first_new..].iter().cloned())
    {
        let same = known.entry(conflict_hash(&c)).or_default();
        if !same.iter().any(|&i| base.conflicts.get(i) == Some(&c)) {
            same.push(base.conflicts.len());
            base.conflicts.push(c);
        }
    }
}

/// A hash of a conflict's texts and places (equal conflicts hash alike).
fn conflict_hash(c: &Conflict) -> u64 {
    let mut h = DefaultHasher::new();
    (&c.role_id, &c.section).hash(&mut h);
    for side in [&c.kept, &c.other] {
        (&side.text, &side.source).hash(&mut h);
    }
    h.finish()
}

fn merge_content(
    base: &mut Role,
    other: Role,
    conflicts: &mut Vec<Conflict>,
    library: bool,
    index: &mut RoleIndex,
) {
    base.track = base.track.take().or(other.track);
    base.level = base.level.or(other.level);
    for (key, value) in other.facts {
        let source = other.fact_sources.get(&key).cloned();
        match base.facts.get(&key) {
            None => {
                base.facts.insert(key.clone(), value);
                if let Some(s) = source {
                    base.fact_sources.insert(key, s);
                }
            }
            Some(kept) if normalise(kept) != normalise(&value) => conflicts.push(Conflict {
                role_id: base.id.clone(),
                section: format!("facts.{key}"),
                kept: ConflictSide {
                    text: kept.clone(),
                    source: base.fact_sources.get(&key).cloned().unwrap_or_else(unknown),
                    origin: None,
                },
                other: ConflictSide {
                    text: value,
                    source: source.unwrap_or_else(unknown),
                    origin: None,
                },
            }),
            Some(_) => {}
        }
    }
    // Edited items (section, index) already paired with an incoming item.
    let mut claimed: HashSet<(usize, usize)> = HashSet::new();
    let mut edits = library.then(|| Edits::new(base));
    for mut section in other.sections {
        if let Some(edits) = edits.as_mut() {
            let items = std::mem::take(&mut section.items);
            section.items = items
                .into_iter()
                .filter_map(|item| edits.against(base, &mut claimed, item, conflicts))
                .collect();
        }
        let (at, before) = match base.sections.iter().position(|s| s.key == section.key) {
            None => {
                base.sections.push(section);
                (base.sections.len() - 1, 0)
            }
            Some(at) => {
                let target = &mut base.sections[at];
                let before = target.items.len();
                let sindex = index
                    .sections
                    .entry(section.key.clone())
                    .or_insert_with(|| SectionIndex::new(target));
                let mut paired = Paired::new(target.items.len());
                for &(s, i) in &claimed {
                    if s == at {
                        paired.take(i);
                    }
                }
                for item in section.items {
                    sindex.merge_item(
                        &base.id,
                        &section.key,
                        &mut target.items,
                        &mut paired,
                        item,
                        conflicts,
                    );
                }
                for header in section.table_headers {
                    if sindex.headers.insert(header.text.clone()) {
                        target.table_headers.push(header);
                    }
                }
                (at, before)
            }
        };
        // What the role holds from now on counts for the next sections' items.
        if let (Some(edits), Some(target)) = (edits.as_mut(), base.sections.get(at)) {
            for (i, x) in target.items.iter().enumerate().skip(before) {
                edits.record(at, i, x);
            }
        }
    }
    if index.skills.is_empty() {
        index.skills = base.skills.iter().map(|s| s.code.clone()).collect();
    }
    for skill in other.skills {
        if index.skills.insert(skill.code.clone()) {
            base.skills.push(skill);
        }
    }
    for section in other.context {
        if !base.context.iter().any(|s| s.key == section.key) {
            base.context.push(section);
        }
    }
    if index.sources.is_empty() {
        index.sources = base
            .sources
            .iter()
            .map(|s| (s.hash.clone(), s.file.clone()))
            .collect();
    }
    for source in other.sources {
        if index
            .sources
            .insert((source.hash.clone(), source.file.clone()))
        {
            base.sources.push(source);
        }
    }
}

/// What a merged role already holds, so that merging one more source costs about the same
/// however many sources came before. Each part is filled from the role when first needed.
#[derive(Default)]
struct RoleIndex {
    sections: HashMap<String, SectionIndex>,
    sources: HashSet<(String, String)>,
    skills: HashSet<String>,
    /// `Role::conflicts` by [`conflict_hash`] → their indexes.
    conflicts: Option<HashMap<u64, Vec<usize>>>,
}

/// A library role's items for `against_edits`: the normalised text of every item (any
/// section), and the items the user edited by their normalised imported text.
struct Edits {
    texts: HashSet<String>,
    imported: HashMap<String, Vec<(usize, usize)>>,
}

impl Edits {
    fn new(base: &Role) -> Self {
        let mut edits = Edits {
            texts: HashSet::new(),
            imported: HashMap::new(),
        };
        for (s, section) in base.sections.iter().enumerate() {
            for (i, x) in section.items.iter().enumerate() {
                edits.record(s, i, x);
            }
        }
        edits
    }

    /// Records item `i` of section `s`.
    fn record(&mut self, s: usize, i: usize, x: &Item) {
        self.texts.insert(normalise(&x.text));
        if let Some(ItemOrigin::Edited { imported_text, .. }) = &x.origin {
            self.imported
                .entry(normalise(imported_text))
                .or_default()
                .push((s, i));
        }
    }

    /// An incoming item against a library role: None when the role holds it in any section,
    /// or when it is the imported text of an item the user edited (then a conflict, the edit
    /// kept); else the item, to merge into its section as usual.
    fn against(
        &self,
        base: &Role,
        claimed: &mut HashSet<(usize, usize)>,
        item: Item,
        conflicts: &mut Vec<Conflict>,
    ) -> Option<Item> {
        let norm = normalise(&item.text);
        if self.texts.contains(&norm) {
            return None;
        }
        // The first in role order, as walking the role finds it.
        let free = self
            .imported
            .get(&norm)
            .and_then(|at| at.iter().filter(|p| !claimed.contains(p)).min());
        if let Some(&(s, i)) = free {
            let section = base.sections.get(s)?;
            let x = section.items.get(i)?;
            claimed.insert((s, i));
            conflicts.push(Conflict {
                role_id: base.id.clone(),
                section: section.key.clone(),
                kept: side(x),
                other: side(&item),
            });
            return None;
        }
        Some(item)
    }
}

/// A word held by more items of one section than this is too common to find candidates by
/// (a stop word); only sections far larger than any real role's reach it.
const COMMON_TOKEN: usize = 64;
/// At most this many candidates (those sharing the most words) are compared word by word.
const MAX_CANDIDATES: usize = 16;

/// One section's items, indexed: the normalised text of every item (exact duplicates), and for
/// the similarity comparison each text's words, numbered, with an inverted index from each
/// word (`text::words`: lower case, punctuation and stop words left out) to the texts holding
/// it. An item's texts are its text and, for an item the user edited, its imported text (it is
/// alike to either). Words are numbered once per section, so scoring a candidate compares
/// numbers, not strings, and a text's words are split only once.
///
/// The similarity is 2·LCS / (|a| + |b|) over those words, so two texts that share no word
/// score 0 and only texts sharing a word need comparing; texts without any word (which score
/// 1.0 with each other) are always compared with each other. The shared word counts bound
/// the LCS, which rules out most candidates before scoring them. The one shortcut: words held
/// by more than [`COMMON_TOKEN`] texts of the section are stop words (they find no candidates
/// and count as not shared), and of the candidates only the [`MAX_CANDIDATES`] sharing the
/// most words are scored; neither happens in sections of ordinary size, so there the result
/// is that of comparing every pair.
#[derive(Default)]
struct SectionIndex {
    exact: FxHashSet<String>,
    /// Word → its number in this section.
    numbers: FxHashMap<Box<str>, u32>,
    /// Per word number: whether it is a stop word (`text::is_stop_word`).
    stop: Vec<bool>,
    /// Per word number: (text, how often the text holds it); `None` once the word became too
    /// common.
    postings: Vec<Option<Vec<(u32, u16)>>>,
    /// Per text: the item it belongs to and its words, in order.
    texts: Vec<(u32, Box<[u32]>)>,
    /// Per item: its first text (the next item's first text ends its texts).
    first_text: Vec<u32>,
    /// Texts without any word.
    wordless: Vec<u32>,
    headers: FxHashSet<String>,
    /// Scratch for `candidates`: words shared with the incoming item, per text.
    shared: Vec<u32>,
    /// Scratch for `candidates`: the texts with a shared word.
    touched: Vec<u32>,
    /// Scratch for the LCS.
    row: Vec<usize>,
}

/// Each distinct word number of `words` with how often it occurs, in number order.
fn word_counts(words: &[u32]) -> Vec<(u32, u16)> {
    let mut sorted = words.to_vec();
    sorted.sort_unstable();
    let mut counts: Vec<(u32, u16)> = Vec::with_capacity(sorted.len());
    for word in sorted {
        match counts.last_mut() {
            Some((last, n)) if *last == word => *n = n.saturating_add(1),
            _ => counts.push((word, 1)),
        }
    }
    counts
}

impl SectionIndex {
    fn new(section: &Section) -> Self {
        let mut index = SectionIndex {
            headers: section
                .table_headers
                .iter()
                .map(|h| h.text.clone())
                .collect(),
            ..SectionIndex::default()
        };
        for item in &section.items {
            let words = index.words_of(&item.text);
            let counts = word_counts(&words);
            index.add(item, normalise(&item.text), words, &counts);
        }
        index
    }

    /// The words of `text` that count for similarity (those `text::words` gives), by number;
    /// a word this section has not seen is numbered now.
    fn words_of(&mut self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let (numbers, stop, postings) = (&mut self.numbers, &mut self.stop, &mut self.postings);
        each_word(text, |word| {
            let n = match numbers.get(word) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(postings.len()).unwrap_or(u32::MAX);
                    numbers.insert(word.into(), n);
                    stop.push(is_stop_word(word));
                    postings.push(Some(Vec::new()));
                    n
                }
            };
            out.push(n);
        });
        drop_stop_words(&mut out, |n| {
            self.stop.get(*n as usize).copied().unwrap_or(false)
        });
        out
    }

    /// Records the next item (its index is the number of items recorded so far), given its
    /// normalised text, its words and their `word_counts`.
    fn add(&mut self, item: &Item, normalised: String, words: Vec<u32>, counts: &[(u32, u16)]) {
        let at = u32::try_from(self.first_text.len()).unwrap_or(u32::MAX);
        self.first_text
            .push(u32::try_from(self.texts.len()).unwrap_or(u32::MAX));
        self.exact.insert(normalised);
        self.add_text(at, words, counts);
        if let Some(ItemOrigin::Edited { imported_text, .. }) = &item.origin {
            let words = self.words_of(imported_text);
            let counts = word_counts(&words);
            self.add_text(at, words, &counts);
        }
    }

    fn add_text(&mut self, item: u32, words: Vec<u32>, counts: &[(u32, u16)]) {
        let at = u32::try_from(self.texts.len()).unwrap_or(u32::MAX);
        if words.is_empty() {
            self.wordless.push(at);
        }
        for &(word, count) in counts {
            if let Some(posting) = self.postings.get_mut(word as usize) {
                if let Some(texts) = posting {
                    if texts.len() >= COMMON_TOKEN {
                        *posting = None;
                    } else {
                        texts.push((at, count));
                    }
                }
            }
        }
        self.texts.push((item, words.into_boxed_slice()));
        self.shared.push(0);
    }

    /// The unpaired items with a text that may be within [`CONFLICT_THRESHOLD`] of the
    /// incoming text (its `words`, and their `word_counts`), in item order.
    fn candidates(&mut self, words: &[u32], counts: &[(u32, u16)], paired: &Paired) -> Vec<usize> {
        let len = u32::try_from(words.len()).unwrap_or(u32::MAX);
        let free = |t: u32, texts: &[(u32, Box<[u32]>)]| {
            texts
                .get(t as usize)
                .is_some_and(|(item, _)| paired.free(*item as usize))
        };
        // Words shared per text, counted in `self.shared` (all zero between calls).
        self.touched.clear();
        for &(word, count) in counts {
            // A word too common to tell items apart (`None`) is a stop word.
            if let Some(Some(texts)) = self.postings.get(word as usize) {
                for &(t, n) in texts {
                    if free(t, &self.texts) {
                        if let Some(k) = self.shared.get_mut(t as usize) {
                            if *k == 0 {
                                self.touched.push(t);
                            }
                            *k += u32::from(count.min(n));
                        }
                    }
                }
            }
        }
        // (item, shared words) per text that may reach the threshold.
        let mut found: Vec<(u32, u32)> = Vec::with_capacity(self.touched.len());
        for &t in &self.touched {
            let k = self
                .shared
                .get_mut(t as usize)
                .map(std::mem::take)
                .unwrap_or(0);
            let Some((item, text)) = self.texts.get(t as usize) else {
                continue;
            };
            let w = u32::try_from(text.len()).unwrap_or(u32::MAX);
            // The score is 2·LCS / (|a| + |b|) and the LCS is at most the shared words: a
            // bound that rules out most candidates without scoring them.
            let best = k.min(len.min(w));
            if 2.0 * f64::from(best) >= CONFLICT_THRESHOLD * f64::from(len + w) {
                found.push((*item, k));
            }
        }
        // An edited item may be found by both its texts: once, by the one sharing more.
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        found.dedup_by_key(|f| f.0);
        if found.len() > MAX_CANDIDATES {
            found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(MAX_CANDIDATES);
        }
        let mut out: Vec<usize> = found.into_iter().map(|(i, _)| i as usize).collect();
        if len == 0 {
            out.extend(
                self.wordless
                    .iter()
                    .filter(|&&t| free(t, &self.texts))
                    .filter_map(|&t| self.texts.get(t as usize))
                    .map(|(item, _)| *item as usize)
                    .take(MAX_CANDIDATES),
            );
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How alike item `i` is to a text with `words`: the best of its texts (see
    /// `text::similarity`, here over word numbers).
    fn similarity(&mut self, i: usize, words: &[u32]) -> f64 {
        let first = self.first_text.get(i).map_or(0, |&t| t as usize);
        let end = self
            .first_text
            .get(i + 1)
            .map_or(self.texts.len(), |&t| t as usize);
        let mut best = f64::NEG_INFINITY;
        for (_, text) in self.texts.get(first..end).unwrap_or_default() {
            best = best.max(score_with(text, words, &mut self.row));
        }
        best
    }

    fn merge_item(
        &mut self,
        role_id: &str,
        section: &str,
        items: &mut Vec<Item>,
        paired: &mut Paired,
        item: Item,
        conflicts: &mut Vec<Conflict>,
    ) {
        let normalised = normalise(&item.text);
        if self.exact.contains(&normalised) {
            return;
        }
        let words = self.words_of(&item.text);
        let counts = word_counts(&words);
        let mut best: Option<(usize, f64)> = None;
        for i in self.candidates(&words, &counts, paired) {
            let score = self.similarity(i, &words);
            // The last of equal scores, as `Iterator::max_by` picks.
            if score >= CONFLICT_THRESHOLD && best.is_none_or(|(_, b)| score >= b) {
                best = Some((i, score));
            }
        }
        match best.and_then(|(i, _)| Some((i, items.get(i)?))) {
            Some((i, kept)) => {
                conflicts.push(Conflict {
                    role_id: role_id.to_string(),
                    section: section.to_string(),
                    kept: side(kept),
                    other: side(&item),
                });
                paired.take(i);
            }
            None => {
                self.add(&item, normalised, words, &counts);
                items.push(item);
            }
        }
    }
}

/// Which items of a section one merge has paired with an incoming item: those the section held
/// before the merge are free until paired; those the merge added never are.
struct Paired {
    before: usize,
    taken: HashSet<usize>,
}

impl Paired {
    fn new(before: usize) -> Self {
        Paired {
            before,
            taken: HashSet::new(),
        }
    }

    fn free(&self, i: usize) -> bool {
        i < self.before && !self.taken.contains(&i)
    }

    fn take(&mut self, i: usize) {
        self.taken.insert(i);
    }
}

/// An item as a conflict side.
fn side(item: &Item) -> ConflictSide {
    ConflictSide {
        text: item.text.clone(),
        source: item.source.clone(),
        origin: item.origin.clone(),
    }
}

fn unknown() -> SourceRef {
    SourceRef {
        file: String::new(),
        line: 0,
    }
}

/// The merge as it was before the index (every incoming item compared with every item
/// held), kept to check that the indexed merge gives the same roles and conflicts.
#[cfg(test)]
mod reference {
    use super::{side, unknown, Merged};
    use crate::model::{Conflict, ConflictSide, Item, ItemOrigin, Role};
    use crate::text::{normalise, similarity, CONFLICT_THRESHOLD};

    /// How alike an item is to `text`; an edited item also by its imported text.
    fn similarity_to(item: &Item, text: &str) -> f64 {
        let own = similarity(&item.text, text);
        match &item.origin {
            Some(ItemOrigin::Edited { imported_text, .. }) => {
                own.max(similarity(imported_text, text))
            }
            _ => own,
        }
    }

    /// Merges roles with equal ids (first-seen order of ids is kept). Within one id, roles from
    /// their own page come first, so their items win conflicts.
    pub(super) fn merge_roles(roles: Vec<Role>) -> Merged {
        let mut groups: Vec<Vec<Role>> = Vec::new();
        for role in roles {
            match groups.iter_mut().find(|g| g[0].id == role.id) {
                Some(g) => g.push(role),
                None => groups.push(vec![role]),
            }
        }
        let mut out = Merged::default();
        for mut group in groups {
            group.sort_by_key(|r| !r.sources.iter().any(|s| s.own_page));
            let mut group = group.into_iter();
            let Some(mut base) = group.next() else {
                continue;
            };
            for other in group {
                merge_into(&mut base, other, &mut out.conflicts, false);
            }
            out.roles.push(base);
        }
        out
    }

    /// Merges `other` (an import) into `base` (the library's role); `base`'s items win conflicts,
    /// which are returned. The user's edits in `base` are kept, each one a conflict side.
    pub(super) fn merge_two(mut base: Role, other: Role) -> (Role, Vec<Conflict>) {
        let mut conflicts = Vec::new();
        merge_into(&mut base, other, &mut conflicts, true);
        (base, conflicts)
    }

    /// Merges `other` into `base`; new conflicts go to `conflicts` and are recorded on the role
    /// too (`Role::conflicts`, with those `other` already had), each once. `library`: `base` is a
    /// library role the user may have edited (see the module doc).
    fn merge_into(base: &mut Role, mut other: Role, conflicts: &mut Vec<Conflict>, library: bool) {
        let first_new = conflicts.len();
        let carried = std::mem::take(&mut other.conflicts);
        merge_content(base, other, conflicts, library);
        for c in carried
            .into_iter()
            .chain(conflicts[first_new..].iter().cloned())
        {
            if !base.conflicts.contains(&c) {
                base.conflicts.push(c);
            }
        }
    }

    fn merge_content(base: &mut Role, other: Role, conflicts: &mut Vec<Conflict>, library: bool) {
        base.track = base.track.take().or(other.track);
        base.level = base.level.or(other.level);
        for (key, value) in other.facts {
            let source = other.fact_sources.get(&key).cloned();
            match base.facts.get(&key) {
                None => {
                    base.facts.insert(key.clone(), value);
                    if let Some(s) = source {
                        base.fact_sources.insert(key, s);
                    }
                }
                Some(kept) if normalise(kept) != normalise(&value) => conflicts.push(Conflict {
                    role_id: base.id.clone(),
                    section: format!("facts.{key}"),
                    kept: ConflictSide {
                        text: kept.clone(),
                        source: base.fact_sources.get(&key).cloned().unwrap_or_else(unknown),
                        origin: None,
                    },
                    other: ConflictSide {
                        text: value,
                        source: source.unwrap_or_else(unknown),
                        origin: None,
                    },
                }),
                Some(_) => {}
            }
        }
        // Edited items (section, index) already paired with an incoming item.
        let mut claimed = Vec::new();
        for mut section in other.sections {
            if library {
                let items = std::mem::take(&mut section.items);
                section.items = items
                    .into_iter()
                    .filter_map(|item| against_edits(base, &mut claimed, item, conflicts))
                    .collect();
            }
            match base.sections.iter().position(|s| s.key == section.key) {
                None => base.sections.push(section),
                Some(index) => {
                    let target = &mut base.sections[index];
                    let mut paired: Vec<bool> = (0..target.items.len())
                        .map(|i| claimed.contains(&(index, i)))
                        .collect();
                    for item in section.items {
                        merge_item(
                            &base.id,
                            &section.key,
                            &mut target.items,
                            &mut paired,
                            item,
                            conflicts,
                        );
                    }
                    for header in section.table_headers {
                        if !target.table_headers.iter().any(|h| h.text == header.text) {
                            target.table_headers.push(header);
                        }
                    }
                }
            }
        }
        for skill in other.skills {
            if !base.skills.iter().any(|s| s.code == skill.code) {
                base.skills.push(skill);
            }
        }
        for section in other.context {
            if !base.context.iter().any(|s| s.key == section.key) {
                base.context.push(section);
            }
        }
        for source in other.sources {
            if !base
                .sources
                .iter()
                .any(|s| s.hash == source.hash && s.file == source.file)
            {
                base.sources.push(source);
            }
        }
    }

    fn merge_item(
        role_id: &str,
        section: &str,
        items: &mut Vec<Item>,
        paired: &mut Vec<bool>,
        item: Item,
        conflicts: &mut Vec<Conflict>,
    ) {
        let norm = normalise(&item.text);
        if items.iter().any(|x| normalise(&x.text) == norm) {
            return;
        }
        let best = items
            .iter()
            .enumerate()
            .filter(|(i, _)| !paired.get(*i).copied().unwrap_or(true))
            .map(|(i, x)| (i, similarity_to(x, &item.text)))
            .filter(|(_, s)| *s >= CONFLICT_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        match best {
            Some((i, _)) => {
                paired[i] = true;
                conflicts.push(Conflict {
                    role_id: role_id.to_string(),
                    section: section.to_string(),
                    kept: side(&items[i]),
                    other: side(&item),
                });
            }
            None => {
                items.push(item);
                paired.push(true);
            }
        }
    }

    /// An incoming item against a library role: None when the role holds it in any section, or
    /// when it is the imported text of an item the user edited (then a conflict, the edit kept);
    /// else the item, to merge into its section as usual.
    fn against_edits(
        base: &Role,
        claimed: &mut Vec<(usize, usize)>,
        item: Item,
        conflicts: &mut Vec<Conflict>,
    ) -> Option<Item> {
        let norm = normalise(&item.text);
        if base.items().any(|x| normalise(&x.text) == norm) {
            return None;
        }
        for (s, section) in base.sections.iter().enumerate() {
            for (i, x) in section.items.iter().enumerate() {
                let Some(ItemOrigin::Edited { imported_text, .. }) = &x.origin else {
                    continue;
                };
                if normalise(imported_text) == norm && !claimed.contains(&(s, i)) {
                    claimed.push((s, i));
                    conflicts.push(Conflict {
                        role_id: base.id.clone(),
                        section: section.key.clone(),
                        kept: side(x),
                        other: side(&item),
                    });
                    return None;
                }
            }
        }
        Some(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conflicts_are_recorded_on_the_merged_role_once() {
        use crate::import::{import_document, Document};
        let doc = |name: &str, years: &str| {
            import_document(&Document::from_text(
                name,
                format!("# Staff Engineer\n\n## Responsibilities\n\n- Mentors senior engineers for {years} years.\n"),
            ))
            .unwrap()
            .roles
        };
        let a = doc("a.md", "2+");
        let b = doc("b.md", "3+");
        let merged = merge_roles(a.iter().chain(&b).cloned().collect());
        let role = &merged.roles[0];
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(role.conflicts, merged.conflicts);
        let item = &role.sections[0].items[0];
        assert_eq!(role.conflicts_of("responsibilities", item).count(), 1);
        assert_eq!(role.conflicts[0].other.source.file, "b.md");
        // Merging the merged role again with the same documents adds nothing twice.
        let (again, new) = merge_two(role.clone(), merge_roles(b.clone()).roles[0].clone());
        assert_eq!(new.len(), 1);
        assert_eq!(again.conflicts, role.conflicts);
    }

    /// An item text from a small vocabulary, so that many pairs are near each other (repeated
    /// words, stop words, numbers, `&` which has no word, upper case and accented letters,
    /// and a trailing full stop).
    const ITEM: &str = "(years|lead|3\\+|10\\+|the|team|Team|a|design|owns|&|équipe|ÉQUIPE)( (years|lead|3\\+|10\\+|the|team|Team|a|design|owns|&|équipe|ÉQUIPE)){0,5}\\.?";

    /// A document of one role with two sections (at most 5 items each, so a merged section
    /// stays below `MAX_CANDIDATES` and the index has no shortcut to take).
    fn document(name: &str, own: bool, sections: &[Vec<String>; 2]) -> Role {
        use crate::import::{import_document, Document};
        let mut text = String::from("# Staff Engineer\n\n");
        for (heading, items) in ["Responsibilities", "Skills"].iter().zip(sections) {
            text.push_str(&format!("## {heading}\n\n"));
            for item in items {
                text.push_str(&format!("- {item}\n"));
            }
            text.push('\n');
        }
        let mut roles = import_document(&Document::from_text(name, text))
            .unwrap()
            .roles;
        assert_eq!(roles.len(), 1, "{name}");
        let mut role = roles.remove(0);
        for s in &mut role.sources {
            s.own_page = own;
        }
        role
    }

    fn documents(docs: &[([Vec<String>; 2], bool)]) -> Vec<Role> {
        docs.iter()
            .enumerate()
            .map(|(i, (sections, own))| document(&format!("d{i}.md"), *own, sections))
            .collect()
    }

    fn doc_strategy() -> impl proptest::strategy::Strategy<Value = ([Vec<String>; 2], bool)> {
        use proptest::prelude::*;
        (
            proptest::collection::vec(ITEM, 0..6),
            proptest::collection::vec(ITEM, 0..6),
            any::<bool>(),
        )
            .prop_map(|(a, b, own)| ([a, b], own))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// The indexed merge of several documents of one role gives exactly the role (items,
        /// their order, sources, recorded conflicts) and the conflicts the comparison of every
        /// item with every item held gave.
        #[test]
        fn merging_documents_is_what_comparing_everything_gave(
            docs in proptest::collection::vec(doc_strategy(), 1..5),
        ) {
            let roles = documents(&docs);
            let got = merge_roles(roles.clone());
            let want = reference::merge_roles(roles);
            proptest::prop_assert_eq!(got.roles, want.roles);
            proptest::prop_assert_eq!(got.conflicts, want.conflicts);
        }

        /// The same for an import merged into a library role the user edited (some items
        /// rewritten, their imported text kept; one moved to the other section): the edits
        /// are matched by their imported text as before.
        #[test]
        fn merging_into_an_edited_role_is_what_comparing_everything_gave(
            library in doc_strategy(),
            edits in proptest::collection::vec((0usize..12, ITEM), 0..4),
            moved in proptest::option::of(0usize..12),
            docs in proptest::collection::vec(doc_strategy(), 1..4),
        ) {
            let mut base = merge_roles(documents(&[library])).roles.remove(0);
            for (at, text) in edits {
                let Some(section) = base.sections.get_mut(at % 2) else { continue };
                let n = section.items.len();
                if n == 0 {
                    continue;
                }
                let item = &mut section.items[(at / 2) % n];
                let imported_text = match &item.origin {
                    Some(ItemOrigin::Edited { imported_text, .. }) => imported_text.clone(),
                    _ => item.text.clone(),
                };
                item.origin = Some(ItemOrigin::Edited {
                    at: "2026-12-01T23:50:00Z".into(),
                    imported_text,
                });
                item.text = text;
            }
            if let (Some(m), 2) = (moved, base.sections.len()) {
                if !base.sections[0].items.is_empty() {
                    let n = base.sections[0].items.len();
                    let item = base.sections[0].items.remove(m % n);
                    base.sections[1].items.push(item);
                }
            }
            let incoming = merge_roles(documents(&docs)).roles.remove(0);
            let got = merge_two(base.clone(), incoming.clone());
            let want = reference::merge_two(base, incoming);
            proptest::prop_assert_eq!(got, want);
        }
    }
}
