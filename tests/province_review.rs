//! The second hostile review of the province run (issue 14): groups compared by one key
//! everywhere, forms of another group's set or another period refused alike by `check` and
//! `rank`, the annex giving each unit's maximum and the units that sent no form, `template -o`
//! named for its format, and a units file's codes, quotes and bytes checked.

mod common;

use common::parindex;
use std::fs;
use std::path::{Path, PathBuf};

/// The example's eight units in two groups, `Huyện` written three ways; one unit of each group
/// sends no form.
fn units(dir: &Path) -> String {
    let path = dir.join("don-vi.csv");
    fs::write(
        &path,
        "Tên đơn vị,Nhóm\n\
         UBND huyện Krông Nô,Huyện\n\
         Đơn vị giả định A (hư cấu),huyện\n\
         Đơn vị giả định B (hư cấu),\"HUYỆN \"\n\
         Đơn vị giả định C (hư cấu),Huyện\n\
         UBND huyện Chưa Nộp,huyện\n\
         Đơn vị giả định D (hư cấu),\"Thành phố, thị xã\"\n\
         Đơn vị giả định E (hư cấu),\"thành phố,  thị xã\"\n\
         Đơn vị giả định F (hư cấu),\"Thành phố, thị xã\"\n\
         Đơn vị giả định G (hư cấu),\"Thành phố, thị xã\"\n\
         UBND thành phố Chưa Nộp,\"Thành phố, thị xã\"\n",
    )
    .unwrap();
    path.display().to_string()
}

