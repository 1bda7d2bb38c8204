//! The Excel self-assessment form (`template --format xlsx`): sheet names, the header block,
//! the column headings, how each rule scores, and the instructions sheet.
//!
//! Sheet names and header labels are read back in either language, so a form written with
//! `--lang en` and one written with `--lang vi` are both forms.

use super::{text, Lang, Text};
use crate::diag::Message;
use crate::model::{Bound, IfNa, Rule, TierScale, ValueKind};
use rust_decimal::Decimal;

pub const SHEET_FORM: Text = text("Self-assessment", "Tự đánh giá");
pub const SHEET_GUIDE: Text = text("Instructions", "Hướng dẫn");
/// Hidden: the labels of each choice criterion, the drop-downs' source.
pub const SHEET_LISTS: Text = text("Lists", "Danh sách");
pub const TITLE: Text = text(
    "PAR INDEX SELF-ASSESSMENT FORM",
    "PHIẾU TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
);

// The header block, one label per row.
pub const FORMAT: Text = text("parindex form version", "Phiên bản mẫu parindex");
pub const KIND: Text = text("Kind of file", "Loại tệp");
pub const CRITERIA: Text = text("Criteria set (reference)", "Bộ tiêu chí (tham chiếu)");
pub const SET_ID: Text = text("Criteria set id", "Mã bộ tiêu chí");
pub const SHA256: Text = text("SHA-256 of the criteria set", "SHA-256 của bộ tiêu chí");
pub const UNIT: Text = text("Unit", "Đơn vị");
pub const PERIOD: Text = text("Period", "Kỳ đánh giá");

// Column headings.
pub const CODE: Text = text("Code", "Mã số");
pub const CRITERION: Text = text("Criterion", "Tiêu chí, tiêu chí thành phần");
pub const MAX: Text = text("Max points", "Điểm tối đa");
pub const HOW: Text = text("How it is scored", "Cách chấm điểm");
pub const SELF: Text = text("Self-assessment", "Tự đánh giá");
pub const APPRAISED: Text = text("Appraised", "Thẩm định");
pub const REASON: Text = text("Reason for the appraisal", "Lý do điểm thẩm định");
pub const EXPLANATION: Text = text("Unit's explanation", "Giải trình của đơn vị");
pub const REAPPRAISED: Text = text("Second appraisal", "Thẩm định lần 2");
pub const REAPPRAISAL_REASON: Text =
    text("Reason for the second appraisal", "Lý do thẩm định lần 2");
pub const NOTE: Text = text("Notes", "Ghi chú");
pub const DOCS: Text = text(
    "Evidence documents (one a line)",
    "Tài liệu kiểm chứng (mỗi tài liệu một dòng)",
);

/// A bonus or penalty section's mark as forms before marked_title wrote it: still read.
pub const BONUS: Text = text("bonus points", "điểm thưởng");
pub const PENALTY: Text = text("penalty points", "điểm trừ");

/// The drop-down's message when a typed value is not in the list.
pub const NOT_IN_LIST: Text = text(
    "Choose a value from the list.",
    "Chọn một giá trị trong danh sách.",
);

