//! The library as the app and the CLI hold it: every role's summary, read when the library
//! opens, and role bodies read on demand.
//!
//! A company's job architecture runs to thousands of roles (10,000 role files are about
//! 260 MB). Holding every body would cost the app most of its memory and its start; the list,
//! the pickers and the palette need only ids, titles, tracks and levels. So opening reads each
//! file once for its summary (serde skips the rest, still checking it is JSON), and
//! [`Library::get`] reads and checks one body when a view asks for it, keeping the last
//! [`KEPT_BODIES`] read (an LRU): the roles being looked at stay at hand.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::Hasher;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use lru::LruCache;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::store::{read_role_text, role_paths};
use super::{bundled_files, parse_role, LibraryError, LibrarySources, RoleOrigin};
use crate::model::Role;
use crate::search::{IndexBuilder, SearchIndex, SearchOptions, SearchResults};

/// Role bodies kept in memory after they were read (most recently used first).
pub const KEPT_BODIES: usize = 64;

/// What the library list shows of a role: read from its file without keeping the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct RoleSummary {
    pub id: String,
    pub title: String,
    pub track: Option<String>,
    pub level: Option<u32>,
}

impl RoleSummary {
    pub fn of(role: &Role) -> Self {
        RoleSummary {
            id: role.id.clone(),
            title: role.title.clone(),
            track: role.track.clone(),
            level: role.level,
        }
    }

    /// A role holding only this summary (what is known of a role whose body cannot be read).
    fn bare_role(&self) -> Role {
        Role {
            track: self.track.clone(),
            level: self.level,
            ..Role::empty(self.id.clone(), self.title.clone())
        }
    }
}

