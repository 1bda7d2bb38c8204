//! Running the year for a whole province (issue 14): a form for every unit on a units file,
//! filled in, collected and ranked one table per group, with the units that sent no form and
//! the forms of units not on the list both reported.

mod common;

use common::parindex;
use std::fs;
use std::path::Path;

const COMMUNES: &[&str] = &[
    "UBND phường Nghĩa Đức",
    "UBND phường Nghĩa Thành",
    "UBND phường Nghĩa Phú",
    "UBND phường Nghĩa Tân",
    "UBND phường Nghĩa Trung",
    "UBND phường Quảng Thành",
    "UBND xã Đắk Nia",
    "UBND xã Đắk R'Moan",
    "UBND xã Quảng Khê",
    "UBND xã Đắk Som",
    "UBND xã Đắk Ha",
    "UBND xã Đắk Plao",
    "UBND xã Quảng Sơn",
    "UBND xã Quảng Hoà",
    "UBND xã Nâm N'Jang",
    "UBND xã Trường Xuân",
    "UBND xã Đắk Mol",
    "UBND xã Đắk Hoà",
    "UBND xã Nam Dong",
    "UBND xã Đắk Wil",
    "UBND xã Ea Pô",
    "UBND xã Tâm Thắng",
    "UBND xã Nâm Nung",
    "UBND xã Đức Xuyên",
    "UBND xã Quảng Phú",
    "UBND xã Đắk Drô",
    "UBND xã Nam Đà",
    "UBND xã Buôn Choáh",
    "UBND xã Đắk Sôr",
    "UBND xã Thuận An",
];

const DEPARTMENTS: &[&str] = &[
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Tài chính",
    "Sở Kế hoạch và Đầu tư",
    "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Tài nguyên và Môi trường",
    "Sở Thông tin và Truyền thông",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Văn hoá, Thể thao và Du lịch",
    "Sở Khoa học và Công nghệ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Dân tộc",
    "Ban Quản lý các khu công nghiệp",
    "Sở Ngoại vụ",
];

