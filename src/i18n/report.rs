//! `parindex report`: the results report's headings, column names and sentences. Sentences
//! whose key figures the report shows strong come back in parts (the text before the figure,
//! the figure, the text after) so that each rendering marks the figure up in its own way.

use super::{text, Lang, Text};
use crate::model::Stage;
use std::cmp::Ordering;

pub const REPORT: Text = text(
    "Public Administration Reform (PAR) index: results report",
    "Báo cáo kết quả Chỉ số cải cách hành chính",
);
pub const CRITERIA_SET: Text = text("Criteria set", "Bộ tiêu chí");
pub const PART_OVERALL: Text = text("I. Overall result", "I. Kết quả chung");
pub const PART_SECTIONS: Text = text(
    "II. Sections and the criteria that lost points",
    "II. Kết quả từng lĩnh vực và các tiêu chí bị mất điểm",
);
pub const PART_SUMMARY: Text = text("III. Summary", "III. Tổng hợp");
pub const TOP_LOSSES: Text = text("The largest losses", "Các tiêu chí bị mất nhiều điểm nhất");
pub const BY_OFFICE: Text = text(
    "Points lost per responsible office",
    "Điểm bị mất theo cơ quan tham mưu",
);
pub const SECTION: Text = text("Section", "Lĩnh vực");
pub const SCORE: Text = text("Score", "Điểm");
pub const MAX: Text = text("Max", "Tối đa");
pub const PERCENT: Text = text("Percent", "Chỉ số");
pub const RANK: Text = text("Rank", "Xếp thứ");
pub const LOST: Text = text("Lost", "Mất điểm");
pub const TOTAL: Text = text("Total", "Tổng");
pub const NUMBER: Text = text("#", "STT");
pub const CODE: Text = text("Code", "Mục");
pub const CRITERION: Text = text("Criterion", "Tiêu chí");
pub const RESPONSIBLE_COLUMN: Text = text("Responsible", "Trách nhiệm tham mưu, đôn đốc");
pub const OFFICE: Text = text("Office", "Cơ quan tham mưu");
pub const CRITERIA_COUNT: Text = text("Criteria", "Số tiêu chí");
pub const PER_SECTION: Text = text("Per section", "Theo lĩnh vực");
pub const NO_OFFICE: Text = text("(no office named)", "(chưa xác định cơ quan)");
pub const NO_LOSS_ANYWHERE: Text = text(
    "No criterion lost points.",
    "Không có tiêu chí nào bị mất điểm.",
);
pub const SHARED_NOTE: Text = text(
    "A criterion shared by several offices counts in full for each of them, so the rows may add up to more than the points lost.",
    "Một tiêu chí do nhiều cơ quan cùng chịu trách nhiệm được tính đủ cho mỗi cơ quan, nên cộng các dòng có thể lớn hơn tổng số điểm bị mất.",
);
pub const CHART_CAPTION: Text = text("Percentage per section", "Chỉ số từng lĩnh vực");
pub const FOOTER: Text = text(
    "Made with parindex: scores computed exactly from the unit's evidence; percentages rounded to 2 decimal places.",
    "Lập bằng parindex: điểm tính chính xác từ minh chứng của đơn vị; chỉ số (%) làm tròn đến 2 chữ số thập phân.",
);
pub const TIED: Text = text(" (tied)", " (đồng hạng)");
pub const RANKED: Text = text("ranked ", "xếp thứ ");
pub const GRADE_AFTER: Text = text(", grade ", ", xếp loại ");
pub const GRADE: Text = text("Grade", "Xếp loại");
pub const NO_VALUE: Text = text("no value given", "chưa có số liệu");
pub const APPRAISED: Text = text("appraised", "kết quả thẩm định");
pub const REAPPRAISED: Text = text(
    "reappraised after the unit's explanation",
    "kết quả thẩm định lần 2, sau giải trình",
);
pub const RESPONSIBLE_LINE: Text = text(
    "Responsible for advising and following up:",
    "Trách nhiệm tham mưu, đôn đốc thuộc về:",
);
pub const WHY: Text = text("Why:", "Lý do:");
/// Before the evidence's `note:`: the author's remark, not the council's reason.
pub const NOTE: Text = text("Note:", "Ghi chú:");
pub const ITEM: Text = text("item", "mục");
pub const NO_LOSS_HERE: Text = text(
    " No criterion lost points.",
    " Không có tiêu chí bị mất điểm.",
);
pub const PERCENTAGE_POINTS: Text = text("percentage points", "điểm phần trăm");

