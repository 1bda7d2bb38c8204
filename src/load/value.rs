//! Reading evidence values (`true`, `"97.29%"`, `"21/32"`, `12`, `"n/a"`) and checking that
//! each is the kind its rule takes. The tool never guesses: `97` where a rate belongs is an
//! error showing both spellings, and `12.698` as a count names the thousands separator.

use super::yaml::Scalar;
use crate::decimal::{self, parse_decimal, NumberError};
use crate::diag::{self, Check, Message};
use crate::i18n::diag as say;
use crate::model::{Criterion, Rule, Value};
use rust_decimal::Decimal;

/// The problem type lives with the rules, which report it too; re-exported for the loader's
/// callers.
pub use crate::rule::ValueProblem;
use crate::rule::{looks_like_thousands, thousands};

fn problem(check: Check, message: impl Into<Message>, help: Option<Message>) -> ValueProblem {
    ValueProblem::new(check, message, help)
}

/// Reads a scalar as an evidence value; `Ok(None)` for an empty value. Numbers are read from
/// their text as written, plain or quoted: every digit counts, none passes through a float.
pub fn read_value(scalar: &Scalar) -> Result<Option<Value>, ValueProblem> {
    match *scalar {
        Scalar::Null => Ok(None),
        Scalar::Bool(b) => Ok(Some(Value::Boolean(b))),
        Scalar::Int(text) | Scalar::Float(text) => number(text).map(|n| Some(Value::Number(n))),
        Scalar::Str(s) => read_text(s).map(Some),
    }
}

/// Reads a leaf's value: in its rule's own way where the rule has one (a `choice` reads its
/// labels: `rule::read_own`), otherwise as [`read_value`].
#[inline]
pub fn read_leaf_value(
    scalar: &Scalar,
    text: Option<&str>,
    rule: Option<&Rule>,
) -> Result<Option<Value>, ValueProblem> {
    if let (Some(rule), Some(text)) = (rule, text) {
        if *scalar != Scalar::Null {
            if let Some(read) = crate::rule::read_own(rule, text) {
                return read.map(Some);
            }
        }
    }
    read_value(scalar)
}

/// `str::trim`, with the usual case (nothing to trim) answered from the two end bytes.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

fn number(text: &str) -> Result<Decimal, ValueProblem> {
    parse_decimal(text).map_err(|e| match e {
        NumberError::TooLarge => problem(
            diag::NUMBER_TOO_LARGE,
            say::number_too_large(text),
            Some(say::TYPING_SLIP.into()),
        ),
        NumberError::TooPrecise => problem(
            diag::NUMBER_TOO_LARGE,
            say::number_too_precise(text),
            Some(say::TYPING_SLIP.into()),
        ),
        NumberError::NotANumber => problem(diag::BAD_VALUE, say::not_a_number(text), None),
    })
}

/// Words for true and false, compared case-insensitively (composed or decomposed accents).
const TRUE_WORDS: [&str; 4] = ["yes", "có", "co\u{301}", "true"];
const FALSE_WORDS: [&str; 4] = ["no", "không", "kho\u{302}ng", "false"];

fn read_text(s: &str) -> Result<Value, ValueProblem> {
    let t = trim(s);
    // The words are short and start with a letter; rates and counts (most values) skip the
    // lower-casing and its allocation.
    if t.len() <= 8 && t.starts_with(|c: char| c.is_alphabetic()) {
        let lower = t.to_lowercase();
        if TRUE_WORDS.contains(&lower.as_str()) {
            return Ok(Value::Boolean(true));
        }
        if FALSE_WORDS.contains(&lower.as_str()) {
            return Ok(Value::Boolean(false));
        }
        if lower == "n/a" {
            return Ok(Value::NotApplicable);
        }
    }
    if let Some(p) = t.strip_suffix('%') {
        let num = percent_number(trim(p), t)?;
        return Ok(Value::Rate {
            num,
            den: Decimal::ONE_HUNDRED,
            percent: true,
        });
    }
    if let Some((done, total)) = t.split_once('/') {
        return fraction_text(trim(done), trim(total), t);
    }
    if t.contains(',') && parse_decimal(&t.replace(',', ".")).is_ok() {
        return Err(problem(
            diag::BAD_VALUE,
            say::decimal_comma(t),
            Some(say::decimal_comma_help(&t.replace(',', "."))),
        ));
    }
    match parse_decimal(t) {
        Ok(n) => Ok(Value::Number(n)),
        Err(NumberError::TooLarge | NumberError::TooPrecise) => Err(number(t).unwrap_err()),
        Err(NumberError::NotANumber) if looks_like_thousands(t) => Err(thousands(t)),
        Err(NumberError::NotANumber) => Err(problem(
            diag::BAD_VALUE,
            say::unreadable_value(t),
            Some(say::UNREADABLE_VALUE_HELP.into()),
        )),
    }
}

