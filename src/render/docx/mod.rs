//! Word documents (`.docx`) in the state's layout for administrative documents, Nghị định
//! 30/2020/NĐ-CP: the issuing body and "Số: …" on the left, the nation's name and motto on the
//! right, place and date under them, Times New Roman 13 pt, A4 with margins top and bottom
//! 20 mm, left 30 mm, right 15 mm. The layout lives here, once; [`report`] writes one unit's
//! results report on it (portrait), [`remediation`] its remediation report (portrait) and
//! [`annex`] the published annex of results (landscape).
//!
//! Tables are real Word tables (editable); the report's chart is a table whose bars are
//! images (a one-pixel PNG stretched to each percentage), so that its labels and figures are
//! text in the document's font, diacritics and all, on any machine, and no chart library or
//! font has to ship with the tool.

pub mod annex;
pub mod remediation;
pub mod report;

use crate::i18n::{docx as words, Lang};
use docx_rs::{
    AlignmentType, BorderType, Docx, Footer, Header, LineSpacing, PageMargin, PageNum,
    PageOrientationType, Paragraph, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Pic, Run, RunFonts, Shading, Table, TableCell, TableLayoutType, TableRow, VAlignType,
    WidthType,
};

/// The typeface the decree prescribes.
const FONT: &str = "Times New Roman";
/// Body text: 13 pt (the decree allows 13–14), in half-points as Word counts.
pub(crate) const BODY: usize = 26;
/// Table text: 12 pt in the report, smaller in the annex's wide tables.
pub(crate) const TABLE: usize = 24;

/// Twips (twentieths of a point) in a millimetre: 1440 per inch ÷ 25.4.
fn mm(x: u32) -> u32 {
    (x * 1440 * 10).div_ceil(254)
}

/// A4 in millimetres.
const A4: (u32, u32) = (210, 297);
/// Margins in millimetres: top, bottom, left (the binding edge), right.
pub(crate) const MARGINS: (u32, u32, u32, u32) = (20, 20, 30, 15);

/// How the page is turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    Portrait,
    Landscape,
}

impl Orientation {
    /// Page width and height in twips.
    fn page(self) -> (u32, u32) {
        match self {
            Orientation::Portrait => (mm(A4.0), mm(A4.1)),
            Orientation::Landscape => (mm(A4.1), mm(A4.0)),
        }
    }

    /// The width between the margins, in twips.
    pub(crate) fn text_width(self) -> usize {
        (self.page().0 - mm(MARGINS.2) - mm(MARGINS.3)) as usize
    }
}

/// A calendar date, as the document is dated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`, refusing a day the month does not have.
    pub fn parse(s: &str) -> Result<Date, String> {
        // Read while the command line is parsed, before its --lang is known: in English, as
        // the command line's other usage errors are.
        let bad = || words::not_a_date(Lang::En, s);
        let mut parts = s.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (year, month, day) = match (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
            (Ok(y), Ok(m), Ok(d)) => (y, m, d),
            _ => return Err(bad()),
        };
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(bad());
        }
        // A report dated before the state (1945) or far ahead is a typo, not a date to print.
        if !Date::YEARS.contains(&year) {
            return Err(words::date_out_of_range(Lang::En, s, &Date::YEARS));
        }
        Ok(Date { year, month, day })
    }

    /// The years a document may be dated in.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

    /// Today in Vietnam (UTC+7), where the document is issued.
    pub fn today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days((secs + 7 * 3600).div_euclid(86_400))
    }

    /// The civil date `days` after 1970-01-01 (H. Hinnant's days-to-civil).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub(crate) fn ymd(self) -> (i32, u32, u32) {
        (self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Who issues the document, under which number, where and when: the letterhead's figures.
#[derive(Debug, Clone)]
pub struct Letterhead {
    /// The body above the issuer (cơ quan chủ quản), e.g. "UBND TỈNH ĐẮK NÔNG"; optional.
    pub parent: Option<String>,
    /// The issuing body, e.g. "SỞ NỘI VỤ".
    pub issuer: String,
    /// The document's number, e.g. "251/QĐ-UBND"; `None`: left for the office to fill in.
    pub number: Option<String>,
    /// Where it is issued; `None`: left to fill in.
    pub place: Option<String>,
    pub date: Date,
    /// The signer's title, e.g. "CHỦ TỊCH"; `None`: a placeholder.
    pub signer: Option<String>,
}

/// Text fit for a Word run: control characters (which XML 1.0 cannot hold, and which a
/// hostile file could carry) become spaces.
pub(crate) fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

/// A run of text at `size` half-points, in the document's font (set once, as its default).
pub(crate) fn run(text: &str, size: usize) -> Run {
    let r = Run::new().add_text(clean(text));
    if size == BODY {
        r
    } else {
        r.size(size)
    }
}

/// A paragraph of one run, spaced 6 pt after.
pub(crate) fn para(text: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size))
        .line_spacing(LineSpacing::new().before(0).after(120))
}

