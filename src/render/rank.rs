//! Rendering a league table: table, JSON, CSV, Markdown.

use super::{add_row, md_cell, new_table, percent_text, push_csv_row, TableOptions, TextFormat};
use crate::decimal::{show, show_percent, Shown, ShownPercent};
use crate::i18n::{rank as words, words as common, Lang};
use crate::model::Stage;
use crate::rank::{GradeCount, Row};
use comfy_table::Cell;
use serde::Serialize;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};
use std::sync::Mutex;

/// What the table is of: the set's id and its sections' codes and titles.
pub struct LeagueInfo<'a> {
    pub criteria: &'a str,
    pub stage: Stage,
    pub sections: &'a [(String, String)],
    pub with_previous: bool,
    /// Units per grade band, in band order (empty when the set has no bands).
    pub grades: &'a [GradeCount],
}

/// "Units per grade: Xuất sắc 1 · Tốt 3 · Khá 0", every band listed; `None` without bands.
fn grades_line(info: &LeagueInfo, lang: Lang, label: impl Fn(&str) -> String) -> Option<String> {
    if info.grades.is_empty() {
        return None;
    }
    let parts: Vec<String> = info
        .grades
        .iter()
        .map(|g| format!("{} {}", label(&g.label), g.units))
        .collect();
    Some(words::per_grade(lang, &parts.join(" · ")))
}

pub fn render(rows: &[Row], info: &LeagueInfo, format: TextFormat, opts: TableOptions) -> String {
    match format {
        TextFormat::Table => table(rows, info, opts),
        TextFormat::Json => json(rows, info),
        TextFormat::Csv => csv(rows, info),
        TextFormat::Markdown => markdown(rows, info, opts.lang),
    }
}

fn previous_text(row: &Row, lang: Lang) -> String {
    match row.previous_rank {
        Some(p) => format!("{p} ({})", words::moved(lang, row.places_up())),
        None if row.standing.is_nameless() => lang.t(words::NO_NAME_TO_MATCH).into(),
        None => lang.t(words::NEW).into(),
    }
}

fn header<'a>(info: &'a LeagueInfo, lang: Lang) -> Vec<&'a str> {
    let mut h: Vec<&str> = [
        common::RANK,
        common::UNIT,
        common::SCORE,
        common::MAX,
        common::PERCENT,
        words::GRADE,
    ]
    .map(|w| lang.t(w))
    .to_vec();
    h.extend(info.sections.iter().map(|(code, _)| code.as_str()));
    if info.with_previous {
        h.push(lang.t(words::PREVIOUS));
    }
    h
}

/// "Ranking of 8 units · dak-nong-district-2022 · stage final", the set's id as `shown`.
fn title(rows: usize, info: &LeagueInfo, lang: Lang, shown: &str) -> String {
    format!(
        "{} · {shown} · {}",
        words::ranking_of(lang, rows),
        common::stage(lang, info.stage)
    )
}

pub(super) fn table(rows: &[Row], info: &LeagueInfo, opts: TableOptions) -> String {
    let lang = opts.lang;
    let mut out = format!("{}\n", title(rows.len(), info, lang, info.criteria));
    let right: Vec<usize> = [0, 2, 3, 4]
        .into_iter()
        .chain(6..6 + info.sections.len())
        .collect();
    let mut t = new_table(opts, header(info, lang), &right);
    for row in rows {
        let s = &row.standing;
        let mut cells = vec![
            Cell::new(row.rank),
            Cell::new(&s.unit),
            Cell::new(lang.number(s.score)),
            Cell::new(lang.number(s.max)),
            Cell::new(percent_text(s.percent(), lang)),
            Cell::new(s.grade.as_deref().unwrap_or("")),
        ];
        cells.extend(row.section_ranks.iter().map(Cell::new));
        if info.with_previous {
            cells.push(Cell::new(previous_text(row, lang)));
        }
        add_row(&mut t, cells);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    if let Some(line) = grades_line(info, lang, str::to_string) {
        out.push_str(&line);
    }
    out.push_str(lang.t(words::SECTION_RANKS));
    let legend: Vec<String> = info
        .sections
        .iter()
        .map(|(c, t)| format!("{c} {t}"))
        .collect();
    out.push_str(&legend.join("; "));
    out.push_str(lang.t(words::TIES));
    out
}

#[derive(Serialize)]
struct JsonLeague<'a> {
    // `ranking` must stay the last field: `json` writes the rows after the rest.
    criteria: &'a str,
    stage: &'a str,
    units: usize,
    sections: Vec<JsonSection<'a>>,
    grades: Vec<JsonGrade<'a>>,
    ranking: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
pub(super) struct JsonSection<'a> {
    code: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
pub(super) struct JsonGrade<'a> {
    label: &'a str,
    min: String,
    units: usize,
}

