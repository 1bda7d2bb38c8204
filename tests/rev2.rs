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

/// A bonus/penalty evidence file in a temporary folder beside a copy of the criteria set,
/// `cap` written as the set's `cap_total:` where given.
fn bonus_case(dir: &std::path::Path, cap: Option<bool>, values: &str) -> String {
    let mut set = std::fs::read_to_string("tests/fixtures/rev2-bonus-criteria.yaml").unwrap();
    if let Some(cap) = cap {
        set = set.replace("total: 2\n", &format!("total: 2\ncap_total: {cap}\n"));
    }
    std::fs::write(dir.join("set.yaml"), set).unwrap();
    let ev = dir.join("ev.yaml");
    std::fs::write(
        &ev,
        format!("parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: U\nperiod: \"2025\"\nvalues:\n{values}"),
    )
    .unwrap();
    ev.to_str().unwrap().to_string()
}

#[test]
fn a_bonus_adds_within_its_cap_and_the_total_within_the_maximum() {
    let dir = tempfile::tempdir().unwrap();
    let ev = bonus_case(
        dir.path(),
        None,
        "  \"1.1\": có\n  \"1.2\": \"50%\"\n  \"2.1\": có\n  \"2.2\": 0.5\n  \"3.1\": 0\n  \"3.2\": 0\n",
    );
    let out = json(&["score", &ev, "--format", "json"]);
    // 1.5 scored + min(1.5, 1) bonus = 2.5, held to the maximum of 2 (the scored sections').
    assert_eq!(out["total"]["score"], "2");
    assert_eq!(out["total"]["max"], "2");
    assert_eq!(out["total"]["percent"], "100.00");
    assert_eq!(node(&out, "2")["score"], "1");
    assert_eq!(node(&out, "2")["kind"], "bonus");
    assert_eq!(node(&out, "1")["kind"], "scored");
    assert!(node(&out, "2.1").get("kind").is_none());
    let table = stdout_of(&["score", &ev]);
    assert!(table.contains("Điểm thưởng (bonus)"), "{table}");
    assert!(table.contains("Điểm trừ (penalty)"), "{table}");
    // 2 of 2 with the bonus, having lost 0.5 on 1.2: the lines that count losses say 0.5, as
    // the rows they head.
    assert!(table.contains("1 criteria, 0.5 points"), "{table}");
    let lost = json(&["losses", &ev, "--format", "json"]);
    assert_eq!(lost["total_loss"], "0.5");
    assert_eq!(lost["losses"][0]["loss"], "0.5");
    let md = stdout_of(&["score", &ev, "--format", "markdown"]);
    assert!(md.contains("Điểm thưởng (bonus)"), "{md}");
    // A penalty that took nothing lost nothing.
    assert!(
        md.contains("| 3 | Điểm trừ (penalty) | 0 | 3 | 0.00% | 0 |"),
        "{md}"
    );
    let csv = stdout_of(&["score", &ev, "--format", "csv"]);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("2.1,") && l.contains(",bonus,,U,")),
        "{csv}"
    );
    // The result reads back as one `score` could have written.
    let a = dir.path().join("a.json");
    std::fs::write(&a, stdout_of(&["score", &ev, "--format", "json"])).unwrap();
    stdout_of(&["diff", a.to_str().unwrap(), a.to_str().unwrap()]);
}

#[test]
fn a_penalty_larger_than_the_total_leaves_0_unless_the_set_says_cap_total_false() {
    let dir = tempfile::tempdir().unwrap();
    let values = "  \"1.1\": có\n  \"1.2\": \"50%\"\n  \"2.1\": có\n  \"2.2\": 0\n  \"3.1\": 2\n  \"3.2\": 1\n";
    let ev = bonus_case(dir.path(), None, values);
    let out = json(&["score", &ev, "--format", "json"]);
    // 1.5 + 1 − min(3 + 1, 3) = −0.5, held at 0.
    assert_eq!(node(&out, "3")["score"], "3");
    assert_eq!(node(&out, "3")["kind"], "penalty");
    assert_eq!(out["total"]["score"], "0");
    assert_eq!(out["total"]["grade"], "Yếu");
    // Losses: the penalty's points taken away count, the unearned bonus does not.
    let losses = stdout_of(&["losses", &ev]);
    assert!(losses.contains("3.1"), "{losses}");
    assert!(!losses.contains("2.2"), "{losses}");
    // 0.5 lost on 1.2, and the penalty section's 3 (its criteria's 3 + 1, held to its max).
    assert!(
        losses.contains("3 criteria lost 3.5 of 2 points"),
        "{losses}"
    );
    assert_eq!(json(&["losses", &ev, "-f", "json"])["total_loss"], "3.5");
    let explained = stdout_of(&["explain", &ev, "3.1"]);
    assert!(explained.contains("formula: 2 ≥ 1 → 3"), "{explained}");
    assert!(
        explained.contains("score: 3 of 3: a penalty, taken off the total"),
        "{explained}"
    );
    assert!(
        explained.contains("section 3: 3 of 3 (100.00%), loses 3 in all, 3 of it here"),
        "{explained}"
    );
    let bonus = stdout_of(&["explain", &ev, "2.2"]);
    assert!(
        bonus.contains("a bonus, added to the total outside its maximum"),
        "{bonus}"
    );
    let a = dir.path().join("a.json");
    std::fs::write(&a, stdout_of(&["score", &ev, "--format", "json"])).unwrap();
    let uncapped = bonus_case(dir.path(), Some(false), values);
    let out = json(&["score", &uncapped, "--format", "json"]);
    assert_eq!(out["total"]["score"], "-0.5");
    // Below 0% is in the lowest band (which starts at 0), not in none: the league counts it.
    assert_eq!(out["total"]["grade"], "Yếu");
    let b = dir.path().join("b.json");
    std::fs::write(&b, stdout_of(&["score", &uncapped, "--format", "json"])).unwrap();
    stdout_of(&["diff", a.to_str().unwrap(), b.to_str().unwrap()]);
}

