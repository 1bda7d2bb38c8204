//! The Excel self-assessment form, as an officer uses it: `template --format xlsx` writes it,
//! a person fills it in (here openpyxl, as Excel would store the cells), and every command
//! reads it back with the same result as the equivalent YAML file. Hostile workbooks (a zip
//! bomb, a cell at XFD1048576, formulas, a file that is not a zip) are refused with a
//! diagnostic naming the file and, where there is one, the sheet and cell.
//!
//! Needs `python3` with `openpyxl` (`pip install openpyxl`).

mod common;
#[cfg(target_os = "linux")]
#[path = "common/rusage.rs"]
mod rusage;

use common::parindex;
use parindex::form::{
    cell_name, COL_APPRAISED, COL_DOCS, COL_EXPLANATION, COL_NOTE, COL_REAPPRAISAL_REASON,
    COL_REAPPRAISED, COL_REASON, COL_VALUE, FIRST_ROW, ROW_PERIOD, ROW_UNIT,
};
use parindex::load::{load_evidence, CriteriaResolver};
use parindex::model::Value;
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

const SHEET: &str = "Tự đánh giá";

/// Sets cells of a workbook with openpyxl, as a person typing into Excel would leave them:
/// `spec` maps `cell` to `[kind, text]` (`number`, `text`, `bool`, `formula`, `date`), and may
/// rename a sheet or add a second sheet's name. A percentage typed into a percent cell is
/// stored by Excel as the fraction: the caller gives the fraction.
const FILL: &str = r#"
import json, sys, datetime, openpyxl
src, dst, spec = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3], encoding="utf-8"))
wb = openpyxl.load_workbook(src)
ws = wb[spec.get("sheet", "Tự đánh giá")]
for cell, (kind, text) in spec["cells"].items():
    if kind == "number":
        ws[cell] = float(text)
    elif kind == "bool":
        ws[cell] = text == "true"
    elif kind == "date":
        ws[cell] = datetime.date(2022, 12, 31)
    else:
        ws[cell] = text
if "rename" in spec:
    ws.title = spec["rename"]
if "hidden_copy" in spec:
    # A copy of the form sheet, hidden and placed first, with its own values.
    copy = wb.copy_worksheet(ws)
    copy.title = spec["hidden_copy"]["title"]
    for cell, text in spec["hidden_copy"]["cells"].items():
        copy[cell] = text
    wb.move_sheet(copy, offset=-wb.index(copy))
    copy.sheet_state = "hidden"
    wb.active = wb.index(ws)
if "sheet_state" in spec:
    ws.sheet_state = spec["sheet_state"]
    wb.active = 1
wb.save(dst)
"#;

/// The Python with openpyxl: `python3`, or `python` where that is its name (Windows).
fn python() -> &'static str {
    static FOUND: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();
    FOUND.get_or_init(|| {
        ["python3", "python"]
            .into_iter()
            .find(|p| {
                Command::new(p)
                    .args(["-c", "import openpyxl"])
                    .status()
                    .is_ok_and(|s| s.success())
            })
            .unwrap_or("python3")
    })
}

fn python_ready() {
    let ok = Command::new(python())
        .args(["-c", "import openpyxl"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "these tests fill forms with openpyxl: `pip install openpyxl` (CI installs it)"
    );
}

fn fill(form: &Path, out: &Path, spec: serde_json::Value) {
    python_ready();
    let spec_path = out.with_extension("json");
    std::fs::write(&spec_path, spec.to_string()).unwrap();
    let status = Command::new(python())
        .args(["-c", FILL])
        .arg(form)
        .arg(out)
        .arg(&spec_path)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "openpyxl could not fill {}",
        form.display()
    );
}

/// Runs an openpyxl `script` on `form`, saving to `out` (`sys.argv[1]`, `[2]`, then `more`).
fn openpyxl(script: &str, form: &Path, out: &Path, more: &[&str]) {
    python_ready();
    let status = Command::new(python())
        .args(["-c", script])
        .arg(form)
        .arg(out)
        .args(more)
        .status()
        .unwrap();
    assert!(
        status.success(),
        "openpyxl could not change {}",
        form.display()
    );
}

