//! Rendering the appraisal rounds ([`Rounds`], `diff --stages`): table, JSON, CSV, Markdown.

use super::{add_row, column_names, md_cell, new_table, push_csv_row, TableOptions, TextFormat};
use crate::decimal::show;
use crate::i18n::{rounds as words, words as common, Lang, Text};
use crate::rounds::{Rounds, RoundsLeaf, RoundsLine};
use comfy_table::{Cell, Color};
use rust_decimal::Decimal;
use serde::Serialize;

pub fn render(r: &Rounds, format: TextFormat, opts: TableOptions) -> String {
    match format {
        TextFormat::Table => table(r, opts),
        TextFormat::Json => json(r),
        TextFormat::Csv => csv(r),
        TextFormat::Markdown => markdown(r, opts.lang),
    }
}

/// `+1.473`, `-0.5`, `0`.
fn signed(d: Decimal, lang: Lang) -> String {
    if d > Decimal::ZERO {
        format!("+{}", lang.number(d))
    } else {
        lang.number(d)
    }
}

fn heading(r: &Rounds, lang: Lang) -> String {
    let mut out = format!(
        "{} · {} · {}: {}\n",
        r.unit,
        r.period,
        r.criteria,
        lang.t(words::STAGES)
    );
    if let [Some(a), Some(b), Some(c)] = &r.grades {
        out.push_str(&format!("{}: {a} → {b} → {c}\n", lang.t(words::GRADE)));
    }
    out
}

/// The columns of the sections table.
const SECTION_COLUMNS: [Text; 9] = [
    common::CODE,
    common::SECTION,
    words::SELF,
    words::APPRAISED,
    words::FINAL,
    common::MAX,
    words::TAKEN_BY_APPRAISAL,
    words::WON_BACK,
    words::RAISED_BY_COUNCIL,
];

fn title(line: &RoundsLine, lang: Lang) -> String {
    super::line_title(&line.code, &line.title, lang)
}

/// "100% = 2": the value scored at a stage and its points; at the final stage, the round the
/// value comes from: "91.6% (reappraised) = 1.832".
fn at_stage(l: &RoundsLeaf, k: usize, lang: Lang) -> String {
    let round = match (k, l.final_round) {
        (2, Some(r)) => format!(" ({})", common::round(lang, r)),
        _ => String::new(),
    };
    match &l.values[k] {
        Some(v) => format!(
            "{}{round} = {}",
            common::value_text(lang, v),
            lang.number(l.scores[k])
        ),
        None => format!("{} = {}", lang.t(common::MISSING), lang.number(l.scores[k])),
    }
}

/// The criteria left out of the sums because n/a changed their maximum, if any.
fn max_note(r: &Rounds, lang: Lang) -> Option<String> {
    let codes = &r.lines[0].moves.max_changed;
    (!codes.is_empty()).then(|| words::max_moved(lang, &codes.join(", ")))
}

/// What the council and the unit said about a criterion, one line each.
fn remarks(l: &RoundsLeaf, lang: Lang) -> Vec<String> {
    [
        (words::FIRST_APPRAISAL, &l.reason),
        (words::UNITS_EXPLANATION, &l.explanation),
        (words::SECOND_APPRAISAL, &l.reappraisal_reason),
    ]
    .into_iter()
    .filter_map(|(who, text)| {
        text.as_ref()
            .map(|t| format!("{}: {}", lang.t(who), t.trim_end()))
    })
    .collect()
}

fn max_text(line: &RoundsLine, lang: Lang) -> String {
    let [a, b, c] = line.maxima;
    if a == b && b == c {
        lang.number(c)
    } else {
        format!(
            "{} → {} → {}",
            lang.number(a),
            lang.number(b),
            lang.number(c)
        )
    }
}

