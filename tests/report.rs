//! `parindex report` run as a user runs it, on the Krông Nô example: the figures the district's
//! own report states, in Markdown (vi, en) and HTML.

mod common;

use common::{parindex, stdout_of, EXAMPLE};
use predicates::prelude::*;
use std::fs;
use std::path::Path;

const PREVIOUS: &str = "examples/krong-no-2021.yaml";
const PEERS: &str = "examples/dak-nong-2022";

/// The part of `text` from the line containing `start` to the next Markdown heading.
fn block<'a>(text: &'a str, start: &str) -> &'a str {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("`{start}` not in:\n{text}"));
    let rest = &text[from..];
    let end = rest[1..].find("\n#").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

/// The Markdown table row whose first cell is `first`.
fn row<'a>(text: &'a str, first: &str) -> &'a str {
    let needle = format!("| {first} |");
    text.lines()
        .find(|l| l.starts_with(&needle))
        .unwrap_or_else(|| panic!("no row `{first}` in:\n{text}"))
}

#[test]
fn snapshot_markdown_vi() {
    let out = stdout_of(&["report", EXAMPLE, "--previous", PREVIOUS, "--peers", PEERS]);
    insta::assert_snapshot!("report_markdown_vi", out);
}

#[test]
fn snapshot_markdown_en() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--previous",
        PREVIOUS,
        "--peers",
        PEERS,
        "--lang",
        "en",
    ]);
    insta::assert_snapshot!("report_markdown_en", out);
}

#[test]
fn snapshot_html() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--previous",
        PREVIOUS,
        "--peers",
        PEERS,
        "--format",
        "html",
    ]);
    insta::assert_snapshot!("report_html", out);
}

#[test]
fn the_overall_result_is_the_published_one() {
    let out = stdout_of(&["report", EXAMPLE]);
    let overall = block(&out, "## I.");
    assert!(overall.contains("**78,046/89 điểm**"), "{overall}");
    assert!(overall.contains("**87,69%**"));
    assert!(overall.contains("xếp loại **Tốt**"));
    // Without --previous and --peers, neither change nor rank is claimed.
    assert!(!overall.contains("so với"));
    assert!(!overall.contains("xếp thứ"));
    assert!(overall.contains("Tổng số điểm bị mất: 10,954 điểm, ở 18 tiêu chí."));
    let total = row(&out, "**Tổng**");
    assert_eq!(
        total,
        "| **Tổng** | **78,046** | **89** | **87,69%** | **10,954** |"
    );
    assert_eq!(
        row(&out, "7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số"),
        "| 7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số | 10,478 | 15 | 69,85% | 4,522 |"
    );
}

#[test]
fn each_loss_says_what_was_scored_why_and_who_must_act() {
    let out = stdout_of(&["report", EXAMPLE]);
    // 1.6 is the largest loss of section 1, so it comes first; the council's reason is given.
    let initiative = block(&out, "#### 1.1. ");
    assert!(initiative.contains("(mục 1.6)"), "{initiative}");
    assert!(initiative.contains("**mất 2 điểm**"));
    assert!(initiative.contains("giá trị chấm: 0 (kết quả thẩm định; đơn vị tự chấm: 2)"));
    assert!(initiative.contains("**Lý do:** Các sáng kiến chưa có tính mới"));
    assert!(initiative
        .contains("**Trách nhiệm tham mưu, đôn đốc thuộc về:** Phòng Nội vụ; Phòng KT&HT."));
    // 1.1.3: the rate as scored, the loss and the office.
    let plan = block(&out, "#### 1.2. ");
    assert!(plan.contains("(mục 1.1.3)"), "{plan}");
    assert!(plan.contains("Đạt 0,973/1 điểm, **mất 0,027 điểm**; giá trị chấm: 97,29%."));
    assert!(plan.contains("**Trách nhiệm tham mưu, đôn đốc thuộc về:** Phòng Nội vụ."));
    // A rate from counts shows its percentage; the note, the author's remark, is labelled as
    // one and not as the council's reason.
    let on_time = block(&out, "(mục 3.4.4.1)");
    assert!(on_time.contains("4.290/4.500 = 95,33%"), "{on_time}");
    assert!(on_time.contains("**Ghi chú:** Báo cáo: 95,3% (−0,065 điểm)."));
    assert!(!on_time.contains("Lý do"), "{on_time}");
    // A section that lost nothing names its own office, as the district's report does.
    let finance = block(&out, "### 6. ");
    assert!(
        finance.contains("Không có tiêu chí bị mất điểm."),
        "{finance}"
    );
    assert!(finance.contains("Phòng Tài chính – Kế hoạch."));
}

