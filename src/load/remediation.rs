//! Remediation plans (`kind: remediation`): from the parsed file to a [`Plan`], every problem
//! of the file at once (unknown keys, a status that is not one of the four, a date that is
//! not a day, more tasks done than the plan has).

use super::raw::{Fields, Reader, Scalar};
use super::yaml::{key, Kind, Node};
use super::{check_header, expect_kind, Source};
use crate::diag::{self, Diagnostic, Diagnostics};
use crate::i18n::remediation as words;
use crate::model::CriteriaSet;
use crate::plan::{Date, Plan, PlanDocument, Progress, Remedy, Status, Upkeep};
use std::path::Path;

const TOP_KEYS: [&str; 10] = [
    "parindex", "kind", "unit", "period", "criteria", "evidence", "as_of", "plan", "remedies",
    "sections",
];
const PLAN_KEYS: [&str; 7] = [
    "reference",
    "date",
    "title",
    "done",
    "total",
    "as_of",
    "source",
];
const REMEDY_KEYS: [&str; 8] = [
    "status",
    "action",
    "date",
    "progress",
    "docs",
    "responsible",
    "source",
    "note",
];
const PROGRESS_KEYS: [&str; 3] = ["done", "total", "as_of"];
const UPKEEP_KEYS: [&str; 3] = ["action", "responsible", "source"];

/// Reads a remediation plan file.
pub fn load_plan(path: &Path) -> Result<(Source, Plan, Vec<Diagnostic>), Diagnostics> {
    let source = Source::read(path)?;
    let (plan, warnings) = parse_plan(&source)?;
    Ok((source, plan, warnings))
}

/// Binds a remediation plan, reporting every problem at once; on success, its warnings.
pub fn parse_plan(source: &Source) -> Result<(Plan, Vec<Diagnostic>), Diagnostics> {
    let doc = source.document()?;
    expect_kind(source, doc, "remediation")?;
    let mut r = Reader::new(source);
    let Some(f) = r.top(doc, &TOP_KEYS) else {
        return Err(Diagnostics(r.found.into_vec(&source.name)));
    };
    let parindex = r
        .required(&f, "parindex")
        .and_then(|n| r.scalar("parindex", n));
    let kind = r.req_text(&f, "kind");
    let (Some(parindex), Some(kind)) = (parindex, kind) else {
        return Err(Diagnostics(r.found.into_vec(&source.name)));
    };
    check_header(source, &parindex, kind, "remediation")?;
    let unit = r.req_text(&f, "unit").map(str::to_string);
    let period = r
        .required(&f, "period")
        .and_then(|n| r.scalar("period", n))
        .map(|s| s.text().to_string());
    let criteria = r.req_text(&f, "criteria").map(str::to_string);
    let evidence = r.opt_text(&f, "evidence").map(str::to_string);
    let as_of = date(&mut r, &f, "as_of");
    let plan = f
        .get("plan")
        .filter(|n| n.scalar() != Some(Scalar::Null))
        .and_then(|n| plan_document(&mut r, n));
    let mut remedies = Vec::new();
    if let Some(n) = f.get("remedies") {
        for (k, v) in r.map("remedies", n).unwrap_or_default() {
            let Some(code) = code_key(&mut r, k, "remedies") else {
                continue;
            };
            let previous = r.criterion.replace(code.clone());
            if let Some(remedy) = remedy(&mut r, code, v) {
                remedies.push(remedy);
            }
            r.criterion = previous;
        }
    }
    let mut upkeep = Vec::new();
    if let Some(n) = f.get("sections") {
        for (k, v) in r.map("sections", n).unwrap_or_default() {
            let Some(code) = code_key(&mut r, k, "sections") else {
                continue;
            };
            let previous = r.criterion.replace(code.clone());
            if let Some(u) = section_upkeep(&mut r, code, v) {
                upkeep.push(u);
            }
            r.criterion = previous;
        }
    }
    let (Some(unit), Some(period), Some(criteria)) = (unit, period, criteria) else {
        return Err(Diagnostics(r.found.into_vec(&source.name)));
    };
    if r.found.has_errors() {
        return Err(Diagnostics(r.found.into_vec(&source.name)));
    }
    let plan = Plan {
        unit,
        period,
        criteria,
        evidence,
        as_of,
        plan,
        remedies,
        upkeep,
    };
    let mut found = r.found.into_vec(&source.name);
    found.extend(date_order(source, &plan));
    if found.iter().any(Diagnostic::is_error) {
        return Err(Diagnostics(found));
    }
    Ok((plan, found))
}

