//! From an evidence file to a scored card: the one way every command and report gets one.
//!
//! Read the file ([`Source`]), bind it to its criteria set ([`parse_evidence`]: every value
//! checked against its rule), score it with the engine ([`score::score`]), and place what the
//! engine reports (a figure too large for a decimal, a figure pinned under `expect:` that
//! differs) in the file as diagnostics. The engine stays pure computation over the model;
//! knowing where in a file a figure was written is this module's job, with the loader's help.
//!
//! `pipeline` → `load`, `score`; the reports (`check`, `rank`, `compare`) and the commands
//! call it rather than assembling the steps themselves.

use crate::decimal;
use crate::diag::{self, Diagnostic, Diagnostics, Message};
use crate::i18n::diag as say;
use crate::load::yaml::{child, key, Seg};
use crate::load::{parse_evidence, CriteriaResolver, Source};
use crate::model::{CriteriaSet, Evidence, Stage};
use crate::score::{self, Mismatch, Scorecard, ScoringOverflow};
use std::path::Path;
use std::sync::Arc;

/// An evidence file read, bound to its criteria set and scored at one stage.
#[derive(Debug)]
pub struct ScoredCard {
    /// The file, kept so that later diagnostics about the card are placed in it.
    pub source: Source,
    pub evidence: Evidence,
    pub set: Arc<CriteriaSet>,
    pub card: Scorecard,
    /// What loading found short of an error (values missing, an appraisal without a reason,
    /// the criteria set's own warnings when it was first loaded).
    pub warnings: Vec<Diagnostic>,
}

impl ScoredCard {
    /// Scores `evidence` (this card's own, or a changed copy of it) with this card's criteria
    /// set at `stage`; an overflow is placed at its value in this file.
    pub fn rescore(&self, evidence: &Evidence, stage: Stage) -> Result<Scorecard, Diagnostics> {
        score::score(&self.set, evidence, stage)
            .map_err(|e| Diagnostics::one(overflow_diagnostic(&self.source, &e)))
    }

    /// The figures pinned under `expect:` for this card's stage that differ from the computed
    /// ones, each placed at its figure. `expect:`'s own figures are the final stage's; those of
    /// a stage under `expect: { stages: { self: … } }` (parindex's extension) are that stage's.
    pub fn expectation_failures(&self) -> Vec<Diagnostic> {
        let Some(expect) = &self.evidence.expect else {
            return Vec::new();
        };
        expect
            .at(self.card.stage)
            .flat_map(|(figures, nested)| {
                expectation_diagnostics(
                    &self.source,
                    &expect_path(self.card.stage, nested),
                    &score::expectation_mismatches(&self.card, figures),
                )
            })
            .collect()
    }

    /// The figures pinned under `expect:` for every stage that differ from the computed ones:
    /// the card's stage, then each other stage pinned, rescored (what `check` verifies).
    pub fn all_expectation_failures(&self) -> Result<Vec<Diagnostic>, Diagnostics> {
        let mut out = self.expectation_failures();
        let Some(expect) = &self.evidence.expect else {
            return Ok(out);
        };
        for stage in Stage::ALL {
            if stage == self.card.stage || expect.at(stage).next().is_none() {
                continue;
            }
            let card = self.rescore(&self.evidence, stage)?;
            for (figures, nested) in expect.at(stage) {
                out.extend(expectation_diagnostics(
                    &self.source,
                    &expect_path(stage, nested),
                    &score::expectation_mismatches(&card, figures),
                ));
            }
        }
        Ok(out)
    }
}

/// Reads the evidence file at `path`, binds it to the criteria set it names (through
/// `resolver`; a relative path is relative to the file's folder) and scores it at `stage`.
///
/// On failure, every diagnostic found: the loader's errors and warnings, or the warnings and
/// then the overflow that stopped the scoring.
pub fn score_file(
    path: &Path,
    resolver: &CriteriaResolver,
    stage: Stage,
) -> Result<ScoredCard, Diagnostics> {
    let source = Source::read(path)?;
    let base_dir = path.parent().unwrap_or(Path::new("."));
    score_source(source, base_dir, resolver, stage)
}

