//! The `parindex` command line: a thin layer over the library.
//!
//! Exit codes (as ripgrep's): 0 success, 1 bad input or findings (an invalid file, a failed
//! expectation), 2 a wrong command line (clap's own exit code for usage errors, and an `-o`
//! the run may not write: an existing file without `--force`, or a file it reads).

/// `print!` to standard output, ending quietly when the reader has gone (`parindex … | head`).
macro_rules! out {
    ($($arg:tt)*) => { $crate::cmd::write_stdout(format!($($arg)*).as_bytes()) };
}

/// `println!` to standard output, ending quietly when the reader has gone.
macro_rules! outln {
    () => { $crate::cmd::write_stdout(b"\n") };
    ($($arg:tt)*) => { $crate::cmd::write_stdout(format!("{}\n", format_args!($($arg)*)).as_bytes()) };
}

mod cmd;

use clap::{CommandFactory, Parser, Subcommand};
use std::process::ExitCode;

/// Exact, explainable scorecards for Vietnam's Public Administration Reform index
/// (Chỉ số cải cách hành chính, "PAR index").
#[derive(Parser)]
#[command(name = "parindex", version, propagate_version = true)]
#[command(
    after_help = "Try: parindex score examples/krong-no-2022.yaml\n\nExit codes: 0 success, 1 invalid input or failed expectations, 2 usage error (including -o over an existing file without --force, or over an input)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Score(cmd::score::Args),
    Check(cmd::check::Args),
    Diff(cmd::diff::Args),
    Rank(cmd::rank::Args),
    Losses(cmd::losses::Args),
    Report(cmd::report::Args),
    Explain(cmd::explain::Args),
    Whatif(cmd::whatif::Args),
    Template(cmd::template::Args),
    Convert(cmd::convert::Args),
    Criteria(cmd::criteria::Args),
    Schema(cmd::schema::Args),
    Completions(cmd::completions::CompletionsArgs),
    Man(cmd::completions::ManArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Score(args) => cmd::score::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Diff(args) => cmd::diff::run(args),
        Command::Rank(args) => cmd::rank::run(args),
        Command::Losses(args) => cmd::losses::run(args),
        Command::Report(args) => cmd::report::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Whatif(args) => cmd::whatif::run(args),
        Command::Template(args) => cmd::template::run(args),
        Command::Convert(args) => cmd::convert::run(args),
        Command::Criteria(args) => cmd::criteria::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Completions(args) => cmd::completions::completions(args, Cli::command()),
        Command::Man(args) => cmd::completions::man(args, Cli::command()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            let lang = cmd::language_of(&e);
            eprintln!("{}: {e:#}", lang.t(parindex::i18n::diag::ERROR));
            // An -o the run may not write to is a wrong command line, not bad input.
            let usage = e.chain().any(|c| {
                c.downcast_ref::<parindex::output::WriteError>()
                    .is_some_and(parindex::output::WriteError::is_usage)
                    || c.downcast_ref::<cmd::Failed>().is_some_and(|f| f.usage)
            });
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

// glibc's allocator spends a quarter of `rank`'s time on the many small strings and vectors of
// ten thousand parses on two threads; mimalloc halves that (measured in benches/rank.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
