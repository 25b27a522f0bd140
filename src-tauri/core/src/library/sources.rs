//! Copies of the imported documents, kept in the library by hash so a source line can be shown
//! in context later, offline: `<library folder>/sources/sha256-<hex>.<ext>` (the decoded text:
//! UTF-8 with `\n` line ends, the lines items' `source.line` count). The bundled library's
//! copies are `roles/sources/`, embedded with the roles.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Library, LibraryError, BUNDLED};
use crate::fs::write_atomic;
use crate::import::{document_title, SourceText};

/// The folder of a library that holds its document copies.
pub fn sources_dir(library_dir: &Path) -> PathBuf {
    library_dir.join("sources")
}

/// `sha256-<hex>.<ext>` for a document hash (`sha256:<hex>`) and its file name; None when the
/// hash is not a SHA-256 hex digest (so a name can never leave the folder).
pub fn source_file_name(hash: &str, file: &str) -> Option<String> {
    let hex = hash
        .strip_prefix("sha256:")
        .or_else(|| hash.strip_prefix("sha256-"))?;
    if hex.len() != 64 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let ext: String = Path::new(file)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .filter(|e| !e.is_empty() && e.len() <= 8 && e.bytes().all(|b| b.is_ascii_alphanumeric()))
        .unwrap_or_else(|| "txt".to_string());
    Some(format!("sha256-{}.{ext}", hex.to_ascii_lowercase()))
}

/// Writes a copy of each document into `<library_dir>/sources/` (atomically; a copy already
/// there is left as it is, since the name is its content's hash). Returns the paths written.
pub fn save_sources(
    library_dir: &Path,
    sources: &[SourceText],
) -> Result<Vec<PathBuf>, LibraryError> {
    let dir = sources_dir(library_dir);
    let mut written = Vec::new();
    for s in sources {
        let Some(name) = source_file_name(&s.hash, &s.file) else {
            continue;
        };
        let path = dir.join(name);
        if path.is_file() {
            continue;
        }
        std::fs::create_dir_all(&dir).map_err(|e| LibraryError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        })?;
        write_atomic(&path, s.text.as_bytes()).map_err(|e| LibraryError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        written.push(path);
    }
    Ok(written)
}

/// The kept text of the document with this hash: from the user library's copies first, then
/// the bundled ones. None when there is no copy.
pub fn load_source(user_library_dir: Option<&Path>, hash: &str, file: &str) -> Option<String> {
    let name = source_file_name(hash, file)?;
    if let Some(dir) = user_library_dir {
        if let Ok(text) = std::fs::read_to_string(sources_dir(dir).join(&name)) {
            return Some(text);
        }
    }
    BUNDLED
        .get_file(format!("sources/{name}"))
        .and_then(|f| f.contents_utf8())
        .map(str::to_string)
}

/// One line of a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SourceLine {
    /// 1-based line number.
    pub n: u32,
    pub text: String,
}

/// A source line in context, as the app shows it when a source is clicked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct SourceContext {
    /// The document's own title (front matter `title:` or first heading), else its file name.
    pub title: String,
    pub file: String,
    /// `sha256:` + hex of the document.
    pub hash: String,
    /// The line asked for.
    pub line: u32,
    /// The lines around it (`radius` before and after, fewer at the ends), in order.
    pub lines: Vec<SourceLine>,
}

/// The most lines shown on either side of a source line.
pub const MAX_RADIUS: u32 = 50;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    #[error("{0}: no document of that name or hash in the library")]
    UnknownDocument(String),
    #[error("{file}: no copy of this document is kept (it was imported before copies were kept): import it again to see its lines")]
    NoCopy { file: String },
    #[error("{file}:{line}: the document has {count} lines")]
    NoSuchLine { file: String, line: u32, count: u32 },
}

