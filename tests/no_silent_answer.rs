//! "Trust: no silent wrong answer": inputs that used to pass `check` and change a result
//! without a word (n/a where a set never allowed it, grades written as fractions, `invert`
//! read the wrong way round, control characters reaching the terminal) are now refused or
//! flagged, and a diagnostic is reported once, with suggestions that are near the input.

mod common;

use common::parindex;
use std::fs;
use std::path::Path;

/// `check` on the given files: (exit code, standard output).
fn check(files: &[&Path]) -> (i32, String) {
    let out = parindex()
        .arg("check")
        .args(files)
        .output()
        .expect("parindex runs");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// A criteria set with three leaves, `extra` added at the top level and `leaf_na` on 1.3.
fn criteria(dir: &Path, extra: &str, leaf_na: &str) -> std::path::PathBuf {
    let path = dir.join("c.yaml");
    fs::write(
        &path,
        format!(
            "parindex: 1\nkind: criteria\nid: t\ntitle: t\n{extra}sections:\n  - code: \"1\"\n    title: a\n    max: 4\n    items:\n      - {{ code: \"1.1\", title: \"Tỷ lệ hồ sơ đúng hạn\", max: 2, rule: ratio }}\n      - {{ code: \"1.2\", title: \"Sự cố an toàn thông tin\", max: 1, rule: {{ deduct: {{ per: 0.5 }} }} }}\n      - {{ code: \"1.3\", title: \"Điểm khảo sát\", max: 1, {leaf_na}rule: points }}\n"
        ),
    )
    .unwrap();
    path
}

fn evidence(dir: &Path, values: &str) -> std::path::PathBuf {
    let path = dir.join("e.yaml");
    fs::write(
        &path,
        format!("parindex: 1\nkind: evidence\ncriteria: c.yaml\nunit: u\nperiod: \"2025\"\nvalues:\n{values}"),
    )
    .unwrap();
    path
}

// ---------------------------------------------------------------------------------------------
// 1. n/a is allowed only where the set says what it means

#[test]
fn na_where_the_set_never_allowed_it_is_an_error_naming_the_criterion() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "", "");
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"n/a\"\n  \"1.2\": \"n/a\"\n  \"1.3\": \"n/a\"\n",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 1, "{out}");
    for leaf in ["1.1", "1.2", "1.3"] {
        assert!(
            out.contains(&format!("error[E216]: criterion {leaf} does not allow n/a: the set would need `if_na: full` or `if_na: exclude` on it")),
            "{out}"
        );
    }
    assert!(out.contains("e.yaml:7:10"), "placed at the value: {out}");
    // Refused, so never scored: no total rose.
    let out = parindex()
        .args(["score", e.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_set_default_allows_na_and_a_leaf_can_still_forbid_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "if_na: full\n", "if_na: forbid, ");
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"n/a\"\n  \"1.2\": { value: 0, appraised: \"n/a\", reason: r }\n  \"1.3\": \"n/a\"\n",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[E216]: criterion 1.3 does not allow n/a"),
        "{out}"
    );
    assert_eq!(out.matches("[E216]").count(), 1, "{out}");
    // Without 1.3's n/a the set's default holds: 1.1 and 1.2 score their max.
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"n/a\"\n  \"1.2\": { value: 0, appraised: \"n/a\", reason: r }\n  \"1.3\": 0.5\n",
    );
    let json = common::stdout_of(&["score", e.to_str().unwrap(), "-f", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["total"]["score"], "3.5");
    // A leaf's own `if_na: exclude` overrides a set default of forbid.
    let c = criteria(dir.path(), "if_na: forbid\n", "if_na: exclude, ");
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"50%\"\n  \"1.2\": 0\n  \"1.3\": \"n/a\"\n",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn an_appraised_na_on_a_forbid_leaf_is_an_error_too() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "", "");
    let e = evidence(
        dir.path(),
        "  \"1.1\": { value: \"90%\", appraised: \"n/a\", reason: r }\n  \"1.2\": 0\n  \"1.3\": 1\n",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[E216]: criterion 1.1 does not allow n/a"),
        "{out}"
    );
}

#[test]
fn an_unknown_if_na_suggests_the_spelling() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "if_na: forbit\n", "");
    let (code, out) = check(&[&c]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("unknown `if_na: forbit`"), "{out}");
    assert!(out.contains("did you mean `forbid`?"), "{out}");
}