#[test]
fn the_summary_lists_the_largest_losses_and_each_offices_total() {
    let out = stdout_of(&["report", EXAMPLE]);
    let summary = &out[out.find("## III.").unwrap()..];
    let top = block(summary, "### Các tiêu chí bị mất nhiều điểm nhất");
    let codes: Vec<&str> = top
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(" | ").nth(1))
        .skip(1)
        .collect();
    assert_eq!(codes, ["1.6", "7.2.2", "7.2.1", "3.4.1", "5.7.4"]);
    // Phòng Nội vụ: 1.1.3 (0.027) + 1.6 (2) in section 1, and 5.7.1 + 5.7.4 (1.5) in section 5.
    assert_eq!(
        row(summary, "Phòng Nội vụ"),
        "| Phòng Nội vụ | 4 | 3,527 | lĩnh vực 1: 2,027; lĩnh vực 5: 1,5 |"
    );
    assert_eq!(
        row(summary, "Phòng Tư pháp"),
        "| Phòng Tư pháp | 1 | 0,5 | lĩnh vực 2: 0,5 |"
    );
}

#[test]
fn previous_gives_the_change_on_2021() {
    let out = stdout_of(&["report", EXAMPLE, "--previous", PREVIOUS]);
    assert!(
        out.contains("tăng 3,31 điểm phần trăm so với năm 2021 (84,38%)"),
        "{out}"
    );
    // Places are only claimed with last year's peers.
    assert!(!out.contains("bậc"));
    assert!(row(&out, "**Tổng**").contains("| 84,38% |"));
    let en = stdout_of(&["report", EXAMPLE, "--previous", PREVIOUS, "--lang", "en"]);
    assert!(en.contains("up 3.31 percentage points on 2021 (84.38%)"));
}

#[test]
fn previous_may_be_a_json_result() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("2021.json");
    parindex()
        .args(["score", PREVIOUS, "-f", "json", "-o"])
        .arg(&json)
        .assert()
        .success();
    let from_json = stdout_of(&["report", EXAMPLE, "--previous", json.to_str().unwrap()]);
    let from_evidence = stdout_of(&["report", EXAMPLE, "--previous", PREVIOUS]);
    assert_eq!(from_json, from_evidence);
}

#[test]
fn peers_give_the_rank_overall_and_per_section() {
    let out = stdout_of(&["report", EXAMPLE, "--peers", PEERS]);
    assert!(out.contains("xếp thứ **1/8**, xếp loại **Tốt**"), "{out}");
    let first = block(&out, "### 1. ");
    assert!(
        first.contains("xếp thứ **4/8** (mất 2,027 điểm)"),
        "{first}"
    );
    assert!(row(&out, "1. Công tác chỉ đạo, điều hành CCHC").contains("| 4/8 |"));
    // Section 2: Krông Nô shares 2nd place (the report says "xếp vị trí thứ 2").
    assert!(row(&out, "2. Cải cách thể chế").contains("| 2/8 (đồng hạng) |"));
}

#[test]
fn the_unit_need_not_be_in_the_peer_folder() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(PEERS).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "krong-no.yaml" {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let peers = dir.path().to_str().unwrap();
    let outside = stdout_of(&["report", EXAMPLE, "--peers", peers]);
    let inside = stdout_of(&["report", EXAMPLE, "--peers", PEERS]);
    assert_eq!(outside, inside);
    assert!(outside.contains("xếp thứ **1/8**"));
}

