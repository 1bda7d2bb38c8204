//! `parindex report`: the results report of one unit, written for people.

use super::{failure, load_scored, report};
use parindex::compare::load_outcome;
use parindex::compare::period_follows;
use parindex::diag::{self, Diagnostic};
use parindex::i18n::diag as say;
use parindex::i18n::remediation as words;
use parindex::i18n::Lang;
use parindex::load::CriteriaResolver;
use parindex::model::Stage;
use parindex::pipeline::ScoredCard;
use parindex::rank::{duplicate_units, mixed_sets, nameless_units, score_paths, Standing};
use parindex::remediation::render as render_remediation;
use parindex::render::docx::remediation::render as render_remediation_docx;
use parindex::render::docx::report::render as render_docx;
use parindex::report::{build, render, Format, Peers};
use parindex::score::Scorecard;
use parindex::units::unit_key;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Write the results report of one unit: overall result, sections, losses and who must act.
///
/// The report PAR officers write by hand once the index is published. I. The overall result: score of max, percentage, grade, rank among the peers (--peers) and
/// the change on the previous year (--previous). II. Each section in order (score, percentage,
/// rank, points lost), then each of its criteria that lost points, largest loss first: the
/// value scored, the points lost, why (the appraisal council's reason, or the evidence's
/// note) and the offices responsible for advising and following up. III. A summary: the
/// largest losses and the points lost per responsible office.
///
/// Markdown by default; `--format html` writes one self-contained page (inline CSS, an SVG
/// bar chart, no scripts) that prints on A4; `--format docx -o FILE.docx` a Word document in
/// the state's layout (Nghị định 30/2020/NĐ-CP: issuing body and number top left, nation and
/// motto top right, place and date, Times New Roman 13 pt, A4 portrait, margins 20/20/30/15
/// mm), its tables editable, with a bar chart; --issuer (default: the unit), --parent,
/// --number, --place, --date (default: today) and --signer fill its letterhead. Vietnamese by default (87,69%); `--lang en` for
/// English. --previous takes last year's evidence file or a JSON result written by
/// `score --format json`. --peers takes the folder of this year's evidence files of the units
/// ranked together; the unit is found by its `unit:` name, and its own file need not be in
/// the folder. --previous-peers (last year's folder) adds the places gained or lost.
///
/// With --remediation PLAN (a `kind: remediation` file), the report is the remediation report
/// (báo cáo khắc phục) written during the following year: the same result, then I. the
/// improvement plan's progress, II. each section and each criterion that lost points with
/// what has been done about it (status, remedy, documents, offices), sections with full marks
/// with what keeps them there, and III. the criteria not yet remedied with the points still
/// at stake. --interim (this year's evidence so far) adds each lost criterion's value now, the
/// points recovered and a projected total; a criterion the new set lacks is marked dropped.
/// With `--format docx -o FILE.docx` it is a Word document on the same letterhead (the same
/// flags), headed "Kết quả khắc phục những tiêu chí, tiêu chí thành phần bị mất điểm thuộc
/// Chỉ số CCHC năm …", the criteria not yet remedied in an editable table.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex report examples/krong-no-2022.yaml\n  parindex report examples/krong-no-2022.yaml --previous examples/krong-no-2021.yaml\n  parindex report examples/krong-no-2022.yaml --peers examples/dak-nong-2022 -f html -o bao-cao.html\n  parindex report examples/krong-no-2022.yaml --lang en --previous result-2021.json\n  parindex report examples/krong-no-2022.yaml --remediation examples/krong-no-2023-remediation.yaml --peers examples/dak-nong-2022 --previous examples/krong-no-2021.yaml --interim examples/krong-no-2023.yaml\n  parindex report examples/krong-no-2022.yaml -f docx -o bao-cao.docx --number 25/BC-UBND --place 'Krông Nô' --date 2023-03-15\n  parindex report examples/krong-no-2022.yaml --remediation examples/krong-no-2023-remediation.yaml -f docx -o khac-phuc.docx --date 2023-08-31"
)]
pub struct Args {
    /// The unit's evidence file (`kind: evidence`).
    evidence: PathBuf,
    /// The previous year's result: an evidence file or a JSON result (`score --format json`)
    /// of the same unit and an earlier period (else refused, E508).
    #[arg(long, value_name = "FILE")]
    previous: Option<PathBuf>,
    /// Folder of the evidence files of the units ranked together (this year; files of another
    /// period are named, W506).
    #[arg(long, value_name = "DIR")]
    peers: Option<PathBuf>,
    /// Folder of the previous year's evidence files of the same units: adds the change of rank.
    #[arg(long, value_name = "DIR", requires = "peers")]
    previous_peers: Option<PathBuf>,
    /// The unit's remediation plan (`kind: remediation`): write the remediation report
    /// (báo cáo khắc phục) of this evidence's period instead of the results report.
    #[arg(long, value_name = "PLAN")]
    remediation: Option<PathBuf>,
    /// This year's evidence so far (with --remediation), of the same unit and a later period
    /// (else refused, E506): each lost criterion's value now, the points recovered and a
    /// projected total; a remedy the plan calls done that still loses points is flagged (W503)
    /// and not counted as remedied.
    #[arg(long, value_name = "FILE", requires = "remediation")]
    interim: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Markdown)]
    format: ReportFormat,
    /// Language of the report and of its numbers.
    #[arg(long, value_enum, default_value_t = Lang::Vi)]
    lang: Lang,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    force: bool,
    /// Which assessment to report: `final` (the council's last values where given),
    /// `appraised` (the first appraisal's) or `self`; the previous result and the peers are
    /// scored at the same stage (a JSON result keeps its own).
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    #[command(flatten)]
    letterhead: super::letterhead::LetterheadArgs,
    /// The signer's title, above the signature at the end of the Word report (e.g. "Chủ
    /// tịch"); "THỦ TRƯỞNG CƠ QUAN" when not given.
    #[arg(long, value_name = "TITLE", help_heading = "Word document (docx)")]
    signer: Option<String>,
}

