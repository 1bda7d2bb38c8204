//! One module per subcommand, each with its own help text.

pub mod check;
pub mod completions;
pub mod convert;
pub mod criteria;
pub mod diff;
pub mod explain;
pub mod letterhead;
pub mod losses;
pub mod rank;
pub mod remediation;
pub mod report;
pub mod schema;
pub mod score;
pub mod template;
pub mod whatif;

use parindex::diag::{Diagnostic, Severity};
use parindex::i18n::{cli, diag as say, Lang, Text};
use parindex::output::{write_atomic, WriteError};
use parindex::pipeline::ScoredCard;
use parindex::render::{Format, TableOptions, TextFormat};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The output flags of every command that prints results, defined once.
#[derive(clap::Args, Debug, Clone)]
pub struct Output {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to FILE (atomically: all or nothing) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Overwrite the output file if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Language of tables, Markdown, workbooks and documents, and of their numbers (vi:
    /// 87,69%); JSON and CSV never change. Default: PARINDEX_LANG, else a vi_* locale, else en;
    /// rank's published annex (docx, and the xlsx annex sheet) is a state document, in
    /// Vietnamese unless `--lang en`.
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

/// `--lang` for a command that writes for people without the shared output flags (`explain`,
/// `whatif`, `template`, `criteria list`): the same flag and default as [`Output::lang`].
#[derive(clap::Args, Debug, Clone, Copy)]
pub struct LangFlag {
    /// Language of the words and numbers written for people (vi: 0,973; 87,69%).
    /// Default: PARINDEX_LANG, else a vi_* locale, else en.
    #[arg(long, value_enum, default_value_t = Lang::from_env(), hide_default_value = true)]
    pub lang: Lang,
}

impl Output {
    /// The language asked for, else the default one (`--lang` unset).
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(default_lang)
    }

    /// How tables are drawn: colour and wrapping only on a terminal.
    pub fn table_options(&self, all: bool) -> TableOptions {
        let to_terminal = self.output.is_none() && stdout_is_terminal();
        TableOptions {
            all,
            color: self.output.is_none() && use_color(),
            terminal: to_terminal,
            width: None,
            lang: self.lang(),
        }
    }

    /// A usage error to report before any work: xlsx is binary and goes to a file, and only
    /// `rank` writes a Word document (the published annex).
    pub fn usage_error(&self) -> Option<ExitCode> {
        if self.format == Format::Docx {
            eprintln!(
                "{}: {}",
                self.lang().t(say::ERROR),
                self.lang().t(parindex::i18n::docx::ONLY_RANK)
            );
            return Some(ExitCode::from(2));
        }
        self.usage_error_with_docx()
    }

    /// [`Output::usage_error`] for a command that writes a Word document.
    pub fn usage_error_with_docx(&self) -> Option<ExitCode> {
        if let Some(code) = self.output.as_deref().and_then(|path| {
            wrong_extension(
                path,
                own_extensions(self.format),
                format_name(self.format),
                self.lang(),
            )
        }) {
            return Some(code);
        }
        if self.format == Format::Xlsx && self.output.is_none() {
            eprintln!("{}", cli::xlsx_needs_file(self.lang()));
            return Some(ExitCode::from(2));
        }
        if self.format == Format::Docx && self.output.is_none() {
            let lang = self.document_lang();
            eprintln!(
                "{}: {}",
                lang.t(say::ERROR),
                lang.t(parindex::i18n::docx::NEEDS_FILE)
            );
            return Some(ExitCode::from(2));
        }
        None
    }

    /// The language of a state document (a Word annex): Vietnamese unless asked otherwise.
    pub fn document_lang(&self) -> Lang {
        self.lang.unwrap_or(Lang::Vi)
    }

    /// Renders with `text` (or `xlsx` for a workbook) and prints or writes the result.
    pub fn write(
        &self,
        all: bool,
        text: impl FnOnce(TextFormat, TableOptions) -> String,
        xlsx: impl FnOnce() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
    ) -> anyhow::Result<()> {
        let bytes = match self.format.text() {
            Some(format) => text(format, self.table_options(all)).into_bytes(),
            None => xlsx().map_err(|e| failed(self.lang(), cli::WORKBOOK_NOT_BUILT, e))?,
        };
        self.write_bytes(bytes)
    }
}

impl Output {
    /// Writes output that `produce` hands out in pieces, in order (a league of ten thousand
    /// rows): to standard output each piece as it comes, never held whole; to a file joined
    /// and written atomically like any output.
    pub fn write_streamed(
        &self,
        produce: impl FnOnce(&mut dyn FnMut(&[u8])),
    ) -> anyhow::Result<()> {
        match &self.output {
            Some(_) => {
                let mut all = Vec::new();
                produce(&mut |piece| all.extend_from_slice(piece));
                self.write_bytes(all)
            }
            None => {
                let mut out = std::io::stdout().lock();
                produce(&mut |piece| write_or_exit(&mut out, piece));
                write_or_exit(&mut out, b"");
                Ok(())
            }
        }
    }

