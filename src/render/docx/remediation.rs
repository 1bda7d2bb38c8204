//! The remediation report (báo cáo khắc phục) as a Word document (`report --remediation PLAN
//! --format docx`): the same [`Remediation`] and the same sentences as its Markdown and HTML
//! renderings ([`crate::remediation::text`]), on the state's letterhead, A4 portrait, laid out
//! as the district's own report is: "BÁO CÁO", its subject, the overall result, I. the plan's
//! progress, II. each section and each lost criterion with its remedy, III. the conclusion,
//! then the recipients and the signer.

use super::report::{closing, heading, rich, sections_table};
use super::{
    body, grid, pack, para, report_opening, run, table_rows, text_cell, CellKind, DocxError,
    Letterhead, Orientation, BODY, TABLE,
};
use crate::i18n::remediation as w;
use crate::i18n::Lang;
use crate::remediation::text::{self, Line};
use crate::remediation::Remediation;
use crate::report::text::{criteria_line, overall, overall_loss, section_heading};
use docx_rs::{AlignmentType, Docx, LineSpacing, Paragraph, Table, TableRow};

/// A criterion's or a section's lines, each a body paragraph: its label bold, then its text.
fn lines(mut doc: Docx, lines: &[Line]) -> Docx {
    for l in lines {
        let p = if l.label.is_empty() {
            body().add_run(run(&l.text, BODY))
        } else {
            body()
                .add_run(run(&l.label, BODY).bold())
                .add_run(run(&format!(" {}", l.text), BODY))
        };
        doc = doc.add_paragraph(p);
    }
    doc
}

/// A line of text, as a body paragraph.
fn plain(text: &str) -> Paragraph {
    body().add_run(run(text, BODY))
}

/// The remediation report as a .docx file.
pub fn render(r: &Remediation, head: &Letterhead, lang: Lang) -> Result<Vec<u8>, DocxError> {
    let orientation = Orientation::Portrait;
    let width = orientation.text_width();
    let rep = &r.report;
    // The document's kind and subject, when the remedies were reported, the set.
    let mut doc = report_opening(head, &w::docx_subject(lang, &rep.period, &rep.unit), lang);
    if let Some(d) = r.as_of {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(run(&format!("({})", w::as_of(lang, d)), BODY).italic())
                .align(AlignmentType::Center),
        );
    }
    doc = doc.add_paragraph(
        Paragraph::new()
            .add_run(run(&criteria_line(lang, rep), 22).italic())
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().before(60).after(240)),
    );

    // The result being remedied, and the sections at a glance.
    doc = doc
        .add_paragraph(rich(body(), &overall(lang, rep)))
        .add_paragraph(plain(&overall_loss(lang, rep)))
        .add_table(sections_table(rep, lang, width))
        .add_paragraph(para("", BODY))
        .add_paragraph(plain(&w::docx_opening(lang, &rep.unit, &rep.period)));

    // I. The improvement plan.
    doc = doc
        .add_paragraph(heading(lang.t(w::PART_PLAN)))
        .add_paragraph(plain(&text::plan_sentence(lang, r)));

    // II. Each section, each lost criterion with its remedy.
    doc = doc.add_paragraph(heading(lang.t(w::PART_SECTIONS)));
    for (s, rem) in rep.sections.iter().zip(&r.sections) {
        doc = doc
            .add_paragraph(heading(&section_heading(s)))
            .add_paragraph(rich(body(), &text::section_figures(lang, r, s)));
        if rem.criteria.is_empty() {
            doc = lines(doc, &text::upkeep_lines(lang, rem));
        }
        for (n, c) in rem.criteria.iter().enumerate() {
            doc = doc.add_paragraph(
                body()
                    .add_run(
                        run(&text::criterion_heading(lang, &s.code, n + 1, c), BODY)
                            .bold()
                            .italic(),
                    )
                    .keep_next(true),
            );
            doc = lines(doc, &text::criterion_lines(lang, r, c));
        }
    }

    // III. Conclusion: what is remedied, what is still at stake, what the new set dropped.
    doc = doc.add_paragraph(heading(lang.t(w::PART_CONCLUSION)));
    let (n_done, done_points) = r.remedied;
    if n_done > 0 {
        doc = doc.add_paragraph(plain(&w::remedied(lang, n_done, &lang.number(done_points))));
    }
    if r.outstanding.is_empty() {
        doc = doc.add_paragraph(plain(lang.t(w::CONCLUSION_NONE)));
    } else {
        doc = doc
            .add_paragraph(
                plain(&w::outstanding(
                    lang,
                    r.outstanding.len(),
                    &lang.number(r.at_stake),
                ))
                .keep_next(true),
            )
            .add_table(outstanding_table(r, lang, width))
            .add_paragraph(para("", BODY));
    }
    let dropped = text::dropped_items(lang, r);
    if !dropped.is_empty() {
        doc = doc.add_paragraph(plain(lang.t(w::DROPPED_HEAD)).keep_next(true));
        for d in dropped {
            doc = doc.add_paragraph(plain(&format!("- {d}")));
        }
    }
    if let Some(p) = text::projection(lang, r) {
        doc = doc
            .add_paragraph(heading(lang.t(w::INTERIM_HEAD)))
            .add_paragraph(plain(&p));
    }
    // The last sentence stays on the page of the signature.
    doc = doc.add_paragraph(plain(&w::docx_closing(lang, &rep.period)).keep_next(true));
    doc = closing(doc, head, lang, width);
    pack(doc)
}