/// Where a role's body is read from when it is asked for.
#[derive(Debug, Clone)]
enum Body {
    Bundled { path: String, text: &'static str },
    File(PathBuf),
    Memory(Arc<Role>),
}

#[derive(Debug, Clone)]
struct Entry {
    summary: RoleSummary,
    origin: RoleOrigin,
    body: Body,
    /// A hash of the file's bytes when it was read: tells a reload which roles changed.
    stamp: u64,
}

/// Every role's summary and where to read its body; see the module doc.
#[derive(Debug)]
pub struct Library {
    entries: Vec<Entry>,
    /// Whether the bundled roles are part of it (not so for `--library DIR` alone).
    bundled: bool,
    /// User files whose role a later file of the same id replaced: not shown, but kept so
    /// that [`Library::reread`] can bring one back when the other goes.
    shadowed: Vec<Entry>,
    by_id: HashMap<String, usize>,
    bodies: Mutex<LruCache<String, Arc<Role>>>,
    /// Built on the first search from the bodies (read one at a time, none kept). A library
    /// never changes once open (a reload makes a new one), so it never goes stale.
    index: OnceLock<SearchIndex>,
}

impl Default for Library {
    fn default() -> Self {
        Library::from_entries(Vec::new())
    }
}

/// The summary fields of a role file; serde skips the rest (checking it is JSON).
#[derive(Deserialize)]
struct SummaryFields {
    id: String,
    title: String,
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    level: Option<u32>,
}

fn summary_of(path: &str, text: &str) -> Result<RoleSummary, LibraryError> {
    let doc: SummaryFields = serde_json::from_str(text).map_err(|e| LibraryError::Parse {
        path: path.to_string(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    Ok(RoleSummary {
        id: doc.id,
        title: doc.title,
        track: doc.track,
        level: doc.level,
    })
}

fn stamp_of(text: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// The entries of a folder's role files (by file name); a file that cannot be read or is not
/// a role is an error naming it, collected in `problems`. `None` for a folder named `*.json`.
fn read_folder(dir: &Path) -> Result<(Vec<Entry>, Vec<LibraryError>), LibraryError> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for path in role_paths(dir)? {
        match read_entry(&path) {
            Ok(Some(entry)) => entries.push(entry),
            Ok(None) => {}
            Err(e) => problems.push(e),
        }
    }
    Ok((entries, problems))
}

/// The entry of one role file of the user's folder (`None` for a folder named `*.json`).
fn read_entry(path: &Path) -> Result<Option<Entry>, LibraryError> {
    let shown = path.display().to_string();
    read_role_text(path).and_then(|text| {
        text.map(|text| {
            Ok(Entry {
                summary: summary_of(&shown, &text)?,
                origin: RoleOrigin::User,
                stamp: stamp_of(&text),
                body: Body::File(path.to_path_buf()),
            })
        })
        .transpose()
    })
}

/// (file name, id, title, track, level) of each bundled role, read by build.rs.
type BundledSummary = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<u32>,
);
const BUNDLED_SUMMARIES: &[BundledSummary] =
    include!(concat!(env!("OUT_DIR"), "/bundled_summaries.rs"));

/// A bundled role's summary as build.rs read it, else parsed now.
fn bundled_summary(path: &str, text: &str) -> Result<RoleSummary, LibraryError> {
    let name = path.rsplit('/').next().unwrap_or(path);
    match BUNDLED_SUMMARIES.iter().find(|s| s.0 == name) {
        Some(&(_, id, title, track, level)) => Ok(RoleSummary {
            id: id.to_string(),
            title: title.to_string(),
            track: track.map(str::to_string),
            level,
        }),
        None => summary_of(path, text),
    }
}

fn bundled_entries() -> Result<Vec<Entry>, LibraryError> {
    bundled_files()
        .into_iter()
        .map(|(path, text)| {
            Ok(Entry {
                summary: bundled_summary(&path, text)?,
                origin: RoleOrigin::Bundled,
                stamp: stamp_of(text),
                body: Body::Bundled { path, text },
            })
        })
        .collect()
}

/// `user` entries replace bundled ones of the same id, the others follow in their order (a
/// later user file of an id replaces an earlier one); also the user entries so replaced.
fn overlay(mut entries: Vec<Entry>, user: Vec<Entry>) -> (Vec<Entry>, Vec<Entry>) {
    let mut at: HashMap<String, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.summary.id.clone(), i))
        .collect();
    let mut shadowed = Vec::new();
    for entry in user {
        match at.get(&entry.summary.id) {
            Some(&i) => {
                let before = std::mem::replace(&mut entries[i], entry);
                if before.origin == RoleOrigin::User {
                    shadowed.push(before);
                }
            }
            None => {
                at.insert(entry.summary.id.clone(), entries.len());
                entries.push(entry);
            }
        }
    }
    (entries, shadowed)
}

impl Library {
    /// The bundled roles and the user's folder (or only the folder `sources.only`); any file
    /// that is not a role fails the whole library (the CLI's way: it names the file).
    pub fn open(sources: &LibrarySources) -> Result<Self, LibraryError> {
        let (library, mut problems) = Library::open_lenient(sources);
        match problems.is_empty() {
            true => Ok(library),
            false => Err(problems.remove(0)),
        }
    }

    /// Like [`Library::open`], but a role file of the user's folder that cannot be read is
    /// left out and reported instead of failing the whole library: the app shows the rest
    /// (imports still refuse to run while such a file is there, see `DirState::read`).
    pub fn open_lenient(sources: &LibrarySources) -> (Library, Vec<LibraryError>) {
        let dir = sources.only.as_ref().or(sources.user_dir.as_ref());
        let (user, mut problems) = match dir.filter(|d| d.is_dir()) {
            Some(d) => {
                // Temp files of a save cut short by a crash.
                crate::fs::remove_stale_temps(d);
                read_folder(d).unwrap_or_else(|e| (Vec::new(), vec![e]))
            }
            None => (Vec::new(), Vec::new()),
        };
        if sources.only.is_some() {
            return (Library::from_entries(user), problems);
        }
        let bundled = bundled_entries().unwrap_or_else(|e| {
            problems.insert(0, e);
            Vec::new()
        });
        let (entries, shadowed) = overlay(bundled, user);
        let mut library = Library::from_entries(entries);
        library.bundled = true;
        library.shadowed = shadowed;
        (library, problems)
    }