pub(super) fn json_sections<'a>(info: &LeagueInfo<'a>) -> Vec<JsonSection<'a>> {
    info.sections
        .iter()
        .map(|(code, title)| JsonSection { code, title })
        .collect()
}

pub(super) fn json_grades<'a>(info: &LeagueInfo<'a>) -> Vec<JsonGrade<'a>> {
    info.grades
        .iter()
        .map(|g| JsonGrade {
            label: &g.label,
            min: show(g.min),
            units: g.units,
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct JsonRow<'a> {
    rank: usize,
    unit: &'a str,
    period: &'a str,
    file: &'a str,
    score: Shown,
    max: Shown,
    percent: Option<ShownPercent>,
    grade: Option<&'a str>,
    sections: JsonSectionScores<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    previous_rank: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places_up: Option<i64>,
}

/// A row's sections, written as they are read from its standing (no list made per row).
pub(super) struct JsonSectionScores<'a> {
    row: &'a Row,
    info: &'a LeagueInfo<'a>,
}

impl Serialize for JsonSectionScores<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (row, info) = (self.row, self.info);
        s.collect_seq(
            info.sections
                .iter()
                .zip(&row.standing.sections)
                .zip(&row.section_ranks)
                .map(|(((code, _), (score, max)), rank)| JsonSectionScore {
                    code,
                    score: Shown(*score),
                    max: Shown(*max),
                    percent: crate::decimal::percent(*score, *max)
                        .ok()
                        .flatten()
                        .map(ShownPercent),
                    rank: *rank,
                }),
        )
    }
}

#[derive(Serialize)]
struct JsonSectionScore<'a> {
    code: &'a str,
    score: Shown,
    max: Shown,
    percent: Option<ShownPercent>,
    rank: usize,
}

pub(super) fn json_row<'a>(row: &'a Row, info: &'a LeagueInfo) -> JsonRow<'a> {
    let s = &row.standing;
    JsonRow {
        rank: row.rank,
        unit: &s.unit,
        period: &s.period,
        file: &s.file,
        score: Shown(s.score),
        max: Shown(s.max),
        percent: s.percent().map(ShownPercent),
        grade: s.grade.as_deref(),
        sections: JsonSectionScores { row, info },
        previous_rank: row.previous_rank,
        places_up: if info.with_previous {
            row.places_up()
        } else {
            None
        },
    }
}

