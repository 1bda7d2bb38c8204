//! Points lost: which criteria lost how much, why, and who is responsible for fixing them.

use crate::model::{Evidence, Round};
use crate::score::{Scorecard, Status};
use rust_decimal::Decimal;

/// The reason a leaf without a value lost its points (JSON and CSV keep it in English;
/// tables and Markdown say it in their language).
pub const NO_VALUE_GIVEN: &str = "no value given";

/// One leaf criterion that lost points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// The node's index in the criteria set.
    pub node: usize,
    /// The index of its section.
    pub section: usize,
    pub code: String,
    pub title: String,
    pub score: Decimal,
    pub max: Decimal,
    pub loss: Decimal,
    /// The value scored, as written; `None` when the leaf has no value.
    pub value: Option<String>,
    /// The round that value comes from (self-assessed where the leaf has no value).
    pub round: Round,
    /// Why: the council's reason for a (re)appraised value (never the evidence's note, which is
    /// the author's remark, not a reason given by the council).
    pub why: Option<String>,
    /// The evidence's `note:` on the criterion: the author's remark.
    pub note: Option<String>,
    /// The offices responsible (the nearest `responsible:` up the tree).
    pub responsible: Vec<String>,
}

/// Every leaf that lost points, largest loss first (then in document order).
pub fn losses(card: &Scorecard, evidence: &Evidence) -> Vec<Loss> {
    let set = &card.set;
    card.losses()
        .into_iter()
        .map(|i| {
            let s = &card.nodes[i];
            let entry = evidence.entries[i].as_ref();
            let round = s.leaf.as_ref().map_or(Round::SelfAssessed, |l| l.round);
            let why = match (entry, round) {
                (Some(e), Round::Reappraised) => e
                    .reappraisal_reason()
                    .filter(|w| !w.trim().is_empty())
                    .map(str::to_string)
                    .or_else(|| e.reason.clone()),
                (Some(e), Round::Appraised) => e.reason.clone(),
                (None, _) if s.status == Status::Missing => Some(NO_VALUE_GIVEN.to_string()),
                _ => None,
            }
            // A block scalar's final newline would add an empty line to the table's cell.
            .map(|w| w.trim_end().to_string());
            let note = entry
                .and_then(|e| e.note.as_deref())
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_string);
            let section = set.section_of(i);
            Loss {
                node: i,
                section,
                code: set.nodes[i].code.clone(),
                title: set.nodes[i].title.clone(),
                score: s.score,
                max: s.max,
                loss: card.lost(i),
                value: s.leaf.as_ref().map(|l| l.value.show()),
                round,
                why,
                note,
                responsible: set.responsible(i).to_vec(),
            }
        })
        .collect()
}

/// Losses gathered under one heading (an office, or a section).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub key: String,
    pub total: Decimal,
    pub losses: Vec<Loss>,
}

impl Group {
    /// The group's loss per section, in the order the sections first appear in it:
    /// `[(section index, points)]`.
    pub fn per_section(&self) -> Vec<(usize, Decimal)> {
        let mut out: Vec<(usize, Decimal)> = Vec::new();
        for l in &self.losses {
            match out.iter_mut().find(|(s, _)| *s == l.section) {
                Some(part) => part.1 += l.loss,
                None => out.push((l.section, l.loss)),
            }
        }
        out.sort_by_key(|(s, _)| *s);
        out
    }
}

// Sums below cannot overflow: every loss is at most its leaf's max, and the sum of all maxima
// was computed with checked arithmetic when the card was scored.

/// Losses per responsible office, the office losing most first. A criterion shared by several
/// offices counts in full for each of them, so the offices' totals may add up to more than
/// the unit's loss. Criteria without a responsible office are grouped under `unassigned`.
pub fn by_responsible(losses: &[Loss], unassigned: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for loss in losses {
        let offices: Vec<String> = if loss.responsible.is_empty() {
            vec![unassigned.to_string()]
        } else {
            loss.responsible.clone()
        };
        for office in offices {
            match groups.iter_mut().find(|g| g.key == office) {
                Some(g) => {
                    g.total += loss.loss;
                    g.losses.push(loss.clone());
                }
                None => groups.push(Group {
                    key: office,
                    total: loss.loss,
                    losses: vec![loss.clone()],
                }),
            }
        }
    }
    groups.sort_by_key(|g| std::cmp::Reverse(g.total));
    groups
}

/// Losses per section, in the set's order.
pub fn by_section(card: &Scorecard, losses: &[Loss]) -> Vec<Group> {
    card.set
        .sections()
        .filter_map(|s| {
            let mine: Vec<Loss> = losses.iter().filter(|l| l.section == s).cloned().collect();
            (!mine.is_empty()).then(|| Group {
                key: format!("{} {}", card.set.nodes[s].code, card.set.nodes[s].title),
                total: mine.iter().map(|l| l.loss).sum(),
                losses: mine,
            })
        })
        .collect()
}
