//! Trust: no silent wrong answer, no leak, no hang. Closed pipes, output files that are links,
//! devices or private, folders with FIFOs and link loops, formula and HTML injection,
//! duplicates in a ranking, and reproducible workbooks.

mod common;

use common::{parindex, EXAMPLE};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The example with a 70,000-character unit name and reason: every command's output on it is
/// larger than a pipe's 64 KiB buffer.
fn big_evidence(dir: &Path) -> PathBuf {
    let text = fs::read_to_string(EXAMPLE).unwrap();
    let text = text
        .replace(
            "unit: \"UBND huyện Krông Nô\"",
            &format!("unit: \"{}\"", "X".repeat(70_000)),
        )
        .replace(
            "reason: \"Các sáng",
            &format!("reason: \"{}Các sáng", "Y".repeat(70_000)),
        );
    let path = dir.join("big.yaml");
    fs::write(&path, text).unwrap();
    path
}

/// Runs parindex with its standard output a pipe whose reader has already gone.
fn closed_pipe(args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parindex"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn every_command_ends_quietly_when_the_reader_has_gone() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_evidence(dir.path());
    let big = big.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["score", big],
        vec!["score", big, "--all", "-f", "markdown"],
        vec!["score", big, "-f", "json"],
        vec!["score", big, "-f", "csv"],
        vec!["rank", big],
        vec!["losses", big],
        vec!["diff", "examples/krong-no-2021.yaml", big],
        vec!["report", big],
        vec!["explain", big, "1.6"],
        vec!["whatif", big, "--set", "1.6=2"],
        vec!["check", "tests/errors/evidence"],
        vec!["template", "dak-nong-district-2022"],
        vec!["criteria", "show", "dak-nong-district-2022"],
        vec!["criteria", "list"],
        vec!["schema"],
        vec!["man"],
        vec!["completions", "bash"],
        vec!["completions", "zsh"],
        vec!["completions", "fish"],
    ];
    let mut failures = Vec::new();
    for args in &commands {
        let out = closed_pipe(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(0)
            || stderr.contains("Broken pipe")
            || stderr.contains("panicked")
        {
            failures.push(format!(
                "parindex {}: exit {:?}: {stderr}",
                args.join(" ").chars().take(80).collect::<String>(),
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
