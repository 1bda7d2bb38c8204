//! The `parindex` binary run as a user runs it: the Krông Nô 2022 figures, every output
//! format, output files, exit codes.

mod common;

use assert_cmd::cargo::cargo_bin_cmd;
use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use serde_json::Value as Json;
use std::fs;
use unicode_width::UnicodeWidthStr;

fn json_of(args: &[&str]) -> Json {
    serde_json::from_str(&stdout_of(args)).unwrap()
}

/// The figures the Krông Nô report states for 2022: section scores, and each item's loss.
const SECTIONS: [(&str, &str, &str, &str); 8] = [
    ("1", "10.973", "13", "84.41"),
    ("2", "9.5", "10", "95.00"),
    ("3", "15.095", "17.5", "86.26"),
    ("4", "7.5", "7.5", "100.00"),
    ("5", "14", "15.5", "90.32"),
    ("6", "8", "8", "100.00"),
    ("7", "10.478", "15", "69.85"),
    ("8", "2.5", "2.5", "100.00"),
];

const ITEM_LOSSES: [(&str, &str); 14] = [
    ("1.1.3", "0.027"),
    ("1.6", "2"),
    ("3.4.1", "1"),
    ("3.4.4.1", "0.065"),
    ("3.4.4.2", "0.039"),
    ("3.4.5", "0.5"),
    ("3.6", "0.031"),
    ("3.7.2", "0.5"),
    ("5.7.1", "0.5"),
    ("5.7.4", "1"),
    ("7.1.3", "0.168"),
    ("7.1.4", "0.5"),
    ("7.1.6", "0.5"),
    ("7.3", "0.5"),
];

fn node<'a>(doc: &'a Json, code: &str) -> &'a Json {
    doc["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == code)
        .unwrap_or_else(|| panic!("no node {code}"))
}

#[test]
fn json_reproduces_every_figure_of_the_report() {
    let doc = json_of(&["score", EXAMPLE, "--format", "json"]);
    assert_eq!(doc["unit"], "UBND huyện Krông Nô");
    assert_eq!(doc["period"], "2022");
    assert_eq!(doc["criteria"], "dak-nong-district-2022");
    assert_eq!(doc["stage"], "final");
    assert_eq!(
        doc["total"],
        serde_json::json!({"score": "78.046", "max": "89", "percent": "87.69", "loss": "10.954", "grade": "Tốt"})
    );
    for (code, score, max, percent) in SECTIONS {
        let n = node(&doc, code);
        assert_eq!(
            (n["score"].as_str(), n["max"].as_str()),
            (Some(score), Some(max)),
            "section {code}"
        );
        assert_eq!(n["percent"], percent, "section {code}");
        assert_eq!(n["status"], "scored");
    }
    // The report prints section 7's loss as 4.513; 15 − 10.478 = 4.522, and the arithmetic wins.
    assert_eq!(node(&doc, "7")["loss"], "4.522");
    for (code, loss) in ITEM_LOSSES {
        assert_eq!(node(&doc, code)["loss"], loss, "loss of {code}");
    }
    assert_eq!(node(&doc, "1.1.3")["score"], "0.973");
    assert_eq!(node(&doc, "1.1.3")["value"], "97.29%");
    assert_eq!(node(&doc, "1.6")["appraised"], true);
    assert_eq!(node(&doc, "7.1.3")["value"], "91.6%");
}

#[test]
fn json_follows_the_contract_shape() {
    let doc = json_of(&["score", EXAMPLE, "-f", "json"]);
    let nodes = doc["nodes"].as_array().unwrap();
    // Every node of the set, in document order, every decimal a string.
    let shown = stdout_of(&["criteria", "show", "dak-nong-district-2022"]);
    let codes_in_file: Vec<String> = shown
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- code: \""))
        .map(|l| l.trim_end_matches('"').to_string())
        .collect();
    let codes: Vec<&str> = nodes.iter().map(|n| n["code"].as_str().unwrap()).collect();
    assert_eq!(codes, codes_in_file);
    for n in nodes {
        for key in ["score", "max", "loss", "percent"] {
            assert!(n[key].is_string(), "{key} of {} is not a string", n["code"]);
        }
        assert!(["scored", "missing", "na"].contains(&n["status"].as_str().unwrap()));
    }
    let meta = &doc["meta"];
    assert_eq!(meta["parindex"], env!("CARGO_PKG_VERSION"));
    assert_eq!(meta["criteria_id"], "dak-nong-district-2022");
    let sha = meta["criteria_sha256"].as_str().unwrap();
    assert!(sha.len() == 64 && sha.bytes().all(|b| b.is_ascii_hexdigit()));
    assert_eq!(meta["rounding"]["decimals"], 3);
    assert_eq!(meta["rounding"]["mode"], "half-up");
}

