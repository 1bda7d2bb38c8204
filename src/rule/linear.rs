//! `linear`: a straight line on a plain number, 0 at `zero_at` and the max at `full_at`
//! (either order: `full_at` below `zero_at` means lower is better), clamped to [0, max].

use super::{Derivation, Unrounded};
use crate::decimal::{show, sub, Overflow};
use crate::model::{Linear, Value};
use rust_decimal::{Decimal, RoundingStrategy};

/// `max × (v − A) / (B − A)`, a quotient the set's rounding divides once; 0 and the max
/// outside the line.
pub(super) fn score(
    l: &Linear,
    max: Decimal,
    value: &Value,
) -> Result<(Unrounded, Derivation), Overflow> {
    use Unrounded::{Exact, Quotient};
    let Value::Number(v) = value else {
        return Ok((Exact(Decimal::ZERO), Derivation::LineZero));
    };
    let (a, b) = (l.zero_at, l.full_at);
    let (at_zero, at_full) = if a < b {
        (*v <= a, *v >= b)
    } else {
        (*v >= a, *v <= b)
    };
    Ok(if at_full {
        (Exact(max), Derivation::LineFull)
    } else if at_zero {
        (Exact(Decimal::ZERO), Derivation::LineZero)
    } else {
        (
            Quotient(max, sub(*v, a)?, sub(b, a)?),
            Derivation::LineProportional,
        )
    })
}

/// v = A + (B − A) × needed / max, rounded to 4 places toward `full_at` so that it still
/// earns `needed`, and kept on the line.
pub(super) fn value_for(l: &Linear, max: Decimal, needed: Decimal) -> Value {
    let (a, b) = (l.zero_at, l.full_at);
    let share = needed
        .checked_div(max)
        .unwrap_or(Decimal::ONE)
        .clamp(Decimal::ZERO, Decimal::ONE);
    let exact = (b - a)
        .checked_mul(share)
        .and_then(|d| a.checked_add(d))
        .unwrap_or(b);
    let v = if a < b {
        exact
            .round_dp_with_strategy(4, RoundingStrategy::ToPositiveInfinity)
            .clamp(a, b)
    } else {
        exact
            .round_dp_with_strategy(4, RoundingStrategy::ToNegativeInfinity)
            .clamp(b, a)
    };
    Value::Number(v.normalize())
}

pub(super) fn describe(l: &Linear, max: Decimal) -> String {
    let (a, b, m) = (show(l.zero_at), show(l.full_at), show(max));
    if l.lower_is_better() {
        format!(
            "linear, lower is better: {m} at or below {b}, 0 at or above {a}, proportional between"
        )
    } else {
        format!("linear: 0 at or below {a}, {m} at or above {b}, proportional between")
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{score_of_inverse, scored};
    use super::super::{describe, Derivation, Unrounded};
    use crate::decimal::{dec, Rounding};
    use crate::model::{Linear, Rule, Value};

    fn line(a: &str, b: &str) -> Rule {
        Rule::Linear(Linear {
            zero_at: dec(a),
            full_at: dec(b),
        })
    }

    fn n(s: &str) -> Value {
        Value::Number(dec(s))
    }

    #[test]
    fn a_survey_mean_on_one_to_five() {
        let r = line("1", "5");
        assert_eq!(scored(&r, "2", &n("1")), (dec("0"), Derivation::LineZero));
        assert_eq!(scored(&r, "2", &n("0.5")), (dec("0"), Derivation::LineZero));
        assert_eq!(scored(&r, "2", &n("5")), (dec("2"), Derivation::LineFull));
        assert_eq!(
            scored(&r, "2", &n("3")),
            (dec("1"), Derivation::LineProportional)
        );
        assert_eq!(scored(&r, "2", &n("4.2")).0, dec("1.6"));
        // 2 × 1 / 3 kept undivided, rounded once by the set (not 2 × (1 / 3) rounded first),
        // and shown cut to 28 places.
        let thirds = line("0", "3");
        let s = super::super::score(&thirds, dec("2"), &n("1"))
            .unwrap()
            .unwrap();
        assert_eq!(
            s.unrounded,
            Unrounded::Quotient(dec("2"), dec("1"), dec("3"))
        );
        assert_eq!(s.unrounded.rounded(Rounding::default()), Ok(dec("0.667")));
        assert_eq!(
            s.unrounded.approx().to_string(),
            "0.6666666666666666666666666666"
        );
    }

    #[test]
    fn fewer_is_better_when_full_at_lies_below_zero_at() {
        let r = line("10", "0");
        assert_eq!(scored(&r, "1", &n("0")), (dec("1"), Derivation::LineFull));
        assert_eq!(scored(&r, "1", &n("10")), (dec("0"), Derivation::LineZero));
        assert_eq!(scored(&r, "1", &n("12")), (dec("0"), Derivation::LineZero));
        assert_eq!(scored(&r, "1", &n("4")).0, dec("0.6"));
        assert_eq!(score_of_inverse(&r, "1", "0.6"), (n("4"), dec("0.6")));
        assert_eq!(score_of_inverse(&r, "1", "2"), (n("0"), dec("1")));
    }

    #[test]
    fn inverse_reaches_what_is_needed() {
        let r = line("1", "5");
        assert_eq!(score_of_inverse(&r, "2", "1"), (n("3"), dec("1")));
        let (v, s) = score_of_inverse(&r, "3", "1");
        assert!(s >= dec("1"), "{v:?} scores {s}");
        assert_eq!(v, n("2.3334"));
        assert_eq!(score_of_inverse(&r, "2", "0"), (n("1"), dec("0")));
    }

    #[test]
    fn described() {
        assert_eq!(
            describe(&line("1", "5"), dec("2")),
            "linear: 0 at or below 1, 2 at or above 5, proportional between"
        );
        assert_eq!(
            describe(&line("10", "0"), dec("1")),
            "linear, lower is better: 1 at or below 0, 0 at or above 10, proportional between"
        );
    }
}
