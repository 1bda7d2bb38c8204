//! Writes the self-assessment form for a criteria set, empty or filled from an evidence file.

use super::*;
use crate::i18n::{form as words, words as common, Lang};
use crate::model::{CriteriaSet, Evidence, IfNa, SectionKind, Value, ValueKind};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, FormatBorder, Workbook, XlsxError};

/// What to put in a form beyond the set: the unit and period to pre-fill, an evidence file's
/// values (`parindex convert`), and the language of its words.
#[derive(Debug, Clone, Copy, Default)]
pub struct FormFill<'a> {
    pub unit: Option<&'a str>,
    pub period: Option<&'a str>,
    /// Its values, reasons, notes and documents are written into the rows (it must be bound
    /// to the same set).
    pub evidence: Option<&'a Evidence>,
    pub lang: Lang,
}

/// What a row's value cells take, as the hidden column says.
pub(super) fn takes_name(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Boolean => "yes-no",
        ValueKind::Rate => "rate",
        ValueKind::Number => "number",
        ValueKind::Count => "count",
        ValueKind::Label => "label",
    }
}

/// Column B of a criterion's row: its title, indented by depth, a bonus or penalty section's
/// kind after it unless its title says so ([`common::marked_title`], as every other output).
/// The reader compares it with the row's code (a code edited would move a value).
pub(super) fn row_title(node: &crate::model::Criterion, lang: Lang) -> String {
    fit(&format!(
        "{}{}",
        "  ".repeat(node.depth),
        common::marked_title(lang, node)
    ))
}

/// Every title column B may hold for `node`, ends trimmed: either language's, and a bonus or
/// penalty section's as earlier forms wrote it, always marked ("Điểm thưởng (điểm thưởng)"),
/// so that a form filled in before still reads.
pub(super) fn row_titles(node: &crate::model::Criterion) -> Vec<String> {
    let mut titles: Vec<String> = [Lang::En, Lang::Vi]
        .map(|lang| row_title(node, lang).trim().to_string())
        .into();
    let mark = match node.kind {
        SectionKind::Bonus => Some(words::BONUS),
        SectionKind::Penalty => Some(words::PENALTY),
        SectionKind::Scored => None,
    };
    if let Some(mark) = mark.filter(|_| node.depth == 0) {
        for lang in [Lang::En, Lang::Vi] {
            let old = format!("{} ({})", node.title, lang.t(mark));
            titles.push(fit(&old).trim().to_string());
        }
    }
    titles
}

/// Column widths (characters), A to L.
const WIDTHS: [f64; 12] = [
    24.0, 50.0, 8.0, 40.0, 14.0, 14.0, 28.0, 28.0, 14.0, 28.0, 28.0, 32.0,
];

/// The lines `text` takes in a column `width` characters wide, wrapped.
fn lines(text: &str, width: f64) -> usize {
    let per_line = (width * 0.95).max(1.0) as usize;
    text.split('\n')
        .map(|l| l.chars().count().div_ceil(per_line).max(1))
        .sum()
}

/// The most characters a cell holds (Excel's limit).
const CELL_CHARS: usize = 32_767;

fn fit(s: &str) -> String {
    if s.chars().count() <= CELL_CHARS {
        s.to_string()
    } else {
        s.chars().take(CELL_CHARS).collect()
    }
}