#[test]
fn the_missing_value_hint_offers_na_only_where_it_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "", "");
    let e = evidence(dir.path(), "  \"1.1\": \"50%\"\n");
    let (_, out) = check(&[&c, &e]);
    assert!(out.contains("[W201]"), "{out}");
    assert!(
        out.contains(
            "= help: give each leaf a value (the criteria set allows \"n/a\" on none of them)"
        ),
        "{out}"
    );
    let c = criteria(dir.path(), "", "if_na: exclude, ");
    let (_, out) = check(&[&c, &e]);
    assert!(
        out.contains("\"n/a\", where the criterion does not apply, is allowed only on 1.3"),
        "{out}"
    );
}

#[test]
fn other_hints_offer_na_only_where_it_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "", "");
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"0/0\"\n  \"1.2\": 0\n  \"1.3\": lots\n",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("\"n/a\" (nothing arose) is not allowed on criterion 1.1"),
        "{out}"
    );
    assert!(!out.contains("write \"n/a\""), "{out}");
    assert!(!out.contains("or \"n/a\""), "{out}");
    // Where the set allows n/a, the hints still offer it.
    let c = criteria(dir.path(), "if_na: full\n", "");
    let (_, out) = check(&[&c, &e]);
    assert!(out.contains("if nothing arose, write \"n/a\""), "{out}");
}

