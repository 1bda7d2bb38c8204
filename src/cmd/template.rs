//! `parindex template`: the self-assessment form for a criteria set.

use super::{failure, report};
use anyhow::Context;
use parindex::embedded;
use parindex::load::{load_criteria, parse_criteria, Source};
use parindex::output::write_atomic;
use parindex::template::{relative_path, template};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write the self-assessment form (an evidence file to fill in) for a criteria set.
///
/// Every leaf of the criteria set in order, each with
/// its title, max, rule and accepted spelling as a comment, and an empty value. Filled in, it
/// is the unit's self-assessment; untouched, it passes `parindex check` with only
/// missing-value warnings.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex template dak-nong-district-2022 -o tu-danh-gia-2022.yaml\n  parindex template criteria/my-province-2025.yaml -o evidence/2025/xa-a.yaml"
)]
pub struct Args {
    /// An embedded criteria set's id, or a criteria file.
    criteria: String,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    // `--lang` sets the comments' language; the form's keys stay as the format writes them.
    #[command(flatten)]
    lang: super::LangFlag,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (loaded, reference) = match embedded::find(&args.criteria) {
        Some(text) => (
            parse_criteria(&Source::from_text(
                format!("embedded:{}", args.criteria),
                text.to_string(),
            )),
            args.criteria.clone(),
        ),
        None => {
            let path = Path::new(&args.criteria);
            // The form names its criteria file relative to where the form is written.
            let from = match &args.output {
                Some(out) => out
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
                None => PathBuf::from("."),
            };
            // Printed rather than written, the form's place is unknown: it names the set by
            // its absolute path, which holds wherever the form is saved.
            let reference = match &args.output {
                Some(_) => relative_path(path, &from).display().to_string(),
                None => std::path::absolute(path)
                    .unwrap_or_else(|_| path.to_path_buf())
                    .display()
                    .to_string(),
            };
            (load_criteria(path), reference)
        }
    };
    let set = match loaded {
        Ok((set, _)) => set,
        Err(d) => {
            report(&d.0);
            return Ok(failure());
        }
    };
    let text = template(&set, &reference, args.lang.lang);
    match &args.output {
        Some(path) => write_atomic(path, &text, args.force).context("the form was not written")?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