/// `radius` lines either side of `line` of a document of the library, named by its file name
/// (as items' `source.file` names it) or its hash (`sha256:<hex>`).
pub fn source_context(
    library: &Library,
    user_library_dir: Option<&Path>,
    file_or_hash: &str,
    line: u32,
    radius: u32,
) -> Result<SourceContext, SourceError> {
    let doc = library
        .find_map(|role| {
            role.sources
                .iter()
                .find(|d| d.hash == file_or_hash || d.file == file_or_hash)
                .cloned()
        })
        .ok_or_else(|| SourceError::UnknownDocument(file_or_hash.to_string()))?;
    let text =
        load_source(user_library_dir, &doc.hash, &doc.file).ok_or_else(|| SourceError::NoCopy {
            file: doc.file.clone(),
        })?;
    let lines: Vec<&str> = text.lines().collect();
    let count = u32::try_from(lines.len()).unwrap_or(u32::MAX);
    if line == 0 || line > count {
        return Err(SourceError::NoSuchLine {
            file: doc.file.clone(),
            line,
            count,
        });
    }
    let radius = radius.min(MAX_RADIUS);
    let first = line.saturating_sub(radius).max(1);
    let last = line.saturating_add(radius).min(count);
    Ok(SourceContext {
        title: document_title(&text).unwrap_or_else(|| doc.file.clone()),
        file: doc.file.clone(),
        hash: doc.hash.clone(),
        line,
        lines: (first..=last)
            .map(|n| SourceLine {
                n,
                text: lines[(n - 1) as usize].to_string(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::bundled_roles;

    const HASH: &str = "sha256:018146f44869a69514013c3e2657586809bfde20dd315bf3684e05086e59fe45";

    #[test]
    fn names_come_from_the_hash_and_never_leave_the_folder() {
        assert_eq!(
            source_file_name(HASH, "001_a79071d1db045453.txt").as_deref(),
            Some("sha256-018146f44869a69514013c3e2657586809bfde20dd315bf3684e05086e59fe45.txt")
        );
        assert!(source_file_name(HASH, "page.HTML")
            .unwrap()
            .ends_with(".html"));
        assert!(source_file_name(HASH, "noext").unwrap().ends_with(".txt"));
        assert!(source_file_name(HASH, "x.../../etc")
            .unwrap()
            .ends_with(".txt"));
        assert_eq!(source_file_name("sha256:../../etc/passwd", "a.txt"), None);
        assert_eq!(source_file_name("md5:abc", "a.txt"), None);
    }

    #[test]
    fn the_cto_checkpoint_of_seed_001_in_context_from_the_bundled_copy() {
        let library = Library::from_roles(bundled_roles().unwrap());
        let ctx = source_context(&library, None, "001_a79071d1db045453.txt", 306, 2).unwrap();
        assert_eq!(ctx.title, "CTO");
        assert_eq!(ctx.hash, HASH);
        assert_eq!(ctx.line, 306);
        let ns: Vec<u32> = ctx.lines.iter().map(|l| l.n).collect();
        assert_eq!(ns, [304, 305, 306, 307, 308]);
        assert_eq!(
            ctx.lines[2].text,
            "- Has served as VP of Engineering, Sr Staff Engineer, or equivalent for 10+ years."
        );
        // By hash too, and clamped at the start of the document.
        let top = source_context(&library, None, HASH, 1, 3).unwrap();
        assert_eq!(top.lines.first().unwrap().n, 1);
        assert_eq!(top.lines.len(), 4);
        assert_eq!(top.lines[0].text, "---");
    }

    #[test]
    fn unknown_documents_and_lines_are_errors_naming_them() {
        let library = Library::from_roles(bundled_roles().unwrap());
        let err = source_context(&library, None, "nope.txt", 1, 1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "nope.txt: no document of that name or hash in the library"
        );
        let err = source_context(&library, None, "001_a79071d1db045453.txt", 99_999, 1)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("001_a79071d1db045453.txt:99999: the document has "),
            "{err}"
        );
    }

    #[test]
    fn copies_are_saved_once_by_hash_and_read_back_from_the_user_library() {
        let dir = tempfile::tempdir().unwrap();
        let doc = crate::import::Document::from_text("staff.md", "# Staff\n\n- Leads.\n");
        let text = doc.source_text();
        let written = save_sources(dir.path(), &[text.clone(), text.clone()]).unwrap();
        assert_eq!(written.len(), 1);
        assert_eq!(
            std::fs::read_to_string(&written[0]).unwrap(),
            "# Staff\n\n- Leads.\n"
        );
        assert!(save_sources(dir.path(), std::slice::from_ref(&text))
            .unwrap()
            .is_empty());
        assert_eq!(
            load_source(Some(dir.path()), &text.hash, "staff.md").as_deref(),
            Some("# Staff\n\n- Leads.\n")
        );
        let roles = crate::import::import_document(&doc).unwrap().roles;
        let library = Library::from_roles(roles);
        let ctx = source_context(&library, Some(dir.path()), "staff.md", 3, 5).unwrap();
        assert_eq!(ctx.title, "Staff");
        assert_eq!(ctx.lines.len(), 3);
        // Without the copy: a clear error, not a panic.
        let err = source_context(&library, None, "staff.md", 3, 5).unwrap_err();
        assert!(matches!(err, SourceError::NoCopy { .. }), "{err}");
    }
}
