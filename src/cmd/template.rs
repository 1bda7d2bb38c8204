//! `parindex template`: the self-assessment form for a criteria set, or one for every unit on
//! a units file.

use super::{failure, report};
use parindex::embedded;
use parindex::i18n::{cli, units as words, Lang};
use parindex::load::{load_criteria, parse_criteria, Source};
use parindex::model::CriteriaSet;
use parindex::output::write_atomic;
use parindex::template::{form, relative_path, FormFields};
use parindex::unit_forms::{form_paths, write_forms, FormFormat, FormsError};
use parindex::units::{Unit, UnitList};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write the self-assessment form (an evidence file to fill in) for a criteria set.
///
/// Every leaf of the criteria set in order, each with
/// its title, max, rule and accepted spelling as a comment, and an empty value. Filled in, it
/// is the unit's self-assessment; untouched, it passes `parindex check` with only warnings:
/// leaves without a value (W201) and, unless `--unit` named it, the blank unit name (W205).
///
/// With `--format xlsx`, an Excel workbook: a header block naming the criteria set and its
/// SHA-256, one row per criterion with how it is scored, cells for the self-assessment, the
/// appraisal, reasons, notes and evidence documents (drop-down lists for yes/no and labels),
/// and an instructions sheet. Every command that reads evidence reads the filled workbook.
///
/// With `--units UNITS`, one form per unit on the units file (one name a line, or a CSV table
/// with a `name` column and optional `code` and `group` columns) is written into the folder
/// `-o` names, each with the unit's name, the period and the set's SHA-256 filled in, named
/// after the unit in ASCII (`UBND xã Đắk Ha` → `ubnd-xa-dak-ha.yaml`). All names are checked
/// before any form is written; existing forms are kept unless `--force`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex template dak-nong-district-2022 -o tu-danh-gia-2022.yaml\n  parindex template criteria/my-province-2025.yaml -o evidence/2025/xa-a.yaml\n  parindex template dak-nong-district-2022 --format xlsx --unit \"UBND huyện Krông Nô\" --period 2022 -o phieu.xlsx\n  parindex template xa-phuong-2025 --units don-vi.csv --group \"Xã, phường\" --period 2025 -o phieu/xa/\n  parindex template xa-phuong-2025 --units don-vi.csv --group \"Xã, phường\" --period 2025 --format xlsx -o phieu/xa/"
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
    /// `yaml`: an evidence file with comments; `xlsx`: an Excel form (needs -o).
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Yaml)]
    format: FormatArg,
    /// The language of the form's words and of the messages. Default: PARINDEX_LANG, else a
    /// vi_* locale, else en; the Excel form, which units fill in, is Vietnamese unless
    /// `--lang en`.
    #[arg(long, value_enum)]
    lang: Option<Lang>,
    /// The unit's name, filled into the form.
    #[arg(long, value_name = "NAME", conflicts_with = "units")]
    unit: Option<String>,
    /// The assessed period (e.g. 2025), filled into the form (with --units, into each form).
    #[arg(long, value_name = "PERIOD")]
    period: Option<String>,
    /// A units file: write one form per unit into the -o folder.
    #[arg(long, value_name = "UNITS", requires = "output")]
    units: Option<PathBuf>,
    /// Only the units of this group (the units file's group column): each kind of unit has
    /// its own criteria set.
    #[arg(long, value_name = "GROUP", requires = "units")]
    group: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatArg {
    Yaml,
    Xlsx,
}

impl Args {
    /// The form written: YAML, or the Excel form in the language asked for.
    fn form_format(&self) -> FormFormat {
        match self.format {
            FormatArg::Yaml => FormFormat::Yaml(self.message_lang()),
            FormatArg::Xlsx => FormFormat::Xlsx(self.lang.unwrap_or(Lang::Vi)),
        }
    }

