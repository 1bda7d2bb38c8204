//! Excel workbooks (`--format xlsx`): real numbers in cells with number formats, a frozen
//! header row, and column widths that fit Vietnamese titles.
//!
//! Excel stores numbers as binary doubles, so cells hold the exact decimals' nearest doubles
//! (every figure here has at most a few decimal places, which a double shows exactly at the
//! formats used); the JSON output remains the exact record.
//!
//! The last sheet, "About", says what the workbook holds (unit, period, stage, criteria set)
//! and lists any text cut to fit Excel's cell limit. A workbook is the same bytes on every run:
//! its creation date is `SOURCE_DATE_EPOCH` when set (reproducible builds), else a fixed date.

use crate::compare::Comparison;
use crate::decimal::show;
use crate::i18n::{diff as diff_words, rank as rank_words, rounds as rounds_words};
use crate::i18n::{words, xlsx as xw, Lang, Text};
use crate::losses::Loss;
use crate::rank::Row;
use crate::render::rank::LeagueInfo;
use crate::score::Scorecard;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};

/// One cell of a sheet.
pub enum XCell {
    Text(String),
    /// A score, max or loss: shown with up to three places.
    Points(Decimal),
    /// A percentage (87.69 means 87.69%), shown as 87.69%.
    Percent(Option<Decimal>),
    /// A whole number such as a rank.
    Whole(i64),
    Empty,
}

/// A sheet: its name, header and rows.
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<XCell>>,
}

const MAX_WIDTH: usize = 70;

/// Excel's limit on the characters in one cell, counted as Excel counts them: in UTF-16
/// units (an emoji or any character beyond U+FFFF is two).
pub const CELL_LIMIT: usize = 32_767;

/// Whether `text` is over Excel's cell limit, counted in UTF-16 units.
fn over_cell_limit(text: &str) -> bool {
    // A UTF-16 unit takes at least one byte of UTF-8: a short text is not counted.
    text.len() > CELL_LIMIT && text.encode_utf16().count() > CELL_LIMIT
}

/// `text` cut to Excel's cell limit with a visible note at its end, or `None` if it fits.
fn cut_to_cell(text: &str, lang: Lang) -> Option<String> {
    if !over_cell_limit(text) {
        return None;
    }
    let n = text.chars().count();
    let note = xw::cut_note(lang, n, CELL_LIMIT);
    let room = CELL_LIMIT - note.encode_utf16().count();
    let mut used = 0;
    let mut out: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= room
        })
        .collect();
    out.push_str(&note);
    Some(out)
}

/// The workbook's creation date: `SOURCE_DATE_EPOCH` (seconds since 1970) when set and valid,
/// else 1980-01-01, the date the zip entries carry: the same bytes on every run.
pub fn creation_date() -> Result<ExcelDateTime, XlsxError> {
    match std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
    {
        Some(t) => {
            ExcelDateTime::from_timestamp(t).or_else(|_| ExcelDateTime::from_ymd(1980, 1, 1))
        }
        None => ExcelDateTime::from_ymd(1980, 1, 1),
    }
}

/// Builds a workbook from sheets, then the "About" sheet: `about` (what the workbook holds,
/// as label and value) and every text cut to fit a cell, named by sheet, cell and criterion.
pub fn workbook(sheets: &[Sheet], about: &[(&str, String)]) -> Result<Vec<u8>, XlsxError> {
    workbook_in(Lang::En, sheets, about)
}

/// [`workbook`] with its own words (the About sheet, the notes on cut texts) in `lang`.
pub fn workbook_in(
    lang: Lang,
    sheets: &[Sheet],
    about: &[(&str, String)],
) -> Result<Vec<u8>, XlsxError> {
    workbook_after(Workbook::new(), lang, sheets, about)
}