    /// A library of these roles, all counted as the user's.
    pub fn from_roles(roles: Vec<Role>) -> Self {
        Library::from_entries(
            roles
                .into_iter()
                .map(|role| Entry {
                    summary: RoleSummary::of(&role),
                    origin: RoleOrigin::User,
                    stamp: stamp_of(&super::role_json(&role)),
                    body: Body::Memory(Arc::new(role)),
                })
                .collect(),
        )
    }

    fn from_entries(entries: Vec<Entry>) -> Self {
        let mut by_id = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_id.entry(e.summary.id.clone()).or_insert(i);
        }
        Library {
            entries,
            bundled: false,
            shadowed: Vec::new(),
            by_id,
            bodies: Mutex::new(LruCache::new(
                NonZeroUsize::new(KEPT_BODIES).unwrap_or(NonZeroUsize::MIN),
            )),
            index: OnceLock::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// Every role's summary, in library order (bundled by file name, then the user's).
    pub fn summaries(&self) -> impl ExactSizeIterator<Item = &RoleSummary> {
        self.entries.iter().map(|e| &e.summary)
    }

    /// One role's summary.
    pub fn summary(&self, id: &str) -> Option<&RoleSummary> {
        self.by_id.get(id).map(|&i| &self.entries[i].summary)
    }

    /// Every role's id, in library order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> {
        self.entries.iter().map(|e| e.summary.id.as_str())
    }

    /// Whether a role is bundled or the user's (a user role replaces a bundled one of its id).
    pub fn origin(&self, id: &str) -> Option<RoleOrigin> {
        self.by_id.get(id).map(|&i| self.entries[i].origin)
    }

    /// One role, read from its file unless it was read lately.
    pub fn get(&self, id: &str) -> Result<Arc<Role>, LibraryError> {
        let Some(&i) = self.by_id.get(id) else {
            return Err(self.not_found(id));
        };
        if let Some(role) = self.kept().get(id) {
            return Ok(role.clone());
        }
        let role = self.load(i)?;
        self.kept().put(id.to_string(), role.clone());
        Ok(role)
    }

    fn kept(&self) -> std::sync::MutexGuard<'_, LruCache<String, Arc<Role>>> {
        // The cache holds only copies of files: a panic elsewhere leaves it usable.
        self.bodies
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn not_found(&self, id: &str) -> LibraryError {
        const NAMED: usize = 20;
        let mut known: Vec<&str> = self.ids().take(NAMED).collect();
        if self.len() > NAMED {
            known.push("…");
        }
        LibraryError::NotFound {
            id: id.to_string(),
            known: known.join(", "),
        }
    }

    /// Reads entry `i`'s body (not through the cache) and checks it is the role its summary
    /// named (the file may have been rewritten since the library opened).
    fn load(&self, i: usize) -> Result<Arc<Role>, LibraryError> {
        let entry = &self.entries[i];
        let (path, role) = match &entry.body {
            Body::Memory(role) => return Ok(role.clone()),
            Body::Bundled { path, text } => (path.clone(), parse_role(path, text)?),
            Body::File(file) => {
                let path = file.display().to_string();
                let text = read_role_text(file)?.ok_or_else(|| LibraryError::Io {
                    path: path.clone(),
                    reason: "is no longer a file".into(),
                })?;
                let role = parse_role(&path, &text)?;
                (path, role)
            }
        };
        if role.id != entry.summary.id {
            return Err(LibraryError::HoldsOther {
                path,
                holds: role.id,
                id: entry.summary.id.clone(),
            });
        }
        Ok(Arc::new(role))
    }

    /// Every role in library order, each read when its turn comes and dropped after `each`
    /// (the kept bodies are used, none is added): for exports, checks and the search index.
    pub fn for_each_role(
        &self,
        mut each: impl FnMut(&Role) -> Result<(), LibraryError>,
    ) -> Result<(), LibraryError> {
        for (i, entry) in self.entries.iter().enumerate() {
            let kept = self.kept().peek(&entry.summary.id).cloned();
            let role = match kept {
                Some(role) => role,
                None => self.load(i)?,
            };
            each(&role)?;
        }
        Ok(())
    }

