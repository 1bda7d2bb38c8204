//! Comparing two results: year over year (possibly across criteria sets), or the
//! self-assessment against the appraised result of one file.
//!
//! A result is an [`Outcome`]: built from a [`Scorecard`] or read back from the JSON that
//! `score --format json` writes, so that published past results can be compared without their
//! evidence.

use crate::decimal::{self, Overflow};
use crate::diag::Message;
use crate::i18n::diag as say;
use crate::model::is_code;
use crate::model::{SectionKind, Stage};
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
        let base = path.parent().unwrap_or(std::path::Path::new("."));
        let checked = Outcome::from_json_checked(&source.text).and_then(|outcome| {
            // Against its criteria set, where that set can be found: a result whose figures
            // add up can still not be what `score` gives for its values.
            let mut outcome = outcome;
            let found = set_of_result(&outcome.criteria, base, resolver);
            // Another text of the set of that id (last year's edition): its rules are not the
            // ones the result was scored by, and its figures are not accused of being edited.
            let other = |sha: &str, set: &crate::model::CriteriaSet| {
                !sha.trim().eq_ignore_ascii_case(&set.sha256)
            };
            let problems = match found {
                Some(set) => match outcome.criteria_sha256.as_deref() {
                    Some(sha) if other(sha, &set) => vec![say::other_edition(
                        &set.id,
                        &diag::shown(sha.trim()).chars().take(8).collect::<String>(),
                        &set.sha256[..8.min(set.sha256.len())],
                    )],
                    _ => check_against_set(&outcome, &set),
                },
                None => {
                    outcome.unchecked = true;
                    Vec::new()
                }
            };
            if problems.is_empty() {
                Ok(outcome)
            } else {
                Err(problems)
            }
        });
        return checked.map_err(|mut problems| {
            let help = say::BAD_RESULT_HELP;
            // A file wrong throughout says so in a screenful, not in one line per criterion.
            const SHOWN: usize = 20;
            if problems.len() > SHOWN + 1 {
                let more = problems.len() - SHOWN;
                problems.truncate(SHOWN);
                problems.push(say::more_problems(more));
            }
            Diagnostics(
                problems
                    .into_iter()
                    .map(|p| Diagnostic::new(diag::BAD_RESULT, &source.name, p).help(help))
                    .collect(),
            )
        });
    }
    let base = path.parent().unwrap_or(std::path::Path::new("."));
    let scored = crate::pipeline::score_source(source, base, resolver, stage)?;
    Ok(Outcome::from(&scored.card))
}

/// The criteria set a JSON result names, found the way an evidence file's would be (an
/// embedded id first); `None` when it cannot be found or is not the set of that id.
fn set_of_result(
    id: &str,
    base: &std::path::Path,
    resolver: &crate::load::CriteriaResolver,
) -> Option<std::sync::Arc<crate::model::CriteriaSet>> {
    let named = |r: &crate::load::CriteriaResolver| {
        r.resolve(id, base)
            .ok()
            .map(|(set, _)| set)
            .filter(|set| set.id == id)
    };
    // A set forced with `--criteria` is used only where it is the one the result names.
    named(resolver)
        .or_else(|| named(&crate::load::CriteriaResolver::new()))
        // A set read from a file by the other side of the comparison (the year's evidence).
        .or_else(|| resolver.loaded(id))
}

