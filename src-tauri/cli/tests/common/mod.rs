//! What the CLI tests share: the repository, running the built `rolecraft`, and its output.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the CLI from the repository with `data` as the app-data folder: its `roles/` is the
/// user library (so an empty folder leaves only the bundled library), its `templates/` the user
/// templates. `SOURCE_DATE_EPOCH` is removed, so a JD's date is today's.
pub fn rolecraft(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolecraft"))
        .args(args)
        .env("ROLECRAFT_DATA_DIR", data)
        .env_remove("SOURCE_DATE_EPOCH")
        .current_dir(repo())
        .output()
        .unwrap()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
