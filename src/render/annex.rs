//! The published annex of results (`rank --format docx|xlsx`): the table a province attaches
//! to its decision on the year's index (Đắk Nông's Quyết định 251/QĐ-UBND published 2022's),
//! one row per unit with each section's points, the total, the percentage, the rank and the
//! grade, sorted by rank; one table per group of units (departments, communes) when the units
//! file gives groups, each ranked within itself, with the units per grade under it.
//!
//! [`build`] gathers the figures once, language-free; the Word annex
//! ([`crate::render::docx::annex`]) and the workbook's annex sheet ([`xlsx_sheet`]) lay the
//! same [`Annex`] out, so they cannot disagree on a figure.

use crate::i18n::{docx as words, units as units_words, Lang};
use crate::rank::{competition_ranks, grade_counts, Row};
use crate::render::docx::Letterhead;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

/// One unit's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexRow {
    pub unit: String,
    /// Points of each section, in the set's order.
    pub sections: Vec<Decimal>,
    pub score: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    /// The rank in its table: overall, or within its group.
    pub rank: usize,
    pub grade: Option<String>,
}

/// One table: a group's units (or every unit), best first, and the units per grade band.
/// Sections belong to the table: communes and departments are scored on different sets,
/// each with its own sections and maxima.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnexTable {
    /// The group's name; `None` for the units without one, or when nothing is grouped.
    pub group: Option<String>,
    /// `(code, title, max)` of each section of the table's set.
    pub sections: Vec<(String, String, Decimal)>,
    /// The set's total maximum.
    pub max: Decimal,
    pub rows: Vec<AnnexRow>,
    /// `(band, units)` for every band of the set, zeros included.
    pub grades: Vec<(String, usize)>,
    /// The group's units on the units file that sent no form ([`Annex::with_missing`]).
    pub missing: Vec<String>,
    /// The group's units whose form was sent and refused (`--keep-going`): not ranked, and
    /// not to be published as not sent ([`Annex::with_refused`]).
    pub refused: Vec<String>,
}

/// The whole annex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annex {
    /// The period the units were scored for ("2022"; several joined by ", ").
    pub period: String,
    /// Whether the units came in groups (one table per group).
    pub grouped: bool,
    pub tables: Vec<AnnexTable>,
    /// Units that sent no form and whose group has no table (no unit of it sent one).
    pub missing_elsewhere: Vec<String>,
    /// Units whose form was refused and whose group has no table.
    pub refused_elsewhere: Vec<String>,
}

/// What the annex says of itself: its letterhead, and whose results it publishes ("các huyện,
/// thành phố tỉnh Đắk Nông"; `None`: "các đơn vị").
#[derive(Debug, Clone)]
pub struct AnnexHead {
    pub letterhead: Letterhead,
    pub of: Option<String>,
}

impl AnnexHead {
    /// "Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của …".
    pub fn heading(&self, annex: &Annex, lang: Lang) -> String {
        let of = self.of.as_deref().unwrap_or(lang.t(words::UNITS));
        words::annex_heading(lang, &annex.period, of)
    }

    /// "(Kèm theo Quyết định số … ngày … của …)".
    pub fn attached(&self, lang: Lang) -> String {
        let h = &self.letterhead;
        words::annex_attached(
            lang,
            &self.number(lang),
            h.date.ymd(),
            if h.issuer.is_empty() {
                lang.t(words::ISSUER)
            } else {
                &h.issuer
            },
        )
    }

    /// The decision's number, or the placeholder to fill in.
    pub fn number(&self, lang: Lang) -> String {
        self.letterhead
            .number
            .clone()
            .unwrap_or_else(|| lang.t(words::DECISION_NUMBER).to_string())
    }

