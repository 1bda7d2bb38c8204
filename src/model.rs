//! The PAR domain model: criteria sets (sections, criteria, sub-criteria and their rules) and
//! evidence (one unit's values for one period), as loaded and validated.

use crate::decimal::Rounding;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// A criteria set: the scoring rules for one index and year.
#[derive(Debug, Clone)]
pub struct CriteriaSet {
    pub id: String,
    pub title: String,
    pub year: Option<u32>,
    pub source: Option<String>,
    /// The declared total, if any (validated to equal the sum of the sections).
    pub total: Option<Decimal>,
    pub rounding: Rounding,
    /// Grade bands, highest first; the last starts at 0. Empty when the set has none.
    pub grades: Vec<Grade>,
    /// Whether the total is held to [0, total maximum] (`cap_total:`, default true): bonus
    /// sections could take it above, penalty sections below.
    pub cap_total: bool,
    /// The parts of the total (revision 2's `components:`); empty where the set has none.
    pub components: Vec<Component>,
    /// Every node in document order: sections, criteria and sub-criteria alike.
    pub nodes: Vec<Criterion>,
    /// Hex SHA-256 of the file's text, so that two results can be told apart.
    pub sha256: String,
    /// Where it was loaded from: a path, or `embedded:ID`.
    pub origin: String,
    /// Code → node. Fx hashing: codes are short, trusted-length keys looked up a hundred
    /// times per evidence file, where SipHash's protection buys nothing.
    index: FxHashMap<Box<str>, usize>,
    /// The leaves in document order, and each leaf's place in that order, so that an evidence
    /// file listing its values in the set's order binds each code with one comparison.
    leaf_order: Vec<usize>,
    leaf_rank: Vec<usize>,
    /// The sections (top-level nodes) in order: every card and league line walks them, and
    /// finding them anew would pass over every node of the set each time.
    section_order: Vec<usize>,
}

impl CriteriaSet {
    /// Builds the code index; `nodes` must already be validated (unique codes, parent links).
    pub(crate) fn new(
        header: CriteriaHeader,
        nodes: Vec<Criterion>,
        sha256: String,
        origin: String,
    ) -> Self {
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.code.as_str().into(), i))
            .collect();
        let leaf_order: Vec<usize> = (0..nodes.len()).filter(|&i| nodes[i].is_leaf()).collect();
        let section_order: Vec<usize> = (0..nodes.len())
            .filter(|&i| nodes[i].parent.is_none())
            .collect();
        let mut leaf_rank = vec![usize::MAX; nodes.len()];
        for (rank, &i) in leaf_order.iter().enumerate() {
            leaf_rank[i] = rank;
        }
        CriteriaSet {
            id: header.id,
            title: header.title,
            year: header.year,
            source: header.source,
            total: header.total,
            rounding: header.rounding,
            grades: header.grades,
            cap_total: header.cap_total,
            components: header.components,
            nodes,
            sha256,
            origin,
            index,
            leaf_order,
            leaf_rank,
            section_order,
        }
    }

    /// The node with this code.
    pub fn find(&self, code: &str) -> Option<usize> {
        self.index.get(code).copied()
    }

    /// The node with this code, trying first the leaf that follows the one found before
    /// (`*cursor`, a place in the leaves' order): evidence usually lists leaves in order.
    pub fn find_from(&self, code: &str, cursor: &mut usize) -> Option<usize> {
        if let Some(&i) = self.leaf_order.get(*cursor) {
            if self.nodes[i].code == code {
                *cursor += 1;
                return Some(i);
            }
        }
        let i = self.find(code)?;
        if let Some(&rank) = self.leaf_rank.get(i).filter(|&&r| r != usize::MAX) {
            *cursor = rank + 1;
        }
        Some(i)
    }

    /// Where a code that is not in the set would stand, in words: its would-be parent's
    /// criteria ("criteria under 3.4: 3.4.1, 3.4.2, 3.4.3"), or that the parent is a leaf;
    /// `None` where the parent is not in the set either.
    pub fn around(&self, code: &str) -> Option<crate::diag::Message> {
        use crate::i18n::diag as say;
        let parent = &self.nodes[self.find(code.rsplit_once('.')?.0)?];
        if parent.is_leaf() {
            return Some(say::is_a_leaf(&parent.code));
        }
        const SHOWN: usize = 12;
        let mut children: Vec<&str> = parent
            .children
            .iter()
            .take(SHOWN)
            .map(|&c| self.nodes[c].code.as_str())
            .collect();
        if parent.children.len() > SHOWN {
            children.push("…");
        }
        Some(say::criteria_under(&parent.code, &children.join(", ")))
    }

    /// Indices of the sections (top-level nodes), in order.
    pub fn sections(&self) -> impl Iterator<Item = usize> + '_ {
        self.section_order.iter().copied()
    }

    /// The node of the `k`-th section (from 0), in the set's order.
    pub fn section(&self, k: usize) -> usize {
        self.section_order[k]
    }

    /// The section (top-level node) that node `i` belongs to.
    pub fn section_of(&self, mut i: usize) -> usize {
        while let Some(p) = self.nodes[i].parent {
            i = p;
        }
        i
    }

    /// The offices responsible for node `i`: its own, or the nearest ancestor's.
    pub fn responsible(&self, mut i: usize) -> &[String] {
        loop {
            let node = &self.nodes[i];
            if !node.responsible.is_empty() {
                return &node.responsible;
            }
            match node.parent {
                Some(p) => i = p,
                None => return &[],
            }
        }
    }

    /// Indices of the leaves (nodes with a rule), in document order.
    pub fn leaves(&self) -> impl Iterator<Item = usize> + '_ {
        self.leaf_order.iter().copied()
    }

    /// The grade for `score` of `max`, on the exact ratio.
    pub fn grade(
        &self,
        score: Decimal,
        max: Decimal,
    ) -> Result<Option<&Grade>, crate::decimal::Overflow> {
        if max.is_zero() {
            return Ok(None);
        }
        for g in &self.grades {
            if crate::decimal::ratio_at_least(score, max, g.min)? {
                return Ok(Some(g));
            }
        }
        // Below 0% (a penalty past the points earned, with `cap_total: false`): the lowest
        // band, which starts at 0 and so holds everything under the band above it.
        Ok(self.grades.last())
    }
}

