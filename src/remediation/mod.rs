//! The remediation report (báo cáo khắc phục): the report a unit writes during the year after
//! an index is published. Last year's result and each criterion that lost points, beside what
//! the unit's plan ([`crate::plan::Plan`]) says has been done about it; optionally this year's
//! values so far, the points recovered and a projected total.
//!
//! [`build`] gathers everything into a plain, language-free [`Remediation`] (on top of the
//! results report's own [`Report`], so the two cannot disagree on a figure); the Markdown and
//! HTML renderings read only that, and so does the Word one
//! ([`crate::render::docx::remediation`]).

mod html;
mod markdown;
// Shared by every rendering (a Word one too): the sentences, in both languages.
pub(crate) mod text;

use crate::diag::{self, Diagnostic};
use crate::i18n::remediation as words;
use crate::load::yaml::key;
use crate::load::Source;
use crate::losses::losses;
use crate::model::{Evidence, Value};
use crate::plan::{Date, Plan, PlanDocument, Status};
use crate::report::{LossItem, Report};
use crate::score::Scorecard;
use rust_decimal::Decimal;

pub use crate::report::Format;

/// What the plan says about one criterion that lost points, with last year's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionRemedy {
    /// Last year's figures: value, score, loss, code, offices of the set.
    pub loss: LossItem,
    /// `None`: the plan has no entry for it.
    pub status: Option<Status>,
    pub action: Option<String>,
    pub date: Option<Date>,
    /// Tasks done of a related plan: (done, total, percent).
    pub progress: Option<(u32, u32, Option<Decimal>)>,
    pub docs: Vec<String>,
    /// The plan's offices, else the criterion's own.
    pub responsible: Vec<String>,
    /// The report's words the entry rests on.
    pub source: Option<String>,
    /// This year's set, when `--interim` showed that it no longer has the criterion:
    /// (title, id).
    pub dropped_from: Option<(String, String)>,
    /// This year's figures so far (`--interim`), where it has a value.
    pub interim: Option<InterimCriterion>,
    /// The points this year's values so far still lose where the plan says `done` (W503):
    /// the criterion is not counted as remedied.
    pub still_losing: Option<Decimal>,
}

impl CriterionRemedy {
    /// Points still at stake: last year's loss, unless remedied (and not contradicted by this
    /// year's values) or dropped.
    pub fn at_stake(&self) -> Decimal {
        if self.remedied() || self.status == Some(Status::Dropped) {
            Decimal::ZERO
        } else {
            self.loss.loss
        }
    }

    /// Remedied, as the plan says and this year's values so far do not contradict.
    pub fn remedied(&self) -> bool {
        self.status == Some(Status::Done) && self.still_losing.is_none()
    }
}

/// One lost criterion's value in this year's evidence so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterimCriterion {
    pub value: Option<Value>,
    pub score: Decimal,
    pub max: Decimal,
    pub loss: Decimal,
    /// Last year's loss minus this year's (negative: more lost).
    pub recovered: Decimal,
}

/// One section: its remedies in the order of the results report, and, when it lost nothing,
/// what keeps it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionRemedies {
    pub criteria: Vec<CriterionRemedy>,
    /// "Nội dung nâng cao chỉ số", from the plan's `sections:`.
    pub upkeep: Option<String>,
    /// The plan's offices for the upkeep, else the section's own.
    pub upkeep_responsible: Vec<String>,
    pub upkeep_source: Option<String>,
}

/// The projection from this year's values so far.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Projection {
    pub period: String,
    pub criteria_id: String,
    /// Lost criteria with a value this year.
    pub assessed: usize,
    /// Net: the points recovered where a criterion did better, less those lost further where
    /// one did worse.
    pub recovered: Decimal,
    pub gained: Decimal,
    pub lost_further: Decimal,
    /// Last year's total plus the points recovered, on last year's scale.
    pub total: Decimal,
    pub max: Decimal,
    pub percent: Option<Decimal>,
    pub grade: Option<String>,
}