/// A body paragraph: justified, first line indented 1 cm, as the decree lays body text out.
pub(crate) fn body() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(docx_rs::SpecialIndentType::FirstLine(mm(10) as i32)),
            None,
            None,
        )
        .line_spacing(LineSpacing::new().before(0).after(120))
}

/// A centred, bold heading line.
pub(crate) fn centred(text: &str, size: usize) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, size).bold())
        .align(AlignmentType::Center)
        .line_spacing(LineSpacing::new().before(0).after(0))
}

/// A table cell holding `paragraphs`, with its width in twips.
pub(crate) fn cell(paragraphs: Vec<Paragraph>, width: usize) -> TableCell {
    paragraphs
        .into_iter()
        .fold(TableCell::new(), |c, p| c.add_paragraph(p))
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
}

/// A cell of one line of text: figures right-aligned, text left, heads centred and bold.
pub(crate) fn text_cell(text: &str, width: usize, size: usize, how: CellKind) -> TableCell {
    let mut r = run(text, size);
    let align = match how {
        CellKind::Text => AlignmentType::Left,
        CellKind::Figure => AlignmentType::Right,
        CellKind::Centre => AlignmentType::Center,
        CellKind::Head => {
            r = r.bold();
            AlignmentType::Center
        }
        CellKind::Strong => {
            r = r.bold();
            AlignmentType::Right
        }
    };
    let c = cell(
        vec![Paragraph::new()
            .add_run(r)
            .align(align)
            .line_spacing(LineSpacing::new().before(20).after(20))],
        width,
    );
    if how == CellKind::Head {
        c.shading(Shading::new().fill("E9EEF4"))
    } else {
        c
    }
}

/// How a cell's text is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CellKind {
    Text,
    Figure,
    Centre,
    Head,
    /// A total: a bold figure.
    Strong,
}

/// A bordered table of fixed column widths (twips).
pub(crate) fn grid(widths: &[usize], rows: Vec<TableRow>) -> Table {
    Table::new(rows)
        .set_grid(widths.to_vec())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
}

/// Rows that stay on one page when they fit: no row split across pages, and every row but the
/// last kept with the next (Word's "keep with next" on each of its paragraphs), so that a table
/// is not broken by a page end unless it is longer than a page. Only for short tables: on a
/// long one the chain of keeps pushes the whole table past its title (see [`table_rows`]).
pub(crate) fn keep_together(rows: Vec<TableRow>) -> Vec<TableRow> {
    let last = rows.len().saturating_sub(1);
    rows.into_iter()
        .enumerate()
        .map(|(k, row)| {
            let row = if k < last { keep_with_next(row) } else { row };
            row.cant_split()
        })
        .collect()
}

/// A table's rows for running over pages: `head` repeated at the top of each page and kept
/// with the first row under it; no row split across pages; a short table (at most
/// [`SHORT_TABLE`] rows under its head) kept on one page whole.
pub(crate) fn table_rows(head: Vec<TableRow>, body: Vec<TableRow>) -> Vec<TableRow> {
    table_rows_kept_under(head, body, SHORT_TABLE)
}

