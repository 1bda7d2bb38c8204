//! The report's wording in Vietnamese and English, shared by the Markdown and HTML renderings.
//! Sentences come back as [`Seg`]ments so that each rendering marks the key figures up in its
//! own way and escapes the rest.

use super::{LossItem, Place, Report, SectionReport};
use crate::i18n::Lang;
use crate::model::{Round, Stage, Value};
use rust_decimal::Decimal;

/// A piece of a sentence: plain, or a key figure shown strong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Text(String),
    Strong(String),
}

fn t(s: impl Into<String>) -> Seg {
    Seg::Text(s.into())
}

fn b(s: impl Into<String>) -> Seg {
    Seg::Strong(s.into())
}

/// Fixed words: headings and column names.
pub(crate) struct Words {
    pub report: &'static str,
    pub criteria_set: &'static str,
    pub part_overall: &'static str,
    pub part_sections: &'static str,
    pub part_summary: &'static str,
    pub top_losses: &'static str,
    pub by_office: &'static str,
    pub section: &'static str,
    pub score: &'static str,
    pub max: &'static str,
    pub percent: &'static str,
    pub rank: &'static str,
    pub lost: &'static str,
    pub total: &'static str,
    pub number: &'static str,
    pub code: &'static str,
    pub criterion: &'static str,
    pub responsible_col: &'static str,
    pub office: &'static str,
    pub criteria_count: &'static str,
    pub per_section: &'static str,
    pub no_office: &'static str,
    pub no_loss_anywhere: &'static str,
    pub shared_note: &'static str,
    pub chart_caption: &'static str,
    pub footer: &'static str,
}

const VI: Words = Words {
    report: "Báo cáo kết quả Chỉ số cải cách hành chính",
    criteria_set: "Bộ tiêu chí",
    part_overall: "I. Kết quả chung",
    part_sections: "II. Kết quả từng lĩnh vực và các tiêu chí bị mất điểm",
    part_summary: "III. Tổng hợp",
    top_losses: "Các tiêu chí bị mất nhiều điểm nhất",
    by_office: "Điểm bị mất theo cơ quan tham mưu",
    section: "Lĩnh vực",
    score: "Điểm",
    max: "Tối đa",
    percent: "Chỉ số",
    rank: "Xếp thứ",
    lost: "Mất điểm",
    total: "Tổng",
    number: "STT",
    code: "Mục",
    criterion: "Tiêu chí",
    responsible_col: "Trách nhiệm tham mưu, đôn đốc",
    office: "Cơ quan tham mưu",
    criteria_count: "Số tiêu chí",
    per_section: "Theo lĩnh vực",
    no_office: "(chưa xác định cơ quan)",
    no_loss_anywhere: "Không có tiêu chí nào bị mất điểm.",
    shared_note: "Một tiêu chí do nhiều cơ quan cùng chịu trách nhiệm được tính đủ cho mỗi cơ quan, nên cộng các dòng có thể lớn hơn tổng số điểm bị mất.",
    chart_caption: "Chỉ số từng lĩnh vực",
    footer: "Lập bằng parindex: điểm tính chính xác từ minh chứng của đơn vị; chỉ số (%) làm tròn đến 2 chữ số thập phân.",
};

const EN: Words = Words {
    report: "Public Administration Reform (PAR) index: results report",
    criteria_set: "Criteria set",
    part_overall: "I. Overall result",
    part_sections: "II. Sections and the criteria that lost points",
    part_summary: "III. Summary",
    top_losses: "The largest losses",
    by_office: "Points lost per responsible office",
    section: "Section",
    score: "Score",
    max: "Max",
    percent: "Percent",
    rank: "Rank",
    lost: "Lost",
    total: "Total",
    number: "#",
    code: "Code",
    criterion: "Criterion",
    responsible_col: "Responsible",
    office: "Office",
    criteria_count: "Criteria",
    per_section: "Per section",
    no_office: "(no office named)",
    no_loss_anywhere: "No criterion lost points.",
    shared_note: "A criterion shared by several offices counts in full for each of them, so the rows may add up to more than the points lost.",
    chart_caption: "Percentage per section",
    footer: "Made with parindex: scores computed exactly from the unit's evidence; percentages rounded to 2 decimal places.",
};

pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "năm 2022" / "2022" (a period that is not a year: "kỳ 2022-H1").
pub(crate) fn period(lang: Lang, p: &str) -> String {
    let year = !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    match (lang, year) {
        (Lang::Vi, true) => format!("năm {p}"),
        (Lang::Vi, false) => format!("kỳ {p}"),
        (Lang::En, _) => p.to_string(),
    }
}

/// "Năm 2022" for a column or a legend.
pub(crate) fn period_label(lang: Lang, p: &str) -> String {
    match lang {
        Lang::Vi => {
            let s = period(lang, p);
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
        Lang::En => p.to_string(),
    }
}

pub(crate) fn percent(lang: Lang, p: Option<Decimal>) -> String {
    p.map_or_else(|| "–".to_string(), |p| lang.percent(p))
}

/// "78,046/89".
pub(crate) fn fraction(lang: Lang, score: Decimal, max: Decimal) -> String {
    format!("{}/{}", lang.number(score), lang.number(max))
}

/// "4/8" for a table cell, marked when tied.
pub(crate) fn place_cell(lang: Lang, p: Option<Place>) -> String {
    match p {
        None => "–".into(),
        Some(p) => {
            let tie = match (p.tied, lang) {
                (false, _) => "",
                (true, Lang::Vi) => " (đồng hạng)",
                (true, Lang::En) => " (tied)",
            };
            format!("{}/{}{tie}", p.rank, p.of)
        }
    }
}

/// "xếp thứ 4/8" / "ranked 4/8".
fn place_phrase(lang: Lang, p: Place) -> Vec<Seg> {
    let word = match lang {
        Lang::Vi => "xếp thứ ",
        Lang::En => "ranked ",
    };
    vec![t(word), b(place_cell(lang, Some(p)))]
}

/// "có" / "4.290/4.500 = 95,33%" / "97,29%": a value as scored, in the language's numbers.
pub(crate) fn value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Boolean(yes) => match (lang, yes) {
            (Lang::Vi, true) => "có".into(),
            (Lang::Vi, false) => "không".into(),
            (Lang::En, true) => "yes".into(),
            (Lang::En, false) => "no".into(),
        },
        Value::Rate { num, den, percent } => {
            if *percent {
                format!("{}%", lang.number(*num))
            } else {
                let p = crate::decimal::percent(*num, *den).ok().flatten();
                format!(
                    "{}/{}{}",
                    lang.number(*num),
                    lang.number(*den),
                    p.map(|p| format!(" = {}", lang.percent(p)))
                        .unwrap_or_default()
                )
            }
        }
        Value::Number(n) => lang.number(*n),
        Value::Choice { label, .. } => label.to_string(),
        Value::NotApplicable => match lang {
            Lang::Vi => "không áp dụng".into(),
            Lang::En => "n/a".into(),
        },
    }
}

/// The value scored, with the appraisal council's mark: "0 (kết quả thẩm định; đơn vị tự
/// chấm: 2)".
pub(crate) fn scored_value(lang: Lang, l: &LossItem) -> String {
    let Some(v) = &l.value else {
        return match lang {
            Lang::Vi => "chưa có số liệu".into(),
            Lang::En => "no value given".into(),
        };
    };
    let shown = value(lang, v);
    let own = l.self_value.as_ref().map(|v| value(lang, v));
    let first = l.first_value.as_ref().map(|v| value(lang, v));
    let mut parts: Vec<String> = Vec::new();
    match (lang, l.round) {
        (_, Round::SelfAssessed) => return shown,
        (Lang::Vi, Round::Appraised) => parts.push("kết quả thẩm định".into()),
        (Lang::Vi, Round::Reappraised) => {
            parts.push("kết quả thẩm định lần 2, sau giải trình".into());
            parts.extend(first.map(|f| format!("thẩm định lần 1: {f}")));
        }
        (Lang::En, Round::Appraised) => parts.push("appraised".into()),
        (Lang::En, Round::Reappraised) => {
            parts.push("reappraised after the unit's explanation".into());
            parts.extend(first.map(|f| format!("first appraisal: {f}")));
        }
    }
    parts.extend(own.map(|o| match lang {
        Lang::Vi => format!("đơn vị tự chấm: {o}"),
        Lang::En => format!("self-assessed: {o}"),
    }));
    format!("{shown} ({})", parts.join("; "))
}

