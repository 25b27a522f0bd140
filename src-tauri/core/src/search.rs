//! Search across the library: titles, tracks, facts and item text, matched at word starts
//! ("budget" finds "budgeting"), ignoring case and accents ("resume" finds "Résumé").
//!
//! The index is in memory: every word of every role (folded: lower case, accents removed),
//! sorted, each with the sorted list of roles that hold it. A query word finds the run of
//! index words it begins (two binary searches), and the union of their role lists; the
//! roles holding every query word are the results. Results are ranked: roles whose title
//! holds every query word first, then those whose title holds some, then the rest, each tier
//! in library order. The matching items (section, text) are read from the role bodies of the
//! results returned only, so the index holds no item text.
//!
//! Why in memory and not SQLite FTS5 or tantivy: the whole index of 10,000 roles is built in
//! about a second and answers a query in well under a millisecond to a few milliseconds (see
//! `benches/search.rs` and `examples/library_scale.rs`); it needs no files to keep in step
//! with the library's JSON files, no schema, no extra native library or ~2 MB of binary.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::Serialize;
use ts_rs::TS;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::model::Role;

/// Lower case, accents removed (canonical decomposition without the combining marks).
pub fn fold(text: &str) -> String {
    // Most text is ASCII: nothing to decompose.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The words of folded text: runs of letters and digits.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// True when every query word begins some word of `text`.
fn all_start_words(text: &str, terms: &[String]) -> bool {
    let folded = fold(text);
    let mut found = vec![false; terms.len()];
    for word in words(&folded) {
        for (i, term) in terms.iter().enumerate() {
            if word.starts_with(term.as_str()) {
                found[i] = true;
            }
        }
    }
    found.iter().all(|f| *f)
}

fn any_starts_a_word(text: &str, terms: &[String]) -> bool {
    let folded = fold(text);
    let found = words(&folded).any(|w| terms.iter().any(|t| w.starts_with(t.as_str())));
    found
}

/// One item (or fact) of a role that a query matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct SearchMatch {
    /// Section key (`responsibilities`, ...) or `facts.<name>` for a fact.
    pub section: String,
    pub text: String,
}

/// A role a query finds, with its matching items (those holding every query word, else
/// those holding any), in role order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct SearchHit {
    pub id: String,
    pub title: String,
    pub matches: Vec<SearchMatch>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema, TS)]
pub struct SearchResults {
    /// The best `limit` roles, best first.
    pub results: Vec<SearchHit>,
    /// How many roles match in all.
    pub total: u32,
}

/// How much a search returns.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// Roles returned (the best ones).
    pub limit: usize,
    /// Matching items listed per role.
    pub matches_per_role: usize,
    /// Roles, from the best, whose matching items are listed (each is a role body read: the
    /// rest of the `limit` come with their ids and titles only).
    pub roles_with_matches: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 50,
            matches_per_role: 3,
            roles_with_matches: 40,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct IndexedRole {
    id: String,
    title: String,
    title_words: Box<[Box<str>]>,
}

/// The search index of a library (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchIndex {
    roles: Vec<IndexedRole>,
    /// Every folded word, sorted.
    vocab: Vec<Box<str>>,
    /// Per word of `vocab`: the roles holding it, ascending.
    postings: Vec<Box<[u32]>>,
}

