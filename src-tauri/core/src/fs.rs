//! Files, for every layer that reads or saves (library, drafts, templates, exports):
//!
//! - [`read_capped`]: only regular files (a FIFO, a device or a symlink to `/dev/zero` is
//!   refused before it is read), and never more than a limit of bytes *actually read*.
//! - [`write_atomic`] / [`write_all_atomic`]: a temp file created with `create_new` under a
//!   random name (`.rolecraft-XXXXXX.tmp`) in the target's folder, locked while it is being
//!   written, given the permissions of the file it replaces, fsynced, renamed over the target,
//!   then the folder fsynced. A crash leaves the old file or the new one, never a mix.
//! - [`remove_stale_temps`]: temp files left by a crash (not locked by a live writer) are
//!   removed; the library and the drafts folder call it when they open, an export before it
//!   writes.
//! - [`FolderLock`]: one writer at a time per folder (an advisory lock on `.rolecraft.lock`).

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The start and end of every temp file name Rolecraft writes.
pub const TEMP_PREFIX: &str = ".rolecraft-";
pub const TEMP_SUFFIX: &str = ".tmp";
/// The lock file in a folder Rolecraft writes to.
pub const LOCK_FILE: &str = ".rolecraft.lock";

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a regular file (a folder, FIFO, socket or device)")]
    NotRegular,
    #[error("{size} bytes or more is over the {limit}-byte limit")]
    TooLarge { size: u64, limit: u64 },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Checked before opening: opening a FIFO for reading blocks until a writer comes.
    if !std::fs::metadata(path)?.is_file() {
        return Err(ReadError::NotRegular);
    }
    let file = File::open(path)?;
    // And again on what was opened, in case the path changed in between.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// A temp file written and synced next to its target, not yet renamed over it. Dropping it
/// removes the temp file.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a new temp file in `path`'s folder (see the module documentation).
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<Staged> {
    let dir = folder_of(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    // Locked while it is written: `remove_stale_temps` leaves a locked temp alone.
    let _ = tmp.as_file().try_lock();
    if let Ok(meta) = std::fs::symlink_metadata(path) {
        if meta.is_file() {
            tmp.as_file().set_permissions(meta.permissions())?;
        }
    }
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(Staged {
        tmp,
        target: path.to_path_buf(),
    })
}

impl Staged {
    /// Renames the temp file over the target and makes the rename durable.
    pub fn commit(self) -> std::io::Result<()> {
        let dir = folder_of(&self.target).to_path_buf();
        self.tmp.persist(&self.target).map_err(|e| e.error)?;
        // Make the rename itself durable (not supported on every platform).
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// Replaces `path` with `bytes` atomically (first removing the temp files earlier crashes
/// left in its folder).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    remove_stale_temps(folder_of(path));
    stage(path, bytes)?.commit()
}

/// Writes several files all or nothing as far as a file system allows: every temp file is
/// written and synced first (any failure removes them all and leaves every target as it
/// was), then they are renamed one after the other. The window left: a crash or an error
/// *between two renames* leaves the earlier targets new and the later ones old (each file
/// still whole; the later temp files are removed on the next start).
pub fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> std::io::Result<()> {
    let staged = files
        .iter()
        .map(|(path, bytes)| stage(path, bytes))
        .collect::<std::io::Result<Vec<_>>>()?;
    for s in staged {
        s.commit()?;
    }
    Ok(())
}

/// Whether `name` is a temp file name Rolecraft writes (or wrote before: `.NAME.PID.tmp`).
pub fn is_temp_name(name: &str) -> bool {
    if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
        return true;
    }
    // Earlier versions: `.<file name>.<pid>.tmp`.
    name.strip_prefix('.')
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
        .and_then(|n| n.rsplit_once('.'))
        .is_some_and(|(file, pid)| {
            file.ends_with(".json") && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Removes the temp files of earlier crashes in `dir`: Rolecraft temp names that no live
/// writer holds locked. Returns how many were removed; a missing folder is none.
pub fn remove_stale_temps(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !is_temp_name(name) || !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if file.try_lock().is_ok() && std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Held while one process writes to a folder; released when dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    pub path: PathBuf,
}

/// Why a folder could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("{path}: another Rolecraft (the app or the CLI) is changing this folder; try again when it is done")]
    Busy { path: String },
    #[error("{path}: cannot lock: {reason}")]
    Io { path: String, reason: String },
}

impl FolderLock {
    /// Locks `dir` (created if missing), waiting up to `wait` for another writer to finish.
    pub fn acquire(dir: &Path, wait: Duration) -> Result<FolderLock, LockError> {
        let path = dir.join(LOCK_FILE);
        let io = |e: std::io::Error| LockError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(FolderLock { _file: file, path }),
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(LockError::Busy {
                        path: dir.display().to_string(),
                    })
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(io(e)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temp_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let err = write_atomic(Path::new("/nonexistent-dir-xyz/a.json"), b"x").unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::NotFound);
    }

    #[cfg(unix)]
    #[test]
    fn the_replaced_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_target_is_replaced_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim.json");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("a.json");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn a_failed_batch_writes_nothing_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, "old").unwrap();
        let files = vec![
            (a.clone(), b"new".to_vec()),
            (dir.path().join("missing/b.json"), b"x".to_vec()),
        ];
        assert!(write_all_atomic(&files).is_err());
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temps_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".rolecraft-abc123.tmp"), "x").unwrap();
        std::fs::write(dir.path().join(".cto.json.4242.tmp"), "x").unwrap();
        std::fs::write(dir.path().join("cto.json"), "{}").unwrap();
        std::fs::write(dir.path().join(".hidden.tmp"), "not ours").unwrap();
        let live = stage(&dir.path().join("b.json"), b"in progress").unwrap();
        assert_eq!(remove_stale_temps(dir.path()), 2);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left.len(), 3, "{left:?}");
        assert!(left.contains(&"cto.json".to_string()));
        assert!(left.contains(&".hidden.tmp".to_string()));
        live.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("b.json")).unwrap(),
            "in progress"
        );
    }

    #[cfg(unix)]
    #[test]
    fn fifos_devices_and_oversized_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let zero = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        assert!(matches!(
            read_capped(&zero, 100),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(
            read_capped(dir.path(), 100),
            Err(ReadError::NotRegular)
        ));
        let big = dir.path().join("big.md");
        std::fs::write(&big, vec![b'a'; 101]).unwrap();
        assert!(matches!(
            read_capped(&big, 100),
            Err(ReadError::TooLarge { .. })
        ));
        assert_eq!(read_capped(&big, 101).unwrap().len(), 101);
    }

    #[test]
    fn a_second_writer_waits_then_gives_up() {
        let dir = tempfile::tempdir().unwrap();
        let held = FolderLock::acquire(dir.path(), Duration::ZERO).unwrap();
        let err = FolderLock::acquire(dir.path(), Duration::from_millis(60)).unwrap_err();
        assert!(err.to_string().contains("another Rolecraft"), "{err}");
        drop(held);
        assert!(FolderLock::acquire(dir.path(), Duration::ZERO).is_ok());
    }
}
