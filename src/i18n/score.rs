//! `parindex score`: the scorecard's tables and Markdown.

use super::{text, Lang, Text};

pub const COMPONENTS: Text = text("Components:", "Các thành phần điểm:");
pub const NO_LOSS: Text = text(
    "No criterion lost points.",
    "Không có tiêu chí nào bị mất điểm.",
);
pub const POINTS_LOST: Text = text("Points lost", "Điểm bị mất");
pub const CRITERIA_SET: Text = text("Criteria set", "Bộ tiêu chí");
pub const POINTS: Text = text("points", "điểm");

/// "Points lost: 18 criteria, 10.954 points" under the sections table.
pub fn points_lost(lang: Lang, criteria: usize, points: &str) -> String {
    match lang {
        Lang::En => format!("Points lost: {criteria} criteria, {points} points"),
        Lang::Vi => format!("Điểm bị mất: {criteria} tiêu chí, {points} điểm"),
    }
}

/// "…, 10.954 points lost." after the total in Markdown.
pub fn points_lost_after_total(lang: Lang, points: &str) -> String {
    match lang {
        Lang::En => format!("{points} points lost"),
        Lang::Vi => format!("mất {points} điểm"),
    }
}