/// The scalar header fields of a criteria set, as validated by the loader.
#[derive(Debug, Clone)]
pub(crate) struct CriteriaHeader {
    pub id: String,
    pub title: String,
    pub year: Option<u32>,
    pub source: Option<String>,
    pub total: Option<Decimal>,
    pub rounding: Rounding,
    pub grades: Vec<Grade>,
    pub cap_total: bool,
    pub components: Vec<Component>,
}

/// A part of the total: "Điểm thẩm định" (the appraised self-assessment), "Điểm điều tra xã
/// hội học" (the sociological survey). Each scored section belongs to one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub id: String,
    pub title: String,
}

/// A classification band: a unit whose percentage is at least `min` gets `label`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    pub label: String,
    /// A percentage of the maximum (80 means 80%).
    pub min: Decimal,
}

/// One node of the tree: a section (lĩnh vực), criterion (tiêu chí) or sub-criterion.
#[derive(Debug, Clone)]
pub struct Criterion {
    pub code: String,
    pub title: String,
    pub max: Decimal,
    /// Offices responsible for the work this criterion measures.
    pub responsible: Vec<String>,
    pub note: Option<String>,
    /// 0 for a section.
    pub depth: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// The rule, on leaves only.
    pub rule: Option<Rule>,
    pub if_na: IfNa,
    /// The kind of the section the node is in (a section's own `kind:`): whether its points
    /// count toward the maximum, add to the total or are taken away from it.
    pub kind: SectionKind,
    /// The component (index into the set's `components`) of the section the node is in.
    pub component: Option<usize>,
}

/// A section's `kind:` (revision 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SectionKind {
    /// Part of the total maximum (the default).
    #[default]
    Scored,
    /// Điểm thưởng: adds up to its max to the total, outside the total maximum.
    Bonus,
    /// Điểm trừ: takes up to its max away from the total; its leaves score the points taken.
    Penalty,
}