    /// Writes output made whole (a rendered table, a workbook, a Word document): to standard
    /// output, or to the file written atomically.
    pub fn write_bytes(&self, bytes: Vec<u8>) -> anyhow::Result<()> {
        write_output(
            self.output.as_deref(),
            bytes,
            self.force,
            self.lang(),
            cli::OUTPUT_NOT_WRITTEN,
        )
    }
}

/// The one place output made whole leaves parindex: to `path` written atomically (refused
/// over an existing file without `force`), or to standard output; a file not written is an
/// error that says `what` it was, in `lang`.
pub fn write_output(
    path: Option<&std::path::Path>,
    bytes: impl AsRef<[u8]>,
    force: bool,
    lang: Lang,
    what: Text,
) -> anyhow::Result<()> {
    match path {
        Some(path) => write_atomic(path, bytes, force).map_err(|e| not_written(lang, what, &e)),
        None => {
            write_stdout(bytes.as_ref());
            Ok(())
        }
    }
}

/// The extensions a file of `format` may be named with.
fn own_extensions(format: Format) -> &'static [&'static str] {
    match format {
        Format::Table => &["txt"],
        Format::Json => &["json"],
        Format::Csv => &["csv", "txt"],
        Format::Markdown => &["md", "markdown", "txt"],
        Format::Xlsx => &["xlsx"],
        Format::Docx => &["docx"],
    }
}

/// `--format`'s value as the command line spells it.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Table => "table",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Markdown => "markdown",
        Format::Xlsx => "xlsx",
        Format::Docx => "docx",
    }
}

/// A usage error when `-o`'s extension names another kind of file than the format writes
/// (a Word document named `.xlsx`, a workbook `.yaml` in an evidence folder): refused before
/// any work, exit 2.
pub fn wrong_extension(
    path: &std::path::Path,
    own: &[&str],
    format: &str,
    lang: Lang,
) -> Option<ExitCode> {
    let ext = parindex::output::contradicting_extension(path, own)?;
    eprintln!(
        "{}: {}",
        lang.t(say::ERROR),
        parindex::i18n::docx::wrong_extension(
            lang,
            &parindex::diag::shown(&path.display().to_string()),
            &ext,
            format
        )
    );
    Some(ExitCode::from(2))
}

/// A path given on the command line, or made from one, as a message line names it: on one
/// line, every control or hidden character written as its code point, so that a name cannot
/// forge a line of the report or colour the terminal.
pub fn path_shown(path: &std::path::Path) -> String {
    parindex::diag::visible_name(&path.display().to_string()).into_owned()
}

/// Loads and scores an evidence file ([`parindex::pipeline::score_file`]); on failure the
/// diagnostics are printed and the exit code comes back.
pub fn load_scored(
    path: &std::path::Path,
    resolver: &parindex::load::CriteriaResolver,
    stage: parindex::model::Stage,
    lang: Lang,
) -> Result<ScoredCard, ExitCode> {
    parindex::pipeline::score_file(path, resolver, stage).map_err(|d| {
        report(&d.0, lang);
        failure()
    })
}

/// Writes to standard output. When the reader has gone (`parindex … | head`), the output is
/// no longer wanted: end quietly with success, as ripgrep does, rather than panic.
pub fn write_stdout(bytes: &[u8]) {
    write_or_exit(&mut std::io::stdout().lock(), bytes);
}

/// Writes `bytes` to standard output (and flushes it); a closed pipe (`| head`) ends the
/// run quietly, any other failure with exit 1.
fn write_or_exit(out: &mut std::io::StdoutLock, bytes: &[u8]) {
    use std::io::Write;
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        std::process::exit(i32::from(FAILURE));
    }
}

