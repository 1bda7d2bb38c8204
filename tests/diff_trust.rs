//! `diff` refuses what it cannot trust: a renumbering map that does not fit the two results,
//! JSON results whose figures `score` could not have written; and it shows every change the
//! appraisal council made.

mod common;

use common::{parindex, stdout_of};
use predicates::prelude::*;
use serde_json::Value as Json;
use std::fs;
use std::path::Path;

const OLD: &str = "examples/krong-no-2021.yaml";
const NEW: &str = "examples/krong-no-2022.yaml";

/// Runs `diff OLD NEW --map` with a map of `text`; returns stderr of the failed run.
fn bad_map(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("renumbering.yaml");
    fs::write(&map, text).unwrap();
    let out = parindex()
        .args(["diff", OLD, NEW, "--map", map.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(out.stdout.is_empty(), "a refused map prints no comparison");
    stderr
}

#[test]
fn map_code_in_neither_set_is_an_error_at_its_line() {
    let err = bad_map("\"1.6\": ~\n\"9.9.9\": \"1.6\"\n");
    assert!(err.contains("error[E302]"), "{err}");
    assert!(err.contains("renumbering.yaml:2:"), "{err}");
    assert!(
        err.contains("9.9.9 is not a criterion of the old result"),
        "{err}"
    );
    // A new code that does not exist either.
    let err = bad_map("\"1.6\": \"1.8\"\n");
    assert!(err.contains("renumbering.yaml:1:"), "{err}");
    assert!(err.contains("1.8 (the new code of 1.6) is not a criterion of the new result"));
}

#[test]
fn a_map_of_thousands_of_wrong_lines_shows_the_first_hundred_and_counts_the_rest() {
    // Each line was placed by reading the map from its start: 80,000 took 73 s and printed
    // 55 MB.
    let text: String = (1..=60_000)
        .map(|i| format!("\"9.{i}\": \"8.{i}\"\n"))
        .collect();
    let err = bad_map(&text);
    assert_eq!(err.matches("error[E302]").count(), 100);
    assert!(err.contains("renumbering.yaml:50:1"), "{}", &err[..2000]);
    assert!(
        err.contains("warning[W015]: 119898 more errors in this file are not shown"),
        "{}",
        &err[err.len() - 1000..]
    );
    assert!(err.len() < 100_000, "{} bytes", err.len());
}

#[test]
fn map_duplicate_key_is_an_error_at_the_second_line() {
    let err = bad_map("\"1.6\": ~\n\"1.5.1\": \"1.5.1\"\n\"1.6\": ~\n");
    assert!(err.contains("renumbering.yaml:3:"), "{err}");
    assert!(err.contains("key `1.6` appears twice"), "{err}");
}

#[test]
fn map_two_old_codes_on_one_new_code_is_an_error() {
    let err = bad_map("\"1.5.1\": \"1.5.2\"\n\"1.5.2\": ~\n\"1.7.1\": \"1.5.2\"\n");
    assert!(err.contains("renumbering.yaml:3:"), "{err}");
    assert!(err.contains("are both mapped to `1.5.2`"), "{err}");
    // An old code the map leaves alone still counts: 1.7.1 keeps its code.
    let err = bad_map("\"1.7.2\": \"1.7.1\"\n");
    assert!(err.contains("renumbering.yaml:1:"), "{err}");
    assert!(err.contains("the old `1.7.1` keeps its code too"), "{err}");
}

#[test]
fn map_leaf_onto_parent_is_an_error() {
    let err = bad_map("\"1.6\": \"1.7\"\n\"1.7\": ~\n");
    assert!(err.contains("renumbering.yaml:1:"), "{err}");
    assert!(
        err.contains("1.6 is a leaf (scored by a rule) in the old result but 1.7 is a parent"),
        "{err}"
    );
}

#[test]
fn a_valid_map_is_still_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.yaml");
    fs::write(&map, "\"1.6\": ~\n").unwrap();
    parindex()
        .args(["diff", OLD, NEW, "--map", map.to_str().unwrap()])
        .assert()
        .success()
        .stderr("");
}

/// The small fixture's set and evidence in `dir`, with `title` for criterion 1.1 of the set.
fn small_pair(dir: &Path, title: &str) -> (String, String) {
    let set = fs::read_to_string("tests/fixtures/small-criteria.yaml").unwrap();
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml").unwrap();
    fs::write(dir.join("old-set.yaml"), &set).unwrap();
    let renamed = set.replace(
        "title: \"Ban hành kế hoạch\"",
        &format!("title: \"{title}\""),
    );
    assert_ne!(renamed, set);
    fs::write(dir.join("new-set.yaml"), renamed).unwrap();
    let old = dir.join("old.yaml");
    let new = dir.join("new.yaml");
    fs::write(
        &old,
        evidence.replace("small-criteria.yaml", "old-set.yaml"),
    )
    .unwrap();
    fs::write(
        &new,
        evidence.replace("small-criteria.yaml", "new-set.yaml"),
    )
    .unwrap();
    (old.display().to_string(), new.display().to_string())
}

#[test]
fn unrelated_titles_under_one_code_warn_and_suggest_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = small_pair(dir.path(), "Tỷ lệ giải quyết đúng hạn");
    parindex()
        .args(["diff", &old, &new])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning[W301]")
                .and(predicate::str::contains("1.1 is “Ban hành kế hoạch”"))
                .and(predicate::str::contains("--map")),
        );
    // A title reworded, not replaced, is no warning.
    let (old, new) = small_pair(dir.path(), "Ban hành kế hoạch CCHC năm");
    parindex()
        .args(["diff", &old, &new])
        .assert()
        .success()
        .stderr("");
}

