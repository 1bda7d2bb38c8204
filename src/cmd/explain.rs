//! `parindex explain`: how one score came about.

use super::{failure, report};
use parindex::explain::explain;
use parindex::load::{load_evidence, CriteriaResolver};
use parindex::score::{overflow_diagnostic, score};
use std::path::PathBuf;
use std::process::ExitCode;

/// Explain how a score came about, step by step with the real numbers.
///
/// Shows the rule,
/// the value used (self-assessed or appraised, and why), the formula with the values
/// substituted, the unrounded result, the rounding, and the effect on the section and the
/// total. For a criterion with sub-criteria, or a section, each child's contribution.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex explain examples/krong-no-2022.yaml 1.1.3\n  parindex explain examples/krong-no-2022.yaml 1.6 --stage self\n  parindex explain examples/krong-no-2022.yaml 7"
)]
pub struct Args {
    /// The evidence file.
    evidence: PathBuf,
    /// The criterion code, e.g. 1.1.3 (or a section, e.g. 7).
    code: String,
    /// Which assessment: `final` (appraised values where given) or `self`.
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (source, evidence, set, _) = match load_evidence(&args.evidence, &CriteriaResolver::new()) {
        Ok(loaded) => loaded,
        Err(d) => {
            report(&d.0);
            return Ok(failure());
        }
    };
    let Some(node) = set.find(args.code.trim()) else {
        let codes = set.nodes.iter().map(|n| n.code.as_str());
        let hint = match parindex::diag::suggest(args.code.trim(), codes) {
            Some(s) => format!("; did you mean {s}?"),
            None => String::new(),
        };
        eprintln!(
            "error: `{}` is not a criterion of {}{hint}",
            args.code, set.id
        );
        return Ok(failure());
    };
    let card = match score(&set, &evidence, args.stage.into()) {
        Ok(card) => card,
        Err(e) => {
            report(&[overflow_diagnostic(&source, &e)]);
            return Ok(failure());
        }
    };
    for line in explain(&card, &evidence.entries, node) {
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
