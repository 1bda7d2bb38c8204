//! How a score came about, step by step with the real numbers.

use crate::i18n::{explain as words, rule::pct, rule::threshold, words as common, Lang};
use crate::model::{Entry, Ratio, Round, Rule, Stage, TierScale, Value};
use crate::rule::{Derivation, Unrounded};
use crate::score::Scorecard;
use rust_decimal::Decimal;

/// A decimal for reading: exact up to 10 places, else cut with an ellipsis.
pub fn approx(d: Decimal) -> String {
    approx_in(Lang::En, d)
}

/// A score before rounding as [`approx_in`] writes it, with the ellipsis also where the
/// quotient goes on past a decimal's 28 places (0.5 and 5 × 10⁻²⁹ reads `0.5…`, not `0.5`).
pub fn unrounded_in(lang: Lang, u: Unrounded) -> String {
    let shown = approx_in(lang, u.approx());
    if u.is_exact() || shown.ends_with('…') {
        shown
    } else {
        format!("{shown}…")
    }
}

/// [`approx`] with the language's decimal mark.
pub fn approx_in(lang: Lang, d: Decimal) -> String {
    let rounded = d.round_dp_with_strategy(10, rust_decimal::RoundingStrategy::ToZero);
    if rounded == d {
        lang.figure(d)
    } else {
        format!("{}…", lang.figure(rounded))
    }
}

/// A rate as written, and as a percentage when written as counts.
fn rate_text(lang: Lang, num: Decimal, den: Decimal, text: &str) -> String {
    if den == Decimal::ONE_HUNDRED {
        text.to_string()
    } else {
        let pct = Unrounded::Quotient(num, Decimal::ONE_HUNDRED, den);
        format!("{text} = {}%", unrounded_in(lang, pct))
    }
}

fn lower_is_better(rule: &Rule) -> bool {
    matches!(rule, Rule::Ratio(r) if r.lower_is_better())
}

/// The branch the engine took, stated with the values substituted and ending in the
/// unrounded result. Only formats `how`: which branch applies is the engine's to say.
pub fn formula(
    rule: &Rule,
    max: Decimal,
    value: &Value,
    how: &Derivation,
    unrounded: Unrounded,
) -> String {
    formula_in(Lang::En, rule, max, value, how, unrounded)
}

/// [`formula`] in `lang`.
pub fn formula_in(
    lang: Lang,
    rule: &Rule,
    max: Decimal,
    value: &Value,
    how: &Derivation,
    unrounded: Unrounded,
) -> String {
    let n = |d: Decimal| lang.figure(d);
    let pct = |d: Decimal| pct(lang, d);
    let m = n(max);
    let u = unrounded_in(lang, unrounded);
    let written = common::value(lang, value);
    let shown = match value {
        Value::Rate { num, den, .. } => rate_text(lang, *num, *den, &written),
        _ => written,
    };
    let rate = || match rule {
        Rule::Ratio(r) if r.invert => format!("1 − {shown}"),
        _ => shown.clone(),
    };
    let (at_or_above, at_or_below) = (lang.t(words::AT_OR_ABOVE), lang.t(words::AT_OR_BELOW));
    match how {
        Derivation::YesNo(true) => format!("{} → {m}", lang.t(words::YES_GIVES)),
        Derivation::YesNo(false) => format!("{} → 0", lang.t(words::NO_GIVES)),
        // The plain rule reads the same on every branch: max × rate.
        _ if matches!(rule, Rule::Ratio(r) if *r == Ratio::default()) => {
            format!("{m} × {shown} = {u}")
        }
        Derivation::BelowZero { zero_below } if lower_is_better(rule) => {
            format!("{} {at_or_above} {} → 0", rate(), pct(*zero_below))
        }
        Derivation::FullAt { full_at } if lower_is_better(rule) => {
            format!("{} {at_or_below} {} → {m}", rate(), pct(*full_at))
        }
        Derivation::BelowZero { zero_below } => {
            format!(
                "{} {} {} → 0",
                rate(),
                lang.t(words::IS_BELOW),
                pct(*zero_below)
            )
        }
        Derivation::FullAt { full_at } => format!(
            "{} {} {} → {m}",
            rate(),
            lang.t(words::REACHES),
            pct(*full_at)
        ),
        Derivation::Proportional { .. } => {
            let Rule::Ratio(r) = rule else { return u };
            if r.lower_is_better() {
                format!(
                    "{m} × ({} − {}) ÷ ({} − {}) = {u}",
                    pct(r.zero_below),
                    rate(),
                    pct(r.zero_below),
                    pct(r.full_at)
                )
            } else if r.zero_below.is_zero() {
                format!("{m} × ({}) ÷ {} = {u}", rate(), pct(r.full_at))
            } else {
                format!(
                    "{m} × ({} − {}) ÷ ({} − {}) = {u}",
                    rate(),
                    pct(r.zero_below),
                    pct(r.full_at),
                    pct(r.zero_below)
                )
            }
        }
        Derivation::Tier {
            threshold: at,
            bound,
            points,
            ..
        } => {
            let scale = match rule {
                Rule::Tiers(t) => t.scale,
                _ => TierScale::Number,
            };
            format!(
                "{shown} {} {} → {}",
                bound.symbol(),
                threshold(lang, scale, *at),
                n(*points)
            )
        }
        Derivation::BelowEveryTier => format!("{shown} {}", lang.t(words::REACHES_NO_TIER)),
        Derivation::Deducted {
            per,
            count,
            remaining,
        } => {
            if how.floored() {
                format!(
                    "{m} − {} × {} = {} → {} → 0",
                    n(*per),
                    n(*count),
                    n(*remaining),
                    lang.t(words::NOT_BELOW_ZERO)
                )
            } else {
                format!("{m} − {} × {} = {u}", n(*per), n(*count))
            }
        }
        Derivation::Given => format!("{shown} {}", lang.t(words::GIVEN_DIRECTLY)),
        Derivation::Chosen { points } => format!("\"{shown}\" → {}", n(*points)),
        Derivation::LineZero | Derivation::LineFull | Derivation::LineProportional => {
            let Rule::Linear(l) = rule else { return u };
            let (a, b) = (n(l.zero_at), n(l.full_at));
            let (beyond_zero, reaches_full) = if l.lower_is_better() {
                (at_or_above, at_or_below)
            } else {
                (at_or_below, at_or_above)
            };
            match how {
                Derivation::LineZero => format!("{shown} {beyond_zero} {a} → 0"),
                Derivation::LineFull => format!("{shown} {reaches_full} {b} → {m}"),
                _ => format!("{m} × ({shown} − {a}) ÷ ({b} − {a}) = {u}"),
            }
        }
        Derivation::NotApplicable(_) => format!("{} → {u}", lang.t(words::NA)),
    }
}