fn template(criteria: &str, out: &Path) {
    let o = parindex()
        .args(["template", criteria, "--format", "xlsx", "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// A value as a person types it into the form's cell.
fn typed(v: &Value) -> (String, String) {
    match v {
        Value::Boolean(b) => ("text".into(), if *b { "có" } else { "không" }.into()),
        Value::Rate {
            num, percent: true, ..
        } => (
            "number".into(),
            (num / rust_decimal::Decimal::ONE_HUNDRED).to_string(),
        ),
        Value::Number(n) => ("number".into(), n.to_string()),
        other => ("text".into(), other.show()),
    }
}

/// Fills a fresh form for `evidence`'s set with everything `evidence` says, cell by cell.
fn fill_like(evidence: &str, criteria_arg: &str, dir: &Path) -> PathBuf {
    let (_, ev, _, _) = load_evidence(Path::new(evidence), &CriteriaResolver::new()).unwrap();
    let blank = dir.join("blank.xlsx");
    template(criteria_arg, &blank);
    let mut cells = serde_json::Map::new();
    let mut put = |row: u32, col: u16, (kind, text): (String, String)| {
        cells.insert(cell_name(row, col), json!([kind, text]));
    };
    put(ROW_UNIT, 1, ("text".into(), ev.unit.clone()));
    put(ROW_PERIOD, 1, ("text".into(), ev.period.clone()));
    for (i, entry) in ev.entries.iter().enumerate() {
        let Some(e) = entry else { continue };
        let row = FIRST_ROW + i as u32;
        let text = |s: &str| ("text".to_string(), s.to_string());
        if let Some(v) = &e.value {
            put(row, COL_VALUE, typed(v));
        }
        if let Some(v) = &e.appraised {
            put(row, COL_APPRAISED, typed(v));
        }
        if let Some(v) = e.reappraised() {
            put(row, COL_REAPPRAISED, typed(v));
        }
        for (col, t) in [
            (COL_REASON, e.reason.as_deref()),
            (COL_EXPLANATION, e.explanation()),
            (COL_REAPPRAISAL_REASON, e.reappraisal_reason()),
            (COL_NOTE, e.note.as_deref()),
        ] {
            if let Some(t) = t {
                put(row, col, text(t));
            }
        }
        if !e.docs.is_empty() {
            put(row, COL_DOCS, text(&e.docs.join("\n")));
        }
    }
    let filled = dir.join("filled.xlsx");
    fill(&blank, &filled, json!({ "cells": cells }));
    filled
}

fn json_of(args: &[&str], file: &Path) -> String {
    let o = parindex()
        .args(args)
        .arg(file)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "{args:?} {}: {}",
        file.display(),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

fn same_json_as_yaml(evidence: &str, criteria_arg: &str) {
    let dir = tempfile::tempdir().unwrap();
    let filled = fill_like(evidence, criteria_arg, dir.path());
    for stage in ["self", "appraised", "final"] {
        let args = ["score", "--stage", stage];
        let from_form = json_of(&args, &filled);
        let from_yaml = json_of(&args, Path::new(evidence));
        assert_eq!(
            from_form, from_yaml,
            "{evidence} at stage {stage}: the form scores differently"
        );
    }
}

#[test]
fn krong_no_filled_in_excel_scores_as_its_yaml_file() {
    same_json_as_yaml("examples/krong-no-2022.yaml", "dak-nong-district-2022");
}

#[test]
fn every_rule_kind_filled_in_excel_scores_as_its_yaml_file() {
    // choice, linear, ratio, tiers and yes-no, with appraisals and n/a:
    same_json_as_yaml("examples/so-ban-nganh-2025.yaml", "so-ban-nganh-2025");
    // deduct and points:
    same_json_as_yaml(
        "tests/fixtures/small-evidence.yaml",
        "tests/fixtures/small-criteria.yaml",
    );
    // a choice label typed in another case, a linear mean:
    same_json_as_yaml(
        "tests/fixtures/rev2-evidence.yaml",
        "tests/fixtures/rev2-criteria.yaml",
    );
}

#[test]
fn every_command_that_reads_evidence_reads_a_form() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("kn.xlsx");
    let o = parindex()
        .args(["convert", "examples/krong-no-2022.yaml", "-o"])
        .arg(&form)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let f = form.to_str().unwrap();
    for args in [
        vec!["score", f],
        vec!["check", f],
        vec!["losses", f],
        vec!["explain", f, "1.6"],
        vec!["whatif", f, "--target", "80"],
        vec!["report", f],
        vec!["rank", f, "examples/krong-no-2022.yaml"],
        vec!["diff", "examples/krong-no-2022.yaml", f],
    ] {
        let o = parindex().args(&args).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        // `rank` refuses the same unit twice (E215): that is the form read as that unit.
        let ranked_twice = args[0] == "rank" && err.contains("E215");
        assert!(
            o.status.success() || ranked_twice,
            "parindex {args:?}: {err}"
        );
    }
}

#[test]
fn a_form_scored_against_another_set_is_refused_by_its_sha256() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("set.yaml");
    let original = std::fs::read_to_string("tests/fixtures/small-criteria.yaml").unwrap();
    std::fs::write(&set, &original).unwrap();
    let form = dir.path().join("form.xlsx");
    template(set.to_str().unwrap(), &form);
    parindex().arg("check").arg(&form).assert().success();
    // The same id, a changed text: another set.
    std::fs::write(&set, original.replace("title:", "title: ")).unwrap();
    let o = parindex().arg("score").arg(&form).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("error[E604]"), "{err}");
    assert!(err.contains("form.xlsx: Tự đánh giá!B6"), "{err}");
    // And with `--criteria` naming another set.
    let o = parindex()
        .arg("score")
        .arg(&form)
        .args(["--criteria", "tests/fixtures/rev2-criteria.yaml"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("E604"));
}

#[test]
fn a_value_problem_names_the_sheet_and_cell() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let filled = dir.path().join("filled.xlsx");
    // 1.1.3 (a rate) is the third leaf, on the row after 1, 1.1, 1.1.1, 1.1.2.
    let row = FIRST_ROW + 4;
    fill(
        &blank,
        &filled,
        json!({ "cells": {
            cell_name(row, COL_VALUE): ["number", "1.2"],
            cell_name(row + 1, COL_VALUE): ["text", "không áp dụng"],
        }}),
    );
    let o = parindex().arg("check").arg(&filled).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    let e = cell_name(row, COL_VALUE);
    assert!(out.contains("error[E205]"), "{out}");
    assert!(
        out.contains(&format!("filled.xlsx: Tự đánh giá!{e}")),
        "{out}"
    );
    assert!(out.contains("120%"), "{out}");
}

#[test]
fn a_number_typed_as_text_keeps_every_digit_and_a_double_reads_as_its_shortest_decimal() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("tests/fixtures/small-criteria.yaml", &blank);
    let (_, _, set, _) = load_evidence(
        Path::new("tests/fixtures/small-evidence.yaml"),
        &CriteriaResolver::new(),
    )
    .unwrap();
    let row_of =
        |code: &str| FIRST_ROW + set.nodes.iter().position(|n| n.code == code).unwrap() as u32;
    let ratio = set
        .nodes
        .iter()
        .find(|n| matches!(n.rule, Some(parindex::model::Rule::Ratio(_))))
        .unwrap()
        .code
        .clone();
    let filled = dir.path().join("filled.xlsx");
    fill(
        &blank,
        &filled,
        json!({ "cells": {
            cell_name(row_of(&ratio), COL_VALUE): ["text", "97.123456789012345678%"],
            cell_name(row_of(&ratio), COL_APPRAISED): ["number", "0.9729"],
        }}),
    );
    let out = json_of(&["score", "--stage", "self"], &filled);
    assert!(out.contains("97.123456789012345678%"), "{out}");
    let out = json_of(&["score", "--stage", "appraised"], &filled);
    assert!(out.contains("\"97.29%\""), "{out}");
}

