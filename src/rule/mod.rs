//! Everything parindex knows about a rule, in one place per rule kind: which values it takes
//! ([`fits_rule`]), the score a value earns and the branch that earned it ([`score`] and
//! [`Derivation`]), the value a target score needs ([`value_for`]), and the rule in words
//! ([`describe`]).
//!
//! The engine stores each leaf's [`Derivation`]; `explain` formats it and `whatif` inverts
//! the rule through [`value_for`], so no other module re-derives which branch a rule took.
//! One file per rule kind: [`yes_no`], [`ratio`], [`tiers`], [`deduct`], [`points`],
//! [`linear`], [`choice`]. The
//! problems a value can have ([`ValueProblem`]) are defined here, below the loader that also
//! reports them: `rule` imports only `model`, `decimal` and `diag`.

pub mod choice;
pub mod deduct;
pub mod linear;
pub mod points;
mod problem;
pub mod ratio;
pub mod tiers;
pub mod yes_no;

use crate::decimal::{self, Overflow};
use crate::diag;
use crate::i18n::{diag as say, Text};
use crate::model::{Bound, IfNa, Rule, TierScale, Value, ValueKind};
use rust_decimal::Decimal;

pub use problem::ValueProblem;
pub(crate) use problem::{looks_like_thousands, thousands};

/// The branch a rule took for a value, with the figures it used. Every leaf scored from a
/// value carries one, so that an explanation states what the engine did rather than guessing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Derivation {
    /// `yes-no`: `max` for yes, 0 for no.
    YesNo(bool),
    /// `ratio`: the rate (1 − rate when inverted) lies below `zero_below`: 0.
    BelowZero { zero_below: Decimal },
    /// `ratio`: the rate (1 − rate when inverted) reaches `full_at`: `max`.
    FullAt { full_at: Decimal },
    /// `ratio`: between the two, `max × (r' − zero_below) / (full_at − zero_below)`, where
    /// `r' = num / den` is the rate the rule reads (after `invert`).
    Proportional { num: Decimal, den: Decimal },
    /// `tiers`: the first tier (0-based `index`, in the list's order) whose threshold the
    /// value meets by its `bound`; the leaf scores its `points`.
    Tier {
        index: usize,
        threshold: Decimal,
        bound: Bound,
        points: Decimal,
    },
    /// `tiers`: the value reaches no tier: 0.
    BelowEveryTier,
    /// `deduct`: `max − per × count = remaining`; the leaf scores `remaining`, or 0 where it
    /// is negative.
    Deducted {
        per: Decimal,
        count: Decimal,
        remaining: Decimal,
    },
    /// `points`: the value is the score.
    Given,
    /// `choice`: the label's points.
    Chosen { points: Decimal },
    /// `linear`: the value lies at or beyond `zero_at`: 0.
    LineZero,
    /// `linear`: the value reaches `full_at`: `max`.
    LineFull,
    /// `linear`: between the two, `max × (v − zero_at) / (full_at − zero_at)`.
    LineProportional,
    /// `n/a`: scores the max (`full`) or leaves the scoring (`exclude`).
    NotApplicable(IfNa),
}

impl Derivation {
    /// Whether `deduct` went below zero and was held at 0.
    pub fn floored(&self) -> bool {
        matches!(self, Derivation::Deducted { remaining, .. } if remaining.is_sign_negative() && !remaining.is_zero())
    }
}

/// A rule's score before the set's rounding: a decimal, or `a × b / c` left undivided, so
/// that the rounding rounds the exact quotient once ([`decimal::round_quotient`]) rather than
/// a quotient already rounded to 28 digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unrounded {
    Exact(Decimal),
    Quotient(Decimal, Decimal, Decimal),
}

impl Unrounded {
    /// The score as the set rounds it.
    #[inline]
    pub fn rounded(self, rounding: decimal::Rounding) -> Result<Decimal, Overflow> {
        match self {
            Unrounded::Exact(d) => Ok(rounding.apply(d)),
            Unrounded::Quotient(a, b, c) => decimal::round_quotient(a, b, c, rounding),
        }
    }

    /// The score cut to a decimal's digits, to show beside the rounded one.
    pub fn approx(self) -> Decimal {
        match self {
            Unrounded::Exact(d) => d,
            Unrounded::Quotient(a, b, c) => decimal::approx_quotient(a, b, c),
        }
    }

