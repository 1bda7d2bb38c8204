//! `--format xlsx`: the workbooks' sheet names, headers and "About" sheet. Column headers
//! shared with the tables come from their own catalogues (`words`, `diff`, `rounds`, `rank`).

use super::{text, Lang, Text};

pub const ABOUT: Text = text("About", "Thông tin");
pub const HOLDS: Text = text("This workbook holds", "Tệp này gồm");
pub const MADE_BY: Text = text("Made by", "Lập bằng");
pub const SECTIONS: Text = text("Sections", "Lĩnh vực");
pub const CRITERIA: Text = text("Criteria", "Tiêu chí");
pub const LOSSES: Text = text("Losses", "Điểm bị mất");
pub const RANKING: Text = text("Ranking", "Xếp hạng");
pub const CHANGES: Text = text("Changes", "Thay đổi");
pub const APPRAISED: Text = text("Appraised", "Thẩm định");
pub const STATUS: Text = text("Status", "Trạng thái");
pub const PREVIOUS_RANK: Text = text("Previous rank", "Hạng kỳ trước");
pub const PLACES_UP: Text = text("Places up", "Số bậc tăng");
pub const OLD_MAX: Text = text("Old max", "Tối đa trước");
pub const NEW_MAX: Text = text("New max", "Tối đa sau");
pub const OLD_VALUE: Text = text("Old value", "Giá trị trước");
pub const NEW_VALUE: Text = text("New value", "Giá trị sau");
pub const REASON: Text = text("Reason", "Lý do");
pub const SELF_VALUE: Text = text("Self value", "Giá trị tự chấm");
pub const APPRAISED_VALUE: Text = text("Appraised value", "Giá trị thẩm định");
pub const FINAL_VALUE: Text = text("Final value", "Giá trị cuối cùng");
pub const FINAL_ROUND: Text = text("Final round", "Vòng cuối");
pub const EXPLANATION: Text = text("Explanation", "Giải trình");
pub const REAPPRAISAL_REASON: Text = text("Reappraisal reason", "Lý do thẩm định lần 2");
pub const UNIT: Text = text("Unit", "Đơn vị");
pub const PERIOD: Text = text("Period", "Kỳ đánh giá");
pub const STAGE: Text = text("Stage", "Chấm theo");
pub const CRITERIA_SET: Text = text("Criteria set", "Bộ tiêu chí");
/// The set a rounds workbook is scored on.
pub const CRITERIA_OF_ROUNDS: Text = text("Criteria", "Bộ tiêu chí");
pub const UNITS: Text = text("Units", "Số đơn vị");
pub const STAGES: Text = text("Stages", "Các vòng");
pub const STAGES_IN_ORDER: Text = text(
    "self → appraised → final",
    "tự chấm → thẩm định → cuối cùng",
);

/// "Component · Điểm thẩm định".
pub fn component(lang: Lang, title: &str) -> String {
    match lang {
        Lang::En => format!("Component · {title}"),
        Lang::Vi => format!("Thành phần · {title}"),
    }
}

/// One side of a comparison on the About sheet.
pub fn outcome(lang: Lang, unit: &str, period: &str, stage: &str, criteria: &str) -> String {
    match lang {
        Lang::En => format!("{unit} · {period} · {stage} · criteria {criteria}"),
        Lang::Vi => format!("{unit} · {period} · {stage} · bộ tiêu chí {criteria}"),
    }
}

/// The About sheet's line for a text cut to fit a cell: its place, then what it was.
pub fn cut_place(lang: Lang, place: &str) -> String {
    match lang {
        Lang::En => format!("Cut to fit a cell: {place}"),
        Lang::Vi => format!("Cắt bớt cho vừa ô: {place}"),
    }
}

/// "Why of 1.6" / "Lý do của 1.6": which column of which criterion was cut.
pub fn column_of(lang: Lang, column: &str, code: &str) -> String {
    match lang {
        Lang::En => format!("{column} of {code}"),
        Lang::Vi => format!("{column} của {code}"),
    }
}

/// "Why of 1.6: 40000 characters, over Excel's limit of 32767".
pub fn cut_size(lang: Lang, whose: &str, chars: usize, limit: usize) -> String {
    match lang {
        Lang::En => format!("{whose}: {chars} characters, over Excel's limit of {limit}"),
        Lang::Vi => format!("{whose}: {chars} ký tự, vượt giới hạn {limit} ký tự một ô của Excel"),
    }
}

/// The note ending a text cut to fit a cell.
pub fn cut_note(lang: Lang, chars: usize, limit: usize) -> String {
    match lang {
        Lang::En => format!(
            " … [cut: {chars} characters in all, over Excel's limit of {limit} per cell; the whole text is in the evidence file and in the CSV and JSON output]"
        ),
        Lang::Vi => format!(
            " … [đã cắt bớt: tổng cộng {chars} ký tự, vượt giới hạn {limit} ký tự một ô của Excel; toàn văn có trong tệp minh chứng và trong kết quả CSV, JSON]"
        ),
    }
}
