//! Properties of the engine over generated criteria trees and evidence: scores stay within
//! their maxima, parents are exact sums, losses are max − score, a higher rate never scores
//! less under a non-inverted rule, and `check` accepts what is built valid and names the node
//! that was broken.

use parindex::decimal::show;
use parindex::explain::explain;
use parindex::load::{parse_criteria, CriteriaResolver, Source};
use parindex::model::{Bound, Evidence, Ratio, Rule, Stage, TierScale, Value};
use parindex::pipeline::score_source;
use parindex::score::{Scorecard, Status};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::fmt::Write;
use std::path::Path;

/// A generated leaf: its max in hundredths, a rule text, and an evidence value text.
#[derive(Debug, Clone)]
struct Leaf {
    max_cents: u32,
    rule: String,
    value: String,
}

fn rate_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..=10000).prop_map(|b| format!("\"{}%\"", Decimal::new(b.into(), 2))),
        (1u32..500)
            .prop_flat_map(|t| (0..=t, Just(t)))
            .prop_map(|(d, t)| format!("\"{d}/{t}\"")),
        Just("\"n/a\"".to_string()),
    ]
}

fn leaf() -> impl Strategy<Value = Leaf> {
    (1u32..=300).prop_flat_map(|max_cents| {
        let max = Decimal::new(max_cents.into(), 2);
        let rules = prop_oneof![
            any::<bool>().prop_map(|b| ("yes-no".to_string(), b.to_string())),
            rate_text().prop_map(|v| ("ratio".to_string(), v)),
            ((0u32..=100), (0u32..=100), any::<bool>(), rate_text()).prop_map(|(a, b, inv, v)| {
                let (p, q) = if a <= b { (a, b) } else { (b, a) };
                (format!("{{ ratio: {{ zero_below: \"{p}%\", full_at: \"{q}%\", invert: {inv} }} }}"), v)
            }),
            (rate_text(), 1u32..=100).prop_map(move |(v, top)| {
                let lower = top / 2;
                (
                    format!(
                        "{{ tiers: [ {{ at_least: \"{top}%\", points: {max} }}, {{ at_least: \"{lower}.5%\", points: {} }} ] }}",
                        (max / Decimal::TWO).round_dp(2)
                    ),
                    v,
                )
            }),
            // Equal points on two tiers: which tier matched must still be told apart.
            (rate_text(), 2u32..=100).prop_map(move |(v, top)| {
                (
                    format!(
                        "{{ tiers: [ {{ at_least: \"{top}%\", points: {max} }}, {{ at_least: \"{}%\", points: {max} }} ] }}",
                        top / 2
                    ),
                    v,
                )
            }),
            // Revision 2: strict thresholds, and tiers where lower is better.
            (rate_text(), 1u32..=99, 0usize..4).prop_map(move |(v, top, b)| {
                let lower = top / 2;
                let half = (max / Decimal::TWO).round_dp(2);
                let bound = ["at_least", "above", "at_most", "below"][b];
                let rule = if b < 2 {
                    format!("{{ tiers: [ {{ {bound}: \"{top}%\", points: {max} }}, {{ {bound}: \"{lower}.5%\", points: {half} }} ] }}")
                } else {
                    format!("{{ tiers: [ {{ {bound}: \"{lower}.5%\", points: {max} }}, {{ {bound}: \"{top}%\", points: {half} }} ] }}")
                };
                (rule, v)
            }),
            // Revision 2: a straight line on plain numbers, either way round.
            ((0u32..=10), (0u32..=10), (0u32..=120))
                .prop_filter("two ends", |(a, b, _)| a != b)
                .prop_map(|(a, b, v)| {
                    (
                        format!("{{ linear: {{ zero_at: {a}, full_at: {b} }} }}"),
                        Decimal::new(v.into(), 1).to_string(),
                    )
                }),
            // Revision 2: labels, written in another case, spacing or accent encoding.
            (0usize..4).prop_map(move |k| {
                let half = (max / Decimal::TWO).round_dp(2);
                let written = ["\"ĐẠT\"", "\"đạt  một phần\"", "\"Kho\u{302}ng đa\u{323}t\"", "có"][k];
                (
                    format!("{{ choice: {{ \"Đạt\": {max}, \"Đạt một phần\": {half}, \"Không đạt\": 0, \"Có\": {half} }} }}"),
                    written.to_string(),
                )
            }),
            // zero_below = full_at: a step.
            ((0u32..=100), any::<bool>(), rate_text()).prop_map(|(p, inv, v)| {
                (format!("{{ ratio: {{ zero_below: \"{p}%\", full_at: \"{p}%\", invert: {inv} }} }}"), v)
            }),
            (0u32..20).prop_map(move |n| ("{ deduct: { per: 0.25 } }".to_string(), n.to_string())),
            (0..=max_cents).prop_map(|c| ("points".to_string(), Decimal::new(c.into(), 2).to_string())),
        ];
        rules.prop_map(move |(rule, value)| Leaf { max_cents, rule, value })
    })
}

