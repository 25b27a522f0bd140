//! Saving an export: the native save dialog (opened from Rust, so the page needs no dialog or fs
//! permission), then an atomic write in the core.
//!
//! `ROLECRAFT_SAVE_DIR`, when set, stands in for the dialog: the file is written there under the
//! suggested name. The end-to-end tests use it, since WebDriver cannot drive a native dialog.

use std::path::PathBuf;

use rolecraft_core::fs::write_atomic;
use rolecraft_core::render::{ExportFormat, OutputFormat};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::error::{ErrorKind, IpcError};

/// What a file is saved as: the save dialog's filter and the suggested name's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    pub description: &'static str,
    pub extension: &'static str,
}

impl From<OutputFormat> for FileKind {
    fn from(format: OutputFormat) -> FileKind {
        ExportFormat::from(format).into()
    }
}

impl From<ExportFormat> for FileKind {
    fn from(format: ExportFormat) -> FileKind {
        FileKind {
            description: format.description(),
            extension: format.extension(),
        }
    }
}

/// Asks where to save `contents` (suggesting `file_name`) and writes it atomically. Returns the
/// path written, or `None` when the user closed the dialog.
pub fn save_with_dialog<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    kind: impl Into<FileKind>,
    contents: &[u8],
) -> Result<Option<String>, IpcError> {
    let Some(path) = choose_path(app, file_name, kind.into())? else {
        return Ok(None);
    };
    write_atomic(&path, contents).map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!("{}: cannot write: {e}", path.display()),
        )
    })?;
    Ok(Some(path.display().to_string()))
}

fn choose_path<R: Runtime>(
    app: &AppHandle<R>,
    file_name: &str,
    kind: FileKind,
) -> Result<Option<PathBuf>, IpcError> {
    // Debug builds only: a release build always asks through the dialog.
    if let Some(dir) =
        std::env::var_os("ROLECRAFT_SAVE_DIR").filter(|d| cfg!(debug_assertions) && !d.is_empty())
    {
        return Ok(Some(PathBuf::from(dir).join(file_name)));
    }
    // The filter takes the last part of a double extension (`fragment.html` → `html`).
    let ext = kind.extension.rsplit('.').next().unwrap_or(kind.extension);
    // Blocking is fine here: export commands are async, so this runs off the main thread.
    let chosen = app
        .dialog()
        .file()
        .set_title("Export")
        .set_file_name(file_name)
        .add_filter(kind.description, &[ext])
        .blocking_save_file();
    chosen
        .map(|p| {
            p.into_path()
                .map_err(|e| IpcError::new(ErrorKind::BadInput, format!("not a local file: {e}")))
        })
        .transpose()
}

/// A file name from a title: `Director of Engineering vs CTO` → `director-of-engineering-vs-cto.md`.
pub fn file_name(stem: &str, kind: impl Into<FileKind>) -> String {
    let slug = rolecraft_core::model::slug(stem);
    let slug = if slug.is_empty() {
        "export".to_string()
    } else {
        slug
    };
    format!("{slug}.{}", kind.into().extension)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_slugs_with_the_format_extension() {
        assert_eq!(
            file_name("Director of Engineering vs CTO", OutputFormat::Html),
            "director-of-engineering-vs-cto.html"
        );
        assert_eq!(file_name("!!", OutputFormat::Markdown), "export.md");
        assert_eq!(
            file_name("CTO Acme", ExportFormat::Fragment),
            "cto-acme.fragment.html"
        );
    }
}
