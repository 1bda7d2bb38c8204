//! Comparing two results: year over year (possibly across criteria sets), or the
//! self-assessment against the appraised result of one file.
//!
//! A result is an [`Outcome`]: built from a [`Scorecard`] or read back from the JSON that
//! `score --format json` writes, so that published past results can be compared without their
//! evidence.

use crate::decimal::{self, Overflow};
use crate::score::{Scorecard, Status};
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::str::FromStr;

/// Reads one side of a comparison: an evidence file (scored at `stage`) or a JSON result,
/// told apart by content.
pub fn load_outcome(
    path: &std::path::Path,
    resolver: &crate::load::CriteriaResolver,
    stage: crate::model::Stage,
) -> Result<Outcome, crate::diag::Diagnostics> {
    use crate::diag::{self, Diagnostic, Diagnostics};
    let source = crate::load::Source::read(path)?;
    if source.text.trim_start().starts_with('{') {
        return Outcome::from_json(&source.text)
            .map_err(|e| Diagnostics::one(Diagnostic::new(diag::WRONG_TYPE, &source.name, e)));
    }
    let base = path.parent().unwrap_or(std::path::Path::new("."));
    let (evidence, set, _) = crate::load::parse_evidence(&source, base, resolver)?;
    let card = crate::score::score(&set, &evidence, stage)
        .map_err(|e| Diagnostics::one(crate::score::overflow_diagnostic(&source, &e)))?;
    Ok(Outcome::from(&card))
}

/// One node of a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeNode {
    pub code: String,
    pub title: String,
    pub score: Decimal,
    pub max: Decimal,
    pub status: String,
    /// The rule as a comparable text, where known (not in JSON results).
    pub rule: Option<String>,
    /// The value scored, as written.
    pub value: Option<String>,
    /// The appraisal council's reason, where the scored value is appraised.
    pub reason: Option<String>,
    /// The criterion's max in the set (before `if_na: exclude`), where known.
    pub set_max: Decimal,
}

impl OutcomeNode {
    pub fn loss(&self) -> Decimal {
        self.max - self.score
    }

    pub fn percent(&self) -> Option<Decimal> {
        decimal::percent(self.score, self.max).ok().flatten()
    }

    pub fn is_section(&self) -> bool {
        !self.code.contains('.')
    }
}

/// A scored result, from evidence or from a JSON result.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub unit: String,
    pub period: String,
    pub criteria: String,
    pub stage: String,
    pub score: Decimal,
    pub max: Decimal,
    pub grade: Option<String>,
    /// Every node, in document order.
    pub nodes: Vec<OutcomeNode>,
}

impl Outcome {
    pub fn percent(&self) -> Option<Decimal> {
        decimal::percent(self.score, self.max).ok().flatten()
    }

    /// Whether `code` is a leaf (no other node extends it).
    pub fn is_leaf(&self, code: &str) -> bool {
        let prefix = format!("{code}.");
        !self.nodes.iter().any(|n| n.code.starts_with(&prefix))
    }
}

