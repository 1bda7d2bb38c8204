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
    // From the total before it is held at 0: a penalty past the points earned must be made up
    // too (1 earned, 5 taken: 0 shown, 4 more to find).
    let mut deficit = needed_total - card.uncapped_total();
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
    // Each penalty section's criteria's points together and its cap: lowering one criterion
    // gains only what brings the section under its max (two penalties of 2 under a cap of 2:
    // the first lowered gains nothing).
    let mut penalty_of: Vec<Option<usize>> = vec![None; set.nodes.len()];
    let mut penalty_sum: std::collections::HashMap<usize, Decimal> = Default::default();
    for leaf in set.leaves() {
        if set.nodes[leaf].kind != SectionKind::Penalty {
            continue;
        }
        let mut top = leaf;
        while let Some(p) = set.nodes[top].parent {
            top = p;
        }
        penalty_of[leaf] = Some(top);
        *penalty_sum.entry(top).or_default() += card.nodes[leaf].score;
    }
    let mut steps = Vec::new();
    let mut working = evidence.clone();
    let mut taken = vec![false; candidates.len()];
    // Set when no step gains alone: the next penalty criterion is lowered all the same, as
    // those lowered after it then gain (two of 2 under a cap of 2 gain 2 together).
    let mut lower_anyway = false;
    let mut result;
    // A pass takes the candidates in order until the deficit it counts is made up; the plan
    // is then scored afresh. Where a section's cap (a penalty's max) kept a gain from the
    // total, the next pass goes on from what was really reached; each pass takes at least one
    // more criterion, so the plan ends reached or with every criterion improved.
    loop {
        let mut moved = false;
        for (k, &(room, i)) in candidates.iter().enumerate() {
            if deficit <= Decimal::ZERO {
                break;
            }
            if taken[k] {
                continue;
            }
            let Some((value, mut gain)) = step_for(set, &card, i, room, deficit)? else {
                continue;
            };
            if let Some(section) = penalty_of[i] {
                let cap = set.nodes[section].max;
                let sum = penalty_sum[&section];
                let real = sum.min(cap) - (sum - gain).min(cap);
                if real <= Decimal::ZERO && !lower_anyway {
                    // Not yet: it gains once the section's other criteria are lowered.
                    continue;
                }
                lower_anyway = false;
                penalty_sum.insert(section, sum - gain);
                gain = real;
            }
            taken[k] = true;
            moved = true;
            deficit -= gain;
            set_value(&mut working, i, Some(value.clone()));
            steps.push(Step {
                node: i,
                from: card.nodes[i].leaf.as_ref().map(|l| l.value.show()),
                to: value,
                gain,
            });
        }
        result = score(set, &working, stage)?;
        if reaches(&result).map_err(overflow)? {
            break;
        }
        if !moved {
            let penalty_left = candidates
                .iter()
                .zip(&taken)
                .any(|(&(_, i), &t)| !t && penalty_of[i].is_some());
            if lower_anyway || !penalty_left {
                break;
            }
            lower_anyway = true;
        }
        deficit = needed_total - result.uncapped_total();
        if deficit <= Decimal::ZERO {
            // Made up in the sum, held back by a cap: one criterion more each pass.
            deficit = Decimal::new(1, 28);
        }
    }
    let reached = reaches(&result).map_err(overflow)?;
    Ok(Plan {
        target_percent,
        steps,
        result,
        reached,
    })
}

/// The value leaf `i` is raised to (a penalty: lowered to) to make up `deficit` of its `room`,
/// and what it gains, scored by the engine; `None` where no value gains anything. Where the
/// value for just the points needed falls short once rounded (`rounding: down`, 0.999 for
/// 1), the value for the leaf's whole room is taken.
fn step_for(
    set: &Arc<CriteriaSet>,
    card: &Scorecard,
    i: usize,
    room: Decimal,
    deficit: Decimal,
) -> Result<Option<(crate::model::Value, Decimal)>, ScoringOverflow> {
    let (node, s) = (&set.nodes[i], &card.nodes[i]);
    let rule = node.rule.as_ref().expect("a leaf");
    let penalty = node.kind == SectionKind::Penalty;
    let gain_of = |value: &crate::model::Value| -> Result<Decimal, ScoringOverflow> {
        // A value set here is the unit's own, scored as such (see `set_value`).
        let after = score_leaf(
            set,
            i,
            rule,
            Some((value, crate::model::Round::SelfAssessed)),
        )?;
        // A penalty's points come off the total: fewer taken is a gain.
        Ok(if penalty {
            s.score - after.score
        } else {
            after.score - s.score
        })
    };
    if penalty {
        let Some(value) = rule::least_value(rule, node.max) else {
            return Ok(None);
        };
        let gain = gain_of(&value)?;
        return Ok((gain > Decimal::ZERO).then_some((value, gain)));
    }
    let wanted = room.min(deficit);
    let mut best = None;
    if let Some(value) = rule::value_for(rule, node.max, s.score + wanted) {
        let gain = gain_of(&value)?;
        if gain >= wanted {
            return Ok(Some((value, gain)));
        }
        best = (gain > Decimal::ZERO).then_some((value, gain));
    }
    if wanted < room {
        if let Some(value) = rule::value_for(rule, node.max, s.score + room) {
            let gain = gain_of(&value)?;
            if best.as_ref().is_none_or(|(_, g)| gain > *g) {
                best = Some((value, gain));
            }
        }
    }
    Ok(best.filter(|(_, g)| *g > Decimal::ZERO))
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
