//! What a hostile review of the remediation report found (issue 12), each case run as a user
//! runs it: the other files a report reads (`--interim`, `--previous`, `--peers`) must be the
//! unit's own, of the right period; a plan contradicted by this year's values is not trusted;
//! remedies keyed by a section are refused; the plan's dates are checked against each other.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};

const PLAN: &str = "examples/krong-no-2023-remediation.yaml";
const INTERIM: &str = "examples/krong-no-2023.yaml";
const LAST_YEAR: &str = "examples/krong-no-2021.yaml";
const OTHER_UNIT: &str = "examples/dak-nong-2022/fictional-a.yaml";

/// The example plan with `from` replaced by `to` (each must be there), written into `dir`
/// with its `evidence:` made absolute so that `check` finds it from there.
fn plan_with(dir: &Path, edits: &[(&str, &str)]) -> PathBuf {
    let evidence = fs::canonicalize(EXAMPLE).unwrap();
    let mut text = fs::read_to_string(PLAN).unwrap().replace(
        "evidence: krong-no-2022.yaml",
        &format!("evidence: \"{}\"", evidence.display()),
    );
    for (from, to) in edits {
        assert!(text.contains(from), "the example plan has no `{from}`");
        text = text.replacen(from, to, 1);
    }
    let path = dir.join("plan.yaml");
    fs::write(&path, text).unwrap();
    path
}

fn report(plan: &Path, more: &[&str]) -> assert_cmd::assert::Assert {
    parindex()
        .args(["report", EXAMPLE, "--lang", "en", "--remediation"])
        .arg(plan)
        .args(more)
        .assert()
}

#[test]
fn an_interim_of_another_unit_or_an_earlier_year_is_refused() {
    for (interim, said) in [
        (
            OTHER_UNIT,
            "is the evidence of `Đơn vị giả định A (hư cấu)`",
        ),
        (
            LAST_YEAR,
            "is the evidence of 2021, not of a period after 2022",
        ),
    ] {
        parindex()
            .args(["report", EXAMPLE, "--lang", "en", "--remediation", PLAN])
            .args(["--interim", interim])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("[E506]").and(predicate::str::contains(said)));
    }
    // The same year's file again is not "this year so far" either.
    parindex()
        .args([
            "report",
            EXAMPLE,
            "--remediation",
            PLAN,
            "--interim",
            EXAMPLE,
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("[E506]"));
}

#[test]
fn dropped_is_refused_where_the_new_set_still_has_the_criterion() {
    let dir = tempfile::tempdir().unwrap();
    // 1.6 is `in-progress` in the example; the 2023 set still has it.
    let plan = plan_with(
        dir.path(),
        &[(
            "\"1.6\":\n    status: in-progress",
            "\"1.6\":\n    status: dropped",
        )],
    );
    report(&plan, &["--interim", INTERIM])
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error[E507]: 1.6:"));
    // Without this year's set to check it against, the plan is taken at its word.
    report(&plan, &[]).success();
}

