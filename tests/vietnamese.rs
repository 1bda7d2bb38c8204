//! `--lang vi` writes no English word: every command's output for people (not its
//! diagnostics), run as a user would, is searched for words that are not Vietnamese.
//!
//! What is taken out before the search, as not the tool's own words: every text of the input
//! files (titles, unit names, notes, reasons, offices, grade labels: whatever language the
//! unit wrote them in), file names and paths, command-line flags, `code spans`, "quoted
//! spellings", the YAML map example of the form and `if_na:` settings. What is left is split
//! into words; a word is English when it is written without diacritics and is not a
//! Vietnamese syllable (`Total`, `grade`, `stage`, `points`), or is one of the few English
//! words that are spelt like one (`no`, `the`, `up`). Abbreviations in capitals (CCHC,
//! TTHC) and the tool's name are allowed.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use regex::Regex;
use std::collections::BTreeSet;
use std::path::Path;

/// English words spelt like a Vietnamese syllable without diacritics.
const ENGLISH_LOOKALIKES: &[&str] = &[
    "no", "on", "up", "at", "it", "by", "the", "he", "me", "be", "go", "see",
];

/// Words that are not English prose: the tool's name, and the form's keys shown in its
/// comments (the file format's, which stay as the contract writes them); the names of the
/// programs and formats people know by them, and of keys on the keyboard.
const ALLOWED: &[&str] = &["parindex", "Excel", "Word", "docx", "Alt", "Enter"];

/// A key or keyword of the file format: `grades`, `if_na`, `yes-no`.
fn is_format_word(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_ascii_lowercase() || c == '_' || c == '-')
}

/// Every string in a YAML file (keys and values), to be removed from the output.
fn yaml_strings(path: &Path, into: &mut Vec<String>) {
    fn walk(v: &serde_yaml::Value, into: &mut Vec<String>) {
        match v {
            // A block scalar is shown line by line (indented under its label).
            // The format's own words (`exclude`, `yes-no`) are not texts of the input.
            serde_yaml::Value::String(s) if is_format_word(s) => {}
            serde_yaml::Value::String(s) => {
                into.push(s.trim().to_string());
                into.extend(s.lines().map(|l| l.trim().to_string()));
            }
            serde_yaml::Value::Sequence(items) => items.iter().for_each(|i| walk(i, into)),
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    // Codes are keys too; the format's own keys (`grades`, `title`) are not
                    // texts of the input.
                    if !k.as_str().is_some_and(is_format_word) {
                        walk(k, into);
                    }
                    walk(v, into);
                }
            }
            serde_yaml::Value::Tagged(t) => walk(&t.value, into),
            _ => {}
        }
    }
    let text = std::fs::read_to_string(path).unwrap();
    let doc: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    walk(&doc, into);
}

/// The texts of the inputs every test here reads: the examples and their criteria sets.
fn input_texts() -> Vec<String> {
    let mut all = Vec::new();
    for dir in ["examples", "examples/dak-nong-2022", "criteria"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                yaml_strings(&path, &mut all);
            }
        }
    }
    // Longest first, so that a title is taken out before a shorter text inside it; single
    // characters would cut words apart.
    all.retain(|s| s.chars().count() > 1);
    all.sort_by_key(|s| std::cmp::Reverse(s.len()));
    all.dedup();
    all
}

/// A Vietnamese syllable written without diacritics: an onset, one to three vowels, a coda.
fn is_vietnamese_syllable(word: &str) -> bool {
    let syllable = Regex::new(
        "^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?[aeiouy]{1,3}(ch|ng|nh|c|m|n|p|t)?$",
    )
    .unwrap();
    syllable.is_match(word)
}

