//! `rolecraft`: the headless CLI over rolecraft-core. Exit codes: 0 ok, 1 bad input, 2 usage.

mod cmd;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use rolecraft_core::data_dir::DataDir;
use rolecraft_core::library::{Library, LibrarySources};

/// `rolecraft jd` spent a quarter of its instructions in glibc's malloc and free (callgrind);
/// mimalloc takes most of that off a run of a few milliseconds.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "rolecraft",
    version,
    about = "Compare roles and draft job descriptions, offline"
)]
struct Cli {
    /// Read roles from this folder of role JSON files instead of the bundled and user libraries.
    #[arg(long, global = true, value_name = "DIR")]
    library: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List the roles in the library.
    Roles(cmd::roles::RolesArgs),
    /// Print one role as Markdown or JSON.
    Show(cmd::show::ShowArgs),
    /// Import documents (ladder pages, SFIA pages, blueprints, Markdown, HTML, role JSON).
    Import(cmd::import::ImportArgs),
    /// Compare 2 to 6 roles side by side (Markdown, JSON or a self-contained HTML page).
    Compare(cmd::compare::CompareArgs),
    /// Draft a job description from a role and a template.
    Jd(cmd::jd::JdArgs),
    /// List the built-in and user templates.
    Templates(cmd::templates::TemplatesArgs),
    /// Check a posting: pay transparency, required fields, wording, spelling, length (exit 1
    /// on an error-severity finding).
    Check(cmd::check::CheckArgs),
    /// The commits that changed a role's file (the library folder inside a git repository).
    History(cmd::history::HistoryArgs),
    /// Write a new role into the library folder, empty or copied from another (--from ID).
    New(cmd::new::NewArgs),
    /// Change a role's facts from a script; saved into the library folder.
    Edit(cmd::edit::EditArgs),
    /// Find roles by words in their titles, tracks, facts and items.
    Search(cmd::search::SearchArgs),
}

/// What a command produced: text for stdout, notes for stderr.
pub struct Output {
    pub stdout: String,
    pub stderr: Vec<String>,
    /// Exit 1 after printing (a check found an error).
    pub failed: bool,
}

impl From<String> for Output {
    fn from(stdout: String) -> Self {
        Output {
            stdout,
            stderr: Vec::new(),
            failed: false,
        }
    }
}

fn open_library(cli_library: &Option<PathBuf>) -> Result<Library, String> {
    let sources = LibrarySources {
        only: cli_library.clone(),
        user_dir: DataDir::from_env().map(|d| d.roles()),
    };
    Library::open(&sources).map_err(|e| e.to_string())
}

/// The folder roles are written to and whose git history is read: `--library DIR`, else the
/// user library.
fn library_dir(cli_library: &Option<PathBuf>) -> Result<PathBuf, String> {
    cli_library
        .clone()
        .or_else(|| DataDir::from_env().map(|d| d.roles()))
        .ok_or_else(|| "no library folder: give --library DIR or set ROLECRAFT_DATA_DIR".into())
}

fn run(cli: Cli) -> Result<Output, String> {
    match cli.command {
        Command::Roles(args) => {
            cmd::roles::run(&open_library(&cli.library)?, &args).map(Output::from)
        }
        Command::Show(args) => {
            cmd::show::run(&open_library(&cli.library)?, &args).map(Output::from)
        }
        Command::Search(args) => {
            cmd::search::run(&open_library(&cli.library)?, &args).map(Output::from)
        }
        Command::Import(args) => cmd::import::run(&args),
        Command::Jd(args) => cmd::jd::run(&open_library(&cli.library)?, &args),
        Command::Check(args) => cmd::check::run(&open_library(&cli.library)?, &args),
        Command::Templates(args) => cmd::templates::run(&args).map(Output::from),
        Command::Compare(args) => cmd::compare::run(
            &open_library(&cli.library)?,
            library_dir(&cli.library).ok().as_deref(),
            &args,
        )
        .map(Output::from),
        Command::History(args) => {
            cmd::history::run(&library_dir(&cli.library)?, &args).map(Output::from)
        }
        Command::New(args) => cmd::new::run(
            &open_library(&cli.library)?,
            &library_dir(&cli.library)?,
            &args,
        )
        .map(Output::from),
        Command::Edit(args) => cmd::edit::run(
            &open_library(&cli.library)?,
            &library_dir(&cli.library)?,
            &args,
        )
        .map(Output::from),
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(out) => {
            for note in &out.stderr {
                eprintln!("{}", for_terminal(note));
            }
            // Text from documents reaches a terminal only with its control characters
            // escaped; piped or redirected output is left byte for byte.
            if std::io::stdout().is_terminal() {
                print!("{}", for_terminal(&out.stdout));
            } else {
                print!("{}", out.stdout);
            }
            if out.failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(message) => {
            eprintln!("rolecraft: {}", for_terminal(&message));
            ExitCode::from(1)
        }
    }
}

/// `text` with control characters (but line feeds and tabs) and bidirectional overrides
/// written as `\u{..}` escapes, so a title cannot move the cursor, recolour the terminal or
/// reorder what is shown.
fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(bad) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if bad(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::for_terminal;

    #[test]
    fn control_characters_are_escaped_for_the_terminal() {
        assert_eq!(for_terminal("VP\tof\nEng"), "VP\tof\nEng");
        assert_eq!(for_terminal("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(for_terminal("x\u{202e}y\r"), "x\\u{202e}y\\u{d}");
    }
}
