//! Rendering results: a [`Scorecard`] here (terminal tables, the contract's JSON, CSV and
//! Markdown), comparisons in [`diff`].

pub mod annex;
pub mod diff;
pub mod docx;
pub mod losses;
pub mod rank;
pub mod rank_groups;
pub mod rounds;
pub mod xlsx;

use crate::decimal::{show, show_percent};
use crate::i18n::{score as words_score, words, Lang};
use crate::model::Value;
use crate::score::{NodeScore, Scorecard, Status};
use comfy_table::{presets, Cell, CellAlignment, Color, ContentArrangement, Table};
use rust_decimal::Decimal;
use serde::Serialize;

/// Output formats, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Tables for people.
    Table,
    /// The contract's JSON, every decimal a string.
    Json,
    /// One row per node.
    Csv,
    /// Tables to paste into a report or a pull request.
    Markdown,
    /// An Excel workbook (needs -o FILE).
    Xlsx,
    /// A Word document: rank's published annex (needs -o FILE).
    Docx,
}

/// The formats written as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

impl Format {
    /// The text format, or `None` for a binary one (xlsx).
    pub fn text(self) -> Option<TextFormat> {
        match self {
            Format::Table => Some(TextFormat::Table),
            Format::Json => Some(TextFormat::Json),
            Format::Csv => Some(TextFormat::Csv),
            Format::Markdown => Some(TextFormat::Markdown),
            Format::Xlsx | Format::Docx => None,
        }
    }
}

/// How a table is drawn.
#[derive(Debug, Clone, Copy, Default)]
pub struct TableOptions {
    /// Show every node, indented by depth, instead of sections plus losses.
    pub all: bool,
    /// Colour losses and the grade (decided by the caller: terminal and `NO_COLOR`).
    pub color: bool,
    /// Output goes to a terminal: wrap long titles to its width.
    pub terminal: bool,
    /// Wrap to this width instead (for tests and fixed-width reports).
    pub width: Option<u16>,
    /// How numbers are written (87.69% or 87,69%).
    pub lang: Lang,
}

/// Column headings in `lang`.
pub(crate) fn column_names(lang: Lang, columns: &[crate::i18n::Text]) -> Vec<&'static str> {
    columns.iter().map(|w| lang.t(*w)).collect()
}

/// A line's title in a comparison or the rounds, where the total's line (the one without a
/// code) is titled "Total" by the model: in Vietnamese, by its word.
pub(crate) fn line_title(code: &str, title: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi if code.is_empty() => lang.t(words::TOTAL).into(),
        _ => title.to_string(),
    }
}

pub fn render(card: &Scorecard, format: TextFormat, opts: TableOptions) -> String {
    match format {
        TextFormat::Table => table(card, opts),
        TextFormat::Json => json(card),
        TextFormat::Csv => csv(card),
        TextFormat::Markdown => markdown(card, opts.all, opts.lang),
    }
}

pub(crate) fn percent_text(p: Option<Decimal>, lang: Lang) -> String {
    p.map_or_else(|| "–".to_string(), |p| lang.percent(p))
}

/// A leaf's value as scored, marked when it is the appraisal council's; a rate from counts
/// also shows its percentage (`4290/4500 = 95.33%`).
pub(crate) fn value_text(n: &NodeScore, lang: Lang) -> String {
    let Some(leaf) = &n.leaf else {
        return if n.status == Status::Missing {
            lang.t(words::MISSING).into()
        } else {
            String::new()
        };
    };
    let mut text = words::value(lang, &leaf.value);
    if let Value::Rate { num, den, .. } = &leaf.value {
        if *den != Decimal::ONE_HUNDRED {
            if let Ok(Some(p)) = crate::decimal::percent(*num, *den) {
                text = format!("{text} = {}", lang.percent(p));
            }
        }
    }
    if leaf.round.is_council() {
        text.push_str(&format!(" ({})", words::round(lang, leaf.round)));
    }
    text
}

