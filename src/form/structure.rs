//! The workbook's parts checked as Excel writes them, before any is read for its cells.
//!
//! A form comes from the unit being scored. Three readers look at it: calamine (the cells),
//! [`super::hidden`] (which rows and columns are hidden) and [`super::probe`] (whether a
//! workbook in a folder is a form). Where a workbook can be read two ways, a unit can show one
//! reader a value the other does not: two parts whose names differ only in case, an attribute
//! given twice, a relationship id used twice, a row given twice, an end tag that does not
//! match. None of these is written by Excel or LibreOffice, so each is refused here, once,
//! and the readers only ever see a workbook that reads one way. The pass also bounds what
//! calamine would otherwise build from a small file: its shared-string table sized by what
//! the table declares, shared formulas expanded over the range they name, a number format
//! read again for each cell format.
//!
//! Every member is unpacked once, up to [`MAX_UNPACKED`] in all: a zip bomb stops there.

use crate::diag::{self, Check, Message};
use crate::i18n::form as words;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;
use std::io::{Cursor, Read};

/// The most bytes all members of a workbook may unpack to (a form of a national set is well
/// under 1 MiB unpacked).
pub const MAX_UNPACKED: u64 = 64 * 1024 * 1024;
/// The most members a workbook may hold.
pub const MAX_MEMBERS: usize = 1_000;
/// The most texts a workbook's shared-string table may hold, or say it holds: calamine sets
/// aside room for as many as `<sst uniqueCount=…>` declares before reading one (a 3 KB form
/// declaring ten trillion aborted the process) and keeps each, even empty (twelve million
/// `<si/>` in a 104 KB file took 691 MB). A form's sheet holds at most 5,000 rows of 13
/// columns, and a form of a national set a few hundred texts.
pub const MAX_SHARED_STRINGS: u64 = 100_000;
/// Elements open at once in a part: Excel's deepest (rich text in a cell) are under ten.
const MAX_DEPTH: usize = 64;
/// The longest attribute value: Excel's longest (a number format, a sheet name) are far
/// shorter; 60 MB in one attribute took hundreds of MB to read.
const MAX_ATTRIBUTE: usize = 64 * 1024;
/// The most characters in a number format: Excel's own limit.
const MAX_FORMAT_CODE: usize = 255;
/// The most cell formats in the styles part: Excel's own limit is 64,000.
const MAX_CELL_FORMATS: usize = 65_536;
/// The most sheets, defined names and relationships of one part a form may have.
const MAX_SHEETS: usize = 256;
const MAX_DEFINED_NAMES: usize = 10_000;
const MAX_RELATIONSHIPS: usize = 1_000;
/// The most merged ranges a sheet may have: each filled cell of the form is looked up in them.
const MAX_MERGED: usize = 1_000;
/// The error values Excel writes in a cell (`t="e"`).
const EXCEL_ERRORS: [&str; 8] = [
    "#NULL!",
    "#DIV/0!",
    "#VALUE!",
    "#REF!",
    "#NAME?",
    "#NUM!",
    "#N/A",
    "#GETTING_DATA",
];
/// Elements the readers of a form act on outside the worksheets, by local name: written with a
/// prefix, they are read by calamine and skipped by LibreOffice.
const READ_ELEMENTS: [&[u8]; 11] = [
    b"sheet",
    b"sheets",
    b"workbook",
    b"Relationship",
    b"Relationships",
    b"sst",
    b"si",
    b"t",
    b"r",
    b"numFmt",
    b"xf",
];
/// Attributes the readers act on, by local name: written with a prefix (`x:r=`), one reader
/// takes them and another does not. (`r:id` is written with its prefix: not among these.)
const READ_ATTRIBUTES: [&[u8]; 18] = [
    b"r",
    b"t",
    b"s",
    b"hidden",
    b"ht",
    b"width",
    b"min",
    b"max",
    b"ref",
    b"name",
    b"Id",
    b"Target",
    b"uniqueCount",
    b"formatCode",
    b"zeroHeight",
    b"defaultColWidth",
    b"defaultRowHeight",
    b"customHeight",
];
/// The most attributes an element may have (the duplicate check is a search per attribute).
const MAX_ATTRIBUTES: usize = 256;
/// Excel's grid: 1,048,576 rows of 16,384 columns (A to XFD).
const EXCEL_ROWS: u32 = 1_048_576;
const EXCEL_COLS: u32 = 16_384;

