//! `yes-no`: `max` if true, else 0.

use super::Derivation;
use crate::decimal::show;
use crate::model::Value;
use rust_decimal::Decimal;

pub(super) fn score(max: Decimal, value: &Value) -> (Decimal, Derivation) {
    let yes = matches!(value, Value::Boolean(true));
    let score = if yes { max } else { Decimal::ZERO };
    (score, Derivation::YesNo(yes))
}

/// Yes is the only value that scores anything.
pub(super) fn value_for() -> Value {
    Value::Boolean(true)
}

pub(super) fn describe(max: Decimal) -> String {
    format!("yes-no: {} if yes, else 0", show(max))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{score_of_inverse, scored};
    use super::super::{describe, Derivation};
    use crate::decimal::dec;
    use crate::model::{Rule, Value};

    #[test]
    fn yes_scores_the_max_and_no_nothing() {
        assert_eq!(
            scored(&Rule::YesNo, "0.5", &Value::Boolean(true)),
            (dec("0.5"), Derivation::YesNo(true))
        );
        assert_eq!(
            scored(&Rule::YesNo, "0.5", &Value::Boolean(false)),
            (dec("0"), Derivation::YesNo(false))
        );
    }

    #[test]
    fn any_target_needs_yes() {
        assert_eq!(
            score_of_inverse(&Rule::YesNo, "0.5", "0.1"),
            (Value::Boolean(true), dec("0.5"))
        );
    }

    #[test]
    fn described() {
        assert_eq!(describe(&Rule::YesNo, dec("1")), "yes-no: 1 if yes, else 0");
    }
}
