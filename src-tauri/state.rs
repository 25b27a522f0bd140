//! What the app holds while it runs: the library, the folder it reads user roles from, and how
//! it was started.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock, RwLock};

use rolecraft_core::checks::Checker;
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::library::{Library, LibrarySources};
use rolecraft_core::render::Renderer;

use crate::settings::Settings;
use crate::watch::Watch;

pub struct AppState {
    pub library: RwLock<Library>,
    /// Templates registered once (built-ins and the user's folder), reused for every render.
    pub renderer: RwLock<Renderer>,
    /// The posting checks, built on first use (the dictionary and rule data take a moment).
    checker: OnceLock<Result<Checker, String>>,
    /// A problem met opening the user's library (the bundled roles are shown regardless).
    pub library_problem: RwLock<Option<String>>,
    /// The view to open first (`--open ROUTE`, e.g. `role/cto`), for screenshots and links.
    pub startup_route: Option<String>,
    /// The user library folder: chosen in the app (remembered in settings.json), else
    /// `<app data>/roles`.
    library_dir: RwLock<Option<PathBuf>>,
    /// The watch on `library_dir` (see `watch.rs`).
    pub watch: Mutex<Option<Watch>>,
}

impl AppState {
    /// Opens the bundled library plus the user's folder (the one chosen in the app, else
    /// `$ROLECRAFT_DATA_DIR/roles` or the OS data dir). A broken user file does not stop the
    /// app: it is left out, the rest is shown and the message kept for the UI; imports refuse
    /// to run until the file is fixed or set aside (`import_commands::library_now`), so the
    /// library shown never overwrites a user file.
    pub fn open(args: &[String]) -> Self {
        let library_dir = Settings::load().library_dir();
        let (library, library_problem) = open_library(library_dir.clone());
        let (renderer, _) = load_renderer();
        AppState {
            library: RwLock::new(library),
            renderer: RwLock::new(renderer),
            checker: OnceLock::new(),
            library_problem: RwLock::new(library_problem),
            startup_route: startup_route(args),
            library_dir: RwLock::new(library_dir),
            watch: Mutex::new(None),
        }
    }

    /// The user library folder.
    pub fn library_dir(&self) -> Option<PathBuf> {
        self.library_dir
            .read()
            .map(|d| d.clone())
            .unwrap_or_else(|poisoned| poisoned.into_inner().clone())
    }

    /// Reads the library again (from `dir` from now on, when given); returns the ids of the
    /// roles that changed.
    pub fn reload_from(&self, dir: Option<PathBuf>) -> Result<Vec<String>, String> {
        if let Some(dir) = dir {
            *self.library_dir.write().map_err(|_| "poisoned lock")? = Some(dir);
        }
        let (library, problem) = open_library(self.library_dir());
        let mut held = self.library.write().map_err(|_| "poisoned lock")?;
        let ids = library.changed_since(&held);
        *held = library;
        *self.library_problem.write().map_err(|_| "poisoned lock")? = problem;
        Ok(ids)
    }

    pub fn reload(&self) -> Result<Vec<String>, String> {
        self.reload_from(None)
    }
}

fn open_library(user_dir: Option<PathBuf>) -> (Library, Option<String>) {
    let sources = LibrarySources {
        only: None,
        user_dir,
    };
    // A broken user file is left out and named; the rest of the library still shows.
    let (library, problems) = Library::open_lenient(&sources);
    let problem = (!problems.is_empty()).then(|| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    });
    (library, problem)
}

impl AppState {
    /// The posting checks; an error when their bundled data does not load.
    pub fn checker(&self) -> Result<&Checker, String> {
        self.checker
            .get_or_init(|| Checker::new().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// `<data dir>/templates`, where user templates go.
pub fn templates_dir() -> Option<PathBuf> {
    DataDir::from_env().map(|d| d.templates())
}

/// The renderer with the built-in templates and the user's folder (a broken user template is
/// listed with its error; only an unreadable folder fails).
pub fn load_renderer() -> (Renderer, Option<String>) {
    match templates_dir().filter(|d| d.is_dir()) {
        Some(dir) => match Renderer::with_user_templates(&dir) {
            Ok(r) => (r, None),
            Err(e) => (Renderer::new(), Some(e.to_string())),
        },
        None => (Renderer::new(), None),
    }
}

fn startup_route(args: &[String]) -> Option<String> {
    let pos = args.iter().position(|a| a == "--open")?;
    args.get(pos + 1).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_open_argument() {
        let args: Vec<String> = ["app", "--open", "role/cto"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(startup_route(&args).as_deref(), Some("role/cto"));
        assert_eq!(startup_route(&args[..1]), None);
    }
}
