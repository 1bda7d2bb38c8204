//! `tiers`: the points of the first tier whose threshold the value meets; 0 if none. A list
//! runs in one direction: `at_least` / `above` from the highest threshold down (higher is
//! better), or `at_most` / `below` from the lowest up (lower is better).

use super::{pct, percent_value, Derivation};
use crate::decimal::show;
use crate::model::{Bound, TierScale, Tiers, Value};
use rust_decimal::Decimal;

pub(super) fn score(t: &Tiers, value: &Value) -> (Decimal, Derivation) {
    for (index, step) in t.steps.iter().enumerate() {
        let meets = match (t.scale, value) {
            // num / den against the threshold, as num against threshold × den, exactly.
            (TierScale::Rate, Value::Rate { num, den, .. }) => step.bound.meets(
                &crate::decimal::cmp_products(*num, Decimal::ONE, step.threshold, *den),
                &std::cmp::Ordering::Equal,
            ),
            (TierScale::Number, Value::Number(n)) => step.bound.meets(n, &step.threshold),
            _ => false,
        };
        if meets {
            return (
                step.points,
                Derivation::Tier {
                    index,
                    threshold: step.threshold,
                    bound: step.bound,
                    points: step.points,
                },
            );
        }
    }
    (Decimal::ZERO, Derivation::BelowEveryTier)
}

/// The least demanding tier giving at least `needed` (the last such in the list: the lowest
/// threshold where higher is better, the highest where lower is better); where no tier does,
/// the least demanding of those giving the most. Its value is the threshold itself for
/// `at_least` / `at_most`; for the strict `above` / `below`, the nearest value past it: 0.01
/// percentage point on a rate, 1 for a whole-number threshold, else one unit in the
/// threshold's last written place.
pub(super) fn value_for(t: &Tiers, needed: Decimal) -> Option<Value> {
    let step = t
        .steps
        .iter()
        .rev()
        .find(|s| s.points >= needed)
        .or_else(|| t.steps.iter().rev().max_by_key(|s| s.points))?;
    let unit = match t.scale {
        TierScale::Rate => Decimal::new(1, 2),
        TierScale::Number => Decimal::new(1, step.threshold.scale()),
    };
    let shown = match t.scale {
        TierScale::Rate => step.threshold * Decimal::ONE_HUNDRED,
        TierScale::Number => step.threshold,
    };
    let at = match step.bound {
        Bound::AtLeast | Bound::AtMost => shown,
        Bound::Above => shown + unit,
        Bound::Below => (shown - unit).max(Decimal::ZERO),
    };
    Some(match t.scale {
        TierScale::Rate => percent_value(at.min(Decimal::ONE_HUNDRED)),
        TierScale::Number => Value::Number(at),
    })
}

/// A tier's threshold as written: a percentage on a rate scale.
pub fn threshold(scale: TierScale, threshold: Decimal) -> String {
    match scale {
        TierScale::Rate => pct(threshold),
        TierScale::Number => show(threshold),
    }
}