    /// A table's column heads, in order: STT, unit, each section, total, percentage, rank,
    /// grade.
    pub fn columns(table: &AnnexTable, lang: Lang) -> Vec<String> {
        let mut c = vec![
            lang.t(words::ORDINAL).to_string(),
            lang.t(words::UNIT).to_string(),
        ];
        c.extend(
            table
                .sections
                .iter()
                .map(|(code, title, _)| words::section_column(code, title)),
        );
        // Each unit's own maximum beside its total: criteria not applicable to a unit leave
        // it below the set's, and the percentage is total ÷ the unit's maximum.
        c.extend(
            [
                words::TOTAL,
                units_words::UNIT_MAX,
                words::PERCENT,
                words::RANK,
                words::GRADE,
            ]
            .iter()
            .map(|t| lang.t(*t).to_string()),
        );
        c
    }
}

/// Gathers the annex of `rows` (a league, best first). `groups`, aligned with `rows`, puts
/// each unit in its group (`None`: no group); then each group is a table of its own, ranked
/// within itself, the groups in the order their best unit comes.
pub fn build(rows: &[Row], groups: Option<&[Option<String>]>) -> Annex {
    let mut periods: Vec<&str> = Vec::new();
    for r in rows {
        let period = r.standing.period.trim();
        if !period.is_empty() && !periods.contains(&period) {
            periods.push(period);
        }
    }

    // The groups in the order their best unit comes; the units without one last.
    let group_of =
        |k: usize| -> Option<String> { groups.and_then(|g| g.get(k).cloned().flatten()) };
    let mut order: Vec<Option<String>> = Vec::new();
    if groups.is_some() {
        for k in 0..rows.len() {
            let g = group_of(k);
            if g.is_some() && !order.contains(&g) {
                order.push(g);
            }
        }
        if (0..rows.len()).any(|k| group_of(k).is_none()) {
            order.push(None);
        }
    } else {
        order.push(None);
    }

    let tables = order
        .into_iter()
        .map(|group| {
            let members: Vec<&Row> = rows
                .iter()
                .enumerate()
                .filter(|(k, _)| groups.is_none() || group_of(*k) == group)
                .map(|(_, r)| r)
                .collect();
            let ranks: Vec<usize> = if groups.is_some() {
                competition_ranks(
                    &members
                        .iter()
                        .map(|r| (r.standing.score, r.standing.max))
                        .collect::<Vec<_>>(),
                )
            } else {
                members.iter().map(|r| r.rank).collect()
            };
            // A group's units share a set (`collect::group_leagues` refuses mixed ones): its
            // first unit's gives the table's sections, maxima and grade bands.
            let set = members.first().map(|r| r.standing.set.clone());
            let sections = set
                .as_ref()
                .map(|set| {
                    set.sections()
                        .map(|i| {
                            // The plain title: the maxima row shows a bonus or penalty section
                            // for what it is.
                            let n = &set.nodes[i];
                            (n.code.clone(), n.title.clone(), n.max)
                        })
                        .collect()
                })
                .unwrap_or_default();
            let max = set
                .as_ref()
                .map(|set| {
                    set.total
                        .unwrap_or_else(|| set.sections().map(|i| set.nodes[i].max).sum())
                })
                .unwrap_or_default();
            let grade_bands = set.as_ref().map(|s| s.grades.clone()).unwrap_or_default();
            AnnexTable {
                sections,
                max,
                rows: members
                    .iter()
                    .zip(ranks)
                    .map(|(r, rank)| {
                        let s = &r.standing;
                        AnnexRow {
                            unit: s.unit.clone(),
                            sections: s.sections.iter().map(|(score, _)| *score).collect(),
                            score: s.score,
                            max: s.max,
                            percent: s.percent(),
                            rank,
                            grade: s.grade.clone(),
                        }
                    })
                    .collect(),
                grades: grade_counts(&grade_bands, members.iter().map(|r| &r.standing))
                    .into_iter()
                    .map(|g| (g.label, g.units))
                    .collect(),
                missing: Vec::new(),
                refused: Vec::new(),
                group,
            }
        })
        .collect();
    Annex {
        period: periods.join(", "),
        grouped: groups.is_some(),
        tables,
        missing_elsewhere: Vec::new(),
        refused_elsewhere: Vec::new(),
    }
}