#[test]
fn previous_peers_give_the_places_gained() {
    // Last year's ranking: the fictional units as they are, and Krông Nô's 2021 result
    // (84.38%, behind A's 86.89% and B's 85.26%: 3rd).
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
    let prev = dir.path().to_str().unwrap();
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--previous",
        PREVIOUS,
        "--peers",
        PEERS,
        "--previous-peers",
        prev,
    ]);
    assert!(
        out.contains(
            "tăng 3,31 điểm phần trăm, tăng 2 bậc so với năm 2021 (84,38%), xếp thứ **1/8**"
        ),
        "{out}"
    );
    let html = stdout_of(&[
        "report",
        EXAMPLE,
        "--peers",
        PEERS,
        "--previous-peers",
        prev,
        "-f",
        "html",
    ]);
    assert!(html.contains("tăng 2 bậc so với năm 2021"));
}

#[test]
fn english_has_english_words_and_numbers() {
    let out = stdout_of(&["report", EXAMPLE, "--lang", "en"]);
    assert!(out.contains("scored **78.046 of 89 points**, **87.69%**, grade **Tốt**."));
    assert!(out.contains("**Why:** Các sáng kiến chưa có tính mới"));
    assert!(out.contains("**Responsible for advising and following up:** Phòng Nội vụ."));
    assert!(out.contains("value scored: 4,290/4,500 = 95.33%"));
    assert_eq!(
        row(&out, "Phòng Nội vụ"),
        "| Phòng Nội vụ | 4 | 3.527 | section 1: 2.027; section 5: 1.5 |"
    );
    assert!(!out.contains("Trách nhiệm"));
}

#[test]
fn html_is_one_self_contained_page() {
    let out = stdout_of(&[
        "report",
        EXAMPLE,
        "--previous",
        PREVIOUS,
        "--peers",
        PEERS,
        "-f",
        "html",
    ]);
    assert!(out.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assert!(out.contains("<meta charset=\"utf-8\">"));
    assert!(out.contains("@page { size: A4; margin: 15mm; }"));
    assert!(out.contains("\"Noto Sans\", \"DejaVu Sans\", Arial"));
    for fact in [
        "78,046/89",
        "87,69%",
        "Tốt",
        "1/8",
        "+3,31",
        "Phòng KT&amp;HT",
        "lĩnh vực 1: 2,027",
    ] {
        assert!(out.contains(fact), "{fact} missing");
    }
    // The chart: one bar per section and year, labelled, with an accessible name.
    assert_eq!(out.matches("<svg").count(), 1);
    assert!(out.contains("role=\"img\" aria-labelledby=\"chart-title\""));
    assert!(out.contains(
        "<title id=\"chart-title\">Chỉ số từng lĩnh vực năm 2022, so với năm 2021</title>"
    ));
    assert_eq!(out.matches("<rect x=\"302\"").count(), 16 + 1);
    assert!(out.contains("<title>Năm 2021: 86,91%</title>"));
    assert!(out.contains(">84,41%</text>"));
    // Nothing to run, nothing to fetch.
    assert!(!out.contains("<script"));
    assert!(!out.contains("src="));
    assert!(!out.contains("<link"));
    let en = stdout_of(&["report", EXAMPLE, "-f", "html", "--lang", "en"]);
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("87.69%"));
    // Without --previous, one bar per section and no previous year in the legend.
    assert_eq!(en.matches("<rect x=\"302\"").count(), 8 + 1);
    assert!(!en.contains(">2021</text>"));
    assert!(en.contains("<title id=\"chart-title\">Percentage per section in 2022</title>"));
}

