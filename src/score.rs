//! The scoring engine: evidence + criteria set → a [`Scorecard`] of exact decimal scores.
//!
//! Each leaf's score is computed with a single division and rounded once to the set's
//! `rounding`; every other figure is an exact sum of rounded leaf scores. Percentages are
//! rounded half-up to 2 places for display; grades use the exact ratio.

use crate::decimal::{self, Overflow};
use crate::diag::{self, Diagnostic};
use crate::load::yaml::{child, key, Seg};
use crate::load::Source;
use crate::model::{CriteriaSet, Evidence, Expect, IfNa, Rule, Stage, TierScale, Value};
use rust_decimal::Decimal;
use std::sync::Arc;

/// What happened to a leaf.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Scored from a value (also every non-leaf node).
    Scored,
    /// No value: scores 0.
    Missing,
    /// `n/a`: scores its max (`if_na: full`) or leaves the scoring (`if_na: exclude`).
    NotApplicable,
}

impl Status {
    /// The contract's name.
    pub fn name(self) -> &'static str {
        match self {
            Status::Scored => "scored",
            Status::Missing => "missing",
            Status::NotApplicable => "na",
        }
    }
}

/// The figures of one node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeScore {
    pub score: Decimal,
    /// The effective maximum (after `if_na: exclude`).
    pub max: Decimal,
    pub status: Status,
    /// On leaves with a value: what was scored and how.
    pub leaf: Option<LeafScore>,
}

impl NodeScore {
    pub fn loss(&self) -> Decimal {
        self.max - self.score
    }

    /// Rounded half-up to 2 places; `None` where the effective max is 0.
    pub fn percent(&self) -> Option<Decimal> {
        decimal::percent(self.score, self.max).ok().flatten()
    }
}

/// How a leaf's score came about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafScore {
    pub value: Value,
    /// Whether the value is the appraisal council's rather than the unit's own.
    pub appraised: bool,
    /// The rule's result before rounding.
    pub unrounded: Decimal,
}

/// The result for the whole unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
}

impl Total {
    pub fn loss(&self) -> Decimal {
        self.max - self.score
    }
}

/// A unit's scored assessment.
#[derive(Debug, Clone)]
pub struct Scorecard {
    pub set: Arc<CriteriaSet>,
    pub unit: String,
    pub period: String,
    pub stage: Stage,
    /// Parallel to `set.nodes`.
    pub nodes: Vec<NodeScore>,
    pub total: Total,
}

impl Scorecard {
    /// Indices of the leaves that lost points, largest loss first (then in document order).
    pub fn losses(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .set
            .leaves()
            .filter(|&i| self.nodes[i].loss() > Decimal::ZERO)
            .collect();
        out.sort_by(|&a, &b| {
            self.nodes[b]
                .loss()
                .cmp(&self.nodes[a].loss())
                .then(a.cmp(&b))
        });
        out
    }
}

/// The score of one rule for one value, before rounding; `None` for `n/a`.
pub fn rule_score(rule: &Rule, max: Decimal, value: &Value) -> Result<Option<Decimal>, Overflow> {
    use decimal::{div, mul, sub};
    let zero = Decimal::ZERO;
    let score = match (rule, value) {
        (_, Value::NotApplicable) => return Ok(None),
        (Rule::YesNo, Value::Boolean(b)) => {
            if *b {
                max
            } else {
                zero
            }
        }
        (Rule::Ratio(r), Value::Rate { num, den, .. }) => {
            // r' = num'/den with num' = den − num when inverted; compare and scale without
            // dividing until the end: max × (num' − P·den) / (den × (Q − P)).
            let num = if r.invert { sub(*den, *num)? } else { *num };
            let lower = mul(r.zero_below, *den)?;
            let upper = mul(r.full_at, *den)?;
            if lower > upper {
                // zero_at above full_at: the lower the rate the better.
                if num <= upper {
                    max
                } else if num >= lower {
                    zero
                } else {
                    div(mul(max, sub(lower, num)?)?, sub(lower, upper)?)?
                }
            } else if num < lower {
                zero
            } else if num >= upper {
                max
            } else {
                div(mul(max, sub(num, lower)?)?, sub(upper, lower)?)?
            }
        }
        (Rule::Tiers(t), v) => {
            let reaches = |at_least: Decimal| -> Result<bool, Overflow> {
                Ok(match (t.scale, v) {
                    (TierScale::Rate, Value::Rate { num, den, .. }) => *num >= mul(at_least, *den)?,
                    (TierScale::Number, Value::Number(n)) => *n >= at_least,
                    _ => false,
                })
            };
            let mut points = zero;
            for step in &t.steps {
                if reaches(step.at_least)? {
                    points = step.points;
                    break;
                }
            }
            points
        }
        (Rule::Deduct { per }, Value::Number(n)) => {
            let deducted = mul(*per, *n)?;
            if deducted >= max {
                zero
            } else {
                sub(max, deducted)?
            }
        }
        (Rule::Points, Value::Number(n)) => *n,
        // The loader admits only values of the kind each rule takes.
        _ => zero,
    };
    // Every leaf score lies in [0, max], whatever the parameters.
    Ok(Some(score.max(zero).min(max)))
}