pub(crate) fn offices(lang: Lang, list: &[String]) -> String {
    if list.is_empty() {
        return words(lang).no_office.to_string();
    }
    list.join("; ")
}

/// "Trách nhiệm tham mưu, đôn đốc thuộc về: …".
pub(crate) fn responsible_line(lang: Lang, list: &[String]) -> (String, String) {
    let label = match lang {
        Lang::Vi => "Trách nhiệm tham mưu, đôn đốc thuộc về:",
        Lang::En => "Responsible for advising and following up:",
    };
    (label.to_string(), format!("{}.", offices(lang, list)))
}

/// "tăng 3,31 điểm phần trăm, tăng 4 bậc so với năm 2021 (84,38%)".
fn change_phrase(lang: Lang, r: &Report) -> Option<String> {
    let pp = r.previous.as_ref().and_then(|p| p.delta_pp.map(|d| (d, p)));
    let places = r.places_up();
    if pp.is_none() && places.is_none() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some((d, _)) = pp {
        parts.push(match (lang, d.cmp(&Decimal::ZERO)) {
            (Lang::Vi, std::cmp::Ordering::Greater) => {
                format!("tăng {} điểm phần trăm", lang.number(d))
            }
            (Lang::Vi, std::cmp::Ordering::Less) => {
                format!("giảm {} điểm phần trăm", lang.number(-d))
            }
            (Lang::Vi, _) => "chỉ số không đổi".into(),
            (Lang::En, std::cmp::Ordering::Greater) => {
                format!("up {} percentage points", lang.number(d))
            }
            (Lang::En, std::cmp::Ordering::Less) => {
                format!("down {} percentage points", lang.number(-d))
            }
            (Lang::En, _) => "the same percentage".into(),
        });
    }
    if let Some(n) = places {
        parts.push(match (lang, n.cmp(&0)) {
            (Lang::Vi, std::cmp::Ordering::Greater) => format!("tăng {n} bậc"),
            (Lang::Vi, std::cmp::Ordering::Less) => format!("giảm {} bậc", -n),
            (Lang::Vi, _) => "giữ nguyên thứ hạng".into(),
            (Lang::En, std::cmp::Ordering::Greater) => {
                format!("up {n} place{}", if n == 1 { "" } else { "s" })
            }
            (Lang::En, std::cmp::Ordering::Less) => {
                format!("down {} place{}", -n, if n == -1 { "" } else { "s" })
            }
            (Lang::En, _) => "the same rank".into(),
        });
    }
    let before = match (&pp, &r.previous_place) {
        (Some((_, p)), _) => (p.period.clone(), Some(p.percent)),
        (None, Some((_, period))) => (period.clone(), None),
        (None, None) => return None,
    };
    let then = before
        .1
        .map(|p| format!(" ({})", percent(lang, p)))
        .unwrap_or_default();
    Some(match lang {
        Lang::Vi => format!(
            "{} so với {}{then}",
            parts.join(", "),
            period(lang, &before.0)
        ),
        Lang::En => format!("{} on {}{then}", parts.join(", "), before.0),
    })
}

/// The opening sentence: score, percentage, change, rank, grade.
pub(crate) fn overall(lang: Lang, r: &Report) -> Vec<Seg> {
    let mut out = match lang {
        Lang::Vi => vec![
            t(format!(
                "Chỉ số CCHC {} của {} đạt ",
                period(lang, &r.period),
                r.unit
            )),
            b(format!("{} điểm", fraction(lang, r.score, r.max))),
            t(", đạt chỉ số "),
            b(percent(lang, r.percent)),
        ],
        Lang::En => vec![
            t(format!("In {}, {} scored ", r.period, r.unit)),
            b(format!(
                "{} of {} points",
                lang.number(r.score),
                lang.number(r.max)
            )),
            t(", "),
            b(percent(lang, r.percent)),
        ],
    };
    if let Some(change) = change_phrase(lang, r) {
        out.push(t(format!(", {change}")));
    }
    if let Some(p) = r.place {
        out.push(t(", "));
        out.extend(place_phrase(lang, p));
    }
    if let Some(g) = &r.grade {
        out.push(t(match lang {
            Lang::Vi => ", xếp loại ",
            Lang::En => ", grade ",
        }));
        out.push(b(g.clone()));
    }
    out.push(t("."));
    out
}