/// The report's formats on the command line: the library's text formats, and Word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// Markdown, to paste into a document or a wiki.
    Markdown,
    /// One self-contained HTML page (inline CSS and SVG chart), ready to print on A4.
    Html,
    /// A Word document in the state's layout (needs -o FILE.docx).
    Docx,
}

/// Scores every evidence file under `dir`; diagnostics of the files that do not load.
fn standings(
    dir: &Path,
    resolver: &CriteriaResolver,
    stage: Stage,
) -> Result<Vec<Standing>, Vec<(String, Vec<Diagnostic>)>> {
    let (ok, failed) = score_paths(&[dir.to_path_buf()], resolver, stage, &|_, _| {});
    if failed.is_empty() {
        Ok(ok)
    } else {
        Err(failed)
    }
}

/// Loads one peer folder, printing what went wrong; `None` on failure.
fn load_peers(
    dir: &Path,
    option: &str,
    resolver: &CriteriaResolver,
    stage: Stage,
    lang: Lang,
) -> Option<Vec<Standing>> {
    match standings(dir, resolver, stage) {
        Ok(list) if list.is_empty() => {
            eprintln!(
                "{}",
                say::no_evidence_there(lang, option, &super::path_shown(dir))
            );
            None
        }
        Ok(list) => match mixed_sets(&list) {
            Some(d) => {
                report(&[d], lang);
                None
            }
            None if report(&duplicate_units(&list), lang) > 0 => {
                let what = format!("{option} {}", super::path_shown(dir));
                eprintln!("{}", say::units_once(lang, &what));
                None
            }
            None => Some(list),
        },
        Err(failed) => {
            super::report_failed(&failed, lang);
            // The first ten named, as `rank` names them: a folder of two thousand broken
            // files is not one line of every name.
            let files = super::failed_names(&failed, lang);
            eprintln!(
                "{}",
                say::peers_did_not_load(
                    lang,
                    &format!("{option} {}", super::path_shown(dir)),
                    failed.len(),
                    &files
                )
            );
            None
        }
    }
}