/// The units file an office keeps: Vietnamese headers, the row number and notes parindex does
/// not read, names with commas quoted, saved by Excel as "CSV UTF-8" (a BOM, CRLF).
fn units_csv(dir: &Path) -> String {
    let mut text = String::from("\u{feff}STT,Tên đơn vị,Mã,Nhóm,Ghi chú\r\n");
    for (i, name) in COMMUNES.iter().enumerate() {
        text.push_str(&format!(
            "{},{name},X{:02},\"Xã, phường\",\r\n",
            i + 1,
            i + 1
        ));
    }
    for (i, name) in DEPARTMENTS.iter().enumerate() {
        text.push_str(&format!(
            "{},\"{name}\",S{:02},\"Sở, ban, ngành\",\r\n",
            31 + i,
            i + 1
        ));
    }
    let path = dir.join("don-vi.csv");
    fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// The example's values for `set`, less the `skip`-th one-line value: units differ in what
/// they leave out, so they score differently.
fn filled(form: &str, example: &str, skip: usize) -> String {
    let head = &form[..form.find("values:\n").expect("a form has values") + 8];
    let values =
        &example[example.find("\nvalues:\n").unwrap() + 9..example.find("\nexpect:").unwrap()];
    let mut out = head.to_string();
    let mut n = 0;
    for line in values.lines() {
        if line.starts_with("  \"") {
            n += 1;
            if n == skip {
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn fill_all(dir: &Path, example: &str) -> usize {
    let example = fs::read_to_string(example).unwrap();
    let mut paths: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for (i, p) in paths.iter().enumerate() {
        let form = fs::read_to_string(p).unwrap();
        fs::write(p, filled(&form, &example, i + 1)).unwrap();
    }
    paths.len()
}

#[test]
fn forms_for_fifty_units_come_back_ranked_in_two_tables_with_the_missing_and_unknown_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let units = units_csv(dir);
    let xa = dir.join("phieu/xa");
    let so = dir.join("phieu/so");
    for (set, group, folder) in [
        ("xa-phuong-2025", "Xã, phường", &xa),
        ("so-ban-nganh-2025", "Sở, ban, ngành", &so),
    ] {
        let out = parindex()
            .args(["template", set, "--units", &units, "--group", group])
            .args(["--period", "2025", "-o"])
            .arg(folder)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        // The row number and notes columns are passed over without a word.
        assert!(!stderr.contains("warning"), "{stderr}");
    }
    // One form per unit, named after it, with its name, the period and the set filled in.
    let form = fs::read_to_string(xa.join("x15-ubnd-xa-nam-n-jang.yaml")).unwrap();
    assert!(form.contains("unit: \"UBND xã Nâm N'Jang\"\nperiod: \"2025\"\n"));
    assert!(form.contains("criteria: \"xa-phuong-2025\""));
    assert!(form.contains("# Criteria set text SHA-256: "));
    assert!(so.join("s12-so-van-hoa-the-thao-va-du-lich.yaml").exists());
    assert_eq!(fill_all(&xa, "examples/xa-phuong-2025.yaml"), 30);
    assert_eq!(fill_all(&so, "examples/so-ban-nganh-2025.yaml"), 20);

    // One commune does not send its form; a form comes from a unit not on the list.
    fs::remove_file(xa.join("x29-ubnd-xa-dak-sor.yaml")).unwrap();
    let stray = fs::read_to_string(so.join("s20-so-ngoai-vu.yaml"))
        .unwrap()
        .replace("unit: \"Sở Ngoại vụ\"", "unit: \"Sở Ngoại giao\"");
    fs::write(dir.join("phieu/so/so-ngoai-giao.yaml"), stray).unwrap();

    // check: the stray form is an error at its `unit:`, the missing form a warning at its line.
    let out = parindex()
        .args(["check", "--units", &units])
        .arg(dir.join("phieu"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error[E708]: the form is from unit `Sở Ngoại giao`"),
        "{stdout}"
    );
    assert!(stdout.contains("so-ngoai-giao.yaml:14:7"), "{stdout}");
    assert!(
        stdout.contains("warning[W701]: no form from unit `UBND xã Đắk Sôr`"),
        "{stdout}"
    );
    assert!(stdout.contains("don-vi.csv:30:"), "{stdout}");

    // rank refuses to publish a table with a stray form in it…
    let phieu = dir.join("phieu");
    let out = parindex()
        .args(["rank", "--units", &units, "-q"])
        .arg(&phieu)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("E708") && stderr.contains("--keep-going"),
        "{stderr}"
    );
    // …placed at the form's `unit:`, as check places it.
    assert!(stderr.contains("so-ngoai-giao.yaml:14:7"), "{stderr}");

    // …and with --keep-going ranks each group in its own table against its own set.
    let out = parindex()
        .args([
            "rank",
            "--units",
            &units,
            "-q",
            "--keep-going",
            "--lang",
            "vi",
        ])
        .arg(&phieu)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("W701") && stderr.contains("1/50"),
        "{stderr}"
    );
    let xa_at = stdout
        .find("Nhóm: Xã, phường\nXếp hạng 29 đơn vị · xa-phuong-2025")
        .unwrap();
    let so_at = stdout
        .find("Nhóm: Sở, ban, ngành\nXếp hạng 20 đơn vị · so-ban-nganh-2025")
        .unwrap();
    assert!(xa_at < so_at, "{stdout}");
    assert!(stdout[xa_at..so_at]
        .contains("Chưa nhận phiếu của 1 đơn vị trong danh sách: UBND xã Đắk Sôr"));
    assert_eq!(stdout.matches("Số đơn vị theo xếp loại:").count(), 2);
    assert!(!stdout.contains("Sở Ngoại giao"));

    let out = parindex()
        .args([
            "rank",
            "--units",
            &units,
            "-q",
            "--keep-going",
            "-f",
            "json",
        ])
        .arg(&phieu)
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["missing"], serde_json::json!(["UBND xã Đắk Sôr"]));
    assert_eq!(doc["unknown"][0]["unit"], "Sở Ngoại giao");
    let groups = doc["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(groups[0]["group"], "Xã, phường");
    assert_eq!(groups[0]["units"], 29);
    assert_eq!(groups[1]["criteria"], "so-ban-nganh-2025");
    let ranking = groups[1]["ranking"].as_array().unwrap();
    assert_eq!(ranking.len(), 20);
    assert_eq!(ranking[0]["rank"], 1);
    assert_eq!(ranking[0]["group"], "Sở, ban, ngành");
    // Units left out different values: they do not all tie.
    let scores: std::collections::BTreeSet<&str> = ranking
        .iter()
        .map(|r| r["score"].as_str().unwrap())
        .collect();
    assert!(scores.len() > 5, "{scores:?}");

    // CSV: one table, a group column first, ranks within each group.
    let csv = common::stdout_of(&[
        "rank",
        "--units",
        &units,
        "-q",
        "--keep-going",
        "-f",
        "csv",
        phieu.to_str().unwrap(),
    ]);
    assert!(csv.starts_with("group,rank,unit,"));
    assert_eq!(csv.lines().count(), 1 + 29 + 20);
    assert_eq!(
        csv.lines()
            .filter(|l| l.starts_with("\"Sở, ban, ngành\",1,"))
            .count(),
        1
    );
}

#[test]
fn forms_are_never_half_written_nor_written_over() {
    let tmp = tempfile::tempdir().unwrap();
    let units = tmp.path().join("units.txt");
    fs::write(&units, "Sở Nội vụ\nSở Y tế\n").unwrap();
    let forms = tmp.path().join("new/forms");
    let run = |extra: &[&str]| {
        parindex()
            .args(["template", "dak-nong-district-2022", "--units"])
            .arg(&units)
            .arg("-o")
            .arg(&forms)
            .args(extra)
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    let kept = forms.join("so-y-te.yaml");
    fs::write(&kept, "mine").unwrap();
    fs::remove_file(forms.join("so-noi-vu.yaml")).unwrap();
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pass --force"));
    // Nothing was written: not even the form that was not there.
    assert!(!forms.join("so-noi-vu.yaml").exists());
    assert_eq!(fs::read_to_string(&kept).unwrap(), "mine");
    assert!(run(&["--force"]).status.success());
    assert!(fs::read_to_string(&kept)
        .unwrap()
        .contains("unit: \"Sở Y tế\""));
}

#[test]
fn a_bad_units_file_stops_every_command_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let units = tmp.path().join("units.csv");
    fs::write(
        &units,
        "name,group\nSở Nội vụ,Sở\nXa\u{0303} Ea Pô,Xã\nXã Ea Pô,Xã\n",
    )
    .unwrap();
    let forms = tmp.path().join("forms");
    for args in [
        vec![
            "template",
            "xa-phuong-2025",
            "--units",
            units.to_str().unwrap(),
            "-o",
            forms.to_str().unwrap(),
        ],
        vec![
            "rank",
            "--units",
            units.to_str().unwrap(),
            "examples/dak-nong-2022",
        ],
        vec![
            "check",
            "--units",
            units.to_str().unwrap(),
            "examples/dak-nong-2022",
        ],
    ] {
        let out = parindex().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        assert!(text.contains("error[E703]"), "{args:?}: {text}");
        assert!(text.contains("units.csv:4:1"), "{text}");
        assert!(!text.contains("panicked"));
    }
    assert!(!forms.exists());
}

#[test]
fn a_list_without_groups_ranks_one_table_and_names_who_is_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let units = tmp.path().join("units.txt");
    // The example's units, one of them typed with decomposed accents and another case.
    fs::write(
        &units,
        "ubnd huye\u{0302}\u{0323}n krông nô\nĐơn vị giả định  a (hư cấu)\nUBND huyện Chưa Nộp\n",
    )
    .unwrap();
    let out = parindex()
        .args([
            "rank",
            "examples/dak-nong-2022",
            "--keep-going",
            "-q",
            "--units",
        ])
        .arg(&units)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.starts_with("Ranking of 2 units"), "{stdout}");
    assert!(!stdout.contains("Group"));
    assert!(stdout.contains("No form from 1 unit(s) on the list: UBND huyện Chưa Nộp"));
    assert_eq!(stderr.matches("error[E708]").count(), 6, "{stderr}");
}

/// The example's eight units split into two groups, one unit of each group without a form.
fn grouped_units(dir: &Path) -> String {
    let path = dir.join("don-vi.csv");
    fs::write(
        &path,
        "Tên đơn vị;Nhóm\n\
         UBND huyện Krông Nô;Huyện\n\
         Đơn vị giả định A (hư cấu);Huyện\n\
         Đơn vị giả định B (hư cấu);Huyện\n\
         Đơn vị giả định C (hư cấu);Huyện\n\
         UBND huyện Chưa Nộp;Huyện\n\
         Đơn vị giả định D (hư cấu);Thành phố, thị xã\n\
         Đơn vị giả định E (hư cấu);Thành phố, thị xã\n\
         Đơn vị giả định F (hư cấu);Thành phố, thị xã\n\
         Đơn vị giả định G (hư cấu);Thành phố, thị xã\n\
         UBND thành phố Chưa Nộp;Thành phố, thị xã\n",
    )
    .unwrap();
    path.display().to_string()
}

#[test]
fn grouped_markdown_in_vietnamese() {
    let tmp = tempfile::tempdir().unwrap();
    let units = grouped_units(tmp.path());
    let md = common::stdout_of(&[
        "rank",
        "examples/dak-nong-2022",
        "--units",
        &units,
        "-f",
        "markdown",
        "--lang",
        "vi",
    ]);
    // Krông Nô heads its group at 78,046 and 87,69%.
    assert!(
        md.contains("| 1 | UBND huyện Krông Nô | 78,046 | 89 | 87,69% |"),
        "{md}"
    );
    insta::assert_snapshot!(md);
}

#[test]
fn last_years_ranks_are_taken_within_each_group() {
    let tmp = tempfile::tempdir().unwrap();
    let units = grouped_units(tmp.path());
    // The same files as last period's (a previous rank must come from an earlier period).
    let out = parindex()
        .args([
            "rank",
            "examples/dak-nong-2022",
            "--previous",
            common::dak_nong_2021(),
        ])
        .args(["-f", "json", "--units", &units])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for group in doc["groups"].as_array().unwrap() {
        for row in group["ranking"].as_array().unwrap() {
            // The same files last year: every unit at its own rank within its group.
            assert_eq!(row["previous_rank"], row["rank"], "{row}");
        }
    }
    assert_eq!(doc["groups"][1]["units"], 4);
    assert_eq!(
        doc["missing"],
        serde_json::json!(["UBND huyện Chưa Nộp", "UBND thành phố Chưa Nộp"])
    );
}

#[test]
fn a_period_with_a_line_break_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let units = tmp.path().join("units.txt");
    fs::write(&units, "Sở Nội vụ\n").unwrap();
    let out = parindex()
        .args(["template", "xa-phuong-2025", "--units"])
        .arg(&units)
        .args(["--period", "2025\nvalues: {}", "-o"])
        .arg(tmp.path().join("forms"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!tmp.path().join("forms").exists());
}

#[test]
fn a_group_the_units_file_does_not_have_is_named_with_the_groups_it_has() {
    let tmp = tempfile::tempdir().unwrap();
    let units = grouped_units(tmp.path());
    let forms = tmp.path().join("forms");
    let out = parindex()
        .args([
            "template",
            "dak-nong-district-2022",
            "--units",
            &units,
            "--group",
            "Thi xa",
        ])
        .arg("-o")
        .arg(&forms)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("error[E710]"), "{stderr}");
    assert!(
        stderr.contains("(its groups: Huyện; Thành phố, thị xã)"),
        "{stderr}"
    );
    assert!(!forms.exists());
    // Case and spacing aside, the group as written picks its units.
    let out = parindex()
        .args(["template", "dak-nong-district-2022", "--units", &units])
        .args(["--group", "thành phố,  thị xã", "-o"])
        .arg(&forms)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(fs::read_dir(&forms).unwrap().count(), 5);
}