/// [`score_file`] for a file already read (by a caller that first looked at its kind or its
/// content): `base_dir` is the folder a criteria path in it is relative to.
pub fn score_source(
    source: Source,
    base_dir: &Path,
    resolver: &CriteriaResolver,
    stage: Stage,
) -> Result<ScoredCard, Diagnostics> {
    let (evidence, set, card, warnings) =
        bind_and_score(&source, base_dir, resolver, |set, evidence| {
            score::score(set, evidence, stage)
        })?;
    Ok(ScoredCard {
        source,
        evidence,
        set,
        card,
        warnings,
    })
}

/// [`score_source`]'s figures alone ([`score::tally`]): what a league table needs of each of
/// ten thousand files, without each leaf's details or the file kept. Loading's warnings are
/// dropped, as a league table reports none.
pub fn tally_source(
    source: &Source,
    base_dir: &Path,
    resolver: &CriteriaResolver,
    stage: Stage,
) -> Result<(Evidence, Arc<CriteriaSet>, score::Tally), Diagnostics> {
    bind_and_score(source, base_dir, resolver, |set, evidence| {
        score::tally(set, evidence, stage)
    })
    .map(|(evidence, set, tally, _)| (evidence, set, tally))
}

/// Binds `source`'s evidence to its set and hands both to `engine` (the scorecard or the
/// tally). On an overflow: the loader's warnings, then the overflow placed in the file.
fn bind_and_score<T>(
    source: &Source,
    base_dir: &Path,
    resolver: &CriteriaResolver,
    engine: impl FnOnce(&Arc<CriteriaSet>, &Evidence) -> Result<T, ScoringOverflow>,
) -> Result<(Evidence, Arc<CriteriaSet>, T, Vec<Diagnostic>), Diagnostics> {
    let (evidence, set, mut warnings) = parse_evidence(source, base_dir, resolver)?;
    match engine(&set, &evidence) {
        Ok(scored) => Ok((evidence, set, scored, warnings)),
        Err(e) => {
            warnings.push(overflow_diagnostic(source, &e));
            Err(Diagnostics(warnings))
        }
    }
}

/// The diagnostic for an overflow while scoring `source`, at the value that caused it.
pub fn overflow_diagnostic(source: &Source, overflow: &ScoringOverflow) -> Diagnostic {
    let message = say::OVERFLOW;
    let d = match &overflow.code {
        Some(code) => source
            .diag(
                diag::ARITHMETIC_OVERFLOW,
                &[key("values"), key(code)],
                message,
            )
            .criterion(code.clone()),
        None => Diagnostic::new(diag::ARITHMETIC_OVERFLOW, &source.name, message),
    };
    d.help(say::OVERFLOW_HELP)
}

/// The engine's mismatches with `expect:`, each placed at its figure in `source`.
/// `base` is where the figures were written (`expect`, or `expect.stages.self`).
pub fn expectation_diagnostics(
    source: &Source,
    base: &[Seg],
    mismatches: &[Mismatch],
) -> Vec<Diagnostic> {
    let scores = child(base, "scores");
    mismatches
        .iter()
        .map(|m| {
            // `expect:`'s own figures are the final stage's: named like the others.
            let stage = stage_of(base).unwrap_or("final");
            let (path, what, expected, computed, code): (Vec<Seg>, &str, String, Message, _) =
                match m {
                    Mismatch::Total { expected, computed } => (
                        child(base, "total"),
                        "total",
                        decimal::show(*expected),
                        decimal::show(*computed).into(),
                        None,
                    ),
                    Mismatch::Percent { expected, computed } => (
                        child(base, "percent"),
                        "percent",
                        decimal::show_percent(*expected),
                        computed.map_or(say::NONE_MAX_ZERO.into(), |c| {
                            decimal::show_percent(c).into()
                        }),
                        None,
                    ),
                    Mismatch::Grade { expected, computed } => (
                        child(base, "grade"),
                        "grade",
                        expected.clone(),
                        computed.clone().map_or(say::NONE.into(), Message::from),
                        None,
                    ),
                    Mismatch::Score {
                        code,
                        expected,
                        computed,
                    } => (
                        child(&scores, code),
                        "score",
                        decimal::show(*expected),
                        decimal::show(*computed).into(),
                        Some(code.clone()),
                    ),
                };
            let mut d = source
                .diag(
                    diag::EXPECTATION_FAILED,
                    &path,
                    say::expectation_failed(what, &expected, computed, stage),
                )
                .help(say::EXPECTATION_HELP);
            d.criterion = code;
            d
        })
        .collect()
}