impl SearchIndex {
    /// Indexes `roles` in the order given (the library's order: ties in ranking keep it).
    pub fn build<'a>(roles: impl IntoIterator<Item = &'a Role>) -> Self {
        let mut builder = IndexBuilder::default();
        for role in roles {
            builder.add(role);
        }
        builder.finish()
    }

    pub fn len(&self) -> usize {
        self.roles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.roles.is_empty()
    }

    /// Roughly the bytes the index holds (words, role lists, titles).
    pub fn heap_bytes(&self) -> usize {
        let words: usize = self.vocab.iter().map(|w| w.len() + 16).sum();
        let lists: usize = self.postings.iter().map(|p| p.len() * 4 + 16).sum();
        let roles: usize = self
            .roles
            .iter()
            .map(|r| {
                r.id.len()
                    + r.title.len()
                    + r.title_words.iter().map(|w| w.len() + 16).sum::<usize>()
                    + 64
            })
            .sum();
        words + lists + roles
    }

    /// Indexes `role` in place of the role at `at` (same place in the library order): what a
    /// save of one role costs, instead of reading every body again. Gives the index a fresh
    /// build would (words no role holds any more are dropped).
    pub fn replace(&mut self, at: usize, role: &Role) {
        let Some(slot) = self.roles.get_mut(at) else {
            return;
        };
        let (indexed, words) = indexed(role);
        *slot = indexed;
        let at = at as u32;
        for list in self.postings.iter_mut() {
            if let Ok(i) = list.binary_search(&at) {
                let mut kept = list.to_vec();
                kept.remove(i);
                *list = kept.into_boxed_slice();
            }
        }
        let mut new_words: Vec<String> = Vec::new();
        for word in words {
            match self.vocab.binary_search_by(|w| (**w).cmp(word.as_str())) {
                Ok(i) => {
                    let list = &mut self.postings[i];
                    if let Err(j) = list.binary_search(&at) {
                        let mut grown = list.to_vec();
                        grown.insert(j, at);
                        *list = grown.into_boxed_slice();
                    }
                }
                Err(_) => new_words.push(word),
            }
        }
        new_words.sort_unstable();
        // One merge of the old words (less those no role holds now) and the new ones.
        let old = std::mem::take(&mut self.vocab)
            .into_iter()
            .zip(std::mem::take(&mut self.postings))
            .filter(|(_, list)| !list.is_empty());
        let mut new = new_words
            .into_iter()
            .map(|w| (w.into_boxed_str(), Box::from([at])))
            .peekable();
        for (word, list) in old {
            while let Some((w, l)) = new.next_if(|(n, _)| *n < word) {
                self.vocab.push(w);
                self.postings.push(l);
            }
            self.vocab.push(word);
            self.postings.push(list);
        }
        for (word, list) in new {
            self.vocab.push(word);
            self.postings.push(list);
        }
    }

    /// The roles (indexes, ascending) holding a word that `term` begins.
    fn roles_with_prefix(&self, term: &str, into: &mut [u64]) {
        let start = self.vocab.partition_point(|w| &**w < term);
        let end = start + self.vocab[start..].partition_point(|w| w.starts_with(term));
        for list in &self.postings[start..end] {
            for &r in list.iter() {
                into[(r / 64) as usize] |= 1 << (r % 64);
            }
        }
    }

    /// The ids of the roles matching `query`, best first, and their ranks (0: the title holds
    /// every query word, 1: some, 2: none).
    pub fn ranked(&self, query: &str) -> Vec<(usize, u8)> {
        let terms: Vec<String> = words(&fold(query)).map(str::to_string).collect();
        if terms.is_empty() {
            return Vec::new();
        }
        let blocks = self.roles.len().div_ceil(64);
        let mut all = vec![u64::MAX; blocks];
        let mut one = vec![0u64; blocks];
        for term in &terms {
            one.iter_mut().for_each(|b| *b = 0);
            self.roles_with_prefix(term, &mut one);
            for (a, b) in all.iter_mut().zip(&one) {
                *a &= *b;
            }
        }
        let mut tiers: [Vec<usize>; 3] = Default::default();
        for (block, bits) in all.iter().enumerate() {
            let mut bits = *bits;
            while bits != 0 {
                let r = block * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let Some(role) = self.roles.get(r) else {
                    break;
                };
                let in_title = terms
                    .iter()
                    .filter(|t| role.title_words.iter().any(|w| w.starts_with(t.as_str())))
                    .count();
                let tier = if in_title == terms.len() {
                    0
                } else if in_title > 0 {
                    1
                } else {
                    2
                };
                tiers[tier].push(r);
            }
        }
        let mut out = Vec::new();
        for (tier, list) in tiers.iter().enumerate() {
            out.extend(list.iter().map(|&r| (r, tier as u8)));
        }
        out
    }

    /// Searches; `body(id)` gives a found role's body, for its matching items (a role whose body
    /// cannot be read is listed without them).
    pub fn search<B: std::ops::Deref<Target = Role>>(
        &self,
        query: &str,
        options: SearchOptions,
        mut body: impl FnMut(&str) -> Option<B>,
    ) -> SearchResults {
        let terms: Vec<String> = words(&fold(query)).map(str::to_string).collect();
        let ranked = self.ranked(query);
        let results = ranked
            .iter()
            .take(options.limit)
            .filter_map(|&(r, _)| self.roles.get(r))
            .enumerate()
            .map(|(rank, role)| SearchHit {
                id: role.id.clone(),
                title: role.title.clone(),
                matches: (rank < options.roles_with_matches)
                    .then(|| body(&role.id))
                    .flatten()
                    .map(|b| matching_items(&b, &terms, options.matches_per_role))
                    .unwrap_or_default(),
            })
            .collect();
        SearchResults {
            results,
            total: u32::try_from(ranked.len()).unwrap_or(u32::MAX),
        }
    }
}

