//! The results report of one unit as a Word document (`report --format docx`): the same
//! [`Report`] and the same sentences as the Markdown and HTML renderings, on the state's
//! letterhead, A4 portrait.

use super::{
    bar, body, cell, centred, grid, keep_together, pack, para, report_opening, run, table_rows,
    text_cell, Bar, CellKind, DocxError, Letterhead, Orientation, BODY, TABLE,
};
use crate::i18n::{docx as words, Lang};
use crate::report::text::{self, Seg};
use crate::report::Report;
use docx_rs::{AlignmentType, Docx, LineSpacing, Paragraph, Table, TableRow, WidthType};
use rust_decimal::Decimal;

/// A sentence of segments, its key figures bold.
pub(super) fn rich(p: Paragraph, segs: &[Seg]) -> Paragraph {
    segs.iter().fold(p, |p, s| match s {
        Seg::Text(x) => p.add_run(run(x, BODY)),
        Seg::Strong(x) => p.add_run(run(x, BODY).bold()),
    })
}

/// A heading of the report's parts (I., II., III.) or of a section.
pub(super) fn heading(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, BODY).bold())
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(120).after(60))
}

/// The report as a .docx file.
pub fn render(r: &Report, head: &Letterhead, lang: Lang) -> Result<Vec<u8>, DocxError> {
    let orientation = Orientation::Portrait;
    let width = orientation.text_width();
    let w = text::words(lang);
    // The document's kind and subject, then the set it was scored with.
    let mut doc = report_opening(head, &words::report_subject(lang, &r.period, &r.unit), lang)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&text::criteria_line(lang, r), 22).italic())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(60).after(240)),
        );

    // I. The overall result and the sections at a glance.
    doc = doc
        .add_paragraph(heading(w.part_overall))
        .add_paragraph(rich(body(), &text::overall(lang, r)));
    if let Some(line) = text::components(lang, r) {
        doc = doc.add_paragraph(body().add_run(run(&line, BODY)));
    }
    if let Some(line) = text::peer_grades(lang, r) {
        doc = doc.add_paragraph(body().add_run(run(&line, BODY)));
    }
    doc = doc.add_paragraph(body().add_run(run(&text::overall_loss(lang, r), BODY)));
    doc = doc.add_table(sections_table(r, lang, width));
    doc = chart(doc, r, lang, width);

    // II. Each section, with its criteria that lost points.
    doc = doc.add_paragraph(heading(w.part_sections));
    for s in &r.sections {
        doc = doc
            .add_paragraph(heading(&text::section_heading(s)))
            .add_paragraph(rich(body(), &text::section_line(lang, r, s)));
        for (n, l) in s.losses.iter().enumerate() {
            doc = doc
                .add_paragraph(
                    body()
                        .add_run(run(&text::loss_heading(lang, &s.code, n + 1, l), BODY).italic())
                        .keep_next(true),
                )
                .add_paragraph(rich(body(), &text::loss_result(lang, l)));
            if let Some(why) = &l.why {
                doc = doc.add_paragraph(
                    body()
                        .add_run(run(text::why_label(lang), BODY).bold())
                        .add_run(run(&format!(" {why}"), BODY)),
                );
            }
            if let Some(note) = &l.note {
                doc = doc.add_paragraph(
                    body()
                        .add_run(run(text::note_label(lang), BODY).bold())
                        .add_run(run(&format!(" {note}"), BODY)),
                );
            }
            let (label, offices) = text::responsible_line(lang, &l.responsible);
            doc = doc.add_paragraph(
                body()
                    .add_run(run(&label, BODY).bold())
                    .add_run(run(&format!(" {offices}"), BODY)),
            );
        }
        if s.losses.is_empty() && !s.responsible.is_empty() {
            let (label, offices) = text::responsible_line(lang, &s.responsible);
            doc = doc.add_paragraph(
                body()
                    .add_run(run(&label, BODY).bold())
                    .add_run(run(&format!(" {offices}"), BODY)),
            );
        }
    }

    // III. Summary: the largest losses and the points lost per office.
    doc = doc
        .add_paragraph(heading(w.part_summary))
        .add_paragraph(body().add_run(run(&text::overall_loss(lang, r), BODY)));
    if !r.top.is_empty() {
        doc = doc
            .add_paragraph(heading(w.top_losses))
            .add_table(top_table(r, lang, width))
            .add_paragraph(para("", BODY))
            .add_paragraph(heading(w.by_office))
            .add_table(office_table(r, lang, width))
            .add_paragraph(
                Paragraph::new()
                    .add_run(run(w.shared_note, 22).italic())
                    .line_spacing(LineSpacing::new().before(60).after(120)),
            );
    }
    doc = closing(doc, head, lang, width);
    pack(doc)
}

