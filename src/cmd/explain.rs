//! `parindex explain`: how one score came about.

use super::{failure, load_scored};
use parindex::explain::explain_in;
use parindex::i18n::cli;
use parindex::load::CriteriaResolver;
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
    /// Which assessment: `final` (the council's last values: reappraised, else appraised, else
    /// self-assessed), `appraised` (the first appraisal's values, self-assessed elsewhere) or
    /// `self` (the unit's self-assessed values only).
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    #[command(flatten)]
    lang: super::LangFlag,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let lang = args.lang.lang;
    let scored = match load_scored(
        &args.evidence,
        &CriteriaResolver::new(),
        args.stage.into(),
        lang,
    ) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let (set, card, evidence) = (&scored.set, &scored.card, &scored.evidence);
    let Some(node) = set.find(args.code.trim()) else {
        let codes = set.nodes.iter().map(|n| n.code.as_str());
        let hint = match (
            parindex::diag::suggest_code(args.code.trim(), codes),
            set.around(args.code.trim()),
        ) {
            (Some(s), _) => cli::did_you_mean(lang, s),
            (None, Some(around)) => format!("; {}", around.get(lang)),
            (None, None) => String::new(),
        };
        eprintln!(
            "{}: {}{hint}",
            lang.t(parindex::i18n::diag::ERROR),
            cli::not_a_criterion(lang, &args.code, &set.id)
        );
        return Ok(failure());
    };
    for line in explain_in(lang, card, &evidence.entries, node) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