#[test]
fn self_stage_scores_the_units_own_values_and_skips_published_expectations() {
    let doc = json_of(&["score", EXAMPLE, "-f", "json", "--stage", "self"]);
    assert_eq!(doc["stage"], "self");
    // The unit claimed 2 recognised initiatives (1.6); the council gave 0.
    assert_eq!(node(&doc, "1.6")["score"], "2");
    assert_eq!(node(&doc, "1.6")["appraised"], false);
    assert_eq!(doc["total"]["score"], "80.046");
    assert_eq!(doc["total"]["percent"], "89.94");
}

#[test]
fn table_shows_sections_total_grade_and_losses_largest_first() {
    let out = stdout_of(&["score", EXAMPLE]);
    assert!(out.contains("Total · grade Tốt"));
    assert!(out.contains("78.046"));
    assert!(out.contains("87.69%"));
    assert!(out.contains("Points lost: 18 criteria, 10.954 points"));
    let first_loss = out
        .lines()
        .skip_while(|l| !l.starts_with("Points lost"))
        .nth(4)
        .unwrap();
    assert!(
        first_loss.contains("1.6") && first_loss.contains("0 (appraised)"),
        "{first_loss}"
    );
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
}

/// Every line of a rendered table has the same display width, Vietnamese diacritics included.
fn assert_aligned(table: &str) {
    let widths: Vec<(usize, &str)> = table
        .lines()
        .filter(|l| l.starts_with(['│', '╭', '╰', '╞', '├']))
        .map(|l| (UnicodeWidthStr::width(l), l))
        .collect();
    assert!(widths.len() > 3);
    let first = widths[0].0;
    for (w, l) in &widths {
        assert_eq!(*w, first, "misaligned line: {l}");
    }
}

#[test]
fn vietnamese_titles_align() {
    let out = stdout_of(&["score", EXAMPLE, "--all"]);
    assert_aligned(&out);
    let sections = stdout_of(&["score", EXAMPLE]);
    let first_table: String = sections.split("\n\n").next().unwrap().to_string();
    assert_aligned(&first_table);
}

#[test]
fn snapshot_table() {
    insta::assert_snapshot!(stdout_of(&["score", EXAMPLE]));
}

#[test]
fn snapshot_table_all() {
    insta::assert_snapshot!(stdout_of(&[
        "score",
        "tests/fixtures/small-evidence.yaml",
        "--all"
    ]));
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!(stdout_of(&["score", EXAMPLE, "-f", "markdown"]));
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!(stdout_of(&[
        "score",
        "tests/fixtures/small-evidence.yaml",
        "-f",
        "csv"
    ]));
}

#[test]
fn csv_has_one_row_per_node_and_quotes_commas() {
    let out = stdout_of(&["score", EXAMPLE, "-f", "csv"]);
    let json = json_of(&["score", EXAMPLE, "-f", "json"]);
    assert_eq!(
        out.lines().count(),
        1 + json["nodes"].as_array().unwrap().len()
    );
    assert!(out.starts_with(
        "code,title,depth,score,max,percent,loss,status,value,appraised,round,responsible,kind,component,unit,period,stage\n"
    ));
    assert!(out.contains(
        "\n1,\"Công tác chỉ đạo, điều hành CCHC\",0,10.973,13,84.41,2.027,scored,,,,,scored,,UBND huyện Krông Nô,2022,final\n"
    ));
}

#[test]
fn na_excluded_leaves_the_maximum_and_na_full_scores_the_max() {
    let doc = json_of(&["score", "tests/fixtures/small-evidence.yaml", "-f", "json"]);
    let excluded = node(&doc, "2.5");
    assert_eq!(
        (excluded["status"].as_str(), excluded["max"].as_str()),
        (Some("na"), Some("0"))
    );
    assert_eq!(excluded["percent"], Json::Null);
    assert_eq!(doc["total"]["max"], "9");
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string("tests/fixtures/small-evidence.yaml")
        .unwrap()
        .replace("criteria: small-criteria.yaml", "criteria: criteria.yaml")
        .replace("\"1.1\": có", "\"1.1\": \"n/a\"");
    let text = text.split("expect:").next().unwrap().to_string();
    // n/a is allowed only where the set says what it means (revision 2).
    let criteria = fs::read_to_string("tests/fixtures/small-criteria.yaml")
        .unwrap()
        .replacen(
            "        rule: yes-no\n",
            "        if_na: full\n        rule: yes-no\n",
            1,
        );
    fs::write(dir.path().join("criteria.yaml"), criteria).unwrap();
    fs::write(dir.path().join("ev.yaml"), text).unwrap();
    let doc = json_of(&[
        "score",
        dir.path().join("ev.yaml").to_str().unwrap(),
        "-f",
        "json",
    ]);
    let full = node(&doc, "1.1");
    assert_eq!(
        (
            full["status"].as_str(),
            full["score"].as_str(),
            full["max"].as_str()
        ),
        (Some("na"), Some("1"), Some("1"))
    );
}

