//! Reads a filled form back: the workbook becomes the text of an evidence file, with the cell
//! each line came from, so that the evidence loader checks it like any YAML file and places
//! every problem at its sheet and cell.
//!
//! A workbook is a zip of XML files from someone who may want a higher score: before calamine
//! opens it, every member is unpacked once with a cap ([`MAX_UNPACKED`]), so a zip bomb is
//! refused after reading at most that much; cells are then read one at a time and a cell
//! outside the form's columns or rows stops the reading (calamine's `worksheet_range` would
//! allocate the whole rectangle up to `XFD1048576`). Formulas are refused: a value is what
//! the unit declares.

use super::*;
use crate::diag::{self, Diagnostic, Diagnostics, Message};
use crate::i18n::{form as words, Text};
use crate::load::yaml::quote;
use calamine::{DataRef, Reader, Xlsx};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::io::Cursor;

pub use super::structure::{MAX_MEMBERS, MAX_SHARED_STRINGS, MAX_UNPACKED};
/// The most characters Excel holds in a cell.
const MAX_CELL_CHARS: usize = 32_767;

/// Most bytes of text all of a form's cells may hold together, as much as a YAML file may: a
/// cell that refers to a shared string gets its own copy of it, so 5,000 cells referring to
/// one 32,000-character string (a 148 KB workbook) otherwise took 6 GB.
const MAX_FORM_TEXT: usize = crate::load::MAX_FILE_BYTES as usize;

/// A form read: the evidence file's text, and for each of its lines the cell it came from.
#[derive(Debug, Clone)]
pub struct FormText {
    pub yaml: String,
    /// Per line of `yaml` (0-based): `Tự đánh giá!E12`, where the line came from a cell.
    pub cells: Vec<Option<String>>,
    /// The SHA-256 of the criteria set the form was made for, and its cell.
    pub sha256: String,
    pub sha256_cell: String,
    /// What the set id cell (B5) says, checked against the set once it is loaded.
    pub set_id: String,
    /// Each row with a code: its row (0-based), code and title (column B), so that a code
    /// edited to another criterion's is caught against the set ([`super::verify`]).
    pub rows: Vec<FormRow>,
    /// Where the sheet is: `Tự đánh giá` or `Self-assessment`.
    pub sheet: String,
}

/// A criterion's row as the form holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct FormRow {
    pub row: u32,
    pub code: String,
    pub title: Option<String>,
    /// Column C as text (`1`, `0.5`), so that a maximum edited to mislead a reader is caught.
    pub max: Option<String>,
}

/// One cell's content, as the form reads it.
#[derive(Debug, Clone, PartialEq)]
enum Content {
    Text(String),
    Number(f64),
    Int(i64),
    Bool(bool),
}

/// The shortest decimal that gives back the double `f` (Rust's `{}` for f64), as text; for a
/// rate row, the percentage (0.9729 → `97.29%`). `None` when it has more digits than an exact
/// decimal holds.
pub fn number_text(f: f64, rate: bool) -> Option<String> {
    let plain = format!("{f}");
    if !rate {
        return Some(plain);
    }
    // Strictly: a double with more places than a decimal keeps (1e-300) is refused (E209)
    // as the same number in a number cell is, never rounded to 0%.
    let d = crate::decimal::parse_decimal(&plain).ok()?;
    // × 100 by moving the point, so that no digit is rounded away.
    let pct = match d.scale() {
        s if s >= 2 => Decimal::from_i128_with_scale(d.mantissa(), s - 2),
        s => Decimal::from_i128_with_scale(d.mantissa(), 0)
            .checked_mul(Decimal::from(10_i64.pow(2 - s)))?,
    };
    Some(format!("{}%", pct.normalize()))
}