/// "Theo thành phần: Điểm thẩm định 43,26/60 (72,10%); …", the total's parts; `None` where
/// the set has none.
pub(crate) fn components(lang: Lang, r: &Report) -> Option<String> {
    if r.components.is_empty() {
        return None;
    }
    let parts: Vec<String> = r
        .components
        .iter()
        .map(|(title, score, max, pct)| {
            format!(
                "{title} {} ({})",
                fraction(lang, *score, *max),
                percent(lang, *pct)
            )
        })
        .collect();
    Some(match lang {
        Lang::Vi => format!("Theo thành phần: {}.", parts.join("; ")),
        Lang::En => format!("By component: {}.", parts.join("; ")),
    })
}

/// "Trong 8 đơn vị: Xuất sắc 0 · Tốt 5 · Khá 3 · …", every band listed; `None` without
/// peers or bands.
pub(crate) fn peer_grades(lang: Lang, r: &Report) -> Option<String> {
    if r.peer_grades.is_empty() {
        return None;
    }
    let of = r.place.map_or(0, |p| p.of);
    let parts: Vec<String> = r
        .peer_grades
        .iter()
        .map(|g| format!("{} {}", g.label, g.units))
        .collect();
    Some(match lang {
        Lang::Vi => format!(
            "Số đơn vị theo từng mức xếp loại (trong {of} đơn vị): {}.",
            parts.join(" · ")
        ),
        Lang::En => format!(
            "Units per grade among the {of} peers: {}.",
            parts.join(" · ")
        ),
    })
}

/// "Tổng số điểm bị mất: 10,954 điểm, ở 18 tiêu chí."
pub(crate) fn overall_loss(lang: Lang, r: &Report) -> String {
    if r.lost_criteria == 0 {
        return words(lang).no_loss_anywhere.to_string();
    }
    match lang {
        Lang::Vi => format!(
            "Tổng số điểm bị mất: {} điểm, ở {} tiêu chí.",
            lang.number(r.loss),
            r.lost_criteria
        ),
        Lang::En => format!(
            "Points lost: {} in {} criteri{}.",
            lang.number(r.loss),
            r.lost_criteria,
            if r.lost_criteria == 1 { "on" } else { "a" }
        ),
    }
}

/// "1. Công tác chỉ đạo, điều hành CCHC".
pub(crate) fn section_heading(s: &SectionReport) -> String {
    format!("{}. {}", s.code, s.title)
}

/// "Năm 2022 đạt 10,973/13 điểm, đạt chỉ số 84,41%, xếp thứ 4/8 (mất 2,027 điểm; năm 2021:
/// 80,00%)."
pub(crate) fn section_line(lang: Lang, r: &Report, s: &SectionReport) -> Vec<Seg> {
    let mut out = match lang {
        Lang::Vi => vec![
            t(format!("{} đạt ", period_label(lang, &r.period))),
            b(format!("{} điểm", fraction(lang, s.score, s.max))),
            t(", đạt chỉ số "),
            b(percent(lang, s.percent)),
        ],
        Lang::En => vec![
            t("Scored "),
            b(format!(
                "{} of {} points",
                lang.number(s.score),
                lang.number(s.max)
            )),
            t(", "),
            b(percent(lang, s.percent)),
        ],
    };
    if let Some(p) = s.place {
        out.push(t(", "));
        out.extend(place_phrase(lang, p));
    }
    let mut notes = Vec::new();
    if s.loss > Decimal::ZERO {
        notes.push(match lang {
            Lang::Vi => format!("mất {} điểm", lang.number(s.loss)),
            Lang::En => format!("lost {}", lang.number(s.loss)),
        });
    }
    if let Some(prev) = &r.previous {
        if let Some(p) = s.previous_percent {
            notes.push(match lang {
                Lang::Vi => format!("{}: {}", period(lang, &prev.period), lang.percent(p)),
                Lang::En => format!("{}: {}", prev.period, lang.percent(p)),
            });
        }
    }
    if !notes.is_empty() {
        out.push(t(format!(" ({})", notes.join("; "))));
    }
    out.push(t("."));
    if s.losses.is_empty() {
        out.push(t(match lang {
            Lang::Vi => " Không có tiêu chí bị mất điểm.",
            Lang::En => " No criterion lost points.",
        }));
    }
    out
}

