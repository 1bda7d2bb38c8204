//! Units counted per grade band (the Ministry's groups: Nhóm A ≥ 90%, Nhóm B 80–90%, …) under
//! `rank` and in `report --peers`.

mod common;

use common::stdout_of;
use serde_json::Value as Json;
use std::fs;
use std::path::Path;

const DAK_NONG: &str = "examples/dak-nong-2022";
/// The eight fictional districts of 2022: five Tốt, three Khá.
const DAK_NONG_LINE: &str = "Units per grade: Xuất sắc 0 · Tốt 5 · Khá 3 · Trung bình 0 · Yếu 0";

#[test]
fn rank_counts_the_units_in_every_band_in_band_order() {
    let table = stdout_of(&["rank", DAK_NONG]);
    assert!(table.contains(&format!("{DAK_NONG_LINE}\n")), "{table}");
    // Under the league, before its legend.
    assert!(table.find(DAK_NONG_LINE).unwrap() > table.find("Đơn vị giả định G").unwrap());
    let md = stdout_of(&["rank", DAK_NONG, "-f", "markdown"]);
    assert!(md.contains(&format!("\n{DAK_NONG_LINE}\n")), "{md}");
}

#[test]
fn rank_json_lists_the_bands_with_their_counts_and_csv_is_unchanged() {
    let text = stdout_of(&["rank", DAK_NONG, "-f", "json"]);
    let json: Json = serde_json::from_str(&text).unwrap();
    let grades: Vec<(String, String, u64)> = json["grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["label"].as_str().unwrap().to_string(),
                g["min"].as_str().unwrap().to_string(),
                g["units"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(String, String, u64)> = [
        ("Xuất sắc", "90", 0),
        ("Tốt", "80", 5),
        ("Khá", "70", 3),
        ("Trung bình", "50", 0),
        ("Yếu", "0", 0),
    ]
    .iter()
    .map(|(l, m, n)| (l.to_string(), m.to_string(), *n))
    .collect();
    assert_eq!(grades, expected);
    let total: u64 = grades.iter().map(|g| g.2).sum();
    assert_eq!(total, json["units"].as_u64().unwrap());
    // The ranking stays the document's last field.
    assert!(text.find("\n  \"grades\"").unwrap() < text.find("\n  \"ranking\"").unwrap());
    let csv = stdout_of(&["rank", DAK_NONG, "-f", "csv"]);
    assert!(!csv.contains("Units per grade"));
    assert_eq!(csv.lines().count(), 9);
}

#[test]
fn report_with_peers_says_how_many_peers_fall_in_each_band() {
    let md = stdout_of(&[
        "report",
        common::EXAMPLE,
        "--peers",
        DAK_NONG,
        "-f",
        "markdown",
    ]);
    assert!(
        md.contains("Số đơn vị theo từng mức xếp loại (trong 8 đơn vị): Xuất sắc 0 · Tốt 5 · Khá 3 · Trung bình 0 · Yếu 0."),
        "{md}"
    );
    let en = stdout_of(&[
        "report",
        common::EXAMPLE,
        "--peers",
        DAK_NONG,
        "--lang",
        "en",
        "-f",
        "html",
    ]);
    assert!(en.contains("Units per grade among the 8 peers: Xuất sắc 0 · Tốt 5 · Khá 3"));
    // Without peers, nothing is counted.
    let alone = stdout_of(&["report", common::EXAMPLE, "-f", "markdown"]);
    assert!(!alone.contains("mức xếp loại"));
}

/// A one-leaf set graded in the Ministry's groups, and a unit scoring `points` of 100.
fn group_set(dir: &Path, units: &[(&str, &str)]) {
    fs::write(
        dir.join("groups.yaml"),
        "parindex: 1\nkind: criteria\nid: groups-test\ntitle: Nhóm\ntotal: 100\ngrades:\n  - { label: Nhóm A, min: 90 }\n  - { label: Nhóm B, min: 80 }\n  - { label: Nhóm C, min: 70 }\n  - { label: Nhóm D, min: 0 }\nsections:\n  - { code: \"1\", title: Điểm, max: 100, rule: points }\n",
    )
    .unwrap();
    for (i, (unit, points)) in units.iter().enumerate() {
        fs::write(
            dir.join(format!("u{i}.yaml")),
            format!("parindex: 1\nkind: evidence\ncriteria: groups.yaml\nunit: {unit}\nperiod: \"2024\"\nvalues:\n  \"1\": {points}\n"),
        )
        .unwrap();
    }
}

#[test]
fn groups_a_to_d_count_bounds_inclusively_and_list_empty_groups() {
    let dir = tempfile::tempdir().unwrap();
    // 90 is in A, 89.99 in B, 80 in B; nobody in C.
    group_set(
        dir.path(),
        &[
            ("Tỉnh Một", "96.17"),
            ("Tỉnh Hai", "90"),
            ("Tỉnh Ba", "89.99"),
            ("Tỉnh Bốn", "80"),
            ("Tỉnh Năm", "65.5"),
        ],
    );
    let path = dir.path().display().to_string();
    let table = stdout_of(&["rank", &path]);
    assert!(
        table.contains("Units per grade: Nhóm A 2 · Nhóm B 2 · Nhóm C 0 · Nhóm D 1\n"),
        "{table}"
    );
    let json: Json = serde_json::from_str(&stdout_of(&["rank", &path, "-f", "json"])).unwrap();
    let counts: Vec<u64> = json["grades"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["units"].as_u64().unwrap())
        .collect();
    assert_eq!(counts, vec![2, 2, 0, 1]);
    assert_eq!(json["grades"][1]["label"], "Nhóm B");
    assert_eq!(json["grades"][1]["min"], "80");
}

#[test]
fn a_set_without_bands_counts_nothing() {
    let dir = tempfile::tempdir().unwrap();
    group_set(dir.path(), &[("Tỉnh Một", "50")]);
    let text = fs::read_to_string(dir.path().join("groups.yaml")).unwrap();
    let without: String = text
        .lines()
        .filter(|l| !l.starts_with("grades:") && !l.starts_with("  - { label"))
        .map(|l| format!("{l}\n"))
        .collect();
    fs::write(dir.path().join("groups.yaml"), without).unwrap();
    let path = dir.path().display().to_string();
    assert!(!stdout_of(&["rank", &path]).contains("Units per grade"));
    let json: Json = serde_json::from_str(&stdout_of(&["rank", &path, "-f", "json"])).unwrap();
    assert_eq!(json["grades"], Json::Array(vec![]));
}

/// A folder `sub` of units scored against one shared one-leaf set, each `(unit, period,
/// points)`.
fn period_league(dir: &Path, sub: &str, units: &[(&str, &str, &str)]) -> String {
    fs::write(
        dir.join("set.yaml"),
        "parindex: 1\nkind: criteria\nid: period-test\ntitle: Kỳ\ntotal: 100\ngrades:\n  - { label: Tốt, min: 80 }\n  - { label: Yếu, min: 0 }\nsections:\n  - { code: \"1\", title: Điểm, max: 100, rule: points }\n",
    )
    .unwrap();
    let folder = dir.join(sub);
    fs::create_dir_all(&folder).unwrap();
    for (i, (unit, period, points)) in units.iter().enumerate() {
        fs::write(
            folder.join(format!("u{i}.yaml")),
            format!("parindex: 1\nkind: evidence\ncriteria: ../set.yaml\nunit: {unit}\nperiod: \"{period}\"\nvalues:\n  \"1\": {points}\n"),
        )
        .unwrap();
    }
    folder.display().to_string()
}

/// Xã A (90) and Xã B (95) of 2025, in `2025/`.
fn this_year(dir: &Path) -> String {
    period_league(
        dir,
        "2025",
        &[("Xã A", "2025", "90"), ("Xã B", "2025", "95")],
    )
}

#[test]
fn last_periods_ranks_come_from_an_earlier_period_only() {
    let dir = tempfile::tempdir().unwrap();
    let cur = this_year(dir.path());
    // This year given as last year: every unit "same" before.
    let o = common::parindex()
        .args(["rank", &cur, "--previous", &cur])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E508]: 2 files of --previous are not of a period before 2025"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
    // A later period among last year's files.
    let prev = period_league(
        dir.path(),
        "mixed",
        &[("Xã A", "2026", "99"), ("Xã B", "2023", "50")],
    );
    let o = common::parindex()
        .args(["rank", &cur, "--previous", &prev, "--lang", "vi"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("lỗi[E508]: 1 tệp trong --previous"), "{err}");
    assert!(err.contains("u0.yaml (2026)"), "{err}");
    // Two earlier periods: ranked, and told.
    let prev = period_league(
        dir.path(),
        "older",
        &[("Xã A", "2024", "99"), ("Xã B", "2023", "50")],
    );
    let o = common::parindex()
        .args(["rank", &cur, "--previous", &prev])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning[W506]: 1 file of --previous is of another period than 2024"),
        "{err}"
    );
}

#[test]
fn a_league_of_two_periods_names_the_odd_files() {
    let dir = tempfile::tempdir().unwrap();
    let cur = period_league(
        dir.path(),
        "2025",
        &[
            ("Xã A", "2025", "90"),
            ("Xã B", "2024", "95"),
            ("Xã C", "2025", "70"),
        ],
    );
    let o = common::parindex().args(["rank", &cur]).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning[W506]: 1 file is of another period than 2025, the period of most"),
        "{err}"
    );
    assert!(err.contains("u1.yaml (2024)"), "{err}");
}

