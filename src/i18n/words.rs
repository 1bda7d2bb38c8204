//! Words every command shares: yes/no, n/a, stages, rounds, section kinds, a value as written.
//!
//! The English side of each is the spelling the English outputs always had, so that they stay
//! byte for byte what they were.

use super::{text, Lang, Text};
use crate::model::{Criterion, Round, SectionKind, Stage, Value};
use crate::score::Status;

pub const YES: Text = text("yes", "có");
pub const NO: Text = text("no", "không");
pub const NOT_APPLICABLE: Text = text("n/a", "không áp dụng");
/// A leaf with no value, in a table's value column.
pub const MISSING: Text = text("(missing)", "(chưa có số liệu)");
/// Before a grade label: "grade Tốt" / "xếp loại Tốt".
pub const GRADE: Text = text("grade", "xếp loại");
/// Between a score and its max: "78.046 of 89" / "78,046 trên 89".
pub const OF: Text = text("of", "trên");
pub const TOTAL: Text = text("Total", "Tổng");
pub const CODE: Text = text("Code", "Mã");
pub const SECTION: Text = text("Section", "Lĩnh vực");
pub const CRITERION: Text = text("Criterion", "Tiêu chí");
pub const VALUE: Text = text("Value", "Giá trị");
pub const SCORE: Text = text("Score", "Điểm");
pub const MAX: Text = text("Max", "Tối đa");
pub const PERCENT: Text = text("Percent", "Chỉ số");
pub const LOSS: Text = text("Loss", "Điểm mất");
pub const RESPONSIBLE: Text = text("Responsible", "Cơ quan chủ trì");
pub const UNIT: Text = text("Unit", "Đơn vị");
pub const RANK: Text = text("Rank", "Xếp hạng");
pub const FILE: Text = text("File", "Tệp");

/// "yes" / "có".
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    lang.t(if yes { YES } else { NO })
}

/// A value as written in the evidence, in the language's words and numbers: `yes`, `97.29%`,
/// `4290/4500`, `n/a` / `có`, `97,29%`, `4.290/4.500`, `không áp dụng`. In English exactly
/// [`Value::show`].
pub fn value(lang: Lang, v: &Value) -> String {
    if lang == Lang::En {
        return v.show();
    }
    match v {
        Value::Boolean(yes) => yes_no(lang, *yes).to_string(),
        Value::Rate {
            num, percent: true, ..
        } => format!("{}%", lang.figure(*num)),
        Value::Rate { num, den, .. } => format!("{}/{}", lang.figure(*num), lang.figure(*den)),
        Value::Number(n) => lang.figure(*n),
        Value::Choice { label, .. } => label.to_string(),
        Value::NotApplicable => lang.t(NOT_APPLICABLE).to_string(),
    }
}

/// A value already written in the contract's spelling (a JSON result's `value`, a value
/// carried as text): its words and decimal marks in the language. `yes` → `có`, `96.5%` →
/// `96,5%`, `520/11500` → `520/11.500`; a choice label stays as written.
pub fn value_text(lang: Lang, written: &str) -> String {
    if lang == Lang::En {
        return written.to_string();
    }
    match written {
        "yes" => return lang.t(YES).into(),
        "no" => return lang.t(NO).into(),
        "n/a" => return lang.t(NOT_APPLICABLE).into(),
        _ => {}
    }
    let figure = |s: &str| {
        crate::decimal::parse_decimal(s)
            .ok()
            .map(|d| lang.figure(d))
    };
    if let Some(num) = written.strip_suffix('%') {
        if let Some(n) = figure(num) {
            return format!("{n}%");
        }
    } else if let Some((a, b)) = written.split_once('/') {
        if let (Some(a), Some(b)) = (figure(a), figure(b)) {
            return format!("{a}/{b}");
        }
    } else if let Some(n) = figure(written) {
        return n;
    }
    written.to_string()
}