/// [`table_rows`], keeping the table whole only up to `short` rows under its head (the annex's
/// rows are taller on a page shared with the letterhead: a table of nine communes kept whole
/// would leave the first page empty under the heading).
pub(crate) fn table_rows_kept_under(
    head: Vec<TableRow>,
    body: Vec<TableRow>,
    short: usize,
) -> Vec<TableRow> {
    let short = body.len() <= short;
    let mut rows: Vec<TableRow> = head
        .into_iter()
        .map(|row| keep_with_next(heading_row(row)).cant_split())
        .collect();
    if short {
        rows.extend(keep_together(body));
    } else {
        rows.extend(body.into_iter().map(TableRow::cant_split));
    }
    rows
}

/// How many rows under its head a table may have and still be kept on one page whole: ten rows
/// of up to four lines (the remediation report's table of criteria not yet remedied) fit on an
/// A4 page under a heading; a table that does not fit would be pushed to a page of its own.
pub(crate) const SHORT_TABLE: usize = 10;

/// Word's "keep with next" on each paragraph of the row.
fn keep_with_next(mut row: TableRow) -> TableRow {
    for cell in &mut row.cells {
        let docx_rs::TableRowChild::TableCell(cell) = cell;
        for child in &mut cell.children {
            if let docx_rs::TableCellContent::Paragraph(p) = child {
                p.property = p.property.clone().keep_next(true);
            }
        }
    }
    row
}

/// What docx-rs writes for a row given [`heading_row`]'s mark, and what [`pack`] puts in its
/// place. docx-rs (0.4.22, the newest) cannot write `<w:tblHeader/>`, the row property that
/// repeats a table's heading row on each page; a row of automatic height 0 (which means no
/// more than no height at all) is its stand-in, written by docx-rs and swapped in the XML.
const HEADING_MARK: &str = r#"<w:trHeight w:val="0" w:hRule="auto" />"#;
const TABLE_HEADER: &str = "<w:tblHeader />";

/// A row repeated at the top of each page the table runs over.
fn heading_row(row: TableRow) -> TableRow {
    row.row_height(0.0).height_rule(docx_rs::HeightRule::Auto)
}

/// A bar for a chart: a one-pixel PNG stretched to `width` × `height` twips.
pub(crate) fn bar(colour: Bar, width: usize, height: usize) -> Pic {
    // One pixel of the report's navy (#1F3A5F) or of the previous period's grey-blue
    // (#9FB0C4): a PNG made once (zlib-compressed 1×1 RGB) and kept as bytes.
    const NAVY: [u8; 69] = [
        137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
        0, 0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 218, 99, 144, 183, 138, 7, 0,
        1, 52, 0, 185, 177, 124, 39, 204, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
    ];
    const GREY: [u8; 69] = [
        137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
        0, 0, 0, 144, 119, 83, 222, 0, 0, 0, 12, 73, 68, 65, 84, 120, 218, 99, 152, 191, 225, 8, 0,
        4, 5, 2, 20, 41, 128, 246, 233, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
    ];
    let bytes = match colour {
        Bar::Now => NAVY,
        Bar::Before => GREY,
    };
    // 635 EMU to the twip; a zero-width picture is dropped by some readers: at least 1 twip.
    Pic::new_with_dimensions(bytes.to_vec(), 1, 1)
        .size(width.max(1) as u32 * 635, height as u32 * 635)
}

/// The colour of a chart's bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bar {
    Now,
    Before,
}

/// A new document: A4 turned `orientation`, the decree's margins, Times New Roman 13 pt, a page
/// footer saying what made it, and the page number at the top centre from page 2 on, in Arabic
/// numerals in the document's font and size, as the decree numbers pages (the first page,
/// under the letterhead, has none: a different first page).
pub(crate) fn document(orientation: Orientation, lang: Lang) -> Docx {
    let (w, h) = orientation.page();
    let (top, bottom, left, right) = MARGINS;
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .add_run(run(&words::made_by(lang, crate::VERSION), 18).italic())
            .align(AlignmentType::Center),
    );
    let page_number = Header::new().add_paragraph(
        Paragraph::new()
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center),
    );
    Docx::new()
        .page_size(w, h)
        .page_orient(match orientation {
            Orientation::Portrait => PageOrientationType::Portrait,
            Orientation::Landscape => PageOrientationType::Landscape,
        })
        .page_margin(
            PageMargin::new()
                .top(mm(top) as i32)
                .bottom(mm(bottom) as i32)
                .left(mm(left) as i32)
                .right(mm(right) as i32)
                .header(mm(10) as i32)
                .footer(mm(8) as i32),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .header(page_number)
        .first_header(Header::new().add_paragraph(Paragraph::new()))
        .first_footer(footer.clone())
        .footer(footer)
        // Fixed dates: the same figures give the same bytes.
        .created_at("1980-01-01T00:00:00Z")
        .updated_at("1980-01-01T00:00:00Z")
}

