//! `losses`, `explain`, `template` and `whatif` run as a user runs them.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use serde_json::Value as Json;
use std::fs;

#[test]
fn losses_by_responsible_hands_each_office_its_list() {
    let doc: Json = serde_json::from_str(&stdout_of(&[
        "losses",
        EXAMPLE,
        "--by",
        "responsible",
        "-f",
        "json",
    ]))
    .unwrap();
    let group = |office: &str| -> (String, Vec<String>) {
        let g = doc["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["key"] == office)
            .unwrap();
        let codes = g["losses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["code"].as_str().unwrap().to_string())
            .collect();
        (g["total"].as_str().unwrap().to_string(), codes)
    };
    let (total, codes) = group("Phòng Nội vụ");
    assert_eq!(codes, vec!["1.6", "5.7.4", "5.7.1", "1.1.3"]);
    assert_eq!(total, "3.527");
    let (_, office) = group("Văn phòng HĐND&UBND huyện");
    for code in ["3.4.1", "3.4.4.1", "3.4.4.2", "3.4.5", "3.6", "3.7.2"] {
        assert!(
            office.contains(&code.to_string()),
            "{code} not under Văn phòng"
        );
    }
    assert_eq!(group("Phòng Tư pháp").1, vec!["2.4.3"]);
    let table = stdout_of(&["losses", EXAMPLE, "--by", "responsible"]);
    assert!(
        table.contains("Phòng Nội vụ — 3.527 points (section 1: 2.027; section 5: 1.5)"),
        "{table}"
    );
}

#[test]
fn losses_flat_list_gives_value_reason_and_office() {
    let md = stdout_of(&["losses", EXAMPLE, "-f", "markdown"]);
    insta::assert_snapshot!(md);
    let csv = stdout_of(&["losses", EXAMPLE, "-f", "csv"]);
    // One row per criterion: the loss column adds up to the points lost (10.954).
    assert_eq!(csv.lines().filter(|l| l.starts_with("1.6,")).count(), 1);
    let total: rust_decimal::Decimal = ::csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| r.unwrap()[7].parse::<rust_decimal::Decimal>().unwrap())
        .sum();
    assert_eq!(total.to_string(), "10.954");
    // By office: 1.6 is shared by two offices, one row in each group, so a pivot adds up.
    let by = stdout_of(&["losses", EXAMPLE, "-f", "csv", "--by", "responsible"]);
    assert!(by.starts_with("responsible,code,"), "{by}");
    assert_eq!(by.lines().filter(|l| l.contains(",1.6,")).count(), 2);
}

#[test]
fn explain_shows_the_formula_with_real_numbers() {
    let out = stdout_of(&["explain", EXAMPLE, "1.1.3"]);
    assert!(out.contains("formula: 1 × 97.29% = 0.9729"), "{out}");
    assert!(
        out.contains("rounding: 0.9729 → 0.973 (3 decimals, half-up)"),
        "{out}"
    );
    assert!(out.contains("section 1: 10.973 of 13 (84.41%), loses 2.027 in all, 0.027 of it here"));
    insta::assert_snapshot!("explain_1_6", stdout_of(&["explain", EXAMPLE, "1.6"]));
    insta::assert_snapshot!("explain_7_2_2", stdout_of(&["explain", EXAMPLE, "7.2.2"]));
    insta::assert_snapshot!("explain_section_7", stdout_of(&["explain", EXAMPLE, "7"]));
    let self_stage = stdout_of(&["explain", EXAMPLE, "1.6", "--stage", "self"]);
    assert!(self_stage.contains("score: 2 of 2"), "{self_stage}");
    // No code is guessed among siblings as near as each other; they are listed instead.
    parindex()
        .args(["explain", EXAMPLE, "1.1.9"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "; criteria under 1.1: 1.1.1, 1.1.2, 1.1.3",
        ));
    parindex()
        .args(["explain", EXAMPLE, "113"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean 1.1.3?"));
}

#[test]
fn template_round_trips_through_check() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("form.yaml");
    parindex()
        .args([
            "template",
            "dak-nong-district-2022",
            "-o",
            form.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = fs::read_to_string(&form).unwrap();
    assert!(text.contains(
        "  # 1.1.3 Mức độ thực hiện kế hoạch CCHC năm\n  #   ratio: 1 × rate; write a rate"
    ));
    assert!(text.contains("\n  \"1.1.3\":\n"));
    let out = parindex()
        .args(["check", "--format", "json", form.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    // Untouched: no values yet, and no unit named.
    assert_eq!(codes, vec!["W205", "W201"]);
    // Made for a named unit, only the values are left to fill in.
    let named = dir.path().join("named.yaml");
    parindex()
        .args([
            "template",
            "dak-nong-district-2022",
            "--unit",
            "UBND huyện Krông Nô",
            "-o",
        ])
        .arg(&named)
        .assert()
        .success();
    let out = parindex()
        .args(["check", "--format", "json"])
        .arg(&named)
        .output()
        .unwrap();
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap();
    let codes: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["W201"]);
    // A form for a criteria file elsewhere names it by a path that works from the form's folder.
    let sub = dir.path().join("units/2025");
    fs::create_dir_all(&sub).unwrap();
    let local = sub.join("xa.yaml");
    parindex()
        .args([
            "template",
            "tests/fixtures/small-criteria.yaml",
            "-o",
            local.to_str().unwrap(),
        ])
        .assert()
        .success();
    parindex()
        .args(["check", local.to_str().unwrap()])
        .assert()
        .success();
    // Filled in, it scores.
    let filled = fs::read_to_string(&local)
        .unwrap()
        .replace("\"1.1\":\n", "\"1.1\": có\n")
        .replace("unit: \"\"", "unit: \"Xã A\"");
    fs::write(&local, filled).unwrap();
    let doc: Json = serde_json::from_str(&stdout_of(&[
        "score",
        local.to_str().unwrap(),
        "-f",
        "json",
    ]))
    .unwrap();
    assert_eq!(doc["total"]["score"], "1");
}

#[test]
fn whatif_plan_is_confirmed_by_rerunning_it() {
    let out = stdout_of(&["whatif", EXAMPLE, "--target", "Xuất sắc"]);
    let confirm = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("confirm:"))
        .expect("a confirm line")
        .trim()
        .to_string();
    let sets: Vec<String> = confirm
        .split(" --set ")
        .skip(1)
        .map(|s| s.trim().trim_matches('\'').to_string())
        .collect();
    assert!(!sets.is_empty());
    let mut args = vec!["whatif".to_string(), EXAMPLE.to_string()];
    for s in &sets {
        args.push("--set".into());
        args.push(s.clone());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let rerun = stdout_of(&args);
    let with = rerun.lines().find(|l| l.contains("with --set:")).unwrap();
    assert!(with.contains("grade Xuất sắc"), "{with}");
    insta::assert_snapshot!(out);
}

#[test]
fn whatif_reports_bad_values_unreachable_targets_and_usage() {
    parindex()
        .args([
            "whatif",
            EXAMPLE,
            "--set",
            "1.1.3=120%",
            "--set",
            "9.9=1",
            "--set",
            "nonsense",
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("outside 0%–100%")
                .and(predicate::str::contains("`9.9` is not a criterion"))
                .and(predicate::str::contains("write CODE=VALUE")),
        );
    parindex()
        .args(["whatif", EXAMPLE, "--target", "101"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("cannot be reached"));
    parindex()
        .args(["whatif", EXAMPLE])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("give --set CODE=VALUE"));
    parindex()
        .args(["whatif", EXAMPLE, "--target", "Giỏi"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("`Giỏi` is neither a grade"));
    let already = stdout_of(&["whatif", EXAMPLE, "--target", "Khá"]);
    assert!(already.contains("already reached"));
}

#[test]
fn snapshot_template() {
    // Printed, the form names its set by absolute path (it holds wherever the form is saved):
    // the checkout's own folder is left out of the snapshot.
    let here = std::fs::canonicalize(".").unwrap().display().to_string();
    let form = stdout_of(&["template", "tests/fixtures/small-criteria.yaml"]);
    assert!(
        form.contains(&format!(
            "criteria: \"{here}/tests/fixtures/small-criteria.yaml\""
        )),
        "{form}"
    );
    insta::assert_snapshot!(form.replace(&here, "<checkout>"));
}

#[test]
fn whatif_refuses_a_fractional_target_and_a_code_set_twice() {
    parindex()
        .args(["whatif", EXAMPLE, "--target", "0.9"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("write 90 or 90%"));
    // Written as a percentage, 0.9% is what it says.
    parindex()
        .args(["whatif", EXAMPLE, "--target", "0.9%"])
        .assert()
        .success();
    parindex()
        .args(["whatif", EXAMPLE, "--set", "1.6=2", "--set", "1.6=0"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("1.6 twice"));
}

#[cfg(unix)]
#[test]
fn the_confirming_command_runs_in_a_shell_whatever_the_files_name() {
    let dir = tempfile::tempdir().unwrap();
    // A name a shell would split, or end and follow with a command of its own.
    let odd = dir.path().join("a b; touch pwned'.yaml");
    std::fs::copy(EXAMPLE, &odd).unwrap();
    let out = stdout_of(&["whatif", odd.to_str().unwrap(), "--target", "Xuất sắc"]);
    let confirm = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("confirm:"))
        .expect("a confirm line")
        .trim()
        .replacen("parindex", env!("CARGO_BIN_EXE_parindex"), 1);
    let rerun = std::process::Command::new("sh")
        .arg("-c")
        .arg(&confirm)
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(rerun.status.success(), "{confirm}");
    let rerun = String::from_utf8(rerun.stdout).unwrap();
    assert!(rerun.contains("grade Xuất sắc"), "{rerun}");
    assert!(!dir.path().join("pwned'.yaml").exists());
    assert!(!dir.path().join("pwned").exists());
    // A control character in the name is shown as its code point, never sent to the terminal.
    let esc = dir.path().join("w\u{1b}[31mRED.yaml");
    std::fs::copy(EXAMPLE, &esc).unwrap();
    let out = stdout_of(&["whatif", esc.to_str().unwrap(), "--target", "Xuất sắc"]);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(out.contains("w<U+001B>[31mRED.yaml"), "{out}");
}

/// A set of `sections` (YAML under `sections:`) with `extra` header lines, and evidence of
/// `values`, in a temporary folder: the evidence's path.
fn plan_case(dir: &std::path::Path, extra: &str, sections: &str, values: &str) -> String {
    fs::write(
        dir.join("set.yaml"),
        format!(
            "parindex: 1\nkind: criteria\nid: plan-case\ntitle: P\n{extra}sections:\n{sections}"
        ),
    )
    .unwrap();
    let ev = dir.join("ev.yaml");
    fs::write(
        &ev,
        format!("parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: U\nperiod: \"2025\"\nvalues:\n{values}"),
    )
    .unwrap();
    ev.display().to_string()
}

#[test]
fn whatif_aims_past_the_rounding_and_makes_up_a_penalty_below_zero() {
    let dir = tempfile::tempdir().unwrap();
    // 99.94% of 1 is 0.9994 points: the rate for exactly that scores 0.999 once rounded to
    // three places, so the plan takes the rate that earns the whole point.
    let ev = plan_case(
        dir.path(),
        "",
        "  - code: \"1\"\n    title: S\n    max: 1\n    items:\n      - { code: \"1.1\", title: on-time rate, max: 1, rule: ratio }\n",
        "  \"1.1\": \"50%\"\n",
    );
    let out = stdout_of(&["whatif", &ev, "--target", "99.94"]);
    assert!(out.contains("result: 1 of 1 (100.00%)"), "{out}");
    assert!(out.contains("1.1      50% → 100%"), "{out}");
    // Rounded down to two places, a linear rule's value for 0.999 points scores 0.99.
    let ev = plan_case(
        dir.path(),
        "rounding: { decimals: 2, mode: down }\n",
        "  - code: \"1\"\n    title: S\n    max: 1\n    items:\n      - { code: \"1.1\", title: survey mean, max: 1, rule: { linear: { zero_at: 0, full_at: 3 } } }\n",
        "  \"1.1\": 0\n",
    );
    let out = stdout_of(&["whatif", &ev, "--target", "99.9"]);
    assert!(out.contains("result: 1 of 1 (100.00%)"), "{out}");
    // 1 earned and 5 taken is −4, shown as 0: the plan makes up all of it.
    let ev = plan_case(
        dir.path(),
        "",
        "  - code: \"1\"\n    title: S\n    max: 10\n    items:\n      - { code: \"1.1\", title: a, max: 10, rule: points }\n  - code: \"2\"\n    title: P\n    kind: penalty\n    max: 5\n    items:\n      - { code: \"2.1\", title: b, max: 5, rule: points }\n",
        "  \"1.1\": 1\n  \"2.1\": 5\n",
    );
    let out = stdout_of(&["whatif", &ev, "--target", "50"]);
    assert!(out.contains("result: 5 of 10 (50.00%)"), "{out}");
    let out = stdout_of(&["whatif", &ev, "--target", "100"]);
    assert!(out.contains("result: 10 of 10 (100.00%)"), "{out}");
    // Two penalties of 2 under a cap of 2: lowering one gains nothing, so the plan raises the
    // scored criteria instead, and says what each step really gains.
    let ev = plan_case(
        dir.path(),
        "",
        "  - code: \"1\"\n    title: S\n    max: 10\n    items:\n      - { code: \"1.1\", title: a, max: 9, rule: points }\n      - { code: \"1.2\", title: b, max: 1, rule: yes-no }\n  - code: \"2\"\n    title: P\n    kind: penalty\n    max: 2\n    items:\n      - { code: \"2.1\", title: c, max: 2, rule: points }\n      - { code: \"2.2\", title: d, max: 2, rule: points }\n",
        "  \"1.1\": 7.5\n  \"1.2\": không\n  \"2.1\": 2\n  \"2.2\": 2\n",
    );
    let out = stdout_of(&["whatif", &ev, "--target", "80"]);
    assert!(out.contains("improve 2 criteria"), "{out}");
    assert!(!out.contains("2.1 "), "{out}");
    assert!(out.contains("result: 8 of 10 (80.00%)"), "{out}");
    let out = stdout_of(&["whatif", &ev, "--target", "100"]);
    assert!(out.contains("result: 10 of 10 (100.00%)"), "{out}");
}