fn table(r: &Rounds, opts: TableOptions) -> String {
    let lang = opts.lang;
    let mut out = heading(r, lang);
    let mut t = new_table(
        opts,
        column_names(lang, &SECTION_COLUMNS),
        &[2, 3, 4, 5, 6, 7, 8],
    );
    let color = |cell: Cell, d: Decimal, good: bool| match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater if opts.color => {
            cell.fg(if good { Color::Green } else { Color::Red })
        }
        _ => cell,
    };
    for line in r.lines.iter().skip(1).chain(r.lines.first()) {
        add_row(
            &mut t,
            vec![
                Cell::new(&line.code),
                Cell::new(title(line, lang)),
                Cell::new(lang.number(line.scores[0])),
                Cell::new(lang.number(line.scores[1])),
                Cell::new(lang.number(line.scores[2])),
                Cell::new(max_text(line, lang)),
                color(Cell::new(lang.number(line.taken())), line.taken(), false),
                color(
                    Cell::new(lang.number(line.won_back())),
                    line.won_back(),
                    true,
                ),
                color(Cell::new(lang.number(line.raised())), line.raised(), true),
            ],
        );
    }
    out.push_str(&t.to_string());
    out.push('\n');
    if let Some(note) = max_note(r, lang) {
        out.push_str(&format!("{note}\n"));
    }
    if r.leaves.is_empty() {
        out.push_str(&format!("\n{}\n", lang.t(words::NONE_APPRAISED)));
        return out;
    }
    out.push_str(&format!("\n{}\n", words::appraised(lang, r.leaves.len())));
    let mut t = new_table(
        opts,
        column_names(
            lang,
            &[
                common::CODE,
                common::CRITERION,
                words::SELF,
                words::APPRAISED,
                words::FINAL,
                common::MAX,
                words::TAKEN,
                words::WON_BACK,
                words::RAISED,
            ],
        ),
        &[5, 6, 7, 8],
    );
    for l in &r.leaves {
        add_row(
            &mut t,
            vec![
                Cell::new(&l.code),
                Cell::new(&l.title),
                Cell::new(at_stage(l, 0, lang)),
                Cell::new(at_stage(l, 1, lang)),
                Cell::new(at_stage(l, 2, lang)),
                Cell::new(lang.number(l.max)),
                Cell::new(lang.number(l.taken())),
                Cell::new(signed(l.won_back(), lang)),
                Cell::new(signed(l.raised(), lang)),
            ],
        );
    }
    out.push_str(&t.to_string());
    out.push('\n');
    let said: Vec<&RoundsLeaf> = r
        .leaves
        .iter()
        .filter(|l| !remarks(l, lang).is_empty())
        .collect();
    if !said.is_empty() {
        out.push_str(&format!("\n{}\n", lang.t(words::REASONS_AND_EXPLANATIONS)));
        for l in said {
            out.push_str(&format!("  {} {}\n", l.code, l.title));
            for line in remarks(l, lang) {
                let line = crate::explain::indent_continuation(&format!("    {line}"));
                out.push_str(&format!("{line}\n"));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct ByStage<T> {
    #[serde(rename = "self")]
    own: T,
    appraised: T,
    #[serde(rename = "final")]
    last: T,
}

impl<T: Clone> ByStage<T> {
    fn of<U>(items: &[U; 3], f: impl Fn(&U) -> T) -> Self {
        ByStage {
            own: f(&items[0]),
            appraised: f(&items[1]),
            last: f(&items[2]),
        }
    }
}

#[derive(Serialize)]
struct JsonLine<'a> {
    code: &'a str,
    title: &'a str,
    score: ByStage<String>,
    max: ByStage<String>,
    taken: String,
    won_back: String,
    raised: String,
    /// Criteria left out of the three sums: n/a changed their maximum between rounds.
    max_changed: &'a [String],
}

#[derive(Serialize)]
struct JsonLeaf<'a> {
    code: &'a str,
    title: &'a str,
    value: ByStage<Option<String>>,
    score: ByStage<String>,
    max: String,
    taken: String,
    won_back: String,
    raised: String,
    /// The round the final value comes from: `self`, `appraised` or `reappraised`.
    final_round: Option<&'static str>,
    reason: Option<&'a str>,
    explanation: Option<&'a str>,
    reappraisal_reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRounds<'a> {
    unit: &'a str,
    period: &'a str,
    criteria: &'a str,
    grade: ByStage<Option<String>>,
    total: JsonLine<'a>,
    sections: Vec<JsonLine<'a>>,
    /// Every criterion the council appraised (or the unit explained).
    appraised: Vec<JsonLeaf<'a>>,
}

fn json_line(l: &RoundsLine) -> JsonLine<'_> {
    JsonLine {
        code: &l.code,
        title: &l.title,
        score: ByStage::of(&l.scores, |d| show(*d)),
        max: ByStage::of(&l.maxima, |d| show(*d)),
        taken: show(l.taken()),
        won_back: show(l.won_back()),
        raised: show(l.raised()),
        max_changed: &l.moves.max_changed,
    }
}

