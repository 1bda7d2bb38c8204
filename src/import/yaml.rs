//! Writing the imported set as YAML that reads back exactly: every string double-quoted with
//! YAML's escapes (codes stay strings, titles with `:` or `#` stay titles), decimals with `.`,
//! rules in the contract's flow style.

use super::{Body, Imported, NoRule, Node, Rule};
use crate::decimal::show;
pub use crate::load::yaml::quote;
use std::fmt::Write;

/// The rule in flow style: `yes-no`, `{ choice: { "Đạt": 1, … } }`, `{ tiers: [ { above:
/// "90%", points: 2 }, … ] }`.
pub fn rule(rule: &Rule) -> String {
    match rule {
        Rule::YesNo => "yes-no".into(),
        Rule::Ratio => "ratio".into(),
        Rule::Points => "points".into(),
        Rule::Deduct { per } => format!("{{ deduct: {{ per: {} }} }}", show(*per)),
        Rule::Choice(labels) => {
            let items: Vec<String> = labels
                .iter()
                .map(|(l, p)| format!("{}: {}", quote(l), show(*p)))
                .collect();
            format!("{{ choice: {{ {} }} }}", items.join(", "))
        }
        Rule::Tiers(tiers) => {
            let items: Vec<String> = tiers
                .iter()
                .map(|t| {
                    let at = if t.threshold.percent {
                        quote(&t.threshold.to_string())
                    } else {
                        t.threshold.to_string()
                    };
                    format!("{{ {}: {at}, points: {} }}", t.bound.key(), show(t.points))
                })
                .collect();
            format!("{{ tiers: [ {} ] }}", items.join(", "))
        }
    }
}

pub fn write(set: &Imported) -> String {
    let o = &set.options;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Imported by `parindex criteria import` from {}.",
        o.file.replace(['\n', '\r'], " ")
    );
    out.push_str(
        "# Each rule was read from its row's scoring text, kept in the row's `note:`: check them\n\
         # against the published table before scoring with this set.\n",
    );
    if !set.by_hand.is_empty() {
        let _ = writeln!(
            out,
            "# {} of {} rows need a rule by hand (marked `# by hand` below): {}.",
            set.by_hand.len(),
            set.leaves,
            set.by_hand.join(", ")
        );
    }
    out.push_str("parindex: 1\nkind: criteria\n");
    // Quoted too: an id such as `2013` or `1e3` would otherwise read as a number.
    let _ = writeln!(out, "id: {}", quote(&o.id));
    let _ = writeln!(out, "title: {}", quote(&o.title));
    if let Some(year) = o.year {
        let _ = writeln!(out, "year: {year}");
    }
    let _ = writeln!(out, "source: {}", quote(&o.source));
    if let Some(total) = set.total {
        let _ = writeln!(out, "total: {}", show(total));
    }
    if set.sections.is_empty() {
        out.push_str("sections: []\n");
    } else {
        out.push_str("sections:\n");
        for s in &set.sections {
            node(&mut out, s, 1);
        }
    }
    out
}

fn node(out: &mut String, n: &Node, depth: usize) {
    let pad = "  ".repeat(depth);
    let _ = writeln!(out, "{pad}- code: {}", quote(&n.code));
    let _ = writeln!(out, "{pad}  title: {}", quote(&n.title));
    if let Some(kind) = n.kind {
        let _ = writeln!(out, "{pad}  kind: {}", kind.key());
    }
    let _ = writeln!(out, "{pad}  max: {}", show(n.max));
    match n.responsible.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "{pad}  responsible: {}", quote(one));
        }
        many => {
            let list: Vec<String> = many.iter().map(|r| quote(r)).collect();
            let _ = writeln!(out, "{pad}  responsible: [{}]", list.join(", "));
        }
    }
    let note = |out: &mut String| {
        if let Some(note) = &n.note {
            let _ = writeln!(out, "{pad}  note: {}", quote(note));
        }
    };
    match &n.body {
        Body::Rule { rule: r, by_hand } => {
            let why = match by_hand {
                None => String::new(),
                Some(NoRule::Unrecognised) if n.note.is_none() => {
                    "  # by hand: the table gives no scoring text".into()
                }
                Some(NoRule::Unrecognised) => {
                    "  # by hand: the scoring text was not recognised".into()
                }
                Some(NoRule::OverMax { points, max }) => format!(
                    "  # by hand: the scoring text gives {} points, more than the max of {}",
                    show(*points),
                    show(*max)
                ),
            };
            let _ = writeln!(out, "{pad}  rule: {}{why}", rule(r));
            note(out);
        }
        Body::Items(items) => {
            note(out);
            let _ = writeln!(out, "{pad}  items:");
            for c in items {
                node(out, c, depth + 2);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Bound, Threshold, Tier};
    use super::*;
    use crate::decimal::dec;

    #[test]
    fn quoted_strings_read_back_as_written() {
        for s in [
            "1.1.1",
            "1.10",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC",
            "Đạt: 1; Không đạt: 0",
            "a \"quoted\" \\ back # not a comment",
            "two\nlines\tand a tab",
            "- starts like a list item",
            "yes",
            "null",
            "\u{2028}\u{85}\u{feff}\u{1}",
        ] {
            let yaml = format!("v: {}\n", quote(s));
            let back: std::collections::BTreeMap<String, String> =
                serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            assert_eq!(back["v"], s, "{yaml}");
        }
    }

    #[test]
    fn rules_in_flow_style() {
        assert_eq!(rule(&Rule::YesNo), "yes-no");
        assert_eq!(
            rule(&Rule::Choice(vec![
                ("Ban hành kịp thời".into(), dec("1")),
                ("Ban hành không kịp thời".into(), dec("0.50")),
            ])),
            r#"{ choice: { "Ban hành kịp thời": 1, "Ban hành không kịp thời": 0.5 } }"#
        );
        let t = |bound, value, percent, points| Tier {
            bound,
            threshold: Threshold {
                value: dec(value),
                percent,
            },
            points: dec(points),
        };
        assert_eq!(
            rule(&Rule::Tiers(vec![
                t(Bound::Above, "90", true, "2"),
                t(Bound::AtLeast, "3", false, "1")
            ])),
            r#"{ tiers: [ { above: "90%", points: 2 }, { at_least: 3, points: 1 } ] }"#
        );
        assert_eq!(
            rule(&Rule::Deduct { per: dec("0.25") }),
            "{ deduct: { per: 0.25 } }"
        );
    }
}
