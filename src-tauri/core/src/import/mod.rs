//! Importers: one module per document format behind one entry point, `import_document`.
//! The format is detected from the content, never from the file extension.

mod blocks;
mod blueprint;
mod builder;
mod decode;
mod html;
mod ladder;
mod markdown;
pub mod sections;
mod sfia;
mod text;
mod title;

use std::path::Path;

use sha2::{Digest, Sha256};

pub use blocks::{markdown_blocks, Block, BlockItem, ItemKind};
pub use decode::MAX_DOCUMENT_BYTES;
pub use title::document_title;

use crate::model::{Format, Role, SourceDoc, Warning};

/// A document as read from disk: its name, its decoded text, the hash of its bytes.
/// The text is kept whole so every item can point back to its line.
#[derive(Debug, Clone)]
pub struct Document {
    /// File name, as items' `source.file` will name it.
    pub name: String,
    pub text: String,
    /// `sha256:` + hex of the original bytes.
    pub hash: String,
    /// Warnings raised while decoding (lossy bytes, ...).
    pub decode_warnings: Vec<Warning>,
}

/// A document's text as imported, kept so the library can hold a copy of it (by hash) and
/// show a source line in context later, offline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// File name, as items' `source.file` names it.
    pub file: String,
    /// `sha256:` + hex of the original bytes.
    pub hash: String,
    /// The decoded text (UTF-8, `\n` line ends): the lines items' `source.line` count.
    pub text: String,
}

/// What one document yields.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Imported {
    pub roles: Vec<Role>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: the document is empty")]
    Empty { file: String },
    #[error("{file}: {size} bytes is over the {limit}-byte limit for one document")]
    TooLarge { file: String, size: u64, limit: u64 },
    #[error("{file}: not text: invalid UTF-8 at byte {offset}")]
    NotText { file: String, offset: usize },
    #[error("{file}: unrecognised format: not a ladder page, SFIA level page, role blueprint, Markdown, HTML or role JSON document (known formats: {known})")]
    UnknownFormat { file: String, known: String },
    #[error("{file}:{line}: {message}")]
    Invalid {
        file: String,
        line: u32,
        message: String,
    },
}

impl ImportError {
    pub fn file(&self) -> &str {
        match self {
            ImportError::Unreadable { file, .. }
            | ImportError::Empty { file }
            | ImportError::TooLarge { file, .. }
            | ImportError::NotText { file, .. }
            | ImportError::UnknownFormat { file, .. }
            | ImportError::Invalid { file, .. } => file,
        }
    }
}

impl Document {
    /// A document from text already in memory (tests, the app's drag and drop).
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let hash = hash_bytes(text.as_bytes());
        Document {
            name: name.into(),
            text: decode::normalise_newlines(text),
            hash,
            decode_warnings: Vec::new(),
        }
    }

    /// Reads and decodes a file (UTF-8 with or without BOM, UTF-16 with BOM, CRLF line ends).
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let shown = path.display().to_string();
        // Only regular files, and never more than the limit of bytes actually read: a FIFO,
        // a device or a symlink to /dev/zero is refused before it is read.
        let bytes = crate::fs::read_capped(path, MAX_DOCUMENT_BYTES).map_err(|e| match e {
            crate::fs::ReadError::TooLarge { size, limit } => ImportError::TooLarge {
                file: shown.clone(),
                size,
                limit,
            },
            crate::fs::ReadError::NotRegular if path.is_dir() => ImportError::Unreadable {
                file: shown.clone(),
                reason: "is a directory".into(),
            },
            other => ImportError::Unreadable {
                file: shown.clone(),
                reason: other.to_string(),
            },
        })?;
        Self::from_bytes(&name, &bytes)
    }

    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, ImportError> {
        if bytes.len() as u64 > MAX_DOCUMENT_BYTES {
            return Err(ImportError::TooLarge {
                file: name.into(),
                size: bytes.len() as u64,
                limit: MAX_DOCUMENT_BYTES,
            });
        }
        let text = decode::decode(name, bytes)?;
        if text.trim().is_empty() {
            return Err(ImportError::Empty { file: name.into() });
        }
        Ok(Document {
            name: name.into(),
            text,
            hash: hash_bytes(bytes),
            decode_warnings: Vec::new(),
        })
    }

    pub fn source_doc(&self, format: Format, own_page: bool) -> SourceDoc {
        SourceDoc {
            file: self.name.clone(),
            format,
            hash: self.hash.clone(),
            own_page,
            title: document_title(&self.text),
        }
    }

    /// The text to keep a copy of.
    pub fn source_text(&self) -> SourceText {
        SourceText {
            file: self.name.clone(),
            hash: self.hash.clone(),
            text: self.text.clone(),
        }
    }
}

