//! `parindex template`: the self-assessment form for a criteria set.

use super::{failure, report};
use anyhow::Context;
use parindex::embedded;
use parindex::form::{write_form, FormFill};
use parindex::i18n::Lang;
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
///
/// With `--format xlsx`, an Excel workbook: a header block naming the criteria set and its
/// SHA-256, one row per criterion with how it is scored, cells for the self-assessment, the
/// appraisal, reasons, notes and evidence documents (drop-down lists for yes/no and labels),
/// and an instructions sheet. Every command that reads evidence reads the filled workbook.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex template dak-nong-district-2022 -o tu-danh-gia-2022.yaml\n  parindex template criteria/my-province-2025.yaml -o evidence/2025/xa-a.yaml\n  parindex template dak-nong-district-2022 --format xlsx --unit \"UBND huyện Krông Nô\" --period 2022 -o phieu.xlsx"
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
    /// `yaml`: an evidence file with comments; `xlsx`: an Excel form (needs -o FILE.xlsx).
    #[arg(long, short = 'f', value_enum, default_value_t = FormFormat::Yaml)]
    format: FormFormat,
    /// The language of the Excel form's words (default: Vietnamese, for the units that fill it in).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// The unit's name, written into the Excel form.
    #[arg(long, value_name = "NAME")]
    unit: Option<String>,
    /// The assessed period, written into the Excel form.
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormFormat {
    Yaml,
    Xlsx,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.format == FormFormat::Xlsx && args.output.is_none() {
        eprintln!("error: --format xlsx writes a workbook: give -o FILE.xlsx");
        return Ok(ExitCode::from(2));
    }
    if args.format == FormFormat::Yaml && (args.unit.is_some() || args.period.is_some()) {
        eprintln!("error: --unit and --period fill in the Excel form: add --format xlsx");
        return Ok(ExitCode::from(2));
    }
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
            report(&d.0, super::default_lang());
            return Ok(failure());
        }
    };
    if args.format == FormFormat::Xlsx {
        let fill = FormFill {
            unit: args.unit.as_deref(),
            period: args.period.as_deref(),
            evidence: None,
            lang: args.lang.unwrap_or(Lang::Vi),
        };
        let bytes = write_form(&set, &reference, &fill).context("the form could not be built")?;
        if let Some(path) = &args.output {
            write_atomic(path, bytes, args.force).context("the form was not written")?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text = template(&set, &reference);
    match &args.output {
        Some(path) => write_atomic(path, &text, args.force).context("the form was not written")?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}