/// Everything the remediation report says, language-free.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remediation {
    /// Last year's results report.
    pub report: Report,
    pub as_of: Option<Date>,
    /// The improvement plan and its progress.
    pub plan: Option<PlanDocument>,
    /// Aligned with `report.sections`.
    pub sections: Vec<SectionRemedies>,
    /// Criteria not yet remedied (no entry, in progress, not started), largest loss first.
    pub outstanding: Vec<CriterionRemedy>,
    /// The points they lost.
    pub at_stake: Decimal,
    /// Criteria remedied, and the points they lost.
    pub remedied: (usize, Decimal),
    /// Criteria the new set dropped.
    pub dropped: Vec<CriterionRemedy>,
    pub projection: Option<Projection>,
}

/// Puts the plan beside last year's report (built from `last`), with this year's card so far
/// (`interim`) if there is one. The plan is taken as it is: check it first with
/// [`check_against`]. Within a section the criteria come in the set's order, as the báo cáo
/// khắc phục lists them.
pub fn build(
    report: Report,
    plan: &Plan,
    last: &Scorecard,
    interim: Option<&Scorecard>,
) -> Remediation {
    let (mut gained, mut lost_further) = (Decimal::ZERO, Decimal::ZERO);
    let mut assessed = 0;
    let sections: Vec<SectionRemedies> = report
        .sections
        .iter()
        .map(|s| {
            let mut in_order: Vec<&LossItem> = s.losses.iter().collect();
            in_order.sort_by_key(|l| last.set.find(&l.code));
            let criteria = in_order
                .into_iter()
                .map(|l| {
                    let remedy = plan.remedy(&l.code);
                    let mut c = CriterionRemedy {
                        loss: l.clone(),
                        status: remedy.map(|r| r.status),
                        action: remedy.and_then(|r| r.action.clone()),
                        date: remedy.and_then(|r| r.date),
                        progress: remedy
                            .and_then(|r| r.progress)
                            .map(|p| (p.done, p.total, p.percent())),
                        docs: remedy.map(|r| r.docs.clone()).unwrap_or_default(),
                        responsible: match remedy {
                            Some(r) if !r.responsible.is_empty() => r.responsible.clone(),
                            _ => l.responsible.clone(),
                        },
                        source: remedy.and_then(|r| r.source.clone()),
                        dropped_from: None,
                        interim: None,
                        still_losing: None,
                    };
                    if let Some(now) = interim {
                        let set = &now.set;
                        match set.find(&l.code) {
                            None => {
                                c.status = Some(Status::Dropped);
                                c.dropped_from = Some((set.title.clone(), set.id.clone()));
                            }
                            Some(i) => {
                                let node = &now.nodes[i];
                                if node.status != crate::score::Status::Missing {
                                    let loss = now.lost(i);
                                    let back = l.loss - loss;
                                    if c.status != Some(Status::Dropped) {
                                        if back > Decimal::ZERO {
                                            gained += back;
                                        } else {
                                            lost_further -= back;
                                        }
                                        assessed += 1;
                                    }
                                    if c.status == Some(Status::Done) {
                                        c.still_losing = still_losing(now, i);
                                    }
                                    c.interim = Some(InterimCriterion {
                                        value: node.leaf.as_ref().map(|x| x.value.clone()),
                                        score: node.score,
                                        max: node.max,
                                        loss,
                                        recovered: back,
                                    });
                                }
                            }
                        }
                    }
                    c
                })
                .collect();
            let upkeep = plan.upkeep_of(&s.code);
            SectionRemedies {
                criteria,
                upkeep: upkeep.map(|u| u.action.clone()),
                upkeep_responsible: match upkeep {
                    Some(u) if !u.responsible.is_empty() => u.responsible.clone(),
                    _ => s.responsible.clone(),
                },
                upkeep_source: upkeep.and_then(|u| u.source.clone()),
            }
        })
        .collect();

    let all: Vec<&CriterionRemedy> = sections.iter().flat_map(|s| &s.criteria).collect();
    let mut outstanding: Vec<CriterionRemedy> = all
        .iter()
        .filter(|c| c.status.is_none_or(Status::outstanding) || c.still_losing.is_some())
        .map(|c| (*c).clone())
        .collect();
    outstanding.sort_by_key(|c| std::cmp::Reverse(c.loss.loss));
    let at_stake = outstanding.iter().map(|c| c.loss.loss).sum();
    let done: Vec<&&CriterionRemedy> = all.iter().filter(|c| c.remedied()).collect();
    let remedied = (done.len(), done.iter().map(|c| c.loss.loss).sum());
    let dropped = all
        .iter()
        .filter(|c| c.status == Some(Status::Dropped))
        .map(|c| (*c).clone())
        .collect();

    let recovered = gained - lost_further;
    let projection = interim.map(|now| {
        let total = report.score + recovered;
        let set_grade = |total: Decimal| -> Option<String> {
            // Last year's bands, on last year's scale (the assumption stated in the report).
            last.set
                .grade(total, report.max)
                .ok()
                .flatten()
                .map(|g| g.label.clone())
        };
        Projection {
            period: now.period.clone(),
            criteria_id: now.set.id.clone(),
            assessed,
            recovered,
            gained,
            lost_further,
            total,
            max: report.max,
            percent: crate::decimal::percent(total, report.max).ok().flatten(),
            grade: set_grade(total),
        }
    });

    Remediation {
        as_of: plan.as_of,
        plan: plan.plan.clone(),
        sections,
        outstanding,
        at_stake,
        remedied,
        dropped,
        projection,
        report,
    }
}

