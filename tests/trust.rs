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

/// `parindex score EXAMPLE -f csv -o PATH --force`, which must succeed.
fn score_to(path: &Path) {
    let out = parindex()
        .args(["score", EXAMPLE, "-f", "csv", "--force", "-o"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn example_csv() -> String {
    common::stdout_of(&["score", EXAMPLE, "-f", "csv"])
}

#[cfg(unix)]
#[test]
fn force_writes_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.csv");
    fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    score_to(&link);
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_link(&link).unwrap(), Path::new("real.csv"));
    assert_eq!(fs::read_to_string(&real).unwrap(), example_csv());
    // Nothing else is left in the folder: no temporary file.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[cfg(unix)]
#[test]
fn force_through_a_link_into_another_folder_writes_the_temporary_file_there() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::create_dir(dir.path().join("b")).unwrap();
    // A dangling link: the file it names is created, and the link stays.
    std::os::unix::fs::symlink("../b/out.csv", dir.path().join("a/out.csv")).unwrap();
    score_to(&dir.path().join("a/out.csv"));
    assert!(fs::symlink_metadata(dir.path().join("a/out.csv"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        fs::read_to_string(dir.path().join("b/out.csv")).unwrap(),
        example_csv()
    );
    assert_eq!(fs::read_dir(dir.path().join("b")).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn force_keeps_a_private_files_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("private.csv");
    fs::write(&path, "old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    score_to(&path);
    assert_eq!(
        fs::metadata(&path).unwrap().permissions().mode() & 0o7777,
        0o600
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), example_csv());
}

#[cfg(unix)]
#[test]
fn force_writes_into_a_fifo_rather_than_replacing_it() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.csv");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opened for reading and writing, the FIFO does not wait for a writer, and parindex's
    // open for writing finds a reader. The CSV is smaller than the pipe's buffer.
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    score_to(&fifo);
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "the FIFO was replaced"
    );
    let want = example_csv();
    let mut got = vec![0; want.len()];
    reader.read_exact(&mut got).unwrap();
    assert_eq!(String::from_utf8(got).unwrap(), want);
}

#[test]
fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.xlsx");
    fs::write(&path, "old").unwrap();
    // An evidence file that does not load: nothing is written.
    let bad = dir.path().join("bad.yaml");
    fs::write(&bad, "parindex: 1\nkind: evidence\n").unwrap();
    let out = parindex()
        .args(["score", "-f", "xlsx", "--force", "-o"])
        .arg(&path)
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// Runs parindex with a watchdog: a regression that hangs (reading a FIFO, walking a link
/// loop) fails the test instead of blocking the test run. Nothing here measures speed; the
/// commands take milliseconds.
fn watched(args: &[&std::ffi::OsStr]) -> std::process::Output {
    parindex()
        .args(args)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("parindex finished (a hang was killed by the watchdog)")
}

fn os<'a>(items: &'a [&'a dyn AsRef<std::ffi::OsStr>]) -> Vec<&'a std::ffi::OsStr> {
    items.iter().map(|s| s.as_ref()).collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
}

#[cfg(unix)]
#[test]
fn a_fifo_named_yaml_in_a_folder_is_reported_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(EXAMPLE, dir.path().join("krong-no.yaml")).unwrap();
    mkfifo(&dir.path().join("pipe.yaml"));
    let d = dir.path();
    for args in [
        os(&[&"check", &d]),
        os(&[&"rank", &d]),
        os(&[&"rank", &"--keep-going", &d]),
    ] {
        let out = watched(&args);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("pipe.yaml"), "{args:?}: {all}");
        assert!(all.contains("FIFO"), "{args:?}: {all}");
        if args.contains(&std::ffi::OsStr::new("--keep-going")) {
            assert_eq!(out.status.code(), Some(0), "{args:?}: {all}");
            assert!(all.contains("Krông Nô"), "{all}");
        } else {
            assert_eq!(out.status.code(), Some(1), "{args:?}: {all}");
        }
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_directly_is_refused_not_opened() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.yaml");
    mkfifo(&fifo);
    for cmd in ["score", "check", "rank", "losses"] {
        let out = watched(&os(&[&cmd, &fifo]));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{cmd}: {stdout}{stderr}");
        assert!(
            format!("{stdout}{stderr}").contains("not a regular file"),
            "{cmd}: {stdout}{stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn link_loops_are_walked_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(EXAMPLE, d.join("krong-no.yaml")).unwrap();
    // Two links to the folder itself: each level doubles the paths, so following them
    // blindly never ends; one alone lists the same file forty times over.
    std::os::unix::fs::symlink(".", d.join("again")).unwrap();
    std::os::unix::fs::symlink(".", d.join("more")).unwrap();
    // And two folders linking to each other.
    fs::create_dir_all(d.join("x")).unwrap();
    fs::create_dir_all(d.join("y")).unwrap();
    std::os::unix::fs::symlink("../y", d.join("x/to-y")).unwrap();
    std::os::unix::fs::symlink("../x", d.join("y/to-x")).unwrap();
    let out = watched(&os(&[&"rank", &"-f", &"csv", &d]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout.matches("Krông Nô").count(), 1, "{stdout}");
    let out = watched(&os(&[&"check", &d]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("in 1 file"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn one_link_to_its_own_folder_lists_each_unit_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::copy(EXAMPLE, d.join("krong-no.yaml")).unwrap();
    std::os::unix::fs::symlink(".", d.join("self")).unwrap();
    let out = watched(&os(&[&"rank", &"-f", &"csv", &d]));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("Krông Nô").count(), 1, "{stdout}");
}

#[test]
fn check_fails_on_an_empty_yaml_file_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(EXAMPLE, dir.path().join("krong-no.yaml")).unwrap();
    fs::write(dir.path().join("lost.yaml"), "").unwrap();
    for deny in [false, true] {
        let mut cmd = parindex();
        cmd.arg("check");
        if deny {
            cmd.arg("--deny-warnings");
        }
        let out = cmd.arg(dir.path()).output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{stdout}");
        assert!(
            stdout.contains("error[E011]: the file is empty"),
            "{stdout}"
        );
        assert!(stdout.contains("lost.yaml"), "{stdout}");
    }
}

#[test]
fn check_fails_when_there_is_nothing_to_check() {
    let empty = tempfile::tempdir().unwrap();
    let others = tempfile::tempdir().unwrap();
    fs::write(others.path().join("workflow.yml"), "on: push\n").unwrap();
    for dir in [empty.path(), others.path()] {
        for deny in [false, true] {
            let mut cmd = parindex();
            cmd.arg("check");
            if deny {
                cmd.arg("--deny-warnings");
            }
            let out = cmd.arg(dir).output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{stdout}");
            assert!(
                stdout.contains("error[E013]: no criteria set or evidence file found to check"),
                "{stdout}"
            );
        }
    }
}

/// A criteria set and two evidence files whose every text field is a spreadsheet formula.
fn formula_fixture(dir: &Path) -> (PathBuf, PathBuf) {
    let criteria = fs::read_to_string("tests/fixtures/small-criteria.yaml")
        .unwrap()
        .replace(
            "title: \"Ban hành kế hoạch\"",
            "title: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"",
        )
        .replace("title: \"Thủ tục hành chính\"", "title: \"@SUM(A1:A9)\"")
        .replace(
            "responsible: \"Phòng Nội vụ\"",
            "responsible: \"+Phòng Nội vụ\"",
        )
        .replace("\"Văn phòng\"", "\"-1+Văn phòng\"");
    fs::write(dir.join("small-criteria.yaml"), criteria).unwrap();
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml")
        .unwrap()
        .replace(
            "unit: \"Đơn vị thử nghiệm\"",
            "unit: \"=cmd|' /C calc'!A0\"",
        )
        .replace("reason: \"Có hồ sơ trễ hạn\"", "reason: \"\\tbad\"")
        .replace("\"1.1\": có", "\"1.1\": không")
        .replace("expect:", "unused:");
    let evidence: String = evidence
        .lines()
        .take_while(|l| !l.starts_with("unused:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let new = dir.join("new.yaml");
    fs::write(&new, &evidence).unwrap();
    let old = dir.join("old.yaml");
    fs::write(&old, evidence.replace("\"1.1\": không", "\"1.1\": có")).unwrap();
    (old, new)
}

/// The cells of a CSV text (RFC 4180 quoting).
fn csv_cells(text: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted, mut chars) =
        (Vec::new(), String::new(), false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',' | '\n', false) => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    cells
}

#[test]
fn csv_text_cells_cannot_be_taken_for_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = formula_fixture(dir.path());
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    for args in [
        vec!["score", new, "-f", "csv"],
        vec!["losses", new, "-f", "csv"],
        vec!["rank", new, "-f", "csv"],
        vec!["diff", old, new, "-f", "csv"],
    ] {
        let out = common::stdout_of(&args);
        let cells = csv_cells(&out);
        for bad in ["=HYPERLINK(", "@SUM(", "+Phòng", "-1+Văn", "=cmd|", "\tbad"] {
            let neutral = format!("'{bad}");
            let all: Vec<&String> = cells.iter().filter(|c| c.contains(bad)).collect();
            // The score table lists every title; losses and rank only some.
            assert!(
                all.iter().all(|c| c.starts_with(&neutral)),
                "{args:?}: {all:?}"
            );
        }
        for c in &cells {
            if c.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                assert!(
                    c.parse::<f64>().is_ok(),
                    "{args:?}: a cell could run as a formula: {c:?}"
                );
            }
        }
    }
    // Numbers stay numbers: the diff's negative change.
    let diff = common::stdout_of(&["diff", old, new, "-f", "csv"]);
    assert!(csv_cells(&diff).iter().any(|c| c == "-1"), "{diff}");
}

/// One part of an xlsx (zip) file, as text.
fn xlsx_part(path: &Path, part: &str) -> String {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name(part).unwrap(), &mut text).unwrap();
    text
}

/// Every part of an xlsx file whose name starts with `prefix`, as text.
fn xlsx_parts(path: &Path, prefix: &str) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let names: Vec<String> = archive
        .file_names()
        .filter(|n| n.starts_with(prefix))
        .map(String::from)
        .collect();
    names
        .into_iter()
        .map(|n| {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut archive.by_name(&n).unwrap(), &mut text).unwrap();
            (n, text)
        })
        .collect()
}

#[test]
fn xlsx_text_cells_are_strings_not_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = formula_fixture(dir.path());
    for (name, args) in [
        ("score.xlsx", vec![new.clone()]),
        ("losses.xlsx", vec![new.clone()]),
        ("rank.xlsx", vec![new.clone()]),
        ("diff.xlsx", vec![old.clone(), new.clone()]),
    ] {
        let path = dir.path().join(name);
        let out = parindex()
            .arg(name.trim_end_matches(".xlsx"))
            .args(&args)
            .args(["-f", "xlsx", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        for (part, xml) in xlsx_parts(&path, "xl/worksheets/sheet") {
            assert!(!xml.contains("<f>"), "{name} {part} holds a formula");
        }
        let strings = xlsx_part(&path, "xl/sharedStrings.xml");
        assert!(
            strings.contains("=HYPERLINK(") || strings.contains("=cmd|"),
            "{name}: {strings}"
        );
    }
}

/// A criteria set and two evidence files whose texts are HTML and links a Markdown viewer
/// would run or follow.
fn html_fixture(dir: &Path) -> (PathBuf, PathBuf) {
    let criteria = fs::read_to_string("tests/fixtures/small-criteria.yaml")
        .unwrap()
        .replace(
            "title: \"Ban hành kế hoạch\"",
            "title: \"[click](javascript:alert(1))\"",
        )
        .replace(
            "title: \"Thủ tục hành chính\"",
            "title: \"<img src=x onerror=alert(2)>\"",
        )
        .replace(
            "responsible: \"Phòng Nội vụ\"",
            "responsible: \"<javascript:alert(3)>\"",
        )
        .replace("\"Văn phòng\"", "\"![x](javascript:alert(4))\"");
    fs::write(dir.join("small-criteria.yaml"), criteria).unwrap();
    let evidence = fs::read_to_string("tests/fixtures/small-evidence.yaml")
        .unwrap()
        .replace(
            "unit: \"Đơn vị thử nghiệm\"",
            "unit: \"<script>alert(5)</script>\"",
        )
        .replace(
            "reason: \"Có hồ sơ trễ hạn\"",
            "reason: \"<img src=x onerror=alert(6)>\"",
        )
        .replace("\"1.1\": có", "\"1.1\": không");
    let evidence: String = evidence
        .lines()
        .take_while(|l| !l.starts_with("expect:"))
        .map(|l| format!("{l}\n"))
        .collect();
    let new = dir.join("new.yaml");
    fs::write(&new, &evidence).unwrap();
    let old = dir.join("old.yaml");
    fs::write(&old, evidence.replace("\"1.1\": không", "\"1.1\": có")).unwrap();
    (old, new)
}

#[test]
fn markdown_escapes_html_and_links_in_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = html_fixture(dir.path());
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    for args in [
        vec!["score", new, "-f", "markdown"],
        vec!["score", new, "-f", "markdown", "--all"],
        vec!["losses", new, "-f", "markdown"],
        vec!["losses", new, "-f", "markdown", "--by", "responsible"],
        vec!["losses", new, "-f", "markdown", "--by", "section"],
        vec!["rank", new, "-f", "markdown"],
        vec!["diff", old, new, "-f", "markdown"],
        vec!["report", new],
    ] {
        let out = common::stdout_of(&args);
        for raw in ["<script", "<img", "](javascript:", "<javascript:", "[x]"] {
            // Every occurrence is backslash-escaped.
            let bare = out
                .match_indices(raw)
                .any(|(i, _)| !out[..i].ends_with('\\'));
            assert!(!bare, "{args:?} passes {raw} through:\n{out}");
        }
        // Escaped, not dropped.
        assert!(
            out.contains("\\<script\\>") || out.contains("\\<img"),
            "{args:?}:\n{out}"
        );
    }
}

/// The units of a `rank -f csv` output, in order.
fn ranked_units(csv: &str) -> Vec<String> {
    csv.lines()
        .skip(1)
        .map(|l| csv_cells(&format!("{l}\n"))[1].clone())
        .collect()
}

#[test]
fn rank_reads_a_file_named_twice_once() {
    let league = common::stdout_of(&[
        "rank",
        "-f",
        "csv",
        "examples/dak-nong-2022/krong-no.yaml",
        "examples/dak-nong-2022",
        "examples/dak-nong-2022/krong-no.yaml",
        "examples/dak-nong-2022/",
    ]);
    let units = ranked_units(&league);
    assert_eq!(units.len(), 8, "{league}");
    assert_eq!(
        units.iter().filter(|u| *u == "UBND huyện Krông Nô").count(),
        1
    );
}

#[test]
fn a_missing_file_named_two_ways_is_reported_once() {
    // Neither spelling resolves, so the two are told apart by the path's components alone.
    let out = parindex()
        .args([
            "rank",
            "examples/dak-nong-2022//nope.yaml",
            "examples/dak-nong-2022/./nope.yaml",
            "examples/dak-nong-2022/krong-no.yaml",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.matches("error[E001]").count(), 1, "{stderr}");
    assert!(stderr.contains("1 of 2 files did not load"), "{stderr}");
}

#[test]
fn the_same_unit_in_two_files_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.yaml"), dir.path().join("b.yaml"));
    fs::copy(EXAMPLE, &a).unwrap();
    fs::copy(EXAMPLE, &b).unwrap();
    for keep_going in [false, true] {
        let mut cmd = parindex();
        cmd.arg("rank").arg(dir.path());
        if keep_going {
            cmd.arg("--keep-going");
        }
        let out = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(out.stdout.is_empty());
        assert!(stderr.contains("error[E215]"), "{stderr}");
        assert!(stderr.contains(a.to_str().unwrap()), "{stderr}");
        assert!(stderr.contains(b.to_str().unwrap()), "{stderr}");
    }
}

#[test]
fn previous_and_peers_refuse_a_unit_found_twice() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(EXAMPLE, dir.path().join("a.yaml")).unwrap();
    fs::copy(EXAMPLE, dir.path().join("b.yaml")).unwrap();
    let d = dir.path().to_str().unwrap();
    for args in [
        vec!["rank", "examples/dak-nong-2022", "--previous", d],
        vec!["report", EXAMPLE, "--peers", d],
        vec![
            "report",
            EXAMPLE,
            "--peers",
            "examples/dak-nong-2022",
            "--previous",
            "examples/krong-no-2021.yaml",
            "--previous-peers",
            d,
        ],
        vec!["whatif", EXAMPLE, "--set", "1.6=2", "--peers", d],
    ] {
        let out = parindex().args(&args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        // `report` speaks Vietnamese by default (`lỗi[E215]`): the code is the same.
        assert!(stderr.contains("[E215]"), "{args:?}: {stderr}");
    }
}

/// Writes `parindex ARGS -f xlsx -o PATH` and returns PATH.
fn xlsx_of(dir: &Path, name: &str, args: &[&str], env: Option<(&str, &str)>) -> PathBuf {
    let path = dir.join(name);
    let mut cmd = parindex();
    cmd.args(args)
        .args(["-f", "xlsx", "--force", "-o"])
        .arg(&path);
    cmd.env_remove("SOURCE_DATE_EPOCH");
    if let Some((k, v)) = env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    path
}

#[test]
fn xlsx_is_the_same_bytes_on_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let one = xlsx_of(dir.path(), "one.xlsx", &["score", EXAMPLE], None);
    let two = xlsx_of(dir.path(), "two.xlsx", &["score", EXAMPLE], None);
    assert_eq!(fs::read(&one).unwrap(), fs::read(&two).unwrap());
    // Not the time of the run: a fixed date, or SOURCE_DATE_EPOCH for reproducible builds.
    let core = xlsx_part(&one, "docProps/core.xml");
    assert!(
        core.contains(">1980-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    let dated = xlsx_of(
        dir.path(),
        "dated.xlsx",
        &["score", EXAMPLE],
        Some(("SOURCE_DATE_EPOCH", "1700000000")),
    );
    let core = xlsx_part(&dated, "docProps/core.xml");
    assert!(
        core.contains(">2023-11-14T22:13:20Z</dcterms:created>"),
        "{core}"
    );
}

#[test]
fn a_reason_over_excels_cell_limit_is_cut_with_a_note_naming_the_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(EXAMPLE).unwrap().replace(
        "reason: \"Các sáng",
        &format!("reason: \"{}Các sáng", "Z".repeat(40_000)),
    );
    let long = dir.path().join("long.yaml");
    fs::write(&long, text).unwrap();
    let long = long.to_str().unwrap();
    for (name, args) in [
        ("score.xlsx", vec!["score", long]),
        ("losses.xlsx", vec!["losses", long]),
    ] {
        let path = xlsx_of(dir.path(), name, &args, None);
        let strings = xlsx_part(&path, "xl/sharedStrings.xml");
        assert!(
            strings.contains("over Excel's limit of 32767 per cell"),
            "{name}: the cut is not marked"
        );
        assert!(
            strings.contains("Cut to fit a cell: Losses!E2"),
            "{name}: the About sheet does not say where"
        );
        assert!(
            strings.contains("Why of 1.6: 40216 characters"),
            "{name}: the About sheet does not name the criterion"
        );
    }
}

#[test]
fn csv_and_xlsx_say_which_unit_period_and_stage_they_hold() {
    let score = common::stdout_of(&["score", EXAMPLE, "-f", "csv", "--stage", "self"]);
    let losses = common::stdout_of(&["losses", EXAMPLE, "-f", "csv"]);
    for (csv, stage) in [(&score, "self"), (&losses, "final")] {
        let mut lines = csv.lines();
        assert!(lines.next().unwrap().ends_with(",unit,period,stage"));
        for l in lines {
            assert!(
                l.ends_with(&format!(",UBND huyện Krông Nô,2022,{stage}")),
                "{l}"
            );
        }
    }
    let rank = common::stdout_of(&["rank", "examples/dak-nong-2022", "-f", "csv"]);
    assert!(rank.lines().next().unwrap().ends_with(",stage"));
    assert!(rank.lines().skip(1).all(|l| l.ends_with(",final")));

    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("score.xlsx", vec!["score", EXAMPLE]),
        ("losses.xlsx", vec!["losses", EXAMPLE]),
        (
            "rank.xlsx",
            vec!["rank", "examples/dak-nong-2022", "--lang", "en"],
        ),
        (
            "diff.xlsx",
            vec!["diff", "examples/krong-no-2021.yaml", EXAMPLE],
        ),
    ] {
        let path = xlsx_of(dir.path(), name, &args, None);
        assert!(
            xlsx_part(&path, "xl/workbook.xml").contains("name=\"About\""),
            "{name}"
        );
        let strings = xlsx_part(&path, "xl/sharedStrings.xml");
        for want in ["2022", "final", "dak-nong-district-2022"] {
            assert!(strings.contains(want), "{name} does not say {want}");
        }
        if name != "rank.xlsx" {
            assert!(strings.contains("UBND huyện Krông Nô"), "{name}");
        }
    }
}

