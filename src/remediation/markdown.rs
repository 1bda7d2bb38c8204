//! The remediation report as Markdown, laid out as the báo cáo khắc phục is.

use super::text::{self, Line};
use super::Remediation;
use crate::i18n::remediation as w;
use crate::i18n::Lang;
use crate::render::{md_cell as cell, md_escape as md};
use crate::report::text::{criteria_line, overall, overall_loss, section_heading, Seg};

fn rich(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Text(x) => md(x),
            Seg::Strong(x) => format!("**{}**", md(x)),
        })
        .collect()
}

fn lines(out: &mut String, lines: &[Line]) {
    for l in lines {
        if l.label.is_empty() {
            out.push_str(&format!("- {}\n", md(&l.text)));
        } else {
            out.push_str(&format!("- **{}** {}\n", md(&l.label), md(&l.text)));
        }
    }
    out.push('\n');
}

pub(super) fn render(r: &Remediation, lang: Lang) -> String {
    let rep = &r.report;
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md(lang.t(w::TITLE))));
    out.push_str(&format!("**{}**\n\n", md(&rep.unit)));
    out.push_str(&format!(
        "_{}_\n\n",
        md(&w::subtitle(lang, &rep.period, r.as_of))
    ));
    out.push_str(&format!("{}\n\n", md(&criteria_line(lang, rep))));
    out.push_str(&format!("{}\n\n", rich(&overall(lang, rep))));
    out.push_str(&format!("{}\n\n", md(&overall_loss(lang, rep))));

    // I. The improvement plan.
    out.push_str(&format!("## {}\n\n", md(lang.t(w::PART_PLAN))));
    out.push_str(&format!("{}\n\n", md(&text::plan_sentence(lang, r))));

    // II. Each section, each lost criterion with its remedy.
    out.push_str(&format!("## {}\n\n", md(lang.t(w::PART_SECTIONS))));
    for (s, rem) in rep.sections.iter().zip(&r.sections) {
        out.push_str(&format!("### {}\n\n", md(&section_heading(s))));
        out.push_str(&format!("{}\n\n", rich(&text::section_figures(lang, r, s))));
        if rem.criteria.is_empty() {
            lines(&mut out, &text::upkeep_lines(lang, rem));
        }
        for (n, c) in rem.criteria.iter().enumerate() {
            out.push_str(&format!(
                "#### {}\n\n",
                md(&text::criterion_heading(lang, &s.code, n + 1, c))
            ));
            lines(&mut out, &text::criterion_lines(lang, r, c));
        }
    }

    // III. Conclusion.
    out.push_str(&format!("## {}\n\n", md(lang.t(w::PART_CONCLUSION))));
    let (n_done, done_points) = r.remedied;
    if n_done > 0 {
        out.push_str(&format!(
            "{}\n\n",
            md(&w::remedied(lang, n_done, &lang.number(done_points)))
        ));
    }
    if r.outstanding.is_empty() {
        out.push_str(&format!("{}\n\n", md(lang.t(w::CONCLUSION_NONE))));
    } else {
        out.push_str(&format!(
            "{}\n\n",
            md(&w::outstanding(
                lang,
                r.outstanding.len(),
                &lang.number(r.at_stake)
            ))
        ));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n|---|---|---|--:|---|\n",
            lang.t(w::COL_CODE),
            lang.t(w::COL_CRITERION),
            lang.t(w::COL_STATUS),
            lang.t(w::COL_AT_STAKE),
            lang.t(w::COL_RESPONSIBLE)
        ));
        for row in text::outstanding_rows(lang, r) {
            out.push_str(&format!(
                "| {} |\n",
                row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
            ));
        }
        out.push('\n');
    }
    let dropped = text::dropped_items(lang, r);
    if !dropped.is_empty() {
        out.push_str(&format!("{}\n\n", md(lang.t(w::DROPPED_HEAD))));
        for d in dropped {
            out.push_str(&format!("- {}\n", md(&d)));
        }
        out.push('\n');
    }
    if let Some(p) = text::projection(lang, r) {
        out.push_str(&format!(
            "### {}\n\n{}\n\n",
            md(lang.t(w::INTERIM_HEAD)),
            md(&p)
        ));
    }
    out.push_str(&format!("---\n\n_{}_\n", md(lang.t(w::FOOTER))));
    out
}
