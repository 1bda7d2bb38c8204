//! `choice`: the points of a label ("Ban hành kịp thời: 1; Ban hành không kịp thời: 0,5;
//! Không ban hành: 0"). A choice leaf reads its values itself ([`read`]): as one of its
//! labels, compared after Unicode NFC normalisation, case folding and collapsing spaces, so
//! that `có` or `100%` written as a label stays a label rather than a boolean or a rate.

use super::{problem, Derivation, ValueProblem};
use crate::decimal::show;
use crate::diag;
use crate::model::{Choice, Value};
use rust_decimal::Decimal;
use unicode_normalization::UnicodeNormalization;

/// A label as compared: NFC, lower case (Unicode's full lower-casing, which folds every
/// Vietnamese letter), runs of white space as one space, no space at either end.
pub fn normalise(label: &str) -> String {
    let folded: String = label.nfc().collect::<String>().to_lowercase();
    let mut out = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    // Lower-casing can decompose nothing but may leave a sequence NFC composes further.
    out.nfc().collect()
}

/// Reads an evidence value for a choice leaf: the label it names, `n/a` (left to `if_na`)
/// where no label reads so, otherwise an error listing the labels.
pub(super) fn read(c: &Choice, text: &str) -> Result<Value, ValueProblem> {
    let key = normalise(text);
    if let Some(index) = c.options.iter().position(|o| o.key == key) {
        return Ok(Value::Choice {
            index,
            label: c.options[index].label.clone(),
        });
    }
    if key == "n/a" {
        return Ok(Value::NotApplicable);
    }
    Err(problem(
        diag::NOT_A_LABEL,
        crate::i18n::diag::not_a_label(text.trim()),
        Some(crate::i18n::diag::write_one_of(&labels(c))),
    ))
}

/// The labels, quoted, in the set's order.
fn labels(c: &Choice) -> String {
    c.options
        .iter()
        .map(|o| format!("\"{}\"", o.label))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn score(c: &Choice, value: &Value) -> (Decimal, Derivation) {
    match value {
        Value::Choice { index, .. } if *index < c.options.len() => {
            let points = c.options[*index].points;
            (points, Derivation::Chosen { points })
        }
        _ => (
            Decimal::ZERO,
            Derivation::Chosen {
                points: Decimal::ZERO,
            },
        ),
    }
}

/// The cheapest label reaching `needed`: the fewest points that still give it (the first
/// such in the set's order); where none does, the first label giving the most.
pub(super) fn value_for(c: &Choice, needed: Decimal) -> Option<Value> {
    let index = c
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.points >= needed)
        .min_by_key(|(_, o)| o.points)
        .or_else(|| {
            c.options
                .iter()
                .enumerate()
                .rev()
                .max_by_key(|(_, o)| o.points)
        })?
        .0;
    Some(Value::Choice {
        index,
        label: c.options[index].label.clone(),
    })
}

pub(super) fn describe(c: &Choice) -> String {
    let options: Vec<String> = c
        .options
        .iter()
        .map(|o| format!("\"{}\": {}", o.label, show(o.points)))
        .collect();
    format!("choice: {}", options.join("; "))
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{score_of_inverse, scored};
    use super::super::{describe, read_own, Derivation};
    use super::normalise;
    use crate::decimal::dec;
    use crate::diag;
    use crate::model::{Choice, Rule, Value};

    fn choice(options: &[(&str, &str)]) -> Rule {
        Rule::Choice(Choice::new(
            options
                .iter()
                .map(|(l, p)| (l.to_string(), dec(p)))
                .collect(),
        ))
    }

    fn timely() -> Rule {
        choice(&[
            ("Ban hành kịp thời", "1"),
            ("Ban hành không kịp thời", "0.5"),
            ("Không ban hành", "0"),
        ])
    }

    fn read(rule: &Rule, text: &str) -> Result<Value, diag::Check> {
        read_own(rule, text).unwrap().map_err(|p| p.check)
    }

    #[test]
    fn labels_match_after_case_folding_nfc_and_spaces() {
        let r = timely();
        let late = read(&r, "Ban hành không kịp thời").unwrap();
        assert_eq!(
            scored(&r, "1", &late),
            (dec("0.5"), Derivation::Chosen { points: dec("0.5") })
        );
        assert_eq!(late.show(), "Ban hành không kịp thời");
        assert_eq!(read(&r, "BAN HÀNH KHÔNG KỊP THỜI"), Ok(late.clone()));
        assert_eq!(read(&r, "  ban hành   không kịp\tthời "), Ok(late.clone()));
        // Accents written with combining marks (NFD), as some keyboards and PDFs give them.
        let decomposed = "Ban ha\u{300}nh kho\u{302}ng ki\u{323}p tho\u{31b}\u{300}i";
        assert_eq!(read(&r, decomposed), Ok(late));
        assert_eq!(normalise("Ki\u{323}P"), normalise("kỊp"));
    }

    #[test]
    fn any_other_value_is_an_error_listing_the_labels() {
        let r = timely();
        let p = read_own(&r, "Ban hành muộn").unwrap().unwrap_err();
        assert_eq!(p.check, diag::NOT_A_LABEL);
        assert!(
            p.help
                .as_ref()
                .unwrap()
                .en
                .contains("\"Ban hành kịp thời\", \"Ban hành không kịp thời\", \"Không ban hành\""),
            "{p:?}"
        );
        assert_eq!(read(&r, "1"), Err(diag::NOT_A_LABEL));
        assert_eq!(read(&r, "N/A"), Ok(Value::NotApplicable));
    }

    #[test]
    fn a_label_that_reads_as_a_boolean_is_a_label() {
        let r = choice(&[("Có", "1"), ("Không", "0")]);
        assert_eq!(
            read(&r, "có"),
            Ok(Value::Choice {
                index: 0,
                label: "Có".into()
            })
        );
        let r = choice(&[("100%", "1"), ("n/a", "0.5"), ("Khác", "0")]);
        assert!(matches!(
            read(&r, "100%"),
            Ok(Value::Choice { index: 0, .. })
        ));
        // A label spelled n/a is that label, not "not applicable".
        assert!(matches!(
            read(&r, "N/A"),
            Ok(Value::Choice { index: 1, .. })
        ));
    }

    #[test]
    fn inverse_is_the_cheapest_label_reaching_the_target() {
        let r = timely();
        let (v, s) = score_of_inverse(&r, "1", "0.3");
        assert_eq!(
            (v.show(), s),
            ("Ban hành không kịp thời".to_string(), dec("0.5"))
        );
        let (v, s) = score_of_inverse(&r, "1", "0");
        assert_eq!((v.show(), s), ("Không ban hành".to_string(), dec("0")));
        let (v, s) = score_of_inverse(&r, "2", "2");
        assert_eq!((v.show(), s), ("Ban hành kịp thời".to_string(), dec("1")));
    }

    #[test]
    fn described() {
        assert_eq!(
            describe(&timely(), dec("1")),
            "choice: \"Ban hành kịp thời\": 1; \"Ban hành không kịp thời\": 0.5; \"Không ban hành\": 0"
        );
    }
}
