//! The failing-input corpus: one small file (or folder) per check code under `tests/errors/`,
//! each with the exact output of `parindex check` on it in `NAME.expected` beside it. Adding a
//! check means adding a file here.
//!
//! A file named `E205-….yaml` must report `E205` and exit 1; files named `W…` only warn and
//! exit 0. `score` reads files through the same loader, so the messages are the same there.
//!
//! Each case is also run with `--lang vi`, its output kept in `NAME.vi.expected`: the same
//! codes, files, positions and quoted lines, every message and hint in Vietnamese, and no
//! English word outside [`ALLOWED`] (checked by [`english_words`]).
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

/// Runs `args` on a corpus case and compares standard output with the file `file` with the
/// extension `expected` (`expected`, `vi.expected`).
fn run_case(file: &Path, args: &[&str], expected: &str) -> Result<(), String> {
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
    let expected_path = file.with_extension(expected);
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
    if expected.starts_with("vi.") {
        let english = english_words(&stdout);
        if !english.is_empty() {
            problems.push(format!(
                "English words in the Vietnamese output: {english:?}"
            ));
        }
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
            let english = run_case(file, &args, "expected").err();
            let vi: Vec<&str> = args.iter().copied().chain(["--lang", "vi"]).collect();
            let vietnamese = run_case(file, &vi, "vi.expected").err();
            match (english, vietnamese) {
                (None, None) => None,
                (a, b) => Some(
                    [a, b]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                ),
            }
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
fn every_bad_remediation_plan_reports_its_check() {
    check_all("remediation", |file| vec!["check".into(), file.into()]);
}

#[test]
fn every_check_code_is_documented() {
    let docs = fs::read_to_string("docs/checks.md").unwrap();
    for check in parindex::diag::ALL_CHECKS {
        let heading = format!("## {} {}", check.code, check.title);
        assert!(docs.contains(&heading), "docs/checks.md lacks `{heading}`");
        let row = format!("| {} | {} |", check.code, check.title_vi);
        assert!(docs.contains(&row), "docs/checks.md lacks `{row}`");
    }
}

/// Words a Vietnamese diagnostic may hold in plain ASCII letters: Vietnamese syllables written
/// without marks, the names the files themselves use (YAML keys, rule names, values as
/// written), and technical names that have no Vietnamese form. Anything else in ASCII letters,
/// outside backticks, quotes and the quoted source, is taken for English.
const ALLOWED: &[&str] = &[
    // Vietnamese syllables without marks.
    "an",
    "anh",
    "ban",
    "bao",
    "byte",
    "cha",
    "chung",
    "danh",
    "di",
    "do",
    "ghi",
    "giai",
    "hoa",
    "khai",
    "neo",
    "qua",
    "quanh",
    "quy",
    "ra",
    "sinh",
    "sung",
    "thang",
    "thay",
    "tra",
    "xung",
    "hoa",
    "minh",
    "sung",
    "CCHC",
    // A file format's name (tệp CSV).
    "CSV",
    "cao",
    "cho",
    "chi",
    "chia",
    "chinh",
    "con",
    "dung",
    "gi",
    "giao",
    "hai",
    "hay",
    "hon",
    "khi",
    "khoa",
    "kho",
    "kinh",
    "la",
    "lai",
    "lanh",
    "lo",
    "mo",
    "muon",
    "nay",
    "nam",
    "nao",
    "nhanh",
    "nhau",
    "nhieu",
    "nhu",
    "phan",
    "sai",
    "sang",
    "sau",
    "so",
    "tai",
    "tam",
    "tang",
    "theo",
    "thi",
    "thu",
    "tin",
    "toi",
    "trong",
    "tranh",
    "trang",
    "tren",
    "va",
    "vao",
    "van",
    "vi",
    "xa",
    "xem",
    // Names from the files: keys, rule and rounding names, values as written, and the ids the
    // corpus gives its sets and components.
    "parindex",
    "kind",
    "code",
    "title",
    "max",
    "min",
    "label",
    "responsible",
    "note",
    "if_na",
    "component",
    "rule",
    "items",
    "yes",
    "no",
    "true",
    "false",
    "half",
    "up",
    "even",
    "down",
    "test",
    "small",
    "assessment",
    "survey",
    // Technical names without a Vietnamese form.
    "YAML",
    "Excel",
    "CSV",
    "Unicode",
    "tab",
    "U",
];

/// The English words in a rendering in Vietnamese: every run of ASCII letters outside the
/// parts that stay as written (the quoted source line and its carets, the `-->` line, text in
/// backticks or quotes, codes, numbers and paths) that is not in [`ALLOWED`].
fn english_words(rendered: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in rendered.lines() {
        let t = line.trim_start();
        // The source line (`12 | …`), the caret line (`   | ^^^`) and the location line.
        let gutter = t
            .split_once('|')
            .is_some_and(|(g, _)| g.trim().bytes().all(|b| b.is_ascii_digit()));
        if gutter || t.starts_with("-->") {
            continue;
        }
        // What the input said stays as it said it: in backticks, quotes or “…”.
        let mut kept = String::new();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match (quote, c) {
                (None, '`' | '"' | '“') => quote = Some(if c == '“' { '”' } else { c }),
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, c) => kept.push(c),
            }
        }
        // Paths and file names (`tests/errors/….yaml`) are kept as written.
        for word in kept.split_whitespace() {
            // So are command-line options (`--keep-going`).
            let option = word.trim_start_matches(['(', '[']).starts_with("--");
            // A YAML escape (`\e`, `\x1b`) is written as YAML writes it.
            let escape = word.starts_with('\\');
            // A criterion code (`1.a:` as the file wrote it) or a figure is not a word.
            let code = word.contains('.') && word.bytes().any(|b| b.is_ascii_digit());
            if option
                || escape
                || code
                || word.contains('/')
                || word.contains(".yaml")
                || word.contains(".yml")
            {
                continue;
            }
            // Words are runs of letters (Vietnamese letters included, so that `tiêu` is one
            // word, not `ti` and `u`).
            for token in word.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')) {
                // An id with a figure in it (`dak-nong-district-2022`) is a name, not words.
                if token.contains('-') && token.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                for part in token.split('-') {
                    let letters = part.chars().all(|c| c.is_ascii_alphabetic() || c == '_');
                    let has_code = part.chars().any(|c| c.is_ascii_digit());
                    if part.is_empty() || !letters || has_code {
                        continue;
                    }
                    if !ALLOWED.contains(&part) && !ALLOWED.contains(&part.to_lowercase().as_str())
                    {
                        found.push(part.to_string());
                    }
                }
            }
        }
    }
    found
}

