//! `parindex diff`: compare two years' results, or show a file's appraisal rounds side by side.

use super::{failure, report};
use parindex::compare::{
    check_map, compare_with, load_outcome, unrelated_titles, CodeMap, MapEntry,
};
use parindex::decimal::parse_decimal;
use parindex::diag::{self, Diagnostic, Diagnostics, Position};
use parindex::i18n::{cli, diag as say};
use parindex::load::CriteriaResolver;
use parindex::model::Stage;
use parindex::pipeline::score_file;
use parindex::render::diff::render;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Compare two results: year over year, across criteria sets, or a file's appraisal rounds.
///
/// Shows the total and every section (old and new score, max, percentages, the
/// change in points and in percentage points), then every criterion that changed, largest
/// change first, marked gained, lost, new loss or recovered.
///
/// OLD and NEW are evidence files (each scored with its own criteria set, which may be
/// different years' sets) or JSON results written by `score --format json`. Criteria found in
/// only one set are listed as removed or added; a criterion whose max or rule changed is
/// marked; sections whose maximum changed are compared on the percentage. Renumbered criteria
/// are matched with `--map`, which is checked against both results (E302); without it, a
/// criterion whose two titles share no word is warned about (W301). A JSON result whose
/// figures `score` could not have written is refused (E301). `--stage` chooses the stage at
/// which evidence files are scored (a JSON result keeps its own).
///
/// `--stages FILE` shows FILE's appraisal rounds side by side instead: the unit's
/// self-assessment, the council's first appraisal and the result after the unit's explanation
/// (the final stage); per section and in total, the points the council took (every cut, in
/// either appraisal), those won back after the explanation and those the council raised, each
/// summed over the criteria so that a rise never hides a cut; per criterion the council
/// appraised, the value and points at each stage, the round the final value comes from, the
/// council's reasons and the unit's explanation.
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
    /// Show FILE's appraisal rounds side by side instead (self, appraised, final).
    #[arg(long, value_name = "FILE")]
    stages: Option<PathBuf>,
    /// The stage at which evidence files OLD and NEW are scored: `final` (the default: the
    /// council's last values), `appraised` (the first appraisal's) or `self` (the unit's own).
    /// A JSON result keeps the stage it was scored at; with two JSON results it is refused.
    #[arg(long, value_enum, conflicts_with = "stages")]
    stage: Option<super::score::StageArg>,
    /// YAML file mapping old codes to new codes (or ~ for removed), for renumbered sets.
    #[arg(long, value_name = "FILE", conflicts_with = "stages")]
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
                eprintln!("{}", cli::fail_on_drop_takes(args.out.lang(), t));
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let map = match &args.map {
        Some(path) => match read_map(path) {
            Ok(m) => Some(m),
            Err(d) => {
                report(&d.0, args.out.lang());
                return Ok(failure());
            }
        },
        None => None,
    };
    let resolver = CriteriaResolver::new();
    if let Some(file) = &args.stages {
        return rounds(file, &resolver, &args.out, fail_on_drop);
    }
    let stage = args.stage.map_or(Stage::Final, Stage::from);
    let (old, new) = {
        let (old_path, new_path) = (
            args.old.as_ref().expect("clap requires OLD"),
            args.new.as_ref().expect("clap requires NEW"),
        );
        // Two JSON results keep their own stages: a --stage would be silently ignored.
        if args.stage.is_some() && is_json_result(old_path) && is_json_result(new_path) {
            eprintln!("{}", cli::stage_on_results(args.out.lang()));
            return Ok(ExitCode::from(2));
        }
        // An evidence side first: the set it loads is then at hand to check a JSON result
        // against, where that result names a set kept in a file (by its id only).
        let (old, new) = if is_json_result(old_path) {
            let new = load_outcome(new_path, &resolver, stage);
            (load_outcome(old_path, &resolver, stage), new)
        } else {
            let old = load_outcome(old_path, &resolver, stage);
            (old, load_outcome(new_path, &resolver, stage))
        };
        match (old, new) {
            (Ok(o), Ok(n)) => {
                for (side, path) in [(&o, old_path), (&n, new_path)] {
                    if side.unchecked {
                        eprintln!(
                            "{}",
                            cli::result_unchecked(
                                args.out.lang(),
                                &super::path_shown(path),
                                &diag::shown(&side.criteria)
                            )
                        );
                    }
                }
                (o, n)
            }
            (o, n) => {
                let mut all = Vec::new();
                for side in [o.err(), n.err()].into_iter().flatten() {
                    all.extend(side.0);
                }
                report(&all, args.out.lang());
                return Ok(failure());
            }
        }
    };
    // Names compared as everywhere else: `Xã A` and `xã  A` are one unit.
    if parindex::units::unit_key(&old.unit) != parindex::units::unit_key(&new.unit) {
        eprintln!(
            "{}",
            cli::units_differ(
                args.out.lang(),
                &diag::shown(&old.unit),
                &diag::shown(&new.unit)
            )
        );
    }
    let code_map = match &map {
        Some(m) => {
            let problems = m.check(&old, &new);
            if !problems.is_empty() {
                report(&problems, args.out.lang());
                return Ok(failure());
            }
            m.code_map()
        }
        None => {
            if let (Some(o), Some(n)) = (&args.old, &args.new) {
                report(&title_warnings(&old, &new, o, n), args.out.lang());
            }
            CodeMap::new()
        }
    };
    let comparison = compare_with(old, new, &code_map, false)
        .map_err(|e| super::failed(args.out.lang(), cli::TOO_LARGE_TO_COMPARE, e))?;
    args.out.write(
        false,
        |format, opts| render(&comparison, format, opts),
        || parindex::render::xlsx::comparison(&comparison, args.out.lang()),
    )?;
    if let (Some(limit), Some(delta)) = (fail_on_drop, comparison.lines[0].delta_pp()) {
        if -delta > limit {
            eprintln!("{}", cli::total_fell(args.out.lang(), -delta, limit));
            return Ok(failure());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether `path` holds a JSON result (as `load_outcome` tells one), not evidence.
fn is_json_result(path: &std::path::Path) -> bool {
    // Only a regular file is opened (a FIFO would wait); anything else is left to the loader.
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
        && std::fs::read_to_string(path).is_ok_and(|t| t.trim_start().starts_with('{'))
}

/// `diff --stages FILE`: the file scored at each stage, its rounds side by side. With
/// `--fail-on-drop`, fails when the final result is that many points of percentage below the
/// self-assessment.
fn rounds(
    file: &Path,
    resolver: &CriteriaResolver,
    out: &super::Output,
    fail_on_drop: Option<Decimal>,
) -> anyhow::Result<ExitCode> {
    let cards = score_file(file, resolver, Stage::SelfAssessment).and_then(|scored| {
        let appraised = scored.rescore(&scored.evidence, Stage::Appraised)?;
        let last = scored.rescore(&scored.evidence, Stage::Final)?;
        Ok((scored, appraised, last))
    });
    let (scored, appraised, last) = match cards {
        Ok(c) => c,
        Err(d) => {
            report(&d.0, out.lang());
            return Ok(failure());
        }
    };
    report(&scored.warnings, out.lang());
    let r = parindex::rounds::rounds(&scored.evidence, [&scored.card, &appraised, &last]);
    out.write(
        false,
        |format, opts| parindex::render::rounds::render(&r, format, opts),
        || parindex::render::xlsx::rounds(&r, out.lang()),
    )?;
    if let (Some(limit), Some(own), Some(fin)) =
        (fail_on_drop, scored.card.total.percent, last.total.percent)
    {
        if own - fin > limit {
            eprintln!("{}", cli::appraisal_took(out.lang(), own - fin, limit));
            return Ok(failure());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// At most this many title warnings are printed one by one; the rest are counted.
const TITLE_WARNINGS: usize = 10;

/// Warnings for criteria matched by their code whose titles share no word: likely renumbered.
fn title_warnings(
    old: &parindex::compare::Outcome,
    new: &parindex::compare::Outcome,
    old_path: &Path,
    new_path: &Path,
) -> Vec<Diagnostic> {
    let pairs = unrelated_titles(old, new);
    let file = new_path.display().to_string();
    let help = say::RENUMBERED_HELP;
    let (old_shown, new_shown) = (super::path_shown(old_path), super::path_shown(new_path));
    let mut out: Vec<Diagnostic> = pairs
        .iter()
        .take(TITLE_WARNINGS)
        .map(|(code, a, b)| {
            Diagnostic::new(
                diag::TITLE_CHANGED,
                &file,
                say::title_changed(code, a, &old_shown, b, &new_shown),
            )
            .criterion(code.clone())
            .help(help)
        })
        .collect();
    if pairs.len() > TITLE_WARNINGS {
        out.push(
            Diagnostic::new(
                diag::TITLE_CHANGED,
                &file,
                say::more_titles_changed(pairs.len() - TITLE_WARNINGS),
            )
            .help(help),
        );
    }
    out
}

/// A renumbering map as written: its entries in order, each with where its key stands.
struct Map {
    source: parindex::load::Source,
    entries: Vec<MapEntry>,
    /// Line, column and length of each entry's key, where found.
    spots: Vec<Option<(usize, usize, usize)>>,
}

impl Map {
    /// Every problem of the map against the two results, placed at its line: the first
    /// hundred, then how many more (a map of 80,000 wrong lines printed 55 MB, each line
    /// found by reading the file from its start).
    fn check(
        &self,
        old: &parindex::compare::Outcome,
        new: &parindex::compare::Outcome,
    ) -> Vec<Diagnostic> {
        let mut found = diag::Findings::new();
        for p in check_map(&self.entries, old, new) {
            let d = match self.spots[p.entry] {
                Some((line, column, width)) => self.source.diag_at_position(
                    diag::BAD_CODE_MAP,
                    Position { line, column },
                    width,
                    p.message,
                ),
                None => Diagnostic::new(diag::BAD_CODE_MAP, &self.source.name, p.message),
            };
            found.push(d.criterion(p.code).help(say::MAP_ONCE_HELP));
        }
        found.into_vec(&self.source.name)
    }

    fn code_map(&self) -> CodeMap {
        self.entries
            .iter()
            .map(|e| (e.old.clone(), e.new.clone()))
            .collect()
    }
}

/// Reads a renumbering map: `"old": "new"` or `"old": ~`, through the same reading as every
/// other file (a key written twice is refused there, at its second line).
fn read_map(path: &Path) -> Result<Map, Diagnostics> {
    let source = parindex::load::Source::read(path)?.of_any_kind();
    let doc = source.document()?;
    let help = say::MAP_HELP;
    let Some(pairs) = doc.entries() else {
        // Named, not quoted: a file given here by mistake (a `.env`) is not shown.
        let what = if doc.scalar().is_some() {
            say::A_SINGLE_VALUE
        } else {
            say::A_LIST
        };
        return Err(Diagnostics::one(
            diag::Diagnostic::new(diag::WRONG_TYPE, &source.name, say::map_not_a_mapping(what))
                .help(help),
        ));
    };
    // A mapping whose keys or values are not criterion codes is not a code map (a `.env` or a
    // settings file given here by mistake): named, never quoted.
    let not_codes = pairs
        .iter()
        .filter(|(k, v)| {
            !k.text().is_some_and(|t| parindex::model::is_code(t.trim()))
                || v.scalar().is_some_and(|s| {
                    s != parindex::load::yaml::Scalar::Null
                        && !v.text().is_some_and(|t| parindex::model::is_code(t.trim()))
                })
        })
        .count();
    if not_codes > 0 {
        return Err(Diagnostics::one(
            diag::Diagnostic::new(
                diag::WRONG_TYPE,
                &source.name,
                say::map_not_codes(not_codes, pairs.len()),
            )
            .help(help),
        ));
    }
    let mut entries = Vec::with_capacity(pairs.len());
    let mut spots = Vec::with_capacity(pairs.len());
    let mut problems = Vec::new();
    for (k, v) in pairs {
        let new = match v.scalar() {
            Some(parindex::load::yaml::Scalar::Null) => None,
            Some(_) => v.text().map(|t| t.trim().to_string()),
            None => {
                problems.push(
                    source
                        .diag_at(
                            diag::WRONG_TYPE,
                            v,
                            say::new_code_shape(k.text().unwrap_or_default(), v.described()),
                        )
                        .help(help),
                );
                continue;
            }
        };
        entries.push(MapEntry {
            old: k.text().unwrap_or_default().trim().to_string(),
            new,
        });
        spots.push(Some((k.at().line, k.at().column, k.width())));
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Map {
        source,
        entries,
        spots,
    })
}
