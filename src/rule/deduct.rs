//! `deduct`: `max − per × n` for a whole count n of cases, not below 0.

use super::Derivation;
use crate::decimal::{mul, show, sub, Overflow};
use crate::model::Value;
use rust_decimal::Decimal;

pub(super) fn score(
    per: Decimal,
    max: Decimal,
    value: &Value,
) -> Result<(Decimal, Derivation), Overflow> {
    let count = match value {
        Value::Number(n) => *n,
        // The loader admits only counts; anything else deducts nothing it could name.
        _ => Decimal::ZERO,
    };
    let deducted = mul(per, count)?;
    let remaining = sub(max, deducted)?;
    let score = remaining.max(Decimal::ZERO);
    Ok((
        score,
        Derivation::Deducted {
            per,
            count,
            remaining,
        },
    ))
}

/// The most cases that still leave `needed`: `n ≤ (max − needed) / per`, whole, not below 0.
pub(super) fn value_for(per: Decimal, max: Decimal, needed: Decimal) -> Value {
    let n = (max - needed)
        .checked_div(per)
        .unwrap_or(Decimal::MAX)
        .floor()
        .max(Decimal::ZERO);
    Value::Number(n)
}

pub(super) fn describe(per: Decimal, max: Decimal) -> String {
    format!(
        "deduct: {} − {} per case, not below 0",
        show(max),
        show(per)
    )
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{score_of_inverse, scored};
    use super::super::{describe, score, Derivation};
    use crate::decimal::{dec, Overflow};
    use crate::model::{Rule, Value};
    use rust_decimal::Decimal;

    fn n(s: &str) -> Value {
        Value::Number(dec(s))
    }

    fn deducted(count: &str, remaining: &str) -> Derivation {
        Derivation::Deducted {
            per: dec("0.5"),
            count: dec(count),
            remaining: dec(remaining),
        }
    }

    #[test]
    fn each_case_takes_per_away() {
        let rule = Rule::Deduct { per: dec("0.5") };
        assert_eq!(scored(&rule, "2", &n("0")), (dec("2"), deducted("0", "2")));
        assert_eq!(
            scored(&rule, "2", &n("1")),
            (dec("1.5"), deducted("1", "1.5"))
        );
        // Exactly down to zero: not floored.
        let (s, how) = scored(&rule, "2", &n("4"));
        assert_eq!((s, how.floored()), (dec("0"), false));
    }

    #[test]
    fn below_zero_is_held_at_zero() {
        let rule = Rule::Deduct { per: dec("0.5") };
        let (s, how) = scored(&rule, "2", &n("9"));
        assert_eq!(s, dec("0"));
        assert_eq!(how, deducted("9", "-2.5"));
        assert!(how.floored());
    }

    #[test]
    fn huge_counts_overflow_as_errors() {
        let rule = Rule::Deduct { per: dec("1000") };
        assert_eq!(
            score(&rule, dec("1"), &Value::Number(Decimal::MAX)),
            Err(Overflow)
        );
    }

    #[test]
    fn inverse_allows_the_most_cases_that_still_reach() {
        let rule = Rule::Deduct { per: dec("0.5") };
        assert_eq!(score_of_inverse(&rule, "2", "1"), (n("2"), dec("1")));
        assert_eq!(score_of_inverse(&rule, "2", "1.2"), (n("1"), dec("1.5")));
        assert_eq!(score_of_inverse(&rule, "2", "2"), (n("0"), dec("2")));
        // Needing more than the max: no cases at all.
        assert_eq!(score_of_inverse(&rule, "2", "3"), (n("0"), dec("2")));
    }

    #[test]
    fn described() {
        assert_eq!(
            describe(&Rule::Deduct { per: dec("0.5") }, dec("1")),
            "deduct: 1 − 0.5 per case, not below 0"
        );
    }
}