/// A failure told in the command's language: `main` heads it with `error:` (`lỗi:`) in that
/// language. Built whole, with its cause, so that nothing English is chained after it.
#[derive(Debug)]
pub struct Failed {
    pub lang: Lang,
    pub text: String,
    /// A wrong command line rather than bad input (an `-o` that may not be written): exit 2.
    pub usage: bool,
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl std::error::Error for Failed {}

/// "the output was not written: out.xlsx already exists; pass --force to overwrite it".
pub fn not_written(lang: Lang, what: Text, e: &WriteError) -> anyhow::Error {
    anyhow::Error::new(Failed {
        lang,
        text: format!("{}: {}", lang.t(what), cli::write_error(lang, e)),
        usage: e.is_usage(),
    })
}

/// "the workbook could not be built: CAUSE", the cause as the library that failed says it.
pub fn failed(lang: Lang, what: Text, cause: impl std::fmt::Display) -> anyhow::Error {
    anyhow::Error::new(Failed {
        lang,
        text: format!("{}: {cause}", lang.t(what)),
        usage: false,
    })
}

/// The language a failure returned by a command is told in (English for one that is not a
/// [`Failed`]: a library's own error).
pub fn language_of(e: &anyhow::Error) -> Lang {
    e.downcast_ref::<Failed>().map_or(Lang::En, |f| f.lang)
}

/// Exit code for invalid input and failed checks.
pub const FAILURE: u8 = 1;

/// The language of commands that take no `--lang` yet (`explain`, `whatif`, `template`,
/// `criteria`): their diagnostics are written in it. One place, so that the language from the
/// environment (`PARINDEX_LANG`, a `vi_*` locale) reaches them all at once.
pub fn default_lang() -> Lang {
    Lang::from_env()
}

/// Prints diagnostics to stderr in `lang`, one block each, and returns how many were errors.
pub fn report(diagnostics: &[Diagnostic], lang: Lang) -> usize {
    for d in diagnostics {
        eprintln!("{}\n", d.shown_in(lang));
    }
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// Prints the diagnostics of files that did not load, each told once: a broken criteria set
/// stops every file that names it with the same errors, which a folder of ten thousand files
/// would otherwise repeat ten thousand times. The same finding met again (the same check,
/// criterion, message and hint: each file naming a criteria set that is not there, say) is
/// shown once, where it is first met, and the other places are listed under it: one screen for
/// one mistake, however many files repeat it.
pub fn report_failed(failed: &[(String, Vec<Diagnostic>)], lang: Lang) {
    /// Places listed under a finding at most; the rest are counted.
    const LISTED: usize = 10;
    // Files shown in part (their first few diagnostics, then a W015): one of them may hold a
    // finding in the part not shown, unless the finding is among those shown of it.
    let shown_in_part: std::collections::HashSet<&str> = failed
        .iter()
        .flat_map(|(_, ds)| ds)
        .filter(|d| d.check == parindex::diag::NOT_ALL_SHOWN)
        .map(|d| d.file.as_str())
        .collect();
    let mut told = std::collections::HashSet::new();
    type Finding<'a> = (&'a str, Option<&'a str>, &'a str, Option<&'a str>);
    let mut by_finding: std::collections::HashMap<Finding, usize> = Default::default();
    let mut findings: Vec<(&Diagnostic, Vec<&Diagnostic>)> = Vec::new();
    for d in failed.iter().flat_map(|(_, ds)| ds) {
        if !told.insert(d.told_key()) {
            continue;
        }
        let key = (
            d.check.code,
            d.criterion.as_deref(),
            d.message.as_str(),
            d.help.as_deref(),
        );
        match by_finding.get(&key) {
            Some(&first) => findings[first].1.push(d),
            None => {
                by_finding.insert(key, findings.len());
                findings.push((d, Vec::new()));
            }
        }
    }
    for (d, again) in findings {
        if again.is_empty() {
            eprintln!("{}\n", d.shown_in(lang));
            continue;
        }
        let files: std::collections::HashSet<&str> =
            again.iter().map(|a| a.file.as_str()).collect();
        // The places counted are then a lower bound, and said to be.
        let lower_bound = shown_in_part
            .iter()
            .any(|f| *f != d.file && !files.contains(f));
        let listed: Vec<String> = again
            .iter()
            .take(LISTED)
            .map(|a| parindex::diag::visible_name(&a.location()).into_owned())
            .collect();
        // Under the hint, as far in as the block's gutter puts it.
        let gutter = d.position.map_or(1, |p| p.line.to_string().len());
        eprintln!(
            "{}\n{} {}\n",
            d.shown_in(lang),
            " ".repeat(gutter),
            say::same_elsewhere(
                lang,
                again.len(),
                files.len(),
                &listed.join(", "),
                again.len() > LISTED,
                lower_bound
            )
        );
    }
}

/// The files that did not load, for the line that closes their report: the first ten, each
/// name on one line as [`parindex::diag::visible_name`] writes it, then how many more.
pub fn failed_names(failed: &[(String, Vec<Diagnostic>)], lang: Lang) -> String {
    const NAMED: usize = 10;
    let mut names: Vec<String> = failed
        .iter()
        .take(NAMED)
        .map(|(f, _)| parindex::diag::visible_name(f).into_owned())
        .collect();
    if failed.len() > NAMED {
        names.push(say::and_more(lang, failed.len() - NAMED));
    }
    names.join(", ")
}

/// Whether stdout is a terminal.
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Colour only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
pub fn use_color() -> bool {
    stdout_is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

pub fn failure() -> ExitCode {
    ExitCode::from(FAILURE)
}
