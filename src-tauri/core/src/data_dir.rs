//! Where the app's own files live: one folder (`$ROLECRAFT_DATA_DIR`, else the OS data
//! folder's `app.rolecraft.desktop`, the folder Tauri's app-data dir names) holding the user's
//! roles, templates and drafts. The shell and the CLI both ask [`DataDir`].

use std::path::{Path, PathBuf};

/// The app's identifier; the data folder is `<OS data dir>/<APP_ID>`.
pub const APP_ID: &str = "app.rolecraft.desktop";

/// The app's data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// A data folder at `root` (tests, `--data-dir`-style use).
    pub fn new(root: impl Into<PathBuf>) -> DataDir {
        DataDir { root: root.into() }
    }

    /// `$ROLECRAFT_DATA_DIR` when set and not empty (tests, portable use), else
    /// `<OS data dir>/app.rolecraft.desktop`; `None` when the OS has no data folder.
    pub fn from_env() -> Option<DataDir> {
        match std::env::var_os("ROLECRAFT_DATA_DIR") {
            Some(dir) if !dir.is_empty() => Some(DataDir::new(dir)),
            _ => dirs::data_dir().map(|d| DataDir::new(d.join(APP_ID))),
        }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The user's library: `<root>/roles` (its roles replace bundled roles of the same id).
    pub fn roles(&self) -> PathBuf {
        self.root.join("roles")
    }

    /// The user's templates: `<root>/templates/*.hbs`.
    pub fn templates(&self) -> PathBuf {
        self.root.join("templates")
    }

    /// The drafts: `<root>/drafts/<id>.json`.
    pub fn drafts(&self) -> PathBuf {
        self.root.join("drafts")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_folder_is_under_the_root() {
        let d = DataDir::new("/data");
        assert_eq!(d.root(), Path::new("/data"));
        assert_eq!(d.roles(), Path::new("/data/roles"));
        assert_eq!(d.templates(), Path::new("/data/templates"));
        assert_eq!(d.drafts(), Path::new("/data/drafts"));
    }
}