/// A figure outgrew a decimal while scoring: at this leaf, or (`None`) in a sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoringOverflow {
    pub code: Option<String>,
}

/// Scores an evidence file at a stage.
pub fn score(
    set: &Arc<CriteriaSet>,
    evidence: &Evidence,
    stage: Stage,
) -> Result<Scorecard, ScoringOverflow> {
    let in_sum = |_: Overflow| ScoringOverflow { code: None };
    let n = set.nodes.len();
    let mut nodes: Vec<NodeScore> = Vec::with_capacity(n);
    for (i, node) in set.nodes.iter().enumerate() {
        let Some(rule) = &node.rule else {
            // Filled in below, once the children are known.
            nodes.push(NodeScore {
                score: Decimal::ZERO,
                max: Decimal::ZERO,
                status: Status::Scored,
                leaf: None,
            });
            continue;
        };
        let chosen = evidence.entries[i].as_ref().and_then(|e| e.at(stage));
        nodes.push(match chosen {
            None => NodeScore {
                score: Decimal::ZERO,
                max: node.max,
                status: Status::Missing,
                leaf: None,
            },
            Some((value, appraised)) => {
                match rule_score(rule, node.max, value).map_err(|_| ScoringOverflow {
                    code: Some(node.code.clone()),
                })? {
                    None => {
                        let (score, max) = match node.if_na {
                            IfNa::Full => (node.max, node.max),
                            IfNa::Exclude => (Decimal::ZERO, Decimal::ZERO),
                            // The loader refuses n/a here; given anyway, it earns nothing.
                            IfNa::Forbid => (Decimal::ZERO, node.max),
                        };
                        NodeScore {
                            score,
                            max,
                            status: Status::NotApplicable,
                            leaf: Some(LeafScore {
                                value: value.clone(),
                                appraised,
                                unrounded: score,
                            }),
                        }
                    }
                    Some(unrounded) => NodeScore {
                        score: set.rounding.apply(unrounded).min(node.max),
                        max: node.max,
                        status: Status::Scored,
                        leaf: Some(LeafScore {
                            value: value.clone(),
                            appraised,
                            unrounded,
                        }),
                    },
                }
            }
        });
    }
    // Children come after their parent in document order: sum bottom-up.
    for i in (0..n).rev() {
        let children = &set.nodes[i].children;
        if children.is_empty() {
            continue;
        }
        let score = decimal::sum(children.iter().map(|&c| nodes[c].score)).map_err(in_sum)?;
        let max = decimal::sum(children.iter().map(|&c| nodes[c].max)).map_err(in_sum)?;
        nodes[i].score = score;
        nodes[i].max = max;
    }
    let score = decimal::sum(set.sections().map(|s| nodes[s].score)).map_err(in_sum)?;
    let max = decimal::sum(set.sections().map(|s| nodes[s].max)).map_err(in_sum)?;
    let total = Total {
        score,
        max,
        percent: decimal::percent(score, max).map_err(in_sum)?,
        grade: set
            .grade(score, max)
            .map_err(in_sum)?
            .map(|g| g.label.clone()),
    };
    Ok(Scorecard {
        set: set.clone(),
        unit: evidence.unit.clone(),
        period: evidence.period.clone(),
        stage,
        nodes,
        total,
    })
}

/// The diagnostic for an overflow while scoring `source`, at the value that caused it.
pub fn overflow_diagnostic(source: &Source, overflow: &ScoringOverflow) -> Diagnostic {
    let message = "a figure grew too large for an exact decimal while scoring";
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
    d.help("check the criteria set's maxima and the evidence's counts for a typing slip")
}