#[test]
fn convert_round_trips_every_round_of_the_appraisal() {
    let dir = tempfile::tempdir().unwrap();
    for evidence in [
        "examples/krong-no-2022-rounds.yaml",
        "examples/so-ban-nganh-2025.yaml",
        "tests/fixtures/small-evidence.yaml",
    ] {
        let form = dir.path().join("form.xlsx");
        let back = dir.path().join("back.yaml");
        parindex()
            .args(["convert", evidence, "--force", "-o"])
            .arg(&form)
            .assert()
            .success();
        parindex()
            .arg("convert")
            .arg(&form)
            .args(["--force", "-o"])
            .arg(&back)
            .assert()
            .success();
        let resolver = CriteriaResolver::new();
        let (_, a, _, _) = load_evidence(Path::new(evidence), &resolver).unwrap();
        let (_, b, _, _) = load_evidence(&back, &resolver).unwrap();
        assert_eq!(a.unit, b.unit);
        assert_eq!(a.period, b.period);
        assert_eq!(
            a.entries, b.entries,
            "{evidence}: entries differ after a round trip"
        );
        for stage in ["self", "appraised", "final"] {
            let args = ["score", "--stage", stage];
            assert_eq!(json_of(&args, Path::new(evidence)), json_of(&args, &back));
        }
    }
}

#[test]
fn convert_refuses_to_overwrite_and_needs_an_xlsx_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("form.xlsx");
    std::fs::write(&out, "keep").unwrap();
    parindex()
        .args(["convert", "examples/krong-no-2022.yaml", "-o"])
        .arg(&out)
        .assert()
        .code(2);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");
    parindex()
        .args(["convert", "examples/krong-no-2022.yaml"])
        .assert()
        .code(2);
    parindex()
        .args(["template", "dak-nong-district-2022", "--format", "xlsx"])
        .assert()
        .code(2);
}

// ---------------------------------------------------------------------------------------------
// Hostile workbooks: each is exit 1 with a diagnostic, quickly, with nothing echoed.

fn refused(file: &Path, code: &str, at: Option<&str>) -> String {
    let start = std::time::Instant::now();
    let o = parindex().arg("score").arg(file).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(&format!("error[{code}]")), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    if let Some(at) = at {
        assert!(err.contains(at), "expected {at} in: {err}");
    }
    assert!(
        start.elapsed() < std::time::Duration::from_secs(20),
        "took {:?}",
        start.elapsed()
    );
    err
}

#[test]
fn a_file_that_is_not_a_zip_is_refused_unquoted() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("secrets.xlsx");
    std::fs::write(&f, "API_KEY=hunter2\n").unwrap();
    let err = refused(&f, "E601", None);
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn a_zip_bomb_is_refused_after_reading_at_most_the_limit() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&f).unwrap());
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..100 {
        zip.write_all(&zeros).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&f).unwrap().len() < 1 << 20);
    refused(&f, "E602", None);
}

#[test]
fn a_shared_string_table_saying_or_holding_millions_of_texts_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let table = member(&blank, "xl/sharedStrings.xml");
    let count = table.split("uniqueCount=\"").nth(1).unwrap();
    let count = &count[..count.find('"').unwrap()];
    // calamine set aside room for the count declared before reading a text: the process
    // aborted, failing to allocate 240 TB.
    let says = dir.path().join("says.xlsx");
    rewrite_member(
        &blank,
        &says,
        &format!("uniqueCount=\"{count}\""),
        "uniqueCount=\"10000000000000\"",
    );
    let err = refused(&says, "E602", Some("says it holds 10000000000000 texts"));
    assert!(err.contains("more than the 100000 a form may"), "{err}");
    // Empty texts are kept one by one: twelve million took 691 MB.
    let holds = dir.path().join("holds.xlsx");
    rewrite_member(
        &blank,
        &holds,
        "</sst>",
        &format!("{}</sst>", "<si/>".repeat(100_001)),
    );
    refused(&holds, "E602", Some("holds more than the 100000 texts"));
    // A hundred thousand texts is still a workbook that reads.
    let at_limit = dir.path().join("at-limit.xlsx");
    let room = 100_000 - count.parse::<usize>().unwrap();
    rewrite_member(
        &blank,
        &at_limit,
        "</sst>",
        &format!("{}</sst>", "<si/>".repeat(room)),
    );
    parindex().arg("score").arg(&at_limit).assert().code(0);
}

