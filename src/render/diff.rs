//! Rendering a [`Comparison`]: table, JSON, CSV, Markdown.

use super::{add_row, md_cell, new_table, percent_text, push_csv_row, TableOptions, TextFormat};
use crate::compare::{Change, Comparison, Line};
use crate::decimal::{show, show_percent};
use crate::i18n::{diff as words, words as common, Lang, Text};
use comfy_table::{Cell, Color};
use rust_decimal::Decimal;
use serde::Serialize;

pub fn render(c: &Comparison, format: TextFormat, opts: TableOptions) -> String {
    match format {
        TextFormat::Table => table(c, opts),
        TextFormat::Json => json(c),
        TextFormat::Csv => csv(c),
        TextFormat::Markdown => markdown(c, opts.lang),
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

/// `▲ +1.473`, `▼ -0.5`, `= 0`.
fn arrow(d: Option<Decimal>, places: Option<u32>, lang: Lang) -> String {
    let Some(d) = d else { return "–".into() };
    let text = match places {
        Some(_) => {
            let s = lang.percent(d).trim_end_matches('%').to_string();
            if d > Decimal::ZERO {
                format!("+{s}")
            } else {
                s
            }
        }
        None => signed(d, lang),
    };
    match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("▲ {text}"),
        std::cmp::Ordering::Less => format!("▼ {text}"),
        std::cmp::Ordering::Equal => format!("= {text}"),
    }
}

/// The columns of the sections table.
const SECTION_COLUMNS: [Text; 9] = [
    common::CODE,
    common::SECTION,
    words::OLD,
    words::NEW,
    common::MAX,
    words::OLD_PERCENT,
    words::NEW_PERCENT,
    words::DELTA_POINTS,
    words::DELTA_PP,
];

/// The columns of the changed criteria.
const CHANGE_COLUMNS: [Text; 8] = [
    common::CODE,
    common::CRITERION,
    common::VALUE,
    words::OLD,
    words::NEW,
    words::DELTA,
    words::CHANGE,
    words::NOTE,
];

/// The total's line is titled by the comparison ("Total"); in another language, by its word.
fn total_title(line: &Line, lang: Lang) -> String {
    match lang {
        Lang::En => line.title.clone(),
        Lang::Vi => lang.t(common::TOTAL).into(),
    }
}

fn score_text(v: Option<(Decimal, Decimal)>, lang: Lang) -> String {
    v.map_or("–".into(), |(s, _)| lang.number(s))
}

fn max_text(line: &Line, lang: Lang) -> String {
    match (line.old, line.new) {
        (Some((_, a)), Some((_, b))) if a != b => {
            format!("{} → {}", lang.number(a), lang.number(b))
        }
        (_, Some((_, m))) | (Some((_, m)), None) => lang.number(m),
        (None, None) => "–".into(),
    }
}

fn heading(c: &Comparison, lang: Lang) -> String {
    let (o, n) = (&c.old, &c.new);
    let side = |x: &crate::compare::Outcome| {
        // Both sides name their stage, the final one too: a side left unnamed read as
        // the same stage as the other.
        format!(
            "{} ({}, {})",
            x.period,
            x.criteria,
            common::stage(lang, x.stage)
        )
    };
    let unit = if o.unit == n.unit {
        o.unit.clone()
    } else {
        format!("{} → {}", o.unit, n.unit)
    };
    let grade = match (&o.grade, &n.grade) {
        (Some(a), Some(b)) => format!("\n{}: {a} → {b}", lang.t(words::GRADE)),
        _ => String::new(),
    };
    format!("{unit}: {} → {}{grade}", side(o), side(n))
}

/// What to say about a criterion beyond its scores.
fn change_note(ch: &Change, lang: Lang) -> String {
    let mut notes = Vec::new();
    if ch.old_code != ch.code {
        notes.push(words::was(lang, &ch.old_code));
    }
    if ch.max_changed {
        notes.push(words::max_changed(
            lang,
            &lang.number(ch.old.set_max),
            &lang.number(ch.new.set_max),
        ));
    }
    if ch.rule_changed {
        notes.push(lang.t(words::RULE_CHANGED).into());
    }
    if let Some(r) = &ch.new.reason {
        notes.push(r.clone());
    }
    notes.join("; ")
}

/// The Change column: the kind, or `value only` for a value that changed without its score
/// (listed by `diff --stages`).
fn change_label(ch: &Change, lang: Lang) -> &'static str {
    match ch.kind {
        Some(k) => words::change_kind(lang, k),
        None if ch.old.value != ch.new.value && !ch.max_changed && !ch.rule_changed => {
            lang.t(words::VALUE_ONLY)
        }
        None => "",
    }
}

