//! `parindex criteria`: the criteria sets embedded in this binary, and importing a published
//! criteria table.

use super::{failure, report, stdout_is_terminal};
use comfy_table::{presets, Table};
use parindex::embedded;
use parindex::i18n::{cli, criteria as words, words as common};
use parindex::import::{self, Options};
use parindex::load::{parse_criteria, Source};
use std::path::PathBuf;
use std::process::ExitCode;

/// List the embedded criteria sets, print one to copy and adapt, or import a published table.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex criteria list\n  parindex criteria show dak-nong-district-2022 > my-province-2025.yaml\n  parindex criteria import phu-luc-qd-1880-2013.csv -o criteria/ca-mau-2013.yaml"
)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand)]
enum Action {
    /// List the embedded criteria sets with their size and total.
    List {
        #[command(flatten)]
        lang: super::LangFlag,
    },
    /// Print an embedded criteria set's YAML exactly as shipped.
    Show {
        /// The set's id (see `parindex criteria list`).
        id: String,
    },
    Import(ImportArgs),
}

/// Turn a published criteria table, saved from the spreadsheet as CSV, into a criteria set.
///
/// The table is a decision's annex as an officer pastes it into a spreadsheet: columns STT
/// (code), Tiêu chí (title), Điểm tối đa (max; "0,5" is fine) and Cách chấm điểm (scoring
/// text), optionally Đơn vị chịu trách nhiệm / Cơ quan chủ trì (responsible). Headers are
/// found by name, in Vietnamese or English (code, title, max, scoring, responsible), in any
/// case and with or without accents; the file may be comma- or semicolon-separated (Excel in
/// a Vietnamese locale writes `;`) and start with a BOM, but must be UTF-8 ("CSV UTF-8" in
/// Excel).
///
/// Rows nest by their codes. Each scoring text is read as a rule: "Đạt: 1; Không đạt: 0"
/// → yes-no; "Ban hành kịp thời: 1; … không kịp thời: 0,5; Không ban hành: 0" → choice;
/// "trên 90%: 2; từ 70% - 90%: 1; dưới 70%: 0" → tiers (above 90%, at least 70%); "không quá
/// 5%" → at_most; "tỷ lệ × điểm tối đa" → ratio; "mỗi … trừ 0,25 điểm" → deduct. A text that
/// fits none becomes `rule: points` with the text in `note:`, and the closing summary lists
/// those rows. A published max that its rows do not add up to is kept and reported (W402),
/// never corrected. Warnings and the summary go to standard error.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex criteria import ca-mau-1880-2013-section1.csv\n  parindex criteria import phu-luc.csv --id ca-mau-2013 --title \"Chỉ số CCHC cấp huyện, tỉnh Cà Mau, năm 2013\" --year 2013 -o criteria/ca-mau-2013.yaml\n\nExit codes: 0 the set was written (warnings allowed), 1 the table cannot be read, 2 usage error."
)]
struct ImportArgs {
    /// The table, as CSV (UTF-8).
    table: PathBuf,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// The set's id ([a-z0-9-]+); default: from the file name.
    #[arg(long, value_parser = parse_id)]
    id: Option<String>,
    /// The set's title; default: naming the file.
    #[arg(long)]
    title: Option<String>,
    /// The year; default: a year in the file name (ca-mau-1880-2013.csv → 2013), else none.
    #[arg(long, value_parser = clap::value_parser!(u16).range(1900..=2200))]
    year: Option<u16>,
    /// What the set is taken from (the decision), for `source:`; default: the file name.
    #[arg(long)]
    source: Option<String>,
}

fn parse_id(s: &str) -> Result<String, String> {
    if import::is_id(s) {
        Ok(s.to_string())
    } else {
        Err("an id is lower-case letters, digits and `-` (such as ca-mau-2013)".into())
    }
}

fn run_import(args: ImportArgs) -> anyhow::Result<ExitCode> {
    let mut options = Options::from_path(&args.table);
    if let Some(id) = args.id {
        options.id = id;
    }
    if let Some(title) = args.title {
        options.title = title;
    }
    if args.year.is_some() {
        options.year = args.year;
    }
    if let Some(source) = args.source {
        options.source = source;
    }
    let imported =
        match import::read_table(&args.table).and_then(|source| import::import(&source, options)) {
            Ok(imported) => imported,
            Err(d) => {
                report(&d.0, super::default_lang());
                return Ok(failure());
            }
        };
    let yaml = imported.to_yaml();
    super::write_output(
        args.output.as_deref(),
        yaml,
        args.force,
        super::default_lang(),
        cli::SET_NOT_WRITTEN,
    )?;
    report(&imported.warnings, super::default_lang());
    eprintln!("{}", imported.summary(super::default_lang()));
    Ok(ExitCode::SUCCESS)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.action {
        Action::Import(args) => run_import(args),
        Action::List {
            lang: super::LangFlag { lang },
        } => {
            let mut t = Table::new();
            t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
            if !stdout_is_terminal() {
                t.force_no_tty();
            }
            t.set_header(
                [
                    words::ID,
                    words::YEAR,
                    words::TITLE,
                    words::SECTIONS,
                    words::LEAVES,
                    common::MAX,
                ]
                .map(|w| lang.t(w)),
            );
            for id in embedded::ids() {
                let text = embedded::find(id).unwrap_or_default();
                let source = Source::from_text(format!("embedded:{id}"), text.to_string());
                let (set, _) = parse_criteria(&source).map_err(|d| anyhow::anyhow!("{d}"))?;
                // Bonus and penalty sections lie outside the maximum.
                let max = parindex::decimal::sum(
                    set.sections()
                        .filter(|&s| !set.nodes[s].kind.outside_max())
                        .map(|s| set.nodes[s].max),
                )?;
                t.add_row(vec![
                    set.id.clone(),
                    set.year.map(|y| y.to_string()).unwrap_or_default(),
                    set.title.clone(),
                    set.sections().count().to_string(),
                    set.leaves().count().to_string(),
                    lang.figure(max),
                ]);
            }
            outln!("{t}");
            Ok(ExitCode::SUCCESS)
        }
        Action::Show { id } => match embedded::find(&id) {
            Some(text) => {
                out!("{text}");
                Ok(ExitCode::SUCCESS)
            }
            None => {
                let ids: Vec<&str> = embedded::ids().collect();
                eprintln!(
                    "{}",
                    cli::no_embedded_set(super::default_lang(), &id, &ids.join(", "))
                );
                Ok(failure())
            }
        },
    }
}
