//! `parindex rank`: a league table of many units scored against one criteria set.

use super::{failed_names, failure, report, report_failed};
use parindex::collect::{
    collect, group_leagues, odd_forms, placed_at, placed_at_unit, rows_and_groups, unknown_unit,
    FormSays, OddForm,
};
use parindex::diag::Diagnostic;
use parindex::i18n::diag as say;
use parindex::i18n::units as words;
use parindex::load::CriteriaResolver;
use parindex::model::Stage;
use parindex::rank::{
    duplicate_units, grade_counts, league, league_period, mixed_sets, nameless_units,
    other_periods, previous_not_before, score_paths, Standing,
};
use parindex::render::annex::{self, AnnexHead};
use parindex::render::rank::{render, LeagueInfo};
use parindex::render::rank_groups::GroupsInfo;
use parindex::render::xlsx::GroupSheet;
use parindex::units::UnitList;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Rank units in a league table, overall and in each section.
///
/// Scores every evidence file given (folders are searched for evidence files) and
/// print a league table with the rank of each unit overall and in each section.
///
/// All files must be scored against the same criteria set. Ranks compare the exact ratio
/// score ÷ max, not the rounded percentage; units with equal ratios share a rank and the next
/// rank is skipped (1, 2, 2, 4). Files are parsed and scored in parallel on every core.
///
/// `--format docx -o annex.docx` writes the results as a province publishes them, the annex
/// to its decision: the state's letterhead (Nghị định 30/2020/NĐ-CP) on landscape A4, the
/// heading "Phụ lục: Kết quả Chỉ số cải cách hành chính năm … của …" (--of), "(Kèm theo
/// Quyết định số … ngày … của …)" (--number, --date, --issuer), one row per unit with each
/// section's points, the total, the unit's maximum, the percentage, the rank and the grade,
/// sorted by rank, and the units per grade under the table (with `--units`, then the units
/// that sent no form); in Vietnamese unless --lang en. `--format xlsx` puts
/// the same annex, ready to print, on the workbook's first sheet. With `--units` and a units
/// file with groups, each group is a table of its own, with its own criteria set's sections
/// and maxima, and the workbook has a ranking sheet per group.
///
/// Folders are searched for evidence files and for returned Excel forms (`*.xlsx`); other
/// workbooks there are passed over.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex rank examples/dak-nong-2022\n  parindex rank evidence/2025 --previous evidence/2024 --format csv -o ranking.csv\n  parindex rank communes/ --keep-going --quiet\n  parindex rank examples/dak-nong-2022 -f docx -o phu-luc.docx --issuer 'UBND tỉnh Đắk Nông' --number 251/QĐ-UBND --date 2023-02-24 --of 'các huyện, thành phố'\n  parindex rank phieu/ --units don-vi.csv --lang vi\n  parindex rank phieu/ --units don-vi.csv -f docx -o phu-luc.docx"
)]
pub struct Args {
    /// Evidence files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Last year's evidence files or folder: adds each unit's previous rank and its change
    /// (`new` for a unit not ranked then; `— (no name)` for a unit whose name is blank, W205).
    #[arg(long, value_name = "PATH")]
    previous: Vec<PathBuf>,
    /// A units file (one name a line, or CSV with `name` and optional `code` and `group`
    /// columns): say which units sent no form, refuse forms of units not on it, and rank each
    /// group in its own table, each against its own criteria set.
    #[arg(long, value_name = "UNITS")]
    units: Option<PathBuf>,
    /// With --units: the period every form must give (default: the period most forms give).
    /// A form of another period, or of none, is refused: the annex would publish it.
    #[arg(long, value_name = "PERIOD", requires = "units")]
    period: Option<String>,
    /// Rank the files that load, leaving out (and naming) those that do not; the `--previous`
    /// files must all load, as last period's ranks need every one of them.
    #[arg(long)]
    keep_going: bool,
    /// Which assessment to rank: `final` (the council's last values: reappraised, else
    /// appraised, else self-assessed), `appraised` (the first appraisal's values, self-assessed
    /// elsewhere) or `self` (the unit's self-assessed values only).
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    #[command(flatten)]
    out: super::Output,
    /// Whose results the published annex gives, in its heading "Phụ lục: Kết quả Chỉ số cải
    /// cách hành chính năm … của …" (e.g. "các huyện, thành phố tỉnh Đắk Nông").
    #[arg(long, value_name = "TEXT", help_heading = "Word document (docx)")]
    of: Option<String>,
    #[command(flatten)]
    letterhead: super::letterhead::LetterheadArgs,
    /// No progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
}