/// Reads the form in `bytes` (the file named `name`).
pub fn read_form(name: &str, bytes: &[u8]) -> Result<FormText, Diagnostics> {
    let fail = |check, message: Message| Diagnostics::one(Diagnostic::new(check, name, message));
    // Every part read once, strictly, before calamine reads any: the workbook then reads one
    // way to every reader, within the limits.
    super::structure::check(bytes).map_err(|r| {
        let d = Diagnostic::new(r.check, name, r.message);
        let d = match &r.cell {
            Some((part, row, col)) => {
                let sheet =
                    super::hidden::sheet_named_for(bytes, part).unwrap_or_else(|| part.clone());
                d.in_cell(format!(
                    "{sheet}!{}",
                    cell_name(*row, (*col).min(16_383) as u16)
                ))
            }
            None => d,
        };
        Diagnostics::one(if r.check == diag::FORM_UNREADABLE {
            d.help(words::SAVE_AS_XLSX)
        } else if r.check == diag::FORM_TOO_LARGE {
            d.help(words::FORM_IS_SMALL)
        } else if r.check == diag::FORM_HIDDEN_CELLS {
            d.help(words::HIDDEN_CELLS_HELP)
        } else {
            d.help(words::RETYPE_CELL)
        })
    })?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        fail(
            diag::FORM_UNREADABLE,
            words::unreadable_workbook(&diag::bounded(&e.to_string())),
        )
    })?;
    let names = book.sheet_names();
    let forms = [
        crate::i18n::form::SHEET_FORM.vi,
        crate::i18n::form::SHEET_FORM.en,
    ];
    let mut form_sheets = names.iter().filter(|n| forms.contains(&n.as_str()));
    let Some(sheet) = form_sheets.next().cloned() else {
        let shown: Vec<String> = names
            .iter()
            .take(10)
            .map(|n| format!("`{}`", diag::shown(n)))
            .collect();
        return Err(Diagnostics::one(
            Diagnostic::new(
                diag::FORM_LAYOUT,
                name,
                words::no_form_sheet(forms[0], forms[1], &shown.join(", ")),
            )
            .help(words::KEEP_SHEET_NAMES),
        ));
    };
    // A hidden copy of the form placed first would be scored in place of the visible one.
    if let Some(second) = form_sheets.next() {
        return Err(Diagnostics::one(
            Diagnostic::new(
                diag::FORM_LAYOUT,
                name,
                words::two_form_sheets(&sheet, second),
            )
            .help(words::TWO_FORM_SHEETS_HELP),
        ));
    }
    let hidden = book
        .sheets_metadata()
        .iter()
        .any(|s| s.name == sheet && s.visible != calamine::SheetVisible::Visible);
    if hidden {
        return Err(Diagnostics::one(
            Diagnostic::new(diag::FORM_LAYOUT, name, words::form_sheet_hidden(&sheet))
                .help(words::FORM_SHEET_HIDDEN_HELP),
        ));
    }
    let at = |row: u32, col: u16| format!("{sheet}!{}", cell_name(row, col));
    let in_cell = |row: u32, col: u16, message: Message, help: Text| {
        Diagnostics::one(
            Diagnostic::new(diag::FORM_CELL, name, message)
                .in_cell(at(row, col))
                .help(help),
        )
    };
    // Named by the cell itself: it lies outside the rows and columns a form has.
    let outside = |row: u32, col: u32| {
        Diagnostics::one(
            Diagnostic::new(
                diag::FORM_CELL,
                name,
                words::cell_outside(
                    &rust_xlsxwriter::utility::column_number_to_name(LAST_COL),
                    MAX_ROWS,
                ),
            )
            .in_cell(format!(
                "{sheet}!{}",
                rust_xlsxwriter::utility::row_col_to_cell(row, col.min(16_383) as u16)
            ))
            .help(words::CLEAR_OUTSIDE),
        )
    };
    let unreadable = |e: calamine::XlsxError| {
        fail(
            diag::FORM_UNREADABLE,
            words::unreadable_sheet(&sheet, &diag::bounded(&e.to_string())),
        )
    };

    // Formulas first: a form with one is refused whatever its cached value says, except the
    // constant TRUE()/FALSE() LibreOffice writes for a typed TRUE or FALSE.
    let mut booleans: BTreeMap<(u32, u32), bool> = BTreeMap::new();
    let mut first_formula: Option<(u32, u16)> = None;
    {
        let mut cells = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
        while let Some(cell) = cells.next_formula().map_err(unreadable)? {
            let (row, col) = cell.get_position();
            if row > MAX_ROWS || col > u32::from(LAST_COL) {
                return Err(outside(row, col));
            }
            if let Some(b) = boolean_formula(cell.get_value()) {
                booleans.insert((row, col), b);
                continue;
            }
            if !cell.get_value().is_empty() {
                // Refused once the row is read, to name its criterion.
                first_formula.get_or_insert((row, col as u16));
            }
        }
    }
    let mut grid: BTreeMap<(u32, u16), Content> = BTreeMap::new();
    let mut grid_text = 0usize;
    let mut first_date: Option<(u32, u16)> = None;
    {
        let mut cells = book.worksheet_cells_reader(&sheet).map_err(unreadable)?;
        while let Some(cell) = cells.next_cell().map_err(unreadable)? {
            let (row, col) = cell.get_position();
            let content = match cell.get_value() {
                // A constant TRUE()/FALSE(): its value is the formula's, whatever was cached.
                _ if booleans.contains_key(&(row, col)) => Content::Bool(booleans[&(row, col)]),
                DataRef::Empty => continue,
                DataRef::String(s) => Content::Text(s.clone()),
                DataRef::SharedString(s) => Content::Text((*s).to_string()),
                DataRef::Float(f) => Content::Number(*f),
                DataRef::Int(i) => Content::Int(*i),
                DataRef::Bool(b) => Content::Bool(*b),
                DataRef::DateTime(_) | DataRef::DateTimeIso(_) | DataRef::DurationIso(_) => {
                    if row > MAX_ROWS || col > u32::from(LAST_COL) {
                        return Err(outside(row, col));
                    }
                    // Refused once the row is read: in a rate row the date is a fraction
                    // Excel converted, and the message says how to type it.
                    first_date.get_or_insert((row, col as u16));
                    continue;
                }
                DataRef::Error(e) => {
                    if row > MAX_ROWS || col > u32::from(LAST_COL) {
                        return Err(outside(row, col));
                    }
                    return Err(in_cell(
                        row,
                        col as u16,
                        words::error_value(&e.to_string()),
                        words::ERROR_VALUE_HELP,
                    ));
                }
            };
            if row > MAX_ROWS || col > u32::from(LAST_COL) {
                return Err(outside(row, col));
            }
            if matches!(&content, Content::Text(t) if t.is_empty()) {
                continue;
            }
            // Excel itself holds at most 32,767 characters in a cell: more was not typed there.
            if matches!(&content, Content::Text(t) if t.len() > MAX_CELL_CHARS && t.chars().count() > MAX_CELL_CHARS)
            {
                return Err(in_cell(
                    row,
                    col as u16,
                    words::cell_too_long(MAX_CELL_CHARS),
                    words::CELL_TOO_LONG_HELP,
                ));
            }
            // Counted once the cell is known to be one a form has, of a length Excel allows:
            // one cell is copied at most before the limit stops the reading.
            if let Content::Text(t) = &content {
                grid_text += t.len();
                if grid_text > MAX_FORM_TEXT {
                    return Err(in_cell(
                        row,
                        col as u16,
                        words::form_text_too_large(MAX_FORM_TEXT / (1024 * 1024)),
                        words::FORM_TEXT_TOO_LARGE_HELP,
                    ));
                }
            }
            grid.insert((row, col as u16), content);
        }
    }
    // A formula or a date in a criterion's row names the criterion too: the unit finds the
    // row by its code.
    let with_criterion = |mut found: Diagnostics, row: u32| {
        if row >= FIRST_ROW {
            if let Some(Content::Text(code)) = grid.get(&(row, COL_CODE)) {
                if !code.trim().is_empty() {
                    found.0[0].criterion = Some(code.trim().to_string());
                }
            }
        }
        found
    };
    if let Some((row, col)) = first_formula {
        let found = in_cell(row, col, words::FORMULA.into(), words::FORMULA_HELP);
        return Err(with_criterion(found, row));
    }
    if let Some((row, col)) = first_date {
        if matches!(grid.get(&(row, COL_TAKES)), Some(Content::Text(t)) if t == "rate") {
            let found = Diagnostics::one(
                Diagnostic::new(diag::FORM_CELL, name, words::DATE_IN_RATE)
                    .in_cell(at(row, col))
                    .help(words::DATE_IN_RATE_HELP),
            );
            return Err(with_criterion(found, row));
        }
        let found = in_cell(row, col, words::DATE_CELL.into(), words::DATE_CELL_HELP);
        return Err(with_criterion(found, row));
    }
    // Values in hidden rows or columns would be scored while the sheet shows nothing there, and
    // so would a value whose number format shows other text, or nothing.
    // Only what the unit fills in counts: the form's own cells (code, title, how it is
    // scored, column M) say nothing of the unit's values and are checked elsewhere.
    let hidden = super::hidden::hidden_in(bytes, &sheet);
    let unseen: Vec<(u32, u16)> = grid
        .keys()
        .filter(|&&(r, c)| {
            (COL_VALUE..=COL_DOCS).contains(&c)
                && r >= FIRST_ROW
                && (hidden.covers(r, u32::from(c))
                    || match &grid[&(r, c)] {
                        Content::Number(f) => hidden.masks(r, u32::from(c), Some(*f)),
                        Content::Int(i) => hidden.masks(r, u32::from(c), Some(*i as f64)),
                        Content::Text(_) => hidden.masks(r, u32::from(c), None),
                        // A number format does not apply to TRUE or FALSE.
                        Content::Bool(_) => false,
                    })
        })
        .copied()
        .collect();
    if let Some(&(row, col)) = unseen.first() {
        let shown: Vec<String> = unseen
            .iter()
            .take(5)
            .map(|&(r, c)| cell_name(r, c))
            .collect();
        return Err(Diagnostics::one(
            Diagnostic::new(
                diag::FORM_HIDDEN_CELLS,
                name,
                words::hidden_cells(&shown.join(", "), unseen.len().saturating_sub(5)),
            )
            .in_cell(at(row, col))
            .help(words::HIDDEN_CELLS_HELP),
        ));
    }
    build(&sheet, name, &grid)
}