    /// The language of messages.
    fn message_lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.format == FormatArg::Xlsx && args.output.is_none() {
        eprintln!("{}", cli::xlsx_needs_file(args.message_lang()));
        return Ok(ExitCode::from(2));
    }
    // A form named for the other format would be read as it is named (a workbook named
    // `.yaml` as evidence); with --units, -o is a folder.
    if let (None, Some(path)) = (&args.units, &args.output) {
        let (own, name): (&[&str], _) = match args.format {
            FormatArg::Yaml => (&["yaml", "yml"], "yaml"),
            FormatArg::Xlsx => (&["xlsx"], "xlsx"),
        };
        if let Some(code) = super::wrong_extension(path, own, name, args.message_lang()) {
            return Ok(code);
        }
    }
    // The period and the unit go into the form's YAML or cells: a line break or an escape
    // would not stay put.
    let flags = [
        ("--period", args.period.as_deref()),
        ("--unit", args.unit.as_deref()),
    ];
    if let Some(exit) = super::letterhead::refuse_bad_flags(&flags, args.message_lang()) {
        return Ok(exit);
    }
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
            report(&d.0, args.message_lang());
            return Ok(failure());
        }
    };
    if let (Some(units), Some(dir)) = (&args.units, &forms_dir) {
        return unit_forms(&args, units, dir, &set, &reference);
    }
    let fields = (args.unit.is_some() || args.period.is_some()).then(|| FormFields {
        unit: args.unit.as_deref().unwrap_or(""),
        period: args.period.as_deref().unwrap_or(""),
    });
    if args.format == FormatArg::Xlsx {
        let bytes = args
            .form_format()
            .render(&set, &reference, fields.unwrap_or_default())
            .map_err(|e| super::failed(args.message_lang(), cli::FORM_NOT_BUILT, e))?;
        if let Some(path) = &args.output {
            write_atomic(path, bytes, args.force)
                .map_err(|e| super::not_written(args.message_lang(), cli::FORM_NOT_WRITTEN, &e))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let text = form(&set, &reference, fields, args.message_lang());
    super::write_output(
        args.output.as_deref(),
        text,
        args.force,
        args.message_lang(),
        cli::FORM_NOT_WRITTEN,
    )?;
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
    let lang = args.message_lang();
    let list = match UnitList::read(units) {
        Ok((list, warnings)) => {
            report(&warnings, lang);
            list
        }
        Err(d) => {
            report(&d.0, lang);
            return Ok(failure());
        }
    };
    let chosen: Vec<&Unit> = match &args.group {
        // Written, but said: groups are there because each kind of unit has its own set, and
        // a commune filling in the departments' form is refused when it comes back (E713).
        None if list.has_groups() => {
            let d = parindex::diag::Diagnostic::new(
                parindex::diag::GROUPS_ONE_SET,
                &list.file,
                words::one_set_for_groups(&set.id, &list.groups()),
            )
            .help(words::ONE_SET_FOR_GROUPS_HELP);
            report(&[d], lang);
            list.units.iter().collect()
        }
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
                    words::unknown_group(group, &list.groups()),
                )
                .help(words::UNKNOWN_GROUP_HELP);
                report(&[d], lang);
                return Ok(failure());
            }
            chosen
        }
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        let text = cli::forms_folder_not_made(lang, &super::path_shown(dir), &e.to_string());
        return Err(super::Failed {
            lang,
            text,
            usage: false,
        }
        .into());
    }
    let format = args.form_format();
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
            eprintln!("{}", words::forms_written(lang, n, &super::path_shown(dir)));
            Ok(ExitCode::SUCCESS)
        }
        Err(FormsError::Exist(paths)) => {
            eprintln!(
                "{}: {}",
                lang.t(parindex::i18n::diag::ERROR),
                words::forms_exist(lang, paths.len(), &super::path_shown(&paths[0]))
            );
            // As any -o over an existing file: the command line must change (exit 2).
            Ok(ExitCode::from(2))
        }
        Err(FormsError::Render(path, why)) => {
            let text = cli::form_not_made(lang, &super::path_shown(&path), &why.to_string());
            Err(super::Failed {
                lang,
                text,
                usage: false,
            }
            .into())
        }
        Err(FormsError::Write(path, e)) => {
            eprintln!(
                "{}: {}",
                lang.t(parindex::i18n::diag::ERROR),
                words::forms_failed(lang, &super::path_shown(&path), &e.to_string())
            );
            Ok(if e.is_usage() {
                ExitCode::from(2)
            } else {
                failure()
            })
        }
    }
}