/// `-o` never replaces a file the command reads, even with `--force`, by its name or through
/// a symbolic link: the evidence file, the criteria set it names, a previous result.
#[cfg(unix)]
#[test]
fn output_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["small-criteria.yaml", "small-evidence.yaml"] {
        fs::copy(Path::new("tests/fixtures").join(f), dir.path().join(f)).unwrap();
    }
    let evidence = dir.path().join("small-evidence.yaml");
    let criteria = dir.path().join("small-criteria.yaml");
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink(&evidence, &link).unwrap();
    let before: Vec<String> = [&evidence, &criteria]
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    // Named `.yaml`, an input is refused by its name as an output of another kind (exit 2);
    // these files without an extension test the check of the files read (exit 1).
    let bare = dir.path().join("evidence");
    fs::copy(&evidence, &bare).unwrap();
    let bare_link = dir.path().join("link");
    std::os::unix::fs::symlink(&bare, &bare_link).unwrap();
    let criteria_link = dir.path().join("criteria");
    std::os::unix::fs::symlink(&criteria, &criteria_link).unwrap();
    for target in [&evidence, &link, &criteria] {
        parindex()
            .args([
                "score",
                evidence.to_str().unwrap(),
                "--format",
                "csv",
                "--force",
                "-o",
            ])
            .arg(target)
            .assert()
            .code(2);
    }
    let e = bare.to_str().unwrap();
    // The unit's result of the year before (`report --previous` refuses any other, E508).
    let previous = dir.path().join("previous");
    let text = before[0].replace("period: \"2025\"", "period: \"2024\"");
    assert_ne!(text, before[0]);
    fs::write(&previous, text).unwrap();
    let p = previous.to_str().unwrap();
    for (args, target) in [
        (vec!["score", e, "--format", "csv"], &bare),
        (vec!["score", e, "--format", "csv"], &bare_link),
        (vec!["score", e, "--format", "csv"], &criteria_link),
        (vec!["losses", e], &bare),
        // The report is Vietnamese by default: asked in English, as the others speak.
        (
            vec!["report", e, "--previous", p, "--lang", "en"],
            &previous,
        ),
    ] {
        let out = parindex()
            .args(&args)
            .arg("-o")
            .arg(target)
            .arg("--force")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?} -o {target:?}: {stderr}"
        );
        assert!(stderr.contains("is a file this command reads"), "{stderr}");
    }
    let after: Vec<String> = [&evidence, &criteria]
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(before, after, "the inputs are untouched");
    assert_eq!(fs::read_to_string(&bare).unwrap(), before[0]);
    // Another file is still written.
    let out = dir.path().join("out.csv");
    parindex()
        .args(["score", e, "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
}

/// `-o FIFO` with no reader fails at once rather than waiting forever; with a reader, the
/// output is written as before.
#[cfg(target_os = "linux")]
#[test]
fn a_fifo_with_no_reader_is_an_error_not_a_hang() {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.json");
    mkfifo(&fifo);
    let mut child = Command::new(assert_cmd::cargo::cargo_bin!("parindex"))
        .env("NO_COLOR", "1")
        .args(["score", EXAMPLE, "-f", "json", "--force", "-o"])
        .arg(&fifo)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A watchdog: the run must end by itself.
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("parindex -o FIFO with no reader still waits after 20 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert_eq!(status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("no reader"), "{stderr}");
    // With a reader (opened read-only: it waits for the writer, and sees the end of file
    // when parindex closes), the result arrives whole.
    let path = fifo.clone();
    let read = std::thread::spawn(move || fs::read_to_string(path).unwrap());
    // The reader may not be waiting yet when parindex opens the FIFO: then it is refused as
    // above, with nothing written, and tried again.
    let mut tries = 0;
    loop {
        let out = parindex()
            .args(["score", EXAMPLE, "-f", "json", "--force", "-o"])
            .arg(&fifo)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        if out.status.success() {
            break;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        tries += 1;
        assert!(tries < 100 && stderr.contains("no reader"), "{stderr}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let got = read.join().unwrap();
    let want = common::stdout_of(&["score", EXAMPLE, "-f", "json"]);
    assert_eq!(got, want);
}

/// An entry with only the council's value, scored at `--stage self`, scores 0: said, not silent.
#[test]
fn an_appraised_value_without_a_self_assessed_one_warns_at_stage_self() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    let text = fs::read_to_string("tests/fixtures/small-evidence.yaml").unwrap();
    let text = text
        .replace(
            "  \"1.1\": có\n",
            "  \"1.1\": { appraised: có, reason: \"Hội đồng chấm\" }\n",
        )
        .split("expect:")
        .next()
        .unwrap()
        .to_string();
    let evidence = dir.path().join("evidence.yaml");
    fs::write(&evidence, text).unwrap();
    let out = parindex()
        .args(["score", "--stage", "self"])
        .arg(&evidence)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning[W201]")
            && stderr.contains("has no self-assessed value")
            && stderr.contains(": 1.1"),
        "{stderr}"
    );
    // At the final stage the council's value counts: still warned (the file lacks the unit's
    // own value), and scored.
    parindex().arg("score").arg(&evidence).assert().success();
    // Under --strict it is an error, like any missing value.
    parindex()
        .args(["score", "--strict", "--stage", "self"])
        .arg(&evidence)
        .assert()
        .code(1);
}

/// A small set whose first section's maxima (1, 2 and 6, n/a excluded) make ratios of 3 and 9.
const THIRDS_SET: &str = "parindex: 1\nkind: criteria\nid: thirds\ntitle: \"Thirds\"\nrounding: { decimals: 28, mode: half-up }\nif_na: exclude\ngrades:\n  - { label: \"A\", min: 50 }\n  - { label: \"B\", min: 0 }\nsections:\n  - code: \"1\"\n    title: \"S\"\n    max: 9\n    items:\n      - { code: \"1.1\", title: \"a\", max: 1, rule: points }\n      - { code: \"1.2\", title: \"b\", max: 2, rule: points }\n      - { code: \"1.3\", title: \"c\", max: 6, rule: points }\n";

#[test]
fn ratios_a_hair_apart_rank_in_their_exact_order_and_never_stop_the_sort() {
    // Review finding: 3.0000000000000000000000000001/9, 1/3 and 2.9999999999999999999999999999/9
    // compared with rounded cross-products were "equal" two by two yet not all three, and the
    // league's sort of 21 such units panicked (exit 101); a unit a hair below shared rank 1.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("set.yaml"), THIRDS_SET).unwrap();
    let values = [
        ("A", "1", "2", "0.0000000000000000000000000001"),
        ("B", "1", "0", "n/a"),
        ("C", "1", "1.9999999999999999999999999999", "0"),
    ];
    for (i, u) in "AABBBAACCAABACABBABAC".chars().enumerate() {
        let (_, a, b, c) = values.iter().find(|v| v.0.starts_with(u)).unwrap();
        fs::write(
            dir.path().join(format!("u{i:02}.yaml")),
            format!("parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: \"{u}{i:02}\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": {a}\n  \"1.2\": {b}\n  \"1.3\": {c}\n"),
        )
        .unwrap();
    }
    let out = parindex()
        .args(["rank", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let csv = String::from_utf8(out.stdout).unwrap();
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let expected = match &fields[1][..1] {
            "A" => "1",
            "B" => "11",
            _ => "18",
        };
        assert_eq!(fields[0], expected, "{line}");
    }
}

#[test]
fn a_total_past_28_digits_is_refused_not_rounded() {
    // 1/3 to 28 places plus 8 whole points: the exact total needs more digits than a decimal
    // holds (review finding:
    // it was shown rounded).
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("set.yaml"), THIRDS_SET).unwrap();
    let unit = dir.path().join("u.yaml");
    fs::write(
        &unit,
        "parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: \"U\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": 0.3333333333333333333333333333\n  \"1.2\": 2\n  \"1.3\": 6\n",
    )
    .unwrap();
    for command in ["score", "rank"] {
        let out = parindex().arg(command).arg(&unit).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{command}: {stderr}");
        assert!(stderr.contains("error[E213]"), "{command}: {stderr}");
        assert!(stderr.contains("u.yaml"), "{command}: {stderr}");
    }
}

#[test]
fn a_score_or_percentage_a_hair_below_a_midpoint_is_rounded_down_once() {
    // 500000000000000000000000/1000000000000000000000000001 of a max of 1 is 0.000499…9995:
    // divided to 28 digits it became 0.0005, which half-up rounding then made 0.001. And
    // 5×10^22 of 10^27 + 1 is 0.004999…995%, shown as 0.01% the same way. Both are 0 now,
    // in every command that shows them.
    let dir = tempfile::tempdir().unwrap();
    let set = "parindex: 1\nkind: criteria\nid: once\ntitle: \"Once\"\nsections:\n  - code: \"1\"\n    title: \"S\"\n    max: 1\n    items:\n      - { code: \"1.1\", title: \"a\", max: 1, rule: ratio }\n  - code: \"2\"\n    title: \"T\"\n    max: 1000000000000000000000000001\n    items:\n      - { code: \"2.1\", title: \"b\", max: 1000000000000000000000000001, rule: points }\n";
    fs::write(dir.path().join("set.yaml"), set).unwrap();
    let unit = dir.path().join("u.yaml");
    fs::write(
        &unit,
        "parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: \"U\"\nperiod: \"2025\"\nvalues:\n  \"1.1\": \"500000000000000000000000/1000000000000000000000000001\"\n  \"2.1\": 50000000000000000000000\n",
    )
    .unwrap();
    let out = parindex()
        .args(["score", "--format", "json"])
        .arg(&unit)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let card: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let node = |code: &str| {
        card["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["code"] == code)
            .unwrap()
            .clone()
    };
    assert_eq!(node("1.1")["score"], "0", "{card}");
    assert_eq!(node("1")["percent"], "0.00", "{card}");
    assert_eq!(node("2")["percent"], "0.00", "{card}");
    assert_eq!(card["total"]["percent"], "0.00", "{card}");
    let out = parindex()
        .args(["rank", "--format", "csv"])
        .arg(&unit)
        .output()
        .unwrap();
    let csv = String::from_utf8(out.stdout).unwrap();
    let row: Vec<&str> = csv.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[6], "0.00", "{csv}");
    assert_eq!(row[8], "0", "{csv}");
}

/// A one-section set of `items` under `max`, rounded to `decimals` places by `mode`.
fn rounded_set(decimals: u32, mode: &str, max: &str, items: &str) -> String {
    format!("parindex: 1\nkind: criteria\nid: places\ntitle: \"Places\"\nrounding: {{ decimals: {decimals}, mode: {mode} }}\nsections:\n  - code: \"1\"\n    title: \"S\"\n    max: {max}\n    items:\n{items}")
}

fn unit_with(dir: &Path, set: &str, values: &str) -> PathBuf {
    fs::write(dir.join("set.yaml"), set).unwrap();
    let unit = dir.join("u.yaml");
    fs::write(
        &unit,
        format!("parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: \"U\"\nperiod: \"2025\"\nvalues:\n{values}"),
    )
    .unwrap();
    unit
}

#[test]
fn scores_rounded_to_28_places_still_add_up() {
    // Review finding: an exact 2.5 at 28 places came back with 27 trailing zeros, and the
    // section's 8.5 then did not fit a decimal: E213 on a valid file.
    let dir = tempfile::tempdir().unwrap();
    let items = "      - { code: \"1.1\", title: \"rate\", max: 5, rule: ratio }\n      - { code: \"1.2\", title: \"yes\", max: 6, rule: yes-no }\n      - { code: \"1.3\", title: \"line\", max: 10, rule: { linear: { zero_at: 0, full_at: 10 } } }\n";
    let unit = unit_with(
        dir.path(),
        &rounded_set(28, "half-up", "21", items),
        "  \"1.1\": \"50%\"\n  \"1.2\": true\n  \"1.3\": 8\n",
    );
    let out = parindex()
        .args(["score", "--format", "csv"])
        .arg(&unit)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.lines().nth(1).unwrap().starts_with("1,S,0,16.5,21,"),
        "{csv}"
    );
}

#[test]
fn whatif_plans_on_a_maximum_written_with_28_places() {
    // Review finding: the points needed (target × max) passed 28 places and stopped the plan
    // with E213, though score, rank and explain read the file.
    let dir = tempfile::tempdir().unwrap();
    let max = "1.2345678901234567890123456789";
    let items = format!("      - {{ code: \"1.1\", title: \"r\", max: {max}, rule: ratio }}\n");
    let unit = unit_with(
        dir.path(),
        &rounded_set(3, "half-up", max, &items),
        "  \"1.1\": \"1/3\"\n",
    );
    let out = parindex()
        .args(["whatif", "--target", "45.5"])
        .arg(&unit)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("E213"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("1.1"), "the plan raises 1.1: {stdout}");
}

#[test]
fn explain_never_calls_a_quotient_past_28_places_exact() {
    // Review finding: 10000000000000000000000000001/20000000000000000000000000000 is 0.5 and
    // 5 × 10⁻²⁹; cut to 28 places it read `0.5`, and `0.5 → 1 (0 decimals, half-even)`
    // contradicted the rule. And 10/11 at 27 places was said to need no rounding.
    let dir = tempfile::tempdir().unwrap();
    let explained = |decimals: u32, mode: &str, value: &str| {
        let items = "      - { code: \"1.1\", title: \"r\", max: 1, rule: ratio }\n";
        let set = rounded_set(decimals, mode, "1", items);
        let unit = unit_with(dir.path(), &set, &format!("  \"1.1\": \"{value}\"\n"));
        let out = parindex()
            .arg("explain")
            .arg(&unit)
            .arg("1.1")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = explained(
        0,
        "half-even",
        "10000000000000000000000000001/20000000000000000000000000000",
    );
    assert!(
        text.contains("rounding: 0.5… → 1 (0 decimals, half-even)"),
        "{text}"
    );
    assert!(text.contains("= 50…% = 0.5…"), "{text}");
    let text = explained(27, "half-up", "10/11");
    assert!(
        text.contains(
            "rounding: 0.909090909… → 0.909090909090909090909090909 (27 decimals, half-up)"
        ),
        "{text}"
    );
}

#[test]
fn a_file_of_thousands_of_problems_shows_the_first_hundred_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "parindex: 1\nkind: evidence\ncriteria: dak-nong-district-2022\nunit: \"X\"\nperiod: \"2022\"\nvalues:\n",
    );
    for i in 0..5000 {
        text.push_str(&format!("  \"9.{}.{}\": 1\n", i / 100, i % 100));
    }
    let path = dir.path().join("many.yaml");
    std::fs::write(&path, text).unwrap();
    let out = parindex().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("error[E202]").count(), 100);
    assert!(
        stdout.contains("warning[W015]: 4900 more errors in this file are not shown"),
        "{stdout}"
    );
    // The totals count every problem found, shown or not.
    assert!(
        stdout.ends_with("5000 errors, 2 warnings in 1 file\n"),
        "{stdout}"
    );
    // score refuses it the same way, on standard error.
    let out = parindex().arg("score").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[E202]").count(), 100);
    assert!(stderr.contains("[W015]"), "{stderr}");
}