/// The form for `set` as xlsx bytes. `criteria_ref` is what the form names its set by (an
/// embedded id, or a path relative to where the form is saved), as an evidence file's
/// `criteria:` does.
pub fn write_form(
    set: &CriteriaSet,
    criteria_ref: &str,
    fill: &FormFill,
) -> Result<Vec<u8>, XlsxError> {
    let lang = fill.lang;
    let mut book = Workbook::new();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_creation_datetime(&crate::render::xlsx::creation_date()?),
    );
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
    };
    let title = Format::new().set_bold().set_font_size(14);
    let label = Format::new().set_bold();
    let fixed = border(Format::new());
    let heading = border(
        Format::new()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color("DDEBF7"),
    );
    let group = border(Format::new().set_bold().set_background_color("F2F2F2"));
    let points = border(Format::new().set_num_format("0.###"));
    let group_points = border(
        Format::new()
            .set_bold()
            .set_num_format("0.###")
            .set_background_color("F2F2F2"),
    );
    let open = border(Format::new().set_unlocked().set_background_color("FFF2CC"));
    let open_rate = border(
        Format::new()
            .set_unlocked()
            .set_num_format("0.00%")
            .set_background_color("FFF2CC"),
    );
    let open_header = Format::new()
        .set_unlocked()
        .set_background_color("FFF2CC")
        .set_border(FormatBorder::Thin);

    // The choices' labels, one column per criterion, for the drop-downs: an inline list is
    // split by Excel at every comma (“Đầy đủ, đúng hạn” would be two choices) and holds at
    // most 255 characters. Hidden and locked: the form's own, not the unit's.
    let mut lists = rust_xlsxwriter::Worksheet::new();
    lists.set_name(lang.t(words::SHEET_LISTS))?;
    let mut list_col: u16 = 0;
    let sheet = book.add_worksheet();
    sheet.set_name(lang.t(words::SHEET_FORM))?;
    let heading_text = format!("{}: {}", lang.t(words::TITLE), set.title);
    sheet.merge_range(
        ROW_TITLE,
        0,
        ROW_TITLE,
        COL_DOCS,
        &fit(&heading_text),
        &title,
    )?;
    // What ties the form to its set (locked), then what the unit fills in.
    let fixed_header = [
        (ROW_VERSION, words::FORMAT, VERSION.to_string()),
        (ROW_KIND, words::KIND, KIND.to_string()),
        (ROW_CRITERIA, words::CRITERIA, criteria_ref.to_string()),
        (ROW_SET_ID, words::SET_ID, set.id.clone()),
        (ROW_SHA256, words::SHA256, set.sha256.clone()),
    ];
    for (row, text, value) in fixed_header {
        sheet.write_string_with_format(row, 0, lang.t(text), &label)?;
        sheet.write_string(row, COL_TITLE, fit(&value))?;
    }
    sheet.write_string_with_format(ROW_UNIT, 0, lang.t(words::UNIT), &label)?;
    sheet.write_string_with_format(ROW_PERIOD, 0, lang.t(words::PERIOD), &label)?;
    let unit = fill
        .evidence
        .map(|e| e.unit.as_str())
        .or(fill.unit)
        .unwrap_or("");
    let period = fill
        .evidence
        .map(|e| e.period.as_str())
        .or(fill.period)
        .unwrap_or("");
    sheet.write_string_with_format(ROW_UNIT, COL_TITLE, fit(unit), &open_header)?;
    sheet.write_string_with_format(ROW_PERIOD, COL_TITLE, fit(period), &open_header)?;

    for (col, text) in HEADINGS.iter().enumerate() {
        sheet.write_string_with_format(ROW_HEADINGS, col as u16, lang.t(*text), &heading)?;
    }
    sheet.write_string(ROW_HEADINGS, COL_TAKES, "parindex")?;

    sheet.set_row_height(ROW_HEADINGS, 45)?;
    for (row, (i, node)) in (FIRST_ROW..).zip(set.nodes.iter().enumerate()) {
        let title_text = row_title(node, lang);
        let max = node.max.to_string().parse::<f64>().unwrap_or(0.0);
        let mut tall = lines(&title_text, WIDTHS[COL_TITLE as usize]);
        match &node.rule {
            None => {
                sheet.write_string_with_format(row, COL_CODE, &node.code, &group)?;
                sheet.write_string_with_format(row, COL_TITLE, fit(&title_text), &group)?;
                sheet.write_number_with_format(row, COL_MAX, max, &group_points)?;
                for col in COL_HOW..=COL_DOCS {
                    sheet.write_blank(row, col, &group)?;
                }
                sheet.write_string(row, COL_TAKES, "group")?;
            }
            Some(rule) => {
                let kind = rule.takes();
                sheet.write_string_with_format(row, COL_CODE, &node.code, &fixed)?;
                sheet.write_string_with_format(row, COL_TITLE, fit(&title_text), &fixed)?;
                sheet.write_number_with_format(row, COL_MAX, max, &points)?;
                let how = format!(
                    "{}\n{}",
                    words::how_scored(lang, rule, node.max),
                    words::how_written(lang, kind, node.if_na)
                );
                sheet.write_string_with_format(row, COL_HOW, fit(&how), &fixed)?;
                tall = tall.max(lines(&how, WIDTHS[COL_HOW as usize]));
                sheet.write_string(row, COL_TAKES, takes_name(kind))?;
                let value_format = if kind == ValueKind::Rate {
                    &open_rate
                } else {
                    &open
                };
                for col in COL_VALUE..=COL_DOCS {
                    let f = match col {
                        COL_VALUE | COL_APPRAISED | COL_REAPPRAISED => value_format,
                        _ => &open,
                    };
                    sheet.write_blank(row, col, f)?;
                }
                // Drop-down lists where the values are words: yes/no and a choice's labels,
                // with n/a only where the set allows it. A list longer than Excel's 255
                // characters is left out: the labels are in “How it is scored”.
                let na = node.if_na != IfNa::Forbid;
                let list: Option<Vec<String>> = match rule {
                    crate::model::Rule::YesNo => Some(vec![
                        lang.t(common::YES).to_string(),
                        lang.t(common::NO).to_string(),
                    ]),
                    crate::model::Rule::Choice(c) => {
                        Some(c.options.iter().map(|o| o.label.to_string()).collect())
                    }
                    _ if na => Some(Vec::new()),
                    _ => None,
                };
                if let Some(mut list) = list {
                    if na {
                        list.push("n/a".into());
                    }
                    // Values that are numbers (rates, counts) keep free typing: the list
                    // then only offers n/a.
                    let strict = matches!(kind, ValueKind::Boolean | ValueKind::Label);
                    let validation = if matches!(rule, crate::model::Rule::Choice(_)) {
                        // Row 1 names the criterion; its labels follow, exactly as written.
                        lists.write_string(0, list_col, &node.code)?;
                        for (r, label) in (1..).zip(&list) {
                            lists.write_string(r, list_col, fit(label))?;
                        }
                        let range = list_range(lang.t(words::SHEET_LISTS), list_col, list.len());
                        list_col += 1;
                        Ok(DataValidation::new()
                            .allow_list_formula(rust_xlsxwriter::Formula::new(range)))
                    } else {
                        DataValidation::new().allow_list_strings(&list)
                    };
                    if let Ok(mut v) = validation {
                        if strict {
                            v = v.set_error_message(lang.t(words::NOT_IN_LIST))?;
                        } else {
                            // Rates and numbers are typed: the list only offers n/a.
                            v = v.show_error_message(false);
                        }
                        for col in [COL_VALUE, COL_APPRAISED, COL_REAPPRAISED] {
                            sheet.add_data_validation(row, col, row, col, &v)?;
                        }
                    }
                }
                if let Some(entry) = fill.evidence.and_then(|e| e.entries[i].as_ref()) {
                    let mut value = |col: u16, v: Option<&Value>| -> Result<(), XlsxError> {
                        match v {
                            Some(v) => write_value(sheet, row, col, v, lang, value_format),
                            None => Ok(()),
                        }
                    };
                    value(COL_VALUE, entry.value.as_ref())?;
                    value(COL_APPRAISED, entry.appraised.as_ref())?;
                    value(COL_REAPPRAISED, entry.reappraised())?;
                    let texts = [
                        (COL_REASON, entry.reason.clone()),
                        (COL_EXPLANATION, entry.explanation().map(str::to_string)),
                        (
                            COL_REAPPRAISAL_REASON,
                            entry.reappraisal_reason().map(str::to_string),
                        ),
                        (COL_NOTE, entry.note.clone()),
                        (
                            COL_DOCS,
                            (!entry.docs.is_empty()).then(|| entry.docs.join("\n")),
                        ),
                    ];
                    for (col, text) in texts {
                        if let Some(t) = text {
                            tall = tall.max(lines(&t, WIDTHS[col as usize]));
                            sheet.write_string_with_format(row, col, fit(&t), &open)?;
                        }
                    }
                }
            }
        }
        // Neither Excel nor LibreOffice fits a row to wrapped text on opening: each row is
        // given the height of its longest text (capped, the rest scrolls in the cell).
        sheet.set_row_height(row, 15.0 * tall.min(12) as f64)?;
    }
    for (col, w) in WIDTHS.iter().enumerate() {
        sheet.set_column_width(col as u16, *w)?;
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(ROW_HEADINGS, ROW_HEADINGS)?;
    sheet.set_column_hidden(COL_TAKES)?;
    sheet.set_freeze_panes(FIRST_ROW, COL_VALUE)?;
    sheet.set_landscape();
    // Locked, so that codes, maxima and the header stay what the set says; rows and columns
    // may still be resized to read long texts.
    sheet.protect_with_options(&rust_xlsxwriter::ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..Default::default()
    });

    let guide = book.add_worksheet();
    guide.set_name(lang.t(words::SHEET_GUIDE))?;
    guide.set_column_width(0, 90)?;
    guide.set_print_fit_to_pages(1, 0);
    let wrap = Format::new().set_text_wrap();
    for (r, text) in words::GUIDE.iter().enumerate() {
        let f = if r == 0 { &title } else { &wrap };
        guide.write_string_with_format(r as u32, 0, lang.t(*text), f)?;
        let tall = lines(lang.t(*text), 90.0) as f64;
        guide.set_row_height(r as u32, if r == 0 { 24.0 } else { 15.0 * tall + 4.0 })?;
    }
    if list_col > 0 {
        lists.set_hidden(true);
        lists.protect();
        book.push_worksheet(lists);
    }
    book.save_to_buffer()
}