/// The problems of a result against the criteria set it names: codes and their parents, each
/// max, the grade, and each leaf's score against what its value scores under the leaf's rule.
pub fn check_against_set(o: &Outcome, set: &crate::model::CriteriaSet) -> Vec<Message> {
    use crate::model::Round;
    let mut problems = Vec::new();
    let id = &set.id;
    for n in &o.nodes {
        let Some(i) = set.find(&n.code) else {
            problems.push(say::not_in_set(&n.code, id));
            continue;
        };
        let node = &set.nodes[i];
        let parent = node.parent.map(|p| set.nodes[p].code.as_str());
        if parent != n.code.rsplit_once('.').map(|(p, _)| p) {
            problems.push(say::not_placed_under(
                &n.code,
                n.code.rsplit_once('.').map(|(p, _)| p),
                id,
            ));
            continue;
        }
        let Some(rule) = &node.rule else {
            if n.max > node.max {
                problems.push(say::max_above_set(
                    &n.code,
                    &decimal::show(n.max),
                    id,
                    &decimal::show(node.max),
                ));
            }
            continue;
        };
        if n.max != node.max && !n.max.is_zero() {
            problems.push(say::max_not_set(
                &n.code,
                &decimal::show(n.max),
                id,
                &decimal::show(node.max),
            ));
            continue;
        }
        let value = match n.value.as_deref() {
            None => None,
            Some(text) => match crate::load::parse_value_text(text, node) {
                Ok(v) => v,
                Err(p) => {
                    problems.push(say::value_unreadable_in_set(
                        &n.code,
                        &crate::diag::shown(text),
                        id,
                        *p.message,
                    ));
                    continue;
                }
            },
        };
        let Ok(expected) =
            crate::score::score_leaf(set, i, rule, value.as_ref().map(|v| (v, Round::default())))
        else {
            problems.push(say::score_too_large(&n.code));
            continue;
        };
        if expected.status != n.status {
            problems.push(say::status_differs(
                &n.code,
                n.status.name(),
                id,
                expected.status.name(),
            ));
        } else if expected.score != n.score || expected.max != n.max {
            problems.push(say::score_differs(
                &n.code,
                (&decimal::show(n.score), &decimal::show(n.max)),
                id,
                (&decimal::show(expected.score), &decimal::show(expected.max)),
            ));
        }
    }
    for node in &set.nodes {
        if !o.nodes.iter().any(|n| n.code == node.code) {
            problems.push(say::not_listed(&node.code, id));
        }
    }
    if let Ok(grade) = set.grade(o.score, o.max) {
        let expected = grade.map(|g| g.label.as_str());
        if expected != o.grade.as_deref() {
            problems.push(say::grade_differs(
                o.grade
                    .as_deref()
                    .map(|g| crate::diag::shown(g).into_owned()),
                id,
                (&decimal::show(o.score), &decimal::show(o.max)),
                expected.map(|g| crate::diag::shown(g).into_owned()),
            ));
        }
    }
    problems
}

/// The year a period names (`2023`, `năm 2023`, `2023-Q2`): its first four-digit number.
pub fn period_year(p: &str) -> Option<u32> {
    p.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 4)
        .and_then(|w| w.parse().ok())
}

/// Whether period `later` follows period `earlier`: by their years where both name one,
/// else (periods named otherwise) where they differ at all.
pub fn period_follows(later: &str, earlier: &str) -> bool {
    match (period_year(later), period_year(earlier)) {
        (Some(x), Some(y)) => x > y,
        _ => later.trim() != earlier.trim(),
    }
}

/// One node of a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeNode {
    pub code: String,
    pub title: String,
    pub score: Decimal,
    pub max: Decimal,
    pub status: Status,
    /// The rule as a comparable text, where known (not in JSON results).
    pub rule: Option<String>,
    /// The value scored, as written.
    pub value: Option<String>,
    /// The appraisal council's reason, where the scored value is appraised.
    pub reason: Option<String>,
    /// The criterion's max in the set (before `if_na: exclude`), where known.
    pub set_max: Decimal,
    /// The kind of the section the node is in (scored, bonus, penalty).
    pub kind: SectionKind,
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
    pub stage: Stage,
    pub score: Decimal,
    pub max: Decimal,
    pub grade: Option<String>,
    /// Every node, in document order.
    pub nodes: Vec<OutcomeNode>,
    /// A JSON result whose criteria set was not found: its figures were checked for adding
    /// up, not against the set's rules (a grade or a leaf's score edited by hand would pass).
    pub unchecked: bool,
    /// The SHA-256 of the set's text a JSON result names (`meta.criteria_sha256`).
    pub criteria_sha256: Option<String>,
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
            stage: card.stage,
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
                    status: s.status,
                    rule: node.rule.as_ref().map(|r| format!("{r:?}")),
                    value: s.leaf.as_ref().map(|l| l.value.show()),
                    reason: None,
                    set_max: node.max,
                    kind: node.kind,
                })
                .collect(),
            unchecked: false,
            criteria_sha256: Some(set.sha256.clone()),
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
    meta: Option<JsonMeta>,
}

#[derive(Deserialize)]
struct JsonMeta {
    criteria_sha256: Option<String>,
}

#[derive(Deserialize)]
struct JsonTotal {
    score: String,
    max: String,
    percent: Option<String>,
    loss: Option<String>,
    grade: Option<String>,
}

