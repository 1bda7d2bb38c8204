//! `parindex report --remediation PLAN`: the remediation report (báo cáo khắc phục), built on
//! the results report of the same evidence. Kept apart from `report.rs`, which it only calls.

use super::{failure, load_scored, report};
use parindex::i18n::Lang;
use parindex::load::{load_plan, plan_against_set, CriteriaResolver};
use parindex::model::{Evidence, Stage};
use parindex::remediation::{build, check_against, check_interim, Remediation};
use parindex::report::Report;
use parindex::score::Scorecard;
use std::path::Path;
use std::process::ExitCode;

/// What `report` needs to write the remediation report.
pub struct Request<'a> {
    pub plan: &'a Path,
    pub interim: Option<&'a Path>,
    pub resolver: &'a CriteriaResolver,
    pub stage: Stage,
    pub lang: Lang,
}

/// The remediation report of last year's `card` (whose results report is `built`), ready for
/// any rendering, or the exit code after the plan's or the interim evidence's diagnostics
/// were printed.
pub fn model(
    req: Request<'_>,
    built: Report,
    card: &Scorecard,
    evidence: &Evidence,
) -> Result<Remediation, ExitCode> {
    let (source, plan, warnings) = match load_plan(req.plan) {
        Ok(p) => p,
        Err(d) => {
            report(&d.0, req.lang);
            return Err(failure());
        }
    };
    let mut found = warnings;
    found.extend(check_against(&source, &plan, card, evidence));
    if !found.iter().any(|d| d.is_error()) {
        found.extend(plan_against_set(
            &source,
            &plan,
            &card.set,
            Some(&card.losses()),
        ));
    }
    if report(&found, req.lang) > 0 {
        return Err(failure());
    }
    let interim = match req.interim {
        None => None,
        Some(path) => {
            let scored = load_scored(path, req.resolver, req.stage, req.lang)?;
            if report(&scored.warnings, req.lang) > 0 {
                return Err(failure());
            }
            // Another unit's, or an earlier year's, values would project a grade that is not
            // this unit's; a plan contradicted by them would count points as remedied.
            let found = check_interim(&source, &plan, card, &scored.source, &scored.card);
            if report(&found, req.lang) > 0 {
                return Err(failure());
            }
            Some(scored)
        }
    };
    Ok(build(built, &plan, card, interim.as_ref().map(|s| &s.card)))
}
