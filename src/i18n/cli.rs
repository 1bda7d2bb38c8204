//! Words the commands print themselves, outside diagnostics: usage errors, files not written,
//! refused options. Lines headed `error:`/`warning:` come whole (`lỗi:`/`cảnh báo:`); what a
//! failure says after the heading (`main` writes the heading) comes without it.

use super::diag::{error_line, warning_line};
use super::{text, Lang, Text};
use crate::output::WriteError;
use rust_decimal::Decimal;

fn pick(lang: Lang, en: String, vi: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

// Outputs not written (after `error:`, then what went wrong).
pub const OUTPUT_NOT_WRITTEN: Text = text("the output was not written", "chưa ghi được kết quả");
pub const REPORT_NOT_WRITTEN: Text = text("the report was not written", "chưa ghi được báo cáo");
pub const FORM_NOT_WRITTEN: Text = text("the form was not written", "chưa ghi được phiếu");
pub const SET_NOT_WRITTEN: Text = text(
    "the criteria set was not written",
    "chưa ghi được bộ tiêu chí",
);
pub const WORKBOOK_NOT_BUILT: Text =
    text("the workbook could not be built", "không lập được sổ tính");
pub const FORM_NOT_BUILT: Text = text("the form could not be built", "không lập được phiếu");

/// Why a file was not written: it exists, it is an input, or the system refused. What the
/// system says (`Permission denied`) is its own text.
pub fn write_error(lang: Lang, e: &WriteError) -> String {
    match e {
        WriteError::Exists(p) => pick(
            lang,
            format!("{} already exists; pass --force to overwrite it", p.display()),
            format!("{} đã có; dùng --force để ghi đè", p.display()),
        ),
        WriteError::Io(p, e) => pick(
            lang,
            format!("cannot write {}: {e}", p.display()),
            format!("không ghi được {}: {e}", p.display()),
        ),
        WriteError::IsInput(p) => pick(
            lang,
            format!(
                "{} is a file this command reads: writing the output there would replace it; give another -o FILE",
                p.display()
            ),
            format!(
                "{} là tệp mà lệnh này đang đọc: ghi kết quả vào đó sẽ thay mất tệp; hãy chọn tệp khác cho -o",
                p.display()
            ),
        ),
    }
}

pub fn forms_folder_not_made(lang: Lang, dir: &str, why: &str) -> String {
    pick(
        lang,
        format!("cannot make the forms folder {dir}: {why}"),
        format!("không tạo được thư mục phiếu {dir}: {why}"),
    )
}

pub fn form_not_made(lang: Lang, file: &str, why: &str) -> String {
    pick(
        lang,
        format!("the form {file} could not be made: {why}"),
        format!("không lập được phiếu {file}: {why}"),
    )
}

// Usage errors (exit 2).
pub fn xlsx_needs_file(lang: Lang) -> String {
    error_line(
        lang,
        "--format xlsx writes a workbook: give -o FILE.xlsx".into(),
        "--format xlsx ghi ra sổ tính: hãy chỉ định -o TỆP.xlsx".into(),
    )
}

/// A flag (`--issuer`, `--number`, `--unit`, …) holding a control, direction-changing or
/// invisible character `c`: what it writes goes into a document or a form, which shows all it
/// holds. English names the character; Vietnamese gives its code point and its kind.
pub fn hidden_in_flag(lang: Lang, flag: &str, c: char) -> String {
    let kind = super::diag::hidden_kind(
        crate::diag::hidden_kind(c).unwrap_or(crate::diag::HiddenKind::Control),
    );
    error_line(
        lang,
        format!(
            "{flag} holds {}, {}: a document holds only what can be seen; type the value again",
            crate::diag::char_name(c),
            kind.en
        ),
        format!(
            "{flag} chứa U+{:04X}, {}: văn bản chỉ ghi những gì nhìn thấy được; hãy gõ lại giá trị này",
            u32::from(c),
            kind.vi
        ),
    )
}

/// A flag's value longer than its field on the page or the form may hold.
pub fn flag_blank(lang: Lang, flag: &str) -> String {
    error_line(
        lang,
        format!("{flag} is blank: give its text, or leave the flag out"),
        format!("{flag} để trống: hãy ghi nội dung, hoặc bỏ tùy chọn này"),
    )
}

pub fn flag_too_long(lang: Lang, flag: &str, chars: usize, max: usize) -> String {
    error_line(
        lang,
        format!("{flag} has {chars} characters, more than the {max} it may hold"),
        format!("{flag} dài {chars} ký tự, vượt quá {max} ký tự cho phép"),
    )
}

pub fn convert_needs_file(lang: Lang) -> String {
    error_line(
        lang,
        "an evidence file converts to a workbook: give -o FILE.xlsx".into(),
        "tệp minh chứng được chuyển thành sổ tính: hãy chỉ định -o TỆP.xlsx".into(),
    )
}

pub fn convert_needs_xlsx(lang: Lang) -> String {
    error_line(
        lang,
        "an evidence file converts to an Excel form: name the output FILE.xlsx".into(),
        "tệp minh chứng được chuyển thành phiếu Excel: hãy đặt tên tệp kết quả là TỆP.xlsx".into(),
    )
}

pub fn convert_needs_yaml(lang: Lang) -> String {
    error_line(
        lang,
        "a form converts to an evidence file: name the output FILE.yaml".into(),
        "phiếu được chuyển thành tệp minh chứng: hãy đặt tên tệp kết quả là TỆP.yaml".into(),
    )
}

// `explain` and `whatif`.

/// "`9.9` is not a criterion of SET", with what may have been meant after it.
pub fn not_a_criterion(lang: Lang, code: &str, set: &str) -> String {
    pick(
        lang,
        format!("`{code}` is not a criterion of {set}"),
        format!("`{code}` không phải là tiêu chí của bộ {set}"),
    )
}

pub fn did_you_mean(lang: Lang, code: &str) -> String {
    pick(
        lang,
        format!("; did you mean {code}?"),
        format!("; có phải là {code}?"),
    )
}

pub fn give_set_or_target(lang: Lang) -> String {
    error_line(
        lang,
        "give --set CODE=VALUE (one or more) and/or --target GRADE|PCT".into(),
        "hãy cho --set MÃ=GIÁ_TRỊ (một hoặc nhiều) và/hoặc --target XẾP_LOẠI|PHẦN_TRĂM".into(),
    )
}

pub fn set_twice(lang: Lang, code: &str) -> String {
    error_line(
        lang,
        format!("--set gives {code} twice: give each criterion one value"),
        format!("--set ghi {code} hai lần: mỗi tiêu chí chỉ cho một giá trị"),
    )
}

pub fn write_code_value(lang: Lang, written: &str) -> String {
    pick(
        lang,
        format!("`{written}`: write CODE=VALUE, e.g. 1.6=2"),
        format!("`{written}`: hãy viết MÃ=GIÁ_TRỊ, ví dụ 1.6=2"),
    )
}

pub fn has_sub_criteria(lang: Lang, code: &str) -> String {
    pick(
        lang,
        format!("`{code}` has sub-criteria: set its leaves"),
        format!("`{code}` có tiêu chí thành phần: hãy cho giá trị của các tiêu chí thành phần"),
    )
}

/// A whatif `--set` refused: the problem and its hint, under `error:`.
pub fn set_refused(lang: Lang, problem: &str) -> String {
    pick(lang, format!("error: {problem}"), format!("lỗi: {problem}"))
}

pub fn target_looks_like_fraction(lang: Lang, written: &str, percent: Decimal) -> String {
    let p = lang.figure(percent);
    error_line(
        lang,
        format!("--target `{written}` looks like a fraction, but the target is a percentage of the maximum\n  = hint: write {p} or {p}%"),
        format!("--target `{written}` trông như một phân số, nhưng mục tiêu là tỷ lệ phần trăm của điểm tối đa\n  = gợi ý: hãy viết {p} hoặc {p}%"),
    )
}

pub fn target_unknown(lang: Lang, written: &str, set: &str, grades: &str) -> String {
    error_line(
        lang,
        format!("--target `{written}` is neither a grade of {set} ({grades}) nor a percentage"),
        format!("--target `{written}` không phải là xếp loại của bộ {set} ({grades}), cũng không phải tỷ lệ phần trăm"),
    )
}

// `report --remediation --interim`, `report --previous`, `diff`.

pub fn interim_of_other_unit(lang: Lang, path: &str, theirs: &str, ours: &str) -> String {
    warning_line(
        lang,
        format!("--interim {path} is the evidence of `{theirs}`, not `{ours}`"),
        format!("--interim {path} là minh chứng của `{theirs}`, không phải của `{ours}`"),
    )
}

pub fn previous_of_other_unit(lang: Lang, path: &str, theirs: &str, ours: &str) -> String {
    warning_line(
        lang,
        format!("--previous {path} is the result of `{theirs}`, not `{ours}`"),
        format!("--previous {path} là kết quả của `{theirs}`, không phải của `{ours}`"),
    )
}

pub fn fail_on_drop_takes(lang: Lang, written: &str) -> String {
    error_line(
        lang,
        format!("--fail-on-drop takes percentage points, e.g. 1 or 0.5, not `{written}`"),
        format!("--fail-on-drop nhận số điểm phần trăm, ví dụ 1 hoặc 0,5, không nhận `{written}`"),
    )
}

pub fn stage_on_results(lang: Lang) -> String {
    error_line(
        lang,
        "--stage scores evidence files, but OLD and NEW are both JSON results, each at the stage it was scored at; score the evidence at the stage wanted (`score --stage S -f json`) or diff the evidence files".into(),
        "--stage chấm điểm tệp minh chứng, nhưng cả hai tệp so sánh đều là kết quả JSON, mỗi tệp ở vòng đã chấm; hãy chấm tệp minh chứng ở vòng cần so sánh (`score --stage S -f json`) hoặc so sánh trực tiếp các tệp minh chứng".into(),
    )
}

/// A JSON result whose criteria set was not found: checked for adding up only.
pub fn result_unchecked(lang: Lang, file: &str, set: &str) -> String {
    warning_line(
        lang,
        format!("{file} names the criteria set `{set}`, whose text was not found: its figures were checked for adding up, not against the set's rules (a grade or a score edited by hand would pass): compare the evidence file instead, which names its set"),
        format!("{file} ghi bộ tiêu chí `{set}` nhưng không tìm thấy đúng văn bản của bộ này: các con số chỉ được kiểm tra cộng có khớp không, chưa đối chiếu với quy tắc của bộ (xếp loại hay điểm bị sửa tay vẫn lọt qua): hãy so sánh bằng tệp số liệu, tệp này ghi rõ bộ tiêu chí của nó"),
    )
}

pub fn units_differ(lang: Lang, old: &str, new: &str) -> String {
    warning_line(
        lang,
        format!("the two results are of different units, `{old}` and `{new}`"),
        format!("hai kết quả thuộc hai đơn vị khác nhau, `{old}` và `{new}`"),
    )
}

pub const TOO_LARGE_TO_COMPARE: Text = text(
    "a figure is too large to compare",
    "có số liệu quá lớn để so sánh",
);

pub fn total_fell(lang: Lang, drop: Decimal, limit: Decimal) -> String {
    error_line(
        lang,
        format!(
            "the total fell by {} percentage points, more than the {} allowed by --fail-on-drop",
            crate::decimal::show_percent(drop),
            crate::decimal::show(limit)
        ),
        format!(
            "tổng điểm giảm {} điểm phần trăm, quá mức {} mà --fail-on-drop cho phép",
            lang.percent(drop).trim_end_matches('%'),
            lang.figure(limit)
        ),
    )
}

pub fn appraisal_took(lang: Lang, drop: Decimal, limit: Decimal) -> String {
    error_line(
        lang,
        format!(
            "the appraisal took {} percentage points off the self-assessment, more than the {} allowed by --fail-on-drop",
            crate::decimal::show_percent(drop),
            crate::decimal::show(limit)
        ),
        format!(
            "thẩm định làm giảm {} điểm phần trăm so với tự đánh giá, quá mức {} mà --fail-on-drop cho phép",
            lang.percent(drop).trim_end_matches('%'),
            lang.figure(limit)
        ),
    )
}

// `criteria`.

pub fn no_embedded_set(lang: Lang, id: &str, ids: &str) -> String {
    error_line(
        lang,
        format!("no embedded criteria set `{id}`; embedded sets: {ids}"),
        format!("không có bộ tiêu chí tích hợp `{id}`; các bộ tích hợp sẵn: {ids}"),
    )
}