/// Copies a workbook, renaming members (`from` → `to`) and adding `extra` members.
fn repack(form: &Path, out: &Path, rename: &[(&str, &str)], extra: &[(&str, &str)]) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(form).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    for i in 0..zip.len() {
        let mut m = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        m.read_to_end(&mut bytes).unwrap();
        let name = m.name().to_string();
        let name = rename
            .iter()
            .find(|(from, _)| *from == name)
            .map_or(name.clone(), |(_, to)| to.to_string());
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    for (name, text) in extra {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn a_workbook_that_two_readers_would_read_two_ways_is_refused_at_its_part_or_cell() {
    // The hidden-cell check, the folder's form finder and calamine each read the workbook;
    // whatever one of them could read differently from another is refused before any does.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let at = cell_name(FIRST_ROW, COL_VALUE);
    let filled = dir.path().join("filled.xlsx");
    fill(
        &blank,
        &filled,
        json!({ "cells": { at.clone(): ["number", "0.123456"] } }),
    );
    let value = "<v>0.123456</v>";
    assert!(member(&filled, "xl/worksheets/sheet1.xml").contains(value));
    let in_cell = format!("Tự đánh giá!{at}");
    for (case, from, to, code, said) in [
        // calamine expanded a shared formula over the range it names: 9.8 GB in 60 s.
        (
            "shared-formula",
            value.to_string(),
            format!("<f t=\"shared\" ref=\"A1:XFD1048576\" si=\"0\">1</f>{value}"),
            "E605",
            "the cell holds a formula",
        ),
        // A formula with no text reached the reader as none, and its cached value was scored.
        (
            "empty-formula",
            value.to_string(),
            format!("<f></f>{value}"),
            "E605",
            "the cell holds a formula",
        ),
        (
            "two-values",
            value.to_string(),
            format!("<v>0</v>{value}"),
            "E605",
            "the cell holds two values",
        ),
        // The same cell again: the second was read, silently.
        (
            "cell-twice",
            format!("{value}</c>"),
            format!("{value}</c><c r=\"{at}\"><v>1</v></c>"),
            "E605",
            "Excel writes each cell once, in order",
        ),
    ] {
        let f = dir.path().join(format!("{case}.xlsx"));
        rewrite_member(&filled, &f, &from, &to);
        let err = refused(&f, code, Some(&in_cell));
        assert!(err.contains(said), "{case}: {err}");
    }
    // Written so that calamine and LibreOffice read it apart: LibreOffice skips an element
    // of another namespace, a comment splits a value for calamine, a cell inside a cell.
    for (case, from, to, code) in [
        (
            "prefixed-cell",
            format!("{value}</c>"),
            format!("{value}</c><x:c xmlns:x=\"urn:x\" r=\"L{}\"><v>1</v></x:c>", FIRST_ROW + 1),
            "E601",
        ),
        (
            "comment-in-value",
            value.to_string(),
            "<v>0.1<!-- -->23456</v>".to_string(),
            "E601",
        ),
        // A cell in a cell: the shared formula inside took 2.4 GB and aborted.
        (
            "cell-in-cell",
            value.to_string(),
            format!("<is><c r=\"L{}\"><f t=\"shared\" ref=\"A1:XFD1048576\" si=\"0\">1</f></c></is>{value}", FIRST_ROW + 1),
            "E601",
        ),
    ] {
        let f = dir.path().join(format!("{case}.xlsx"));
        rewrite_member(&filled, &f, &from, &to);
        let err = refused(&f, code, None);
        assert!(err.contains("is not XML as Excel writes it"), "{case}: {err}");
    }
    // The sheet's part named through `..`: calamine takes the target as written, the others
    // resolve it.
    let f = dir.path().join("target-dotdot.xlsx");
    rewrite_member(
        &blank,
        &f,
        "Target=\"worksheets/sheet1.xml\"",
        "Target=\"worksheets/../worksheets/sheet1.xml\"",
    );
    let err = refused(&f, "E601", None);
    assert!(err.contains("relationship target"), "{err}");
    // A merge written corners last-first, in lower case: still a merge.
    let f = dir.path().join("merged-reversed.xlsx");
    let row = FIRST_ROW + 1;
    rewrite_member(
        &filled,
        &f,
        "</sheetData>",
        &format!(
            "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"e{row}:d{row}\"/></mergeCells>"
        ),
    );
    refused(&f, "E607", Some(&in_cell));
    // A value under a merged range: the merge shows its first cell over it.
    let f = dir.path().join("merged.xlsx");
    let row = FIRST_ROW + 1;
    rewrite_member(
        &filled,
        &f,
        "</sheetData>",
        &format!(
            "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"D{row}:E{row}\"/></mergeCells>"
        ),
    );
    let err = refused(&f, "E607", Some(&in_cell));
    assert!(err.contains("under a merged cell"), "{err}");
    // A row without its number: the hidden-row check skipped it, calamine counted it.
    let f = dir.path().join("row-without-number.xlsx");
    let row = format!("<row r=\"{}\"", FIRST_ROW + 1);
    rewrite_member(&filled, &f, &row, "<row");
    let err = refused(&f, "E605", None);
    assert!(err.contains("a row of the sheet is numbered ``"), "{err}");
    // An end tag that does not match: the hidden-row check stopped there and saw nothing
    // hidden, calamine read on.
    let f = dir.path().join("end-tag.xlsx");
    rewrite_member(&filled, &f, "</sheetData>", "<x></y></sheetData>");
    let err = refused(&f, "E601", None);
    assert!(
        err.contains("`xl/worksheets/sheet1.xml` is not XML as Excel writes it"),
        "{err}"
    );
    // Two parts named alike: the shared-string guard took one, calamine the other.
    let f = dir.path().join("parts-alike.xlsx");
    let table = member(&blank, "xl/sharedStrings.xml").replacen(
        "uniqueCount=\"",
        "uniqueCount=\"1000000000000",
        1,
    );
    repack(&blank, &f, &[], &[("xl/SharedStrings.xml", table.as_str())]);
    let err = refused(&f, "E601", None);
    assert!(err.contains("one name but for case"), "{err}");
}

#[test]
fn a_form_with_a_comment_and_a_link_saved_by_openpyxl_still_reads() {
    // The strict pass must not refuse what spreadsheet programs write around the cells: a
    // comment (its drawing and the sheet's relationships to it) and a link whose address holds
    // `&`.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let out = dir.path().join("commented.xlsx");
    let script = r#"
import sys, openpyxl
from openpyxl.comments import Comment
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tự đánh giá"]
ws["K13"] = "xem tài liệu"
ws["K13"].comment = Comment("ghi chú của cán bộ", "Nội vụ")
ws["L13"] = "https://example.gov.vn/tai-lieu?a=1&b=2"
ws["L13"].hyperlink = "https://example.gov.vn/tai-lieu?a=1&b=2"
wb.save(sys.argv[2])
"#;
    openpyxl(script, &blank, &out, &[]);
    let rels = member(&out, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(
        rels.contains("&amp;") && rels.contains("comments"),
        "{rels}"
    );
    let o = parindex().arg("score").arg(&out).output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(!err.contains("error["), "{err}");
}

#[test]
fn a_value_behind_a_number_format_that_shows_other_text_is_refused() {
    // `;;;` shows nothing, and a fourth section of literals shows "không" over any text typed:
    // what is scored is not what the sheet shows. `@` and `General` show the value and read.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let formatted = |format: &str, value: &str| {
        let out = dir.path().join(format!("f{}.xlsx", format.len()));
        let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tự đánh giá"]
ws["E13"] = sys.argv[4]
ws["E13"].number_format = sys.argv[3]
wb.save(sys.argv[2])
"#;
        openpyxl(script, &blank, &out, &[format, value]);
        parindex().arg("score").arg(&out).output().unwrap()
    };
    for (format, value) in [(";;;", "có"), ("\"có\";;\"không\";\"không\"", "không")] {
        let o = formatted(format, value);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{format}: {err}");
        assert!(
            err.contains("error[E607]") && err.contains("number format that shows other text"),
            "{format}: {err}"
        );
        assert!(err.contains("Tự đánh giá!E13"), "{err}");
    }
    for format in ["@", "General"] {
        let o = formatted(format, "có");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

#[test]
fn rank_reads_a_form_whose_workbook_part_is_spelled_in_another_case() {
    // `score` read it (calamine finds parts in any case); `rank` passed it over without a word.
    let dir = tempfile::tempdir().unwrap();
    let forms = dir.path().join("forms");
    std::fs::create_dir(&forms).unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    repack(
        &blank,
        &forms.join("x.xlsx"),
        &[("xl/workbook.xml", "xl/Workbook.xml")],
        &[],
    );
    std::fs::copy("examples/krong-no-2022.yaml", forms.join("krong-no.yaml")).unwrap();
    let o = parindex().arg("rank").arg(&forms).output().unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Ranking of 2 units"), "{out}");
    // A workbook part that is not well-formed is a form the reader refuses, not passed over.
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    rewrite_member(
        &blank,
        &broken.join("x.xlsx"),
        "</sheets>",
        "<x></y></sheets>",
    );
    std::fs::copy("examples/krong-no-2022.yaml", broken.join("krong-no.yaml")).unwrap();
    let o = parindex().arg("rank").arg(&broken).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("error[E601]") && err.contains("x.xlsx"),
        "{err}"
    );
}

#[test]
fn cells_far_outside_the_form_are_refused_without_allocating_the_rectangle() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let far = dir.path().join("far.xlsx");
    fill(
        &blank,
        &far,
        json!({ "cells": { "XFD1048576": ["text", "x"] } }),
    );
    refused(&far, "E605", Some("Tự đánh giá!XFD1048576"));
    let many = dir.path().join("many.xlsx");
    let cells: serde_json::Map<String, serde_json::Value> = (FIRST_ROW..FIRST_ROW + 6_000)
        .map(|r| (cell_name(r, COL_NOTE), json!(["text", "x"])))
        .collect();
    fill(&blank, &many, json!({ "cells": cells }));
    refused(&many, "E605", None);
}

#[test]
fn one_long_shared_string_in_thousands_of_cells_is_refused_before_it_is_copied_to_each() {
    // Each cell that refers to a shared string gets its own copy: 5,000 cells referring to
    // one of 32,000 characters (a workbook of 150 KB) took 6 GB. The cells' text is now
    // counted as it is read, and refused past 16 MiB at the cell that passes it.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let index = member(&blank, "xl/sharedStrings.xml")
        .matches("<si>")
        .count();
    let with_string = dir.path().join("string.xlsx");
    let long = format!("<si><t>{}</t></si></sst>", "ấ".repeat(32_000));
    rewrite_member(&blank, &with_string, "</sst>", &long);
    let rows: String = (300..5_000)
        .map(|r| {
            let cells: String = ["D", "E", "F", "G", "H", "I", "J", "K", "L"]
                .iter()
                .map(|c| format!("<c r=\"{c}{r}\" t=\"s\"><v>{index}</v></c>"))
                .collect();
            format!("<row r=\"{r}\">{cells}</row>")
        })
        .collect();
    let bomb = dir.path().join("bomb.xlsx");
    rewrite_member(
        &with_string,
        &bomb,
        "</sheetData>",
        &format!("{rows}</sheetData>"),
    );
    let err = refused(&bomb, "E605", Some("Tự đánh giá!"));
    assert!(
        err.contains("more than 16 MiB of text up to this cell"),
        "{err}"
    );
    assert!(!err.contains("ấấấ"), "{err}");
    #[cfg(target_os = "linux")]
    {
        let pid = std::process::Command::new(env!("CARGO_BIN_EXE_parindex"))
            .arg("check")
            .arg(&bomb)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
            .id();
        let (_, kib, _, code) = rusage::wait(pid);
        assert_eq!(code, Some(1));
        assert!(kib < 150 * 1024, "{} MiB", kib / 1024);
    }
}

#[test]
fn formulas_dates_and_renamed_sheets_are_refused_at_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let e = cell_name(FIRST_ROW + 2, COL_VALUE);
    let formula = dir.path().join("formula.xlsx");
    fill(
        &blank,
        &formula,
        json!({ "cells": { &e: ["formula", "=1+1"] } }),
    );
    let err = refused(
        &formula,
        "E605",
        Some(&format!("formula.xlsx: {SHEET}!{e}")),
    );
    // The unit finds the row by its criterion's code.
    assert!(err.contains("E605]: 1.1.1:"), "{err}");
    let date = dir.path().join("date.xlsx");
    fill(&blank, &date, json!({ "cells": { &e: ["date", ""] } }));
    let err = refused(&date, "E605", Some(&format!("{SHEET}!{e}")));
    assert!(err.contains("E605]: 1.1.1:"), "{err}");
    let renamed = dir.path().join("renamed.xlsx");
    fill(&blank, &renamed, json!({ "cells": {}, "rename": "Sheet1" }));
    refused(&renamed, "E603", None);
    let twice = dir.path().join("twice.xlsx");
    let a = cell_name(FIRST_ROW + 3, 0);
    fill(
        &blank,
        &twice,
        json!({ "cells": { &a: ["text", "1.1.1"] } }),
    );
    refused(&twice, "E605", Some(&format!("{SHEET}!{a}")));
    // Excel and openpyxl cut a text at 32,767 characters: a longer one is made by hand.
    let marked = dir.path().join("marked.xlsx");
    let g = cell_name(FIRST_ROW + 2, COL_NOTE);
    fill(
        &blank,
        &marked,
        json!({ "cells": { &g: ["text", "LONGTEXTMARK"] } }),
    );
    let long = dir.path().join("long.xlsx");
    rewrite_member(&marked, &long, "LONGTEXTMARK", &"x".repeat(40_000));
    let err = refused(&long, "E605", Some(&format!("{SHEET}!{g}")));
    assert!(!err.contains(&"x".repeat(100)), "the text is not echoed");
    let header = dir.path().join("header.xlsx");
    fill(
        &blank,
        &header,
        json!({ "cells": { "B3": ["text", "other"] } }),
    );
    refused(&header, "E603", Some(&format!("{SHEET}!B3")));
}

#[test]
fn a_bidirectional_control_in_a_shared_string_is_reported_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let f = dir.path().join("bidi.xlsx");
    let e = cell_name(FIRST_ROW + 2, COL_VALUE);
    let g = cell_name(FIRST_ROW + 2, COL_REASON);
    fill(
        &blank,
        &f,
        json!({ "cells": { &e: ["text", "có"], &g: ["text", "ok\u{202E}evil"] } }),
    );
    let err = refused(&f, "E014", Some(&format!("{SHEET}!{g}")));
    assert!(!err.contains('\u{202E}'), "{err}");
    // A control character reaches a shared string through xlsx's `_x001B_` escape.
    let esc = dir.path().join("esc.xlsx");
    fill(
        &blank,
        &esc,
        json!({ "cells": { &e: ["text", "có"], "B7": ["text", "Xã_x001B_[31mA"] } }),
    );
    let err = refused(&esc, "E014", Some(&format!("{SHEET}!B7")));
    assert!(err.contains("U+001B"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
}

#[test]
fn convert_with_another_set_names_that_set_so_the_form_scores() {
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("copy.yaml");
    std::fs::copy("tests/fixtures/small-criteria.yaml", &set).unwrap();
    let form = dir.path().join("form.xlsx");
    parindex()
        .args([
            "convert",
            "tests/fixtures/small-evidence.yaml",
            "--criteria",
        ])
        .arg(&set)
        .arg("-o")
        .arg(&form)
        .assert()
        .success();
    // The form names the copy (relative to the form) and carries the copy's SHA-256.
    parindex().arg("score").arg(&form).assert().success();
}

/// The form's cells as text, row by row (`A1 | B1 | …`), for a snapshot of its layout.
fn cells_of(form: &Path, sheet: &str) -> String {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook(form).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    other => other.to_string().replace('\n', " ⏎ "),
                })
                .collect::<Vec<_>>()
                .join(" | ")
                .trim_end_matches([' ', '|'])
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Copies a workbook, replacing `from` with `to` in whichever XML member holds it: for texts no
/// spreadsheet program would write.
fn rewrite_member(form: &Path, out: &Path, from: &str, to: &str) {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::fs::File::open(form).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let mut replaced = false;
    for i in 0..zip.len() {
        let mut m = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        m.read_to_end(&mut bytes).unwrap();
        let name = m.name().to_string();
        if let Ok(text) = String::from_utf8(bytes.clone()) {
            if text.contains(from) {
                bytes = text.replace(from, to).into_bytes();
                replaced = true;
            }
        }
        w.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
    assert!(replaced, "{from} not found in {}", form.display());
}

/// A member of the workbook's zip, as text.
fn member(form: &Path, name: &str) -> String {
    common::zip_member(form, name)
}

#[test]
fn the_form_in_vietnamese_and_in_english() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, sheet, guide) in [
        ("vi", "Tự đánh giá", "Hướng dẫn"),
        ("en", "Self-assessment", "Instructions"),
    ] {
        let form = dir.path().join(format!("{lang}.xlsx"));
        parindex()
            .args([
                "template",
                "tests/fixtures/small-criteria.yaml",
                "--format",
                "xlsx",
            ])
            .args(["--lang", lang, "--unit", "Xã A", "--period", "2025", "-o"])
            .arg(&form)
            .assert()
            .success();
        // The reference is a path relative to the form: its folder differs per run.
        let text = cells_of(&form, sheet)
            .lines()
            .map(|l| {
                if l.contains("small-criteria.yaml") {
                    "(criteria reference) | …/tests/fixtures/small-criteria.yaml".to_string()
                } else if l.starts_with("SHA-256") {
                    // The fixture's hash changes with its text; B6 is tested by E604's test.
                    "(SHA-256) | …".to_string()
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        insta::assert_snapshot!(format!("form_{lang}"), text);
        insta::assert_snapshot!(format!("guide_{lang}"), cells_of(&form, guide));
        let xml = member(&form, "xl/worksheets/sheet1.xml");
        // Locked but for the cells to fill in, with the hidden column of value kinds.
        assert!(xml.contains("<sheetProtection"), "{xml}");
        assert!(xml.contains("hidden=\"1\""), "{xml}");
        // yes/no lists in the form's language; n/a only on the leaf whose set allows it.
        let yes_no = if lang == "vi" { "có,không" } else { "yes,no" };
        assert!(
            xml.contains(&format!("<formula1>\"{yes_no}\"</formula1>")),
            "{xml}"
        );
        assert!(
            xml.contains(&format!("<formula1>\"{yes_no},n/a\"</formula1>")),
            "{xml}"
        );
        assert_eq!(
            xml.matches(",n/a\"").count(),
            3,
            "n/a on one leaf, three cells"
        );
        assert!(member(&form, "xl/styles.xml").contains("0.00%"));
    }
}

// ---------------------------------------------------------------------------------------------
// The hostile review of the form (issue 11): what a unit could do to score what nobody sees.

#[test]
fn a_hidden_copy_of_the_form_sheet_or_a_hidden_form_sheet_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let e = cell_name(FIRST_ROW + 2, COL_VALUE);
    let copy = dir.path().join("copy.xlsx");
    fill(
        &blank,
        &copy,
        json!({ "cells": { &e: ["text", "không"] },
                "hidden_copy": { "title": "Self-assessment", "cells": { &e: "có" } } }),
    );
    let err = refused(&copy, "E603", None);
    assert!(err.contains("two form sheets"), "{err}");
    let hidden = dir.path().join("hidden.xlsx");
    fill(
        &blank,
        &hidden,
        json!({ "cells": { &e: ["text", "có"] }, "sheet_state": "hidden" }),
    );
    let err = refused(&hidden, "E603", None);
    assert!(err.contains("is hidden"), "{err}");
}

#[test]
fn a_code_edited_to_another_criterions_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    // Rows 13 and 14 hold two leaves; swap the first's code for the second's and delete the
    // second's, so that the value typed on the first row lands on the second criterion.
    let (set, _) = CriteriaResolver::new()
        .resolve("dak-nong-district-2022", Path::new("."))
        .unwrap();
    let leaves: Vec<usize> = (0..set.nodes.len())
        .filter(|&i| set.nodes[i].rule.is_some())
        .collect();
    let (a, b) = (leaves[0], leaves[1]);
    let row_a = FIRST_ROW + a as u32;
    let row_b = FIRST_ROW + b as u32;
    let moved = dir.path().join("moved.xlsx");
    fill(
        &blank,
        &moved,
        json!({ "cells": {
            cell_name(row_a, 0): ["text", set.nodes[b].code],
            cell_name(row_b, 0): ["text", ""],
            cell_name(row_a, COL_VALUE): ["text", "có"],
        } }),
    );
    let err = refused(
        &moved,
        "E606",
        Some(&format!("{SHEET}!{}", cell_name(row_a, 0))),
    );
    assert!(err.contains(&set.nodes[a].code), "{err}");
    assert!(err.contains(&set.nodes[b].code), "{err}");
}

#[test]
fn edits_to_the_header_and_the_headings_are_refused_at_their_cell() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    for (cell, text, code) in [
        ("A9", "1.1", "E603"),
        ("E10", "Thẩm định", "E603"),
        ("F10", "Tự đánh giá", "E603"),
        ("C3", "x", "E603"),
        ("B5", "so-ban-nganh-2025", "E603"),
        // 1.6's maximum (2) made to look larger.
        ("C29", "200", "E603"),
    ] {
        let edited = dir.path().join(format!("edited-{cell}.xlsx"));
        fill(
            &blank,
            &edited,
            json!({ "cells": { cell: ["text", text] } }),
        );
        refused(&edited, code, Some(&format!("{SHEET}!{cell}")));
    }
    // The blank form itself is accepted.
    parindex().arg("check").arg(&blank).assert().success();
}

