//! The Word documents run as a user runs them: `report --format docx` (the unit's report) and
//! `rank --format docx|xlsx` (the published annex), read back from the files they write: the
//! letterhead's texts, the page (A4, orientation, the decree's margins, Times New Roman 13 pt)
//! and the figures in `word/document.xml`, and the annex sheet's cells with calamine.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::{parindex, EXAMPLE};
use regex::Regex;
use std::path::Path;

const PEERS: &str = "examples/dak-nong-2022";

/// One part of a .docx (or .xlsx) file, as text.
fn part(file: &Path, name: &str) -> String {
    common::zip_member(file, name)
}

/// The names of the parts in a zip.
fn parts(file: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    zip.file_names().map(str::to_string).collect()
}

/// The texts of `xml`'s runs, joined per paragraph: what a reader sees, line by line.
fn paragraphs(xml: &str) -> Vec<String> {
    let t = Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    xml.split("</w:p>")
        .map(|p| t.captures_iter(p).map(|c| unescape(&c[1])).collect())
        .collect()
}

/// The rows of the tables in `xml`, each a list of its cells' texts.
fn table_rows(xml: &str) -> Vec<Vec<String>> {
    let t = Regex::new(r"<w:t(?: [^>]*)?>([^<]*)</w:t>").unwrap();
    xml.split("<w:tr>")
        .skip(1)
        .map(|row| {
            let row = row.split("</w:tr>").next().unwrap();
            row.split("</w:tc>")
                .filter(|c| c.contains("<w:tc>"))
                .map(|c| t.captures_iter(c).map(|m| unescape(&m[1])).collect())
                .collect()
        })
        .collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Runs parindex with `args` then `-o FILE` in a new folder; the folder and the file.
fn written(args: &[&str], name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    let out = parindex().args(args).arg("-o").arg(&file).output().unwrap();
    assert!(
        out.status.success(),
        "parindex {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (dir, file)
}

/// The page setup: A4 `w` × `h` twips, the decree's margins (top and bottom 20 mm, left 30 mm,
/// right 15 mm), Times New Roman 13 pt by default.
fn assert_state_page(file: &Path, w: u32, h: u32, landscape: bool) {
    let doc = part(file, "word/document.xml");
    assert!(
        doc.contains(&format!(r#"<w:pgSz w:w="{w}" w:h="{h}""#)),
        "page size {w}×{h} not in {}",
        &doc[doc.find("<w:sectPr").unwrap_or(0)..]
    );
    assert_eq!(doc.contains(r#"w:orient="landscape""#), landscape);
    for margin in [
        r#"w:top="1134""#,
        r#"w:bottom="1134""#,
        r#"w:left="1701""#,
        r#"w:right="851""#,
    ] {
        assert!(
            doc.contains(margin),
            "{margin} not in the section's margins"
        );
    }
    let styles = part(file, "word/styles.xml");
    assert!(styles.contains(r#"w:ascii="Times New Roman""#), "{styles}");
    assert!(styles.contains(r#"<w:sz w:val="26" />"#) || styles.contains(r#"<w:sz w:val="26"/>"#));
}

#[test]
fn the_report_is_on_the_state_letterhead_with_the_figures() {
    let (_dir, file) = written(
        &[
            "report",
            EXAMPLE,
            "--peers",
            PEERS,
            "-f",
            "docx",
            "--number",
            "25/BC-UBND",
            "--place",
            "Krông Nô",
            "--date",
            "2023-03-15",
            "--signer",
            "Chủ tịch",
        ],
        "bao-cao.docx",
    );
    assert_state_page(&file, 11_906, 16_838, false);
    let doc = part(&file, "word/document.xml");
    let lines = paragraphs(&doc);
    let has = |s: &str| lines.iter().any(|l| l == s);
    // The letterhead: issuer (the unit by default) and number left, nation and motto right.
    for line in [
        "UBND HUYỆN KRÔNG NÔ",
        "Số: 25/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Krông Nô, ngày 15 tháng 3 năm 2023",
        "BÁO CÁO",
        "Kết quả Chỉ số cải cách hành chính năm 2022 của UBND huyện Krông Nô",
        "Nơi nhận:",
        "CHỦ TỊCH",
        "(Ký, ghi rõ họ tên, đóng dấu)",
    ] {
        assert!(has(line), "`{line}` not a paragraph of:\n{lines:#?}");
    }
    // The first three paragraphs are the letterhead's left column, in order.
    let first: Vec<&str> = lines.iter().take(3).map(String::as_str).collect();
    assert_eq!(first, ["UBND HUYỆN KRÔNG NÔ", "", "Số: 25/BC-UBND"]);
    assert!(has(
        "Chỉ số CCHC năm 2022 của UBND huyện Krông Nô đạt 78,046/89 điểm, đạt chỉ số 87,69%, xếp thứ 1/8, xếp loại Tốt."
    ));
    // The sections table: each section's figures, then the total.
    let rows = table_rows(&doc);
    let find = |first: &str| {
        rows.iter()
            .find(|r| r.first().map(String::as_str) == Some(first))
            .unwrap_or_else(|| panic!("no row `{first}` in {rows:#?}"))
    };
    assert_eq!(
        find("1. Công tác chỉ đạo, điều hành CCHC")[1..],
        ["10,973", "13", "84,41%", "4/8", "2,027"]
    );
    assert_eq!(
        find("7. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số")[1..],
        ["10,478", "15", "69,85%", "2/8", "4,522"]
    );
    assert_eq!(
        find("Tổng")[1..],
        ["78,046", "89", "87,69%", "1/8", "10,954"]
    );
    // The chart: a bar (an image) per section, with its percentage.
    assert!(parts(&file).iter().any(|p| p.starts_with("word/media/")));
    assert_eq!(doc.matches("<pic:pic").count(), 8);
    assert!(has(" 69,85%"));
}

#[test]
fn the_report_in_english_keeps_the_layout() {
    let (_dir, file) = written(
        &[
            "report",
            EXAMPLE,
            "-f",
            "docx",
            "--lang",
            "en",
            "--date",
            "2023-03-15",
        ],
        "report.docx",
    );
    let lines = paragraphs(&part(&file, "word/document.xml"));
    for line in [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "…, 15 March 2023",
        "No.: …/BC-…",
    ] {
        assert!(
            lines.iter().any(|l| l == line),
            "`{line}` not in {lines:#?}"
        );
    }
}

/// The annex's rows: STT, unit, the eight sections' points, total, percentage, rank, grade.
const KRONG_NO: [&str; 15] = [
    "1",
    "UBND huyện Krông Nô",
    "10,973",
    "9,5",
    "15,095",
    "7,5",
    "14",
    "8",
    "10,478",
    "2,5",
    "78,046",
    // The unit's own maximum: the percentage is total ÷ it.
    "89",
    "87,69%",
    "1",
    "Tốt",
];

#[test]
fn the_annex_lists_the_eight_units_by_rank() {
    let (_dir, file) = written(
        &[
            "rank",
            PEERS,
            "-f",
            "docx",
            "--issuer",
            "UBND tỉnh Đắk Nông",
            "--number",
            "251/QĐ-UBND",
            "--date",
            "2023-02-24",
            "--place",
            "Đắk Nông",
            "--of",
            "các huyện, thành phố tỉnh Đắk Nông",
        ],
        "phu-luc.docx",
    );
    assert_state_page(&file, 16_838, 11_906, true);
    let doc = part(&file, "word/document.xml");
    let lines = paragraphs(&doc);
    for line in [
        "UBND TỈNH ĐẮK NÔNG",
        "Số: 251/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Đắk Nông, ngày 24 tháng 02 năm 2023",
        "Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các huyện, thành phố tỉnh Đắk Nông",
        "(Kèm theo Quyết định số 251/QĐ-UBND ngày 24/02/2023 của UBND tỉnh Đắk Nông)",
        "Số đơn vị theo xếp loại: Xuất sắc: 0; Tốt: 5; Khá: 3; Trung bình: 0; Yếu: 0.",
    ] {
        assert!(lines.iter().any(|l| l == line), "`{line}` not in {lines:#?}");
    }
    let rows = table_rows(&doc);
    // The letterhead's row, the heads, the maxima, then the eight units.
    let annex: Vec<&Vec<String>> = rows.iter().skip(1).collect();
    assert_eq!(annex.len(), 10, "{annex:#?}");
    assert_eq!(annex[0][0], "STT");
    assert_eq!(annex[0][2], "1. Công tác chỉ đạo, điều hành CCHC");
    assert_eq!(annex[0][11], "Tối đa");
    assert_eq!(annex[0][14], "Xếp loại");
    assert_eq!(
        annex[1],
        &[
            "Điểm tối đa",
            "13",
            "10",
            "17,5",
            "7,5",
            "15,5",
            "8",
            "15",
            "2,5",
            "89",
            "",
            "",
            "",
            ""
        ]
    );
    assert_eq!(annex[2], &KRONG_NO);
    // Sorted by rank; the ranks as the league gives them (ties share one).
    let ranks: Vec<&str> = annex[2..].iter().map(|r| r[13].as_str()).collect();
    assert_eq!(ranks, ["1", "2", "3", "4", "4", "6", "7", "8"]);
    let numbers: Vec<&str> = annex[2..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(numbers, ["1", "2", "3", "4", "5", "6", "7", "8"]);
}

#[test]
fn the_annex_workbook_is_its_twin() {
    let (_dir, file) = written(
        &[
            "rank",
            PEERS,
            "-f",
            "xlsx",
            "--issuer",
            "UBND tỉnh Đắk Nông",
            "--number",
            "251/QĐ-UBND",
            "--date",
            "2023-02-24",
            "--of",
            "các huyện, thành phố tỉnh Đắk Nông",
        ],
        "phu-luc.xlsx",
    );
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), ["Phụ lục", "Xếp hạng", "Thông tin"]);
    let sheet = book.worksheet_range("Phụ lục").unwrap();
    let at = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let s = |x: &str| Data::String(x.into());
    assert_eq!(
        at(0, 0),
        s("Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các huyện, thành phố tỉnh Đắk Nông")
    );
    assert_eq!(
        at(1, 0),
        s("(Kèm theo Quyết định số 251/QĐ-UBND ngày 24/02/2023 của UBND tỉnh Đắk Nông)")
    );
    // Heads on row 4, maxima on row 5, units from row 6: the Word annex's columns.
    let heads: Vec<Data> = (0..15).map(|c| at(3, c)).collect();
    assert_eq!(heads[0], s("STT"));
    assert_eq!(heads[2], s("1. Công tác chỉ đạo, điều hành CCHC"));
    assert_eq!(
        heads[10..],
        [
            s("Tổng điểm"),
            s("Tối đa"),
            s("Chỉ số"),
            s("Xếp hạng"),
            s("Xếp loại")
        ]
    );
    assert_eq!(at(4, 10), Data::Float(89.0));
    let krong_no: Vec<Data> = (0..15).map(|c| at(5, c)).collect();
    let f = Data::Float;
    assert_eq!(
        krong_no,
        [
            f(1.0),
            s("UBND huyện Krông Nô"),
            f(10.973),
            f(9.5),
            f(15.095),
            f(7.5),
            f(14.0),
            f(8.0),
            f(10.478),
            f(2.5),
            f(78.046),
            f(89.0),
            f(0.8769),
            f(1.0),
            s("Tốt"),
        ]
    );
    let units: Vec<Data> = (5..13).map(|r| at(r, 1)).collect();
    assert_eq!(units.len(), 8);
    assert!(units
        .iter()
        .all(|u| matches!(u, Data::String(n) if !n.is_empty())));
    assert_eq!(at(13, 1), Data::Empty);
    assert_eq!(
        at(13, 0),
        s("Số đơn vị theo xếp loại: Xuất sắc: 0; Tốt: 5; Khá: 3; Trung bình: 0; Yếu: 0.")
    );
    // The percentage cell is formatted as one; the page is landscape A4.
    let xml = part(&file, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"orientation="landscape""#), "{xml}");
    assert!(xml.contains(r#"paperSize="9""#));
    // What the ranking sheet had is still there.
    let ranking = book.worksheet_range("Xếp hạng").unwrap();
    assert_eq!(ranking.get_value((0, 0)), Some(&s("Xếp hạng")));
    assert_eq!(ranking.get_value((1, 1)), Some(&s("UBND huyện Krông Nô")));
}

#[test]
fn word_documents_need_a_file_and_the_right_command() {
    for args in [
        vec!["rank", PEERS, "-f", "docx"],
        vec!["report", EXAMPLE, "-f", "docx"],
        vec!["score", EXAMPLE, "-f", "docx", "-o", "x.docx"],
        vec!["losses", EXAMPLE, "-f", "docx", "-o", "x.docx"],
        vec![
            "report",
            EXAMPLE,
            "-f",
            "docx",
            "-o",
            "x.docx",
            "--date",
            "2023-02-30",
        ],
    ] {
        let dir = tempfile::tempdir().unwrap();
        parindex()
            .current_dir(std::env::current_dir().unwrap())
            .args(&args)
            .env("TMPDIR", dir.path())
            .assert()
            .code(2);
        assert!(!Path::new("x.docx").exists());
    }
}

#[test]
fn an_existing_document_is_not_replaced_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("phu-luc.docx");
    std::fs::write(&file, "mine").unwrap();
    parindex()
        .args(["rank", PEERS, "-f", "docx", "-o"])
        .arg(&file)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    parindex()
        .args(["rank", PEERS, "-f", "docx", "--force", "-o"])
        .arg(&file)
        .assert()
        .success();
    assert!(part(&file, "word/document.xml").contains("UBND huyện Krông Nô"));
}

#[test]
fn the_same_figures_give_the_same_bytes() {
    let args = ["rank", PEERS, "-f", "docx", "--date", "2023-02-24"];
    let (_a, one) = written(&args, "a.docx");
    let (_b, two) = written(&args, "b.docx");
    assert_eq!(std::fs::read(one).unwrap(), std::fs::read(two).unwrap());
}

#[test]
fn text_from_the_files_is_text_never_markup() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/small-criteria.yaml",
        dir.path().join("small-criteria.yaml"),
    )
    .unwrap();
    let hostile = r#"<w:p>A & "B" </w:t></w:r>"#;
    let evidence = std::fs::read_to_string("tests/fixtures/small-evidence.yaml")
        .unwrap()
        .replace("Đơn vị thử nghiệm", &hostile.replace('"', "\\\""))
        .replace("Có hồ sơ trễ hạn", &hostile.replace('"', "\\\""));
    let file = dir.path().join("e.yaml");
    std::fs::write(&file, evidence).unwrap();
    let out = dir.path().join("r.docx");
    parindex()
        .arg("report")
        .arg(&file)
        .args(["-f", "docx", "--issuer", hostile, "--place", hostile, "-o"])
        .arg(&out)
        .assert()
        .success();
    let doc = part(&out, "word/document.xml");
    assert!(!doc.contains(hostile));
    assert!(doc.contains("&lt;w:p&gt;A &amp; "));
    let lines = paragraphs(&doc);
    assert_eq!(lines[0], hostile.to_uppercase());
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&format!("Lý do: {hostile}"))),
        "{lines:#?}"
    );
}

/// Every unit's line of the annex, in the docx and in the workbook, against `rank --format
/// json`: the same units in the same order with the same section points, total, percentage,
/// rank and grade.
#[test]
fn every_row_of_the_annex_is_the_rankings() {
    let json: serde_json::Value =
        serde_json::from_str(&common::stdout_of(&["rank", PEERS, "-f", "json"])).unwrap();
    let ranking = json["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 8);
    let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
    // Vietnamese numbers: the decimal comma (no figure here reaches a thousand).
    let vi = |v: &serde_json::Value| text(v).replace('.', ",");

    let (_d, docx) = written(&["rank", PEERS, "-f", "docx"], "a.docx");
    let rows = table_rows(&part(&docx, "word/document.xml"));
    let units = &rows[3..];
    assert_eq!(units.len(), 8);
    let (_x, xlsx) = written(&["rank", PEERS, "-f", "xlsx"], "a.xlsx");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    let sheet = book.worksheet_range("Phụ lục").unwrap();
    let at = |r: u32, c: u32| sheet.get_value((r, c)).cloned().unwrap_or(Data::Empty);
    let num = |v: &serde_json::Value| Data::Float(text(v).parse::<f64>().unwrap());

    for (k, (unit, row)) in ranking.iter().zip(units).enumerate() {
        let sections = unit["sections"].as_array().unwrap();
        let mut expected = vec![(k + 1).to_string(), text(&unit["unit"])];
        expected.extend(sections.iter().map(|s| vi(&s["score"])));
        expected.extend([
            vi(&unit["score"]),
            vi(&unit["max"]),
            format!("{}%", vi(&unit["percent"])),
            unit["rank"].to_string(),
            text(&unit["grade"]),
        ]);
        assert_eq!(row, &expected, "row {} of the Word annex", k + 1);

        let r = 5 + k as u32;
        assert_eq!(at(r, 1), Data::String(text(&unit["unit"])));
        for (s, section) in sections.iter().enumerate() {
            assert_eq!(at(r, 2 + s as u32), num(&section["score"]));
        }
        assert_eq!(at(r, 10), num(&unit["score"]));
        assert_eq!(at(r, 11), num(&unit["max"]));
        let percent: f64 = text(&unit["percent"]).parse().unwrap();
        assert_eq!(at(r, 12), Data::Float(percent / 100.0));
        assert_eq!(at(r, 13), Data::Float(unit["rank"].as_f64().unwrap()));
        assert_eq!(at(r, 14), Data::String(text(&unit["grade"])));
    }
}

#[test]
fn usage_errors_say_what_to_do() {
    parindex()
        .args(["report", EXAMPLE, "-f", "docx"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "--format docx ghi ra văn bản Word: hãy chỉ định -o TỆP.docx",
        ));
    parindex()
        .args(["rank", PEERS, "-f", "docx", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("give -o FILE.docx"));
    parindex()
        .args([
            "rank",
            PEERS,
            "-f",
            "docx",
            "-o",
            "x.docx",
            "--date",
            "2023-02-29",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`2023-02-29` is not a calendar date written YYYY-MM-DD",
        ));
    assert!(!Path::new("x.docx").exists());
}