/// [`workbook_in`], after the sheets `book` already has (the annex sheet of a league).
fn workbook_after(
    mut book: Workbook,
    lang: Lang,
    sheets: &[Sheet],
    about: &[(&str, String)],
) -> Result<Vec<u8>, XlsxError> {
    let mut cuts: Vec<Vec<XCell>> = Vec::new();
    for sheet in sheets {
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let XCell::Text(t) = cell {
                    if over_cell_limit(t) {
                        let place = format!(
                            "{}!{}",
                            sheet.name,
                            rust_xlsxwriter::utility::row_col_to_cell(r as u32 + 1, c as u16)
                        );
                        let whose = match (row.first(), sheet.header.get(c)) {
                            (Some(XCell::Text(code)), Some(h)) if c > 0 => {
                                xw::column_of(lang, h, code)
                            }
                            (_, Some(h)) => h.clone(),
                            _ => String::new(),
                        };
                        cuts.push(vec![
                            text(xw::cut_place(lang, &place)),
                            text(xw::cut_size(lang, &whose, t.chars().count(), CELL_LIMIT)),
                        ]);
                    }
                }
            }
        }
    }
    let mut rows: Vec<Vec<XCell>> = about
        .iter()
        .map(|(k, v)| vec![text(*k), text(v.clone())])
        .collect();
    rows.extend(cuts);
    rows.push(vec![
        text(lang.t(xw::MADE_BY)),
        text(format!("parindex {}", env!("CARGO_PKG_VERSION"))),
    ]);
    let about_sheet = Sheet {
        name: lang.t(xw::ABOUT).into(),
        header: vec![lang.t(xw::HOLDS).into(), String::new()],
        rows,
    };
    book.set_properties(&DocProperties::new().set_creation_datetime(&creation_date()?));
    let bold = Format::new().set_bold().set_text_wrap();
    let points = Format::new().set_num_format("0.###");
    let percent = Format::new().set_num_format("0.00%");
    let wrap = Format::new().set_text_wrap();
    for sheet in sheets.iter().chain([&about_sheet]) {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name)?;
        let mut widths: Vec<usize> = sheet.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    XCell::Text(t) => {
                        let cut = cut_to_cell(t, lang);
                        let t = cut.as_deref().unwrap_or(t);
                        if t.chars().count() > MAX_WIDTH {
                            ws.write_string_with_format(r, col, t, &wrap)?;
                        } else {
                            ws.write_string(r, col, t)?;
                        }
                        t.chars().count()
                    }
                    XCell::Points(d) => {
                        ws.write_number_with_format(
                            r,
                            col,
                            d.to_f64().unwrap_or(f64::NAN),
                            &points,
                        )?;
                        show(*d).len()
                    }
                    XCell::Percent(Some(p)) => {
                        let fraction = (*p / Decimal::ONE_HUNDRED).to_f64().unwrap_or(f64::NAN);
                        ws.write_number_with_format(r, col, fraction, &percent)?;
                        8
                    }
                    XCell::Whole(n) => {
                        ws.write_number(r, col, *n as f64)?;
                        n.to_string().len()
                    }
                    XCell::Percent(None) | XCell::Empty => 0,
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w).clamp(4, MAX_WIDTH) as f64 + 2.0)?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}

fn text(s: impl Into<String>) -> XCell {
    XCell::Text(s.into())
}

/// A header row in `lang`.
fn header(lang: Lang, columns: &[Text]) -> Vec<String> {
    columns.iter().map(|w| lang.t(*w).to_string()).collect()
}