    /// The first `Some` that `find` gives for a role: the kept bodies first (what the user is
    /// looking at), then every other role in library order; a body that cannot be read is
    /// passed over.
    pub fn find_map<T>(&self, mut find: impl FnMut(&Role) -> Option<T>) -> Option<T> {
        let kept: Vec<Arc<Role>> = self.kept().iter().map(|(_, role)| role.clone()).collect();
        if let Some(found) = kept.iter().find_map(|role| find(role)) {
            return Some(found);
        }
        (0..self.entries.len())
            .filter(|&i| !kept.iter().any(|r| r.id == self.entries[i].summary.id))
            .find_map(|i| self.load(i).ok().and_then(|role| find(&role)))
    }

    /// Every role, read (for small libraries: tests, `rolecraft roles --json`).
    pub fn roles(&self) -> Result<Vec<Arc<Role>>, LibraryError> {
        let mut all = Vec::with_capacity(self.len());
        self.for_each_role(|role| {
            all.push(Arc::new(role.clone()));
            Ok(())
        })?;
        Ok(all)
    }

    /// The search index of this library's roles (built on first use, in library order; a
    /// body that cannot be read is indexed by its summary alone).
    pub fn search_index(&self) -> &SearchIndex {
        self.index.get_or_init(|| {
            let mut builder = IndexBuilder::default();
            for (i, entry) in self.entries.iter().enumerate() {
                match self.load(i) {
                    Ok(role) => builder.add(&role),
                    Err(_) => builder.add(&entry.summary.bare_role()),
                }
            }
            builder.finish()
        })
    }

    /// Roles whose titles, tracks, facts or items hold every word of `query` at a word start,
    /// best first, with their matching items.
    pub fn search(&self, query: &str, options: SearchOptions) -> SearchResults {
        // Up to `limit` bodies are read for their matching items: through the kept ones, but
        // not into them, so a search does not push out the roles being looked at.
        self.search_index()
            .search(query, options, |id| self.peek_or_load(id))
    }

    fn peek_or_load(&self, id: &str) -> Option<Arc<Role>> {
        let i = *self.by_id.get(id)?;
        let kept = self.kept().peek(id).cloned();
        kept.or_else(|| self.load(i).ok())
    }

    /// The file of the user's folder role `id` is read from (`None` for a bundled role).
    pub fn file_of(&self, id: &str) -> Option<&Path> {
        let &i = self.by_id.get(id)?;
        match &self.entries[i].body {
            Body::File(path) => Some(path),
            _ => None,
        }
    }

