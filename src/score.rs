//! The scoring engine: evidence + criteria set → a [`Scorecard`] of exact decimal scores.
//!
//! Each leaf's score is computed with a single division and rounded once to the set's
//! `rounding`; every other figure is an exact sum of rounded leaf scores. Percentages are
//! rounded half-up to 2 places for display; grades use the exact ratio.
//!
//! Pure computation over the model: the engine imports `model`, `rule` and `decimal`, never
//! the loader or a printer. What it reports (a [`ScoringOverflow`], the [`Mismatch`]es with
//! `expect:`) is placed in the evidence file as diagnostics by [`crate::pipeline`].

use crate::decimal::{self, Overflow};
use crate::model::{CriteriaSet, Evidence, Expect, IfNa, Round, Rule, SectionKind, Stage, Value};
use crate::rule::{self, Derivation};
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

    /// The status of a contract name ([`Status::name`]'s inverse).
    pub fn from_name(name: &str) -> Option<Status> {
        [Status::Scored, Status::Missing, Status::NotApplicable]
            .into_iter()
            .find(|s| s.name() == name)
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
    /// The round the value comes from: the unit's own, the first or the second appraisal.
    pub round: Round,
    /// The rule's result before rounding.
    pub unrounded: crate::rule::Unrounded,
    /// The branch the rule took, with its figures: what `explain` states.
    pub how: Derivation,
}

/// The result for the whole unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Total {
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
    /// Per component of the set, in its order (empty where the set has none).
    pub components: Vec<ComponentScore>,
}

/// One component's figures (revision 2's `components:`): the sums of its sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentScore {
    pub score: Decimal,
    pub max: Decimal,
}

impl ComponentScore {
    /// Rounded half-up to 2 places; `None` where the max is 0.
    pub fn percent(&self) -> Option<Decimal> {
        decimal::percent(self.score, self.max).ok().flatten()
    }
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
    /// The points node `i` cost the total: `max − score` in a scored section; in a penalty
    /// section the points it took away (its score); in a bonus section nothing, since a bonus
    /// not earned was never part of the maximum.
    pub fn lost(&self, i: usize) -> Decimal {
        let n = &self.nodes[i];
        match self.set.nodes[i].kind {
            SectionKind::Scored => n.loss(),
            SectionKind::Bonus => Decimal::ZERO,
            SectionKind::Penalty => n.score,
        }
    }

    /// The points lost in all: what each scored section lost (the sum of its criteria's
    /// losses, which `losses` lists) and what each penalty section took, as capped by its max
    /// (three penalties of 1 under a cap of 1 took 1). Not `max − score` of the total where a
    /// bonus made some up (8 of 10 and a bonus of 2 is 10 of 10, having lost 2) or a penalty
    /// was held at 0.
    pub fn points_lost(&self) -> Decimal {
        self.set.sections().map(|s| self.lost(s)).sum()
    }

    /// The total before it is held to [0, maximum] (`cap_total`): Σ scored + Σ bonus − Σ
    /// penalty, each section as scored. What a plan must make up where a penalty took the
    /// total below 0.
    pub fn uncapped_total(&self) -> Decimal {
        self.set
            .sections()
            .map(|s| match self.set.nodes[s].kind {
                SectionKind::Penalty => -self.nodes[s].score,
                _ => self.nodes[s].score,
            })
            .sum()
    }

    /// Indices of the leaves that lost points ([`Scorecard::lost`]), largest loss first (then
    /// in document order).
    pub fn losses(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .set
            .leaves()
            .filter(|&i| self.lost(i) > Decimal::ZERO)
            .collect();
        out.sort_by(|&a, &b| self.lost(b).cmp(&self.lost(a)).then(a.cmp(&b)));
        out
    }
}

/// A figure outgrew a decimal while scoring: at this leaf, or (`None`) in a sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoringOverflow {
    pub code: Option<String>,
}