/// "Điểm thẩm định: 43.26 of 60 (72.10%)", one line per component (none where the set has
/// none), bold figures in Markdown.
fn component_lines(card: &Scorecard, lang: Lang, markdown: bool) -> String {
    let mut out = String::new();
    for (c, s) in card.set.components.iter().zip(&card.total.components) {
        let title = if markdown {
            md_cell(&c.title)
        } else {
            c.title.clone()
        };
        let b = if markdown { "**" } else { "" };
        out.push_str(&format!(
            "{}{title}: {b}{} {} {}{b} ({})\n",
            if markdown { "- " } else { "  " },
            lang.number(s.score),
            lang.t(words::OF),
            lang.number(s.max),
            percent_text(s.percent(), lang)
        ));
    }
    if !out.is_empty() {
        let label = lang.t(words_score::COMPONENTS);
        out.insert_str(
            0,
            &if markdown {
                format!("{label}\n\n")
            } else {
                format!("{label}\n")
            },
        );
        if markdown {
            out.push('\n');
        }
    }
    out
}

fn heading(card: &Scorecard, lang: Lang) -> String {
    let set = &card.set;
    format!(
        "{} · {} · {} ({}) · {}",
        card.unit,
        card.period,
        set.title,
        set.id,
        words::stage(lang, card.stage)
    )
}

/// A terminal narrower than this is taken to have reported no width.
const MIN_TERMINAL_WIDTH: u16 = 20;
/// The width assumed for a terminal that reports none.
const DEFAULT_TERMINAL_WIDTH: u16 = 100;