#[test]
fn bom_and_crlf_files_score_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(EXAMPLE).unwrap().replace('\n', "\r\n");
    let path = dir.path().join("windows.yaml");
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    let a = json_of(&["score", path.to_str().unwrap(), "-f", "json"]);
    let b = json_of(&["score", EXAMPLE, "-f", "json"]);
    assert_eq!(a["total"], b["total"]);
    assert_eq!(a["nodes"], b["nodes"]);
}

#[test]
fn criteria_flag_replaces_the_named_set() {
    let doc = json_of(&[
        "score",
        "tests/fixtures/small-evidence.yaml",
        "--criteria",
        "tests/fixtures/small-criteria.yaml",
        "-f",
        "json",
    ]);
    assert_eq!(doc["criteria"], "test-small");
}

#[test]
fn output_file_is_written_whole_and_never_overwritten_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("result.json");
    let out_s = out.to_str().unwrap();
    parindex()
        .args(["score", EXAMPLE, "-f", "json", "-o", out_s])
        .assert()
        .success()
        .stdout("");
    let first = fs::read_to_string(&out).unwrap();
    assert!(serde_json::from_str::<Json>(&first).is_ok());
    fs::write(&out, "kept").unwrap();
    parindex()
        .args(["score", EXAMPLE, "-f", "json", "-o", out_s])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists; pass --force"));
    assert_eq!(fs::read_to_string(&out).unwrap(), "kept");
    parindex()
        .args(["score", EXAMPLE, "-f", "json", "-o", out_s, "--force"])
        .assert()
        .success();
    assert!(fs::read_to_string(&out).unwrap().contains("78.046"));
    // A failed run leaves no file behind.
    let bad = dir.path().join("bad.json");
    parindex()
        .args([
            "score",
            "tests/errors/evidence/E205-rate-over-100.yaml",
            "-f",
            "json",
            "-o",
            bad.to_str().unwrap(),
        ])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("error[E205]"));
    assert!(!bad.exists());
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "temporary files left: {names:?}");
}

#[test]
fn usage_errors_exit_2() {
    let usage = |args: &[&str], says: &str| {
        parindex()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(says));
    };
    usage(&["score"], "<EVIDENCE>");
    usage(&["score", EXAMPLE, "--force"], "--output");
    usage(&["score", EXAMPLE, "--format", "xml"], "'xml'");
    usage(&["frobnicate"], "'frobnicate'");
}

#[test]
fn missing_file_exits_1_naming_it() {
    parindex()
        .args(["score", "no/such/file.yaml"])
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("no/such/file.yaml").and(predicates::str::contains("E001")),
        );
}

#[test]
fn strict_turns_missing_values_into_errors() {
    let file = "tests/errors/evidence/W201-missing-values.yaml";
    parindex().args(["score", file]).assert().success();
    parindex()
        .args(["score", file, "--strict"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicates::str::contains("error[W201]"));
}

#[test]
fn failed_expectations_exit_1_after_showing_the_result() {
    parindex()
        .args([
            "score",
            "tests/errors/evidence/E212-expectation-failed.yaml",
        ])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("Total · grade Khá"))
        .stderr(predicates::str::contains(
            "total: expected 9, computed 6.906",
        ));
}

#[test]
fn criteria_list_and_show() {
    let list = stdout_of(&["criteria", "list"]);
    assert!(list.contains("dak-nong-district-2022") && list.contains("89"));
    let shown = stdout_of(&["criteria", "show", "dak-nong-district-2022"]);
    assert_eq!(
        shown,
        fs::read_to_string("criteria/dak-nong-district-2022.yaml").unwrap()
    );
    parindex()
        .args(["criteria", "show", "nowhere-1999"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("dak-nong-district-2022"));
}

#[test]
fn score_refuses_a_criteria_set_given_as_evidence() {
    parindex()
        .args(["score", "criteria/dak-nong-district-2022.yaml"])
        .assert()
        .code(1)
        .stderr(
            predicates::str::contains("E010")
                .and(predicates::str::contains("this file is a criteria set")),
        );
}

#[test]
fn check_passes_on_the_shipped_files() {
    parindex()
        .args(["check", "criteria", "examples"])
        .assert()
        .success()
        .stdout(predicates::str::contains("no problems in"));
}

#[test]
fn check_reports_every_problem_in_every_file_at_once() {
    let out = parindex()
        .args(["check", "tests/errors/evidence"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let files = fs::read_dir("tests/errors/evidence")
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "yaml")
        })
        .count();
    for entry in fs::read_dir("tests/errors/evidence").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "yaml") {
            assert!(
                stdout.contains(&path.display().to_string()),
                "{} not reported",
                path.display()
            );
        }
    }
    let summary = stdout.lines().last().unwrap();
    assert!(summary.ends_with(&format!("in {files} files")), "{summary}");
}

