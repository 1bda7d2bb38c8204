//! `points`: a score given directly (a survey result, an appraisal council's mark).

use super::Derivation;
use crate::decimal::show;
use crate::model::Value;
use rust_decimal::Decimal;

pub(super) fn score(value: &Value) -> (Decimal, Derivation) {
    let given = match value {
        Value::Number(n) => *n,
        _ => Decimal::ZERO,
    };
    (given, Derivation::Given)
}

/// The score needed, within the max.
pub(super) fn value_for(max: Decimal, needed: Decimal) -> Value {
    Value::Number(needed.min(max))
}

pub(super) fn describe(max: Decimal) -> String {
    format!("points given directly, 0 to {}", show(max))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{score_of_inverse, scored};
    use super::super::{describe, Derivation};
    use crate::decimal::dec;
    use crate::model::{Rule, Value};

    #[test]
    fn the_value_is_the_score() {
        assert_eq!(
            scored(&Rule::Points, "2.5", &Value::Number(dec("2.25"))),
            (dec("2.25"), Derivation::Given)
        );
        assert_eq!(
            scored(&Rule::Points, "2.5", &Value::Number(dec("2.5"))),
            (dec("2.5"), Derivation::Given)
        );
    }

    #[test]
    fn inverse_is_the_score_needed_within_the_max() {
        assert_eq!(
            score_of_inverse(&Rule::Points, "1", "0.75"),
            (Value::Number(dec("0.75")), dec("0.75"))
        );
        assert_eq!(
            score_of_inverse(&Rule::Points, "1", "1.5"),
            (Value::Number(dec("1")), dec("1"))
        );
    }

    #[test]
    fn described() {
        assert_eq!(
            describe(&Rule::Points, dec("1")),
            "points given directly, 0 to 1"
        );
    }
}
