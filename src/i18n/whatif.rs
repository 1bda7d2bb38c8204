//! `parindex whatif`: the result if values changed, and the plan to reach a target.

use super::{text, Lang, Text};

pub const NOW: Text = text("  now:        ", "  hiện tại:   ");
pub const WITH_SET: Text = text("  with --set: ", "  với --set:  ");
pub const ALREADY_REACHED: Text = text("  already reached.", "  đã đạt.");
pub const RESULT: Text = text("  result: ", "  kết quả: ");
pub const CONFIRM: Text = text("  confirm:  ", "  kiểm tra lại:  ");

/// A card's total in one line: "78.046 of 89 (87.69%), grade Tốt".
pub fn summary(lang: Lang, score: &str, max: &str, percent: &str, grade: Option<&str>) -> String {
    format!(
        "{score} {} {max} ({percent}){}",
        lang.t(super::words::OF),
        super::words::grade_suffix(lang, grade)
    )
}

/// A grade as a target: "Xuất sắc (90% or more)".
pub fn grade_target(lang: Lang, label: &str, min: &str) -> String {
    match lang {
        Lang::En => format!("{label} ({min}% or more)"),
        Lang::Vi => format!("{label} (từ {min}% trở lên)"),
    }
}

/// "\nTarget: …".
pub fn target(lang: Lang, label: &str) -> String {
    match lang {
        Lang::En => format!("\nTarget: {label}"),
        Lang::Vi => format!("\nMục tiêu: {label}"),
    }
}

/// The target is out of reach.
pub fn unreachable(lang: Lang, summary: &str) -> String {
    match lang {
        Lang::En => format!(
            "  cannot be reached: even with every criterion improved, the total would be {summary}."
        ),
        Lang::Vi => format!(
            "  không thể đạt: kể cả khi cải thiện mọi tiêu chí, tổng điểm chỉ đạt {summary}."
        ),
    }
}

/// "  improve 3 criteria, largest gain first:".
pub fn improve(lang: Lang, criteria: usize) -> String {
    match lang {
        Lang::En => format!("  improve {criteria} criteria, largest gain first:"),
        Lang::Vi => {
            format!("  cần cải thiện {criteria} tiêu chí, tiêu chí lấy lại nhiều điểm nhất trước:")
        }
    }
}

/// "\nRank among 7 peers: now 3/8, after 1/8".
pub fn rank(lang: Lang, peers: usize, now: &str, after: &str) -> String {
    match lang {
        Lang::En => format!(
            "\nRank among {peers} peer{}: now {now}, after {after}",
            if peers == 1 { "" } else { "s" }
        ),
        Lang::Vi => format!(
            "\nXếp hạng trong {peers} đơn vị cùng nhóm: hiện tại {now}, sau khi cải thiện {after}"
        ),
    }
}