/// The items and facts of `role` holding every term (or, when none does, any term).
pub fn matching_items(role: &Role, terms: &[String], limit: usize) -> Vec<SearchMatch> {
    let candidates = || {
        role.facts
            .iter()
            .map(|(k, v)| (format!("facts.{k}"), v.as_str()))
            .chain(role.sections.iter().flat_map(|s| {
                s.items
                    .iter()
                    .map(move |i| (s.key.clone(), i.text.as_str()))
            }))
    };
    let pick = |test: &dyn Fn(&str) -> bool| -> Vec<SearchMatch> {
        candidates()
            .filter(|(_, text)| test(text))
            .take(limit)
            .map(|(section, text)| SearchMatch {
                section,
                text: text.to_string(),
            })
            .collect()
    };
    let all = pick(&|t| all_start_words(t, terms));
    if !all.is_empty() || terms.len() < 2 {
        return all;
    }
    pick(&|t| any_starts_a_word(t, terms))
}

/// What the index keeps of `role` and the folded words it holds (title, track, facts, items).
fn indexed(role: &Role) -> (IndexedRole, HashSet<String>) {
    let title = fold(&role.title);
    let title_words: Box<[Box<str>]> = words(&title).map(Box::from).collect();
    let mut seen: HashSet<String> = HashSet::new();
    let mut note = |text: &str| {
        let folded = fold(text);
        for w in words(&folded) {
            if !seen.contains(w) {
                seen.insert(w.to_string());
            }
        }
    };
    note(&role.title);
    if let Some(track) = &role.track {
        note(track);
    }
    for value in role.facts.values() {
        note(value);
    }
    for item in role.items() {
        note(&item.text);
    }
    let indexed = IndexedRole {
        id: role.id.clone(),
        title: role.title.clone(),
        title_words,
    };
    (indexed, seen)
}

/// Builds a [`SearchIndex`] one role at a time (so a library can stream its role bodies
/// through it without holding them all).
#[derive(Default)]
pub struct IndexBuilder {
    roles: Vec<IndexedRole>,
    lists: HashMap<Box<str>, Vec<u32>>,
}

impl IndexBuilder {
    pub fn add(&mut self, role: &Role) {
        let at = self.roles.len() as u32;
        let (indexed, words) = indexed(role);
        for word in words {
            self.lists
                .entry(word.into_boxed_str())
                .or_default()
                .push(at);
        }
        self.roles.push(indexed);
    }