/// The JSON result of the example with `edit` applied, written to `dir/name`.
fn edited_result(dir: &Path, name: &str, edit: impl FnOnce(&mut Json)) -> String {
    let mut doc: Json = serde_json::from_str(&stdout_of(&["score", NEW, "-f", "json"])).unwrap();
    edit(&mut doc);
    let path = dir.join(name);
    fs::write(&path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    path.display().to_string()
}

#[test]
fn json_results_with_impossible_figures_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let negative = edited_result(dir.path(), "negative.json", |d| {
        d["total"]["max"] = "-89".into();
    });
    let too_high = edited_result(dir.path(), "too-high.json", |d| {
        d["total"]["score"] = "1000".into();
    });
    let leaf = edited_result(dir.path(), "leaf.json", |d| {
        let node = d["nodes"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|n| n["code"] == "1.1.1")
            .unwrap();
        node["score"] = "5".into();
    });
    let zero_max = edited_result(dir.path(), "zero.json", |d| {
        d["total"]["max"] = "0".into();
    });
    for (file, says) in [
        (&negative, "the total: max -89 is negative"),
        (&too_high, "the total: score 1000 lies outside 0–89"),
        (&leaf, "1.1.1: score 5 lies outside 0–1"),
        (&leaf, "1.1: 2.973 of 3 is not the sum of its sub-criteria"),
        (&zero_max, "percent 87.69 with a max of 0"),
    ] {
        for args in [
            vec!["diff", file.as_str(), NEW],
            // `report` speaks Vietnamese by default, its diagnostics too.
            vec!["report", NEW, "--lang", "en", "--previous", file.as_str()],
        ] {
            parindex().args(&args).assert().code(1).stdout("").stderr(
                predicate::str::contains("error[E301]")
                    .and(predicate::str::contains(file.as_str()))
                    .and(predicate::str::contains(says)),
            );
        }
    }
    // The untouched result still compares.
    let good = edited_result(dir.path(), "good.json", |_| {});
    parindex().args(["diff", &good, NEW]).assert().success();
}