#[derive(Deserialize)]
struct JsonNode {
    code: String,
    title: String,
    score: String,
    max: String,
    percent: Option<String>,
    loss: Option<String>,
    status: String,
    value: Option<String>,
    /// On sections: `scored`, `bonus` or `penalty` (absent in results before revision 2).
    kind: Option<String>,
}

impl Outcome {
    /// Reads a result written by `score --format json`; every problem found is in the error,
    /// one line each.
    pub fn from_json(text: &str) -> Result<Outcome, String> {
        Outcome::from_json_checked(text).map_err(|problems| {
            let english: Vec<String> = problems.into_iter().map(|p| p.en).collect();
            english.join("\n")
        })
    }

    /// Reads a result written by `score --format json` and checks that its figures are ones
    /// `score` could have written: every score within 0 and its max, no negative max, a
    /// percentage only where the max is above 0 and equal to score ÷ max, each loss equal to
    /// max − score, each parent (and the total) the sum of its children, codes well formed and
    /// unique, statuses known. A hand-edited or foreign file is refused with every problem,
    /// rather than shown as "-84.38%" or "1123.60%".
    pub fn from_json_checked(text: &str) -> Result<Outcome, Vec<Message>> {
        let doc: JsonResult =
            serde_json::from_str(text).map_err(|e| vec![say::not_a_json_result(&e.to_string())])?;
        let mut problems = Vec::new();
        // Labels that are not ours: collected apart, since `dec` holds `problems` meanwhile.
        let mut unknown = Vec::new();
        let stage = stage_named(&doc.stage);
        if stage.is_none() {
            unknown.push(say::unknown_stage(&doc.stage));
        }
        let mut dec = |s: &str, what: &dyn Fn() -> Message| match Decimal::from_str(s.trim()) {
            Ok(d) => Some(d),
            Err(_) => {
                problems.push(say::not_a_decimal(what(), s));
                None
            }
        };
        let mut nodes = Vec::with_capacity(doc.nodes.len());
        let mut shown = Vec::with_capacity(doc.nodes.len());
        for n in doc.nodes {
            let code = n.code.clone();
            let score = dec(&n.score, &|| say::figure_of("score", Some(&code)));
            let max = dec(&n.max, &|| say::figure_of("max", Some(&code)));
            let percent = n
                .percent
                .as_deref()
                .map(|p| dec(p, &|| say::figure_of("percent", Some(&code))));
            let loss = n
                .loss
                .as_deref()
                .map(|l| dec(l, &|| say::figure_of("loss", Some(&code))));
            let (Some(score), Some(max)) = (score, max) else {
                continue;
            };
            shown.push((percent.flatten(), loss.flatten()));
            let kind = match n.kind.as_deref() {
                None => SectionKind::Scored,
                Some(k) => SectionKind::from_name(k).unwrap_or_else(|| {
                    unknown.push(say::unknown_node_kind(k, &n.code));
                    SectionKind::Scored
                }),
            };
            nodes.push(OutcomeNode {
                kind,
                score,
                max,
                status: match Status::from_name(&n.status) {
                    Some(status) => status,
                    None => {
                        unknown.push(say::unknown_status(&n.status, &n.code));
                        Status::Scored
                    }
                },
                rule: None,
                value: n.value,
                reason: None,
                set_max: max,
                code: n.code,
                title: n.title,
            });
        }
        let score = dec(&doc.total.score, &|| say::figure_of("score", None));
        let max = dec(&doc.total.max, &|| say::figure_of("max", None));
        let percent = doc
            .total
            .percent
            .as_deref()
            .map(|p| dec(p, &|| say::figure_of("percent", None)));
        let loss = doc
            .total
            .loss
            .as_deref()
            .map(|l| dec(l, &|| say::figure_of("loss", None)));
        let (Some(score), Some(max)) = (score, max) else {
            return Err(problems);
        };
        let outcome = Outcome {
            unit: doc.unit,
            period: doc.period,
            criteria: doc.criteria,
            criteria_sha256: doc.meta.and_then(|m| m.criteria_sha256),
            stage: stage.unwrap_or(Stage::Final),
            score,
            max,
            grade: doc.total.grade,
            nodes,
            unchecked: false,
        };
        problems.append(&mut unknown);
        problems.extend(check_figures(
            &outcome,
            (percent.flatten(), loss.flatten()),
            &shown,
        ));
        if problems.is_empty() {
            Ok(outcome)
        } else {
            Err(problems)
        }
    }
}