    pub fn finish(self) -> SearchIndex {
        let mut entries: Vec<(Box<str>, Vec<u32>)> = self.lists.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (vocab, postings) = entries
            .into_iter()
            .map(|(w, l)| (w, l.into_boxed_slice()))
            .unzip();
        SearchIndex {
            roles: self.roles,
            vocab,
            postings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Item, Section, SourceRef};

    fn role(id: &str, title: &str, track: Option<&str>, items: &[(&str, &str)]) -> Role {
        let mut sections: Vec<Section> = Vec::new();
        for (key, text) in items {
            let item = Item {
                text: text.to_string(),
                group: None,
                source: SourceRef {
                    file: "t.md".into(),
                    line: 1,
                },
                links: Vec::new(),
                origin: None,
            };
            match sections.iter_mut().find(|s| s.key == *key) {
                Some(s) => s.items.push(item),
                None => sections.push(Section {
                    key: key.to_string(),
                    title: key.to_string(),
                    items: vec![item],
                    table_headers: Vec::new(),
                }),
            }
        }
        Role {
            id: id.into(),
            title: title.into(),
            track: track.map(str::to_string),
            level: None,
            facts: Default::default(),
            fact_sources: Default::default(),
            sections,
            skills: Vec::new(),
            context: Vec::new(),
            sources: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    fn library() -> Vec<Role> {
        let mut cfo = role(
            "finance-lead",
            "Finance Lead",
            Some("Finance"),
            &[("responsibilities", "Owns budgeting and forecasting.")],
        );
        cfo.facts
            .insert("scope".into(), "Company-wide budget owner".into());
        vec![
            role(
                "staff-engineer",
                "Staff Engineer",
                Some("Individual Contributor Path"),
                &[
                    ("responsibilities", "Leads design reviews."),
                    (
                        "responsibilities",
                        "Tracks the team's budgeting for cloud costs.",
                    ),
                    ("checkpoints", "Mentors engineers for 3+ years."),
                ],
            ),
            cfo,
            role(
                "budget-analyst",
                "Budget Analyst",
                None,
                &[(
                    "responsibilities",
                    "Prepares the résumé of every budget line.",
                )],
            ),
            role(
                "designer",
                "Designer",
                Some("Design"),
                &[("responsibilities", "Draws things.")],
            ),
        ]
    }

    fn search(roles: &[Role], query: &str) -> SearchResults {
        let index = SearchIndex::build(roles);
        index.search(query, SearchOptions::default(), |id| {
            roles.iter().find(|r| r.id == id)
        })
    }

    fn ids(results: &SearchResults) -> Vec<&str> {
        results.results.iter().map(|h| h.id.as_str()).collect()
    }

    #[test]
    fn word_starts_match_and_titles_rank_first() {
        let roles = library();
        let found = search(&roles, "budget");
        // The title match first, then the others in library order.
        assert_eq!(
            ids(&found),
            ["budget-analyst", "staff-engineer", "finance-lead"]
        );
        assert_eq!(found.total, 3);
        assert_eq!(
            found.results[1].matches,
            [SearchMatch {
                section: "responsibilities".into(),
                text: "Tracks the team's budgeting for cloud costs.".into()
            }]
        );
        // A fact matches too, listed as facts.<name>.
        let finance = &found.results[2];
        assert_eq!(finance.matches[0].section, "facts.scope");
        assert_eq!(finance.matches[1].text, "Owns budgeting and forecasting.");
    }

    #[test]
    fn only_word_starts_match_not_the_middle_of_words() {
        let roles = library();
        // "udget" is inside "budget", never at a word start.
        assert!(search(&roles, "udget").results.is_empty());
        // "sign" is inside "Designer" and "design", never at a start.
        assert!(search(&roles, "sign").results.is_empty());
        assert_eq!(ids(&search(&roles, "des")), ["designer", "staff-engineer"]);
    }

    #[test]
    fn case_and_accents_do_not_matter() {
        let roles = library();
        assert_eq!(ids(&search(&roles, "RESUME")), ["budget-analyst"]);
        assert_eq!(ids(&search(&roles, "Résumé")), ["budget-analyst"]);
        assert_eq!(ids(&search(&roles, "staff ENG")), ["staff-engineer"]);
        assert_eq!(fold("Ça Été"), "ca ete");
    }

    #[test]
    fn every_query_word_must_match_somewhere_in_the_role() {
        let roles = library();
        // "cloud" is in an item, "staff" in the title: the role holds both.
        let found = search(&roles, "staff cloud");
        assert_eq!(ids(&found), ["staff-engineer"]);
        assert_eq!(
            found.results[0].matches[0].text,
            "Tracks the team's budgeting for cloud costs."
        );
        // Track words match ("Individual Contributor Path").
        assert_eq!(ids(&search(&roles, "contrib")), ["staff-engineer"]);
        assert!(search(&roles, "staff forecasting").results.is_empty());
        assert!(search(&roles, "   ").results.is_empty());
        assert!(search(&roles, "zebra").results.is_empty());
    }

    #[test]
    fn the_limits_cap_roles_and_matches_but_not_the_total() {
        let roles = library();
        let index = SearchIndex::build(&roles);
        let found = index.search(
            "b",
            SearchOptions {
                limit: 1,
                matches_per_role: 1,
                roles_with_matches: 1,
            },
            |id| roles.iter().find(|r| r.id == id),
        );
        assert_eq!(ids(&found), ["budget-analyst"]);
        assert_eq!(found.total, 3);
        assert_eq!(found.results[0].matches.len(), 1);
    }

    #[test]
    fn only_the_best_roles_have_their_bodies_read_for_matches() {
        let roles = library();
        let index = SearchIndex::build(&roles);
        let mut read = Vec::new();
        let found = index.search(
            "b",
            SearchOptions {
                limit: 3,
                matches_per_role: 3,
                roles_with_matches: 1,
            },
            |id| {
                read.push(id.to_string());
                roles.iter().find(|r| r.id == id)
            },
        );
        assert_eq!(found.results.len(), 3);
        assert_eq!(read, [found.results[0].id.clone()]);
        assert!(!found.results[0].matches.is_empty());
        assert!(found.results[1..].iter().all(|h| h.matches.is_empty()));
    }

    #[test]
    fn replacing_a_role_gives_the_index_a_fresh_build_gives() {
        let mut roles = library();
        let mut index = SearchIndex::build(&roles);
        // New words before, among and after the old ones; "forecasting" and "owner" were the
        // finance lead's alone and must go.
        roles[1] = role(
            "finance-lead",
            "Head of Finance",
            Some("Finance"),
            &[(
                "responsibilities",
                "Audits every zebra and aardvark budget.",
            )],
        );
        index.replace(1, &roles[1]);
        assert_eq!(index, SearchIndex::build(&roles));
        assert!(index.ranked("forecast").is_empty());
        assert_eq!(
            index.ranked("aardvark"),
            [(1, 2)],
            "the new words are found"
        );
        // The same role again changes nothing.
        index.replace(1, &roles[1]);
        assert_eq!(index, SearchIndex::build(&roles));
    }
}