impl SectionKind {
    /// The spellings of `kind:` on a section.
    pub const NAMES: [&'static str; 3] = ["scored", "bonus", "penalty"];

    pub fn name(self) -> &'static str {
        match self {
            SectionKind::Scored => "scored",
            SectionKind::Bonus => "bonus",
            SectionKind::Penalty => "penalty",
        }
    }

    pub fn from_name(name: &str) -> Option<SectionKind> {
        match name {
            "scored" => Some(SectionKind::Scored),
            "bonus" => Some(SectionKind::Bonus),
            "penalty" => Some(SectionKind::Penalty),
            _ => None,
        }
    }

    /// Bonus and penalty sections lie outside the total maximum.
    pub fn outside_max(self) -> bool {
        self != SectionKind::Scored
    }
}

impl Criterion {
    pub fn is_leaf(&self) -> bool {
        self.rule.is_some()
    }

    /// The title, with a bonus or penalty section marked as such (`Điểm thưởng (bonus)`): its
    /// points lie outside the total maximum.
    pub fn marked_title(&self) -> std::borrow::Cow<'_, str> {
        if self.parent.is_none() && self.kind.outside_max() {
            format!("{} ({})", self.title, self.kind.name()).into()
        } else {
            self.title.as_str().into()
        }
    }
}

/// What `n/a` means on a leaf: the leaf's own `if_na:`, else the set's, else `forbid`
/// (revision 2: a unit cannot claim full marks by writing n/a where the set never allowed it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IfNa {
    /// The leaf scores its max.
    Full,
    /// The leaf leaves the scoring: its max is taken out of every ancestor's.
    Exclude,
    /// n/a is an error on this leaf. The loader refuses it, so the engine never sees it.
    #[default]
    Forbid,
}

impl IfNa {
    /// The spellings of `if_na:`, as a criteria file writes them.
    pub const NAMES: [&'static str; 3] = ["full", "exclude", "forbid"];

    pub fn name(self) -> &'static str {
        match self {
            IfNa::Full => "full",
            IfNa::Exclude => "exclude",
            IfNa::Forbid => "forbid",
        }
    }

    pub fn from_name(name: &str) -> Option<IfNa> {
        match name {
            "full" => Some(IfNa::Full),
            "exclude" => Some(IfNa::Exclude),
            "forbid" => Some(IfNa::Forbid),
            _ => None,
        }
    }

    /// Whether a leaf with this setting accepts the value n/a.
    pub fn allows_na(self) -> bool {
        self != IfNa::Forbid
    }
}

/// How a leaf turns its evidence into points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// `max` if true, else 0.
    YesNo,
    /// Proportional to a rate, between `zero_below` and `full_at`.
    Ratio(Ratio),
    /// The points of the first tier whose threshold the value reaches.
    Tiers(Tiers),
    /// `max − per × n`, not below 0, for a whole count n.
    Deduct { per: Decimal },
    /// A score given directly.
    Points,
    /// A straight line on a plain number (revision 2).
    Linear(Linear),
    /// The points of a label (revision 2).
    Choice(Choice),
}

/// `choice` parameters: labels and their points, in the set's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub options: Vec<ChoiceOption>,
}