#[test]
fn rank_shows_the_first_ten_problems_of_a_file_that_did_not_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from(
        "parindex: 1\nkind: evidence\ncriteria: dak-nong-district-2022\nunit: \"X\"\nperiod: \"2022\"\nvalues:\n",
    );
    for i in 0..12 {
        text.push_str(&format!("  \"9.{i}\": 1\n"));
    }
    let path = dir.path().join("x.yaml");
    std::fs::write(&path, text).unwrap();
    let out = parindex()
        .args(["rank", "examples/dak-nong-2022"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[E202]").count(), 10, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "warning[W015]: more problems of this file are not shown here: `parindex check` on the file shows them all\n  --> {}",
            path.display()
        )),
        "{stderr}"
    );
}

/// A `forms` folder under `dir` holding the small criteria set as `crit.yaml`, and the text
/// of a form against it that names no unit (`unit: "  "`), for the caller to write.
fn forms_folder(dir: &Path) -> (PathBuf, String) {
    let forms = dir.join("forms");
    fs::create_dir(&forms).unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        forms.join("crit.yaml"),
    )
    .unwrap();
    let blank = fs::read_to_string("tests/errors/evidence/W205-blank-unit.yaml")
        .unwrap()
        .replace("../../fixtures/small-criteria.yaml", "crit.yaml");
    (forms, blank)
}