/// The example's forms copied into `dir/phieu`, each passed through `edit(file name, text)`.
fn forms(dir: &Path, edit: impl Fn(&str, String) -> String) -> PathBuf {
    let phieu = dir.join("phieu");
    fs::create_dir_all(&phieu).unwrap();
    for e in fs::read_dir("examples/dak-nong-2022").unwrap() {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        let text = fs::read_to_string(&p).unwrap();
        fs::write(phieu.join(&name), edit(&name, text)).unwrap();
    }
    phieu
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let o = parindex().args(args).output().unwrap();
    (
        o.status.code(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[test]
fn a_group_written_three_ways_is_one_table_under_its_first_spelling() {
    let tmp = tempfile::tempdir().unwrap();
    let units = units(tmp.path());
    let (code, stdout, stderr) = run(&[
        "rank",
        "examples/dak-nong-2022",
        "--units",
        &units,
        "-f",
        "json",
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let groups: Vec<&str> = doc["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["group"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["Huyện", "Thành phố, thị xã"]);
    // One warning per other spelling, naming its lines and the first spelling's.
    assert_eq!(stderr.matches("warning[W703]").count(), 3, "{stderr}");
    assert!(stderr.contains("group `huyện` (line(s) 3, 6) is written `Huyện` on line 2"));
    // `template --group` takes the same units whichever spelling it is given.
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(&[
        "template",
        "dak-nong-district-2022",
        "--units",
        &units,
        "--group",
        "HUYỆN",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(fs::read_dir(&out).unwrap().count(), 5);
}

#[test]
fn a_form_on_another_set_than_its_groups_is_refused_by_check_and_rank_alike() {
    let tmp = tempfile::tempdir().unwrap();
    let units = units(tmp.path());
    // The same set under another id: what a unit filling another group's form sends back.
    let other = fs::read_to_string("criteria/dak-nong-district-2022.yaml")
        .unwrap()
        .replace("id: dak-nong-district-2022", "id: bo-khac-2022");
    assert!(other.contains("id: bo-khac-2022"));
    fs::write(tmp.path().join("bo-khac.yaml"), other).unwrap();
    let phieu = forms(tmp.path(), |name, text| match name {
        "fictional-b.yaml" => text.replace(
            "criteria: dak-nong-district-2022",
            "criteria: ../bo-khac.yaml",
        ),
        _ => text,
    });
    let phieu = phieu.to_str().unwrap();
    let (code, stdout, _) = run(&["check", "--units", &units, phieu]);
    assert_eq!(code, Some(1), "{stdout}");
    assert_eq!(stdout.matches("error[").count(), 1, "{stdout}");
    assert!(
        stdout.contains("error[E713]: the form is scored against `bo-khac-2022`, but the other forms of group `Huyện` against `dak-nong-district-2022`"),
        "{stdout}"
    );
    assert!(stdout.contains("fictional-b.yaml:14:11"), "{stdout}");
    let (code, _, stderr) = run(&["rank", phieu, "--units", &units, "-q"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("error[E713]"), "{stderr}");
    assert!(stderr.contains("fictional-b.yaml:14:11"), "{stderr}");
}

#[test]
fn a_form_of_another_period_or_of_none_is_not_ranked() {
    let tmp = tempfile::tempdir().unwrap();
    let units = units(tmp.path());
    let phieu = forms(tmp.path(), |name, text| match name {
        "fictional-a.yaml" => text.replace("period: \"2022\"", "period: \"2021\""),
        "fictional-d.yaml" => text.replace("period: \"2022\"", "period: \"\""),
        _ => text,
    });
    let phieu = phieu.to_str().unwrap();
    for cmd in ["check", "rank"] {
        let (code, stdout, stderr) = run(&[cmd, phieu, "--units", &units]);
        let said = format!("{stdout}{stderr}");
        assert_eq!(code, Some(1), "{said}");
        assert!(
            said.contains(
                "error[E714]: the form is for period `2021`, not `2022` (the period of most forms)"
            ),
            "{said}"
        );
        assert!(said.contains("fictional-a.yaml:16:9"), "{said}");
        assert!(
            said.contains("error[E715]: the form gives no period (the run is for `2022`)"),
            "{said}"
        );
        assert!(said.contains("fictional-d.yaml:16:9"), "{said}");
    }
    // --period names the run's period: then the six others are of another one.
    let (code, stdout, _) = run(&["check", phieu, "--units", &units, "--period", "2021"]);
    assert_eq!(code, Some(1));
    assert_eq!(stdout.matches("error[E714]").count(), 6, "{stdout}");
    assert!(stdout.contains("(given by --period)"), "{stdout}");
}

/// The text of each `<w:t>` of a Word document's body, joined.
fn word_text(path: &Path) -> String {
    common::zip_member(path, "word/document.xml")
}

#[test]
fn the_annex_gives_each_units_maximum_and_who_sent_no_form_in_word_and_excel() {
    use calamine::Reader;
    let tmp = tempfile::tempdir().unwrap();
    let units = units(tmp.path());
    let docx = tmp.path().join("phu-luc.docx");
    let xlsx = tmp.path().join("phu-luc.xlsx");
    for (format, path) in [("docx", &docx), ("xlsx", &xlsx)] {
        let (code, _, stderr) = run(&[
            "rank",
            "examples/dak-nong-2022",
            "--units",
            &units,
            "-f",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(0), "{stderr}");
    }
    let xml = word_text(&docx);
    for text in [
        ">Tối đa<",
        ">Chưa nộp phiếu: UBND huyện Chưa Nộp.<",
        ">Chưa nộp phiếu: UBND thành phố Chưa Nộp.<",
        // One period in the heading.
        ">Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các đơn vị<",
    ] {
        assert!(xml.contains(text), "{text} not in the document");
    }
    // Krông Nô: 78,046 of its own 89 (the set's 90 less what does not apply), 87,69%.
    let krong_no = &xml[xml.find(">UBND huyện Krông Nô<").unwrap()..];
    let row = &krong_no[..krong_no.find("</w:tr>").unwrap()];
    let cells: Vec<&str> = row
        .split("<w:t xml:space=\"preserve\">")
        .skip(1)
        .map(|c| &c[..c.find('<').unwrap()])
        .collect();
    let total = cells.iter().position(|c| *c == "78,046").unwrap();
    assert_eq!(
        &cells[total..total + 3],
        ["78,046", "89", "87,69%"],
        "{cells:?}"
    );

    let mut book = calamine::open_workbook::<calamine::Xlsx<_>, _>(&xlsx).unwrap();
    let sheet = book.worksheet_range("Phụ lục").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let head = rows
        .iter()
        .find(|r| r.contains(&"Tối đa".to_string()))
        .unwrap();
    let at = head.iter().position(|c| c == "Tối đa").unwrap();
    assert_eq!(head[at - 1], "Tổng điểm");
    let row = rows.iter().find(|r| r[1] == "UBND huyện Krông Nô").unwrap();
    assert_eq!((row[at - 1].as_str(), row[at].as_str()), ("78.046", "89"));
    let notes: Vec<&String> = rows
        .iter()
        .map(|r| &r[0])
        .filter(|c| c.starts_with("Chưa nộp phiếu"))
        .collect();
    assert_eq!(
        notes,
        [
            "Chưa nộp phiếu: UBND huyện Chưa Nộp.",
            "Chưa nộp phiếu: UBND thành phố Chưa Nộp."
        ]
    );
}

#[test]
fn template_refuses_an_output_named_for_the_other_format() {
    let tmp = tempfile::tempdir().unwrap();
    for (format, name) in [("yaml", "phieu.xlsx"), ("xlsx", "phieu.yaml")] {
        let path = tmp.path().join(name);
        let (code, _, stderr) = run(&[
            "template",
            "dak-nong-district-2022",
            "-f",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(stderr.contains(&format!("--format {format}")), "{stderr}");
        assert!(!path.exists());
    }
    // Named for its format, it is written.
    let path = tmp.path().join("phieu.yml");
    let (code, _, stderr) = run(&[
        "template",
        "dak-nong-district-2022",
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn template_without_group_on_a_grouped_file_says_every_unit_gets_one_set() {
    let tmp = tempfile::tempdir().unwrap();
    let units = units(tmp.path());
    let out = tmp.path().join("out");
    let (code, _, stderr) = run(&[
        "template",
        "dak-nong-district-2022",
        "--units",
        &units,
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stderr.contains("warning[W704]: every unit gets a form of `dak-nong-district-2022`, whatever its group (Huyện; Thành phố, thị xã)"),
        "{stderr}"
    );
    assert_eq!(fs::read_dir(&out).unwrap().count(), 10);
}

#[test]
fn a_units_file_not_in_utf8_is_placed_at_its_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let units = tmp.path().join("don-vi.csv");
    // "Sở Nội vụ" then a name in Windows-1258: byte 0xE1 on line 3, column 2.
    fs::write(&units, b"T\xc3\xaan \xc4\x91\xc6\xa1n v\xe1\xbb\x8b\nS\xe1\xbb\x9f N\xe1\xbb\x99i v\xe1\xbb\xa5\nS\xe1 T\xe0i ch\xednh\n").unwrap();
    let (code, stdout, _) = run(&[
        "check",
        "--units",
        units.to_str().unwrap(),
        "examples/dak-nong-2022",
    ]);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("error[E003]"), "{stdout}");
    assert!(stdout.contains("don-vi.csv:3:2"), "{stdout}");
}

#[test]
fn ten_sections_and_the_maximum_column_still_fit_the_page() {
    let tmp = tempfile::tempdir().unwrap();
    let docx = tmp.path().join("phu-luc.docx");
    let (code, _, stderr) = run(&[
        "rank",
        "examples/xa-phuong-2025.yaml",
        "-f",
        "docx",
        "-o",
        docx.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    let xml = word_text(&docx);
    let table = xml
        .split("<w:tbl>")
        .find(|t| t.contains(">Tối đa<"))
        .expect("the annex table");
    let grid: Vec<usize> = table
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|c| c[..c.find('"').unwrap()].parse().unwrap())
        .collect();
    // STT, unit, ten sections, total, maximum, percentage, rank, grade.
    assert_eq!(grid.len(), 17, "{grid:?}");
    // Landscape A4 less the decree's 30 mm and 15 mm margins.
    assert!(grid.iter().sum::<usize>() <= 14_287, "{grid:?}");
    assert!(grid[1] >= 1_800 && grid[13] >= 760, "{grid:?}");
}