/// Compares the figures an evidence file pins in `expect:` with the computed ones.
pub fn check_expectations(source: &Source, card: &Scorecard, expect: &Expect) -> Vec<Diagnostic> {
    let base = vec![key("expect")];
    let mut out = Vec::new();
    let mut mismatch = |path: Vec<Seg>,
                        what: String,
                        expected: String,
                        computed: String,
                        code: Option<&str>| {
        let mut d = source
            .diag(
                diag::EXPECTATION_FAILED,
                &path,
                format!("{what}: expected {expected}, computed {computed}"),
            )
            .help("the published figure and the computed one differ: correct the evidence or the criteria set, or, if a criteria change is intended, the figure under `expect:`");
        d.criterion = code.map(str::to_string);
        out.push(d);
    };
    if let Some(t) = expect.total {
        if t != card.total.score {
            mismatch(
                child(&base, "total"),
                "total".into(),
                decimal::show(t),
                decimal::show(card.total.score),
                None,
            );
        }
    }
    if let Some(p) = expect.percent {
        let computed = card.total.percent;
        if computed != Some(p) {
            mismatch(
                child(&base, "percent"),
                "percent".into(),
                decimal::show_percent(p),
                computed.map_or("none (the maximum is 0)".into(), decimal::show_percent),
                None,
            );
        }
    }
    if let Some(g) = &expect.grade {
        if card.total.grade.as_deref() != Some(g.as_str()) {
            mismatch(
                child(&base, "grade"),
                "grade".into(),
                g.clone(),
                card.total.grade.clone().unwrap_or_else(|| "none".into()),
                None,
            );
        }
    }
    let scores = child(&base, "scores");
    for (code, expected) in &expect.scores {
        let Some(i) = card.set.find(code) else {
            continue;
        };
        let computed = card.nodes[i].score;
        if computed != *expected {
            mismatch(
                child(&scores, code),
                "score".into(),
                decimal::show(*expected),
                decimal::show(computed),
                Some(code),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::{dec, Rounding, RoundingMode};
    use crate::model::{Ratio, Tier, Tiers};

    fn rate(text: &str) -> Value {
        let (num, den) = match text.split_once('/') {
            Some((a, b)) => (dec(a), dec(b)),
            None => (dec(text.trim_end_matches('%')), dec("100")),
        };
        Value::Rate {
            num,
            den,
            text: text.into(),
        }
    }

    fn s(rule: &Rule, max: &str, v: &Value) -> Decimal {
        rule_score(rule, dec(max), v).unwrap().unwrap()
    }

    #[test]
    fn yes_no() {
        assert_eq!(s(&Rule::YesNo, "0.5", &Value::Boolean(true)), dec("0.5"));
        assert_eq!(s(&Rule::YesNo, "0.5", &Value::Boolean(false)), dec("0"));
    }

    #[test]
    fn ratio_plain_and_parameterised() {
        let plain = Rule::Ratio(Ratio::default());
        assert_eq!(s(&plain, "1", &rate("97.29%")), dec("0.9729"));
        assert_eq!(s(&plain, "2", &rate("91.6%")), dec("1.832"));
        let full_at = Rule::Ratio(Ratio {
            full_at: dec("0.3"),
            ..Ratio::default()
        });
        let online = s(&full_at, "2.5", &rate("1290/12000"));
        assert_eq!(Rounding::default().apply(online), dec("0.896"));
        assert_eq!(s(&full_at, "2.5", &rate("40%")), dec("2.5"));
        let band = Rule::Ratio(Ratio {
            zero_below: dec("0.5"),
            full_at: dec("0.9"),
            invert: false,
        });
        assert_eq!(s(&band, "2", &rate("49.99%")), dec("0"));
        assert_eq!(s(&band, "2", &rate("70%")), dec("1"));
        assert_eq!(s(&band, "2", &rate("90%")), dec("2"));
        let inverted = Rule::Ratio(Ratio {
            invert: true,
            ..Ratio::default()
        });
        assert_eq!(s(&inverted, "1", &rate("4.4%")), dec("0.956"));
        let step = Rule::Ratio(Ratio {
            zero_below: dec("0.8"),
            full_at: dec("0.8"),
            invert: false,
        });
        assert_eq!(s(&step, "1", &rate("79.9%")), dec("0"));
        assert_eq!(s(&step, "1", &rate("80%")), dec("1"));
    }

    #[test]
    fn ratio_lower_is_better_at_its_edges() {
        // { zero_at: "10%", full_at: "2%" }: max at or below 2%, 0 at or above 10%.
        let lower = Rule::Ratio(Ratio {
            zero_below: dec("0.1"),
            full_at: dec("0.02"),
            invert: false,
        });
        assert_eq!(s(&lower, "2", &rate("0%")), dec("2"));
        assert_eq!(s(&lower, "2", &rate("2%")), dec("2"));
        assert_eq!(s(&lower, "2", &rate("2.01%")), dec("1.99750"));
        assert_eq!(s(&lower, "2", &rate("6%")), dec("1"));
        assert_eq!(s(&lower, "2", &rate("9.99%")), dec("0.0025"));
        assert_eq!(s(&lower, "2", &rate("10%")), dec("0"));
        assert_eq!(s(&lower, "2", &rate("1/10")), dec("0"));
        assert_eq!(s(&lower, "2", &rate("100%")), dec("0"));
        // Between, from counts: 1/25 = 4% → 2 × (10 − 4) / 8 = 1.5.
        assert_eq!(s(&lower, "2", &rate("1/25")), dec("1.5"));
    }

    #[test]
    fn ratio_uses_one_division_so_midpoints_round_right() {
        // 3 × 1/48 = 0.0625 exactly; dividing first would give 0.06249… and round down.
        let plain = Rule::Ratio(Ratio::default());
        let v = s(&plain, "3", &rate("1/48"));
        assert_eq!(Rounding::default().apply(v), dec("0.063"));
    }

    #[test]
    fn tiers_on_rates_and_numbers() {
        let on_rate = Rule::Tiers(Tiers {
            scale: TierScale::Rate,
            steps: vec![
                Tier {
                    at_least: dec("1"),
                    points: dec("1"),
                },
                Tier {
                    at_least: dec("0.9"),
                    points: dec("0.5"),
                },
            ],
        });
        assert_eq!(s(&on_rate, "1", &rate("100%")), dec("1"));
        assert_eq!(s(&on_rate, "1", &rate("95%")), dec("0.5"));
        assert_eq!(s(&on_rate, "1", &rate("89/100")), dec("0"));
        let on_count = Rule::Tiers(Tiers {
            scale: TierScale::Number,
            steps: vec![
                Tier {
                    at_least: dec("2"),
                    points: dec("2"),
                },
                Tier {
                    at_least: dec("1"),
                    points: dec("1"),
                },
            ],
        });
        assert_eq!(s(&on_count, "2", &Value::Number(dec("3"))), dec("2"));
        assert_eq!(s(&on_count, "2", &Value::Number(dec("1"))), dec("1"));
        assert_eq!(s(&on_count, "2", &Value::Number(dec("0"))), dec("0"));
    }

    #[test]
    fn deduct_and_points() {
        let deduct = Rule::Deduct { per: dec("0.5") };
        assert_eq!(s(&deduct, "2", &Value::Number(dec("0"))), dec("2"));
        assert_eq!(s(&deduct, "2", &Value::Number(dec("1"))), dec("1.5"));
        assert_eq!(s(&deduct, "2", &Value::Number(dec("9"))), dec("0"));
        assert_eq!(
            s(&Rule::Points, "2.5", &Value::Number(dec("2.25"))),
            dec("2.25")
        );
    }

    #[test]
    fn huge_counts_overflow_as_errors() {
        let deduct = Rule::Deduct { per: dec("1000") };
        let huge = Value::Number(Decimal::MAX);
        assert_eq!(rule_score(&deduct, dec("1"), &huge), Err(Overflow));
    }

    #[test]
    fn not_applicable_is_left_to_the_caller() {
        assert_eq!(
            rule_score(&Rule::YesNo, dec("1"), &Value::NotApplicable).unwrap(),
            None
        );
    }

    #[test]
    fn rounding_modes_apply_to_leaves() {
        for (mode, want) in [
            (RoundingMode::HalfUp, "0.063"),
            (RoundingMode::HalfEven, "0.062"),
            (RoundingMode::Down, "0.062"),
        ] {
            let r = Rounding { decimals: 3, mode };
            assert_eq!(
                r.apply(s(&Rule::Points, "1", &Value::Number(dec("0.0625")))),
                dec(want)
            );
        }
    }

    /// Scores an evidence text against a criteria text.
    fn card(criteria: &str, values: &str, stage: Stage) -> Scorecard {
        use crate::load::{parse_criteria, parse_evidence, CriteriaResolver, Source};
        let (set, _) =
            parse_criteria(&Source::from_text("c.yaml".into(), criteria.into())).unwrap();
        let resolver = CriteriaResolver::forced(set);
        let text = format!(
            "parindex: 1\nkind: evidence\ncriteria: t\nunit: u\nperiod: \"2025\"\nvalues:\n{values}"
        );
        let (ev, set, _) = parse_evidence(
            &Source::from_text("e.yaml".into(), text),
            std::path::Path::new("."),
            &resolver,
        )
        .unwrap();
        score(&set, &ev, stage).unwrap()
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
    fn stages_choose_appraised_or_self_values() {
        let values = "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"50%\" }\n";
        let final_stage = card(TWO_LEAVES, values, Stage::Final);
        assert_eq!(final_stage.total.score, dec("1"));
        assert!(final_stage.nodes[1].leaf.as_ref().unwrap().appraised);
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
    fn losses_are_sorted_largest_first() {
        let c = card(
            TWO_LEAVES,
            "  \"1.1\": false\n  \"1.2\": \"25%\"\n",
            Stage::Final,
        );
        assert_eq!(c.losses(), vec![2, 1]);
        assert_eq!(c.nodes[2].loss(), dec("1.5"));
    }
}
