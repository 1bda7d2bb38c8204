//! Trust: `criteria:` can name any path, and what it names must never reach the output unless
//! it is a criteria set. An evidence file in a pull request that names `../secret/.env`,
//! `/etc/passwd` or `/proc/self/environ` gets an error naming the file, never its lines (in CI
//! they would be published as GitHub annotations). Folders, FIFOs and devices are refused
//! unopened; a line of megabytes is quoted by a window around the spot.

mod common;

use common::parindex;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

const CRITERIA: &str = "tests/fixtures/small-criteria.yaml";

/// The secret every leak test plants: distinctive pieces, none of which parindex would write
/// on its own.
const SECRET_LINES: [&str; 3] = [
    "API_KEY=sk-live-4f7Qz9XvB2mK8pLw",
    "DB_PASSWORD=Hunter2-Correct-Horse",
    "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMIK7MDENGbPxRfiCY",
];

/// An evidence file `name` in `dir` whose `criteria:` is `criteria`.
fn evidence_naming(dir: &Path, name: &str, criteria: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(
        &path,
        format!(
            "parindex: 1\nkind: evidence\ncriteria: {criteria}\nunit: \"U\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": có\n"
        ),
    )
    .unwrap();
    path
}

/// Runs parindex with a watchdog: a regression that opens a FIFO and waits fails the test
/// instead of blocking the run. Nothing here measures speed.
fn run(args: &[&OsStr], env: Option<(&str, &str)>) -> (Option<i32>, String) {
    let mut cmd = parindex();
    cmd.args(args).timeout(std::time::Duration::from_secs(120));
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    let out = cmd
        .output()
        .expect("parindex finished (a hang was killed by the watchdog)");
    (
        out.status.code(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

/// Every command and output format an evidence file reaches: score, check and rank, in the
/// human, JSON and GitHub forms each has.
fn every_way(evidence: &Path) -> Vec<Vec<&OsStr>> {
    let e = evidence.as_os_str();
    let s = |x: &'static str| OsStr::new(x);
    vec![
        vec![s("score"), e],
        vec![s("score"), e, s("-f"), s("json")],
        vec![s("check"), e],
        vec![s("check"), e, s("--format"), s("json")],
        vec![s("check"), e, s("--format"), s("github")],
        vec![s("rank"), e],
        vec![s("rank"), e, s("-f"), s("json")],
    ]
}

/// Fails when any 6 characters in a row of `secret` appear in `output`: not one piece of it
/// may be shown, however it is cut or quoted.
fn assert_no_piece_of(secret: &str, output: &str, what: &str) {
    let chars: Vec<char> = secret.chars().collect();
    for w in chars.windows(6) {
        let piece: String = w.iter().collect();
        assert!(
            !output.contains(&piece),
            "{what}: `{piece}` of the secret was printed:\n{output}"
        );
    }
}

#[test]
fn a_criteria_file_that_is_not_a_criteria_set_is_named_but_never_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret");
    fs::create_dir(&secret).unwrap();
    let env_text = format!("{}\n", SECRET_LINES.join("\n"));
    // A `.env` (one YAML text), a YAML mapping of secrets without a parindex header, a file
    // that does not read as YAML, and a list.
    let files = [
        (".env", env_text.clone()),
        (
            "secrets.yaml",
            SECRET_LINES
                .iter()
                .map(|l| l.replacen('=', ": ", 1) + "\n")
                .collect(),
        ),
        (
            "broken.env",
            format!("{env_text}QUOTED=\"{}\n  x: [\n", SECRET_LINES[0]),
        ),
        (
            "list.yaml",
            SECRET_LINES.iter().map(|l| format!("- {l}\n")).collect(),
        ),
    ];
    let ev = dir.path().join("ev");
    fs::create_dir(&ev).unwrap();
    for (name, text) in &files {
        fs::write(secret.join(name), text).unwrap();
        // Named relative to the evidence file (through `..`) and by its absolute path.
        let absolute = secret.join(name).display().to_string();
        for (i, reference) in [format!("../secret/{name}"), absolute].iter().enumerate() {
            let evidence = evidence_naming(&ev, &format!("e{i}.yaml"), reference);
            for args in every_way(&evidence) {
                let (code, output) = run(&args, None);
                let what = format!("{args:?} with criteria: {reference}");
                assert_eq!(code, Some(1), "{what}: {output}");
                assert!(output.contains(name), "{what}: names the file: {output}");
                assert!(
                    output.contains("not a criteria set"),
                    "{what}: says what it is not: {output}"
                );
                assert!(
                    output.contains(&format!("e{i}.yaml")),
                    "{what}: names the evidence file: {output}"
                );
                for line in SECRET_LINES {
                    assert_no_piece_of(line, &output, &what);
                }
            }
        }
        // Named on the command line, it is not quoted either.
        let direct = secret.join(name);
        for args in every_way(&direct) {
            let (code, output) = run(&args, None);
            let what = format!("{args:?}");
            assert_eq!(code, Some(1), "{what}: {output}");
            assert!(output.contains(name), "{what}: names the file: {output}");
            for line in SECRET_LINES {
                assert_no_piece_of(line, &output, &what);
            }
        }
    }
}

#[test]
fn a_criteria_set_file_that_is_one_is_still_quoted_where_it_is_wrong() {
    // The protection does not hide a real criteria set's own problems.
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(CRITERIA)
        .unwrap()
        .replace("total: 10", "total: 11");
    fs::write(dir.path().join("set.yaml"), text).unwrap();
    let evidence = evidence_naming(dir.path(), "e.yaml", "set.yaml");
    let (code, output) = run(&[OsStr::new("score"), evidence.as_os_str()], None);
    assert_eq!(code, Some(1), "{output}");
    assert!(output.contains("[E107]"), "{output}");
    assert!(output.contains("| total: 11"), "quotes the line: {output}");
}

#[cfg(unix)]
#[test]
fn a_fifo_a_folder_or_a_device_as_criteria_is_refused_unopened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("set.yaml");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    fs::create_dir(dir.path().join("sets")).unwrap();
    for (reference, what) in [
        ("set.yaml", "a FIFO"),
        ("sets", "a folder"),
        ("/dev/zero", "a device"),
    ] {
        let evidence = evidence_naming(dir.path(), "e.yaml", reference);
        for args in every_way(&evidence) {
            let (code, output) = run(&args, None);
            let ctx = format!("{args:?} with criteria: {reference}");
            assert_eq!(code, Some(1), "{ctx}: {output}");
            assert!(output.contains("E201"), "{ctx}: {output}");
            assert!(output.contains(what), "{ctx}: says what it is: {output}");
            assert!(output.contains("not a regular file"), "{ctx}: {output}");
            assert!(output.contains(reference), "{ctx}: {output}");
            // Placed at the evidence file's `criteria:` line.
            assert!(
                output.contains("e.yaml:3:")
                    || output.contains("line=3,")
                    || output.contains("\"line\": 3,"),
                "{ctx}: {output}"
            );
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn proc_self_environ_as_criteria_is_refused_and_the_environment_never_printed() {
    const MARKER: &str = "Zq7731Kx9vQ2mPw8Lr4T";
    let dir = tempfile::tempdir().unwrap();
    // Named directly, and through a link whose name says nothing.
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("set.yaml")).unwrap();
    for reference in ["/proc/self/environ", "set.yaml", "/proc/self/status"] {
        let evidence = evidence_naming(dir.path(), "e.yaml", reference);
        for args in every_way(&evidence) {
            let (code, output) = run(&args, Some(("PARINDEX_TEST_SECRET", MARKER)));
            let ctx = format!("{args:?} with criteria: {reference}");
            assert_eq!(code, Some(1), "{ctx}: {output}");
            assert!(output.contains("system file"), "{ctx}: {output}");
            assert!(output.contains(reference), "{ctx}: {output}");
            assert_no_piece_of(MARKER, &output, &ctx);
            assert!(!output.contains("PARINDEX_TEST_SECRET"), "{ctx}: {output}");
            assert!(!output.contains("PATH="), "{ctx}: {output}");
        }
    }
    // Named on the command line: refused too (its size reads 0, yet it holds data).
    for args in every_way(Path::new("/proc/self/environ")) {
        let (code, output) = run(&args, Some(("PARINDEX_TEST_SECRET", MARKER)));
        assert_eq!(code, Some(1), "{args:?}: {output}");
        assert!(output.contains("system file"), "{args:?}: {output}");
        assert_no_piece_of(MARKER, &output, &format!("{args:?}"));
    }
}

#[test]
fn a_megabyte_line_is_quoted_by_a_window_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let criteria = fs::canonicalize(CRITERIA).unwrap().display().to_string();
    let big = "x".repeat(1_000_000);
    let head = format!(
        "parindex: 1\nkind: evidence\ncriteria: {criteria}\nunit: \"U\"\nperiod: \"2025\"\n"
    );
    let cases = [
        // A quoted text never closed: a YAML error at the end of a 1 MB line.
        (
            "syntax.yaml",
            format!("{head}values:\n  \"1.1\": \"{big}\n"),
        ),
        // A 1 MB key that does not read as one.
        (
            "key.yaml",
            format!("{head}{big}: 1\nvalues:\n  \"1.1\": có\n"),
        ),
        // A 1 MB value, quoted in the message itself.
        (
            "value.yaml",
            format!("{head}values:\n  \"1.1\": \"{big}\"\n"),
        ),
    ];
    for (name, text) in &cases {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        for args in every_way(&path) {
            let (code, output) = run(&args, None);
            let ctx = format!("{args:?}");
            assert_eq!(
                code,
                Some(1),
                "{ctx}: {}",
                &output[..output.len().min(2000)]
            );
            assert!(output.contains(name), "{ctx}: names the file");
            assert!(
                output.len() < 8_000,
                "{ctx}: {} bytes of output for a 1 MB line",
                output.len()
            );
            assert!(
                !output.contains(&"x".repeat(300)),
                "{ctx}: a long run echoed"
            );
        }
    }
}

#[test]
fn strict_reports_missing_values_once_as_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let criteria = fs::canonicalize(CRITERIA).unwrap().display().to_string();
    let only_one = evidence_naming(dir.path(), "e.yaml", &criteria);
    // With another error beside it, too.
    let with_error = dir.path().join("e2.yaml");
    fs::write(
        &with_error,
        fs::read_to_string(&only_one).unwrap() + "  \"1.3\": \"140%\"\n",
    )
    .unwrap();
    for path in [&only_one, &with_error] {
        for format in ["table", "json", "csv", "markdown"] {
            let out = parindex()
                .args([OsStr::new("score"), path.as_os_str()])
                .args(["--strict", "-f", format])
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let ctx = format!("{} -f {format}", path.display());
            assert_eq!(out.status.code(), Some(1), "{ctx}: {stderr}");
            assert!(out.stdout.is_empty(), "{ctx}: no result under --strict");
            assert_eq!(stderr.matches("W201").count(), 1, "{ctx}: {stderr}");
            assert_eq!(stderr.matches("error[W201]").count(), 1, "{ctx}: {stderr}");
            assert!(!stderr.contains("warning[W201]"), "{ctx}: {stderr}");
        }
    }
    // Without --strict it stays a warning, printed once, and the result is written.
    let out = parindex()
        .args([OsStr::new("score"), only_one.as_os_str()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr.matches("warning[W201]").count(), 1, "{stderr}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_secret_named_as_a_result_or_a_code_map_is_not_quoted_either() {
    let dir = tempfile::tempdir().unwrap();
    let env = dir.path().join(".env");
    fs::write(&env, format!("{}\n", SECRET_LINES.join("\n"))).unwrap();
    let env = env.as_os_str();
    let s = OsStr::new;
    let (old, new) = (
        s("examples/krong-no-2021.yaml"),
        s("examples/krong-no-2022.yaml"),
    );
    for args in [
        vec![s("diff"), env, new],
        vec![s("diff"), old, new, s("--map"), env],
        vec![s("report"), new, s("--previous"), env],
    ] {
        let (code, output) = run(&args, None);
        let what = format!("{args:?}");
        assert_eq!(code, Some(1), "{what}: {output}");
        assert!(output.contains(".env"), "{what}: names the file: {output}");
        for line in SECRET_LINES {
            assert_no_piece_of(line, &output, &what);
        }
    }
}

#[test]
fn a_settings_file_given_as_a_code_map_or_a_table_is_named_not_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("secrets.yaml");
    fs::write(
        &yaml,
        "api_key: SUPERSECRET123\npassword: Hunter2-Correct-Horse\n",
    )
    .unwrap();
    let env = dir.path().join(".env");
    fs::write(&env, format!("{}\n", SECRET_LINES.join("\n"))).unwrap();
    for args in [
        vec![
            OsStr::new("diff"),
            OsStr::new("examples/krong-no-2021.yaml"),
            OsStr::new("examples/krong-no-2022.yaml"),
            OsStr::new("--map"),
            yaml.as_os_str(),
        ],
        vec![
            OsStr::new("criteria"),
            OsStr::new("import"),
            env.as_os_str(),
        ],
        vec![
            OsStr::new("criteria"),
            OsStr::new("import"),
            yaml.as_os_str(),
        ],
    ] {
        let (code, out) = run(&args, None);
        assert_eq!(code, Some(1), "{args:?}: {out}");
        for secret in ["SUPERSECRET123", "Hunter2", "sk-live", "api_key", "API_KEY"] {
            assert!(!out.contains(secret), "{args:?} printed {secret}:\n{out}");
        }
    }
}

#[test]
fn invisible_and_bidirectional_characters_are_refused_in_names() {
    let dir = tempfile::tempdir().unwrap();
    let criteria = fs::canonicalize(CRITERIA).unwrap();
    for (i, c) in [
        "\\u200F",
        "\\u061C",
        "\\u200B",
        "\\uFEFF",
        "\\u2028",
        "\\U000E0041",
    ]
    .iter()
    .enumerate()
    {
        let path = dir.path().join(format!("e{i}.yaml"));
        fs::write(
            &path,
            format!(
                "parindex: 1\nkind: evidence\ncriteria: {}\nunit: \"UBND xã A{c}\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": có\n",
                criteria.display()
            ),
        )
        .unwrap();
        let (code, out) = run(&[OsStr::new("check"), path.as_os_str()], None);
        assert_eq!(code, Some(1), "{c}: {out}");
        assert!(out.contains("[E014]"), "{c}: {out}");
    }
}

#[test]
fn unit_names_that_read_the_same_are_one_unit_in_a_ranking() {
    let dir = tempfile::tempdir().unwrap();
    let criteria = fs::canonicalize(CRITERIA).unwrap();
    // Composed and decomposed accents, case and spaces.
    for (i, unit) in ["UBND xã Hòa", "UBND xã Ho\u{300}a", "ubnd  xã hòa "]
        .iter()
        .enumerate()
    {
        fs::write(
            dir.path().join(format!("u{i}.yaml")),
            format!(
                "parindex: 1\nkind: evidence\ncriteria: {}\nunit: \"{unit}\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": có\n",
                criteria.display()
            ),
        )
        .unwrap();
    }
    let (code, out) = run(&[OsStr::new("rank"), dir.path().as_os_str()], None);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("[E215]") && out.contains("in 3 files"),
        "{out}"
    );
}

/// A criteria set whose maxima overflow an exact decimal is refused, not passed because the
/// sum that would have been checked could not be made.
#[test]
fn maxima_that_overflow_a_decimal_are_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let big = "50000000000000000000000000000";
    let leaf = |code: &str| {
        format!("      - {{ code: \"{code}\", title: \"Lá {code}\", max: {big}, rule: yes-no }}\n")
    };
    let total = dir.path().join("total.yaml");
    fs::write(
        &total,
        format!(
            "parindex: 1\nkind: criteria\nid: t\ntitle: T\ntotal: 1\nsections:\n  - code: \"1\"\n    title: A\n    max: {big}\n    items:\n{}  - code: \"2\"\n    title: B\n    max: {big}\n    items:\n{}",
            leaf("1.1"),
            leaf("2.1")
        ),
    )
    .unwrap();
    let parent = dir.path().join("parent.yaml");
    fs::write(
        &parent,
        format!(
            "parindex: 1\nkind: criteria\nid: t\ntitle: T\nsections:\n  - code: \"1\"\n    title: A\n    max: 1\n    items:\n{}{}",
            leaf("1.1"),
            leaf("1.2")
        ),
    )
    .unwrap();
    for (file, code) in [(&total, "E107"), (&parent, "E106")] {
        let out = parindex().arg("check").arg(file).output().unwrap();
        // `check` reports on standard output.
        let stderr = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("error[{code}]"))
                && stderr.contains("add up to more than an exact decimal can hold"),
            "{stderr}"
        );
    }
}