#[test]
fn a_form_naming_no_unit_is_of_no_listed_unit_for_check_and_rank_alike() {
    let dir = tempfile::tempdir().unwrap();
    let (forms, blank) = forms_folder(dir.path());
    fs::write(forms.join("blank.yaml"), &blank).unwrap();
    fs::write(forms.join("a.yaml"), blank.replace("\"  \"", "\"UBND A\"")).unwrap();
    let list = dir.path().join("units.csv");
    fs::write(&list, "name\nUBND A\nUBND B\n").unwrap();
    for args in [&["check", "--units"][..], &["rank", "-q", "--units"][..]] {
        let out = parindex()
            .args(args)
            .arg(&list)
            .arg(&forms)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
        assert!(
            text.contains("error[E708]: the form names no unit (its `unit:` is blank)"),
            "{args:?}: {text}"
        );
    }
    // `unit: ~` is no name either (E009): not the form of a unit called `~`.
    fs::write(forms.join("blank.yaml"), blank.replace("\"  \"", "~")).unwrap();
    let out = parindex()
        .args(["check", "--units"])
        .arg(&list)
        .arg(&forms)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("error[E009]: `unit` must be text"), "{text}");
    assert!(
        text.contains("error[E708]: the form names no unit (its `unit:` is blank)"),
        "{text}"
    );
    assert!(!text.contains("unit `~`"), "{text}");
}