/// The peers under `dir` (`--peers`) of the unit whose card is `card`, read from `file`
/// (`report` and `whatif`): every file loaded, each unit once, all scored with the unit's own
/// set (E214 otherwise); peers of another period are named (W506), and so is a copy of the
/// unit's own result that scores otherwise (the card's figures are the ones ranked). `None`
/// once what stops the run was said.
pub(super) fn peers_of(
    card: &Scorecard,
    file: &str,
    dir: &Path,
    resolver: &CriteriaResolver,
    stage: Stage,
    lang: Lang,
) -> Option<Vec<Standing>> {
    let mut current = load_peers(dir, "--peers", resolver, stage, lang)?;
    // The unit's own file found among its peers is the unit, whatever its `unit:` says (a
    // blank name matches no other): it is not ranked against itself.
    let own_file = std::fs::canonicalize(file).ok();
    if own_file.is_some() {
        current.retain(|s| std::fs::canonicalize(&s.file).ok() != own_file);
    }
    // Peers that are all the unit itself leave no one to rank it against.
    if current.iter().all(|s| s.is_of(&card.unit)) {
        eprintln!(
            "{}",
            say::only_the_unit_there(lang, &super::path_shown(dir), &diag::shown(&card.unit))
        );
        return None;
    }
    let own = Standing::from_card(card, file);
    let mut all = vec![own.clone()];
    all.extend(current.iter().cloned());
    if let Some(d) = mixed_sets(&all) {
        report(&[d], lang);
        return None;
    }
    report(&peers_other_period(&current, &card.period), lang);
    // Nameless peers are ranked all the same, but told, as `rank` tells them, out of the
    // units ranked: the unit, and its peers less any copy of it.
    let ranked: Vec<Standing> = std::iter::once(own.clone())
        .chain(current.iter().filter(|s| !s.is_of(&card.unit)).cloned())
        .collect();
    report(nameless_units(&ranked, false).as_slice(), lang);
    for s in current.iter().filter(|s| s.is_of(&card.unit)) {
        if (s.score, s.max) != (own.score, own.max) {
            eprintln!(
                "{}",
                say::peer_scores_differ(lang, (&s.file, &s.unit), (s.score, s.max), file)
            );
        }
    }
    Some(current)
}

/// `--previous` must be the same unit's result of an earlier period (E508): the report
/// states it as "the previous year". `diff`, which compares any two results, only warns.
fn previous_mismatch(path: &Path, unit: &str, period: &str, card: &Scorecard) -> Vec<Diagnostic> {
    let file = path.display().to_string();
    let mut found = Vec::new();
    if unit_key(unit).is_empty() && unit_key(&card.unit).is_empty() {
        // Two blank names are not one unit: any two nameless files would otherwise compare.
        found.push(
            Diagnostic::new(diag::PREVIOUS_MISMATCH, &file, words::PREVIOUS_NAMELESS)
                .help(words::PREVIOUS_HELP),
        );
    } else if unit_key(unit) != unit_key(&card.unit) {
        found.push(
            Diagnostic::new(
                diag::PREVIOUS_MISMATCH,
                &file,
                words::previous_other_unit(&diag::shown(unit), &diag::shown(&card.unit)),
            )
            .help(words::PREVIOUS_HELP),
        );
    }
    if !period_follows(&card.period, period) {
        found.push(
            Diagnostic::new(
                diag::PREVIOUS_MISMATCH,
                &file,
                words::previous_not_earlier(&diag::shown(period), &diag::shown(&card.period)),
            )
            .help(words::PREVIOUS_HELP),
        );
    }
    found
}