#[test]
fn numbers_a_decimal_cannot_hold_are_refused_alike_and_not_echoed_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    // E15 is a rate row (1.1.3), E29 and E161 number rows (1.6, 8.1).
    for (cell, number) in [
        ("E29", "1e300"),
        ("E161", "1e-300"),
        ("E15", "1e-300"),
        ("E15", "1.2345678901234567e-20"),
    ] {
        let f = dir.path().join(format!("n-{cell}-{number}.xlsx"));
        fill(&blank, &f, json!({ "cells": { cell: ["number", number] } }));
        let err = refused(&f, "E209", Some(&format!("{SHEET}!{cell}")));
        if number.contains("300") {
            assert!(err.contains("digits)"), "{err}");
        }
        assert!(!err.contains(&"0".repeat(40)), "echoed in full: {err}");
    }
}

#[test]
fn true_and_false_re_saved_by_libreoffice_as_formulas_read_as_yes_and_no() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    }) else {
        eprintln!(
            "skipped: LibreOffice (soffice) is not installed, so no form can be re-saved by it"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let filled = dir.path().join("filled.xlsx");
    // E13 and E14 are yes/no rows (1.1.1, 1.1.2).
    fill(
        &blank,
        &filled,
        json!({ "cells": { "E13": ["bool", "true"], "E14": ["bool", "false"] } }),
    );
    let out = dir.path().join("out");
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("lo").display()
    );
    let status = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "xlsx", "--outdir"])
        .arg(&out)
        .arg(&filled)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let resaved = out.join("filled.xlsx");
    // What makes the case: LibreOffice writes the constant as a formula.
    assert!(member(&resaved, "xl/worksheets/sheet1.xml").contains("FALSE()</f>"));
    let o = parindex().arg("convert").arg(&resaved).output().unwrap();
    let yaml = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(yaml.contains("\"1.1.1\": true"), "{yaml}");
    assert!(yaml.contains("\"1.1.2\": false"), "{yaml}");
    // Any other formula is still refused.
    let formula = dir.path().join("not.xlsx");
    fill(
        &blank,
        &formula,
        json!({ "cells": { "E13": ["formula", "=NOT(FALSE())"] } }),
    );
    refused(&formula, "E605", Some(&format!("{SHEET}!E13")));
}

