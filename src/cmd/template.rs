//! `parindex template`: the self-assessment form for a criteria set, or one for every unit on
//! a units file.

use super::{failure, report};
use anyhow::Context;
use parindex::embedded;
use parindex::forms::{form_paths, write_forms, FormFormat, FormsError};
use parindex::i18n::{units as words, Lang};
use parindex::load::{load_criteria, parse_criteria, Source};
use parindex::model::CriteriaSet;
use parindex::output::write_atomic;
use parindex::template::{relative_path, template, FormFields};
use parindex::units::{Unit, UnitList};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write the self-assessment form (an evidence file to fill in) for a criteria set.
///
/// Every leaf of the criteria set in order, each with
/// its title, max, rule and accepted spelling as a comment, and an empty value. Filled in, it
/// is the unit's self-assessment; untouched, it passes `parindex check` with only
/// missing-value warnings.
///
/// With `--units UNITS`, one form per unit on the units file (one name a line, or a CSV table
/// with a `name` column and optional `code` and `group` columns) is written into the folder
/// `-o` names, each with the unit's name, the period and the set's SHA-256 filled in, named
/// after the unit in ASCII (`UBND xã Đắk Ha` → `ubnd-xa-dak-ha.yaml`). All names are checked
/// before any form is written; existing forms are kept unless `--force`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex template dak-nong-district-2022 -o tu-danh-gia-2022.yaml\n  parindex template criteria/my-province-2025.yaml -o evidence/2025/xa-a.yaml\n  parindex template xa-phuong-2025 --units don-vi.csv --group \"Xã, phường\" --period 2025 -o phieu/xa/"
)]
pub struct Args {
    /// An embedded criteria set's id, or a criteria file.
    criteria: String,
    /// Write to FILE (atomically) instead of standard output; with --units, the folder the
    /// forms go to (made if missing).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file (with --units: the forms) if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// A units file: write one form per unit into the -o folder.
    #[arg(long, value_name = "UNITS", requires = "output")]
    units: Option<PathBuf>,
    /// Only the units of this group (the units file's group column): each kind of unit has
    /// its own criteria set.
    #[arg(long, value_name = "GROUP", requires = "units")]
    group: Option<String>,
    /// The period filled into each form (e.g. 2025).
    #[arg(long, value_name = "PERIOD", requires = "units")]
    period: Option<String>,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // With --units, -o is the forms folder: the form names its criteria file from there.
    let forms_dir = args.units.as_ref().and(args.output.clone());
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
            let from = match (&forms_dir, &args.output) {
                (Some(dir), _) => dir.clone(),
                (None, Some(out)) => out
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
                (None, None) => PathBuf::from("."),
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
    if let (Some(units), Some(dir)) = (&args.units, &forms_dir) {
        return unit_forms(&args, units, dir, &set, &reference);
    }
    let text = template(&set, &reference);
    match &args.output {
        Some(path) => write_atomic(path, &text, args.force).context("the form was not written")?,
        None => out!("{text}"),
    }
    Ok(ExitCode::SUCCESS)
}

/// One form per unit (of `--group`, if given) of the units file, into `dir`.
fn unit_forms(
    args: &Args,
    units: &Path,
    dir: &Path,
    set: &CriteriaSet,
    reference: &str,
) -> anyhow::Result<ExitCode> {
    let lang = args.lang;
    // The period goes into each form's YAML: a line break or an escape would not stay put.
    if let Some(c) = args
        .period
        .as_deref()
        .and_then(|p| p.chars().find(|&c| parindex::diag::is_hidden(c)))
    {
        eprintln!(
            "error: --period holds a control or invisible character ({})",
            parindex::diag::char_name(c)
        );
        return Ok(ExitCode::from(2));
    }
    let list = match UnitList::read(units, lang) {
        Ok((list, warnings)) => {
            report(&warnings);
            list
        }
        Err(d) => {
            report(&d.0);
            return Ok(failure());
        }
    };
    let chosen: Vec<&Unit> = match &args.group {
        None => list.units.iter().collect(),
        Some(group) => {
            let key = parindex::units::unit_key(group);
            let chosen: Vec<&Unit> = list
                .units
                .iter()
                .filter(|u| {
                    u.group
                        .as_deref()
                        .is_some_and(|g| parindex::units::unit_key(g) == key)
                })
                .collect();
            if chosen.is_empty() {
                let d = parindex::diag::Diagnostic::new(
                    parindex::diag::UNKNOWN_GROUP,
                    &list.file,
                    words::unknown_group(lang, group, &list.groups()),
                )
                .help(lang.t(words::UNKNOWN_GROUP_HELP));
                report(&[d]);
                return Ok(failure());
            }
            chosen
        }
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot make the forms folder {}", dir.display()))?;
    let format = FormFormat::Yaml;
    let forms = form_paths(&chosen, dir, format);
    let period = args.period.as_deref().unwrap_or("");
    let written = write_forms(&forms, args.force, |unit| {
        format.render(
            set,
            reference,
            FormFields {
                unit: &unit.name,
                period,
            },
        )
    });
    match written {
        Ok(n) => {
            eprintln!(
                "{}",
                words::forms_written(lang, n, &dir.display().to_string())
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(FormsError::Exist(paths)) => {
            eprintln!(
                "error: {}",
                words::forms_exist(lang, paths.len(), &paths[0].display().to_string())
            );
            Ok(failure())
        }
        Err(FormsError::Render(path, why)) => {
            anyhow::bail!("the form {} could not be made: {why}", path.display())
        }
        Err(FormsError::Write(path, e)) => {
            eprintln!(
                "error: {}",
                words::forms_failed(lang, &path.display().to_string(), &e.to_string())
            );
            Ok(failure())
        }
    }
}