/// "1.2. Mức độ thực hiện kế hoạch CCHC năm (mục 1.1.3)".
pub(crate) fn loss_heading(lang: Lang, section: &str, n: usize, l: &LossItem) -> String {
    let item = match lang {
        Lang::Vi => "mục",
        Lang::En => "item",
    };
    format!("{section}.{n}. {} ({item} {})", l.title, l.code)
}

/// "Đạt 0,973/1 điểm, mất 0,027 điểm; giá trị chấm: 97,29%."
pub(crate) fn loss_result(lang: Lang, l: &LossItem) -> Vec<Seg> {
    match lang {
        Lang::Vi => vec![
            t(format!("Đạt {} điểm, ", fraction(lang, l.score, l.max))),
            b(format!("mất {} điểm", lang.number(l.loss))),
            t(format!("; giá trị chấm: {}.", scored_value(lang, l))),
        ],
        Lang::En => vec![
            t(format!(
                "Scored {} of {}, ",
                lang.number(l.score),
                lang.number(l.max)
            )),
            b(format!("lost {}", lang.number(l.loss))),
            t(format!("; value scored: {}.", scored_value(lang, l))),
        ],
    }
}

/// "Lý do:" / "Why:".
pub(crate) fn why_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "Lý do:",
        Lang::En => "Why:",
    }
}

/// "lĩnh vực 1: 2,027; lĩnh vực 5: 1,5".
pub(crate) fn per_section(lang: Lang, parts: &[(String, Decimal)]) -> String {
    parts
        .iter()
        .map(|(code, points)| match lang {
            Lang::Vi => format!("lĩnh vực {code}: {}", lang.number(*points)),
            Lang::En => format!("section {code}: {}", lang.number(*points)),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The page's title: "Báo cáo kết quả Chỉ số cải cách hành chính năm 2022".
pub(crate) fn title(lang: Lang, r: &Report) -> String {
    match lang {
        Lang::Vi => format!("{} {}", words(lang).report, period(lang, &r.period)),
        Lang::En => format!("{} {}", words(lang).report, r.period),
    }
}

/// The criteria set line.
pub(crate) fn criteria_line(lang: Lang, r: &Report) -> String {
    let stage = match (lang, r.stage) {
        (Lang::Vi, Stage::Final) => " · kết quả cuối cùng (sau thẩm định lần 2 nếu có)",
        (Lang::En, Stage::Final) => {
            " · the final result (after the second appraisal where there was one)"
        }
        (Lang::Vi, Stage::Appraised) => " · kết quả thẩm định lần 1 (trước giải trình)",
        (Lang::Vi, Stage::SelfAssessment) => " · kết quả tự chấm",
        (Lang::En, Stage::Appraised) => " · the first appraisal (before the unit's explanation)",
        (Lang::En, Stage::SelfAssessment) => " · the unit's self-assessment",
    };
    format!(
        "{}: {} ({}){stage}",
        words(lang).criteria_set,
        r.criteria_title,
        r.criteria_id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn values_read_as_people_write_them() {
        let rate = Value::Rate {
            num: dec("4290"),
            den: dec("4500"),
            percent: false,
        };
        assert_eq!(value(Lang::Vi, &rate), "4.290/4.500 = 95,33%");
        assert_eq!(value(Lang::En, &rate), "4,290/4,500 = 95.33%");
        let pct = Value::Rate {
            num: dec("97.29"),
            den: dec("100"),
            percent: true,
        };
        assert_eq!(value(Lang::Vi, &pct), "97,29%");
        assert_eq!(value(Lang::Vi, &Value::Boolean(false)), "không");
        assert_eq!(value(Lang::En, &Value::NotApplicable), "n/a");
    }

    #[test]
    fn periods_that_are_not_years() {
        assert_eq!(period(Lang::Vi, "2022"), "năm 2022");
        assert_eq!(period(Lang::Vi, "2023-H1"), "kỳ 2023-H1");
        assert_eq!(period_label(Lang::Vi, "2022"), "Năm 2022");
    }
}
