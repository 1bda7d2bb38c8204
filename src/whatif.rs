//! Planning: the result if some values changed, and the fewest criteria to improve to reach
//! a target grade or percentage.

use crate::decimal::{self, show, Overflow};
use crate::model::{CriteriaSet, Entry, Evidence, IfNa, Rule, Stage, TierScale};
use crate::score::{score, Scorecard, ScoringOverflow, Status};
use rust_decimal::{Decimal, RoundingStrategy};
use std::sync::Arc;

/// Replaces the value scored for a leaf: the new value is the unit's, with no appraisal.
pub fn set_value(evidence: &mut Evidence, node: usize, value: Option<crate::model::Value>) {
    let old = evidence.entries[node]
        .take()
        .map(|b| *b)
        .unwrap_or_default();
    evidence.entries[node] = Some(Box::new(Entry {
        value,
        appraised: None,
        reason: None,
        note: old.note,
        docs: old.docs,
    }));
}

/// One criterion to improve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: usize,
    /// The value scored now, as written (`None`: missing).
    pub from: Option<String>,
    /// The value needed, as to be written after `--set CODE=`.
    pub to: String,
    /// Points recovered.
    pub gain: Decimal,
}

/// The plan to reach a target, and the result it gives.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The target as a percentage of the maximum.
    pub target_percent: Decimal,
    pub steps: Vec<Step>,
    /// The card with every step applied (the current card when nothing is needed).
    pub result: Scorecard,
    /// Whether the result reaches the target.
    pub reached: bool,
}

/// A rate with up to two places, rounded up so that it reaches at least `fraction`.
fn rate_at_least(fraction: Decimal) -> String {
    let pct =
        (fraction * Decimal::ONE_HUNDRED).round_dp_with_strategy(2, RoundingStrategy::AwayFromZero);
    format!("{}%", show(pct.min(Decimal::ONE_HUNDRED)))
}

/// The value that makes a leaf score at least `needed` (≤ its max), as written on a command
/// line; the full value when `needed` is the max.
fn value_for(rule: &Rule, max: Decimal, needed: Decimal) -> String {
    match rule {
        Rule::YesNo => "true".into(),
        Rule::Ratio(r) => {
            // r' = P + (Q − P) × needed / max, then back to r for an inverted rule.
            let span = r.full_at - r.zero_below;
            let share = needed
                .checked_div(max)
                .unwrap_or(Decimal::ONE)
                .min(Decimal::ONE);
            let effective = (r.zero_below + span * share).min(r.full_at);
            if r.invert {
                // The lower the rate the better: round the rate down.
                let pct = ((Decimal::ONE - effective) * Decimal::ONE_HUNDRED)
                    .round_dp_with_strategy(2, RoundingStrategy::ToZero)
                    .max(Decimal::ZERO);
                format!("{}%", show(pct))
            } else {
                rate_at_least(effective)
            }
        }
        Rule::Tiers(t) => {
            let step = t
                .steps
                .iter()
                .rev()
                .find(|s| s.points >= needed)
                .or(t.steps.first());
            match (step, t.scale) {
                (Some(s), TierScale::Rate) => {
                    format!("{}%", show(s.at_least * Decimal::ONE_HUNDRED))
                }
                (Some(s), TierScale::Number) => show(s.at_least),
                (None, _) => "0".into(),
            }
        }
        Rule::Deduct { per } => {
            // max − per × n ≥ needed  ⇔  n ≤ (max − needed) / per.
            let n = (max - needed)
                .checked_div(*per)
                .unwrap_or(Decimal::MAX)
                .floor()
                .max(Decimal::ZERO);
            show(n)
        }
        Rule::Points => show(needed.min(max)),
    }
}

/// The fewest criteria to improve so that the total reaches `target_percent`, largest gain
/// first; the last step asks only for what is still missing. Each step is scored with the
/// engine as it is chosen, so the plan's result is computed, not assumed.
pub fn plan(
    set: &Arc<CriteriaSet>,
    evidence: &Evidence,
    stage: Stage,
    target_percent: Decimal,
) -> Result<Plan, ScoringOverflow> {
    let card = score(set, evidence, stage)?;
    let overflow = |_: Overflow| ScoringOverflow { code: None };
    let reaches =
        |c: &Scorecard| decimal::ratio_at_least(c.total.score, c.total.max, target_percent);
    if reaches(&card).map_err(overflow)? {
        return Ok(Plan {
            target_percent,
            steps: Vec::new(),
            result: card,
            reached: true,
        });
    }
    // Points needed: the smallest total whose ratio reaches the target.
    let needed_total = decimal::div(
        decimal::mul(target_percent, card.total.max).map_err(overflow)?,
        Decimal::ONE_HUNDRED,
    )
    .map_err(overflow)?;
    let mut deficit = needed_total - card.total.score;
    let mut candidates: Vec<usize> = set
        .leaves()
        .filter(|&i| card.nodes[i].loss() > Decimal::ZERO)
        .filter(|&i| {
            !(card.nodes[i].status == Status::NotApplicable && set.nodes[i].if_na == IfNa::Exclude)
        })
        .collect();
    candidates.sort_by(|&a, &b| {
        card.nodes[b]
            .loss()
            .cmp(&card.nodes[a].loss())
            .then(a.cmp(&b))
    });
    let mut steps = Vec::new();
    let mut working = evidence.clone();
    for i in candidates {
        if deficit <= Decimal::ZERO {
            break;
        }
        let (node, s) = (&set.nodes[i], &card.nodes[i]);
        let rule = node.rule.as_ref().expect("a leaf");
        let gain_wanted = s.loss().min(deficit);
        let to = value_for(rule, node.max, s.score + gain_wanted);
        let value = crate::load::parse_value_text(&to, node).ok().flatten();
        set_value(&mut working, i, value);
        let after = score(set, &working, stage)?;
        let gain = after.nodes[i].score - s.score;
        deficit -= gain;
        steps.push(Step {
            node: i,
            from: s.leaf.as_ref().map(|l| l.value.show()),
            to,
            gain,
        });
    }
    let result = score(set, &working, stage)?;
    let reached = reaches(&result).map_err(overflow)?;
    Ok(Plan {
        target_percent,
        steps,
        result,
        reached,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::model::{Ratio, Tier, Tiers};

    #[test]
    fn values_that_reach_a_needed_score() {
        let ratio = Rule::Ratio(Ratio {
            full_at: dec("0.3"),
            ..Ratio::default()
        });
        assert_eq!(value_for(&ratio, dec("2.5"), dec("2.5")), "30%");
        assert_eq!(value_for(&ratio, dec("2.5"), dec("1")), "12%");
        let inverted = Rule::Ratio(Ratio {
            invert: true,
            ..Ratio::default()
        });
        assert_eq!(value_for(&inverted, dec("1"), dec("0.9")), "10%");
        let tiers = Rule::Tiers(Tiers {
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
        assert_eq!(value_for(&tiers, dec("2"), dec("0.4")), "1");
        assert_eq!(value_for(&tiers, dec("2"), dec("1.5")), "2");
        assert_eq!(
            value_for(&Rule::Deduct { per: dec("0.5") }, dec("2"), dec("1")),
            "2"
        );
        assert_eq!(value_for(&Rule::Points, dec("1"), dec("0.75")), "0.75");
        assert_eq!(rate_at_least(dec("0.123456")), "12.35%");
    }
}