/// Why a workbook is refused: the check, the message, and the cell where one is to blame
/// (its sheet is named by the caller, which knows the sheets' names).
#[derive(Debug)]
pub struct Refusal {
    pub check: Check,
    pub message: Message,
    /// The worksheet part and the cell (0-based row and column).
    pub cell: Option<(String, u32, u32)>,
}

fn refused(check: Check, message: Message) -> Box<Refusal> {
    Box::new(Refusal {
        check,
        message,
        cell: None,
    })
}

/// How calamine finds a part: its name in lower case, `\` read as `/`.
pub fn part_key(name: &str) -> String {
    name.replace('\\', "/").to_ascii_lowercase()
}

/// Checks every part of the workbook in `bytes`. `Ok` when it reads one way only and within
/// the limits above.
pub fn check(bytes: &[u8]) -> Result<(), Box<Refusal>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| refused(diag::FORM_UNREADABLE, words::NOT_A_ZIP.into()))?;
    if zip.len() > MAX_MEMBERS {
        return Err(refused(
            diag::FORM_TOO_LARGE,
            words::too_many_members(zip.len(), MAX_MEMBERS),
        ));
    }
    let mut seen: HashMap<String, String> = HashMap::with_capacity(zip.len());
    for name in zip.file_names() {
        if let Some(first) = seen.insert(part_key(name), name.to_string()) {
            return Err(refused(
                diag::FORM_UNREADABLE,
                words::parts_named_alike(&diag::shown(&first), &diag::shown(name)),
            ));
        }
    }
    let mut total: u64 = 0;
    let mut shared = SharedStrings::default();
    let mut part = Vec::new();
    for i in 0..zip.len() {
        let member = zip.by_index(i).map_err(|e| damaged(&e.to_string()))?;
        let name = member.name().to_string();
        let key = part_key(&name);
        // Only XML parts are held to be read; the rest (pictures, and drawings of comments,
        // `.vml`, which no reader of the form reads and some real ones of which hold an
        // unclosed `<br>`) are only counted.
        let xml = [".xml", ".rels"].iter().any(|x| key.ends_with(x));
        let mut limited = member.take(MAX_UNPACKED - total + 1);
        part.clear();
        let unpacked = if xml {
            limited.read_to_end(&mut part).map(|n| n as u64)
        } else {
            std::io::copy(&mut limited, &mut std::io::sink())
        }
        .map_err(|e| damaged(&e.to_string()))?;
        total += unpacked;
        if total > MAX_UNPACKED {
            return Err(refused(
                diag::FORM_TOO_LARGE,
                words::unpacks_too_large(MAX_UNPACKED / (1024 * 1024)),
            ));
        }
        if xml {
            check_part(&name, &key, &part, &mut shared)?;
        }
    }
    // A cell's shared-string index must name a text of the table (calamine would otherwise
    // read another text in its place, or fail without naming the cell).
    if let Some((part, row, col, index)) = shared.highest_use {
        if index >= shared.texts {
            return Err(Box::new(Refusal {
                check: diag::FORM_CELL,
                message: words::shared_string_missing(index),
                cell: Some((part, row, col)),
            }));
        }
    }
    Ok(())
}

fn damaged(detail: &str) -> Box<Refusal> {
    refused(
        diag::FORM_UNREADABLE,
        words::damaged_zip(&diag::bounded(detail)),
    )
}

