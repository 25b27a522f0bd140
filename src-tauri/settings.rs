//! The app's small settings file, `<app data>/settings.json`: the library folder the user chose
//! (a team's checked-out repository, say). Absent or unreadable: the default user library.

use std::path::{Path, PathBuf};

use rolecraft_core::data_dir::DataDir;
use rolecraft_core::fs::write_atomic;
use serde::{Deserialize, Serialize};

#[derive(Debug, Default, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// The folder user roles are read from and saved to.
    pub library_dir: Option<PathBuf>,
}

fn settings_file() -> Option<PathBuf> {
    DataDir::from_env().map(|d| d.root().join("settings.json"))
}

impl Settings {
    /// The saved settings; defaults when there is no file or it cannot be read.
    pub fn load() -> Self {
        settings_file()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the settings atomically into the app-data folder.
    pub fn save(&self) -> Result<(), String> {
        let file = settings_file().ok_or("no data folder: set ROLECRAFT_DATA_DIR or HOME")?;
        let dir = file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let json = serde_json::to_string_pretty(self).map_err(|e| e.to_string())? + "\n";
        write_atomic(&file, json.as_bytes()).map_err(|e| format!("{}: {e}", file.display()))
    }

    /// The library folder: the chosen one, else `<app data>/roles`.
    pub fn library_dir(&self) -> Option<PathBuf> {
        self.library_dir
            .clone()
            .or_else(|| DataDir::from_env().map(|d| d.roles()))
    }
}
