//! Texts that show less than they hold (issue 11): invisible and default-ignorable characters
//! in flags and files are refused and named for what they are, in the language asked for, and
//! the words around them read right in either language.

mod common;

use common::{parindex, EXAMPLE};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

#[test]
fn template_flags_refuse_invisible_characters_and_overlong_values() {
    for (flag, value) in [
        ("--unit", "UBND xã A\u{200b}"),
        ("--unit", "UBND\u{3164}xã A"),
        ("--period", "2025\u{ad}"),
        ("--period", "20\u{2800}25"),
        ("--unit", "UBND xã A\u{e0020}"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("f.yaml");
        parindex()
            .args([
                "template",
                "xa-phuong-2025",
                "--lang",
                "en",
                flag,
                value,
                "-o",
            ])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains(format!("error: {flag} holds U+")));
        assert!(!out.exists(), "{flag} {value:?}");
    }
    parindex()
        .args(["template", "xa-phuong-2025", "--lang", "vi"])
        .args(["--unit", "UBND xã A\u{200b}"])
        .assert()
        .code(2)
        .stderr(contains("lỗi: --unit chứa U+200B, một ký tự ẩn"))
        .stdout("");
    parindex()
        .args(["template", "xa-phuong-2025", "--lang", "en"])
        .args(["--period", &"2".repeat(101)])
        .assert()
        .code(2)
        .stderr(contains(
            "error: --period has 101 characters, more than the 100 it may hold",
        ));
    parindex()
        .args(["template", "xa-phuong-2025", "--lang", "en"])
        .args(["--unit", &"Đ".repeat(301)])
        .assert()
        .code(2)
        .stderr(contains("--unit has 301 characters"));
    // Vietnamese, composed or decomposed, passes.
    for unit in [
        "UBND xã Đắk Nông",
        "UBND xa\u{303} \u{110}a\u{306}\u{301}k Nông",
    ] {
        parindex()
            .args([
                "template",
                "xa-phuong-2025",
                "--unit",
                unit,
                "--period",
                "2025",
            ])
            .assert()
            .success()
            .stdout(contains(unit));
    }
}

#[test]
fn an_evidence_file_with_a_zero_width_space_is_not_said_to_reorder_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("e.yaml");
    let text = std::fs::read_to_string(EXAMPLE).unwrap();
    // The example names its set by its id: the copy reads it from anywhere.
    let text = text.replacen("unit: \"", "unit: \"\u{200b}", 1);
    std::fs::write(&file, text).unwrap();
    for (lang, says, never) in [
        (
            "en",
            "U+200B (zero width space), an invisible character",
            "reorders",
        ),
        ("vi", "U+200B, một ký tự ẩn", "đảo thứ tự"),
    ] {
        parindex()
            .args(["score", "--lang", lang])
            .arg(&file)
            .assert()
            .code(1)
            .stderr(contains("E014"))
            .stderr(contains(says))
            .stderr(contains(never).not())
            .stderr(contains("202E").not());
    }
}

#[test]
fn forms_written_for_units_are_counted_in_the_language_of_the_messages() {
    let dir = tempfile::tempdir().unwrap();
    let units = dir.path().join("units.txt");
    for (names, en, vi) in [
        (
            "UBND xã A\n",
            "wrote 1 self-assessment form to",
            "đã ghi 1 phiếu tự đánh giá vào",
        ),
        (
            "UBND xã A\nUBND xã B\n",
            "wrote 2 self-assessment forms to",
            "đã ghi 2 phiếu tự đánh giá vào",
        ),
    ] {
        std::fs::write(&units, names).unwrap();
        for (env, says) in [("en_US.UTF-8", en), ("vi_VN.UTF-8", vi)] {
            let forms = tempfile::tempdir().unwrap();
            parindex()
                .env("LANG", env)
                .args(["template", "xa-phuong-2025", "--units"])
                .arg(&units)
                .arg("-o")
                .arg(forms.path())
                .assert()
                .success()
                .stderr(contains(says))
                .stderr(contains("(s)").not());
        }
    }
}

#[test]
fn a_blank_unit_or_period_flag_is_a_usage_error_not_a_nameless_form() {
    for (flag, value) in [("--unit", ""), ("--unit", "  "), ("--period", "\u{3000}")] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("f.yaml");
        parindex()
            .args([
                "template",
                "xa-phuong-2025",
                "--lang",
                "en",
                flag,
                value,
                "-o",
            ])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(contains(format!("error: {flag} is blank")));
        assert!(!out.exists(), "{flag} {value:?}");
    }
    // Where --period asks every form for a period, blank is refused the same way.
    parindex()
        .args([
            "rank",
            "examples/dak-nong-2022",
            "--lang",
            "en",
            "--period",
            " ",
        ])
        .assert()
        .code(2)
        .stderr(contains("--period"));
    parindex()
        .args([
            "check",
            "examples/dak-nong-2022",
            "--units",
            "/dev/null",
            "--period",
            "",
        ])
        .assert()
        .code(2)
        .stderr(contains("error: --period is blank"));
}