/// A scorecard: sections with the total, every node, and the losses.
pub fn scorecard(card: &Scorecard, losses: &[Loss], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let set = &card.set;
    let mut sections: Vec<Vec<XCell>> = set
        .sections()
        .map(|i| {
            let s = &card.nodes[i];
            vec![
                text(&set.nodes[i].code),
                text(&set.nodes[i].title),
                XCell::Points(s.score),
                XCell::Points(s.max),
                XCell::Percent(s.percent()),
                XCell::Points(s.loss()),
            ]
        })
        .collect();
    let t = &card.total;
    sections.push(vec![
        XCell::Empty,
        text(match &t.grade {
            Some(g) => format!("{} · {} {g}", lang.t(words::TOTAL), lang.t(words::GRADE)),
            None => lang.t(words::TOTAL).into(),
        }),
        XCell::Points(t.score),
        XCell::Points(t.max),
        XCell::Percent(t.percent),
        XCell::Points(t.loss()),
    ]);
    // The total's parts (the set's `components:`), under the total.
    for (c, cs) in set.components.iter().zip(&t.components) {
        sections.push(vec![
            text(&c.id),
            text(xw::component(lang, &c.title)),
            XCell::Points(cs.score),
            XCell::Points(cs.max),
            XCell::Percent(cs.percent()),
            XCell::Points(cs.max - cs.score),
        ]);
    }
    let nodes = set
        .nodes
        .iter()
        .zip(&card.nodes)
        .enumerate()
        .map(|(i, (node, s))| {
            vec![
                text(&node.code),
                text(format!("{}{}", "  ".repeat(node.depth), node.title)),
                s.leaf
                    .as_ref()
                    .map_or(XCell::Empty, |l| text(words::value(lang, &l.value))),
                XCell::Points(s.score),
                XCell::Points(s.max),
                XCell::Percent(s.percent()),
                XCell::Points(s.loss()),
                text(words::status(lang, s.status)),
                text(set.responsible(i).join("; ")),
            ]
        })
        .collect();
    workbook_in(
        lang,
        &[
            Sheet {
                name: lang.t(xw::SECTIONS).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::SECTION,
                        words::SCORE,
                        words::MAX,
                        words::PERCENT,
                        words::LOSS,
                    ],
                ),
                rows: sections,
            },
            Sheet {
                name: lang.t(xw::CRITERIA).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::CRITERION,
                        words::VALUE,
                        words::SCORE,
                        words::MAX,
                        words::PERCENT,
                        words::LOSS,
                        xw::STATUS,
                        words::RESPONSIBLE,
                    ],
                ),
                rows: nodes,
            },
            losses_sheet(card, losses, lang),
        ],
        &about_card(card, lang),
    )
}

/// What a workbook of one unit's results holds.
fn about_card(card: &Scorecard, lang: Lang) -> Vec<(&'static str, String)> {
    vec![
        (lang.t(xw::UNIT), card.unit.clone()),
        (lang.t(xw::PERIOD), card.period.clone()),
        (
            lang.t(xw::STAGE),
            match lang {
                Lang::En => card.stage.name().to_string(),
                Lang::Vi => words::stage(lang, card.stage),
            },
        ),
        (
            lang.t(xw::CRITERIA_SET),
            format!("{} ({})", card.set.id, card.set.title),
        ),
    ]
}

fn losses_sheet(card: &Scorecard, losses: &[Loss], lang: Lang) -> Sheet {
    use crate::i18n::losses as loss_words;
    Sheet {
        name: lang.t(xw::LOSSES).into(),
        header: header(
            lang,
            &[
                words::CODE,
                words::CRITERION,
                words::VALUE,
                loss_words::LOST,
                loss_words::WHY,
                words::RESPONSIBLE,
            ],
        ),
        rows: losses
            .iter()
            .map(|l| {
                let value = card.nodes[l.node]
                    .leaf
                    .as_ref()
                    .map(|leaf| words::value(lang, &leaf.value));
                vec![
                    text(&l.code),
                    text(&l.title),
                    text(match value {
                        Some(v) if l.round.is_council() => {
                            format!("{v} ({})", words::round(lang, l.round))
                        }
                        Some(v) => v,
                        None => lang.t(words::MISSING).into(),
                    }),
                    XCell::Points(l.loss),
                    text(l.why.clone().unwrap_or_default()),
                    text(l.responsible.join("; ")),
                ]
            })
            .collect(),
    }
}

/// The losses alone.
pub fn losses(card: &Scorecard, losses: &[Loss], lang: Lang) -> Result<Vec<u8>, XlsxError> {
    workbook_in(
        lang,
        &[losses_sheet(card, losses, lang)],
        &about_card(card, lang),
    )
}

/// A league table.
pub fn league(rows: &[Row], info: &LeagueInfo, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let (sheet, about) = league_sheet(rows, info, lang);
    workbook_in(lang, &[sheet], &about)
}

/// A league table after its published annex ([`crate::render::annex`]): the annex sheet first,
/// ready to print on landscape A4, then the ranking sheet and "About" as [`league`] writes them.
pub fn league_with_annex(
    rows: &[Row],
    info: &LeagueInfo,
    annex: &crate::render::annex::Annex,
    head: &crate::render::annex::AnnexHead,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    crate::render::annex::xlsx_sheet(&mut book, annex, head, lang)?;
    let (sheet, about) = league_sheet(rows, info, lang);
    workbook_after(book, lang, &[sheet], &about)
}