impl Choice {
    /// Labels with their points; each label's comparison key is made here.
    pub fn new(options: Vec<(String, Decimal)>) -> Self {
        Choice {
            options: options
                .into_iter()
                .map(|(label, points)| ChoiceOption {
                    key: crate::rule::choice::normalise(&label),
                    label: label.into(),
                    points,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceOption {
    /// As the set writes it; shared with every value that names it.
    pub label: Arc<str>,
    /// The label as compared (NFC, case-folded, spaces collapsed).
    pub key: String,
    pub points: Decimal,
}

/// `linear` parameters: 0 at `zero_at`, the max at `full_at` (they differ; either order),
/// `max × (v − zero_at) / (full_at − zero_at)` between, clamped to [0, max].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linear {
    pub zero_at: Decimal,
    pub full_at: Decimal,
}

impl Linear {
    /// Whether lower values score more (`full_at` below `zero_at`).
    pub fn lower_is_better(&self) -> bool {
        self.full_at < self.zero_at
    }
}

/// `ratio` parameters; rates are fractions (0.5 means 50%).
///
/// With r' = 1 − rate when `invert`, else the rate:
/// - `zero_below < full_at`: higher is better: 0 below `zero_below`, `max` from `full_at`,
///   `max × (r' − zero_below) / (full_at − zero_below)` between;
/// - `zero_below == full_at`: a step: `max` from `full_at`, 0 below;
/// - `zero_below > full_at` (revision 2, `{ zero_at: "10%", full_at: "0%" }`): **lower is
///   better**: `max` at or below `full_at`, 0 at or above `zero_below`,
///   `max × (zero_below − r') / (zero_below − full_at)` between.
///
/// `zero_below` is what a file writes as `zero_below:` or, since revision 2, `zero_at:`.
/// `invert` stays readable (and is warned about, W102): it is the same line on 1 − rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio {
    /// The rate scoring 0 (`zero_at`, `zero_below`).
    pub zero_below: Decimal,
    /// The rate scoring the max.
    pub full_at: Decimal,
    pub invert: bool,
}

impl Ratio {
    /// Whether this is the plain rule (0 at 0%, the max at 100%, not inverted): the same as
    /// `== Ratio::default()`, told from the mantissas (asked for every ratio leaf of every
    /// file, where comparing decimals of any scale costs more).
    #[inline]
    pub fn is_plain(&self) -> bool {
        !self.invert
            && self.zero_below.is_zero()
            && 10i128
                .checked_pow(self.full_at.scale())
                .is_some_and(|one| self.full_at.mantissa() == one)
    }

    /// Whether lower rates score more (`zero_at` above `full_at`).
    pub fn lower_is_better(&self) -> bool {
        self.zero_below > self.full_at
    }
}

impl Default for Ratio {
    fn default() -> Self {
        Ratio {
            zero_below: Decimal::ZERO,
            full_at: Decimal::ONE,
            invert: false,
        }
    }
}

/// Tier thresholds are either all rates or all plain numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TierScale {
    Rate,
    Number,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tiers {
    pub scale: TierScale,
    /// In one direction: `at_least` / `above` tiers with strictly decreasing thresholds
    /// (higher is better), or `at_most` / `below` tiers with strictly increasing ones (lower
    /// is better). The first tier whose threshold the value meets scores.
    pub steps: Vec<Tier>,
}

impl Tiers {
    /// Whether lower values score more (`at_most` / `below` tiers).
    pub fn lower_is_better(&self) -> bool {
        self.steps
            .first()
            .is_some_and(|s| s.bound.lower_is_better())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    /// A fraction for a rate scale, a plain number otherwise.
    pub threshold: Decimal,
    /// How a value meets the threshold.
    pub bound: Bound,
    pub points: Decimal,
}

/// How a tier's value compares with its threshold: the key a criteria file writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// value ≥ threshold ("từ 90%").
    AtLeast,
    /// value > threshold ("trên 90%").
    Above,
    /// value ≤ threshold ("không quá 5%").
    AtMost,
    /// value < threshold ("dưới 5%").
    Below,
}

impl Bound {
    /// The keys, as a criteria file writes them.
    pub const KEYS: [&'static str; 4] = ["at_least", "above", "at_most", "below"];

    pub fn key(self) -> &'static str {
        match self {
            Bound::AtLeast => "at_least",
            Bound::Above => "above",
            Bound::AtMost => "at_most",
            Bound::Below => "below",
        }
    }

    pub fn from_key(key: &str) -> Option<Bound> {
        match key {
            "at_least" => Some(Bound::AtLeast),
            "above" => Some(Bound::Above),
            "at_most" => Some(Bound::AtMost),
            "below" => Some(Bound::Below),
            _ => None,
        }
    }

    /// The comparison's sign, value first: `≥`, `>`, `≤`, `<`.
    pub fn symbol(self) -> &'static str {
        match self {
            Bound::AtLeast => "≥",
            Bound::Above => ">",
            Bound::AtMost => "≤",
            Bound::Below => "<",
        }
    }

    /// `at_most` and `below`: lower values score more.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Bound::AtMost | Bound::Below)
    }

    /// Whether `value` meets `threshold`.
    #[inline]
    pub fn meets<T: PartialOrd>(self, value: &T, threshold: &T) -> bool {
        match self {
            Bound::AtLeast => value >= threshold,
            Bound::Above => value > threshold,
            Bound::AtMost => value <= threshold,
            Bound::Below => value < threshold,
        }
    }
}

impl Rule {
    /// The rule's name as written in a criteria file.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::YesNo => "yes-no",
            Rule::Ratio(_) => "ratio",
            Rule::Tiers(_) => "tiers",
            Rule::Deduct { .. } => "deduct",
            Rule::Points => "points",
            Rule::Linear(_) => "linear",
            Rule::Choice(_) => "choice",
        }
    }

    /// The kind of evidence value the rule takes.
    pub fn takes(&self) -> ValueKind {
        match self {
            Rule::YesNo => ValueKind::Boolean,
            Rule::Ratio(_) => ValueKind::Rate,
            Rule::Tiers(t) if t.scale == TierScale::Rate => ValueKind::Rate,
            Rule::Tiers(_) => ValueKind::Number,
            Rule::Deduct { .. } => ValueKind::Count,
            Rule::Points => ValueKind::Number,
            Rule::Linear(_) => ValueKind::Number,
            Rule::Choice(_) => ValueKind::Label,
        }
    }
}

