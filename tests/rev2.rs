//! Revision 2's rules and sections end to end: loaded, scored, explained and planned.

mod common;

use common::stdout_of;
use serde_json::Value as Json;

const EVIDENCE: &str = "tests/fixtures/rev2-evidence.yaml";

fn json(args: &[&str]) -> Json {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn node<'a>(out: &'a Json, code: &str) -> &'a Json {
    out["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == code)
        .unwrap()
}

#[test]
fn revision_2_rules_score_and_check() {
    stdout_of(&["check", EVIDENCE]);
    let out = json(&["score", EVIDENCE, "--format", "json"]);
    assert_eq!(out["total"]["score"], "2.3");
    // A choice value is shown as the set spells the label, whatever the evidence's case.
    assert_eq!(node(&out, "1.1")["value"], "Ban hành không kịp thời");
    assert_eq!(node(&out, "1.2")["score"], "0.5");
}

#[test]
fn explanations_state_the_comparison_and_the_label() {
    let choice = stdout_of(&["explain", EVIDENCE, "1.1"]);
    assert!(
        choice.contains("formula: \"Ban hành không kịp thời\" → 0.5"),
        "{choice}"
    );
    let above = stdout_of(&["explain", EVIDENCE, "1.2"]);
    assert!(above.contains("formula: 90% ≥ 70% → 0.5"), "{above}");
    let below = stdout_of(&["explain", EVIDENCE, "1.3"]);
    assert!(below.contains("formula: 2 < 3 → 0.5"), "{below}");
    let line = stdout_of(&["explain", EVIDENCE, "1.4"]);
    assert!(
        line.contains("formula: 1 × (4.2 − 1) ÷ (5 − 1) = 0.8"),
        "{line}"
    );
}

#[test]
fn the_plan_asks_for_the_next_label_and_just_above_a_strict_threshold() {
    let plan = stdout_of(&["whatif", EVIDENCE, "--target", "100%"]);
    assert!(
        plan.contains("Ban hành không kịp thời → Ban hành kịp thời"),
        "{plan}"
    );
    assert!(plan.contains("90% → 90.01%"), "{plan}");
    assert!(plan.contains("result: 4 of 4"), "{plan}");
    let set = stdout_of(&["whatif", EVIDENCE, "--set", "1.1=BAN HÀNH KỊP THỜI"]);
    assert!(set.contains("with --set: 2.8 of 4"), "{set}");
}
