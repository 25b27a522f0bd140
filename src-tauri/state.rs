//! What the app holds while it runs: the library and how it was started.

use std::sync::{OnceLock, RwLock};

use std::path::PathBuf;

use rolecraft_core::checks::Checker;
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::library::{Library, LibrarySources};
use rolecraft_core::render::Renderer;

pub struct AppState {
    pub library: RwLock<Library>,
    /// Templates registered once (built-ins and the user's folder), reused for every render.
    pub renderer: RwLock<Renderer>,
    /// The posting checks, built on first use (the dictionary and rule data take a moment).
    checker: OnceLock<Result<Checker, String>>,
    /// A problem met opening the user's library (the bundled roles are shown regardless).
    pub library_problem: Option<String>,
    /// The view to open first (`--open ROUTE`, e.g. `role/cto`), for screenshots and links.
    pub startup_route: Option<String>,
}

impl AppState {
    /// Opens the bundled library plus the user's folder (`$ROLECRAFT_DATA_DIR/roles` or the OS
    /// data dir). A broken user file does not stop the app: the bundled roles are shown and the
    /// message kept for the UI; imports refuse to run until the file is fixed or set aside
    /// (`import_commands::library_now`), so the fallback never overwrites a user file.
    pub fn open(args: &[String]) -> Self {
        let sources = LibrarySources {
            only: None,
            user_dir: DataDir::from_env().map(|d| d.roles()),
        };
        let (library, library_problem) = match Library::open(&sources) {
            Ok(lib) => (lib, None),
            Err(e) => {
                let fallback = Library::open(&LibrarySources::default()).unwrap_or_default();
                (fallback, Some(e.to_string()))
            }
        };
        let (renderer, _) = load_renderer();
        AppState {
            library: RwLock::new(library),
            renderer: RwLock::new(renderer),
            checker: OnceLock::new(),
            library_problem,
            startup_route: startup_route(args),
        }
    }
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