/// The English words of `output`, once the inputs' own texts are taken out.
fn english_words(output: &str, inputs: &[String]) -> BTreeSet<String> {
    let mut text = output.to_string();
    // Markup first, so that the inputs' texts read as they were written: HTML's styles, tags
    // and entities, Markdown's escapes.
    for (pattern, with) in [
        (r"(?s)<style.*?</style>", " "),
        (r"(?s)<[^>]*>", " "),
        (r"\\([*_`\[\]<>|\\])", "$1"),
    ] {
        text = Regex::new(pattern)
            .unwrap()
            .replace_all(&text, with)
            .into_owned();
    }
    for (entity, c) in [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ] {
        text = text.replace(entity, c);
    }
    for (pattern, with) in [
        // The command confirming a plan, if_na settings, the form's top-level keys.
        (r"parindex [a-z]+", " "),
        // Check codes (`lỗi[E205]`) and characters named by their code point (U+001B).
        (r"\b[EW]\d{3}\b", " "),
        (r"U\+[0-9A-F]{4,6}\b", " "),
        (r"if_na: [a-z]+", " "),
        (r"(?m)^(parindex|kind|criteria|unit|period|values):.*$", " "),
    ] {
        text = Regex::new(pattern)
            .unwrap()
            .replace_all(&text, with)
            .into_owned();
    }
    // Paths first: an input's text (a plan's `evidence: krong-no-2022.yaml`) may be part of one.
    text = Regex::new(r"\S*\.(yaml|yml|json|html|md|xlsx)\b")
        .unwrap()
        .replace_all(&text, " ")
        .into_owned();
    for s in inputs {
        if text.contains(s.as_str()) {
            text = text.replace(s.as_str(), " ");
        }
    }
    for (pattern, with) in [
        // The form's map examples, spellings in quotes, code spans.
        (r"(?s)\{[^{}]*\}", " "),
        (r#""[^"\n]*""#, " "),
        (r"`[^`\n]*`", " "),
        // File names and paths, flags with their value, if_na settings.
        (r"\S*\.(yaml|yml|json|html|md|xlsx)\b", " "),
        (r"\S+/\S+", " "),
        (r"--[a-z-]+( [a-z]+\b)?", " "),
    ] {
        text = Regex::new(pattern)
            .unwrap()
            .replace_all(&text, with)
            .into_owned();
    }
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .filter(|w| w.is_ascii())
        .filter(|w| !(w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase())))
        .filter(|w| !ALLOWED.contains(w))
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            ENGLISH_LOOKALIKES.contains(&lower.as_str()) || !is_vietnamese_syllable(&lower)
        })
        .map(str::to_string)
        .collect()
}

fn vi(args: &[&str]) -> String {
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--lang", "vi"]);
    stdout_of(&all)
}

/// Asserts that the Vietnamese output of each command line has no English word.
fn assert_vietnamese(runs: &[Vec<&str>]) {
    let inputs = input_texts();
    let mut found = Vec::new();
    for args in runs {
        let out = vi(args);
        assert!(!out.trim().is_empty(), "{args:?} wrote nothing");
        let english = english_words(&out, &inputs);
        if !english.is_empty() {
            found.push(format!(
                "parindex {} --lang vi: {english:?}",
                args.join(" ")
            ));
        }
    }
    assert!(found.is_empty(), "English words:\n{}", found.join("\n"));
}

#[test]
fn the_word_check_finds_english_in_english_output() {
    // The check cannot pass for want of looking: the same outputs in English are caught.
    let inputs = input_texts();
    let english = english_words(&stdout_of(&["score", EXAMPLE, "--lang", "en"]), &inputs);
    for word in [
        "Total", "grade", "stage", "final", "Code", "Section", "Loss",
    ] {
        assert!(english.contains(word), "{word} not found in {english:?}");
    }
    let explained = stdout_of(&["explain", EXAMPLE, "2.4.3", "--lang", "en"]);
    let english = english_words(&explained, &inputs);
    assert!(english.contains("no"), "{english:?}");
    assert!(english.contains("formula"), "{english:?}");
    // Vietnamese prose without diacritics passes; English look-alikes do not.
    assert!(english_words("theo quy trình, trong tin nhắn", &inputs).is_empty());
    assert_eq!(
        english_words("up to the max", &inputs),
        ["max", "the", "up"].map(String::from).into()
    );
}

