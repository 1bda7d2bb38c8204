//! The appraisal rounds of one evidence file side by side (`diff --stages`): per criterion the
//! value and points at each stage, the council's reasons and the unit's explanation; per
//! section and in total, how many points the first appraisal took and how many the
//! explanation won back.
//!
//! `rounds` → `score`, `model`: it reads three scorecards of one evidence file.

use crate::model::{Evidence, Stage};
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
}

impl RoundsLine {
    /// The points the first appraisal took: self − appraised (negative where it gave some).
    pub fn taken(&self) -> Decimal {
        self.scores[0] - self.scores[1]
    }

    /// The points the unit's explanation won back: final − appraised.
    pub fn won_back(&self) -> Decimal {
        self.scores[2] - self.scores[1]
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
}

impl RoundsLeaf {
    pub fn taken(&self) -> Decimal {
        self.scores[0] - self.scores[1]
    }

    pub fn won_back(&self) -> Decimal {
        self.scores[2] - self.scores[1]
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
    let mut lines = vec![RoundsLine {
        code: String::new(),
        title: "Total".into(),
        scores: at(&|c| c.total.score),
        maxima: at(&|c| c.total.max),
    }];
    for i in set.sections() {
        lines.push(RoundsLine {
            code: set.nodes[i].code.clone(),
            title: set.nodes[i].title.clone(),
            scores: at(&|c| c.nodes[i].score),
            maxima: at(&|c| c.nodes[i].max),
        });
    }
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

    #[test]
    fn taken_by_the_first_appraisal_and_won_back_by_the_explanation() {
        let criteria = "parindex: 1\nkind: criteria\nid: t\ntitle: t\nsections:\n  - { code: \"1\", title: a, max: 3, items: [ { code: \"1.1\", title: b, max: 1, rule: yes-no }, { code: \"1.2\", title: c, max: 2, rule: ratio } ] }\n  - { code: \"2\", title: d, max: 1, items: [ { code: \"2.1\", title: e, max: 1, rule: yes-no } ] }\n";
        let evidence = "parindex: 1\nkind: evidence\ncriteria: t\nunit: u\nperiod: \"2025\"\nvalues:\n  \"1.1\": { value: true, appraised: false, reason: r }\n  \"1.2\": { value: \"100%\", appraised: \"0%\", reason: r, explanation: e, reappraised: \"50%\", reappraisal_reason: q }\n  \"2.1\": true\n";
        let (set, _) =
            parse_criteria(&Source::from_text("c.yaml".into(), criteria.into())).unwrap();
        let resolver = CriteriaResolver::forced(set);
        let source = Source::from_text("e.yaml".into(), evidence.into());
        let s = score_source(source, Path::new("."), &resolver, Stage::SelfAssessment).unwrap();
        let a = s.rescore(&s.evidence, Stage::Appraised).unwrap();
        let f = s.rescore(&s.evidence, Stage::Final).unwrap();
        let r = rounds(&s.evidence, [&s.card, &a, &f]);
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
    }
}