impl Annex {
    /// Names under each table the units of its group that sent no form (`(group, names)`
    /// from the units file; `None`: units without a group, or every unit when nothing is
    /// grouped); those of a group without a table go under the last one.
    pub fn with_missing(mut self, missing: Vec<(Option<String>, Vec<String>)>) -> Annex {
        for (group, names) in missing {
            match self.table_of(&group) {
                Some(t) => t.missing.extend(names),
                None => self.missing_elsewhere.extend(names),
            }
        }
        self
    }

    /// Names under each table the units of its group whose form was refused, as
    /// [`Annex::with_missing`] the units without one.
    pub fn with_refused(mut self, refused: Vec<(Option<String>, Vec<String>)>) -> Annex {
        for (group, names) in refused {
            match self.table_of(&group) {
                Some(t) => t.refused.extend(names),
                None => self.refused_elsewhere.extend(names),
            }
        }
        self
    }

    /// The table of `group` (the only one when nothing is grouped).
    fn table_of(&mut self, group: &Option<String>) -> Option<&mut AnnexTable> {
        let grouped = self.grouped;
        self.tables
            .iter_mut()
            .find(|t| !grouped || t.group == *group)
    }

    /// `(group, units)` of each table, for the line under the last one; empty when the units
    /// are not grouped.
    pub fn group_counts(&self, lang: Lang) -> Vec<(String, usize)> {
        if !self.grouped {
            return Vec::new();
        }
        self.tables
            .iter()
            .map(|t| (self.group_name(t, lang), t.rows.len()))
            .collect()
    }

    /// A table's group as shown.
    pub fn group_name(&self, t: &AnnexTable, lang: Lang) -> String {
        t.group
            .clone()
            .unwrap_or_else(|| lang.t(words::NO_GROUP).to_string())
    }
}