/// "năm 2022" / "2022" (a period that is not a year: "kỳ 2022-H1").
pub fn period(lang: Lang, p: &str) -> String {
    let year = !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    match (lang, year) {
        (Lang::Vi, true) => format!("năm {p}"),
        (Lang::Vi, false) => format!("kỳ {p}"),
        (Lang::En, _) => p.to_string(),
    }
}

/// "thẩm định lần 1: 80%".
pub fn first_appraisal(lang: Lang, value: &str) -> String {
    match lang {
        Lang::En => format!("first appraisal: {value}"),
        Lang::Vi => format!("thẩm định lần 1: {value}"),
    }
}

/// "đơn vị tự chấm: 2".
pub fn self_assessed(lang: Lang, value: &str) -> String {
    match lang {
        Lang::En => format!("self-assessed: {value}"),
        Lang::Vi => format!("đơn vị tự chấm: {value}"),
    }
}

/// The change of the percentage: "tăng 3,31 điểm phần trăm" / "up 3.31 percentage points".
pub fn percentage_change(lang: Lang, direction: Ordering, points: &str) -> String {
    match (lang, direction) {
        (Lang::Vi, Ordering::Greater) => format!("tăng {points} điểm phần trăm"),
        (Lang::Vi, Ordering::Less) => format!("giảm {points} điểm phần trăm"),
        (Lang::Vi, Ordering::Equal) => "chỉ số không đổi".into(),
        (Lang::En, Ordering::Greater) => format!("up {points} percentage points"),
        (Lang::En, Ordering::Less) => format!("down {points} percentage points"),
        (Lang::En, Ordering::Equal) => "the same percentage".into(),
    }
}

/// The change of rank, `places_up` places: "tăng 4 bậc" / "up 4 places".
pub fn rank_change(lang: Lang, places_up: i64) -> String {
    let n = places_up;
    match (lang, n.cmp(&0)) {
        (Lang::Vi, Ordering::Greater) => format!("tăng {n} bậc"),
        (Lang::Vi, Ordering::Less) => format!("giảm {} bậc", -n),
        (Lang::Vi, Ordering::Equal) => "giữ nguyên thứ hạng".into(),
        (Lang::En, Ordering::Greater) => format!("up {n} place{}", if n == 1 { "" } else { "s" }),
        (Lang::En, Ordering::Less) => {
            format!("down {} place{}", -n, if n == -1 { "" } else { "s" })
        }
        (Lang::En, Ordering::Equal) => "the same rank".into(),
    }
}

/// The change of rank beside the figures: "; tăng 4 bậc" / "; up 4".
pub fn rank_change_short(lang: Lang, places_up: i64) -> String {
    let n = places_up;
    match (lang, n.cmp(&0)) {
        (Lang::Vi, _) => format!("; {}", rank_change(lang, n)),
        (Lang::En, Ordering::Greater) => format!("; up {n}"),
        (Lang::En, Ordering::Less) => format!("; down {}", -n),
        (Lang::En, Ordering::Equal) => "; same rank".into(),
    }
}

/// The changes, then what they compare with: "… so với năm 2021 (84,38%)".
pub fn compared_with(lang: Lang, changes: &str, before: &str, then: &str) -> String {
    match lang {
        Lang::Vi => format!("{changes} so với {}{then}", period(lang, before)),
        Lang::En => format!("{changes} on {before}{then}"),
    }
}

/// The opening sentence up to the grade, in parts: text, the score (strong), text; the
/// percentage follows, strong.
pub fn overall_parts(lang: Lang, period_: &str, unit: &str, score: &str, max: &str) -> [String; 3] {
    match lang {
        Lang::Vi => [
            format!("Chỉ số CCHC {} của {unit} đạt ", period(lang, period_)),
            format!("{score}/{max} điểm"),
            ", đạt chỉ số ".into(),
        ],
        Lang::En => [
            format!("In {period_}, {unit} scored "),
            format!("{score} of {max} points"),
            ", ".into(),
        ],
    }
}

/// A section's sentence up to its percentage, in the same parts as [`overall_parts`].
pub fn section_parts(lang: Lang, period_label: &str, score: &str, max: &str) -> [String; 3] {
    match lang {
        Lang::Vi => [
            format!("{period_label} đạt "),
            format!("{score}/{max} điểm"),
            ", đạt chỉ số ".into(),
        ],
        Lang::En => [
            "Scored ".into(),
            format!("{score} of {max} points"),
            ", ".into(),
        ],
    }
}