#[test]
fn score_and_losses_speak_vietnamese() {
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["table", "markdown"] {
        runs.push(vec!["score", EXAMPLE, "-f", format]);
        runs.push(vec!["score", EXAMPLE, "-f", format, "--all"]);
        runs.push(vec![
            "score",
            "examples/so-ban-nganh-2025.yaml",
            "-f",
            format,
            "--all",
        ]);
        runs.push(vec!["losses", EXAMPLE, "-f", format]);
        runs.push(vec!["losses", EXAMPLE, "-f", format, "--by", "responsible"]);
        runs.push(vec!["losses", EXAMPLE, "-f", format, "--by", "section"]);
    }
    runs.push(vec!["score", EXAMPLE, "--stage", "self"]);
    assert_vietnamese(&runs);
}

#[test]
fn explain_speaks_vietnamese_for_every_rule_kind() {
    // Every node of two sets that between them use every rule kind (sections and criteria
    // with sub-criteria too), and the rounds example's appraised and reappraised criteria at
    // each stage.
    let mut runs: Vec<Vec<String>> = Vec::new();
    for file in [EXAMPLE, "examples/so-ban-nganh-2025.yaml"] {
        let csv = stdout_of(&["score", file, "-f", "csv"]);
        for line in csv.lines().skip(1) {
            let code = line.split(',').next().unwrap();
            if !code.is_empty() && !line.contains(",component,") {
                runs.push(["explain", file, code].map(String::from).to_vec());
            }
        }
    }
    for code in ["1.6", "7.1.3", "7.1"] {
        for stage in ["final", "appraised", "self"] {
            let file = "examples/krong-no-2022-rounds.yaml";
            runs.push(
                ["explain", file, code, "--stage", stage]
                    .map(String::from)
                    .to_vec(),
            );
        }
    }
    assert!(runs.len() > 150, "{} runs", runs.len());
    let runs: Vec<Vec<&str>> = runs
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    assert_vietnamese(&runs);
}

#[test]
fn whatif_template_diff_rank_and_report_speak_vietnamese() {
    assert_vietnamese(&[
        vec!["whatif", EXAMPLE, "--set", "1.6=2", "--set", "2.4.3=yes"],
        vec!["whatif", EXAMPLE, "--target", "Xuất sắc"],
        vec![
            "whatif",
            EXAMPLE,
            "--set",
            "1.6=2",
            "--target",
            "92.5",
            "--peers",
            "examples/dak-nong-2022",
        ],
        vec!["template", "dak-nong-district-2022"],
        vec!["template", "so-ban-nganh-2025"],
        vec!["template", "xa-phuong-2025"],
        vec!["criteria", "list"],
        vec!["diff", "examples/krong-no-2021.yaml", EXAMPLE],
        vec![
            "diff",
            EXAMPLE,
            "examples/krong-no-2023.yaml",
            "-f",
            "markdown",
        ],
        vec!["diff", "--stages", "examples/krong-no-2022-rounds.yaml"],
        vec![
            "diff",
            "--stages",
            "examples/krong-no-2022-rounds.yaml",
            "-f",
            "markdown",
        ],
        vec!["rank", "examples/dak-nong-2022"],
        vec![
            "rank",
            "examples/dak-nong-2022",
            "--previous",
            common::dak_nong_2021(),
            "-f",
            "markdown",
        ],
        vec![
            "report",
            EXAMPLE,
            "--previous",
            "examples/krong-no-2021.yaml",
            "--peers",
            "examples/dak-nong-2022",
        ],
        vec!["report", EXAMPLE, "-f", "html"],
    ]);
}

