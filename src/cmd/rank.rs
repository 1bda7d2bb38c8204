//! `parindex rank`: a league table of many units scored against one criteria set.

use super::{failure, report};
use parindex::diag::Diagnostic;
use parindex::load::CriteriaResolver;
use parindex::model::Stage;
use parindex::rank::{duplicate_units, grade_counts, league, mixed_sets, score_paths, Standing};
use parindex::render::rank::{render, LeagueInfo};
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
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex rank examples/dak-nong-2022\n  parindex rank evidence/2025 --previous evidence/2024 --format csv -o ranking.csv\n  parindex rank communes/ --keep-going --quiet"
)]
pub struct Args {
    /// Evidence files or folders.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Last year's evidence files or folder: adds each unit's previous rank and its change.
    #[arg(long, value_name = "PATH")]
    previous: Vec<PathBuf>,
    /// Rank the files that load, leaving out (and naming) those that do not.
    #[arg(long)]
    keep_going: bool,
    /// Which assessment to rank: `final` (the council's last values: reappraised, else
    /// appraised, else self-assessed), `appraised` (the first appraisal's values, self-assessed
    /// elsewhere) or `self` (the unit's self-assessed values only).
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    #[command(flatten)]
    out: super::Output,
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
    if let Some(code) = args.out.usage_error() {
        return Ok(code);
    }
    let stage: Stage = args.stage.into();
    let (current, failed) = standings(&args.paths, stage, args.quiet, "Scoring");
    if !failed.is_empty() {
        for (_, d) in &failed {
            report(d);
        }
        let mut names: Vec<&str> = failed.iter().map(|(f, _)| f.as_str()).take(10).collect();
        let more = failed.len().saturating_sub(names.len());
        let more_text = format!("and {more} more");
        if more > 0 {
            names.push(&more_text);
        }
        if !args.keep_going {
            eprintln!(
                "error: {} of {} files did not load: {} (pass --keep-going to rank the rest)",
                failed.len(),
                failed.len() + current.len(),
                names.join(", ")
            );
            return Ok(failure());
        }
        eprintln!(
            "warning: left out {} file(s) that did not load: {}",
            failed.len(),
            names.join(", ")
        );
    }
    if current.is_empty() {
        eprintln!(
            "error: no evidence files to rank under {}",
            args.paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        return Ok(failure());
    }
    if let Some(d) = mixed_sets(&current) {
        report(&[d]);
        return Ok(failure());
    }
    // Not a file that failed to load: --keep-going does not leave one of the two out.
    if report(&duplicate_units(&current)) > 0 {
        return Ok(failure());
    }
    let previous = if args.previous.is_empty() {
        None
    } else {
        let (prev, prev_failed) = standings(&args.previous, stage, args.quiet, "Scoring previous");
        if !prev_failed.is_empty() {
            for (_, d) in &prev_failed {
                report(d);
            }
            eprintln!("error: {} previous file(s) did not load", prev_failed.len());
            return Ok(failure());
        }
        if let Some(d) = mixed_sets(&prev) {
            report(&[d]);
            return Ok(failure());
        }
        if report(&duplicate_units(&prev)) > 0 {
            eprintln!("error: --previous matches units by name: each must be there once");
            return Ok(failure());
        }
        Some(prev)
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
        args.out
            .write_parts(parindex::render::rank::json_parts(&rows, &info))?;
    } else {
        args.out.write(
            false,
            |format, opts| render(&rows, &info, format, opts),
            || parindex::render::xlsx::league(&rows, &info, args.out.lang),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