/// The criteria not yet remedied: item, criterion, status, points at stake, offices.
fn outstanding_table(r: &Remediation, lang: Lang, width: usize) -> Table {
    let (code_w, status_w, fig_w, office_w) = (900, 1600, 1000, 2600);
    let title_w = width - code_w - status_w - fig_w - office_w;
    let widths = [code_w, title_w, status_w, fig_w, office_w];
    let head = [
        w::COL_CODE,
        w::COL_CRITERION,
        w::COL_STATUS,
        w::COL_AT_STAKE,
        w::COL_RESPONSIBLE,
    ];
    let kinds = [
        CellKind::Text,
        CellKind::Text,
        CellKind::Text,
        CellKind::Figure,
        CellKind::Text,
    ];
    let head = vec![TableRow::new(
        head.iter()
            .zip(widths)
            .map(|(h, cw)| text_cell(lang.t(*h), cw, TABLE, CellKind::Head))
            .collect(),
    )];
    let mut rows = Vec::new();
    for row in text::outstanding_rows(lang, r) {
        rows.push(TableRow::new(
            row.iter()
                .zip(widths)
                .zip(kinds)
                .map(|((c, cw), kind)| text_cell(c, cw, TABLE, kind))
                .collect(),
        ));
    }
    // A row is never split across pages (the table itself may run over one), and the head
    // is never left alone at the foot of a page: it is repeated on each page.
    grid(&widths, table_rows(head, rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn krong_no() -> Remediation {
        crate::remediation::tests::krong_no(false)
    }

    fn document_xml(r: &Remediation, lang: Lang) -> String {
        let head = Letterhead {
            parent: None,
            issuer: "UBND huyện Krông Nô".into(),
            number: None,
            place: None,
            date: super::super::Date::parse("2023-08-31").unwrap(),
            signer: None,
        };
        let bytes = render(r, &head, lang).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn nothing_outstanding_is_said_in_words_and_has_no_table() {
        let mut r = krong_no();
        let xml = document_xml(&r, Lang::Vi);
        assert!(xml.contains(">Điểm còn bị mất<"));
        assert!(!xml.contains(w::CONCLUSION_NONE.vi));
        r.outstanding.clear();
        let xml = document_xml(&r, Lang::Vi);
        assert!(!xml.contains(">Điểm còn bị mất<"));
        assert!(xml.contains(w::CONCLUSION_NONE.vi));
    }

    #[test]
    fn the_outstanding_table_fills_the_width_between_the_margins() {
        let r = krong_no();
        let width = Orientation::Portrait.text_width();
        let table = outstanding_table(&r, Lang::Vi, width);
        assert_eq!(table.grid.iter().sum::<usize>(), width);
        // The head and one row per criterion not remedied.
        assert_eq!(table.rows.len(), r.outstanding.len() + 1);
    }
}