fn json(r: &Rounds) -> String {
    let doc = JsonRounds {
        unit: &r.unit,
        period: &r.period,
        criteria: &r.criteria,
        grade: ByStage::of(&r.grades, Clone::clone),
        total: json_line(&r.lines[0]),
        sections: r.lines[1..].iter().map(json_line).collect(),
        appraised: r
            .leaves
            .iter()
            .map(|l| JsonLeaf {
                code: &l.code,
                title: &l.title,
                value: ByStage::of(&l.values, Clone::clone),
                score: ByStage::of(&l.scores, |d| show(*d)),
                max: show(l.max),
                taken: show(l.taken()),
                won_back: show(l.won_back()),
                raised: show(l.raised()),
                final_round: l.final_round.map(|r| r.name()),
                reason: l.reason.as_deref(),
                explanation: l.explanation.as_deref(),
                reappraisal_reason: l.reappraisal_reason.as_deref(),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("rounds serialise");
    s.push('\n');
    s
}

fn csv(r: &Rounds) -> String {
    let mut out = String::from("kind,code,title,self_value,appraised_value,final_value,self_score,appraised_score,final_score,max,taken,won_back,raised,final_round,reason,explanation,reappraisal_reason,unit,period\n");
    for (i, l) in r.lines.iter().enumerate() {
        let row = [
            if i == 0 { "total" } else { "section" }.to_string(),
            l.code.clone(),
            l.title.clone(),
            String::new(),
            String::new(),
            String::new(),
            show(l.scores[0]),
            show(l.scores[1]),
            show(l.scores[2]),
            show(l.maxima[2]),
            show(l.taken()),
            show(l.won_back()),
            show(l.raised()),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            r.unit.clone(),
            r.period.clone(),
        ];
        push_csv_row(&mut out, &row);
    }
    for l in &r.leaves {
        let text = |t: &Option<String>| t.clone().unwrap_or_default();
        let row = [
            "criterion".to_string(),
            l.code.clone(),
            l.title.clone(),
            text(&l.values[0]),
            text(&l.values[1]),
            text(&l.values[2]),
            show(l.scores[0]),
            show(l.scores[1]),
            show(l.scores[2]),
            show(l.max),
            show(l.taken()),
            show(l.won_back()),
            show(l.raised()),
            l.final_round.map_or("", |r| r.name()).to_string(),
            text(&l.reason),
            text(&l.explanation),
            text(&l.reappraisal_reason),
            r.unit.clone(),
            r.period.clone(),
        ];
        push_csv_row(&mut out, &row);
    }
    out
}

fn markdown(r: &Rounds, lang: Lang) -> String {
    let mut out = String::new();
    for (i, line) in heading(r, lang).lines().enumerate() {
        if i == 0 {
            out.push_str(&format!("## {}\n\n", md_cell(line)));
        } else {
            out.push_str(&format!("{}\n\n", md_cell(line)));
        }
    }
    out.push_str(&format!(
        "| {} |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n",
        column_names(lang, &SECTION_COLUMNS).join(" | ")
    ));
    for line in r.lines.iter().skip(1).chain(r.lines.first()) {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
            md_cell(&line.code),
            md_cell(&title(line, lang)),
            lang.number(line.scores[0]),
            lang.number(line.scores[1]),
            lang.number(line.scores[2]),
            max_text(line, lang),
            lang.number(line.taken()),
            lang.number(line.won_back()),
            lang.number(line.raised()),
        ));
    }
    if let Some(note) = max_note(r, lang) {
        out.push_str(&format!("\n{}\n", md_cell(&note)));
    }
    if !r.leaves.is_empty() {
        let columns = column_names(
            lang,
            &[
                common::CODE,
                common::CRITERION,
                words::SELF,
                words::APPRAISED,
                words::FINAL,
                words::TAKEN,
                words::WON_BACK,
                words::RAISED,
                words::REMARKS,
            ],
        );
        out.push_str(&format!(
            "\n| {} |\n|---|---|---|---|---|--:|--:|--:|---|\n",
            columns.join(" | ")
        ));
        for l in &r.leaves {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
                md_cell(&l.code),
                md_cell(&l.title),
                md_cell(&at_stage(l, 0, lang)),
                md_cell(&at_stage(l, 1, lang)),
                md_cell(&at_stage(l, 2, lang)),
                lang.number(l.taken()),
                signed(l.won_back(), lang),
                signed(l.raised(), lang),
                md_cell(&remarks(l, lang).join(" · ")),
            ));
        }
    }
    out
}