#[test]
fn whatif_refuses_na_where_the_set_forbids_it() {
    let dir = tempfile::tempdir().unwrap();
    criteria(dir.path(), "", "");
    let e = evidence(
        dir.path(),
        "  \"1.1\": \"50%\"\n  \"1.2\": 0\n  \"1.3\": 1\n",
    );
    let out = parindex()
        .args(["whatif", e.to_str().unwrap(), "--set", "1.1=n/a"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("criterion 1.1 does not allow n/a"),
        "{stderr}"
    );
}

#[test]
fn the_template_offers_na_only_where_it_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let c = criteria(dir.path(), "", "if_na: full, ");
    let out = common::stdout_of(&["template", c.to_str().unwrap()]);
    let comment = |code: &str| {
        let at = out.find(&format!("\n  \"{code}\":")).unwrap();
        out[..at].lines().last().unwrap().to_string()
    };
    assert!(!comment("1.1").contains("n/a"), "{out}");
    assert!(
        comment("1.3").contains("\"n/a\" if it does not apply (scores the max)"),
        "{out}"
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Grades are percentages

/// A one-leaf criteria set (max 100) with these grade bands, and evidence scoring `score`.
fn graded(dir: &Path, grades: &str, score: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let c = dir.join("c.yaml");
    fs::write(
        &c,
        format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\ngrades:\n{grades}sections:\n  - {{ code: \"1\", title: a, max: 100, rule: points }}\n"),
    )
    .unwrap();
    let e = evidence(dir, &format!("  \"1\": {score}\n"));
    (c, e)
}

#[test]
fn grades_written_as_fractions_are_an_error_showing_the_percentages() {
    let dir = tempfile::tempdir().unwrap();
    let (c, e) = graded(
        dir.path(),
        "  - { label: \"Xuất sắc\", min: 0.9 }\n  - { label: \"Tốt\", min: 0.8 }\n  - { label: \"Khá\", min: 0.7 }\n  - { label: \"Yếu\", min: 0 }\n",
        "70.79",
    );
    let (code, out) = check(&[&c, &e]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[E110]"), "{out}");
    assert!(out.contains("look like fractions"), "{out}");
    assert!(
        out.contains("min: 90 }") && out.contains("min: 80 }") && out.contains("min: 70 }"),
        "shows the percentage form: {out}"
    );
    // And 70.79% is never graded Xuất sắc.
    let out = parindex()
        .args(["score", e.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}

#[test]
fn grades_may_be_written_as_percent_strings() {
    let dir = tempfile::tempdir().unwrap();
    let (_, e) = graded(
        dir.path(),
        "  - { label: \"Xuất sắc\", min: \"90%\" }\n  - { label: \"Tốt\", min: \"80%\" }\n  - { label: \"Khá\", min: 70 }\n  - { label: \"Yếu\", min: \"0%\" }\n",
        "70.79",
    );
    let json = common::stdout_of(&["score", e.to_str().unwrap(), "-f", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["total"]["grade"], "Khá");
    let (c, _) = graded(
        dir.path(),
        "  - { label: \"A\", min: \"120%\" }\n  - { label: \"B\", min: 0 }\n",
        "1",
    );
    let (code, out) = check(&[&c]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("outside 0–100"), "{out}");
}

#[test]
fn one_band_at_one_percent_and_zero_is_also_taken_for_fractions() {
    // The contract: every min at most 1 while some is above 0.
    let dir = tempfile::tempdir().unwrap();
    let (c, _) = graded(
        dir.path(),
        "  - { label: \"Đạt\", min: 1 }\n  - { label: \"Không đạt\", min: 0 }\n",
        "1",
    );
    let (code, out) = check(&[&c]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("look like fractions"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// 3. `invert` and lower-is-better ratios

/// A one-leaf criteria set (max 1) with this ratio rule's parameters.
fn ratio_set(dir: &Path, params: &str) -> std::path::PathBuf {
    let c = dir.join("c.yaml");
    fs::write(
        &c,
        format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - {{ code: \"1\", title: \"Hồ sơ trả lại\", max: 1, rule: {{ ratio: {{ {params} }} }} }}\n"),
    )
    .unwrap();
    c
}

/// The leaf's score for `rate` under the set in `dir`.
fn leaf_score(dir: &Path, rate: &str) -> String {
    let e = evidence(dir, &format!("  \"1\": \"{rate}\"\n"));
    let json = common::stdout_of(&["score", e.to_str().unwrap(), "-f", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    doc["total"]["score"].as_str().unwrap().to_string()
}

#[test]
fn invert_is_warned_with_the_equivalent_zero_at_full_at_form() {
    let dir = tempfile::tempdir().unwrap();
    let c = ratio_set(
        dir.path(),
        "invert: true, zero_below: \"0%\", full_at: \"10%\"",
    );
    let (code, out) = check(&[&c]);
    assert_eq!(code, 0, "a warning: {out}");
    assert!(out.contains("warning[W102]"), "{out}");
    assert!(
        out.contains("full marks for rates up to 90%"),
        "says what it does: {out}"
    );
    assert!(
        out.contains("{ ratio: { zero_at: \"100%\", full_at: \"90%\" } }"),
        "the equivalent form: {out}"
    );
    assert!(
        out.contains("{ ratio: { zero_at: \"10%\", full_at: \"0%\" } }"),
        "the likely intent: {out}"
    );
    // The equivalent form scores the same as the inverted rule.
    assert_eq!(leaf_score(dir.path(), "90%"), "1");
    assert_eq!(leaf_score(dir.path(), "95%"), "0.5");
    ratio_set(dir.path(), "zero_at: \"100%\", full_at: \"90%\"");
    assert_eq!(leaf_score(dir.path(), "90%"), "1");
    assert_eq!(leaf_score(dir.path(), "95%"), "0.5");
}

#[test]
fn full_at_below_zero_at_means_lower_is_better() {
    let dir = tempfile::tempdir().unwrap();
    let c = ratio_set(dir.path(), "zero_at: \"10%\", full_at: \"0%\"");
    let (code, out) = check(&[&c]);
    assert_eq!((code, out.contains("[W")), (0, false), "{out}");
    for (rate, want) in [
        ("0%", "1"),
        ("2.5%", "0.75"),
        ("5%", "0.5"),
        ("10%", "0"),
        ("3/20", "0"),
        ("100%", "0"),
    ] {
        assert_eq!(leaf_score(dir.path(), rate), want, "at {rate}");
    }
    // zero_below is the same parameter; giving both is an error.
    ratio_set(dir.path(), "zero_below: \"10%\", full_at: \"2%\"");
    assert_eq!(leaf_score(dir.path(), "2%"), "1");
    assert_eq!(leaf_score(dir.path(), "6%"), "0.5");
    let c = ratio_set(
        dir.path(),
        "zero_below: \"10%\", zero_at: \"10%\", full_at: \"0%\"",
    );
    let (code, out) = check(&[&c]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[E109]"), "{out}");
    assert!(out.contains("`zero_at` and `zero_below`"), "{out}");
}

// ---------------------------------------------------------------------------------------------
// 4. Control and bidirectional characters never reach the terminal

/// Characters that move a terminal's cursor, ring it, or reorder the text around them.
fn hides_something(s: &str) -> bool {
    s.chars().any(|c| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    })
}

/// `check` on a criteria set whose leaf 1.1 has these extra keys (title included).
fn check_leaf(dir: &Path, leaf: &str) -> (i32, String) {
    let c = dir.join("c.yaml");
    fs::write(
        &c,
        format!("parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - code: \"1\"\n    title: a\n    max: 1\n    items:\n      - code: \"1.1\"\n{leaf}        max: 1\n        rule: yes-no\n"),
    )
    .unwrap();
    check(&[&c])
}

#[test]
fn an_escape_sequence_in_a_title_is_refused_and_shown_as_its_code_point() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = check_leaf(dir.path(), "        title: \"Kế hoạch \\e[31mCCHC\"\n");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("error[E014]: 1.1: `title` holds U+001B (escape), a control character"),
        "{out}"
    );
    assert!(out.contains("c.yaml:11:16"), "file, line and column: {out}");
    assert!(!hides_something(&out), "printed raw: {out:?}");
    // Bell, carriage return and a right-to-left override, escaped or written as they are.
    for (title, shown) in [
        ("\"a\\ab\"", "U+0007"),
        ("\"a\\rb\"", "U+000D"),
        ("\"a\\u202Eb\"", "U+202E"),
        ("\"a\u{202E}b\"", "U+202E"),
        ("\"a\u{2066}b\"", "U+2066"),
        ("\"a\\x9Bb\"", "U+009B"),
    ] {
        let (code, out) = check_leaf(dir.path(), &format!("        title: {title}\n"));
        assert_eq!(code, 1, "{title}: {out}");
        assert!(
            out.contains("[E014]") && out.contains(shown),
            "{title}: {out}"
        );
        assert!(!hides_something(&out), "{title} printed raw: {out:?}");
    }
}

#[test]
fn newlines_only_where_a_text_may_hold_several_lines() {
    let dir = tempfile::tempdir().unwrap();
    // A title in one line with a tab; a note and a block-scalar title on several lines.
    let (code, out) = check_leaf(
        dir.path(),
        "        title: |\n          Kế hoạch\n          CCHC\tnăm\n        note: \"dòng một\\ndòng hai\"\n",
    );
    assert_eq!((code, out.contains("[E")), (0, false), "{out}");
    let (code, out) = check_leaf(dir.path(), "        title: \"dòng một\\ndòng hai\"\n");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("U+000A (line feed)"), "{out}");
}

#[test]
fn a_crlf_file_keeps_its_block_scalars() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.yaml");
    fs::write(
        &c,
        "parindex: 1\r\nkind: criteria\r\nid: t\r\ntitle: t\r\nsections:\r\n  - code: \"1\"\r\n    title: >\r\n      một\r\n      hai\r\n    note: |\r\n      ba\r\n      bốn\r\n    max: 1\r\n    rule: yes-no\r\n",
    )
    .unwrap();
    let (code, out) = check(&[&c]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn evidence_texts_and_values_are_held_to_the_same_rule() {
    let dir = tempfile::tempdir().unwrap();
    criteria(dir.path(), "", "");
    let e = dir.path().join("e.yaml");
    fs::write(
        &e,
        "parindex: 1\nkind: evidence\ncriteria: c.yaml\nunit: \"UBND \\u202Ehuyện\"\nperiod: \"2025\\e\"\nvalues:\n  \"1.1\": \"97%\\r\"\n  \"1.2\": { value: 0, appraised: 1, reason: \"thiếu\\a\" }\n  \"1.3\": { value: 1, note: \"ghi chú\\ndòng hai\" }\n",
    )
    .unwrap();
    let (code, out) = check(&[&e]);
    assert_eq!(code, 1, "{out}");
    assert!(!hides_something(&out), "printed raw: {out:?}");
    for want in [
        "`unit` holds U+202E (right-to-left override)",
        "`period` holds U+001B (escape)",
        "error[E014]: 1.1: the value holds U+000D (carriage return)",
        "error[E014]: 1.2: `reason` holds U+0007 (bell)",
    ] {
        assert!(out.contains(want), "{want}: {out}");
    }
    assert_eq!(out.matches("[E014]").count(), 4, "{out}");
    assert!(
        !out.contains("[W201]"),
        "a refused value is not also missing: {out}"
    );
}

#[test]
fn other_diagnostics_quoting_a_text_never_print_it_raw() {
    // An unknown key with an escape in its name, in a line that also holds a raw override.
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = check_leaf(
        dir.path(),
        "        title: a\n        \"ma\\ex\": \"\u{202E}1\"\n",
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("[E007]"), "{out}");
    assert!(!hides_something(&out), "printed raw: {out:?}");
    for format in ["json", "github"] {
        let out = parindex()
            .args(["check", "-f", format])
            .arg(dir.path().join("c.yaml"))
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("ma<U+001B>x"), "{format}: {text}");
        assert!(!hides_something(&text), "{format} printed raw: {text:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// 5. One cause, one report; suggestions near the input

#[test]
fn a_code_written_as_a_number_is_reported_once_without_follow_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("c.yaml");
    fs::write(
        &c,
        "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - code: \"1\"\n    title: a\n    max: 3\n    items:\n      - { code: \"1.9\", title: b, max: 1, rule: yes-no }\n      - code: 1.10\n        title: c\n        max: 2\n        items:\n          - { code: \"1.10.1\", title: d, max: 1, rule: yes-no }\n          - { code: \"1.10.2\", title: e, max: 1, rule: yes-no }\n  - code: 2.0\n    title: f\n    max: 1\n    items:\n      - { code: \"2.1\", title: g, max: 1, rule: yes-no }\n",
    )
    .unwrap();
    let (code, out) = check(&[&c]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("error[").count(), 2, "{out}");
    assert_eq!(out.matches("error[E102]").count(), 2, "{out}");
    assert!(!out.contains("parent's code ``"), "{out}");
}

#[test]
fn strict_reports_missing_values_once_and_as_errors_beside_other_errors() {
    let dir = tempfile::tempdir().unwrap();
    criteria(dir.path(), "", "");
    let e = evidence(dir.path(), "  \"1.1\": \"120%\"\n");
    let out = parindex()
        .args(["score", "--strict", e.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("[W201]").count(), 1, "{stderr}");
    assert!(stderr.contains("error[W201]"), "{stderr}");
    assert!(stderr.contains("error[E205]"), "{stderr}");
    let e = evidence(dir.path(), "  \"1.1\": \"20%\"\n");
    let out = parindex()
        .args(["score", "--strict", e.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("[W201]").count(), 1, "{stderr}");
}

/// The help of E202 for an unknown code in the small test set.
fn unknown_code_help(code: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let criteria = fs::canonicalize("tests/fixtures/small-criteria.yaml").unwrap();
    let e = dir.path().join("e.yaml");
    fs::write(
        &e,
        format!(
            "parindex: 1\nkind: evidence\ncriteria: {}\nunit: u\nperiod: \"2025\"\nvalues:\n  \"{code}\": 1\n",
            criteria.display()
        ),
    )
    .unwrap();
    let (_, out) = check(&[&e]);
    let line = out
        .lines()
        .skip_while(|l| !l.contains("[E202]"))
        .find(|l| l.contains("= help:"))
        .unwrap_or_else(|| panic!("{out}"));
    line.to_string()
}

#[test]
fn a_code_is_suggested_only_when_it_is_near_the_input() {
    // Another section's criterion is not near: 3.1 is not a typo of 1.1 or 2.1.
    let far = unknown_code_help("3.1");
    assert!(!far.contains("did you mean"), "{far}");
    // A digit too many under the same parent, or the dots left out.
    assert!(unknown_code_help("2.55").contains("did you mean `2.5`?"));
    assert!(unknown_code_help("21").contains("did you mean `2.1`?"));
    // Several siblings as near as each other: none is guessed, the siblings are listed.
    let ambiguous = unknown_code_help("2.6");
    assert!(!ambiguous.contains("did you mean"), "{ambiguous}");
    assert!(
        ambiguous.contains("criteria under 2: 2.1, 2.2, 2.3, 2.4, 2.5"),
        "{ambiguous}"
    );
}
