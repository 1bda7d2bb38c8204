//! `parindex report --remediation` run as a user runs it, on Krông Nô's plan for 2023: every
//! figure the district's báo cáo khắc phục states about 2022, in Markdown (vi, en) and HTML.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use std::fs;

const PLAN: &str = "examples/krong-no-2023-remediation.yaml";
const PEERS: &str = "examples/dak-nong-2022";
const PREVIOUS: &str = "examples/krong-no-2021.yaml";
const INTERIM: &str = "examples/krong-no-2023.yaml";

fn vi() -> String {
    stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--peers",
        PEERS,
        "--previous",
        PREVIOUS,
    ])
}

/// The part of `text` from the line containing `start` to the next heading of any level.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in:\n{text}"));
    let rest = &text[from..];
    let end = rest[1..].find("\n#").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn snapshot_markdown_vi() {
    insta::assert_snapshot!("remediation_markdown_vi", vi());
}

#[test]
fn snapshot_markdown_en_with_interim() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--peers",
        PEERS,
        "--interim",
        INTERIM,
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("remediation_markdown_en", out);
}

#[test]
fn every_figure_the_source_report_states_about_2022() {
    let out = vi();
    // The overall result: 78/89 (78,046), 87,69%, +3,31, rank 1 of 8, grade Tốt.
    let head = &out[..out.find("## I.").unwrap()];
    for fact in [
        "**78,046/89 điểm**",
        "**87,69%**",
        "tăng 3,31 điểm phần trăm so với năm 2021",
        "xếp thứ **1/8**",
        "xếp loại **Tốt**",
    ] {
        assert!(head.contains(fact), "{fact} not in:\n{head}");
    }
    // Part I: Kế hoạch 99/KH-UBND, 67 of 106 tasks, 63%.
    let part1 = block(&out, "## I.");
    assert!(
        part1.contains("Kế hoạch số 99/KH-UBND ngày 27/03/2023"),
        "{part1}"
    );
    assert!(part1.contains("đã thực hiện 67/106 nội dung, đạt 63,21% kế hoạch"));
    // Part II: each section's score, percentage, place and loss, as the report gives them
    // (its places: 4, 2, 2, 1, 1, 1, 2, 1). Section 7's loss is 15 − 10,478 = 4,522; the
    // report's "-4,513" does not subtract.
    for (section, line) in [
        (
            "### 1.",
            "**10,973/13 điểm**, đạt chỉ số **84,41%**, xếp thứ **4/8** (mất 2,027 điểm",
        ),
        (
            "### 2.",
            "**9,5/10 điểm**, đạt chỉ số **95,00%**, xếp thứ **2/8 (đồng hạng)** (mất 0,5 điểm",
        ),
        (
            "### 3.",
            "**15,095/17,5 điểm**, đạt chỉ số **86,26%**, xếp thứ **2/8** (mất 2,405 điểm",
        ),
        (
            "### 4.",
            "**7,5/7,5 điểm**, đạt chỉ số **100,00%**, xếp thứ **1/8 (đồng hạng)**",
        ),
        (
            "### 5.",
            "**14/15,5 điểm**, đạt chỉ số **90,32%**, xếp thứ **1/8** (mất 1,5 điểm",
        ),
        (
            "### 6.",
            "**8/8 điểm**, đạt chỉ số **100,00%**, xếp thứ **1/8 (đồng hạng)**",
        ),
        (
            "### 7.",
            "**10,478/15 điểm**, đạt chỉ số **69,85%**, xếp thứ **2/8** (mất 4,522 điểm",
        ),
        (
            "### 8.",
            "**2,5/2,5 điểm**, đạt chỉ số **100,00%**, xếp thứ **1/8 (đồng hạng)**",
        ),
    ] {
        let b = block(&out, section);
        assert!(b.contains(line), "{line} not in:\n{b}");
    }
    // Each lost criterion with its loss and code, as the report marks them "(- 0.027 điểm,
    // mục 1.1.3)"; 7.2.1 and 7.2.2 (the report's "7.4 và 7.5") and 3.4.6 (not named by the
    // report) lose what the evidence gives them.
    for (loss, code) in [
        ("0,027", "1.1.3"),
        ("2", "1.6"),
        ("0,5", "2.4.3"),
        ("1", "3.4.1"),
        ("0,065", "3.4.4.1"),
        ("0,039", "3.4.4.2"),
        ("0,5", "3.4.5"),
        ("0,031", "3.6"),
        ("0,5", "3.7.2"),
        ("0,5", "5.7.1"),
        ("1", "5.7.4"),
        ("0,168", "7.1.3"),
        ("0,5", "7.1.4"),
        ("0,5", "7.1.6"),
        ("1,25", "7.2.1"),
        ("1,604", "7.2.2"),
        ("0,5", "7.3"),
        ("0,27", "3.4.6"),
    ] {
        let mark = format!("(- {loss} điểm, mục {code})\n");
        assert_eq!(out.matches(&mark).count(), 1, "{mark} once");
    }
    // Within a section, the set's order, as the report numbers them (its 1.1 is 1.1.3, its
    // 7.3 is 7.1.6, its 7.6 is 7.3).
    for heading in [
        "#### 1.1. Mức độ thực hiện kế hoạch CCHC năm (- 0,027 điểm, mục 1.1.3)",
        "#### 1.2. Sáng kiến, giải pháp mới",
        "#### 7.3. Tỷ lệ cán bộ, công chức sử dụng hộp thư điện tử công vụ của tỉnh (- 0,5 điểm, mục 7.1.6)",
        "#### 7.6. Phê duyệt cấp độ an toàn hệ thống thông tin",
    ] {
        assert!(out.contains(heading), "{heading} missing");
    }
    // Full marks: the maintenance line, and who keeps it.
    let s4 = block(&out, "### 4.");
    assert!(s4.contains("**Nội dung nâng cao chỉ số:** Tiếp tục bám sát nhiệm vụ"));
    assert!(s4.contains("thuộc về:** Phòng Nội vụ."));
    // The remedies, in the report's words: 21/32, 1.606 records, 82/QĐ-STTTT, 571 files.
    let c113 = block(&out, "mục 1.1.3)");
    assert!(
        c113.contains("đã thực hiện 21/32 nội dung, đạt 65,63% kế hoạch"),
        "{c113}"
    );
    assert!(block(&out, "mục 5.7.1)").contains("1.606 hồ sơ cán bộ công chức"));
    let c73 = block(&out, "mục 7.3)");
    assert!(c73.contains("**Tình trạng:** đã khắc phục."), "{c73}");
    assert!(c73.contains("Quyết định số 82/QĐ-STTTT ngày 16/5/2023"));
    assert!(block(&out, "mục 7.2.2)").contains("571 hồ sơ trực tuyến"));
    assert!(block(&out, "mục 3.4.1)").contains("**Tình trạng:** vẫn chưa khắc phục được."));
    // 7.1.6 is dropped, citing 959/QĐ-UBND.
    let c716 = block(&out, "mục 7.1.6)");
    assert!(
        c716.contains("**Tình trạng:** không còn trong bộ chỉ số mới."),
        "{c716}"
    );
    assert!(c716.contains("Quyết định số 959/QĐ-UBND ngày 07/8/2023"));

    // The conclusion: every criterion not done, with the points still at stake.
    let end = &out[out.find("## III.").unwrap()..];
    assert!(end.contains("Đã khắc phục 4 tiêu chí, tiêu chí thành phần (1,668 điểm)."));
    assert!(end.contains(
        "Còn 13 tiêu chí, tiêu chí thành phần chưa khắc phục xong, với 8,786 điểm còn bị mất:"
    ));
    let listed: Vec<&str> = end
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Mục"))
        .map(|l| l.split(" | ").next().unwrap().trim_start_matches("| "))
        .collect();
    assert_eq!(
        listed,
        [
            "1.6", "7.2.2", "7.2.1", "3.4.1", "5.7.4", "3.4.5", "3.7.2", "7.1.4", "3.4.6",
            "3.4.4.1", "3.4.4.2", "3.6", "1.1.3"
        ]
    );
    assert!(end.contains("| 3.4.1 | Tỷ lệ TTHC cấp huyện"));
    assert!(end.contains("| vẫn chưa khắc phục được | 1 |"));
    for done in [
        "| 2.4.3 |",
        "| 5.7.1 |",
        "| 7.1.3 |",
        "| 7.3 |",
        "| 7.1.6 |",
    ] {
        assert!(!end.contains(done), "{done} is not outstanding");
    }
    assert!(end.contains("- 7.1.6 Tỷ lệ cán bộ, công chức sử dụng hộp thư điện tử công vụ của tỉnh (0,5 điểm): Nội dung này không có trong bộ chỉ số"));
    // Remedied + at stake + dropped = every point lost.
    assert!(out.contains("Tổng số điểm bị mất: 10,954 điểm, ở 18 tiêu chí."));
}