/// The plan's dates against each other and against the period remediated: the report speaks
/// as of a day after that period (E509: its index is published the year after), the
/// improvement plan follows the period, and nothing is dated after the report's `as_of`
/// (W505).
fn date_order(source: &Source, plan: &Plan) -> Vec<Diagnostic> {
    use crate::i18n::remediation as say;
    let mut found = Vec::new();
    // The last year the period covers, where it names one ("2022", "năm 2022").
    let period_year = crate::compare::period_year(&plan.period);
    let within_period = |d: Date| period_year.is_some_and(|y| u32::from(d.year) <= y);
    if let Some(as_of) = plan.as_of.filter(|&d| within_period(d)) {
        found.push(
            source
                .diag(
                    diag::AS_OF_BEFORE_PERIOD,
                    &[key("as_of")],
                    say::as_of_before_period(as_of, &plan.period),
                )
                .help(say::AS_OF_HELP),
        );
    }
    let document = plan.plan.as_ref();
    if let Some(date) = document.and_then(|p| p.date).filter(|&d| within_period(d)) {
        found.push(
            source
                .diag(
                    diag::DATES_OUT_OF_ORDER,
                    &[key("plan"), key("date")],
                    say::plan_before_period(date, &plan.period),
                )
                .help(say::PLAN_DATE_HELP),
        );
    }
    let Some(as_of) = plan.as_of else {
        return found;
    };
    let mut later =
        |path: &[crate::load::yaml::Seg], name: &str, date: Option<Date>, code: Option<&str>| {
            if let Some(date) = date.filter(|&d| d > as_of) {
                let mut d = source
                    .diag(
                        diag::DATES_OUT_OF_ORDER,
                        path,
                        say::after_as_of(name, date, as_of),
                    )
                    .help(say::AFTER_AS_OF_HELP);
                d.criterion = code.map(str::to_string);
                found.push(d);
            }
        };
    if let Some(p) = document {
        later(&[key("plan"), key("date")], "date", p.date, None);
        later(
            &[key("plan"), key("as_of")],
            "as_of",
            p.progress.and_then(|x| x.as_of),
            None,
        );
    }
    for r in &plan.remedies {
        let at = |k: &'static str| [key("remedies"), key(&r.code), key(k)];
        later(&at("date"), "date", r.date, Some(&r.code));
        later(
            &[key("remedies"), key(&r.code), key("progress"), key("as_of")],
            "as_of",
            r.progress.and_then(|x| x.as_of),
            Some(&r.code),
        );
    }
    found
}

/// A code key, as evidence files write them: quoted (`"7.10"`; YAML reads 7.10 unquoted as
/// 7.1).
fn code_key(r: &mut Reader<'_>, k: &Node, under: &str) -> Option<String> {
    match k.scalar() {
        Some(Scalar::Str(s) | Scalar::Int(s)) => Some(s.to_string()),
        Some(Scalar::Float(written)) => {
            let d = r.report(
                diag::FLOAT_CODE,
                k,
                super::criteria::float_code_message(written),
            );
            d.criterion = Some(written.to_string());
            d.set_help(Some(crate::i18n::diag::quote_the_key(written)));
            None
        }
        other => {
            let shown = other.map_or_else(|| k.described(), |s| format!("`{}`", s.text()).into());
            let keys = if under == "sections" {
                words::SECTIONS_KEYS_ARE_CODES
            } else {
                words::REMEDIES_KEYS_ARE_CODES
            };
            r.report(diag::BAD_CODE, k, crate::i18n::diag::not_a_code(shown))
                .set_help(Some(keys.into()));
            None
        }
    }
}

