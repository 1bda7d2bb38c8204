//! Appraisal rounds (tự chấm → thẩm định lần 1 → giải trình → thẩm định lần 2) run as a user
//! runs them, on `examples/krong-no-2022-rounds.yaml`: 1.6 cut in the first appraisal and left
//! so; 7.1.3 cut from 100% to 80% and partly restored to 91.6% after the unit's explanation.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use serde_json::Value as Json;
use std::fs;

const ROUNDS: &str = "examples/krong-no-2022-rounds.yaml";

fn json_of(args: &[&str]) -> Json {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

fn node<'a>(doc: &'a Json, code: &str) -> &'a Json {
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == code)
        .unwrap_or_else(|| panic!("{code} missing"))
}

#[test]
fn each_stage_gives_its_own_total() {
    let total = |stage: &str| {
        let doc = json_of(&["score", ROUNDS, "--stage", stage, "-f", "json"]);
        assert_eq!(doc["stage"], stage);
        doc["total"]["score"].as_str().unwrap().to_string()
    };
    assert_eq!(total("self"), "80.214");
    assert_eq!(total("appraised"), "77.814");
    assert_eq!(total("final"), "78.046");
    // The default is the final stage.
    let doc = json_of(&["score", ROUNDS, "-f", "json"]);
    assert_eq!(doc["total"]["score"], "78.046");
}

#[test]
fn the_original_example_is_unchanged() {
    let doc = json_of(&["score", EXAMPLE, "-f", "json"]);
    assert_eq!(doc["total"]["score"], "78.046");
    // With one round, the appraised stage is the final one.
    let doc = json_of(&["score", EXAMPLE, "--stage", "appraised", "-f", "json"]);
    assert_eq!(doc["total"]["score"], "78.046");
}

#[test]
fn json_and_csv_say_which_round_each_value_is_from() {
    let at = |stage: &str| json_of(&["score", ROUNDS, "--stage", stage, "-f", "json"]);
    let (own, first, last) = (at("self"), at("appraised"), at("final"));
    assert_eq!(node(&own, "7.1.3")["round"], "self");
    assert_eq!(node(&own, "7.1.3")["value"], "100%");
    assert_eq!(node(&first, "7.1.3")["round"], "appraised");
    assert_eq!(node(&first, "7.1.3")["value"], "80%");
    assert_eq!(node(&last, "7.1.3")["round"], "reappraised");
    assert_eq!(node(&last, "7.1.3")["value"], "91.6%");
    assert_eq!(node(&last, "7.1.3")["appraised"], true);
    // 1.6 had one appraisal: it stays the final value.
    assert_eq!(node(&last, "1.6")["round"], "appraised");
    assert_eq!(node(&last, "1.1.3")["round"], "self");
    let csv = stdout_of(&["score", ROUNDS, "-f", "csv"]);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("7.1.3,") && l.contains(",91.6%,true,reappraised,")),
        "{csv}"
    );
}

#[test]
fn the_table_marks_council_values_with_their_round() {
    let all = stdout_of(&["score", ROUNDS, "--all"]);
    assert!(all.contains("91.6% (reappraised)"), "{all}");
    assert!(all.contains("0 (appraised)"), "{all}");
    let first = stdout_of(&["score", ROUNDS, "--all", "--stage", "appraised"]);
    assert!(first.contains("stage appraised"), "{first}");
    assert!(first.contains("80% (appraised)"), "{first}");
}