    /// Whether [`Unrounded::approx`] is the score itself, not a cut of it.
    pub fn is_exact(self) -> bool {
        match self {
            Unrounded::Exact(_) => true,
            Unrounded::Quotient(a, b, c) => {
                decimal::cmp_products(self.approx(), c, a, b) == std::cmp::Ordering::Equal
            }
        }
    }
}

/// A rule's result for one value: the score before rounding and how it came about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// In [0, max].
    pub unrounded: Unrounded,
    pub how: Derivation,
}

/// The score of `rule` for `value` on a leaf of `max`, before rounding, with its derivation;
/// `None` for `n/a`, whose meaning (`if_na`) belongs to the leaf, not the rule. A value of a
/// kind the rule does not take (the loader admits none) scores 0 as if it reached nothing.
pub fn score(rule: &Rule, max: Decimal, value: &Value) -> Result<Option<Scored>, Overflow> {
    if matches!(value, Value::NotApplicable) {
        return Ok(None);
    }
    let exact = |(d, how): (Decimal, Derivation)| (Unrounded::Exact(d), how);
    let (unrounded, how) = match rule {
        Rule::YesNo => exact(yes_no::score(max, value)),
        Rule::Ratio(r) => ratio::score(r, max, value)?,
        Rule::Tiers(t) => exact(tiers::score(t, value)),
        Rule::Deduct { per } => exact(deduct::score(*per, max, value)?),
        Rule::Points => exact(points::score(value)),
        Rule::Linear(l) => linear::score(l, max, value)?,
        Rule::Choice(c) => exact(choice::score(c, value)),
    };
    // Every leaf score lies in [0, max]: each rule's branches keep it there, and the loader
    // holds tier points and `points` values within the max (the property tests check it). A
    // negative zero from a subtraction is made plain.
    debug_assert!(
        unrounded.approx() <= max,
        "{rule:?} scored {unrounded:?} of {max}"
    );
    let unrounded = match unrounded {
        Unrounded::Exact(d) if d.is_sign_negative() => Unrounded::Exact(Decimal::ZERO),
        other => other,
    };
    Ok(Some(Scored { unrounded, how }))
}

/// The least demanding value with which a leaf of `max` under `rule` scores at least `needed`
/// (before rounding); where no value does, the value that scores the most. Rates come with
/// two decimals of a percent, rounded so that they still reach `needed`. `None` where no value
/// scores anything (a `tiers` rule without tiers).
pub fn value_for(rule: &Rule, max: Decimal, needed: Decimal) -> Option<Value> {
    match rule {
        Rule::YesNo => Some(yes_no::value_for()),
        Rule::Ratio(r) => Some(ratio::value_for(r, max, needed)),
        Rule::Tiers(t) => tiers::value_for(t, needed),
        Rule::Deduct { per } => Some(deduct::value_for(*per, max, needed)),
        Rule::Points => Some(points::value_for(max, needed)),
        Rule::Linear(l) => Some(linear::value_for(l, max, needed)),
        Rule::Choice(c) => choice::value_for(c, needed),
    }
}

/// A value that scores the least under `rule`: on a penalty leaf, whose score is the points
/// taken away, the value that takes the fewest. `None` where the rule has no such value to
/// offer (`deduct`, which penalty sections do not use).
pub fn least_value(rule: &Rule, max: Decimal) -> Option<Value> {
    match rule {
        Rule::YesNo => Some(Value::Boolean(false)),
        Rule::Tiers(t) => {
            let rate = t.scale == TierScale::Rate;
            if t.lower_is_better() {
                // Past the highest threshold: no tier met.
                let top = t.steps.iter().map(|s| s.threshold).max()?;
                Some(if rate {
                    percent_value(Decimal::ONE_HUNDRED)
                } else {
                    Value::Number(top.trunc() + Decimal::ONE)
                })
            } else if rate {
                Some(percent_value(Decimal::ZERO))
            } else {
                Some(Value::Number(Decimal::ZERO))
            }
        }
        Rule::Deduct { .. } => None,
        // Each gives, for 0 points, the value on the zero side of its line, or the cheapest
        // label, or 0.
        _ => value_for(rule, max, Decimal::ZERO),
    }
}