/// The plan checked against last year's scored evidence: a plan for another unit, period or
/// set (E505), a lost criterion with no entry (W501), an entry for a criterion that lost
/// nothing (W502).
pub fn check_against(
    source: &Source,
    plan: &Plan,
    card: &Scorecard,
    evidence: &Evidence,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mismatch = |field: &str, plan_says: &str, card_says: &str| {
        source
            .diag(
                diag::PLAN_MISMATCH,
                &[key(field)],
                words::plan_mismatch(field, &diag::shown(plan_says), &diag::shown(card_says)),
            )
            .help(words::PLAN_MISMATCH_HELP)
    };
    // The one key for unit names: the same name typed in NFD, or with extra spaces, is the
    // same unit.
    if crate::units::unit_key(&plan.unit) != crate::units::unit_key(&card.unit) {
        found.push(mismatch("unit", &plan.unit, &card.unit));
    }
    if plan.period != card.period {
        found.push(mismatch("period", &plan.period, &card.period));
    }
    if plan.criteria != card.set.id {
        found.push(mismatch("criteria", &plan.criteria, &card.set.id));
    }
    if !found.is_empty() {
        return found;
    }
    let lost = losses(card, evidence);
    for l in &lost {
        if plan.remedy(&l.code).is_none() {
            let d = source.diag_at_key(
                diag::UNREMEDIED_LOSS,
                &[key("remedies")],
                words::unremedied(l.loss, &card.period),
            );
            found.push(
                d.criterion(l.code.clone())
                    .help(words::unremedied_help(&l.code)),
            );
        }
    }
    for r in &plan.remedies {
        // A section or group of criteria keyed by mistake is E501 (`plan_against_set`).
        let leaf = card
            .set
            .find(&r.code)
            .is_some_and(|i| card.set.nodes[i].is_leaf());
        if leaf && !lost.iter().any(|l| l.code == r.code) {
            found.push(
                source
                    .diag_at_key(
                        diag::REMEDY_NOT_LOST,
                        &[key("remedies"), key(&r.code)],
                        words::not_lost(&card.period),
                    )
                    .criterion(r.code.clone())
                    .help(words::NOT_LOST_HELP),
            );
        }
    }
    // The report prints a section's upkeep only where it lost nothing.
    for u in &plan.upkeep {
        let Some(i) = card.set.find(&u.section) else {
            continue;
        };
        let under: Vec<&crate::losses::Loss> = lost.iter().filter(|l| l.section == i).collect();
        if under.is_empty() {
            continue;
        }
        let mut codes: Vec<(usize, &str)> =
            under.iter().map(|l| (l.node, l.code.as_str())).collect();
        codes.sort_unstable();
        let codes: Vec<&str> = codes.into_iter().map(|(_, c)| c).collect();
        let loss: Decimal = under.iter().map(|l| l.loss).sum();
        found.push(
            source
                .diag_at_key(
                    diag::UPKEEP_FOR_LOST_SECTION,
                    &[key("sections"), key(&u.section)],
                    crate::i18n::remediation::upkeep_for_lost_section(loss, &card.period),
                )
                .criterion(u.section.clone())
                .help(crate::i18n::remediation::upkeep_for_lost_section_help(
                    &codes,
                )),
        );
    }
    found
}

