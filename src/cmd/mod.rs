//! One module per subcommand, each with its own help text.

pub mod check;
pub mod criteria;
pub mod diff;
pub mod losses;
pub mod rank;
pub mod report;
pub mod schema;
pub mod score;

use parindex::diag::{Diagnostic, Severity};
use std::io::IsTerminal;
use std::process::ExitCode;

/// Exit code for invalid input and failed checks.
pub const FAILURE: u8 = 1;

/// Prints diagnostics to stderr, one block each, and returns how many were errors.
pub fn report(diagnostics: &[Diagnostic]) -> usize {
    for d in diagnostics {
        eprintln!("{d}\n");
    }
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// Whether stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
pub fn use_color() -> bool {
    stdout_is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn failure() -> ExitCode {
    ExitCode::from(FAILURE)
}