/// One group's league for [`leagues_with_annex`]: its name as a sheet's (`None`: the one
/// league of a units file without groups), its rows and what they were ranked on.
pub struct GroupSheet<'a> {
    pub name: Option<String>,
    pub rows: &'a [Row],
    pub info: LeagueInfo<'a>,
}

/// The leagues of `rank --units` after their published annex: the annex sheet first (a table
/// per group, each with its own set's sections), then one ranking sheet per group, each with
/// its own set's section columns, then "About" for them all.
pub fn leagues_with_annex(
    leagues: &[GroupSheet],
    annex: &crate::render::annex::Annex,
    head: &crate::render::annex::AnnexHead,
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    crate::render::annex::xlsx_sheet(&mut book, annex, head, lang)?;
    let mut sheets = Vec::with_capacity(leagues.len());
    let mut units = 0;
    let mut periods: Vec<String> = Vec::new();
    let mut sets: Vec<&str> = Vec::new();
    for (n, l) in leagues.iter().enumerate() {
        let (mut sheet, _) = league_sheet(l.rows, &l.info, lang);
        if let Some(name) = &l.name {
            sheet.name = group_sheet_name(n + 1, name);
        }
        units += l.rows.len();
        for r in l.rows {
            if !periods.contains(&r.standing.period) {
                periods.push(r.standing.period.clone());
            }
        }
        if !sets.contains(&l.info.criteria) {
            sets.push(l.info.criteria);
        }
        sheets.push(sheet);
    }
    let about = vec![
        (lang.t(xw::UNITS), units.to_string()),
        (lang.t(xw::PERIOD), periods.join(", ")),
        (
            lang.t(xw::STAGE),
            leagues
                .first()
                .map(|l| stage_name(lang, l.info.stage))
                .unwrap_or_default(),
        ),
        (lang.t(xw::CRITERIA_SET), sets.join(", ")),
    ];
    workbook_after(book, lang, &sheets, &about)
}

/// A group's ranking sheet's name: "2. Xã, phường", numbered so that two groups whose names
/// agree in their first 27 characters still get two sheets; the characters a sheet's name
/// cannot hold (`[ ] : * ? / \`) become spaces, and it is cut to Excel's 31.
fn group_sheet_name(n: usize, group: &str) -> String {
    let clean: String = group
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let name: String = format!("{n}. {}", clean.trim().trim_matches('\'').trim())
        .chars()
        .take(31)
        .collect();
    name.trim_end().to_string()
}

