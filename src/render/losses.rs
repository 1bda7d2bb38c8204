//! Rendering points lost: flat (largest first) or grouped by office or section.

use super::{add_row, md_cell, new_table, push_csv_row, TableOptions, TextFormat};
use crate::decimal::show;
use crate::i18n::{losses as words_losses, words, Lang};
use crate::losses::{Group, Loss};
use crate::score::Scorecard;
use comfy_table::Cell;
use serde::Serialize;

/// `None` groups: one flat list.
pub fn render(
    card: &Scorecard,
    losses: &[Loss],
    groups: Option<(&str, &[Group])>,
    format: TextFormat,
    opts: TableOptions,
) -> String {
    match format {
        TextFormat::Table => table(card, losses, groups, opts),
        TextFormat::Json => json(card, losses, groups),
        TextFormat::Csv => csv(card, losses, groups),
        TextFormat::Markdown => markdown(card, losses, groups, opts.lang),
    }
}

/// The value scored, in the language's words and numbers, marked when it is the council's.
fn value_text(card: &Scorecard, l: &Loss, lang: Lang) -> String {
    let shown = card.nodes[l.node]
        .leaf
        .as_ref()
        .map(|leaf| words::value(lang, &leaf.value));
    match shown {
        Some(v) if l.round.is_council() => format!("{v} ({})", words::round(lang, l.round)),
        Some(v) => v,
        None => lang.t(words::MISSING).into(),
    }
}

/// Why the points were lost: the council's reason as written, or (for a leaf with no value)
/// the tool's own words in the language; without either, the evidence's note under its own
/// label ("Ghi chú: …"), the author's remark and not a reason.
fn why_text(l: &Loss, lang: Lang) -> std::borrow::Cow<'_, str> {
    match (l.why.as_deref(), &l.note) {
        (Some(crate::losses::NO_VALUE_GIVEN), _) if l.value.is_none() => {
            lang.t(words_losses::NO_VALUE_GIVEN).into()
        }
        (Some(why), _) => why.into(),
        (None, Some(note)) => format!("{} {note}", crate::report::text::note_label(lang)).into(),
        (None, None) => "".into(),
    }
}

/// For an office spanning several sections: " (section 1: 2.027; section 5: 1.5)".
fn breakdown(card: &Scorecard, g: &Group, by: &str, lang: Lang) -> String {
    let parts = g.per_section();
    if by != "responsible" || parts.len() < 2 {
        return String::new();
    }
    let list: Vec<String> = parts
        .iter()
        .map(|(s, points)| {
            words_losses::section_part(lang, &card.set.nodes[*s].code, &lang.number(*points))
        })
        .collect();
    format!(" ({})", list.join("; "))
}

fn heading(card: &Scorecard, losses: &[Loss], lang: Lang) -> String {
    // Every stage is named, the default final one too: a reader comparing two runs sees which
    // is which.
    format!(
        "{} · {} · {} · {}",
        card.unit,
        card.period,
        words::stage_header(lang, card.stage),
        words_losses::lost_of(
            lang,
            losses.len(),
            &lang.number(card.points_lost()),
            &lang.number(card.total.max)
        )
    )
}

/// The columns of a list of losses.
fn loss_columns(lang: Lang, with_responsible: bool) -> Vec<&'static str> {
    let mut header = vec![
        words::CODE,
        words::CRITERION,
        words::VALUE,
        words_losses::LOST,
        words_losses::WHY,
    ];
    if with_responsible {
        header.push(words::RESPONSIBLE);
    }
    header.into_iter().map(|w| lang.t(w)).collect()
}

fn loss_table(
    card: &Scorecard,
    losses: &[Loss],
    opts: TableOptions,
    with_responsible: bool,
) -> String {
    let lang = opts.lang;
    let header = loss_columns(lang, with_responsible);
    let mut t = new_table(opts, header, &[3]);
    for l in losses {
        let mut row = vec![
            Cell::new(&l.code),
            Cell::new(&l.title),
            Cell::new(value_text(card, l, lang)),
            Cell::new(lang.number(l.loss)),
            Cell::new(why_text(l, lang)),
        ];
        if with_responsible {
            row.push(Cell::new(l.responsible.join("; ")));
        }
        add_row(&mut t, row);
    }
    t.to_string()
}

fn table(
    card: &Scorecard,
    losses: &[Loss],
    groups: Option<(&str, &[Group])>,
    opts: TableOptions,
) -> String {
    let lang = opts.lang;
    let mut out = heading(card, losses, lang);
    out.push('\n');
    match groups {
        None => {
            out.push_str(&loss_table(card, losses, opts, true));
            out.push('\n');
        }
        Some((by, groups)) => {
            for g in groups {
                out.push_str(&format!(
                    "\n{} — {}{}\n",
                    g.key,
                    words_losses::points(lang, &lang.number(g.total)),
                    breakdown(card, g, by, lang)
                ));
                out.push_str(&loss_table(card, &g.losses, opts, by != "responsible"));
                out.push('\n');
            }
            if by == "responsible" {
                out.push_str(&format!("\n{}\n", lang.t(words_losses::SHARED_NOTE)));
            }
        }
    }
    out
}