pub(crate) fn hash_bytes(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Which format a document is in, judged by its content.
pub fn detect(doc: &Document) -> Option<Format> {
    let text = doc.text.trim_start_matches('\u{feff}');
    if serde_json::from_str::<serde_json::Value>(text).is_ok_and(|v| v.is_object()) {
        return Some(Format::RoleJson);
    }
    if html::detect(text) {
        return Some(Format::Html);
    }
    if ladder::detect(text) {
        return Some(Format::LadderPage);
    }
    if sfia::detect(text) {
        return Some(Format::SfiaPage);
    }
    if blueprint::detect(text) {
        return Some(Format::Blueprint);
    }
    if markdown::detect(text) {
        return Some(Format::Markdown);
    }
    None
}

/// Imports one document: detects its format and parses it.
pub fn import_document(doc: &Document) -> Result<Imported, ImportError> {
    let format = detect(doc).ok_or_else(|| ImportError::UnknownFormat {
        file: doc.name.clone(),
        known: Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", "),
    })?;
    let mut imported = match format {
        Format::LadderPage => ladder::parse(doc)?,
        Format::SfiaPage => sfia::parse(doc)?,
        Format::Blueprint => blueprint::parse(doc)?,
        Format::Markdown => markdown::parse(doc)?,
        Format::Html => html::parse(doc)?,
        Format::RoleJson => import_role_json(doc)?,
    };
    imported
        .warnings
        .splice(0..0, doc.decode_warnings.iter().cloned());
    Ok(imported)
}

/// Reads and imports a file.
pub fn import_path(path: &Path) -> Result<Imported, ImportError> {
    import_document(&Document::read(path)?)
}

fn import_role_json(doc: &Document) -> Result<Imported, ImportError> {
    let de = &mut serde_json::Deserializer::from_str(&doc.text);
    let role: Role = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        ImportError::Invalid {
            file: doc.name.clone(),
            line: u32::try_from(inner.line()).unwrap_or(0),
            message: format!("not a role file: at {path}: {inner}"),
        }
    })?;
    if role.title.trim().is_empty() {
        return Err(ImportError::Invalid {
            file: doc.name.clone(),
            line: line_of(&doc.text, "\"title\""),
            message: "not a role file: at $.title: must not be empty".into(),
        });
    }
    // The id becomes a file name: only an id already in the slug form is accepted.
    if let Err(e) = crate::model::ids::check_id(&role.id) {
        return Err(ImportError::Invalid {
            file: doc.name.clone(),
            line: line_of(&doc.text, "\"id\""),
            message: format!("not a role file: at $.id: {e}"),
        });
    }
    Ok(Imported {
        roles: vec![role],
        warnings: Vec::new(),
    })
}

