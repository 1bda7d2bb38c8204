//! `parindex losses`: the points lost, flat or grouped.

use super::{text, Lang, Text};

pub const LOST: Text = text("Lost", "Điểm mất");
pub const WHY: Text = text("Why", "Lý do");
pub const NO_VALUE_GIVEN: Text = text("no value given", "chưa có số liệu");
pub const NO_OFFICE: Text = text("(no office named)", "(chưa xác định cơ quan)");
pub const SHARED_NOTE: Text = text(
    "A criterion shared by several offices counts in full for each.",
    "Tiêu chí do nhiều cơ quan cùng chịu trách nhiệm được tính đủ cho mỗi cơ quan.",
);

/// "section 1: 2.027" in an office's breakdown.
pub fn section_part(lang: Lang, code: &str, points: &str) -> String {
    match lang {
        Lang::En => format!("section {code}: {points}"),
        Lang::Vi => format!("lĩnh vực {code}: {points}"),
    }
}

/// The heading after unit, period and stage: "18 criteria lost 10.954 of 89 points".
pub fn lost_of(lang: Lang, criteria: usize, lost: &str, max: &str) -> String {
    match lang {
        Lang::En => format!("{criteria} criteria lost {lost} of {max} points"),
        Lang::Vi => format!("{criteria} tiêu chí bị mất {lost} trên {max} điểm"),
    }
}

/// A group's heading figure: "2.027 points".
pub fn points(lang: Lang, points: &str) -> String {
    match lang {
        Lang::En => format!("{points} points"),
        Lang::Vi => format!("{points} điểm"),
    }
}