/// The value of a formula that is only the constant TRUE or FALSE (`TRUE()`, `false`, …, as
/// LibreOffice re-saves a typed TRUE); `None` for every other formula.
fn boolean_formula(formula: &str) -> Option<bool> {
    let f = formula.trim().trim_start_matches('=').trim();
    let f = f.strip_suffix("()").unwrap_or(f);
    if f.eq_ignore_ascii_case("TRUE") {
        Some(true)
    } else if f.eq_ignore_ascii_case("FALSE") {
        Some(false)
    } else {
        None
    }
}

/// The evidence file's text, line by line, with each line's cell.
struct Lines {
    yaml: String,
    cells: Vec<Option<String>>,
}

impl Lines {
    fn push(&mut self, line: &str, cell: Option<String>) {
        self.yaml.push_str(line);
        self.yaml.push('\n');
        self.cells.push(cell);
    }
}

fn build(
    sheet: &str,
    name: &str,
    grid: &BTreeMap<(u32, u16), Content>,
) -> Result<FormText, Diagnostics> {
    let at = |row: u32, col: u16| format!("{sheet}!{}", cell_name(row, col));
    let layout = |row: u32, col: u16, message: Message, help: Text| {
        Diagnostics::one(
            Diagnostic::new(diag::FORM_LAYOUT, name, message)
                .in_cell(at(row, col))
                .help(help),
        )
    };
    let header_help = words::HEADER_HELP;
    // Header cells as text (a number typed in one, a period such as 2022, as its digits).
    let text_at = |row: u32, col: u16| -> Option<String> {
        match grid.get(&(row, col))? {
            Content::Text(t) => Some(t.clone()),
            Content::Number(f) => number_text(*f, false),
            Content::Int(i) => Some(i.to_string()),
            Content::Bool(b) => Some(b.to_string()),
        }
    };
    let version = text_at(ROW_VERSION, COL_TITLE);
    if version.as_deref().map(str::trim) != Some(&VERSION.to_string()) {
        return Err(layout(
            ROW_VERSION,
            COL_TITLE,
            match version {
                Some(v) => words::wrong_version(&diag::shown(&v), VERSION),
                None => words::no_version(VERSION),
            },
            header_help,
        ));
    }
    if text_at(ROW_KIND, COL_TITLE).as_deref().map(str::trim) != Some(KIND) {
        return Err(layout(
            ROW_KIND,
            COL_TITLE,
            words::wrong_kind(KIND),
            header_help,
        ));
    }
    let Some(criteria) = text_at(ROW_CRITERIA, COL_TITLE).filter(|c| !c.trim().is_empty()) else {
        return Err(layout(
            ROW_CRITERIA,
            COL_TITLE,
            words::NO_SET_NAMED.into(),
            header_help,
        ));
    };
    let Some(sha256) = text_at(ROW_SHA256, COL_TITLE).map(|s| s.trim().to_ascii_lowercase()) else {
        return Err(layout(
            ROW_SHA256,
            COL_TITLE,
            words::NO_SET_SHA256.into(),
            header_help,
        ));
    };

    check_header_cells(grid, sheet, name)?;
    let set_id = text_at(ROW_SET_ID, COL_TITLE).unwrap_or_default();
    let mut seen_rows = Vec::new();

    let mut out = Lines {
        yaml: String::new(),
        cells: Vec::new(),
    };
    out.push("parindex: 1", Some(at(ROW_VERSION, COL_TITLE)));
    out.push("kind: evidence", Some(at(ROW_KIND, COL_TITLE)));
    out.push(
        &format!("criteria: {}", quote(criteria.trim())),
        Some(at(ROW_CRITERIA, COL_TITLE)),
    );
    let unit = text_at(ROW_UNIT, COL_TITLE).unwrap_or_default();
    out.push(
        &format!("unit: {}", quote(&unit)),
        Some(at(ROW_UNIT, COL_TITLE)),
    );
    let period = text_at(ROW_PERIOD, COL_TITLE).unwrap_or_default();
    out.push(
        &format!("period: {}", quote(&period)),
        Some(at(ROW_PERIOD, COL_TITLE)),
    );
    out.push("values:", Some(at(ROW_HEADINGS, COL_CODE)));
    let mut rows: Vec<u32> = grid
        .keys()
        .map(|&(r, _)| r)
        .filter(|&r| r >= FIRST_ROW)
        .collect();
    rows.dedup();
    let mut any = false;
    // Each code once: a second row for a code would be a second value for one criterion.
    let mut seen: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for row in rows {
        let given: Vec<u16> = (COL_VALUE..=COL_DOCS)
            .filter(|&c| grid.contains_key(&(row, c)))
            .collect();
        let code = match grid.get(&(row, COL_CODE)) {
            Some(Content::Text(t)) if !t.trim().is_empty() => t.trim().to_string(),
            Some(Content::Number(_) | Content::Int(_)) => {
                return Err(Diagnostics::one(
                    Diagnostic::new(diag::FORM_CELL, name, words::CODE_IS_NUMBER)
                        .in_cell(at(row, COL_CODE))
                        .help(words::CODE_IS_NUMBER_HELP),
                ))
            }
            _ if given.is_empty() => continue,
            _ => {
                return Err(Diagnostics::one(
                    Diagnostic::new(diag::FORM_CELL, name, words::ROW_WITHOUT_CODE)
                        .in_cell(at(row, given[0]))
                        .help(words::ROW_WITHOUT_CODE_HELP),
                ))
            }
        };
        if let Some(first) = seen.insert(code.clone(), row) {
            return Err(Diagnostics::one(
                Diagnostic::new(
                    diag::FORM_CELL,
                    name,
                    words::code_twice(&diag::shown(&code), first + 1),
                )
                .criterion(code.clone())
                .in_cell(at(row, COL_CODE))
                .help(words::CODE_TWICE_HELP),
            ));
        }
        seen_rows.push(FormRow {
            row,
            code: code.clone(),
            title: match grid.get(&(row, COL_TITLE)) {
                Some(Content::Text(t)) => Some(t.clone()),
                Some(_) => Some(String::new()),
                None => None,
            },
            max: text_at(row, COL_MAX),
        });
        if given.is_empty() {
            continue;
        }
        any = true;
        let rate = matches!(grid.get(&(row, COL_TAKES)), Some(Content::Text(t)) if t == "rate");
        out.push(&format!("  {}:", quote(&code)), Some(at(row, COL_CODE)));
        for col in given {
            let content = &grid[&(row, col)];
            let key = match col {
                COL_VALUE => "value",
                COL_APPRAISED => "appraised",
                COL_REASON => "reason",
                COL_EXPLANATION => "explanation",
                COL_REAPPRAISED => "reappraised",
                COL_REAPPRAISAL_REASON => "reappraisal_reason",
                COL_NOTE => "note",
                _ => "docs",
            };
            let cell = Some(at(row, col));
            let is_value = matches!(col, COL_VALUE | COL_APPRAISED | COL_REAPPRAISED);
            let scalar = match content {
                Content::Text(t) => quote(t),
                // Counts and points typed as numbers are numbers, as in YAML; a number in a
                // percent cell is the rate Excel shows.
                Content::Number(f) if is_value => match number_text(*f, rate) {
                    Some(t) if rate => quote(&t),
                    Some(t) => t,
                    None => format!("{f}"),
                },
                Content::Int(i) if is_value && rate => quote(&format!("{}%", i128::from(*i) * 100)),
                Content::Int(i) => i.to_string(),
                Content::Number(f) => quote(&format!("{f}")),
                Content::Bool(b) if is_value => b.to_string(),
                Content::Bool(b) => quote(&b.to_string()),
            };
            if key == "docs" {
                out.push("    docs:", cell.clone());
                let text = match content {
                    Content::Text(t) => t.clone(),
                    _ => scalar.trim_matches('"').to_string(),
                };
                for doc in text.lines().map(str::trim).filter(|d| !d.is_empty()) {
                    out.push(&format!("      - {}", quote(doc)), cell.clone());
                }
            } else {
                out.push(&format!("    {key}: {scalar}"), cell);
            }
        }
    }
    if !any {
        // `values:` needs a mapping: an empty form is an evidence file with no values.
        out.yaml.truncate(out.yaml.len() - "values:\n".len());
        out.cells.pop();
        out.push("values: {}", Some(at(ROW_HEADINGS, COL_CODE)));
    }
    Ok(FormText {
        yaml: out.yaml,
        cells: out.cells,
        sha256,
        sha256_cell: at(ROW_SHA256, COL_TITLE),
        set_id,
        rows: seen_rows,
        sheet: sheet.to_string(),
    })
}