/// A report's first lines on portrait A4: the letterhead (the number "…/BC-…" to fill in when
/// none is given), then "BÁO CÁO" and its subject, centred.
pub(crate) fn report_opening(head: &Letterhead, subject: &str, lang: Lang) -> Docx {
    let orientation = Orientation::Portrait;
    let number = head
        .number
        .clone()
        .unwrap_or_else(|| lang.t(words::REPORT_NUMBER).to_string());
    letterhead(
        document(orientation, lang),
        head,
        &number,
        lang,
        orientation,
    )
    .add_paragraph(centred(lang.t(words::REPORT), 28))
    .add_paragraph(centred(subject, BODY))
}

/// The letterhead: issuing body and number on the left, nation and motto on the right, then
/// place and date under the motto; a borderless two-column table, as Word templates of the
/// decree lay it out.
pub(crate) fn letterhead(
    doc: Docx,
    head: &Letterhead,
    number: &str,
    lang: Lang,
    orientation: Orientation,
) -> Docx {
    let width = orientation.text_width();
    let left_w = width * 2 / 5;
    let right_w = width - left_w;
    let mut left = Vec::new();
    if let Some(parent) = &head.parent {
        left.push(
            Paragraph::new()
                .add_run(run(&parent.to_uppercase(), BODY))
                .align(AlignmentType::Center),
        );
    }
    left.push(
        Paragraph::new()
            .add_run(run(&head.issuer.to_uppercase(), BODY).bold())
            .align(AlignmentType::Center),
    );
    // The short rule under the issuer: a third of the column, centred.
    let mut rule = Paragraph::new().indent(
        Some((left_w / 3) as i32),
        None,
        Some((left_w / 3) as i32),
        None,
    );
    rule.property = rule.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Top)
                .val(BorderType::Single)
                .size(6),
        ),
    );
    left.push(rule);
    left.push(
        Paragraph::new()
            .add_run(run(&format!("{} {number}", lang.t(words::NUMBER)), BODY))
            .align(AlignmentType::Center),
    );
    let place = head.place.as_deref().unwrap_or(lang.t(words::PLACE));
    let right = vec![
        Paragraph::new()
            .add_run(run(lang.t(words::NATION), 24).bold())
            .align(AlignmentType::Center),
        Paragraph::new()
            .add_run(run(lang.t(words::MOTTO), BODY).bold().underline("single"))
            .align(AlignmentType::Center),
        Paragraph::new()
            .add_run(run("", BODY))
            .align(AlignmentType::Center),
        Paragraph::new()
            .add_run(run(&words::place_and_date(lang, place, head.date.ymd()), BODY).italic())
            .align(AlignmentType::Center),
    ];
    let table = Table::without_borders(vec![TableRow::new(vec![
        cell(left, left_w).vertical_align(VAlignType::Top),
        cell(right, right_w).vertical_align(VAlignType::Top),
    ])])
    .set_grid(vec![left_w, right_w])
    .layout(TableLayoutType::Fixed)
    .width(width, WidthType::Dxa);
    doc.add_table(table).add_paragraph(para("", BODY))
}

/// Writes the document's bytes.
pub(crate) fn pack(doc: Docx) -> Result<Vec<u8>, DocxError> {
    let mut stored = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut stored)
        .map_err(|e| DocxError(e.to_string()))?;
    deflate(&stored.into_inner()).map_err(|e| DocxError(e.to_string()))
}