#[test]
fn interim_values_give_the_points_recovered_and_a_projection() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--interim",
        INTERIM,
    ]);
    let c73 = block(&out, "mục 7.3)");
    assert!(
        c73.contains(
            "**Kết quả tạm tính năm 2023:** giá trị có, đạt 0,5/0,5 điểm, lấy lại 0,5 điểm."
        ),
        "{c73}"
    );
    let c722 = block(&out, "mục 7.2.2)");
    assert!(
        c722.contains("giá trị 571/12.698 = 4,50%, đạt 0,375/2,5 điểm, mất thêm 0,521 điểm."),
        "{c722}"
    );
    let projection = block(&out, "### Dự kiến");
    assert!(projection.contains("đã lấy lại 1,557 điểm; tổng điểm dự kiến 79,603/89 điểm, đạt chỉ số 89,44%, xếp loại Tốt"), "{projection}");
    assert!(projection.contains("Giả định: các tiêu chí khác giữ nguyên điểm năm 2022"));
}

#[test]
fn previous_peers_give_the_change_of_place() {
    // Last year's ranking, as the results report's test builds it: the fictional units and
    // Krông Nô's 2021 result (3rd). (The report's "tăng 4 bậc" needs the real 2021 ranking,
    // which the examples do not have.)
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(PEERS).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap();
        if name != "krong-no.yaml" {
            let text = fs::read_to_string(&path)
                .unwrap()
                .replace("period: \"2022\"", "period: \"2021\"");
            fs::write(dir.path().join(name), text).unwrap();
        }
    }
    fs::copy(PREVIOUS, dir.path().join("krong-no.yaml")).unwrap();
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--previous",
        PREVIOUS,
        "--peers",
        PEERS,
        "--previous-peers",
        dir.path().to_str().unwrap(),
    ]);
    let head = &out[..out.find("## I.").unwrap()];
    assert!(
        head.contains(
            "tăng 3,31 điểm phần trăm, tăng 2 bậc so với năm 2021 (84,38%), xếp thứ **1/8**"
        ),
        "{head}"
    );
}

