//! Nesting the rows by their codes ("1.1.3" under "1.1" under "1"), a rule for every leaf, and
//! every published maximum checked against its rows: reported where it does not add up, never
//! corrected.

use super::rules::{recognise, NoRule};
use super::table::{Row, Table};
use super::{Body, Node, Rule, SectionKind};
use crate::decimal::show;
use crate::diag::{
    Diagnostic, Diagnostics, Position, SCORING_OVER_MAX, TABLE_MAX_NOT_SUM, TABLE_ROW,
};
use crate::i18n::diag as say;
use crate::load::Source;
use rust_decimal::Decimal;
use std::collections::HashMap;

#[derive(Debug)]
pub struct Built {
    pub sections: Vec<Node>,
    pub total: Option<Decimal>,
    pub warnings: Vec<Diagnostic>,
}

fn parent_code(code: &str) -> Option<&str> {
    code.rsplit_once('.').map(|(p, _)| p)
}

/// "13 points missing", "1 point missing", "0.5 points too many".
fn difference(max: Decimal, sum: Decimal) -> crate::diag::Message {
    if max > sum {
        say::points_missing(&show(max - sum), max - sum == Decimal::ONE)
    } else {
        say::points_too_many(&show(sum - max), sum - max == Decimal::ONE)
    }
}