/// A node's score and effective maximum: what sums, totals and rankings read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    pub score: Decimal,
    /// The effective maximum (after `if_na: exclude`).
    pub max: Decimal,
    pub status: Status,
}

/// A unit's figures without how each leaf came by its score: every node's [`Figure`] (parallel
/// to `set.nodes`) and the total. What a league table reads of ten thousand units, with no
/// value copied and no derivation kept; [`score`] is the same with each leaf's details.
#[derive(Debug, Clone)]
pub struct Tally {
    pub nodes: Vec<Figure>,
    pub total: Total,
}

/// The figures of leaf `i` (whose rule is `rule`) for the value chosen at the stage, if any,
/// and the round it comes from: exactly what [`score`] puts in a scorecard, so that a
/// planner can rescore one leaf and add up the difference.
pub fn score_leaf(
    set: &CriteriaSet,
    i: usize,
    rule: &Rule,
    chosen: Option<(&Value, Round)>,
) -> Result<NodeScore, ScoringOverflow> {
    leaf_figure(set, i, rule, chosen)
}

/// [`score_leaf`] kept as `N` keeps it: a bare figure (for a league table, no value copied and
/// no derivation built) or with how the leaf was scored.
#[inline]
fn leaf_figure<N: Kept>(
    set: &CriteriaSet,
    i: usize,
    rule: &Rule,
    chosen: Option<(&Value, Round)>,
) -> Result<N, ScoringOverflow> {
    let node = &set.nodes[i];
    let Some((value, round)) = chosen else {
        let missing = Figure {
            score: Decimal::ZERO,
            max: node.max,
            status: Status::Missing,
        };
        return Ok(N::kept(missing, || None));
    };
    let scored = rule::score(rule, node.max, value).map_err(|_| ScoringOverflow {
        code: Some(node.code.clone()),
    })?;
    Ok(match scored {
        None => {
            let (score, max) = match node.if_na {
                IfNa::Full => (node.max, node.max),
                IfNa::Exclude => (Decimal::ZERO, Decimal::ZERO),
                // The loader refuses n/a here; given anyway, it earns nothing.
                IfNa::Forbid => (Decimal::ZERO, node.max),
            };
            N::kept(
                Figure {
                    score,
                    max,
                    status: Status::NotApplicable,
                },
                || {
                    Some(LeafScore {
                        value: value.clone(),
                        round,
                        unrounded: crate::rule::Unrounded::Exact(score),
                        how: Derivation::NotApplicable(node.if_na),
                    })
                },
            )
        }
        Some(scored) => {
            let rounded = scored
                .unrounded
                .rounded(set.rounding)
                .map_err(|_| ScoringOverflow {
                    code: Some(node.code.clone()),
                })?;
            // Rounding up can pass a max with more places than the rounding keeps (3 × 1/48 of
            // a max of 0.0625 rounds to 0.063); a max it can write, it never passes.
            let score = if node.max.scale() <= set.rounding.decimals {
                rounded
            } else {
                rounded.min(node.max)
            };
            let figure = Figure {
                score,
                max: node.max,
                status: Status::Scored,
            };
            N::kept(figure, || {
                Some(LeafScore {
                    value: value.clone(),
                    round,
                    unrounded: scored.unrounded,
                    how: scored.how,
                })
            })
        }
    })
}

/// Scores an evidence file at a stage.
pub fn score(
    set: &Arc<CriteriaSet>,
    evidence: &Evidence,
    stage: Stage,
) -> Result<Scorecard, ScoringOverflow> {
    let (nodes, total) = tally_nodes::<NodeScore>(set, evidence, stage)?;
    Ok(Scorecard {
        set: set.clone(),
        unit: evidence.unit.clone(),
        period: evidence.period.clone(),
        stage,
        nodes,
        total,
    })
}