#[test]
fn a_criterion_the_interim_set_lacks_is_dropped_whatever_the_plan_says() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(PLAN)
        .unwrap()
        .replace("evidence: krong-no-2022.yaml\n", "")
        .replace("    status: dropped\n", "    status: not-started\n");
    let path = dir.path().join("plan.yaml");
    fs::write(&path, plan).unwrap();
    let plain = stdout_of(&["report", EXAMPLE, "--remediation", path.to_str().unwrap()]);
    assert!(block(&plain, "mục 7.1.6)").contains("vẫn chưa khắc phục được"));
    assert!(block(&plain, "## III.").contains("| 7.1.6 |"));
    let with = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        path.to_str().unwrap(),
        "--interim",
        INTERIM,
    ]);
    let c716 = block(&with, "mục 7.1.6)");
    assert!(
        c716.contains("**Tình trạng:** không còn trong bộ chỉ số mới."),
        "{c716}"
    );
    assert!(c716.contains("**Kết quả tạm tính năm 2023:** không còn trong bộ chỉ số mới."));
    assert!(!with[with.find("## III.").unwrap()..].contains("| 7.1.6 |"));
}

#[test]
fn html_is_one_self_contained_page_with_the_same_figures() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "--peers",
        PEERS,
        "--previous",
        PREVIOUS,
        "--interim",
        INTERIM,
        "-f",
        "html",
    ]);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("@page { size: A4; margin: 15mm; }"));
    for fact in [
        "78,046/89",
        "87,69%",
        "Tốt",
        "đã thực hiện 67/106 nội dung, đạt 63,21% kế hoạch",
        "(- 0,5 điểm, mục 7.1.6)",
        "Quyết định số 959/QĐ-UBND",
        "<span class=\"status dropped\">không còn trong bộ chỉ số mới</span>",
        "<span class=\"status not-started\">vẫn chưa khắc phục được</span>",
        "<td class=\"num\">4/8</td>",
        "Phòng KT&amp;HT",
        "Nội dung nâng cao chỉ số:",
        "<td class=\"num\">8,786</td>",
    ] {
        assert!(out.contains(fact), "{fact} missing");
    }
    assert!(!out.contains("<script"));
    assert!(!out.contains("src="));
    assert!(!out.contains("<link"));
    assert!(out.ends_with("</html>\n"));
    let en = stdout_of(&[
        "report",
        EXAMPLE,
        "--remediation",
        PLAN,
        "-f",
        "html",
        "--lang",
        "en",
    ]);
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("67 of 106 tasks done, 63.21% of the plan"));
}

