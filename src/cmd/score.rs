//! `parindex score`: score one unit's evidence file.

use super::{failure, report};
use parindex::diag::{self, Diagnostic};
use parindex::load::{load_criteria, CriteriaResolver};
use parindex::model::Stage;
use parindex::pipeline::score_file;
use parindex::render::render;
use std::path::PathBuf;
use std::process::ExitCode;

/// Score an evidence file: section points, percentages, losses and the grade.
///
/// The evidence file names its criteria set (`criteria:`): an embedded set's id or a path
/// relative to the evidence file. The table shows each section and the total with its grade,
/// then every criterion that lost points, largest loss first, with the offices responsible.
/// Figures pinned under `expect:` are verified: a mismatch is reported and exits 1.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex score examples/krong-no-2022.yaml\n  parindex score examples/krong-no-2022.yaml --all\n  parindex score examples/krong-no-2022.yaml --stage self --format json -o self.json"
)]
pub struct Args {
    /// The evidence file (`kind: evidence`).
    evidence: PathBuf,
    /// Score with this criteria set file instead of the one the evidence names.
    #[arg(long, value_name = "FILE")]
    criteria: Option<PathBuf>,
    /// Which assessment to score: `final` uses the council's last values where given (the
    /// second appraisal, after the unit's explanation, else the first), `appraised` the first
    /// appraisal's, `self` the unit's own self-assessment.
    #[arg(long, value_enum, default_value_t = StageArg::Final)]
    stage: StageArg,
    /// Show every criterion and sub-criterion, indented by depth (table and markdown).
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    out: super::Output,
    /// Treat leaves without a value as errors, not warnings.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StageArg {
    /// Reappraised values where present, else appraised, else self-assessed.
    Final,
    /// The first appraisal's values where present, self-assessed otherwise.
    Appraised,
    /// Self-assessed values only.
    #[value(name = "self")]
    SelfAssessment,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(code) = args.out.usage_error() {
        return Ok(code);
    }
    let mut notes: Vec<Diagnostic> = Vec::new();
    let resolver = match &args.criteria {
        Some(path) => match load_criteria(path) {
            Ok((set, warnings)) => {
                notes.extend(warnings);
                CriteriaResolver::forced(set)
            }
            Err(d) => {
                report(&d.0, args.out.lang());
                return Ok(failure());
            }
        },
        None => CriteriaResolver::new(),
    };
    let strict = |ds: &mut [Diagnostic]| {
        if args.strict {
            for d in ds.iter_mut().filter(|d| d.check == diag::MISSING_VALUE) {
                d.severity = diag::Severity::Error;
            }
        }
    };
    let stage: Stage = args.stage.into();
    let scored = match score_file(&args.evidence, &resolver, stage) {
        Ok(scored) => scored,
        Err(mut d) => {
            // Beside other errors too, a missing value is an error under --strict.
            strict(&mut d.0);
            report(&d.0, args.out.lang());
            return Ok(failure());
        }
    };
    let (source, evidence, set, card) =
        (&scored.source, &scored.evidence, &scored.set, &scored.card);
    notes.extend(scored.warnings.iter().cloned());
    // A reference that is an id (not a path) and names another set: say which one was used.
    let is_id = |r: &str| {
        r.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    };
    if args.criteria.is_some() && is_id(&evidence.criteria_ref) && evidence.criteria_ref != set.id {
        eprintln!(
            "{}",
            parindex::i18n::diag::scored_with_other_set(
                args.out.lang(),
                &source.name,
                &evidence.criteria_ref,
                &set.id
            )
        );
    }
    strict(&mut notes);
    if report(&notes, args.out.lang()) > 0 {
        return Ok(failure());
    }
    args.out.write(
        args.all,
        |format, opts| render(card, format, opts),
        || {
            parindex::render::xlsx::scorecard(
                card,
                &parindex::losses::losses(card, evidence),
                args.out.lang(),
            )
        },
    )?;
    // Expectations hold for the stage they were published for: `expect:`'s figures for the
    // final one, those under `expect: { stages: … }` for theirs.
    let mismatches = scored.expectation_failures();
    if report(&mismatches, args.out.lang()) > 0 {
        eprintln!(
            "{}",
            parindex::i18n::diag::expectations_differ(args.out.lang(), mismatches.len())
        );
        return Ok(failure());
    }
    Ok(ExitCode::SUCCESS)
}

impl From<StageArg> for Stage {
    fn from(s: StageArg) -> Stage {
        match s {
            StageArg::Final => Stage::Final,
            StageArg::Appraised => Stage::Appraised,
            StageArg::SelfAssessment => Stage::SelfAssessment,
        }
    }
}