/// Where a stage's figures are written: `expect`, or `expect.stages.NAME`.
fn expect_path(stage: Stage, nested: bool) -> Vec<Seg> {
    if nested {
        vec![key("expect"), key("stages"), key(stage.name())]
    } else {
        vec![key("expect")]
    }
}

/// The stage named in a path `expect.stages.NAME`, if any.
fn stage_of(base: &[Seg]) -> Option<&str> {
    match base {
        [_, Seg::Key(s), Seg::Key(name)] if s == "stages" => Some(name),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::load::parse_criteria;
    use crate::model::IfNa;
    use crate::rule::Derivation;
    use crate::score::Status;

    /// An evidence text scored against a criteria text, through the pipeline.
    fn scored(criteria: &str, evidence: &str, stage: Stage) -> Result<ScoredCard, Diagnostics> {
        let (set, _) =
            parse_criteria(&Source::from_text("c.yaml".into(), criteria.into())).unwrap();
        let resolver = CriteriaResolver::forced(set);
        let source = Source::from_text("e.yaml".into(), evidence.into());
        score_source(source, Path::new("."), &resolver, stage)
    }

    fn evidence(values: &str) -> String {
        format!(
            "parindex: 1\nkind: evidence\ncriteria: t\nunit: u\nperiod: \"2025\"\nvalues:\n{values}"
        )
    }

    /// The engine's card for `values` (the tests of the engine's figures, from text).
    fn card(criteria: &str, values: &str, stage: Stage) -> Scorecard {
        scored(criteria, &evidence(values), stage).unwrap().card
    }

    const TWO_LEAVES: &str = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 3, items: [ { code: \"1.1\", title: b, max: 1, if_na: full, rule: yes-no }, { code: \"1.2\", title: c, max: 2, if_na: exclude, rule: ratio } ] }\n";

    #[test]
    fn not_applicable_full_scores_the_max() {
        let c = card(
            TWO_LEAVES,
            "  \"1.1\": n/a\n  \"1.2\": \"50%\"\n",
            Stage::Final,
        );
        assert_eq!(
            (c.nodes[1].score, c.nodes[1].max, c.nodes[1].status),
            (dec("1"), dec("1"), Status::NotApplicable)
        );
        assert_eq!((c.total.score, c.total.max), (dec("2"), dec("3")));
    }

    #[test]
    fn not_applicable_exclude_leaves_every_maximum() {
        let c = card(
            TWO_LEAVES,
            "  \"1.1\": true\n  \"1.2\": n/a\n",
            Stage::Final,
        );
        assert_eq!((c.nodes[2].score, c.nodes[2].max), (dec("0"), dec("0")));
        assert_eq!((c.nodes[0].score, c.nodes[0].max), (dec("1"), dec("1")));
        assert_eq!(c.total.percent, Some(dec("100.00")));
        let none = card(TWO_LEAVES, "  \"1.1\": n/a\n  \"1.2\": n/a\n", Stage::Final);
        assert_eq!(none.total.max, dec("1"));
        let only_excluded = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 1, if_na: exclude, rule: yes-no }\n";
        let empty = card(only_excluded, "  \"1\": n/a\n", Stage::Final);
        assert_eq!((empty.total.max, empty.total.percent), (dec("0"), None));
    }

    #[test]
    fn each_stage_scores_its_round() {
        use crate::model::Round;
        let values = "  \"1.1\": true\n  \"1.2\": { value: \"100%\", appraised: \"0%\", reason: r, explanation: e, reappraised: \"50%\", reappraisal_reason: q }\n";
        let at = |stage| {
            let c = card(TWO_LEAVES, values, stage);
            (c.total.score, c.nodes[2].leaf.as_ref().unwrap().round)
        };
        assert_eq!(at(Stage::SelfAssessment), (dec("3"), Round::SelfAssessed));
        assert_eq!(at(Stage::Appraised), (dec("1"), Round::Appraised));
        assert_eq!(at(Stage::Final), (dec("2"), Round::Reappraised));
        // Where there was one round only, the appraised and final stages agree.
        let one = "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": \"50%\"\n";
        let c = card(TWO_LEAVES, one, Stage::Appraised);
        assert_eq!(
            c.total.score,
            card(TWO_LEAVES, one, Stage::Final).total.score
        );
        assert_eq!(c.nodes[1].leaf.as_ref().unwrap().round, Round::Appraised);
    }

    #[test]
    fn a_second_appraisal_needs_a_first_and_should_say_why() {
        let without_first = scored(
            TWO_LEAVES,
            &evidence("  \"1.1\": { value: true, reappraised: false, reappraisal_reason: q }\n  \"1.2\": \"50%\"\n"),
            Stage::Final,
        )
        .unwrap_err();
        assert!(without_first
            .0
            .iter()
            .any(|d| d.check == diag::REAPPRAISED_WITHOUT_APPRAISED));
        let without_reason = scored(
            TWO_LEAVES,
            &evidence("  \"1.1\": { value: true, appraised: false, reason: r, reappraised: true }\n  \"1.2\": \"50%\"\n"),
            Stage::Final,
        )
        .unwrap();
        assert!(without_reason
            .warnings
            .iter()
            .any(|d| d.check == diag::REAPPRAISED_WITHOUT_REASON));
    }

    #[test]
    fn expectations_per_stage_are_checked_at_their_stage() {
        let text = format!(
            "{}expect:\n  total: 2\n  stages:\n    self: {{ total: 3 }}\n    appraised: {{ total: 5, scores: {{ \"1.2\": 1 }} }}\n",
            evidence("  \"1.1\": true\n  \"1.2\": { value: \"100%\", appraised: \"0%\", reason: r, reappraised: \"50%\", reappraisal_reason: q }\n")
        );
        let s = scored(TWO_LEAVES, &text, Stage::Final).unwrap();
        assert!(s.expectation_failures().is_empty());
        let all = s.all_expectation_failures().unwrap();
        assert_eq!(all.len(), 2, "{all:?}");
        assert!(all.iter().all(|d| d.message.contains("at stage appraised")));
        let at_self = scored(TWO_LEAVES, &text, Stage::SelfAssessment).unwrap();
        assert!(at_self.expectation_failures().is_empty());
    }

    #[test]
    fn stages_choose_appraised_or_self_values() {
        let values = "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"50%\" }\n";
        let final_stage = card(TWO_LEAVES, values, Stage::Final);
        assert_eq!(final_stage.total.score, dec("1"));
        assert_eq!(
            final_stage.nodes[1].leaf.as_ref().unwrap().round,
            crate::model::Round::Appraised
        );
        let self_stage = card(TWO_LEAVES, values, Stage::SelfAssessment);
        assert_eq!(self_stage.total.score, dec("2"));
        // An appraised value with no self-assessed one is missing at the self stage.
        let only_appraised = card(
            TWO_LEAVES,
            "  \"1.1\": { appraised: true, reason: r }\n",
            Stage::SelfAssessment,
        );
        assert_eq!(only_appraised.nodes[1].status, Status::Missing);
    }

    #[test]
    fn leaves_keep_how_they_were_scored() {
        let c = card(
            TWO_LEAVES,
            "  \"1.1\": n/a\n  \"1.2\": \"50%\"\n",
            Stage::Final,
        );
        let how = |i: usize| c.nodes[i].leaf.as_ref().unwrap().how.clone();
        assert_eq!(how(1), Derivation::NotApplicable(IfNa::Full));
        assert_eq!(
            how(2),
            Derivation::Proportional {
                num: dec("50"),
                den: dec("100")
            }
        );
        assert_eq!(
            c.nodes[2].leaf.as_ref().unwrap().unrounded.approx(),
            dec("1")
        );
    }

    #[test]
    fn losses_are_sorted_largest_first() {
        let c = card(
            TWO_LEAVES,
            "  \"1.1\": false\n  \"1.2\": \"25%\"\n",
            Stage::Final,
        );
        assert_eq!(c.losses(), vec![2, 1]);
        assert_eq!(c.nodes[2].loss(), dec("1.5"));
    }

    #[test]
    fn expectations_are_checked_at_the_final_stage_and_placed_at_their_figure() {
        let text = format!(
            "{}expect:\n  total: 2\n  percent: 50\n  scores: {{ \"1.1\": 1 }}\n",
            evidence(
                "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": \"50%\"\n"
            )
        );
        let at_final = scored(TWO_LEAVES, &text, Stage::Final).unwrap();
        let failures = at_final.expectation_failures();
        let shown: Vec<(&str, Option<&str>, usize)> = failures
            .iter()
            .map(|d| {
                (
                    d.message.as_str(),
                    d.criterion.as_deref(),
                    d.position.unwrap().line,
                )
            })
            .collect();
        assert_eq!(
            shown,
            vec![
                ("total: expected 2, computed 1 at stage final", None, 10),
                (
                    "percent: expected 50.00, computed 33.33 at stage final",
                    None,
                    11
                ),
                (
                    "score: expected 1, computed 0 at stage final",
                    Some("1.1"),
                    12
                ),
            ]
        );
        assert!(failures.iter().all(|d| d.check == diag::EXPECTATION_FAILED));
        let at_self = scored(TWO_LEAVES, &text, Stage::SelfAssessment).unwrap();
        assert!(at_self.expectation_failures().is_empty());
    }

    #[test]
    fn an_overflow_comes_back_after_the_warnings_at_its_value() {
        let criteria = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 1, rule: { deduct: { per: 100000000000000000000 } } }\n  - { code: \"2\", title: b, max: 1, rule: yes-no }\n";
        let d = scored(criteria, &evidence("  \"1\": 10000000000\n"), Stage::Final)
            .unwrap_err()
            .0;
        let checks: Vec<&str> = d.iter().map(|d| d.check.code).collect();
        assert_eq!(
            checks,
            vec![diag::MISSING_VALUE.code, diag::ARITHMETIC_OVERFLOW.code]
        );
        assert_eq!(d[1].criterion.as_deref(), Some("1"));
        assert_eq!(d[1].position.unwrap().line, 7);
    }

    #[test]
    fn a_card_rescored_at_another_stage_or_with_changed_values() {
        let text = evidence(
            "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": \"50%\"\n",
        );
        let s = scored(TWO_LEAVES, &text, Stage::Final).unwrap();
        assert_eq!(s.card.total.score, dec("1"));
        let own = s.rescore(&s.evidence, Stage::SelfAssessment).unwrap();
        assert_eq!(own.total.score, dec("2"));
        let mut changed = s.evidence.clone();
        changed.entries[2] = None;
        assert_eq!(
            s.rescore(&changed, Stage::Final).unwrap().total.score,
            dec("0")
        );
    }
}