#[derive(Serialize)]
struct JsonLoss<'a> {
    code: &'a str,
    title: &'a str,
    value: Option<&'a str>,
    appraised: bool,
    /// The round the value comes from: `self`, `appraised` or `reappraised`.
    round: &'static str,
    score: String,
    max: String,
    loss: String,
    why: Option<&'a str>,
    /// The evidence's note: the author's remark, not the council's reason.
    note: Option<&'a str>,
    responsible: &'a [String],
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    key: &'a str,
    total: String,
    losses: Vec<JsonLoss<'a>>,
}

#[derive(Serialize)]
struct JsonLosses<'a> {
    unit: &'a str,
    period: &'a str,
    criteria: &'a str,
    /// The stage scored: `self`, `appraised` or `final`.
    stage: &'static str,
    total_loss: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<JsonGroup<'a>>>,
    losses: Vec<JsonLoss<'a>>,
}

fn json_loss(l: &Loss) -> JsonLoss<'_> {
    JsonLoss {
        code: &l.code,
        title: &l.title,
        value: l.value.as_deref(),
        appraised: l.round.is_council(),
        round: l.round.name(),
        score: show(l.score),
        max: show(l.max),
        loss: show(l.loss),
        why: l.why.as_deref(),
        note: l.note.as_deref(),
        responsible: &l.responsible,
    }
}

fn json(card: &Scorecard, losses: &[Loss], groups: Option<(&str, &[Group])>) -> String {
    let doc = JsonLosses {
        unit: &card.unit,
        period: &card.period,
        criteria: &card.set.id,
        stage: card.stage.name(),
        total_loss: show(card.points_lost()),
        by: groups.map(|(by, _)| by),
        groups: groups.map(|(_, gs)| {
            gs.iter()
                .map(|g| JsonGroup {
                    key: &g.key,
                    total: show(g.total),
                    losses: g.losses.iter().map(json_loss).collect(),
                })
                .collect()
        }),
        losses: losses.iter().map(json_loss).collect(),
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("losses serialise");
    s.push('\n');
    s
}

/// One row per loss and office (the flat list repeats a shared criterion per office), so that
/// a spreadsheet's pivot by office adds up.
/// One row per criterion, its offices joined, so that the loss column adds up to the points
/// lost; grouped (`--by responsible|section`), one row per criterion in each group, with the
/// group first, so that a pivot by group adds up to each group's total.
fn csv(card: &Scorecard, losses: &[Loss], groups: Option<(&str, &[Group])>) -> String {
    let head =
        "code,title,value,appraised,round,score,max,loss,why,note,responsible,unit,period,stage";
    let row = |l: &Loss| {
        vec![
            l.code.clone(),
            l.title.clone(),
            l.value.clone().unwrap_or_default(),
            l.round.is_council().to_string(),
            l.round.name().to_string(),
            show(l.score),
            show(l.max),
            show(l.loss),
            l.why.clone().unwrap_or_default(),
            l.note.clone().unwrap_or_default(),
            l.responsible.join("; "),
            card.unit.clone(),
            card.period.clone(),
            card.stage.name().to_string(),
        ]
    };
    match groups {
        None => {
            let mut out = format!("{head}\n");
            for l in losses {
                push_csv_row(&mut out, &row(l));
            }
            out
        }
        Some((by, groups)) => {
            let mut out = format!("{by},{head}\n");
            for g in groups {
                for l in &g.losses {
                    let mut fields = vec![g.key.clone()];
                    fields.extend(row(l));
                    push_csv_row(&mut out, &fields);
                }
            }
            out
        }
    }
}

fn md_losses(card: &Scorecard, losses: &[Loss], with_responsible: bool, lang: Lang) -> String {
    let mut out = format!(
        "| {} |\n{}\n",
        loss_columns(lang, with_responsible).join(" | "),
        if with_responsible {
            "|---|---|---|--:|---|---|"
        } else {
            "|---|---|---|--:|---|"
        }
    );
    for l in losses {
        let resp = if with_responsible {
            format!(" {} |", md_cell(&l.responsible.join("; ")))
        } else {
            String::new()
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |{resp}\n",
            l.code,
            md_cell(&l.title),
            md_cell(&value_text(card, l, lang)),
            lang.number(l.loss),
            md_cell(&why_text(l, lang))
        ));
    }
    out
}

fn markdown(
    card: &Scorecard,
    losses: &[Loss],
    groups: Option<(&str, &[Group])>,
    lang: Lang,
) -> String {
    let mut out = format!("## {}\n\n", md_cell(&heading(card, losses, lang)));
    match groups {
        None => out.push_str(&md_losses(card, losses, true, lang)),
        Some((by, groups)) => {
            for g in groups {
                out.push_str(&format!(
                    "### {} — {}{}\n\n",
                    md_cell(&g.key),
                    words_losses::points(lang, &lang.number(g.total)),
                    md_cell(&breakdown(card, g, by, lang))
                ));
                out.push_str(&md_losses(card, &g.losses, by != "responsible", lang));
                out.push('\n');
            }
        }
    }
    out
}
