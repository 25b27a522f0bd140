//! What the app holds while it runs: the library, the folder it reads user roles from, and how
//! it was started.

use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, RwLock};

use rolecraft_core::checks::Checker;
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::library::{Library, LibrarySources};
use rolecraft_core::render::Renderer;

use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::checker::KeptChecker;
use crate::error::{ErrorKind, IpcError};
use crate::settings::Settings;
use crate::watch::{watch_folder, Change, LibraryChanged, Watch, LIBRARY_CHANGED};

pub struct AppState {
    /// Read on a thread of its own at start (see `open`); `library()` waits for it.
    library: Arc<Opening>,
    /// Templates registered once (built-ins and the user's folder), reused for every render.
    pub renderer: RwLock<Renderer>,
    /// The posting checks, built on first use (the dictionary and rule data take a moment)
    /// and again when the user's `checks.json` changes.
    checker: KeptChecker,
    /// A problem met opening the user's library (the bundled roles are shown regardless).
    pub library_problem: Arc<RwLock<Option<String>>>,
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
    ///
    /// The roles are read on a thread of their own, so the window shows at once: reading
    /// 10,000 role files from a cold disk can take seconds. Whatever needs the library waits
    /// for that read (`library()`); the page asks for it off the main thread (`list_roles`).
    pub fn open(args: &[String]) -> Self {
        let library_dir = Settings::load().library_dir();
        let library = Arc::new(Opening::default());
        let library_problem = Arc::new(RwLock::new(None));
        let (opening, problem_slot, dir) = (
            library.clone(),
            library_problem.clone(),
            library_dir.clone(),
        );
        let started = std::thread::Builder::new()
            .name("rolecraft-open".into())
            .spawn(move || {
                // Whatever happens, waiters must wake: a panic reads as an empty library.
                let (read, problem) = std::panic::catch_unwind(|| open_library(dir))
                    .unwrap_or_else(|_| {
                        (
                            Library::default(),
                            Some("The library could not be read.".into()),
                        )
                    });
                if let Ok(mut slot) = problem_slot.write() {
                    *slot = problem;
                }
                opening.finish(read);
            });
        if started.is_err() {
            // No thread to spare: read here, as before.
            let (read, problem) = open_library(library_dir.clone());
            if let Ok(mut slot) = library_problem.write() {
                *slot = problem;
            }
            library.finish(read);
        }
        let (renderer, _) = load_renderer();
        AppState {
            library,
            renderer: RwLock::new(renderer),
            checker: KeptChecker::default(),
            library_problem,
            startup_route: startup_route(args),
            library_dir: RwLock::new(library_dir),
            watch: Mutex::new(None),
        }
    }

    /// The library, once the first read has finished (it waits for it).
    pub fn library(&self) -> &RwLock<Library> {
        self.library.wait()
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
        let mut held = self.library().write().map_err(|_| "poisoned lock")?;
        let ids = library.changed_since(&held);
        *held = library;
        *self.library_problem.write().map_err(|_| "poisoned lock")? = problem;
        Ok(ids)
    }

    pub fn reload(&self) -> Result<Vec<String>, String> {
        self.reload_from(None)
    }

    /// Reads the files `paths` of the library folder again, not the whole folder (see
    /// `Library::reread`); the whole library when one cannot be read (so it is left out and
    /// named) or a problem is already shown. Returns the ids that changed.
    pub fn reread(&self, paths: &[PathBuf]) -> Result<Vec<String>, String> {
        let Some(dir) = self.library_dir() else {
            return self.reload();
        };
        let problem_shown = self.library_problem.read().map_or(true, |p| p.is_some());
        if !problem_shown {
            let mut held = self.library().write().map_err(|_| "poisoned lock")?;
            if let Ok(ids) = held.reread(&dir, paths) {
                return Ok(ids);
            }
        }
        self.reload()
    }

