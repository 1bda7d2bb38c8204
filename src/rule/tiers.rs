//! `tiers`: the points of the first tier (highest threshold first) whose threshold the value
//! reaches; 0 if none.

use super::{pct, percent_value, Derivation};
use crate::decimal::{mul, show, Overflow};
use crate::model::{TierScale, Tiers, Value};
use rust_decimal::Decimal;

pub(super) fn score(t: &Tiers, value: &Value) -> Result<(Decimal, Derivation), Overflow> {
    for (index, step) in t.steps.iter().enumerate() {
        let reaches = match (t.scale, value) {
            (TierScale::Rate, Value::Rate { num, den, .. }) => *num >= mul(step.at_least, *den)?,
            (TierScale::Number, Value::Number(n)) => *n >= step.at_least,
            _ => false,
        };
        if reaches {
            return Ok((
                step.points,
                Derivation::Tier {
                    index,
                    at_least: step.at_least,
                    points: step.points,
                },
            ));
        }
    }
    Ok((Decimal::ZERO, Derivation::BelowEveryTier))
}

/// The lowest threshold whose tier gives at least `needed`; where no tier does, the lowest
/// threshold of the tiers giving the most.
pub(super) fn value_for(t: &Tiers, needed: Decimal) -> Option<Value> {
    let step = t
        .steps
        .iter()
        .rev()
        .find(|s| s.points >= needed)
        .or_else(|| t.steps.iter().max_by_key(|s| s.points))?;
    Some(match t.scale {
        TierScale::Rate => percent_value(step.at_least * Decimal::ONE_HUNDRED),
        TierScale::Number => Value::Number(step.at_least),
    })
}

/// A tier's threshold as written: a percentage on a rate scale.
pub fn threshold(scale: TierScale, at_least: Decimal) -> String {
    match scale {
        TierScale::Rate => pct(at_least),
        TierScale::Number => show(at_least),
    }
}

pub(super) fn describe(t: &Tiers) -> String {
    let steps: Vec<String> = t
        .steps
        .iter()
        .map(|s| format!("≥ {}: {}", threshold(t.scale, s.at_least), show(s.points)))
        .collect();
    format!("tiers: {}; otherwise 0", steps.join("; "))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{rate, score_of_inverse, scored};
    use super::super::{describe, value_for, Derivation};
    use crate::decimal::dec;
    use crate::model::{Rule, Tier, TierScale, Tiers, Value};

    fn tiers(scale: TierScale, steps: &[(&str, &str)]) -> Rule {
        Rule::Tiers(Tiers {
            scale,
            steps: steps
                .iter()
                .map(|(a, p)| Tier {
                    at_least: dec(a),
                    points: dec(p),
                })
                .collect(),
        })
    }

    fn tier(index: usize, at_least: &str, points: &str) -> Derivation {
        Derivation::Tier {
            index,
            at_least: dec(at_least),
            points: dec(points),
        }
    }

    #[test]
    fn the_first_tier_reached_scores() {
        let on_rate = tiers(TierScale::Rate, &[("1", "1"), ("0.9", "0.5")]);
        assert_eq!(
            scored(&on_rate, "1", &rate("100%")),
            (dec("1"), tier(0, "1", "1"))
        );
        assert_eq!(
            scored(&on_rate, "1", &rate("95%")),
            (dec("0.5"), tier(1, "0.9", "0.5"))
        );
        assert_eq!(
            scored(&on_rate, "1", &rate("89/100")),
            (dec("0"), Derivation::BelowEveryTier)
        );
        let on_count = tiers(TierScale::Number, &[("2", "2"), ("1", "1")]);
        let n = |s: &str| Value::Number(dec(s));
        assert_eq!(
            scored(&on_count, "2", &n("3")),
            (dec("2"), tier(0, "2", "2"))
        );
        assert_eq!(
            scored(&on_count, "2", &n("1")),
            (dec("1"), tier(1, "1", "1"))
        );
        assert_eq!(
            scored(&on_count, "2", &n("0")),
            (dec("0"), Derivation::BelowEveryTier)
        );
    }

    #[test]
    fn exactly_at_a_threshold_reaches_it() {
        let on_rate = tiers(TierScale::Rate, &[("0.9", "2"), ("0.5", "1")]);
        assert_eq!(
            scored(&on_rate, "2", &rate("9/10")),
            (dec("2"), tier(0, "0.9", "2"))
        );
        assert_eq!(
            scored(&on_rate, "2", &rate("50%")),
            (dec("1"), tier(1, "0.5", "1"))
        );
        assert_eq!(
            scored(&on_rate, "2", &rate("49.99%")),
            (dec("0"), Derivation::BelowEveryTier)
        );
    }

    #[test]
    fn equal_points_still_name_the_tier_that_matched() {
        // The explain bug: 60% with [90%: 2, 50%: 2] reached the 50% tier, not the 90% one.
        let equal = tiers(TierScale::Rate, &[("0.9", "2"), ("0.5", "2")]);
        assert_eq!(
            scored(&equal, "2", &rate("60%")),
            (dec("2"), tier(1, "0.5", "2"))
        );
        // And the inverse asks for the least demanding of them.
        assert_eq!(score_of_inverse(&equal, "2", "2"), (rate("50%"), dec("2")));
    }

    #[test]
    fn a_zero_point_tier_is_still_a_tier() {
        let with_zero = tiers(TierScale::Number, &[("2", "1"), ("1", "0")]);
        assert_eq!(
            scored(&with_zero, "1", &Value::Number(dec("1"))),
            (dec("0"), tier(1, "1", "0"))
        );
    }

    #[test]
    fn inverse_asks_for_the_lowest_tier_that_gives_enough() {
        let on_count = tiers(TierScale::Number, &[("2", "2"), ("1", "1")]);
        assert_eq!(
            score_of_inverse(&on_count, "2", "0.4"),
            (Value::Number(dec("1")), dec("1"))
        );
        assert_eq!(
            score_of_inverse(&on_count, "2", "1.5"),
            (Value::Number(dec("2")), dec("2"))
        );
        // No tier gives 3: the best one.
        assert_eq!(
            score_of_inverse(&on_count, "3", "3"),
            (Value::Number(dec("2")), dec("2"))
        );
        let on_rate = tiers(TierScale::Rate, &[("0.955", "1"), ("0.9", "0.5")]);
        assert_eq!(
            score_of_inverse(&on_rate, "1", "0.7"),
            (rate("95.5%"), dec("1"))
        );
        assert_eq!(
            value_for(&tiers(TierScale::Rate, &[]), dec("1"), dec("1")),
            None
        );
    }

    #[test]
    fn described() {
        let on_rate = tiers(TierScale::Rate, &[("1", "2"), ("0.95", "1")]);
        assert_eq!(
            describe(&on_rate, dec("2")),
            "tiers: ≥ 100%: 2; ≥ 95%: 1; otherwise 0"
        );
        let on_count = tiers(TierScale::Number, &[("2", "1"), ("1", "0.5")]);
        assert_eq!(
            describe(&on_count, dec("1")),
            "tiers: ≥ 2: 1; ≥ 1: 0.5; otherwise 0"
        );
    }
}
