//! Rendering the leagues of `rank --units`: one table per group of the units file (departments
//! and communes apart, each against its own criteria set), each with its units per grade and
//! the units on the list that sent no form.

use super::rank::{
    json_grades, json_row, json_sections, markdown, table, JsonGrade, JsonRow, JsonSection,
    LeagueInfo,
};
use super::{md_cell, push_csv_row, TableOptions, TextFormat};
use crate::collect::GroupLeague;
use crate::decimal::{show, show_percent};
use crate::i18n::{units as words, Lang};
use crate::model::Stage;
use serde::Serialize;

/// What every group's table shares.
pub struct GroupsInfo<'a> {
    pub stage: Stage,
    pub with_previous: bool,
    /// Whether the units file gives groups (else the one league is the whole list's).
    pub grouped: bool,
    pub units_file: &'a str,
    /// Every unit on the list without a form, in the list's order (a group no form came from
    /// has no table, but its units are here).
    pub missing: &'a [&'a str],
    /// Forms left out because their unit is not on the list (`--keep-going`).
    pub unknown: &'a [(String, String)],
    /// `(unit, file)` of the units whose form was refused (`--keep-going`): not ranked, and
    /// not among `missing`.
    pub refused: &'a [(String, String)],
}

/// The set's sections as a league's info needs them.
pub fn sections_of(league: &GroupLeague) -> Vec<(String, String)> {
    league
        .set
        .sections()
        .map(|i| {
            (
                league.set.nodes[i].code.clone(),
                league.set.nodes[i].title.clone(),
            )
        })
        .collect()
}

fn league_info<'a>(
    league: &'a GroupLeague,
    sections: &'a [(String, String)],
    info: &GroupsInfo,
) -> LeagueInfo<'a> {
    LeagueInfo {
        criteria: &league.set.id,
        stage: info.stage,
        sections,
        with_previous: info.with_previous,
        grades: &league.grades,
    }
}

fn heading(league: &GroupLeague, info: &GroupsInfo, lang: Lang) -> Option<String> {
    if !info.grouped {
        return None;
    }
    Some(match &league.group {
        Some(g) => words::group_heading(lang, g),
        None => lang.t(words::NO_GROUP).to_string(),
    })
}

pub fn render(
    leagues: &[GroupLeague],
    info: &GroupsInfo,
    format: TextFormat,
    opts: TableOptions,
) -> String {
    match format {
        TextFormat::Table | TextFormat::Markdown => {
            let md = format == TextFormat::Markdown;
            let lang = opts.lang;
            let mut out = String::new();
            for (i, league) in leagues.iter().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if let Some(h) = heading(league, info, lang) {
                    if md {
                        out.push_str(&format!("# {}\n\n", md_cell(&h)));
                    } else {
                        out.push_str(&format!("{h}\n"));
                    }
                }
                let sections = sections_of(league);
                let li = league_info(league, &sections, info);
                out.push_str(&if md {
                    markdown(&league.rows, &li, lang)
                } else {
                    table(&league.rows, &li, opts)
                });
                if !league.missing.is_empty() {
                    let names: Vec<String> = league
                        .missing
                        .iter()
                        .map(|n| if md { md_cell(n) } else { n.clone() })
                        .collect();
                    let names: Vec<&str> = names.iter().map(String::as_str).collect();
                    if md {
                        out.push('\n');
                    }
                    out.push_str(&words::missing_line(lang, &names));
                    out.push('\n');
                }
            }
            if !info.refused.is_empty() {
                let names: Vec<String> = info
                    .refused
                    .iter()
                    .map(|(n, _)| if md { md_cell(n) } else { n.clone() })
                    .collect();
                out.push('\n');
                out.push_str(&words::not_ranked(lang, &names));
                out.push('\n');
            }
            out
        }
        TextFormat::Json => json(leagues, info),
        TextFormat::Csv => csv(leagues, info),
    }
}

