//! How a score came about, step by step with the real numbers.

use crate::decimal::{self, show, show_percent};
use crate::model::{Entry, IfNa, Rule, TierScale, Value};
use crate::score::{Scorecard, Status};
use rust_decimal::Decimal;

/// A decimal for reading: exact up to 10 places, else cut with an ellipsis.
pub fn approx(d: Decimal) -> String {
    let rounded = d.round_dp_with_strategy(10, rust_decimal::RoundingStrategy::ToZero);
    if rounded == d {
        show(d)
    } else {
        format!("{}…", show(rounded))
    }
}

/// A rate as written, and as a percentage when written as counts.
fn rate_text(num: Decimal, den: Decimal, text: &str) -> String {
    if den == Decimal::ONE_HUNDRED {
        text.to_string()
    } else {
        let pct = decimal::div(decimal::mul(num, Decimal::ONE_HUNDRED).unwrap_or(num), den)
            .unwrap_or_default();
        format!("{text} = {}%", approx(pct))
    }
}

fn pct(fraction: Decimal) -> String {
    format!("{}%", show(fraction * Decimal::ONE_HUNDRED))
}

/// The rule in words.
pub fn rule_text(rule: &Rule, max: Decimal) -> String {
    let m = show(max);
    match rule {
        Rule::YesNo => format!("yes-no: {m} if yes, else 0"),
        Rule::Ratio(r) if *r == crate::model::Ratio::default() => format!("ratio: {m} × rate"),
        Rule::Ratio(r) => {
            let rate = if r.invert { "(1 − rate)" } else { "rate" };
            format!(
                "ratio on {rate}: 0 below {}, {m} from {}, proportional between",
                pct(r.zero_below),
                pct(r.full_at)
            )
        }
        Rule::Tiers(t) => {
            let steps: Vec<String> = t
                .steps
                .iter()
                .map(|s| {
                    let at = match t.scale {
                        TierScale::Rate => pct(s.at_least),
                        TierScale::Number => show(s.at_least),
                    };
                    format!("≥ {at}: {}", show(s.points))
                })
                .collect();
            format!("tiers: {}; otherwise 0", steps.join("; "))
        }
        Rule::Deduct { per } => format!("deduct: {m} − {} per case, not below 0", show(*per)),
        Rule::Points => format!("points given directly, 0 to {m}"),
    }
}

/// The formula with the values substituted, ending in the unrounded result.
fn formula(rule: &Rule, max: Decimal, value: &Value, unrounded: Decimal) -> String {
    let m = show(max);
    let u = approx(unrounded);
    match (rule, value) {
        (Rule::YesNo, Value::Boolean(true)) => format!("yes → {m}"),
        (Rule::YesNo, _) => "no → 0".to_string(),
        (Rule::Ratio(r), Value::Rate { num, den, text }) => {
            let shown = rate_text(*num, *den, text);
            if *r == crate::model::Ratio::default() {
                return format!("{m} × {shown} = {u}");
            }
            let r_text = if r.invert {
                format!("1 − {shown}")
            } else {
                shown
            };
            let effective = if r.invert {
                Decimal::ONE - value.fraction().unwrap_or_default()
            } else {
                value.fraction().unwrap_or_default()
            };
            if effective < r.zero_below {
                format!("{r_text} is below {} → 0", pct(r.zero_below))
            } else if effective >= r.full_at {
                format!("{r_text} reaches {} → {m}", pct(r.full_at))
            } else if r.zero_below.is_zero() {
                format!("{m} × ({r_text}) ÷ {} = {u}", pct(r.full_at))
            } else {
                format!(
                    "{m} × ({r_text} − {}) ÷ ({} − {}) = {u}",
                    pct(r.zero_below),
                    pct(r.full_at),
                    pct(r.zero_below)
                )
            }
        }
        (Rule::Tiers(t), v) => {
            let shown = match v {
                Value::Rate { num, den, text } => rate_text(*num, *den, text),
                other => other.show(),
            };
            let reached = t
                .steps
                .iter()
                .find(|s| s.points == unrounded && unrounded > Decimal::ZERO);
            match reached {
                Some(s) => {
                    let at = match t.scale {
                        TierScale::Rate => pct(s.at_least),
                        TierScale::Number => show(s.at_least),
                    };
                    format!("{shown} ≥ {at} → {u}")
                }
                None => format!("{shown} reaches no tier → 0"),
            }
        }
        (Rule::Deduct { per }, Value::Number(n)) => {
            // Scoring already computed this product with checked arithmetic.
            let raw = decimal::mul(*per, *n)
                .and_then(|d| decimal::sub(max, d))
                .unwrap_or(Decimal::MIN);
            if raw < Decimal::ZERO {
                format!(
                    "{m} − {} × {} = {} → not below 0 → 0",
                    show(*per),
                    show(*n),
                    show(raw)
                )
            } else {
                format!("{m} − {} × {} = {u}", show(*per), show(*n))
            }
        }
        (Rule::Points, v) => format!("{} given directly", v.show()),
        _ => u,
    }
}

