//! `parindex schema`: the JSON Schema of both file kinds, for editors.

use std::process::ExitCode;

/// Print a JSON Schema (draft-07) for criteria sets and evidence files.
///
/// Editors whose YAML support uses yaml-language-server (VS Code's YAML extension, and others)
/// then complete keys and underline mistakes while you type. Save the schema beside your files
/// and put this first line in each YAML file:
///
///   # yaml-language-server: $schema=./parindex.schema.json
///
/// The schema catches structure and spelling; `parindex check` remains the authority (codes
/// against parents, sums, values against rules, expectations).
#[derive(clap::Args)]
#[command(after_help = "Example:\n  parindex schema > parindex.schema.json")]
pub struct Args {}

pub fn run(_: Args) -> anyhow::Result<ExitCode> {
    out!("{}", parindex::SCHEMA);
    Ok(ExitCode::SUCCESS)
}