    /// Reads the role files `paths` of the user's folder `dir` again, in place: each one is
    /// added, changed or, when gone, removed (a bundled role it replaced comes back). The other
    /// roles keep their entries, their kept bodies and their place in the search index, so a
    /// save costs one file, not the folder: 10,000 role files take about 160 ms to read again
    /// and their index half a second to rebuild. Paths outside `dir` or not `*.json` are
    /// passed over. Gives the ids that changed and the library a fresh
    /// [`Library::open_lenient`] would; when a file cannot be read, nothing changes and the
    /// problems are returned (open the library again: it leaves that file out).
    pub fn reread(
        &mut self,
        dir: &Path,
        paths: &[PathBuf],
    ) -> Result<Vec<String>, Vec<LibraryError>> {
        let ours =
            |p: &&PathBuf| p.parent() == Some(dir) && p.extension().is_some_and(|e| e == "json");
        let paths: BTreeSet<&PathBuf> = paths.iter().filter(ours).collect();
        // A library of roles given in memory has no folder to read again.
        if paths.is_empty()
            || self
                .entries
                .iter()
                .any(|e| matches!(e.body, Body::Memory(_)))
        {
            return Ok(Vec::new());
        }
        let mut read = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            match read_entry(path) {
                Ok(entry) => read.push((path.clone(), entry)),
                Err(_) if path.symlink_metadata().is_err() => read.push((path.clone(), None)),
                Err(e) => problems.push(e),
            }
        }
        let bundled = match self.bundled {
            true => bundled_entries().map_err(|e| vec![e])?,
            false => Vec::new(),
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        // The user's entries by path: the order a fresh read gives (`role_paths` sorts).
        let mut user: BTreeMap<PathBuf, Entry> = self
            .entries
            .iter()
            .chain(&self.shadowed)
            .filter_map(|e| match &e.body {
                Body::File(path) => Some((path.clone(), e.clone())),
                _ => None,
            })
            .collect();
        for (path, entry) in read {
            match entry {
                Some(entry) => user.insert(path, entry),
                None => user.remove(&path),
            };
        }
        let before = std::mem::replace(self, Library::from_entries(Vec::new()));
        // As `open_lenient` builds it: the folder alone, or overlaid on the bundled roles.
        let user: Vec<Entry> = user.into_values().collect();
        let mut after = match before.bundled {
            true => {
                let (entries, shadowed) = overlay(bundled, user);
                let mut library = Library::from_entries(entries);
                library.shadowed = shadowed;
                library
            }
            false => Library::from_entries(user),
        };
        after.bundled = before.bundled;
        let changed = changed_ids(&before, &after);
        // The bodies read lately, less the changed ones, in their order of use.
        {
            let mut kept = after.kept();
            for (id, role) in before.kept().iter().rev() {
                if after.by_id.contains_key(id) && changed.binary_search(id).is_err() {
                    kept.put(id.clone(), role.clone());
                }
            }
        }
        // The index, with the changed roles indexed again, when every role kept its place.
        let key = |e: &Entry| (e.stamp, e.origin);
        let same_places = before.entries.len() == after.entries.len()
            && before
                .entries
                .iter()
                .zip(&after.entries)
                .all(|(a, b)| a.summary.id == b.summary.id);
        if let (true, Some(mut index)) = (same_places, before.index.into_inner()) {
            for (i, (a, b)) in before.entries.iter().zip(&after.entries).enumerate() {
                if key(a) != key(b) {
                    let role = after.load(i);
                    match role {
                        Ok(role) => index.replace(i, &role),
                        Err(_) => index.replace(i, &b.summary.bare_role()),
                    }
                }
            }
            let _ = after.index.set(index);
        }
        *self = after;
        Ok(changed)
    }