#[test]
fn the_form_hints_only_what_is_accepted_and_a_date_in_a_rate_row_says_why() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["vi", "en"] {
        let blank = dir.path().join(format!("blank-{lang}.xlsx"));
        let o = parindex()
            .args([
                "template",
                "dak-nong-district-2022",
                "--format",
                "xlsx",
                "--lang",
                lang,
                "-o",
            ])
            .arg(&blank)
            .output()
            .unwrap();
        assert!(o.status.success());
        let (form, guide) = match lang {
            "vi" => (SHEET, "Hướng dẫn"),
            _ => ("Self-assessment", "Instructions"),
        };
        let text = format!("{}\n{}", cells_of(&blank, form), cells_of(&blank, guide));
        // 97,29% typed as text is refused (E211): the form must not give it as an example.
        assert!(!text.contains("(97,29%)"), "{lang}: {text}");
        assert!(
            text.contains("97.29%") && text.contains("'4290/4500"),
            "{lang}"
        );
        // What the hints say is accepted: typed as text, 97.29% and 4290/4500 score.
        let typed = dir.path().join(format!("typed-{lang}.xlsx"));
        fill(
            &blank,
            &typed,
            json!({ "sheet": form, "cells": { "E15": ["text", "97.29%"], "E21": ["text", "4290/4500"] } }),
        );
        parindex().arg("check").arg(&typed).assert().success();
    }
    let blank = dir.path().join("blank-vi.xlsx");
    let date = dir.path().join("date.xlsx");
    fill(&blank, &date, json!({ "cells": { "E15": ["date", ""] } }));
    let err = refused(&date, "E605", Some(&format!("{SHEET}!E15")));
    assert!(err.contains("12/12"), "{err}");
    assert!(err.contains("'4290/4500"), "{err}");
}

