//! `parindex diff`: two results side by side.

use super::{text, Lang, Text};
use crate::compare::ChangeKind;

pub const OLD: Text = text("Old", "Trước");
pub const NEW: Text = text("New", "Sau");
pub const OLD_PERCENT: Text = text("Old %", "Chỉ số trước");
pub const NEW_PERCENT: Text = text("New %", "Chỉ số sau");
pub const DELTA_POINTS: Text = text("Δ points", "Δ điểm");
/// Percentage points: the change of a percentage.
pub const DELTA_PP: Text = text("Δ pp", "Δ điểm %");
pub const DELTA: Text = text("Δ", "Δ");
pub const CHANGE: Text = text("Change", "Thay đổi");
pub const NOTE: Text = text("Note", "Ghi chú");
pub const GRADE: Text = text("Grade", "Xếp loại");
pub const RULE_CHANGED: Text = text("rule changed", "đổi cách chấm");
pub const VALUE_ONLY: Text = text("value only", "chỉ đổi giá trị");
pub const MAX_CHANGED: Text = text(
    "* the maximum changed: compare on the percentage (Δ pp).",
    "* điểm tối đa đã thay đổi: so sánh theo chỉ số (Δ điểm %).",
);
pub const NOTHING_CHANGED: Text = text("No criterion changed.", "Không có tiêu chí nào thay đổi.");
pub const CHANGED: Text = text("Criteria that changed", "Các tiêu chí thay đổi");
pub const REMOVED: Text = text(
    "Only in the old set (removed)",
    "Chỉ có trong bộ tiêu chí cũ (đã bỏ)",
);
pub const ADDED: Text = text(
    "Only in the new set (added)",
    "Chỉ có trong bộ tiêu chí mới (bổ sung)",
);

/// How a criterion's score moved.
pub fn change_kind(lang: Lang, k: ChangeKind) -> &'static str {
    match (lang, k) {
        (Lang::En, k) => k.name(),
        (Lang::Vi, ChangeKind::Gained) => "tăng điểm",
        (Lang::Vi, ChangeKind::Lost) => "giảm điểm",
        (Lang::Vi, ChangeKind::NewLoss) => "mới bị mất điểm",
        (Lang::Vi, ChangeKind::Recovered) => "lấy lại đủ điểm",
    }
}

/// A renumbered criterion's old code: "was 1.4" / "mã cũ 1.4".
pub fn was(lang: Lang, code: &str) -> String {
    match lang {
        Lang::En => format!("was {code}"),
        Lang::Vi => format!("mã cũ {code}"),
    }
}

/// "max 1 → 2" / "điểm tối đa 1 → 2".
pub fn max_changed(lang: Lang, old: &str, new: &str) -> String {
    match lang {
        Lang::En => format!("max {old} → {new}"),
        Lang::Vi => format!("điểm tối đa {old} → {new}"),
    }
}
