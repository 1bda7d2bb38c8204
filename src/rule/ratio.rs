//! `ratio`: proportional to a rate, between `zero_below` and `full_at`, on `1 − rate` when
//! inverted.

use super::{pct, percent_value, Derivation, Unrounded};
use crate::decimal::{cmp, mul, show, sub, Overflow};
use crate::model::{Ratio, Value};
use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Ordering::{Equal, Greater, Less};

/// With r' = num'/den (num' = den − num when inverted), compares and scales without dividing:
/// `max × (num' − P·den) / (den × (Q − P))`, a quotient the set's rounding divides once.
pub(super) fn score(
    r: &Ratio,
    max: Decimal,
    value: &Value,
) -> Result<(Unrounded, Derivation), Overflow> {
    use Unrounded::{Exact, Quotient};
    let below_zero = (
        Exact(Decimal::ZERO),
        Derivation::BelowZero {
            zero_below: r.zero_below,
        },
    );
    let full = (Exact(max), Derivation::FullAt { full_at: r.full_at });
    let Value::Rate { num, den, .. } = value else {
        return Ok(below_zero);
    };
    if r.is_plain() {
        // The plain rule, most of a set's ratios: max × num / den, full marks at 100%.
        return Ok(if cmp(*num, *den) == Equal {
            full
        } else {
            (
                Quotient(max, *num, *den),
                Derivation::Proportional {
                    num: *num,
                    den: *den,
                },
            )
        });
    }
    let num = if r.invert { sub(*den, *num)? } else { *num };
    let lower = mul(r.zero_below, *den)?;
    let upper = mul(r.full_at, *den)?;
    let between = |over_lower: Decimal, span: Decimal| {
        (
            Quotient(max, over_lower, span),
            Derivation::Proportional { num, den: *den },
        )
    };
    if r.lower_is_better() {
        // zero_at above full_at: max at or below full_at, 0 at or above zero_at.
        return Ok(if cmp(num, upper) != Greater {
            full
        } else if cmp(num, lower) != Less {
            below_zero
        } else {
            between(sub(lower, num)?, sub(lower, upper)?)
        });
    }
    Ok(if cmp(num, lower) == Less {
        below_zero
    } else if cmp(num, upper) != Less {
        full
    } else {
        between(sub(num, lower)?, sub(upper, lower)?)
    })
}