    /// Reads again the files that hold, or now may hold, the roles `ids`: after the app saved,
    /// created or deleted them.
    pub fn reread_roles(&self, ids: &[&str]) -> Result<Vec<String>, String> {
        let Some(dir) = self.library_dir() else {
            return self.reload();
        };
        let mut paths: Vec<PathBuf> = ids
            .iter()
            .map(|id| dir.join(format!("{id}.json")))
            .collect();
        if let Ok(library) = self.library().read() {
            paths.extend(
                ids.iter()
                    .filter_map(|id| library.file_of(id).map(PathBuf::from)),
            );
        }
        self.reread(&paths)
    }
}

/// The library, empty until its first read finishes; then `done` is set and waiters wake.
#[derive(Default)]
struct Opening {
    library: RwLock<Library>,
    done: Mutex<bool>,
    finished: Condvar,
}

impl Opening {
    fn finish(&self, read: Library) {
        match self.library.write() {
            Ok(mut held) => *held = read,
            Err(poisoned) => *poisoned.into_inner() = read,
        }
        let mut done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        *done = true;
        self.finished.notify_all();
    }

    fn wait(&self) -> &RwLock<Library> {
        let mut done = self.done.lock().unwrap_or_else(|p| p.into_inner());
        while !*done {
            done = self.finished.wait(done).unwrap_or_else(|p| p.into_inner());
        }
        &self.library
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
    /// The posting checks with the user's `checks.json` (app-data folder) applied; an error
    /// naming that file when it does not load.
    pub fn checker(&self) -> Result<Arc<Checker>, IpcError> {
        let dir = DataDir::from_env();
        Ok(self.checker.get(dir.as_ref().map(DataDir::root))?)
    }
}

/// Runs `work` with the app's state on a blocking thread: reading the library (which may
/// still be opening), rendering and checking never hold the main thread.
pub async fn off_main<R: Runtime, T: Send + 'static>(
    app: &AppHandle<R>,
    what: &str,
    work: impl FnOnce(&AppState) -> Result<T, IpcError> + Send + 'static,
) -> Result<T, IpcError> {
    let app = app.clone();
    tauri::async_runtime::spawn_blocking(move || work(&app.state::<AppState>()))
        .await
        .map_err(|e| IpcError::new(ErrorKind::Internal, format!("{what} stopped: {e}")))?
}

/// Watches the library folder: roles changed on disk are read again and the page is told
/// which (`library-changed`). Replaces the watch on the folder read before.
pub fn watch_library<R: Runtime>(app: &AppHandle<R>) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let Some(dir) = state.library_dir() else {
        return;
    };
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let handle = app.clone();
    let watch = watch_folder(&dir, move |change| {
        if let Some(state) = handle.try_state::<AppState>() {
            let read = match change {
                Change::Files(paths) => state.reread(&paths),
                Change::Unknown => state.reload(),
            };
            if let Ok(ids) = read {
                if !ids.is_empty() {
                    let _ = handle.emit(LIBRARY_CHANGED, LibraryChanged { ids });
                }
            }
            // A change that moved roles drops the search index: build it here, on the
            // watcher's thread, rather than in the next search.
            if let Ok(library) = state.library().read() {
                library.search_index();
            }
        }
    });
    let mut slot = state
        .watch
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    *slot = watch.ok();
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
    fn readers_wait_for_the_first_read_of_the_library() {
        let opening = Arc::new(Opening::default());
        let writer = opening.clone();
        let reader = std::thread::spawn(move || {
            let library = opening.wait().read().unwrap();
            library.ids().map(str::to_string).collect::<Vec<_>>()
        });
        std::thread::sleep(std::time::Duration::from_millis(50));
        let read = Library::from_roles(vec![rolecraft_core::model::Role::empty(
            "cto".into(),
            "CTO".into(),
        )]);
        writer.finish(read);
        assert_eq!(reader.join().unwrap(), vec!["cto".to_string()]);
    }

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
