//! `parindex criteria import`: a published criteria table (CSV) becomes a criteria set. The
//! Cà Mau table (Quyết định 1880/QĐ-UBND, 2013, section 1) is real input: every rule it gives
//! is checked, with the summary and the warning that section 1 does not add up.

mod common;

use common::parindex;
use serde_yaml::Value;
use std::fs;

const CA_MAU: &str = "tests/fixtures/tables/ca-mau-1880-2013-section1.csv";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = parindex().args(args).output().unwrap();
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// The node with `code` anywhere in the set.
fn node<'a>(set: &'a Value, code: &str) -> &'a Value {
    fn find<'a>(nodes: &'a Value, code: &str) -> Option<&'a Value> {
        nodes.as_sequence()?.iter().find_map(|n| {
            if n["code"].as_str() == Some(code) {
                Some(n)
            } else {
                find(&n["items"], code)
            }
        })
    }
    find(&set["sections"], code).unwrap_or_else(|| panic!("no node {code}"))
}

fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

/// A decimal written in the YAML, as text (`0.5`, `2`).
fn num(v: &Value) -> String {
    match v {
        Value::Number(n) => n.to_string(),
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn ca_mau_section_1_every_rule_the_table_gives() {
    let r = run(&["criteria", "import", CA_MAU]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let set = yaml(&r.stdout);
    assert_eq!(set["parindex"].as_u64(), Some(1));
    assert_eq!(set["kind"], "criteria");
    assert_eq!(set["id"], "ca-mau-1880-2013-section1");
    assert_eq!(set["year"].as_u64(), Some(2013));
    assert!(set["source"]
        .as_str()
        .unwrap()
        .contains("ca-mau-1880-2013-section1.csv"));

    // The published maxima, kept as written: section 1 stays 20 though its rows add up to 7.
    for (code, max) in [("1", "20"), ("1.1", "5"), ("1.2", "2")] {
        let n = node(&set, code);
        assert_eq!(num(&n["max"]), max, "{code}");
        assert!(n["rule"].is_null() && n["items"].is_sequence(), "{code}");
    }
    assert_eq!(node(&set, "1")["title"], "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC");

    // 1.1.1: three labelled levels, the decimal comma read as 0.5.
    let rule = &node(&set, "1.1.1")["rule"]["choice"];
    let choice: Vec<(String, String)> = rule
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_string(), num(v)))
        .collect();
    assert_eq!(
        choice,
        [
            ("Ban hành kịp thời".to_string(), "1".to_string()),
            ("Ban hành không kịp thời".to_string(), "0.5".to_string()),
            ("Không ban hành".to_string(), "0".to_string()),
        ]
    );

    // Two labels worth the max and 0, the second the first's negation.
    for code in ["1.1.2", "1.1.3", "1.2.1", "1.2.2"] {
        assert_eq!(node(&set, code)["rule"], "yes-no", "{code}");
    }

    // 1.1.4: "trên 90%" is strict, "từ 70% - 90%" inclusive, "Dưới 70%: 0" implied.
    let tiers = node(&set, "1.1.4")["rule"]["tiers"].as_sequence().unwrap();
    assert_eq!(tiers.len(), 2);
    assert_eq!(tiers[0]["above"], "90%");
    assert_eq!(num(&tiers[0]["points"]), "2");
    assert!(tiers[0]["at_least"].is_null());
    assert_eq!(tiers[1]["at_least"], "70%");
    assert_eq!(num(&tiers[1]["points"]), "1");

    // Every leaf keeps its scoring text, exactly as published, in its note.
    let csv = fs::read_to_string(CA_MAU).unwrap();
    for line in csv.lines().skip(1) {
        let code = line.split(',').next().unwrap();
        let n = node(&set, code);
        if n["items"].is_sequence() {
            assert!(n["note"].is_null(), "{code}");
            continue;
        }
        let note = n["note"].as_str().unwrap();
        assert!(line.contains(note), "{code}: {note}");
        assert!(n["code"].is_string(), "{code}");
    }

    // The warning, at section 1's row, and the summary.
    assert!(
        r.stderr.contains(
            "warning[W402]: section 1: max 20, its criteria add up to 7 (13 points missing)"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("ca-mau-1880-2013-section1.csv:2:1"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stderr.matches("warning[").count(), 1, "{}", r.stderr);
    assert!(
        r.stderr.trim_end().ends_with(
            "0 of 6 rows need a rule by hand: every rule was read from its scoring text; check them against the published table"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn ca_mau_snapshot() {
    let r = run(&[
        "criteria",
        "import",
        CA_MAU,
        "--id",
        "ca-mau-2013-section1",
        "--title",
        "Chỉ số CCHC, tỉnh Cà Mau, năm 2013 (lĩnh vực 1)",
        "--source",
        "Quyết định 1880/QĐ-UBND (2013) của UBND tỉnh Cà Mau, phụ lục, lĩnh vực 1",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    insta::assert_snapshot!("ca_mau_section_1", r.stdout);
}

/// The loader reads revision 2's rules (`choice`, `above`): `check` on the imported
/// Cà Mau file reports section 1's missing points as E106, as the import warned.
#[test]
fn check_reports_the_imported_ca_mau_sum_as_e106() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ca-mau.yaml");
    let r = run(&["criteria", "import", CA_MAU, "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let c = run(&["check", out.to_str().unwrap()]);
    assert!(c.stdout.contains("E106"), "{}", c.stdout);
    assert_eq!(c.stdout.matches("error[").count(), 1, "{}", c.stdout);
}

/// A table whose rules are all of revision 1 loads with today's loader: the YAML reads back,
/// and the sum the import warned about is `check`'s E106.
#[test]
fn an_imported_set_loads_and_check_reports_the_same_sum() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("bo-tieu-chi-2025.csv");
    fs::write(
        &table,
        "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm,Cơ quan chủ trì\n\
         1,Chỉ đạo điều hành,5,,\n\
         1.1,Kế hoạch,1,Đạt: 1; Không đạt: 0,Phòng Nội vụ\n\
         1.2,Tỷ lệ hoàn thành,1,Điểm = tỷ lệ % × điểm tối đa,\"Phòng Nội vụ; Văn phòng\"\n\
         1.3,Văn bản chậm,1,\"Mỗi văn bản chậm trừ 0,25 điểm\",\n\
         1.4,Hồ sơ đúng hạn,1,\"Từ 80% trở lên: 1; Từ 50% đến dưới 80%: 0,5; Dưới 50%: 0\",\n",
    )
    .unwrap();
    let out = dir.path().join("set.yaml");
    let r = run(&[
        "criteria",
        "import",
        table.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(
        r.stderr
            .contains("section 1: max 5, its criteria add up to 4 (1 point missing)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("0 of 4 rows need a rule by hand"),
        "{}",
        r.stderr
    );
    let text = fs::read_to_string(&out).unwrap();
    let set = yaml(&text);
    assert_eq!(set["id"], "bo-tieu-chi-2025");
    assert_eq!(set["year"].as_u64(), Some(2025));
    assert_eq!(node(&set, "1.1")["responsible"], "Phòng Nội vụ");
    assert_eq!(node(&set, "1.2")["rule"], "ratio");
    assert_eq!(node(&set, "1.2")["responsible"][1], "Văn phòng");
    assert_eq!(num(&node(&set, "1.3")["rule"]["deduct"]["per"]), "0.25");
    assert_eq!(node(&set, "1.4")["rule"]["tiers"][1]["at_least"], "50%");
    let c = run(&["check", out.to_str().unwrap()]);
    assert_eq!(c.code, Some(1));
    assert!(c.stdout.contains("error[E106]: 1: max 5"), "{}", c.stdout);
    assert_eq!(c.stdout.matches("error[").count(), 1, "{}", c.stdout);
    // Corrected, it loads clean.
    fs::write(&out, text.replace("max: 5", "max: 4")).unwrap();
    let c = run(&["check", out.to_str().unwrap()]);
    assert_eq!(c.code, Some(0), "{}", c.stdout);
    // The output file is not replaced without --force.
    let r = run(&[
        "criteria",
        "import",
        table.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("--force"), "{}", r.stderr);
    let r = run(&[
        "criteria",
        "import",
        table.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

#[test]
fn excel_in_a_vietnamese_locale_semicolons_and_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("phu-luc.csv");
    fs::write(
        &table,
        "\u{feff}stt;TIÊU CHÍ;diem toi da;Cach cham diem\r\n\
         1;Báo cáo;0,5;\r\n\
         1.1;Báo cáo đúng hạn;0,5;\"Đúng hạn: 0,5; Không đúng hạn: 0\"\r\n",
    )
    .unwrap();
    let r = run(&[
        "criteria",
        "import",
        table.to_str().unwrap(),
        "--year",
        "2024",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let set = yaml(&r.stdout);
    assert_eq!(set["year"].as_u64(), Some(2024));
    assert_eq!(num(&node(&set, "1")["max"]), "0.5");
    assert_eq!(node(&set, "1.1")["rule"], "yes-no");
    assert!(!r.stderr.contains("warning"), "{}", r.stderr);
}

#[test]
fn unreadable_rows_are_listed_for_writing_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("t.csv");
    fs::write(
        &table,
        "Code,Title,Max,Scoring\n\
         2,Section,3,\n\
         2.1,Survey,1,Theo kết quả điều tra xã hội học\n\
         2.2,Plan,1,Đạt: 1; Không đạt: 0\n\
         2.3,Report,1,\"Đạt: 2; Không đạt: 0\"\n",
    )
    .unwrap();
    let r = run(&["criteria", "import", table.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stderr.trim_end().ends_with(
            "2 of 3 rows need a rule by hand: 2.1, 2.3 (written as `rule: points`, their scoring text in `note:`)"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(
            "warning[W401]: 2.3: the scoring text gives 2 points, but the row's max is 1"
        ),
        "{}",
        r.stderr
    );
    let set = yaml(&r.stdout);
    assert_eq!(node(&set, "2.1")["rule"], "points");
    assert_eq!(
        node(&set, "2.1")["note"],
        "Theo kết quả điều tra xã hội học"
    );
    assert_eq!(node(&set, "2.3")["rule"], "points");
    assert!(r
        .stdout
        .contains("rule: points  # by hand: the scoring text was not recognised"));
}

#[test]
fn unreadable_input_exits_1_and_usage_errors_2() {
    let dir = tempfile::tempdir().unwrap();
    // Excel's "CSV (Comma delimited)" in a Vietnamese locale: Windows-1258, not UTF-8.
    let table = dir.path().join("cp1258.csv");
    fs::write(&table, b"STT,Ti\xeau ch\xed,\xd0i\xeam t\xf4i \xf0a\n").unwrap();
    let r = run(&["criteria", "import", table.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("error[E003]"), "{}", r.stderr);
    assert!(r.stderr.contains("CSV UTF-8"), "{}", r.stderr);
    assert!(r.stdout.is_empty());

    let r = run(&["criteria", "import", "no/such.csv"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("error[E001]"), "{}", r.stderr);

    let headless = dir.path().join("headless.csv");
    fs::write(&headless, "1,Kế hoạch,1,Đạt: 1\n").unwrap();
    let r = run(&["criteria", "import", headless.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("error[E401]"), "{}", r.stderr);

    let bad = dir.path().join("bad.csv");
    fs::write(
        &bad,
        "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\nI,Chỉ đạo,2,\n",
    )
    .unwrap();
    let r = run(&["criteria", "import", bad.to_str().unwrap()]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .contains("error[E402]: the code `I` is not dot-separated numbers"),
        "{}",
        r.stderr
    );

    let r = run(&["criteria", "import", CA_MAU, "--id", "Cà Mau"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let r = run(&["criteria", "import", CA_MAU, "--year", "twenty"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    let r = run(&["criteria", "import"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
}

#[test]
fn a_row_continued_over_thousands_of_rows_is_joined_in_time_that_grows_with_them() {
    // Each continuation cleaned the whole title again and copied the whole scoring text: a
    // row continued over 40,000 rows took over two minutes.
    let dir = tempfile::tempdir().unwrap();
    let mut table = String::from(
        "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\n1,\"Lĩnh vực\",1,\n1.1,\"Tiêu chí\",1,\"Đạt yêu cầu: 1; Không đạt yêu cầu: 0\"\n",
    );
    for i in 0..30_000 {
        table.push_str(&format!(",tiếp  {i},,\n"));
    }
    let csv = dir.path().join("long.csv");
    fs::write(&csv, table).unwrap();
    let r = run(&["criteria", "import", csv.to_str().unwrap()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let set: Value = serde_yaml::from_str(&r.stdout).unwrap();
    let title = node(&set, "1.1")["title"].as_str().unwrap().to_string();
    assert!(
        title.starts_with("Tiêu chí tiếp 0 tiếp 1 "),
        "{}",
        &title[..100]
    );
    assert!(
        title.ends_with(" tiếp 29999"),
        "{}",
        &title[title.len() - 100..]
    );
}