/// Sections of criteria of leaves: `[[[Leaf]]]`.
fn tree() -> impl Strategy<Value = Vec<Vec<Vec<Leaf>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::collection::vec(leaf(), 1..4), 1..4),
        1..4,
    )
}

fn max_of(leaves: &[Leaf]) -> Decimal {
    leaves
        .iter()
        .map(|l| Decimal::new(l.max_cents.into(), 2))
        .sum()
}

/// The criteria and evidence texts for a tree.
fn files(tree: &[Vec<Vec<Leaf>>]) -> (String, String) {
    let mut c = String::from("parindex: 1\nkind: criteria\nid: generated\ntitle: \"Sinh tự động\"\nrounding: { decimals: 3, mode: half-even }\ngrades: [ { label: A, min: 50 }, { label: B, min: 0 } ]\nsections:\n");
    let mut e = String::from(
        "parindex: 1\nkind: evidence\ncriteria: generated\nunit: u\nperiod: \"2025\"\nvalues:\n",
    );
    for (s, section) in tree.iter().enumerate() {
        let s_max: Decimal = section.iter().map(|c| max_of(c)).sum();
        writeln!(
            c,
            "  - code: \"{}\"\n    title: \"Lĩnh vực {}\"\n    max: {s_max}\n    items:",
            s + 1,
            s + 1
        )
        .unwrap();
        for (k, criterion) in section.iter().enumerate() {
            writeln!(
                c,
                "      - code: \"{}.{}\"\n        title: t\n        max: {}\n        items:",
                s + 1,
                k + 1,
                max_of(criterion)
            )
            .unwrap();
            for (l, leaf) in criterion.iter().enumerate() {
                let code = format!("{}.{}.{}", s + 1, k + 1, l + 1);
                let if_na = if l % 2 == 0 { "exclude" } else { "full" };
                writeln!(
                    c,
                    "          - {{ code: \"{code}\", title: t, max: {}, if_na: {if_na}, rule: {} }}",
                    Decimal::new(leaf.max_cents.into(), 2),
                    leaf.rule
                )
                .unwrap();
                writeln!(e, "  \"{code}\": {}", leaf.value).unwrap();
            }
        }
    }
    (c, e)
}

fn scored(criteria: &str, evidence: &str) -> Scorecard {
    scored_with_evidence(criteria, evidence).0
}

fn scored_with_evidence(criteria: &str, evidence: &str) -> (Scorecard, Evidence) {
    let (set, _) = parse_criteria(&Source::from_text("c.yaml".into(), criteria.into()))
        .unwrap_or_else(|d| panic!("{d}\n{criteria}"));
    let resolver = CriteriaResolver::forced(set);
    let scored = score_source(
        Source::from_text("e.yaml".into(), evidence.into()),
        Path::new("."),
        &resolver,
        Stage::Final,
    )
    .unwrap_or_else(|d| panic!("{d}\n{evidence}"));
    (scored.card, scored.evidence)
}

/// A rate or percentage threshold as `explain` writes it (a fraction 0.5 as 50%).
fn percent(fraction: Decimal) -> String {
    format!("{}%", show(fraction * Decimal::ONE_HUNDRED))
}