    /// The ids of the roles added, changed (other bytes, or now bundled instead of the user's)
    /// or removed from `before` to `self`, sorted.
    pub fn changed_since(&self, before: &Library) -> Vec<String> {
        changed_ids(before, self)
    }
}

/// Each id and the (stamp, origin) of the entry it is served from (the first of a folder's
/// files that hold it).
fn served(library: &Library) -> HashMap<&str, (u64, RoleOrigin)> {
    library
        .by_id
        .iter()
        .map(|(id, &i)| {
            let entry = &library.entries[i];
            (id.as_str(), (entry.stamp, entry.origin))
        })
        .collect()
}

/// The ids of the roles added, changed or removed from `before` to `after`, sorted.
fn changed_ids(before: &Library, after: &Library) -> Vec<String> {
    let (old, new) = (served(before), served(after));
    let ids: BTreeSet<&str> = old
        .iter()
        .filter(|(id, k)| new.get(*id) != Some(*k))
        .map(|(id, _)| *id)
        .chain(new.keys().filter(|id| !old.contains_key(*id)).copied())
        .collect();
    ids.into_iter().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::role_json;

    fn role(id: &str, title: &str, item: &str) -> Role {
        parse_role(
            "t",
            &serde_json::json!({
                "id": id, "title": title, "track": "T", "level": 2,
                "sections": [{"key": "responsibilities", "title": "Responsibilities", "items": [
                    {"text": item, "group": null, "source": {"file": "doc.md", "line": 3}}
                ]}]
            })
            .to_string(),
        )
        .unwrap()
    }

    fn folder(roles: &[Role]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for r in roles {
            std::fs::write(dir.path().join(format!("{}.json", r.id)), role_json(r)).unwrap();
        }
        dir
    }

    fn only(dir: &Path) -> LibrarySources {
        LibrarySources {
            only: Some(dir.to_path_buf()),
            user_dir: None,
        }
    }

    #[test]
    fn opening_reads_summaries_and_a_body_only_when_asked() {
        let dir = folder(&[
            role("a", "Alpha", "Own the roadmap"),
            role("b", "Beta", "Ship"),
        ]);
        let library = Library::open(&only(dir.path())).unwrap();
        let summaries: Vec<_> = library.summaries().cloned().collect();
        assert_eq!(
            summaries[0],
            RoleSummary {
                id: "a".into(),
                title: "Alpha".into(),
                track: Some("T".into()),
                level: Some(2),
            }
        );
        // The body is read from the file when asked for: what the file holds now.
        let mut changed = role("b", "Beta", "Ship weekly");
        changed.title = "Beta".into();
        std::fs::write(dir.path().join("b.json"), role_json(&changed)).unwrap();
        assert_eq!(
            library.get("b").unwrap().sections[0].items[0].text,
            "Ship weekly"
        );
        // A body that is no longer a role is an error naming the file and the place.
        std::fs::write(dir.path().join("a.json"), "{\"id\": \"a\", \"title\": 5}").unwrap();
        let err = library.get("a").unwrap_err().to_string();
        assert!(err.contains("a.json:1:"), "{err}");
    }

    #[test]
    fn kept_bodies_are_served_without_reading_the_file_again() {
        let dir = folder(&[role("a", "Alpha", "One")]);
        let library = Library::open(&only(dir.path())).unwrap();
        let first = library.get("a").unwrap();
        std::fs::remove_file(dir.path().join("a.json")).unwrap();
        assert!(Arc::ptr_eq(&first, &library.get("a").unwrap()));
    }

    #[test]
    fn only_the_last_bodies_read_are_kept() {
        let roles: Vec<Role> = (0..KEPT_BODIES + 1)
            .map(|i| role(&format!("r{i}"), &format!("Role {i}"), "x"))
            .collect();
        let dir = folder(&roles);
        let library = Library::open(&only(dir.path())).unwrap();
        for r in &roles {
            library.get(&r.id).unwrap();
        }
        assert_eq!(library.kept().len(), KEPT_BODIES);
        assert!(!library.kept().contains("r0"), "the oldest was let go");
        // And it still reads when asked again.
        assert_eq!(library.get("r0").unwrap().title, "Role 0");
    }

    #[test]
    fn a_file_that_now_holds_another_role_is_refused() {
        let dir = folder(&[role("a", "Alpha", "One")]);
        let library = Library::open(&only(dir.path())).unwrap();
        std::fs::write(dir.path().join("a.json"), role_json(&role("z", "Zed", "x"))).unwrap();
        let err = library.get("a").unwrap_err();
        assert!(matches!(err, LibraryError::HoldsOther { .. }), "{err}");
    }

    #[test]
    fn the_summaries_build_rs_read_are_those_of_the_bundled_files() {
        let files = bundled_files();
        assert!(files.len() >= 4, "{} bundled roles", files.len());
        assert_eq!(BUNDLED_SUMMARIES.len(), files.len(), "one summary per file");
        for (path, text) in files {
            assert_eq!(
                bundled_summary(&path, text).unwrap(),
                summary_of(&path, text).unwrap(),
                "{path}"
            );
        }
    }

    #[test]
    fn user_roles_replace_bundled_ones_of_their_id() {
        let cto = Library::open(&LibrarySources::default())
            .unwrap()
            .get("cto")
            .unwrap();
        let mut mine = cto.as_ref().clone();
        mine.title = "Our CTO".into();
        let dir = folder(&[mine, role("zz-new", "New", "x")]);
        let library = Library::open(&LibrarySources {
            only: None,
            user_dir: Some(dir.path().to_path_buf()),
        })
        .unwrap();
        assert_eq!(library.get("cto").unwrap().title, "Our CTO");
        assert_eq!(library.origin("cto"), Some(RoleOrigin::User));
        assert_eq!(
            library.origin("vp-of-engineering"),
            Some(RoleOrigin::Bundled)
        );
        assert_eq!(library.ids().filter(|id| *id == "cto").count(), 1);
        assert_eq!(library.ids().last(), Some("zz-new"));
    }

    #[test]
    fn changed_since_names_added_changed_and_removed_roles() {
        let dir = folder(&[
            role("a", "A", "1"),
            role("b", "B", "1"),
            role("c", "C", "1"),
        ]);
        let before = Library::open(&only(dir.path())).unwrap();
        assert!(Library::open(&only(dir.path()))
            .unwrap()
            .changed_since(&before)
            .is_empty());
        std::fs::write(dir.path().join("a.json"), role_json(&role("a", "A", "2"))).unwrap();
        std::fs::remove_file(dir.path().join("b.json")).unwrap();
        std::fs::write(dir.path().join("d.json"), role_json(&role("d", "D", "1"))).unwrap();
        let after = Library::open(&only(dir.path())).unwrap();
        assert_eq!(after.changed_since(&before), ["a", "b", "d"]);
    }

    #[test]
    fn the_search_index_reads_every_body_and_keeps_none() {
        let dir = folder(&[
            role("a", "Alpha", "Budgeting for teams"),
            role("b", "Beta", "x"),
        ]);
        let library = Library::open(&only(dir.path())).unwrap();
        let found = library.search("budget", SearchOptions::default());
        assert_eq!(found.results.len(), 1);
        assert_eq!(found.results[0].id, "a");
        // The bodies read for the matching items are not kept.
        assert_eq!(library.kept().len(), 0);
    }

    #[test]
    fn find_map_looks_at_kept_bodies_first_then_the_rest() {
        let dir = folder(&[role("a", "Alpha", "x"), role("b", "Beta", "needle")]);
        let library = Library::open(&only(dir.path())).unwrap();
        let found =
            library.find_map(|r| r.items().any(|i| i.text == "needle").then(|| r.id.clone()));
        assert_eq!(found.as_deref(), Some("b"));
    }

    fn with_bundled(dir: &Path) -> LibrarySources {
        LibrarySources {
            only: None,
            user_dir: Some(dir.to_path_buf()),
        }
    }

    /// What a reader sees of a library: ids in order, summaries, origins and search results.
    fn seen(library: &Library) -> Vec<String> {
        let mut out: Vec<String> = library
            .summaries()
            .map(|s| format!("{s:?} {:?}", library.origin(&s.id)))
            .collect();
        for query in ["alpha", "ship", "vp product", "roadmap", "weekly"] {
            let found = library.search(query, SearchOptions::default());
            out.push(format!("{query}: {:?}", found.results));
        }
        out
    }

    #[test]
    fn rereading_some_files_gives_what_opening_again_gives() {
        let dir = folder(&[
            role("a", "Alpha", "Own the roadmap"),
            role("b", "Beta", "Ship"),
            role("c", "Gamma", "Hire"),
        ]);
        let path = |name: &str| dir.path().join(name);
        let mut library = Library::open(&with_bundled(dir.path())).unwrap();
        library.search_index();
        let kept_a = library.get("a").unwrap();
        library.get("b").unwrap();

        // One role changed in place: its place in the index is redone, the rest carried.
        std::fs::write(path("b.json"), role_json(&role("b", "Beta", "Ship weekly"))).unwrap();
        let changed = library.reread(dir.path(), &[path("b.json")]).unwrap();
        assert_eq!(changed, ["b"]);
        assert!(library.index.get().is_some(), "the index was carried over");
        assert!(
            Arc::ptr_eq(&kept_a, &library.get("a").unwrap()),
            "a stays kept"
        );
        assert_eq!(
            library.get("b").unwrap().sections[0].items[0].text,
            "Ship weekly"
        );
        let fresh = Library::open(&with_bundled(dir.path())).unwrap();
        assert_eq!(seen(&library), seen(&fresh));
        assert_eq!(library.search_index(), fresh.search_index());

        // Removed, added, a bundled role replaced by a user file: the same as a fresh read.
        std::fs::remove_file(path("c.json")).unwrap();
        std::fs::write(path("d.json"), role_json(&role("d", "Delta", "Ship"))).unwrap();
        let mine = role("vp-of-product", "VP of Product (ours)", "Own the roadmap");
        std::fs::write(path("mine.json"), role_json(&mine)).unwrap();
        let paths = [
            path("c.json"),
            path("d.json"),
            path("mine.json"),
            path("notes.txt"),
        ];
        let changed = library.reread(dir.path(), &paths).unwrap();
        assert_eq!(changed, ["c", "d", "vp-of-product"]);
        assert_eq!(
            seen(&library),
            seen(&Library::open(&with_bundled(dir.path())).unwrap())
        );
        assert_eq!(library.origin("vp-of-product"), Some(RoleOrigin::User));

        // The user's copy gone, the bundled role is back.
        std::fs::remove_file(path("mine.json")).unwrap();
        let changed = library.reread(dir.path(), &[path("mine.json")]).unwrap();
        assert_eq!(changed, ["vp-of-product"]);
        assert_eq!(library.origin("vp-of-product"), Some(RoleOrigin::Bundled));
        assert_eq!(
            seen(&library),
            seen(&Library::open(&with_bundled(dir.path())).unwrap())
        );
    }

    #[test]
    fn a_file_that_cannot_be_reread_leaves_the_library_as_it_was() {
        let dir = folder(&[role("a", "Alpha", "One"), role("b", "Beta", "Two")]);
        let mut library = Library::open(&only(dir.path())).unwrap();
        let before = seen(&library);
        let broken = dir.path().join("b.json");
        std::fs::write(&broken, "{\"id\": \"b\", \"title\": ").unwrap();
        let problems = library.reread(dir.path(), &[broken]).unwrap_err();
        assert!(
            problems[0].to_string().contains("b.json"),
            "{}",
            problems[0]
        );
        assert_eq!(seen(&library), before);
        // Files outside the folder are not the library's.
        let elsewhere = tempfile::tempdir().unwrap();
        let outside = elsewhere.path().join("a.json");
        std::fs::write(&outside, role_json(&role("x", "X", "Y"))).unwrap();
        assert_eq!(
            library.reread(dir.path(), &[outside]).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(seen(&library), before);
    }

    /// One change to the folder: write file `file` holding role `id` (title and item from
    /// the word list), or remove it.
    #[derive(Debug, Clone)]
    enum Op {
        Write { file: usize, id: usize, word: usize },
        Remove { file: usize },
    }

    const IDS: [&str; 5] = ["a", "b", "c", "vp-of-product", "cto"];
    const WORDS: [&str; 4] = ["roadmap", "zebra", "budget", "hiring"];

    fn op() -> impl proptest::strategy::Strategy<Value = Op> {
        use proptest::prelude::*;
        prop_oneof![
            (0..4usize, 0..IDS.len(), 0..WORDS.len()).prop_map(|(file, id, word)| Op::Write {
                file,
                id,
                word
            }),
            (0..4usize).prop_map(|file| Op::Remove { file }),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

        /// Any run of writes and removals (ids repeated across files, bundled ids replaced),
        /// each followed by a reread of the file touched, leaves the library a fresh open
        /// gives, with or without the bundled roles: summaries, origins, bodies and index.
        #[test]
        fn rereads_after_any_changes_match_a_fresh_open(
            ops in proptest::collection::vec(op(), 1..8),
            bundled in proptest::prelude::any::<bool>(),
        ) {
            let dir = folder(&[role("a", "Alpha", "Own the roadmap")]);
            let sources = match bundled {
                true => with_bundled(dir.path()),
                false => only(dir.path()),
            };
            let mut library = Library::open(&sources).unwrap();
            library.search_index();
            for op in ops {
                let file = match op {
                    Op::Write { file, id, word } => {
                        let path = dir.path().join(format!("f{file}.json"));
                        let body = role(IDS[id], &format!("{} {}", IDS[id], WORDS[word]), WORDS[word]);
                        std::fs::write(&path, role_json(&body)).unwrap();
                        path
                    }
                    Op::Remove { file } => {
                        let path = dir.path().join(format!("f{file}.json"));
                        let _ = std::fs::remove_file(&path);
                        path
                    }
                };
                library.get("a").ok();
                library.reread(dir.path(), &[file]).unwrap();
                let fresh = Library::open(&sources).unwrap();
                proptest::prop_assert_eq!(seen(&library), seen(&fresh));
                for id in fresh.ids() {
                    proptest::prop_assert_eq!(library.get(id).ok(), fresh.get(id).ok());
                }
                proptest::prop_assert_eq!(library.search_index(), fresh.search_index());
            }
        }
    }
}