/// The explanation of `code` in `card`, as lines of text.
pub fn explain(card: &Scorecard, entries: &[Option<Entry>], node: usize) -> Vec<String> {
    explain_in(Lang::En, card, entries, node)
}

/// [`explain`] in `lang`, its figures written the language's way.
pub fn explain_in(
    lang: Lang,
    card: &Scorecard,
    entries: &[Option<Entry>],
    node: usize,
) -> Vec<String> {
    let num = |d: Decimal| lang.figure(d);
    let percent = |p: Option<Decimal>| p.map_or("–".into(), |p| lang.percent(p));
    let set = &card.set;
    let n = &set.nodes[node];
    let s = &card.nodes[node];
    let mut out = vec![format!("{} {}", n.code, n.title)];
    let mut path = Vec::new();
    let mut up = n.parent;
    while let Some(p) = up {
        path.push(format!("{} {}", set.nodes[p].code, set.nodes[p].title));
        up = set.nodes[p].parent;
    }
    if !path.is_empty() {
        path.reverse();
        out.push(format!("  {}: {}", lang.t(words::IN), path.join(" › ")));
    }
    // Every stage is named, the default final one too.
    out.push(words::stage_line(lang, card.stage));
    match &n.rule {
        Some(rule) => {
            out.push(words::rule_line(
                lang,
                &crate::i18n::rule::describe(lang, rule, n.max),
                &num(n.max),
            ));
            let entry = entries[node].as_ref();
            match &s.leaf {
                None => out.push(lang.t(words::NO_VALUE).into()),
                Some(leaf) => {
                    let show_in = |round: Round| {
                        entry
                            .and_then(|e| e.in_round(round))
                            .map_or(lang.t(words::NONE).to_string(), |v| common::value(lang, v))
                    };
                    // A blank reason (`reappraisal_reason: ""`) is none.
                    let reason = |why: Option<&str>| {
                        why.map(str::trim)
                            .filter(|w| !w.is_empty())
                            .unwrap_or(lang.t(words::NO_REASON))
                            .to_string()
                    };
                    // The value with its round in one pair of parentheses; the council's
                    // reason on a line of its own, as it may be long.
                    let (source, why) = match leaf.round {
                        Round::Reappraised => (
                            words::reappraised_source(
                                lang,
                                &show_in(Round::SelfAssessed),
                                &show_in(Round::Appraised),
                            ),
                            Some((
                                lang.t(words::SECOND_APPRAISAL),
                                reason(entry.and_then(|e| e.reappraisal_reason())),
                            )),
                        ),
                        Round::Appraised => (
                            words::appraised_source(lang, &show_in(Round::SelfAssessed)),
                            Some((
                                lang.t(words::FIRST_APPRAISAL),
                                reason(entry.and_then(|e| e.reason.as_deref())),
                            )),
                        ),
                        Round::SelfAssessed
                            if card.stage == Stage::SelfAssessment
                                && entry.is_some_and(|e| e.appraised.is_some()) =>
                        {
                            (lang.t(words::SELF_STAGE_SETS_ASIDE).to_string(), None)
                        }
                        Round::SelfAssessed => (lang.t(words::SELF_ASSESSED).to_string(), None),
                    };
                    out.push(format!(
                        "  {}: {} ({source})",
                        lang.t(words::VALUE),
                        common::value(lang, &leaf.value)
                    ));
                    if let Some((round, why)) = why {
                        out.push(words::reason_line(lang, round, &why));
                    }
                    if leaf.round == Round::Appraised {
                        if let Some(later) = entry.and_then(Entry::reappraised) {
                            out.push(words::later_set_aside(
                                lang,
                                card.stage,
                                &common::value(lang, later),
                            ));
                        }
                    }
                    if let Some(why) = entry.and_then(Entry::explanation) {
                        if leaf.round == Round::Reappraised || card.stage != Stage::SelfAssessment {
                            out.push(format!("  {}: {why}", lang.t(words::UNITS_EXPLANATION)));
                        }
                    }
                    if let Some(note) = entry.and_then(|e| e.note.as_deref()) {
                        out.push(format!("  {}: {note}", lang.t(words::NOTE)));
                    }
                    if let Derivation::NotApplicable(if_na) = leaf.how {
                        out.push(words::not_applicable(lang, if_na, &num(n.max)));
                    } else {
                        out.push(format!(
                            "  {}: {}",
                            lang.t(words::FORMULA),
                            formula_in(lang, rule, n.max, &leaf.value, &leaf.how, leaf.unrounded)
                        ));
                        let rounding = words::rounding(lang, &set.rounding);
                        // Nothing to round only where the exact score is the score shown: a
                        // quotient whose 28 places read 0.5 may still lie past it.
                        let u = leaf.unrounded;
                        if !(u.is_exact() && u.approx() == s.score) {
                            out.push(words::rounding_line(
                                lang,
                                &unrounded_in(lang, u),
                                &num(s.score),
                                &rounding,
                            ));
                        } else {
                            out.push(words::no_rounding_line(lang, &rounding));
                        }
                    }
                }
            }
            out.push(words::leaf_score(
                lang,
                n.kind,
                &num(s.score),
                &num(s.max),
                &num(s.loss()),
            ));
        }
        None => {
            out.push(words::parent_score(
                lang,
                &num(s.score),
                &num(s.max),
                &percent(s.percent()),
                &num(card.lost(node)),
                n.children.len(),
            ));
            for &c in &n.children {
                let cs = &card.nodes[c];
                out.push(words::child_row(
                    lang,
                    &set.nodes[c].code,
                    &num(cs.score),
                    &num(cs.max),
                    &num(card.lost(c)),
                    &set.nodes[c].title,
                ));
            }
        }
    }
    // The effect on the section and the total.
    let section = set.section_of(node);
    if section != node {
        let ss = &card.nodes[section];
        let here = (card.lost(node) > Decimal::ZERO).then(|| num(card.lost(node)));
        out.push(words::section_line(
            lang,
            &set.nodes[section].code,
            &words::of_percent(lang, &num(ss.score), &num(ss.max), &percent(ss.percent())),
            &num(card.lost(section)),
            here.as_deref(),
        ));
    }
    let t = &card.total;
    out.push(words::total_line(
        lang,
        &words::of_percent(lang, &num(t.score), &num(t.max), &percent(t.percent)),
        t.grade.as_deref(),
    ));
    out.into_iter().map(|l| indent_continuation(&l)).collect()
}