/// Reads the number before a `%` sign as a fraction in [0, 1].
pub fn percent_text(number_text: &str, whole: &str) -> Result<Decimal, ValueProblem> {
    let n = percent_number(number_text, whole)?;
    decimal::div(n, Decimal::ONE_HUNDRED).map_err(|_| number(number_text).unwrap_err())
}

/// Reads the number before a `%` sign, checked to lie in 0–100.
fn percent_number(number_text: &str, whole: &str) -> Result<Decimal, ValueProblem> {
    // The usual `97.3`: unsigned and checked against 100 on its digits.
    if let Some((m, scale)) = decimal::short_parts(number_text.as_bytes()) {
        if u128::from(m) <= 100 * 10u128.pow(scale) {
            return Ok(Decimal::from_i128_with_scale(i128::from(m), scale));
        }
    }
    let n = match parse_decimal(number_text) {
        Ok(n) => n,
        Err(NumberError::TooLarge | NumberError::TooPrecise) => {
            return Err(number(number_text).unwrap_err())
        }
        Err(NumberError::NotANumber) => {
            let help = number_text
                .contains(',')
                .then(|| say::decimal_point_rate(&number_text.replace(',', ".")));
            return Err(problem(diag::BAD_VALUE, say::not_a_rate(whole), help));
        }
    };
    if n < Decimal::ZERO || n > Decimal::ONE_HUNDRED {
        return Err(problem(
            diag::RATE_OUT_OF_RANGE,
            say::rate_out_of_range(whole),
            Some(say::RATE_IS_A_SHARE.into()),
        ));
    }
    Ok(n)
}

fn fraction_text(done: &str, total: &str, whole: &str) -> Result<Value, ValueProblem> {
    let count = |s: &str| -> Result<Decimal, ValueProblem> {
        // The usual `4290`: digits only, so whole and not negative.
        if let Some((m, 0)) = decimal::short_parts(s.as_bytes()) {
            return Ok(Decimal::from(m));
        }
        let n = parse_decimal(s).map_err(|e| match e {
            NumberError::TooLarge | NumberError::TooPrecise => number(s).unwrap_err(),
            NumberError::NotANumber => problem(
                diag::BAD_FRACTION,
                say::not_a_fraction(whole),
                Some(say::FRACTION_HELP.into()),
            ),
        })?;
        if n.fract() != Decimal::ZERO && looks_like_thousands(s) {
            return Err(thousands(s));
        }
        if n.fract() != Decimal::ZERO || n < Decimal::ZERO {
            return Err(problem(
                diag::BAD_FRACTION,
                say::fraction_part_not_whole(whole, s),
                Some(say::FRACTION_PARTS_WHOLE.into()),
            ));
        }
        Ok(n)
    };
    let (d, t) = (count(done)?, count(total)?);
    if t.is_zero() {
        return Err(problem(
            diag::BAD_FRACTION,
            say::zero_total(whole),
            Some(say::ZERO_TOTAL_HELP.into()),
        ));
    }
    if d > t {
        return Err(problem(
            diag::RATE_OUT_OF_RANGE,
            say::done_over_total(whole),
            Some(say::DONE_AT_MOST_TOTAL.into()),
        ));
    }
    Ok(Value::Rate {
        num: d,
        den: t,
        percent: false,
    })
}

/// The check lives with the rules; re-exported here for the loader's callers.
pub use crate::rule::fits_rule;

/// Refuses n/a on a leaf whose `if_na` (its own, or the set's default) is `forbid`, the default
/// since revision 2: writing n/a must not earn a unit marks the set never allowed.
pub fn na_allowed(value: &Value, node: &Criterion) -> Result<(), ValueProblem> {
    if *value != Value::NotApplicable || node.if_na.allows_na() {
        return Ok(());
    }
    let code = &node.code;
    let spelling = node
        .rule
        .as_ref()
        .map_or(say::ITS_VALUE, |r| r.takes().spelling_text());
    Err(problem(
        diag::NA_NOT_ALLOWED,
        say::na_not_allowed(code),
        Some(say::na_not_allowed_help(code, spelling)),
    ))
}