#[test]
fn the_language_comes_from_parindex_lang_and_the_locale() {
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = parindex();
        for name in ["PARINDEX_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            cmd.env_remove(name);
        }
        cmd.envs(vars.iter().copied());
        let out = cmd.args(["score", EXAMPLE]).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(run(&[]).contains("Total · grade Tốt"));
    assert!(run(&[("PARINDEX_LANG", "vi")]).contains("Tổng · xếp loại Tốt"));
    assert!(run(&[("LANG", "vi_VN.UTF-8")]).contains("78,046"));
    assert!(run(&[("LANG", "vi_VN.UTF-8"), ("PARINDEX_LANG", "en")]).contains("78.046"));
    // --lang outranks both.
    let out = parindex()
        .env("PARINDEX_LANG", "vi")
        .args(["score", EXAMPLE, "--lang", "en"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("Total"));
}

/// The texts of a workbook: its sheet names and every string in its cells, one per line.
fn workbook_texts(path: &Path) -> String {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut s = String::new();
        archive
            .by_name(name)
            .unwrap()
            .read_to_string(&mut s)
            .unwrap();
        s
    };
    let (book, strings) = (read("xl/workbook.xml"), read("xl/sharedStrings.xml"));
    let names = Regex::new(r#"<sheet name="([^"]*)""#).unwrap();
    let cells = Regex::new(r"<t[^>]*>([^<]*)</t>").unwrap();
    names
        .captures_iter(&book)
        .chain(cells.captures_iter(&strings))
        .map(|c| c[1].to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn workbooks_speak_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = input_texts();
    let runs: [&[&str]; 5] = [
        &["score", EXAMPLE],
        &["losses", EXAMPLE],
        &[
            "rank",
            "examples/dak-nong-2022",
            "--previous",
            common::dak_nong_2021(),
        ],
        &["diff", "examples/krong-no-2021.yaml", EXAMPLE],
        &["diff", "--stages", "examples/krong-no-2022-rounds.yaml"],
    ];
    for (i, args) in runs.iter().enumerate() {
        let mut found = Vec::new();
        for lang in ["vi", "en"] {
            let out = dir.path().join(format!("{i}-{lang}.xlsx"));
            let mut all = args.to_vec();
            let path = out.to_str().unwrap();
            all.extend(["-f", "xlsx", "-o", path, "--lang", lang]);
            stdout_of(&all);
            found.push(english_words(&workbook_texts(&out), &inputs));
        }
        assert!(
            found[0].is_empty(),
            "{args:?} in Vietnamese: {:?}",
            found[0]
        );
        // The same workbook in English is caught: the check looked.
        assert!(!found[1].is_empty(), "{args:?} in English: nothing found");
    }
}

// What a Vietnamese reader sees, reviewed once and kept: figures the Vietnamese way
// (78,046; 4.290/4.500 = 95,33%; 87,69%), the domain's own terms.

#[test]
fn snapshot_score_vi() {
    insta::assert_snapshot!(vi(&["score", EXAMPLE]));
}

#[test]
fn snapshot_losses_by_office_vi() {
    insta::assert_snapshot!(vi(&[
        "losses",
        EXAMPLE,
        "--by",
        "responsible",
        "-f",
        "markdown"
    ]));
}

#[test]
fn snapshot_explain_vi() {
    let explained: Vec<String> = ["1.1.3", "3.4.4.1", "1.6", "5.7.4", "3.4.4"]
        .iter()
        .map(|code| vi(&["explain", EXAMPLE, code]))
        .collect();
    insta::assert_snapshot!(explained.join("\n"));
}

#[test]
fn snapshot_explain_rounds_and_revision_2_rules_vi() {
    let explained = [
        vi(&["explain", "examples/krong-no-2022-rounds.yaml", "7.1.3"]),
        vi(&[
            "explain",
            "examples/krong-no-2022-rounds.yaml",
            "7.1.3",
            "--stage",
            "appraised",
        ]),
        vi(&["explain", "examples/so-ban-nganh-2025.yaml", "3.2.1"]),
        vi(&["explain", "examples/so-ban-nganh-2025.yaml", "3.1.2"]),
        vi(&["explain", "examples/so-ban-nganh-2025.yaml", "8.1.1"]),
    ];
    insta::assert_snapshot!(explained.join("\n"));
}

#[test]
fn snapshot_whatif_vi() {
    insta::assert_snapshot!(vi(&[
        "whatif",
        EXAMPLE,
        "--set",
        "1.6=2",
        "--target",
        "Xuất sắc"
    ]));
}

#[test]
fn bonus_and_penalty_sections_are_marked_once() {
    // English marks them (the title is the set's, in Vietnamese); a Vietnamese title that
    // already says "Điểm thưởng" is not marked again.
    let file = "examples/xa-phuong-2025.yaml";
    let english = stdout_of(&["score", file]);
    assert!(english.contains("Điểm thưởng (bonus)"), "{english}");
    let vietnamese = vi(&["score", file]);
    assert!(vietnamese.contains("Điểm thưởng"), "{vietnamese}");
    assert!(!vietnamese.contains("(điểm thưởng)"), "{vietnamese}");
    assert!(!vietnamese.contains("(điểm trừ)"), "{vietnamese}");
}

// ---------------------------------------------------------------------------------------------
// What commands say on standard error: diagnostics of broken files, usage errors, files not
// written. Vietnamese with `--lang vi`, English (and caught by the check) without.

/// The words of a rendering of diagnostics, without the lines quoted from the input: the
/// quoted source (`12 | …`), its carets and the `-->` location.
fn without_quoted_source(rendered: &str) -> String {
    rendered
        .lines()
        .filter(|line| {
            let t = line.trim_start();
            let gutter = t
                .split_once('|')
                .is_some_and(|(g, _)| g.trim().bytes().all(|b| b.is_ascii_digit()));
            !gutter && !t.starts_with("-->")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `parindex ARGS` with the environment's language cleared: (exit code, stdout, stderr).
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = parindex().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn check_on_broken_files_speaks_vietnamese() {
    let mut inputs = input_texts();
    let files = [
        "tests/errors/evidence/E205-rate-over-100.yaml",
        "tests/errors/evidence/E202-unknown-code.yaml",
        "tests/errors/criteria/E106-max-not-sum.yaml",
        "tests/errors/remediation/E502-bad-status.yaml",
        "tests/errors/remediation/W501-lost-criterion-without-remedy.yaml",
    ];
    for f in files.iter().chain(&["tests/fixtures/small-criteria.yaml"]) {
        yaml_strings(Path::new(f), &mut inputs);
    }
    // The fixture set's id, lower-case words as ids are (the examples' ids have a year).
    inputs.push("test-small".into());
    inputs.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut found = Vec::new();
    for f in files {
        let (code, vi, _) = run(&["check", f, "--lang", "vi"]);
        let want = if f.contains("/W") { 0 } else { 1 };
        assert_eq!(code, Some(want), "check {f} --lang vi");
        assert!(vi.contains("gợi ý") || vi.contains("lỗi["), "{vi}");
        let english = english_words(&without_quoted_source(&vi), &inputs);
        if !english.is_empty() {
            found.push(format!("check {f}: {english:?}\n{vi}"));
        }
        // The same run in English is caught: the check looked.
        let (_, en, _) = run(&["check", f]);
        assert!(
            !english_words(&without_quoted_source(&en), &inputs).is_empty(),
            "check {f} in English: nothing found"
        );
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));
}

#[test]
fn the_remediation_report_speaks_vietnamese() {
    assert_vietnamese(&[
        vec![
            "report",
            EXAMPLE,
            "--remediation",
            "examples/krong-no-2023-remediation.yaml",
        ],
        vec![
            "report",
            EXAMPLE,
            "--remediation",
            "examples/krong-no-2023-remediation.yaml",
            "--interim",
            "examples/krong-no-2023.yaml",
            "-f",
            "html",
        ],
    ]);
}

#[test]
fn convert_speaks_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("phieu.xlsx");
    let form = form.to_str().unwrap();
    let (code, _, err) = run(&["convert", EXAMPLE, "-o", form, "--lang", "vi"]);
    assert_eq!(code, Some(0), "{err}");
    // The form read back is an evidence file: its keys are the format's, its comments are
    // for people, in Vietnamese.
    let yaml = stdout_of(&["convert", form, "--lang", "vi"]);
    let comments: Vec<&str> = yaml.lines().filter(|l| l.starts_with('#')).collect();
    assert!(!comments.is_empty(), "{yaml}");
    let english = english_words(&comments.join("\n"), &input_texts());
    assert!(english.is_empty(), "{english:?} in {comments:?}");
}

#[test]
fn the_excel_form_speaks_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = input_texts();
    let mut found = Vec::new();
    for lang in ["vi", "en"] {
        let out = dir.path().join(format!("phieu-{lang}.xlsx"));
        let path = out.to_str().unwrap();
        stdout_of(&[
            "template",
            "dak-nong-district-2022",
            "--format",
            "xlsx",
            "-o",
            path,
            "--unit",
            "UBND huyện Krông Nô",
            "--period",
            "2022",
            "--lang",
            lang,
        ]);
        // The cells the form reads back as they are (the kind `evidence-form`, the value kind
        // of each row, the set's SHA-256) are the format's, not words.
        let texts: Vec<String> = workbook_texts(&out)
            .lines()
            .filter(|t| !is_format_word(t) && !t.bytes().all(|b| b.is_ascii_hexdigit()))
            .map(String::from)
            .collect();
        found.push(english_words(&texts.join("\n"), &inputs));
    }
    assert!(
        found[0].is_empty(),
        "the form in Vietnamese: {:?}",
        found[0]
    );
    assert!(!found[1].is_empty(), "the form in English: nothing found");
}

#[test]
fn template_units_speaks_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("don-vi.csv");
    std::fs::write(
        &units,
        "STT,Tên đơn vị,Nhóm\n1,UBND xã Nâm N'Đir,xã\n2,UBND xã Đức Xuyên,xã\n",
    )
    .unwrap();
    let forms = dir.path().join("phieu");
    let (units, forms) = (units.to_str().unwrap(), forms.to_str().unwrap());
    let args = |lang: &str| {
        let mut a = vec!["template", "xa-phuong-2025", "--units", units, "-o", forms];
        a.extend(["--lang", lang]);
        a.into_iter().map(String::from).collect::<Vec<_>>()
    };
    let inputs = input_texts();
    let said = |args: &[String]| {
        let out = parindex().args(args).output().unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    // Written, then refused (the forms exist), then a group the file does not have.
    let (code, written) = said(&args("vi"));
    assert_eq!(code, Some(0), "{written}");
    assert!(written.contains("đã ghi 2 phiếu"), "{written}");
    let (code, exist) = said(&args("vi"));
    assert_eq!(code, Some(2), "{exist}");
    let mut group = args("vi");
    group.extend(["--force", "--group", "phường"].map(String::from));
    let (code, no_group) = said(&group);
    assert_eq!(code, Some(1), "{no_group}");
    for text in [&written, &exist, &no_group] {
        let english = english_words(&without_quoted_source(text), &inputs);
        assert!(english.is_empty(), "{english:?} in:\n{text}");
    }
    let (_, exist_en) = said(&args("en"));
    assert!(!english_words(&exist_en, &inputs).is_empty(), "{exist_en}");
}

#[test]
fn usage_and_write_errors_speak_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("co-san.txt");
    std::fs::write(&existing, "giữ nguyên").unwrap();
    let existing = existing.to_str().unwrap();
    // A form is named for its format (`template -o x.txt` is refused first).
    let existing_form = dir.path().join("co-san.yaml");
    std::fs::write(&existing_form, "giữ nguyên").unwrap();
    let existing_form = existing_form.to_str().unwrap();
    let bare = dir.path().join("tu-danh-gia");
    std::fs::copy(EXAMPLE, &bare).unwrap();
    let bare = bare.to_str().unwrap();
    let form = dir.path().join("phieu.xlsx");
    std::fs::write(&form, "giữ nguyên").unwrap();
    let form = form.to_str().unwrap();
    // (arguments, exit code): every line the command writes itself.
    let runs: Vec<(Vec<&str>, i32)> = vec![
        (vec!["score", EXAMPLE, "-f", "xlsx"], 2),
        (vec!["score", EXAMPLE, "-f", "docx"], 2),
        (vec!["score", EXAMPLE, "-o", existing], 2),
        // Named .yaml, an output of another kind is refused by its name; named without an
        // extension, the file read is refused as an output: both exit 2 (the command line).
        (vec!["score", EXAMPLE, "-o", EXAMPLE, "--force"], 2),
        (vec!["score", bare, "-o", bare, "--force"], 2),
        (vec!["losses", EXAMPLE, "-f", "csv", "-o", existing], 2),
        (vec!["report", EXAMPLE, "-o", existing], 2),
        (vec!["rank", "examples/dak-nong-2022", "-f", "docx"], 2),
        (vec!["template", "dak-nong-district-2022", "-f", "xlsx"], 2),
        (
            vec!["template", "dak-nong-district-2022", "-o", existing_form],
            2,
        ),
        (
            vec!["template", "dak-nong-district-2022", "--unit", "a\u{1b}b"],
            2,
        ),
        (vec!["convert", EXAMPLE], 2),
        (vec!["convert", EXAMPLE, "-o", existing], 2),
        (vec!["convert", EXAMPLE, "-o", form], 2),
        (vec!["explain", EXAMPLE, "1.1.9"], 1),
        (vec!["explain", EXAMPLE, "9.9"], 1),
        (vec!["whatif", EXAMPLE], 2),
        (
            vec!["whatif", EXAMPLE, "--set", "1.6=1", "--set", "1.6=2"],
            2,
        ),
        (vec!["whatif", EXAMPLE, "--set", "9.9=1", "--set", "1.6"], 1),
        (
            vec!["whatif", EXAMPLE, "--set", "1=1", "--set", "1.6=abc"],
            1,
        ),
        (vec!["whatif", EXAMPLE, "--target", "0.9"], 2),
        (vec!["whatif", EXAMPLE, "--target", "Giỏi lắm"], 2),
        (vec!["diff", EXAMPLE, EXAMPLE, "--fail-on-drop", "x"], 2),
        (
            vec![
                "diff",
                "examples/krong-no-2023.yaml",
                EXAMPLE,
                "--fail-on-drop",
                "0",
            ],
            1,
        ),
        (vec!["criteria", "show", "khong-co"], 1),
    ];
    let inputs = input_texts();
    let mut found = Vec::new();
    let mut caught = 0;
    for (args, want) in &runs {
        let mut vi = args.clone();
        vi.extend(["--lang", "vi"]);
        // `criteria show` takes no --lang: its language comes from the environment.
        if args[0] == "criteria" {
            vi.truncate(args.len());
        }
        let out = parindex()
            .env("PARINDEX_LANG", "vi")
            .args(&vi)
            .output()
            .unwrap();
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(*want), "{vi:?}: {err}");
        assert!(err.contains("lỗi"), "{vi:?}: {err}");
        let english = english_words(&without_quoted_source(&err), &inputs);
        if !english.is_empty() {
            found.push(format!("{vi:?}: {english:?}\n{err}"));
        }
        // In English, the same lines are caught: the check looked.
        let mut en = args.clone();
        if args[0] != "criteria" {
            en.extend(["--lang", "en"]);
        }
        let (_, _, err_en) = run(&en);
        if !english_words(&without_quoted_source(&err_en), &inputs).is_empty() {
            caught += 1;
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n\n"));
    assert_eq!(
        caught,
        runs.len(),
        "some English runs wrote no English word"
    );
    // Nothing was overwritten.
    assert_eq!(std::fs::read_to_string(existing).unwrap(), "giữ nguyên");
    assert_eq!(std::fs::read_to_string(form).unwrap(), "giữ nguyên");
}