/// "mất 2,027 điểm" / "lost 2.027", in a section's notes.
pub fn section_lost(lang: Lang, points: &str) -> String {
    match lang {
        Lang::Vi => format!("mất {points} điểm"),
        Lang::En => format!("lost {points}"),
    }
}

/// A criterion's result in parts: text, the loss (strong), text.
pub fn loss_parts(lang: Lang, score: &str, max: &str, lost: &str, value: &str) -> [String; 3] {
    match lang {
        Lang::Vi => [
            format!("Đạt {score}/{max} điểm, "),
            format!("mất {lost} điểm"),
            format!("; giá trị chấm: {value}."),
        ],
        Lang::En => [
            format!("Scored {score} of {max}, "),
            format!("lost {lost}"),
            format!("; value scored: {value}."),
        ],
    }
}

/// "Theo thành phần: …." / "By component: …."
pub fn components(lang: Lang, parts: &str) -> String {
    match lang {
        Lang::Vi => format!("Theo thành phần: {parts}."),
        Lang::En => format!("By component: {parts}."),
    }
}

/// "Số đơn vị theo từng mức xếp loại (trong 8 đơn vị): …."
pub fn peer_grades(lang: Lang, of: usize, parts: &str) -> String {
    match lang {
        Lang::Vi => format!("Số đơn vị theo từng mức xếp loại (trong {of} đơn vị): {parts}."),
        Lang::En => format!("Units per grade among the {of} peers: {parts}."),
    }
}

/// "Tổng số điểm bị mất: 10,954 điểm, ở 18 tiêu chí."
pub fn overall_loss(lang: Lang, points: &str, criteria: usize) -> String {
    match lang {
        Lang::Vi => format!("Tổng số điểm bị mất: {points} điểm, ở {criteria} tiêu chí."),
        Lang::En => format!(
            "Points lost: {points} in {criteria} criteri{}.",
            if criteria == 1 { "on" } else { "a" }
        ),
    }
}

/// The stage after the criteria set's line.
pub fn stage(lang: Lang, s: Stage) -> &'static str {
    match (lang, s) {
        (Lang::Vi, Stage::Final) => " · kết quả cuối cùng (sau thẩm định lần 2 nếu có)",
        (Lang::En, Stage::Final) => {
            " · the final result (after the second appraisal where there was one)"
        }
        (Lang::Vi, Stage::Appraised) => " · kết quả thẩm định lần 1 (trước giải trình)",
        (Lang::Vi, Stage::SelfAssessment) => " · kết quả tự chấm",
        (Lang::En, Stage::Appraised) => " · the first appraisal (before the unit's explanation)",
        (Lang::En, Stage::SelfAssessment) => " · the unit's self-assessment",
    }
}

/// The chart's title: "Chỉ số từng lĩnh vực năm 2022, so với năm 2021".
pub fn chart_title(lang: Lang, now: &str, before: Option<&str>) -> String {
    let caption = lang.t(CHART_CAPTION);
    match (before, lang) {
        (Some(b), Lang::Vi) => {
            format!(
                "{caption} {}, so với {}",
                period(lang, now),
                period(lang, b)
            )
        }
        (Some(b), Lang::En) => format!("{caption} in {now}, beside {b}"),
        (None, Lang::Vi) => format!("{caption} {}", period(lang, now)),
        (None, Lang::En) => format!("{caption} in {now}"),
    }
}

/// Under the chart: "Hình 1. Chỉ số từng lĩnh vực năm 2022 và năm 2021 (%)".
pub fn figure_caption(lang: Lang, now: &str, before: Option<&str>) -> String {
    let caption = lang.t(CHART_CAPTION);
    match (lang, before) {
        (Lang::Vi, Some(b)) => format!(
            "Hình 1. {caption} {} và {} (%)",
            period(lang, now),
            period(lang, b)
        ),
        (Lang::Vi, None) => format!("Hình 1. {caption} {} (%)", period(lang, now)),
        (Lang::En, Some(b)) => format!("Figure 1. {caption} in {now} and {b}"),
        (Lang::En, None) => format!("Figure 1. {caption} in {now}"),
    }
}

/// The figure's label for the change: "So với năm 2021" / "Change on 2021".
pub fn change_on(lang: Lang, before: &str) -> String {
    match lang {
        Lang::Vi => format!("So với {}", period(lang, before)),
        Lang::En => format!("Change on {before}"),
    }
}
