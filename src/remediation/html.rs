//! The remediation report as one self-contained HTML page (the results report's stylesheet,
//! no scripts, nothing fetched), ready to print on A4.

use super::text::{self, Line};
use super::{CriterionRemedy, Remediation};
use crate::i18n::remediation as w;
use crate::i18n::Lang;
use crate::plan::Status;
use crate::report::escape_html as esc;
use crate::report::text::{
    criteria_line, overall, overall_loss, percent, place_cell, section_heading, words, Seg,
};
use std::fmt::Write as _;

fn rich(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Text(x) => esc(x),
            Seg::Strong(x) => format!("<strong>{}</strong>", esc(x)),
        })
        .collect()
}

/// The remediation report's own rules, after the results report's stylesheet.
const CSS: &str = r#"
.status { display: inline-block; padding: 0 5pt; border-radius: 3pt; font-size: 9pt; font-weight: 600; white-space: nowrap; }
.status.done { background: #dcefdc; color: #1d5a1d; }
.status.in-progress { background: #fdf0d0; color: #6b4d00; }
.status.not-started, .status.none { background: #f8dcdc; color: #7a1f1f; }
.status.dropped { background: #e4e7eb; color: #333; }
.status.contradicted { background: #f8dcdc; color: #7a1f1f; }
.doc-head .as-of { margin: 0; font-size: 9.5pt; }
"#;

/// The criterion's status as a coloured badge; a `done` this year's values contradict is not
/// shown green.
fn status_badge(lang: Lang, c: &CriterionRemedy) -> String {
    let class = match c.still_losing {
        Some(_) => "contradicted",
        None => c.status.map_or("none", Status::name),
    };
    format!(
        "<span class=\"status {class}\">{}</span>",
        esc(&text::status(lang, c))
    )
}

fn lines(out: &mut String, lines: &[Line], lang: Lang, status: Option<&CriterionRemedy>) {
    for l in lines {
        if l.label.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", esc(&l.text));
        } else if l.label == lang.t(w::STATUS) {
            let badge = status.map_or_else(|| esc(&l.text), |c| status_badge(lang, c));
            let _ = writeln!(
                out,
                "<p><span class=\"label\">{}</span> {badge}</p>",
                esc(&l.label)
            );
        } else {
            let _ = writeln!(
                out,
                "<p><span class=\"label\">{}</span> {}</p>",
                esc(&l.label),
                esc(&l.text)
            );
        }
    }
}

fn section_table(r: &Remediation, lang: Lang) -> String {
    let ww = words(lang);
    let rep = &r.report;
    let ranked = rep.place.is_some();
    let mut out = String::from("<table class=\"sections\">\n<thead><tr>");
    let _ = write!(
        out,
        "<th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th>",
        ww.section, ww.score, ww.max, ww.percent
    );
    if ranked {
        let _ = write!(out, "<th class=\"num\">{}</th>", ww.rank);
    }
    let _ = writeln!(
        out,
        "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
        ww.lost
    );
    for s in &rep.sections {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            esc(&section_heading(s)),
            lang.number(s.score),
            lang.number(s.max),
            percent(lang, s.percent)
        );
        if ranked {
            let _ = write!(
                out,
                "<td class=\"num\">{}</td>",
                esc(&place_cell(lang, s.place))
            );
        }
        let _ = writeln!(out, "<td class=\"num\">{}</td></tr>", lang.number(s.loss));
    }
    let _ = write!(
        out,
        "<tr class=\"total\"><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
        ww.total,
        lang.number(rep.score),
        lang.number(rep.max),
        percent(lang, rep.percent)
    );
    if ranked {
        let _ = write!(
            out,
            "<td class=\"num\">{}</td>",
            esc(&place_cell(lang, rep.place))
        );
    }
    let _ = writeln!(
        out,
        "<td class=\"num\">{}</td></tr>\n</tbody>\n</table>",
        lang.number(rep.loss)
    );
    out
}

pub(super) fn render(r: &Remediation, lang: Lang) -> String {
    let rep = &r.report;
    let code = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let title = lang.t(w::TITLE);
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"parindex\">\n<title>{} — {}</title>\n<style>{}{CSS}</style>\n</head>\n<body>\n<main>\n",
        esc(title),
        esc(&rep.unit),
        crate::report::html::CSS
    );
    let _ = write!(
        out,
        "<header class=\"doc-head\">\n<p class=\"unit\">{}</p>\n<h1>{}</h1>\n<p class=\"as-of\">{}</p>\n<p class=\"criteria\">{}</p>\n</header>\n",
        esc(&rep.unit),
        esc(title),
        esc(&w::subtitle(lang, &rep.period, r.as_of)),
        esc(&criteria_line(lang, rep))
    );
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", rich(&overall(lang, rep)));
    let _ = writeln!(out, "<p>{}</p>", esc(&overall_loss(lang, rep)));
    out.push_str(&section_table(r, lang));

    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-1\">\n<h2 id=\"part-1\">{}</h2>\n<p>{}</p>\n</section>",
        esc(lang.t(w::PART_PLAN)),
        esc(&text::plan_sentence(lang, r))
    );

    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-2\">\n<h2 id=\"part-2\">{}</h2>",
        esc(lang.t(w::PART_SECTIONS))
    );
    for (s, rem) in rep.sections.iter().zip(&r.sections) {
        // A remedy block is tall: a section may break between two of them (never inside one)
        // rather than leave half a page empty.
        let long = if rem.criteria.len() > 1 { " long" } else { "" };
        let _ = writeln!(
            out,
            "<section class=\"field{long}\">\n<h3>{}</h3>\n<p>{}</p>",
            esc(&section_heading(s)),
            rich(&text::section_figures(lang, r, s))
        );
        if rem.criteria.is_empty() {
            lines(&mut out, &text::upkeep_lines(lang, rem), lang, None);
        }
        for (n, c) in rem.criteria.iter().enumerate() {
            let _ = writeln!(
                out,
                "<div class=\"loss\">\n<h4>{}</h4>",
                esc(&text::criterion_heading(lang, &s.code, n + 1, c))
            );
            lines(&mut out, &text::criterion_lines(lang, r, c), lang, Some(c));
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
    out.push_str("</section>\n");

    let _ = writeln!(
        out,
        "<section class=\"part\" aria-labelledby=\"part-3\">\n<h2 id=\"part-3\">{}</h2>",
        esc(lang.t(w::PART_CONCLUSION))
    );
    let (n_done, done_points) = r.remedied;
    if n_done > 0 {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(&w::remedied(lang, n_done, &lang.number(done_points)))
        );
    }
    if r.outstanding.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(lang.t(w::CONCLUSION_NONE)));
    } else {
        let _ = writeln!(
            out,
            "<p>{}</p>\n<table class=\"outstanding\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(&w::outstanding(lang, r.outstanding.len(), &lang.number(r.at_stake))),
            esc(lang.t(w::COL_CODE)),
            esc(lang.t(w::COL_CRITERION)),
            esc(lang.t(w::COL_STATUS)),
            esc(lang.t(w::COL_AT_STAKE)),
            esc(lang.t(w::COL_RESPONSIBLE))
        );
        for (row, c) in text::outstanding_rows(lang, r).iter().zip(&r.outstanding) {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                esc(&row[0]),
                esc(&row[1]),
                status_badge(lang, c),
                esc(&row[3]),
                esc(&row[4])
            );
        }
        let _ = writeln!(
            out,
            "<tr class=\"total\"><td></td><td>{}</td><td></td><td class=\"num\">{}</td><td></td></tr>\n</tbody>\n</table>",
            words(lang).total,
            lang.number(r.at_stake)
        );
    }
    let dropped = text::dropped_items(lang, r);
    if !dropped.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n<ul>", esc(lang.t(w::DROPPED_HEAD)));
        for d in dropped {
            let _ = writeln!(out, "<li>{}</li>", esc(&d));
        }
        out.push_str("</ul>\n");
    }
    if let Some(p) = text::projection(lang, r) {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p>{}</p>",
            esc(lang.t(w::INTERIM_HEAD)),
            esc(&p)
        );
    }
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>",
        esc(lang.t(w::FOOTER))
    );
    out
}
