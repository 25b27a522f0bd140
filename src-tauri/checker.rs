//! The posting checks the app keeps: made on the first check with the user's `checks.json`
//! (in the app-data folder), and made again when that file changes, so that a word added to
//! its dictionary stops being flagged at the next check.

use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::SystemTime;

use rolecraft_core::checks::{CheckError, Checker, ChecksConfig};

#[derive(Default)]
pub struct KeptChecker {
    kept: Mutex<Option<Kept>>,
}

struct Kept {
    stamp: Stamp,
    checker: Arc<Checker>,
}

/// What tells that `checks.json` changed: its modification time and length; `None` when
/// there is no such file (or no app-data folder).
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl KeptChecker {
    /// The checker for `checks.json` in `dir` as the file is now. A broken file is an error
    /// naming it, with line and column; once it is fixed, the next check uses it.
    pub fn get(&self, dir: Option<&Path>) -> Result<Arc<Checker>, CheckError> {
        let stamp = dir.and_then(|d| stamp(&d.join(ChecksConfig::FILE)));
        // Held while a checker is made: checks that come meanwhile wait for it, not make one each.
        let mut kept = self.kept.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(k) = kept.as_ref().filter(|k| k.stamp == stamp) {
            return Ok(k.checker.clone());
        }
        let config = match dir {
            Some(dir) => ChecksConfig::load(dir)?,
            None => ChecksConfig::default(),
        };
        let checker = Arc::new(Checker::with_config(config)?);
        *kept = Some(Kept {
            stamp,
            checker: checker.clone(),
        });
        Ok(checker)
    }
}