/// Fills every form listed in a JSON file `[{"form", "cells": {"E12": [kind, text]}}]` in
/// place with openpyxl, as a person typing into Excel leaves the cells (a percentage typed
/// into a percent cell is stored as the fraction: the caller gives the fraction).
const FILL_ALL: &str = r#"
import json, sys, openpyxl
for job in json.load(open(sys.argv[1], encoding="utf-8")):
    wb = openpyxl.load_workbook(job["form"])
    ws = wb["Tự đánh giá"]
    for cell, (kind, text) in job["cells"].items():
        ws[cell] = float(text) if kind == "number" else text
    wb.save(job.get("save_as", job["form"]))
"#;

/// The cells a person types to give `example`'s values, less the `skip`-th one (units differ
/// in what they leave out, so they score differently).
fn typed_cells(example: &str, skip: usize) -> serde_json::Map<String, serde_json::Value> {
    use parindex::form::{cell_name, COL_VALUE, FIRST_ROW};
    use parindex::model::Value;
    let (_, ev, _, _) =
        parindex::load::load_evidence(Path::new(example), &parindex::load::CriteriaResolver::new())
            .unwrap();
    let mut cells = serde_json::Map::new();
    let mut n = 0;
    for (i, entry) in ev.entries.iter().enumerate() {
        let Some(v) = entry.as_ref().and_then(|e| e.value.as_ref()) else {
            continue;
        };
        n += 1;
        if n == skip {
            continue;
        }
        let (kind, text) = match v {
            Value::Boolean(b) => ("text", if *b { "có" } else { "không" }.to_string()),
            Value::Rate {
                num, percent: true, ..
            } => (
                "number",
                (num / rust_decimal::Decimal::ONE_HUNDRED).to_string(),
            ),
            Value::Number(n) => ("number", n.to_string()),
            other => ("text", other.show()),
        };
        cells.insert(
            cell_name(FIRST_ROW + i as u32, COL_VALUE),
            serde_json::json!([kind, text]),
        );
    }
    cells
}