#[test]
fn the_count_of_problems_not_shown_is_the_evidence_files_own_and_a_bad_set_is_told_once() {
    let dir = tempfile::tempdir().unwrap();
    // A set whose first two criteria are out of order (W101, a warning of the set's own).
    let set = fs::read_to_string("tests/fixtures/small-criteria.yaml").unwrap();
    let set = set.replacen("code: \"1.1\"", "code: \"1.9\"", 1);
    fs::write(dir.path().join("set.yaml"), set).unwrap();
    let mut text = String::from(
        "parindex: 1\nkind: evidence\ncriteria: set.yaml\nunit: \"X\"\nperiod: \"2025\"\nvalues:\n",
    );
    for i in 0..101 {
        text.push_str(&format!("  \"9.{i}\": 1\n"));
    }
    let ev = dir.path().join("e.yaml");
    fs::write(&ev, text).unwrap();
    let out = parindex().arg("check").arg(&ev).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("[W101]"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "warning[W015]: 1 more error in this file is not shown: at most 100 errors and 100 warnings are shown for one file\n  --> {}",
            ev.display()
        )),
        "{stdout}"
    );
    // A set that is not UTF-8, named from two folders: told once.
    let bad = dir.path().join("latin.yaml");
    let mut bytes = fs::read("tests/fixtures/small-criteria.yaml").unwrap();
    bytes.extend_from_slice(b"# \xff\xfe\n");
    fs::write(&bad, bytes).unwrap();
    for d in ["d1", "d2"] {
        let sub = dir.path().join(d);
        fs::create_dir(&sub).unwrap();
        let text = fs::read_to_string("tests/errors/evidence/W205-blank-unit.yaml")
            .unwrap()
            .replace("../../fixtures/small-criteria.yaml", "../latin.yaml")
            .replace("\"  \"", &format!("\"{d}\""));
        fs::write(sub.join("a.yaml"), text).unwrap();
    }
    let out = parindex()
        .arg("rank")
        .arg(dir.path().join("d1"))
        .arg(dir.path().join("d2"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("error[E003]").count(), 1, "{stderr}");
}

