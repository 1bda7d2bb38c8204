//! `parindex diff --stages`: the appraisal rounds side by side.

use super::{text, Lang, Text};

pub const SELF: Text = text("Self", "Tự chấm");
pub const APPRAISED: Text = text("Appraised", "Thẩm định");
pub const FINAL: Text = text("Final", "Cuối cùng");
pub const TAKEN_BY_APPRAISAL: Text = text("Taken by appraisal", "Bị trừ khi thẩm định");
pub const WON_BACK: Text = text("Won back", "Lấy lại sau giải trình");
pub const RAISED_BY_COUNCIL: Text = text("Raised by council", "Hội đồng nâng điểm");
pub const TAKEN: Text = text("Taken", "Bị trừ");
pub const RAISED: Text = text("Raised", "Được nâng");
pub const REMARKS: Text = text("Reasons and explanation", "Lý do và giải trình");
pub const REASONS_AND_EXPLANATIONS: Text =
    text("Reasons and explanations:", "Lý do và giải trình:");
pub const NONE_APPRAISED: Text = text(
    "The council appraised no criterion.",
    "Hội đồng không thẩm định lại tiêu chí nào.",
);
pub const GRADE: Text = text("Grade", "Xếp loại");
pub const FIRST_APPRAISAL: Text = text("first appraisal", "thẩm định lần 1");
pub const UNITS_EXPLANATION: Text = text("the unit's explanation", "giải trình của đơn vị");
pub const SECOND_APPRAISAL: Text = text("second appraisal", "thẩm định lần 2");

/// The stages, after unit, period and set.
pub const STAGES: Text = text(
    "self-assessment → first appraisal → after the unit's explanation (final)",
    "tự đánh giá → thẩm định lần 1 → sau giải trình của đơn vị (kết quả cuối cùng)",
);

/// "Criteria the council appraised: 2 (value = points at each stage)".
pub fn appraised(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("Criteria the council appraised: {n} (value = points at each stage)"),
        Lang::Vi => {
            format!("Các tiêu chí được Hội đồng thẩm định: {n} (giá trị = điểm ở từng vòng)")
        }
    }
}

/// The criteria whose maximum n/a moved between rounds.
pub fn max_moved(lang: Lang, codes: &str) -> String {
    match lang {
        Lang::En => format!(
            "Not in Taken, Won back or Raised: n/a changed the maximum of {codes} between rounds, and its points moved with it."
        ),
        Lang::Vi => format!(
            "Không tính vào các cột bị trừ, lấy lại, được nâng: giá trị không áp dụng đã làm đổi điểm tối đa của {codes} giữa các vòng, và điểm của tiêu chí thay đổi theo."
        ),
    }
}