#[test]
fn with_a_units_list_last_periods_league_keeps_units_no_longer_listed() {
    let dir = tempfile::tempdir().unwrap();
    let cur = this_year(dir.path());
    // Xã Z topped 2024 and has since merged away.
    let prev = period_league(
        dir.path(),
        "2024",
        &[
            ("Xã A", "2024", "80"),
            ("Xã B", "2024", "70"),
            ("Xã Z", "2024", "99"),
        ],
    );
    let list = dir.path().join("units.txt");
    fs::write(&list, "Xã A\nXã B\n").unwrap();
    let plain = stdout_of(&["rank", &cur, "--previous", &prev, "-f", "csv"]);
    let listed = stdout_of(&[
        "rank",
        &cur,
        "--previous",
        &prev,
        "--units",
        list.to_str().unwrap(),
        "-f",
        "csv",
    ]);
    // Xã B: first now, third then (behind Z and A): up two either way.
    for out in [&plain, &listed] {
        let b = out.lines().find(|l| l.contains("Xã B")).unwrap();
        assert!(b.contains(",3,2,"), "{out}");
    }
}

#[test]
fn with_groups_last_periods_units_off_the_list_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let cur = this_year(dir.path());
    let prev = period_league(
        dir.path(),
        "2024",
        &[("Xã A", "2024", "80"), ("Xã Z", "2024", "99")],
    );
    let list = dir.path().join("units.csv");
    fs::write(&list, "name,group\nXã A,Xã\nXã B,Xã\n").unwrap();
    let o = common::parindex()
        .args(["rank", &cur, "--previous", &prev, "--units"])
        .arg(&list)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("1 unit(s) of --previous are not on") && err.contains(": Xã Z"),
        "{err}"
    );
}

