//! The report's sentences, shared by the Markdown and HTML renderings, built from the words of
//! the catalogue ([`crate::i18n::report`]). Sentences come back as [`Seg`]ments so that each
//! rendering marks the key figures up in its own way and escapes the rest.

use super::{LossItem, Place, Report, SectionReport};
use crate::i18n::{report as cat, words as common, Lang};
use crate::model::{Round, Value};
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

/// Fixed words: headings and column names, as the catalogue gives them in one language.
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
    pub footer: &'static str,
}

const VI: Words = Words::of(Lang::Vi);
const EN: Words = Words::of(Lang::En);

impl Words {
    /// The table of fixed words in `lang`, from the catalogue ([`crate::i18n::report`]).
    const fn of(lang: Lang) -> Words {
        Words {
            report: lang.t(cat::REPORT),
            criteria_set: lang.t(cat::CRITERIA_SET),
            part_overall: lang.t(cat::PART_OVERALL),
            part_sections: lang.t(cat::PART_SECTIONS),
            part_summary: lang.t(cat::PART_SUMMARY),
            top_losses: lang.t(cat::TOP_LOSSES),
            by_office: lang.t(cat::BY_OFFICE),
            section: lang.t(cat::SECTION),
            score: lang.t(cat::SCORE),
            max: lang.t(cat::MAX),
            percent: lang.t(cat::PERCENT),
            rank: lang.t(cat::RANK),
            lost: lang.t(cat::LOST),
            total: lang.t(cat::TOTAL),
            number: lang.t(cat::NUMBER),
            code: lang.t(cat::CODE),
            criterion: lang.t(cat::CRITERION),
            responsible_col: lang.t(cat::RESPONSIBLE_COLUMN),
            office: lang.t(cat::OFFICE),
            criteria_count: lang.t(cat::CRITERIA_COUNT),
            per_section: lang.t(cat::PER_SECTION),
            no_office: lang.t(cat::NO_OFFICE),
            no_loss_anywhere: lang.t(cat::NO_LOSS_ANYWHERE),
            shared_note: lang.t(cat::SHARED_NOTE),
            footer: lang.t(cat::FOOTER),
        }
    }
}

pub(crate) fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Vi => &VI,
        Lang::En => &EN,
    }
}

/// "năm 2022" / "2022" (a period that is not a year: "kỳ 2022-H1").
pub(crate) fn period(lang: Lang, p: &str) -> String {
    cat::period(lang, p)
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
            let tie = if p.tied { lang.t(cat::TIED) } else { "" };
            format!("{}/{}{tie}", p.rank, p.of)
        }
    }
}

/// "xếp thứ 4/8" / "ranked 4/8".
fn place_phrase(lang: Lang, p: Place) -> Vec<Seg> {
    vec![t(lang.t(cat::RANKED)), b(place_cell(lang, Some(p)))]
}

/// "có" / "4.290/4.500 = 95,33%" / "97,29%": a value as scored, in the language's numbers.
pub(crate) fn value(lang: Lang, v: &Value) -> String {
    match v {
        Value::Boolean(yes) => common::yes_no(lang, *yes).into(),
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
        Value::NotApplicable => lang.t(common::NOT_APPLICABLE).into(),
    }
}

/// The value scored, with the appraisal council's mark: "0 (kết quả thẩm định; đơn vị tự
/// chấm: 2)".
pub(crate) fn scored_value(lang: Lang, l: &LossItem) -> String {
    let Some(v) = &l.value else {
        return lang.t(cat::NO_VALUE).into();
    };
    let shown = value(lang, v);
    let own = l.self_value.as_ref().map(|v| value(lang, v));
    let first = l.first_value.as_ref().map(|v| value(lang, v));
    let mut parts: Vec<String> = Vec::new();
    match l.round {
        Round::SelfAssessed => return shown,
        Round::Appraised => parts.push(lang.t(cat::APPRAISED).into()),
        Round::Reappraised => {
            parts.push(lang.t(cat::REAPPRAISED).into());
            parts.extend(first.map(|f| cat::first_appraisal(lang, &f)));
        }
    }
    parts.extend(own.map(|o| cat::self_assessed(lang, &o)));
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
    (
        lang.t(cat::RESPONSIBLE_LINE).to_string(),
        format!("{}.", offices(lang, list)),
    )
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
        parts.push(cat::percentage_change(
            lang,
            d.cmp(&Decimal::ZERO),
            &lang.number(d.abs()),
        ));
    }
    if let Some(n) = places {
        parts.push(cat::rank_change(lang, n));
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
    Some(cat::compared_with(
        lang,
        &parts.join(", "),
        &before.0,
        &then,
    ))
}

