//! `parindex check`: the CI gate for criteria sets and evidence files.

use parindex::check::{check_paths, github_annotation};
use parindex::diag::{shown, visible, Severity};
use parindex::i18n::Lang;
use serde::Serialize;
use std::borrow::Cow;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check criteria sets and evidence files, reporting every problem in every file.
///
/// Files are told apart by `kind:`. Folders are searched for `*.yaml` and `*.yml` (YAML files
/// without a `parindex:` key are skipped) and for Excel forms `*.xlsx` (other workbooks are
/// skipped); with no path, the current folder. Evidence is
/// checked against the criteria set it names (a set checked alongside wins over the embedded
/// one of the same id), scored, and its `expect:` figures verified. A remediation plan
/// (`kind: remediation`) is checked against the set it names and, when it names its
/// `evidence:`, against the criteria that lost points there.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex check criteria examples\n  parindex check --format github .\n  parindex check --deny-warnings evidence/2025/\n  parindex check --units don-vi.csv phieu/\n\nExit codes: 0 no errors, 1 errors (or warnings with --deny-warnings), 2 usage error.\nEvery check code is documented in docs/checks.md."
)]
pub struct Args {
    /// Files or folders to check (default: the current folder).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Human)]
    format: CheckFormat,
    /// A units file (one name a line, or CSV with a `name` column): report each form whose
    /// unit is not on it (an error), each unit on it without a form (a warning), and each
    /// form of another criteria set than its group's or of another period than the others
    /// (errors, as `rank --units` refuses them).
    #[arg(long, value_name = "UNITS")]
    units: Option<PathBuf>,
    /// With --units: the period every form must give (default: the period most forms give).
    /// A form of another period, or of none, is an error.
    #[arg(long, value_name = "PERIOD", requires = "units")]
    period: Option<String>,
    /// Treat warnings (missing values, siblings out of order, …) as errors.
    #[arg(long)]
    deny_warnings: bool,
    /// Language of the messages and hints (`vi`: tiếng Việt); codes, file names and quoted
    /// input stay as written. JSON keeps its English `message` and adds `message_vi`.
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum CheckFormat {
    /// Each diagnostic with the source line and a caret, then a summary.
    Human,
    /// One JSON object listing every diagnostic.
    Json,
    /// GitHub Actions workflow annotations (`::error file=…,line=…::…`).
    Github,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    files: usize,
    errors: usize,
    warnings: usize,
    skipped: Vec<String>,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

/// Texts that may quote the input show a control or bidirectional character as its code
/// point (`<U+202E>`), as the human form does.
#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: Cow<'a, str>,
    line: Option<usize>,
    column: Option<usize>,
    /// For an Excel form: the sheet and cell (`Tự đánh giá!E12`).
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<Cow<'a, str>>,
    code: &'a str,
    severity: &'a str,
    criterion: Option<Cow<'a, str>>,
    message: Cow<'a, str>,
    help: Option<Cow<'a, str>>,
    /// The message and help in Vietnamese, with `--lang vi`.
    #[serde(skip_serializing_if = "Option::is_none")]
    message_vi: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_vi: Option<Cow<'a, str>>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // A blank `--period ""` would ask every form for no period at all.
    let flags = [("--period", args.period.as_deref())];
    if let Some(exit) = super::letterhead::refuse_bad_flags(&flags, args.lang) {
        return Ok(exit);
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let mut report = check_paths(&paths);
    if let Some(units) = &args.units {
        // A folder with no form yet is not "nothing to check": every unit is then missing.
        report
            .diagnostics
            .retain(|d| d.check != parindex::diag::NOTHING_TO_CHECK);
        report.files += 1;
        match parindex::units::UnitList::read(units) {
            Ok((list, warnings)) => {
                report.diagnostics.extend(warnings);
                parindex::collect::check_collected(&mut report, &list, args.period.as_deref());
            }
            Err(d) => report.diagnostics.extend(d.0),
        }
    }
    if args.deny_warnings {
        for d in &mut report.diagnostics {
            d.severity = Severity::Error;
        }
    }
    match args.format {
        CheckFormat::Human => {
            for d in &report.diagnostics {
                outln!("{}\n", d.shown_in(args.lang));
            }
            outln!("{}", report.summary(args.lang));
        }
        CheckFormat::Github => {
            for d in &report.diagnostics {
                outln!("{}", github_annotation(d, args.lang));
            }
            outln!("{}", report.summary(args.lang));
        }
        CheckFormat::Json => {
            let doc = JsonReport {
                files: report.files,
                errors: report.count(Severity::Error),
                warnings: report.count(Severity::Warning),
                skipped: report
                    .skipped
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect(),
                diagnostics: report
                    .diagnostics
                    .iter()
                    .map(|d| JsonDiagnostic {
                        file: visible(&d.file),
                        line: d.position.map(|p| p.line),
                        column: d.position.map(|p| p.column),
                        cell: d.cell.as_deref().map(visible),
                        code: d.check.code,
                        severity: d.severity.name(),
                        criterion: d.criterion.as_deref().map(shown),
                        message: shown(&d.message),
                        help: d.help.as_deref().map(shown),
                        message_vi: (args.lang == Lang::Vi).then(|| shown(d.message_in(Lang::Vi))),
                        help_vi: (args.lang == Lang::Vi)
                            .then(|| d.help_in(Lang::Vi).map(shown))
                            .flatten(),
                    })
                    .collect(),
            };
            outln!("{}", serde_json::to_string_pretty(&doc)?);
        }
    }
    Ok(if report.count(Severity::Error) > 0 {
        super::failure()
    } else {
        ExitCode::SUCCESS
    })
}
