//! The report as Markdown.

use super::text::{self, words, Seg};
use super::Report;
use crate::i18n::Lang;
// Prose and table cells are escaped as every Markdown output is, in one place.
use crate::render::{md_cell as cell, md_escape as md};

fn rich(segs: &[Seg]) -> String {
    segs.iter()
        .map(|s| match s {
            Seg::Text(x) => md(x),
            Seg::Strong(x) => format!("**{}**", md(x)),
        })
        .collect()
}

pub(super) fn render(r: &Report, lang: Lang) -> String {
    let w = words(lang);
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", md(&text::title(lang, r))));
    out.push_str(&format!("**{}**\n\n", md(&r.unit)));
    out.push_str(&format!("{}\n\n", md(&text::criteria_line(lang, r))));

    // I. Overall result, and the sections at a glance.
    out.push_str(&format!("## {}\n\n", w.part_overall));
    out.push_str(&format!("{}\n\n", rich(&text::overall(lang, r))));
    if let Some(line) = text::components(lang, r) {
        out.push_str(&format!("{}\n\n", md(&line)));
    }
    if let Some(line) = text::peer_grades(lang, r) {
        out.push_str(&format!("{}\n\n", md(&line)));
    }
    out.push_str(&format!("{}\n\n", md(&text::overall_loss(lang, r))));
    let with_rank = r.place.is_some();
    let previous = r.previous.as_ref();
    let mut header = vec![
        w.section.to_string(),
        w.score.to_string(),
        w.max.to_string(),
        w.percent.to_string(),
    ];
    let mut align = vec!["---", "--:", "--:", "--:"];
    if let Some(p) = previous {
        header.push(text::period_label(lang, &p.period));
        align.push("--:");
    }
    if with_rank {
        header.push(w.rank.to_string());
        align.push("--:");
    }
    header.push(w.lost.to_string());
    align.push("--:");
    out.push_str(&format!(
        "| {} |\n|{}|\n",
        header
            .iter()
            .map(|h| cell(h))
            .collect::<Vec<_>>()
            .join(" | "),
        align.join("|")
    ));
    for s in &r.sections {
        let mut row = vec![
            cell(&text::section_heading(s)),
            lang.number(s.score),
            lang.number(s.max),
            text::percent(lang, s.percent),
        ];
        if previous.is_some() {
            row.push(text::percent(lang, s.previous_percent));
        }
        if with_rank {
            row.push(text::place_cell(lang, s.place));
        }
        row.push(lang.number(s.loss));
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    let mut row = vec![
        format!("**{}**", w.total),
        format!("**{}**", lang.number(r.score)),
        format!("**{}**", lang.number(r.max)),
        format!("**{}**", text::percent(lang, r.percent)),
    ];
    if let Some(p) = previous {
        row.push(text::percent(lang, p.percent));
    }
    if with_rank {
        row.push(format!("**{}**", text::place_cell(lang, r.place)));
    }
    row.push(format!("**{}**", lang.number(r.loss)));
    out.push_str(&format!("| {} |\n\n", row.join(" | ")));

    // II. Each section, with its criteria that lost points.
    out.push_str(&format!("## {}\n\n", w.part_sections));
    for s in &r.sections {
        out.push_str(&format!("### {}\n\n", md(&text::section_heading(s))));
        out.push_str(&format!("{}\n\n", rich(&text::section_line(lang, r, s))));
        for (n, l) in s.losses.iter().enumerate() {
            out.push_str(&format!(
                "#### {}\n\n",
                md(&text::loss_heading(lang, &s.code, n + 1, l))
            ));
            out.push_str(&format!("- {}\n", rich(&text::loss_result(lang, l))));
            if let Some(why) = &l.why {
                out.push_str(&format!("- **{}** {}\n", text::why_label(lang), md(why)));
            }
            if let Some(note) = &l.note {
                out.push_str(&format!("- **{}** {}\n", text::note_label(lang), md(note)));
            }
            let (label, offices) = text::responsible_line(lang, &l.responsible);
            out.push_str(&format!("- **{label}** {}\n\n", md(&offices)));
        }
        if s.losses.is_empty() && !s.responsible.is_empty() {
            let (label, offices) = text::responsible_line(lang, &s.responsible);
            out.push_str(&format!("**{label}** {}\n\n", md(&offices)));
        }
    }

    // III. Summary.
    out.push_str(&format!("## {}\n\n", w.part_summary));
    out.push_str(&format!("{}\n\n", md(&text::overall_loss(lang, r))));
    if !r.top.is_empty() {
        out.push_str(&format!("### {}\n\n", w.top_losses));
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n|--:|---|---|--:|--:|---|\n",
            w.number,
            w.code,
            w.criterion,
            w.score,
            w.lost,
            cell(w.responsible_col)
        ));
        for (n, l) in r.top.iter().enumerate() {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                n + 1,
                cell(&l.code),
                cell(&l.title),
                text::fraction(lang, l.score, l.max),
                lang.number(l.loss),
                cell(&text::offices(lang, &l.responsible))
            ));
        }
        out.push('\n');
        out.push_str(&format!("### {}\n\n", w.by_office));
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n|---|--:|--:|---|\n",
            w.office, w.criteria_count, w.lost, w.per_section
        ));
        for o in &r.offices {
            let name = if o.office.is_empty() {
                w.no_office
            } else {
                &o.office
            };
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(name),
                o.criteria,
                lang.number(o.total),
                cell(&text::per_section(lang, &o.per_section))
            ));
        }
        out.push_str(&format!("\n_{}_\n\n", w.shared_note));
    }
    out.push_str(&format!("---\n\n_{}_\n", w.footer));
    out
}
