//! `parindex rank`: the league table.

use super::{text, Lang, Text};
use crate::diag::Message;

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

/// W506 in a league: files of another period than most.
pub fn other_periods(n: usize, own: &str, examples: &str, previous: bool) -> Message {
    let (of, cua) = if previous {
        (" of --previous", " trong --previous")
    } else {
        ("", "")
    };
    Message::new(
        format!(
            "{n} file{}{of} {} of another period than {own}, the period of most, ranked together all the same: {examples}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" }
        ),
        format!("{n} tệp{cua} thuộc kỳ khác kỳ {own} của phần lớn các tệp nhưng vẫn được xếp hạng chung: {examples}"),
    )
}

pub const ONE_PERIOD_A_LEAGUE: Text = text(
    "rank one period's results together: move the other period's files out of the folder (last period's go to --previous)",
    "hãy xếp hạng chung các kết quả của cùng một kỳ: chuyển tệp của kỳ khác ra khỏi thư mục (tệp kỳ trước thì đưa vào --previous)",
);

/// E508 in a league: `--previous` files not of an earlier period.
pub fn previous_not_before(n: usize, own: &str, examples: &str) -> Message {
    Message::new(
        format!(
            "{n} file{} of --previous {} not of a period before {own}, this ranking's: {examples}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" }
        ),
        format!("{n} tệp trong --previous không thuộc kỳ trước kỳ {own} của bảng xếp hạng này: {examples}"),
    )
}

pub const PREVIOUS_IS_EARLIER: Text = text(
    "give the previous period's evidence to --previous: its ranks are shown as last period's",
    "hãy đưa số liệu của kỳ trước vào --previous: thứ hạng của nó được ghi là thứ hạng kỳ trước",
);