/// Checks one leaf's `formula:` line against an independent reading of the rule: the branch it
/// states is the one the value falls in, and the figure it ends with is the engine's unrounded
/// score.
fn check_formula(
    rule: &Rule,
    max: Decimal,
    value: &Value,
    exact: parindex::rule::Unrounded,
    formula: &str,
) -> Result<(), TestCaseError> {
    // The figure the line ends with, as explain writes the unrounded score; compared as a
    // decimal, its value cut to 28 places.
    let shown = parindex::explain::unrounded_in(parindex::i18n::Lang::En, exact);
    let unrounded = exact.approx();
    let close = |a: Decimal, b: Decimal| (a - b).abs() <= Decimal::new(1, 20);
    let (head, last) = formula.rsplit_once(" → ").unwrap_or(("", formula));
    match (rule, value) {
        (Rule::YesNo, Value::Boolean(b)) => {
            prop_assert_eq!(
                formula,
                if *b {
                    format!("yes → {}", show(max))
                } else {
                    "no → 0".into()
                }
            );
            prop_assert_eq!(unrounded, if *b { max } else { Decimal::ZERO });
        }
        (Rule::Ratio(r), Value::Rate { num, den, .. }) => {
            let eff = if r.invert { *den - *num } else { *num };
            let (lower, upper) = (r.zero_below * *den, r.full_at * *den);
            if *r == Ratio::default() {
                let (_, figure) = formula.rsplit_once(" = ").unwrap();
                prop_assert_eq!(figure, shown.as_str());
                prop_assert!(
                    close(unrounded, max * *num / *den),
                    "{formula}: {unrounded}"
                );
            } else if formula.contains(" is below ") {
                prop_assert!(
                    head.ends_with(&format!("is below {}", percent(r.zero_below))),
                    "{formula}"
                );
                prop_assert!(eff < lower, "{formula}: {eff}/{den} is not below");
                prop_assert_eq!((last, unrounded), ("0", Decimal::ZERO));
            } else if formula.contains(" reaches ") {
                prop_assert!(
                    head.ends_with(&format!("reaches {}", percent(r.full_at))),
                    "{formula}"
                );
                prop_assert!(eff >= upper, "{formula}: {eff}/{den} does not reach");
                prop_assert_eq!((last.to_string(), unrounded), (show(max), max));
            } else {
                // Proportional: the stated figure is the unrounded score.
                let (_, figure) = formula.rsplit_once(" = ").unwrap();
                prop_assert_eq!(figure, shown.as_str(), "{}", formula);
                prop_assert!(
                    lower <= eff && eff < upper,
                    "{formula}: {eff}/{den} outside the band"
                );
                let by_hand = max * (eff / *den - r.zero_below) / (r.full_at - r.zero_below);
                prop_assert!(
                    close(unrounded, by_hand),
                    "{formula}: {unrounded} vs {by_hand}"
                );
            }
        }
        (Rule::Tiers(t), v) => {
            let meets = |tier: &parindex::model::Tier| {
                let (value, at) = match v {
                    Value::Rate { num, den, .. } => (*num, tier.threshold * *den),
                    Value::Number(n) => (*n, tier.threshold),
                    _ => return false,
                };
                match tier.bound {
                    Bound::AtLeast => value >= at,
                    Bound::Above => value > at,
                    Bound::AtMost => value <= at,
                    Bound::Below => value < at,
                }
            };
            let written = |at: Decimal| match t.scale {
                TierScale::Rate => percent(at),
                TierScale::Number => show(at),
            };
            if head.ends_with("reaches no tier") {
                prop_assert!(t.steps.iter().all(|s| !meets(s)), "{formula}");
                prop_assert_eq!((last, unrounded), ("0", Decimal::ZERO));
            } else {
                let k = t
                    .steps
                    .iter()
                    .position(|s| {
                        head.ends_with(&format!(" {} {}", s.bound.symbol(), written(s.threshold)))
                    })
                    .unwrap();
                let tier = &t.steps[k];
                prop_assert!(meets(tier), "{formula}: the stated tier is not met");
                prop_assert!(
                    t.steps[..k].iter().all(|s| !meets(s)),
                    "{formula}: an earlier tier was met"
                );
                prop_assert_eq!(last.to_string(), show(tier.points));
                prop_assert_eq!(tier.points, unrounded, "{}", formula);
            }
        }
        (Rule::Linear(l), Value::Number(v)) => {
            let (a, b) = (l.zero_at, l.full_at);
            let full = if a < b { *v >= b } else { *v <= b };
            let zero = if a < b { *v <= a } else { *v >= a };
            if full {
                prop_assert_eq!(
                    (last.to_string(), unrounded),
                    (show(max), max),
                    "{}",
                    formula
                );
            } else if zero {
                prop_assert_eq!((last, unrounded), ("0", Decimal::ZERO), "{}", formula);
            } else {
                prop_assert_eq!(formula.rsplit_once(" = ").unwrap().1, shown.as_str());
                let by_hand = max * (*v - a) / (b - a);
                prop_assert!(
                    close(unrounded, by_hand),
                    "{formula}: {unrounded} vs {by_hand}"
                );
            }
        }
        (Rule::Choice(c), Value::Choice { index, label }) => {
            let points = c.options[*index].points;
            prop_assert_eq!(
                formula.to_string(),
                format!("\"{label}\" → {}", show(points))
            );
            prop_assert_eq!(unrounded, points);
        }
        (Rule::Deduct { per }, Value::Number(n)) => {
            let remaining = max - *per * *n;
            if formula.ends_with("→ not below 0 → 0") {
                prop_assert!(remaining < Decimal::ZERO, "{formula}");
                prop_assert!(
                    formula.contains(&format!("= {} →", show(remaining))),
                    "{formula}"
                );
                prop_assert_eq!(unrounded, Decimal::ZERO);
            } else {
                prop_assert!(remaining >= Decimal::ZERO, "{formula}");
                prop_assert_eq!(formula.rsplit_once(" = ").unwrap().1, shown.as_str());
                prop_assert_eq!(unrounded, remaining);
            }
        }
        (Rule::Points, Value::Number(n)) => {
            prop_assert_eq!(formula.to_string(), format!("{} given directly", show(*n)));
            prop_assert_eq!(unrounded, *n);
        }
        _ => prop_assert!(false, "a value of the wrong kind was admitted: {formula}"),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn scores_stay_within_maxima_and_sum_exactly(tree in tree()) {
        let (c, e) = files(&tree);
        let card = scored(&c, &e);
        let set = &card.set;
        for (i, node) in set.nodes.iter().enumerate() {
            let s = &card.nodes[i];
            prop_assert!(s.score >= Decimal::ZERO && s.score <= s.max, "{}: {} of {}", node.code, s.score, s.max);
            prop_assert!(s.max <= node.max);
            prop_assert_eq!(s.loss(), s.max - s.score);
            if !node.children.is_empty() {
                let sum: Decimal = node.children.iter().map(|&c| card.nodes[c].score).sum();
                let max: Decimal = node.children.iter().map(|&c| card.nodes[c].max).sum();
                prop_assert_eq!(s.score, sum, "{} is not the sum of its children", node.code);
                prop_assert_eq!(s.max, max);
            } else {
                prop_assert!(s.score.scale() <= 3, "{} not rounded: {}", node.code, s.score);
            }
        }
        let total: Decimal = set.sections().map(|i| card.nodes[i].score).sum();
        prop_assert_eq!(card.total.score, total);
    }

    #[test]
    fn a_league_tally_has_the_scorecard_figures(tree in tree()) {
        // `rank` tallies figures without each leaf's details; they must be the card's own.
        let (c, e) = files(&tree);
        let (card, ev) = scored_with_evidence(&c, &e);
        for stage in Stage::ALL {
            let card = parindex::score::score(&card.set, &ev, stage).unwrap();
            let tally = parindex::score::tally(&card.set, &ev, stage).unwrap();
            prop_assert_eq!(&tally.total, &card.total);
            for (f, n) in tally.nodes.iter().zip(&card.nodes) {
                prop_assert_eq!((f.score, f.max, f.status), (n.score, n.max, n.status));
            }
            prop_assert_eq!(tally.nodes.len(), card.nodes.len());
        }
    }

    #[test]
    fn explain_states_the_branch_and_figure_the_engine_scored(tree in tree()) {
        let (c, e) = files(&tree);
        let (card, ev) = scored_with_evidence(&c, &e);
        let set = card.set.clone();
        for i in set.leaves() {
            let s = &card.nodes[i];
            let lines = explain(&card, &ev.entries, i);
            let formula = lines.iter().find_map(|l| l.strip_prefix("  formula: "));
            if s.status != Status::Scored {
                prop_assert!(formula.is_none(), "{:?}", lines);
                continue;
            }
            let leaf = s.leaf.as_ref().unwrap();
            let node = &set.nodes[i];
            check_formula(node.rule.as_ref().unwrap(), node.max, &leaf.value, leaf.unrounded, formula.unwrap())
                .map_err(|e| TestCaseError::fail(format!("{}: {e}\n{}", node.code, lines.join("\n"))))?;
        }
    }

    #[test]
    fn a_higher_rate_never_scores_less_unless_inverted(
        leaf in leaf(),
        a in 0u32..=10000,
        b in 0u32..=10000,
    ) {
        let (c, _) = files(&[vec![vec![leaf]]]);
        let (set, _) = parse_criteria(&Source::from_text("c.yaml".into(), c)).unwrap();
        let node = &set.nodes[set.leaves().next().unwrap()];
        let rule = node.rule.as_ref().unwrap();
        let inverted = matches!(rule, parindex::model::Rule::Ratio(r) if r.invert);
        prop_assume!(rule.takes() == parindex::model::ValueKind::Rate && !inverted);
        let (lo, hi) = (a.min(b), a.max(b));
        let rate = |bp: u32| Value::Rate { num: Decimal::new(bp.into(), 2), den: Decimal::ONE_HUNDRED, percent: true };
        let s_lo = parindex::rule::score(rule, node.max, &rate(lo)).unwrap().unwrap().unrounded.approx();
        let s_hi = parindex::rule::score(rule, node.max, &rate(hi)).unwrap().unwrap().unrounded.approx();
        // Where lower is better (revision 2's `at_most` / `below` tiers), the other way round.
        let lower_is_better = matches!(rule, parindex::model::Rule::Tiers(t) if t.lower_is_better())
            || matches!(rule, parindex::model::Rule::Ratio(r) if r.lower_is_better());
        if lower_is_better {
            prop_assert!(s_lo >= s_hi, "{lo} bp scores {s_lo} but {hi} bp scores {s_hi}");
        } else {
            prop_assert!(s_lo <= s_hi, "{lo} bp scores {s_lo} but {hi} bp scores {s_hi}");
        }
    }

    #[test]
    fn the_inverse_reaches_what_it_is_asked_for_where_the_rule_can(
        leaf in leaf(),
        share in 0u32..=100,
    ) {
        let (c, _) = files(&[vec![vec![leaf]]]);
        let (set, _) = parse_criteria(&Source::from_text("c.yaml".into(), c)).unwrap();
        let node = &set.nodes[set.leaves().next().unwrap()];
        let rule = node.rule.as_ref().unwrap();
        let needed = node.max * Decimal::new(share.into(), 2);
        let Some(v) = parindex::rule::value_for(rule, node.max, needed) else {
            return Ok(());
        };
        let got = parindex::rule::score(rule, node.max, &v).unwrap().map(|s| s.unrounded.approx());
        // Where no value gives enough (tiers below the max), the inverse gives the best.
        let best = parindex::rule::value_for(rule, node.max, node.max)
            .and_then(|b| parindex::rule::score(rule, node.max, &b).unwrap())
            .map(|s| s.unrounded.approx());
        prop_assert!(
            got >= Some(needed) || got == best,
            "{rule:?}: {} scores {got:?}, asked for {needed}", v.show()
        );
    }

    #[test]
    fn check_accepts_valid_trees_and_names_the_broken_node(
        tree in tree(),
        pick in any::<prop::sample::Index>(),
    ) {
        let (c, e) = files(&tree);
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("c.yaml"), &c).unwrap();
        std::fs::write(dir.path().join("e.yaml"), &e).unwrap();
        let report = parindex::check::check_paths(&[dir.path().to_path_buf()]);
        prop_assert_eq!(report.count(parindex::diag::Severity::Error), 0, "{:?}", report.diagnostics);
        // Break one criterion's max: check names exactly that code.
        let criteria: Vec<String> = tree.iter().enumerate()
            .flat_map(|(s, sec)| (0..sec.len()).map(move |k| format!("{}.{}", s + 1, k + 1)))
            .collect();
        let code = &criteria[pick.index(criteria.len())];
        let marker = format!("      - code: \"{code}\"\n        title: t\n        max: ");
        let at = c.find(&marker).unwrap() + marker.len();
        let broken = format!("{}1{}", &c[..at], &c[at..]);
        std::fs::write(dir.path().join("c.yaml"), &broken).unwrap();
        let report = parindex::check::check_paths(&[dir.path().join("c.yaml")]);
        let sums: Vec<_> = report.diagnostics.iter().filter(|d| d.check.code == "E106").collect();
        prop_assert!(sums.iter().any(|d| d.criterion.as_deref() == Some(code.as_str())), "{:?}", report.diagnostics);
    }
}