impl From<&Scorecard> for Outcome {
    fn from(card: &Scorecard) -> Self {
        let set = &card.set;
        Outcome {
            unit: card.unit.clone(),
            period: card.period.clone(),
            criteria: set.id.clone(),
            stage: card.stage.name().to_string(),
            score: card.total.score,
            max: card.total.max,
            grade: card.total.grade.clone(),
            nodes: set
                .nodes
                .iter()
                .zip(&card.nodes)
                .map(|(node, s)| OutcomeNode {
                    code: node.code.clone(),
                    title: node.title.clone(),
                    score: s.score,
                    max: s.max,
                    status: s.status.name().to_string(),
                    rule: node.rule.as_ref().map(|r| format!("{r:?}")),
                    value: s.leaf.as_ref().map(|l| l.value.show()),
                    reason: None,
                    set_max: node.max,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize)]
struct JsonResult {
    unit: String,
    period: String,
    criteria: String,
    stage: String,
    total: JsonTotal,
    nodes: Vec<JsonNode>,
}

#[derive(Deserialize)]
struct JsonTotal {
    score: String,
    max: String,
    grade: Option<String>,
}

#[derive(Deserialize)]
struct JsonNode {
    code: String,
    title: String,
    score: String,
    max: String,
    status: String,
    value: Option<String>,
}

impl Outcome {
    /// Reads a result written by `score --format json`.
    pub fn from_json(text: &str) -> Result<Outcome, String> {
        let doc: JsonResult = serde_json::from_str(text).map_err(|e| {
            format!("not a parindex JSON result ({e}); give an evidence file or the output of `parindex score --format json`")
        })?;
        let dec = |s: &str, what: &str| {
            Decimal::from_str(s).map_err(|_| format!("{what} `{s}` is not a decimal"))
        };
        let mut nodes = Vec::with_capacity(doc.nodes.len());
        for n in doc.nodes {
            let max = dec(&n.max, &format!("max of {}", n.code))?;
            nodes.push(OutcomeNode {
                score: dec(&n.score, &format!("score of {}", n.code))?,
                max,
                status: n.status,
                rule: None,
                value: n.value,
                reason: None,
                set_max: max,
                code: n.code,
                title: n.title,
            });
        }
        Ok(Outcome {
            unit: doc.unit,
            period: doc.period,
            criteria: doc.criteria,
            stage: doc.stage,
            score: dec(&doc.total.score, "total score")?,
            max: dec(&doc.total.max, "total max")?,
            grade: doc.total.grade,
            nodes,
        })
    }
}

/// What happened to one criterion between two results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// Scored more, and still loses points.
    Gained,
    /// Scored less, but lost points before too.
    Lost,
    /// Lost nothing before, loses points now.
    NewLoss,
    /// Lost points before, loses nothing now.
    Recovered,
}

impl ChangeKind {
    pub fn name(self) -> &'static str {
        match self {
            ChangeKind::Gained => "gained",
            ChangeKind::Lost => "lost",
            ChangeKind::NewLoss => "new loss",
            ChangeKind::Recovered => "recovered",
        }
    }
}

/// A section or the total, old beside new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub code: String,
    pub title: String,
    pub old: Option<(Decimal, Decimal)>,
    pub new: Option<(Decimal, Decimal)>,
}

impl Line {
    pub fn old_percent(&self) -> Option<Decimal> {
        self.old
            .and_then(|(s, m)| decimal::percent(s, m).ok().flatten())
    }

    pub fn new_percent(&self) -> Option<Decimal> {
        self.new
            .and_then(|(s, m)| decimal::percent(s, m).ok().flatten())
    }

    /// Change in points.
    pub fn delta(&self) -> Option<Decimal> {
        Some(self.new?.0 - self.old?.0)
    }

    /// Change in percentage points, of the displayed (rounded) percentages, as published
    /// results are compared ("up 3.31 points": 87.69 − 84.38).
    pub fn delta_pp(&self) -> Option<Decimal> {
        Some(self.new_percent()? - self.old_percent()?)
    }

    /// Whether the maxima differ, so that the percentage is the fair comparison.
    pub fn max_changed(&self) -> bool {
        matches!((self.old, self.new), (Some((_, a)), Some((_, b))) if a != b)
    }
}

/// One criterion that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub code: String,
    pub old_code: String,
    pub title: String,
    pub old: OutcomeNode,
    pub new: OutcomeNode,
    pub kind: Option<ChangeKind>,
    /// The criterion's max differs between the sets.
    pub max_changed: bool,
    /// The criterion's rule differs between the sets (known only from evidence).
    pub rule_changed: bool,
}

impl Change {
    pub fn delta(&self) -> Decimal {
        self.new.score - self.old.score
    }
}

/// Two results compared.
#[derive(Debug, Clone)]
pub struct Comparison {
    pub old: Outcome,
    pub new: Outcome,
    /// The total first, then every section of either result.
    pub lines: Vec<Line>,
    /// Criteria present in both whose score, max or rule changed: largest change first.
    pub changes: Vec<Change>,
    /// Codes only in the old result (after renumbering), with titles.
    pub removed: Vec<(String, String)>,
    /// Codes only in the new result, with titles.
    pub added: Vec<(String, String)>,
}

/// Renumbering between two criteria sets: old code → new code, or `None` where removed.
pub type CodeMap = HashMap<String, Option<String>>;

/// Where each code sits in one result, so that a comparison looks codes up instead of
/// scanning every node for each one (results may have tens of thousands of criteria).
struct CodeIndex<'a> {
    /// Code → the first node with it (a JSON result could repeat a code; the first counts).
    first: HashMap<&'a str, usize>,
    /// Every code that some other code extends (`3.4` for `3.4.1`): the non-leaves.
    extended: HashSet<&'a str>,
}

impl<'a> CodeIndex<'a> {
    fn new(outcome: &'a Outcome) -> Self {
        let mut first = HashMap::with_capacity(outcome.nodes.len());
        let mut extended = HashSet::new();
        for (i, n) in outcome.nodes.iter().enumerate() {
            first.entry(n.code.as_str()).or_insert(i);
            for (dot, _) in n.code.match_indices('.') {
                extended.insert(&n.code[..dot]);
            }
        }
        CodeIndex { first, extended }
    }

