//! The failing-input corpus: one small file (or folder) per check code under `tests/errors/`,
//! each with the exact output of `parindex check` on it in `NAME.expected` beside it. Adding a
//! check means adding a file here.
//!
//! A file named `E205-….yaml` must report `E205` and exit 1; files named `W…` only warn and
//! exit 0. `score` reads files through the same loader, so the messages are the same there.
//!
//! To regenerate the expected texts after a deliberate change of wording:
//! `PARINDEX_BLESS=1 cargo test --test errors`, then review the diff.

use std::fs;
use std::path::{Path, PathBuf};

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new("tests/errors").join(kind);
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml") || p.is_dir())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus files in {}", dir.display());
    files
}

fn run_case(file: &Path, args: &[&str]) -> Result<(), String> {
    let output = assert_cmd::cargo::cargo_bin_cmd!("parindex")
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    // `check` prints its diagnostics on standard output (they are its result); a panic
    // message, or any other complaint, would be on standard error.
    let stdout = String::from_utf8(output.stdout).expect("diagnostics are UTF-8");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    let code = name.split('-').next().unwrap();
    let expected_path = file.with_extension("expected");
    if std::env::var_os("PARINDEX_BLESS").is_some() {
        fs::write(&expected_path, &stdout).unwrap();
    }
    let mut problems = Vec::new();
    if !stdout.contains(&format!("[{code}]")) {
        problems.push(format!("does not report {code}"));
    }
    let want_exit = if code.starts_with('W') { 0 } else { 1 };
    if output.status.code() != Some(want_exit) {
        problems.push(format!(
            "exit code {:?}, expected {want_exit}",
            output.status.code()
        ));
    }
    if stderr.contains("panicked") {
        problems.push(format!("panicked:\n{stderr}"));
    } else if !stderr.is_empty() {
        problems.push(format!("unexpected standard error:\n{stderr}"));
    }
    match fs::read_to_string(&expected_path) {
        Ok(expected) if expected == stdout => {}
        Ok(expected) => problems.push(format!(
            "stdout differs:\n--- expected\n{expected}\n--- actual\n{stdout}"
        )),
        Err(_) => problems.push(format!(
            "no {} (run with PARINDEX_BLESS=1)\n--- actual\n{stdout}",
            expected_path.display()
        )),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {}", file.display(), problems.join("; ")))
    }
}

fn check_all(kind: &str, args_for: impl Fn(&str) -> Vec<String>) {
    let failures: Vec<String> = corpus(kind)
        .iter()
        .filter_map(|file| {
            let args = args_for(&file.display().to_string());
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            run_case(file, &args).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn every_bad_criteria_file_reports_its_check() {
    check_all("criteria", |file| vec!["check".into(), file.into()]);
}

#[test]
fn every_bad_evidence_file_reports_its_check() {
    check_all("evidence", |file| vec!["check".into(), file.into()]);
}

/// A units file and the forms returned for it: each case is a folder holding `units.txt` or
/// `units.csv` and any forms, checked with `check --units`.
#[test]
fn every_bad_units_file_or_collection_reports_its_check() {
    check_all("units", |dir| {
        let units = ["units.txt", "units.csv"]
            .iter()
            .map(|n| format!("{dir}/{n}"))
            .find(|p| Path::new(p).exists())
            .unwrap_or_else(|| panic!("{dir} has no units.txt or units.csv"));
        vec!["check".into(), "--units".into(), units, dir.into()]
    });
}

#[test]
fn every_check_code_is_documented() {
    let docs = fs::read_to_string("docs/checks.md").unwrap();
    for check in parindex::diag::ALL_CHECKS {
        let heading = format!("## {} {}", check.code, check.title);
        assert!(docs.contains(&heading), "docs/checks.md lacks `{heading}`");
    }
}
