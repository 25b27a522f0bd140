//! The one error type that crosses IPC: `{ kind, message }`, so the UI can react to the kind.

use rolecraft_core::authoring::AuthoringError;
use rolecraft_core::checks::CheckError;
use rolecraft_core::compare::CompareError;
use rolecraft_core::drafts::DraftError;
use rolecraft_core::history::HistoryError;
use rolecraft_core::library::LibraryError;
use rolecraft_core::render::RenderError;
use serde::Serialize;
use ts_rs::TS;

/// What went wrong, in the terms the UI reacts to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The role, draft or template asked for does not exist.
    NotFound,
    /// A file or value the user gave could not be used (the message says where).
    BadInput,
    /// Reading or writing a file failed.
    Io,
    /// A template does not compile or fails to render (`location` says where).
    Template,
    /// The user closed a dialog without choosing.
    Cancelled,
    /// The library folder is not in a git repository (or the role is bundled): no history.
    NotInGit,
    /// The role changed on disk since the version the edit was based on: reload it.
    Changed,
    /// A bug: the message is for a bug report.
    Internal,
}

/// An error as the UI receives it from any command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
    /// Where a template error is.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub location: Option<ErrorLocation>,
}

/// A place in a template: its name, and line and column when known (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorLocation {
    pub template: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        IpcError {
            kind,
            message: message.into(),
            location: None,
        }
    }
}

impl std::fmt::Display for IpcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A lock whose holder panicked: a bug, reported as such instead of taking the app down.
impl<T> From<std::sync::PoisonError<T>> for IpcError {
    fn from(_: std::sync::PoisonError<T>) -> Self {
        IpcError::new(ErrorKind::Internal, "a lock of the app's state is poisoned")
    }
}

impl From<LibraryError> for IpcError {
    fn from(e: LibraryError) -> Self {
        let kind = match &e {
            LibraryError::NotFound { .. } => ErrorKind::NotFound,
            LibraryError::Io { .. } => ErrorKind::Io,
            LibraryError::Parse { .. }
            | LibraryError::Exists { .. }
            | LibraryError::InvalidId { .. }
            | LibraryError::HoldsOther { .. }
            | LibraryError::Clash { .. }
            | LibraryError::Stale { .. }
            | LibraryError::Locked { .. } => ErrorKind::BadInput,
        };
        IpcError::new(kind, e.to_string())
    }
}

impl From<AuthoringError> for IpcError {
    fn from(e: AuthoringError) -> Self {
        match e {
            AuthoringError::Library(e) => e.into(),
            AuthoringError::Edit(_) | AuthoringError::Bundled(_) => {
                IpcError::new(ErrorKind::BadInput, e.to_string())
            }
            AuthoringError::Changed { .. } => IpcError::new(ErrorKind::Changed, e.to_string()),
        }
    }
}

impl From<HistoryError> for IpcError {
    fn from(e: HistoryError) -> Self {
        let kind = match &e {
            HistoryError::NotInGit { .. } => ErrorKind::NotInGit,
            HistoryError::Git { .. } => ErrorKind::Io,
            HistoryError::NoSuchRevision { .. } | HistoryError::NotAtRevision { .. } => {
                ErrorKind::NotFound
            }
            HistoryError::Parse(_) => ErrorKind::BadInput,
        };
        IpcError::new(kind, e.to_string())
    }
}

impl From<CheckError> for IpcError {
    fn from(e: CheckError) -> Self {
        let kind = match &e {
            CheckError::Config { .. } => ErrorKind::BadInput,
            CheckError::Data { .. } => ErrorKind::Internal,
        };
        IpcError::new(kind, e.to_string())
    }
}

impl From<CompareError> for IpcError {
    fn from(e: CompareError) -> Self {
        IpcError::new(ErrorKind::BadInput, e.to_string())
    }
}

impl From<RenderError> for IpcError {
    fn from(e: RenderError) -> Self {
        let kind = match &e {
            RenderError::TemplateSyntax { .. } | RenderError::Template { .. } => {
                ErrorKind::Template
            }
            RenderError::UnknownTemplate { .. } => ErrorKind::NotFound,
            RenderError::UnknownSection { .. }
            | RenderError::UnknownField { .. }
            | RenderError::InvalidField { .. }
            | RenderError::MissingProperties { .. } => ErrorKind::BadInput,
            RenderError::Io { .. } => ErrorKind::Io,
        };
        let location = e.location().map(|(template, line, column)| ErrorLocation {
            template: template.to_string(),
            line: line.map(|l| l as u32),
            column: column.map(|c| c as u32),
        });
        IpcError {
            kind,
            message: e.to_string(),
            location,
        }
    }
}

impl From<DraftError> for IpcError {
    fn from(e: DraftError) -> Self {
        let kind = match &e {
            DraftError::Io { .. } => ErrorKind::Io,
            DraftError::NotFound { .. } => ErrorKind::NotFound,
            DraftError::Parse { .. } | DraftError::InvalidId { .. } => ErrorKind::BadInput,
        };
        IpcError::new(kind, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_as_kind_and_message() {
        let e = IpcError::from(LibraryError::NotFound {
            id: "x".into(),
            known: "a, b".into(),
        });
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "not_found");
        assert_eq!(
            json["message"],
            "no role \"x\" in the library (known: a, b)"
        );
        assert!(json.get("location").is_none(), "{json}");
    }

    #[test]
    fn a_poisoned_lock_is_an_internal_error() {
        let lock = std::sync::Arc::new(std::sync::RwLock::new(0));
        let held = lock.clone();
        let _ = std::thread::spawn(move || {
            let _guard = held.write().unwrap();
            panic!("poison the lock");
        })
        .join();
        let e: IpcError = lock.read().map(|_| ()).unwrap_err().into();
        assert_eq!(e.kind, ErrorKind::Internal);
    }

    #[test]
    fn a_template_error_carries_its_location() {
        let e = IpcError::from(RenderError::TemplateSyntax {
            template: "mine".into(),
            line: 3,
            column: 7,
            message: "unclosed".into(),
        });
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["kind"], "template");
        let want = serde_json::json!({"template": "mine", "line": 3, "column": 7});
        assert_eq!(json["location"], want);
    }
}