#[test]
fn check_json_lists_every_diagnostic_with_its_position() {
    let out = parindex()
        .args([
            "check",
            "--format",
            "json",
            "tests/errors/evidence/E205-rate-over-100.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (
            doc["files"].as_u64(),
            doc["errors"].as_u64(),
            doc["warnings"].as_u64()
        ),
        (Some(1), Some(1), Some(0))
    );
    let d = &doc["diagnostics"][0];
    assert_eq!(d["file"], "tests/errors/evidence/E205-rate-over-100.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(8), Some(10))
    );
    assert_eq!(
        (
            d["code"].as_str(),
            d["severity"].as_str(),
            d["criterion"].as_str()
        ),
        (Some("E205"), Some("error"), Some("1.2"))
    );
    assert_eq!(d["message"], "the rate 120% lies outside 0%–100%");
}

#[test]
fn check_github_prints_workflow_annotations() {
    let out = stdout_or_failure(&[
        "check",
        "--format",
        "github",
        "tests/errors/evidence/W202-appraised-without-reason.yaml",
    ]);
    assert_eq!(
        out.lines().next().unwrap(),
        "::warning file=tests/errors/evidence/W202-appraised-without-reason.yaml,line=10,col=27,title=W202 appraised value without a reason::2.1: `2.1` has an appraised value without a `reason`%0Ahelp: say why the appraisal council changed the value: `reason: \"…\"`"
    );
}

#[test]
fn check_deny_warnings_fails_on_warnings() {
    let file = "tests/errors/evidence/W201-missing-values.yaml";
    parindex().args(["check", file]).assert().success();
    parindex()
        .args(["check", "--deny-warnings", file])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error[W201]"));
}

#[test]
fn check_without_paths_checks_the_current_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    fs::write(dir.path().join("workflow.yml"), "on: push\njobs: {}\n").unwrap();
    cargo_bin_cmd!("parindex")
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .success()
        .stdout("no problems in 1 file (1 YAML file skipped: not parindex files)\n");
}

#[test]
fn check_refuses_files_over_the_size_limit_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    let mut text = String::from("parindex: 1\nkind: evidence\n# ");
    text.push_str(&"x".repeat(17 * 1024 * 1024));
    fs::write(&big, text).unwrap();
    parindex()
        .args(["check", big.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("E002").and(predicates::str::contains("16 MiB")));
    parindex()
        .args(["check", "no/such.yaml"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("E001"));
}

/// Stdout of a run that may exit 1 (findings).
fn stdout_or_failure(args: &[&str]) -> String {
    String::from_utf8(parindex().args(args).output().unwrap().stdout).unwrap()
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = stdout_of(&["completions", shell]);
        assert!(
            out.contains("parindex") && out.contains("whatif"),
            "{shell}"
        );
    }
    let man = stdout_of(&["man"]);
    assert!(man.starts_with(".ie") && man.contains(".TH parindex 1"));
    parindex()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("'tcsh'"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // The set's YAML is larger than a pipe's buffer: the writer meets a closed reader.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("parindex"))
        .args(["criteria", "show", "dak-nong-district-2022"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
}

/// `-o` over an existing file without `--force`, or over a file the run reads, is a wrong
/// command line (exit 2) in every command, as the README says; the file is left as it was.
#[test]
fn an_output_that_may_not_be_written_is_a_usage_error_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("existing.xlsx");
    fs::write(&existing, "kept").unwrap();
    let input = dir.path().join("input.yaml");
    fs::copy(EXAMPLE, &input).unwrap();
    let input_s = input.to_str().unwrap();
    let commands: [&[&str]; 4] = [
        &["score", input_s],
        &["convert", input_s],
        &["template", "dak-nong-district-2022", "--format", "xlsx"],
        &["report", input_s],
    ];
    for args in commands {
        let o = parindex()
            .args(args)
            .arg("-o")
            .arg(&existing)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(fs::read_to_string(&existing).unwrap(), "kept");
    }
    for args in [&["score", input_s][..], &["report", input_s]] {
        let o = parindex()
            .args(args)
            .args(["--force", "-o"])
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    assert_eq!(
        fs::read_to_string(&input).unwrap(),
        fs::read_to_string(EXAMPLE).unwrap()
    );
}