/// The stage a JSON result names (`Stage::name`'s inverse).
fn stage_named(name: &str) -> Option<Stage> {
    Stage::from_name(name)
}

/// The problems of a result's figures (see [`Outcome::from_json_checked`]). `total_shown` and
/// `shown` are the percent and loss the file wrote for the total and for each node, if any.
fn check_figures(
    o: &Outcome,
    total_shown: (Option<Decimal>, Option<Decimal>),
    shown: &[(Option<Decimal>, Option<Decimal>)],
) -> Vec<Message> {
    let mut problems = Vec::new();
    // With bonus or penalty sections and `cap_total: false`, the total may leave [0, max].
    let uncapped_total = o.nodes.iter().any(|n| n.kind.outside_max());
    // `what` is a criterion's code, or `None` for the total.
    let mut figures = |what: Option<&str>,
                       score: Decimal,
                       max: Decimal,
                       shown: (Option<Decimal>, Option<Decimal>)| {
        let free = uncapped_total && what.is_none();
        let (score_s, max_s) = (decimal::show(score), decimal::show(max));
        if max < Decimal::ZERO {
            problems.push(say::negative_max(what, &max_s));
        } else if !free && (score < Decimal::ZERO || score > max) {
            problems.push(say::score_outside(what, &score_s, &max_s));
        }
        match shown.0 {
            Some(p) if max <= Decimal::ZERO => {
                problems.push(say::percent_without_max(what, &decimal::show(p), &max_s))
            }
            Some(p) => {
                let expected = decimal::percent(score, max).ok().flatten();
                if expected.is_some_and(|e| decimal::show_percent(e) != decimal::show_percent(p)) {
                    problems.push(say::percent_not_quotient(
                        what,
                        &decimal::show(p),
                        (&score_s, &max_s),
                        &expected.map(decimal::show_percent).unwrap_or_default(),
                    ));
                }
            }
            None => {}
        }
        if let Some(l) = shown.1 {
            if decimal::sub(max, score).is_ok_and(|d| d != l) {
                problems.push(say::loss_not_difference(
                    what,
                    &decimal::show(l),
                    &max_s,
                    &score_s,
                ));
            }
        }
    };
    figures(None, o.score, o.max, total_shown);
    for (n, shown) in o.nodes.iter().zip(shown) {
        figures(Some(&n.code), n.score, n.max, *shown);
    }
    if o.nodes.is_empty() {
        problems.push(say::NO_NODES.into());
    }
    // Codes, statuses, and each parent against the sum of its children.
    let mut at: HashMap<&str, usize> = HashMap::with_capacity(o.nodes.len());
    for (i, n) in o.nodes.iter().enumerate() {
        if !is_code(&n.code) {
            problems.push(say::not_a_code(format!("`{}`", n.code).into()));
        } else if at.insert(&n.code, i).is_some() {
            problems.push(say::listed_twice(&n.code));
        }
    }
    // Sums per parent (None: the total); an overflow is reported as a mismatch.
    let mut sums: HashMap<Option<&str>, (Option<Decimal>, Option<Decimal>)> = HashMap::new();
    // Bonus and penalty sections (revision 2) add to or take from the total, outside its max.
    let mut outside = false;
    for n in &o.nodes {
        let parent = n.code.rsplit_once('.').map(|(p, _)| p);
        if let Some(p) = parent {
            if !at.contains_key(p) {
                problems.push(say::without_parent(&n.code, p));
                continue;
            }
        }
        let e = sums
            .entry(parent)
            .or_insert((Some(Decimal::ZERO), Some(Decimal::ZERO)));
        match (parent, n.kind) {
            (None, SectionKind::Bonus) => {
                e.0 = e.0.and_then(|s| s.checked_add(n.score));
                outside = true;
            }
            (None, SectionKind::Penalty) => {
                e.0 = e.0.and_then(|s| s.checked_sub(n.score));
                outside = true;
            }
            _ => {
                e.0 = e.0.and_then(|s| s.checked_add(n.score));
                e.1 = e.1.and_then(|m| m.checked_add(n.max));
            }
        }
    }
    let mut check_sum = |what: Option<&str>,
                         score: Decimal,
                         max: Decimal,
                         sum: (Option<Decimal>, Option<Decimal>),
                         capped: Option<bool>| {
        // A bonus or penalty section caps its criteria's sum at its max (`Some(true)`);
        // a total with such sections may be held to [0, max] (`Some(false)`).
        let fits = match capped {
            Some(true) => {
                sum.0.is_some_and(|s| s.min(max) == score) && sum.1.is_some_and(|m| max <= m)
            }
            Some(false) => {
                sum.1 == Some(max)
                    && sum
                        .0
                        .is_some_and(|s| s == score || s.max(Decimal::ZERO).min(max) == score)
            }
            None => sum.0 == Some(score) && sum.1 == Some(max),
        };
        if !fits {
            let show = |d: Option<Decimal>| d.map(decimal::show);
            problems.push(say::not_the_sum(
                what,
                (&decimal::show(score), &decimal::show(max)),
                (show(sum.0), show(sum.1)),
            ));
        }
    };
    if let Some(&sum) = sums.get(&None) {
        check_sum(None, o.score, o.max, sum, outside.then_some(false));
    }
    for n in &o.nodes {
        if let Some(&sum) = sums.get(&Some(n.code.as_str())) {
            if at
                .get(n.code.as_str())
                .is_some_and(|&i| std::ptr::eq(&o.nodes[i], n))
            {
                let capped = (n.is_section() && n.kind.outside_max()).then_some(true);
                check_sum(Some(&n.code), n.score, n.max, sum, capped);
            }
        }
    }
    problems
}