#[test]
fn stages_list_council_changes_that_kept_the_score() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    // 1.3 earns its max from 60%: 4870/4900 and 4850/4900 both score 2.
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml")
        .unwrap()
        .replace(
            "\"1.3\": \"40%\"",
            "\"1.3\": { value: \"4870/4900\", appraised: \"4850/4900\", reason: \"Số liệu của Sở\" }",
        );
    let path = dir.path().join("e.yaml");
    fs::write(&path, evidence).unwrap();
    let path = path.to_str().unwrap();
    let doc: Json =
        serde_json::from_str(&stdout_of(&["diff", "--stages", path, "-f", "json"])).unwrap();
    // Every value the council changed is listed, also where the score stayed the same.
    let appraised = doc["appraised"].as_array().unwrap();
    let c = appraised
        .iter()
        .find(|c| c["code"] == "1.3")
        .unwrap_or_else(|| panic!("1.3 missing from {appraised:?}"));
    assert_eq!(c["value"]["self"], "4870/4900");
    assert_eq!(c["value"]["appraised"], "4850/4900");
    assert_eq!(c["value"]["final"], "4850/4900");
    assert_eq!(c["taken"], "0");
    assert_eq!(c["reason"], "Số liệu của Sở");
    let table = stdout_of(&["diff", "--stages", path]);
    assert!(table.contains("4870/4900 = 2"), "{table}");
    assert!(table.contains("4850/4900 = 2"), "{table}");
}