/// [`score`]'s figures alone, without each leaf's details: the same scores by the same code.
pub fn tally(
    set: &CriteriaSet,
    evidence: &Evidence,
    stage: Stage,
) -> Result<Tally, ScoringOverflow> {
    let (nodes, total) = tally_nodes::<Figure>(set, evidence, stage)?;
    Ok(Tally { nodes, total })
}

/// What a tally keeps of each node: a bare [`Figure`] (a league table), or a [`NodeScore`] with
/// the leaf's details (a scorecard). One tally, two keepings: the same scores either way.
trait Kept {
    /// `leaf` is called only by a keeping that keeps the leaf's details.
    fn kept(figure: Figure, leaf: impl FnOnce() -> Option<LeafScore>) -> Self;
    fn score(&self) -> Decimal;
    fn max(&self) -> Decimal;
    fn status(&self) -> Status;
    /// A parent's figures, once its children are summed.
    fn summed(&mut self, score: Decimal, max: Decimal);
}

/// The figures a [`Kept`] reads and writes, on a type with `score`, `max` and `status` fields.
macro_rules! kept_figures {
    () => {
        fn score(&self) -> Decimal {
            self.score
        }
        fn max(&self) -> Decimal {
            self.max
        }
        fn status(&self) -> Status {
            self.status
        }
        fn summed(&mut self, score: Decimal, max: Decimal) {
            (self.score, self.max) = (score, max);
        }
    };
}

impl Kept for Figure {
    fn kept(figure: Figure, _: impl FnOnce() -> Option<LeafScore>) -> Self {
        figure
    }
    kept_figures!();
}

impl Kept for NodeScore {
    fn kept(f: Figure, leaf: impl FnOnce() -> Option<LeafScore>) -> Self {
        NodeScore {
            score: f.score,
            max: f.max,
            status: f.status,
            leaf: leaf(),
        }
    }
    kept_figures!();
}

/// Scores every leaf and sums the figures up the tree, keeping each node as `N` does.
fn tally_nodes<N: Kept>(
    set: &CriteriaSet,
    evidence: &Evidence,
    stage: Stage,
) -> Result<(Vec<N>, Total), ScoringOverflow> {
    let in_sum = |_: Overflow| ScoringOverflow { code: None };
    let n = set.nodes.len();
    let mut nodes: Vec<N> = Vec::with_capacity(n);
    let mut excluded = false;
    for (i, node) in set.nodes.iter().enumerate() {
        let Some(rule) = &node.rule else {
            // Filled in below, once the children are known.
            let parent = Figure {
                score: Decimal::ZERO,
                max: Decimal::ZERO,
                status: Status::Scored,
            };
            nodes.push(N::kept(parent, || None));
            continue;
        };
        let chosen = evidence.entries[i].as_ref().and_then(|e| e.at(stage));
        let kept: N = leaf_figure(set, i, rule, chosen)?;
        excluded |= kept.status() == Status::NotApplicable && node.if_na == IfNa::Exclude;
        nodes.push(kept);
    }
    // A parent's declared max is its children's sum (the loader checks it), so maxima are only
    // summed where an `if_na: exclude` leaf took its max out.
    // Children come after their parent in document order: sum bottom-up.
    for i in (0..n).rev() {
        let children = &set.nodes[i].children;
        if children.is_empty() {
            continue;
        }
        // A sum too large for a decimal names the criterion whose children it adds.
        let in_parent = |_: Overflow| ScoringOverflow {
            code: Some(set.nodes[i].code.clone()),
        };
        let mut score =
            decimal::sum_short(children.iter().map(|&c| nodes[c].score())).map_err(in_parent)?;
        let mut max = if excluded {
            decimal::sum_short(children.iter().map(|&c| nodes[c].max())).map_err(in_parent)?
        } else {
            set.nodes[i].max
        };
        if set.nodes[i].parent.is_none() && set.nodes[i].kind.outside_max() {
            // A bonus or penalty section's max caps what its criteria add or take away.
            max = max.min(set.nodes[i].max);
            score = score.min(max);
        }
        nodes[i].summed(score, max);
    }
    // Total = Σ scored + Σ bonus − Σ penalty; the maximum is the scored sections' alone.
    let mut score = Decimal::ZERO;
    let mut max = Decimal::ZERO;
    let mut outside = false;
    for s in set.sections() {
        let n = &nodes[s];
        match set.nodes[s].kind {
            SectionKind::Scored => {
                score = decimal::add(score, n.score()).map_err(in_sum)?;
                max = decimal::add(max, n.max()).map_err(in_sum)?;
            }
            SectionKind::Bonus => {
                score = decimal::add(score, n.score()).map_err(in_sum)?;
                outside = true;
            }
            SectionKind::Penalty => {
                score = decimal::sub(score, n.score()).map_err(in_sum)?;
                outside = true;
            }
        }
    }
    if outside && set.cap_total {
        score = score.max(Decimal::ZERO).min(max);
    }
    let total = Total {
        score,
        max,
        percent: decimal::percent(score, max).map_err(in_sum)?,
        grade: set
            .grade(score, max)
            .map_err(in_sum)?
            .map(|g| g.label.clone()),
        components: if set.components.is_empty() {
            Vec::new()
        } else {
            components(set, &nodes).map_err(in_sum)?
        },
    };
    Ok((nodes, total))
}