/// One entry of a renumbering map (`--map`), in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapEntry {
    pub old: String,
    /// The new code, or `None` (`~`) where the criterion was removed.
    pub new: Option<String>,
}

/// A problem with one entry of a renumbering map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MapProblem {
    /// The entry concerned (an index into the entries).
    pub entry: usize,
    /// The code the problem is about.
    pub code: String,
    pub message: Message,
}

/// Checks a renumbering map against the two results it joins: every old code is a criterion
/// of the old result and every new code one of the new result; no old code is mapped twice;
/// no two old criteria end on one new code (counting old codes the map leaves as they are);
/// a leaf maps to a leaf and a parent to a parent.
pub fn check_map(entries: &[MapEntry], old: &Outcome, new: &Outcome) -> Vec<MapProblem> {
    let (old_index, new_index) = (CodeIndex::new(old), CodeIndex::new(new));
    let mut problems = Vec::new();
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut target_of: HashMap<&str, usize> = HashMap::new();
    let keys: HashSet<&str> = entries.iter().map(|e| e.old.as_str()).collect();
    for (i, e) in entries.iter().enumerate() {
        let mut problem = |code: &str, message: Message| {
            problems.push(MapProblem {
                entry: i,
                code: code.to_string(),
                message,
            })
        };
        if let Some(&first) = first_of.get(e.old.as_str()) {
            problem(&e.old, say::mapped_twice(&e.old, first + 1));
            continue;
        }
        first_of.insert(&e.old, i);
        let in_old = old_index.first.contains_key(e.old.as_str());
        if !in_old {
            let also =
                (!new_index.first.contains_key(e.old.as_str())).then_some(new.criteria.as_str());
            problem(&e.old, say::not_in_old(&e.old, &old.criteria, also));
        }
        let Some(target) = e.new.as_deref() else {
            continue;
        };
        if !new_index.first.contains_key(target) {
            let also = (!old_index.first.contains_key(target)).then_some(old.criteria.as_str());
            problem(target, say::not_in_new(target, &e.old, &new.criteria, also));
            continue;
        }
        if !in_old {
            continue;
        }
        let (was_leaf, is_leaf) = (old_index.is_leaf(&e.old), new_index.is_leaf(target));
        if was_leaf != is_leaf {
            problem(
                &e.old,
                say::leaf_to_parent(&e.old, was_leaf, target, is_leaf),
            );
        }
        if let Some(&other) = target_of.get(target) {
            problem(
                target,
                say::both_mapped(&entries[other].old, &e.old, target),
            );
            continue;
        }
        target_of.insert(target, i);
        if target != e.old && !keys.contains(target) && old_index.first.contains_key(target) {
            problem(target, say::meet_on(&e.old, target));
        }
    }
    problems
}

/// Whether two titles share no word at all (case aside): the criteria are likely different
/// ones that happen to carry the same code.
pub fn titles_unrelated(a: &str, b: &str) -> bool {
    let words = |t: &str| -> HashSet<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && !b.is_empty() && a.is_disjoint(&b)
}