pub(crate) fn new_table(opts: TableOptions, header: Vec<&str>, right: &[usize]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    if !opts.terminal {
        t.force_no_tty();
    }
    if opts.color {
        t.enforce_styling();
    }
    if let Some(w) = opts.width {
        t.set_width(w);
    } else if opts.terminal && t.width().is_none_or(|w| w < MIN_TERMINAL_WIDTH) {
        // A terminal that reports no size (0 × 0 under `script`, a container without one)
        // would have every column squeezed to one character: each cell a column of letters.
        t.set_width(DEFAULT_TERMINAL_WIDTH);
    }
    t.set_content_arrangement(if opts.terminal || opts.width.is_some() {
        ContentArrangement::Dynamic
    } else {
        ContentArrangement::Disabled
    });
    t.set_header(header);
    for &i in right {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

/// Most characters a table cell shows; the rest of a longer text is cut, marked `…`. The
/// table wraps a long word in time that grows with the square of its length (a reason of
/// one million characters took 44 s on a terminal); every other format shows the text whole.
const MAX_CELL_CHARS: usize = 2_000;

/// Adds a row to a terminal table, each cell's text cut to [`MAX_CELL_CHARS`].
pub(crate) fn add_row<C: Into<Cell>>(t: &mut Table, cells: impl IntoIterator<Item = C>) {
    let row: Vec<Cell> = cells
        .into_iter()
        .map(|c| {
            let c: Cell = c.into();
            let text = c.content();
            match text.char_indices().nth(MAX_CELL_CHARS) {
                Some((cut, _)) => Cell::new(format!("{}…", &text[..cut])),
                None => c,
            }
        })
        .collect();
    t.add_row(row);
}

fn loss_cell(loss: Decimal, color: bool, lang: Lang) -> Cell {
    let cell = Cell::new(lang.number(loss));
    if color && loss > Decimal::ZERO {
        cell.fg(Color::Red)
    } else {
        cell
    }
}

fn table(card: &Scorecard, opts: TableOptions) -> String {
    let lang = opts.lang;
    let set = &card.set;
    let mut out = heading(card, lang);
    out.push('\n');
    if opts.all {
        let mut t = new_table(
            opts,
            [
                words::CODE,
                words::CRITERION,
                words::VALUE,
                words::SCORE,
                words::MAX,
                words::PERCENT,
                words::LOSS,
            ]
            .map(|w| lang.t(w))
            .to_vec(),
            &[3, 4, 5, 6],
        );
        for (i, (node, s)) in set.nodes.iter().zip(&card.nodes).enumerate() {
            let title = format!(
                "{}{}",
                "  ".repeat(node.depth),
                words::marked_title(lang, node)
            );
            let mut row = vec![
                Cell::new(&node.code),
                Cell::new(title),
                Cell::new(value_text(s, lang)),
                Cell::new(lang.number(s.score)),
                Cell::new(lang.number(s.max)),
                Cell::new(percent_text(s.percent(), lang)),
                loss_cell(card.lost(i), opts.color, lang),
            ];
            if node.depth == 0 && opts.color {
                row[1] = row[1].clone().add_attribute(comfy_table::Attribute::Bold);
            }
            add_row(&mut t, row);
        }
        add_total_row(&mut t, card, opts, 7, 3);
        out.push_str(&t.to_string());
        out.push('\n');
        out.push_str(&component_lines(card, lang, false));
        return out;
    }
    let mut t = new_table(
        opts,
        [
            words::CODE,
            words::SECTION,
            words::SCORE,
            words::MAX,
            words::PERCENT,
            words::LOSS,
        ]
        .map(|w| lang.t(w))
        .to_vec(),
        &[2, 3, 4, 5],
    );
    for i in set.sections() {
        let (node, s) = (&set.nodes[i], &card.nodes[i]);
        add_row(
            &mut t,
            vec![
                Cell::new(&node.code),
                Cell::new(words::marked_title(lang, node)),
                Cell::new(lang.number(s.score)),
                Cell::new(lang.number(s.max)),
                Cell::new(percent_text(s.percent(), lang)),
                loss_cell(card.lost(i), opts.color, lang),
            ],
        );
    }
    add_total_row(&mut t, card, opts, 6, 2);
    out.push_str(&t.to_string());
    out.push('\n');
    out.push_str(&component_lines(card, lang, false));
    let losses = card.losses();
    if losses.is_empty() {
        out.push_str(&format!("\n{}\n", lang.t(words_score::NO_LOSS)));
        return out;
    }
    out.push_str(&format!(
        "\n{}\n",
        words_score::points_lost(lang, losses.len(), &lang.number(card.points_lost()))
    ));
    let mut t = new_table(
        opts,
        [
            words::CODE,
            words::CRITERION,
            words::VALUE,
            words::SCORE,
            words::MAX,
            words::LOSS,
            words::RESPONSIBLE,
        ]
        .map(|w| lang.t(w))
        .to_vec(),
        &[3, 4, 5],
    );
    for i in losses {
        let (node, s) = (&set.nodes[i], &card.nodes[i]);
        add_row(
            &mut t,
            vec![
                Cell::new(&node.code),
                Cell::new(&node.title),
                Cell::new(value_text(s, lang)),
                Cell::new(lang.number(s.score)),
                Cell::new(lang.number(s.max)),
                loss_cell(card.lost(i), opts.color, lang),
                Cell::new(set.responsible(i).join("; ")),
            ],
        );
    }
    out.push_str(&t.to_string());
    out.push('\n');
    out
}

/// The total row: "Total — grade Tốt" under the title, figures under theirs.
fn add_total_row(
    t: &mut Table,
    card: &Scorecard,
    opts: TableOptions,
    columns: usize,
    first_figure: usize,
) {
    let lang = opts.lang;
    let total = &card.total;
    let label = match &total.grade {
        Some(g) => format!("{} · {} {g}", lang.t(words::TOTAL), lang.t(words::GRADE)),
        None => lang.t(words::TOTAL).to_string(),
    };
    let mut label_cell = Cell::new(label);
    if opts.color {
        label_cell = label_cell.add_attribute(comfy_table::Attribute::Bold);
    }
    let mut row = vec![Cell::new(""); columns];
    row[1] = label_cell;
    row[first_figure] = Cell::new(lang.number(total.score));
    row[first_figure + 1] = Cell::new(lang.number(total.max));
    row[columns - 2] = Cell::new(percent_text(total.percent, lang));
    row[columns - 1] = loss_cell(total.loss(), opts.color, lang);
    add_row(t, row);
}

// ---------------------------------------------------------------------------------------------
// JSON: the contract's shape, plus `meta` and a few documented per-leaf extensions.

#[derive(Serialize)]
struct JsonCard<'a> {
    unit: &'a str,
    period: &'a str,
    criteria: &'a str,
    stage: &'a str,
    total: JsonTotal<'a>,
    nodes: Vec<JsonNode<'a>>,
    meta: JsonMeta<'a>,
}

#[derive(Serialize)]
struct JsonTotal<'a> {
    score: String,
    max: String,
    percent: Option<String>,
    loss: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    grade: Option<&'a str>,
    /// Revision 2: each component's figures, where the set has components.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    components: Vec<JsonComponent<'a>>,
}