/// The kinds of evidence value, as rules name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    Boolean,
    Rate,
    Number,
    Count,
    /// One of a `choice` rule's labels.
    Label,
}

impl ValueKind {
    /// How to write a value of this kind, for messages and templates.
    pub fn spelling(self) -> &'static str {
        self.spelling_text().en
    }

    /// [`ValueKind::spelling`] in both languages.
    pub fn spelling_text(self) -> crate::i18n::Text {
        use crate::i18n::text;
        match self {
            ValueKind::Boolean => text(
                "true / false (or có / không, yes / no)",
                "true / false (hoặc có / không, yes / no)",
            ),
            ValueKind::Rate => text(
                "a rate such as \"97.29%\" or \"21/32\"",
                "một tỷ lệ như \"97.29%\" hoặc \"21/32\"",
            ),
            ValueKind::Number => text("a number such as 2 or 0.75", "một số như 2 hoặc 0.75"),
            ValueKind::Count => text(
                "a whole count such as 0, 1 or 12698",
                "một số lượng nguyên như 0, 1 hoặc 12698",
            ),
            ValueKind::Label => text(
                "one of the criterion's labels",
                "một trong các lựa chọn của tiêu chí",
            ),
        }
    }

    pub fn name(self) -> &'static str {
        self.name_text().en
    }

    /// [`ValueKind::name`] in both languages.
    pub fn name_text(self) -> crate::i18n::Text {
        use crate::i18n::text;
        match self {
            ValueKind::Boolean => text("a boolean", "giá trị đúng/sai"),
            ValueKind::Rate => text("a rate", "tỷ lệ"),
            ValueKind::Number => text("a number", "số"),
            ValueKind::Count => text("a whole count", "số lượng nguyên"),
            ValueKind::Label => text("one of its labels", "một trong các lựa chọn của nó"),
        }
    }
}

/// An evidence value, as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Boolean(bool),
    /// A rate `num / den` in [0, 1] (97.29/100, 21/32), kept as a quotient so that scores are
    /// computed with a single division. Its decimals keep the digits as written (`97.30`), so
    /// the rate is shown as written from the two figures and no text is carried: scoring
    /// copies values into every scorecard, ten thousand files at a time.
    Rate {
        num: Decimal,
        den: Decimal,
        /// Written as a percentage (`97.29%`, `num / 100`) rather than as counts (`21/32`).
        percent: bool,
    },
    Number(Decimal),
    /// One of a `choice` rule's labels: its place in the rule's list, and the label as the
    /// set writes it (shared, not copied).
    Choice {
        index: usize,
        label: Arc<str>,
    },
    /// Not applicable ("không phát sinh").
    NotApplicable,
}

impl Value {
    /// A rate's value as a fraction (inexact for repeating quotients: for display only).
    pub fn fraction(&self) -> Option<Decimal> {
        match self {
            Value::Rate { num, den, .. } => num.checked_div(*den),
            _ => None,
        }
    }

