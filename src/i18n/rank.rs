//! `parindex rank`: the league table.

use super::{text, Lang, Text};

pub const GRADE: Text = text("Grade", "Xếp loại");
pub const PREVIOUS: Text = text("Previous", "Kỳ trước");
pub const NEW: Text = text("new", "mới");
/// The previous rank of a unit with a blank name: unknown, not "new" (it may well have been
/// ranked last year, under its name).
pub const NO_NAME_TO_MATCH: Text = text("— (no name)", "— (không tên)");
pub const SAME: Text = text("same", "giữ nguyên");
pub const SECTION_RANKS: Text = text(
    "Section ranks by column: ",
    "Thứ hạng từng lĩnh vực theo cột: ",
);
pub const SECTION_COLUMNS: Text = text("Section columns: ", "Các cột lĩnh vực: ");
pub const TIES: Text = text(
    ".\nRanks compare the exact ratio score ÷ max; equal ratios share a rank.\n",
    ".\nXếp hạng so sánh tỷ lệ chính xác điểm ÷ điểm tối đa; tỷ lệ bằng nhau thì cùng hạng.\n",
);

/// "Units per grade: Xuất sắc 1 · Tốt 3".
pub fn per_grade(lang: Lang, parts: &str) -> String {
    match lang {
        Lang::En => format!("Units per grade: {parts}\n"),
        Lang::Vi => format!("Số đơn vị theo xếp loại: {parts}\n"),
    }
}

/// "Ranking of 8 units".
pub fn ranking_of(lang: Lang, units: usize) -> String {
    match lang {
        Lang::En => format!("Ranking of {units} units"),
        Lang::Vi => format!("Xếp hạng {units} đơn vị"),
    }
}

/// A rank's move since the previous ranking: "up 2", "down 1", "same", "new".
pub fn moved(lang: Lang, places_up: Option<i64>) -> String {
    match (lang, places_up) {
        (_, None) => lang.t(NEW).into(),
        (_, Some(0)) => lang.t(SAME).into(),
        (Lang::En, Some(n)) if n > 0 => format!("up {n}"),
        (Lang::En, Some(n)) => format!("down {}", -n),
        (Lang::Vi, Some(n)) if n > 0 => format!("tăng {n} bậc"),
        (Lang::Vi, Some(n)) => format!("giảm {} bậc", -n),
    }
}

// The progress line on a terminal while many files are scored.
pub const SCORING: Text = text("Scoring", "Đang chấm điểm");
pub const SCORING_PREVIOUS: Text = text("Scoring previous", "Đang chấm điểm kỳ trước");
