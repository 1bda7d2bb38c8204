//! How a criterion is scored, in words: each rule kind's description and how to write its
//! value on the form. The English texts are the rule modules' own ([`crate::rule::describe`],
//! [`crate::rule::form_spelling`]), which their unit tests pin down; the Vietnamese ones are
//! here, with the same figures written the Vietnamese way.

use super::Lang;
use crate::model::{Ratio, Rule, TierScale, ValueKind};
use rust_decimal::Decimal;

/// A fraction as a percentage in the language's numbers: 0.95 → `95%`, 0.025 → `2,5%`.
pub fn pct(lang: Lang, fraction: Decimal) -> String {
    match lang {
        Lang::En => crate::rule::pct(fraction),
        Lang::Vi => format!("{}%", lang.figure(fraction * Decimal::ONE_HUNDRED)),
    }
}

/// A tier's threshold on its scale: `95%` or `2`.
pub fn threshold(lang: Lang, scale: TierScale, at: Decimal) -> String {
    match scale {
        TierScale::Rate => pct(lang, at),
        TierScale::Number => lang.figure(at),
    }
}

/// How a criterion with `rule` and `max` is scored: "yes-no: 1 if yes, else 0" / "có/không:
/// có được 1 điểm, không được 0 điểm".
pub fn describe(lang: Lang, rule: &Rule, max: Decimal) -> String {
    if lang == Lang::En {
        return crate::rule::describe(rule, max);
    }
    let n = |d: Decimal| lang.figure(d);
    let m = n(max);
    match rule {
        Rule::YesNo => format!("có/không: có được {m} điểm, không được 0 điểm"),
        Rule::Ratio(r) if *r == Ratio::default() => {
            format!("tính theo tỷ lệ: điểm = {m} × tỷ lệ")
        }
        Rule::Ratio(r) => {
            let rate = if r.invert {
                "(1 − tỷ lệ)"
            } else {
                "tỷ lệ"
            };
            if r.lower_is_better() {
                format!(
                    "tính theo {rate}, càng thấp càng tốt: từ {} trở xuống được {m} điểm, từ {} trở lên được 0 điểm, ở giữa tính theo tỷ lệ",
                    pct(lang, r.full_at),
                    pct(lang, r.zero_below)
                )
            } else if r.zero_below.is_zero() {
                format!(
                    "tính theo {rate}: từ {} trở lên được {m} điểm, dưới mức đó tính theo tỷ lệ",
                    pct(lang, r.full_at)
                )
            } else {
                format!(
                    "tính theo {rate}: dưới {} được 0 điểm, từ {} trở lên được {m} điểm, ở giữa tính theo tỷ lệ",
                    pct(lang, r.zero_below),
                    pct(lang, r.full_at)
                )
            }
        }
        Rule::Tiers(t) => {
            let steps: Vec<String> = t
                .steps
                .iter()
                .map(|s| {
                    format!(
                        "{} {}: {} điểm",
                        s.bound.symbol(),
                        threshold(lang, t.scale, s.threshold),
                        n(s.points)
                    )
                })
                .collect();
            format!("theo mức: {}; còn lại 0 điểm", steps.join("; "))
        }
        Rule::Deduct { per } => format!(
            "trừ điểm: {m} − {} điểm cho mỗi trường hợp, không thấp hơn 0",
            n(*per)
        ),
        Rule::Points => format!("chấm điểm trực tiếp, từ 0 đến {m} điểm"),
        Rule::Linear(l) => {
            let (a, b) = (n(l.zero_at), n(l.full_at));
            if l.lower_is_better() {
                format!(
                    "tuyến tính, càng thấp càng tốt: từ {b} trở xuống được {m} điểm, từ {a} trở lên được 0 điểm, ở giữa tính theo tỷ lệ"
                )
            } else {
                format!(
                    "tuyến tính: từ {a} trở xuống được 0 điểm, từ {b} trở lên được {m} điểm, ở giữa tính theo tỷ lệ"
                )
            }
        }
        Rule::Choice(c) => {
            let options: Vec<String> = c
                .options
                .iter()
                .map(|o| format!("\"{}\": {} điểm", o.label, n(o.points)))
                .collect();
            format!("chọn một phương án: {}", options.join("; "))
        }
    }
}

/// How to write a value for `rule` on the self-assessment form. The examples keep the file's
/// own spelling (`97.29%`): an evidence file writes decimals with a point.
pub fn form_spelling(lang: Lang, rule: &Rule) -> &'static str {
    if lang == Lang::En {
        return crate::rule::form_spelling(rule);
    }
    match rule.takes() {
        ValueKind::Boolean => "có / không (hoặc `true` / `false`)",
        ValueKind::Rate => "tỷ lệ \"97.29%\" hoặc hai số đếm \"21/32\"",
        ValueKind::Number => "một số",
        ValueKind::Count => "số trường hợp, là số nguyên (0, 1, 2…)",
        ValueKind::Label => "một trong các phương án ở trên",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::model::{Bound, Tier, Tiers};

    #[test]
    fn vietnamese_descriptions_write_figures_the_vietnamese_way() {
        let tiers = Rule::Tiers(Tiers {
            scale: TierScale::Rate,
            steps: vec![Tier {
                threshold: dec("0.975"),
                bound: Bound::AtLeast,
                points: dec("0.5"),
            }],
        });
        assert_eq!(
            describe(Lang::Vi, &tiers, dec("0.5")),
            "theo mức: ≥ 97,5%: 0,5 điểm; còn lại 0 điểm"
        );
        assert_eq!(
            describe(Lang::En, &tiers, dec("0.5")),
            crate::rule::describe(&tiers, dec("0.5"))
        );
        assert_eq!(
            describe(Lang::Vi, &Rule::YesNo, dec("1.5")),
            "có/không: có được 1,5 điểm, không được 0 điểm"
        );
    }
}