    /// The value as a person would write it.
    pub fn show(&self) -> String {
        match self {
            Value::Boolean(true) => "yes".into(),
            Value::Boolean(false) => "no".into(),
            Value::Rate {
                num, percent: true, ..
            } => format!("{num}%"),
            Value::Rate { num, den, .. } => format!("{num}/{den}"),
            Value::Number(n) => crate::decimal::show(*n),
            Value::Choice { label, .. } => label.to_string(),
            Value::NotApplicable => "n/a".into(),
        }
    }
}

/// Which stage of the assessment is scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Stage {
    /// The second appraisal's value where there is one, else the first appraisal's, else the
    /// self-assessed value.
    #[default]
    Final,
    /// The first appraisal's value where there is one, the self-assessed value otherwise:
    /// before the unit's explanation.
    Appraised,
    /// The unit's self-assessment alone.
    SelfAssessment,
}

impl Stage {
    /// Every stage, in the order of the rounds.
    pub const ALL: [Stage; 3] = [Stage::SelfAssessment, Stage::Appraised, Stage::Final];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Final => "final",
            Stage::Appraised => "appraised",
            Stage::SelfAssessment => "self",
        }
    }

    /// The name as a header shows it: the final stage says what it scores, as it is the
    /// default and a reader may not know it is one of several.
    pub fn header(self) -> &'static str {
        match self {
            Stage::Final => "final (after the second appraisal where there was one)",
            other => other.name(),
        }
    }

    /// `name`'s inverse.
    pub fn from_name(name: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Which round of the assessment a scored value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Round {
    /// The unit's self-assessment (tự chấm).
    #[default]
    SelfAssessed,
    /// The council's first appraisal (thẩm định lần 1).
    Appraised,
    /// The council's second appraisal, after the unit's explanation (thẩm định lần 2).
    Reappraised,
}

impl Round {
    /// The name used in JSON and CSV output.
    pub fn name(self) -> &'static str {
        match self {
            Round::SelfAssessed => "self",
            Round::Appraised => "appraised",
            Round::Reappraised => "reappraised",
        }
    }

    /// How a person reads it next to a value: "self-assessed", "appraised", "reappraised".
    pub fn label(self) -> &'static str {
        match self {
            Round::SelfAssessed => "self-assessed",
            Round::Appraised => "appraised",
            Round::Reappraised => "reappraised after the explanation",
        }
    }

    /// Whether the value is the council's rather than the unit's own.
    pub fn is_council(self) -> bool {
        self != Round::SelfAssessed
    }
}

/// One unit's evidence for one period, bound to its criteria set.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The criteria reference as written (`dak-nong-district-2022` or a path).
    pub criteria_ref: String,
    pub unit: String,
    pub period: String,
    /// Per node of the criteria set (by index): the entry given for it, if any.
    /// Unboxed: an evidence file lives only until it is scored when thousands are ranked, and
    /// one allocation per value cost more than the table's size.
    pub entries: Vec<Option<Entry>>,
    pub expect: Option<Expect>,
    /// Where it was loaded from.
    pub origin: String,
}

/// What an evidence file says about one leaf.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// The unit's self-assessed value; `None` for an empty value.
    pub value: Option<Value>,
    /// The appraisal council's value (first appraisal).
    pub appraised: Option<Value>,
    /// Why the first appraisal changed the value.
    pub reason: Option<String>,
    pub note: Option<String>,
    pub docs: Vec<String>,
    /// The unit's explanation and the council's second appraisal, where there are any: boxed,
    /// as few values have them and every entry of a ranked folder is allocated and filled.
    pub second: Option<Box<SecondRound>>,
}

/// What follows the first appraisal: the unit's explanation (giải trình) and the council's
/// second appraisal (thẩm định lần 2).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SecondRound {
    /// The unit's explanation, with its documents.
    pub explanation: Option<String>,
    /// The council's value after the explanation: final.
    pub reappraised: Option<Value>,
    /// What the council made of the explanation.
    pub reappraisal_reason: Option<String>,
}

impl Entry {
    /// The council's value after the unit's explanation (second appraisal).
    pub fn reappraised(&self) -> Option<&Value> {
        self.second.as_ref()?.reappraised.as_ref()
    }

    /// The unit's explanation (giải trình) after the first appraisal.
    pub fn explanation(&self) -> Option<&str> {
        self.second.as_ref()?.explanation.as_deref()
    }

