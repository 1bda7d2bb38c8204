//! `parindex explain`: how one score came about. The English is what `explain` always wrote;
//! the Vietnamese writes comparisons with their symbols (`≥`, `<`) as a Vietnamese table of
//! criteria does.

use super::{text, Lang, Text};
use crate::decimal::{Rounding, RoundingMode};
use crate::model::{IfNa, SectionKind, Stage};

pub const YES_GIVES: Text = text("yes", "có");
pub const NO_GIVES: Text = text("no", "không");
pub const NONE: Text = text("none", "không có");
pub const NO_REASON: Text = text("no reason given", "không nêu lý do");
pub const FIRST_APPRAISAL: Text = text("first appraisal", "thẩm định lần 1");
pub const SECOND_APPRAISAL: Text = text("second appraisal", "thẩm định lần 2");
pub const SELF_ASSESSED: Text = text("self-assessed", "đơn vị tự chấm");
pub const SELF_STAGE_SETS_ASIDE: Text = text(
    "self-assessed; stage self: the council's value is set aside",
    "đơn vị tự chấm; chấm theo kết quả tự chấm nên không tính kết quả thẩm định của Hội đồng",
);
pub const NO_VALUE: Text = text(
    "  value: none given → 0 (missing)",
    "  giá trị: chưa có số liệu → 0 điểm",
);
pub const IN: Text = text("in", "thuộc");
pub const VALUE: Text = text("value", "giá trị");
pub const NOTE: Text = text("note", "ghi chú");
pub const FORMULA: Text = text("formula", "công thức");
pub const UNITS_EXPLANATION: Text = text("the unit's explanation", "giải trình của đơn vị");
pub const GIVEN_DIRECTLY: Text = text("given directly", "chấm trực tiếp");
pub const REACHES_NO_TIER: Text = text("reaches no tier → 0", "không đạt mức nào → 0");
pub const NOT_BELOW_ZERO: Text = text("not below 0", "không thấp hơn 0");
pub const NA: Text = text("n/a", "không áp dụng");

/// Comparisons in a formula: "is at or above" / "≥".
pub const AT_OR_ABOVE: Text = text("is at or above", "≥");
pub const AT_OR_BELOW: Text = text("is at or below", "≤");
pub const IS_BELOW: Text = text("is below", "<");
pub const REACHES: Text = text("reaches", "≥");

/// "  stage: final (after …)" / "  chấm theo: kết quả cuối cùng (…)".
pub fn stage_line(lang: Lang, s: Stage) -> String {
    match lang {
        Lang::En => format!("  stage: {}", s.header()),
        Lang::Vi => format!("  chấm theo: {}", super::words::stage_header(lang, s)),
    }
}

/// "  rule: yes-no: … (max 1)".
pub fn rule_line(lang: Lang, described: &str, max: &str) -> String {
    match lang {
        Lang::En => format!("  rule: {described} (max {max})"),
        Lang::Vi => format!("  cách chấm: {described} (tối đa {max} điểm)"),
    }
}

/// Where a reappraised value comes from.
pub fn reappraised_source(lang: Lang, own: &str, first: &str) -> String {
    match lang {
        Lang::En => format!(
            "reappraised by the council after the unit's explanation; self-assessed: {own}, first appraisal: {first}"
        ),
        Lang::Vi => format!(
            "Hội đồng thẩm định lần 2 sau giải trình của đơn vị; đơn vị tự chấm: {own}, thẩm định lần 1: {first}"
        ),
    }
}

/// Where an appraised value comes from.
pub fn appraised_source(lang: Lang, own: &str) -> String {
    match lang {
        Lang::En => format!("appraised by the council; self-assessed: {own}"),
        Lang::Vi => format!("kết quả thẩm định của Hội đồng; đơn vị tự chấm: {own}"),
    }
}

/// "  reason (first appraisal): …".
pub fn reason_line(lang: Lang, round: &str, why: &str) -> String {
    match lang {
        Lang::En => format!("  reason ({round}): {why}"),
        Lang::Vi => format!("  lý do ({round}): {why}"),
    }
}

/// The second appraisal, set aside at the appraised stage.
pub fn later_set_aside(lang: Lang, s: Stage, later: &str) -> String {
    match lang {
        Lang::En => format!(
            "  stage {}: the second appraisal ({later}) after the unit's explanation is set aside",
            s.name()
        ),
        Lang::Vi => format!(
            "  chấm theo {}: không tính kết quả thẩm định lần 2 ({later}) sau giải trình của đơn vị",
            super::words::stage(lang, s)
        ),
    }
}

/// What n/a did to a leaf.
pub fn not_applicable(lang: Lang, if_na: IfNa, max: &str) -> String {
    match (lang, if_na) {
        (Lang::En, IfNa::Full) => format!("  n/a with if_na: full → scores its max, {max}"),
        (Lang::En, IfNa::Exclude) => format!(
            "  n/a with if_na: exclude → leaves the scoring: {max} taken out of every maximum above it"
        ),
        (Lang::En, IfNa::Forbid) => {
            "  n/a, which this criterion does not allow (if_na: forbid) → scores 0".to_string()
        }
        (Lang::Vi, IfNa::Full) => {
            format!("  không áp dụng (if_na: full) → được điểm tối đa, {max} điểm")
        }
        (Lang::Vi, IfNa::Exclude) => format!(
            "  không áp dụng (if_na: exclude) → không tính vào điểm: {max} điểm được trừ khỏi điểm tối đa của mọi cấp trên"
        ),
        (Lang::Vi, IfNa::Forbid) => {
            "  không áp dụng, nhưng tiêu chí này không cho phép (if_na: forbid) → 0 điểm".to_string()
        }
    }
}