/// The line of the first occurrence of `needle` (1 when absent).
fn line_of(text: &str, needle: &str) -> u32 {
    let at = text.find(needle).unwrap_or(0);
    u32::try_from(text[..at].matches('\n').count() + 1).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_json_id_that_is_not_a_slug_is_refused_naming_file_and_path() {
        for id in [
            "../../escaped",
            "/tmp/abs",
            "./cto",
            "CTO",
            "caf\u{e9}",
            "nul",
        ] {
            let doc = Document::from_text(
                "evil.json",
                format!("{{\n  \"id\": \"{id}\",\n  \"title\": \"X\", \"track\": null, \"level\": null\n}}"),
            );
            let err = import_document(&doc).unwrap_err().to_string();
            assert!(
                err.starts_with("evil.json:2: not a role file: at $.id:"),
                "{err}"
            );
        }
    }

    #[test]
    fn a_bad_role_json_names_the_json_path_and_line() {
        let doc = Document::from_text(
            "r.json",
            "{\n \"id\": \"x\",\n \"title\": \"X\",\n \"track\": null, \"level\": \"high\"\n}",
        );
        let err = import_document(&doc).unwrap_err().to_string();
        assert!(
            err.starts_with("r.json:4: not a role file: at level:"),
            "{err}"
        );
    }

    #[test]
    fn unknown_formats_name_the_file_and_the_known_formats() {
        let doc = Document::from_text("noise.txt", "!!! ??? ...\n;;;");
        let err = import_document(&doc).unwrap_err().to_string();
        assert!(err.starts_with("noise.txt: unrecognised format"), "{err}");
        assert!(err.contains("ladder_page, sfia_page, blueprint"), "{err}");
    }

    #[test]
    fn empty_and_binary_documents_are_errors() {
        assert!(matches!(
            Document::from_bytes("e.md", b"  \n"),
            Err(ImportError::Empty { .. })
        ));
        assert!(matches!(
            Document::from_bytes("b.bin", b"\x00\x01\x02abc"),
            Err(ImportError::NotText { .. })
        ));
    }
}

/// A file that could not be imported, with the reason (the error names the file and place).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, schemars::JsonSchema, ts_rs::TS)]
pub struct FileError {
    pub file: String,
    pub message: String,
}

/// Many files at once (the app's file dialog and drag and drop): folders are expanded to the
/// files in them, read on every core, and one bad file does not stop the others.
/// `progress(done, total)` is called after each file, with `done` counting up by one, so a
/// long import can show a progress bar; it returns `ControlFlow::Break` to stop early (the
/// batch is then marked `cancelled` and holds the files counted so far, in `paths` order).
#[derive(Debug, Default)]
pub struct Batch {
    pub documents: Vec<Imported>,
    /// The text of every document imported (one per `documents` entry), to keep in the library.
    pub sources: Vec<SourceText>,
    pub errors: Vec<FileError>,
    pub cancelled: bool,
}

pub fn import_many(
    paths: &[std::path::PathBuf],
    progress: impl FnMut(usize, usize) -> std::ops::ControlFlow<()> + Send,
) -> Batch {
    use rayon::prelude::*;
    let (files, errors) = expand_folders(paths);
    let total = files.len();
    // Files are read on every core. Progress is reported under one lock, so `done` counts up
    // by one; after a stop, files not yet reported are dropped, read or not, so the batch
    // holds exactly the files the progress counted.
    let reporter = std::sync::Mutex::new(Reporter {
        done: 0,
        stopped: false,
        progress,
    });
    let lock = || {
        reporter
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    };
    let read: Vec<Option<Result<(Imported, SourceText), ImportError>>> = files
        .par_iter()
        .map(|path| {
            if lock().stopped {
                return None;
            }
            let read = Document::read(path)
                .and_then(|doc| Ok((import_document(&doc)?, doc.source_text())));
            let mut reporter = lock();
            if reporter.stopped {
                return None;
            }
            reporter.done += 1;
            let done = reporter.done;
            if (reporter.progress)(done, total).is_break() {
                reporter.stopped = true;
            }
            Some(read)
        })
        .collect();
    let mut batch = Batch {
        errors,
        cancelled: lock().stopped,
        ..Batch::default()
    };
    for read in read.into_iter().flatten() {
        match read {
            Ok((imported, source)) => {
                batch.documents.push(imported);
                batch.sources.push(source);
            }
            Err(e) => batch.errors.push(FileError {
                file: e.file().to_string(),
                message: e.to_string(),
            }),
        }
    }
    batch
}

/// `import_many`'s count of files done, and whether its `progress` said stop.
struct Reporter<F> {
    done: usize,
    stopped: bool,
    progress: F,
}

/// Reads and imports each file, on every core (documents are independent of each other); the
/// results come in the order of `paths`. For the CLI, which stops at the first bad file;
/// `import_many` is the app's batch, with progress and cancel.
pub fn import_files(
    paths: &[std::path::PathBuf],
) -> Vec<Result<(Imported, SourceText), ImportError>> {
    use rayon::prelude::*;
    paths
        .par_iter()
        .map(|path| {
            let doc = Document::read(path)?;
            Ok((import_document(&doc)?, doc.source_text()))
        })
        .collect()
}