/// A node's status: "scored", "missing", "na" (the contract's names) / "đã chấm", …
pub fn status(lang: Lang, s: Status) -> &'static str {
    match (lang, s) {
        (Lang::En, s) => s.name(),
        (Lang::Vi, Status::Scored) => "đã chấm",
        (Lang::Vi, Status::Missing) => "chưa có số liệu",
        (Lang::Vi, Status::NotApplicable) => "không áp dụng",
    }
}

/// The round a value comes from, next to it: "appraised" / "thẩm định".
pub fn round(lang: Lang, r: Round) -> &'static str {
    match (lang, r) {
        (Lang::En, r) => r.name(),
        (Lang::Vi, Round::SelfAssessed) => "tự chấm",
        (Lang::Vi, Round::Appraised) => "thẩm định",
        (Lang::Vi, Round::Reappraised) => "thẩm định lần 2",
    }
}

/// Which values a result scores, in a heading: "stage final" / "kết quả cuối cùng".
pub fn stage(lang: Lang, s: Stage) -> String {
    match (lang, s) {
        (Lang::En, s) => format!("stage {}", s.name()),
        (Lang::Vi, Stage::Final) => "kết quả cuối cùng".into(),
        (Lang::Vi, Stage::Appraised) => "kết quả thẩm định lần 1".into(),
        (Lang::Vi, Stage::SelfAssessment) => "kết quả tự chấm".into(),
    }
}

/// [`stage`], the final one saying what it scores: "stage final (after the second appraisal
/// where there was one)".
pub fn stage_header(lang: Lang, s: Stage) -> String {
    match (lang, s) {
        (Lang::En, s) => format!("stage {}", s.header()),
        (Lang::Vi, Stage::Final) => "kết quả cuối cùng (sau thẩm định lần 2 nếu có)".into(),
        (lang, s) => stage(lang, s),
    }
}

/// A section's kind, as a title's mark: "bonus" / "điểm thưởng".
pub fn section_kind(lang: Lang, k: SectionKind) -> &'static str {
    match (lang, k) {
        (Lang::En, k) => k.name(),
        (Lang::Vi, SectionKind::Scored) => "chấm điểm",
        (Lang::Vi, SectionKind::Bonus) => "điểm thưởng",
        (Lang::Vi, SectionKind::Penalty) => "điểm trừ",
    }
}

/// A node's title, a bonus or penalty section's marked: "Điểm thưởng (bonus)". In
/// Vietnamese a title that already says so ("Điểm thưởng") is not marked twice.
pub fn marked_title(lang: Lang, node: &Criterion) -> String {
    let kind = section_kind(lang, node.kind);
    let said = lang == Lang::Vi && node.title.to_lowercase().contains(kind);
    if node.parent.is_none() && node.kind.outside_max() && !said {
        format!("{} ({kind})", node.title)
    } else {
        node.title.clone()
    }
}

/// ", grade Tốt" / ", xếp loại Tốt", or nothing without a grade.
pub fn grade_suffix(lang: Lang, grade: Option<&str>) -> String {
    grade
        .map(|g| format!(", {} {g}", lang.t(GRADE)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn english_values_are_the_contracts_spelling() {
        let counts = Value::Rate {
            num: dec("4290"),
            den: dec("4500"),
            percent: false,
        };
        assert_eq!(value(Lang::En, &counts), "4290/4500");
        assert_eq!(value(Lang::Vi, &counts), "4.290/4.500");
        assert_eq!(value(Lang::Vi, &Value::Boolean(false)), "không");
        assert_eq!(value(Lang::Vi, &Value::Number(dec("0.5"))), "0,5");
        assert_eq!(value_text(Lang::Vi, "96.5%"), "96,5%");
        assert_eq!(value_text(Lang::Vi, "520/11500"), "520/11.500");
        assert_eq!(value_text(Lang::Vi, "yes"), "có");
        assert_eq!(
            value_text(Lang::Vi, "Ban hành kịp thời"),
            "Ban hành kịp thời"
        );
        assert_eq!(value_text(Lang::En, "96.5%"), "96.5%");
    }
}