    /// What the second appraisal made of the explanation.
    pub fn reappraisal_reason(&self) -> Option<&str> {
        self.second.as_ref()?.reappraisal_reason.as_deref()
    }

    /// The value scored at `stage`, and the round it comes from.
    pub fn at(&self, stage: Stage) -> Option<(&Value, Round)> {
        match (stage, self.reappraised(), &self.appraised) {
            (Stage::Final, Some(v), _) => Some((v, Round::Reappraised)),
            (Stage::Final | Stage::Appraised, _, Some(v)) => Some((v, Round::Appraised)),
            _ => self.value.as_ref().map(|v| (v, Round::SelfAssessed)),
        }
    }

    /// The value given in `round`, if any.
    pub fn in_round(&self, round: Round) -> Option<&Value> {
        match round {
            Round::SelfAssessed => self.value.as_ref(),
            Round::Appraised => self.appraised.as_ref(),
            Round::Reappraised => self.reappraised(),
        }
    }
}

/// Published figures an evidence file pins, verified against the computed ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expect {
    pub total: Option<Decimal>,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
    /// Code → expected score, in file order.
    pub scores: Vec<(String, Decimal)>,
    /// parindex's extension: figures pinned for other stages (`expect: { stages: { self:
    /// { total: … } } }`), in file order; the figures above are the final stage's.
    pub stages: Vec<(Stage, Expect)>,
}

impl Expect {
    /// The figures pinned for `stage`, each with whether it was written under `stages:`:
    /// `expect:`'s own for the final stage, and those under `stages:` for theirs.
    pub fn at(&self, stage: Stage) -> impl Iterator<Item = (&Expect, bool)> {
        let top = (stage == Stage::Final && self.pins_anything()).then_some((self, false));
        let nested = self
            .stages
            .iter()
            .filter(move |(s, _)| *s == stage)
            .map(|(_, e)| (e, true));
        top.into_iter().chain(nested)
    }

    /// Whether any figure is pinned at this level (not counting `stages:`).
    pub fn pins_anything(&self) -> bool {
        self.total.is_some()
            || self.percent.is_some()
            || self.grade.is_some()
            || !self.scores.is_empty()
    }
}

/// Whether `s` is a criterion code: dot-separated positive whole numbers without leading zeros
/// (`3`, `3.4.4.1`), as every file, map and result writes them.
pub fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|p| {
            !p.is_empty()
                && p.len() <= 9
                && p.bytes().all(|b| b.is_ascii_digit())
                && !p.starts_with('0')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_round_costs_an_entry_one_pointer() {
        // Every leaf of every file ranked has an entry: the rarely given explanation and
        // second appraisal live behind one pointer rather than widening them all.
        assert!(std::mem::size_of::<Option<Entry>>() <= 2 * 40 + 3 * 24 + 8);
    }

    #[test]
    fn each_stage_takes_the_latest_round_it_knows() {
        let v = |n: i64| Value::Number(Decimal::from(n));
        let mut e = Entry {
            value: Some(v(3)),
            ..Entry::default()
        };
        for stage in Stage::ALL {
            assert_eq!(e.at(stage), Some((&v(3), Round::SelfAssessed)));
        }
        e.appraised = Some(v(1));
        assert_eq!(
            e.at(Stage::SelfAssessment),
            Some((&v(3), Round::SelfAssessed))
        );
        assert_eq!(e.at(Stage::Appraised), Some((&v(1), Round::Appraised)));
        assert_eq!(e.at(Stage::Final), Some((&v(1), Round::Appraised)));
        // An explanation alone changes nothing.
        e.second = Some(Box::new(SecondRound {
            explanation: Some("x".into()),
            ..SecondRound::default()
        }));
        assert_eq!(e.at(Stage::Final), Some((&v(1), Round::Appraised)));
        e.second.as_mut().unwrap().reappraised = Some(v(2));
        assert_eq!(e.at(Stage::Appraised), Some((&v(1), Round::Appraised)));
        assert_eq!(e.at(Stage::Final), Some((&v(2), Round::Reappraised)));
        assert_eq!(e.in_round(Round::Reappraised), Some(&v(2)));
    }
}