/// For each value cell of column E with a drop-down, the labels it offers: the cells of the
/// range its `formula1` names, or the inline list split as Excel splits it (at commas).
const DROPDOWNS: &str = r#"
import json, sys, openpyxl
from openpyxl.utils.cell import range_boundaries
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
out = {}
for dv in ws.data_validations.dataValidation:
    f = dv.formula1 or ""
    for cell in str(dv.sqref).split():
        if not cell.startswith("E"):
            continue
        if f.startswith('"'):
            out[cell] = {"inline": True, "labels": f.strip('"').split(",")}
        else:
            sheet, rng = f.lstrip("=").rsplit("!", 1)
            src = wb[sheet.strip("'").replace("''", "'")]
            c1, r1, c2, r2 = range_boundaries(rng.replace("$", ""))
            labels = [src.cell(r, c1).value for r in range(r1, r2 + 1)]
            out[cell] = {"inline": False, "labels": labels, "hidden": src.sheet_state,
                         "locked": bool(src.protection.sheet)}
print(json.dumps(out, ensure_ascii=False))
"#;

#[test]
fn choice_drop_downs_offer_each_label_whole_even_with_a_comma() {
    python_ready();
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("so-ban-nganh-2025", &blank);
    let o = Command::new("python3")
        .args(["-c", DROPDOWNS])
        .arg(&blank)
        .arg(SHEET)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lists: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let (set, _) = CriteriaResolver::new()
        .resolve("so-ban-nganh-2025", Path::new("."))
        .unwrap();
    let mut with_comma = 0;
    for (i, node) in set.nodes.iter().enumerate() {
        let cell = cell_name(FIRST_ROW + i as u32, COL_VALUE);
        match &node.rule {
            Some(parindex::model::Rule::Choice(c)) => {
                let got = &lists[&cell];
                assert_eq!(got["inline"], false, "{cell}: {got}");
                assert_eq!(got["hidden"], "hidden", "{cell}");
                assert_eq!(got["locked"], true, "{cell}");
                let mut want: Vec<String> = c.options.iter().map(|o| o.label.to_string()).collect();
                if node.if_na != parindex::model::IfNa::Forbid {
                    want.push("n/a".into());
                }
                with_comma += want.iter().filter(|l| l.contains(',')).count();
                assert_eq!(got["labels"], json!(want), "{cell} ({})", node.code);
            }
            Some(parindex::model::Rule::YesNo) => {
                let got = &lists[&cell];
                assert_eq!(got["inline"], true, "{cell}: {got}");
                assert_eq!(got["labels"][0], "có", "{cell}: {got}");
                assert_eq!(got["labels"][1], "không", "{cell}: {got}");
            }
            _ => {}
        }
    }
    assert!(
        with_comma > 0,
        "so-ban-nganh-2025 has a label with a comma (1.2)"
    );
    // A label chosen from the list scores as the label.
    let row = set.nodes.iter().position(|n| n.code == "1.2").unwrap() as u32 + FIRST_ROW;
    let chosen = dir.path().join("chosen.xlsx");
    fill(
        &blank,
        &chosen,
        json!({ "cells": { cell_name(row, COL_VALUE): ["text", "Đầy đủ, đúng hạn"] } }),
    );
    let o = parindex().arg("convert").arg(&chosen).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"1.2\": \"Đầy đủ, đúng hạn\""));
}