#[test]
fn losses_say_which_round_a_score_comes_from() {
    let table = stdout_of(&["losses", ROUNDS]);
    assert!(table.contains("91.6% (reappraised)"), "{table}");
    assert!(table.contains("Chấp nhận một phần"), "{table}");
    let first = stdout_of(&["losses", ROUNDS, "--stage", "appraised"]);
    assert!(first.contains("stage appraised"), "{first}");
    assert!(first.contains("80% (appraised)"), "{first}");
    let doc = json_of(&["losses", ROUNDS, "-f", "json"]);
    let l = doc["losses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "7.1.3")
        .unwrap();
    assert_eq!(l["round"], "reappraised");
    assert_eq!(l["loss"], "0.168");
}

#[test]
fn explain_says_which_round_and_gives_the_explanation() {
    let last = stdout_of(&["explain", ROUNDS, "7.1.3"]);
    assert!(
        last.contains("value: 91.6% (reappraised by the council after the unit's explanation; self-assessed: 100%, first appraisal: 80%)\n  reason (second appraisal): Chấp nhận một phần"),
        "{last}"
    );
    assert!(
        last.contains("the unit's explanation: Đơn vị bổ sung"),
        "{last}"
    );
    let first = stdout_of(&["explain", ROUNDS, "7.1.3", "--stage", "appraised"]);
    assert!(
        first.contains("value: 80% (appraised by the council; self-assessed: 100%)\n  reason (first appraisal): Hệ thống"),
        "{first}"
    );
    assert!(first.contains("the second appraisal (91.6%)"), "{first}");
    let own = stdout_of(&["explain", ROUNDS, "7.1.3", "--stage", "self"]);
    assert!(own.contains("value: 100% (self-assessed"), "{own}");
}

#[test]
fn the_report_names_the_round_and_the_stage() {
    let vi = stdout_of(&["report", ROUNDS]);
    assert!(
        vi.contains("kết quả thẩm định lần 2, sau giải trình"),
        "{vi}"
    );
    assert!(vi.contains("thẩm định lần 1: 80%"), "{vi}");
    let en = stdout_of(&["report", ROUNDS, "--lang", "en", "--stage", "appraised"]);
    assert!(
        en.contains("the first appraisal (before the unit's explanation)"),
        "{en}"
    );
    assert!(en.contains("80% (appraised; self-assessed: 100%)"), "{en}");
}

#[test]
fn whatif_plans_from_the_stage_asked() {
    let own = stdout_of(&["whatif", ROUNDS, "--stage", "self", "--set", "1.6=0"]);
    assert!(own.contains("78.214"), "{own}");
    let last = stdout_of(&["whatif", ROUNDS, "--set", "1.6=2"]);
    assert!(last.contains("80.046"), "{last}");
}

#[test]
fn diff_stages_shows_points_taken_and_won_back_per_section() {
    let doc = json_of(&["diff", "--stages", ROUNDS, "-f", "json"]);
    let total = &doc["total"];
    assert_eq!(total["score"]["self"], "80.214");
    assert_eq!(total["score"]["appraised"], "77.814");
    assert_eq!(total["score"]["final"], "78.046");
    assert_eq!(total["taken"], "2.4");
    assert_eq!(total["won_back"], "0.232");
    let section = |code: &str| {
        doc["sections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(
        (
            section("1")["taken"].clone(),
            section("1")["won_back"].clone()
        ),
        ("2".into(), "0".into())
    );
    assert_eq!(
        (
            section("7")["taken"].clone(),
            section("7")["won_back"].clone()
        ),
        ("0.4".into(), "0.232".into())
    );
    assert_eq!(
        (
            section("3")["taken"].clone(),
            section("3")["won_back"].clone()
        ),
        ("0".into(), "0".into())
    );
    let c = doc["appraised"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "7.1.3")
        .unwrap();
    assert_eq!(c["value"]["self"], "100%");
    assert_eq!(c["value"]["appraised"], "80%");
    assert_eq!(c["value"]["final"], "91.6%");
    assert_eq!(c["score"]["appraised"], "1.6");
    assert!(c["explanation"]
        .as_str()
        .unwrap()
        .starts_with("Đơn vị bổ sung"));
    assert!(c["reappraisal_reason"]
        .as_str()
        .unwrap()
        .starts_with("Chấp nhận một phần"));

    let table = stdout_of(&["diff", "--stages", ROUNDS]);
    assert!(table.contains("Taken by appraisal"), "{table}");
    assert!(table.contains("Won back"), "{table}");
    assert!(table.contains("Grade: Xuất sắc → Tốt → Tốt"), "{table}");
    let total_row = table.lines().find(|l| l.contains("Total")).unwrap();
    for figure in ["80.214", "77.814", "78.046", "2.4", "0.232"] {
        assert!(total_row.contains(figure), "{total_row}");
    }
    assert!(table.contains("80% = 1.6"), "{table}");
    assert!(
        table.contains("the unit's explanation: Đơn vị bổ sung"),
        "{table}"
    );

    let csv = stdout_of(&["diff", "--stages", ROUNDS, "-f", "csv"]);
    assert!(
        csv.lines()
            .any(|l| l.starts_with("section,7,") && l.contains(",0.4,0.232,")),
        "{csv}"
    );
    let md = stdout_of(&["diff", "--stages", ROUNDS, "-f", "markdown"]);
    assert!(md.contains("| Taken by appraisal | Won back |"), "{md}");
}

#[test]
fn diff_scores_its_evidence_sides_at_the_stage_asked() {
    let doc = json_of(&["diff", EXAMPLE, ROUNDS, "--stage", "self", "-f", "json"]);
    assert_eq!(doc["old"]["stage"], "self");
    assert_eq!(doc["total"]["new_score"], "80.214");
    parindex()
        .args(["diff", "--stages", ROUNDS, "--stage", "self"])
        .assert()
        .code(2);
}

#[test]
fn check_verifies_every_stage_pinned() {
    parindex()
        .args(["check", "criteria", "examples"])
        .assert()
        .success();
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(ROUNDS)
        .unwrap()
        .replace("total: 80.214", "total: 80");
    let path = dir.path().join("rounds.yaml");
    fs::write(&path, text).unwrap();
    parindex()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[E212]: total: expected 80, computed 80.214 at stage self",
        ));
    // The final stage's figures hold: `score` at it succeeds; at the self stage it fails.
    parindex()
        .args(["score", path.to_str().unwrap()])
        .assert()
        .success();
    parindex()
        .args(["score", path.to_str().unwrap(), "--stage", "self"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "total: expected 80, computed 80.214 at stage self",
        ));
}