#[test]
fn check_accepts_the_bonus_set() {
    stdout_of(&["check", "tests/fixtures/rev2-bonus-criteria.yaml"]);
}

#[test]
fn components_reproduce_hai_phongs_published_result() {
    let ev = "examples/hai-phong-nam-son-2021.yaml";
    stdout_of(&["check", ev]);
    let out = json(&["score", ev, "--format", "json"]);
    assert_eq!(out["total"]["score"], "83.21");
    assert_eq!(out["total"]["max"], "100");
    let c = out["total"]["components"].as_array().unwrap();
    let figures: Vec<(&str, &str, &str, &str)> = c
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap(),
                c["score"].as_str().unwrap(),
                c["max"].as_str().unwrap(),
                c["percent"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        figures,
        [
            ("assessment", "43.26", "60", "72.10"),
            ("survey", "39.95", "40", "99.88")
        ]
    );
    let table = stdout_of(&["score", ev]);
    assert!(
        table.contains("Điểm thẩm định: 43.26 of 60 (72.10%)"),
        "{table}"
    );
    let md = stdout_of(&["score", ev, "--format", "markdown"]);
    assert!(
        md.contains("- Điểm điều tra xã hội học: **39.95 of 40** (99.88%)"),
        "{md}"
    );
    // A set without components writes none.
    let plain = json(&["score", EVIDENCE, "--format", "json"]);
    assert!(plain["total"].get("components").is_none());
}

#[test]
fn nam_son_components_in_every_output() {
    let ev = "examples/hai-phong-nam-son-2021.yaml";
    let table = stdout_of(&["score", ev]);
    assert!(
        table.contains("43.26") && table.contains("39.95") && table.contains("83.21"),
        "{table}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["score", ev, "--format", "json"])).unwrap();
    let parts = json["total"]["components"].as_array().unwrap();
    assert_eq!(parts[0]["score"], "43.26");
    assert_eq!(parts[1]["score"], "39.95");
    let csv = stdout_of(&["score", ev, "--format", "csv"]);
    assert!(
        csv.contains("\nassessment,Điểm thẩm định,,43.26,60,72.10,16.74,"),
        "{csv}"
    );
    assert!(
        csv.contains("\nsurvey,Điểm điều tra xã hội học,,39.95,40,99.88,0.05,"),
        "{csv}"
    );
    let md = stdout_of(&["score", ev, "--format", "markdown"]);
    assert!(
        md.contains("43.26 of 60") && md.contains("39.95 of 40"),
        "{md}"
    );
    let report = stdout_of(&["report", ev]);
    assert!(
        report.contains("Theo thành phần: Điểm thẩm định 43,26/60 (72,10%); Điểm điều tra xã hội học 39,95/40 (99,88%)."),
        "{report}"
    );
    let html = stdout_of(&["report", ev, "--format", "html", "--lang", "en"]);
    assert!(
        html.contains("By component: Điểm thẩm định 43.26/60 (72.10%)"),
        "{html}"
    );
    // xlsx: the Sections sheet lists both components under the total.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("n.xlsx");
    stdout_of(&["score", ev, "--format", "xlsx", "-o", out.to_str().unwrap()]);
    let shared = common::zip_member(&out, "xl/sharedStrings.xml");
    assert!(shared.contains("Component · Điểm thẩm định"), "{shared}");
    assert!(
        shared.contains("Component · Điểm điều tra xã hội học"),
        "{shared}"
    );
}

#[test]
fn a_component_no_section_names_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.yaml");
    std::fs::write(
        &path,
        "parindex: 1\nkind: criteria\nid: comp-test\ntitle: \"t\"\ncomponents:\n  - { id: assessment, title: \"A\" }\n  - { id: unused, title: \"U\" }\nsections:\n  - { code: \"1\", title: \"a\", max: 1, component: assessment, items: [ { code: \"1.1\", title: \"x\", max: 1, rule: yes-no } ] }\n",
    )
    .unwrap();
    let out = common::parindex()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("[E116]") && report.contains("no section names the component `unused`"),
        "{report}"
    );
}

#[test]
fn whatif_plans_on_a_penalty_by_the_value_that_takes_the_fewest_points() {
    let dir = tempfile::tempdir().unwrap();
    // Scored sections full (2 of 2), no bonus; the penalty takes 0.5 (3.2 points 0.5): 1.5 of 2.
    let ev = bonus_case(
        dir.path(),
        None,
        "  \"1.1\": có\n  \"1.2\": \"100%\"\n  \"2.1\": không\n  \"2.2\": 0\n  \"3.1\": 0\n  \"3.2\": 0.5\n",
    );
    let now = json(&["score", &ev, "--format", "json"]);
    assert_eq!(now["total"]["score"], "1.5");
    // Only the penalty can give the points back: set to the value that takes none.
    let plan = stdout_of(&["whatif", &ev, "--target", "100%"]);
    assert!(plan.contains("3.2"), "{plan}");
    assert!(plan.contains("--set '3.2=0'"), "{plan}");
    // The printed plan confirms: rerun with its value.
    let after = json(&["score", &ev, "--format", "json"]);
    assert_eq!(after["total"]["score"], "1.5");
    let confirmed = stdout_of(&["whatif", &ev, "--set", "3.2=0"]);
    assert!(
        confirmed.contains("100.00%") || confirmed.contains("100%"),
        "{confirmed}"
    );
}
