//! How the Word documents run over pages, and what their command lines refuse, as a user runs
//! them: heading rows repeated on each page (`w:tblHeader`), rows never split (`w:cantSplit`),
//! keep-with-next only where it keeps a short table or a heading together, page numbers at the
//! top centre from page 2, the report's table of largest losses wide enough for its figures,
//! the evidence's note under its own label, letterhead flags without hidden characters, and
//! `-o` named for the format written.

mod common;

use common::{parindex, EXAMPLE};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use regex::Regex;
use std::path::{Path, PathBuf};

const PEERS: &str = "examples/dak-nong-2022";

/// `word/document.xml` (or another part) of a .docx file.
fn part(file: &Path, name: &str) -> String {
    common::zip_member(file, name)
}

/// Runs parindex with `args` then `-o FILE`; the folder and the file.
fn written(args: &[&str], name: &str) -> (tempfile::TempDir, PathBuf) {
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

/// The tables of a document, each as its rows' XML.
fn tables(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|t| {
            let t = t.split("</w:tbl>").next().unwrap();
            t.split("<w:tr>")
                .skip(1)
                .map(|r| r.split("</w:tr>").next().unwrap().to_string())
                .collect()
        })
        .collect()
}

fn is_heading(row: &str) -> bool {
    row.contains("<w:tblHeader />")
}

fn keeps_with_next(row: &str) -> bool {
    row.contains("<w:keepNext />")
}

/// A folder of `n` units: the fictional unit A under `n` names.
fn many_units(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let a = std::fs::read_to_string(format!("{PEERS}/fictional-a.yaml")).unwrap();
    for k in 1..=n {
        let text = a.replace(
            "unit: \"Đơn vị giả định A (hư cấu)\"",
            &format!("unit: \"Đơn vị số {k}\""),
        );
        assert_ne!(text, a);
        std::fs::write(dir.path().join(format!("u{k:03}.yaml")), text).unwrap();
    }
    dir
}

#[test]
fn a_long_annex_repeats_its_heads_and_starts_under_its_title() {
    let units = many_units(60);
    let (_d, file) = written(
        &[
            "rank",
            units.path().to_str().unwrap(),
            "-f",
            "docx",
            "--date",
            "2023-02-24",
        ],
        "phu-luc.docx",
    );
    let xml = part(&file, "word/document.xml");
    let tables = tables(&xml);
    // The letterhead, then the annex's table: the column heads and the maxima, then 60 units.
    let annex = tables.last().unwrap();
    assert_eq!(annex.len(), 62);
    assert!(
        is_heading(&annex[0]) && is_heading(&annex[1]),
        "{}",
        annex[0]
    );
    assert!(annex[2..].iter().all(|r| !is_heading(r)));
    assert!(annex.iter().all(|r| r.contains("<w:cantSplit />")));
    // The heads kept with the first unit; no chain of keeps through the units, which would
    // push the whole table onto a page of its own.
    assert!(keeps_with_next(&annex[0]) && keeps_with_next(&annex[1]));
    assert_eq!(annex[2..].iter().filter(|r| keeps_with_next(r)).count(), 0);
    assert!(xml.matches("<w:keepNext />").count() < 40);
}

#[test]
fn a_short_annex_stays_on_one_page() {
    let (_d, file) = written(
        &["rank", PEERS, "-f", "docx", "--date", "2023-02-24"],
        "phu-luc.docx",
    );
    let xml = part(&file, "word/document.xml");
    let annex = tables(&xml).pop().unwrap();
    assert_eq!(annex.len(), 10);
    assert!(is_heading(&annex[0]) && is_heading(&annex[1]));
    // Every row but the last kept with the next.
    let kept: Vec<bool> = annex.iter().map(|r| keeps_with_next(r)).collect();
    assert_eq!(kept, [vec![true; 9], vec![false]].concat());
}