pub(super) fn describe(t: &Tiers) -> String {
    let steps: Vec<String> = t
        .steps
        .iter()
        .map(|s| {
            format!(
                "{} {}: {}",
                s.bound.symbol(),
                threshold(t.scale, s.threshold),
                show(s.points)
            )
        })
        .collect();
    format!("tiers: {}; otherwise 0", steps.join("; "))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{rate, score_of_inverse, scored};
    use super::super::{describe, value_for, Derivation};
    use crate::decimal::dec;
    use crate::model::{Bound, Rule, Tier, TierScale, Tiers, Value};

    fn tiers(scale: TierScale, steps: &[(&str, &str)]) -> Rule {
        bounded(scale, Bound::AtLeast, steps)
    }

    fn bounded(scale: TierScale, bound: Bound, steps: &[(&str, &str)]) -> Rule {
        Rule::Tiers(Tiers {
            scale,
            steps: steps
                .iter()
                .map(|(a, p)| Tier {
                    threshold: dec(a),
                    bound,
                    points: dec(p),
                })
                .collect(),
        })
    }

    #[test]
    fn a_rate_a_hair_below_a_threshold_does_not_meet_it() {
        // 8999999999999999999999999999 of 9999999999999999999999999999 is 0.8999…90999…, below
        // 90%; 90% of that total needs 29 digits, which a decimal rounds to the count itself.
        let rule = tiers(TierScale::Rate, &[("0.9", "1")]);
        let total = "9999999999999999999999999999";
        let v = rate(&format!("8999999999999999999999999999/{total}"));
        assert_eq!(
            scored(&rule, "1", &v),
            (dec("0"), Derivation::BelowEveryTier)
        );
        assert_eq!(
            dec("0.9").checked_mul(dec(total)),
            Some(dec("8999999999999999999999999999")),
            "the rounded product the old comparison met"
        );
        let v = rate(&format!("9000000000000000000000000000/{total}"));
        assert_eq!(scored(&rule, "1", &v).1, tier(0, "0.9", "1"));
    }

    fn tier(index: usize, threshold: &str, points: &str) -> Derivation {
        bound_tier(index, Bound::AtLeast, threshold, points)
    }

    fn bound_tier(index: usize, bound: Bound, threshold: &str, points: &str) -> Derivation {
        Derivation::Tier {
            index,
            threshold: dec(threshold),
            bound,
            points: dec(points),
        }
    }

    #[test]
    fn above_is_strict_at_its_threshold() {
        let above = bounded(TierScale::Rate, Bound::Above, &[("0.9", "2"), ("0.5", "1")]);
        assert_eq!(
            scored(&above, "2", &rate("90%")),
            (dec("1"), bound_tier(1, Bound::Above, "0.5", "1"))
        );
        assert_eq!(
            scored(&above, "2", &rate("90.01%")),
            (dec("2"), bound_tier(0, Bound::Above, "0.9", "2"))
        );
        assert_eq!(
            scored(&above, "2", &rate("1/2")),
            (dec("0"), Derivation::BelowEveryTier)
        );
        // The inverse: the smallest rate strictly above, 0.01 percentage point past it.
        assert_eq!(
            score_of_inverse(&above, "2", "2"),
            (rate("90.01%"), dec("2"))
        );
        assert_eq!(
            score_of_inverse(&above, "2", "1"),
            (rate("50.01%"), dec("1"))
        );
        let counts = bounded(TierScale::Number, Bound::Above, &[("3", "1")]);
        assert_eq!(
            score_of_inverse(&counts, "1", "1"),
            (Value::Number(dec("4")), dec("1"))
        );
        let means = bounded(TierScale::Number, Bound::Above, &[("3.5", "1")]);
        assert_eq!(
            score_of_inverse(&means, "1", "1"),
            (Value::Number(dec("3.6")), dec("1"))
        );
    }

    #[test]
    fn at_most_and_below_score_lower_values() {
        let n = |s: &str| Value::Number(dec(s));
        let at_most = bounded(TierScale::Number, Bound::AtMost, &[("0", "2"), ("3", "1")]);
        assert_eq!(
            scored(&at_most, "2", &n("0")),
            (dec("2"), bound_tier(0, Bound::AtMost, "0", "2"))
        );
        assert_eq!(
            scored(&at_most, "2", &n("3")),
            (dec("1"), bound_tier(1, Bound::AtMost, "3", "1"))
        );
        assert_eq!(
            scored(&at_most, "2", &n("4")),
            (dec("0"), Derivation::BelowEveryTier)
        );
        assert_eq!(score_of_inverse(&at_most, "2", "1"), (n("3"), dec("1")));
        let below = bounded(
            TierScale::Rate,
            Bound::Below,
            &[("0.05", "1"), ("0.1", "0.5")],
        );
        assert_eq!(
            scored(&below, "1", &rate("5%")),
            (dec("0.5"), bound_tier(1, Bound::Below, "0.1", "0.5"))
        );
        assert_eq!(
            scored(&below, "1", &rate("4.99%")),
            (dec("1"), bound_tier(0, Bound::Below, "0.05", "1"))
        );
        assert_eq!(
            scored(&below, "1", &rate("10%")),
            (dec("0"), Derivation::BelowEveryTier)
        );
        assert_eq!(
            score_of_inverse(&below, "1", "1"),
            (rate("4.99%"), dec("1"))
        );
        assert_eq!(
            score_of_inverse(&below, "1", "0.5"),
            (rate("9.99%"), dec("0.5"))
        );
        assert_eq!(
            describe(&below, dec("1")),
            "tiers: < 5%: 1; < 10%: 0.5; otherwise 0"
        );
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