/// The same package with every part deflated: docx-rs stores its parts uncompressed, which
/// made a 3,000-unit annex 18.7 MB where Word's own would be a tenth of that. The heading rows'
/// marks become `<w:tblHeader/>` on the way ([`HEADING_MARK`]).
fn deflate(stored: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(stored))?;
    let mut to = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The zip entries' date fixed too: the same figures give the same bytes.
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    for k in 0..from.len() {
        let mut part = from.by_index(k)?;
        let name = part.name().to_string();
        if part.is_dir() {
            to.add_directory(name, options)?;
        } else if name == "word/document.xml" {
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut part, &mut xml)?;
            to.start_file(name, options)?;
            std::io::Write::write_all(&mut to, xml.replace(HEADING_MARK, TABLE_HEADER).as_bytes())?;
        } else {
            to.start_file(name, options)?;
            std::io::copy(&mut part, &mut to)?;
        }
    }
    Ok(to.finish()?.into_inner())
}

/// A document that could not be written (the zip writer failed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxError(pub String);

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", words::NOT_WRITTEN.en, self.0)
    }
}

impl std::error::Error for DocxError {}

#[cfg(test)]
mod tests {

    #[test]
    fn a_document_is_dated_within_plausible_years() {
        assert!(Date::parse("1945-09-02").is_ok());
        assert!(Date::parse("2100-12-31").is_ok());
        for bad in ["1899-01-01", "1944-12-31", "2101-01-01", "0000-01-01"] {
            assert!(Date::parse(bad).unwrap_err().contains("1945–2100"), "{bad}");
        }
    }

    use super::*;

    #[test]
    fn dates_are_read_and_checked() {
        assert_eq!(
            Date::parse("2023-03-15"),
            Ok(Date {
                year: 2023,
                month: 3,
                day: 15
            })
        );
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2023-13-01").is_err());
        assert!(Date::parse("15/03/2023").is_err());
        assert!(Date::parse("2023-3-15").is_err());
    }

    #[test]
    fn days_count_from_1970() {
        assert_eq!(Date::from_days(0).ymd(), (1970, 1, 1));
        // 2023-03-15 is day 19,431.
        assert_eq!(Date::from_days(19_431).ymd(), (2023, 3, 15));
        assert_eq!(Date::from_days(-1).ymd(), (1969, 12, 31));
    }

    #[test]
    fn the_page_is_a4_with_the_decrees_margins() {
        assert_eq!(Orientation::Portrait.page(), (11_906, 16_838));
        assert_eq!(Orientation::Landscape.page(), (16_838, 11_906));
        assert_eq!(mm(30), 1_701);
        assert_eq!(mm(20), 1_134);
        assert_eq!(mm(15), 851);
    }

    #[test]
    fn the_heading_rows_mark_is_what_docx_rs_writes() {
        use docx_rs::BuildXML;
        let xml = String::from_utf8(heading_row(TableRow::new(vec![])).build()).unwrap();
        assert!(xml.contains(HEADING_MARK), "{xml}");
        // Ordinary rows carry no mark.
        let plain = String::from_utf8(TableRow::new(vec![]).cant_split().build()).unwrap();
        assert!(!plain.contains(HEADING_MARK), "{plain}");
    }

    #[test]
    fn only_short_tables_are_chained_together() {
        let rows = |n: usize| {
            (0..n)
                .map(|_| TableRow::new(vec![cell(vec![Paragraph::new()], 100)]))
                .collect::<Vec<_>>()
        };
        let kept = |rows: Vec<TableRow>| {
            rows.into_iter()
                .map(|r| {
                    String::from_utf8(docx_rs::BuildXML::build(&r))
                        .unwrap()
                        .contains("keepNext")
                })
                .collect::<Vec<_>>()
        };
        let short = kept(table_rows(rows(1), rows(SHORT_TABLE)));
        assert_eq!(short.iter().filter(|&&k| k).count(), SHORT_TABLE);
        let long = kept(table_rows(rows(2), rows(SHORT_TABLE + 1)));
        assert_eq!(long.iter().filter(|&&k| k).count(), 2);
    }

    #[test]
    fn control_characters_do_not_reach_the_xml() {
        assert_eq!(clean("a\u{1}b\nc"), "a b c");
    }
}