#[test]
fn the_english_word_check_finds_english() {
    // Every English rendering of the corpus is caught: the check is not blind.
    for kind in ["criteria", "evidence"] {
        for file in corpus(kind) {
            let english = fs::read_to_string(file.with_extension("expected")).unwrap();
            assert!(
                !english_words(&english).is_empty(),
                "{}: no English word found in the English rendering",
                file.display()
            );
        }
    }
    assert_eq!(
        english_words("lỗi[E205]: 1.2: the rate `120%` lies outside 0%–100%"),
        ["the", "rate", "lies", "outside"]
    );
    // Quoted input, codes, paths and the source line are not words of the message.
    assert!(english_words(
        "lỗi[E007]: 1: khóa `mx` không xác định\n  --> tests/errors/criteria/E007-unknown-key.yaml:7:5\n  |\n7 |     mx: 2\n  |     ^^"
    )
    .is_empty());
}

#[test]
fn every_command_that_reads_evidence_writes_its_diagnostics_in_vietnamese() {
    // The same loader, the same rendering: with `--lang vi`, the diagnostics on standard
    // error of every command that scores a file carry no English word.
    let mut failures = Vec::new();
    for file in corpus("evidence") {
        let file = file.display().to_string();
        let code = Path::new(&file)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .split('-')
            .next()
            .unwrap()
            .to_string();
        for args in [
            vec!["score", &file, "--lang", "vi"],
            vec!["losses", &file, "--lang", "vi"],
            vec!["diff", &file, &file, "--lang", "vi"],
            vec!["rank", &file, "--lang", "vi"],
            vec!["report", &file],
        ] {
            let output = assert_cmd::cargo::cargo_bin_cmd!("parindex")
                .args(&args)
                .env("NO_COLOR", "1")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            // A file `check` reads as a whole (a set that is not found) may pass a command
            // that reads less; the code is reported wherever the command sees it.
            if !stderr.contains(&format!("[{code}]")) {
                continue;
            }
            let english = english_words(&stderr);
            if !english.is_empty() {
                failures.push(format!("{args:?}: {english:?}\n{stderr}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn check_json_keeps_english_and_adds_vietnamese_and_github_speaks_vietnamese() {
    let file = "tests/errors/evidence/E205-rate-over-100.yaml";
    let run = |args: &[&str]| {
        let out = assert_cmd::cargo::cargo_bin_cmd!("parindex")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value =
        serde_json::from_str(&run(&["check", "--format", "json", "--lang", "vi", file])).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "E205");
    assert_eq!(d["severity"], "error");
    assert!(
        d["message"].as_str().unwrap().contains("lies outside"),
        "{d}"
    );
    assert!(
        d["message_vi"].as_str().unwrap().contains("nằm ngoài"),
        "{d}"
    );
    assert!(d["help_vi"].as_str().unwrap().contains("tỷ lệ"), "{d}");
    // Without --lang vi, the JSON is as it was: no Vietnamese keys.
    let plain: serde_json::Value =
        serde_json::from_str(&run(&["check", "--format", "json", file])).unwrap();
    assert!(plain["diagnostics"][0].get("message_vi").is_none());
    let github = run(&["check", "--format", "github", "--lang", "vi", file]);
    assert!(
        github.starts_with("::error file=") && github.contains("title=E205 tỷ lệ nằm ngoài"),
        "{github}"
    );
    assert!(github.contains("gợi ý: "), "{github}");
}