pub fn build(source: &Source, table: Table) -> Result<Built, Diagnostics> {
    let name = &source.name;
    let text = &source.text;
    let at = |row: &Row| {
        Some(Position {
            line: row.line,
            column: 1,
        })
    };
    // A row's line quoted from this list, not found by reading the text from its start.
    let lines: Vec<&str> = text.lines().collect();
    let line_of = |row: &Row| row.line.checked_sub(1).and_then(|i| lines.get(i).copied());
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, row) in table.rows.iter().enumerate() {
        if let Some(&first) = index.get(row.code.as_str()) {
            errors.push(
                Diagnostic::new(
                    TABLE_ROW,
                    name,
                    say::row_code_twice(&row.code, table.rows[first].line),
                )
                .at_line(at(row), 1, line_of(row))
                .help(say::ROW_OWN_CODE),
            );
        } else {
            index.insert(&row.code, i);
        }
    }
    // Children of each row, and the sections, in table order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); table.rows.len()];
    let mut sections = Vec::new();
    for (i, row) in table.rows.iter().enumerate() {
        if index.get(row.code.as_str()) != Some(&i) {
            continue;
        }
        match parent_code(&row.code) {
            None => sections.push(i),
            Some(p) => match index.get(p) {
                Some(&j) => children[j].push(i),
                None => errors.push(
                    Diagnostic::new(TABLE_ROW, name, say::no_parent_row(&row.code, p))
                        .at_line(at(row), 1, line_of(row))
                        .help(say::add_parent_row(p)),
                ),
            },
        }
    }
    for (i, row) in table.rows.iter().enumerate() {
        if row.max.is_none() && row.max_text.is_empty() && index.get(row.code.as_str()) == Some(&i)
        {
            errors.push(
                Diagnostic::new(TABLE_ROW, name, say::row_without_max(&row.code))
                    .at_line(at(row), 1, line_of(row))
                    .help(say::GIVE_ROW_MAX),
            );
        }
    }
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    fn node(
        i: usize,
        rows: &[Row],
        children: &[Vec<usize>],
        depth: usize,
        penalty: bool,
        ctx: (&str, &[&str]),
        warnings: &mut Vec<Diagnostic>,
    ) -> Node {
        let row = &rows[i];
        let kind = if depth == 0 {
            SectionKind::from_title(&row.title)
        } else {
            None
        };
        let penalty = penalty || kind == Some(SectionKind::Penalty);
        let max = row.max.unwrap_or(Decimal::ZERO);
        let note = (!row.scoring.is_empty()).then(|| row.scoring.clone());
        let position = Some(Position {
            line: row.line,
            column: 1,
        });
        let body = if children[i].is_empty() {
            match recognise(&row.scoring, max) {
                // A penalty leaf scores the points taken away: "mỗi … trừ 0,5 điểm" counts
                // up, not down, so `deduct` would invert it (the contract: not used there).
                Ok(Rule::Deduct { .. }) if penalty => Body::Rule {
                    rule: Rule::Points,
                    by_hand: Some(NoRule::Unrecognised),
                },
                Ok(rule) => Body::Rule {
                    rule,
                    by_hand: None,
                },
                Err(why) => {
                    if let NoRule::OverMax { points, max } = &why {
                        warnings.push(
                            Diagnostic::new(
                                SCORING_OVER_MAX,
                                ctx.0,
                                say::scoring_over_max(&row.code, &show(*points), &show(*max)),
                            )
                            .at_line(
                                position,
                                1,
                                row.line.checked_sub(1).and_then(|l| ctx.1.get(l).copied()),
                            )
                            .help(say::SCORING_OVER_MAX_HELP),
                        );
                    }
                    Body::Rule {
                        rule: Rule::Points,
                        by_hand: Some(why),
                    }
                }
            }
        } else {
            let items: Vec<Node> = children[i]
                .iter()
                .map(|&c| node(c, rows, children, depth + 1, penalty, ctx, warnings))
                .collect();
            let sum: Decimal = items.iter().map(|n| n.max).sum();
            if sum != max {
                warnings.push(
                    Diagnostic::new(
                        TABLE_MAX_NOT_SUM,
                        ctx.0,
                        say::row_max_not_sum(
                            depth == 0,
                            &row.code,
                            (&show(max), &show(sum)),
                            difference(max, sum),
                        ),
                    )
                    .at_line(
                        position,
                        1,
                        row.line.checked_sub(1).and_then(|l| ctx.1.get(l).copied()),
                    )
                    .help(say::PUBLISHED_MAX_KEPT),
                );
            }
            Body::Items(items)
        };
        Node {
            code: row.code.clone(),
            title: row.title.clone(),
            kind,
            max,
            responsible: row.responsible.clone(),
            note,
            body,
        }
    }
    let nodes: Vec<Node> = sections
        .iter()
        .map(|&i| {
            node(
                i,
                &table.rows,
                &children,
                0,
                false,
                (name, &lines),
                &mut warnings,
            )
        })
        .collect();
    let total = table.total.map(|(total, line)| {
        // Bonus and penalty sections are outside the maximum.
        let sum: Decimal = nodes
            .iter()
            .filter(|n| n.kind.is_none())
            .map(|n| n.max)
            .sum();
        if sum != total {
            warnings.push(
                Diagnostic::new(
                    TABLE_MAX_NOT_SUM,
                    name,
                    say::table_total_not_sum(&show(total), &show(sum), difference(total, sum)),
                )
                .at(Some(Position { line, column: 1 }), 1, text)
                .help(say::PUBLISHED_TOTAL_KEPT),
            );
        }
        total
    });
    // In table order, as an officer reads the table.
    warnings.sort_by_key(|d| d.position.map(|p| p.line));
    Ok(Built {
        sections: nodes,
        total,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    fn built(csv: &str) -> Result<Built, Diagnostics> {
        let source = Source::from_text("t.csv".into(), csv.to_string());
        let table = super::super::table::read(&source)?;
        build(&source, table)
    }

    const HEAD: &str = "STT,Tiêu chí,Điểm tối đa,Cách chấm điểm\n";

    #[test]
    fn rows_nest_by_their_codes() {
        let b = built(&format!("{HEAD}1,A,2,\n1.1,B,1,Đạt: 1; Không đạt: 0\n1.2,C,1,\n1.2.1,D,1,Có: 1; Không: 0\n2,E,1,Đạt: 1; Không đạt: 0\n")).unwrap();
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        assert_eq!(b.sections.len(), 2);
        let Body::Items(items) = &b.sections[0].body else {
            panic!()
        };
        assert_eq!(
            items.iter().map(|n| n.code.as_str()).collect::<Vec<_>>(),
            ["1.1", "1.2"]
        );
        let Body::Items(sub) = &items[1].body else {
            panic!()
        };
        assert_eq!(sub[0].code, "1.2.1");
        assert!(matches!(
            sub[0].body,
            Body::Rule {
                rule: Rule::YesNo,
                by_hand: None
            }
        ));
    }

    #[test]
    fn maxima_that_do_not_add_up_are_reported_and_kept() {
        let b = built(&format!(
            "{HEAD}1,A,20,\n1.1,B,5,\n1.1.1,C,4,Đạt: 4; Không đạt: 0\n,Tổng cộng,100,\n"
        ))
        .unwrap();
        let messages: Vec<&str> = b.warnings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "section 1: max 20, its criteria add up to 5 (15 points missing)",
                "criterion 1.1: max 5, its sub-criteria add up to 4 (1 point missing)",
                "total: 100, its scored sections add up to 20 (80 points missing)",
            ]
        );
        assert_eq!(b.sections[0].max, dec("20"));
        assert_eq!(b.total, Some(dec("100")));
        let b = built(&format!("{HEAD}1,A,1,\n1.1,B,0.75,Đạt: 0,75; Không đạt: 0\n1.2,C,0.75,Đạt: 0,75; Không đạt: 0\n")).unwrap();
        assert_eq!(
            b.warnings[0].message,
            "section 1: max 1, its criteria add up to 1.5 (0.5 points too many)"
        );
    }

    #[test]
    fn an_unreadable_row_becomes_points_and_an_over_max_one_is_reported() {
        let b = built(&format!(
            "{HEAD}1,A,2,\n1.1,B,1,Hội đồng chấm\n1.2,C,1,Đạt: 2; Không đạt: 0\n"
        ))
        .unwrap();
        let Body::Items(items) = &b.sections[0].body else {
            panic!()
        };
        assert_eq!(
            items[0].body,
            Body::Rule {
                rule: Rule::Points,
                by_hand: Some(NoRule::Unrecognised)
            }
        );
        assert_eq!(items[0].note.as_deref(), Some("Hội đồng chấm"));
        assert!(matches!(
            items[1].body,
            Body::Rule {
                rule: Rule::Points,
                by_hand: Some(NoRule::OverMax { .. })
            }
        ));
        assert_eq!(b.warnings.len(), 1);
        assert_eq!(b.warnings[0].check, SCORING_OVER_MAX);
        assert_eq!(b.warnings[0].position.unwrap().line, 4);
    }

    #[test]
    fn bonus_and_penalty_sections_are_outside_the_total() {
        let b = built(&format!("{HEAD}1,A,1,\n1.1,B,1,Đạt: 1; Không đạt: 0\n2,ĐIỂM THƯỞNG,1,\n2.1,Sáng kiến,1,Có: 1; Không: 0\n3,Điểm trừ,2,\n3.1,Văn bản chậm,2,Mỗi văn bản chậm trừ 0,5 điểm\n,Tổng cộng,1,\n")).unwrap();
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
        let kinds: Vec<_> = b.sections.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [None, Some(SectionKind::Bonus), Some(SectionKind::Penalty)]
        );
        let Body::Items(items) = &b.sections[2].body else {
            panic!()
        };
        assert_eq!(
            items[0].body,
            Body::Rule {
                rule: Rule::Points,
                by_hand: Some(NoRule::Unrecognised)
            }
        );
        assert_eq!(SectionKind::from_title("Điểm thưởng, điểm trừ"), None);
    }

    #[test]
    fn orphans_duplicates_and_rows_without_a_max_are_errors() {
        let e = built(&format!(
            "{HEAD}1,A,1,\n1,B,1,\n2.1,C,1,Đạt: 1\n3,D,,Đạt: 1\n"
        ))
        .unwrap_err();
        let messages: Vec<&str> = e.0.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "code 1 is used twice (first on line 2)",
                "2.1 has no row 2 to stand under",
                "3 has no max (điểm tối đa)",
            ]
        );
    }
}