/// A warning (W506) naming the peers of another period than the unit's (three of them):
/// ranked together all the same, as a folder may hold a late file on purpose.
fn peers_other_period(peers: &[Standing], own: &str) -> Vec<Diagnostic> {
    let other: Vec<&Standing> = peers
        .iter()
        .filter(|s| s.period.trim() != own.trim())
        .collect();
    let Some(first) = other.first() else {
        return Vec::new();
    };
    let mut examples: Vec<String> = other
        .iter()
        .take(3)
        .map(|s| format!("{} ({})", diag::shown(&s.file), diag::shown(&s.period)))
        .collect();
    if other.len() > 3 {
        examples.push("…".into());
    }
    vec![Diagnostic::new(
        diag::PEERS_OTHER_PERIOD,
        &first.file,
        words::peers_other_period(other.len(), &diag::shown(own), &examples.join(", ")),
    )
    .help(words::PEERS_HELP)]
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.format == ReportFormat::Docx && args.output.is_none() {
        eprintln!(
            "{}: {}",
            args.lang.t(say::ERROR),
            args.lang.t(parindex::i18n::docx::NEEDS_FILE)
        );
        return Ok(ExitCode::from(2));
    }
    if let Some(code) = args.output.as_deref().and_then(|path| {
        let (own, name): (&[&str], _) = match args.format {
            ReportFormat::Markdown => (&["md", "markdown", "txt"], "markdown"),
            ReportFormat::Html => (&["html", "htm"], "html"),
            ReportFormat::Docx => (&["docx"], "docx"),
        };
        super::wrong_extension(path, own, name, args.lang)
    }) {
        return Ok(code);
    }
    if let Some(code) = args
        .letterhead
        .refuse_hidden(&[("--signer", args.signer.as_deref())], args.lang)
    {
        return Ok(code);
    }
    let resolver = CriteriaResolver::new();
    let stage = Stage::from(args.stage);
    let ScoredCard {
        source,
        evidence,
        card,
        warnings,
        ..
    } = match load_scored(&args.evidence, &resolver, stage, args.lang) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    if report(&warnings, args.lang) > 0 {
        return Ok(failure());
    }

    let previous = match &args.previous {
        None => None,
        Some(path) => match load_outcome(path, &resolver, stage) {
            Ok(outcome) => {
                if outcome.unchecked {
                    eprintln!(
                        "{}",
                        parindex::i18n::cli::result_unchecked(
                            args.lang,
                            &super::path_shown(path),
                            &parindex::diag::shown(&outcome.criteria)
                        )
                    );
                }
                let found = previous_mismatch(path, &outcome.unit, &outcome.period, &card);
                if report(&found, args.lang) > 0 {
                    return Ok(failure());
                }
                Some(outcome)
            }
            Err(d) => {
                report(&d.0, args.lang);
                eprintln!(
                    "{}",
                    say::previous_result_did_not_load(args.lang, &super::path_shown(path))
                );
                return Ok(failure());
            }
        },
    };

    let peers = match &args.peers {
        None => None,
        Some(dir) => {
            let Some(current) = peers_of(&card, &source.name, dir, &resolver, stage, args.lang)
            else {
                return Ok(failure());
            };
            let previous = match &args.previous_peers {
                None => None,
                Some(dir) => match load_peers(dir, "--previous-peers", &resolver, stage, args.lang)
                {
                    Some(list) => Some(list),
                    None => return Ok(failure()),
                },
            };
            Some(Peers { current, previous })
        }
    };

    let built = match build(&card, &evidence, previous, peers) {
        Ok(r) => r,
        Err(_) => {
            eprintln!("{}", say::overflow_comparing(args.lang));
            return Ok(failure());
        }
    };
    let bytes = match (&args.remediation, args.format) {
        (Some(plan), format) => {
            let req = super::remediation::Request {
                plan,
                interim: args.interim.as_deref(),
                resolver: &resolver,
                stage,
                lang: args.lang,
            };
            let model = match super::remediation::model(req, built, &card, &evidence) {
                Ok(model) => model,
                Err(code) => return Ok(code),
            };
            match format {
                ReportFormat::Markdown => {
                    render_remediation(&model, Format::Markdown, args.lang).into_bytes()
                }
                ReportFormat::Html => {
                    render_remediation(&model, Format::Html, args.lang).into_bytes()
                }
                ReportFormat::Docx => {
                    let mut head = args.letterhead.letterhead(&model.report.unit);
                    head.signer = args.signer.clone();
                    render_remediation_docx(&model, &head, args.lang)?
                }
            }
        }
        (None, ReportFormat::Markdown) => render(&built, Format::Markdown, args.lang).into_bytes(),
        (None, ReportFormat::Html) => render(&built, Format::Html, args.lang).into_bytes(),
        (None, ReportFormat::Docx) => {
            let mut head = args.letterhead.letterhead(&built.unit);
            head.signer = args.signer.clone();
            render_docx(&built, &head, args.lang)?
        }
    };
    super::write_output(
        args.output.as_deref(),
        bytes,
        args.force,
        args.lang,
        parindex::i18n::cli::REPORT_NOT_WRITTEN,
    )?;
    Ok(ExitCode::SUCCESS)
}