/// The instructions sheet, one paragraph a row.
pub const GUIDE: [Text; 11] = [
    text(
        "How to fill in the self-assessment form",
        "Hướng dẫn điền phiếu tự đánh giá",
    ),
    text(
        "1. Write the unit and the period in the header block of the sheet “Self-assessment”. The other header cells tie the form to its criteria set: do not change them; a form scored against another criteria set is refused.",
        "1. Ghi tên đơn vị và kỳ đánh giá ở phần đầu của trang “Tự đánh giá”. Các ô còn lại ở phần đầu gắn phiếu với bộ tiêu chí: không sửa các ô này; phiếu chấm theo bộ tiêu chí khác sẽ bị từ chối.",
    ),
    text(
        "2. One row per criterion that is scored (tiêu chí thành phần). Write the unit's value in the column “Self-assessment”; the column “How it is scored” says what the rule takes.",
        "2. Mỗi tiêu chí thành phần được chấm điểm là một dòng. Ghi giá trị tự đánh giá của đơn vị vào cột “Tự đánh giá”; cột “Cách chấm điểm” cho biết cách tính điểm.",
    ),
    text(
        "3. Yes/no criteria and labelled criteria: choose from the drop-down list. “n/a” (the matter did not arise) is offered only where the criteria set allows it.",
        "3. Tiêu chí có/không và tiêu chí chọn mức: chọn trong danh sách thả xuống. “n/a” (không phát sinh) chỉ có trong danh sách ở tiêu chí mà bộ tiêu chí cho phép.",
    ),
    text(
        "4. Rates: type a percentage in the cell (97.29%; the cell is formatted as a percentage), or counts as “done/total” typed as text with a leading apostrophe ('4290/4500), because Excel turns 12/12 typed plainly into a date. A number typed as text keeps every digit and is written with a decimal point (97.29%, not 97,29%); a number typed as a number is read as Excel stores it, to the shortest decimal that gives the same number.",
        "4. Tỷ lệ: nhập tỷ lệ phần trăm vào ô (ô đã định dạng phần trăm), hoặc số liệu dạng “số đạt/tổng số” nhập dạng văn bản, có dấu nháy đơn ở đầu ('4290/4500), vì nếu nhập 12/12 trực tiếp, Excel sẽ đổi thành ngày tháng. Số nhập dạng văn bản được giữ đủ mọi chữ số và viết với dấu chấm thập phân (97.29%, không viết 97,29%); số nhập dạng số được đọc như Excel lưu, theo số thập phân ngắn nhất cho cùng giá trị.",
    ),
    text(
        "5. Counts, means and points: type the number. Counts of cases are whole numbers.",
        "5. Số lượng, điểm trung bình và điểm: nhập số. Số trường hợp là số nguyên.",
    ),
    text(
        "6. The appraisal council writes its value in “Appraised” with the reason; after the unit's explanation, the second appraisal and its reason.",
        "6. Hội đồng thẩm định ghi giá trị vào cột “Thẩm định” kèm lý do; sau khi đơn vị giải trình, ghi điểm thẩm định lần 2 và lý do.",
    ),
    text(
        "7. List the evidence documents (tài liệu kiểm chứng), one a line (Alt+Enter in a cell).",
        "7. Ghi các tài liệu kiểm chứng, mỗi tài liệu một dòng (Alt+Enter trong ô).",
    ),
    text(
        "8. Do not type formulas in the value cells: a value is what the unit declares, and a formula is refused.",
        "8. Không nhập công thức vào các ô giá trị: giá trị là số liệu đơn vị kê khai, ô có công thức sẽ bị từ chối.",
    ),
    text(
        "9. Check and score the filled form: parindex check form.xlsx; parindex score form.xlsx. Each problem is named by its sheet and cell.",
        "9. Kiểm tra và chấm điểm phiếu đã điền: parindex check phieu.xlsx; parindex score phieu.xlsx. Mỗi lỗi được chỉ rõ trang và ô.",
    ),
    text(
        "10. To keep the record in git: parindex convert form.xlsx -o evidence.yaml.",
        "10. Để lưu hồ sơ bằng git: parindex convert phieu.xlsx -o tu-danh-gia.yaml.",
    ),
];

fn points(lang: Lang, d: Decimal) -> String {
    let n = lang.number(d);
    match lang {
        Lang::En if d == Decimal::ONE => format!("{n} point"),
        Lang::En => format!("{n} points"),
        Lang::Vi => format!("{n} điểm"),
    }
}

/// A fraction (0.9) as a percentage (90% / 90%).
fn rate(lang: Lang, fraction: Decimal) -> String {
    format!(
        "{}%",
        lang.number((fraction * Decimal::ONE_HUNDRED).normalize())
    )
}