/// The texts of each `<w:tc>` of each row of a Word table's XML.
fn word_rows(table: &str) -> Vec<Vec<String>> {
    table
        .split("<w:tr>")
        .skip(1)
        .map(|row| {
            row.split("<w:tc>")
                .skip(1)
                .map(|cell| {
                    cell.split("<w:t")
                        .skip(1)
                        .filter_map(|t| {
                            // `<w:t>` or `<w:t xml:space=…>`, not `<w:tcPr>`.
                            let t = match t.strip_prefix('>') {
                                Some(t) => t,
                                None => t.strip_prefix(' ')?.split_once('>')?.1,
                            };
                            Some(t.split("</w:t>").next()?.to_string())
                        })
                        .collect::<String>()
                })
                .collect()
        })
        .collect()
}

#[test]
fn excel_forms_for_fifty_units_come_back_as_a_two_table_annex_in_word_and_excel() {
    use calamine::Reader;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let units = units_csv(dir);
    let phieu = dir.join("phieu");
    for (set, group) in [
        ("xa-phuong-2025", "Xã, phường"),
        ("so-ban-nganh-2025", "Sở, ban, ngành"),
    ] {
        let out = parindex()
            .args(["template", set, "--units", &units, "--group", group])
            .args(["--period", "2025", "--format", "xlsx", "-o"])
            .arg(&phieu)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut forms: Vec<_> = fs::read_dir(&phieu)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    forms.sort();
    assert_eq!(forms.len(), 50);

    // Every unit fills its form; a department's form comes back under another unit's name.
    let mut jobs = Vec::new();
    for (i, form) in forms.iter().enumerate() {
        let name = form.file_name().unwrap().to_str().unwrap();
        let example = if name.starts_with('x') {
            "examples/xa-phuong-2025.yaml"
        } else {
            "examples/so-ban-nganh-2025.yaml"
        };
        let cells = typed_cells(example, i % 20 + 1);
        jobs.push(serde_json::json!({ "form": form, "cells": cells }));
        if name == "s20-so-ngoai-vu.xlsx" {
            let mut cells = cells.clone();
            cells.insert(
                parindex::form::cell_name(parindex::form::ROW_UNIT, 1),
                serde_json::json!(["text", "Sở Ngoại giao"]),
            );
            jobs.push(serde_json::json!({
                "form": form,
                "cells": cells,
                "save_as": phieu.join("so-ngoai-giao.xlsx"),
            }));
        }
    }
    let spec = dir.join("fill.json");
    fs::write(&spec, serde_json::Value::Array(jobs).to_string()).unwrap();
    let status = std::process::Command::new("python3")
        .args(["-c", FILL_ALL])
        .arg(&spec)
        .status()
        .expect("python3 with openpyxl fills the forms (`pip install openpyxl`)");
    assert!(status.success(), "openpyxl could not fill the forms");
    // One commune sends nothing back; a unit's result workbook lies beside the forms.
    fs::remove_file(phieu.join("x29-ubnd-xa-dak-sor.xlsx")).unwrap();
    let out = parindex()
        .args(["score", "examples/xa-phuong-2025.yaml", "-f", "xlsx", "-o"])
        .arg(phieu.join("ket-qua-mau.xlsx"))
        .output()
        .unwrap();
    assert!(out.status.success());

    // check: the stray form at its unit's cell, the missing form at its line, the result
    // workbook passed over and counted.
    let out = parindex()
        .args(["check", "--units", &units])
        .arg(&phieu)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("error[E708]: the form is from unit `Sở Ngoại giao`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("so-ngoai-giao.xlsx: Tự đánh giá!B7"),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning[W701]: no form from unit `UBND xã Đắk Sôr`"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("error[").count(), 1, "{stdout}");
    assert!(
        stdout.contains("(1 workbook skipped: not parindex forms)"),
        "{stdout}"
    );

    // The annex in Word: two tables, each with its set's sections, maxima and units.
    let annex = dir.join("phu-luc.docx");
    let out = parindex()
        .args([
            "rank",
            "--units",
            &units,
            "-q",
            "--keep-going",
            "-f",
            "docx",
            "-o",
        ])
        .arg(&annex)
        .arg(&phieu)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("E708") && stderr.contains("W701") && !stderr.contains("ket-qua-mau"),
        "{stderr}"
    );
    let xml = common::zip_member(&annex, "word/document.xml");
    assert!(xml.contains(">Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2025 của các đơn vị<"));
    for heading in [
        ">I. Xã, phường (29 đơn vị)<",
        ">II. Sở, ban, ngành (20 đơn vị)<",
        ">Số đơn vị theo nhóm: Xã, phường: 29; Sở, ban, ngành: 20.<",
    ] {
        assert!(xml.contains(heading), "{heading} not in the annex");
    }
    assert_eq!(xml.matches(">Số đơn vị theo xếp loại: ").count(), 2);
    // The letterhead's table, then one per group.
    let tables: Vec<Vec<Vec<String>>> = xml.split("<w:tbl>").skip(2).map(word_rows).collect();
    assert_eq!(tables.len(), 2);
    let (xa, so) = (&tables[0], &tables[1]);
    assert_eq!(xa.len(), 2 + 29);
    assert_eq!(so.len(), 2 + 20);
    // Communes are on a commune's set, departments on a department's: other sections, maxima.
    assert!(
        xa[0].iter().any(|h| h.contains("Chính quyền điện tử")),
        "{:?}",
        xa[0]
    );
    assert!(
        so[0].iter().any(|h| h.contains("Chính phủ điện tử")),
        "{:?}",
        so[0]
    );
    // The maxima row: "Điểm tối đa" spans the first two columns.
    assert_eq!(xa[1][2], "5");
    assert_eq!(so[1][2], "10");
    let names =
        |t: &[Vec<String>]| -> Vec<String> { t[2..].iter().map(|r| r[1].clone()).collect() };
    assert!(names(xa).iter().all(|n| n.starts_with("UBND ")));
    assert!(!names(xa).contains(&"UBND xã Đắk Sôr".to_string()));
    assert!(names(so).iter().all(|n| !n.starts_with("UBND ")));
    assert!(!xml.contains("Sở Ngoại giao"));
    // Ranked within each table, best first.
    for t in [xa, so] {
        let ranks: Vec<usize> = t[2..]
            .iter()
            .map(|r| r[r.len() - 2].parse().unwrap())
            .collect();
        assert_eq!(ranks[0], 1);
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    }

    // The same annex in a workbook, and a ranking sheet per group.
    let book_path = dir.join("phu-luc.xlsx");
    let out = parindex()
        .args([
            "rank",
            "--units",
            &units,
            "-q",
            "--keep-going",
            "-f",
            "xlsx",
            "-o",
        ])
        .arg(&book_path)
        .arg(&phieu)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&book_path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Phụ lục", "1. Xã, phường", "2. Sở, ban, ngành", "Thông tin"]
    );
    let sheet = book.worksheet_range("Phụ lục").unwrap();
    let cell = |r: usize, c: usize| sheet.get((r, c)).map(|d| d.to_string()).unwrap_or_default();
    let heading_rows: Vec<usize> = (0..sheet.height())
        .filter(|&r| cell(r, 0).ends_with("đơn vị)"))
        .collect();
    assert_eq!(
        heading_rows.iter().map(|&r| cell(r, 0)).collect::<Vec<_>>(),
        [
            "I. Xã, phường (29 đơn vị)",
            "II. Sở, ban, ngành (20 đơn vị)"
        ]
    );
    for (&at, (units_in, third_max, first)) in heading_rows
        .iter()
        .zip([(29, "5", "UBND "), (20, "10", "Sở ")])
    {
        // Heads, maxima, then the units; the units per grade right under them.
        assert_eq!(cell(at + 2, 3), third_max);
        assert!(cell(at + 3, 1).starts_with(first), "{}", cell(at + 3, 1));
        assert_eq!(cell(at + 3, 0), "1");
        assert!(cell(at + 3 + units_in, 0).starts_with("Số đơn vị theo xếp loại: "));
        assert!(!cell(at + 2 + units_in, 1).is_empty());
    }
    for (name, units_in) in [("1. Xã, phường", 29), ("2. Sở, ban, ngành", 20)] {
        assert_eq!(book.worksheet_range(name).unwrap().height(), 1 + units_in);
    }
}