/// The league as pretty JSON: what [`write_json`] hands out, joined.
fn json(rows: &[Row], info: &LeagueInfo) -> String {
    let mut out = Vec::new();
    write_json(rows, info, &mut |piece| out.extend_from_slice(piece));
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Rows rendered at a time by one thread: large enough to keep both cores busy, small enough
/// that the few buffers in flight are reused, warm, rather than ten megabytes of fresh memory.
const ROWS_PER_PIECE: usize = 64;

/// The league as pretty JSON, handed to `sink` piece by piece in order: joined, the pieces
/// read as the text `serde_json::to_string_pretty` gives for the whole document (a test
/// holds the two equal). Rows are written on every core, a piece of rows at a time, each
/// piece passed on as soon as those before it were: a league of ten thousand rows is never
/// held whole, and no one thread formats it all.
pub fn write_json(rows: &[Row], info: &LeagueInfo, sink: &mut dyn FnMut(&[u8])) {
    let doc = JsonLeague {
        criteria: info.criteria,
        stage: info.stage.name(),
        units: rows.len(),
        sections: json_sections(info),
        grades: json_grades(info),
        ranking: Vec::new(),
    };
    let head = serde_json::to_string_pretty(&doc).expect("a league serialises");
    if rows.is_empty() {
        sink(head.as_bytes());
        sink(b"\n");
        return;
    }
    let head = head
        .strip_suffix("[]\n}")
        .expect("the ranking is the document's last field");
    sink(head.as_bytes());
    sink(b"[\n");
    let pieces: Vec<&[Row]> = rows.chunks(ROWS_PER_PIECE).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pieces.len());
    let mut written = 0;
    let mut pass_on = |piece: &[u8]| {
        if written > 0 {
            sink(b",\n");
        }
        sink(json_rows_of(piece));
        written += 1;
    };
    if threads <= 1 {
        let mut buf = Vec::new();
        for piece in &pieces {
            json_rows(piece, info, &mut buf);
            pass_on(&buf);
        }
    } else {
        let next = AtomicUsize::new(0);
        let spare: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());
        // Bounded: while the sink is slow (a pipe), the writers wait rather than run ahead.
        let (done, arrived) = std::sync::mpsc::sync_channel::<(usize, Vec<u8>)>(2 * threads);
        std::thread::scope(|scope| {
            for _ in 0..threads {
                let done = done.clone();
                let (next, spare, pieces) = (&next, &spare, &pieces);
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, AtomicOrdering::Relaxed);
                    let Some(piece) = pieces.get(i) else {
                        break;
                    };
                    let mut buf = spare
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .pop()
                        .unwrap_or_default();
                    json_rows(piece, info, &mut buf);
                    if done.send((i, buf)).is_err() {
                        break;
                    }
                });
            }
            drop(done);
            // Pieces come back in any order; each is passed on once those before it were.
            let mut waiting: std::collections::BTreeMap<usize, Vec<u8>> = Default::default();
            let mut want = 0;
            for (i, buf) in arrived {
                waiting.insert(i, buf);
                while let Some(buf) = waiting.remove(&want) {
                    pass_on(&buf);
                    spare.lock().unwrap_or_else(|e| e.into_inner()).push(buf);
                    want += 1;
                }
            }
        });
    }
    sink(b"\n  ]\n}\n");
}

/// serde_json's pretty layout (two spaces a level: the same bytes as `to_writer_pretty`, a test
/// holds them equal), each line's indentation written at once rather than two spaces at a
/// time: a league's rows are some 45 lines each, four levels deep.
#[derive(Default)]
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn new_line<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        w.write_all(if comma { b",\n" } else { b"\n" })?;
        let mut n = 2 * self.depth;
        while n > 0 {
            let now = n.min(SPACES.len());
            w.write_all(&SPACES[..now])?;
            n -= now;
        }
        Ok(())
    }
}

impl Indented {
    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// `]` or `}`: on a line of its own if anything was written inside.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(w, false)?;
        }
        w.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(w, !first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.new_line(w, !first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// `[[row, …]]` as [`json_rows`] writes it: the outer brackets (`[\n  [\n` and `\n  ]\n]`).
const ROWS_OPEN: &[u8] = b"[\n  [\n";
const ROWS_CLOSE: &[u8] = b"\n  ]\n]";

/// The rows written by [`json_rows`], without the outer brackets.
fn json_rows_of(written: &[u8]) -> &[u8] {
    &written[ROWS_OPEN.len()..written.len() - ROWS_CLOSE.len()]
}

/// Writes `rows` into `buf` (emptied first) as `[[row, …]]`: two levels deep, the rows stand
/// at the depth they have in the document (inside `"ranking": [`), indented by serde_json
/// itself, joined by `,\n`; [`json_rows_of`] cuts the outer brackets off.
fn json_rows(rows: &[Row], info: &LeagueInfo, buf: &mut Vec<u8>) {
    struct Rows<'a>(&'a [Row], &'a LeagueInfo<'a>);
    impl Serialize for Rows<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(self.0.iter().map(|r| json_row(r, self.1)))
        }
    }
    buf.clear();
    let mut ser = serde_json::Serializer::with_formatter(&mut *buf, Indented::default());
    [Rows(rows, info)]
        .serialize(&mut ser)
        .expect("rows serialise");
    debug_assert!(buf.starts_with(ROWS_OPEN) && buf.ends_with(ROWS_CLOSE));
}