#[test]
fn output_files_are_written_whole_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bao-cao.html");
    parindex()
        .args(["report", EXAMPLE, "-f", "html", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stdout("");
    let first = fs::read_to_string(&path).unwrap();
    assert!(first.ends_with("</html>\n"));
    parindex()
        .args(["report", EXAMPLE, "-f", "html", "-o"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("đã có; dùng --force để ghi đè"));
    assert_eq!(fs::read_to_string(&path).unwrap(), first);
    fs::write(&path, "an older page").unwrap();
    parindex()
        .args(["report", EXAMPLE, "-f", "html", "--force", "-o"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&path).unwrap(), first);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn bad_input_prints_diagnostics_and_exits_1() {
    parindex()
        .args([
            "report",
            "tests/errors/evidence/E208-thousands-separator.yaml",
        ])
        .assert()
        .code(1)
        .stdout("")
        // Vietnamese by default, the diagnostics too: the code stays the same.
        .stderr(predicate::str::contains("lỗi[E208]").and(predicate::str::contains("gợi ý:")));
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    fs::write(&bad, "{ \"unit\": 1 }").unwrap();
    parindex()
        .args(["report", EXAMPLE, "--previous"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "không phải kết quả JSON của parindex",
        ));
    parindex()
        .args(["report", EXAMPLE, "--previous", "no/such/file.yaml"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("no/such/file.yaml"));
    // A peer file that does not load stops the report: a rank among the rest would mislead.
    let peers = dir.path().join("peers");
    fs::create_dir(&peers).unwrap();
    fs::copy(
        "tests/errors/evidence/E208-thousands-separator.yaml",
        peers.join("broken.yaml"),
    )
    .unwrap();
    parindex()
        .args(["report", EXAMPLE, "--peers"])
        .arg(&peers)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("1 tệp không nạp được"));
}

#[test]
fn peers_scored_with_another_set_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    fs::copy(
        "tests/fixtures/small-evidence.yaml",
        dir.path().join("small-evidence.yaml"),
    )
    .unwrap();
    parindex()
        .args(["report", EXAMPLE, "--peers"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("E214"));
}

#[test]
fn usage_errors_exit_2() {
    let usage = |args: &[&str], says: &str| {
        parindex()
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    };
    usage(&["report", EXAMPLE, "--format", "pdf"], "'pdf'");
    usage(&["report", EXAMPLE, "--previous-peers", PEERS], "--peers");
    usage(&["report", EXAMPLE, "--force"], "--output");
}

#[test]
fn help_has_examples() {
    parindex()
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "parindex report examples/krong-no-2022.yaml --peers examples/dak-nong-2022 -f html -o bao-cao.html",
        ));
    assert!(Path::new(PREVIOUS).exists() && Path::new(PEERS).is_dir());
}

#[test]
fn a_peer_copy_of_the_unit_scoring_otherwise_is_named_with_its_figures_as_they_read() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(PEERS).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "krong-no.yaml" {
            fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    // An older copy of the unit's own file among the peers, with one value changed.
    let own = fs::read_to_string(Path::new(PEERS).join("krong-no.yaml")).unwrap();
    assert!(own.contains("  \"1.1.1\": true\n"));
    fs::write(
        dir.path().join("krong-no-old.yaml"),
        own.replace("  \"1.1.1\": true\n", "  \"1.1.1\": false\n")
            .split("\nexpect:")
            .next()
            .unwrap(),
    )
    .unwrap();
    let peers = dir.path().to_str().unwrap();
    let out = parindex()
        .args(["report", EXAMPLE, "--peers", peers, "--lang", "en"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("krong-no-old.yaml is also `UBND huyện Krông Nô` but scores"),
        "{stderr}"
    );
    // The maximum as it reads (89), not as the set writes it.
    assert!(stderr.contains(" of 89; "), "{stderr}");
}

#[test]
fn nameless_peers_are_ranked_and_told_in_one_warning() {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(PEERS).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let text = fs::read_to_string(&path).unwrap();
        // Two of the peers without a name.
        let text = if name == "fictional-a.yaml" || name == "fictional-b.yaml" {
            let line = text.lines().find(|l| l.starts_with("unit:")).unwrap();
            text.replace(line, "unit: \"\"")
        } else {
            text
        };
        fs::write(dir.path().join(name), text).unwrap();
    }
    let out = parindex()
        .args(["report", EXAMPLE, "--lang", "en", "--peers"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.matches("warning[W205]").count(), 1, "{stderr}");
    assert!(
        stderr.contains("2 of 8 units have a blank `unit:`"),
        "{stderr}"
    );
}