/// The rule in words, for `explain` and the self-assessment form.
pub fn describe(rule: &Rule, max: Decimal) -> String {
    match rule {
        Rule::YesNo => yes_no::describe(max),
        Rule::Ratio(r) => ratio::describe(r, max),
        Rule::Tiers(t) => tiers::describe(t),
        Rule::Deduct { per } => deduct::describe(*per, max),
        Rule::Points => points::describe(max),
        Rule::Linear(l) => linear::describe(l, max),
        Rule::Choice(c) => choice::describe(c),
    }
}

/// How to write a value for `rule` on the self-assessment form.
pub fn form_spelling(rule: &Rule) -> &'static str {
    match rule.takes() {
        ValueKind::Boolean => "true / false (có / không)",
        ValueKind::Rate => "a rate \"97.29%\" or counts \"21/32\"",
        ValueKind::Number => "a number",
        ValueKind::Count => "a whole count of cases (0, 1, 2…)",
        ValueKind::Label => "one of the labels above",
    }
}

/// Reads an evidence value's text in the rule's own way, where the rule has one: a `choice`
/// reads its labels (so that a label such as `có` is not taken for a boolean). `None`: the
/// common reading applies.
#[inline]
pub fn read_own(rule: &Rule, text: &str) -> Option<Result<Value, ValueProblem>> {
    match rule {
        Rule::Choice(c) => Some(choice::read(c, text)),
        _ => None,
    }
}

/// A rate `pct`% as a value, written as `pct%` (as a person would type it).
pub fn percent_value(pct: Decimal) -> Value {
    let pct = pct.normalize();
    Value::Rate {
        num: pct,
        den: Decimal::ONE_HUNDRED,
        percent: true,
    }
}

/// A fraction (0.5) as a percentage for reading (50%).
pub fn pct(fraction: Decimal) -> String {
    format!("{}%", decimal::show(fraction * Decimal::ONE_HUNDRED))
}

fn problem(
    check: diag::Check,
    message: impl Into<diag::Message>,
    help: Option<diag::Message>,
) -> ValueProblem {
    ValueProblem::new(check, message, help)
}

/// Checks a value against the kind its rule takes; `max` bounds `points`. `written` is the
/// value's text where it matters for a message (a long plain float); otherwise the value's own
/// spelling is used, built only when there is something to report.
pub fn fits_rule(
    value: &Value,
    rule: &Rule,
    max: Decimal,
    written: Option<&str>,
) -> Result<(), ValueProblem> {
    let text = || written.map_or_else(|| value.show(), str::to_string);
    let kind = rule.takes();
    let wrong = |got: Text| {
        let written = text();
        problem(
            diag::WRONG_VALUE_KIND,
            say::rule_takes(rule.name(), kind.name_text(), got, &written),
            Some(say::write_this(kind.spelling_text())),
        )
    };
    match (value, kind) {
        (Value::NotApplicable, _) => Ok(()),
        (Value::Choice { .. }, ValueKind::Label) => Ok(()),
        (Value::Choice { .. }, _) => Err(wrong(say::A_LABEL)),
        (_, ValueKind::Label) => Err(wrong(say::ANOTHER_KIND)),
        (Value::Boolean(_), ValueKind::Boolean) => Ok(()),
        (Value::Boolean(_), _) => Err(wrong(ValueKind::Boolean.name_text())),
        (Value::Rate { .. }, ValueKind::Rate) => Ok(()),
        (Value::Rate { .. }, _) => Err(wrong(ValueKind::Rate.name_text())),
        (Value::Number(n), ValueKind::Rate) => Err({
            let written = text();
            problem(
                diag::BARE_NUMBER_FOR_RATE,
                say::bare_number(&written, rule.name()),
                Some(say::bare_number_help(&decimal::show(*n))),
            )
        }),
        (Value::Number(_), ValueKind::Boolean) => Err(wrong(ValueKind::Number.name_text())),
        (Value::Number(n), ValueKind::Count) => {
            // The text is written out only for a message: every count of every file passes.
            if n.scale() != 0 && n.fract() != Decimal::ZERO {
                let written = &text();
                if looks_like_thousands(written) {
                    return Err(thousands(written));
                }
                return Err(problem(
                    diag::NOT_A_COUNT,
                    say::not_a_whole_count(written),
                    Some(say::DEDUCT_COUNTS.into()),
                ));
            }
            if n.is_sign_negative() && !n.is_zero() {
                return Err(problem(
                    diag::NOT_A_COUNT,
                    say::negative_count(&text()),
                    None,
                ));
            }
            Ok(())
        }
        (Value::Number(n), ValueKind::Number) => {
            if (n.is_sign_negative() && !n.is_zero()) || (matches!(rule, Rule::Points) && *n > max)
            {
                return Err(number_out_of_range(*n, max, &text()));
            }
            Ok(())
        }
    }
}