#[test]
fn diff_csv_says_which_units_periods_and_stages_it_compares() {
    let out = parindex()
        .args([
            "diff",
            "examples/krong-no-2021.yaml",
            "examples/krong-no-2022.yaml",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .ends_with(",old_unit,old_period,old_stage,new_unit,new_period,new_stage"));
    for line in lines {
        assert!(
            line.ends_with(",UBND huyện Krông Nô,2021,final,UBND huyện Krông Nô,2022,final"),
            "{line}"
        );
    }
}

#[test]
fn json_results_are_checked_against_the_criteria_set_they_name() {
    let dir = tempfile::tempdir().unwrap();
    let grade = edited_result(dir.path(), "grade.json", |d| {
        d["total"]["grade"] = "Xuất sắc".into();
    });
    // 1.1.3 scores 0.973 of 1 for its 97.29%; raised to 1 (with its parents, so that every
    // sum still adds up) while the value stays.
    let raised = edited_result(dir.path(), "raised.json", |d| {
        for (code, score, loss, percent) in [
            ("1.1.3", "1", "0", "100.00"),
            ("1.1", "3", "0", "100.00"),
            ("1", "11", "2", "84.62"),
        ] {
            let n = d["nodes"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .find(|n| n["code"] == code)
                .unwrap();
            n["score"] = score.into();
            n["loss"] = loss.into();
            n["percent"] = percent.into();
        }
        d["total"]["score"] = "78.073".into();
        d["total"]["loss"] = "10.927".into();
        d["total"]["percent"] = "87.72".into();
    });
    let status = edited_result(dir.path(), "status.json", |d| {
        let n = d["nodes"]
            .as_array_mut()
            .unwrap()
            .iter_mut()
            .find(|n| n["code"] == "1.1.1")
            .unwrap();
        n["status"] = "na".into();
    });
    let renamed = edited_result(dir.path(), "renamed.json", |d| {
        d["criteria"] = "dak-nong-district-2023".into();
    });
    for (file, says) in [
        (
            &grade,
            "grade Xuất sắc is not what the set dak-nong-district-2022 gives",
        ),
        (&raised, "1.1.3: 1 of 1 is not what its value scores"),
        (&status, "1.1.1: status `na` is not what its value gives"),
        (&renamed, "the set dak-nong-district-2023"),
    ] {
        for args in [
            vec!["diff", file.as_str(), NEW],
            // `report` speaks Vietnamese by default, its diagnostics too.
            vec!["report", NEW, "--lang", "en", "--previous", file.as_str()],
        ] {
            let out = parindex().args(&args).output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
            assert!(out.stdout.is_empty());
            assert!(
                stderr.contains("error[E301]")
                    && stderr.contains(file.as_str())
                    && stderr.contains(says),
                "{args:?}: {stderr}"
            );
        }
    }
    // A result naming a set that cannot be found keeps the figures' checks only.
    let unknown = edited_result(dir.path(), "unknown.json", |d| {
        d["criteria"] = "somewhere-else-2022".into();
    });
    parindex().args(["diff", &unknown, NEW]).assert().success();
}

/// `report --previous` is the unit's own earlier result (the report calls it the previous
/// year): a later one is refused (E508); `diff` compares any two results and only warns.
#[test]
fn a_later_previous_result_is_refused_and_a_diff_of_two_units_warns() {
    parindex()
        .args([
            "report",
            NEW,
            "--lang",
            "en",
            "--previous",
            "examples/krong-no-2023.yaml",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "error[E508]: --previous is the result of 2023, not of a period before 2022",
        ));
    // In the report's own language by default.
    parindex()
        .args(["report", NEW, "--previous", "examples/krong-no-2023.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "lỗi[E508]: --previous là kết quả của kỳ 2023, không phải của kỳ trước kỳ 2022",
        ));
    // The right way round, no warning.
    parindex()
        .args(["report", NEW, "--previous", OLD])
        .assert()
        .success()
        .stderr("");
    parindex()
        .args(["diff", NEW, "examples/dak-nong-2022/fictional-a.yaml"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the two results are of different units, `UBND huyện Krông Nô` and `Đơn vị giả định A (hư cấu)`",
        ));
}

#[test]
fn a_result_of_a_set_kept_in_a_file_is_checked_against_it_or_said_unchecked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("set.yaml"),
        "parindex: 1\nkind: criteria\nid: r2\ntitle: R2\ngrades:\n  - { label: Tốt, min: 80 }\n  - { label: Yếu, min: 0 }\nsections:\n  - code: \"1\"\n    title: S\n    max: 2\n    items:\n      - { code: \"1.1\", title: a, max: 1, rule: yes-no }\n      - { code: \"1.2\", title: b, max: 1, rule: yes-no }\n",
    )
    .unwrap();
    let ev = d.join("2025.yaml");
    fs::write(
        &ev,
        "parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: U\nperiod: \"2025\"\nvalues:\n  \"1.1\": false\n  \"1.2\": false\n",
    )
    .unwrap();
    let json = stdout_of(&["score", ev.to_str().unwrap(), "-f", "json"]);
    let honest = d.join("2025.json");
    fs::write(&honest, &json).unwrap();
    // 1.1 scored 1 for "no", the section and total raised to match: adds up, but is not what
    // the set gives.
    let mut doc: Json = serde_json::from_str(&json).unwrap();
    for node in doc["nodes"].as_array_mut().unwrap() {
        if node["code"] == "1.1" || node["code"] == "1" {
            node["score"] = "1".into();
            let max = node["max"].as_str().unwrap().to_string();
            node["loss"] = if max == "1" { "0" } else { "1" }.into();
            node["percent"] = if max == "1" { "100.00" } else { "50.00" }.into();
        }
    }
    doc["total"]["score"] = "1".into();
    doc["total"]["loss"] = "1".into();
    doc["total"]["percent"] = "50.00".into();
    let forged = d.join("forged.json");
    fs::write(&forged, doc.to_string()).unwrap();
    for (a, b) in [(&ev, &forged), (&forged, &ev)] {
        parindex()
            .arg("diff")
            .args([a, b])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "error[E301]: 1.1: 1 of 1 is not what its value scores in the set r2",
            ));
    }
    // Two results and no set: compared, and said to be unchecked.
    parindex()
        .arg("diff")
        .args([&honest, &forged])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "names the criteria set `r2`, whose text was not found: its figures were checked for adding up",
        ));
    // Last year's edition of the set, of the same id: the honest result of it is refused as
    // scored by another text, not accused of being edited.
    let old = d.join("old");
    fs::create_dir(&old).unwrap();
    fs::write(
        old.join("set.yaml"),
        fs::read_to_string(d.join("set.yaml"))
            .unwrap()
            .replace("rule: yes-no }\n", "rule: yes-no, if_na: full }\n"),
    )
    .unwrap();
    fs::write(
        old.join("2024.yaml"),
        fs::read_to_string(&ev)
            .unwrap()
            .replace("\"2025\"", "\"2024\"")
            .replace("\"1.1\": false", "\"1.1\": n/a"),
    )
    .unwrap();
    let last = old.join("2024.json");
    fs::write(
        &last,
        stdout_of(&[
            "score",
            old.join("2024.yaml").to_str().unwrap(),
            "-f",
            "json",
        ]),
    )
    .unwrap();
    parindex()
        .arg("diff")
        .args([&last, &ev])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the result was scored by another text of the set r2",
        ))
        .stderr(predicate::str::contains("is not what its value scores").not());
}