#[test]
fn values_in_hidden_rows_or_columns_are_refused_naming_the_cells() {
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let hide = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Tự đánh giá"]
ws["E13"] = "có"
ws["E14"] = "có"
if sys.argv[3] == "row":
    ws.row_dimensions[13].hidden = True
elif sys.argv[3] == "column":
    ws.column_dimensions["E"].hidden = True
elif sys.argv[3] == "row-outline":
    # Folded in LibreOffice (the summary row below says collapsed), shown in Excel.
    ws.row_dimensions[13].outlineLevel = 1
    ws.row_dimensions[14].collapsed = True
else:
    ws.column_dimensions["E"].outlineLevel = 1
    ws.column_dimensions["F"].collapsed = True
wb.save(sys.argv[2])
"#;
    for what in ["row", "column", "row-outline", "column-outline"] {
        let out = dir.path().join(format!("hidden-{what}.xlsx"));
        python_ready();
        let ok = Command::new("python3")
            .args(["-c", hide])
            .arg(&blank)
            .arg(&out)
            .arg(what)
            .status()
            .unwrap();
        assert!(ok.success());
        let err = refused(&out, "E607", Some(&format!("{SHEET}!E13")));
        if what.starts_with("column") {
            assert!(err.contains("E13, E14"), "{err}");
        } else {
            assert!(!err.contains("E14"), "{err}");
        }
    }
    // The form's own hidden column (M) is not a value the unit hid.
    parindex().arg("check").arg(&blank).assert().success();
}

#[test]
fn a_bonus_or_penalty_section_titled_so_is_not_marked_twice() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("f.xlsx");
    template("xa-phuong-2025", &form);
    let cells = cells_of(&form, SHEET);
    let row_of = |code: &str| {
        cells
            .lines()
            .position(|l| l.starts_with(&format!("{code} | ")))
            .unwrap_or_else(|| panic!("no row {code}:\n{cells}"))
    };
    let line = |code: &str| cells.lines().nth(row_of(code)).unwrap().to_string();
    assert!(line("9").starts_with("9 | Điểm thưởng | "), "{}", line("9"));
    assert!(line("10").starts_with("10 | Điểm trừ | "), "{}", line("10"));
    assert!(
        !cells.contains("(điểm thưởng)") && !cells.contains("(điểm trừ)"),
        "{cells}"
    );
    // A form written before, with the doubled mark, still reads.
    let old = dir.path().join("old.xlsx");
    let b = |code: &str| format!("B{}", row_of(code) + 1);
    fill(
        &form,
        &old,
        json!({"cells": {
            b("9"): ["text", "Điểm thưởng (điểm thưởng)"],
            b("10"): ["text", "Điểm trừ (penalty points)"],
        }}),
    );
    parindex().arg("check").arg(&old).assert().success();
    // Another title is still refused.
    let other = dir.path().join("other.xlsx");
    fill(
        &form,
        &other,
        json!({"cells": { b("9"): ["text", "Điểm trừ"] }}),
    );
    parindex().arg("check").arg(&other).assert().code(1);
}

#[test]
fn invisible_characters_beyond_the_first_plane_are_reported_at_their_cell() {
    // A tag (U+E0041) or a musical format control (U+1D173) was escaped for YAML as `\uE0041`,
    // read back as U+E004 and "1": it passed unseen.
    let dir = tempfile::tempdir().unwrap();
    let blank = dir.path().join("blank.xlsx");
    template("dak-nong-district-2022", &blank);
    let e = cell_name(FIRST_ROW + 2, COL_VALUE);
    let g = cell_name(FIRST_ROW + 2, COL_REASON);
    for (k, text) in ["ok\u{E0041}", "ok\u{1D173}", "ok\u{200B}", "ok\u{2800}"]
        .iter()
        .enumerate()
    {
        let f = dir.path().join(format!("f{k}.xlsx"));
        fill(
            &blank,
            &f,
            json!({ "cells": { &e: ["text", "có"], &g: ["text", text] } }),
        );
        let err = refused(&f, "E014", Some(&format!("{SHEET}!{g}")));
        let c = text.chars().last().unwrap();
        assert!(err.contains(&format!("U+{:04X}", u32::from(c))), "{err}");
        assert!(!err.contains(c), "{err}");
    }
}

#[test]
fn a_form_with_no_unit_is_warned_at_its_unit_cell_in_the_forms_words() {
    let dir = tempfile::tempdir().unwrap();
    let form = dir.path().join("phieu.xlsx");
    template("tests/fixtures/small-criteria.yaml", &form);
    let out = parindex()
        .args(["check", "--lang", "en"])
        .arg(&form)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("warning[W205]: the form's unit (Đơn vị) is blank"),
        "{stdout}"
    );
    assert!(stdout.contains("!B7"), "{stdout}");
    assert!(!stdout.contains("`unit:`"), "{stdout}");
}