/// A `points` or tiers value below 0 or, for `points`, above the max.
fn number_out_of_range(n: Decimal, max: Decimal, written: &str) -> ValueProblem {
    if n.is_sign_negative() && !n.is_zero() {
        return problem(
            diag::POINTS_OUT_OF_RANGE,
            say::negative(written),
            Some(say::ZERO_OR_MORE.into()),
        );
    }
    let max = decimal::show(max);
    problem(
        diag::POINTS_OUT_OF_RANGE,
        say::points_over_max(written, &max),
        Some(say::points_between(&max)),
    )
}

/// Helpers shared by the rule kinds' unit tests.
#[cfg(test)]
pub(crate) mod test_util {
    use crate::decimal::dec;
    use crate::model::{Rule, Value};
    use rust_decimal::Decimal;

    /// A rate written `"97.29%"` or `"21/32"`.
    pub fn rate(text: &str) -> Value {
        let (num, den) = match text.split_once('/') {
            Some((a, b)) => (dec(a), dec(b)),
            None => (dec(text.trim_end_matches('%')), dec("100")),
        };
        Value::Rate {
            num,
            den,
            percent: !text.contains('/'),
        }
    }

    /// The unrounded score and its derivation.
    pub fn scored(rule: &Rule, max: &str, v: &Value) -> (Decimal, super::Derivation) {
        let s = super::score(rule, dec(max), v).unwrap().unwrap();
        (s.unrounded.approx(), s.how)
    }

    /// The score of the value the inverse proposes for `needed`.
    pub fn score_of_inverse(rule: &Rule, max: &str, needed: &str) -> (Value, Decimal) {
        let v = super::value_for(rule, dec(max), dec(needed)).unwrap();
        let s = scored(rule, max, &v).0;
        (v, s)
    }
}

#[cfg(test)]
mod tests {
    use super::test_util::rate;
    use super::*;
    use crate::decimal::dec;
    use crate::model::{Ratio, TierScale, Tiers};

    #[test]
    fn not_applicable_is_left_to_the_leaf() {
        assert_eq!(
            score(&Rule::YesNo, dec("1"), &Value::NotApplicable).unwrap(),
            None
        );
    }

    #[test]
    fn a_value_of_the_wrong_kind_scores_nothing() {
        let ratio = Rule::Ratio(Ratio::default());
        let s = score(&ratio, dec("1"), &Value::Boolean(true))
            .unwrap()
            .unwrap();
        assert_eq!(s.unrounded, Unrounded::Exact(dec("0")));
    }

    #[test]
    fn percent_values_are_written_as_typed() {
        let v = percent_value(dec("30.00"));
        assert_eq!(v.show(), "30%");
        assert_eq!(v, rate("30%"));
    }

    #[test]
    fn values_are_checked_against_the_kind_the_rule_takes() {
        let ratio = Rule::Ratio(Ratio::default());
        let bare = fits_rule(&Value::Number(dec("97")), &ratio, dec("1"), None).unwrap_err();
        assert_eq!(bare.check, diag::BARE_NUMBER_FOR_RATE);
        let tiers = Rule::Tiers(Tiers {
            scale: TierScale::Number,
            steps: vec![],
        });
        let negative = fits_rule(&Value::Number(dec("-1")), &tiers, dec("1"), None).unwrap_err();
        assert_eq!(negative.check, diag::POINTS_OUT_OF_RANGE);
        assert!(fits_rule(&rate("50%"), &ratio, dec("1"), None).is_ok());
        let wrong = fits_rule(&rate("50%"), &Rule::Points, dec("1"), None).unwrap_err();
        assert_eq!(wrong.check, diag::WRONG_VALUE_KIND);
        assert_eq!(
            fits_rule(
                &Value::Number(dec("-2")),
                &Rule::Deduct { per: dec("1") },
                dec("1"),
                None
            )
            .unwrap_err()
            .check,
            diag::NOT_A_COUNT
        );
    }

    #[test]
    fn form_spellings_follow_the_value_kind() {
        assert_eq!(form_spelling(&Rule::Points), "a number");
        assert!(form_spelling(&Rule::Ratio(Ratio::default())).contains("21/32"));
    }
}