fn csv(rows: &[Row], info: &LeagueInfo) -> String {
    let mut head = vec![
        "rank", "unit", "period", "file", "score", "max", "percent", "grade",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for (code, _) in info.sections {
        head.push(format!("section_{code}_score"));
        head.push(format!("section_{code}_rank"));
    }
    if info.with_previous {
        head.push("previous_rank".into());
        head.push("places_up".into());
    }
    head.push("stage".into());
    let mut out = head.join(",");
    out.push('\n');
    for row in rows {
        let s = &row.standing;
        let mut fields = vec![
            row.rank.to_string(),
            s.unit.clone(),
            s.period.clone(),
            s.file.clone(),
            show(s.score),
            show(s.max),
            s.percent().map(show_percent).unwrap_or_default(),
            s.grade.clone().unwrap_or_default(),
        ];
        for ((score, _), rank) in s.sections.iter().zip(&row.section_ranks) {
            fields.push(show(*score));
            fields.push(rank.to_string());
        }
        if info.with_previous {
            fields.push(row.previous_rank.map(|p| p.to_string()).unwrap_or_default());
            fields.push(row.places_up().map(|p| p.to_string()).unwrap_or_default());
        }
        fields.push(info.stage.name().to_string());
        push_csv_row(&mut out, &fields);
    }
    out
}

pub(super) fn markdown(rows: &[Row], info: &LeagueInfo, lang: crate::i18n::Lang) -> String {
    let h = header(info, lang);
    let mut out = format!(
        "## {}\n\n",
        title(rows.len(), info, lang, &format!("`{}`", info.criteria))
    );
    out.push_str(&format!("| {} |\n", h.join(" | ")));
    let align: Vec<&str> = h
        .iter()
        .enumerate()
        .map(|(i, _)| {
            if i == 1 || i == 5 || (info.with_previous && i == h.len() - 1) {
                "---"
            } else {
                "--:"
            }
        })
        .collect();
    out.push_str(&format!("|{}|\n", align.join("|")));
    for row in rows {
        let s = &row.standing;
        let mut cells = vec![
            row.rank.to_string(),
            md_cell(&s.unit),
            lang.number(s.score),
            lang.number(s.max),
            percent_text(s.percent(), lang),
            md_cell(s.grade.as_deref().unwrap_or("")),
        ];
        cells.extend(row.section_ranks.iter().map(|r| r.to_string()));
        if info.with_previous {
            cells.push(previous_text(row, lang));
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push('\n');
    if let Some(line) = grades_line(info, lang, md_cell) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(lang.t(words::SECTION_COLUMNS));
    let legend: Vec<String> = info
        .sections
        .iter()
        .map(|(c, t)| format!("{c} {}", md_cell(t)))
        .collect();
    out.push_str(&legend.join("; "));
    out.push_str(".\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::CriteriaResolver;
    use crate::model::Stage;
    use crate::rank::{league, score_paths};

    #[test]
    fn rows_written_in_parallel_read_as_the_whole_document_written_at_once() {
        let (standings, failed) = score_paths(
            &["examples/dak-nong-2022".into()],
            &CriteriaResolver::new(),
            Stage::Final,
            &|_, _| {},
        );
        assert!(failed.is_empty());
        let rows = league(standings, None);
        let sections: Vec<(String, String)> = rows[0]
            .standing
            .set
            .sections()
            .map(|i| {
                let n = &rows[0].standing.set.nodes[i];
                (n.code.clone(), n.title.clone())
            })
            .collect();
        let info = LeagueInfo {
            criteria: "dak-nong-district-2022",
            stage: Stage::Final,
            sections: &sections,
            with_previous: false,
            grades: &[],
        };
        // Enough rows for many pieces (written on every core, passed on in order), and none.
        let many: Vec<Row> = rows
            .iter()
            .cycle()
            .take(ROWS_PER_PIECE * 7 + 3)
            .cloned()
            .collect();
        for list in [&rows[..], &many[..], &[][..]] {
            let whole = JsonLeague {
                ranking: list.iter().map(|r| json_row(r, &info)).collect(),
                ..JsonLeague {
                    criteria: info.criteria,
                    stage: info.stage.name(),
                    units: list.len(),
                    sections: sections
                        .iter()
                        .map(|(code, title)| JsonSection { code, title })
                        .collect(),
                    grades: Vec::new(),
                    ranking: Vec::new(),
                }
            };
            let expected = serde_json::to_string_pretty(&whole).unwrap() + "\n";
            assert_eq!(json(list, &info), expected);
        }
    }
}