/// An optional `YYYY-MM-DD`. YAML reads `2023-05-16` as text; a date written otherwise
/// (`16/5/2023`, `2023-02-30`) is refused, so that no report prints a day that never was.
fn date<'t>(r: &mut Reader<'_>, f: &Fields<'t>, name: &str) -> Option<Date> {
    let node = f.get(name)?;
    if node.scalar() == Some(Scalar::Null) {
        return None;
    }
    let text = r.text(name, node)?;
    let found = Date::parse(text);
    if found.is_none() {
        r.report(
            diag::BAD_DATE,
            node,
            words::not_a_date(name, &diag::shown(text)),
        )
        .set_help(Some(words::DATE_HELP.into()));
    }
    found
}

/// A whole number of tasks.
fn count<'t>(r: &mut Reader<'_>, f: &Fields<'t>, name: &str) -> Option<(u32, &'t Node)> {
    let node = f.get(name)?;
    let text = r.number(name, node)?.0;
    match text.parse::<u32>() {
        Ok(n) => Some((n, node)),
        Err(_) => {
            r.report(
                diag::BAD_PROGRESS,
                node,
                words::not_a_task_count(name, &diag::shown(text)),
            )
            .set_help(Some(words::TASK_COUNT_HELP.into()));
            None
        }
    }
}

/// `done:` and `total:` (and `as_of:`) of the mapping `f`, checked: done ≤ total, total > 0.
fn progress<'t>(r: &mut Reader<'_>, f: &Fields<'t>) -> Option<Progress> {
    let done = count(r, f, "done");
    let total = count(r, f, "total");
    let as_of = date(r, f, "as_of");
    // A count written but refused (`done: -1`) has been reported: it is not also missing.
    let written = |name: &str| {
        f.get(name)
            .is_some_and(|n| n.scalar() != Some(Scalar::Null))
    };
    if (done.is_none() && written("done")) || (total.is_none() && written("total")) {
        return None;
    }
    match (done, total) {
        (None, None) => None,
        (Some((done, _)), Some((total, node))) => {
            if total == 0 {
                r.report(diag::BAD_PROGRESS, node, words::NO_TASKS);
                None
            } else if done > total {
                r.report(
                    diag::BAD_PROGRESS,
                    node,
                    words::done_exceeds_total(done, total),
                )
                .set_help(Some(words::DONE_HELP.into()));
                None
            } else {
                Some(Progress { done, total, as_of })
            }
        }
        (Some(_), None) | (None, Some(_)) => {
            r.report(diag::MISSING_KEY, f.node, words::PROGRESS_NEEDS_BOTH);
            None
        }
    }
}

fn plan_document(r: &mut Reader<'_>, node: &Node) -> Option<PlanDocument> {
    let f = r.fields(node, "plan", &PLAN_KEYS)?;
    let reference = r.req_text(&f, "reference").map(str::to_string);
    let date = date(r, &f, "date");
    let title = r.opt_text(&f, "title").map(str::to_string);
    let progress = progress(r, &f);
    let source = r.opt_text(&f, "source").map(str::to_string);
    Some(PlanDocument {
        reference: reference?,
        date,
        title,
        progress,
        source,
    })
}

/// `responsible:`: one office or a list of them.
fn offices(r: &mut Reader<'_>, f: &Fields<'_>) -> Vec<String> {
    match f.get("responsible") {
        None => Vec::new(),
        Some(n) => match &n.kind {
            Kind::Seq(items) => items
                .iter()
                .filter_map(|i| r.text("responsible", i).map(str::to_string))
                .collect(),
            _ if n.scalar() == Some(Scalar::Null) => Vec::new(),
            _ => r
                .text("responsible", n)
                .map(|t| vec![t.to_string()])
                .unwrap_or_default(),
        },
    }
}

