//! `parindex diff`: compare two years' results, or a file's self-assessment with its
//! appraised result.

use super::{failure, report};
use anyhow::Context;
use parindex::compare::{compare, load_outcome, stages, CodeMap};
use parindex::decimal::parse_decimal;
use parindex::diag::{Diagnostic, Diagnostics};
use parindex::load::CriteriaResolver;
use parindex::model::Stage;
use parindex::pipeline::score_file;
use parindex::render::diff::render;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare two results: year over year, across criteria sets, or self-assessment vs appraisal.
///
/// Shows the total and every section (old and new score, max, percentages, the
/// change in points and in percentage points), then every criterion that changed, largest
/// change first, marked gained, lost, new loss or recovered.
///
/// OLD and NEW are evidence files (each scored with its own criteria set, which may be
/// different years' sets) or JSON results written by `score --format json`. Criteria found in
/// only one set are listed as removed or added; a criterion whose max or rule changed is
/// marked; sections whose maximum changed are compared on the percentage. Renumbered criteria
/// are matched with `--map`.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  parindex diff examples/krong-no-2021.yaml examples/krong-no-2022.yaml\n  parindex diff 2022.json examples/krong-no-2023.yaml --map renumbering.yaml\n  parindex diff --stages examples/krong-no-2022.yaml\n  parindex diff old.yaml new.yaml --fail-on-drop 1\n\nA --map file maps old codes to new ones, or to ~ for criteria removed:\n  \"7.1.6\": ~\n  \"3.4.4\": \"3.5.1\""
)]
pub struct Args {
    /// The earlier result (evidence or JSON).
    #[arg(required_unless_present = "stages", conflicts_with = "stages")]
    old: Option<PathBuf>,
    /// The later result (evidence or JSON).
    #[arg(required_unless_present = "stages")]
    new: Option<PathBuf>,
    /// Compare FILE's self-assessment with its appraised result instead.
    #[arg(long, value_name = "FILE")]
    stages: Option<PathBuf>,
    /// YAML file mapping old codes to new codes (or ~ for removed), for renumbered sets.
    #[arg(long, value_name = "FILE")]
    map: Option<PathBuf>,
    /// Exit 1 when the total percentage fell by more than PCT percentage points.
    #[arg(long, value_name = "PCT")]
    fail_on_drop: Option<String>,
    #[command(flatten)]
    out: super::Output,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if let Some(code) = args.out.usage_error() {
        return Ok(code);
    }
    let fail_on_drop = match &args.fail_on_drop {
        Some(t) => match parse_decimal(t) {
            Ok(d) if d >= Decimal::ZERO => Some(d),
            _ => {
                eprintln!(
                    "error: --fail-on-drop takes percentage points, e.g. 1 or 0.5, not `{t}`"
                );
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let map = match &args.map {
        Some(path) => match read_map(path) {
            Ok(m) => m,
            Err(d) => {
                report(&d.0);
                return Ok(failure());
            }
        },
        None => CodeMap::new(),
    };
    let resolver = CriteriaResolver::new();
    let (old, new) = if let Some(file) = &args.stages {
        let cards = score_file(file, &resolver, Stage::SelfAssessment).and_then(|scored| {
            let final_card = scored.rescore(&scored.evidence, Stage::Final)?;
            Ok((scored, final_card))
        });
        let (scored, final_card) = match cards {
            Ok(c) => c,
            Err(d) => {
                report(&d.0);
                return Ok(failure());
            }
        };
        let reasons: Vec<Option<String>> = scored
            .evidence
            .entries
            .iter()
            .map(|e| e.as_ref().and_then(|e| e.reason.clone()))
            .collect();
        stages(&scored.card, &final_card, &reasons)
    } else {
        let (old_path, new_path) = (
            args.old.as_ref().expect("clap requires OLD"),
            args.new.as_ref().expect("clap requires NEW"),
        );
        let old = load_outcome(old_path, &resolver, Stage::Final);
        let new = load_outcome(new_path, &resolver, Stage::Final);
        match (old, new) {
            (Ok(o), Ok(n)) => (o, n),
            (o, n) => {
                let mut all = Vec::new();
                for side in [o.err(), n.err()].into_iter().flatten() {
                    all.extend(side.0);
                }
                report(&all);
                return Ok(failure());
            }
        }
    };
    let comparison = compare(old, new, &map).context("a figure is too large to compare")?;
    args.out.write(
        false,
        |format, opts| render(&comparison, format, opts),
        || parindex::render::xlsx::comparison(&comparison),
    )?;
    if let (Some(limit), Some(delta)) = (fail_on_drop, comparison.lines[0].delta_pp()) {
        if -delta > limit {
            eprintln!(
                "error: the total fell by {} percentage points, more than the {} allowed by --fail-on-drop",
                parindex::decimal::show_percent(-delta),
                parindex::decimal::show(limit)
            );
            return Ok(failure());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads a renumbering map: `"old": "new"` or `"old": ~`.
fn read_map(path: &Path) -> Result<CodeMap, Diagnostics> {
    let source = parindex::load::Source::read(path)?;
    let name = source.name.clone();
    let bad = |msg: String| {
        Diagnostic::new(parindex::diag::WRONG_TYPE, &name, msg)
            .help("a map lists old codes with their new code, or ~ where the criterion was removed: \"7.1.6\": ~")
    };
    let raw: std::collections::BTreeMap<String, Option<String>> =
        serde_yaml::from_str(&source.text)
            .map_err(|e| Diagnostics::one(bad(format!("not a code map: {e}"))))?;
    Ok(raw.into_iter().collect())
}