/// r' = P + (Q − P) × needed / max, then back to r for an inverted rule; two decimals of a
/// percent, rounded up (or, inverted, down) so that the rate still reaches `needed`.
pub(super) fn value_for(r: &Ratio, max: Decimal, needed: Decimal) -> Value {
    let span = r.full_at - r.zero_below;
    let share = needed
        .checked_div(max)
        .unwrap_or(Decimal::ONE)
        .min(Decimal::ONE);
    if r.lower_is_better() && !r.invert {
        // The highest rate that still earns `needed`: rounded down, never below full_at.
        let effective = (r.zero_below + span * share).max(r.full_at);
        let pct = (effective * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::ToZero)
            .max(Decimal::ZERO);
        return percent_value(pct);
    }
    let effective = (r.zero_below + span * share).min(r.full_at);
    let pct = if r.invert {
        // The lower the rate the better: round the rate down.
        ((Decimal::ONE - effective) * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::ToZero)
            .max(Decimal::ZERO)
    } else {
        (effective * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(2, RoundingStrategy::AwayFromZero)
            .min(Decimal::ONE_HUNDRED)
    };
    percent_value(pct)
}

pub(super) fn describe(r: &Ratio, max: Decimal) -> String {
    let m = show(max);
    if *r == Ratio::default() {
        return format!("ratio: {m} × rate");
    }
    let rate = if r.invert { "(1 − rate)" } else { "rate" };
    if r.lower_is_better() {
        return format!(
            "ratio on {rate}, lower is better: {m} at or below {}, 0 from {}, proportional between",
            pct(r.full_at),
            pct(r.zero_below)
        );
    }
    // From 0%, nothing scores 0 but 0% itself: "0 below 0%" would say nothing.
    if r.zero_below.is_zero() {
        return format!(
            "ratio on {rate}: {m} from {}, proportional below",
            pct(r.full_at)
        );
    }
    format!(
        "ratio on {rate}: 0 below {}, {m} from {}, proportional between",
        pct(r.zero_below),
        pct(r.full_at)
    )
}

#[cfg(test)]
mod lower_is_better_tests {
    use super::super::test_util::{rate, scored};
    use super::super::{describe, value_for, Derivation};
    use crate::decimal::dec;
    use crate::model::{Ratio, Rule};

    fn lower() -> Rule {
        // { zero_at: "10%", full_at: "2%" }: max at or below 2%, 0 at or above 10%.
        Rule::Ratio(Ratio {
            zero_below: dec("0.1"),
            full_at: dec("0.02"),
            invert: false,
        })
    }

    #[test]
    fn scores_at_its_edges() {
        let r = lower();
        let s = |v: &str| scored(&r, "2", &rate(v)).0;
        assert_eq!(s("0%"), dec("2"));
        assert_eq!(s("2%"), dec("2"));
        assert_eq!(s("2.01%"), dec("1.99750"));
        assert_eq!(s("6%"), dec("1"));
        assert_eq!(s("9.99%"), dec("0.0025"));
        assert_eq!(s("10%"), dec("0"));
        assert_eq!(s("1/10"), dec("0"));
        assert_eq!(s("100%"), dec("0"));
        // Between, from counts: 1/25 = 4% → 2 × (10 − 4) / 8 = 1.5.
        assert_eq!(s("1/25"), dec("1.5"));
        assert!(matches!(
            scored(&r, "2", &rate("1%")).1,
            Derivation::FullAt { .. }
        ));
        assert!(matches!(
            scored(&r, "2", &rate("10%")).1,
            Derivation::BelowZero { .. }
        ));
    }

    #[test]
    fn the_inverse_is_the_highest_rate_that_still_earns_the_points() {
        let r = lower();
        let v = value_for(&r, dec("2"), dec("1")).unwrap();
        assert_eq!(v.show(), "6%");
        assert_eq!(scored(&r, "2", &v).0, dec("1"));
        let v = value_for(&r, dec("2"), dec("2")).unwrap();
        assert_eq!(v.show(), "2%");
        assert!(describe(&r, dec("2")).contains("lower is better"));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{rate, score_of_inverse, scored};
    use super::super::{describe, Derivation};
    use crate::decimal::{dec, Rounding};
    use crate::model::{Ratio, Rule};

    #[test]
    fn the_plain_rule_is_told_from_its_mantissas_as_equality_tells_it() {
        for (zero, full, invert) in [
            ("0", "1", false),
            ("0.00", "1.00", false),
            ("-0", "1.0", false),
            ("0", "1", true),
            ("0.5", "1", false),
            ("0", "0.1", false),
            ("0", "10", false),
            ("0", "-1", false),
            ("0", "0.95", false),
        ] {
            let r = Ratio {
                zero_below: dec(zero),
                full_at: dec(full),
                invert,
            };
            assert_eq!(
                r.is_plain(),
                r == Ratio::default(),
                "{zero} {full} {invert}"
            );
        }
    }

    fn band(p: &str, q: &str, invert: bool) -> Rule {
        Rule::Ratio(Ratio {
            zero_below: dec(p),
            full_at: dec(q),
            invert,
        })
    }

    #[test]
    fn plain_ratio_is_max_times_rate() {
        let plain = Rule::Ratio(Ratio::default());
        let (s, how) = scored(&plain, "1", &rate("97.29%"));
        assert_eq!(s, dec("0.9729"));
        assert_eq!(
            how,
            Derivation::Proportional {
                num: dec("97.29"),
                den: dec("100")
            }
        );
        assert_eq!(scored(&plain, "2", &rate("91.6%")).0, dec("1.832"));
        // 100% reaches full_at.
        assert_eq!(
            scored(&plain, "2", &rate("100%")),
            (dec("2"), Derivation::FullAt { full_at: dec("1") })
        );
    }

    #[test]
    fn one_division_so_midpoints_round_right() {
        // 3 × 1/48 = 0.0625 exactly; dividing first would give 0.06249… and round down.
        let v = scored(&Rule::Ratio(Ratio::default()), "3", &rate("1/48")).0;
        assert_eq!(Rounding::default().apply(v), dec("0.063"));
    }

    #[test]
    fn band_edges_are_exact() {
        let rule = band("0.5", "0.9", false);
        assert_eq!(
            scored(&rule, "2", &rate("49.99%")),
            (
                dec("0"),
                Derivation::BelowZero {
                    zero_below: dec("0.5")
                }
            )
        );
        // Exactly at zero_below: proportional, scoring 0.
        assert_eq!(
            scored(&rule, "2", &rate("50%")),
            (
                dec("0"),
                Derivation::Proportional {
                    num: dec("50"),
                    den: dec("100")
                }
            )
        );
        assert_eq!(scored(&rule, "2", &rate("70%")).0, dec("1"));
        // Exactly at full_at, also as counts.
        assert_eq!(
            scored(&rule, "2", &rate("9/10")),
            (
                dec("2"),
                Derivation::FullAt {
                    full_at: dec("0.9")
                }
            )
        );
        let online = band("0", "0.3", false);
        let s = scored(&online, "2.5", &rate("1290/12000")).0;
        assert_eq!(Rounding::default().apply(s), dec("0.896"));
    }

    #[test]
    fn inverted_reads_one_minus_the_rate() {
        let inverted = band("0", "1", true);
        assert_eq!(
            scored(&inverted, "1", &rate("4.4%")),
            (
                dec("0.956"),
                Derivation::Proportional {
                    num: dec("95.6"),
                    den: dec("100")
                }
            )
        );
        assert_eq!(
            scored(&inverted, "1", &rate("0%")),
            (dec("1"), Derivation::FullAt { full_at: dec("1") })
        );
    }

    #[test]
    fn zero_below_equal_to_full_at_is_a_step() {
        let step = band("0.8", "0.8", false);
        assert_eq!(
            scored(&step, "1", &rate("79.9%")),
            (
                dec("0"),
                Derivation::BelowZero {
                    zero_below: dec("0.8")
                }
            )
        );
        assert_eq!(
            scored(&step, "1", &rate("80%")),
            (
                dec("1"),
                Derivation::FullAt {
                    full_at: dec("0.8")
                }
            )
        );
        // The inverse of any target is the step itself.
        assert_eq!(score_of_inverse(&step, "1", "0.3"), (rate("80%"), dec("1")));
        let inverted_step = band("0.8", "0.8", true);
        assert_eq!(
            score_of_inverse(&inverted_step, "1", "1"),
            (rate("20%"), dec("1"))
        );
    }

    #[test]
    fn inverse_reaches_the_target_with_two_decimals() {
        let rule = band("0", "0.3", false);
        assert_eq!(
            score_of_inverse(&rule, "2.5", "2.5"),
            (rate("30%"), dec("2.5"))
        );
        assert_eq!(score_of_inverse(&rule, "2.5", "1"), (rate("12%"), dec("1")));
        // 0.123456 of the way rounds up to 12.35%.
        let plain = Rule::Ratio(Ratio::default());
        let (v, s) = score_of_inverse(&plain, "1", "0.123456");
        assert_eq!(v, rate("12.35%"));
        assert!(s >= dec("0.123456"));
        // Asking for more than the max asks for the full rate, never above 100%.
        assert_eq!(score_of_inverse(&plain, "1", "2"), (rate("100%"), dec("1")));
        let inverted = band("0", "1", true);
        assert_eq!(
            score_of_inverse(&inverted, "1", "0.9"),
            (rate("10%"), dec("0.9"))
        );
        // Rounded down when inverted, so the rate still reaches: 1 − 0.12345 → 87.65… → 87.65%.
        let (v, s) = score_of_inverse(&inverted, "1", "0.12345");
        assert_eq!(v, rate("87.65%"));
        assert!(s >= dec("0.12345"));
        let banded = band("0.5", "0.9", false);
        assert_eq!(score_of_inverse(&banded, "2", "1"), (rate("70%"), dec("1")));
    }

    #[test]
    fn described() {
        assert_eq!(
            describe(&Rule::Ratio(Ratio::default()), dec("1")),
            "ratio: 1 × rate"
        );
        assert_eq!(
            describe(&band("0.2", "0.6", false), dec("2")),
            "ratio on rate: 0 below 20%, 2 from 60%, proportional between"
        );
        assert_eq!(
            describe(&band("0", "0.5", true), dec("1")),
            "ratio on (1 − rate): 1 from 50%, proportional below"
        );
    }
}