fn value_change(ch: &Change, lang: Lang) -> String {
    let shown = |v: &Option<String>| v.as_deref().map(|v| common::value_text(lang, v));
    match (&shown(&ch.old.value), &shown(&ch.new.value)) {
        (Some(a), Some(b)) if a != b => format!("{a} → {b}"),
        (Some(a), Some(_)) => a.clone(),
        (None, Some(b)) => format!("– → {b}"),
        (Some(a), None) => format!("{a} → –"),
        (None, None) => String::new(),
    }
}

fn table(c: &Comparison, opts: TableOptions) -> String {
    let lang = opts.lang;
    let mut out = heading(c, lang);
    out.push('\n');
    let mut t = new_table(
        opts,
        super::column_names(lang, &SECTION_COLUMNS),
        &[2, 3, 4, 5, 6, 7, 8],
    );
    let color = |cell: Cell, d: Option<Decimal>| match d {
        Some(d) if opts.color && d > Decimal::ZERO => cell.fg(Color::Green),
        Some(d) if opts.color && d < Decimal::ZERO => cell.fg(Color::Red),
        _ => cell,
    };
    for line in c.lines.iter().skip(1).chain(c.lines.first()) {
        let title = if line.code.is_empty() {
            total_title(line, lang)
        } else if line.max_changed() {
            format!("{} *", line.title)
        } else {
            line.title.clone()
        };
        add_row(
            &mut t,
            vec![
                Cell::new(&line.code),
                Cell::new(title),
                Cell::new(score_text(line.old, lang)),
                Cell::new(score_text(line.new, lang)),
                Cell::new(max_text(line, lang)),
                Cell::new(percent_text(line.old_percent(), lang)),
                Cell::new(percent_text(line.new_percent(), lang)),
                color(Cell::new(arrow(line.delta(), None, lang)), line.delta()),
                color(
                    Cell::new(arrow(line.delta_pp(), Some(2), lang)),
                    line.delta_pp(),
                ),
            ],
        );
    }
    out.push_str(&t.to_string());
    out.push('\n');
    if c.lines.iter().any(Line::max_changed) {
        out.push_str(&format!("{}\n", lang.t(words::MAX_CHANGED)));
    }
    if c.changes.is_empty() {
        out.push_str(&format!("\n{}\n", lang.t(words::NOTHING_CHANGED)));
    } else {
        out.push_str(&format!(
            "\n{}: {}\n",
            lang.t(words::CHANGED),
            c.changes.len()
        ));
        let mut t = new_table(opts, super::column_names(lang, &CHANGE_COLUMNS), &[3, 4, 5]);
        for ch in &c.changes {
            let d = ch.delta();
            add_row(
                &mut t,
                vec![
                    Cell::new(&ch.code),
                    Cell::new(&ch.title),
                    Cell::new(value_change(ch, lang)),
                    Cell::new(lang.number(ch.old.score)),
                    Cell::new(lang.number(ch.new.score)),
                    color(Cell::new(signed(d, lang)), Some(d)),
                    Cell::new(change_label(ch, lang)),
                    Cell::new(change_note(ch, lang)),
                ],
            );
        }
        out.push_str(&t.to_string());
        out.push('\n');
    }
    for (label, list) in [(words::REMOVED, &c.removed), (words::ADDED, &c.added)] {
        if !list.is_empty() {
            out.push_str(&format!("\n{}:\n", lang.t(label)));
            for (code, title) in list {
                out.push_str(&format!("  {code}  {title}\n"));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonSide<'a> {
    unit: &'a str,
    period: &'a str,
    criteria: &'a str,
    stage: &'a str,
    score: String,
    max: String,
    percent: Option<String>,
    grade: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    code: &'a str,
    title: &'a str,
    old_score: Option<String>,
    new_score: Option<String>,
    old_max: Option<String>,
    new_max: Option<String>,
    old_percent: Option<String>,
    new_percent: Option<String>,
    delta: Option<String>,
    delta_pp: Option<String>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    code: &'a str,
    old_code: &'a str,
    title: &'a str,
    old_value: Option<&'a str>,
    new_value: Option<&'a str>,
    old_score: String,
    new_score: String,
    delta: String,
    change: Option<&'static str>,
    max_changed: bool,
    rule_changed: bool,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonCode<'a> {
    code: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonComparison<'a> {
    old: JsonSide<'a>,
    new: JsonSide<'a>,
    total: JsonLine<'a>,
    sections: Vec<JsonLine<'a>>,
    changes: Vec<JsonChange<'a>>,
    removed: Vec<JsonCode<'a>>,
    added: Vec<JsonCode<'a>>,
}

fn side(o: &crate::compare::Outcome) -> JsonSide<'_> {
    JsonSide {
        unit: &o.unit,
        period: &o.period,
        criteria: &o.criteria,
        stage: o.stage.name(),
        score: show(o.score),
        max: show(o.max),
        percent: o.percent().map(show_percent),
        grade: o.grade.as_deref(),
    }
}

fn json_line(l: &Line) -> JsonLine<'_> {
    JsonLine {
        code: &l.code,
        title: &l.title,
        old_score: l.old.map(|(s, _)| show(s)),
        new_score: l.new.map(|(s, _)| show(s)),
        old_max: l.old.map(|(_, m)| show(m)),
        new_max: l.new.map(|(_, m)| show(m)),
        old_percent: l.old_percent().map(show_percent),
        new_percent: l.new_percent().map(show_percent),
        delta: l.delta().map(show),
        delta_pp: l.delta_pp().map(show_percent),
    }
}

fn codes(list: &[(String, String)]) -> Vec<JsonCode<'_>> {
    list.iter()
        .map(|(code, title)| JsonCode { code, title })
        .collect()
}