/// A line holding a multi-line text (a reason written as a block scalar): its trailing newline
/// dropped and each further line indented under the first's text, not at the margin.
pub fn indent_continuation(line: &str) -> String {
    let line = line.trim_end();
    if !line.contains('\n') {
        return line.to_string();
    }
    let indent = line.len() - line.trim_start().len();
    let pad = format!("\n{}", " ".repeat(indent + 4));
    line.lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join(&pad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::model::{Bound, Tier, Tiers};
    use crate::rule;

    fn rate(text: &str) -> Value {
        Value::Rate {
            num: dec(text.trim_end_matches('%')),
            den: dec("100"),
            percent: true,
        }
    }

    /// The formula for a value, from the rule module's own score and derivation.
    fn stated(rule: &Rule, max: &str, value: &Value) -> String {
        let s = rule::score(rule, dec(max), value).unwrap().unwrap();
        formula(rule, dec(max), value, &s.how, s.unrounded)
    }

    #[test]
    fn equal_tier_points_name_the_tier_that_matched() {
        let rule = Rule::Tiers(Tiers {
            scale: TierScale::Rate,
            steps: vec![
                Tier {
                    threshold: dec("0.9"),
                    bound: Bound::AtLeast,
                    points: dec("2"),
                },
                Tier {
                    threshold: dec("0.5"),
                    bound: Bound::AtLeast,
                    points: dec("2"),
                },
            ],
        });
        assert_eq!(stated(&rule, "2", &rate("60%")), "60% ≥ 50% → 2");
        assert_eq!(stated(&rule, "2", &rate("90%")), "90% ≥ 90% → 2");
        assert_eq!(stated(&rule, "2", &rate("10%")), "10% reaches no tier → 0");
    }

    #[test]
    fn strict_and_lower_is_better_tiers_state_their_comparison() {
        let above = Rule::Tiers(Tiers {
            scale: TierScale::Rate,
            steps: vec![Tier {
                threshold: dec("0.5"),
                bound: Bound::Above,
                points: dec("1"),
            }],
        });
        assert_eq!(stated(&above, "1", &rate("60%")), "60% > 50% → 1");
        assert_eq!(stated(&above, "1", &rate("50%")), "50% reaches no tier → 0");
        let at_most = Rule::Tiers(Tiers {
            scale: TierScale::Number,
            steps: vec![Tier {
                threshold: dec("3"),
                bound: Bound::AtMost,
                points: dec("1"),
            }],
        });
        assert_eq!(stated(&at_most, "1", &Value::Number(dec("2"))), "2 ≤ 3 → 1");
    }

    #[test]
    fn a_choice_states_its_label() {
        let rule = Rule::Choice(crate::model::Choice::new(vec![
            ("Ban hành kịp thời".into(), dec("1")),
            ("Ban hành không kịp thời".into(), dec("0.5")),
        ]));
        let v = rule::read_own(&rule, "ban hành KHÔNG kịp thời")
            .unwrap()
            .unwrap();
        assert_eq!(stated(&rule, "1", &v), "\"Ban hành không kịp thời\" → 0.5");
    }

    #[test]
    fn linear_branches_state_the_line() {
        let survey = Rule::Linear(crate::model::Linear {
            zero_at: dec("1"),
            full_at: dec("5"),
        });
        let n = |s: &str| Value::Number(dec(s));
        assert_eq!(stated(&survey, "2", &n("3")), "2 × (3 − 1) ÷ (5 − 1) = 1");
        assert_eq!(stated(&survey, "2", &n("1")), "1 is at or below 1 → 0");
        assert_eq!(stated(&survey, "2", &n("5")), "5 is at or above 5 → 2");
        let fewer = Rule::Linear(crate::model::Linear {
            zero_at: dec("10"),
            full_at: dec("0"),
        });
        assert_eq!(stated(&fewer, "1", &n("12")), "12 is at or above 10 → 0");
        assert_eq!(
            stated(&fewer, "1", &n("4")),
            "1 × (4 − 10) ÷ (0 − 10) = 0.6"
        );
    }

    #[test]
    fn ratio_branches_are_the_engines() {
        let band = Rule::Ratio(Ratio {
            zero_below: dec("0.5"),
            full_at: dec("0.9"),
            invert: false,
        });
        assert_eq!(stated(&band, "2", &rate("40%")), "40% is below 50% → 0");
        assert_eq!(stated(&band, "2", &rate("90%")), "90% reaches 90% → 2");
        assert_eq!(
            stated(&band, "2", &rate("70%")),
            "2 × (70% − 50%) ÷ (90% − 50%) = 1"
        );
        let inverted = Rule::Ratio(Ratio {
            zero_below: dec("0"),
            full_at: dec("0.5"),
            invert: true,
        });
        assert_eq!(
            stated(&inverted, "1", &rate("60%")),
            "1 × (1 − 60%) ÷ 50% = 0.8"
        );
        let plain = Rule::Ratio(Ratio::default());
        assert_eq!(stated(&plain, "1", &rate("100%")), "1 × 100% = 1");
    }

    #[test]
    fn deductions_show_when_they_are_held_at_zero() {
        let rule = Rule::Deduct { per: dec("0.5") };
        assert_eq!(
            stated(&rule, "1", &Value::Number(dec("1"))),
            "1 − 0.5 × 1 = 0.5"
        );
        assert_eq!(
            stated(&rule, "1", &Value::Number(dec("3"))),
            "1 − 0.5 × 3 = -0.5 → not below 0 → 0"
        );
        assert_eq!(
            stated(&Rule::Points, "1", &Value::Number(dec("0.4"))),
            "0.4 given directly"
        );
        assert_eq!(stated(&Rule::YesNo, "1", &Value::Boolean(true)), "yes → 1");
    }
}
