//! The editor schema (`parindex schema`) accepts every shipped file and rejects typical
//! mistakes, so that what an editor underlines agrees with `parindex check`.

use std::fs;
use std::path::{Path, PathBuf};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(parindex::SCHEMA).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    jsonschema::draft7::new(&schema).unwrap()
}

fn as_json(yaml: &str) -> serde_json::Value {
    let value: serde_yaml::Value = serde_yaml::from_str(yaml).unwrap();
    serde_json::to_value(value).unwrap()
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().unwrap() != "ci" {
                yaml_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

#[test]
fn schema_accepts_every_shipped_file() {
    let v = validator();
    let mut files = Vec::new();
    yaml_files(Path::new("criteria"), &mut files);
    yaml_files(Path::new("examples"), &mut files);
    files.push("tests/fixtures/small-criteria.yaml".into());
    files.push("tests/fixtures/small-evidence.yaml".into());
    assert!(files.len() >= 4);
    for file in files {
        let doc = as_json(&fs::read_to_string(&file).unwrap());
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: {}",
            file.display(),
            errors.join("; ")
        );
    }
}

#[test]
fn schema_rejects_typical_mistakes() {
    let v = validator();
    let base = fs::read_to_string("tests/fixtures/small-criteria.yaml").unwrap();
    for (what, from, to) in [
        ("a misspelt key", "    max: 4\n", "    mx: 4\n"),
        ("a code written as a number", "code: \"1.1\"", "code: 1.1"),
        ("an unknown rule", "rule: yes-no", "rule: yes-or-no"),
        (
            "a bare number where a percentage is expected",
            "full_at: \"60%\"",
            "full_at: 60",
        ),
    ] {
        let bad = base.replacen(from, to, 1);
        assert_ne!(bad, base, "{what}: replacement not applied");
        assert!(!v.is_valid(&as_json(&bad)), "schema accepted {what}");
    }
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml").unwrap();
    for (what, from, to) in [
        // Any text could be a choice leaf's label (the labels are in the set, and `check`
        // tells a misspelt one); a figure with a decimal comma is refused.
        (
            "an unreadable value",
            "\"1.3\": \"40%\"",
            "\"1.3\": \"40,5%\"",
        ),
        (
            "a list as a value",
            "\"1.3\": \"40%\"",
            "\"1.3\": [\"40%\"]",
        ),
        ("a bad code key", "\"2.2\": 1", "\"2.x\": 1"),
        ("an unknown key in the map form", "reason:", "reasn:"),
    ] {
        let bad = evidence.replacen(from, to, 1);
        assert_ne!(bad, evidence, "{what}: replacement not applied");
        assert!(!v.is_valid(&as_json(&bad)), "schema accepted {what}");
    }
}

#[test]
fn schema_knows_revision_2_forms() {
    let v = validator();
    let base = fs::read_to_string("tests/fixtures/small-criteria.yaml").unwrap();
    let with = |from: &str, to: &str| {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base, "replacement not applied: {from}");
        as_json(&text)
    };
    assert!(v.is_valid(&with("sections:\n", "if_na: full\nsections:\n")));
    assert!(v.is_valid(&with("if_na: exclude", "if_na: forbid")));
    assert!(!v.is_valid(&with("sections:\n", "if_na: always\nsections:\n")));
    // Grade bands as percent strings (revision 2).
    assert!(v.is_valid(&with("min: 80 }", "min: \"80%\" }")));
    // Lower is better: full_at below zero_at; zero_at and zero_below are one parameter.
    assert!(v.is_valid(&with(
        "zero_below: \"20%\", full_at: \"60%\"",
        "zero_at: \"10%\", full_at: \"0%\""
    )));
    assert!(!v.is_valid(&with(
        "zero_below: \"20%\"",
        "zero_at: \"20%\", zero_below: \"20%\""
    )));
    // A choice leaf's label as an evidence value.
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml").unwrap();
    let labelled = evidence.replacen("\"1.3\": \"40%\"", "\"1.3\": \"Ban hành đúng thời hạn\"", 1);
    assert_ne!(labelled, evidence);
    assert!(v.is_valid(&as_json(&labelled)));
}

#[test]
fn schema_command_prints_the_schema() {
    let out = assert_cmd::cargo::cargo_bin_cmd!("parindex")
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), parindex::SCHEMA);
}

#[test]
fn schema_knows_remediation_plans() {
    let v = validator();
    let base = fs::read_to_string("examples/krong-no-2023-remediation.yaml").unwrap();
    assert!(v.is_valid(&as_json(&base)));
    for (what, from, to) in [
        ("an unknown status", "status: not-started", "status: fixed"),
        (
            "a date written day first",
            "date: 2023-05-16",
            "date: 16/5/2023",
        ),
        ("a misspelt key", "    action: >-", "    actoin: >-"),
        ("a plan of no tasks", "total: 106", "total: 0"),
    ] {
        let bad = base.replacen(from, to, 1);
        assert_ne!(bad, base, "{what}: replacement not applied");
        assert!(!v.is_valid(&as_json(&bad)), "schema accepted {what}");
    }
}