/// What the shared-string table holds, and the highest index a cell uses (with its cell).
#[derive(Default)]
struct SharedStrings {
    texts: u64,
    highest_use: Option<(String, u32, u32, u64)>,
}

/// The cell being read in a worksheet part.
struct Cell {
    /// Elements open at the cell's own `<c>` (its children are one deeper).
    depth: usize,
    row: u32,
    col: u32,
    kind: Option<String>,
    values: usize,
    text: String,
    in_value: bool,
    in_formula: bool,
    formula: String,
}

/// Reads one XML part strictly: well-formed, UTF-8, no document type, bounded; and what is
/// particular to its kind.
fn check_part(
    name: &str,
    key: &str,
    bytes: &[u8],
    shared: &mut SharedStrings,
) -> Result<(), Box<Refusal>> {
    let malformed = |detail: Message| {
        refused(
            diag::FORM_UNREADABLE,
            words::part_not_as_excel_writes(&diag::shown(name), &detail),
        )
    };
    let too_many = |what: crate::i18n::Text, max: usize| {
        refused(
            diag::FORM_TOO_LARGE,
            words::part_holds_too_many(&diag::shown(name), what, max),
        )
    };
    let text =
        std::str::from_utf8(bytes).map_err(|e| malformed(words::xml_error(&e.to_string())))?;
    if !text.trim_start_matches('\u{feff}').starts_with('<') && !text.trim().is_empty() {
        return Err(malformed(words::TEXT_BEFORE_DECLARATION.into()));
    }
    // The parts whose elements the readers act on: there, an element or attribute of theirs
    // written with a prefix (`<x:c>`, `x:r=`) is refused, as LibreOffice skips what it does
    // not know while calamine reads it by its local name.
    let workbook_rels = key == "xl/_rels/workbook.xml.rels";
    let read_by_readers = key.starts_with("xl/worksheets/")
        || key.ends_with(".rels")
        || key == "xl/workbook.xml"
        || key == "xl/sharedstrings.xml"
        || key == "xl/styles.xml";
    let worksheet = key.starts_with("xl/worksheets/");
    let mut xml = quick_xml::Reader::from_str(text);
    // End tags must close what they open (the default), and nothing else is relaxed.
    xml.config_mut().check_end_names = true;
    let mut depth = 0usize;
    let (mut formats, mut sheets, mut names, mut relationships) = (0usize, 0usize, 0usize, 0usize);
    let mut ids: std::collections::HashSet<String> = Default::default();
    let mut merged = 0usize;
    // Worksheet state: the last row and the last cell of it, and the cell open.
    let mut last_row: u32 = 0;
    let mut row: Option<u32> = None;
    let mut last_col: Option<u32> = None;
    let mut cell: Option<Cell> = None;
    // Worksheets: the local names of the elements open, outermost first.
    let mut stack: Vec<Vec<u8>> = Vec::new();
    loop {
        let event = xml
            .read_event()
            .map_err(|e| malformed(words::xml_error(&e.to_string())))?;
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            if !empty {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(too_many(words::LEVELS, MAX_DEPTH));
                }
            }
            let local = e.local_name();
            let acted_on = if worksheet {
                // Inside the cells every element is read; around them, the layout's.
                stack.iter().any(|n| n.as_slice() == b"sheetData")
                    || [
                        &b"sheetData"[..],
                        b"row",
                        b"c",
                        b"mergeCells",
                        b"mergeCell",
                        b"cols",
                        b"col",
                        b"sheetFormatPr",
                    ]
                    .contains(&local.as_ref())
            } else {
                read_by_readers && READ_ELEMENTS.contains(&local.as_ref())
            };
            if acted_on && e.name().as_ref() != local.as_ref() {
                return Err(malformed(words::element_prefixed(
                    &String::from_utf8_lossy(e.name().as_ref()),
                )));
            }
            let attrs =
                attributes(e, xml.decoder(), read_by_readers, workbook_rels).map_err(malformed)?;
            if worksheet {
                // Rows stand in `<sheetData>`, cells in a row, nothing but a value, a formula
                // or an inline text in a cell, and nothing but text in a value.
                let parent = stack.last().map(Vec::as_slice);
                let misplaced = match local.as_ref() {
                    b"row" => parent != Some(b"sheetData".as_slice()),
                    b"c" => parent != Some(b"row".as_slice()),
                    _ => matches!(parent, Some(b"v" | b"f" | b"t")),
                };
                if misplaced {
                    return Err(malformed(words::element_misplaced(
                        &String::from_utf8_lossy(e.name().as_ref()),
                    )));
                }
                if parent == Some(b"is".as_slice())
                    && !matches!(local.as_ref(), b"t" | b"r" | b"rPh" | b"phoneticPr")
                    || parent == Some(b"r".as_slice())
                        && stack.iter().any(|n| n.as_slice() == b"is")
                        && !matches!(local.as_ref(), b"rPr" | b"t")
                {
                    return Err(malformed(words::element_misplaced(
                        &String::from_utf8_lossy(e.name().as_ref()),
                    )));
                }
                if !empty {
                    stack.push(local.as_ref().to_vec());
                }
            }
            let get = |k: &[u8]| {
                attrs
                    .iter()
                    .find(|(n, _)| n.as_slice() == k)
                    .map(|(_, v)| v.as_str())
            };
            match e.local_name().as_ref() {
                b"sst" if key == "xl/sharedstrings.xml" => {
                    if let Some(n) = get(b"uniqueCount")
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .filter(|&n| n > MAX_SHARED_STRINGS)
                    {
                        return Err(refused(
                            diag::FORM_TOO_LARGE,
                            words::too_many_shared_strings(Some(n), MAX_SHARED_STRINGS),
                        ));
                    }
                }
                b"si" if key == "xl/sharedstrings.xml" => {
                    shared.texts += 1;
                    if shared.texts > MAX_SHARED_STRINGS {
                        return Err(refused(
                            diag::FORM_TOO_LARGE,
                            words::too_many_shared_strings(None, MAX_SHARED_STRINGS),
                        ));
                    }
                }
                b"numFmt"
                    if key == "xl/styles.xml"
                        && get(b"formatCode")
                            .is_some_and(|f| f.chars().count() > MAX_FORMAT_CODE) =>
                {
                    return Err(too_many(words::CHARACTERS_IN_A_FORMAT, MAX_FORMAT_CODE));
                }
                b"xf" if key == "xl/styles.xml" => {
                    formats += 1;
                    if formats > MAX_CELL_FORMATS {
                        return Err(too_many(words::CELL_FORMATS, MAX_CELL_FORMATS));
                    }
                }
                b"sheet" if key == "xl/workbook.xml" => {
                    sheets += 1;
                    if sheets > MAX_SHEETS {
                        return Err(too_many(words::SHEETS, MAX_SHEETS));
                    }
                }
                b"definedName" if key == "xl/workbook.xml" => {
                    names += 1;
                    if names > MAX_DEFINED_NAMES {
                        return Err(too_many(words::DEFINED_NAMES, MAX_DEFINED_NAMES));
                    }
                }
                b"Relationship" if key.ends_with(".rels") => {
                    relationships += 1;
                    if relationships > MAX_RELATIONSHIPS {
                        return Err(too_many(words::RELATIONSHIPS, MAX_RELATIONSHIPS));
                    }
                    // calamine takes a target's text as written, every other reader decodes
                    // and normalises it: one that the two would read apart is refused.
                    // (The workbook's own: a sheet's relationships, to its comments or links,
                    // are read by neither.)
                    if let Some(target) = get(b"Target").filter(|_| workbook_rels) {
                        let as_written = target.contains('&')
                            || target.contains('%')
                            || target.contains('\\')
                            || target.split('/').any(|seg| seg == "." || seg == "..");
                        if as_written {
                            return Err(malformed(words::target_as_written(target)));
                        }
                    }
                    if let Some(id) = get(b"Id") {
                        if !ids.insert(id.to_string()) {
                            return Err(malformed(words::id_twice(id)));
                        }
                    }
                }
                b"mergeCell" if worksheet => {
                    merged += 1;
                    if merged > MAX_MERGED {
                        return Err(too_many(words::MERGED_RANGES, MAX_MERGED));
                    }
                }
                b"sheetFormatPr" if worksheet => {
                    let hides = truthy(get(b"zeroHeight"))
                        || get(b"defaultColWidth").is_some_and(|w| !visible_width(w))
                        || get(b"defaultRowHeight").is_some_and(|h| !visible_height(h));
                    if hides {
                        return Err(refused(
                            diag::FORM_HIDDEN_CELLS,
                            words::HIDDEN_BY_DEFAULT.into(),
                        ));
                    }
                }
                b"row" if worksheet => {
                    let r = get(b"r").and_then(|r| r.parse::<u32>().ok());
                    match r {
                        Some(r) if r > last_row && r <= EXCEL_ROWS => {
                            last_row = r;
                            row = Some(r);
                            last_col = None;
                        }
                        _ => {
                            return Err(Box::new(Refusal {
                                check: diag::FORM_CELL,
                                message: words::row_not_as_excel_writes(&diag::shown(
                                    get(b"r").unwrap_or(""),
                                )),
                                cell: Some((name.to_string(), last_row, 0)),
                            }))
                        }
                    }
                }
                b"c" if worksheet => {
                    let reference = get(b"r").unwrap_or("");
                    let at = parse_reference(reference);
                    let placed = match (at, row) {
                        (Some((r, c)), Some(row)) if r == row && last_col.is_none_or(|l| c > l) => {
                            Some((r, c))
                        }
                        _ => None,
                    };
                    let Some((r, c)) = placed else {
                        let (r, c) = at.unwrap_or((row.unwrap_or(last_row), 1));
                        return Err(Box::new(Refusal {
                            check: diag::FORM_CELL,
                            message: words::cell_not_as_excel_writes(&diag::shown(reference)),
                            cell: Some((
                                name.to_string(),
                                r.saturating_sub(1),
                                c.saturating_sub(1),
                            )),
                        }));
                    };
                    last_col = Some(c);
                    let kind = get(b"t").map(str::to_string);
                    if let Some(t) = &kind {
                        if !matches!(
                            t.as_str(),
                            "b" | "d" | "e" | "inlineStr" | "n" | "s" | "str"
                        ) {
                            return Err(Box::new(Refusal {
                                check: diag::FORM_CELL,
                                message: words::cell_type_unknown(&diag::shown(t)),
                                cell: Some((name.to_string(), r - 1, c - 1)),
                            }));
                        }
                    }
                    if !empty {
                        cell = Some(Cell {
                            depth,
                            row: r,
                            col: c,
                            kind,
                            values: 0,
                            text: String::new(),
                            in_value: false,
                            in_formula: false,
                            formula: String::new(),
                        });
                    }
                }
                other
                    if worksheet
                        && cell
                            .as_ref()
                            .is_some_and(|c| depth == c.depth + usize::from(!empty))
                        && !matches!(other, b"v" | b"f" | b"is" | b"extLst") =>
                {
                    let c = cell.as_ref().expect("a cell is open");
                    return Err(cell_refusal(
                        name,
                        c,
                        words::cell_part_unknown(&diag::shown(&String::from_utf8_lossy(other))),
                    ));
                }
                b"is" if worksheet => {
                    if let Some(c) = cell.as_mut() {
                        c.values += 1;
                        if c.values > 1 {
                            return Err(cell_refusal(name, c, words::CELL_TWO_VALUES.into()));
                        }
                    }
                }
                b"v" if worksheet => {
                    if let Some(c) = cell.as_mut() {
                        c.values += 1;
                        c.text.clear();
                        c.in_value = !empty;
                        if c.values > 1 {
                            return Err(cell_refusal(name, c, words::CELL_TWO_VALUES.into()));
                        }
                    }
                }
                b"f" if worksheet => {
                    if let Some(c) = cell.as_mut() {
                        // Only a plain formula reaches the reader (which refuses it, or keeps
                        // LibreOffice's constant TRUE()/FALSE()): a shared, array or table
                        // formula, or one with no text, is refused here, at its cell.
                        let plain = matches!(get(b"t"), None | Some("normal"))
                            && get(b"ref").is_none()
                            && get(b"si").is_none();
                        if !plain || empty {
                            return Err(cell_refusal(name, c, words::FORMULA.into()));
                        }
                        c.in_formula = true;
                        c.formula.clear();
                    }
                }
                _ => {}
            }
        }
        match event {
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    let piece = t
                        .xml10_content()
                        .map_err(|e| malformed(words::xml_error(&e.to_string())))?;
                    if c.in_value {
                        c.text.push_str(&piece);
                    } else if c.in_formula {
                        c.formula.push_str(&piece);
                    }
                }
            }
            Event::GeneralRef(_) => {
                // An entity in a value or a formula: the text is not a plain number or index.
                if let Some(c) = cell.as_mut() {
                    if c.in_value {
                        c.text.push('&');
                    } else if c.in_formula {
                        c.formula.push('&');
                    }
                }
            }
            Event::End(e) => {
                depth = depth.saturating_sub(1);
                if worksheet {
                    stack.pop();
                }
                match e.local_name().as_ref() {
                    b"v" if worksheet => {
                        if let Some(c) = cell.as_mut() {
                            c.in_value = false;
                        }
                    }
                    b"f" if worksheet => {
                        if let Some(c) = cell.as_mut() {
                            c.in_formula = false;
                            if c.formula.trim().is_empty() {
                                return Err(cell_refusal(name, c, words::FORMULA.into()));
                            }
                        }
                    }
                    b"c" if worksheet => {
                        if let Some(c) = cell.take() {
                            check_value(name, &c, shared)?;
                        }
                    }
                    b"row" if worksheet => row = None,
                    _ => {}
                }
            }
            Event::CData(_) | Event::Comment(_) | Event::PI(_)
                if worksheet && matches!(stack.last().map(Vec::as_slice), Some(b"v" | b"f")) =>
            {
                return Err(malformed(words::MARKUP_IN_VALUE.into()))
            }
            Event::DocType(_) => return Err(malformed(words::DOCUMENT_TYPE.into())),
            Event::Decl(d) => {
                if let Some(Ok(enc)) = d.encoding() {
                    if !enc.eq_ignore_ascii_case(b"utf-8") {
                        return Err(malformed(words::encoding_declared(
                            &String::from_utf8_lossy(&enc),
                        )));
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(())
}

/// A cell's value read as calamine would, refused where it would read something other than
/// what the cell's type says, or fail without naming the cell.
fn check_value(name: &str, c: &Cell, shared: &mut SharedStrings) -> Result<(), Box<Refusal>> {
    if c.values == 0 {
        return Ok(());
    }
    let v = c.text.as_str();
    // An empty value is no value (openpyxl writes `<v></v>` under a formula).
    if v.trim().is_empty() && c.kind.as_deref() != Some("s") {
        return Ok(());
    }
    match c.kind.as_deref() {
        Some("b") if !matches!(v, "0" | "1") => Err(cell_refusal(
            name,
            c,
            words::boolean_not_as_excel_writes(&diag::shown(v)),
        )),
        Some("s") => {
            let Ok(index) = v.parse::<u64>() else {
                return Err(cell_refusal(
                    name,
                    c,
                    words::shared_string_index_bad(&diag::shown(v)),
                ));
            };
            if shared.highest_use.as_ref().is_none_or(|h| index > h.3) {
                shared.highest_use = Some((name.to_string(), c.row - 1, c.col - 1, index));
            }
            Ok(())
        }
        // A number cell whose type is written out is read to the letter (calamine fails on
        // ` 2 `); one without a type is read trimmed, as calamine reads it.
        Some("n") if v.parse::<f64>().is_err() => Err(cell_refusal(
            name,
            c,
            words::number_not_as_excel_writes(&diag::shown(v)),
        )),
        None if v.trim().parse::<f64>().is_err() => Err(cell_refusal(
            name,
            c,
            words::number_not_as_excel_writes(&diag::shown(v)),
        )),
        Some("e") if !EXCEL_ERRORS.contains(&v) => Err(cell_refusal(
            name,
            c,
            words::error_not_as_excel_writes(&diag::shown(v)),
        )),
        _ => Ok(()),
    }
}

fn cell_refusal(name: &str, c: &Cell, message: Message) -> Box<Refusal> {
    Box::new(Refusal {
        check: diag::FORM_CELL,
        message,
        cell: Some((name.to_string(), c.row - 1, c.col - 1)),
    })
}

/// An element's attributes by local name, each value unescaped; refused when one is malformed,
/// longer than [`MAX_ATTRIBUTE`], or given twice (`name` and `x:name`: readers differ on which
/// they take).
fn attributes(
    e: &BytesStart,
    decoder: quick_xml::encoding::Decoder,
    read_by_readers: bool,
    workbook_rels: bool,
) -> Result<Vec<(Vec<u8>, String)>, Message> {
    let mut out: Vec<(Vec<u8>, String)> = Vec::new();
    // quick-xml's own check for a repeated attribute compares each with all before it: the
    // count is capped first, and the check done here.
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|e| words::xml_error(&e.to_string()))?;
        if out.len() >= MAX_ATTRIBUTES {
            return Err(words::too_many_attributes(MAX_ATTRIBUTES));
        }
        if read_by_readers
            && a.key.as_ref() != a.key.local_name().as_ref()
            && READ_ATTRIBUTES.contains(&a.key.local_name().as_ref())
            && !a.key.as_ref().starts_with(b"xmlns")
        {
            return Err(words::attribute_prefixed(&String::from_utf8_lossy(
                a.key.as_ref(),
            )));
        }
        if a.value.len() > MAX_ATTRIBUTE {
            return Err(words::attribute_too_long(MAX_ATTRIBUTE / 1024));
        }
        // A relationship's target is taken as written by calamine and decoded by the others.
        if workbook_rels && a.key.local_name().as_ref() == b"Target" && a.value.contains(&b'&') {
            return Err(words::target_as_written(&String::from_utf8_lossy(&a.value)));
        }
        let local = a.key.local_name().as_ref().to_vec();
        if out.iter().any(|(n, _)| *n == local) {
            return Err(words::attribute_twice(&String::from_utf8_lossy(&local)));
        }
        let value = a
            .decode_and_unescape_value(decoder)
            .map_err(|e| words::xml_error(&e.to_string()))?
            .into_owned();
        out.push((local, value));
    }
    Ok(out)
}