const TINY_CRITERIA: &str = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 3, items: [ { code: \"1.1\", title: b, max: 1, rule: yes-no }, { code: \"1.2\", title: c, max: 2, rule: ratio } ] }\n  - { code: \"2\", title: d, max: 1, items: [ { code: \"2.1\", title: e, max: 1, rule: yes-no } ] }\n";

/// A small evidence file (its `values:` lines given) beside its criteria set, in a temporary
/// folder kept alive by the first element.
fn tiny(values: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("c.yaml"), TINY_CRITERIA).unwrap();
    let path = dir.path().join("e.yaml");
    fs::write(
        &path,
        format!("parindex: 1\nkind: evidence\ncriteria: c.yaml\nunit: u\nperiod: \"2025\"\nvalues:\n{values}"),
    )
    .unwrap();
    let path = path.to_str().unwrap().to_string();
    (dir, path)
}

#[test]
fn an_empty_first_appraisal_does_not_let_a_second_one_through() {
    for empty in ["", "~", "null"] {
        let (_dir, path) = tiny(&format!(
            "  \"1.1\": true\n  \"1.2\": {{ value: \"100%\", appraised: {empty}, reason: x, reappraised: \"90%\", reappraisal_reason: z }}\n  \"2.1\": true\n"
        ));
        parindex()
            .args(["check", &path])
            .assert()
            .code(1)
            .stdout(predicate::str::contains("E217"));
    }
}

#[test]
fn a_leaf_the_council_appraised_without_a_self_assessed_value_is_reported() {
    let (_dir, path) =
        tiny("  \"1.1\": true\n  \"1.2\": { appraised: \"50%\", reason: r }\n  \"2.1\": true\n");
    parindex()
        .args(["check", &path])
        .assert()
        .success()
        .stdout(predicate::str::contains("W201").and(predicate::str::contains(
            "1 of 3 leaves has no self-assessed value (only the council's) and scores 0 at stage self: 1.2",
        )));
    parindex()
        .args(["score", &path, "--stage", "self", "--strict"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no self-assessed value"));
}

#[test]
fn whatif_names_its_stage_and_confirms_at_it() {
    let out = stdout_of(&["whatif", ROUNDS, "--stage", "appraised", "--target", "90"]);
    assert!(
        out.lines().next().unwrap().contains("stage appraised"),
        "{out}"
    );
    let confirm = out.lines().find(|l| l.contains("confirm:")).unwrap();
    assert!(confirm.contains(" --stage appraised"), "{confirm}");
    // The confirming command gives the plan's result.
    let result = out.lines().find(|l| l.contains("result:")).unwrap();
    let figures = result.split("result:").nth(1).unwrap().trim().to_string();
    let cmd = confirm.split("confirm:").nth(1).unwrap().trim();
    let args: Vec<String> = cmd
        .split(" --")
        .skip(1)
        .flat_map(|a| {
            let (flag, v) = a.split_once(' ').unwrap();
            [format!("--{flag}"), v.trim_matches('\'').to_string()]
        })
        .collect();
    let mut all = vec!["whatif".to_string(), ROUNDS.to_string()];
    all.extend(args);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let again = stdout_of(&all);
    assert!(again.contains(&format!("with --set: {figures}")), "{again}");
    let last = stdout_of(&["whatif", ROUNDS, "--target", "90"]);
    assert!(
        last.lines().next().unwrap().contains("stage final"),
        "{last}"
    );
    let confirm = last.lines().find(|l| l.contains("confirm:")).unwrap();
    assert!(!confirm.contains("--stage"), "{confirm}");
}

#[test]
fn every_output_names_its_stage_the_final_one_too() {
    for by in [None, Some("section"), Some("responsible")] {
        let mut args = vec!["losses", ROUNDS, "-f", "json"];
        args.extend(by.map(|b| ["--by", b]).into_iter().flatten());
        assert_eq!(json_of(&args)["stage"], "final", "{by:?}");
        args.extend(["--stage", "self"]);
        assert_eq!(json_of(&args)["stage"], "self", "{by:?}");
    }
    let final_header = "stage final (after the second appraisal where there was one)";
    let losses = stdout_of(&["losses", ROUNDS]);
    assert!(
        losses.lines().next().unwrap().contains(final_header),
        "{losses}"
    );
    let explain = stdout_of(&["explain", ROUNDS, "1.6"]);
    assert!(
        explain.contains(&format!("  stage: {}", &final_header[6..])),
        "{explain}"
    );
    let explain = stdout_of(&["explain", ROUNDS, "1.6", "--stage", "self"]);
    assert!(explain.contains("  stage: self"), "{explain}");
    let en = stdout_of(&["report", ROUNDS, "--lang", "en"]);
    assert!(
        en.contains("the final result (after the second appraisal where there was one)"),
        "{en}"
    );
    let dir = tempfile::tempdir().unwrap();
    let (s, f) = (dir.path().join("s.json"), dir.path().join("f.json"));
    for (path, stage) in [(&s, "self"), (&f, "final")] {
        parindex()
            .args(["score", ROUNDS, "--stage", stage, "-f", "json", "-o"])
            .arg(path)
            .assert()
            .success();
    }
    let diff = stdout_of(&["diff", s.to_str().unwrap(), f.to_str().unwrap()]);
    let first = diff.lines().next().unwrap();
    assert!(
        first.contains("stage self") && first.contains("stage final"),
        "{diff}"
    );
    let text = fs::read_to_string(ROUNDS)
        .unwrap()
        .replace("total: 78.046", "total: 78");
    let path = dir.path().join("rounds.yaml");
    fs::write(&path, text).unwrap();
    parindex()
        .args(["check", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "total: expected 78, computed 78.046 at stage final",
        ));
}

#[test]
fn diff_stages_reports_cuts_rises_and_the_final_round_apart() {
    // 1.1 cut by the first appraisal; 1.2 raised by it and cut further by the second: the
    // section's net change hides both.
    let (_dir, path) = tiny(
        "  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"50%\", appraised: \"100%\", reason: r, explanation: e, reappraised: \"25%\", reappraisal_reason: q }\n  \"2.1\": true\n",
    );
    let doc = json_of(&["diff", "--stages", &path, "-f", "json"]);
    let one = &doc["sections"][0];
    assert_eq!(one["code"], "1");
    assert_eq!(
        (&one["taken"], &one["won_back"], &one["raised"]),
        (&"2.5".into(), &"0".into(), &"1".into())
    );
    assert_eq!(doc["total"]["taken"], "2.5");
    assert_eq!(doc["total"]["raised"], "1");
    let leaf = |code: &str| {
        doc["appraised"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(leaf("1.1")["final_round"], "appraised");
    assert_eq!(leaf("1.2")["final_round"], "reappraised");
    let table = stdout_of(&["diff", "--stages", &path]);
    assert!(table.contains("Raised by council"), "{table}");
    assert!(table.contains("25% (reappraised) = 0.5"), "{table}");
    assert!(table.contains("no (appraised) = 0"), "{table}");
}

#[test]
fn half_written_rounds_are_warned_and_a_blank_reason_reads_as_none() {
    let (_dir, path) = tiny(
        "  \"1.1\": { value: true, explanation: e }\n  \"1.2\": { value: \"100%\", appraised: \"50%\", reason: r, reappraisal_reason: q }\n  \"2.1\": { value: true, appraised: false, reason: r, reappraised: , reappraisal_reason: q }\n",
    );
    let out = stdout_of(&["check", &path]);
    assert_eq!(out.matches("warning[W204]").count(), 3, "{out}");
    assert!(
        out.contains("`1.1` has the unit's `explanation` but no first appraisal"),
        "{out}"
    );
    assert!(
        out.contains("`1.2` has a `reappraisal_reason` but no second appraisal"),
        "{out}"
    );
    assert!(out.contains("`2.1` has an empty `reappraised:`"), "{out}");

    let (_dir, path) = tiny(
        "  \"1.1\": true\n  \"1.2\": { value: \"100%\", appraised: \"50%\", reason: r, explanation: e, reappraised: \"75%\", reappraisal_reason: \"\" }\n  \"2.1\": true\n",
    );
    let out = stdout_of(&["explain", &path, "1.2"]);
    assert!(!out.contains("reason: )"), "{out}");
    assert!(
        out.contains("reason (second appraisal): no reason given"),
        "{out}"
    );
}

#[test]
fn stage_help_names_every_stage_and_diff_refuses_a_stage_it_cannot_apply() {
    for cmd in ["losses", "explain", "rank", "diff"] {
        let out = parindex().args([cmd, "--help"]).output().unwrap();
        let help = String::from_utf8(out.stdout).unwrap();
        let stage = help
            .split("--stage <STAGE>")
            .nth(1)
            .unwrap_or_else(|| panic!("{help}"));
        let stage = &stage[..stage.find("\n  -").unwrap_or(stage.len())];
        for name in ["`self`", "`appraised`", "`final`"] {
            assert!(stage.contains(name), "{cmd}: {stage}");
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let (s, f) = (dir.path().join("s.json"), dir.path().join("f.json"));
    for (path, stage) in [(&s, "self"), (&f, "final")] {
        parindex()
            .args(["score", ROUNDS, "--stage", stage, "-f", "json", "-o"])
            .arg(path)
            .assert()
            .success();
    }
    let (s, f) = (s.to_str().unwrap(), f.to_str().unwrap());
    parindex()
        .args(["diff", s, f, "--stage", "appraised"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("both JSON results"));
    // Beside an evidence file, --stage scores that side.
    let doc = json_of(&["diff", s, ROUNDS, "--stage", "appraised", "-f", "json"]);
    assert_eq!(doc["new"]["stage"], "appraised");
    stdout_of(&["diff", s, f]);
}

#[test]
fn a_stage_pin_names_its_path_and_multi_line_reasons_stay_indented() {
    let (_dir, path) = tiny(
        "  \"1.1\": true\n  \"1.2\": \"50%\"\n  \"2.1\": true\nexpect: { stages: { self: 5 } }\n",
    );
    parindex()
        .args(["check", &path])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "`expect.stages.self` must be a mapping",
        ));

    let (_dir, path) = tiny(
        "  \"1.1\":\n    value: true\n    appraised: false\n    reason: |\n      first line\n      second line\n    explanation: |\n      expl one\n      expl two\n    reappraised: true\n    reappraisal_reason: ok\n  \"1.2\": \"50%\"\n  \"2.1\": true\n",
    );
    let rounds = stdout_of(&["diff", "--stages", &path]);
    assert!(
        rounds.contains("    first appraisal: first line\n        second line\n    the unit's explanation: expl one\n        expl two\n    second appraisal: ok\n"),
        "{rounds}"
    );
    let explain = stdout_of(&["explain", &path, "1.1", "--stage", "appraised"]);
    assert!(
        explain.contains("  reason (first appraisal): first line\n      second line\n"),
        "{explain}"
    );
    assert!(
        explain.contains("  the unit's explanation: expl one\n      expl two\n  formula"),
        "{explain}"
    );
    let losses = stdout_of(&["losses", &path, "--stage", "appraised"]);
    assert!(
        !losses.contains("│      ┆           ┆                ┆      ┆             ┆"),
        "{losses}"
    );
}