    fn find(&self, outcome: &'a Outcome, code: &str) -> Option<&'a OutcomeNode> {
        self.first.get(code).map(|&i| &outcome.nodes[i])
    }

    /// Same answer as [`Outcome::is_leaf`].
    fn is_leaf(&self, code: &str) -> bool {
        !self.extended.contains(code)
    }
}

/// Keeps the top-most entries only: drops every code that extends another code of the list.
fn topmost(list: &mut Vec<(String, String)>) {
    let codes: HashSet<String> = list.iter().map(|(c, _)| c.clone()).collect();
    list.retain(|(c, _)| !c.match_indices('.').any(|(dot, _)| codes.contains(&c[..dot])));
}

/// Compares two results. `map` renames old codes to new ones (or drops them).
pub fn compare(old: Outcome, new: Outcome, map: &CodeMap) -> Result<Comparison, Overflow> {
    let rename = |code: &str| -> Option<String> {
        match map.get(code) {
            Some(target) => target.clone(),
            None => Some(code.to_string()),
        }
    };
    let old_index = CodeIndex::new(&old);
    let new_index = CodeIndex::new(&new);
    let mut lines = vec![Line {
        code: String::new(),
        title: "Total".into(),
        old: Some((old.score, old.max)),
        new: Some((new.score, new.max)),
    }];
    let mut section_codes: Vec<String> = new
        .nodes
        .iter()
        .filter(|n| n.is_section())
        .map(|n| n.code.clone())
        .collect();
    let mut listed: HashSet<String> = section_codes.iter().cloned().collect();
    for n in old.nodes.iter().filter(|n| n.is_section()) {
        if let Some(c) = rename(&n.code) {
            if listed.insert(c.clone()) {
                section_codes.push(c);
            }
        }
    }
    // The first old node (of any depth) that the map sends to each section code.
    let mut old_for_section: HashMap<&str, &OutcomeNode> = HashMap::new();
    for n in &old.nodes {
        if let Some(c) = rename(&n.code) {
            if let Some(code) = listed.get(&c) {
                old_for_section.entry(code.as_str()).or_insert(n);
            }
        }
    }
    for code in &section_codes {
        let new_node = new_index.find(&new, code);
        let old_node = old_for_section.get(code.as_str()).copied();
        lines.push(Line {
            code: code.clone(),
            title: new_node
                .or(old_node)
                .map(|n| n.title.clone())
                .unwrap_or_default(),
            old: old_node.map(|n| (n.score, n.max)),
            new: new_node.map(|n| (n.score, n.max)),
        });
    }
    let mut changes = Vec::new();
    let mut removed = Vec::new();
    let mut matched = HashSet::new();
    for o in &old.nodes {
        let target = rename(&o.code);
        let Some(n) = target.as_deref().and_then(|c| new_index.find(&new, c)) else {
            removed.push((o.code.clone(), o.title.clone()));
            continue;
        };
        matched.insert(n.code.clone());
        let max_changed = o.set_max != n.set_max;
        if o.is_section() {
            continue;
        }
        if !(old_index.is_leaf(&o.code) && new_index.is_leaf(&n.code)) {
            // A parent's score is its children's sum: only a change of its max is news.
            if max_changed {
                changes.push(Change {
                    code: n.code.clone(),
                    old_code: o.code.clone(),
                    title: n.title.clone(),
                    old: o.clone(),
                    new: n.clone(),
                    kind: None,
                    max_changed,
                    rule_changed: false,
                });
            }
            continue;
        }
        let rule_changed = matches!((&o.rule, &n.rule), (Some(a), Some(b)) if a != b);
        let kind = if n.score == o.score && n.loss() == o.loss() {
            None
        } else if o.loss().is_zero() && n.loss() > Decimal::ZERO {
            Some(ChangeKind::NewLoss)
        } else if o.loss() > Decimal::ZERO && n.loss().is_zero() {
            Some(ChangeKind::Recovered)
        } else if n.score > o.score {
            Some(ChangeKind::Gained)
        } else {
            Some(ChangeKind::Lost)
        };
        if kind.is_some() || max_changed || rule_changed {
            changes.push(Change {
                code: n.code.clone(),
                old_code: o.code.clone(),
                title: n.title.clone(),
                old: o.clone(),
                new: n.clone(),
                kind,
                max_changed,
                rule_changed,
            });
        }
    }
    changes.sort_by(|a, b| {
        b.delta()
            .abs()
            .cmp(&a.delta().abs())
            .then_with(|| a.code.cmp(&b.code))
    });
    let mut added: Vec<(String, String)> = new
        .nodes
        .iter()
        .filter(|n| !matched.contains(&n.code))
        .map(|n| (n.code.clone(), n.title.clone()))
        .collect();
    // A removed (added) criterion's sub-criteria go with it: list the top-most only.
    topmost(&mut removed);
    topmost(&mut added);
    // Checked once here so that rendering can subtract freely: every figure came from a
    // decimal that fits, and differences of two such stay within range.
    decimal::sub(new.score, old.score)?;
    Ok(Comparison {
        old,
        new,
        lines,
        changes,
        removed,
        added,
    })
}

/// The self-assessment and the appraised result of one scored file, as old and new, with the
/// council's reasons on the appraised leaves.
pub fn stages(
    self_card: &Scorecard,
    final_card: &Scorecard,
    reasons: &[Option<String>],
) -> (Outcome, Outcome) {
    let old = Outcome::from(self_card);
    let mut new = Outcome::from(final_card);
    for (i, n) in new.nodes.iter_mut().enumerate() {
        let appraised = final_card.nodes[i]
            .leaf
            .as_ref()
            .is_some_and(|l| l.appraised);
        if appraised {
            n.reason = reasons.get(i).cloned().flatten();
        }
        if final_card.nodes[i].status == Status::Missing {
            n.value = None;
        }
    }
    (old, new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;

    fn node(code: &str, score: &str, max: &str) -> OutcomeNode {
        OutcomeNode {
            code: code.into(),
            title: format!("t{code}"),
            score: dec(score),
            max: dec(max),
            status: "scored".into(),
            rule: None,
            value: None,
            reason: None,
            set_max: dec(max),
        }
    }

    fn outcome(nodes: Vec<OutcomeNode>) -> Outcome {
        let sections: Vec<&OutcomeNode> = nodes.iter().filter(|n| n.is_section()).collect();
        Outcome {
            unit: "u".into(),
            period: "p".into(),
            criteria: "c".into(),
            stage: "final".into(),
            score: sections.iter().map(|n| n.score).sum(),
            max: sections.iter().map(|n| n.max).sum(),
            grade: None,
            nodes,
        }
    }

    #[test]
    fn classifies_changes_and_set_differences() {
        let old = outcome(vec![
            node("1", "2", "4"),
            node("1.1", "0", "1"),
            node("1.2", "1", "1"),
            node("1.3", "0.5", "1"),
            node("1.4", "0.5", "1"),
            node("1.5", "1", "1"),
        ]);
        let new = outcome(vec![
            node("1", "2.25", "3.5"),
            node("1.1", "1", "1"),
            node("1.2", "0.5", "1"),
            node("1.3", "0.75", "1"),
            node("1.4", "0", "0.5"),
        ]);
        let c = compare(old, new, &CodeMap::new()).unwrap();
        let kinds: Vec<(&str, Option<&str>)> = c
            .changes
            .iter()
            .map(|ch| (ch.code.as_str(), ch.kind.map(ChangeKind::name)))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("1.1", Some("recovered")),
                ("1.2", Some("new loss")),
                ("1.4", Some("lost")),
                ("1.3", Some("gained"))
            ]
        );
        assert!(
            c.changes
                .iter()
                .find(|ch| ch.code == "1.4")
                .unwrap()
                .max_changed
        );
        assert_eq!(c.removed, vec![("1.5".to_string(), "t1.5".to_string())]);
        assert!(c.added.is_empty());
        let section = &c.lines[1];
        assert!(section.max_changed());
        assert_eq!(section.delta(), Some(dec("0.25")));
        assert_eq!(section.delta_pp(), Some(dec("14.29")));
    }

    #[test]
    fn renumbering_follows_the_map() {
        let old = outcome(vec![
            node("1", "1", "2"),
            node("1.1", "1", "1"),
            node("1.2", "0", "1"),
        ]);
        let new = outcome(vec![
            node("1", "1", "2"),
            node("1.1", "1", "1"),
            node("1.3", "0", "1"),
        ]);
        let map: CodeMap = [("1.2".to_string(), Some("1.3".to_string()))]
            .into_iter()
            .collect();
        let c = compare(old.clone(), new.clone(), &map).unwrap();
        assert!(c.removed.is_empty() && c.added.is_empty());
        let plain = compare(old, new, &CodeMap::new()).unwrap();
        assert_eq!(plain.removed.len(), 1);
        assert_eq!(plain.added.len(), 1);
    }
}