/// Criteria matched by the same code whose titles share no word: `(code, old title, new
/// title)`, in the old result's order. A sign of renumbering that `--map` should state.
pub fn unrelated_titles(old: &Outcome, new: &Outcome) -> Vec<(String, String, String)> {
    let new_index = CodeIndex::new(new);
    old.nodes
        .iter()
        .filter_map(|o| {
            let n = new_index.find(new, &o.code)?;
            titles_unrelated(&o.title, &n.title)
                .then(|| (o.code.clone(), o.title.clone(), n.title.clone()))
        })
        .collect()
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
    list.retain(|(c, _)| {
        !c.match_indices('.')
            .any(|(dot, _)| codes.contains(&c[..dot]))
    });
}

/// Compares two results. `map` renames old codes to new ones (or drops them).
pub fn compare(old: Outcome, new: Outcome, map: &CodeMap) -> Result<Comparison, Overflow> {
    compare_with(old, new, map, false)
}

/// As [`compare`]; with `every_value`, a leaf whose value changed is listed even where its
/// score did not (the appraisal council's 4870/4900 → 4850/4900 on a criterion already at its
/// max), as `diff --stages` shows every change the council made.
pub fn compare_with(
    old: Outcome,
    new: Outcome,
    map: &CodeMap,
    every_value: bool,
) -> Result<Comparison, Overflow> {
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
        let value_changed = every_value && o.value != n.value;
        if kind.is_some() || max_changed || rule_changed || value_changed {
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
            status: Status::Scored,
            rule: None,
            value: None,
            reason: None,
            set_max: dec(max),
            kind: SectionKind::Scored,
        }
    }

    fn outcome(nodes: Vec<OutcomeNode>) -> Outcome {
        let sections: Vec<&OutcomeNode> = nodes.iter().filter(|n| n.is_section()).collect();
        Outcome {
            unit: "u".into(),
            period: "p".into(),
            criteria: "c".into(),
            stage: Stage::Final,
            score: sections.iter().map(|n| n.score).sum(),
            max: sections.iter().map(|n| n.max).sum(),
            grade: None,
            nodes,
            unchecked: false,
            criteria_sha256: None,
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

    #[test]
    fn indexed_lookups_agree_with_the_plain_scans() {
        let o = outcome(vec![
            node("1", "1", "2"),
            node("1.1", "1", "1"),
            node("1.10", "0", "1"),
            node("1.10.1", "0", "1"),
            node("2", "0", "1"),
            node("21", "0", "1"),
        ]);
        let index = CodeIndex::new(&o);
        for n in &o.nodes {
            assert_eq!(index.is_leaf(&n.code), o.is_leaf(&n.code), "{}", n.code);
            assert_eq!(index.find(&o, &n.code).map(|f| &f.code), Some(&n.code));
        }
        let mut list: Vec<(String, String)> = ["1", "1.1", "1.10.1", "2", "21", "21.3"]
            .iter()
            .map(|c| (c.to_string(), String::new()))
            .collect();
        let plain: Vec<(String, String)> = list
            .iter()
            .filter(|(c, _)| !list.iter().any(|(p, _)| c.starts_with(&format!("{p}."))))
            .cloned()
            .collect();
        topmost(&mut list);
        assert_eq!(list, plain);
    }

    #[test]
    fn later_periods_are_told_by_their_year() {
        assert!(period_follows("2023", "2022"));
        assert!(period_follows("năm 2023", "2022"));
        assert!(!period_follows("2022", "2023"));
        assert!(!period_follows("2022", "2022"));
        assert!(!period_follows("2022", "năm 2022"));
        // Periods that name no year only have to differ.
        assert!(period_follows("last year", "2022"));
        assert!(!period_follows(" đợt 1", "đợt 1"));
        assert_eq!(period_year("2023-Q2"), Some(2023));
    }

    #[test]
    fn titles_are_unrelated_only_without_a_common_word() {
        assert!(titles_unrelated(
            "Ban hành kế hoạch",
            "Tỷ lệ giải quyết đúng hạn"
        ));
        assert!(!titles_unrelated(
            "Ban hành kế hoạch",
            "Ban hành Kế hoạch CCHC"
        ));
        assert!(!titles_unrelated("", "Tỷ lệ"));
    }
}