/// The absolute range of `len` labels in column `col` of the sheet `sheet`, from row 2:
/// `='Danh sách'!$A$2:$A$4`.
fn list_range(sheet: &str, col: u16, len: usize) -> String {
    let c = rust_xlsxwriter::utility::column_number_to_name(col);
    format!(
        "='{}'!${c}$2:${c}${}",
        sheet.replace('\'', "''"),
        len.max(1) + 1
    )
}

/// Writes a value so that the reader gives back the same text: a number cell where Excel's
/// double reads back as the value's own digits, text otherwise (counts, labels, `97.30%`).
fn write_value(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    v: &Value,
    lang: Lang,
    format: &Format,
) -> Result<(), XlsxError> {
    let as_number = |text: String, rate: bool| -> Option<f64> {
        let number = if rate {
            text.strip_suffix('%')?
                .parse::<rust_decimal::Decimal>()
                .ok()?
                / rust_decimal::Decimal::ONE_HUNDRED
        } else {
            text.parse::<rust_decimal::Decimal>().ok()?
        };
        let f: f64 = number.to_string().parse().ok()?;
        (super::read::number_text(f, rate).as_deref() == Some(text.as_str())).then_some(f)
    };
    let text = match v {
        Value::Boolean(b) => lang
            .t(if *b { common::YES } else { common::NO })
            .to_string(),
        Value::Rate {
            num, percent: true, ..
        } => {
            let text = format!("{num}%");
            if let Some(f) = as_number(text.clone(), true) {
                sheet.write_number_with_format(row, col, f, format)?;
                return Ok(());
            }
            text
        }
        Value::Number(n) => {
            let text = n.to_string();
            if let Some(f) = as_number(text.clone(), false) {
                sheet.write_number_with_format(row, col, f, format)?;
                return Ok(());
            }
            text
        }
        other => other.show(),
    };
    sheet.write_string_with_format(row, col, fit(&text), format)?;
    Ok(())
}