#[derive(Serialize)]
struct JsonComponent<'a> {
    id: &'a str,
    title: &'a str,
    score: String,
    max: String,
    percent: Option<String>,
}

#[derive(Serialize)]
struct JsonNode<'a> {
    code: &'a str,
    title: &'a str,
    score: String,
    max: String,
    percent: Option<String>,
    loss: String,
    status: &'a str,
    /// On sections (revision 2): `scored`, `bonus` or `penalty`.
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    /// Extension: on leaves with a value, the value scored as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    /// Extension: on leaves with a value, whether it is the appraisal council's.
    #[serde(skip_serializing_if = "Option::is_none")]
    appraised: Option<bool>,
    /// Extension: on leaves with a value, the round it comes from (`self`, `appraised`,
    /// `reappraised`).
    #[serde(skip_serializing_if = "Option::is_none")]
    round: Option<&'static str>,
}

#[derive(Serialize)]
struct JsonMeta<'a> {
    parindex: &'a str,
    criteria_id: &'a str,
    criteria_title: &'a str,
    criteria_sha256: &'a str,
    rounding: JsonRounding,
}

#[derive(Serialize)]
struct JsonRounding {
    decimals: u32,
    mode: &'static str,
    percent: &'static str,
}

fn json(card: &Scorecard) -> String {
    let set = &card.set;
    let doc = JsonCard {
        unit: &card.unit,
        period: &card.period,
        criteria: &set.id,
        stage: card.stage.name(),
        total: JsonTotal {
            score: show(card.total.score),
            max: show(card.total.max),
            percent: card.total.percent.map(show_percent),
            loss: show(card.total.loss()),
            grade: card.total.grade.as_deref(),
            components: set
                .components
                .iter()
                .zip(&card.total.components)
                .map(|(c, s)| JsonComponent {
                    id: &c.id,
                    title: &c.title,
                    score: show(s.score),
                    max: show(s.max),
                    percent: s.percent().map(show_percent),
                })
                .collect(),
        },
        nodes: set
            .nodes
            .iter()
            .zip(&card.nodes)
            .map(|(node, s)| JsonNode {
                code: &node.code,
                title: &node.title,
                score: show(s.score),
                max: show(s.max),
                percent: s.percent().map(show_percent),
                loss: show(s.loss()),
                status: s.status.name(),
                kind: node.parent.is_none().then(|| node.kind.name()),
                value: s.leaf.as_ref().map(|l| l.value.show()),
                appraised: s.leaf.as_ref().map(|l| l.round.is_council()),
                round: s.leaf.as_ref().map(|l| l.round.name()),
            })
            .collect(),
        meta: JsonMeta {
            parindex: crate::VERSION,
            criteria_id: &set.id,
            criteria_title: &set.title,
            criteria_sha256: &set.sha256,
            rounding: JsonRounding {
                decimals: set.rounding.decimals,
                mode: set.rounding.mode.name(),
                percent: "half-up, 2 places",
            },
        },
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("a scorecard serialises");
    s.push('\n');
    s
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180) and Markdown

/// Quotes a CSV field when it needs it, and neutralises text a spreadsheet would take for a
/// formula (CSV injection): text starting with `=`, `+`, `-`, `@`, a tab or a carriage return
/// gets a leading `'` and is quoted, as OWASP advises. Numbers (`-0.5`, `+2`, `87.69`) stay
/// numbers.
pub fn csv_field(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(s);
    if formula {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `-12`, `+3`, `0.027`, `-4.5`: an optional sign, digits, an optional decimal part.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (whole, frac) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !frac.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

fn csv(card: &Scorecard) -> String {
    let set = &card.set;
    let mut out = String::from(
        "code,title,depth,score,max,percent,loss,status,value,appraised,round,responsible,kind,component,unit,period,stage\n",
    );
    let component_of = |i: usize| {
        set.nodes[i]
            .component
            .and_then(|c| set.components.get(c))
            .map(|c| c.id.clone())
            .unwrap_or_default()
    };
    for (i, (node, s)) in set.nodes.iter().zip(&card.nodes).enumerate() {
        let fields = [
            node.code.clone(),
            node.title.clone(),
            node.depth.to_string(),
            show(s.score),
            show(s.max),
            s.percent().map(show_percent).unwrap_or_default(),
            show(s.loss()),
            s.status.name().to_string(),
            s.leaf.as_ref().map(|l| l.value.show()).unwrap_or_default(),
            s.leaf
                .as_ref()
                .map(|l| l.round.is_council().to_string())
                .unwrap_or_default(),
            s.leaf
                .as_ref()
                .map(|l| l.round.name().to_string())
                .unwrap_or_default(),
            set.responsible(i).join("; "),
            // The section's kind (scored, bonus, penalty), on each of its rows.
            node.kind.name().to_string(),
            component_of(i),
            // Which results these are, on every row: a CSV has no title.
            card.unit.clone(),
            card.period.clone(),
            card.stage.name().to_string(),
        ];
        push_csv_row(&mut out, &fields);
    }
    // The total's parts, one row each after the nodes: kind `component`, code its id.
    for (c, s) in set.components.iter().zip(&card.total.components) {
        let mut fields = vec![
            c.id.clone(),
            c.title.clone(),
            String::new(),
            show(s.score),
            show(s.max),
            s.percent().map(show_percent).unwrap_or_default(),
            show(s.max - s.score),
        ];
        fields.resize(12, String::new());
        fields.extend([
            "component".to_string(),
            c.id.clone(),
            card.unit.clone(),
            card.period.clone(),
            card.stage.name().to_string(),
        ]);
        push_csv_row(&mut out, &fields);
    }
    out
}

/// Appends one CSV row (fields quoted where needed) and its line end.
pub(crate) fn push_csv_row(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    out.push_str(&quoted.join(","));
    out.push('\n');
}

/// Escapes text for Markdown prose, the one escape every Markdown output uses: the characters
/// that would start emphasis, code, links, images or HTML (`<script>`, `<img onerror=…>`,
/// `[x](javascript:…)`, `<javascript:…>`) are backslash-escaped; line breaks become spaces.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes text for a Markdown table cell: [`md_escape`], and `|` that would end the cell.
pub fn md_cell(s: &str) -> String {
    md_escape(s).replace('|', "\\|")
}

fn markdown(card: &Scorecard, all: bool, lang: Lang) -> String {
    let set = &card.set;
    let total = &card.total;
    let mut out = format!(
        "## {} — {}\n\n{} `{}` ({}), {}.\n\n",
        md_cell(&card.unit),
        md_cell(&card.period),
        lang.t(words_score::CRITERIA_SET),
        set.id,
        md_cell(&set.title),
        words::stage(lang, card.stage)
    );
    let grade = total
        .grade
        .as_deref()
        .map(|g| format!(", {} **{}**", lang.t(words::GRADE), md_cell(g)))
        .unwrap_or_default();
    out.push_str(&format!(
        "**{} / {} {} ({})**{grade}, {}.\n\n",
        lang.number(total.score),
        lang.number(total.max),
        lang.t(words_score::POINTS),
        percent_text(total.percent, lang),
        words_score::points_lost_after_total(lang, &lang.number(total.loss()))
    ));
    out.push_str(&component_lines(card, lang, true));
    let rows: Vec<usize> = if all {
        (0..set.nodes.len()).collect()
    } else {
        set.sections().collect()
    };
    let header = |cols: &[crate::i18n::Text], align: &str| {
        let names: Vec<&str> = cols.iter().map(|w| lang.t(*w)).collect();
        format!("| {} |\n{align}\n", names.join(" | "))
    };
    out.push_str(&if all {
        header(
            &[
                words::CODE,
                words::CRITERION,
                words::VALUE,
                words::SCORE,
                words::MAX,
                words::PERCENT,
                words::LOSS,
            ],
            "|---|---|---|--:|--:|--:|--:|",
        )
    } else {
        header(
            &[
                words::CODE,
                words::SECTION,
                words::SCORE,
                words::MAX,
                words::PERCENT,
                words::LOSS,
            ],
            "|---|---|--:|--:|--:|--:|",
        )
    });
    for i in rows {
        let (node, s) = (&set.nodes[i], &card.nodes[i]);
        let value = if all {
            format!(" {} |", md_cell(&value_text(s, lang)))
        } else {
            String::new()
        };
        let indent = "&nbsp;&nbsp;".repeat(if all { node.depth } else { 0 });
        out.push_str(&format!(
            "| {} | {indent}{} |{value} {} | {} | {} | {} |\n",
            node.code,
            md_cell(&words::marked_title(lang, node)),
            lang.number(s.score),
            lang.number(s.max),
            percent_text(s.percent(), lang),
            lang.number(card.lost(i))
        ));
    }
    let blank = if all { " |" } else { "" };
    out.push_str(&format!(
        "| | **{}**{} |{blank} **{}** | **{}** | **{}** | **{}** |\n",
        lang.t(words::TOTAL),
        total
            .grade
            .as_deref()
            .map(|g| format!(" · {}", md_cell(g)))
            .unwrap_or_default(),
        lang.number(total.score),
        lang.number(total.max),
        percent_text(total.percent, lang),
        lang.number(total.loss())
    ));
    let losses = card.losses();
    if !losses.is_empty() {
        out.push_str(&format!("\n### {}\n\n", lang.t(words_score::POINTS_LOST)));
        out.push_str(&header(
            &[
                words::CODE,
                words::CRITERION,
                words::VALUE,
                words::SCORE,
                words::MAX,
                words::LOSS,
                words::RESPONSIBLE,
            ],
            "|---|---|---|--:|--:|--:|---|",
        ));
        for i in losses {
            let (node, s) = (&set.nodes[i], &card.nodes[i]);
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} |\n",
                node.code,
                md_cell(&node.title),
                md_cell(&value_text(s, lang)),
                lang.number(s.score),
                lang.number(s.max),
                lang.number(card.lost(i)),
                md_cell(&set.responsible(i).join("; "))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_that_reports_no_width_gets_a_table_of_a_usual_width() {
        // Under `cargo test` no terminal size can be read, as under `script` (0 × 0).
        let opts = TableOptions {
            all: false,
            color: false,
            terminal: true,
            width: None,
            lang: Lang::En,
        };
        let mut t = new_table(opts, vec!["code", "reason"], &[]);
        add_row(&mut t, vec!["1.1".to_string(), "word ".repeat(100)]);
        let shown = t.to_string();
        let widest = shown.lines().map(|l| l.chars().count()).max().unwrap();
        assert_eq!(widest, usize::from(DEFAULT_TERMINAL_WIDTH), "{shown}");
        assert!(shown.contains("code"), "{shown}");
    }

    #[test]
    fn a_terminal_table_cuts_a_long_cell_and_wraps_it_quickly() {
        let opts = TableOptions {
            all: false,
            color: false,
            terminal: true,
            width: Some(80),
            lang: Lang::En,
        };
        let mut t = new_table(opts, vec!["code", "reason"], &[]);
        // One word of a million characters: wrapped whole, it took most of a minute.
        let long = "ấ".repeat(1_000_000);
        add_row(&mut t, vec!["1.1".to_string(), long]);
        add_row(&mut t, vec!["1.2", "short"]);
        let shown = t.to_string();
        assert_eq!(shown.matches('ấ').count(), MAX_CELL_CHARS);
        assert!(shown.contains('…'), "{shown}");
        assert!(shown.contains("short"), "{shown}");
    }

    #[test]
    fn csv_fields_that_a_spreadsheet_would_run_are_neutralised() {
        assert_eq!(csv_field("=1+1"), "\"'=1+1\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_field("+Phòng"), "\"'+Phòng\"");
        assert_eq!(csv_field("-2+3"), "\"'-2+3\"");
        assert_eq!(csv_field("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(csv_field("\tx"), "\"'\tx\"");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        // Numbers stay numbers; other text as before.
        for n in ["-0.5", "+2", "87.69", "-12", "0"] {
            assert_eq!(csv_field(n), n);
        }
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("Phòng Nội vụ"), "Phòng Nội vụ");
        assert_eq!(csv_field("-"), "\"'-\"");
    }
}