/// `1` or `true`, as xsd:boolean allows (with spaces around).
fn truthy(v: Option<&str>) -> bool {
    matches!(v.map(str::trim), Some("1" | "true"))
}

/// A column width a reader can see a value in (characters).
pub fn visible_width(w: &str) -> bool {
    w.trim().parse::<f64>().is_ok_and(|x| x >= 1.0)
}

/// A row height a reader can see a value in (points).
pub fn visible_height(h: &str) -> bool {
    h.trim().parse::<f64>().is_ok_and(|x| x >= 3.0)
}

/// A cell reference (`E14`) as 1-based row and column, within Excel's grid.
pub fn parse_reference(r: &str) -> Option<(u32, u32)> {
    let letters = r.bytes().take_while(u8::is_ascii_uppercase).count();
    let (col, row) = r.split_at(letters);
    if letters == 0 || letters > 3 || row.is_empty() || !row.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let col = col
        .bytes()
        .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1));
    let row: u32 = row.parse().ok()?;
    ((1..=EXCEL_ROWS).contains(&row) && col <= EXCEL_COLS && !r[letters..].starts_with('0'))
        .then_some((row, col))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_within_excels_grid_only() {
        assert_eq!(parse_reference("E14"), Some((14, 5)));
        assert_eq!(parse_reference("XFD1048576"), Some((1_048_576, 16_384)));
        for bad in [
            "",
            "E",
            "14",
            "E0",
            "E014",
            "XFE1",
            "E1048577",
            "e14",
            "E4294967310",
            "MWLQKXA1",
            "E-14",
            "E 14",
        ] {
            assert_eq!(parse_reference(bad), None, "{bad}");
        }
    }

    /// A workbook of one part, `name`, holding `xml`.
    fn one_part(name: &str, xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn each_limit_and_oddity_of_a_part_is_refused_with_its_check() {
        let attrs: String = (0..300).map(|i| format!(" a{i}=\"1\"")).collect();
        let deep = format!("{}{}", "<a>".repeat(70), "</a>".repeat(70));
        let format = format!("<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"{}\"/></numFmts></styleSheet>", "0".repeat(300));
        for (name, xml, code, said) in [
            ("docProps/app.xml", format!("<p{attrs}/>"), diag::FORM_UNREADABLE, "more than 256 attributes"),
            ("docProps/app.xml", deep, diag::FORM_TOO_LARGE, "levels of nested elements"),
            ("xl/styles.xml", format, diag::FORM_TOO_LARGE, "characters in a number format"),
            ("docProps/app.xml", " <p/>".to_string(), diag::FORM_UNREADABLE, "text before the XML declaration"),
            ("docProps/app.xml", "<!DOCTYPE p><p/>".to_string(), diag::FORM_UNREADABLE, "document type"),
            ("docProps/app.xml", "<p a=\"1\" x:a=\"2\" xmlns:x=\"u\"/>".to_string(), diag::FORM_UNREADABLE, "given twice"),
            ("xl/_rels/workbook.xml.rels", "<Relationships><Relationship Id=\"r1\" Target=\"a.xml\"/><Relationship Id=\"r1\" Target=\"b.xml\"/></Relationships>".to_string(), diag::FORM_UNREADABLE, "`r1` is given twice"),
            ("xl/workbook.xml", "<workbook><sheets><x:sheet xmlns:x=\"u\" name=\"s\"/></sheets></workbook>".to_string(), diag::FORM_UNREADABLE, "written with a prefix"),
        ] {
            let r = check(&one_part(name, &xml)).expect_err(said);
            assert_eq!(r.check, code, "{said}");
            assert!(r.message.en.contains(said), "{said}: {}", r.message.en);
        }
        // Pictures and comment drawings are counted, not read: an unclosed `<br>` is fine.
        check(&one_part("xl/drawings/vmlDrawing1.vml", "<xml><br></xml>")).unwrap();
    }

    #[test]
    fn a_workbook_as_rust_xlsxwriter_writes_it_passes() {
        let mut book = rust_xlsxwriter::Workbook::new();
        let s = book.add_worksheet();
        s.write_string(0, 0, "có").unwrap();
        s.write_number(1, 0, 0.5).unwrap();
        s.write_boolean(2, 0, true).unwrap();
        s.write_formula(3, 0, "=A2*2").unwrap();
        let bytes = book.save_to_buffer().unwrap();
        check(&bytes).unwrap();
    }
}