fn remedy(r: &mut Reader<'_>, code: String, node: &Node) -> Option<Remedy> {
    let f = r.fields(node, &code, &REMEDY_KEYS)?;
    let status = match r.required(&f, "status") {
        None => None,
        Some(n) => {
            let text = r.text("status", n);
            let status = text.and_then(Status::from_name);
            if let (Some(text), None) = (text, status) {
                let help = words::status_help(diag::suggest(text, Status::NAMES), &Status::NAMES);
                r.report(
                    diag::BAD_STATUS,
                    n,
                    words::unknown_status(&diag::shown(text)),
                )
                .set_help(Some(help));
            }
            status
        }
    };
    let action = r.opt_text(&f, "action").map(str::to_string);
    let date = date(r, &f, "date");
    let progress = match f.get("progress") {
        Some(n) if n.scalar() != Some(Scalar::Null) => r
            .fields(n, "progress", &PROGRESS_KEYS)
            .and_then(|pf| progress(r, &pf)),
        _ => None,
    };
    let docs = match f.get("docs") {
        None => Vec::new(),
        Some(n) => r
            .list("docs", n)
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| r.text("docs", i).map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let responsible = offices(r, &f);
    let source = r.opt_text(&f, "source").map(str::to_string);
    // `note:` is the author's own remark, kept in the file and not reported.
    let _ = r.opt_text(&f, "note");
    Some(Remedy {
        code,
        status: status?,
        action,
        date,
        progress,
        docs,
        responsible,
        source,
    })
}

fn section_upkeep(r: &mut Reader<'_>, section: String, node: &Node) -> Option<Upkeep> {
    let f = r.fields(node, &section, &UPKEEP_KEYS)?;
    let action = r.req_text(&f, "action").map(str::to_string);
    let responsible = offices(r, &f);
    let source = r.opt_text(&f, "source").map(str::to_string);
    Some(Upkeep {
        section,
        action: action?,
        responsible,
        source,
    })
}

/// The plan's codes checked against the set it names: a remedy for a criterion the set does
/// not have, or for a section or group of criteria (remedies are per criterion that has a
/// rule), or a section entry for a code that is not a section, is an error (E501). `lost`:
/// the leaves that lost points in the period remediated, where its evidence is known, to
/// name those under a section keyed by mistake.
pub fn plan_against_set(
    source: &Source,
    plan: &Plan,
    set: &CriteriaSet,
    lost: Option<&[usize]>,
) -> Vec<Diagnostic> {
    use crate::i18n::remediation as say;
    let mut found = Vec::new();
    for r in &plan.remedies {
        if let Some(i) = set.find(&r.code).filter(|&i| !set.nodes[i].is_leaf()) {
            let under = |mut leaf: usize| loop {
                if leaf == i {
                    return true;
                }
                match set.nodes[leaf].parent {
                    Some(p) => leaf = p,
                    None => return false,
                }
            };
            let lost_under: Option<Vec<&str>> = lost.map(|l| {
                let mut codes: Vec<usize> = l.iter().copied().filter(|&x| under(x)).collect();
                codes.sort_unstable();
                codes.iter().map(|&x| set.nodes[x].code.as_str()).collect()
            });
            found.push(
                source
                    .diag_at_key(
                        diag::REMEDY_UNKNOWN_CODE,
                        &[key("remedies"), key(&r.code)],
                        say::remedy_not_leaf(),
                    )
                    .criterion(r.code.clone())
                    .help(say::remedy_not_leaf_help(lost_under.as_deref())),
            );
        }
        if set.find(&r.code).is_none() {
            let mut d = source
                .diag_at_key(
                    diag::REMEDY_UNKNOWN_CODE,
                    &[key("remedies"), key(&r.code)],
                    words::no_such_criterion(&set.id),
                )
                .criterion(r.code.clone());
            let nearest = diag::suggest_code(&r.code, set.nodes.iter().map(|n| n.code.as_str()));
            d.set_help(Some(words::remedy_code_help(nearest)));
            found.push(d);
        }
    }
    for u in &plan.upkeep {
        if !set.sections().any(|s| set.nodes[s].code == u.section) {
            let sections: Vec<&str> = set.sections().map(|s| set.nodes[s].code.as_str()).collect();
            found.push(
                source
                    .diag_at_key(
                        diag::REMEDY_UNKNOWN_CODE,
                        &[key("sections"), key(&u.section)],
                        words::no_such_section(&set.id),
                    )
                    .criterion(u.section.clone())
                    .help(words::sections_here(&sections.join(", "))),
            );
        }
    }
    found
}

/// The criteria set the plan names, found as an evidence file's is (relative to `base_dir`).
pub(crate) fn plan_set(
    source: &Source,
    plan: &Plan,
    base_dir: &Path,
    resolver: &super::CriteriaResolver,
) -> Result<std::sync::Arc<CriteriaSet>, Diagnostics> {
    super::evidence::resolve_criteria(source, &plan.criteria, base_dir, resolver).map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<(Plan, Vec<Diagnostic>), Diagnostics> {
        parse_plan(&Source::from_text(String::from("p.yaml"), text.into()))
    }

    const HEAD: &str =
        "parindex: 1\nkind: remediation\nunit: X\nperiod: \"2022\"\ncriteria: dak-nong-district-2022\n";

    #[test]
    fn a_plan_reads_with_its_remedies() {
        let (plan, warnings) = parse(&format!(
            "{HEAD}plan: {{ reference: KH 99, date: 2023-03-27, done: 67, total: 106 }}\nremedies:\n  \"3.4.1\": {{ status: not-started, responsible: [A, B] }}\n  \"1.1.3\": {{ status: in-progress, progress: {{ done: 21, total: 32 }} }}\nsections:\n  \"4\": {{ action: keep going }}\n"
        ))
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(plan.plan.as_ref().unwrap().progress.unwrap().done, 67);
        assert_eq!(plan.remedies[0].status, Status::NotStarted);
        assert_eq!(plan.remedies[0].responsible, ["A", "B"]);
        assert_eq!(plan.remedies[1].progress.unwrap().total, 32);
        assert_eq!(plan.upkeep[0].section, "4");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let e = parse(&format!(
            "{HEAD}plan: {{ reference: KH, done: 107, total: 106 }}\nremedies:\n  \"1.1\": {{ status: fixed, date: 16/5/2023, colour: red }}\n"
        ))
        .unwrap_err();
        let codes: Vec<&str> = e.0.iter().map(|d| d.check.code).collect();
        assert!(codes.contains(&"E504"), "{codes:?}");
        assert!(codes.contains(&"E502"));
        assert!(codes.contains(&"E503"));
        assert!(codes.contains(&"E007"));
        let status = e.0.iter().find(|d| d.check.code == "E502").unwrap();
        assert_eq!(status.criterion.as_deref(), Some("1.1"));
        assert!(status.position.is_some());
    }

    #[test]
    fn dates_are_checked_against_the_period_and_as_of() {
        let e = parse(&format!("{HEAD}as_of: 2022-12-31\n")).unwrap_err();
        assert_eq!(e.0[0].check.code, "E509");
        assert!(e.0[0].position.is_some());
        let (_, w) = parse(&format!(
            "{HEAD}as_of: 2023-08-31\nplan: {{ reference: KH, date: 2022-06-01 }}\nremedies:\n  \"7.3\": {{ status: done, date: 2023-09-01 }}\n"
        ))
        .unwrap();
        let codes: Vec<_> = w
            .iter()
            .map(|d| (d.check.code, d.criterion.clone()))
            .collect();
        assert_eq!(
            codes,
            [("W505", None), ("W505", Some("7.3".to_string()))],
            "{w:?}"
        );
        // In order, nothing is said; a period that names no year is not checked against.
        assert!(parse(&format!(
            "{HEAD}as_of: 2023-08-31\nplan: {{ reference: KH, date: 2023-03-27 }}\nremedies:\n  \"7.3\": {{ status: done, date: 2023-05-16 }}\n"
        ))
        .unwrap()
        .1
        .is_empty());
        let other = HEAD.replace("\"2022\"", "\"đợt 1\"");
        assert!(parse(&format!("{other}as_of: 2001-01-01\n"))
            .unwrap()
            .1
            .is_empty());
    }

    #[test]
    fn a_count_refused_is_reported_once() {
        let e = parse(&format!(
            "{HEAD}plan: {{ reference: KH, done: -1, total: 106 }}\n"
        ))
        .unwrap_err();
        let codes: Vec<_> = e.0.iter().map(|d| d.check.code).collect();
        assert_eq!(codes, ["E504"]);
    }

    #[test]
    fn a_code_written_as_a_number_is_refused() {
        let e = parse(&format!("{HEAD}remedies:\n  7.10: {{ status: done }}\n")).unwrap_err();
        assert_eq!(e.0[0].check.code, "E102");
        assert!(e.0[0].message.contains("7.1"), "{}", e.0[0].message);
    }
}