/// The annex as the workbook's first sheet: the same heading, columns and counts as the Word
/// annex, figures as real numbers, set up to print on landscape A4 with the decree's margins.
pub(crate) fn xlsx_sheet(
    book: &mut Workbook,
    annex: &Annex,
    head: &AnnexHead,
    lang: Lang,
) -> Result<(), XlsxError> {
    const FONT: &str = "Times New Roman";
    let base = || Format::new().set_font_name(FONT).set_font_size(11);
    let title = base()
        .set_bold()
        .set_font_size(13)
        .set_align(FormatAlign::Center);
    let italic = base().set_italic().set_align(FormatAlign::Center);
    let group = base().set_bold();
    let th = base()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_border(rust_xlsxwriter::FormatBorder::Thin)
        .set_background_color("E9EEF4");
    let cell = base().set_border(rust_xlsxwriter::FormatBorder::Thin);
    // General: 10.973 and 13 as they are (a "0.###" format would show "13.").
    let points = cell.clone();
    let strong = points.clone().set_bold();
    let percent = cell.clone().set_num_format("0.00%");
    let centre = cell.clone().set_align(FormatAlign::Center);
    let note = base().set_italic();

    // The widest table sets the columns' widths and the heading's span.
    let widest = annex
        .tables
        .iter()
        .map(|t| t.sections.len())
        .max()
        .unwrap_or(0);
    let last = (2 + widest + 4) as u16;
    let ws = book.add_worksheet();
    ws.set_name(lang.t(words::ANNEX_SHEET))?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
                          // Inches: 30 mm left, 15 mm right, 20 mm top and bottom.
    ws.set_margins(30.0 / 25.4, 15.0 / 25.4, 20.0 / 25.4, 20.0 / 25.4, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_print_center_horizontally(true);
    ws.set_column_width(0, 5)?;
    ws.set_column_width(1, 28)?;
    for c in 2..=last {
        ws.set_column_width(c, 9)?;
    }

    let fig = |d: Decimal| d.to_f64().unwrap_or(f64::NAN);
    ws.merge_range(0, 0, 0, last, &head.heading(annex, lang), &title)?;
    ws.merge_range(1, 0, 1, last, &head.attached(lang), &italic)?;
    let mut r: u32 = 3;
    // Each group after the first starts a printed page (Excel takes at most 1,023 breaks).
    let mut breaks: Vec<u32> = Vec::new();
    for (n, t) in annex.tables.iter().enumerate() {
        if annex.grouped {
            if n > 0 && breaks.len() < 1_023 {
                breaks.push(r);
            }
            let name = annex.group_name(t, lang);
            ws.write_string_with_format(
                r,
                0,
                words::group_heading(lang, n + 1, &name, t.rows.len()),
                &group,
            )?;
            r += 1;
        }
        let columns = AnnexHead::columns(t, lang);
        let last = (columns.len() - 1) as u16;
        for (c, h) in columns.iter().enumerate() {
            ws.write_string_with_format(r, c as u16, h, &th)?;
        }
        ws.set_row_height(r, 96)?;
        r += 1;
        // The maxima under the heads.
        ws.merge_range(r, 0, r, 1, lang.t(words::MAXIMUM), &th)?;
        for (k, (_, _, max)) in t.sections.iter().enumerate() {
            ws.write_number_with_format(r, 2 + k as u16, fig(*max), &strong)?;
        }
        let after = 2 + t.sections.len() as u16;
        ws.write_number_with_format(r, after, fig(t.max), &strong)?;
        for c in after + 1..=last {
            ws.write_blank(r, c, &cell)?;
        }
        r += 1;
        for (k, row) in t.rows.iter().enumerate() {
            ws.write_number_with_format(r, 0, (k + 1) as f64, &centre)?;
            ws.write_string_with_format(r, 1, &row.unit, &cell)?;
            for (s, p) in row.sections.iter().enumerate() {
                ws.write_number_with_format(r, 2 + s as u16, fig(*p), &points)?;
            }
            ws.write_number_with_format(r, after, fig(row.score), &strong)?;
            ws.write_number_with_format(r, after + 1, fig(row.max), &points)?;
            match row.percent {
                Some(p) => ws.write_number_with_format(
                    r,
                    after + 2,
                    fig(p / Decimal::ONE_HUNDRED),
                    &percent,
                )?,
                None => ws.write_blank(r, after + 2, &cell)?,
            };
            ws.write_number_with_format(r, after + 3, row.rank as f64, &centre)?;
            ws.write_string_with_format(r, after + 4, row.grade.as_deref().unwrap_or(""), &centre)?;
            r += 1;
        }
        if !t.grades.is_empty() {
            ws.write_string_with_format(r, 0, words::grade_counts(lang, &t.grades), &note)?;
            r += 1;
        }
        if !t.missing.is_empty() {
            ws.write_string_with_format(r, 0, units_words::not_sent(lang, &t.missing), &note)?;
            r += 1;
        }
        if !t.refused.is_empty() {
            ws.write_string_with_format(r, 0, units_words::not_ranked(lang, &t.refused), &note)?;
            r += 1;
        }
        r += 1;
    }
    if !annex.missing_elsewhere.is_empty() {
        let line = units_words::not_sent(lang, &annex.missing_elsewhere);
        ws.write_string_with_format(r, 0, line, &note)?;
        r += 2;
    }
    if !annex.refused_elsewhere.is_empty() {
        let line = units_words::not_ranked(lang, &annex.refused_elsewhere);
        ws.write_string_with_format(r, 0, line, &note)?;
        r += 2;
    }
    let groups = annex.group_counts(lang);
    if !groups.is_empty() {
        ws.write_string_with_format(r, 0, words::group_counts(lang, &groups), &note)?;
    }
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::CriteriaResolver;
    use crate::model::Stage;
    use crate::rank::{league, score_paths};
    use crate::render::docx::{Date, Letterhead};
    use std::io::Read;

    /// The eight units of the Đắk Nông example, ranked: Krông Nô first, the fourth and fifth
    /// tied.
    fn dak_nong() -> Vec<Row> {
        let (ok, failed) = score_paths(
            &["examples/dak-nong-2022".into()],
            &CriteriaResolver::new(),
            Stage::Final,
            &|_, _| {},
        );
        assert!(failed.is_empty());
        let rows = league(ok, None);
        assert_eq!(rows[3].rank, rows[4].rank);
        rows
    }

    fn group(g: &[Option<&str>]) -> Vec<Option<String>> {
        g.iter().map(|x| x.map(str::to_string)).collect()
    }

    /// Districts (Krông Nô and the two tied units), towns, and one unit the units file gives
    /// no group.
    fn grouped(rows: &[Row]) -> Annex {
        let (h, t) = (Some("Huyện"), Some("Thị xã"));
        build(rows, Some(&group(&[h, t, t, h, h, t, None, t])))
    }

    fn head() -> AnnexHead {
        AnnexHead {
            letterhead: Letterhead {
                parent: None,
                issuer: "Sở Nội vụ".into(),
                number: None,
                place: None,
                date: Date::parse("2026-01-20").unwrap(),
                signer: None,
            },
            of: None,
        }
    }

    #[test]
    fn without_groups_one_table_keeps_the_leagues_ranks() {
        let rows = dak_nong();
        let annex = build(&rows, None);
        assert_eq!(annex.tables.len(), 1);
        let t = &annex.tables[0];
        assert_eq!(t.group, None);
        let ranks: Vec<usize> = t.rows.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, [1, 2, 3, 4, 4, 6, 7, 8]);
        assert_eq!(t.rows[0].unit, "UBND huyện Krông Nô");
        assert_eq!(t.rows[0].sections.len(), 8);
        assert_eq!(annex.period, "2022");
        assert!(annex.group_counts(Lang::Vi).is_empty());
    }

    #[test]
    fn each_group_is_a_table_ranked_within_itself_with_its_grades() {
        let rows = dak_nong();
        let annex = grouped(&rows);
        let names: Vec<Option<&str>> = annex.tables.iter().map(|t| t.group.as_deref()).collect();
        assert_eq!(names, [Some("Huyện"), Some("Thị xã"), None]);
        let ranks: Vec<Vec<usize>> = annex
            .tables
            .iter()
            .map(|t| t.rows.iter().map(|r| r.rank).collect())
            .collect();
        // The two tied units share the second place among the districts.
        assert_eq!(ranks, [vec![1, 2, 2], vec![1, 2, 3, 4], vec![1]]);
        assert_eq!(annex.tables[0].rows[0].unit, "UBND huyện Krông Nô");
        let graded = |k: usize| -> Vec<(String, usize)> {
            annex.tables[k]
                .grades
                .iter()
                .filter(|(_, n)| *n > 0)
                .cloned()
                .collect()
        };
        assert_eq!(graded(0), [("Tốt".to_string(), 3)]);
        assert_eq!(graded(1), [("Tốt".to_string(), 2), ("Khá".to_string(), 2)]);
        assert_eq!(graded(2), [("Khá".to_string(), 1)]);
        // Every band listed under each table, zeros included.
        assert_eq!(annex.tables[0].grades.len(), 5);
        assert_eq!(
            annex.group_counts(Lang::Vi),
            [
                ("Huyện".to_string(), 3),
                ("Thị xã".to_string(), 4),
                ("Đơn vị khác".to_string(), 1)
            ]
        );
    }

    #[test]
    fn groups_on_different_sets_each_get_their_sets_sections_and_maxima() {
        // A commune on the commune set, a department on the department set.
        let (ok, failed) = score_paths(
            &[
                "examples/xa-phuong-2025.yaml".into(),
                "examples/so-ban-nganh-2025.yaml".into(),
            ],
            &CriteriaResolver::new(),
            Stage::Final,
            &|_, _| {},
        );
        assert!(failed.is_empty());
        let sets: Vec<String> = ok.iter().map(|s| s.set.id.clone()).collect();
        let rows = league(ok, None);
        let groups: Vec<Option<String>> = rows
            .iter()
            .map(|r| Some(r.standing.set.id.clone()))
            .collect();
        let annex = build(&rows, Some(&groups));
        assert_eq!(annex.tables.len(), 2);
        for t in &annex.tables {
            let set = &rows
                .iter()
                .find(|r| Some(&r.standing.set.id) == t.group.as_ref())
                .unwrap()
                .standing
                .set;
            let maxima: Vec<Decimal> = set.sections().map(|i| set.nodes[i].max).collect();
            assert_eq!(
                t.sections.iter().map(|s| s.2).collect::<Vec<_>>(),
                maxima,
                "{:?}",
                t.group
            );
            assert_eq!(t.rows[0].sections.len(), t.sections.len());
        }
        // The two sets differ in their sections' maxima: one annex-wide row could not hold both.
        assert_ne!(annex.tables[0].sections, annex.tables[1].sections);
        assert!(sets.contains(&"xa-phuong-2025".to_string()));
        let heads = |k: usize| AnnexHead::columns(&annex.tables[k], Lang::Vi);
        assert_ne!(heads(0), heads(1));
    }

    #[test]
    fn groups_shorter_than_the_rows_leave_the_rest_ungrouped() {
        let rows = dak_nong();
        let annex = build(&rows, Some(&group(&[Some("Huyện")])));
        let sizes: Vec<usize> = annex.tables.iter().map(|t| t.rows.len()).collect();
        assert_eq!(sizes, [1, 7]);
        assert_eq!(annex.tables[1].group, None);
    }

    #[test]
    fn the_grouped_annex_in_word_has_a_table_and_counts_per_group() {
        let rows = dak_nong();
        let bytes = crate::render::docx::annex::render(&grouped(&rows), &head(), Lang::Vi).unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        for text in [
            ">I. Huyện (3 đơn vị)<",
            ">II. Thị xã (4 đơn vị)<",
            ">III. Đơn vị khác (1 đơn vị)<",
            ">Số đơn vị theo nhóm: Huyện: 3; Thị xã: 4; Đơn vị khác: 1.<",
            ">Phụ lục: Kết quả Chỉ số cải cách hành chính năm 2022 của các đơn vị<",
            ">(Kèm theo Quyết định số …/QĐ-… ngày 20/01/2026 của Sở Nội vụ)<",
        ] {
            assert!(xml.contains(text), "{text} not in the document");
        }
        // The letterhead's table, then one per group.
        assert_eq!(xml.matches("<w:tbl>").count(), 4);
        assert_eq!(xml.matches(">Số đơn vị theo xếp loại: ").count(), 3);
    }

    #[test]
    fn the_grouped_annex_sheet_lays_out_the_same_tables() {
        let rows = dak_nong();
        let info = crate::render::rank::LeagueInfo {
            criteria: "dak-nong-district-2022",
            stage: Stage::Final,
            sections: &[],
            with_previous: false,
            grades: &[],
        };
        let bytes = crate::render::xlsx::league_with_annex(
            &rows,
            &info,
            &grouped(&rows),
            &head(),
            Lang::En,
        )
        .unwrap();
        // Each group after the first starts a printed page: two breaks for three tables.
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains("<rowBreaks count=\"2\""), "{xml}");
        use calamine::Reader;
        let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("Annex").unwrap();
        let column: Vec<String> = (0..sheet.height() as u32)
            .map(|r| {
                sheet
                    .get_value((r, 0))
                    .map(|d| d.to_string())
                    .unwrap_or_default()
            })
            .collect();
        assert_eq!(
            column[0],
            "Annex: Public Administration Reform index results for 2022 of the units"
        );
        let headings: Vec<&String> = column
            .iter()
            .filter(|c| c.ends_with("units)") || c.ends_with("unit)"))
            .collect();
        assert_eq!(
            headings,
            [
                "I. Huyện (3 units)",
                "II. Thị xã (4 units)",
                "III. Other units (1 unit)"
            ]
        );
        assert_eq!(
            column.last().unwrap(),
            "Units per group: Huyện: 3; Thị xã: 4; Other units: 1."
        );
    }
}
