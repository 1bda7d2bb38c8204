//! The published annex of results as a Word document (`rank --format docx`): the state's
//! letterhead on landscape A4, the heading "Phụ lục: Kết quả Chỉ số cải cách hành chính năm …
//! của …", then one table per group of units (one in all without groups) with the units per
//! grade under each.

use super::{
    cell, centred, grid, letterhead, pack, para, run, table_rows_kept_under, text_cell, CellKind,
    DocxError, Orientation, BODY,
};
use crate::i18n::{docx as words, units as units_words, Lang};
use crate::render::annex::{Annex, AnnexHead, AnnexTable};
use docx_rs::{AlignmentType, LineSpacing, Paragraph, Table, TableRow};

/// Table text: 11 pt, heads 9 pt, so that eight sections fit across the page; a head whose
/// longest word would not fit its column at 9 pt is set smaller, down to 7 pt.
const ROW: usize = 22;
const HEAD: usize = 18;
const HEAD_SMALLEST: usize = 14;

/// The size of the column heads `columns` (with their widths), in half-points: one for all,
/// so that they wrap only between words: 9 pt, or the largest size down to 7 pt at which
/// every head's longest word fits its column ("Điểm thưởng" in a 13 mm column was broken
/// "thưởn/g").
fn heads_size<'a>(columns: impl IntoIterator<Item = (&'a str, usize)>) -> usize {
    columns
        .into_iter()
        .map(|(text, width)| head_size(text, width))
        .min()
        .unwrap_or(HEAD)
}

/// The largest size, 7 to 9 pt, at which the longest word of `text` fits `width` twips.
fn head_size(text: &str, width: usize) -> usize {
    // Word's and LibreOffice's default cell margins, 108 twips each side, and some slack for
    // the estimate.
    let room = width.saturating_sub(2 * 108 + 20) as f32;
    let widest = text
        .split_whitespace()
        .map(word_ems)
        .fold(0.0_f32, f32::max);
    // A half-point is 10 twips: a word `ems` wide at size `s` takes ems × s × 10 twips.
    (HEAD_SMALLEST..=HEAD)
        .rev()
        .find(|&size| widest * size as f32 * 10.0 <= room)
        .unwrap_or(HEAD_SMALLEST)
}

/// A word's width in ems in Times New Roman bold, estimated from its letters' shapes (a
/// layout estimate, not a figure: f32 is fine here). A Vietnamese letter is as wide as its
/// base letter, a horn (ư, ơ) a little wider.
fn word_ems(word: &str) -> f32 {
    use unicode_normalization::UnicodeNormalization;
    word.nfd()
        .map(|c| match c {
            '\u{31B}' => 0.06,
            '\u{300}'..='\u{36F}' => 0.0,
            'i' | 'j' | 'l' | 't' | 'f' | 'r' | 'I' | 'J' | 's' => 0.4,
            'm' | 'M' | 'W' => 1.0,
            'w' => 0.75,
            'E' | 'F' | 'L' | 'P' | 'S' | 'T' | 'Z' => 0.68,
            'A'..='Z' => 0.78,
            '0'..='9' => 0.5,
            '.' | ',' | ':' | ';' | '-' | '(' | ')' | '/' | '\'' => 0.34,
            _ => 0.56,
        })
        .sum()
}

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
        if !t.refused.is_empty() {
            doc = doc.add_paragraph(note(&units_words::not_ranked(lang, &t.refused)));
        }
    }
    if !annex.missing_elsewhere.is_empty() {
        doc = doc.add_paragraph(note(&units_words::not_sent(lang, &annex.missing_elsewhere)));
    }
    if !annex.refused_elsewhere.is_empty() {
        doc = doc.add_paragraph(note(&units_words::not_ranked(
            lang,
            &annex.refused_elsewhere,
        )));
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
    let size = heads_size(
        columns
            .iter()
            .map(String::as_str)
            .zip(widths.iter().copied()),
    );
    let mut head = vec![TableRow::new(
        columns
            .iter()
            .zip(&widths)
            .map(|(h, &w)| text_cell(h, w, size, CellKind::Head))
            .collect(),
    )];
    let mut maxima =
        vec![text_cell(lang.t(words::MAXIMUM), stt + unit_w, size, CellKind::Head).grid_span(2)];
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
    grid(&widths, table_rows_kept_under(head, rows, 8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_is_set_small_enough_for_its_longest_word() {
        // At 9 pt LibreOffice broke "thưởng" in a 760-twip column (10 sections on the page).
        assert!(head_size("9. Điểm thưởng", 760) < HEAD);
        assert!(word_ems("thưởng") * head_size("9. Điểm thưởng", 760) as f32 * 10.0 <= 524.0);
        // In a wide column, or with short words, the heads stay at 9 pt.
        assert_eq!(head_size("9. Điểm thưởng", 1500), HEAD);
        assert_eq!(head_size("3. Cải cách thủ tục hành chính", 760), HEAD);
        // A word too long for any size gets the smallest, and wraps as it must.
        assert_eq!(head_size("Chủ-tịch-Ủy-ban-nhân-dân", 760), HEAD_SMALLEST);
        // Composed and decomposed Vietnamese measure alike; a horn widens a letter.
        use unicode_normalization::UnicodeNormalization;
        let nfd: String = "thưởng".nfd().collect();
        assert_eq!(word_ems("thưởng"), word_ems(&nfd));
        assert!(word_ems("ư") > word_ems("u"));
        // All heads share the smallest size any of them needs.
        assert_eq!(
            heads_size([("STT", 620), ("9. Điểm thưởng", 760), ("Xếp loại", 900)]),
            head_size("9. Điểm thưởng", 760)
        );
    }
}