#[test]
fn nine_communes_start_under_the_heading_rather_than_on_a_page_of_their_own() {
    // Ten sections make tall rows: nine units kept whole did not fit under the letterhead and
    // left the first page empty. Past eight units the table runs on, heads repeated.
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string("examples/xa-phuong-2025.yaml").unwrap();
    for k in 1..=9 {
        let text = example.replace(
            "unit: \"UBND phường Giả Định (hư cấu)\"",
            &format!("unit: \"UBND xã số {k}\""),
        );
        std::fs::write(dir.path().join(format!("x{k}.yaml")), text).unwrap();
    }
    let (_d, file) = written(
        &["rank", dir.path().to_str().unwrap(), "-f", "docx"],
        "phu-luc.docx",
    );
    let annex = tables(&part(&file, "word/document.xml")).pop().unwrap();
    assert_eq!(annex.len(), 11);
    let kept: Vec<bool> = annex.iter().map(|r| keeps_with_next(r)).collect();
    assert_eq!(kept, [vec![true; 2], vec![false; 9]].concat());
}

#[test]
fn narrow_heads_wrap_between_words_at_one_size() {
    // Ten sections (xã, phường 2025): at 9 pt "9. Điểm thưởng" was broken "thưởn/g" in its
    // 13 mm column; every head is set at the size its longest word needs, one for all.
    let dir = tempfile::tempdir().unwrap();
    let example = std::fs::read_to_string("examples/xa-phuong-2025.yaml").unwrap();
    for k in 1..=3 {
        let text = example.replace(
            "unit: \"UBND phường Giả Định (hư cấu)\"",
            &format!("unit: \"UBND xã số {k}\""),
        );
        assert_ne!(text, example);
        std::fs::write(dir.path().join(format!("x{k}.yaml")), text).unwrap();
    }
    let (_d, file) = written(
        &["rank", dir.path().to_str().unwrap(), "-f", "docx"],
        "phu-luc.docx",
    );
    let annex = tables(&part(&file, "word/document.xml")).pop().unwrap();
    let sizes = |row: &str| -> Vec<usize> {
        Regex::new(r#"<w:sz w:val="(\d+)""#)
            .unwrap()
            .captures_iter(row)
            .map(|c| c[1].parse().unwrap())
            .collect()
    };
    let heads = sizes(&annex[0]);
    assert!(annex[0].contains(">9. Điểm thưởng<"), "{}", annex[0]);
    assert!(
        heads.len() >= 16 && heads.iter().all(|&s| s == heads[0]),
        "{heads:?}"
    );
    assert!((14..18).contains(&heads[0]), "{heads:?}");
    // The figures keep their size; the eight sections of a district's set keep larger heads.
    assert!(sizes(&annex[2]).contains(&22));
    let (_d, file) = written(&["rank", PEERS, "-f", "docx"], "phu-luc.docx");
    let annex = tables(&part(&file, "word/document.xml")).pop().unwrap();
    // (With the Max column beside the total, the rank column's "hạng" sets them at 8.5–9 pt.)
    let district = sizes(&annex[0]);
    assert!(
        district.iter().all(|&s| s == district[0]) && (17..=18).contains(&district[0]),
        "{district:?}"
    );
}

#[test]
fn the_reports_tables_repeat_their_heads() {
    for args in [
        vec![
            "report",
            EXAMPLE,
            "--peers",
            PEERS,
            "-f",
            "docx",
            "--date",
            "2023-03-15",
        ],
        vec![
            "report",
            EXAMPLE,
            "--remediation",
            "examples/krong-no-2023-remediation.yaml",
            "-f",
            "docx",
            "--date",
            "2023-08-31",
        ],
    ] {
        let (_d, file) = written(&args, "bao-cao.docx");
        let xml = part(&file, "word/document.xml");
        // Every bordered table (not the letterhead, the chart or the signature) has its head
        // row marked, and no row is split across pages.
        let bordered: Vec<_> = tables(&xml)
            .into_iter()
            .filter(|t| t[0].contains("E9EEF4"))
            .collect();
        assert!(!bordered.is_empty());
        for t in &bordered {
            assert!(is_heading(&t[0]), "{}", t[0]);
            assert!(t.iter().all(|r| r.contains("<w:cantSplit />")));
        }
        // The stand-in docx-rs writes for the mark is gone.
        assert!(!xml.contains("w:trHeight"));
    }
}

#[test]
fn pages_are_numbered_at_the_top_from_page_two() {
    for args in [
        vec!["report", EXAMPLE, "-f", "docx", "--date", "2023-03-15"],
        vec!["rank", PEERS, "-f", "docx", "--date", "2023-02-24"],
    ] {
        let (_d, file) = written(&args, "x.docx");
        let xml = part(&file, "word/document.xml");
        let sect = &xml[xml.rfind("<w:sectPr").unwrap()..];
        // A different first page: its header is empty, the others carry the number.
        assert!(sect.contains("<w:titlePg"), "{sect}");
        let id = |kind: &str| {
            Regex::new(&format!(
                r#"<w:headerReference w:type="{kind}" r:id="([^"]+)""#
            ))
            .unwrap()
            .captures(sect)
            .unwrap_or_else(|| panic!("no {kind} header in {sect}"))[1]
                .to_string()
        };
        let rels = part(&file, "word/_rels/document.xml.rels");
        let target = |rid: String| {
            Regex::new(&format!(r#"Id="{rid}"[^>]*Target="([^"]+)""#))
                .unwrap()
                .captures(&rels)
                .unwrap()[1]
                .to_string()
        };
        let default = part(&file, &format!("word/{}", target(id("default"))));
        let first = part(&file, &format!("word/{}", target(id("first"))));
        assert!(
            default.contains("<w:instrText>PAGE</w:instrText>"),
            "{default}"
        );
        assert!(default.contains(r#"<w:jc w:val="center" />"#), "{default}");
        assert!(!first.contains("PAGE"), "{first}");
        // The first page keeps the footer saying what made the document.
        assert!(
            sect.contains(r#"<w:footerReference w:type="first""#),
            "{sect}"
        );
    }
}

#[test]
fn the_largest_losses_have_room_for_their_figures() {
    let (_d, file) = written(
        &[
            "report",
            EXAMPLE,
            "-f",
            "docx",
            "--date",
            "2023-03-15",
            "--peers",
            PEERS,
        ],
        "bao-cao.docx",
    );
    let xml = part(&file, "word/document.xml");
    let top = xml
        .split("<w:tbl>")
        .find(|t| t.contains(">Mất điểm<") && t.contains(">STT<"))
        .expect("the table of largest losses");
    let grid: Vec<usize> = Regex::new(r#"<w:gridCol w:w="(\d+)""#)
        .unwrap()
        .captures_iter(top)
        .map(|c| c[1].parse().unwrap())
        .collect();
    // STT, Mục, Tiêu chí, Điểm ("0,896/2,5"), Mất điểm, offices: at 12 pt, with the cells'
    // margins, "STT" needs 750 twips, "0,896/2,5" 1,500 and "Mất điểm" 1,300.
    assert_eq!(grid.len(), 6, "{grid:?}");
    assert!(
        grid[0] >= 750 && grid[3] >= 1500 && grid[4] >= 1300,
        "{grid:?}"
    );
    assert!(top.contains(">0,896/2,5<"));
}

/// An evidence file whose criterion 1.6 lost its points, with a note and no council's reason.
fn noted() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("noted.yaml");
    let text = "parindex: 1\nkind: evidence\ncriteria: dak-nong-district-2022\nunit: \"UBND huyện Thử\"\nperiod: \"2022\"\nvalues:\n  \"1.6\": { value: 0, note: \"Ghi nhớ của người lập: chưa có sáng kiến\" }\n";
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

#[test]
fn a_note_is_never_printed_as_the_councils_reason() {
    let (_d, evidence) = noted();
    let evidence = evidence.to_str().unwrap();
    let note = "Ghi nhớ của người lập: chưa có sáng kiến";
    for format in ["markdown", "html"] {
        let out = parindex()
            .args(["report", evidence, "-f", format])
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let line = text
            .lines()
            .find(|l| l.contains(note))
            .unwrap_or_else(|| panic!("{format}: the note is not printed"));
        assert!(
            line.contains("Ghi chú:") && !line.contains("Lý do"),
            "{line}"
        );
    }
    let (_o, file) = written(&["report", evidence, "-f", "docx"], "r.docx");
    let xml = part(&file, "word/document.xml");
    let at = xml.find(note).unwrap();
    let before = &xml[..at];
    assert!(before.rfind("Ghi chú:") > before.rfind("Lý do:"));
    // `losses`: the note labelled in the table, in its own field in JSON and CSV.
    parindex()
        .args(["losses", evidence, "--lang", "vi"])
        .assert()
        .success()
        .stdout(contains(format!("Ghi chú: {note}")));
    let json: serde_json::Value = serde_json::from_slice(
        &parindex()
            .args(["losses", evidence, "-f", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let loss = json["losses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "1.6")
        .unwrap();
    assert_eq!(loss["why"], serde_json::Value::Null);
    assert_eq!(loss["note"], note);
    let csv = String::from_utf8(
        parindex()
            .args(["losses", evidence, "-f", "csv"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(csv.lines().next().unwrap().contains(",why,note,"), "{csv}");
    assert!(csv.contains(note));
}

#[test]
fn letterhead_flags_refuse_hidden_characters() {
    for (flag, value, command) in [
        ("--number", "1\u{202e}/BC", "report"),
        ("--issuer", "UBND\u{200b}", "rank"),
        ("--parent", "UBND\u{7}", "report"),
        ("--place", "Krông\u{2066}Nô", "rank"),
        ("--signer", "CHỦ\u{feff}TỊCH", "report"),
        ("--of", "các\u{1b}[31m huyện", "rank"),
        // Default-ignorable and blank-rendering characters (issue 11).
        ("--number", "1\u{ad}/BC", "report"),
        ("--issuer", "UBND\u{34f} xã", "rank"),
        ("--parent", "UBND\u{3164}tỉnh", "report"),
        ("--place", "Krông\u{2800}Nô", "rank"),
        ("--signer", "CHỦ TỊCH\u{fe0f}", "report"),
        ("--of", "các huyện\u{e0041}", "rank"),
        ("--number", "1/BC\u{180e}", "rank"),
        ("--issuer", "UBND\u{1d173}", "report"),
        ("--of", "các\u{2061}huyện", "rank"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.docx");
        let input = if command == "rank" { PEERS } else { EXAMPLE };
        parindex()
            .args([
                command, input, "-f", "docx", "--lang", "en", flag, value, "-o",
            ])
            .arg(&file)
            .assert()
            .code(2)
            .stderr(contains(flag))
            .stderr(contains("U+"));
        assert!(!file.exists(), "{flag}");
    }
    parindex()
        .args(["report", EXAMPLE, "-f", "docx", "-o", "x.docx", "--number"])
        .arg("1\u{202e}/BC")
        .assert()
        .code(2)
        .stderr(contains(
            "lỗi: --number chứa U+202E, một ký tự điều khiển hai chiều:",
        ))
        .stderr(contains("override").not());
    assert!(!Path::new("x.docx").exists());
    // A zero-width space is named for what it is, not as a bidirectional control.
    parindex()
        .args(["rank", PEERS, "-f", "docx", "-o", "x.docx", "--lang", "en"])
        .args(["--issuer", "UBND\u{200b}"])
        .assert()
        .code(2)
        .stderr(contains(
            "error: --issuer holds U+200B (zero width space), an invisible character",
        ));
    parindex()
        .args(["rank", PEERS, "-f", "docx", "-o", "x.docx", "--lang", "vi"])
        .args(["--issuer", "UBND\u{200b}"])
        .assert()
        .code(2)
        .stderr(contains("lỗi: --issuer chứa U+200B, một ký tự ẩn"))
        .stderr(contains("zero").not());
    assert!(!Path::new("x.docx").exists());
}

#[test]
fn letterhead_flags_are_bounded() {
    // Vietnamese letters count as one character each, whatever their bytes.
    for (flag, max, command) in [
        ("--number", 100, "report"),
        ("--place", 100, "rank"),
        ("--issuer", 300, "rank"),
        ("--parent", 300, "report"),
        ("--of", 300, "rank"),
        ("--signer", 300, "report"),
    ] {
        let input = if command == "rank" { PEERS } else { EXAMPLE };
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.docx");
        let at_most = "Đ".repeat(max);
        parindex()
            .args([
                command, input, "-f", "docx", "--lang", "en", flag, &at_most, "-o",
            ])
            .arg(&file)
            .assert()
            .success();
        let file = dir.path().join("y.docx");
        let over = "Đ".repeat(max + 1);
        parindex()
            .args([
                command, input, "-f", "docx", "--lang", "en", flag, &over, "-o",
            ])
            .arg(&file)
            .assert()
            .code(2)
            .stderr(contains(format!(
                "error: {flag} has {} characters, more than the {max} it may hold",
                max + 1
            )))
            .stderr(contains("ĐĐĐ").not());
        assert!(!file.exists(), "{flag}");
    }
    parindex()
        .args(["rank", PEERS, "-f", "docx", "-o", "x.docx", "--lang", "vi"])
        .args(["--number", &"1".repeat(101)])
        .assert()
        .code(2)
        .stderr(contains(
            "lỗi: --number dài 101 ký tự, vượt quá 100 ký tự cho phép",
        ));
}

#[test]
fn the_output_file_is_named_for_its_format() {
    let dir = tempfile::tempdir().unwrap();
    let evidence = dir.path().join("evidence");
    std::fs::create_dir(&evidence).unwrap();
    for f in std::fs::read_dir(PEERS).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, evidence.join(f.file_name().unwrap())).unwrap();
    }
    let e = evidence.to_str().unwrap();
    for (args, out) in [
        (vec!["rank", PEERS, "-f", "docx"], "out.xlsx"),
        (vec!["rank", PEERS, "-f", "xlsx"], "out.docx"),
        (vec!["rank", e, "-f", "xlsx"], "evidence/new.yaml"),
        (vec!["rank", e, "-f", "json"], "evidence/new.yml"),
        (vec!["score", EXAMPLE, "-f", "xlsx"], "x.docx"),
        (vec!["report", EXAMPLE, "-f", "docx"], "r.html"),
        (vec!["report", EXAMPLE, "-f", "html"], "r.md"),
        (vec!["report", EXAMPLE], "r.docx"),
    ] {
        let file = dir.path().join(out);
        parindex()
            .args(&args)
            .args(["--lang", "en", "-o"])
            .arg(&file)
            .assert()
            .code(2)
            .stderr(contains("writes another kind of file"));
        assert!(!file.exists(), "{args:?} -o {out}");
    }
    // The evidence folder still ranks.
    parindex().args(["rank", e]).assert().success();
    // Named right, or with no extension, or one that says nothing of the kind: written.
    for (args, out) in [
        (vec!["rank", PEERS, "-f", "docx"], "phu-luc.DOCX"),
        (vec!["rank", PEERS, "-f", "csv"], "ranking.csv"),
        (vec!["score", EXAMPLE, "-f", "json"], "ket-qua"),
        (vec!["report", EXAMPLE, "-f", "html"], "bao-cao.htm"),
        (vec!["report", EXAMPLE], "bao-cao.md"),
    ] {
        let file = dir.path().join(out);
        parindex()
            .args(&args)
            .arg("-o")
            .arg(&file)
            .assert()
            .success();
        assert!(file.exists(), "{out}");
    }
}
