//! `parindex losses`: every criterion that lost points, and who must fix it.

use super::load_scored;
use parindex::i18n::Lang;
use parindex::load::CriteriaResolver;
use parindex::losses::{by_responsible, by_section, losses};
use parindex::pipeline::ScoredCard;
use parindex::render::losses::render;
use parindex::render::Format;
use std::path::PathBuf;
use std::process::ExitCode;

/// List the criteria that lost points, with why and who must fix them.
///
/// Largest loss first, with the value scored, why
/// (the appraisal council's reason, or the evidence's note) and the responsible office.
///
/// `--by responsible` groups them per office with each office's total, so that each office
/// can be handed its own list; `--by section` per section.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex losses examples/krong-no-2022.yaml\n  parindex losses examples/krong-no-2022.yaml --by responsible\n  parindex losses examples/krong-no-2022.yaml --by responsible --format csv -o losses.csv"
)]
pub struct Args {
    /// The evidence file.
    evidence: PathBuf,
    /// Group the losses.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// Which assessment: `final` (the council's last values: reappraised, else appraised, else
    /// self-assessed), `appraised` (the first appraisal's values, self-assessed elsewhere) or
    /// `self` (the unit's self-assessed values only).
    #[arg(long, value_enum, default_value_t = super::score::StageArg::Final)]
    stage: super::score::StageArg,
    #[command(flatten)]
    out: super::Output,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum By {
    /// Per responsible office, the office losing most first.
    Responsible,
    /// Per section, in order.
    Section,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(code) = args.out.usage_error() {
        return Ok(code);
    }
    let ScoredCard { evidence, card, .. } = match load_scored(
        &args.evidence,
        &CriteriaResolver::new(),
        args.stage.into(),
        args.out.lang(),
    ) {
        Ok(s) => s,
        Err(code) => return Ok(code),
    };
    let list = losses(&card, &evidence);
    let groups = match args.by {
        None => None,
        Some(By::Responsible) => {
            // Tables and Markdown say it in their language; JSON, CSV and xlsx keep English.
            let lang = match args.out.format {
                Format::Table | Format::Markdown => args.out.lang(),
                _ => Lang::En,
            };
            let unassigned = lang.t(parindex::i18n::losses::NO_OFFICE);
            Some(("responsible", by_responsible(&list, unassigned)))
        }
        Some(By::Section) => Some(("section", by_section(&card, &list))),
    };
    let grouped = groups.as_ref().map(|(by, g)| (*by, g.as_slice()));
    args.out.write(
        false,
        |format, opts| render(&card, &list, grouped, format, opts),
        || parindex::render::xlsx::losses(&card, &list, args.out.lang()),
    )?;
    Ok(ExitCode::SUCCESS)
}