#[test]
fn done_contradicted_by_this_years_values_is_not_counted_as_remedied() {
    let dir = tempfile::tempdir().unwrap();
    // 3.4.1 is "vẫn chưa khắc phục được"; the plan claims it done, 2023 still loses 1 point.
    let plan = plan_with(
        dir.path(),
        &[(
            "\"3.4.1\":\n    status: not-started",
            "\"3.4.1\":\n    status: done",
        )],
    );
    let honest = stdout_of(&[
        "report",
        EXAMPLE,
        "--lang",
        "en",
        "--remediation",
        PLAN,
        "--interim",
        INTERIM,
    ]);
    let out = report(&plan, &["--interim", INTERIM])
        .success()
        .stderr(predicate::str::contains(
            "warning[W503]: 3.4.1: `status: done`, but the values of 2023 so far still lose 1 point on it",
        ));
    let out = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let said =
        "the plan says done, but this year's values still lose 1 point (not counted as remedied)";
    assert!(out.contains(&format!("**Status:** {said}.")), "{out}");
    // Still at stake, as much as when the plan said not-started; not among the remedied.
    let conclusion = |text: &str| -> Vec<String> {
        let c = &text[text.find("## III.").unwrap()..];
        c.lines()
            .filter(|l| l.starts_with("Remedied:") || l.contains("not yet remedied, with"))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(conclusion(&out).len(), 2, "{out}");
    assert_eq!(conclusion(&out), conclusion(&honest));
    assert!(out.contains(&format!("| {said} | 1 |")), "{out}");
    // Nor is it shown as a green "remedied" badge in the HTML report.
    let html = report(&plan, &["--interim", INTERIM, "-f", "html"]).success();
    let html = String::from_utf8(html.get_output().stdout.clone()).unwrap();
    assert_eq!(
        html.matches("<span class=\"status contradicted\">the plan says done, but")
            .count(),
        2,
        "the criterion's badge and its row in the conclusion"
    );
    // Without --interim nothing contradicts the plan.
    report(&plan, &[])
        .success()
        .stderr(predicate::str::contains("W503").not());
}

#[test]
fn the_projection_gives_the_points_recovered_and_lost_further_beside_the_net() {
    let vi = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--interim",
        INTERIM,
    ]);
    assert!(
        vi.contains("lấy lại 2,668 điểm và mất thêm 1,111 điểm, tính chung đã lấy lại 1,557 điểm; tổng điểm dự kiến 79,603/89 điểm"),
        "{vi}"
    );
    let en = stdout_of(&[
        "report",
        EXAMPLE,
        "--lang",
        "en",
        "--remediation",
        PLAN,
        "--interim",
        INTERIM,
    ]);
    assert!(en.contains(
        "2.668 points are recovered and 1.111 more lost, 1.557 points recovered net; the projected total is 79.603 of 89"
    ));
}

#[test]
fn a_previous_result_of_another_unit_or_not_earlier_is_refused() {
    for (previous, said) in [
        (OTHER_UNIT, "--previous is the result of `Đơn vị giả định A (hư cấu)`, not of `UBND huyện Krông Nô`"),
        (INTERIM, "--previous is the result of 2023, not of a period before 2022"),
        (EXAMPLE, "--previous is the result of 2022, not of a period before 2022"),
    ] {
        parindex()
            .args(["report", EXAMPLE, "--lang", "en", "--previous", previous])
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("[E508]").and(predicate::str::contains(said)));
    }
    // The unit's own earlier year is the comparison the report is for.
    parindex()
        .args(["report", EXAMPLE, "--previous", LAST_YEAR])
        .assert()
        .success()
        .stderr("");
    // Two results whose `unit:` is blank are not one unit's: any two would compare.
    let dir = tempfile::tempdir().unwrap();
    let nameless = |from: &str, to: &str| {
        let text = fs::read_to_string(from)
            .unwrap()
            .replace("unit: \"UBND huyện Krông Nô\"", "unit: \"  \"");
        assert!(text.contains("unit: \"  \""));
        let path = dir.path().join(to);
        fs::write(&path, text).unwrap();
        path
    };
    let (now, before) = (
        nameless(EXAMPLE, "2022.yaml"),
        nameless(LAST_YEAR, "2021.yaml"),
    );
    for (lang, said) in [
        ("en", "neither this result nor --previous names its unit"),
        (
            "vi",
            "cả kết quả này và --previous đều không ghi tên đơn vị",
        ),
    ] {
        parindex()
            .args(["report", "--lang", lang, "--previous"])
            .arg(&before)
            .arg(&now)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("[E508]").and(predicate::str::contains(said)));
    }
}

