//! Planning: the result if some values changed, and the fewest criteria to improve to reach
//! a target grade or percentage.

use crate::decimal::{self, Overflow};
use crate::model::{CriteriaSet, Entry, Evidence, IfNa, SectionKind, Stage, Value};
use crate::rule;
use crate::score::{score, score_leaf, Scorecard, ScoringOverflow, Status};
use rust_decimal::Decimal;
use std::sync::Arc;

/// Replaces the value scored for a leaf: the new value is the unit's, with no appraisal.
pub fn set_value(evidence: &mut Evidence, node: usize, value: Option<crate::model::Value>) {
    let old = evidence.entries[node].take().unwrap_or_default();
    evidence.entries[node] = Some(Entry {
        value,
        note: old.note,
        docs: old.docs,
        ..Entry::default()
    });
}

/// One criterion to improve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: usize,
    /// The value scored now, as written (`None`: missing).
    pub from: Option<String>,
    /// The value needed.
    pub to: Value,
    /// Points recovered.
    pub gain: Decimal,
}

impl Step {
    /// The value needed, as to be written after `--set CODE=`.
    pub fn to_text(&self) -> String {
        match &self.to {
            Value::Boolean(b) => b.to_string(),
            other => other.show(),
        }
    }
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

/// The fewest criteria to improve so that the total reaches `target_percent`, largest gain
/// first; the last step asks only for what is still missing.
///
/// Each leaf's loss is known from one scoring, and the leaves are sorted by it once. A step
/// rescores only its own leaf with the engine ([`score_leaf`]): a leaf's score depends on its
/// value alone and every other figure is an exact sum, so the deficit falls by exactly the
/// leaf's gain. Linear in the leaves, apart from the sort. The plan's result is then scored
/// afresh, so what it reports is computed, not assumed.
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
    // Points needed: the smallest total whose ratio reaches the target (target × max / 100,
    // taken up to the next figure a decimal can hold where it goes on past 28 places: a
    // maximum written with many places must not stop the plan).
    let cut = decimal::approx_quotient(target_percent, card.total.max, Decimal::ONE_HUNDRED);
    let short = decimal::cmp_products(cut, Decimal::ONE_HUNDRED, target_percent, card.total.max)
        == std::cmp::Ordering::Less;
    let needed_total = if short {
        cut.checked_add(Decimal::new(1, cut.scale()))
            .ok_or(ScoringOverflow { code: None })?
    } else {
        cut
    };
    let mut deficit = needed_total - card.total.score;
    // An excluded n/a leaf is out of the scoring; giving it a value would change the maximum.
    // Scored criteria are raised; penalty criteria are lowered to the value that takes the
    // fewest points (their score is the points taken); a bonus is not planned on.
    let mut candidates: Vec<(Decimal, usize)> = set
        .leaves()
        .filter(|&i| {
            !(card.nodes[i].status == Status::NotApplicable && set.nodes[i].if_na == IfNa::Exclude)
        })
        .filter_map(|i| match set.nodes[i].kind {
            SectionKind::Scored => Some((card.nodes[i].loss(), i)),
            SectionKind::Penalty => Some((card.nodes[i].score, i)),
            SectionKind::Bonus => None,
        })
        .filter(|&(gain, _)| gain > Decimal::ZERO)
        .collect();
    candidates.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut steps = Vec::new();
    let mut working = evidence.clone();
    for (room, i) in candidates {
        if deficit <= Decimal::ZERO {
            break;
        }
        let (node, s) = (&set.nodes[i], &card.nodes[i]);
        let rule = node.rule.as_ref().expect("a leaf");
        let penalty = node.kind == SectionKind::Penalty;
        let value = if penalty {
            rule::least_value(rule, node.max)
        } else {
            rule::value_for(rule, node.max, s.score + room.min(deficit))
        };
        let Some(value) = value else {
            continue;
        };
        // A value set here is the unit's own, scored as such (see `set_value`).
        let after = score_leaf(
            set,
            i,
            rule,
            Some((&value, crate::model::Round::SelfAssessed)),
        )?;
        // A penalty's points come off the total: fewer taken is a gain.
        let gain = if penalty {
            s.score - after.score
        } else {
            after.score - s.score
        };
        if gain <= Decimal::ZERO {
            continue;
        }
        deficit -= gain;
        set_value(&mut working, i, Some(value.clone()));
        steps.push(Step {
            node: i,
            from: s.leaf.as_ref().map(|l| l.value.show()),
            to: value,
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

    #[test]
    fn steps_are_written_as_a_user_types_them() {
        let step = |to: Value| Step {
            node: 0,
            from: None,
            to,
            gain: dec("1"),
        };
        assert_eq!(step(Value::Boolean(true)).to_text(), "true");
        assert_eq!(
            step(crate::rule::percent_value(dec("11.40"))).to_text(),
            "11.4%"
        );
        assert_eq!(step(Value::Number(dec("0.750"))).to_text(), "0.75");
    }
}