/// The files to import from `paths`: a file as given, a folder as the files directly inside it,
/// sorted by name. Not recursive (a library folder keeps other things in subfolders, such as
/// `sources/`), and hidden files (`.DS_Store`, editors' swap files) are skipped. A folder that
/// cannot be listed is an error naming it.
pub fn expand_folders(paths: &[std::path::PathBuf]) -> (Vec<std::path::PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut inside: Vec<_> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && !is_hidden(p))
                    .collect();
                inside.sort();
                files.extend(inside);
            }
            Err(e) => errors.push(FileError {
                file: path.display().to_string(),
                message: format!("{}: cannot list the folder: {e}", path.display()),
            }),
        }
    }
    (files, errors)
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

#[cfg(test)]
mod batch_tests {
    use super::*;

    #[test]
    fn a_batch_expands_folders_reports_bad_files_and_counts_progress() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.md"), "# A\n\n- one\n").unwrap();
        std::fs::write(dir.path().join("b.md"), "").unwrap();
        std::fs::write(dir.path().join(".DS_Store"), [0u8, 1, 2]).unwrap();
        let sub = dir.path().join("more");
        std::fs::create_dir(&sub).unwrap();
        std::fs::write(sub.join("c.md"), "# C\n\n- two\n").unwrap();
        let mut ticks = Vec::new();
        let batch = import_many(&[dir.path().to_path_buf(), sub.join("c.md")], |d, t| {
            ticks.push((d, t));
            std::ops::ControlFlow::Continue(())
        });
        assert_eq!(batch.documents.len(), 2);
        assert_eq!(batch.sources.len(), 2);
        assert_eq!(batch.sources[0].file, "a.md");
        assert_eq!(batch.sources[0].text, "# A\n\n- one\n");
        assert_eq!(batch.errors.len(), 1);
        assert!(batch.errors[0]
            .message
            .contains("b.md: the document is empty"));
        assert_eq!(ticks, [(1, 3), (2, 3), (3, 3)]);
        assert!(!batch.cancelled);
    }

    #[test]
    fn a_batch_stops_when_progress_says_so() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.md", "b.md", "c.md"] {
            std::fs::write(dir.path().join(name), "# A\n\n- one\n").unwrap();
        }
        let batch = import_many(&[dir.path().to_path_buf()], |done, _| {
            if done == 1 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        });
        assert!(batch.cancelled);
        assert_eq!(batch.documents.len(), 1);
    }

    /// Files are read on every core; the batch still comes in path order, progress counts up
    /// by one, and a stop keeps exactly the files counted.
    #[test]
    fn a_parallel_batch_keeps_the_order_and_counts_every_file_once() {
        let dir = tempfile::tempdir().unwrap();
        for n in 0..64 {
            let body = format!("# Role {n:02}\n\n- item {n}\n");
            std::fs::write(dir.path().join(format!("{n:02}.md")), body).unwrap();
        }
        let mut ticks = Vec::new();
        let batch = import_many(&[dir.path().to_path_buf()], |done, total| {
            ticks.push((done, total));
            std::ops::ControlFlow::Continue(())
        });
        let titles: Vec<String> = batch
            .documents
            .iter()
            .map(|d| d.roles[0].title.clone())
            .collect();
        let want: Vec<String> = (0..64).map(|n| format!("Role {n:02}")).collect();
        assert_eq!(titles, want);
        let files: Vec<&str> = batch.sources.iter().map(|s| s.file.as_str()).collect();
        assert_eq!(files[..3], ["00.md", "01.md", "02.md"]);
        assert_eq!(ticks, (1..=64).map(|d| (d, 64)).collect::<Vec<_>>());

        let mut seen = 0;
        let stopped = import_many(&[dir.path().to_path_buf()], |done, _| {
            seen = done;
            if done == 10 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        });
        assert!(stopped.cancelled);
        assert_eq!(seen, 10, "no progress after the stop");
        assert_eq!(stopped.documents.len(), 10);
        assert_eq!(stopped.sources.len(), 10);
    }
}