/// The ranking sheet and what the workbook holds.
fn league_sheet(
    rows: &[Row],
    info: &LeagueInfo,
    lang: Lang,
) -> (Sheet, Vec<(&'static str, String)>) {
    let rows_in = rows;
    let mut columns: Vec<String> = header(
        lang,
        &[
            words::RANK,
            words::UNIT,
            words::SCORE,
            words::MAX,
            words::PERCENT,
            rank_words::GRADE,
        ],
    );
    for (code, title) in info.sections {
        columns.push(format!("{code} {title}"));
    }
    if info.with_previous {
        columns.push(lang.t(xw::PREVIOUS_RANK).into());
        columns.push(lang.t(xw::PLACES_UP).into());
    }
    let rows = rows
        .iter()
        .map(|row| {
            let s = &row.standing;
            let mut cells = vec![
                XCell::Whole(row.rank as i64),
                text(&s.unit),
                XCell::Points(s.score),
                XCell::Points(s.max),
                XCell::Percent(s.percent()),
                text(s.grade.clone().unwrap_or_default()),
            ];
            cells.extend(row.section_ranks.iter().map(|r| XCell::Whole(*r as i64)));
            if info.with_previous {
                cells.push(
                    row.previous_rank
                        .map_or(XCell::Empty, |p| XCell::Whole(p as i64)),
                );
                cells.push(row.places_up().map_or(XCell::Empty, XCell::Whole));
            }
            cells
        })
        .collect();
    let mut periods: Vec<&str> = Vec::new();
    for r in rows_in {
        if !periods.contains(&r.standing.period.as_str()) {
            periods.push(&r.standing.period);
        }
    }
    (
        Sheet {
            name: lang.t(xw::RANKING).into(),
            header: columns,
            rows,
        },
        vec![
            (lang.t(xw::UNITS), rows_in.len().to_string()),
            (lang.t(xw::PERIOD), periods.join(", ")),
            (lang.t(xw::STAGE), stage_name(lang, info.stage)),
            (lang.t(xw::CRITERIA_SET), info.criteria.to_string()),
        ],
    )
}

/// A stage on an About sheet: its contract name in English (`final`), in words otherwise.
fn stage_name(lang: Lang, s: crate::model::Stage) -> String {
    match lang {
        Lang::En => s.name().to_string(),
        Lang::Vi => words::stage(lang, s),
    }
}

/// A comparison: sections (with the total) and the criteria that changed.
pub fn comparison(c: &Comparison, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let pts = |v: Option<Decimal>| v.map_or(XCell::Empty, XCell::Points);
    let lines = c
        .lines
        .iter()
        .map(|l| {
            let title = super::line_title(&l.code, &l.title, lang);
            vec![
                text(&l.code),
                text(title),
                pts(l.old.map(|x| x.0)),
                pts(l.new.map(|x| x.0)),
                pts(l.old.map(|x| x.1)),
                pts(l.new.map(|x| x.1)),
                XCell::Percent(l.old_percent()),
                XCell::Percent(l.new_percent()),
                pts(l.delta()),
                l.delta_pp().map_or(XCell::Empty, XCell::Points),
            ]
        })
        .collect();
    let changes = c
        .changes
        .iter()
        .map(|ch| {
            vec![
                text(&ch.code),
                text(&ch.title),
                text(words::value_text(
                    lang,
                    ch.old.value.as_deref().unwrap_or(""),
                )),
                text(words::value_text(
                    lang,
                    ch.new.value.as_deref().unwrap_or(""),
                )),
                XCell::Points(ch.old.score),
                XCell::Points(ch.new.score),
                XCell::Points(ch.delta()),
                text(ch.kind.map_or("", |k| diff_words::change_kind(lang, k))),
                text(ch.new.reason.clone().unwrap_or_default()),
            ]
        })
        .collect();
    workbook_in(
        lang,
        &[
            Sheet {
                name: lang.t(xw::SECTIONS).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::SECTION,
                        diff_words::OLD,
                        diff_words::NEW,
                        xw::OLD_MAX,
                        xw::NEW_MAX,
                        diff_words::OLD_PERCENT,
                        diff_words::NEW_PERCENT,
                        diff_words::DELTA_POINTS,
                        diff_words::DELTA_PP,
                    ],
                ),
                rows: lines,
            },
            Sheet {
                name: lang.t(xw::CHANGES).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::CRITERION,
                        xw::OLD_VALUE,
                        xw::NEW_VALUE,
                        diff_words::OLD,
                        diff_words::NEW,
                        diff_words::DELTA,
                        diff_words::CHANGE,
                        xw::REASON,
                    ],
                ),
                rows: changes,
            },
        ],
        &[
            (lang.t(diff_words::OLD), outcome_line(&c.old, lang)),
            (lang.t(diff_words::NEW), outcome_line(&c.new, lang)),
        ],
    )
}

/// "UNIT · PERIOD · stage STAGE · criteria ID" for one side of a comparison.
fn outcome_line(o: &crate::compare::Outcome, lang: Lang) -> String {
    xw::outcome(
        lang,
        &o.unit,
        &o.period,
        &words::stage(lang, o.stage),
        &o.criteria,
    )
}