#[test]
fn peers_of_another_period_are_named() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir("examples/dak-nong-2022").unwrap() {
        let path = entry.unwrap().path();
        let mut text = fs::read_to_string(&path).unwrap();
        if path.file_name().unwrap() == "fictional-b.yaml" {
            text = text.replace("period: \"2022\"", "period: \"2019\"");
        }
        fs::write(dir.path().join(path.file_name().unwrap()), text).unwrap();
    }
    parindex()
        .args(["report", EXAMPLE, "--lang", "en", "--peers"])
        .arg(dir.path())
        .assert()
        .success()
        .stderr(
            predicate::str::contains(
                "warning[W506]: 1 file of --peers is of another period than 2022",
            )
            .and(predicate::str::contains("fictional-b.yaml (2019)")),
        );
    parindex()
        .args(["report", EXAMPLE, "--peers", "examples/dak-nong-2022"])
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_remedy_keyed_by_a_section_is_refused_naming_its_lost_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with(dir.path(), &[("\"1.6\":\n", "\"1\":\n")]);
    let said = "write one remedy for each of its criteria that lost points: 1.1.3, 1.6";
    report(&plan, &[]).code(1).stdout("").stderr(
        predicate::str::contains("error[E501]: 1: a section or a group")
            .and(predicate::str::contains(said)),
    );
    parindex()
        .arg("check")
        .arg(&plan)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(said).and(predicate::str::contains("W502").not()));
}

#[test]
fn upkeep_for_a_section_that_lost_points_is_flagged() {
    parindex()
        .args(["report", EXAMPLE, "--lang", "en", "--remediation"])
        .arg("tests/errors/remediation/W504-upkeep-for-a-lost-section.yaml")
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "warning[W504]: 1: the section lost 2.027 points",
        ));
}

#[test]
fn a_plan_in_decomposed_unicode_is_for_the_same_unit() {
    use unicode_normalization::UnicodeNormalization;
    let dir = tempfile::tempdir().unwrap();
    let nfd: String = "UBND huyện Krông Nô".nfd().collect();
    assert_ne!(nfd, "UBND huyện Krông Nô");
    let plan = plan_with(
        dir.path(),
        &[(
            "unit: \"UBND huyện Krông Nô\"",
            &format!("unit: \"{nfd}  \""),
        )],
    );
    report(&plan, &[]).success().stderr("");
    parindex().arg("check").arg(&plan).assert().success();
}

#[test]
fn two_criteria_that_lost_the_same_points_are_two_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = fs::canonicalize(EXAMPLE).unwrap();
    let plan = dir.path().join("plan.yaml");
    fs::write(
        &plan,
        format!(
            "parindex: 1\nkind: remediation\nunit: \"UBND huyện Krông Nô\"\nperiod: \"2022\"\ncriteria: dak-nong-district-2022\nevidence: \"{}\"\nremedies: {{}}\n",
            evidence.display()
        ),
    )
    .unwrap();
    let out = parindex().arg("check").arg(&plan).output().unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    // 3.4.1 and 5.7.4 both lost 1 point: the same message at the same place, two criteria.
    for code in ["3.4.1", "5.7.4"] {
        assert!(
            out.contains(&format!(
                "warning[W501]: {code}: lost 1 point in 2022 and the plan says nothing about it"
            )),
            "{out}"
        );
    }
    let lost = stdout_of(&["losses", EXAMPLE, "--format", "csv"])
        .lines()
        .count()
        - 1;
    assert_eq!(out.matches("warning[W501]").count(), lost, "{out}");
}

#[test]
fn a_count_refused_is_not_also_called_missing() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_with(dir.path(), &[("  done: 67\n", "  done: -1\n")]);
    parindex()
        .arg("check")
        .arg(&plan)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[E504]").and(predicate::str::contains("E008").not()));
}

#[test]
fn a_document_date_out_of_any_plausible_range_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("khac-phuc.docx");
    for date in ["1899-01-01", "1944-12-31", "2101-01-01"] {
        parindex()
            .args([
                "report",
                EXAMPLE,
                "--remediation",
                PLAN,
                "-f",
                "docx",
                "--date",
                date,
                "-o",
            ])
            .arg(&out)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("1945–2100"));
        assert!(!out.exists());
    }
    parindex()
        .args([
            "report",
            EXAMPLE,
            "--remediation",
            PLAN,
            "-f",
            "docx",
            "--date",
            "1945-09-02",
            "-o",
        ])
        .arg(&out)
        .assert()
        .success();
}
