//! `parindex criteria list`: the embedded criteria sets; `criteria import`: its closing line.

use super::{text, Lang, Text};

pub const ID: Text = text("Id", "Mã bộ tiêu chí");
pub const YEAR: Text = text("Year", "Năm");
pub const TITLE: Text = text("Title", "Tên");
pub const SECTIONS: Text = text("Sections", "Số lĩnh vực");
pub const LEAVES: Text = text("Leaves", "Số tiêu chí chấm điểm");

/// `criteria import`'s closing line: how many of the `leaves` rows need a rule by hand
/// (`by_hand`), and which (`codes`).
pub fn import_summary(lang: Lang, by_hand: usize, leaves: usize, codes: &str) -> String {
    match (lang, by_hand) {
        (Lang::En, 0) => format!("0 of {leaves} rows need a rule by hand: every rule was read from its scoring text; check them against the published table"),
        (Lang::En, n) => format!("{n} of {leaves} rows need a rule by hand: {codes} (written as `rule: points`, their scoring text in `note:`)"),
        (Lang::Vi, 0) => format!("0/{leaves} dòng cần ghi quy tắc chấm điểm bằng tay: mọi quy tắc đã được đọc từ cách chấm; hãy đối chiếu với bảng đã công bố"),
        (Lang::Vi, n) => format!("{n}/{leaves} dòng cần ghi quy tắc chấm điểm bằng tay: {codes} (ghi là `rule: points`, cách chấm giữ ở `note:`)"),
    }
}

/// ", … (3 more)" after the codes shown.
pub fn more_codes(lang: Lang, more: usize) -> String {
    match lang {
        Lang::En => format!(", … ({more} more)"),
        Lang::Vi => format!(", … (và {more} mã khác)"),
    }
}