/// The plan checked against this year's evidence so far (`--interim`, scored as `now`, read
/// from `now_source`): of the same unit and of a later period (E506), no criterion called
/// dropped that this year's set still has (E507), and no criterion called done that still
/// loses points this year (W503; the report counts its points as still at stake).
pub fn check_interim(
    source: &Source,
    plan: &Plan,
    last: &Scorecard,
    now_source: &Source,
    now: &Scorecard,
) -> Vec<Diagnostic> {
    use crate::i18n::remediation as say;
    let mut found = Vec::new();
    if crate::units::unit_key(&now.unit) != crate::units::unit_key(&last.unit) {
        found.push(
            now_source
                .diag(
                    diag::INTERIM_MISMATCH,
                    &[key("unit")],
                    say::interim_other_unit(&diag::shown(&now.unit), &diag::shown(&last.unit)),
                )
                .help(say::INTERIM_HELP),
        );
    }
    if !crate::compare::period_follows(&now.period, &last.period) {
        found.push(
            now_source
                .diag(
                    diag::INTERIM_MISMATCH,
                    &[key("period")],
                    say::interim_not_later(&diag::shown(&now.period), &diag::shown(&last.period)),
                )
                .help(say::INTERIM_HELP),
        );
    }
    if !found.is_empty() {
        return found;
    }
    for r in &plan.remedies {
        let Some(i) = now.set.find(&r.code) else {
            continue;
        };
        match r.status {
            Status::Dropped => found.push(
                source
                    .diag(
                        diag::DROPPED_BUT_KEPT,
                        &[key("remedies"), key(&r.code), key("status")],
                        say::dropped_but_kept(&now.set.id),
                    )
                    .criterion(r.code.clone())
                    .help(say::DROPPED_BUT_KEPT_HELP),
            ),
            Status::Done if still_losing(now, i).is_some() => found.push(
                source
                    .diag(
                        diag::DONE_BUT_LOSING,
                        &[key("remedies"), key(&r.code), key("status")],
                        say::done_but_losing(now.lost(i), &now.period),
                    )
                    .criterion(r.code.clone())
                    .help(say::DONE_BUT_LOSING_HELP),
            ),
            _ => {}
        }
    }
    found
}

/// The points criterion `i` loses in this year's card so far, where it has a value and loses
/// any.
fn still_losing(now: &Scorecard, i: usize) -> Option<Decimal> {
    let loss = now.lost(i);
    (now.nodes[i].status != crate::score::Status::Missing && loss > Decimal::ZERO).then_some(loss)
}