/// The explanation of `code` in `card`, as lines of text.
pub fn explain(card: &Scorecard, entries: &[Option<Box<Entry>>], node: usize) -> Vec<String> {
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
        out.push(format!("  in: {}", path.join(" › ")));
    }
    match &n.rule {
        Some(rule) => {
            out.push(format!(
                "  rule: {} (max {})",
                rule_text(rule, n.max),
                show(n.max)
            ));
            let entry = entries[node].as_ref();
            match (&s.leaf, s.status) {
                (None, _) => out.push("  value: none given → 0 (missing)".into()),
                (Some(leaf), status) => {
                    let source = if leaf.appraised {
                        let own = entry
                            .and_then(|e| e.value.as_ref())
                            .map_or("none".to_string(), Value::show);
                        let why = entry
                            .and_then(|e| e.reason.as_deref())
                            .unwrap_or("no reason given");
                        format!("appraised by the council (self-assessed: {own}); reason: {why}")
                    } else if card.stage == crate::model::Stage::SelfAssessment
                        && entry.is_some_and(|e| e.appraised.is_some())
                    {
                        "self-assessed (stage self: the council's value is set aside)".to_string()
                    } else {
                        "self-assessed".to_string()
                    };
                    out.push(format!("  value: {} ({source})", leaf.value.show()));
                    if let Some(note) = entry.and_then(|e| e.note.as_deref()) {
                        out.push(format!("  note: {note}"));
                    }
                    if status == Status::NotApplicable {
                        out.push(match n.if_na {
                            IfNa::Full => format!("  n/a with if_na: full → scores its max, {}", show(n.max)),
                            IfNa::Exclude => format!(
                                "  n/a with if_na: exclude → leaves the scoring: {} taken out of every maximum above it",
                                show(n.max)
                            ),
                            IfNa::Forbid => "  n/a, which this criterion does not allow (if_na: forbid) → scores 0".to_string(),
                        });
                    } else {
                        out.push(format!(
                            "  formula: {}",
                            formula(rule, n.max, &leaf.value, leaf.unrounded)
                        ));
                        if leaf.unrounded != s.score {
                            out.push(format!(
                                "  rounding: {} → {} ({})",
                                approx(leaf.unrounded),
                                show(s.score),
                                set.rounding
                            ));
                        } else {
                            out.push(format!("  rounding: none needed ({})", set.rounding));
                        }
                    }
                }
            }
            out.push(format!(
                "  score: {} of {}, loss {}",
                show(s.score),
                show(s.max),
                show(s.loss())
            ));
        }
        None => {
            out.push(format!(
                "  score: {} of {} ({}), loss {} — the sum of its {} sub-criteria:",
                show(s.score),
                show(s.max),
                s.percent()
                    .map_or("–".into(), |p| format!("{}%", show_percent(p))),
                show(s.loss()),
                n.children.len()
            ));
            for &c in &n.children {
                let cs = &card.nodes[c];
                out.push(format!(
                    "    {:<10} {:>8} of {:<6} loss {:<8} {}",
                    set.nodes[c].code,
                    show(cs.score),
                    show(cs.max),
                    show(cs.loss()),
                    set.nodes[c].title
                ));
            }
        }
    }
    // The effect on the section and the total.
    let section = set.section_of(node);
    if section != node {
        let ss = &card.nodes[section];
        out.push(format!(
            "  section {}: {} of {} ({}), loses {} in all{}",
            set.nodes[section].code,
            show(ss.score),
            show(ss.max),
            ss.percent()
                .map_or("–".into(), |p| format!("{}%", show_percent(p))),
            show(ss.loss()),
            if s.loss() > Decimal::ZERO {
                format!(", {} of it here", show(s.loss()))
            } else {
                String::new()
            }
        ));
    }
    let t = &card.total;
    out.push(format!(
        "  total: {} of {} ({}){}",
        show(t.score),
        show(t.max),
        t.percent
            .map_or("–".into(), |p| format!("{}%", show_percent(p))),
        t.grade
            .as_deref()
            .map(|g| format!(", grade {g}"))
            .unwrap_or_default()
    ));
    out
}