/// The opening sentence: score, percentage, change, rank, grade.
pub(crate) fn overall(lang: Lang, r: &Report) -> Vec<Seg> {
    let [before, figure, after] = cat::overall_parts(
        lang,
        &r.period,
        &r.unit,
        &lang.number(r.score),
        &lang.number(r.max),
    );
    let mut out = vec![t(before), b(figure), t(after), b(percent(lang, r.percent))];
    if let Some(change) = change_phrase(lang, r) {
        out.push(t(format!(", {change}")));
    }
    if let Some(p) = r.place {
        out.push(t(", "));
        out.extend(place_phrase(lang, p));
    }
    if let Some(g) = &r.grade {
        out.push(t(lang.t(cat::GRADE_AFTER)));
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
    Some(cat::components(lang, &parts.join("; ")))
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
    Some(cat::peer_grades(lang, of, &parts.join(" · ")))
}

/// "Tổng số điểm bị mất: 10,954 điểm, ở 18 tiêu chí."
pub(crate) fn overall_loss(lang: Lang, r: &Report) -> String {
    if r.lost_criteria == 0 {
        return words(lang).no_loss_anywhere.to_string();
    }
    cat::overall_loss(lang, &lang.number(r.lost), r.lost_criteria)
}

/// "1. Công tác chỉ đạo, điều hành CCHC".
pub(crate) fn section_heading(s: &SectionReport) -> String {
    format!("{}. {}", s.code, s.title)
}

/// "Năm 2022 đạt 10,973/13 điểm, đạt chỉ số 84,41%, xếp thứ 4/8 (mất 2,027 điểm; năm 2021:
/// 80,00%)."
pub(crate) fn section_line(lang: Lang, r: &Report, s: &SectionReport) -> Vec<Seg> {
    let [before, figure, after] = cat::section_parts(
        lang,
        &period_label(lang, &r.period),
        &lang.number(s.score),
        &lang.number(s.max),
    );
    let mut out = vec![t(before), b(figure), t(after), b(percent(lang, s.percent))];
    if let Some(p) = s.place {
        out.push(t(", "));
        out.extend(place_phrase(lang, p));
    }
    let mut notes = Vec::new();
    if s.loss > Decimal::ZERO {
        notes.push(cat::section_lost(lang, &lang.number(s.loss)));
    }
    if let Some(prev) = &r.previous {
        if let Some(p) = s.previous_percent {
            notes.push(format!(
                "{}: {}",
                period(lang, &prev.period),
                lang.percent(p)
            ));
        }
    }
    if !notes.is_empty() {
        out.push(t(format!(" ({})", notes.join("; "))));
    }
    out.push(t("."));
    if s.losses.is_empty() {
        out.push(t(lang.t(cat::NO_LOSS_HERE)));
    }
    out
}

/// "1.2. Mức độ thực hiện kế hoạch CCHC năm (mục 1.1.3)".
pub(crate) fn loss_heading(lang: Lang, section: &str, n: usize, l: &LossItem) -> String {
    format!(
        "{section}.{n}. {} ({} {})",
        l.title,
        lang.t(cat::ITEM),
        l.code
    )
}

/// "Đạt 0,973/1 điểm, mất 0,027 điểm; giá trị chấm: 97,29%."
pub(crate) fn loss_result(lang: Lang, l: &LossItem) -> Vec<Seg> {
    let [before, lost, after] = cat::loss_parts(
        lang,
        &lang.number(l.score),
        &lang.number(l.max),
        &lang.number(l.loss),
        &scored_value(lang, l),
    );
    vec![t(before), b(lost), t(after)]
}

/// "Ghi chú:" / "Note:": the evidence's note, the author's remark.
pub(crate) fn note_label(lang: Lang) -> &'static str {
    lang.t(cat::NOTE)
}

/// "Lý do:" / "Why:".
pub(crate) fn why_label(lang: Lang) -> &'static str {
    lang.t(cat::WHY)
}

/// "lĩnh vực 1: 2,027; lĩnh vực 5: 1,5".
pub(crate) fn per_section(lang: Lang, parts: &[(String, Decimal)]) -> String {
    parts
        .iter()
        .map(|(code, points)| crate::i18n::losses::section_part(lang, code, &lang.number(*points)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The page's title: "Báo cáo kết quả Chỉ số cải cách hành chính năm 2022".
pub(crate) fn title(lang: Lang, r: &Report) -> String {
    format!("{} {}", words(lang).report, period(lang, &r.period))
}

/// The criteria set line.
pub(crate) fn criteria_line(lang: Lang, r: &Report) -> String {
    let stage = cat::stage(lang, r.stage);
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