/// Every problem of a plan file on its own (`parindex check`): its binding, its codes against
/// the set it names and, when it names its `evidence:` (relative to the plan), its remedies
/// against that evidence's losses.
pub fn check_plan(
    source: &Source,
    path: &std::path::Path,
    resolver: &crate::load::CriteriaResolver,
) -> Vec<Diagnostic> {
    let (plan, mut found) = match crate::load::parse_plan(source) {
        Ok(p) => p,
        Err(d) => return d.0,
    };
    let base = path.parent().unwrap_or(std::path::Path::new("."));
    let set = match crate::load::plan_set(source, &plan, base, resolver) {
        Ok(set) => set,
        Err(d) => {
            found.extend(d.0);
            return found;
        }
    };
    // The evidence first: its losses name the criteria under a section keyed by mistake.
    let scored = plan.evidence.as_ref().map(|file| {
        crate::pipeline::score_file(&base.join(file), resolver, crate::model::Stage::Final)
    });
    let lost = match &scored {
        Some(Ok(s)) if s.card.set.id == set.id => Some(s.card.losses()),
        _ => None,
    };
    let against_set = crate::load::plan_against_set(source, &plan, &set, lost.as_deref());
    let set_errors = against_set.iter().any(Diagnostic::is_error);
    found.extend(against_set);
    match (scored, set_errors) {
        (Some(Ok(scored)), false) => {
            found.extend(check_against(source, &plan, &scored.card, &scored.evidence))
        }
        (Some(Err(d)), _) => found.extend(d.0),
        _ => {}
    }
    found
}

/// Writes the report in `format` and `lang`.
pub fn render(r: &Remediation, format: Format, lang: crate::i18n::Lang) -> String {
    match format {
        Format::Markdown => markdown::render(r, lang),
        Format::Html => html::render(r, lang),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::{parse_plan, CriteriaResolver};
    use crate::model::Stage;
    use crate::pipeline::score_file;
    use std::path::Path;

    /// Krông Nô's 2022 result with its plan (and, with `interim`, its 2023 values so far).
    pub(crate) fn krong_no(interim: bool) -> Remediation {
        let resolver = CriteriaResolver::new();
        let last = score_file(
            Path::new("examples/krong-no-2022.yaml"),
            &resolver,
            Stage::Final,
        )
        .unwrap();
        let source = Source::read(Path::new("examples/krong-no-2023-remediation.yaml")).unwrap();
        let (plan, warnings) = parse_plan(&source).unwrap();
        assert!(warnings.is_empty());
        assert!(check_against(&source, &plan, &last.card, &last.evidence).is_empty());
        let report = crate::report::build(&last.card, &last.evidence, None, None).unwrap();
        let now = interim.then(|| {
            score_file(
                Path::new("examples/krong-no-2023.yaml"),
                &resolver,
                Stage::Final,
            )
            .unwrap()
        });
        build(report, &plan, &last.card, now.as_ref().map(|n| &n.card))
    }

    #[test]
    fn remedied_at_stake_and_dropped_add_up_to_every_point_lost() {
        for interim in [false, true] {
            let r = krong_no(interim);
            let dropped: Decimal = r.dropped.iter().map(|c| c.loss.loss).sum();
            assert_eq!(r.remedied.1 + r.at_stake + dropped, r.report.loss);
            assert_eq!(
                r.remedied.0 + r.outstanding.len() + r.dropped.len(),
                r.report.lost_criteria
            );
        }
    }

    #[test]
    fn the_projection_adds_the_points_recovered_to_last_years_total() {
        let r = krong_no(true);
        let p = r.projection.as_ref().unwrap();
        let recovered: Decimal = r
            .sections
            .iter()
            .flat_map(|s| &s.criteria)
            .filter(|c| c.status != Some(Status::Dropped))
            .filter_map(|c| c.interim.as_ref().map(|i| i.recovered))
            .sum();
        assert_eq!(p.recovered, recovered);
        assert_eq!(p.total, r.report.score + recovered);
        assert_eq!(p.max, r.report.max);
        assert!(krong_no(false).projection.is_none());
    }
}