#[test]
fn hostile_text_in_the_plan_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let plan = fs::read_to_string(PLAN).unwrap().replace(
        "reference: \"Kế hoạch số 99/KH-UBND\"",
        "reference: \"<script>alert('x')</script> | **b**\"",
    );
    let path = dir.path().join("plan.yaml");
    fs::write(&path, plan).unwrap();
    let p = path.to_str().unwrap();
    let html = stdout_of(&["report", EXAMPLE, "--remediation", p, "-f", "html"]);
    assert!(!html.contains("<script"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    let md = stdout_of(&["report", EXAMPLE, "--remediation", p]);
    assert!(!md.contains("<script>"));
    assert!(md.contains(r"\<script\>"));
}

#[test]
fn a_plan_for_another_unit_or_a_bad_plan_exits_1() {
    parindex()
        .args([
            "report",
            "examples/hai-phong-nam-son-2021.yaml",
            "--remediation",
            PLAN,
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("[E505]"));
    parindex()
        .args([
            "report",
            EXAMPLE,
            "--remediation",
            "tests/errors/remediation/E502-bad-status.yaml",
        ])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("[E502]"));
    // A plan that forgets a lost criterion still reports, and says which one is missing.
    parindex()
        .args([
            "report",
            EXAMPLE,
            "--remediation",
            "tests/errors/remediation/W501-lost-criterion-without-remedy.yaml",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("chưa có nội dung khắc phục"))
        .stderr(predicate::str::contains("[W501]"));
    // An evidence file given as the plan is named for what it is.
    parindex()
        .args(["report", EXAMPLE, "--remediation", EXAMPLE])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("`kind: remediation`"));
}

#[test]
fn output_never_replaces_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    fs::copy(PLAN, &plan).unwrap();
    let before = fs::read_to_string(&plan).unwrap();
    parindex()
        .args(["report", EXAMPLE, "--force", "--remediation"])
        .arg(&plan)
        .arg("-o")
        .arg(&plan)
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&plan).unwrap(), before);
}

#[test]
fn usage_errors_exit_2() {
    parindex()
        .args(["report", EXAMPLE, "--interim", INTERIM])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--remediation"));
}
