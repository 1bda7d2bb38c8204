//! The appraisal rounds of one evidence file side by side (`diff --stages`): per criterion the
//! value and points at each stage, the council's reasons and the unit's explanation; per
//! section and in total, how many points the council took (every cut, in either appraisal),
//! how many the explanation won back, and how many the council raised, each a sum of the
//! criteria's moves so that a cut is never hidden by a rise elsewhere in its section.
//!
//! `rounds` → `score`, `model`: it reads three scorecards of one evidence file.

use crate::model::{Evidence, Round, SectionKind, Stage};
use crate::score::Scorecard;
use rust_decimal::Decimal;

/// The stages in the order of the rounds: self, appraised, final.
pub const STAGES: [Stage; 3] = [Stage::SelfAssessment, Stage::Appraised, Stage::Final];

/// One section, or the total, at each stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsLine {
    /// Empty for the total.
    pub code: String,
    pub title: String,
    /// The score at each stage (self, appraised, final).
    pub scores: [Decimal; 3],
    /// The effective maximum at each stage (they differ only where n/a came in a round).
    pub maxima: [Decimal; 3],
    /// The criteria's moves under it, summed.
    pub moves: Moves,
}

impl RoundsLine {
    /// The points the council took, in either appraisal (≥ 0).
    pub fn taken(&self) -> Decimal {
        self.moves.taken
    }

    /// The points won back after the unit's explanation (≥ 0).
    pub fn won_back(&self) -> Decimal {
        self.moves.won_back
    }

    /// The points the first appraisal raised above the self-assessment (≥ 0).
    pub fn raised(&self) -> Decimal {
        self.moves.raised
    }
}

/// How the council's rounds moved the points of one criterion, or of all those under a
/// section or the total: sums of the moves of each criterion, each ≥ 0, so that a cut and a
/// rise never cancel. The points are those the total counts: a penalty criterion that grows
/// takes points away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Moves {
    /// Points cut, by the first appraisal or by the second (below the first).
    pub taken: Decimal,
    /// Points given back by the second appraisal, after the unit's explanation.
    pub won_back: Decimal,
    /// Points the first appraisal gave above the self-assessment.
    pub raised: Decimal,
    /// Criteria whose maximum changed between two stages (n/a given or withdrawn in a round):
    /// their points moved with their maximum, and that move is left out of the sums above.
    pub max_changed: Vec<String>,
}

impl Moves {
    /// The moves of one criterion with these points and effective maxima at each stage.
    pub fn of(code: &str, points: [Decimal; 3], maxima: [Decimal; 3]) -> Moves {
        let mut m = Moves::default();
        for k in 0..2 {
            if maxima[k] != maxima[k + 1] {
                if !m.max_changed.iter().any(|c| c == code) {
                    m.max_changed.push(code.to_string());
                }
                continue;
            }
            let d = points[k + 1] - points[k];
            if d < Decimal::ZERO {
                m.taken -= d;
            } else if k == 0 {
                m.raised += d;
            } else {
                m.won_back += d;
            }
        }
        m
    }

    fn add(&mut self, other: &Moves) {
        self.taken += other.taken;
        self.won_back += other.won_back;
        self.raised += other.raised;
        self.max_changed.extend(other.max_changed.iter().cloned());
    }
}

/// One criterion the council appraised, at each stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundsLeaf {
    pub node: usize,
    pub code: String,
    pub title: String,
    /// The value scored at each stage, as written (`None`: missing).
    pub values: [Option<String>; 3],
    /// The points at each stage.
    pub scores: [Decimal; 3],
    pub max: Decimal,
    /// The council's reason for the first appraisal.
    pub reason: Option<String>,
    /// The unit's explanation (giải trình).
    pub explanation: Option<String>,
    /// The council's reason for the second appraisal.
    pub reappraisal_reason: Option<String>,
    /// The round the final value comes from (`None`: no value at the final stage).
    pub final_round: Option<Round>,
    pub moves: Moves,
}

impl RoundsLeaf {
    pub fn taken(&self) -> Decimal {
        self.moves.taken
    }

    pub fn won_back(&self) -> Decimal {
        self.moves.won_back
    }

    pub fn raised(&self) -> Decimal {
        self.moves.raised
    }
}