/// A progress line on stderr, redrawn at most ten times a second, only on a terminal.
struct Progress {
    label: &'static str,
    last: Mutex<Option<Instant>>,
    shown: bool,
}

impl Progress {
    fn new(label: &'static str, quiet: bool) -> Self {
        Progress {
            label,
            last: Mutex::new(None),
            shown: !quiet && std::io::stderr().is_terminal(),
        }
    }

    fn update(&self, done: usize, total: usize) {
        if !self.shown || total < 2 {
            return;
        }
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        if last.is_some_and(|t| t.elapsed() < Duration::from_millis(100)) && done < total {
            return;
        }
        *last = Some(Instant::now());
        let width = 30;
        let filled = width * done / total;
        eprint!(
            "\r{} [{}{}] {done}/{total}",
            self.label,
            "#".repeat(filled),
            " ".repeat(width - filled),
        );
        let _ = std::io::stderr().flush();
    }

    fn finish(&self) {
        if self.shown
            && self
                .last
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_some()
        {
            eprint!("\r{}\r", " ".repeat(self.label.len() + 50));
        }
    }
}

/// Scores the evidence under `paths`; failures come back as diagnostics.
fn standings(
    paths: &[PathBuf],
    stage: Stage,
    quiet: bool,
    label: &'static str,
) -> (Vec<Standing>, Vec<(String, Vec<Diagnostic>)>) {
    let progress = Progress::new(label, quiet);
    let result = score_paths(paths, &CriteriaResolver::new(), stage, &|done, total| {
        progress.update(done, total)
    });
    progress.finish();
    result
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(code) = args.out.usage_error_with_docx() {
        return Ok(code);
    }
    if let Some(code) = args.letterhead.refuse_hidden(
        &[
            ("--of", args.of.as_deref()),
            ("--period", args.period.as_deref()),
        ],
        args.out.document_lang(),
    ) {
        return Ok(code);
    }
    let stage: Stage = args.stage.into();
    // The list first: a units file that does not read stops the run before any scoring.
    let units = match &args.units {
        None => None,
        Some(path) => match UnitList::read(path) {
            Ok((list, warnings)) => {
                report(&warnings, args.out.lang());
                Some(list)
            }
            Err(d) => {
                report(&d.0, args.out.lang());
                return Ok(failure());
            }
        },
    };
    let (current, failed) = standings(
        &args.paths,
        stage,
        args.quiet,
        args.out.lang().t(parindex::i18n::rank::SCORING),
    );
    if !failed.is_empty() {
        report_failed(&failed, args.out.lang());
        let names = failed_names(&failed, args.out.lang());
        if !args.keep_going {
            eprintln!(
                "{}",
                say::files_did_not_load(
                    args.out.lang(),
                    failed.len(),
                    failed.len() + current.len(),
                    &names
                )
            );
            return Ok(failure());
        }
        eprintln!("{}", say::left_out(args.out.lang(), failed.len(), &names));
    }
    if current.is_empty() {
        let paths: Vec<String> = args.paths.iter().map(|p| super::path_shown(p)).collect();
        eprintln!(
            "{}",
            say::nothing_to_rank(args.out.lang(), &paths.join(", "))
        );
        return Ok(failure());
    }
    if let Some(list) = &units {
        let failed_files: Vec<&str> = failed.iter().map(|(f, _)| f.as_str()).collect();
        return ranked_by_units(&args, list, current, stage, &failed_files);
    }
    if let Some(d) = mixed_sets(&current) {
        report(&[d], args.out.lang());
        return Ok(failure());
    }
    // Not a file that failed to load: --keep-going does not leave one of the two out.
    if report(&duplicate_units(&current), args.out.lang()) > 0 {
        return Ok(failure());
    }
    // Ranked all the same, but told: a row without a name is not what a province publishes.
    report(nameless_units(&current, false).as_slice(), args.out.lang());
    let period = league_period(&current).map(str::to_string);
    if let Some(p) = &period {
        report(
            other_periods(&current, p, false).as_slice(),
            args.out.lang(),
        );
    }
    let previous = match previous_standings(&args, stage, true, period.as_deref()) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let set = current[0].set.clone();
    let sections: Vec<(String, String)> = set
        .sections()
        .map(|i| (set.nodes[i].code.clone(), set.nodes[i].title.clone()))
        .collect();
    let grades = grade_counts(&set.grades, &current);
    let rows = league(current, previous.as_deref());
    let info = LeagueInfo {
        criteria: &set.id,
        stage,
        sections: &sections,
        with_previous: previous.is_some(),
        grades: &grades,
    };
    if args.out.format == parindex::render::Format::Json {
        // Written as made: no one buffer holding the whole league.
        args.out.write_streamed(|sink| {
            parindex::render::rank::write_json(&rows, &info, sink);
        })?;
        // The process ends here: ten thousand rows freed one by one would only delay the exit.
        std::mem::forget(rows);
        return Ok(ExitCode::SUCCESS);
    } else {
        let lang = args.out.document_lang();
        let head = AnnexHead {
            letterhead: args
                .letterhead
                .letterhead(lang.t(parindex::i18n::docx::ISSUER)),
            of: args.of.clone(),
        };
        // One table of every unit. With a units file's groups, pass each row's group, aligned
        // with `rows`, as `Some(&groups)`: one table per group, ranked within itself.
        let annex = || annex::build(&rows, None);
        if args.out.format == parindex::render::Format::Docx {
            let bytes = parindex::render::docx::annex::render(&annex(), &head, lang)?;
            args.out.write_bytes(bytes)?;
        } else {
            args.out.write(
                false,
                |format, opts| render(&rows, &info, format, opts),
                || parindex::render::xlsx::league_with_annex(&rows, &info, &annex(), &head, lang),
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Last year's standings (`--previous`), each unit once; with `one_set`, all against one set.
fn previous_standings(
    args: &Args,
    stage: Stage,
    one_set: bool,
    period: Option<&str>,
) -> Result<Option<Vec<Standing>>, ExitCode> {
    if args.previous.is_empty() {
        return Ok(None);
    }
    let (prev, prev_failed) = standings(
        &args.previous,
        stage,
        args.quiet,
        args.out.lang().t(parindex::i18n::rank::SCORING_PREVIOUS),
    );
    if !prev_failed.is_empty() {
        report_failed(&prev_failed, args.out.lang());
        eprintln!(
            "{}",
            say::previous_did_not_load(args.out.lang(), prev_failed.len())
        );
        return Err(failure());
    }
    if let Some(d) = mixed_sets(&prev).filter(|_| one_set) {
        report(&[d], args.out.lang());
        return Err(failure());
    }
    if report(&duplicate_units(&prev), args.out.lang()) > 0 {
        eprintln!("{}", say::units_once(args.out.lang(), "--previous"));
        return Err(failure());
    }
    // Last period's ranks are shown as such: a file of this period or a later one there
    // would make them up.
    if let Some(d) = period.and_then(|p| previous_not_before(&prev, p)) {
        report(&[d], args.out.lang());
        return Err(failure());
    }
    if let Some(p) = league_period(&prev) {
        report(other_periods(&prev, p, true).as_slice(), args.out.lang());
    }
    // A nameless file of last year is matched to no unit: the unit it was may read as `new`.
    report(nameless_units(&prev, true).as_slice(), args.out.lang());
    Ok(Some(prev))
}

/// `rank --units`: the forms matched to the list, the units without one named, and one league
/// per group of the list.
fn ranked_by_units(
    args: &Args,
    list: &UnitList,
    current: Vec<Standing>,
    stage: Stage,
    failed: &[&str],
) -> anyhow::Result<ExitCode> {
    let lang = args.out.lang();
    let mut found = collect(list, current.iter().map(|s| s.unit.as_str()));
    // A unit whose form was left out (`--keep-going`) sent one: told as refused, not missing.
    let refused = found.take_refused(list, failed);
    if !refused.is_empty() {
        let told: Vec<Diagnostic> = refused
            .iter()
            .map(|(u, file)| {
                list.at(
                    parindex::diag::MISSING_FORM,
                    *u,
                    words::refused_form(&list.units[*u].name, &parindex::diag::visible_name(file)),
                )
                .help(words::REFUSED_FORM_HELP)
            })
            .collect();
        report(&told, lang);
    }
    let refused_units: Vec<usize> = refused.iter().map(|(u, _)| *u).collect();
    let refused: Vec<(String, String)> = refused
        .into_iter()
        .map(|(u, file)| (list.units[u].name.clone(), file))
        .collect();
    let mut unknown: Vec<(String, String)> = Vec::new();
    let mut kept: Vec<Standing> = Vec::with_capacity(current.len());
    let mut unit_of: Vec<usize> = Vec::with_capacity(current.len());
    for (s, u) in current.into_iter().zip(&found.unit_of) {
        match u {
            Some(u) => {
                unit_of.push(*u);
                kept.push(s);
            }
            None => {
                let placed = placed_at_unit(&s.file);
                report(&[unknown_unit(placed, list, &s.unit)], args.out.lang());
                unknown.push((s.file.clone(), s.unit.clone()));
            }
        }
    }
    if !unknown.is_empty() {
        eprintln!(
            "{}",
            words::unknown_summary(lang, unknown.len(), &list.file, args.keep_going)
        );
        if !args.keep_going {
            return Ok(failure());
        }
    }
    if report(&duplicate_units(&kept), args.out.lang()) > 0 {
        return Ok(failure());
    }
    // As `check --units`: a form of another set than its group's, of another period or of
    // none is not ranked (--keep-going does not leave it out: it loaded, and is wrong).
    let says: Vec<FormSays> = kept
        .iter()
        .zip(&unit_of)
        .map(|(s, &unit)| FormSays {
            unit,
            set: Some((s.set.id.as_str(), s.set.sha256.as_str())),
            period: Some(s.period.trim()),
        })
        .collect();
    let odd: Vec<Diagnostic> = odd_forms(list, &says, args.period.as_deref())
        .into_iter()
        .map(|(k, odd)| {
            let key = match odd {
                OddForm::OtherSet { .. } => "criteria",
                _ => "period",
            };
            odd.diagnostic(placed_at(&kept[k].file, key), args.period.is_some())
        })
        .collect();
    if !odd.is_empty() {
        report(&odd, lang);
        eprintln!("{}", words::odd_forms_summary(lang, odd.len()));
        return Ok(failure());
    }
    if !found.missing.is_empty() {
        report(&found.missing_diagnostics(list), args.out.lang());
        eprintln!(
            "{}",
            words::missing_summary(lang, found.missing.len(), list.units.len(), &list.file)
        );
    }
    if kept.is_empty() {
        eprintln!("{}", words::no_forms(lang, &list.file));
        return Ok(failure());
    }
    let period = args
        .period
        .as_deref()
        .map(str::trim)
        .or_else(|| league_period(&kept))
        .map(str::to_string);
    let previous = match previous_standings(args, stage, false, period.as_deref()) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    if let (Some(prev), true) = (&previous, list.has_groups()) {
        let unlisted: Vec<String> = prev
            .iter()
            .filter(|s| !s.is_nameless() && list.find(&s.unit).is_none())
            .map(|s| parindex::diag::shown(&s.unit).into_owned())
            .collect();
        if !unlisted.is_empty() {
            let mut names = unlisted[..unlisted.len().min(3)].join(", ");
            if unlisted.len() > 3 {
                names.push_str(", …");
            }
            eprintln!(
                "{}",
                words::previous_not_listed(lang, unlisted.len(), &list.file, &names)
            );
        }
    }
    let leagues = match group_leagues(list, kept, &unit_of, previous.as_deref(), &found.missing) {
        Ok(l) => l,
        Err(d) => {
            report(&[*d], args.out.lang());
            eprintln!("{}", lang.t(words::GROUP_MIXED_SETS));
            return Ok(failure());
        }
    };
    let missing: Vec<&str> = found
        .missing
        .iter()
        .map(|&u| list.units[u].name.as_str())
        .collect();
    let info = GroupsInfo {
        missing: &missing,
        stage,
        with_previous: previous.is_some(),
        grouped: list.has_groups(),
        units_file: &list.file,
        unknown: &unknown,
        refused: &refused,
    };
    let lang = args.out.document_lang();
    let head = AnnexHead {
        letterhead: args
            .letterhead
            .letterhead(lang.t(parindex::i18n::docx::ISSUER)),
        of: args.of.clone(),
    };
    let (rows, groups) = rows_and_groups(&leagues);
    // One table per group of the list, each against its own set.
    let annex = || {
        annex::build(&rows, list.has_groups().then_some(groups.as_slice()))
            .with_missing(missing_by_group(list, &found.missing))
            .with_refused(missing_by_group(list, &refused_units))
    };
    if args.out.format == parindex::render::Format::Docx {
        let bytes = parindex::render::docx::annex::render(&annex(), &head, lang)?;
        args.out.write_bytes(bytes)?;
        return Ok(ExitCode::SUCCESS);
    }
    args.out.write(
        false,
        |format, opts| parindex::render::rank_groups::render(&leagues, &info, format, opts),
        || workbook_by_units(list, &leagues, &info, &annex(), &head, lang),
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The units without a form, by group in the list's order, for the annex.
fn missing_by_group(list: &UnitList, missing: &[usize]) -> Vec<(Option<String>, Vec<String>)> {
    let mut out: Vec<(Option<String>, Vec<String>)> = Vec::new();
    for &u in missing {
        let unit = &list.units[u];
        match out.iter_mut().find(|(g, _)| *g == unit.group) {
            Some((_, names)) => names.push(unit.name.clone()),
            None => out.push((unit.group.clone(), vec![unit.name.clone()])),
        }
    }
    out
}

/// `rank --units -f xlsx`: the published annex's sheet, then a ranking sheet per group of the
/// units file, each with its own set's section columns.
fn workbook_by_units(
    list: &UnitList,
    leagues: &[parindex::collect::GroupLeague],
    info: &GroupsInfo,
    annex: &annex::Annex,
    head: &AnnexHead,
    lang: parindex::i18n::Lang,
) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let sections: Vec<Vec<(String, String)>> = leagues
        .iter()
        .map(parindex::render::rank_groups::sections_of)
        .collect();
    let sheets: Vec<GroupSheet> = leagues
        .iter()
        .zip(&sections)
        .map(|(l, sections)| GroupSheet {
            name: list.has_groups().then(|| {
                l.group
                    .clone()
                    // Named as the annex's table of these units is.
                    .unwrap_or_else(|| lang.t(parindex::i18n::docx::NO_GROUP).to_string())
            }),
            rows: &l.rows,
            info: LeagueInfo {
                criteria: &l.set.id,
                stage: info.stage,
                sections,
                with_previous: info.with_previous,
                grades: &l.grades,
            },
        })
        .collect();
    parindex::render::xlsx::leagues_with_annex(&sheets, annex, head, lang)
}