/// The set's rounding: "3 decimals, half-up" / "3 chữ số thập phân, làm tròn nửa lên".
pub fn rounding(lang: Lang, r: &Rounding) -> String {
    match lang {
        Lang::En => r.to_string(),
        Lang::Vi => {
            let mode = match r.mode {
                RoundingMode::HalfUp => "làm tròn từ 5 trở lên",
                RoundingMode::HalfEven => "làm tròn về số chẵn gần nhất",
                RoundingMode::Down => "bỏ phần thừa",
            };
            format!("{} chữ số thập phân, {mode}", r.decimals)
        }
    }
}

/// "  rounding: 0.97290 → 0.973 (3 decimals, half-up)".
pub fn rounding_line(lang: Lang, from: &str, to: &str, rounding: &str) -> String {
    match lang {
        Lang::En => format!("  rounding: {from} → {to} ({rounding})"),
        Lang::Vi => format!("  làm tròn: {from} → {to} ({rounding})"),
    }
}

/// "  rounding: none needed (…)".
pub fn no_rounding_line(lang: Lang, rounding: &str) -> String {
    match lang {
        Lang::En => format!("  rounding: none needed ({rounding})"),
        Lang::Vi => format!("  làm tròn: không cần ({rounding})"),
    }
}

/// A leaf's score line, by its section's kind.
pub fn leaf_score(lang: Lang, kind: SectionKind, score: &str, max: &str, loss: &str) -> String {
    match (lang, kind) {
        (Lang::En, SectionKind::Scored) => format!("  score: {score} of {max}, loss {loss}"),
        (Lang::En, SectionKind::Bonus) => {
            format!("  score: {score} of {max}: a bonus, added to the total outside its maximum")
        }
        (Lang::En, SectionKind::Penalty) => {
            format!("  score: {score} of {max}: a penalty, taken off the total")
        }
        (Lang::Vi, SectionKind::Scored) => {
            format!("  điểm: {score} trên {max}, mất {loss} điểm")
        }
        (Lang::Vi, SectionKind::Bonus) => {
            format!("  điểm: {score} trên {max}: điểm thưởng, cộng vào tổng điểm ngoài điểm tối đa")
        }
        (Lang::Vi, SectionKind::Penalty) => {
            format!("  điểm: {score} trên {max}: điểm trừ, trừ vào tổng điểm")
        }
    }
}

/// A criterion with sub-criteria: "  score: 3 of 3 (100.00%), loss 0 — the sum of its 3
/// sub-criteria:".
pub fn parent_score(
    lang: Lang,
    score: &str,
    max: &str,
    percent: &str,
    loss: &str,
    children: usize,
) -> String {
    match lang {
        Lang::En => format!(
            "  score: {score} of {max} ({percent}), loss {loss} — the sum of its {children} sub-criteria:"
        ),
        Lang::Vi => format!(
            "  điểm: {score} trên {max} ({percent}), mất {loss} điểm — tổng của {children} tiêu chí thành phần:"
        ),
    }
}

/// One sub-criterion's row under its parent.
pub fn child_row(
    lang: Lang,
    code: &str,
    score: &str,
    max: &str,
    loss: &str,
    title: &str,
) -> String {
    match lang {
        Lang::En => format!("    {code:<10} {score:>8} of {max:<6} loss {loss:<8} {title}"),
        Lang::Vi => format!("    {code:<10} {score:>8} trên {max:<6} mất {loss:<8} {title}"),
    }
}

/// "  section 1: 10.973 of 13 (84.41%), loses 2.027 in all, 0.027 of it here".
pub fn section_line(
    lang: Lang,
    code: &str,
    figures: &str,
    lost: &str,
    here: Option<&str>,
) -> String {
    match lang {
        Lang::En => format!(
            "  section {code}: {figures}, loses {lost} in all{}",
            here.map(|h| format!(", {h} of it here"))
                .unwrap_or_default()
        ),
        Lang::Vi => format!(
            "  lĩnh vực {code}: {figures}, mất tổng cộng {lost} điểm{}",
            here.map(|h| format!(", trong đó {h} điểm ở đây"))
                .unwrap_or_default()
        ),
    }
}

/// "  total: 78.046 of 89 (87.69%), grade Tốt".
pub fn total_line(lang: Lang, figures: &str, grade: Option<&str>) -> String {
    let label = match lang {
        Lang::En => "total",
        Lang::Vi => "tổng",
    };
    format!(
        "  {label}: {figures}{}",
        super::words::grade_suffix(lang, grade)
    )
}

/// "10.973 of 13 (84.41%)".
pub fn of_percent(lang: Lang, score: &str, max: &str, percent: &str) -> String {
    format!("{score} {} {max} ({percent})", lang.t(super::words::OF))
}
