//! `parindex convert`: an Excel form to its evidence file, and an evidence file to a form.

use super::{failure, report};
use parindex::embedded;
use parindex::form::{evidence_yaml, write_form, FormFill};
use parindex::i18n::{cli, Lang};
use parindex::load::{is_xlsx, load_criteria, parse_evidence, CriteriaResolver, Source};
use parindex::template::relative_path;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Turn a filled Excel form into its evidence file (YAML), or an evidence file into a form.
///
/// The direction follows the input's extension: a `.xlsx` form becomes YAML (printed, or
/// written with -o), so that the YAML file stays the record kept in git; an evidence file
/// becomes a form with its values, appraisals, reasons, notes and documents filled in
/// (-o FILE.xlsx). Either way the input is checked first, as `parindex check` would, and an
/// input with errors is not converted. `expect:` is not carried into a form.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex convert phieu-krong-no.xlsx -o evidence/krong-no-2022.yaml\n  parindex convert examples/krong-no-2022.yaml -o phieu-krong-no.xlsx"
)]
pub struct Args {
    /// A filled form (`.xlsx`), or an evidence file (`.yaml`).
    input: PathBuf,
    /// Read the input with this criteria set file instead of the one it names.
    #[arg(long, value_name = "FILE")]
    criteria: Option<PathBuf>,
    /// Write to FILE (atomically); a form must be written to a file.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// The language of the form's words (default: Vietnamese) and of the messages (default:
    /// PARINDEX_LANG, else a vi_* locale, else en).
    #[arg(long, value_enum)]
    lang: Option<Lang>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Messages in the language asked for, else the environment's; the form's words are
    // Vietnamese unless `--lang en` (the form is filled in by units).
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let to_form = !is_xlsx(&args.input);
    match (&args.output, to_form) {
        (None, true) => {
            eprintln!("{}", cli::convert_needs_file(lang));
            return Ok(ExitCode::from(2));
        }
        (Some(out), true) if !is_xlsx(out) => {
            eprintln!("{}", cli::convert_needs_xlsx(lang));
            return Ok(ExitCode::from(2));
        }
        (Some(out), false) if is_xlsx(out) => {
            eprintln!("{}", cli::convert_needs_yaml(lang));
            return Ok(ExitCode::from(2));
        }
        _ => {}
    }
    let resolver = match &args.criteria {
        Some(path) => match load_criteria(path) {
            Ok((set, _)) => CriteriaResolver::forced(set),
            Err(d) => {
                report(&d.0, lang);
                return Ok(failure());
            }
        },
        None => CriteriaResolver::new(),
    };
    let source = match Source::read(&args.input) {
        Ok(s) => s,
        Err(d) => {
            report(&d.0, lang);
            return Ok(failure());
        }
    };
    let base = args
        .input
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (evidence, set, warnings) = match parse_evidence(&source, base, &resolver) {
        Ok(found) => found,
        Err(d) => {
            report(&d.0, lang);
            return Ok(failure());
        }
    };
    report(&warnings, lang);
    // A criteria path is relative to the file that names it: rewritten for where the output
    // is written (an embedded id, or an absolute path, stays as it is). With `--criteria`, the
    // output names that set, the one it was read with.
    let out_dir = args
        .output
        .as_deref()
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Printed rather than written, the output's place is unknown: it names the set by its
    // absolute path, as `template` does.
    let from_output = |set_path: &Path| match &args.output {
        Some(_) => relative_path(set_path, out_dir).display().to_string(),
        None => set_path
            .canonicalize()
            .or_else(|_| std::path::absolute(set_path))
            .unwrap_or_else(|_| set_path.to_path_buf())
            .display()
            .to_string(),
    };
    let reference = match (&args.criteria, embedded::find(&evidence.criteria_ref)) {
        (Some(set_path), _) => from_output(set_path),
        (None, None) if Path::new(&evidence.criteria_ref).is_relative() => {
            from_output(&base.join(&evidence.criteria_ref))
        }
        _ => evidence.criteria_ref.clone(),
    };
    let bytes = if to_form {
        let fill = FormFill {
            evidence: Some(&evidence),
            lang: args.lang.unwrap_or(Lang::Vi),
            ..FormFill::default()
        };
        write_form(&set, &reference, &fill)
            .map_err(|e| super::failed(lang, cli::FORM_NOT_BUILT, e))?
    } else {
        evidence_yaml(&set, &evidence, &reference).into_bytes()
    };
    super::write_output(
        args.output.as_deref(),
        bytes,
        args.force,
        lang,
        cli::OUTPUT_NOT_WRITTEN,
    )?;
    Ok(ExitCode::SUCCESS)
}
