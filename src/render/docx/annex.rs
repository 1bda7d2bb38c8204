//! The published annex of results as a Word document (`rank --format docx`): the state's
//! letterhead on landscape A4, the heading "Phụ lục: Kết quả Chỉ số cải cách hành chính năm …
//! của …", then one table per group of units (one in all without groups) with the units per
//! grade under each.

use super::{
    cell, centred, grid, letterhead, pack, para, run, table_rows, text_cell, CellKind, DocxError,
    Orientation, BODY,
};
use crate::i18n::{docx as words, units as units_words, Lang};
use crate::render::annex::{Annex, AnnexHead, AnnexTable};
use docx_rs::{AlignmentType, LineSpacing, Paragraph, Table, TableRow};

/// Table text: 11 pt, heads 9 pt, so that eight sections fit across the page.
const ROW: usize = 22;
const HEAD: usize = 18;

/// The annex as a .docx file.
pub fn render(annex: &Annex, head: &AnnexHead, lang: Lang) -> Result<Vec<u8>, DocxError> {
    let orientation = Orientation::Landscape;
    let width = orientation.text_width();
    let mut doc = letterhead(
        super::document(orientation, lang),
        &head.letterhead,
        &head.number(lang),
        lang,
        orientation,
    );
    doc = doc
        .add_paragraph(centred(&head.heading(annex, lang), 28))
        .add_paragraph(
            Paragraph::new()
                .add_run(run(&head.attached(lang), BODY).italic())
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(60).after(240)),
        );
    for (n, t) in annex.tables.iter().enumerate() {
        if annex.grouped {
            let name = annex.group_name(t, lang);
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(
                        run(
                            &words::group_heading(lang, n + 1, &name, t.rows.len()),
                            BODY,
                        )
                        .bold(),
                    )
                    .keep_next(true)
                    .line_spacing(LineSpacing::new().before(120).after(60)),
            );
        }
        doc = doc.add_table(table(t, lang, width));
        if !t.grades.is_empty() {
            doc = doc.add_paragraph(
                Paragraph::new()
                    .add_run(run(&words::grade_counts(lang, &t.grades), 24).italic())
                    .line_spacing(LineSpacing::new().before(60).after(120)),
            );
        }
        if !t.missing.is_empty() {
            doc = doc.add_paragraph(note(&units_words::not_sent(lang, &t.missing)));
        }
    }
    if !annex.missing_elsewhere.is_empty() {
        doc = doc.add_paragraph(note(&units_words::not_sent(lang, &annex.missing_elsewhere)));
    }
    let groups = annex.group_counts(lang);
    if !groups.is_empty() {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(&words::group_counts(lang, &groups), 24).italic())
                .line_spacing(LineSpacing::new().before(60).after(120)),
        );
    }
    pack(doc.add_paragraph(para("", BODY)))
}

/// A line under a table, in italics.
fn note(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, 24).italic())
        .line_spacing(LineSpacing::new().before(60).after(120))
}

/// One table: heads, the maxima, then a row per unit, best first.
fn table(t: &AnnexTable, lang: Lang, width: usize) -> Table {
    let n_sections = t.sections.len();
    // The unit's maximum ("98,5", "100") and the rank take narrower columns than the total
    // ("100,000") and the percentage ("74,38%"): ten sections still leave the names room.
    let (stt, fig, max, percent, rank, grade) = (620, 1000, 760, 900, 620, 900);
    let fixed = stt + fig + max + percent + rank + grade;
    // The unit's name takes what the sections leave: 53 mm (a district's or department's
    // name on one line) when the sections fit in 15–26 mm each, less with more sections, which
    // keep room for a figure such as 12,345 on one line.
    let section_w = (width.saturating_sub(fixed + 3000) / n_sections.max(1)).clamp(760, 1500);
    let unit_w = width
        .saturating_sub(fixed + section_w * n_sections)
        .max(1800);
    let mut widths = vec![stt, unit_w];
    widths.extend(std::iter::repeat_n(section_w, n_sections));
    widths.extend([fig, max, percent, rank, grade]);

    let columns = AnnexHead::columns(t, lang);
    let mut head = vec![TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(h, &w)| text_cell(h, w, HEAD, CellKind::Head))
            .collect(),
    )];
    let mut maxima =
        vec![text_cell(lang.t(words::MAXIMUM), stt + unit_w, HEAD, CellKind::Head).grid_span(2)];
    maxima.extend(
        t.sections
            .iter()
            .map(|(_, _, max)| text_cell(&lang.number(*max), section_w, ROW, CellKind::Strong)),
    );
    maxima.push(text_cell(&lang.number(t.max), fig, ROW, CellKind::Strong));
    maxima.extend([max, percent, rank, grade].map(|w| cell(vec![Paragraph::new()], w)));
    head.push(TableRow::new(maxima));
    let mut rows = Vec::with_capacity(t.rows.len());
    for (k, r) in t.rows.iter().enumerate() {
        let mut cells = vec![
            text_cell(&(k + 1).to_string(), stt, ROW, CellKind::Centre),
            text_cell(&r.unit, unit_w, ROW, CellKind::Text),
        ];
        cells.extend(
            r.sections
                .iter()
                .map(|p| text_cell(&lang.number(*p), section_w, ROW, CellKind::Figure)),
        );
        cells.extend([
            text_cell(&lang.number(r.score), fig, ROW, CellKind::Strong),
            text_cell(&lang.number(r.max), max, ROW, CellKind::Figure),
            text_cell(
                &r.percent.map_or_else(|| "–".into(), |p| lang.percent(p)),
                percent,
                ROW,
                CellKind::Figure,
            ),
            text_cell(&r.rank.to_string(), rank, ROW, CellKind::Centre),
            text_cell(
                r.grade.as_deref().unwrap_or(""),
                grade,
                ROW,
                CellKind::Centre,
            ),
        ]);
        rows.push(TableRow::new(cells));
    }
    // The heads and the maxima repeated on each page; a long table starts under its title.
    grid(&widths, table_rows(head, rows))
}
