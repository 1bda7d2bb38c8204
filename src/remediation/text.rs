//! The remediation report's sentences, shared by every rendering: each comes back as plain
//! text or as labelled lines, and each rendering escapes and marks them up in its own way.

use super::{CriterionRemedy, Remediation, SectionRemedies};
use crate::i18n::remediation as w;
use crate::i18n::Lang;
use crate::report::text::{offices, percent, responsible_line, scored_value};
use crate::report::SectionReport;

/// A line of a criterion's or a section's block: its label (shown strong) and its text.
pub(crate) struct Line {
    pub label: String,
    pub text: String,
}

fn line(label: impl Into<String>, text: impl Into<String>) -> Line {
    Line {
        label: label.into(),
        text: text.into(),
    }
}

/// "1.2. Mức độ thực hiện kế hoạch CCHC năm (- 0,027 điểm, mục 1.1.3)".
pub(crate) fn criterion_heading(
    lang: Lang,
    section: &str,
    n: usize,
    c: &CriterionRemedy,
) -> String {
    format!(
        "{section}.{n}. {} {}",
        c.loss.title,
        w::loss_mark(lang, &lang.number(c.loss.loss), &c.loss.code)
    )
}

/// The lines under a lost criterion: last year's value, status, remedy, documents, this year
/// so far, the offices responsible.
pub(crate) fn criterion_lines(lang: Lang, r: &Remediation, c: &CriterionRemedy) -> Vec<Line> {
    let l = &c.loss;
    let mut out = vec![line(
        "",
        w::last_value(
            lang,
            &r.report.period,
            &scored_value(lang, l),
            &lang.number(l.score),
            &lang.number(l.max),
        ),
    )];
    out.push(line(lang.t(w::STATUS), format!("{}.", status(lang, c))));
    let mut remedy = match (&c.action, &c.dropped_from) {
        (Some(a), _) => a.trim_end().to_string(),
        (None, Some((title, id))) => w::dropped_from(lang, title, id),
        (None, None) => lang.t(w::NO_REMEDY).to_string(),
    };
    if let Some((done, total, pct)) = c.progress {
        let p = w::progress(lang, done, total, &percent(lang, pct));
        remedy = format!("{} ({p}).", remedy.trim_end_matches('.'));
    }
    let label = c.date.map_or_else(
        || lang.t(w::REMEDY).to_string(),
        |d| w::remedy_dated(lang, d),
    );
    out.push(line(label, remedy));
    if !c.docs.is_empty() {
        out.push(line(lang.t(w::DOCS), format!("{}.", c.docs.join("; "))));
    }
    if let Some(p) = &r.projection {
        let text = match &c.interim {
            Some(i) => w::interim_line(
                lang,
                &i.value
                    .as_ref()
                    .map_or_else(|| "–".to_string(), |v| crate::report::text::value(lang, v)),
                &lang.number(i.score),
                &lang.number(i.max),
                &lang.number(i.recovered.abs()),
                i.recovered.is_sign_negative() && !i.recovered.is_zero(),
            ),
            None if c.dropped_from.is_some() => format!("{}.", w::status(lang, c.status)),
            None => lang.t(w::INTERIM_NONE).to_string(),
        };
        out.push(line(w::this_year(lang, &p.period), text));
    }
    let (label, offices) = responsible_line(lang, &c.responsible);
    out.push(line(label, offices));
    out
}

/// A criterion's status in words; where the plan says done and this year's values still lose
/// points, both.
pub(crate) fn status(lang: Lang, c: &CriterionRemedy) -> String {
    match c.still_losing {
        Some(loss) => {
            w::said_done_still_losing(lang, &lang.number(loss), loss == rust_decimal::Decimal::ONE)
        }
        None => w::status(lang, c.status).to_string(),
    }
}

/// The lines under a section that lost nothing: what keeps it there, and who.
pub(crate) fn upkeep_lines(lang: Lang, s: &SectionRemedies) -> Vec<Line> {
    let text = s.upkeep.as_deref().map_or_else(
        || lang.t(w::NO_UPKEEP).to_string(),
        |u| u.trim_end().to_string(),
    );
    let (label, offices) = responsible_line(lang, &s.upkeep_responsible);
    vec![line(lang.t(w::UPKEEP), text), line(label, offices)]
}

/// Part I's sentence.
pub(crate) fn plan_sentence(lang: Lang, r: &Remediation) -> String {
    let Some(p) = &r.plan else {
        return lang.t(w::NO_PLAN).to_string();
    };
    let mut document = p.reference.clone();
    if let Some(d) = p.date {
        document = format!("{document} {}", w::dated(lang, d));
    }
    if let Some(t) = &p.title {
        document = match lang {
            Lang::Vi => format!("{document} về {t}"),
            Lang::En => format!("{document} ({t})"),
        };
    }
    let when = p
        .progress
        .and_then(|x| x.as_of)
        .or(r.as_of)
        .map(|d| w::as_of(lang, d));
    let progress = p
        .progress
        .map(|x| w::progress(lang, x.done, x.total, &percent(lang, x.percent())));
    w::plan_line(lang, &document, when, progress)
}

/// The section's heading line and its figures, as the source report writes them: "Năm 2022
/// đạt 10,973/13 điểm, đạt chỉ số 84,41%, xếp thứ 4/8 (mất 2,027 điểm)."
pub(crate) fn section_figures(
    lang: Lang,
    r: &Remediation,
    s: &SectionReport,
) -> Vec<crate::report::text::Seg> {
    crate::report::text::section_line(lang, &r.report, s)
}

/// The conclusion's table rows: code, title, status, points at stake, offices.
pub(crate) fn outstanding_rows(lang: Lang, r: &Remediation) -> Vec<[String; 5]> {
    r.outstanding
        .iter()
        .map(|c| {
            [
                c.loss.code.clone(),
                c.loss.title.clone(),
                status(lang, c),
                lang.number(c.at_stake()),
                offices(lang, &c.responsible),
            ]
        })
        .collect()
}

/// The dropped criteria: "7.1.6 Tỷ lệ … (0,5 điểm): Nội dung này không có trong …".
pub(crate) fn dropped_items(lang: Lang, r: &Remediation) -> Vec<String> {
    r.dropped
        .iter()
        .map(|c| {
            let why = match (&c.action, &c.dropped_from) {
                (Some(a), _) => a.trim_end().to_string(),
                (None, Some((title, id))) => w::dropped_from(lang, title, id),
                (None, None) => w::status(lang, c.status).to_string(),
            };
            format!(
                "{} {} ({} {}): {why}",
                c.loss.code,
                c.loss.title,
                lang.number(c.loss.loss),
                match lang {
                    Lang::Vi => "điểm",
                    Lang::En => "points",
                }
            )
        })
        .collect()
}

/// The projection paragraph.
pub(crate) fn projection(lang: Lang, r: &Remediation) -> Option<String> {
    let p = r.projection.as_ref()?;
    Some(w::projection(
        lang,
        &p.period,
        &r.report.period,
        p.assessed,
        (
            &lang.number(p.recovered),
            &lang.number(p.gained),
            (!p.lost_further.is_zero())
                .then(|| lang.number(p.lost_further))
                .as_deref(),
        ),
        &lang.number(p.total),
        &lang.number(p.max),
        &percent(lang, p.percent),
        p.grade.as_deref(),
    ))
}