/// The three rounds of one evidence file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rounds {
    pub unit: String,
    pub period: String,
    pub criteria: String,
    /// The grade at each stage, where the set has grades.
    pub grades: [Option<String>; 3],
    /// The total first, then every section in document order.
    pub lines: Vec<RoundsLine>,
    /// Every criterion the council gave a value for, or the unit explained, in document order.
    pub leaves: Vec<RoundsLeaf>,
}

/// The rounds of `evidence` from its cards at the self, appraised and final stages.
pub fn rounds(evidence: &Evidence, cards: [&Scorecard; 3]) -> Rounds {
    let set = &cards[2].set;
    debug_assert!(cards
        .iter()
        .zip(STAGES)
        .all(|(c, s)| c.stage == s && std::sync::Arc::ptr_eq(&c.set, set)));
    let at = |f: &dyn Fn(&Scorecard) -> Decimal| [f(cards[0]), f(cards[1]), f(cards[2])];
    // Each criterion's moves, in the points the total counts.
    let moves_of = |i: usize| {
        let sign = match set.nodes[set.section_of(i)].kind {
            SectionKind::Penalty => -Decimal::ONE,
            _ => Decimal::ONE,
        };
        Moves::of(
            &set.nodes[i].code,
            at(&|c| sign * c.nodes[i].score),
            at(&|c| c.nodes[i].max),
        )
    };
    let mut total = Moves::default();
    let mut sections = Vec::new();
    for i in set.sections() {
        let mut moves = Moves::default();
        for leaf in set.leaves().filter(|&l| set.section_of(l) == i) {
            moves.add(&moves_of(leaf));
        }
        total.add(&moves);
        sections.push(RoundsLine {
            code: set.nodes[i].code.clone(),
            title: set.nodes[i].title.clone(),
            scores: at(&|c| c.nodes[i].score),
            maxima: at(&|c| c.nodes[i].max),
            moves,
        });
    }
    let mut lines = vec![RoundsLine {
        code: String::new(),
        title: "Total".into(),
        scores: at(&|c| c.total.score),
        maxima: at(&|c| c.total.max),
        moves: total,
    }];
    lines.extend(sections);
    let leaves = set
        .leaves()
        .filter_map(|i| {
            let e = evidence.entries[i].as_ref()?;
            if e.appraised.is_none() && e.second.is_none() {
                return None;
            }
            let value = |c: &Scorecard| c.nodes[i].leaf.as_ref().map(|l| l.value.show());
            Some(RoundsLeaf {
                node: i,
                code: set.nodes[i].code.clone(),
                title: set.nodes[i].title.clone(),
                values: [value(cards[0]), value(cards[1]), value(cards[2])],
                scores: at(&|c| c.nodes[i].score),
                max: set.nodes[i].max,
                reason: e.reason.clone(),
                explanation: e.explanation().map(str::to_string),
                reappraisal_reason: e.reappraisal_reason().map(str::to_string),
                final_round: cards[2].nodes[i].leaf.as_ref().map(|l| l.round),
                moves: moves_of(i),
            })
        })
        .collect();
    Rounds {
        unit: cards[2].unit.clone(),
        period: cards[2].period.clone(),
        criteria: set.id.clone(),
        grades: [0, 1, 2].map(|k| cards[k].total.grade.clone()),
        lines,
        leaves,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decimal::dec;
    use crate::load::{parse_criteria, CriteriaResolver, Source};
    use crate::pipeline::score_source;
    use std::path::Path;

    /// The three rounds of an evidence text scored against a criteria text.
    fn rounds_of(criteria: &str, evidence: &str) -> Rounds {
        let (set, _) =
            parse_criteria(&Source::from_text("c.yaml".into(), criteria.into())).unwrap();
        let resolver = CriteriaResolver::forced(set);
        let source = Source::from_text("e.yaml".into(), evidence.into());
        let s = score_source(source, Path::new("."), &resolver, Stage::SelfAssessment).unwrap();
        let a = s.rescore(&s.evidence, Stage::Appraised).unwrap();
        let f = s.rescore(&s.evidence, Stage::Final).unwrap();
        rounds(&s.evidence, [&s.card, &a, &f])
    }

    #[test]
    fn taken_by_the_first_appraisal_and_won_back_by_the_explanation() {
        let criteria = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 3, items: [ { code: \"1.1\", title: b, max: 1, rule: yes-no }, { code: \"1.2\", title: c, max: 2, rule: ratio } ] }\n  - { code: \"2\", title: d, max: 1, items: [ { code: \"2.1\", title: e, max: 1, rule: yes-no } ] }\n";
        let evidence = "parindex: 1\nkind: evidence\ncriteria: t\nunit: u\nperiod: \"2025\"\nvalues:\n  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"100%\", appraised: \"0%\", reason: r, explanation: e, reappraised: \"50%\", reappraisal_reason: q }\n  \"2.1\": true\n";
        let r = rounds_of(criteria, evidence);
        let total = &r.lines[0];
        assert_eq!(total.scores, [dec("4"), dec("1"), dec("2")]);
        assert_eq!((total.taken(), total.won_back()), (dec("3"), dec("1")));
        assert_eq!(r.lines[1].code, "1");
        assert_eq!(
            (r.lines[1].taken(), r.lines[1].won_back()),
            (dec("3"), dec("1"))
        );
        assert_eq!(
            (r.lines[2].taken(), r.lines[2].won_back()),
            (dec("0"), dec("0"))
        );
        let codes: Vec<&str> = r.leaves.iter().map(|l| l.code.as_str()).collect();
        assert_eq!(codes, ["1.1", "1.2"]);
        let l = &r.leaves[1];
        assert_eq!(
            l.values,
            [Some("100%".into()), Some("0%".into()), Some("50%".into())]
        );
        assert_eq!(l.explanation.as_deref(), Some("e"));
        assert_eq!(l.reappraisal_reason.as_deref(), Some("q"));
        // A first appraisal with no second: the final stage keeps it.
        assert_eq!(r.leaves[0].values[2].as_deref(), Some("no"));
        assert_eq!(r.leaves[0].final_round, Some(Round::Appraised));
        assert_eq!(r.leaves[1].final_round, Some(Round::Reappraised));
    }

    #[test]
    fn a_cut_is_never_hidden_by_a_rise_and_na_moves_stay_apart() {
        let criteria = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 3, items: [ { code: \"1.1\", title: b, max: 1, rule: yes-no }, { code: \"1.2\", title: c, max: 2, rule: ratio } ] }\n  - { code: \"2\", title: d, max: 2, items: [ { code: \"2.1\", title: e, max: 1, rule: yes-no, if_na: exclude }, { code: \"2.2\", title: f, max: 1, rule: yes-no } ] }\n";
        // 1.1 cut by the first appraisal; 1.2 raised by it, then cut further by the second:
        // section 1 ends where a net difference would see 0 taken.
        let evidence = "parindex: 1\nkind: evidence\ncriteria: t\nunit: u\nperiod: \"2025\"\nvalues:\n  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"50%\", appraised: \"100%\", reason: r, explanation: e, reappraised: \"25%\", reappraisal_reason: q }\n  \"2.1\": { value: true, appraised: n/a, reason: r }\n  \"2.2\": { value: false, appraised: true, reason: r }\n";
        let r = rounds_of(criteria, evidence);
        let one = &r.lines[1];
        assert_eq!(one.scores, [dec("2"), dec("2"), dec("0.5")]);
        assert_eq!(
            (one.taken(), one.won_back(), one.raised()),
            (dec("2.5"), dec("0"), dec("1"))
        );
        let two = &r.lines[2];
        assert_eq!(two.moves.max_changed, ["2.1"]);
        assert_eq!(
            (two.taken(), two.won_back(), two.raised()),
            (dec("0"), dec("0"), dec("1"))
        );
        let total = &r.lines[0];
        assert_eq!(
            (total.taken(), total.won_back(), total.raised()),
            (dec("2.5"), dec("0"), dec("2"))
        );
        assert_eq!(total.moves.max_changed, ["2.1"]);
        let l = &r.leaves[1];
        assert_eq!(
            (l.taken(), l.won_back(), l.raised()),
            (dec("1.5"), dec("0"), dec("1"))
        );
    }

    #[test]
    fn moves_of_one_criterion() {
        let m = |p: [&str; 3]| {
            let m = Moves::of("x", p.map(dec), [dec("2"); 3]);
            (m.taken, m.won_back, m.raised)
        };
        let z = dec("0");
        assert_eq!(m(["2", "1", "1.5"]), (dec("1"), dec("0.5"), z));
        assert_eq!(m(["1", "1", "2"]), (z, dec("1"), z));
        assert_eq!(m(["2", "1", "0"]), (dec("2"), z, z));
        assert_eq!(m(["1", "2", "2"]), (z, z, dec("1")));
    }
}
