//! The Excel self-assessment form: one workbook per unit and period that an officer fills in
//! and parindex reads back as the same evidence a YAML file gives.
//!
//! The layout lives here, once, for the writer ([`write`]) and the reader ([`read`]): a header
//! block that ties the form to its criteria set (reference, id and SHA-256), then one row per
//! criterion. The reader turns a filled form into the text of an evidence file and a map from
//! each of its lines to the cell it came from, so that every check an evidence file gets
//! applies to the form too and every diagnostic names its sheet and cell.

pub mod hidden;
pub mod probe;
pub mod read;
pub mod record;
pub mod structure;
pub mod verify;
pub mod write;

pub use probe::is_form;
pub use read::{read_form, FormRow, FormText};
pub use record::evidence_yaml;
pub use verify::check_against_set;
pub use write::{write_form, FormFill};

use crate::i18n::{form as words, Text};

/// What the header's kind cell holds: a parindex evidence form.
pub const KIND: &str = "evidence-form";
/// The form's layout version (the header's first cell).
pub const VERSION: u32 = 1;

/// Header rows (0-based): label in column A, value in column B.
pub const ROW_TITLE: u32 = 0;
pub const ROW_VERSION: u32 = 1;
pub const ROW_KIND: u32 = 2;
pub const ROW_CRITERIA: u32 = 3;
pub const ROW_SET_ID: u32 = 4;
pub const ROW_SHA256: u32 = 5;
pub const ROW_UNIT: u32 = 6;
pub const ROW_PERIOD: u32 = 7;
/// The column headings; criteria start on the row after.
pub const ROW_HEADINGS: u32 = 9;
pub const FIRST_ROW: u32 = ROW_HEADINGS + 1;

/// Columns (0-based).
pub const COL_CODE: u16 = 0;
pub const COL_TITLE: u16 = 1;
pub const COL_MAX: u16 = 2;
pub const COL_HOW: u16 = 3;
pub const COL_VALUE: u16 = 4;
pub const COL_APPRAISED: u16 = 5;
pub const COL_REASON: u16 = 6;
pub const COL_EXPLANATION: u16 = 7;
pub const COL_REAPPRAISED: u16 = 8;
pub const COL_REAPPRAISAL_REASON: u16 = 9;
pub const COL_NOTE: u16 = 10;
pub const COL_DOCS: u16 = 11;
/// Hidden: what the row's value cells take (`rate`, `number`, …; `group` for a row with
/// sub-criteria), so that a number in a rate row is read as the rate Excel shows.
pub const COL_TAKES: u16 = 12;
pub const LAST_COL: u16 = COL_TAKES;

/// The column headings in order, A to L.
pub const HEADINGS: [Text; 12] = [
    words::CODE,
    words::CRITERION,
    words::MAX,
    words::HOW,
    words::SELF,
    words::APPRAISED,
    words::REASON,
    words::EXPLANATION,
    words::REAPPRAISED,
    words::REAPPRAISAL_REASON,
    words::NOTE,
    words::DOCS,
];

/// The most rows a form may have: a national set has a few hundred criteria.
pub const MAX_ROWS: u32 = 5_000;

/// `E12` for row 11, column 4 (0-based).
pub fn cell_name(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}
