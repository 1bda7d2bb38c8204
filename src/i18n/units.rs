//! Words about the units file, the forms written for its units and the forms returned.

use super::{text, Lang, Text};
use crate::diag::Message;

fn pick(lang: Lang, en: String, vi: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

pub const NO_NAME_COLUMN: Text = text(
    "the units file has no column of unit names",
    "tệp danh sách đơn vị không có cột tên đơn vị",
);
pub const NO_NAME_COLUMN_HELP: Text = text(
    "give the first row a header `name` (or `tên đơn vị`) over the names; `code`/`mã` and `group`/`nhóm` columns are optional",
    "đặt tiêu đề `tên đơn vị` (hoặc `name`) ở dòng đầu trên cột tên; cột `mã`/`code` và `nhóm`/`group` không bắt buộc",
);
pub const NO_UNITS: Text = text(
    "the units file lists no unit",
    "tệp danh sách đơn vị không có đơn vị nào",
);
pub const NO_UNITS_HELP: Text = text(
    "write one unit name a line, or a CSV table with a `name` column",
    "ghi mỗi dòng một tên đơn vị, hoặc một bảng CSV có cột `tên đơn vị`",
);
pub fn unknown_column(header: &str) -> Message {
    Message::new(
        format!("column `{header}` is not read"),
        format!("cột `{header}` không được đọc"),
    )
}
pub const UNKNOWN_COLUMN_HELP: Text = text(
    "the columns read are the name (`name`, `tên đơn vị`), the code (`code`, `mã`) and the group (`group`, `nhóm`); `STT` and `ghi chú` are passed over quietly; check the header's spelling if this column was meant",
    "chỉ đọc các cột tên (`tên đơn vị`, `name`), mã (`mã`, `code`) và nhóm (`nhóm`, `group`); cột `STT` và `ghi chú` được bỏ qua; nếu muốn dùng cột này, hãy kiểm tra chính tả tiêu đề",
);
pub fn unreadable_row() -> Message {
    Message::new(
        "this row of the units file cannot be read as CSV",
        "không đọc được dòng này của tệp danh sách đơn vị dưới dạng CSV",
    )
}
pub fn too_many_cells(cells: usize, headers: usize) -> Message {
    Message::new(
        format!("the row has {cells} cells, the header {headers}"),
        format!("dòng có {cells} ô, trong khi dòng tiêu đề có {headers} ô"),
    )
}
pub const TOO_MANY_CELLS_HELP: Text = text(
    "a name with a comma in it must be in double quotes: \"UBND xã A, huyện B\"",
    "tên có dấu phẩy phải đặt trong dấu ngoặc kép: \"UBND xã A, huyện B\"",
);
pub const EMPTY_NAME: Text = text("the unit has no name", "đơn vị không có tên");
pub const EMPTY_NAME_HELP: Text = text(
    "write the unit's name in the name column, or delete the row",
    "ghi tên đơn vị vào cột tên, hoặc xoá dòng này",
);
pub fn hidden_char(name: &str) -> Message {
    Message::new(
        format!("the text holds {name}, a control or invisible character"),
        // The character's name is English: Vietnamese gives its code point alone.
        format!(
            "nội dung chứa {}, một ký tự điều khiển hoặc ký tự ẩn",
            name.split(' ').next().unwrap_or(name)
        ),
    )
}
pub const HIDDEN_CHAR_HELP: Text = text(
    "retype the name: two names that look alike must be one unit",
    "gõ lại tên: hai tên trông giống nhau phải là một đơn vị",
);
pub fn long_name(chars: usize, max: usize) -> Message {
    Message::new(
        format!("the unit's name has {chars} characters, more than the {max} allowed"),
        format!("tên đơn vị dài {chars} ký tự, vượt quá {max} ký tự cho phép"),
    )
}
pub const LONG_NAME_HELP: Text = text(
    "write the unit's name alone; notes belong in another column",
    "chỉ ghi tên đơn vị; ghi chú đặt ở cột khác",
);
pub fn duplicate(name: &str, other: &str, line: usize) -> Message {
    Message::new(
        format!("unit `{name}` is already listed on line {line} (as `{other}`)"),
        format!("đơn vị `{name}` đã có ở dòng {line} (là `{other}`)"),
    )
}
pub const DUPLICATE_HELP: Text = text(
    "each unit is listed once; names are compared without regard to case, spacing or how accents were typed",
    "mỗi đơn vị chỉ ghi một lần; tên được so sánh không phân biệt chữ hoa, khoảng trắng hay cách gõ dấu",
);
pub fn duplicate_code(code: &str, other: &str, line: usize) -> Message {
    Message::new(
        format!("code `{code}` is already the code of `{other}` (line {line})"),
        format!("mã `{code}` đã là mã của `{other}` (dòng {line})"),
    )
}
pub const DUPLICATE_CODE_HELP: Text = text(
    "each unit has a code of its own: correct the code of one of the two units",
    "mỗi đơn vị có một mã riêng: sửa mã của một trong hai đơn vị",
);
pub const OPEN_QUOTE: Text = text(
    "the double quote opened on this line is never closed: the rest of the file would be one cell",
    "dấu ngoặc kép mở ở dòng này không được đóng: phần còn lại của tệp sẽ thành một ô",
);
pub const OPEN_QUOTE_HELP: Text = text(
    "close the quote at the end of the cell (\"UBND xã A, huyện B\"), or remove it",
    "đóng dấu ngoặc kép ở cuối ô (\"UBND xã A, huyện B\"), hoặc xoá dấu ngoặc kép",
);
pub fn group_spelling(written: &str, lines: &[usize], group: &str, first: usize) -> Message {
    // A long file's lines are named by their first ten.
    let mut shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    if lines.len() > 10 {
        shown.push("…".into());
    }
    let lines = shown.join(", ");
    Message::new(
        format!("group `{written}` (line(s) {lines}) is written `{group}` on line {first}: read as one group, `{group}`"),
        format!("nhóm `{written}` (dòng {lines}) được ghi là `{group}` ở dòng {first}: được tính là cùng một nhóm `{group}`"),
    )
}
pub const GROUP_SPELLING_HELP: Text = text(
    "groups are compared without regard to case or spacing; write each group one way",
    "nhóm được so sánh không phân biệt chữ hoa hay khoảng trắng; hãy ghi mỗi nhóm theo một cách",
);
pub fn no_file_name(name: &str) -> Message {
    Message::new(
        format!("unit `{name}` gives no file name: it has no letter or digit"),
        format!("tên đơn vị `{name}` không tạo được tên tệp: không có chữ cái hoặc chữ số"),
    )
}
pub const NO_FILE_NAME_HELP: Text = text(
    "write the unit's real name, or give it a code in a `code` column",
    "ghi đúng tên đơn vị, hoặc thêm mã đơn vị ở cột `mã`",
);
pub fn file_name_clash(name: &str, other: &str, line: usize, stem: &str) -> Message {
    Message::new(
        format!("units `{name}` and `{other}` (line {line}) would both have the form `{stem}`"),
        format!("đơn vị `{name}` và `{other}` (dòng {line}) sẽ cùng tên phiếu `{stem}`"),
    )
}
pub const FILE_NAME_CLASH_HELP: Text = text(
    "file names drop accents, case and punctuation; add a `code` column to tell the units apart",
    "tên tệp bỏ dấu, chữ hoa và dấu câu; thêm cột `mã` để phân biệt các đơn vị",
);
pub fn unknown_unit(unit: &str, file: &str) -> Message {
    Message::new(
        format!("the form is from unit `{unit}`, which is not on the units list {file}"),
        format!("phiếu ghi đơn vị `{unit}`, đơn vị này không có trong danh sách {file}"),
    )
}
/// E708 for a form whose `unit:` is blank.
pub fn unit_blank_on_form(file: &str) -> Message {
    Message::new(
        format!("the form names no unit (its `unit:` is blank), so it is the form of no unit on the units list {file}"),
        format!("phiếu không ghi tên đơn vị (`unit:` để trống) nên không phải phiếu của đơn vị nào trong danh sách {file}"),
    )
}

pub const NAME_A_LISTED_UNIT: Text = text(
    "write the unit's name in the form's `unit:` as the units list writes it",
    "hãy ghi tên đơn vị vào `unit:` của phiếu đúng như trong danh sách đơn vị",
);

pub fn unknown_unit_help(nearest: Option<&str>) -> Message {
    match nearest {
        Some(n) => Message::new(
            format!("did you mean `{n}`? Correct the form's `unit:`, or add the unit to the list"),
            format!("có phải là `{n}`? Sửa `unit:` của phiếu, hoặc bổ sung đơn vị vào danh sách"),
        ),
        None => Message::new(
            "correct the form's `unit:`, or add the unit to the list",
            "sửa `unit:` của phiếu, hoặc bổ sung đơn vị vào danh sách",
        ),
    }
}
pub fn missing_form(unit: &str) -> Message {
    Message::new(
        format!("no form from unit `{unit}`"),
        format!("chưa nhận phiếu tự đánh giá của đơn vị `{unit}`"),
    )
}
pub const MISSING_FORM_HELP: Text = text(
    "ask the unit for its form, or check the `unit:` of a form that names it differently",
    "đề nghị đơn vị nộp phiếu, hoặc kiểm tra `unit:` của phiếu ghi tên khác",
);
pub fn duplicate_form(unit: &str, files: &[&str]) -> Message {
    Message::new(
        format!(
            "unit `{unit}` is in {} forms: {}",
            files.len(),
            files.join(", ")
        ),
        format!(
            "đơn vị `{unit}` có {} phiếu: {}",
            files.len(),
            files.join(", ")
        ),
    )
}
pub const DUPLICATE_FORM_HELP: Text = text(
    "keep one form per unit: remove the copy, or correct the `unit:` of the form that names the wrong unit",
    "mỗi đơn vị một phiếu: xoá bản trùng, hoặc sửa `unit:` của phiếu ghi nhầm đơn vị",
);
pub fn unknown_group(group: &str, groups: &[&str]) -> Message {
    let (en, vi) = if groups.is_empty() {
        ("none".to_string(), "không có".to_string())
    } else {
        (groups.join("; "), groups.join("; "))
    };
    Message::new(
        format!("no unit of the units file is in group `{group}` (its groups: {en})"),
        format!("không có đơn vị nào thuộc nhóm `{group}` (các nhóm trong tệp: {vi})"),
    )
}
pub const UNKNOWN_GROUP_HELP: Text = text(
    "give --group a group as the units file's group column writes it",
    "ghi --group đúng như tên nhóm trong cột nhóm của tệp danh sách",
);

// Forms beside the others of the run (`check --units`, `rank --units`).
pub fn other_set(set: &str, group: Option<&str>, expected: &str) -> Message {
    match group {
        Some(g) => Message::new(
            format!("the form is scored against `{set}`, but the other forms of group `{g}` against `{expected}`"),
            format!("phiếu được chấm theo bộ tiêu chí `{set}`, trong khi các phiếu khác của nhóm `{g}` theo `{expected}`"),
        ),
        None => Message::new(
            format!("the form is scored against `{set}`, but the other forms against `{expected}`"),
            format!("phiếu được chấm theo bộ tiêu chí `{set}`, trong khi các phiếu khác theo `{expected}`"),
        ),
    }
}
pub fn other_set_help(expected: &str, grouped: bool) -> Message {
    match grouped {
        true => Message::new(
            format!("the unit fills in the form made for its group (`parindex template {expected} --units … --group …`); or correct its group in the units file"),
            format!("đơn vị điền phiếu lập cho nhóm của mình (`parindex template {expected} --units … --group …`); hoặc sửa nhóm của đơn vị trong tệp danh sách"),
        ),
        false => Message::new(
            format!("the unit fills in the form of `{expected}`; or, if units are scored on different sets, give the units file a `group` column"),
            format!("đơn vị điền phiếu theo `{expected}`; hoặc, nếu các đơn vị chấm theo bộ tiêu chí khác nhau, thêm cột `nhóm` vào tệp danh sách"),
        ),
    }
}
pub fn other_period(period: &str, expected: &str, given: bool) -> Message {
    let (why_en, why_vi) = match given {
        true => ("given by --period", "theo --period"),
        false => ("the period of most forms", "kỳ của phần lớn các phiếu"),
    };
    Message::new(
        format!("the form is for period `{period}`, not `{expected}` ({why_en})"),
        format!("phiếu thuộc kỳ đánh giá `{period}`, không phải `{expected}` ({why_vi})"),
    )
}
pub const OTHER_PERIOD_HELP: Text = text(
    "ask the unit for this period's self-assessment; if most forms are of the wrong period, pass the right one with --period",
    "đề nghị đơn vị nộp phiếu tự đánh giá của kỳ này; nếu phần lớn phiếu ghi sai kỳ, ghi đúng kỳ bằng --period",
);
pub fn no_period(expected: Option<&str>) -> Message {
    match expected {
        Some(p) => Message::new(
            format!("the form gives no period (the run is for `{p}`)"),
            format!("phiếu không ghi kỳ đánh giá (kỳ đang xét là `{p}`)"),
        ),
        None => Message::new("the form gives no period", "phiếu không ghi kỳ đánh giá"),
    }
}
pub const NO_PERIOD_HELP: Text = text(
    "fill in the form's period (`period:`, or the period cell of the Excel form): a form of no period could be any year's",
    "ghi kỳ đánh giá của phiếu (`period:`, hoặc ô kỳ đánh giá của phiếu Excel): phiếu không ghi kỳ có thể là phiếu của bất kỳ năm nào",
);
pub fn one_set_for_groups(set: &str, groups: &[&str]) -> Message {
    let groups = groups.join("; ");
    Message::new(
        format!("every unit gets a form of `{set}`, whatever its group ({groups})"),
        format!("mọi đơn vị đều nhận phiếu theo `{set}`, không phân biệt nhóm ({groups})"),
    )
}
pub const ONE_SET_FOR_GROUPS_HELP: Text = text(
    "if each group is scored on its own criteria set, write each group's forms with --group",
    "nếu mỗi nhóm chấm theo bộ tiêu chí riêng, hãy lập phiếu cho từng nhóm với --group",
);

// `rank --units`.
/// The annex's column of each unit's own maximum (the set's, less what does not apply to it).
pub const UNIT_MAX: Text = text("Max", "Tối đa");
/// Under a group's table of the annex: its units that sent no form.
pub fn not_sent(lang: Lang, names: &[String]) -> String {
    pick(
        lang,
        format!("No form sent: {}.", names.join("; ")),
        format!("Chưa nộp phiếu: {}.", names.join("; ")),
    )
}
/// Under a published table: units whose form was refused (`rank --keep-going`).
pub fn not_ranked(lang: Lang, names: &[String]) -> String {
    pick(
        lang,
        format!("Form not accepted, not ranked: {}.", names.join("; ")),
        format!("Phiếu không hợp lệ, chưa xếp hạng: {}.", names.join("; ")),
    )
}
/// W701 for a unit whose form was sent but did not load (`rank --keep-going`).
pub fn refused_form(unit: &str, file: &str) -> Message {
    Message::new(
        format!("the form of unit `{unit}` did not load ({file}): it is not ranked, and not counted as unsent"),
        format!("phiếu của đơn vị `{unit}` không đọc được ({file}): đơn vị không được xếp hạng, và không bị tính là chưa nộp phiếu"),
    )
}
pub const REFUSED_FORM_HELP: Text = text(
    "correct the form (its errors are above) and rank again",
    "hãy sửa phiếu (các lỗi ở trên) rồi xếp hạng lại",
);
pub const NO_GROUP: Text = text("Units without a group", "Đơn vị chưa phân nhóm");
pub fn group_heading(lang: Lang, group: &str) -> String {
    pick(lang, format!("Group: {group}"), format!("Nhóm: {group}"))
}
pub fn missing_line(lang: Lang, names: &[&str]) -> String {
    pick(
        lang,
        format!(
            "No form from {} unit(s) on the list: {}",
            names.len(),
            names.join("; ")
        ),
        format!(
            "Chưa nhận phiếu của {} đơn vị trong danh sách: {}",
            names.len(),
            names.join("; ")
        ),
    )
}
pub fn missing_summary(lang: Lang, missing: usize, listed: usize, file: &str) -> String {
    pick(
        lang,
        format!("warning: no form from {missing} of the {listed} units on {file}; the others are ranked"),
        format!("cảnh báo: chưa nhận phiếu của {missing}/{listed} đơn vị trong {file}; các đơn vị còn lại vẫn được xếp hạng"),
    )
}
/// `rank --units --previous` with groups: last period's units the list does not name.
pub fn previous_not_listed(lang: Lang, n: usize, file: &str, names: &str) -> String {
    pick(
        lang,
        format!("warning: {n} unit(s) of --previous are not on {file}, so in no group: each group's previous ranks are counted without them: {names}"),
        format!("cảnh báo: {n} đơn vị trong --previous không có trong {file} nên không thuộc nhóm nào: thứ hạng kỳ trước của mỗi nhóm được tính không có các đơn vị này: {names}"),
    )
}

pub fn unknown_summary(lang: Lang, forms: usize, file: &str, keep_going: bool) -> String {
    match keep_going {
        false => pick(
            lang,
            format!("error: {forms} form(s) name a unit not on {file} (pass --keep-going to rank the rest)"),
            format!("lỗi: {forms} phiếu ghi đơn vị không có trong {file} (dùng --keep-going để xếp hạng các phiếu còn lại)"),
        ),
        true => pick(
            lang,
            format!("warning: left out {forms} form(s) that name a unit not on {file}"),
            format!("cảnh báo: bỏ qua {forms} phiếu ghi đơn vị không có trong {file}"),
        ),
    }
}

pub fn odd_forms_summary(lang: Lang, forms: usize) -> String {
    pick(
        lang,
        format!("error: {forms} problem(s) with the forms' criteria sets or periods: nothing was ranked"),
        format!("lỗi: {forms} lỗi về bộ tiêu chí hoặc kỳ đánh giá của phiếu: chưa xếp hạng"),
    )
}

pub fn no_forms(lang: Lang, file: &str) -> String {
    pick(
        lang,
        format!("error: no form from a unit on {file}"),
        format!("lỗi: chưa nhận phiếu của đơn vị nào trong {file}"),
    )
}
pub const GROUP_MIXED_SETS: Text = text(
    "error: each group of the units file is ranked against one criteria set: give its forms the same `criteria:`, or the units their groups",
    "lỗi: mỗi nhóm trong tệp danh sách đơn vị được xếp hạng theo một bộ tiêu chí: các phiếu của nhóm phải cùng `criteria:`, hoặc phân lại nhóm cho đơn vị",
);

/// Appended to check's summary: the workbooks in the folders that are not forms (a unit's
/// result workbook beside the returned forms).
pub fn workbooks_skipped(lang: Lang, n: usize) -> String {
    pick(
        lang,
        format!(
            " ({n} workbook{} skipped: not parindex forms)",
            if n == 1 { "" } else { "s" }
        ),
        format!(" (bỏ qua {n} tệp Excel: không phải phiếu tự đánh giá của parindex)"),
    )
}

// `template --units`.
pub fn forms_written(lang: Lang, forms: usize, dir: &str) -> String {
    pick(
        lang,
        format!(
            "wrote {} self-assessment form{} to {dir}",
            lang.number(forms.into()),
            if forms == 1 { "" } else { "s" }
        ),
        format!(
            "đã ghi {} phiếu tự đánh giá vào {dir}",
            lang.number(forms.into())
        ),
    )
}
pub fn forms_exist(lang: Lang, existing: usize, first: &str) -> String {
    pick(
        lang,
        match existing {
            1 => format!("1 form already exists ({first}); nothing was written: pass --force to overwrite it"),
            _ => format!("{} forms already exist ({first}…); nothing was written: pass --force to overwrite them", lang.number(existing.into())),
        },
        format!("đã có {} phiếu ({first}{}); chưa ghi phiếu nào: dùng --force để ghi đè", lang.number(existing.into()), if existing == 1 { "" } else { "…" }),
    )
}
pub fn forms_failed(lang: Lang, file: &str, why: &str) -> String {
    pick(
        lang,
        format!(
            "the form {file} was not written ({why}); nothing was changed: the forms this run had written were removed, and those it had replaced put back"
        ),
        format!(
            "không ghi được phiếu {file} ({why}); không có gì thay đổi: các phiếu mới ghi trong lần chạy này đã được xoá, các phiếu bị ghi đè đã được khôi phục"
        ),
    )
}