#[test]
fn a_value_rejected_past_the_errors_shown_is_not_listed_as_missing_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    // 100 unknown codes fill the errors a file shows; then 1.2's value is rejected (E205).
    let mut text = String::from(
        "parindex: 1\nkind: evidence\ncriteria: small-criteria.yaml\nunit: \"X\"\nperiod: \"2025\"\nvalues:\n",
    );
    for i in 0..100 {
        text.push_str(&format!("  \"9.{i}\": 1\n"));
    }
    let fixture = fs::read_to_string("tests/fixtures/small-evidence.yaml").unwrap();
    let values = fixture.split("values:\n").nth(1).unwrap();
    let values = values.split("expect:").next().unwrap();
    assert!(values.contains("\"1.2\": \"21/32\""));
    text.push_str(&values.replace("\"1.2\": \"21/32\"", "\"1.2\": \"150%\""));
    let ev = dir.path().join("e.yaml");
    fs::write(&ev, text).unwrap();
    let out = parindex().arg("check").arg(&ev).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("warning[W015]: 1 more error"), "{stdout}");
    // 1.2 has a value, rejected: the file gives every leaf one, so no W201 at all.
    assert!(!stdout.contains("W201"), "{stdout}");
}

#[test]
fn a_long_list_of_units_without_forms_shows_the_first_hundred_and_counts_the_rest() {
    // One W701 per unit: a list of 50,000 units and no forms printed 62 MB.
    let dir = tempfile::tempdir().unwrap();
    let (forms, blank) = forms_folder(dir.path());
    fs::write(forms.join("a.yaml"), blank.replace("\"  \"", "\"UBND A\"")).unwrap();
    let mut list = String::from("name\nUBND A\n");
    for i in 0..3_000 {
        list.push_str(&format!("UBND xã Số {i}\n"));
    }
    let units = dir.path().join("units.csv");
    fs::write(&units, list).unwrap();
    let out = parindex()
        .args(["check", "--units"])
        .arg(&units)
        .arg(&forms)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.matches("warning[W701]").count(),
        100,
        "{}",
        &stdout[..2000]
    );
    assert!(
        stdout.contains("warning[W015]: 2900 more warnings in this file are not shown"),
        "{}",
        &stdout[stdout.len() - 2000..]
    );
    // The totals count every unit without a form (and the form's own warning).
    assert!(
        stdout.contains("3001 warnings"),
        "{}",
        &stdout[stdout.len() - 300..]
    );
}