/// Each component's score and max: the sums of its scored sections.
fn components<N: Kept>(set: &CriteriaSet, nodes: &[N]) -> Result<Vec<ComponentScore>, Overflow> {
    let mut out = vec![
        ComponentScore {
            score: Decimal::ZERO,
            max: Decimal::ZERO,
        };
        set.components.len()
    ];
    for s in set.sections() {
        if let Some(c) = set.nodes[s].component {
            out[c].score = decimal::add(out[c].score, nodes[s].score())?;
            out[c].max = decimal::add(out[c].max, nodes[s].max())?;
        }
    }
    Ok(out)
}

/// A figure pinned under `expect:` that differs from the computed one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    Total {
        expected: Decimal,
        computed: Decimal,
    },
    /// `computed` is `None` where the maximum is 0.
    Percent {
        expected: Decimal,
        computed: Option<Decimal>,
    },
    Grade {
        expected: String,
        computed: Option<String>,
    },
    /// A criterion's score (codes the set lacks were reported when the file was loaded).
    Score {
        code: String,
        expected: Decimal,
        computed: Decimal,
    },
}

/// Compares the figures an evidence file pins in `expect:` with the computed ones: the total,
/// the percentage, the grade, then each pinned criterion in the order given.
pub fn expectation_mismatches(card: &Scorecard, expect: &Expect) -> Vec<Mismatch> {
    let mut out = Vec::new();
    if let Some(t) = expect.total {
        if t != card.total.score {
            out.push(Mismatch::Total {
                expected: t,
                computed: card.total.score,
            });
        }
    }
    if let Some(p) = expect.percent {
        if card.total.percent != Some(p) {
            out.push(Mismatch::Percent {
                expected: p,
                computed: card.total.percent,
            });
        }
    }
    if let Some(g) = &expect.grade {
        if card.total.grade.as_deref() != Some(g.as_str()) {
            out.push(Mismatch::Grade {
                expected: g.clone(),
                computed: card.total.grade.clone(),
            });
        }
    }
    for (code, expected) in &expect.scores {
        let Some(i) = card.set.find(code) else {
            continue;
        };
        let computed = card.nodes[i].score;
        if computed != *expected {
            out.push(Mismatch::Score {
                code: code.clone(),
                expected: *expected,
                computed,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::{dec, Rounding, RoundingMode};

    fn s(rule: &Rule, max: &str, v: &Value) -> Decimal {
        rule::score(rule, dec(max), v)
            .unwrap()
            .unwrap()
            .unrounded
            .approx()
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
}