fn json(c: &Comparison) -> String {
    let doc = JsonComparison {
        old: side(&c.old),
        new: side(&c.new),
        total: json_line(&c.lines[0]),
        sections: c.lines[1..].iter().map(json_line).collect(),
        changes: c
            .changes
            .iter()
            .map(|ch| JsonChange {
                code: &ch.code,
                old_code: &ch.old_code,
                title: &ch.title,
                old_value: ch.old.value.as_deref(),
                new_value: ch.new.value.as_deref(),
                old_score: show(ch.old.score),
                new_score: show(ch.new.score),
                delta: show(ch.delta()),
                change: ch.kind.map(|k| k.name()),
                max_changed: ch.max_changed,
                rule_changed: ch.rule_changed,
                reason: ch.new.reason.as_deref(),
            })
            .collect(),
        removed: codes(&c.removed),
        added: codes(&c.added),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("a comparison serialises");
    s.push('\n');
    s
}

fn csv(c: &Comparison) -> String {
    // Which units, periods and stages the two sides are, on every row: a CSV sheet is often
    // read cut out of its file.
    let mut out = String::from("kind,code,title,old_score,new_score,old_max,new_max,old_percent,new_percent,delta,delta_pp,change,old_unit,old_period,old_stage,new_unit,new_period,new_stage\n");
    let sides = [
        c.old.unit.clone(),
        c.old.period.clone(),
        c.old.stage.name().to_string(),
        c.new.unit.clone(),
        c.new.period.clone(),
        c.new.stage.name().to_string(),
    ];
    let opt = |d: Option<Decimal>| d.map(show).unwrap_or_default();
    let pct = |d: Option<Decimal>| d.map(show_percent).unwrap_or_default();
    for (i, l) in c.lines.iter().enumerate() {
        let row = [
            if i == 0 { "total" } else { "section" }.to_string(),
            l.code.clone(),
            l.title.clone(),
            opt(l.old.map(|x| x.0)),
            opt(l.new.map(|x| x.0)),
            opt(l.old.map(|x| x.1)),
            opt(l.new.map(|x| x.1)),
            pct(l.old_percent()),
            pct(l.new_percent()),
            opt(l.delta()),
            pct(l.delta_pp()),
            String::new(),
        ];
        push_csv_row(&mut out, &[&row[..], &sides[..]].concat());
    }
    for ch in &c.changes {
        let row = [
            "criterion".to_string(),
            ch.code.clone(),
            ch.title.clone(),
            show(ch.old.score),
            show(ch.new.score),
            show(ch.old.max),
            show(ch.new.max),
            pct(ch.old.percent()),
            pct(ch.new.percent()),
            show(ch.delta()),
            String::new(),
            change_label(ch, Lang::En).to_string(),
        ];
        push_csv_row(&mut out, &[&row[..], &sides[..]].concat());
    }
    for (kind, list) in [("removed", &c.removed), ("added", &c.added)] {
        for (code, title) in list {
            let mut row = vec![kind.to_string(), code.clone(), title.clone()];
            row.resize(12, String::new());
            push_csv_row(&mut out, &[&row[..], &sides[..]].concat());
        }
    }
    out
}

fn markdown(c: &Comparison, lang: Lang) -> String {
    let grade = lang.t(words::GRADE);
    let mut out = format!(
        "## {}\n\n",
        md_cell(&heading(c, lang)).replace(&format!(" {grade}:"), &format!("\n\n{grade}:"))
    );
    out.push_str(&format!(
        "| {} |\n|---|---|--:|--:|--:|--:|--:|--:|--:|\n",
        super::column_names(lang, &SECTION_COLUMNS).join(" | ")
    ));
    for line in c.lines.iter().skip(1).chain(c.lines.first()) {
        let title = if line.code.is_empty() {
            format!("**{}**", md_cell(&total_title(line, lang)))
        } else {
            md_cell(&line.title)
        };
        out.push_str(&format!(
            "| {} | {title} | {} | {} | {} | {} | {} | {} | {} |\n",
            line.code,
            score_text(line.old, lang),
            score_text(line.new, lang),
            max_text(line, lang),
            percent_text(line.old_percent(), lang),
            percent_text(line.new_percent(), lang),
            arrow(line.delta(), None, lang),
            arrow(line.delta_pp(), Some(2), lang),
        ));
    }
    if !c.changes.is_empty() {
        out.push_str(&format!(
            "\n### {}\n\n| {} |\n|---|---|---|--:|--:|--:|---|---|\n",
            lang.t(words::CHANGED),
            super::column_names(lang, &CHANGE_COLUMNS).join(" | ")
        ));
        for ch in &c.changes {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                ch.code,
                md_cell(&ch.title),
                md_cell(&value_change(ch, lang)),
                lang.number(ch.old.score),
                lang.number(ch.new.score),
                signed(ch.delta(), lang),
                change_label(ch, lang),
                md_cell(&change_note(ch, lang)),
            ));
        }
    }
    for (label, list) in [(words::REMOVED, &c.removed), (words::ADDED, &c.added)] {
        if !list.is_empty() {
            out.push_str(&format!("\n### {}\n\n", lang.t(label)));
            for (code, title) in list {
                out.push_str(&format!("- {code} {}\n", md_cell(title)));
            }
        }
    }
    out
}