/// Sections: score, max, percentage, [previous], [rank], points lost; the total last.
pub(super) fn sections_table(r: &Report, lang: Lang, width: usize) -> Table {
    let w = text::words(lang);
    let previous = r.previous.as_ref();
    let with_rank = r.place.is_some();
    // The figures' columns: 19 mm each ("100,00%" on one line), the rank's 25 mm; the
    // sections' titles take the rest.
    let (fig_w, rank_w) = (1080, 1400);
    let mut head = vec![
        w.section.to_string(),
        w.score.into(),
        w.max.into(),
        w.percent.into(),
    ];
    let mut widths = vec![0, fig_w, fig_w, fig_w];
    if let Some(p) = previous {
        head.push(text::period_label(lang, &p.period));
        widths.push(fig_w);
    }
    if with_rank {
        head.push(w.rank.into());
        widths.push(rank_w);
    }
    head.push(w.lost.into());
    widths.push(fig_w);
    widths[0] = width - widths.iter().sum::<usize>();

    // Each line as its texts; the section's title left, figures right, the total bold.
    let line = |title: String,
                score: Decimal,
                max: Decimal,
                percent: Option<Decimal>,
                before: Option<Decimal>,
                place: Option<crate::report::Place>,
                loss: Decimal| {
        let mut cells = vec![
            title,
            lang.number(score),
            lang.number(max),
            text::percent(lang, percent),
        ];
        if previous.is_some() {
            cells.push(text::percent(lang, before));
        }
        if with_rank {
            cells.push(text::place_cell(lang, place));
        }
        cells.push(lang.number(loss));
        cells
    };
    let row = |cells: Vec<String>, first: CellKind, rest: CellKind| {
        TableRow::new(
            cells
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(k, (c, &cw))| text_cell(c, cw, TABLE, if k == 0 { first } else { rest }))
                .collect(),
        )
    };
    let head = vec![row(head, CellKind::Head, CellKind::Head)];
    let mut rows = Vec::new();
    for s in &r.sections {
        rows.push(row(
            line(
                text::section_heading(s),
                s.score,
                s.max,
                s.percent,
                s.previous_percent,
                s.place,
                s.loss,
            ),
            CellKind::Text,
            CellKind::Figure,
        ));
    }
    rows.push(row(
        line(
            w.total.to_string(),
            r.score,
            r.max,
            r.percent,
            previous.and_then(|p| p.percent),
            r.place,
            r.loss,
        ),
        CellKind::Head,
        CellKind::Strong,
    ));
    grid(&widths, table_rows(head, rows))
}

/// The chart: one row per section, its label, then a bar as long as its percentage (and the
/// previous period's under it) with the figure beside it.
fn chart(doc: Docx, r: &Report, lang: Lang, width: usize) -> Docx {
    let label_w = width * 2 / 5;
    let plot_w = width - label_w;
    // Room for the figure after a full bar.
    let full = plot_w - 1400;
    let caption = match &r.previous {
        Some(p) => format!(
            "{} ({}; {})",
            lang.t(crate::i18n::report::CHART_CAPTION),
            text::period_label(lang, &r.period),
            text::period_label(lang, &p.period)
        ),
        None => format!(
            "{} ({})",
            lang.t(crate::i18n::report::CHART_CAPTION),
            text::period_label(lang, &r.period)
        ),
    };
    let bar_line = |pct: Option<Decimal>, colour: Bar| -> Paragraph {
        let p = Paragraph::new().line_spacing(LineSpacing::new().before(20).after(20));
        match pct {
            None => p.add_run(run("–", TABLE)),
            Some(pct) => {
                let share = pct.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
                let len = (Decimal::from(full) * share / Decimal::ONE_HUNDRED)
                    .round()
                    .try_into()
                    .unwrap_or(0usize);
                p.add_run(docx_rs::Run::new().add_image(bar(colour, len, 200)))
                    .add_run(run(&format!(" {}", lang.percent(pct)), TABLE))
            }
        }
    };
    let rows = r
        .sections
        .iter()
        .map(|s| {
            let mut bars = vec![bar_line(s.percent, Bar::Now)];
            if r.previous.is_some() {
                bars.push(bar_line(s.previous_percent, Bar::Before));
            }
            TableRow::new(vec![
                text_cell(&text::section_heading(s), label_w, 22, CellKind::Text),
                cell(bars, plot_w),
            ])
        })
        .collect();
    let table = Table::without_borders(keep_together(rows))
        .set_grid(vec![label_w, plot_w])
        .layout(docx_rs::TableLayoutType::Fixed)
        .width(width, WidthType::Dxa);
    doc.add_paragraph(para("", BODY))
        .add_table(table)
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&caption, 22).italic())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(60).after(120)),
        )
}