#[test]
fn a_unit_whose_form_was_refused_is_not_published_as_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let cur = period_league(
        dir.path(),
        "2025",
        &[
            ("Xã A", "2025", "90"),
            ("Xã B", "2025", "95"),
            ("Xã C", "2025", "101"),
        ],
    );
    let list = dir.path().join("units.txt");
    fs::write(&list, "Xã A\nXã B\nXã C\nXã D\n").unwrap();
    let run = |format: &str| {
        common::parindex()
            .args(["rank", &cur, "--keep-going", "--units"])
            .arg(&list)
            .args(["-f", format])
            .output()
            .unwrap()
    };
    let o = run("json");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("warning[W701]: the form of unit `Xã C` did not load"),
        "{err}"
    );
    let doc: Json = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["missing"], serde_json::json!(["Xã D"]));
    assert_eq!(doc["refused"][0]["unit"], "Xã C");
    assert!(doc["refused"][0]["file"]
        .as_str()
        .unwrap()
        .ends_with("u2.yaml"));
    let table = String::from_utf8(run("table").stdout).unwrap();
    assert!(
        table.contains("Form not accepted, not ranked: Xã C."),
        "{table}"
    );
    // The published annex says the same.
    let annex = dir.path().join("annex.docx");
    let o = common::parindex()
        .args(["rank", &cur, "--keep-going", "--units"])
        .arg(&list)
        .args(["-f", "docx", "-o"])
        .arg(&annex)
        .output()
        .unwrap();
    assert!(o.status.success());
    let text = common::zip_member(&annex, "word/document.xml");
    assert!(
        text.contains("Phiếu không hợp lệ, chưa xếp hạng: Xã C."),
        "{text}"
    );
    assert!(
        text.contains("Chưa nộp phiếu: Xã D.") && !text.contains("Xã C;"),
        "{text}"
    );
    // A form broken past reading (an unclosed quote), named as `template --units` names it.
    fs::write(
        Path::new(&cur).join("xa-d.yaml"),
        "parindex: 1\nkind: evidence\ncriteria: ../set.yaml\nunit: \"Xã D\"\nperiod: \"2025\"\nvalues:\n  \"1\": \"9\n",
    )
    .unwrap();
    let doc: Json = serde_json::from_slice(&run("json").stdout).unwrap();
    assert_eq!(doc["missing"], serde_json::json!([]));
    assert_eq!(doc["refused"][1]["unit"], "Xã D");
}