/// The appraisal rounds (`diff --stages`): sections and total, then the criteria appraised.
pub fn rounds(r: &crate::rounds::Rounds, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let lines = r
        .lines
        .iter()
        .map(|l| {
            let title = super::line_title(&l.code, &l.title, lang);
            vec![
                text(&l.code),
                text(title),
                XCell::Points(l.scores[0]),
                XCell::Points(l.scores[1]),
                XCell::Points(l.scores[2]),
                XCell::Points(l.maxima[2]),
                XCell::Points(l.taken()),
                XCell::Points(l.won_back()),
                XCell::Points(l.raised()),
            ]
        })
        .collect();
    let opt = |t: &Option<String>| text(t.clone().unwrap_or_default());
    let value = |t: &Option<String>| text(words::value_text(lang, t.as_deref().unwrap_or("")));
    let leaves = r
        .leaves
        .iter()
        .map(|l| {
            vec![
                text(&l.code),
                text(&l.title),
                value(&l.values[0]),
                XCell::Points(l.scores[0]),
                value(&l.values[1]),
                XCell::Points(l.scores[1]),
                value(&l.values[2]),
                text(l.final_round.map_or("", |r| words::round(lang, r))),
                XCell::Points(l.scores[2]),
                XCell::Points(l.max),
                opt(&l.reason),
                opt(&l.explanation),
                opt(&l.reappraisal_reason),
            ]
        })
        .collect();
    workbook_in(
        lang,
        &[
            Sheet {
                name: lang.t(xw::SECTIONS).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::SECTION,
                        rounds_words::SELF,
                        rounds_words::APPRAISED,
                        rounds_words::FINAL,
                        words::MAX,
                        rounds_words::TAKEN_BY_APPRAISAL,
                        rounds_words::WON_BACK,
                        rounds_words::RAISED_BY_COUNCIL,
                    ],
                ),
                rows: lines,
            },
            Sheet {
                name: lang.t(xw::APPRAISED).into(),
                header: header(
                    lang,
                    &[
                        words::CODE,
                        words::CRITERION,
                        xw::SELF_VALUE,
                        rounds_words::SELF,
                        xw::APPRAISED_VALUE,
                        rounds_words::APPRAISED,
                        xw::FINAL_VALUE,
                        xw::FINAL_ROUND,
                        rounds_words::FINAL,
                        words::MAX,
                        xw::REASON,
                        xw::EXPLANATION,
                        xw::REAPPRAISAL_REASON,
                    ],
                ),
                rows: leaves,
            },
        ],
        &[
            (lang.t(xw::UNIT), r.unit.clone()),
            (lang.t(xw::PERIOD), r.period.clone()),
            (lang.t(xw::CRITERIA_OF_ROUNDS), r.criteria.clone()),
            (lang.t(xw::STAGES), lang.t(xw::STAGES_IN_ORDER).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_groups_sheet_name_is_one_excel_takes() {
        assert_eq!(group_sheet_name(1, "Xã, phường"), "1. Xã, phường");
        // `[ ] : * ? / \` cannot be in a sheet's name; a leading quote neither.
        assert_eq!(
            group_sheet_name(2, "'Sở/ban: [ngành]?'"),
            "2. Sở ban   ngành"
        );
        let long = group_sheet_name(12, &"Đơn vị sự nghiệp công lập ".repeat(4));
        assert_eq!(long.chars().count(), 31);
        assert!(long.starts_with("12. Đơn vị sự nghiệp"));
        let mut book = Workbook::new();
        for n in [
            group_sheet_name(1, "a\tb\u{7}c"),
            long,
            group_sheet_name(3, "History"),
        ] {
            book.add_worksheet().set_name(&n).unwrap();
        }
    }

    #[test]
    fn cells_are_cut_by_utf16_units_as_excel_counts() {
        // 20,000 emoji: 20,000 characters but 40,000 UTF-16 units, over the limit.
        let emoji = "😀".repeat(20_000);
        let cut = cut_to_cell(&emoji, Lang::En).expect("cut");
        assert!(cut.encode_utf16().count() <= CELL_LIMIT);
        assert!(cut.ends_with(
            "per cell; the whole text is in the evidence file and in the CSV and JSON output]"
        ));
        assert!(cut.contains("[cut: 20000 characters in all"));
        // At the limit exactly, nothing is cut.
        let fits = format!("{}a", "😀".repeat((CELL_LIMIT - 1) / 2));
        assert_eq!(fits.encode_utf16().count(), CELL_LIMIT);
        assert_eq!(cut_to_cell(&fits, Lang::En), None);
        assert!(cut_to_cell(&format!("{fits}a"), Lang::En).is_some());
    }
}