/// The header block and the column headings are the form's own: a label, a heading or an
/// empty header cell edited is refused at its cell (a code typed in row 9 would otherwise be
/// read as nothing, and headings swapped would let a reader misread the columns).
fn check_header_cells(
    grid: &BTreeMap<(u32, u16), Content>,
    sheet: &str,
    name: &str,
) -> Result<(), Diagnostics> {
    let labels = [
        (ROW_VERSION, words::FORMAT),
        (ROW_KIND, words::KIND),
        (ROW_CRITERIA, words::CRITERIA),
        (ROW_SET_ID, words::SET_ID),
        (ROW_SHA256, words::SHA256),
        (ROW_UNIT, words::UNIT),
        (ROW_PERIOD, words::PERIOD),
    ];
    for (&(row, col), content) in grid.range((0, 0)..(FIRST_ROW, 0)) {
        let expected: Option<Text> = match (row, col) {
            (ROW_TITLE, 0) => continue,
            (ROW_HEADINGS, COL_TAKES) => Some(crate::i18n::text("parindex", "parindex")),
            (ROW_HEADINGS, c) => HEADINGS.get(usize::from(c)).copied(),
            (r, 0) => labels.iter().find(|(lr, _)| *lr == r).map(|(_, t)| *t),
            (r, COL_TITLE) if labels.iter().any(|(lr, _)| *lr == r) => continue,
            _ => None,
        };
        let text = match content {
            Content::Text(t) => t.trim(),
            _ => "",
        };
        let message = match expected {
            Some(t) if text == t.en || text == t.vi => continue,
            Some(t) => words::header_cell_edited(t),
            None => words::header_cell_filled(),
        };
        return Err(Diagnostics::one(
            Diagnostic::new(diag::FORM_LAYOUT, name, message)
                .in_cell(format!("{sheet}!{}", cell_name(row, col)))
                .help(words::HEADER_EDITED_HELP),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_doubles_read_as_their_shortest_decimal() {
        assert_eq!(
            number_text(0.1 + 0.2, false).unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(number_text(0.9729, true).unwrap(), "97.29%");
        assert_eq!(number_text(1.0, true).unwrap(), "100%");
        assert_eq!(number_text(12698.0, false).unwrap(), "12698");
        assert_eq!(number_text(1.23e-15, true).unwrap(), "0.000000000000123%");
        assert_eq!(number_text(1.2, true).unwrap(), "120%");
        assert_eq!(number_text(12.0, true).unwrap(), "1200%");
        assert_eq!(number_text(0.5, true).unwrap(), "50%");
    }

    #[test]
    fn a_rate_too_small_for_a_decimal_is_not_rounded_to_zero() {
        assert_eq!(number_text(1e-300, true), None);
        assert_eq!(number_text(1.2345678901234567e-20, true), None);
    }

    #[test]
    fn only_the_constant_true_and_false_formulas_are_values() {
        assert_eq!(boolean_formula("TRUE()"), Some(true));
        assert_eq!(boolean_formula("false()"), Some(false));
        assert_eq!(boolean_formula("FALSE"), Some(false));
        assert_eq!(boolean_formula("=True()"), Some(true));
        for other in [
            "TRUE()+0",
            "NOT(FALSE())",
            "1=1",
            "IF(TRUE(),1,0)",
            "TRUE( )x",
            "",
        ] {
            assert_eq!(boolean_formula(other), None, "{other}");
        }
    }

    #[test]
    fn quoted_text_escapes_what_yaml_cannot_hold() {
        assert_eq!(quote("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(quote("x\u{1b}[31m"), r#""x\u001B[31m""#);
        assert_eq!(quote("\u{202E}"), r#""\u202E""#);
        assert_eq!(quote("a\u{E0041}"), r#""a\U000E0041""#);
        assert_eq!(quote("\u{1D173}x"), r#""\U0001D173x""#);
        assert_eq!(quote("Tự đánh giá"), "\"Tự đánh giá\"");
    }

    #[test]
    fn a_file_that_is_not_a_zip_is_refused_unquote() {
        let e = read_form("f.xlsx", b"SECRET=hunter2\n").unwrap_err();
        assert_eq!(e.0[0].check.code, "E601");
        assert!(!e.0[0].message.contains("hunter2"));
    }
}