/// Hints that offer `"n/a"` (a zero total, an unreadable value) offer it only where the leaf
/// allows n/a: elsewhere writing it is E216.
pub fn hint_for(mut p: ValueProblem, node: &Criterion) -> ValueProblem {
    if node.if_na.allows_na() {
        return p;
    }
    p.help = p.help.map(|h| {
        if *h == say::ZERO_TOTAL_HELP.into() {
            Box::new(say::zero_total_help_without_na(&node.code))
        } else if *h == say::UNREADABLE_VALUE_HELP.into() {
            Box::new(say::UNREADABLE_VALUE_HELP_WITHOUT_NA.into())
        } else {
            h
        }
    });
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::model::{Ratio, TierScale, Tiers};

    fn read(s: &str) -> Result<Option<Value>, ValueProblem> {
        read_value(&Scalar::Str(s))
    }

    fn rate(v: &Value) -> Decimal {
        v.fraction().expect("a rate")
    }

    #[test]
    fn reads_every_spelling() {
        assert_eq!(read("có").unwrap(), Some(Value::Boolean(true)));
        assert_eq!(read("KHÔNG").unwrap(), Some(Value::Boolean(false)));
        assert_eq!(read("kho\u{302}ng").unwrap(), Some(Value::Boolean(false)));
        assert_eq!(read("Yes").unwrap(), Some(Value::Boolean(true)));
        assert_eq!(read("N/A").unwrap(), Some(Value::NotApplicable));
        assert_eq!(rate(&read("97.29%").unwrap().unwrap()), dec("0.9729"));
        assert_eq!(rate(&read("21/32").unwrap().unwrap()), dec("0.65625"));
        assert_eq!(read("12").unwrap(), Some(Value::Number(dec("12"))));
        assert_eq!(read_value(&Scalar::Null).unwrap(), None);
        assert_eq!(
            read_value(&Scalar::Int("3")).unwrap(),
            Some(Value::Number(dec("3")))
        );
    }

    #[test]
    fn plain_numbers_keep_every_written_digit() {
        let v = read_value(&Scalar::Float("1.50")).unwrap().unwrap();
        assert_eq!(v, Value::Number(dec("1.50")));
        let long = "12345678901234567.89";
        let v = read_value(&Scalar::Float(long)).unwrap();
        assert_eq!(v, Some(Value::Number(dec(long))));
        let tiny = "0.0004999999999999999999999999";
        assert_eq!(
            read_value(&Scalar::Float(tiny)).unwrap(),
            Some(Value::Number(dec(tiny)))
        );
        let err = read_value(&Scalar::Float("1e40")).unwrap_err();
        assert_eq!(err.check, diag::NUMBER_TOO_LARGE);
    }

    #[test]
    fn rejects_bad_rates_and_fractions() {
        assert_eq!(read("120%").unwrap_err().check, diag::RATE_OUT_OF_RANGE);
        assert_eq!(read("-1%").unwrap_err().check, diag::RATE_OUT_OF_RANGE);
        assert_eq!(read("33/32").unwrap_err().check, diag::RATE_OUT_OF_RANGE);
        assert_eq!(read("3/0").unwrap_err().check, diag::BAD_FRACTION);
        assert_eq!(read("2.5/4").unwrap_err().check, diag::BAD_FRACTION);
        let comma = read("97,29%").unwrap_err();
        assert_eq!(
            comma.help.as_ref().map(|h| h.en.as_str()),
            Some("write the decimal point as `.`: 97.29%")
        );
        assert_eq!(read("1e40").unwrap_err().check, diag::NUMBER_TOO_LARGE);
        assert_eq!(read("lots").unwrap_err().check, diag::BAD_VALUE);
        let sep = read("1.234.567").unwrap_err();
        assert_eq!(sep.check, diag::NOT_A_COUNT);
        assert!(sep.help.unwrap().en.contains("1234567"));
    }

    #[test]
    fn checks_value_kind_against_rule() {
        let ratio = Rule::Ratio(Ratio::default());
        let bare = fits_rule(&Value::Number(dec("97")), &ratio, dec("1"), Some("97")).unwrap_err();
        assert_eq!(bare.check, diag::BARE_NUMBER_FOR_RATE);
        assert!(bare.help.unwrap().en.contains("\"97%\""));
        let deduct = Rule::Deduct { per: dec("1") };
        let sep = fits_rule(
            &Value::Number(dec("12.698")),
            &deduct,
            dec("2"),
            Some("12.698"),
        )
        .unwrap_err();
        assert_eq!(sep.check, diag::NOT_A_COUNT);
        assert!(sep.help.unwrap().en.contains("12698"));
        let half =
            fits_rule(&Value::Number(dec("1.5")), &deduct, dec("2"), Some("1.5")).unwrap_err();
        assert_eq!(half.check, diag::NOT_A_COUNT);
        let over = fits_rule(
            &Value::Number(dec("3")),
            &Rule::Points,
            dec("2.5"),
            Some("3"),
        )
        .unwrap_err();
        assert_eq!(over.check, diag::POINTS_OUT_OF_RANGE);
        let yes_no =
            fits_rule(&Value::Number(dec("1")), &Rule::YesNo, dec("1"), Some("1")).unwrap_err();
        assert_eq!(yes_no.check, diag::WRONG_VALUE_KIND);
        let tiers = Rule::Tiers(Tiers {
            scale: TierScale::Number,
            steps: vec![],
        });
        assert!(fits_rule(&Value::Number(dec("2")), &tiers, dec("2"), Some("2")).is_ok());
        assert!(fits_rule(&Value::NotApplicable, &Rule::YesNo, dec("1"), Some("n/a")).is_ok());
    }
}