/// How a leaf scores, in words, for the form's column “How it is scored”.
pub fn how_scored(lang: Lang, rule: &Rule, max: Decimal) -> String {
    let m = points(lang, max);
    match (rule, lang) {
        (Rule::YesNo, Lang::En) => format!("yes: {m}; no: 0"),
        (Rule::YesNo, Lang::Vi) => format!("Có: {m}; không: 0 điểm"),
        (Rule::Ratio(r), _) if *r == crate::model::Ratio::default() => match lang {
            Lang::En => format!("{m} × the rate achieved"),
            Lang::Vi => format!("{m} × tỷ lệ đạt được"),
        },
        (Rule::Ratio(r), _) => {
            let (zero, full) = (rate(lang, r.zero_below), rate(lang, r.full_at));
            let of = if r.invert {
                match lang {
                    Lang::En => " (on 100% less the rate)",
                    Lang::Vi => " (tính trên 100% trừ tỷ lệ)",
                }
            } else {
                ""
            };
            match (lang, r.lower_is_better()) {
                // From 0%, nothing scores 0 but 0% itself: "0 below 0%" would say nothing.
                (Lang::En, false) if r.zero_below.is_zero() => format!("{m} from {full}, proportional below{of}"),
                (Lang::Vi, false) if r.zero_below.is_zero() => format!("{m} khi tỷ lệ từ {full} trở lên, dưới mức đó tính theo tỷ lệ{of}"),
                (Lang::En, true) => format!("{m} at or below {full}, 0 from {zero}, proportional between{of}"),
                (Lang::En, false) => format!("0 below {zero}, {m} from {full}, proportional between{of}"),
                (Lang::Vi, true) => format!("{m} khi tỷ lệ từ {full} trở xuống, 0 điểm khi từ {zero} trở lên, tính tỷ lệ ở khoảng giữa{of}"),
                (Lang::Vi, false) => format!("0 điểm khi tỷ lệ dưới {zero}, {m} khi từ {full} trở lên, tính tỷ lệ ở khoảng giữa{of}"),
            }
        }
        (Rule::Tiers(t), _) => {
            let steps: Vec<String> = t
                .steps
                .iter()
                .map(|s| {
                    let th = match t.scale {
                        TierScale::Rate => rate(lang, s.threshold),
                        TierScale::Number => lang.number(s.threshold),
                    };
                    let bound = match (lang, s.bound) {
                        (Lang::En, Bound::AtLeast) => "at least",
                        (Lang::En, Bound::Above) => "above",
                        (Lang::En, Bound::AtMost) => "at most",
                        (Lang::En, Bound::Below) => "below",
                        (Lang::Vi, Bound::AtLeast) => "từ",
                        (Lang::Vi, Bound::Above) => "trên",
                        (Lang::Vi, Bound::AtMost) => "không quá",
                        (Lang::Vi, Bound::Below) => "dưới",
                    };
                    format!("{bound} {th}: {}", points(lang, s.points))
                })
                .collect();
            let otherwise = match lang {
                Lang::En => "otherwise 0",
                Lang::Vi => "còn lại: 0 điểm",
            };
            format!("{}; {otherwise}", steps.join("; "))
        }
        (Rule::Deduct { per }, Lang::En) => {
            format!("{m}, less {} per case, not below 0", points(lang, *per))
        }
        (Rule::Deduct { per }, Lang::Vi) => format!(
            "{m}, trừ {} cho mỗi trường hợp, không dưới 0",
            points(lang, *per)
        ),
        (Rule::Points, Lang::En) => format!("a mark from 0 to {m}"),
        (Rule::Points, Lang::Vi) => format!("chấm trực tiếp từ 0 đến {m}"),
        (Rule::Linear(l), _) => {
            let (zero, full) = (lang.number(l.zero_at), lang.number(l.full_at));
            match lang {
                Lang::En => format!("0 at {zero}, {m} at {full}, proportional between"),
                Lang::Vi => format!("0 điểm tại {zero}, {m} tại {full}, tính tỷ lệ ở khoảng giữa"),
            }
        }
        (Rule::Choice(c), _) => c
            .options
            .iter()
            .map(|o| format!("{}: {}", o.label, points(lang, o.points)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// What to write in the value cell, and where n/a is allowed what it does.
pub fn how_written(lang: Lang, kind: ValueKind, if_na: IfNa) -> String {
    let what = match (lang, kind) {
        (Lang::En, ValueKind::Boolean) => "Choose yes or no.",
        (Lang::Vi, ValueKind::Boolean) => "Chọn có hoặc không.",
        // A rate typed as text takes a decimal point (97,29% as text is refused), and a
        // fraction typed plainly becomes a date in Excel: hence the apostrophe.
        (Lang::En, ValueKind::Rate) => {
            "Type a percentage (97.29%) or counts “done/total” as text with a leading apostrophe ('4290/4500): Excel turns 12/12 into a date."
        }
        (Lang::Vi, ValueKind::Rate) => {
            "Nhập tỷ lệ phần trăm (ô đã định dạng %; nếu nhập dạng văn bản thì dùng dấu chấm thập phân: 97.29%) hoặc “số đạt/tổng số” dạng văn bản, có dấu nháy đơn ở đầu ('4290/4500): Excel đổi 12/12 thành ngày tháng."
        }
        (Lang::En, ValueKind::Number) => "Type a number.",
        (Lang::Vi, ValueKind::Number) => "Nhập số.",
        (Lang::En, ValueKind::Count) => "Type the number of cases, a whole number (0, 1, 2…).",
        (Lang::Vi, ValueKind::Count) => "Nhập số trường hợp, là số nguyên (0, 1, 2…).",
        (Lang::En, ValueKind::Label) => "Choose a level from the list.",
        (Lang::Vi, ValueKind::Label) => "Chọn một mức trong danh sách.",
    };
    let na = match (lang, if_na) {
        (_, IfNa::Forbid) => "",
        (Lang::En, IfNa::Full) => " “n/a” if the matter did not arise: full points.",
        (Lang::Vi, IfNa::Full) => " “n/a” nếu không phát sinh: được đủ điểm.",
        (Lang::En, IfNa::Exclude) => {
            " “n/a” if the matter did not arise: the criterion leaves the scoring."
        }
        (Lang::Vi, IfNa::Exclude) => {
            " “n/a” nếu không phát sinh: tiêu chí không tính vào điểm tối đa."
        }
    };
    format!("{what}{na}")
}

// Diagnostics of a form read back (E601–E605): messages and hints in both languages. What a
// library says of a damaged file (`detail`) is its own text, bounded, in English.

pub const SAVE_AS_XLSX: Text = text(
    "save the form from Excel or LibreOffice as an Excel workbook (.xlsx)",
    "hãy lưu phiếu từ Excel hoặc LibreOffice dưới dạng sổ tính Excel (.xlsx)",
);
pub const FORM_IS_SMALL: Text = text(
    "a self-assessment form unpacks to well under 1 MiB: this is not one",
    "phiếu tự đánh giá giải nén ra chưa đến 1 MiB: tệp này không phải phiếu",
);
pub fn unreadable_workbook(detail: &str) -> Message {
    Message::new(
        format!("not a workbook parindex can read: {detail}"),
        format!("không phải sổ tính mà parindex đọc được: {detail}"),
    )
}
pub fn no_form_sheet(vi: &str, en: &str, sheets: &str) -> Message {
    Message::new(
        format!("no sheet named “{vi}” or “{en}”: its sheets are {sheets}"),
        format!("không có trang tính tên “{vi}” hoặc “{en}”: các trang tính của tệp là {sheets}"),
    )
}
pub const KEEP_SHEET_NAMES: Text = text(
    "write the form with `parindex template CRITERIA --format xlsx` and fill it in without renaming its sheets",
    "hãy lập phiếu bằng `parindex template CRITERIA --format xlsx` và điền vào mà không đổi tên các trang tính",
);
pub fn cell_outside(last_col: &str, max_rows: u32) -> Message {
    Message::new(
        format!("a cell lies outside the form (columns A–{last_col}, at most {max_rows} rows)"),
        format!("có ô nằm ngoài phiếu (cột A–{last_col}, tối đa {max_rows} dòng)"),
    )
}
pub const CLEAR_OUTSIDE: Text = text(
    "clear the cells beyond the form's rows and columns",
    "hãy xoá các ô nằm ngoài các dòng và cột của phiếu",
);
pub fn unreadable_sheet(sheet: &str, detail: &str) -> Message {
    Message::new(
        format!("the sheet “{sheet}” cannot be read: {detail}"),
        format!("không đọc được trang tính “{sheet}”: {detail}"),
    )
}
pub const FORMULA: Text = text("the cell holds a formula", "ô chứa công thức");
pub const FORMULA_HELP: Text = text(
    "type the value itself: a form holds what the unit declares, not a calculation",
    "hãy nhập chính giá trị: phiếu ghi số liệu đơn vị kê khai, không ghi phép tính",
);
pub const DATE_CELL: Text = text("the cell holds a date or a time", "ô chứa ngày hoặc giờ");
pub const DATE_CELL_HELP: Text = text(
    "format the cell as a number, a percentage or text, and type the value again",
    "hãy định dạng ô là số, tỷ lệ phần trăm hoặc văn bản, rồi nhập lại giá trị",
);
pub fn error_value(e: &str) -> Message {
    Message::new(
        format!("the cell holds the error value {e}"),
        format!("ô chứa giá trị lỗi {e}"),
    )
}
pub const ERROR_VALUE_HELP: Text = text(
    "type the value itself in place of the calculation that failed",
    "hãy nhập chính giá trị thay cho phép tính bị lỗi",
);
pub fn cell_too_long(max: usize) -> Message {
    Message::new(
        format!("the cell holds more than the {max} characters Excel allows in a cell"),
        format!("ô chứa nhiều hơn {max} ký tự, mức tối đa Excel cho phép trong một ô"),
    )
}
pub const CELL_TOO_LONG_HELP: Text = text(
    "shorten the text: a reason or a note is a few sentences, and documents are listed by name",
    "hãy rút gọn nội dung: lý do hoặc ghi chú chỉ vài câu, tài liệu kiểm chứng chỉ ghi tên",
);
pub fn form_text_too_large(mib: usize) -> Message {
    Message::new(
        format!("the form's cells hold more than {mib} MiB of text up to this cell, the most a form or an evidence file may hold"),
        format!("các ô của biểu mẫu tính đến ô này chứa hơn {mib} MiB văn bản, quá mức tối đa của một biểu mẫu hay tệp số liệu kiểm chứng"),
    )
}
pub const FORM_TEXT_TOO_LARGE_HELP: Text = text(
    "a form holds a few dozen KiB of text; is this the right workbook? (a cell that repeats another's long text counts it again)",
    "một biểu mẫu chỉ chứa vài chục KiB văn bản; có đúng sổ tính không? (ô lặp lại văn bản dài của ô khác được tính thêm một lần)",
);
pub const NOT_A_ZIP: Text = text(
    "not an Excel workbook (.xlsx): the file is not a zip archive; its content is not shown",
    "không phải sổ tính Excel (.xlsx): tệp không phải tệp nén zip; nội dung tệp không được hiển thị",
);
pub fn too_many_members(members: usize, max: usize) -> Message {
    Message::new(
        format!("the workbook holds {members} files, more than the {max} a form may"),
        format!("sổ tính chứa {members} tệp, nhiều hơn mức {max} tệp của một phiếu"),
    )
}
pub fn damaged_zip(detail: &str) -> Message {
    Message::new(
        format!("the workbook's zip archive is damaged: {detail}"),
        format!("tệp nén zip của sổ tính bị hỏng: {detail}"),
    )
}
/// `declared`: what the table's `uniqueCount` says; `None`: more texts were found in it.
pub fn too_many_shared_strings(declared: Option<u64>, max: u64) -> Message {
    match declared {
        Some(n) => Message::new(
            format!("the workbook's shared-string table says it holds {n} texts, more than the {max} a form may"),
            format!("bảng chuỗi dùng chung của sổ tính ghi là chứa {n} chuỗi, nhiều hơn mức {max} của một phiếu"),
        ),
        None => Message::new(
            format!("the workbook's shared-string table holds more than the {max} texts a form may"),
            format!("bảng chuỗi dùng chung của sổ tính chứa hơn {max} chuỗi, mức tối đa của một phiếu"),
        ),
    }
}
pub fn unpacks_too_large(mib: u64) -> Message {
    Message::new(
        format!("the workbook unpacks to more than {mib} MiB: a form is far smaller"),
        format!("sổ tính giải nén ra hơn {mib} MiB, trong khi một phiếu nhỏ hơn nhiều"),
    )
}
pub const HEADER_HELP: Text = text(
    "the header block ties the form to its criteria set: write a new form with `parindex template CRITERIA --format xlsx` rather than editing these cells",
    "phần đầu phiếu gắn phiếu với bộ tiêu chí: hãy lập phiếu mới bằng `parindex template CRITERIA --format xlsx` thay vì sửa các ô này",
);
pub fn wrong_version(written: &str, version: u32) -> Message {
    Message::new(
        format!("the form's version is `{written}`; this parindex reads version {version}"),
        format!("phiên bản của phiếu là `{written}`; parindex này đọc phiên bản {version}"),
    )
}
pub fn no_version(version: u32) -> Message {
    Message::new(
        format!("the form's version cell is empty; this parindex reads version {version}"),
        format!("ô phiên bản của phiếu để trống; parindex này đọc phiên bản {version}"),
    )
}
pub fn wrong_kind(kind: &str) -> Message {
    Message::new(
        format!("the kind cell does not say `{kind}`: not a parindex self-assessment form"),
        format!("ô loại tệp không ghi `{kind}`: đây không phải phiếu tự đánh giá của parindex"),
    )
}
pub const NO_SET_NAMED: Text = text(
    "the form does not name its criteria set",
    "phiếu không ghi bộ tiêu chí",
);
pub const NO_SET_SHA256: Text = text(
    "the form does not give its criteria set's SHA-256",
    "phiếu không ghi mã SHA-256 của bộ tiêu chí",
);
pub const CODE_IS_NUMBER: Text = text(
    "the criterion code is a number",
    "mã tiêu chí được ghi dưới dạng số",
);
pub const CODE_IS_NUMBER_HELP: Text = text(
    "codes are text (`1.10` is not `1.1`): write a new form rather than retyping its codes",
    "mã tiêu chí là văn bản (`1.10` khác `1.1`): hãy lập phiếu mới thay vì gõ lại mã",
);
pub const ROW_WITHOUT_CODE: Text = text(
    "values on a row without a criterion code",
    "có giá trị trên dòng không có mã tiêu chí",
);
pub const ROW_WITHOUT_CODE_HELP: Text = text(
    "write each value on its criterion's row",
    "hãy ghi mỗi giá trị trên dòng của tiêu chí đó",
);
pub fn code_twice(code: &str, first_row: u32) -> Message {
    Message::new(
        format!("the code `{code}` is on two rows (first on row {first_row})"),
        format!("mã `{code}` có trên hai dòng (lần đầu ở dòng {first_row})"),
    )
}
pub const CODE_TWICE_HELP: Text = text(
    "keep one row per criterion: write its values on the first row and delete this one",
    "mỗi tiêu chí một dòng: hãy ghi giá trị trên dòng đầu và xoá dòng này",
);
pub fn other_set(form_sha: &str, set: &str, set_sha: &str) -> Message {
    Message::new(
        format!("the form was made for another criteria set: its SHA-256 is {form_sha}…, the set `{set}` loaded here has {set_sha}…"),
        format!("phiếu được lập cho bộ tiêu chí khác: mã SHA-256 của phiếu là {form_sha}…, còn bộ tiêu chí `{set}` dùng ở đây có mã {set_sha}…"),
    )
}
pub const OTHER_SET_HELP: Text = text(
    "write a new form for this criteria set (`parindex template CRITERIA --format xlsx`) and copy the values into it, or score the form with the set it was made for",
    "hãy lập phiếu mới cho bộ tiêu chí này (`parindex template CRITERIA --format xlsx`) rồi chép giá trị sang, hoặc chấm điểm phiếu theo đúng bộ tiêu chí đã dùng để lập phiếu",
);

// Diagnostics of the form reader written after the hostile review (issue 11): each a
// `Message` in both languages.

/// A workbook with two form sheets: which one is scored would be a guess.
pub fn two_form_sheets(first: &str, second: &str) -> Message {
    Message::new(
        format!("the workbook has two form sheets, “{first}” and “{second}”: parindex would not know which one is the unit's"),
        format!("sổ tính có hai trang phiếu, “{first}” và “{second}”: không xác định được trang nào là của đơn vị"),
    )
}
pub const TWO_FORM_SHEETS_HELP: Text = text(
    "keep one sheet “Tự đánh giá” (or “Self-assessment”): delete or rename the copy",
    "chỉ giữ một trang “Tự đánh giá” (hoặc “Self-assessment”): xoá hoặc đổi tên bản sao",
);

/// The form sheet is hidden: what is scored is not what the reader of the workbook sees.
pub fn form_sheet_hidden(sheet: &str) -> Message {
    Message::new(
        format!("the form sheet “{sheet}” is hidden: the values scored must be the ones a reader of the workbook sees"),
        format!("trang phiếu “{sheet}” bị ẩn: giá trị được chấm điểm phải là giá trị người đọc sổ tính nhìn thấy"),
    )
}
pub const FORM_SHEET_HIDDEN_HELP: Text = text(
    "unhide the sheet (right-click a sheet tab, Unhide) and check its values",
    "hiện lại trang (nhấp chuột phải vào thẻ trang, chọn Unhide/Bỏ ẩn) và kiểm tra các giá trị",
);

/// Cells with content in rows or columns the sheet hides.
pub fn hidden_cells(cells: &str, more: usize) -> Message {
    let (en_more, vi_more) = if more > 0 {
        (format!(" and {more} more"), format!(" và {more} ô khác"))
    } else {
        (String::new(), String::new())
    };
    Message::new(
        format!("values the sheet does not show as they are (in hidden rows or columns, under a merged cell, or behind a number format that shows other text): {cells}{en_more}; whoever reads the sheet cannot see what is scored"),
        format!("có giá trị trang phiếu không hiển thị đúng như nhập (trong hàng hoặc cột bị ẩn, bị ô gộp che, hoặc bị định dạng số hiển thị chữ khác): {cells}{vi_more}; người đọc trang phiếu không nhìn thấy giá trị được chấm điểm"),
    )
}
pub const HIDDEN_CELLS_HELP: Text = text(
    "unhide the rows and columns (select the sheet, then Unhide), check the values and save the form again",
    "bỏ ẩn các hàng và cột (chọn cả trang rồi chọn Unhide/Bỏ ẩn), kiểm tra các giá trị và lưu lại phiếu",
);

/// A row whose code and title are of two criteria of the set.
pub fn code_title_differ(
    code: &str,
    title: &str,
    title_of: &str,
    code_of: Option<&str>,
) -> Message {
    let (en_other, vi_other) = match code_of {
        Some(other) => (
            format!(", the title of {other}"),
            format!(", là tên của tiêu chí {other}"),
        ),
        None => (String::new(), String::new()),
    };
    Message::new(
        format!("the row's code is `{code}` but its title is “{title}”{en_other}; the set calls {code} “{title_of}”"),
        format!("dòng có mã số `{code}` nhưng tên là “{title}”{vi_other}; bộ tiêu chí gọi {code} là “{title_of}”"),
    )
}
pub const CODE_TITLE_DIFFER_HELP: Text = text(
    "codes and titles are the set's own: write a new form with `parindex template CRITERIA --format xlsx` and type the values on their rows",
    "mã số và tên tiêu chí lấy từ bộ tiêu chí: lập phiếu mới bằng `parindex template CRITERIA --format xlsx` rồi nhập giá trị vào đúng dòng",
);

/// A header cell that is not what the form wrote there.
pub fn header_cell_edited(expected: Text) -> Message {
    Message::new(
        format!(
            "the cell was edited: the form has “{}” here (“{}” in a Vietnamese form)",
            expected.en, expected.vi
        ),
        format!(
            "ô đã bị sửa: phiếu ghi “{}” tại ô này (“{}” ở phiếu tiếng Anh)",
            expected.vi, expected.en
        ),
    )
}
pub fn header_cell_filled() -> Message {
    Message::new(
        "the cell was filled in, but the form leaves it empty",
        "ô đã bị điền, nhưng phiếu để trống ô này",
    )
}
pub const HEADER_EDITED_HELP: Text = text(
    "the header and the column headings are the form's own: undo the edit, or write a new form with `parindex template CRITERIA --format xlsx`",
    "phần đầu phiếu và tiêu đề các cột do parindex ghi: hoàn tác chỉnh sửa, hoặc lập phiếu mới bằng `parindex template CRITERIA --format xlsx`",
);

/// A row's maximum (column C) is not the set's.
pub fn max_edited(given: &str, max: &str) -> Message {
    Message::new(
        format!("the max points cell says `{given}`, but the criteria set gives {max}"),
        format!("ô điểm tối đa ghi `{given}`, nhưng bộ tiêu chí quy định {max} điểm"),
    )
}

pub const MAX_EDITED_HELP: Text = text(
    "codes, titles and maxima are the set's own: undo the edit, or write a new form with `parindex template CRITERIA --format xlsx`",
    "mã số, tên tiêu chí và điểm tối đa lấy từ bộ tiêu chí: hoàn tác chỉnh sửa, hoặc lập phiếu mới bằng `parindex template CRITERIA --format xlsx`",
);

/// The set id cell does not name the set the form's SHA-256 is of.
pub fn set_id_differs(given: &str, id: &str) -> Message {
    Message::new(
        format!("the criteria set id cell says `{given}`, but the form was made for `{id}`"),
        format!("ô mã bộ tiêu chí ghi `{given}`, nhưng phiếu được lập cho bộ `{id}`"),
    )
}

/// A date in a rate row: Excel's reading of a fraction typed as 12/12.
pub const DATE_IN_RATE: Text = text(
    "the cell holds a date: Excel turned a fraction such as 12/12 into a date",
    "ô chứa ngày tháng: Excel đã đổi phân số như 12/12 thành ngày tháng",
);
pub const DATE_IN_RATE_HELP: Text = text(
    "type the fraction as text with a leading apostrophe ('4290/4500), or the percentage (97.29%)",
    "nhập phân số dạng văn bản, có dấu nháy đơn ở đầu ('4290/4500), hoặc nhập tỷ lệ phần trăm (97.29%)",
);

// The workbook's parts as Excel writes them (form/structure.rs).

pub fn parts_named_alike(first: &str, second: &str) -> Message {
    Message::new(
        format!("the workbook holds two parts named `{first}` and `{second}`, one name but for case: readers would differ on which to read"),
        format!("sổ tính chứa hai phần tên `{first}` và `{second}`, chỉ khác chữ hoa chữ thường: các trình đọc sẽ lấy khác nhau"),
    )
}
pub fn part_not_as_excel_writes(part: &str, detail: &Message) -> Message {
    Message::new(
        format!(
            "the workbook's part `{part}` is not XML as Excel writes it: {}",
            detail.en
        ),
        format!(
            "phần `{part}` của sổ tính không phải XML như Excel ghi: {}",
            detail.vi.as_deref().unwrap_or(&detail.en)
        ),
    )
}
/// What the XML reader said (its own words, in English only), bounded.
pub fn xml_error(detail: &str) -> Message {
    Message {
        en: crate::diag::bounded(detail).to_string(),
        vi: None,
    }
}
pub const TEXT_BEFORE_DECLARATION: Text = text(
    "text before the XML declaration",
    "có văn bản đứng trước khai báo XML",
);
pub const DOCUMENT_TYPE: Text = text("a document type (DTD)", "có khai báo kiểu tài liệu (DTD)");
pub const MARKUP_IN_VALUE: Text = text(
    "a comment, CDATA section or processing instruction inside a cell's value",
    "có chú thích, đoạn CDATA hoặc chỉ thị xử lý nằm trong giá trị của ô",
);
pub fn element_prefixed(element: &str) -> Message {
    Message::new(
        format!("the element `{element}` is written with a prefix"),
        format!("phần tử `{element}` được ghi kèm tiền tố"),
    )
}
pub fn element_misplaced(element: &str) -> Message {
    Message::new(
        format!("the element `{element}` stands where Excel never writes it"),
        format!("phần tử `{element}` nằm ở chỗ Excel không bao giờ ghi"),
    )
}
pub fn attribute_prefixed(attribute: &str) -> Message {
    Message::new(
        format!("the attribute `{attribute}` is written with a prefix"),
        format!("thuộc tính `{attribute}` được ghi kèm tiền tố"),
    )
}
pub fn attribute_twice(attribute: &str) -> Message {
    Message::new(
        format!("the attribute `{attribute}` is given twice in one element"),
        format!("thuộc tính `{attribute}` được ghi hai lần trong một phần tử"),
    )
}
pub fn attribute_too_long(kib: usize) -> Message {
    Message::new(
        format!("an attribute longer than {kib} KiB"),
        format!("có thuộc tính dài hơn {kib} KiB"),
    )
}
pub fn too_many_attributes(max: usize) -> Message {
    Message::new(
        format!("an element with more than {max} attributes"),
        format!("có phần tử mang hơn {max} thuộc tính"),
    )
}
pub fn target_as_written(target: &str) -> Message {
    let t = crate::diag::bounded(target);
    Message::new(
        format!("the relationship target `{t}` holds an escape or a `.`/`..` step"),
        format!("đích quan hệ `{t}` chứa ký tự thoát hoặc bước `.`/`..`"),
    )
}
pub fn id_twice(id: &str) -> Message {
    let id = crate::diag::bounded(id);
    Message::new(
        format!("the relationship id `{id}` is given twice"),
        format!("mã quan hệ `{id}` được ghi hai lần"),
    )
}
pub fn encoding_declared(encoding: &str) -> Message {
    let e = crate::diag::bounded(encoding);
    Message::new(
        format!("it declares the encoding {e}, not UTF-8"),
        format!("phần này khai báo bảng mã {e}, không phải UTF-8"),
    )
}
pub fn part_holds_too_many(part: &str, what: Text, max: usize) -> Message {
    Message::new(
        format!(
            "the workbook's part `{part}` holds more than {max} {}, more than a form has",
            what.en
        ),
        format!(
            "phần `{part}` của sổ tính chứa hơn {max} {}, nhiều hơn một phiếu có",
            what.vi
        ),
    )
}
pub const LEVELS: Text = text("levels of nested elements", "tầng phần tử lồng nhau");
pub const CHARACTERS_IN_A_FORMAT: Text = text(
    "characters in a number format",
    "ký tự trong một định dạng số",
);
pub const CELL_FORMATS: Text = text("cell formats", "định dạng ô");
pub const SHEETS: Text = text("sheets", "trang tính");
pub const DEFINED_NAMES: Text = text("defined names", "tên được định nghĩa");
pub const RELATIONSHIPS: Text = text("relationships", "quan hệ");
pub const MERGED_RANGES: Text = text("merged ranges", "vùng gộp ô");
pub const HIDDEN_BY_DEFAULT: Text = text(
    "the form sheet hides every row or column not sized one by one (its default height or width is zero, or too small to read)",
    "trang phiếu ẩn mọi hàng hoặc cột không được đặt kích thước riêng (chiều cao hoặc độ rộng mặc định bằng 0 hoặc quá nhỏ để đọc)",
);
pub fn row_not_as_excel_writes(r: &str) -> Message {
    Message::new(
        format!("a row of the sheet is numbered `{r}`: Excel numbers each row once, in order, from 1 to 1048576"),
        format!("một hàng của trang tính mang số `{r}`: Excel đánh số mỗi hàng một lần, theo thứ tự, từ 1 đến 1048576"),
    )
}
pub fn cell_not_as_excel_writes(reference: &str) -> Message {
    Message::new(
        format!("a cell of the sheet is placed at `{reference}`: Excel writes each cell once, in order, at a reference within its row (columns A to XFD)"),
        format!("một ô của trang tính đặt ở `{reference}`: Excel ghi mỗi ô một lần, theo thứ tự, tại địa chỉ thuộc hàng của nó (cột A đến XFD)"),
    )
}
pub fn cell_type_unknown(t: &str) -> Message {
    Message::new(
        format!("the cell's type `{t}` is not one Excel writes"),
        format!("kiểu ô `{t}` không phải kiểu Excel ghi"),
    )
}
pub const RETYPE_CELL: Text = text(
    "type the cell's value again in Excel or LibreOffice and save the form: they write a workbook that reads one way",
    "hãy nhập lại giá trị của ô trong Excel hoặc LibreOffice rồi lưu phiếu: các phần mềm này ghi sổ tính chỉ đọc được một cách",
);
pub const CELL_TWO_VALUES: Text = text(
    "the cell holds two values: readers differ on which is the cell's",
    "ô chứa hai giá trị: các trình đọc sẽ lấy khác nhau",
);
pub fn boolean_not_as_excel_writes(v: &str) -> Message {
    Message::new(
        format!("the cell is marked true/false but holds `{v}` (Excel writes 0 or 1)"),
        format!("ô có kiểu đúng/sai nhưng chứa `{v}` (Excel ghi 0 hoặc 1)"),
    )
}
pub fn shared_string_index_bad(v: &str) -> Message {
    Message::new(
        format!("the cell refers to shared text `{v}`, which is not a number of one"),
        format!("ô trỏ tới chuỗi dùng chung `{v}`, không phải số thứ tự của chuỗi nào"),
    )
}
pub fn shared_string_missing(index: u64) -> Message {
    Message::new(
        format!("the cell refers to shared text number {index}, which the workbook does not hold"),
        format!("ô trỏ tới chuỗi dùng chung số {index}, sổ tính không có chuỗi này"),
    )
}
pub fn number_not_as_excel_writes(v: &str) -> Message {
    Message::new(
        format!(
            "the cell is a number cell but holds `{v}`, which is not a number as Excel writes one"
        ),
        format!("ô kiểu số nhưng chứa `{v}`, không phải số như Excel ghi"),
    )
}
pub fn error_not_as_excel_writes(v: &str) -> Message {
    Message::new(
        format!(
            "the cell is marked as an error value but holds `{v}`, which is not one Excel writes"
        ),
        format!("ô có kiểu giá trị lỗi nhưng chứa `{v}`, không phải giá trị lỗi Excel ghi"),
    )
}
pub fn cell_part_unknown(element: &str) -> Message {
    Message::new(
        format!("the cell holds an element `{element}` that Excel does not write in a cell"),
        format!("ô chứa phần tử `{element}` mà Excel không ghi trong một ô"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn rules_are_described_in_both_languages_with_their_numbers() {
        let band = Rule::Ratio(crate::model::Ratio {
            zero_below: dec("0.2"),
            full_at: dec("0.5"),
            invert: false,
        });
        assert_eq!(
            how_scored(Lang::Vi, &band, dec("1.5")),
            "0 điểm khi tỷ lệ dưới 20%, 1,5 điểm khi từ 50% trở lên, tính tỷ lệ ở khoảng giữa"
        );
        assert_eq!(
            how_scored(Lang::En, &band, dec("1.5")),
            "0 below 20%, 1.5 points from 50%, proportional between"
        );
        let from_zero = Rule::Ratio(crate::model::Ratio {
            zero_below: dec("0"),
            full_at: dec("0.8"),
            invert: false,
        });
        assert_eq!(
            how_scored(Lang::Vi, &from_zero, dec("2")),
            "2 điểm khi tỷ lệ từ 80% trở lên, dưới mức đó tính theo tỷ lệ"
        );
        assert_eq!(
            how_scored(Lang::En, &from_zero, dec("2")),
            "2 points from 80%, proportional below"
        );
        assert_eq!(
            crate::i18n::rule::describe(Lang::Vi, &from_zero, dec("2")),
            "tính theo tỷ lệ: từ 80% trở lên được 2 điểm, dưới mức đó tính theo tỷ lệ"
        );
        assert_eq!(
            crate::i18n::rule::describe(Lang::En, &from_zero, dec("2")),
            "ratio on rate: 2 from 80%, proportional below"
        );
        assert_eq!(
            how_scored(Lang::Vi, &Rule::YesNo, dec("1")),
            "Có: 1 điểm; không: 0 điểm"
        );
    }
}