/// The largest losses: number, code, criterion, score, points lost, offices.
fn top_table(r: &Report, lang: Lang, width: usize) -> Table {
    let w = text::words(lang);
    // Wide enough for "STT", a score out of its maximum ("12,345/15") and "Mất điểm" on one
    // line each at 12 pt, after the cells' margins; the criterion's title takes the rest.
    let (n_w, code_w, score_w, lost_w, office_w) = (750, 900, 1500, 1300, 2000);
    let title_w = width - n_w - code_w - score_w - lost_w - office_w;
    let widths = [n_w, code_w, title_w, score_w, lost_w, office_w];
    let head = [
        w.number,
        w.code,
        w.criterion,
        w.score,
        w.lost,
        w.responsible_col,
    ];
    let head = vec![TableRow::new(
        head.iter()
            .zip(widths)
            .map(|(h, cw)| text_cell(h, cw, TABLE, CellKind::Head))
            .collect(),
    )];
    let mut rows = Vec::new();
    for (n, l) in r.top.iter().enumerate() {
        rows.push(TableRow::new(vec![
            text_cell(&(n + 1).to_string(), n_w, TABLE, CellKind::Centre),
            text_cell(&l.code, code_w, TABLE, CellKind::Text),
            text_cell(&l.title, title_w, TABLE, CellKind::Text),
            text_cell(
                &text::fraction(lang, l.score, l.max),
                score_w,
                TABLE,
                CellKind::Figure,
            ),
            text_cell(&lang.number(l.loss), lost_w, TABLE, CellKind::Figure),
            text_cell(
                &text::offices(lang, &l.responsible),
                office_w,
                TABLE,
                CellKind::Text,
            ),
        ]));
    }
    grid(&widths, table_rows(head, rows))
}

/// Points lost per office: office, criteria, points, per section.
fn office_table(r: &Report, lang: Lang, width: usize) -> Table {
    let w = text::words(lang);
    let (count_w, fig_w, per_w) = (1100, 1100, 3000);
    let office_w = width - count_w - fig_w - per_w;
    let widths = [office_w, count_w, fig_w, per_w];
    let head = [w.office, w.criteria_count, w.lost, w.per_section];
    let head = vec![TableRow::new(
        head.iter()
            .zip(widths)
            .map(|(h, cw)| text_cell(h, cw, TABLE, CellKind::Head))
            .collect(),
    )];
    let mut rows = Vec::new();
    for o in &r.offices {
        let name = if o.office.is_empty() {
            w.no_office
        } else {
            &o.office
        };
        rows.push(TableRow::new(vec![
            text_cell(name, office_w, TABLE, CellKind::Text),
            text_cell(&o.criteria.to_string(), count_w, TABLE, CellKind::Figure),
            text_cell(&lang.number(o.total), fig_w, TABLE, CellKind::Figure),
            text_cell(
                &text::per_section(lang, &o.per_section),
                per_w,
                TABLE,
                CellKind::Text,
            ),
        ]));
    }
    grid(&widths, table_rows(head, rows))
}

/// The recipients on the left, the signer's title on the right, as the decree closes a
/// document.
pub(super) fn closing(doc: Docx, head: &Letterhead, lang: Lang, width: usize) -> Docx {
    let left_w = width / 2;
    let right_w = width - left_w;
    let left = vec![
        Paragraph::new().add_run(run(lang.t(words::RECIPIENTS), 24).bold().italic()),
        Paragraph::new().add_run(run(lang.t(words::RECIPIENT_FILE), 22)),
    ];
    let signer = head
        .signer
        .clone()
        .unwrap_or_else(|| lang.t(words::SIGNER).to_string());
    let right = vec![
        centred(&signer.to_uppercase(), BODY),
        Paragraph::new()
            .add_run(run(lang.t(words::SIGNATURE), 22).italic())
            .align(AlignmentType::Center),
    ];
    let table = Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w).vertical_align(docx_rs::VAlignType::Top),
        cell(right, right_w).vertical_align(docx_rs::VAlignType::Top),
    ])])
    .set_grid(vec![left_w, right_w])
    .layout(docx_rs::TableLayoutType::Fixed)
    .width(width, WidthType::Dxa);
    // The blank line before it kept with it: what comes before can be kept with the signature.
    doc.add_paragraph(para("", BODY).keep_next(true))
        .add_table(table)
}