#[derive(Serialize)]
struct JsonGroups<'a> {
    units_file: &'a str,
    stage: &'a str,
    /// Units on the list without a form, every group's.
    missing: Vec<&'a str>,
    /// Forms left out: their unit is not on the list.
    unknown: Vec<JsonUnknown<'a>>,
    /// Units whose form was refused: not ranked, and not among `missing`.
    refused: Vec<JsonUnknown<'a>>,
    groups: Vec<JsonGroup<'a>>,
}

#[derive(Serialize)]
struct JsonUnknown<'a> {
    file: &'a str,
    unit: &'a str,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    group: Option<&'a str>,
    criteria: &'a str,
    units: usize,
    sections: Vec<JsonSection<'a>>,
    grades: Vec<JsonGrade<'a>>,
    missing: Vec<&'a str>,
    ranking: Vec<JsonGroupRow<'a>>,
}

#[derive(Serialize)]
struct JsonGroupRow<'a> {
    group: Option<&'a str>,
    #[serde(flatten)]
    row: JsonRow<'a>,
}

fn json(leagues: &[GroupLeague], info: &GroupsInfo) -> String {
    let sections: Vec<Vec<(String, String)>> = leagues.iter().map(sections_of).collect();
    let infos: Vec<LeagueInfo> = leagues
        .iter()
        .zip(&sections)
        .map(|(l, s)| league_info(l, s, info))
        .collect();
    let doc = JsonGroups {
        units_file: info.units_file,
        stage: info.stage.name(),
        missing: info.missing.to_vec(),
        unknown: info
            .unknown
            .iter()
            .map(|(file, unit)| JsonUnknown { file, unit })
            .collect(),
        refused: info
            .refused
            .iter()
            .map(|(unit, file)| JsonUnknown { file, unit })
            .collect(),
        groups: leagues
            .iter()
            .zip(&infos)
            .map(|(l, li)| JsonGroup {
                group: l.group.as_deref(),
                criteria: &l.set.id,
                units: l.rows.len(),
                sections: json_sections(li),
                grades: json_grades(li),
                missing: l.missing.iter().map(String::as_str).collect(),
                ranking: l
                    .rows
                    .iter()
                    .map(|r| JsonGroupRow {
                        group: l.group.as_deref(),
                        row: json_row(r, li),
                    })
                    .collect(),
            })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).expect("a league serialises") + "\n"
}

/// One table for every group: a `group` column first, ranks within the group, and a column
/// pair per section code found in any group's set (empty where a group's set lacks it).
fn csv(leagues: &[GroupLeague], info: &GroupsInfo) -> String {
    let mut codes: Vec<String> = Vec::new();
    for l in leagues {
        for (code, _) in sections_of(l) {
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
    }
    let mut head: Vec<String> = [
        "group", "rank", "unit", "period", "file", "criteria", "score", "max", "percent", "grade",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for code in &codes {
        head.push(format!("section_{code}_score"));
        head.push(format!("section_{code}_rank"));
    }
    if info.with_previous {
        head.push("previous_rank".into());
        head.push("places_up".into());
    }
    head.push("stage".into());
    let mut out = String::new();
    push_csv_row(&mut out, &head);
    for l in leagues {
        let sections = sections_of(l);
        for row in &l.rows {
            let s = &row.standing;
            let mut fields = vec![
                l.group.clone().unwrap_or_default(),
                row.rank.to_string(),
                s.unit.clone(),
                s.period.clone(),
                s.file.clone(),
                l.set.id.clone(),
                show(s.score),
                show(s.max),
                s.percent().map(show_percent).unwrap_or_default(),
                s.grade.clone().unwrap_or_default(),
            ];
            for code in &codes {
                match sections.iter().position(|(c, _)| c == code) {
                    Some(k) => {
                        fields.push(show(s.sections[k].0));
                        fields.push(row.section_ranks[k].to_string());
                    }
                    None => fields.extend([String::new(), String::new()]),
                }
            }
            if info.with_previous {
                fields.push(row.previous_rank.map(|p| p.to_string()).unwrap_or_default());
                fields.push(row.places_up().map(|p| p.to_string()).unwrap_or_default());
            }
            fields.push(info.stage.name().to_string());
            push_csv_row(&mut out, &fields);
        }
    }
    out
}
