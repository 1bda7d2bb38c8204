//! Reading files as a user's files come: numbers exactly as written, every spelling YAML
//! allows for `kind:`, and inputs built to exhaust memory or time refused quickly.

mod common;
#[cfg(target_os = "linux")]
#[path = "common/rusage.rs"]
mod rusage;

use common::parindex;
use std::fs;
use std::path::Path;

const CRITERIA: &str = "tests/fixtures/small-criteria.yaml";

/// An evidence file against the small test set, with `values` as given.
fn evidence(dir: &Path, name: &str, unit: &str, kind_line: &str, values: &str) -> String {
    let criteria = fs::canonicalize(CRITERIA).unwrap();
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "parindex: 1\n{kind_line}\ncriteria: {}\nunit: \"{unit}\"\nperiod: \"2025\"\nvalues:\n{values}",
            criteria.display()
        ),
    )
    .unwrap();
    path.display().to_string()
}

const ALL_VALUES: &str = "  \"1.1\": có\n  \"1.2\": \"21/32\"\n  \"1.3\": \"40%\"\n  \"2.1\": \"100%\"\n  \"2.2\": 1\n  \"2.3\": 1\n  \"2.5\": \"n/a\"\n";

#[test]
fn a_plain_number_just_above_max_is_refused_not_rounded_through_a_float() {
    let dir = tempfile::tempdir().unwrap();
    let file = evidence(
        dir.path(),
        "e.yaml",
        "U",
        "kind: evidence",
        &format!("{ALL_VALUES}  \"2.4\": 1.0000000000000000000000000001\n"),
    );
    let out = parindex().args(["score", &file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("[E210]"), "{stderr}");
    assert!(
        stderr.contains("1.0000000000000000000000000001 points exceed"),
        "{stderr}"
    );
    assert!(stderr.contains("e.yaml:14:"), "names the line: {stderr}");
}

#[test]
fn a_plain_number_just_below_a_rounding_midpoint_rounds_down() {
    let dir = tempfile::tempdir().unwrap();
    let file = evidence(
        dir.path(),
        "e.yaml",
        "U",
        "kind: evidence",
        &format!("{ALL_VALUES}  \"2.4\": 0.0004999999999999999999999999\n"),
    );
    let out = parindex()
        .args(["score", &file, "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let leaf = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["code"] == "2.4")
        .unwrap();
    assert_eq!(leaf["score"], "0");
}

#[test]
fn every_spelling_of_kind_evidence_is_ranked() {
    let dir = tempfile::tempdir().unwrap();
    let spellings = [
        "kind: evidence",
        "kind: \"evidence\"",
        "kind: 'evidence'",
        "kind: evidence\t# a tab before the comment",
        "kind: !!str evidence",
        "kind: \"evid\\u0065nce\"",
        "kind: >-\n  evidence",
    ];
    for (i, kind_line) in spellings.iter().enumerate() {
        evidence(
            dir.path(),
            &format!("u{i}.yaml"),
            &format!("Unit {i}"),
            kind_line,
            &format!("{ALL_VALUES}  \"2.4\": 0.5\n"),
        );
    }
    let out = parindex()
        .args(["rank", dir.path().to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["units"], 7, "{json}");
    assert_eq!(json["ranking"].as_array().unwrap().len(), 7, "{json}");
}

#[test]
fn a_file_of_neither_kind_in_a_ranked_folder_is_reported_not_dropped() {
    let dir = tempfile::tempdir().unwrap();
    evidence(dir.path(), "a.yaml", "A", "kind: evidence", ALL_VALUES);
    evidence(dir.path(), "b.yaml", "B", "kind: evidense", ALL_VALUES);
    let out = parindex()
        .args(["rank", dir.path().to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("b.yaml"), "{stderr}");
    assert!(stderr.contains("unknown kind `evidense`"), "{stderr}");
}

#[test]
fn a_large_anchored_reason_repeated_by_aliases_is_refused_before_it_expands() {
    let dir = tempfile::tempdir().unwrap();
    let big = "x".repeat(4 * 1024 * 1024);
    let mut values =
        format!("  \"1.1\": {{ value: có, appraised: không, reason: &r \"{big}\" }}\n");
    for code in ["1.2", "1.3", "2.1", "2.2", "2.3", "2.4"] {
        values.push_str(&format!(
            "  \"{code}\": {{ value: 1, appraised: 0, reason: *r }}\n"
        ));
    }
    let file = evidence(dir.path(), "bomb.yaml", "U", "kind: evidence", &values);
    let out = parindex().args(["check", &file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.contains("[E012]"), "{report}");
    assert!(report.contains("bomb.yaml:7:"), "{report}");
    // The 4 MiB line is not echoed back whole.
    assert!(report.len() < 10_000, "{} bytes of report", report.len());
}

/// Runs `parindex args…` to its end: its exit code, standard output and error, and its peak
/// resident memory in MiB (Linux; `None` elsewhere).
fn run_measured(args: &[&str]) -> (Option<i32>, String, String, Option<u64>) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_parindex"));
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("PARINDEX_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    #[cfg(target_os = "linux")]
    {
        let dir = tempfile::tempdir().unwrap();
        let (out, err) = (dir.path().join("out"), dir.path().join("err"));
        // Waited for by wait4, which also gives the peak memory.
        let pid = cmd
            .stdout(fs::File::create(&out).unwrap())
            .stderr(fs::File::create(&err).unwrap())
            .spawn()
            .unwrap()
            .id();
        let (_, kib, _, code) = rusage::wait(pid);
        let read = |p: &Path| String::from_utf8(fs::read(p).unwrap()).unwrap();
        (code, read(&out), read(&err), Some(kib / 1024))
    }
    #[cfg(not(target_os = "linux"))]
    {
        let out = cmd.output().unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code(), text(out.stdout), text(out.stderr), None)
    }
}

#[test]
fn a_file_of_millions_of_tiny_values_is_refused_in_bounded_memory() {
    // Two bytes a value: before the node limit, 15 MB of `[1,1,…]` took 2.1 GB and 2.7 s to
    // be told it was not a value, and a list of empty lists 2.4 GB.
    let dir = tempfile::tempdir().unwrap();
    for (name, item) in [("ones.yaml", "1,"), ("lists.yaml", "[],")] {
        let values = format!("  \"1.1\": [{}1]\n", item.repeat(15_000_000 / item.len()));
        let file = evidence(dir.path(), name, "U", "kind: evidence", &values);
        for command in ["check", "score"] {
            let (code, out, err, mib) = run_measured(&[command, &file]);
            assert_eq!(code, Some(1), "{command} {name}");
            let report = if command == "check" { out } else { err };
            assert!(
                report.contains(
                    "error[E005]: the file holds more than 1 million keys, values and lists"
                ),
                "{command} {name}: {}",
                &report[..report.len().min(2000)]
            );
            assert!(report.contains(&format!("{name}:7:")), "{command} {name}");
            // The 15 MB line is quoted around the spot, not echoed.
            assert!(
                report.len() < 5_000,
                "{command} {name}: {} bytes",
                report.len()
            );
            if let Some(mib) = mib {
                assert!(mib < 150, "{command} {name}: {mib} MiB");
            }
        }
    }
}

#[test]
fn a_million_values_just_under_the_limit_take_memory_in_proportion() {
    // Under the limit the file is read whole, and refused for what it holds; the tree of a
    // million one-digit values (strings kept inline, lists sized once) stays near 100 MiB,
    // where it took 300.
    let dir = tempfile::tempdir().unwrap();
    let values = format!("  \"1.1\":\n{}", "   - 1\n".repeat(999_000));
    let file = evidence(dir.path(), "block.yaml", "U", "kind: evidence", &values);
    let (code, _, err, mib) = run_measured(&["score", &file]);
    assert_eq!(code, Some(1));
    assert!(
        err.contains("error[E009]"),
        "{}",
        &err[..err.len().min(2000)]
    );
    if let Some(mib) = mib {
        assert!(mib < 200, "{mib} MiB");
    }
}

#[test]
fn half_a_million_problems_on_one_line_are_each_placed_without_recounting_the_line() {
    // Each unknown key's caret was placed by counting the 5 MB line's characters from its
    // start: 490,000 keys took six minutes. The line is now searched, not counted.
    let dir = tempfile::tempdir().unwrap();
    let keys: String = (0..300_000).map(|i| format!("ké{i}: 1,")).collect();
    let values = format!("  \"1.1\": {{{keys}}}\n");
    let file = evidence(dir.path(), "keys.yaml", "U", "kind: evidence", &values);
    let (code, out, _, _) = run_measured(&["check", &file]);
    assert_eq!(code, Some(1));
    // The first hundred are shown, each quoting its own part of the line (`é` is two bytes,
    // one character: the cut is by characters).
    assert_eq!(out.matches("error[E007]").count(), 100);
    assert!(
        out.contains("unknown key `ké99`"),
        "{}",
        &out[..out.len().min(3000)]
    );
    let at = out.find("unknown key `ké99`").unwrap();
    let block = &out[at..at + 800];
    assert!(block.contains("keys.yaml:7:"), "{block}");
    // The quoted part starts after a cut, and the caret stands under the key, counted in
    // characters.
    let lines: Vec<&str> = block.lines().collect();
    let quoted = lines[3].split_once("| ").unwrap().1;
    let caret = lines[4].split_once("| ").unwrap().1;
    assert!(quoted.starts_with('…'), "{block}");
    let key_at = quoted[..quoted.find("ké99:").unwrap()].chars().count();
    assert_eq!(caret.find('^').unwrap(), key_at, "{block}");
    assert!(
        out.contains("more errors in this file are not shown"),
        "{}",
        &out[out.len().saturating_sub(2000)..]
    );
}

#[test]
fn brackets_beyond_the_parsers_own_limit_fail_quickly_as_malformed_yaml() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep.yaml");
    let depth = 200_000;
    fs::write(
        &path,
        format!(
            "parindex: 1\nkind: criteria\nsections: {}",
            "[".repeat(depth)
        ),
    )
    .unwrap();
    let out = parindex()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("[E004]") || report.contains("[E005]"),
        "{report}"
    );
}

#[test]
fn every_unknown_key_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typos.yaml");
    fs::write(
        &path,
        "parindex: 1\nkind: criteria\nid: typos\ntitel: \"t\"\ntitle: \"t\"\nsections:\n  - code: \"1\"\n    title: \"a\"\n    mx: 1\n    max: 1\n    rul: yes-no\n    rule: yes-no\n    nte: \"x\"\n",
    )
    .unwrap();
    let out = parindex()
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    for key in ["titel", "mx", "rul", "nte"] {
        assert!(
            report.contains(&format!("unknown key `{key}`")),
            "{key} missing from:\n{report}"
        );
    }
    assert!(report.contains("4 errors"), "{report}");
}

#[test]
fn a_value_typed_on_the_command_line_is_read_exactly_too() {
    let out = parindex()
        .args([
            "whatif",
            "tests/fixtures/small-evidence.yaml",
            "--set",
            "2.4=1.0000000000000000000000000001",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn a_malformed_entry_does_not_hide_the_other_problems_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = evidence(
        dir.path(),
        "e.yaml",
        "U",
        "kind: evidence",
        "  \"1.1\": [có]\n  \"9.9\": 1\n  1.3: \"40%\"\n",
    );
    let out = parindex().args(["check", &file]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report = String::from_utf8(out.stdout).unwrap();
    for code in ["[E009]", "[E202]", "[E102]"] {
        assert!(report.contains(code), "{code} missing from:\n{report}");
    }
}

#[test]
fn a_code_given_twice_is_refused_in_small_and_large_tables() {
    let dir = tempfile::tempdir().unwrap();
    // A small mapping: YAML's own rule, at the second key.
    let small = evidence(
        dir.path(),
        "small.yaml",
        "U",
        "kind: evidence",
        "  \"1.1\": có\n  \"1.1\": không\n",
    );
    let out = parindex().args(["check", &small]).output().unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(report.contains("key `1.1` appears twice"), "{report}");
    // A table of codes past the small size: refused by the binder, naming the criterion.
    let mut values = String::new();
    for i in 0..40 {
        values.push_str(&format!("  \"1.{}\": 1\n", 100 + i));
    }
    values.push_str("  \"1.1\": có\n  \"1.1\": không\n");
    let large = evidence(dir.path(), "large.yaml", "U", "kind: evidence", &values);
    let out = parindex().args(["check", &large]).output().unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        report.contains("[E103]") && report.contains("`1.1` has two values"),
        "{report}"
    );
}

/// A file is read whole whatever its size, around the sizes where one read could stop short
/// (a page, the usual buffer): the value written last, after padding, is still scored.
#[test]
fn a_file_is_read_whole_at_every_size() {
    let dir = tempfile::tempdir().unwrap();
    let plain = evidence(
        dir.path(),
        "plain.yaml",
        "U",
        "kind: evidence",
        &format!("{ALL_VALUES}  \"2.4\": 0.5\n"),
    );
    let total = |file: &str| {
        let out = parindex()
            .args(["score", file, "--format", "json"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        doc["total"]["score"].clone()
    };
    let expected = total(&plain);
    assert!(expected.is_string(), "{expected}");
    let text = fs::read_to_string(&plain).unwrap();
    let (head, last) = text.split_at(text.find("  \"2.4\"").unwrap());
    for size in [4095, 4096, 4097, 65535, 65536, 65537] {
        // A comment line pads the file to `size` bytes, before the last value.
        let pad = size - text.len() - 3;
        let padded = format!("{head}# {}\n{last}", "x".repeat(pad));
        assert_eq!(padded.len(), size);
        let path = dir.path().join(format!("e{size}.yaml"));
        fs::write(&path, padded).unwrap();
        assert_eq!(total(path.to_str().unwrap()), expected, "{size} bytes");
    }
}
